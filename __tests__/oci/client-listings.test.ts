/**
 * The registry client's mount, referrers and tag listings at their edges, against Debian's docker-registry
 * (Distribution 2.8) with a pass-through in front where an answer must differ from Distribution's, and a loopback
 * server shaped as a registry with the OCI 1.1 referrers API (Distribution 2.8 has none): what the mount request
 * carries, what follows a 202 without a session, what the referrers request asks for, and listings that page forever.
 */
import { randomBytes } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { RegistryError } from '../../src/errors'
import type { RetryPolicy } from '../../src/http'
import { RegistryClient, type BlobSource } from '../../src/oci/client'
import { caught } from '../support/caught'
import { sha256 } from '../support/oci-read'
import { startPassThrough } from '../support/pass-through'
import { startRegistry, type TestRegistry } from '../support/registry'

const FAST: RetryPolicy = { retries: 2, baseDelayMs: 10, minDelayMs: 10, maxDelayMs: 50 }
/** The image index media type (OCI image-spec), which the distribution spec's referrers API answers with. */
const INDEX = 'application/vnd.oci.image.index.v1+json'

function source(bytes: Buffer): BlobSource {
  return { digest: sha256(bytes), size: bytes.length, open: (start = 0, end = bytes.length - 1) => Readable.from([bytes.subarray(start, end + 1)]) }
}

interface Seen {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
}

let registry: TestRegistry
const stops: Array<() => Promise<void>> = []

beforeAll(async () => {
  registry = await startRegistry()
})
afterAll(async () => {
  await Promise.all(stops.map((s) => s()))
  await registry?.stop()
})

/** A pass-through in front of the registry recording every request; `edit` may change or replace the registry's answer. */
async function recorder(edit: (req: http.IncomingMessage, res: http.ServerResponse, up: http.IncomingMessage) => boolean | void = () => undefined) {
  const seen: Seen[] = []
  const p = await startPassThrough(registry.url, (req, res, up) => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers })
    return edit(req, res, up)
  })
  stops.push(() => p.stop())
  return { host: p.host, seen, client: new RegistryClient({ host: p.host, plainHttp: true, retry: FAST }) }
}

/** A loopback server; `answer` gets each request with its parsed URL. */
async function server(answer: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void): Promise<{ host: string; seen: Seen[] }> {
  const seen: Seen[] = []
  const s = http.createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers })
    answer(req, res, new URL(req.url!, 'http://x'))
  })
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  stops.push(async () => {
    s.closeAllConnections()
    await new Promise((r) => s.close(r))
  })
  return { host: `127.0.0.1:${(s.address() as AddressInfo).port}`, seen }
}

describe('mountBlob on Distribution', () => {
  test('the mount POST has an empty body with Content-Length: 0 (the distribution API mount request), never chunked', async () => {
    const direct = new RegistryClient({ host: registry.host, plainHttp: true, retry: FAST })
    const blob = source(randomBytes(1000))
    await direct.pushBlob('cl/src', blob)
    const r = await recorder()
    expect(await r.client.mountBlob('cl/dst', blob.digest, 'cl/src')).toBe(true)
    const post = r.seen.filter((s) => s.method === 'POST')
    expect(post.map((s) => [s.headers['content-length'], s.headers['transfer-encoding']])).toEqual([['0', undefined]])
    expect(await direct.blobExists('cl/dst', blob.digest)).toBe(true)
  })

  test('a 202 without Location: no session to cancel, so no DELETE is sent, and the caller uploads', async () => {
    // Distribution's own 202 (the blob is not in the source repository) with its Location taken away.
    const r = await recorder((req, _res, up) => {
      if (req.method === 'POST') delete up.headers.location
    })
    expect(await r.client.mountBlob('nl/dst', sha256(randomBytes(8)), 'nl/src')).toBe(false)
    expect(r.seen.map((s) => s.method)).toEqual(['POST'])
  })

  test('a session whose cancel fails at the network is left to expire: the mount still answers false', async () => {
    const r = await recorder((req, res) => {
      if (req.method !== 'DELETE') return false
      res.socket?.destroy()
      return true
    })
    expect(await r.client.mountBlob('dl/dst', sha256(randomBytes(8)), 'dl/src')).toBe(false)
    const deletes = r.seen.filter((s) => s.method === 'DELETE')
    // The session Distribution opened: DELETE to its Location (tried again as a reset is, then given up).
    expect(deletes.length).toBeGreaterThanOrEqual(1)
    expect(deletes.every((d) => /^\/v2\/dl\/dst\/blobs\/uploads\/[0-9a-f-]{36}\?_state=/.test(d.url))).toBe(true)
  })
})

