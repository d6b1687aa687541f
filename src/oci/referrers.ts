/**
 * OCI 1.1 referrers (distribution-spec "Listing Referrers", image-spec
 * `subject`): artifacts such as Sigstore bundles attached to a chart manifest.
 * The referrer manifest is pushed by digest; whether the registry indexes it
 * is decided the way @sigstore/oci and cosign do: an `OCI-Subject` header on
 * the manifest PUT *and* `GET /v2/<repo>/referrers/<subject>` answering 200
 * with an image index. Otherwise the referrers tag schema is maintained: the
 * tag `sha256-<hex>` holds an image index listing the referrers, updated by
 * read-modify-write (`If-Match` when the registry gives an ETag), re-read to
 * confirm, retried when a concurrent writer replaced it, and serialized per
 * subject inside this process (spec 7.6, sigstore note 2.2 and 3.2).
 */
import { AuthError, RegistryError } from '../errors'
import { headerValue } from '../http'
import type { RegistryClient } from './client'
import { OCI_MANIFEST_MEDIA_TYPE, sha256Digest, type Descriptor } from './helm-artifact'
import { bufferSource } from './push'

export const OCI_INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json'

/** The empty JSON blob `{}` (image-spec "Guidance for an Empty Descriptor"). */
export const EMPTY_CONFIG = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
  bytes: Buffer.from('{}')
} as const satisfies Descriptor & { bytes: Buffer }

export interface ReferrerArtifact {
  /** The manifest's `artifactType` (and the index entry's). */
  artifactType: string
  /** The blobs; none means one empty-descriptor layer, as the image spec recommends. */
  layers: Array<{ mediaType: string; bytes: Buffer; annotations?: Record<string, string> }>
  /** Manifest annotations, copied into the fallback index entry. */
  annotations?: Record<string, string>
  /** Default: the empty config. `artifactType` here reproduces cosign's config descriptor exactly. */
  config?: { mediaType: string; bytes: Buffer; artifactType?: string }
}

export type ReferrerDescriptor = Descriptor & { artifactType?: string; annotations?: Record<string, string> }

/** How many times the fallback index read-modify-write is attempted. */
const FALLBACK_ATTEMPTS = 3

/** Keys in code-point order, as Go marshals maps: the same annotations give the same bytes. */
function sorted(m: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!m || Object.keys(m).length === 0) return undefined
  const out: Record<string, string> = {}
  for (const k of Object.keys(m).sort()) out[k] = m[k]
  return out
}

/** Only the descriptor fields: a subject may be a richer object (a HelmManifest holds its bytes). */
const plain = (d: Descriptor): Descriptor => ({ mediaType: d.mediaType, digest: d.digest, size: d.size })

