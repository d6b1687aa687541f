/**
 * OCI 1.1 referrers (spec 7.6; sigstore note 2.2, 3.2): against a real CNCF
 * Distribution 2.8.2 registry, which has no referrers API, so the referrers
 * tag schema (`sha256-<hex>` index) is what gets written and read — checked
 * with curl and skopeo as well. A small fake registry covers the referrers-API
 * path, concurrent writers of the fallback index and refusals.
 */
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { AuthError, RegistryError } from '../../src/errors'
import type { RetryPolicy } from '../../src/http'
import { RegistryClient, type BlobSource } from '../../src/oci/client'
import { staticCredentials } from '../../src/oci/credentials'
import { buildHelmManifest, OCI_MANIFEST_MEDIA_TYPE, type Descriptor, type HelmManifest } from '../../src/oci/helm-artifact'
import { pushArtifact } from '../../src/oci/push'
import { EMPTY_CONFIG, fallbackTag, listReferrers, OCI_INDEX_MEDIA_TYPE, pushReferrer, referrerManifest, type ReferrerArtifact } from '../../src/oci/referrers'
import { caught, thrown } from '../support/caught'
import { startRegistry, type TestRegistry } from '../support/registry'

const FAST: RetryPolicy = { retries: 2, baseDelayMs: 10, minDelayMs: 10, maxDelayMs: 50 }
const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
const OTHER = 'application/vnd.example.sbom.v1+json'

function source(bytes: Buffer): BlobSource {
  return { digest: sha256(bytes), size: bytes.length, open: (start = 0, end = bytes.length - 1) => Readable.from([bytes.subarray(start, end + 1)]) }
}

/** A small chart manifest (config + one layer), pushed by digest. */
async function pushChart(client: RegistryClient, repository: string): Promise<HelmManifest> {
  const chart = randomBytes(512)
  const manifest = buildHelmManifest({
    metadata: { name: 'demo', version: '1.0.0', apiVersion: 'v2', description: `random ${randomBytes(4).toString('hex')}` },
    chart: { digest: sha256(chart), size: chart.length },
    created: new Date('2024-05-06T07:08:09Z')
  })
  await pushArtifact(client, repository, { config: manifest.config, chart: source(chart), manifest })
  return manifest
}

const bundleArtifact = (predicateType: string, body = randomBytes(64)): ReferrerArtifact => ({
  artifactType: BUNDLE,
  layers: [{ mediaType: BUNDLE, bytes: body }],
  annotations: {
    'dev.sigstore.bundle.predicateType': predicateType,
    'dev.sigstore.bundle.content': 'dsse-envelope',
    'org.opencontainers.image.created': '2026-11-24T00:50:02Z'
  }
})

const curlJson = (url: string, accept = OCI_INDEX_MEDIA_TYPE): { contentType: string; body: any } => {
  const out = execFileSync('curl', ['-sS', '-f', '-H', `Accept: ${accept}`, '-w', '\n%{content_type}', url], { encoding: 'utf8' })
  const nl = out.lastIndexOf('\n')
  return { body: JSON.parse(out.slice(0, nl)), contentType: out.slice(nl + 1) }
}

describe('referrerManifest and fallbackTag (pure)', () => {
  const subject: Descriptor = { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: sha256('chart'), size: 581 }

  test('fallbackTag is <alg>-<hex> (V-R1)', () => {
    expect(fallbackTag(`sha256:${'a'.repeat(64)}`)).toBe(`sha256-${'a'.repeat(64)}`)
    expect(fallbackTag(`sha512:${'b'.repeat(128)}`)).toBe(`sha512-${'b'.repeat(64)}`)
    expect(() => fallbackTag('latest')).toThrow(RegistryError)
  })

  test('fallbackTag truncates and replaces what a tag may not hold with "-" (distribution-spec "Referrers Tag Schema" table)', () => {
    // The third row of the spec's table, verbatim: algorithm cut to 32 characters, encoded to 64, `+` and `=` become `-`.
    expect(
      fallbackTag(
        'test+algorithm+using+algorithm+separators+and+lots+of+characters+to+excercise+overall+truncation:alsoSome=InTheEncodedSectionToShowHyphenReplacementAndLotsAndLotsOfCharactersToExcerciseEncodedTruncation'
      )
    ).toBe('test-algorithm-using-algorithm-s-alsoSome-InTheEncodedSectionToShowHyphenReplacementAndLotsAndLot')
    // What is not a digest at all (no algorithm, an empty encoded part, upper case in the algorithm) is refused.
    for (const bad of [`:${'a'.repeat(64)}`, 'sha256:', `SHA256:${'a'.repeat(64)}`, `sha256:${'a'.repeat(64)}/x`, ` sha256:${'a'.repeat(64)}`]) {
      expect(() => fallbackTag(bad)).toThrow(RegistryError)
    }
  })

  test('the OCI 1.1 shape, with the empty config by default', () => {
    const layer = Buffer.from('{"bundle":1}')
    const m = referrerManifest(subject, { artifactType: BUNDLE, layers: [{ mediaType: BUNDLE, bytes: layer }], annotations: { b: '2', a: '1' } })
    expect(m.mediaType).toBe(OCI_MANIFEST_MEDIA_TYPE)
    expect(m.digest).toBe(sha256(m.bytes))
    expect(m.size).toBe(m.bytes.length)
    const text = m.bytes.toString()
    expect(text).toBe(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST_MEDIA_TYPE,
        artifactType: BUNDLE,
        config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: EMPTY_CONFIG.digest, size: 2 },
        layers: [{ mediaType: BUNDLE, digest: sha256(layer), size: layer.length }],
        subject,
        annotations: { a: '1', b: '2' }
      })
    )
    expect(EMPTY_CONFIG.digest).toBe(sha256(EMPTY_CONFIG.bytes))
    expect(EMPTY_CONFIG.bytes.toString()).toBe('{}')
  })

  test('deterministic: the same inputs (annotations in any order) give the same bytes', () => {
    const layer = randomBytes(32)
    const a = referrerManifest(subject, {
      artifactType: OTHER,
      layers: [{ mediaType: OTHER, bytes: layer, annotations: { y: '1', x: '2' } }],
      annotations: { k1: 'v', k2: 'w' }
    })
    const b = referrerManifest(
      { ...subject },
      { artifactType: OTHER, layers: [{ mediaType: OTHER, bytes: Buffer.from(layer), annotations: { x: '2', y: '1' } }], annotations: { k2: 'w', k1: 'v' } }
    )
    expect(b.bytes.equals(a.bytes)).toBe(true)
    expect(b.digest).toBe(a.digest)
    const other = referrerManifest(subject, { artifactType: BUNDLE, layers: [{ mediaType: OTHER, bytes: layer }] })
    expect(other.digest).not.toBe(a.digest)
  })

  test('the subject is only its descriptor fields, even when given a whole HelmManifest', () => {
    const rich = { ...subject, manifest: Buffer.from('x'), layers: [], annotations: { a: 'b' } } as Descriptor
    const m = JSON.parse(referrerManifest(rich, { artifactType: OTHER, layers: [] }).bytes.toString())
    expect(m.subject).toEqual(subject)
    // No blobs: one empty-descriptor layer, as the image spec recommends.
    expect(m.layers).toEqual([{ mediaType: EMPTY_CONFIG.mediaType, digest: EMPTY_CONFIG.digest, size: 2 }])
    expect(m.annotations).toBeUndefined()
  })

  test('empty annotations are left out, as Go omits an empty map; layer annotations are sorted into the layer descriptor', () => {
    const layer = Buffer.from('{"x":1}')
    const m = referrerManifest(subject, { artifactType: OTHER, layers: [{ mediaType: OTHER, bytes: layer, annotations: {} }], annotations: {} })
    const withAnnotations = referrerManifest(subject, {
      artifactType: OTHER,
      layers: [{ mediaType: OTHER, bytes: layer, annotations: { 'org.opencontainers.image.title': 'sbom.json', a: 'b' } }],
      // A config of its own without artifactType: its descriptor has none either.
      config: { mediaType: 'application/vnd.example.config.v1+json', bytes: Buffer.from('{"c":1}') }
    })
    const base = { schemaVersion: 2, mediaType: OCI_MANIFEST_MEDIA_TYPE, artifactType: OTHER }
    expect(m.bytes.toString()).toBe(
      JSON.stringify({
        ...base,
        config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha256('{}'), size: 2 },
        layers: [{ mediaType: OTHER, digest: sha256(layer), size: layer.length }],
        subject
      })
    )
    expect(withAnnotations.bytes.toString()).toBe(
      JSON.stringify({
        ...base,
        config: { mediaType: 'application/vnd.example.config.v1+json', digest: sha256('{"c":1}'), size: 7 },
        layers: [{ mediaType: OTHER, digest: sha256(layer), size: layer.length, annotations: { a: 'b', 'org.opencontainers.image.title': 'sbom.json' } }],
        subject
      })
    )
  })

  test('a referrer without artifactType, or a subject that is not a digest, is refused with a hint', () => {
    const e = thrown<RegistryError>(() => referrerManifest(subject, { artifactType: '', layers: [] }))
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toBe('a referrer needs an artifactType')
    expect(e.hint).toBe('Set artifactType to the media type of what is attached')
    const t = thrown<RegistryError>(() => referrerManifest({ ...subject, digest: 'latest' }, { artifactType: OTHER, layers: [] }))
    expect(t.message).toBe('"latest" is not a digest')
    expect(t.hint).toBe('A subject digest looks like sha256:<64 hex digits>')
  })

  test("cosign's quirk: artifactType inside the config descriptor", () => {
    const m = JSON.parse(
      referrerManifest(subject, {
        artifactType: BUNDLE,
        layers: [{ mediaType: BUNDLE, bytes: Buffer.from('b') }],
        config: { mediaType: EMPTY_CONFIG.mediaType, bytes: EMPTY_CONFIG.bytes, artifactType: BUNDLE }
      }).bytes.toString()
    )
    expect(m.config).toEqual({ mediaType: EMPTY_CONFIG.mediaType, digest: EMPTY_CONFIG.digest, size: 2, artifactType: BUNDLE })
    expect(m.artifactType).toBe(BUNDLE)
  })
})

