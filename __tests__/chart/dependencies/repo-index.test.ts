/**
 * Chart repository requests against a loopback HTTP server: Basic credentials (RFC 7617) from the repositories
 * input or from the URL, sent only to the repository's origin and never left in a URL or a message; redirects
 * followed (at most ten); each failure status with its hint; the download checked against the index digest
 * (sha256 computed here); a provenance file that is not there is no error.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import * as https from 'node:https'
import type { AddressInfo } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { downloadChart, downloadProvenance, fetchIndex, parseIndex, RepositoryError } from '../../../src/chart/dependencies/repo-index'
import { NetworkError, RetryAfterTooLong, TIMEOUT_ENV } from '../../../src/http'
import { caught, thrown } from '../../support/caught'
import { makeTestPki, type TestPki } from '../../support/tls'

interface Seen {
  path: string
  auth?: string
  port: number
}
const seen: Seen[] = []
const seenHeaders: IncomingMessage['headers'][] = []
const seenMethods: string[] = []
const servers: Server[] = []
const TGZ = Buffer.from('not really a chart, but bytes with a digest')
const INDEX = `apiVersion: v1\nentries:\n  web:\n  - name: web\n    version: 1.0.0\n    urls: [web-1.0.0.tgz]\n    digest: ${createHash('sha256').update(TGZ).digest('hex')}\n`

async function serve(handler: (req: IncomingMessage, port: number) => [number, Record<string, string>, string | Buffer]): Promise<number> {
  const server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port
    seen.push({ path: req.url!, auth: req.headers.authorization, port })
    seenHeaders.push(req.headers)
    seenMethods.push(req.method!)
    const [status, headers, body] = handler(req, port)
    res.writeHead(status, headers).end(body)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}
afterAll(async () => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))))
beforeEach(() => (seen.length = 0))

const basic = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`, 'utf8').toString('base64')}`

let other: number
let repo: number
beforeAll(async () => {
  other = await serve((req) => (req.url === '/store/web-1.0.0.tgz' ? [200, {}, TGZ] : [404, {}, 'no']))
  repo = await serve((req, port) => {
    const loc = (to: string): [number, Record<string, string>, string] => [302, { location: to }, '']
    switch (req.url) {
      case '/charts/index.yaml':
        return req.headers.authorization === basic('ci', 'p@ss:word') ? [200, {}, INDEX] : [401, {}, 'who are you']
      case '/open/index.yaml':
        return [200, {}, INDEX]
      case '/open/web-1.0.0.tgz':
        return loc(`http://127.0.0.1:${other}/store/web-1.0.0.tgz`)
      case '/same/index.yaml':
        return loc('/charts/index.yaml')
      case '/loop/index.yaml':
        return loc(`http://127.0.0.1:${port}/loop/index.yaml`)
      case '/open/sub%2Fweb-1.0.0.tgz':
      case '/open/web%201.0.0.tgz':
        return [200, {}, TGZ]
      case '/teapot/index.yaml':
        return [418, {}, '']
      case '/':
        return [200, {}, TGZ]
      case '/bad/web-1.0.0.tgz':
        return [200, {}, 'tampered']
      case '/gone/index.yaml':
      case '/gone/web-1.0.0.tgz.prov':
        return [403, {}, '']
      default:
        return [404, {}, 'not here']
    }
  })
})

describe('credentials', () => {
  test('from the repositories input: Basic user:password, to the index', async () => {
    const idx = await fetchIndex({ url: `http://127.0.0.1:${repo}/charts`, auth: { username: 'ci', password: 'p@ss:word' } })
    expect(idx.entries.get('web')!.map((e) => e.version)).toEqual(['1.0.0'])
    expect(seen).toEqual([{ path: '/charts/index.yaml', auth: basic('ci', 'p@ss:word'), port: repo }])
  })

  test('from the URL (percent-decoded), sent as a header and never in the request line', async () => {
    await fetchIndex({ url: `http://ci:p%40ss%3Aword@127.0.0.1:${repo}/charts/` })
    expect(seen).toEqual([{ path: '/charts/index.yaml', auth: basic('ci', 'p@ss:word'), port: repo }])
  })

  test('kept across a redirect within the origin, dropped on a redirect to another origin', async () => {
    await fetchIndex({ url: `http://127.0.0.1:${repo}/same`, auth: { username: 'ci', password: 'p@ss:word' } })
    expect(seen.map((s) => [s.path, s.auth])).toEqual([
      ['/same/index.yaml', basic('ci', 'p@ss:word')],
      ['/charts/index.yaml', basic('ci', 'p@ss:word')]
    ])
    seen.length = 0
    const idx = await fetchIndex({ url: `http://127.0.0.1:${repo}/open`, auth: { username: 'ci', password: 'secret' } })
    const got = await downloadChart({ url: `http://127.0.0.1:${repo}/open`, auth: { username: 'ci', password: 'secret' } }, idx.entries.get('web')![0])
    expect(got.data.equals(TGZ)).toBe(true)
    expect(got.fileName).toBe('web-1.0.0.tgz')
    expect(seen.map((s) => [s.port, s.path, s.auth])).toEqual([
      [repo, '/open/index.yaml', basic('ci', 'secret')],
      [repo, '/open/web-1.0.0.tgz', basic('ci', 'secret')],
      [other, '/store/web-1.0.0.tgz', undefined]
    ])
  })

  test('no credentials, no header', async () => {
    await fetchIndex({ url: `http://127.0.0.1:${repo}/open`, auth: {} })
    expect(seen).toEqual([{ path: '/open/index.yaml', auth: undefined, port: repo }])
  })

  // Go's http.Client sends a URL's userinfo as Basic auth, "user:" when there is no password (a token as the user name);
  // the repositories input folds that userinfo into username/password, so either alone is sent the same way.
  test('a user name or a password alone is sent with the other empty', async () => {
    await fetchIndex({ url: `http://127.0.0.1:${repo}/open`, auth: { username: 'ci' } })
    await fetchIndex({ url: `http://127.0.0.1:${repo}/open`, auth: { password: 'secret' } })
    await fetchIndex({ url: `http://tok3n@127.0.0.1:${repo}/open` })
    expect(seen.map((x) => x.auth)).toEqual([basic('ci', ''), basic('', 'secret'), basic('tok3n', '')])
  })

  test('what goes with each request: helm-oci-publish as the user agent, any type accepted', async () => {
    await fetchIndex({ url: `http://127.0.0.1:${repo}/open` })
    expect(seenHeaders.at(-1)).toMatchObject({ 'user-agent': 'helm-oci-publish', accept: '*/*' })
    expect(seenMethods.at(-1)).toBe('GET')
  })
})