const DIGEST = /^([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/

/**
 * The referrers tag schema's tag for a subject: `<alg>-<encoded>`, truncated to 32 and 64 characters, with what a tag
 * may not hold (`+` in an algorithm, `=` in an encoded part) replaced by `-` (distribution-spec "Referrers Tag Schema").
 */
export function fallbackTag(digest: string): string {
  const m = DIGEST.exec(digest)
  if (!m) throw new RegistryError(`${JSON.stringify(digest)} is not a digest`, { hint: 'A subject digest looks like sha256:<64 hex digits>' })
  return `${m[1].slice(0, 32)}-${m[2].slice(0, 64)}`.replace(/[^\w.-]/g, '-')
}

/** The OCI 1.1 image manifest of a referrer: pure and deterministic, so the same artifact gets the same digest. */
export function referrerManifest(subject: Descriptor, a: ReferrerArtifact): { bytes: Buffer; digest: string; size: number; mediaType: string } {
  if (!a.artifactType) throw new RegistryError('a referrer needs an artifactType', { hint: 'Set artifactType to the media type of what is attached' })
  fallbackTag(subject.digest)
  const cfg = a.config ?? EMPTY_CONFIG
  const config: Record<string, unknown> = { mediaType: cfg.mediaType, digest: sha256Digest(cfg.bytes), size: cfg.bytes.length }
  if (a.config?.artifactType) config.artifactType = a.config.artifactType
  const layers =
    a.layers.length === 0
      ? [{ mediaType: EMPTY_CONFIG.mediaType, digest: EMPTY_CONFIG.digest, size: EMPTY_CONFIG.size }]
      : a.layers.map((l) => {
          const d: Record<string, unknown> = { mediaType: l.mediaType, digest: sha256Digest(l.bytes), size: l.bytes.length }
          const ann = sorted(l.annotations)
          if (ann) d.annotations = ann
          return d
        })
  const manifest: Record<string, unknown> = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    artifactType: a.artifactType,
    config,
    layers,
    subject: plain(subject)
  }
  const annotations = sorted(a.annotations)
  if (annotations) manifest.annotations = annotations
  const bytes = Buffer.from(JSON.stringify(manifest), 'utf8')
  return { bytes, digest: sha256Digest(bytes), size: bytes.length, mediaType: OCI_MANIFEST_MEDIA_TYPE }
}

/** Re-throws a failure as a RegistryError that says what was being done, keeping status, code and cause. */
function rethrow(err: unknown, client: RegistryClient, what: string, hint?: (e: RegistryError) => string | undefined): never {
  if (err instanceof AuthError) throw err
  if (err instanceof RegistryError) {
    throw new RegistryError(`${what}: ${err.message}`, { registry: client.host, status: err.status, code: err.code, hint: hint?.(err) ?? err.hint, cause: err })
  }
  const msg = err instanceof Error ? err.message : String(err)
  throw new RegistryError(`${what} on ${client.host}: ${msg}`, {
    registry: client.host,
    hint: 'Check the network path to the registry and re-run the job',
    cause: err
  })
}

/** Refusals that mean "this registry does not take such manifests", not auth or outages. */
const refusedShape = (e: RegistryError): string | undefined =>
  e.status !== undefined && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 403 && e.status !== 429
    ? 'the registry may not accept OCI 1.1 artifacts with a subject (artifactType, an empty config); use a registry that supports OCI 1.1 artifacts or disable signing for it'
    : undefined

/**
 * Distribution (filesystem storage) rewrites a blob's link file non-atomically
 * when the same blob is uploaded twice at once; a manifest PUT that reads the
 * link meanwhile fails with 400 DIGEST_INVALID (seen with parallel referrers
 * sharing the `{}` config). Uploads of one blob are therefore shared inside this
 * process, and such a refusal of the manifest is retried after a pause.
 */
const uploads = new Map<string, Promise<unknown>>()
function uploadOnce(key: string, fn: () => Promise<unknown>): Promise<unknown> {
  const running = uploads.get(key)
  if (running) return running
  const p = fn().finally(() => uploads.delete(key))
  uploads.set(key, p)
  return p
}
const BLOB_RACE = new Set(['DIGEST_INVALID', 'MANIFEST_BLOB_UNKNOWN', 'BLOB_UNKNOWN'])
const MANIFEST_ATTEMPTS = 3

// One read-modify-write of a subject's fallback index at a time in this process.
const locks = new Map<string, Promise<unknown>>()
async function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const before = locks.get(key) ?? Promise.resolve()
  const run = before.then(fn, fn)
  const tail = run.catch(() => undefined)
  locks.set(key, tail)
  try {
    return await run
  } finally {
    if (locks.get(key) === tail) locks.delete(key)
  }
}

interface Index {
  schemaVersion?: number
  mediaType?: string
  manifests: ReferrerDescriptor[]
  [k: string]: unknown
}