describe('Distribution 2.8.2 (no referrers API): the sha256-<hex> fallback tag', () => {
  let reg: TestRegistry
  let client: RegistryClient
  const repo = 'charts/demo'
  let chart: HelmManifest
  let subject: Descriptor
  const sigArtifact = bundleArtifact('https://sigstore.dev/cosign/sign/v1', Buffer.from('{"signature":"fixed"}'))
  const sbom: ReferrerArtifact = {
    artifactType: OTHER,
    layers: [
      {
        mediaType: 'application/spdx+json',
        bytes: Buffer.from('{"spdxVersion":"SPDX-2.3"}'),
        annotations: { 'org.opencontainers.image.title': 'sbom.spdx.json' }
      }
    ],
    annotations: { 'org.example.kind': 'sbom' }
  }
  let sigDigest: string
  let sbomDigest: string

  beforeAll(async () => {
    reg = await startRegistry({ auth: 'none' })
    client = new RegistryClient({ host: reg.host, plainHttp: true, retry: FAST })
    chart = await pushChart(client, repo)
    subject = { mediaType: chart.mediaType, digest: chart.digest, size: chart.size }
  })
  afterAll(async () => {
    await reg?.stop()
  })

  test('the registry has no referrers API', async () => {
    expect(await client.getReferrers(repo, chart.digest)).toBeUndefined()
  })

  test('two referrers with different artifactTypes go to the fallback tag', async () => {
    const a = await pushReferrer(client, repo, chart, sigArtifact)
    expect(a.via).toBe('fallback-tag')
    // The expected manifest, written out from the image spec (annotations sorted, as Go's encoding/json writes maps),
    // and the bytes the registry serves for the digest we reported.
    const layer = sigArtifact.layers[0].bytes
    const expected = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: BUNDLE,
        config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha256('{}'), size: 2 },
        layers: [{ mediaType: BUNDLE, digest: sha256(layer), size: layer.length }],
        subject,
        annotations: {
          'dev.sigstore.bundle.content': 'dsse-envelope',
          'dev.sigstore.bundle.predicateType': 'https://sigstore.dev/cosign/sign/v1',
          'org.opencontainers.image.created': '2026-11-24T00:50:02Z'
        }
      })
    )
    expect(a.descriptor).toEqual({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: sha256(expected),
      size: expected.length,
      artifactType: BUNDLE
    })
    const served = execFileSync('curl', ['-sSf', '-H', `Accept: ${OCI_MANIFEST_MEDIA_TYPE}`, `${reg.url}/v2/${repo}/manifests/${a.descriptor.digest}`])
    expect(served.equals(expected)).toBe(true)
    const b = await pushReferrer(client, repo, subject, sbom)
    expect(b.via).toBe('fallback-tag')
    expect(b.descriptor.artifactType).toBe(OTHER)
    sigDigest = a.descriptor.digest
    sbomDigest = b.descriptor.digest

    const { body, contentType } = curlJson(`${reg.url}/v2/${repo}/manifests/${fallbackTag(chart.digest)}`)
    expect(contentType).toBe(OCI_INDEX_MEDIA_TYPE)
    expect(body).toEqual({
      schemaVersion: 2,
      mediaType: OCI_INDEX_MEDIA_TYPE,
      manifests: [
        { ...a.descriptor, annotations: sigArtifact.annotations },
        { ...b.descriptor, annotations: sbom.annotations }
      ]
    })
    expect(fallbackTag(chart.digest)).toBe(`sha256-${chart.digest.slice(7)}`)
  })

  test('the referrer manifest read back has the chart as subject and the exact artifactType', async () => {
    const got = await client.getManifest(repo, sigDigest)
    expect(got?.mediaType).toBe(OCI_MANIFEST_MEDIA_TYPE)
    const m = JSON.parse(got!.bytes.toString())
    expect(m.subject).toEqual(subject)
    expect(m.artifactType).toBe(BUNDLE)
    expect(m.config).toEqual({ mediaType: EMPTY_CONFIG.mediaType, digest: EMPTY_CONFIG.digest, size: 2 })
    expect((await client.getBlob(repo, EMPTY_CONFIG.digest)).toString()).toBe('{}')
    expect((await client.getBlob(repo, m.layers[0].digest)).equals(sigArtifact.layers[0].bytes)).toBe(true)
    const sb = JSON.parse((await client.getManifest(repo, sbomDigest))!.bytes.toString())
    expect(sb.artifactType).toBe(OTHER)
    expect(sb.layers[0].annotations).toEqual({ 'org.opencontainers.image.title': 'sbom.spdx.json' })
  })

  test('listReferrers reads the fallback index and filters by artifactType', async () => {
    const all = await listReferrers(client, repo, chart.digest)
    expect(all.map((d) => d.digest)).toEqual([sigDigest, sbomDigest])
    const sigs = await listReferrers(client, repo, chart.digest, BUNDLE)
    expect(sigs).toEqual([
      { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: sigDigest, size: expect.any(Number), artifactType: BUNDLE, annotations: sigArtifact.annotations }
    ])
    expect((await listReferrers(client, repo, chart.digest, OTHER)).map((d) => d.digest)).toEqual([sbomDigest])
    expect(await listReferrers(client, repo, chart.digest, 'application/none')).toEqual([])
    expect(await listReferrers(client, repo, sha256(randomBytes(8)))).toEqual([])
  })

  test('pushing the same artifact again does not duplicate the index entry', async () => {
    const before = curlJson(`${reg.url}/v2/${repo}/manifests/${fallbackTag(chart.digest)}`).body
    const again = await pushReferrer(client, repo, subject, sigArtifact)
    expect(again.descriptor.digest).toBe(sigDigest)
    expect(again.via).toBe('fallback-tag')
    const after = curlJson(`${reg.url}/v2/${repo}/manifests/${fallbackTag(chart.digest)}`).body
    expect(after).toEqual(before)
    expect(after.manifests.filter((m: { digest: string }) => m.digest === sigDigest)).toHaveLength(1)
  })

  test('skopeo reads the fallback index', () => {
    const raw = execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${reg.host}/${repo}:${fallbackTag(chart.digest)}`], {
      encoding: 'utf8',
      env: { ...process.env, HOME: process.env.HOME ?? '/tmp' }
    })
    const index = JSON.parse(raw)
    expect(index.mediaType).toBe(OCI_INDEX_MEDIA_TYPE)
    expect(index.manifests.map((m: { artifactType: string }) => m.artifactType)).toEqual([BUNDLE, OTHER])
    // And the referrer itself by digest.
    const ref = JSON.parse(
      execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${reg.host}/${repo}@${sigDigest}`], { encoding: 'utf8' })
    )
    expect(ref.subject.digest).toBe(chart.digest)
  })

  test("cosign's exact referrer shape (artifactType in the config descriptor) is accepted", async () => {
    const c2 = await pushChart(client, 'charts/cosign')
    const art: ReferrerArtifact = {
      ...bundleArtifact('https://sigstore.dev/cosign/sign/v1'),
      config: { mediaType: EMPTY_CONFIG.mediaType, bytes: EMPTY_CONFIG.bytes, artifactType: BUNDLE }
    }
    const r = await pushReferrer(client, 'charts/cosign', c2, art)
    const m = JSON.parse((await client.getManifest('charts/cosign', r.descriptor.digest))!.bytes.toString())
    expect(m.config.artifactType).toBe(BUNDLE)
    expect((await listReferrers(client, 'charts/cosign', c2.digest, BUNDLE)).map((d) => d.digest)).toEqual([r.descriptor.digest])
  })

  test('a config of its own and no layers: the empty blob is uploaded for the empty layer, and the registry takes it', async () => {
    const c5 = await pushChart(client, 'charts/nolayers')
    const config = Buffer.from('{"kind":"attestation"}')
    const r = await pushReferrer(client, 'charts/nolayers', c5, {
      artifactType: OTHER,
      layers: [],
      config: { mediaType: 'application/vnd.example.config.v1+json', bytes: config }
    })
    const served = curlJson(`${reg.url}/v2/charts/nolayers/manifests/${r.descriptor.digest}`, OCI_MANIFEST_MEDIA_TYPE).body
    expect(served.layers).toEqual([{ mediaType: 'application/vnd.oci.empty.v1+json', digest: sha256('{}'), size: 2 }])
    expect(execFileSync('curl', ['-sSf', `${reg.url}/v2/charts/nolayers/blobs/${sha256('{}')}`], { encoding: 'utf8' })).toBe('{}')
    expect(execFileSync('curl', ['-sSf', `${reg.url}/v2/charts/nolayers/blobs/${sha256(config)}`], { encoding: 'utf8' })).toBe(config.toString())
  })

  test('concurrent pushes for one subject all end up in the index', async () => {
    const c3 = await pushChart(client, 'charts/parallel')
    const arts = Array.from({ length: 6 }, (_, i) => bundleArtifact(`https://example.com/predicate/${i}`))
    const results = await Promise.all(arts.map((a) => pushReferrer(client, 'charts/parallel', c3, a)))
    const listed = await listReferrers(client, 'charts/parallel', c3.digest)
    expect(listed.map((d) => d.digest).sort()).toEqual(results.map((r) => r.descriptor.digest).sort())
  })

  test('a tag sha256-<hex> holding something else is an error naming the registry', async () => {
    const c4 = await pushChart(client, 'charts/clash')
    // Point the fallback tag at an image manifest (the chart itself).
    await client.putManifest('charts/clash', fallbackTag(c4.digest), { mediaType: OCI_MANIFEST_MEDIA_TYPE, bytes: c4.manifest })
    const e = await caught(pushReferrer(client, 'charts/clash', c4, sbom))
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toContain(reg.host)
    expect(e.message).toBe(
      `reading the referrers index ${reg.host}/charts/clash:${fallbackTag(c4.digest)}: the referrers tag ${reg.host}/charts/clash:${fallbackTag(c4.digest)} holds ${OCI_MANIFEST_MEDIA_TYPE} that is not an OCI image index`
    )
    expect((e as RegistryError).hint).toBe(`Something else uses the tag ${fallbackTag(c4.digest)}; delete it so that referrers can be recorded there`)
    const l = await caught<RegistryError>(listReferrers(client, 'charts/clash', c4.digest))
    expect(l.message).toBe(
      `listing the referrers of ${reg.host}/charts/clash@${c4.digest}: the referrers tag ${reg.host}/charts/clash:${fallbackTag(c4.digest)} holds ${OCI_MANIFEST_MEDIA_TYPE} that is not an OCI image index`
    )
    expect(l.registry).toBe(reg.host)
  })
})