describe('referrers API (OCI distribution spec 1.1)', () => {
  test('the request asks for an image index, the type the spec answers with', async () => {
    const digest = sha256(Buffer.from('subject'))
    const d = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha256(Buffer.from('sig')), size: 7, artifactType: 'application/x' }
    const s = await server((_req, res) =>
      res.writeHead(200, { 'content-type': INDEX }).end(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [d] }))
    )
    const c = new RegistryClient({ host: s.host, plainHttp: true, retry: FAST })
    expect(await c.getReferrers('acc/chart', digest, 'application/x')).toEqual([d])
    expect(s.seen.map((r) => [r.method, r.url, r.headers.accept])).toEqual([['GET', `/v2/acc/chart/referrers/${digest}?artifactType=application%2Fx`, INDEX]])
  })
})

describe('listings that page forever end with an error, in bounded requests', () => {
  const digest = sha256(Buffer.from('subject'))
  const index = JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [] })

  test('a tag list whose next link is itself: one request, then an error naming the loop', async () => {
    const direct = new RegistryClient({ host: registry.host, plainHttp: true, retry: FAST })
    const blob = source(Buffer.from('{}'))
    await direct.pushBlob('loop/tags', blob)
    await direct.putManifest('loop/tags', '1.0.0', {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      bytes: Buffer.from(
        JSON.stringify({ schemaVersion: 2, config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: blob.digest, size: 2 }, layers: [] })
      )
    })
    // Distribution's own tag list, with a Link to the very page it answers.
    const r = await recorder((req, _res, up) => {
      if (req.url!.includes('/tags/list')) up.headers.link = `<${req.url}>; rel="next"`
    })
    const e = await caught<RegistryError>(r.client.listTags('loop/tags'))
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toBe(`listing tags: ${r.host} links back to a page it already sent (GET /v2/loop/tags/tags/list)`)
    expect(e).toMatchObject({ registry: r.host, hint: 'The registry pages in a loop; contact its operator' })
    expect(r.seen.map((s) => s.url)).toEqual(['/v2/loop/tags/tags/list'])
  })

  test('pages that link in a circle (1 → 2 → 1): two requests, then the error', async () => {
    const s = await server((_req, res, url) => {
      // The second page links back to the first.
      const link = `<${url.pathname}${url.searchParams.has('page') ? '' : '?page=2'}>; rel="next"`
      if (url.pathname.endsWith('/tags/list'))
        return void res.writeHead(200, { link, 'content-type': 'application/json' }).end(JSON.stringify({ tags: [url.search] }))
      res.writeHead(200, { link, 'content-type': INDEX }).end(index)
    })
    const c = new RegistryClient({ host: s.host, plainHttp: true, retry: FAST })
    const tags = await caught<RegistryError>(c.listTags('circle'))
    expect(tags.message).toBe(`listing tags: ${s.host} links back to a page it already sent (GET /v2/circle/tags/list)`)
    expect(s.seen.map((r) => r.url)).toEqual(['/v2/circle/tags/list', '/v2/circle/tags/list?page=2'])
    s.seen.length = 0
    const refs = await caught<RegistryError>(c.getReferrers('circle', digest))
    expect(refs.message).toBe(`listing referrers: ${s.host} links back to a page it already sent (GET /v2/circle/referrers/${digest})`)
    expect(refs).toMatchObject({ registry: s.host, hint: 'The registry pages in a loop; contact its operator' })
    expect(s.seen.map((r) => r.url)).toEqual([`/v2/circle/referrers/${digest}`, `/v2/circle/referrers/${digest}?page=2`])
  })

  test('ever new pages: 1000 tag pages, 100 referrer pages (oras-go: "exceeded N pages"), then an error, never part of the list', async () => {
    const s = await server((_req, res, url) => {
      const page = Number(url.searchParams.get('page') ?? '0')
      const link = `<${url.pathname}?page=${page + 1}>; rel="next"`
      if (url.pathname.endsWith('/tags/list'))
        return void res.writeHead(200, { link, 'content-type': 'application/json' }).end(JSON.stringify({ tags: [`t${page}`] }))
      res.writeHead(200, { link, 'content-type': INDEX }).end(index)
    })
    const c = new RegistryClient({ host: s.host, plainHttp: true, retry: FAST })
    const tags = await caught<RegistryError>(c.listTags('endless'))
    expect(tags.message).toBe(`listing tags: ${s.host} links more than 1000 pages`)
    expect(tags).toMatchObject({ registry: s.host, hint: 'The registry pages without end; contact its operator' })
    expect(s.seen).toHaveLength(1000)
    expect(s.seen.at(-1)!.url).toBe('/v2/endless/tags/list?page=999')
    s.seen.length = 0
    const refs = await caught<RegistryError>(c.getReferrers('endless', digest))
    expect(refs.message).toBe(`listing referrers: ${s.host} links more than 100 pages`)
    expect(s.seen).toHaveLength(100)
  }, 60_000)

  test('a next link to another origin: refused before it is fetched (oras-go parseLink: no request forgery)', async () => {
    const elsewhere = await server((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"tags":["x"]}'))
    const s = await server((_req, res, url) => {
      const link = `<http://${elsewhere.host}${url.pathname}?page=2>; rel="next"`
      if (url.pathname.endsWith('/tags/list')) return void res.writeHead(200, { link, 'content-type': 'application/json' }).end('{"tags":["a"]}')
      res.writeHead(200, { link, 'content-type': INDEX }).end(index)
    })
    const c = new RegistryClient({ host: s.host, plainHttp: true, retry: FAST })
    const tags = await caught<RegistryError>(c.listTags('away'))
    expect(tags.message).toBe(`listing tags: ${s.host} links its next page to another origin, http://${elsewhere.host}`)
    expect(tags).toMatchObject({ registry: s.host, hint: 'The registry is inconsistent; contact its operator' })
    const refs = await caught<RegistryError>(c.getReferrers('away', digest))
    expect(refs.message).toBe(`listing referrers: ${s.host} links its next page to another origin, http://${elsewhere.host}`)
    expect([s.seen.length, elsewhere.seen.length]).toEqual([2, 0])
  })
})