/** The fallback index at `tag`, or undefined when the tag does not exist. */
async function readIndex(client: RegistryClient, repository: string, tag: string): Promise<{ index: Index; etag?: string; digest: string } | undefined> {
  const got = await client.getManifest(repository, tag)
  if (!got) return undefined
  const where = `${client.host}/${repository}:${tag}`
  let parsed: unknown
  try {
    parsed = JSON.parse(got.bytes.toString('utf8'))
  } catch {
    parsed = undefined
  }
  const p = parsed as Partial<Index> | undefined
  const mediaType = got.mediaType || p?.mediaType
  if (!p || typeof p !== 'object' || mediaType !== OCI_INDEX_MEDIA_TYPE || (p.manifests !== undefined && !Array.isArray(p.manifests))) {
    throw new RegistryError(`the referrers tag ${where} holds ${mediaType || 'a document'} that is not an OCI image index`, {
      registry: client.host,
      hint: `Something else uses the tag ${tag}; delete it so that referrers can be recorded there`
    })
  }
  return { index: { ...p, manifests: p.manifests ?? [] }, etag: got.etag, digest: got.digest }
}

/** Adds `entry` to the fallback index of `subjectDigest` unless present; confirms by reading it back. */
async function recordInFallback(client: RegistryClient, repository: string, subjectDigest: string, entry: ReferrerDescriptor): Promise<void> {
  const tag = fallbackTag(subjectDigest)
  const where = `${client.host}/${repository}:${tag}`
  for (let attempt = 1; attempt <= FALLBACK_ATTEMPTS; attempt++) {
    let current: Awaited<ReturnType<typeof readIndex>>
    try {
      current = await readIndex(client, repository, tag)
    } catch (e) {
      rethrow(e, client, `reading the referrers index ${where}`)
    }
    if (current?.index.manifests.some((m) => m?.digest === entry.digest)) return
    const index: Index = current ? current.index : { schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests: [] }
    index.manifests = [...index.manifests, entry]
    const bytes = Buffer.from(JSON.stringify(index), 'utf8')
    try {
      await client.putManifest(repository, tag, { mediaType: OCI_INDEX_MEDIA_TYPE, bytes }, current?.etag ? { headers: { 'if-match': current.etag } } : {})
    } catch (e) {
      // Someone else changed the index since we read it: read it again.
      if (e instanceof RegistryError && e.status === 412 && attempt < FALLBACK_ATTEMPTS) continue
      rethrow(e, client, `updating the referrers index ${where}`, (r) =>
        r.status === 412
          ? 'Other jobs keep updating the referrers of this chart at the same time; re-run the job'
          : refusedShape(r) && 'the registry may not accept OCI image indexes; use a registry that supports OCI artifacts'
      )
    }
    let after: Awaited<ReturnType<typeof readIndex>>
    try {
      after = await readIndex(client, repository, tag)
    } catch (e) {
      rethrow(e, client, `reading back the referrers index ${where}`)
    }
    if (after?.index.manifests.some((m) => m?.digest === entry.digest)) return
  }
  throw new RegistryError(
    `the referrers index ${where} kept being replaced by another writer; ${entry.digest} is not recorded after ${FALLBACK_ATTEMPTS} attempts`,
    {
      registry: client.host,
      hint: 'Other jobs update the referrers of this chart at the same time; re-run the job'
    }
  )
}

/**
 * Uploads the blobs and the referrer manifest (by digest), then makes sure
 * the registry can list it: through the referrers API when the registry has
 * one, else in the fallback tag index. Returns the referrer's descriptor.
 */