describe('token auth', () => {
  let reg: TestRegistry
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'token' })
  })
  afterAll(async () => {
    await reg?.stop()
  })

  test('push and list referrers with Bearer tokens', async () => {
    const client = new RegistryClient({ host: reg.host, plainHttp: true, retry: FAST, credentials: staticCredentials(reg.username, reg.password) })
    const chart = await pushChart(client, 'team/chart')
    const r = await pushReferrer(client, 'team/chart', chart, bundleArtifact('https://slsa.dev/provenance/v1'))
    expect(r.via).toBe('fallback-tag')
    expect((await listReferrers(client, 'team/chart', chart.digest, BUNDLE)).map((d) => d.digest)).toEqual([r.descriptor.digest])
  })

  test('a refused login stays an AuthError (not re-worded as a registry failure)', async () => {
    const client = new RegistryClient({ host: reg.host, plainHttp: true, retry: FAST, credentials: staticCredentials(reg.username, 'wrong') })
    const subject: Descriptor = { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: sha256('chart'), size: 581 }
    const e = await caught(pushReferrer(client, 'team/chart', subject, bundleArtifact('p')))
    expect(e).toBeInstanceOf(AuthError)
    expect(e.message).toMatch(/^token service /)
  })
})

// ---------------------------------------------------------------------------------------------
// A fake registry: enough of the distribution API for pushReferrer, with knobs for the
// referrers API, ETags / If-Match, and interference by other writers.

