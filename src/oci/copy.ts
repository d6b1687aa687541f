/**
 * Copying an artifact by digest from one repository to another, on the same
 * registry or across registries, without re-packaging: the manifest bytes are
 * copied as they are (so its digest does not change), blobs are mounted when
 * both ends are on one registry and streamed from source to destination
 * otherwise, and everything attached to the digest comes along: OCI
 * referrers (Sigstore bundles, attestations; listed through the referrers
 * API or the `sha256-<hex>` tag schema) and cosign's legacy `.sig`, `.att`
 * and `.sbom` tags.
 */
import { PassThrough } from 'node:stream'
import { RegistryError } from '../errors'
import { pool } from '../pool'
import type { BlobSource, RegistryClient } from './client'
import type { Descriptor } from './helm-artifact'
import { fallbackTag, indexReferrer, listReferrers, type ReferrerDescriptor } from './referrers'

export interface Endpoint {
  client: RegistryClient
  repository: string
}

export interface CopyOptions {
  /** Mount blobs from the source repository (both ends on one registry). */
  mount: boolean
}

export interface CopiedManifest extends Descriptor {
  bytes: Buffer
  /** Headers of the destination's PUT (OCI-Subject tells whether it indexed a referrer). */
  putHeaders: Awaited<ReturnType<RegistryClient['putManifestWithResponse']>>['headers']
  /** How many blobs were mounted, streamed, or already there. */
  blobs: { mounted: number; streamed: number; present: number }
}

export interface CopiedAttachment {
  digest: string
  mediaType: string
  artifactType?: string
  /** The manifest it is attached to. */
  subject: string
  /** `referrers-api` or `fallback-tag` for referrers; the tag for cosign's legacy tags. */
  via: string
}

interface ParsedManifest {
  mediaType?: string
  config?: Descriptor
  layers?: Descriptor[]
  manifests?: Descriptor[]
}

/** Blobs copied at a time per manifest (Helm pushes 3 at a time). */
const BLOB_CONCURRENCY = 4

/** Depth of referrers of referrers followed (a signature on an attestation, and so on). */
const MAX_REFERRER_DEPTH = 3

/** cosign's tag-based attachments: `sha256-<hex>.sig`, `.att`, `.sbom`. */
const LEGACY_SUFFIXES = ['sig', 'att', 'sbom'] as const

/** A blob of the source as a BlobSource: each `open` starts its own (ranged) GET, so uploads can restart. */
export function remoteBlobSource(from: Endpoint, d: Descriptor): BlobSource {
  return {
    digest: d.digest,
    size: d.size,
    open(start?: number, end?: number) {
      const out = new PassThrough()
      from.client.openBlob(from.repository, d.digest, start, end).then(
        (body) => {
          body.on('error', (e) => out.destroy(e))
          body.pipe(out)
        },
        (e: Error) => out.destroy(e)
      )
      return out
    }
  }
}

async function copyBlob(from: Endpoint, to: Endpoint, d: Descriptor, o: CopyOptions): Promise<'mounted' | 'streamed' | 'present'> {
  if (o.mount && (await to.client.mountBlob(to.repository, d.digest, from.repository))) return 'mounted'
  return (await to.client.pushBlob(to.repository, remoteBlobSource(from, d))) === 'exists' ? 'present' : 'streamed'
}

function parse(bytes: Buffer, where: string, host: string): ParsedManifest {
  try {
    return JSON.parse(bytes.toString('utf8')) as ParsedManifest
  } catch {
    throw new RegistryError(`${where} is not a JSON manifest`, { registry: host, hint: 'The source registry returned something else than a manifest' })
  }
}

/**
 * Copies the manifest `digest` and everything it references (blobs; the
 * manifests of an index, recursively), then PUTs the very same bytes by
 * digest at the destination.
 */
export async function copyManifest(from: Endpoint, to: Endpoint, digest: string, o: CopyOptions): Promise<CopiedManifest> {
  const where = `${from.client.host}/${from.repository}@${digest}`
  const got = await from.client.getManifest(from.repository, digest)
  if (!got) throw new RegistryError(`${where} does not exist`, { registry: from.client.host, hint: 'Check the source reference' })
  const m = parse(got.bytes, where, from.client.host)
  const mediaType = got.mediaType || m.mediaType || 'application/vnd.oci.image.manifest.v1+json'
  const blobs = { mounted: 0, streamed: 0, present: 0 }
  for (const child of m.manifests ?? []) {
    const c = await copyManifest(from, to, child.digest, o)
    blobs.mounted += c.blobs.mounted
    blobs.streamed += c.blobs.streamed
    blobs.present += c.blobs.present
  }
  const unique = new Map<string, Descriptor>()
  for (const d of [...(m.config ? [m.config] : []), ...(m.layers ?? [])]) if (d?.digest) unique.set(d.digest, d)
  await pool([...unique.values()], BLOB_CONCURRENCY, async (d) => {
    blobs[await copyBlob(from, to, d, o)]++
  })
  const { headers } = await to.client.putManifestWithResponse(to.repository, digest, { mediaType, bytes: got.bytes })
  return { mediaType, digest, size: got.bytes.length, bytes: got.bytes, putHeaders: headers, blobs }
}

/**
 * Copies every referrer of `subject` (and their referrers, a few levels
 * deep), each by digest, and lists it at the destination the way that
 * registry supports. Returns what was copied, in order.
 */
export async function copyReferrers(from: Endpoint, to: Endpoint, subject: string, o: CopyOptions, depth = 0): Promise<CopiedAttachment[]> {
  const out: CopiedAttachment[] = []
  const found: ReferrerDescriptor[] = await listReferrers(from.client, from.repository, subject)
  for (const r of found) {
    const copied = await copyManifest(from, to, r.digest, o)
    const artifactType = r.artifactType ?? artifactTypeOf(copied.bytes)
    const via = await indexReferrer(
      to.client,
      to.repository,
      subject,
      { mediaType: copied.mediaType, digest: r.digest, size: copied.size, artifactType, annotations: r.annotations },
      copied.putHeaders
    )
    out.push({ digest: r.digest, mediaType: copied.mediaType, artifactType, subject, via })
    if (depth + 1 < MAX_REFERRER_DEPTH) out.push(...(await copyReferrers(from, to, r.digest, o, depth + 1)))
  }
  return out
}

/** The image spec's rule for a referrer's type: its `artifactType`, else its config's media type. */
function artifactTypeOf(bytes: Buffer): string | undefined {
  try {
    const m = JSON.parse(bytes.toString('utf8')) as { artifactType?: string; config?: { mediaType?: string } }
    return m.artifactType ?? m.config?.mediaType
  } catch {
    return undefined
  }
}

/** Copies cosign's `sha256-<hex>.sig` / `.att` / `.sbom` images of `subject`, when the source has them, and sets the same tags. */
export async function copyLegacyTags(from: Endpoint, to: Endpoint, subject: string, o: CopyOptions): Promise<CopiedAttachment[]> {
  const out: CopiedAttachment[] = []
  for (const suffix of LEGACY_SUFFIXES) {
    const tag = `${fallbackTag(subject)}.${suffix}`
    const head = await from.client.headManifest(from.repository, tag)
    if (!head) continue
    const copied = await copyManifest(from, to, head.digest, o)
    await to.client.putManifest(to.repository, tag, { mediaType: copied.mediaType, bytes: copied.bytes })
    out.push({ digest: head.digest, mediaType: copied.mediaType, subject, via: tag })
  }
  return out
}