export async function pushReferrer(
  client: RegistryClient,
  repository: string,
  subject: Descriptor,
  a: ReferrerArtifact
): Promise<{ descriptor: Descriptor & { artifactType: string }; via: 'referrers-api' | 'fallback-tag' }> {
  const manifest = referrerManifest(subject, a)
  const name = `${client.host}/${repository}`
  const cfg = a.config ?? EMPTY_CONFIG
  const blobs = [cfg.bytes, ...(a.layers.length === 0 ? [EMPTY_CONFIG.bytes] : a.layers.map((l) => l.bytes))]
  const unique = new Map(blobs.map((b) => [sha256Digest(b), b]))
  try {
    // Every referrer shares the `{}` config: one upload per blob at a time (see uploadOnce).
    await Promise.all(
      [...unique].map(([digest, bytes]) =>
        uploadOnce(`${client.host}/${repository}@${digest}`, () => client.pushBlob(repository, bufferSource({ digest, size: bytes.length, bytes })))
      )
    )
  } catch (e) {
    rethrow(e, client, `uploading the blobs of the ${a.artifactType} referrer of ${name}@${subject.digest}`)
  }

  let headers: Awaited<ReturnType<RegistryClient['putManifestWithResponse']>>['headers'] | undefined
  for (let attempt = 1; !headers; attempt++) {
    try {
      ;({ headers } = await client.putManifestWithResponse(repository, manifest.digest, { mediaType: manifest.mediaType, bytes: manifest.bytes }))
    } catch (e) {
      // A blob just uploaded (by us or a concurrent writer) may not be visible yet.
      if (e instanceof RegistryError && e.status === 400 && BLOB_RACE.has(e.code ?? '') && attempt < MANIFEST_ATTEMPTS) {
        await new Promise((r) => setTimeout(r, 200 * attempt))
        continue
      }
      rethrow(e, client, `the registry refused the ${a.artifactType} referrer manifest ${manifest.digest} of ${name}@${subject.digest}`, refusedShape)
    }
  }
  const descriptor = { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.size, artifactType: a.artifactType }
  const via = await indexReferrer(client, repository, subject.digest, { ...descriptor, annotations: a.annotations }, headers)
  return { descriptor, via }
}

/**
 * Makes a referrer manifest already stored by digest listable: through the
 * referrers API when the registry indexed it (`putHeaders` of its PUT carry
 * `OCI-Subject`, and the API answers), else in the fallback tag index.
 */
export async function indexReferrer(
  client: RegistryClient,
  repository: string,
  subjectDigest: string,
  referrer: ReferrerDescriptor,
  putHeaders: Awaited<ReturnType<RegistryClient['putManifestWithResponse']>>['headers']
): Promise<'referrers-api' | 'fallback-tag'> {
  // ECR answers OCI-Subject without serving the API (@sigstore/oci), so both must hold.
  if (headerValue(putHeaders, 'oci-subject') === subjectDigest) {
    // Confirmed once per repository (craft: remember what a repository can do).
    if (client.referrersSupported(repository) === true) return 'referrers-api'
    let listed: unknown[] | undefined
    try {
      listed = await client.getReferrers(repository, subjectDigest)
    } catch (e) {
      rethrow(e, client, `listing the referrers of ${client.host}/${repository}@${subjectDigest}`)
    }
    if (listed) return 'referrers-api'
  }
  const entry: ReferrerDescriptor = plain(referrer)
  if (referrer.artifactType) entry.artifactType = referrer.artifactType
  const annotations = sorted(referrer.annotations)
  if (annotations) entry.annotations = annotations
  await serialized(`${client.host}/${repository}@${subjectDigest}`, () => recordInFallback(client, repository, subjectDigest, entry))
  return 'fallback-tag'
}

/** Referrers of `subjectDigest` (the API when it answers, else the fallback tag index), optionally of one artifactType. */
export async function listReferrers(client: RegistryClient, repository: string, subjectDigest: string, artifactType?: string): Promise<ReferrerDescriptor[]> {
  const name = `${client.host}/${repository}@${subjectDigest}`
  let found: ReferrerDescriptor[]
  try {
    const api = await client.getReferrers(repository, subjectDigest, artifactType)
    if (api) found = api as unknown as ReferrerDescriptor[]
    else found = (await readIndex(client, repository, fallbackTag(subjectDigest)))?.index.manifests ?? []
  } catch (e) {
    rethrow(e, client, `listing the referrers of ${name}`)
  }
  // Registries may ignore the artifactType filter (no OCI-Filters-Applied): filter here as well.
  return found.filter((d) => d && typeof d.digest === 'string' && (artifactType === undefined || d.artifactType === artifactType))
}
