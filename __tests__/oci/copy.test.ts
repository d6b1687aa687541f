/**
 * Copying by digest (src/oci/copy.ts) against real Distribution registries:
 * a blob larger than the upload chunk goes across in ranged reads (each PATCH
 * its own GET with Range), a source that ignores Range still yields the right
 * bytes, an image index comes with its child manifests, and a mount that the
 * registry answers with an upload session falls back to streaming. Results
 * are checked with skopeo and sha256 of what the destination serves.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { RegistryClient, type BlobSource } from '../../src/oci/client'
import { RegistryError } from '../../src/errors'
import { copyLegacyTags, copyManifest, copyReferrers } from '../../src/oci/copy'
import { pushReferrer } from '../../src/oci/referrers'
import { caught } from '../support/caught'
import { registryReader, sha256 } from '../support/oci-read'
import { startFaultProxy } from '../support/fault-proxy'
import { startPassThrough } from '../support/pass-through'
import { startRegistry, type TestRegistry } from '../support/registry'

const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const INDEX = 'application/vnd.oci.image.index.v1+json'
const bytes = (b: Buffer): BlobSource => ({ digest: sha256(b), size: b.length, open: (s = 0, e = b.length - 1) => Readable.from([b.subarray(s, e + 1)]) })
const client = (host: string, chunkSize?: number): RegistryClient => new RegistryClient({ host, plainHttp: true, chunkSize })

/** An image manifest with a config and one layer of `size` random bytes, pushed by digest; returns its digest and the layer. */
async function pushImage(c: RegistryClient, repo: string, size: number): Promise<{ digest: string; layer: Buffer; bytes: Buffer }> {
  const layer = randomBytes(size)
  const config = Buffer.from('{"architecture":"amd64","os":"linux"}')
  await c.pushBlob(repo, bytes(layer))
  await c.pushBlob(repo, bytes(config))
  const m = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
      layers: [{ mediaType: 'application/octet-stream', digest: sha256(layer), size: layer.length }]
    })
  )
  await c.putManifest(repo, sha256(m), { mediaType: MANIFEST, bytes: m })
  return { digest: sha256(m), layer, bytes: m }
}