describe('failures name the repository without its credentials, with a hint', () => {
  test.each([
    ['charts', 401, /^Give credentials for 127\.0\.0\.1:\d+ in the repositories input/],
    ['gone', 403, /^Give credentials for/],
    ['nothing', 404, /^Check the repository URL: it must be the directory that holds index\.yaml$/],
    ['teapot', 418, /^The repository failed; re-run the job/]
  ])('/%s/index.yaml answering %i', async (dir, status, hint) => {
    const err = await caught<RepositoryError>(fetchIndex({ url: `http://ci:topsecret@127.0.0.1:${repo}/${dir}` }, 'umbrella'))
    expect(err).toBeInstanceOf(RepositoryError)
    expect(err.message).toBe(`GET http://127.0.0.1:${repo}/${dir}/index.yaml (index.yaml): response status ${status}`)
    expect(err).toMatchObject({ status, chart: 'umbrella', repository: `http://127.0.0.1:${repo}/${dir}`, registry: `http://127.0.0.1:${repo}/${dir}` })
    expect(err.hint).toMatch(hint)
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain('topsecret')
  })

  test("a redirect loop stops at the tenth request, as Go's http.Client (Helm's getter) does", async () => {
    const err = await caught<RepositoryError>(fetchIndex({ url: `http://127.0.0.1:${repo}/loop` }))
    expect(err.message).toMatch(/response status 302$/)
    expect(seen).toHaveLength(10)
  })

  test('a download whose sha256 differs from the index is refused with both digests', async () => {
    const entry = { name: 'web', version: '1.0.0', urls: ['web-1.0.0.tgz'], digest: `sha256:${'AB'.repeat(32)}` }
    const err = await caught<RepositoryError>(downloadChart({ url: `http://127.0.0.1:${repo}/bad` }, entry, 'umbrella'))
    const actual = createHash('sha256').update('tampered').digest('hex')
    expect(err.message).toBe(
      `digest mismatch for web 1.0.0 from http://127.0.0.1:${repo}/bad/web-1.0.0.tgz: index.yaml says sha256:${'ab'.repeat(32)}, the download is sha256:${actual}`
    )
    expect(err).toMatchObject({ chart: 'umbrella' })
    expect(err.hint).toMatch(/regenerate index.yaml/)
  })

  test('only a leading sha256: is taken off the index digest: one elsewhere leaves a digest that matches nothing', async () => {
    const actual = createHash('sha256').update('tampered').digest('hex')
    const entry = { name: 'web', version: '1.0.0', urls: ['web-1.0.0.tgz'], digest: `${actual}sha256:` }
    const err = await caught<RepositoryError>(downloadChart({ url: `http://127.0.0.1:${repo}/bad` }, entry))
    expect(err.message).toBe(
      `digest mismatch for web 1.0.0 from http://127.0.0.1:${repo}/bad/web-1.0.0.tgz: index.yaml says sha256:${actual}sha256:, the download is sha256:${actual}`
    )
  })

  test('an entry without URLs is refused; without a digest the bytes are taken as served', async () => {
    const err = await caught<RepositoryError>(downloadChart({ url: `http://127.0.0.1:${repo}/bad` }, { name: 'web', version: '1.0.0', urls: [] }, 'umbrella'))
    expect(err.message).toBe(`chart "web" version 1.0.0 has no downloadable URLs in http://127.0.0.1:${repo}/bad/index.yaml`)
    expect(err).toMatchObject({ chart: 'umbrella', repository: `http://127.0.0.1:${repo}/bad` })
    expect(err.hint).toMatch(/helm repo index/)
    const missing = await caught(downloadChart({ url: `http://127.0.0.1:${repo}/bad` }, { name: 'web', version: '2.0.0', urls: ['web-2.0.0.tgz'] }))
    expect(missing.message).toBe(`GET http://127.0.0.1:${repo}/bad/web-2.0.0.tgz (web 2.0.0): response status 404`)
    const got = await downloadChart({ url: `http://127.0.0.1:${repo}/bad` }, { name: 'web', version: '1.0.0', urls: ['web-1.0.0.tgz'] })
    expect(got.data.toString()).toBe('tampered')
  })
})