describe('a connection cut during a listing or a read names the request', () => {
  test('GET and the path, for tags, referrers and a ranged blob read', async () => {
    const s = await server((req) => req.socket.destroy())
    const c = new RegistryClient({ host: s.host, plainHttp: true, retry: FAST })
    const digest = sha256(Buffer.from('x'))
    const cut = (p: Promise<unknown>): Promise<string> => caught<RegistryError>(p).then((e) => e.message.replace(/ \(.*\)/, ''))
    expect(await cut(c.listTags('cut'))).toBe(`registry ${s.host} closed the connection during GET /v2/cut/tags/list after 3 attempts`)
    expect(await cut(c.getReferrers('cut', digest))).toBe(`registry ${s.host} closed the connection during GET /v2/cut/referrers/${digest} after 3 attempts`)
    expect(await cut(c.openBlob('cut', digest, 0, 9))).toBe(`registry ${s.host} closed the connection during GET /v2/cut/blobs/${digest} after 3 attempts`)
  })
})

describe('redirects in the request loop', () => {
  /** 307 to /moved for every request but /moved itself, which answers 200. */
  const moving = (): Promise<{ host: string; seen: Seen[] }> =>
    server((req, res, url) => {
      if (url.pathname === '/moved') res.writeHead(200, { 'content-length': '2' }).end('ok')
      else res.writeHead(307, { location: '/moved', 'content-length': '0' }).end()
    })

  test('GET and HEAD follow by default; a PUT, POST or DELETE is not sent on unless the caller asks (uploads do)', async () => {
    const s = await moving()
    const c = new RegistryClient({ host: s.host, plainHttp: true, retry: FAST })
    const get = await c.request({ method: 'GET', url: '/v2/r/manifests/a', repository: 'r', push: false })
    expect([get.status, get.body.toString()]).toEqual([200, 'ok'])
    for (const method of ['PUT', 'POST', 'DELETE']) {
      const res = await c.request({ method, url: '/v2/r/manifests/a', repository: 'r', push: true, body: method === 'DELETE' ? undefined : Buffer.from('{}') })
      expect([method, res.status]).toEqual([method, 307])
    }
    const asked = await c.request({ method: 'PUT', url: '/v2/r/blobs/uploads/u', repository: 'r', push: true, body: Buffer.from('{}'), follow: true })
    expect(asked.status).toBe(200)
    expect(s.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /v2/r/manifests/a',
      'GET /moved',
      'PUT /v2/r/manifests/a',
      'POST /v2/r/manifests/a',
      'DELETE /v2/r/manifests/a',
      'PUT /v2/r/blobs/uploads/u',
      'PUT /moved'
    ])
  })

  test('a Location that is not a URL: a RegistryError naming the registry and the request, not the Location', async () => {
    const s = await server((req, res) => res.writeHead(302, { location: 'http://[sig=secret', 'content-length': '0' }).end())
    const c = new RegistryClient({ host: s.host, plainHttp: true, retry: FAST })
    const digest = sha256(Buffer.from('x'))
    const e = await caught<RegistryError>(c.getBlob('r', digest))
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toBe(`http://${s.host}/v2/r/blobs/${digest} redirects to a Location header that is not a URL`)
    expect(e).toMatchObject({ registry: s.host, status: 302 })
    expect(e.hint).toBe('The registry, or a proxy in front of it, sent a broken redirect; check its storage redirect settings or ask its operator')
  })
})