describe('copyManifest', () => {
  let a: TestRegistry
  let b: TestRegistry
  beforeAll(async () => {
    ;[a, b] = await Promise.all([startRegistry(), startRegistry()])
  })
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
  })

  test('a blob larger than the chunk size crosses registries in ranged pieces, bytes and digest unchanged', async () => {
    const img = await pushImage(client(a.host), 'src/big', 2_500_000)
    const proxy = await startFaultProxy(a.url)
    try {
      const copied = await copyManifest(
        { client: client(proxy.host), repository: 'src/big' },
        { client: client(b.host, 1024 * 1024), repository: 'dst/big' },
        img.digest,
        { mount: false }
      )
      expect(copied.blobs).toEqual({ mounted: 0, streamed: 2, present: 0 })
      const read = registryReader(b)
      expect((await read.manifest('dst/big', img.digest))!.bytes.equals(img.bytes)).toBe(true)
      expect((await read.blob('dst/big', sha256(img.layer))).equals(img.layer)).toBe(true)
      // Three 1 MiB pieces, each read from the source with its own GET.
      expect(proxy.requests.filter((r) => r.method === 'GET' && r.path.includes(sha256(img.layer)))).toHaveLength(3)
      const raw = execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${b.host}/dst/big@${img.digest}`])
      expect(sha256(raw)).toBe(img.digest)
    } finally {
      await proxy.stop()
    }
  })

  test('a source that ignores Range (200 with the whole blob) is cut to the piece asked for', async () => {
    const img = await pushImage(client(a.host), 'src/norange', 1_500_000)
    // A pass-through that drops the Range header, as some blob stores behind redirects do.
    const upstream = new URL(a.url)
    const server = http.createServer((req, res) => {
      const headers = { ...req.headers }
      delete headers.range
      const up = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers)
        r.pipe(res)
      })
      req.pipe(up)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    try {
      const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
      await copyManifest({ client: client(host), repository: 'src/norange' }, { client: client(b.host, 512 * 1024), repository: 'dst/norange' }, img.digest, {
        mount: false
      })
      expect((await registryReader(b).blob('dst/norange', sha256(img.layer))).equals(img.layer)).toBe(true)
    } finally {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  })

  test('an image index comes with its manifests; within one registry the blobs are mounted', async () => {
    const c = client(a.host)
    const one = await pushImage(c, 'src/multi', 1000)
    const two = await pushImage(c, 'src/multi', 2000)
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: INDEX,
        manifests: [
          { mediaType: MANIFEST, digest: one.digest, size: one.bytes.length },
          { mediaType: MANIFEST, digest: two.digest, size: two.bytes.length }
        ]
      })
    )
    await c.putManifest('src/multi', sha256(index), { mediaType: INDEX, bytes: index })
    const copied = await copyManifest({ client: c, repository: 'src/multi' }, { client: c, repository: 'dst/multi' }, sha256(index), { mount: true })
    expect(copied.mediaType).toBe(INDEX)
    // The shared config is mounted once per child manifest it appears in.
    expect(copied.blobs.mounted).toBe(4)
    const read = registryReader(a)
    for (const d of [sha256(index), one.digest, two.digest]) expect((await read.manifest('dst/multi', d))!.digest).toBe(d)
  })

  test('a registry that answers a mount with an upload session gets the blob streamed, and the session is cancelled', async () => {
    const img = await pushImage(client(a.host), 'src/nomount', 4000)
    // Registries that cannot mount (another storage backend, no access to the source) answer 202 with a session.
    const proxy = await startFaultProxy(a.url, {
      rules: [{ method: 'POST', path: /[?&]mount=/, times: 100, fault: { status: 202, headers: { location: '/v2/dst/nomount/blobs/uploads/abandoned' } } }]
    })
    try {
      const c = client(proxy.host)
      const copied = await copyManifest({ client: c, repository: 'src/nomount' }, { client: c, repository: 'dst/nomount' }, img.digest, { mount: true })
      expect(copied.blobs).toEqual({ mounted: 0, streamed: 2, present: 0 })
      expect((await registryReader(a).blob('dst/nomount', sha256(img.layer))).equals(img.layer)).toBe(true)
      expect(proxy.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
        '/v2/dst/nomount/blobs/uploads/abandoned',
        '/v2/dst/nomount/blobs/uploads/abandoned'
      ])
    } finally {
      await proxy.stop()
    }
  })
})

describe('copyManifest: what the source sends', () => {
  let a: TestRegistry
  let b: TestRegistry
  beforeAll(async () => {
    ;[a, b] = await Promise.all([startRegistry(), startRegistry()])
  })
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
  })

  test('a blob read that breaks halfway is read again, and the copy has the right bytes', async () => {
    const img = await pushImage(client(a.host), 'src/breaks', 200_000)
    let broken = 0
    const p = await startPassThrough(a.url, (req, res, up) => {
      if (req.method !== 'GET' || !req.url!.includes(sha256(img.layer)) || broken++ > 0) return false
      // The headers promise the whole blob; the connection drops after a part of it.
      res.writeHead(200, { 'content-length': String(img.layer.length), 'content-type': 'application/octet-stream' })
      res.write(img.layer.subarray(0, 50_000), () => res.socket?.destroy())
      up.resume()
      return true
    })
    try {
      const dst = new RegistryClient({ host: b.host, plainHttp: true, retry: { retries: 2, baseDelayMs: 10, minDelayMs: 10, maxDelayMs: 50 } })
      const copied = await copyManifest({ client: client(p.host), repository: 'src/breaks' }, { client: dst, repository: 'dst/breaks' }, img.digest, {
        mount: false
      })
      expect(broken).toBeGreaterThan(1)
      expect(copied.blobs).toEqual({ mounted: 0, streamed: 2, present: 0 })
      expect((await registryReader(b).blob('dst/breaks', sha256(img.layer))).equals(img.layer)).toBe(true)
    } finally {
      await p.stop()
    }
  })

  test('a blob the source cannot serve fails the copy naming the blob (no hang), and nothing is tagged', async () => {
    const img = await pushImage(client(a.host), 'src/gone', 3000)
    const proxy = await startFaultProxy(a.url, {
      rules: [
        {
          method: 'GET',
          path: /\/blobs\/sha256:/,
          times: 100,
          fault: { status: 404, body: '{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry"}]}' }
        }
      ]
    })
    try {
      const dst = new RegistryClient({ host: b.host, plainHttp: true, uploadAttempts: 1 })
      const e = await caught<Error>(
        copyManifest({ client: client(proxy.host), repository: 'src/gone' }, { client: dst, repository: 'dst/gone' }, img.digest, { mount: false })
      )
      expect(e.message).toContain('reading blob sha256:')
      expect(e.message).toContain('404')
      expect(await registryReader(b).manifest('dst/gone', img.digest)).toBeUndefined()
    } finally {
      await proxy.stop()
    }
  })

  test('without a Content-Type the media type comes from the manifest, else it is an OCI image manifest', async () => {
    const c = client(a.host)
    const img = await pushImage(c, 'src/notype', 100)
    // The same image without the optional mediaType field (image-spec: the Content-Type then says what it is).
    const doc = JSON.parse(img.bytes.toString())
    delete doc.mediaType
    const bare = Buffer.from(JSON.stringify(doc))
    await c.putManifest('src/notype', sha256(bare), { mediaType: MANIFEST, bytes: bare })
    const p = await startPassThrough(a.url, (req, _res, up) => {
      if (req.url!.includes('/manifests/')) delete up.headers['content-type']
      return false
    })
    try {
      const from = { client: client(p.host), repository: 'src/notype' }
      const withField = await copyManifest(from, { client: client(b.host), repository: 'dst/notype' }, img.digest, { mount: false })
      expect(withField.mediaType).toBe(MANIFEST)
      const index = Buffer.from(
        JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [{ mediaType: MANIFEST, digest: img.digest, size: img.bytes.length }] })
      )
      await c.putManifest('src/notype', sha256(index), { mediaType: INDEX, bytes: index })
      expect((await copyManifest(from, { client: client(b.host), repository: 'dst/notype' }, sha256(index), { mount: false })).mediaType).toBe(INDEX)
      const without = await copyManifest(from, { client: client(b.host), repository: 'dst/notype' }, sha256(bare), { mount: false })
      expect(without.mediaType).toBe(MANIFEST)
      expect((await registryReader(b).manifest('dst/notype', sha256(bare)))!.bytes.equals(bare)).toBe(true)
    } finally {
      await p.stop()
    }
  })

  test('a source answering with something that is not JSON: an error naming it', async () => {
    const junk = Buffer.from('<html>not a manifest</html>')
    const server = http.createServer((req, res) => {
      res.writeHead(req.url === `/v2/src/junk/manifests/${sha256(junk)}` ? 200 : 404, { 'content-type': MANIFEST })
      res.end(junk)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    try {
      const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
      const e = await caught<RegistryError>(
        copyManifest({ client: client(host), repository: 'src/junk' }, { client: client(b.host), repository: 'dst/junk' }, sha256(junk), { mount: false })
      )
      expect(e).toBeInstanceOf(RegistryError)
      expect(e.message).toBe(`${host}/src/junk@${sha256(junk)} is not a JSON manifest`)
      expect(e.registry).toBe(host)
      expect(e.hint).toBe('The source registry returned something else than a manifest')
    } finally {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  })

  test('an image index across registries: its children blobs counted as streamed, then as present on a second copy', async () => {
    const c = client(a.host)
    const one = await pushImage(c, 'src/idx', 1000)
    const two = await pushImage(c, 'src/idx', 2000)
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: INDEX,
        manifests: [
          { mediaType: MANIFEST, digest: one.digest, size: one.bytes.length },
          { mediaType: MANIFEST, digest: two.digest, size: two.bytes.length }
        ]
      })
    )
    await c.putManifest('src/idx', sha256(index), { mediaType: INDEX, bytes: index })
    const from = { client: c, repository: 'src/idx' }
    // Both children share their config: streamed once, then already there.
    const first = await copyManifest(from, { client: client(b.host), repository: 'dst/idx' }, sha256(index), { mount: false })
    expect(first.blobs).toEqual({ mounted: 0, streamed: 3, present: 1 })
    const again = await copyManifest(from, { client: client(b.host), repository: 'dst/idx' }, sha256(index), { mount: false })
    expect(again.blobs).toEqual({ mounted: 0, streamed: 0, present: 4 })
  })
})

describe('copyReferrers and copyLegacyTags', () => {
  let a: TestRegistry
  let b: TestRegistry
  beforeAll(async () => {
    ;[a, b] = await Promise.all([startRegistry(), startRegistry()])
  })
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
  })
  const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
  const descriptorOf = (m: { digest: string; bytes: Buffer }) => ({ mediaType: MANIFEST, digest: m.digest, size: m.bytes.length })

  test('referrers, and referrers of referrers three levels deep, are copied by digest and listed at the destination', async () => {
    const src = client(a.host)
    const dst = client(b.host)
    const subject = await pushImage(src, 'src/signed', 300)
    // A chain subject ← L1 ← L2 ← L3 ← L4: only three levels are followed.
    const chain: Array<{ digest: string; bytes: Buffer }> = []
    let parent = descriptorOf(subject)
    for (let i = 1; i <= 4; i++) {
      const { descriptor } = await pushReferrer(src, 'src/signed', parent, {
        artifactType: BUNDLE,
        layers: [{ mediaType: BUNDLE, bytes: Buffer.from(`{"level":${i}}`) }],
        annotations: { 'dev.sigstore.bundle.content': 'dsse-envelope', level: String(i) }
      })
      const got = (await registryReader(a).manifest('src/signed', descriptor.digest))!
      chain.push({ digest: descriptor.digest, bytes: got.bytes })
      parent = descriptorOf(chain[i - 1])
    }
    // A referrer listed without artifactType (written by another tool): its type is its config's media type.
    const cfg = Buffer.from('{"sbom":true}')
    await src.pushBlob('src/signed', bytes(cfg))
    const sbom = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST,
        config: { mediaType: 'application/vnd.example.sbom.config+json', digest: sha256(cfg), size: cfg.length },
        layers: [],
        subject: descriptorOf(subject)
      })
    )
    await src.putManifest('src/signed', sha256(sbom), { mediaType: MANIFEST, bytes: sbom })
    const tag = `sha256-${subject.digest.slice(7)}`
    const index = JSON.parse((await registryReader(a).manifest('src/signed', tag))!.bytes.toString())
    index.manifests.push({ mediaType: MANIFEST, digest: sha256(sbom), size: sbom.length })
    await src.putManifest('src/signed', tag, { mediaType: INDEX, bytes: Buffer.from(JSON.stringify(index)) })

    const copied = await copyReferrers({ client: src, repository: 'src/signed' }, { client: dst, repository: 'dst/signed' }, subject.digest, { mount: false })
    expect(copied).toEqual([
      { digest: chain[0].digest, mediaType: MANIFEST, artifactType: BUNDLE, subject: subject.digest, via: 'fallback-tag' },
      { digest: chain[1].digest, mediaType: MANIFEST, artifactType: BUNDLE, subject: chain[0].digest, via: 'fallback-tag' },
      { digest: chain[2].digest, mediaType: MANIFEST, artifactType: BUNDLE, subject: chain[1].digest, via: 'fallback-tag' },
      { digest: sha256(sbom), mediaType: MANIFEST, artifactType: 'application/vnd.example.sbom.config+json', subject: subject.digest, via: 'fallback-tag' }
    ])
    const read = registryReader(b)
    // Same bytes at the destination, and the destination's fallback index lists them with their annotations.
    for (const m of chain.slice(0, 3)) expect((await read.manifest('dst/signed', m.digest))!.bytes.equals(m.bytes)).toBe(true)
    expect(await read.manifest('dst/signed', chain[3].digest)).toBeUndefined()
    const listed = await read.referrers('dst/signed', subject.digest)
    expect(listed.map((d) => d.digest)).toEqual([chain[0].digest, sha256(sbom)])
    expect(listed[0]).toMatchObject({ artifactType: BUNDLE, annotations: { 'dev.sigstore.bundle.content': 'dsse-envelope', level: '1' } })
    expect(listed[1].artifactType).toBe('application/vnd.example.sbom.config+json')
    expect((await read.referrers('dst/signed', chain[1].digest)).map((d) => d.digest)).toEqual([chain[2].digest])
  })

  test("cosign's .sig and .att tags come along with the same tags; a missing .sbom is skipped", async () => {
    const src = client(a.host)
    const dst = client(b.host)
    const subject = await pushImage(src, 'src/legacy', 200)
    const sig = await pushImage(src, 'src/legacy', 10)
    const att = await pushImage(src, 'src/legacy', 20)
    const hex = subject.digest.slice(7)
    await src.putManifest('src/legacy', `sha256-${hex}.sig`, { mediaType: MANIFEST, bytes: sig.bytes })
    await src.putManifest('src/legacy', `sha256-${hex}.att`, { mediaType: MANIFEST, bytes: att.bytes })
    const copied = await copyLegacyTags({ client: src, repository: 'src/legacy' }, { client: dst, repository: 'dst/legacy' }, subject.digest, { mount: false })
    expect(copied).toEqual([
      { digest: sig.digest, mediaType: MANIFEST, subject: subject.digest, via: `sha256-${hex}.sig` },
      { digest: att.digest, mediaType: MANIFEST, subject: subject.digest, via: `sha256-${hex}.att` }
    ])
    const read = registryReader(b)
    expect((await read.tags('dst/legacy')).sort()).toEqual([`sha256-${hex}.att`, `sha256-${hex}.sig`])
    expect((await read.manifest('dst/legacy', `sha256-${hex}.sig`))!.bytes.equals(sig.bytes)).toBe(true)
    expect((await read.blob('dst/legacy', sha256(att.layer))).equals(att.layer)).toBe(true)
  })

  test('a source digest that does not exist is an error naming it; blobs already at the destination count as present', async () => {
    const src = client(a.host)
    const dst = client(b.host)
    const missing = `sha256:${'0'.repeat(64)}`
    const e = await caught<RegistryError>(
      copyManifest({ client: src, repository: 'src/none' }, { client: dst, repository: 'dst/none' }, missing, { mount: false })
    )
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toBe(`${a.host}/src/none@${missing} does not exist`)
    expect(e.registry).toBe(a.host)
    expect(e.hint).toBe('Check the source reference')
    const img = await pushImage(src, 'src/twice', 100)
    const first = await copyManifest({ client: src, repository: 'src/twice' }, { client: dst, repository: 'dst/twice' }, img.digest, { mount: false })
    expect(first.blobs).toEqual({ mounted: 0, streamed: 2, present: 0 })
    expect(first).toMatchObject({ mediaType: MANIFEST, digest: img.digest, size: img.bytes.length })
    expect(first.bytes.equals(img.bytes)).toBe(true)
    const again = await copyManifest({ client: src, repository: 'src/twice' }, { client: dst, repository: 'dst/twice' }, img.digest, { mount: false })
    expect(again.blobs).toEqual({ mounted: 0, streamed: 0, present: 2 })
  })
})