describe('the file name an archive is saved under', () => {
  // helm/helm pkg/downloader ChartDownloader.DownloadTo: name := filepath.Base(u.Path), u.Path being the decoded path.
  test.each([
    ['sub%2Fweb-1.0.0.tgz', 'web-1.0.0.tgz'],
    ['web%201.0.0.tgz', 'web 1.0.0.tgz'],
    // No base name at all: <name>-<version>.tgz, the name Helm gives a chart archive.
    ['/', 'web-1.0.0.tgz']
  ])('%s → %s', async (ref, name) => {
    const got = await downloadChart({ url: `http://127.0.0.1:${repo}/open` }, { name: 'web', version: '1.0.0', urls: [ref] })
    expect(got.fileName).toBe(name)
    expect(got.data.equals(TGZ)).toBe(true)
  })
})

describe('provenance', () => {
  test('<archive URL>.prov; a 404 means none, other failures are errors', async () => {
    const entry = { name: 'web', version: '1.0.0', urls: ['web-1.0.0.tgz'] }
    expect(await downloadProvenance({ url: `http://127.0.0.1:${repo}/open` }, entry)).toBeUndefined()
    expect(seen.map((s) => s.path)).toEqual(['/open/web-1.0.0.tgz.prov'])
    expect(await downloadProvenance({ url: `http://127.0.0.1:${repo}/open` }, { ...entry, urls: [] })).toBeUndefined()
    expect(seen).toHaveLength(1)
    await expect(downloadProvenance({ url: `http://127.0.0.1:${repo}/gone` }, entry)).rejects.toThrow(
      `GET http://127.0.0.1:${repo}/gone/web-1.0.0.tgz.prov (web 1.0.0 provenance): response status 403`
    )
  })
})

