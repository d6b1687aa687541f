/**
 * Step outputs. The scalar outputs describe the last chart that was
 * published (or packaged, in a dry run); `charts` lists every chart, so
 * workflows with many charts read that one; with `plan`, `matrix` lists the
 * charts that would change the registry, for a `strategy.matrix` job.
 */
import { reachedRegistry, type ChartResult } from './result'

export type OutputSetter = (name: string, value: string) => void

export function chartsOutput(results: ChartResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      source: r.source,
      status: r.status,
      name: r.name,
      version: r.version,
      tag: r.tag,
      // Nothing of a failed or skipped chart was published under this digest.
      digest: reachedRegistry(r) ? r.digest : undefined,
      ref: reachedRegistry(r) ? r.ref : undefined,
      size: r.size,
      archive: r.archive,
      signature: r.signature,
      'legacy-signature': r.legacySignature,
      attestation: r.attestation,
      'attestation-id': r.attestationId,
      'rekor-log-index': r.rekorLogIndex,
      dependencies: r.dependencies,
      error: r.error,
      reason: r.reason
    }))
  )
}

/** `{"include":[{chart, name, version}]}`: one matrix job per chart the plan found new or changed. */
export function matrixOutput(results: ChartResult[]): string {
  return JSON.stringify({ include: results.filter((r) => r.status === 'planned').map((r) => ({ chart: r.source, name: r.name, version: r.version })) })
}

export function writeOutputs(results: ChartResult[], set: OutputSetter, opts: { plan?: boolean } = {}): void {
  const last = [...results].reverse().find(reachedRegistry)
  if (last) {
    const scalar: Array<[string, string | number | undefined]> = [
      ['name', last.name],
      ['version', last.version],
      ['tag', last.tag],
      ['digest', last.digest],
      ['ref', last.ref],
      ['archive', last.archive],
      ['signature', last.signature],
      ['attestation', last.attestation],
      ['attestation-id', last.attestationId],
      ['rekor-log-index', last.rekorLogIndex]
    ]
    for (const [k, v] of scalar) if (v !== undefined && v !== '') set(k, String(v))
  }
  set('charts', chartsOutput(results))
  if (opts.plan) set('matrix', matrixOutput(results))
}
