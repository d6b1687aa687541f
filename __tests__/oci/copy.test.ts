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
import { copyManifest } from '../../src/oci/copy'
import { registryReader, sha256 } from '../support/oci-read'
import { startFaultProxy } from '../support/fault-proxy'
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