// What a repository sends is read under a bound, so that an endless or huge answer cannot fill memory: index.yaml up
// to 100 MiB, an archive up to Helm's 100 MiB chart limit plus 1 MiB (as an OCI dependency), a .prov up to Helm's 5 MiB
// file limit. The bounds are written out here, not taken from the code. An endless body stops just past the bound, a
// declared Content-Length over it is refused before any byte of the body, and the boundary is exact both when the
// length is declared and when the body comes chunked.
describe('bounded reads', () => {
  const MiB = 1024 * 1024
  const INDEX_BOUND = 100 * MiB
  const ARCHIVE_BOUND = 101 * MiB
  const PROV_BOUND = 5 * MiB
  // Only to spare the machine when the bound is broken: a client that never stops sees the body cut here.
  const SAFETY_CAP = 256 * MiB
  const entry = { name: 'web', version: '1.0.0', urls: ['web-1.0.0.tgz'] }
  /** Each request: what was written, and who ended the connection (settled once it is closed). */
  const sent: Array<{ path: string; bytes: number; closed: Promise<'client' | 'cap'> }> = []
  const ended = async (): Promise<Array<[string, 'client' | 'cap', number]>> =>
    Promise.all(sent.map(async (x) => [x.path, await x.closed, x.bytes] as [string, 'client' | 'cap', number]))
  let port: number
  let server: Server
  beforeAll(async () => {
    server = createServer((req, res) => {
      const [, kind, file] = /^\/([^/]+)\/(.+)$/.exec(req.url!) ?? []
      const record = {
        path: req.url!,
        bytes: 0,
        closed: new Promise<'client' | 'cap'>((done) => res.on('close', () => done(record.bytes < SAFETY_CAP ? 'client' : 'cap')))
      }
      sent.push(record)
      const body = file === 'index.yaml' ? Buffer.from(INDEX) : TGZ
      if (kind === 'endless') {
        // As fast as it is read, never ending (until the safety cap).
        res.writeHead(200)
        const chunk = Buffer.alloc(64 * 1024, 'a')
        const more = (): void => {
          while (!res.destroyed && record.bytes < SAFETY_CAP) {
            record.bytes += chunk.length
            if (!res.write(chunk)) return void res.once('drain', more)
          }
          res.destroy()
        }
        return more()
      }
      if (kind === 'declared') {
        // A length over the bound, and then nothing: only a client that reads the header and stops can end this.
        const bound = file === 'index.yaml' ? INDEX_BOUND : file.endsWith('.prov') ? PROV_BOUND : ARCHIVE_BOUND
        res.writeHead(200, { 'content-length': String(bound + 1) })
        return void res.flushHeaders()
      }
      if (kind === 'sized') return void res.writeHead(200, { 'content-length': String(body.length) }).end(body)
      // chunked: no length, the body in two pieces.
      res.writeHead(200)
      res.write(body.subarray(0, 10))
      setTimeout(() => res.end(body.subarray(10)), 10)
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  beforeEach(() => (sent.length = 0))

  /**
   * Runs `fn` while sampling the memory held in buffers (from a collected start); returns its error, the most held
   * above the start, and what is still held once it failed, its connection closed and garbage was collected.
   */
  const PARSER_SLACK = 72 * MiB
  const peakWhile = async (fn: () => Promise<unknown>): Promise<{ err: RepositoryError; peak: number; held: number }> => {
    setFlagsFromString('--expose-gc')
    const expose = runInNewContext('gc') as () => void
    // Buffers' memory is given back after the collection, by a sweeper: collect, let it run, collect again.
    const gc = async (): Promise<void> => {
      expose()
      await new Promise((resolve) => setTimeout(resolve, 50))
      expose()
    }
    await gc()
    const before = process.memoryUsage().arrayBuffers
    let peak = 0
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers - before)), 5)
    try {
      const err = await caught<RepositoryError>(fn())
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - before)
      // Once the connection is closed at both ends, nothing of the answer may stay referenced.
      await ended()
      await gc()
      return { err, peak, held: process.memoryUsage().arrayBuffers - before }
    } finally {
      clearInterval(sample)
    }
  }

  test('an endless index.yaml ends at 100 MiB with the repository, the file and a hint, and no more is held', async () => {
    const { err, peak, held } = await peakWhile(() => fetchIndex({ url: `http://ci:topsecret@127.0.0.1:${port}/endless` }, 'umbrella'))
    expect(err).toBeInstanceOf(RepositoryError)
    expect(err.message).toBe(`index.yaml at http://127.0.0.1:${port}/endless/index.yaml is larger than 100.0 MiB: the answer exceeds ${INDEX_BOUND} bytes`)
    expect(err).toMatchObject({ chart: 'umbrella', repository: `http://127.0.0.1:${port}/endless` })
    expect(err.hint).toMatch(/^No public chart repository has an index this large: check that the URL points at a Helm chart repository/)
    expect(err.cause).toBeInstanceOf(NetworkError)
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain('topsecret')
    // The bound, plus what Node's HTTP parser holds around the body slices it hands over, uncollected yet (measured:
    // 10 to 23 MiB; 55 MiB once, on Node 24 in a loaded CI run). The body held twice would be 100 MiB over.
    expect(peak).toBeLessThan(INDEX_BOUND + PARSER_SLACK)
    expect(held).toBeLessThan(16 * MiB)
    // One request, not retried, and the client hung up just past the bound (kernel buffers aside).
    const [[path, by, bytes], ...more] = await ended()
    expect([path, by, more]).toEqual(['/endless/index.yaml', 'client', []])
    expect(bytes).toBeGreaterThan(INDEX_BOUND)
    expect(bytes).toBeLessThan(INDEX_BOUND + 16 * MiB)
  })

  test('an endless archive ends at 101 MiB (Helm 100 MiB chart limit + 1 MiB), naming the chart version', async () => {
    const { err, peak, held } = await peakWhile(() => downloadChart({ url: `http://127.0.0.1:${port}/endless` }, entry, 'umbrella'))
    expect(err).toBeInstanceOf(RepositoryError)
    expect(err.message).toBe(
      `the archive of web 1.0.0 at http://127.0.0.1:${port}/endless/web-1.0.0.tgz is larger than 101.0 MiB: the answer exceeds ${ARCHIVE_BOUND} bytes`
    )
    expect(err).toMatchObject({ chart: 'umbrella', repository: `http://127.0.0.1:${port}/endless` })
    expect(err.hint).toMatch(/^Helm loads no chart larger than 100 MiB decompressed/)
    expect(peak).toBeLessThan(ARCHIVE_BOUND + PARSER_SLACK)
    expect(held).toBeLessThan(16 * MiB)
    const [[path, by, bytes], ...more] = await ended()
    expect([path, by, more]).toEqual(['/endless/web-1.0.0.tgz', 'client', []])
    expect(bytes).toBeGreaterThan(ARCHIVE_BOUND)
    expect(bytes).toBeLessThan(ARCHIVE_BOUND + 16 * MiB)
  })

  test('a Content-Length over the bound is refused before any of the body is read', async () => {
    process.env[TIMEOUT_ENV] = '5'
    try {
      const repo = { url: `http://127.0.0.1:${port}/declared` }
      const started = Date.now()
      const index = await caught<RepositoryError>(fetchIndex(repo))
      expect(index.message).toBe(
        `index.yaml at http://127.0.0.1:${port}/declared/index.yaml is larger than 100.0 MiB: the answer exceeds ${INDEX_BOUND} bytes (Content-Length: ${INDEX_BOUND + 1})`
      )
      const archive = await caught<RepositoryError>(downloadChart(repo, entry))
      expect(archive.message).toBe(
        `the archive of web 1.0.0 at http://127.0.0.1:${port}/declared/web-1.0.0.tgz is larger than 101.0 MiB: the answer exceeds ${ARCHIVE_BOUND} bytes (Content-Length: ${ARCHIVE_BOUND + 1})`
      )
      const prov = await caught<RepositoryError>(downloadProvenance(repo, entry))
      expect(prov.message).toBe(
        `the provenance file of web 1.0.0 at http://127.0.0.1:${port}/declared/web-1.0.0.tgz.prov is larger than 5.0 MiB: the answer exceeds ${PROV_BOUND} bytes (Content-Length: ${PROV_BOUND + 1})`
      )
      expect(prov).toBeInstanceOf(RepositoryError)
      // The server sent no body at all: waiting for one would have stalled for the 5 s network timeout.
      expect(Date.now() - started).toBeLessThan(4000)
      expect(await ended()).toEqual([
        ['/declared/index.yaml', 'client', 0],
        ['/declared/web-1.0.0.tgz', 'client', 0],
        ['/declared/web-1.0.0.tgz.prov', 'client', 0]
      ])
    } finally {
      delete process.env[TIMEOUT_ENV]
    }
  })

  test.each(['sized', 'chunked'])('%s: a body exactly at the bound is read, one byte over it is refused', async (mode) => {
    const repo = { url: `http://127.0.0.1:${port}/${mode}` }
    const declared = (n: number): string => (mode === 'sized' ? ` (Content-Length: ${n})` : '')
    const size = Buffer.byteLength(INDEX)
    expect((await fetchIndex(repo, undefined, size)).entries.get('web')!.map((e) => e.version)).toEqual(['1.0.0'])
    expect((await caught(fetchIndex(repo, undefined, size - 1))).message).toBe(
      `index.yaml at http://127.0.0.1:${port}/${mode}/index.yaml is larger than ${size - 1} B: the answer exceeds ${size - 1} bytes${declared(size)}`
    )
    expect((await downloadChart(repo, entry, undefined, TGZ.length)).data.equals(TGZ)).toBe(true)
    expect((await caught(downloadChart(repo, entry, undefined, TGZ.length - 1))).message).toBe(
      `the archive of web 1.0.0 at http://127.0.0.1:${port}/${mode}/web-1.0.0.tgz is larger than ${TGZ.length - 1} B: the answer exceeds ${TGZ.length - 1} bytes${declared(TGZ.length)}`
    )
  })
})

