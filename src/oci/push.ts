/**
 * Publishing one Helm artifact in an order that never exposes a broken tag:
 * compare with what the tag holds (`if-exists`), upload the blobs (skipping
 * those present), put the manifest by digest, and only then point the tag at
 * it — a tag can never reference a manifest whose blobs are missing.
 */
import { Readable } from 'node:stream'
import { RegistryError } from '../errors'
import type { BlobSource, RegistryClient } from './client'
import { sha256Digest, type HelmManifest } from './helm-artifact'
import type { ChartReference } from './reference'

export type IfExists = 'skip-identical' | 'fail' | 'overwrite'

/**
 * `identical` when the tag already holds exactly this manifest, `absent` or
 * `replace` otherwise; throws for a different manifest unless overwriting.
 */
export async function checkExisting(
  client: RegistryClient,
  ref: ChartReference,
  digest: string,
  ifExists: IfExists,
  /** false: ask for pull access only (a plan reads, it does not push). */
  push = true
): Promise<'absent' | 'identical' | 'replace'> {
  const existing = await client.headManifest(ref.repository, ref.tag, push)
  if (!existing) return 'absent'
  if (existing.digest === digest && ifExists !== 'fail') return 'identical'
  if (ifExists === 'overwrite') return 'replace'
  const same = existing.digest === digest
  throw new RegistryError(`${ref} already exists${same ? ' (with the same content)' : ` and holds ${existing.digest}, not ${digest}`}`, {
    registry: ref.host,
    status: 409,
    hint: same
      ? 'Nothing changed; use if-exists: skip-identical to accept re-runs'
      : 'Chart versions are immutable once published: bump version in Chart.yaml (or the version input), or set if-exists: overwrite to replace it deliberately'
  })
}

export interface ArtifactUpload {
  config: { digest: string; size: number; bytes: Buffer }
  chart: BlobSource
  prov?: { digest: string; size: number; bytes: Buffer }
  manifest: HelmManifest
}

/** A blob held in memory (configs, signatures, small documents). */
export const bufferSource = (b: { digest: string; size: number; bytes: Buffer }): BlobSource => ({
  digest: b.digest,
  size: b.size,
  open: (start = 0, end = b.size - 1) => Readable.from([b.bytes.subarray(start, end + 1)])
})

export const bytesSource = (bytes: Buffer): BlobSource => bufferSource({ digest: sha256Digest(bytes), size: bytes.length, bytes })

/** Blobs (in parallel), then the manifest by digest. Returns the manifest digest. */
export async function pushArtifact(client: RegistryClient, repository: string, a: ArtifactUpload): Promise<string> {
  const blobs = [bufferSource(a.config), a.chart, ...(a.prov ? [bufferSource(a.prov)] : [])]
  await Promise.all(blobs.map((b) => client.pushBlob(repository, b)))
  return client.putManifest(repository, a.manifest.digest, { mediaType: a.manifest.mediaType, bytes: a.manifest.manifest })
}

/** Points `tag` at the manifest (the same bytes, as Helm does). */
export async function tagManifest(
  client: RegistryClient,
  repository: string,
  tag: string,
  manifest: Buffer,
  mediaType = 'application/vnd.oci.image.manifest.v1+json'
): Promise<string> {
  return client.putManifest(repository, tag, { mediaType, bytes: manifest })
}

/**
 * Reads the tag back after setting it. Registries offer no compare-and-swap
 * for tags, so another run that pushed the same version at the same moment
 * may have moved it: then this run did not publish what the tag holds. A
 * racing run decides to write one round trip before it writes, so the read
 * waits a few round trips (`settleMs`) to see such a write land.
 */
export async function confirmTag(client: RegistryClient, ref: ChartReference, digest: string, settleMs = 0): Promise<void> {
  if (settleMs > 0) await new Promise((r) => setTimeout(r, settleMs))
  const now = await client.headManifest(ref.repository, ref.tag)
  if (now?.digest === digest) return
  throw new RegistryError(`${ref} was moved by someone else while this run set it: it holds ${now?.digest ?? 'nothing'}, not ${digest}`, {
    registry: ref.host,
    status: 409,
    hint: 'Another workflow run published the same version at the same time; serialize releases with a `concurrency:` group, and bump the version'
  })
}