interface FakeOptions {
  /** Answer manifest PUTs that have a subject with OCI-Subject. */
  ociSubject?: boolean
  /** Serve GET /v2/<repo>/referrers/<digest>. */
  referrersApi?: boolean
  /** Referrers a page of the API's answer, the next page linked with `Link: <…>; rel="next"` (spec "Listing Referrers"). */
  pageSize?: number
  /** Answer this page (1-based) of the referrers API with 500. */
  failPage?: number
  /** Answer a manifest GET with 500 while this says so. */
  failGet?: (reference: string) => boolean
  /** Send ETags and honour If-Match (412 on mismatch). */
  etags?: boolean
  /** Called after a manifest PUT has been stored (tag, body). */
  afterPut?: (fake: FakeRegistry, reference: string) => void
  /** Called when a manifest PUT arrives, before If-Match is checked. */
  beforePut?: (fake: FakeRegistry, reference: string) => void
  /** Answer manifest PUTs by digest (by tag with `tags`) with this status, error and headers; the first `times` only when given. */
  refuseManifest?: { status: number; code: string; message: string; headers?: Record<string, string>; times?: number; tags?: boolean }
  /** Answer blob upload PUTs with this status and error. */
  refuseBlob?: { status: number; code: string; message: string }
  /** Refuse a manifest PUT by digest that names a blob the fake does not hold (as Distribution does). */
  checkBlobs?: boolean
}

interface FakeRegistry {
  host: string
  log: string[]
  manifests: Map<string, { mediaType: string; bytes: Buffer }>
  blobs: Map<string, Buffer>
  setTag(tag: string, mediaType: string, bytes: Buffer): void
  stop(): Promise<void>
}

async function startFake(o: FakeOptions): Promise<FakeRegistry> {
  const manifests = new Map<string, { mediaType: string; bytes: Buffer }>()
  const blobs = new Map<string, Buffer>()
  const log: string[] = []
  let uploads = 0
  let refused = 0
  const fake: FakeRegistry = {
    host: '',
    log,
    manifests,
    blobs,
    setTag: (tag, mediaType, bytes) => {
      manifests.set(tag, { mediaType, bytes })
      manifests.set(sha256(bytes), { mediaType, bytes })
    },
    stop: () => new Promise<void>((r) => server.close(() => r()))
  }
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = Buffer.concat(chunks)
    const url = new URL(req.url ?? '/', 'http://fake')
    log.push(`${req.method} ${url.pathname}`)
    const error = (status: number, code: string, message: string, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(JSON.stringify({ errors: [{ code, message }] }))
    }
    let m: RegExpExecArray | null
    if ((m = /^\/v2\/(.+)\/blobs\/uploads\/$/.exec(url.pathname)) && req.method === 'POST') {
      res.writeHead(202, { location: `/upload/${++uploads}` })
      return void res.end()
    }
    if (url.pathname.startsWith('/upload/') && req.method === 'PUT') {
      const digest = url.searchParams.get('digest')!
      if (o.refuseBlob) return error(o.refuseBlob.status, o.refuseBlob.code, o.refuseBlob.message)
      if (sha256(body) !== digest) return error(400, 'DIGEST_INVALID', 'digest mismatch')
      blobs.set(digest, body)
      res.writeHead(201, { 'docker-content-digest': digest })
      return void res.end()
    }
    if ((m = /^\/v2\/(.+)\/blobs\/(.+)$/.exec(url.pathname))) {
      const b = blobs.get(m[2])
      if (!b) return error(404, 'BLOB_UNKNOWN', 'blob unknown')
      res.writeHead(200, { 'content-length': String(b.length), 'docker-content-digest': m[2] })
      return void res.end(req.method === 'HEAD' ? undefined : b)
    }
    if ((m = /^\/v2\/(.+)\/referrers\/(.+)$/.exec(url.pathname)) && req.method === 'GET') {
      if (!o.referrersApi) return error(404, 'NOT_FOUND', 'page not found')
      const want = url.searchParams.get('artifactType')
      const list = [...manifests.entries()]
        .filter(([ref]) => ref.startsWith('sha256:'))
        .map(([digest, v]) => ({ digest, v, doc: JSON.parse(v.bytes.toString()) }))
        .filter((x) => x.doc.subject?.digest === m![2] && (!want || x.doc.artifactType === want))
        .map((x) => ({
          mediaType: x.v.mediaType,
          digest: x.digest,
          size: x.v.bytes.length,
          artifactType: x.doc.artifactType,
          ...(x.doc.annotations ? { annotations: x.doc.annotations } : {})
        }))
      const page = Number(url.searchParams.get('page') ?? '1')
      if (o.failPage === page) return error(500, 'UNKNOWN', 'page lost')
      const size = o.pageSize ?? list.length
      const headers: Record<string, string> = { 'content-type': OCI_INDEX_MEDIA_TYPE, ...(want ? { 'oci-filters-applied': 'artifactType' } : {}) }
      if (page * size < list.length) {
        const next = new URL(url.pathname, 'http://fake')
        if (want) next.searchParams.set('artifactType', want)
        next.searchParams.set('page', String(page + 1))
        headers.link = `<${next.pathname}${next.search}>; rel="next"`
      }
      res.writeHead(200, headers)
      return void res.end(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests: list.slice((page - 1) * size, page * size) }))
    }
    if ((m = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(url.pathname))) {
      const ref = m[2]
      if (req.method === 'PUT') {
        const digest = sha256(body)
        const r = o.refuseManifest
        if (r && ref.startsWith('sha256:') !== !!r.tags && (r.times === undefined || refused++ < r.times)) return error(r.status, r.code, r.message, r.headers)
        if (o.checkBlobs && ref.startsWith('sha256:')) {
          const doc = JSON.parse(body.toString())
          const missing = [doc.config, ...(doc.layers ?? [])].find((d) => d && !blobs.has(d.digest))
          if (missing) return error(400, 'MANIFEST_BLOB_UNKNOWN', `blob unknown to registry: ${missing.digest}`)
        }
        o.beforePut?.(fake, ref)
        const current = manifests.get(ref)
        const ifMatch = req.headers['if-match']
        if (o.etags && ifMatch !== undefined && (!current || `"${sha256(current.bytes)}"` !== ifMatch))
          return error(412, 'PRECONDITION_FAILED', 'etag mismatch')
        fake.setTag(ref, String(req.headers['content-type']), body)
        const headers: Record<string, string> = { 'docker-content-digest': digest, location: `/v2/${m[1]}/manifests/${digest}` }
        const doc = JSON.parse(body.toString())
        if (o.ociSubject && doc.subject) headers['oci-subject'] = doc.subject.digest
        res.writeHead(201, headers)
        res.end()
        o.afterPut?.(fake, ref)
        return
      }
      if (o.failGet?.(ref)) return error(500, 'UNKNOWN', 'storage failed')
      const v = manifests.get(ref)
      if (!v) return error(404, 'MANIFEST_UNKNOWN', 'manifest unknown')
      res.writeHead(200, {
        'content-type': v.mediaType,
        'docker-content-digest': sha256(v.bytes),
        'content-length': String(v.bytes.length),
        ...(o.etags ? { etag: `"${sha256(v.bytes)}"` } : {})
      })
      return void res.end(req.method === 'HEAD' ? undefined : v.bytes)
    }
    error(404, 'NOT_FOUND', 'no route')
  }
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String(e))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  fake.host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return fake
}