// Over HTTPS: the server certificate comes from a test CA (openssl, __tests__/support/tls.ts), which the client trusts
// through the repository's CA, the value the ca-file input gives it. A hop from HTTPS to plain HTTP is refused before
// it is made (what it fetches would travel in the clear); requests that get no HTTP answer (TLS refused, a host that
// does not resolve) and a transport refusal (a wait longer than the action sits through) each name the repository,
// the request and what to check, without the credentials of the URL.
describe('over HTTPS', () => {
  let pki: TestPki
  let secure: https.Server
  let port: number
  beforeAll(async () => {
    pki = makeTestPki()
    secure = https.createServer({ cert: pki.cert, key: pki.key }, (req, res) => {
      seen.push({ path: req.url!, auth: req.headers.authorization, port })
      const plain = `http://127.0.0.1:${other}`
      const [status, headers, body]: [number, Record<string, string>, string | Buffer] =
        req.url === '/tls/index.yaml'
          ? [200, {}, INDEX]
          : req.url === '/down/index.yaml'
            ? [302, { location: `${plain}/store/index.yaml` }, '']
            : req.url === '/down/web-1.0.0.tgz'
              ? [301, { location: `http://mirror:s3cret@127.0.0.1:${other}/store/web-1.0.0.tgz` }, '']
              : req.url === '/moved/index.yaml'
                ? [308, { location: `https://127.0.0.1:${port}/tls/index.yaml` }, '']
                : req.url === '/busy/index.yaml'
                  ? [503, { 'retry-after': '86400' }, '']
                  : [404, {}, '']
      res.writeHead(status, headers).end(body)
    })
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve))
    port = (secure.address() as AddressInfo).port
  })
  afterAll(async () => {
    await new Promise((resolve) => secure.close(resolve))
    pki.remove()
  })

  test('the index is read with the repository CA, also after a redirect that stays on HTTPS', async () => {
    expect((await fetchIndex({ url: `https://127.0.0.1:${port}/tls`, ca: pki.ca })).entries.get('web')!.map((e) => e.version)).toEqual(['1.0.0'])
    expect((await fetchIndex({ url: `https://127.0.0.1:${port}/moved`, ca: pki.ca })).entries.get('web')!.map((e) => e.version)).toEqual(['1.0.0'])
    expect(seen.map((s) => s.path)).toEqual(['/tls/index.yaml', '/moved/index.yaml', '/tls/index.yaml'])
  })

  test('a redirect from HTTPS to plain HTTP is refused, naming both ends without credentials, and not followed', async () => {
    const err = await caught<RepositoryError>(fetchIndex({ url: `https://ci:topsecret@127.0.0.1:${port}/down`, ca: pki.ca }, 'umbrella'))
    expect(err).toBeInstanceOf(RepositoryError)
    expect(err.message).toBe(`https://127.0.0.1:${port}/down/index.yaml (index.yaml) redirects to http://127.0.0.1:${other}/store/index.yaml, away from HTTPS`)
    expect(err).toMatchObject({ chart: 'umbrella', repository: `https://127.0.0.1:${port}/down`, registry: `https://127.0.0.1:${port}/down` })
    expect(err.hint).toBe('A chart repository must not downgrade to plain HTTP; ask its owner to fix the redirect')
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain('topsecret')
    // The archive's redirect carries credentials of its own: they are not shown either.
    const entry = { name: 'web', version: '1.0.0', urls: ['web-1.0.0.tgz'] }
    const download = await caught<RepositoryError>(downloadChart({ url: `https://127.0.0.1:${port}/down`, ca: pki.ca }, entry, 'umbrella'))
    expect(download.message).toBe(
      `https://127.0.0.1:${port}/down/web-1.0.0.tgz (web 1.0.0) redirects to http://127.0.0.1:${other}/store/web-1.0.0.tgz, away from HTTPS`
    )
    expect(download).toMatchObject({ chart: 'umbrella', repository: `https://127.0.0.1:${port}/down` })
    expect(seen.map((s) => `${s.port === port ? 'https' : 'http'} ${s.path}`)).toEqual(['https /down/index.yaml', 'https /down/web-1.0.0.tgz'])
  })

  test('without the CA, or with another one, the TLS failure names the repository and says where a CA goes', async () => {
    for (const ca of [undefined, readFileSync(pki.otherCaFile, 'utf8')]) {
      const err = await caught<RepositoryError>(fetchIndex({ url: `https://ci:topsecret@127.0.0.1:${port}/tls`, ca }, 'umbrella'))
      expect(err).toBeInstanceOf(RepositoryError)
      expect(err.message).toMatch(
        new RegExp(`^cannot connect securely to chart repository https://127\\.0\\.0\\.1:${port}/tls: TLS failed: .+ while fetching index\\.yaml$`)
      )
      expect(err.hint).toBe('For a private CA (or a TLS-inspecting proxy) give its certificate in ca-file or NODE_EXTRA_CA_CERTS')
      expect(err).toMatchObject({ chart: 'umbrella', repository: `https://127.0.0.1:${port}/tls`, registry: `https://127.0.0.1:${port}/tls` })
      expect(err.cause).toBeInstanceOf(NetworkError)
      expect(JSON.stringify({ ...err, message: err.message })).not.toContain('topsecret')
    }
    expect(seen).toEqual([])
  })

  test('a host that does not resolve is named as the chart repository host, with the setting to check', async () => {
    // .invalid never resolves (RFC 6761 §6.4).
    const entry = { name: 'web', version: '1.0.0', urls: ['https://charts.invalid/web-1.0.0.tgz'] }
    const err = await caught<RepositoryError>(downloadChart({ url: 'https://ci:topsecret@charts.invalid/stable' }, entry, 'umbrella'))
    expect(err.message).toBe('chart repository host charts.invalid does not resolve (DNS ENOTFOUND) while fetching web 1.0.0')
    expect(err.hint).toBe(
      'Check the repository URL in Chart.yaml or the repositories input; on a self-hosted runner check its DNS, or HTTPS_PROXY if only a proxy can reach it'
    )
    expect(err).toMatchObject({ chart: 'umbrella', repository: 'https://charts.invalid/stable' })
    expect(err.cause).toBeInstanceOf(NetworkError)
  })

  test('a failure of the transport that is not the network (a wait it will not sit through) names the request', async () => {
    const err = await caught<RepositoryError>(fetchIndex({ url: `https://ci:topsecret@127.0.0.1:${port}/busy`, ca: pki.ca }, 'umbrella'))
    const url = `https://127.0.0.1:${port}/busy/index.yaml`
    expect(err.message.startsWith(`cannot fetch index.yaml from ${url}: GET ${url} answered 503 and asked to retry after `)).toBe(true)
    expect(err.hint).toBe('Check the repository URL in Chart.yaml or the repositories input')
    expect(err).toMatchObject({ chart: 'umbrella', repository: `https://127.0.0.1:${port}/busy` })
    expect(err.cause).toBeInstanceOf(RetryAfterTooLong)
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain('topsecret')
    expect(seen).toHaveLength(1)
  })
})

