/** What happened to one chart: the single record outputs and the summary are built from. */
export type ChartStatus = 'published' | 'unchanged' | 'dry-run' | 'planned' | 'failed' | 'skipped'

export interface ChartResult {
  /** Where the chart came from, relative to the workspace. */
  source: string
  status: ChartStatus
  name?: string
  version?: string
  tag?: string
  /** Manifest digest. */
  digest?: string
  /** Immutable reference oci://HOST/REPO@sha256:… */
  ref?: string
  /** Packaged archive size in bytes, and where it was written. */
  size?: number
  archive?: string
  signature?: string
  legacySignature?: string
  attestation?: string
  attestationId?: string
  rekorLogIndex?: string
  verifyCommands?: string[]
  /** Dependencies as packaged: name, version and where each came from. */
  dependencies?: Array<{ name: string; alias?: string; version: string; source: string }>
  warnings?: string[]
  error?: string
  /** Why a chart was skipped (a chart it needs failed, or fail-fast stopped the run). */
  reason?: string
}

/** Failed and skipped charts put nothing in the registry: no digest or reference of theirs may read as published. */
export function reachedRegistry(r: ChartResult): boolean {
  return r.status !== 'failed' && r.status !== 'skipped'
}

/** The step's verdict: undefined when no chart failed, else one line naming the failed (and skipped) charts. */
export function verdict(results: ChartResult[]): string | undefined {
  const named = (status: ChartStatus): string[] => results.filter((r) => r.status === status).map((r) => r.name ?? r.source)
  const failed = named('failed')
  if (!failed.length) return undefined
  const skipped = named('skipped')
  const pushed = results.filter((r) => r.status === 'published').length
  return (
    `${failed.length} of ${results.length} chart(s) failed: ${failed.join(', ')}` +
    (skipped.length ? `; ${skipped.length} skipped: ${skipped.join(', ')}` : '') +
    `; ${pushed ? `${pushed} published` : 'nothing was pushed'}`
  )
}