describe('fake registry', () => {
  const fakes: FakeRegistry[] = []
  const start = async (o: FakeOptions): Promise<{ fake: FakeRegistry; client: RegistryClient; chart: HelmManifest }> => {
    const fake = await startFake(o)
    fakes.push(fake)
    const client = new RegistryClient({ host: fake.host, plainHttp: true, retry: FAST })
    const chart = await pushChart(client, 'r/chart')
    fake.log.length = 0
    return { fake, client, chart }
  }
  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.stop()))
  })
  const otherIndex = (digest: string): Buffer =>
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX_MEDIA_TYPE,
        manifests: [{ mediaType: OCI_MANIFEST_MEDIA_TYPE, digest, size: 10, artifactType: 'application/x-other' }]
      })
    )

  test('OCI-Subject and a 200 referrers index: via referrers-api, no fallback tag written', async () => {
    const { fake, client, chart } = await start({ ociSubject: true, referrersApi: true })
    const r = await pushReferrer(client, 'r/chart', chart, bundleArtifact('p1'))
    expect(r.via).toBe('referrers-api')
    const tag = fallbackTag(chart.digest)
    expect(fake.log.filter((l) => l.includes(tag))).toEqual([])
    expect(fake.manifests.has(tag)).toBe(false)
    expect(fake.log).toContain(`PUT /v2/r/chart/manifests/${r.descriptor.digest}`)
    expect(fake.log).toContain(`GET /v2/r/chart/referrers/${chart.digest}`)
    const s = await pushReferrer(client, 'r/chart', chart, { artifactType: OTHER, layers: [{ mediaType: OTHER, bytes: Buffer.from('x') }] })
    expect(s.via).toBe('referrers-api')
    // listReferrers goes through the API.
    fake.log.length = 0
    expect((await listReferrers(client, 'r/chart', chart.digest, BUNDLE)).map((d) => d.digest)).toEqual([r.descriptor.digest])
    expect((await listReferrers(client, 'r/chart', chart.digest)).map((d) => d.digest).sort()).toEqual([r.descriptor.digest, s.descriptor.digest].sort())
    expect(fake.log.every((l) => l.startsWith('GET /v2/r/chart/referrers/'))).toBe(true)
  })

  test('OCI-Subject without a referrers API (as ECR does): the fallback tag', async () => {
    const { fake, client, chart } = await start({ ociSubject: true, referrersApi: false })
    const r = await pushReferrer(client, 'r/chart', chart, bundleArtifact('p1'))
    expect(r.via).toBe('fallback-tag')
    const index = JSON.parse(fake.manifests.get(fallbackTag(chart.digest))!.bytes.toString())
    expect(index.manifests.map((d: { digest: string }) => d.digest)).toEqual([r.descriptor.digest])
  })

  test('a referrers API without OCI-Subject on the PUT: the fallback tag as well', async () => {
    const { fake, client, chart } = await start({ ociSubject: false, referrersApi: true })
    const r = await pushReferrer(client, 'r/chart', chart, bundleArtifact('p1'))
    expect(r.via).toBe('fallback-tag')
    expect(fake.manifests.has(fallbackTag(chart.digest))).toBe(true)
  })

  test('If-Match: a writer that changed the index between our GET and PUT gets a 412, and we read again', async () => {
    let interfered = false
    const { fake, client, chart } = await start({
      etags: true,
      beforePut: (f, ref) => {
        // Between our read and our write, another writer replaces the index.
        if (ref.startsWith('sha256-') && !interfered) {
          interfered = true
          f.setTag(ref, OCI_INDEX_MEDIA_TYPE, otherIndex(sha256('writer-2')))
        }
      }
    })
    fake.setTag(fallbackTag(chart.digest), OCI_INDEX_MEDIA_TYPE, otherIndex(sha256('writer-1')))
    const r = await pushReferrer(client, 'r/chart', chart, bundleArtifact('p1'))
    expect(interfered).toBe(true)
    const putsOfTag = fake.log.filter((l) => l === `PUT /v2/r/chart/manifests/${fallbackTag(chart.digest)}`)
    expect(putsOfTag).toHaveLength(2)
    const index = JSON.parse(fake.manifests.get(fallbackTag(chart.digest))!.bytes.toString())
    expect(index.manifests.map((d: { digest: string }) => d.digest)).toEqual([sha256('writer-2'), r.descriptor.digest])
  })

  test('no ETags: a concurrent writer that replaced the index is noticed on the re-read and the RMW repeats', async () => {
    let replaced = 0
    const { fake, client, chart } = await start({
      afterPut: (f, ref) => {
        if (ref.startsWith('sha256-') && replaced++ === 0) f.setTag(ref, OCI_INDEX_MEDIA_TYPE, otherIndex(sha256('racer')))
      }
    })
    const r = await pushReferrer(client, 'r/chart', chart, bundleArtifact('p1'))
    expect(replaced).toBe(2)
    const index = JSON.parse(fake.manifests.get(fallbackTag(chart.digest))!.bytes.toString())
    expect(index.manifests.map((d: { digest: string }) => d.digest)).toEqual([sha256('racer'), r.descriptor.digest])
  })

  test('an index replaced on every attempt: a RegistryError after 3 attempts', async () => {
    const { fake, client, chart } = await start({
      afterPut: (f, ref) => {
        if (ref.startsWith('sha256-')) f.setTag(ref, OCI_INDEX_MEDIA_TYPE, otherIndex(sha256('racer')))
      }
    })
    const e = await caught(pushReferrer(client, 'r/chart', chart, bundleArtifact('p1')))
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toContain(fake.host)
    expect(e.message).toContain('3 attempts')
    expect(fake.log.filter((l) => l === `PUT /v2/r/chart/manifests/${fallbackTag(chart.digest)}`)).toHaveLength(3)
  })

  test('a refused referrer manifest: RegistryError naming the registry, with the OCI 1.1 hint', async () => {
    const fake2 = await startFake({ refuseManifest: { status: 400, code: 'MANIFEST_INVALID', message: 'manifest invalid' } })
    fakes.push(fake2)
    const c2 = new RegistryClient({ host: fake2.host, plainHttp: true, retry: FAST })
    const chart: Descriptor = { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: sha256('chart'), size: 581 }
    const e = await caught(pushReferrer(c2, 'r/chart', chart, bundleArtifact('p1')))
    expect(e).toBeInstanceOf(RegistryError)
    const re = e as RegistryError
    expect(re.message).toContain(fake2.host)
    expect(re.message).toContain('refused')
    expect(re.message).toContain('manifest invalid')
    expect(re.status).toBe(400)
    expect(re.code).toBe('MANIFEST_INVALID')
    expect(re.registry).toBe(fake2.host)
    expect(re.hint).toContain('may not accept OCI 1.1 artifacts with a subject')
    expect(re.describe()).toContain('OCI 1.1')
    // Nothing was written to the fallback tag.
    expect(fake2.manifests.size).toBe(0)
  })
})