// helm/helm pkg/repo/v1/index.go loadIndex: JSON if json.Valid, else sigs.k8s.io/yaml UnmarshalStrict (a duplicate key
// fails the whole index); every entry goes through (*Metadata).Validate and is dropped when that fails, except for
// "more than one dependency with name or alias" (ignoreSkippableChartValidationError, helm/helm#12748).
describe('parseIndex keeps only the entries Helm keeps (pkg/repo/v1 loadIndex)', () => {
  const versions = (text: string, name = 'web'): string[] =>
    parseIndex(text, 'https://r')
      .entries.get(name)!
      .map((e) => e.version)
  const entry = (extra: string, version = '2.0.0'): string => `  - {name: web, version: ${version}, urls: [w.tgz]${extra}}\n`
  const index = (...lines: string[]): string => `apiVersion: v1\nentries:\n  web:\n${lines.join('')}${entry('', '1.0.0')}`

  test('TestLoadIndex_Duplicates: a key given twice refuses the index', () => {
    const text =
      'apiVersion: v1\nentries:\n  nginx:\n    - urls: [https://charts.helm.sh/stable/nginx-0.2.0.tgz]\n      name: nginx\n      version: 0.2.0\n' +
      '  nginx:\n    - urls: [https://charts.helm.sh/stable/alpine-1.0.0.tgz]\n      name: alpine\n      version: 1.0.0\n'
    const err = thrown(() => parseIndex(text, 'https://r'))
    expect(err).toBeInstanceOf(RepositoryError)
    expect(err.message).toMatch(/^invalid index.yaml from https:\/\/r\/?: /)
  })

  test('a JSON index is read as JSON: a repeated key is no error there (Go encoding/json keeps the last)', () => {
    const text =
      '{"apiVersion":"v1","entries":{"web":[{"name":"web","version":"1.0.0","urls":["a.tgz"]}],"web":[{"name":"web","version":"3.0.0","urls":["b.tgz"]}]}}'
    expect(versions(text)).toEqual(['3.0.0'])
  })

  test('TestLoadIndex_EmptyEntry: null entries and entries without name or version are skipped, not errors', () => {
    const idx = parseIndex(
      'apiVersion: v1\nentries:\n  grafana:\n  - apiVersion: v2\n    name: grafana\n  - null\n  foo:\n  -\n  bar:\n  - digest: "sha256:1234567890abcdef"\n    urls:\n    - https://charts.helm.sh/stable/alpine-1.0.0.tgz\n',
      'https://r'
    )
    expect([...idx.entries].map(([k, v]) => [k, v.length])).toEqual([
      ['grafana', 0],
      ['foo', 0],
      ['bar', 0]
    ])
  })

  test.each([
    ['no name (chart.metadata.name is required)', '  - {version: 2.0.0, urls: [w.tgz]}\n'],
    ['name ".." (not allowed)', '  - {name: "..", version: 2.0.0, urls: [w.tgz]}\n'],
    ['name with a slash (not filepath.Base of itself)', '  - {name: a/web, version: 2.0.0, urls: [w.tgz]}\n'],
    ['a version that is not SemVer', entry('', 'latest')],
    ['type plugin (must be application or library)', entry(', type: plugin')],
    ['a null maintainer', entry(', maintainers: [null]')],
    ['a null dependency', entry(', dependencies: [null]')],
    ['a dependency alias with a dot', entry(', dependencies: [{name: db, repository: r, alias: d.b}]')]
  ])('an entry with %s is dropped; the valid one remains', (_what, line) => {
    expect(versions(index(line))).toEqual(['1.0.0'])
  })

  test('an entry whose dependencies repeat a name is kept (helm/helm#12748), as is an apiVersion Helm 4 loads (v3)', () => {
    expect(versions(index(entry(', dependencies: [{name: db, repository: r}, {name: db, repository: s}]'), entry(', apiVersion: v3', '3.0.0')))).toEqual([
      '3.0.0',
      '2.0.0',
      '1.0.0'
    ])
  })

  test('the entry name is the sanitized metadata name; integers and floats read as sigs.k8s.io/yaml reads them', () => {
    const idx = parseIndex('apiVersion: v1\nentries:\n  web:\n  - {name: "w\\teb", version: 16777217, urls: [w.tgz], digest: abc}\n', 'https://r')
    expect(idx.entries.get('web')!.map((e) => [e.name, e.version, e.digest])).toEqual([['w eb', '16777217', 'abc']])
  })

  test('a chart whose versions are null has none; versions or an entry of another shape fail the index', () => {
    expect(parseIndex('apiVersion: v1\nentries:\n  web: ~\n', 'https://r').entries.get('web')).toEqual([])
    expect(thrown(() => parseIndex('apiVersion: v1\nentries:\n  web: foo\n', 'https://r')).message).toBe(
      'invalid index.yaml from https://r/: entries.web is not a list'
    )
    expect(thrown(() => parseIndex('apiVersion: v1\nentries:\n  web: [foo]\n', 'https://r')).message).toBe(
      'invalid index.yaml from https://r/: entries.web[0] is not a mapping'
    )
    expect(thrown(() => parseIndex('apiVersion: v1\nentries:\n  web: [[a]]\n', 'https://r')).message).toBe(
      'invalid index.yaml from https://r/: entries.web[0] is not a mapping'
    )
  })

  test('entries that are not a mapping fail the index; an entry without urls has none; a YAML error is quoted', () => {
    expect(thrown(() => parseIndex('apiVersion: v1\nentries: 5\n', 'https://r')).message).toBe('invalid index.yaml from https://r/: entries is not a mapping')
    expect(parseIndex('apiVersion: v1\nentries:\n  web:\n  - {name: web, version: 1.0.0}\n', 'https://r').entries.get('web')![0].urls).toEqual([])
    expect(thrown(() => parseIndex('apiVersion: v1\napiVersion: v2\n', 'https://r')).message).toMatch(
      /^invalid index.yaml from https:\/\/r\/: Map keys must be unique/
    )
  })

  test('a field of the wrong type fails the whole index, naming the entry', () => {
    const err = thrown(() => parseIndex(index(entry(', keywords: abc')), 'https://r'))
    expect(err).toBeInstanceOf(RepositoryError)
    expect(err.message).toBe('invalid index.yaml from https://r/: https://r/ index.yaml entries.web[0]: keywords is the string abc, expected a list of strings')
  })
})
