/**
 * Chart repository requests against a loopback HTTP server: Basic credentials (RFC 7617) from the repositories
 * input or from the URL, sent only to the repository's origin and never left in a URL or a message; redirects
 * followed (at most ten); each failure status with its hint; the download checked against the index digest
 * (sha256 computed here); a provenance file that is not there is no error.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { downloadChart, downloadProvenance, fetchIndex, RepositoryError } from '../../../src/chart/dependencies/repo-index'
import { caught } from '../../support/caught'

interface Seen {
  path: string
  auth?: string
  port: number
}
const seen: Seen[] = []
const servers: Server[] = []
const TGZ = Buffer.from('not really a chart, but bytes with a digest')
const INDEX = `apiVersion: v1\nentries:\n  web:\n  - name: web\n    version: 1.0.0\n    urls: [web-1.0.0.tgz]\n    digest: ${createHash('sha256').update(TGZ).digest('hex')}\n`

async function serve(handler: (req: IncomingMessage, port: number) => [number, Record<string, string>, string | Buffer]): Promise<number> {
  const server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port
    seen.push({ path: req.url!, auth: req.headers.authorization, port })
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
})

describe('failures name the repository without its credentials, with a hint', () => {
  test.each([
    ['charts', 401, /^Give credentials for 127\.0\.0\.1:\d+ in the repositories input/],
    ['gone', 403, /^Give credentials for/],
    ['nothing', 404, /^Check the repository URL: it must be the directory that holds index\.yaml$/]
  ])('/%s/index.yaml answering %i', async (dir, status, hint) => {
    const err = await caught<RepositoryError>(fetchIndex({ url: `http://ci:topsecret@127.0.0.1:${repo}/${dir}` }, 'umbrella'))
    expect(err).toBeInstanceOf(RepositoryError)
    expect(err.message).toBe(`GET http://127.0.0.1:${repo}/${dir}/index.yaml (index.yaml): response status ${status}`)
    expect(err).toMatchObject({ status, chart: 'umbrella', repository: `http://127.0.0.1:${repo}/${dir}` })
    expect(err.hint).toMatch(hint)
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain('topsecret')
  })

  test('a redirect loop stops after ten hops', async () => {
    const err = await caught<RepositoryError>(fetchIndex({ url: `http://127.0.0.1:${repo}/loop` }))
    expect(err.message).toMatch(/response status 302$/)
    expect(seen).toHaveLength(11)
  })

  test('a download whose sha256 differs from the index is refused with both digests', async () => {
    const entry = { name: 'web', version: '1.0.0', urls: ['web-1.0.0.tgz'], digest: `sha256:${'AB'.repeat(32)}` }
    const err = await caught<RepositoryError>(downloadChart({ url: `http://127.0.0.1:${repo}/bad` }, entry, 'umbrella'))
    const actual = createHash('sha256').update('tampered').digest('hex')
    expect(err.message).toBe(
      `digest mismatch for web 1.0.0 from http://127.0.0.1:${repo}/bad/web-1.0.0.tgz: index.yaml says sha256:${'ab'.repeat(32)}, the download is sha256:${actual}`
    )
    expect(err).toMatchObject({ chart: 'umbrella' })
  })

  test('an entry without URLs is refused; without a digest the bytes are taken as served', async () => {
    const err = await caught(downloadChart({ url: `http://127.0.0.1:${repo}/bad` }, { name: 'web', version: '1.0.0', urls: [] }))
    expect(err.message).toBe(`chart "web" version 1.0.0 has no downloadable URLs in http://127.0.0.1:${repo}/bad/index.yaml`)
    const got = await downloadChart({ url: `http://127.0.0.1:${repo}/bad` }, { name: 'web', version: '1.0.0', urls: ['web-1.0.0.tgz'] })
    expect(got.data.toString()).toBe('tampered')
  })
})

describe('provenance', () => {
  test('<archive URL>.prov; a 404 means none, other failures are errors', async () => {
    const entry = { name: 'web', version: '1.0.0', urls: ['web-1.0.0.tgz'] }
    expect(await downloadProvenance({ url: `http://127.0.0.1:${repo}/open` }, entry)).toBeUndefined()
    expect(seen.map((s) => s.path)).toEqual(['/open/web-1.0.0.tgz.prov'])
    expect(await downloadProvenance({ url: `http://127.0.0.1:${repo}/open` }, { ...entry, urls: [] })).toBeUndefined()
    await expect(downloadProvenance({ url: `http://127.0.0.1:${repo}/gone` }, entry)).rejects.toThrow(/response status 403/)
  })
})