describe('fake registry: races, refusals and odd indexes', () => {
  const fakes: FakeRegistry[] = []
  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.stop()))
  })
  const subject: Descriptor = { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: sha256('chart'), size: 581 }
  const tag = fallbackTag(subject.digest)
  const fresh = async (o: FakeOptions, credentials?: ReturnType<typeof staticCredentials>): Promise<{ fake: FakeRegistry; client: RegistryClient }> => {
    const fake = await startFake(o)
    fakes.push(fake)
    return { fake, client: new RegistryClient({ host: fake.host, plainHttp: true, retry: FAST, credentials }) }
  }
  const manifestPuts = (f: FakeRegistry): string[] => f.log.filter((l) => /^PUT \/v2\/r\/chart\/manifests\/sha256:/.test(l))
  const index = (manifests: unknown, extra: Record<string, unknown> = {}): Buffer =>
    Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, ...extra, ...(manifests === undefined ? {} : { manifests }) }))

  test('the fallback index is read, written once and read back once to confirm', async () => {
    const { fake, client } = await fresh({})
    const r = await pushReferrer(client, 'r/chart', subject, bundleArtifact('p'))
    expect(fake.log.filter((l) => l.includes(tag))).toEqual([
      `GET /v2/r/chart/manifests/${tag}`,
      `PUT /v2/r/chart/manifests/${tag}`,
      `GET /v2/r/chart/manifests/${tag}`
    ])
    expect(JSON.parse(fake.manifests.get(tag)!.bytes.toString()).manifests.map((d: { digest: string }) => d.digest)).toEqual([r.descriptor.digest])
  })

  test('a repository known to serve the referrers API is not asked again for the next referrer', async () => {
    const { fake, client } = await fresh({ ociSubject: true, referrersApi: true })
    expect((await pushReferrer(client, 'r/chart', subject, bundleArtifact('p1'))).via).toBe('referrers-api')
    fake.log.length = 0
    expect((await pushReferrer(client, 'r/chart', subject, bundleArtifact('p2'))).via).toBe('referrers-api')
    expect(fake.log.filter((l) => l.includes('/referrers/'))).toEqual([])
  })

  test.each(['DIGEST_INVALID', 'MANIFEST_BLOB_UNKNOWN', 'BLOB_UNKNOWN'])(
    'a 400 %s on the referrer manifest (a blob not visible yet) is retried',
    async (code) => {
      const { fake, client } = await fresh({ refuseManifest: { status: 400, code, message: 'not yet', times: 1 } })
      const r = await pushReferrer(client, 'r/chart', subject, bundleArtifact('p'))
      expect(manifestPuts(fake)).toEqual([`PUT /v2/r/chart/manifests/${r.descriptor.digest}`, `PUT /v2/r/chart/manifests/${r.descriptor.digest}`])
      expect(r.via).toBe('fallback-tag')
    }
  )

  test('a blob race that does not clear fails after 3 attempts; another 400 is not retried', async () => {
    const { fake, client } = await fresh({ refuseManifest: { status: 400, code: 'BLOB_UNKNOWN', message: 'blob unknown to registry' } })
    const e = await caught<RegistryError>(pushReferrer(client, 'r/chart', subject, bundleArtifact('p')))
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.code).toBe('BLOB_UNKNOWN')
    expect(manifestPuts(fake)).toHaveLength(3)
    const other = await fresh({ refuseManifest: { status: 400, code: 'MANIFEST_INVALID', message: 'manifest invalid', times: 1 } })
    expect((await caught<RegistryError>(pushReferrer(other.client, 'r/chart', subject, bundleArtifact('p')))).code).toBe('MANIFEST_INVALID')
    expect(manifestPuts(other.fake)).toHaveLength(1)
    const e500 = await fresh({ refuseManifest: { status: 500, code: 'BLOB_UNKNOWN', message: 'x', times: 3 } })
    // 5xx is the transport's to retry (twice with FAST), not the blob race's.
    expect((await caught<RegistryError>(pushReferrer(e500.client, 'r/chart', subject, bundleArtifact('p')))).status).toBe(500)
    expect(manifestPuts(e500.fake)).toHaveLength(3)
  })

  // The OCI 1.1 hint only where the registry refused the shape (4xx), not for logins, rate limits or outages.
  test.each([
    [400, 'MANIFEST_INVALID', true],
    [405, 'UNSUPPORTED', true],
    [403, 'DENIED', false],
    [307, 'UNKNOWN', false],
    [429, 'TOOMANYREQUESTS', false],
    [500, 'UNKNOWN', false],
    [502, 'UNKNOWN', false]
  ])('a referrer manifest refused with %i %s: OCI 1.1 hint %s', async (status, code, oci) => {
    const { client } = await fresh({ refuseManifest: { status, code, message: 'refused' } })
    const e = await caught<RegistryError>(pushReferrer(client, 'r/chart', subject, bundleArtifact('p')))
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.status).toBe(status)
    expect(e.message).toContain(`the registry refused the ${BUNDLE} referrer manifest sha256:`)
    expect(e.message).toContain(`@${subject.digest}`)
    expect((e.hint ?? '').includes('OCI 1.1')).toBe(oci)
  })

  test('a 401 that persists after answering the Basic challenge gets the credentials hint, not the OCI 1.1 one', async () => {
    const { client } = await fresh(
      { refuseManifest: { status: 401, code: 'UNAUTHORIZED', message: 'no', headers: { 'www-authenticate': 'Basic realm="fake"' } } },
      staticCredentials('user', 'pass')
    )
    const e = await caught<RegistryError>(pushReferrer(client, 'r/chart', subject, bundleArtifact('p')))
    expect(e.status).toBe(401)
    expect(e.hint).toBe('Check the credentials and that they may push to this repository')
  })

  test('a refused upload of its blobs names the referrer, the registry and the subject', async () => {
    const { fake, client } = await fresh({ refuseBlob: { status: 400, code: 'BLOB_UPLOAD_INVALID', message: 'upload refused' } })
    const e = await caught<RegistryError>(pushReferrer(client, 'r/chart', subject, bundleArtifact('p')))
    expect(e.message).toMatch(new RegExp(`^uploading the blobs of the ${BUNDLE.replace(/[.+]/g, '\\$&')} referrer of ${fake.host}/r/chart@${subject.digest}: `))
    expect(e.code).toBe('BLOB_UPLOAD_INVALID')
    expect(manifestPuts(fake)).toEqual([])
  })

  test('a refused write of the fallback index: the index hint for a 4xx, the registry hint otherwise', async () => {
    const { fake, client } = await fresh({ refuseManifest: { status: 400, code: 'MANIFEST_INVALID', message: 'no index', tags: true } })
    const e = await caught<RegistryError>(pushReferrer(client, 'r/chart', subject, bundleArtifact('p')))
    expect(e.message).toMatch(new RegExp(`^updating the referrers index ${fake.host}/r/chart:${tag}: `))
    expect(e.hint).toBe('the registry may not accept OCI image indexes; use a registry that supports OCI artifacts')
    expect(fake.log.filter((l) => l === `PUT /v2/r/chart/manifests/${tag}`)).toHaveLength(1)
    const denied = await fresh({ refuseManifest: { status: 403, code: 'DENIED', message: 'denied', tags: true } })
    const d = await caught<RegistryError>(pushReferrer(denied.client, 'r/chart', subject, bundleArtifact('p')))
    expect(d.status).toBe(403)
    expect(d.hint).toBe('Check the credentials and that they may push to this repository')
  })

  test('If-Match refused on every attempt: a 412 after 3 attempts, saying other jobs write at the same time', async () => {
    const { fake, client } = await fresh({
      etags: true,
      beforePut: (f, ref) => {
        if (ref.startsWith('sha256-'))
          f.setTag(ref, OCI_INDEX_MEDIA_TYPE, index([{ mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: sha256(randomBytes(8)), size: 1 }]))
      }
    })
    fake.setTag(tag, OCI_INDEX_MEDIA_TYPE, index([]))
    const e = await caught<RegistryError>(pushReferrer(client, 'r/chart', subject, bundleArtifact('p')))
    expect(e.status).toBe(412)
    expect(e.hint).toBe('Other jobs keep updating the referrers of this chart at the same time; re-run the job')
    expect(fake.log.filter((l) => l === `PUT /v2/r/chart/manifests/${tag}`)).toHaveLength(3)
  })

  test('an index replaced on every attempt says so in its hint', async () => {
    const { client } = await fresh({
      afterPut: (f, ref) => {
        if (ref.startsWith('sha256-')) f.setTag(ref, OCI_INDEX_MEDIA_TYPE, index([]))
      }
    })
    const e = await caught<RegistryError>(pushReferrer(client, 'r/chart', subject, bundleArtifact('p')))
    expect(e.hint).toBe('Other jobs update the referrers of this chart at the same time; re-run the job')
    expect(e.registry).toBe(client.host)
  })

  test('every write of the index is confirmed by reading it back', async () => {
    const { fake, client } = await fresh({
      afterPut: (f, ref) => {
        if (ref.startsWith('sha256-')) f.setTag(ref, OCI_INDEX_MEDIA_TYPE, index([]))
      }
    })
    await caught(pushReferrer(client, 'r/chart', subject, bundleArtifact('p')))
    expect(fake.log.filter((l) => l.endsWith(`/manifests/${tag}`))).toEqual(
      Array.from({ length: 3 }, () => [`GET /v2/r/chart/manifests/${tag}`, `PUT /v2/r/chart/manifests/${tag}`, `GET /v2/r/chart/manifests/${tag}`]).flat()
    )
  })

  test('an index deleted right after our write is written again', async () => {
    let deleted = 0
    const { fake, client } = await fresh({
      afterPut: (f, ref) => {
        if (ref.startsWith('sha256-') && deleted++ === 0) f.manifests.delete(ref)
      }
    })
    const r = await pushReferrer(client, 'r/chart', subject, bundleArtifact('p'))
    expect(deleted).toBe(2)
    expect(JSON.parse(fake.manifests.get(tag)!.bytes.toString()).manifests.map((d: { digest: string }) => d.digest)).toEqual([r.descriptor.digest])
  })

  test('a failure reading the index back, or listing the referrers API, names what was being done', async () => {
    let written = false
    const { fake, client } = await fresh({
      afterPut: (_f, ref) => {
        if (ref.startsWith('sha256-')) written = true
      },
      failGet: (ref) => written && ref.startsWith('sha256-')
    })
    const e = await caught<RegistryError>(pushReferrer(client, 'r/chart', subject, bundleArtifact('p')))
    expect(e.status).toBe(500)
    expect(e.message).toMatch(new RegExp(`^reading back the referrers index ${fake.host}/r/chart:${tag}: GET `))
  })

  // oras-go (referrersPageByAPI): only a 404 means "no referrers API"; any other failure is an error. Taking a 500
  // for "no API" read the fallback tag instead, so a promotion copied none of the signatures, without a word.
  test('a referrers API failing with 500 is an error, not "no API": nothing is skipped silently', async () => {
    const api = await fresh({ ociSubject: true, referrersApi: true, failPage: 1 })
    const a = await caught<RegistryError>(pushReferrer(api.client, 'r/chart', subject, bundleArtifact('p')))
    expect(a.status).toBe(500)
    expect(a.message).toMatch(new RegExp(`^listing the referrers of ${api.fake.host}/r/chart@${subject.digest}: listing referrers: GET /v2/r/chart/referrers/`))
    expect(api.fake.manifests.has(tag)).toBe(false)
    const l = await caught<RegistryError>(listReferrers(api.client, 'r/chart', subject.digest))
    expect(l.status).toBe(500)
    expect(api.client.referrersSupported('r/chart')).toBeUndefined()
    // A 404 is the spec's "no referrers API": the fallback tag, and the answer is remembered.
    const none = await fresh({ ociSubject: true, referrersApi: false })
    expect((await pushReferrer(none.client, 'r/chart', subject, bundleArtifact('p'))).via).toBe('fallback-tag')
    expect(none.client.referrersSupported('r/chart')).toBe(false)
  })

  test('an index without `manifests`, or with null entries (other tools), is extended; its other fields are kept', async () => {
    const { fake, client } = await fresh({})
    fake.setTag(tag, OCI_INDEX_MEDIA_TYPE, index(undefined, { annotations: { owner: 'other-tool' } }))
    const r = await pushReferrer(client, 'r/chart', subject, bundleArtifact('p'))
    expect(JSON.parse(fake.manifests.get(tag)!.bytes.toString())).toEqual({
      schemaVersion: 2,
      mediaType: OCI_INDEX_MEDIA_TYPE,
      annotations: { owner: 'other-tool' },
      manifests: [{ ...r.descriptor, annotations: bundleArtifact('p').annotations }]
    })
    const other = await fresh({})
    const known = { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: sha256('known'), size: 3, artifactType: OTHER }
    other.fake.setTag(tag, OCI_INDEX_MEDIA_TYPE, index([null, known]))
    const s = await pushReferrer(other.client, 'r/chart', subject, bundleArtifact('p'))
    expect((await listReferrers(other.client, 'r/chart', subject.digest)).map((d) => d.digest)).toEqual([known.digest, s.descriptor.digest])
  })

  test('the index media type may come from the body when the registry sends no Content-Type', async () => {
    const { fake, client } = await fresh({})
    const known = { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: sha256('known'), size: 3, artifactType: OTHER }
    fake.setTag(tag, '', index([known]))
    expect((await listReferrers(client, 'r/chart', subject.digest)).map((d) => d.digest)).toEqual([known.digest])
  })

  test.each([
    ['not JSON', OCI_INDEX_MEDIA_TYPE, Buffer.from('<html>'), OCI_INDEX_MEDIA_TYPE],
    ['no media type at all', '', Buffer.from('"text"'), 'a document'],
    ['not JSON, without a media type', '', Buffer.from('<html>'), 'a document'],
    ['`manifests` that is not a list', OCI_INDEX_MEDIA_TYPE, index('x'), OCI_INDEX_MEDIA_TYPE],
    ['a JSON string', OCI_INDEX_MEDIA_TYPE, Buffer.from('"x"'), OCI_INDEX_MEDIA_TYPE]
  ])('a fallback tag holding %s is refused, naming what it holds', async (_what, mediaType, bytes, named) => {
    const { fake, client } = await fresh({})
    fake.setTag(tag, mediaType, bytes)
    const e = await caught<RegistryError>(listReferrers(client, 'r/chart', subject.digest))
    expect(e.message).toBe(
      `listing the referrers of ${fake.host}/r/chart@${subject.digest}: the referrers tag ${fake.host}/r/chart:${tag} holds ${named} that is not an OCI image index`
    )
  })

  test('a blob the registry lost is uploaded again by the next client in the same process', async () => {
    const { fake, client } = await fresh({ checkBlobs: true })
    await pushReferrer(client, 'r/chart', subject, bundleArtifact('p', Buffer.from('one')))
    fake.blobs.clear()
    const again = new RegistryClient({ host: fake.host, plainHttp: true, retry: FAST })
    const r = await pushReferrer(again, 'r/chart', subject, bundleArtifact('p', Buffer.from('two')))
    expect(fake.blobs.has(EMPTY_CONFIG.digest)).toBe(true)
    expect(r.via).toBe('fallback-tag')
  })
})

