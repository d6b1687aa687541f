/**
 * Step outputs. The scalar outputs describe the last chart that was
 * published (or packaged, in a dry run); `charts` lists every chart, so
 * workflows with many charts read that one.
 */
import type { ChartResult } from './result'

export type OutputSetter = (name: string, value: string) => void

export function chartsOutput(results: ChartResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      source: r.source,
      status: r.status,
      name: r.name,
      version: r.version,
      tag: r.tag,
      digest: r.digest,
      ref: r.ref,
      size: r.size,
      archive: r.archive,
      signature: r.signature,
      'legacy-signature': r.legacySignature,
      attestation: r.attestation,
      'attestation-id': r.attestationId,
      'rekor-log-index': r.rekorLogIndex,
      dependencies: r.dependencies,
      error: r.error
    }))
  )
}

export function writeOutputs(results: ChartResult[], set: OutputSetter): void {
  const last = [...results].reverse().find((r) => r.status !== 'failed')
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
}
