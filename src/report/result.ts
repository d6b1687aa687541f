/** What happened to one chart: the single record outputs and the summary are built from. */
export type ChartStatus = 'published' | 'unchanged' | 'dry-run' | 'failed'

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
}