describe('fake registry: a paged referrers API', () => {
  const fakes: FakeRegistry[] = []
  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.stop()))
  })
  const subject: Descriptor = { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: sha256('chart'), size: 581 }

  test('every page is read, the filter goes along, and a later page that fails is an error (not "no API")', async () => {
    const fake = await startFake({ ociSubject: true, referrersApi: true, pageSize: 2 })
    fakes.push(fake)
    const client = new RegistryClient({ host: fake.host, plainHttp: true, retry: FAST })
    const pushed: string[] = []
    for (const p of ['a', 'b', 'c', 'd', 'e']) pushed.push((await pushReferrer(client, 'r/chart', subject, bundleArtifact(p))).descriptor.digest)
    const other = await pushReferrer(client, 'r/chart', subject, { artifactType: OTHER, layers: [{ mediaType: OTHER, bytes: Buffer.from('o') }] })
    fake.log.length = 0
    expect((await listReferrers(client, 'r/chart', subject.digest)).map((d) => d.digest).sort()).toEqual([...pushed, other.descriptor.digest].sort())
    expect(fake.log.filter((l) => l.includes('/referrers/'))).toHaveLength(3)
    expect((await listReferrers(client, 'r/chart', subject.digest, BUNDLE)).map((d) => d.digest).sort()).toEqual([...pushed].sort())
    const broken = await startFake({ ociSubject: true, referrersApi: true, pageSize: 2, failPage: 2 })
    fakes.push(broken)
    const c2 = new RegistryClient({ host: broken.host, plainHttp: true, retry: FAST })
    for (const p of ['a', 'b', 'c']) await pushReferrer(c2, 'r/chart', subject, bundleArtifact(p))
    const e = await caught<RegistryError>(c2.getReferrers('r/chart', subject.digest))
    expect(e.status).toBe(500)
    expect(e.message).toMatch(/^listing referrers: GET \/v2\/r\/chart\/referrers\/sha256:[0-9a-f]{64} on /)
    expect(c2.referrersSupported('r/chart')).toBe(true)
  })
})
