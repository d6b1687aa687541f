/**
 * sendFollowing (src/http.ts), the loop that follows redirects for chart repositories' index.yaml and archives, over
 * loopback HTTP and HTTPS servers (the test CA of __tests__/support/tls.ts, given as the `ca-file` value is). The
 * expected behaviour is Go's net/http Client, which Helm's downloads use (net/http/client.go: redirectBehavior and
 * defaultCheckRedirect): 303 turns the request into a GET without its body, 307/308 send both again, and a client
 * stops after 10 requests ("stopped after 10 redirects"); beyond Go, never from HTTPS down to HTTP, and credentials
 * go to their origin only, never again once a hop has left it.
 */
import * as http from 'node:http'
import * as https from 'node:https'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { RedirectRefused, RetryBudget, sendFollowing, type HttpRequest, type RetryPolicy } from '../src/http'
import { caught } from './support/caught'
import { makeTestPki, type TestPki } from './support/tls'

const FAST: RetryPolicy = { retries: 2, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 5 }

interface Seen {
  origin: string
  method: string
  path: string
  authorization?: string
  contentLength?: string
  body: string
}

const seen: Seen[] = []
/** The four origins: two plain, two over TLS; each answers by path (below). */
const at: Record<'a' | 'b' | 's' | 't', string> = { a: '', b: '', s: '', t: '' }
const servers: http.Server[] = []
let pki: TestPki
let flaky = 0

/** Redirects by path: /see/<to> 303, /temp/<to> 307, /perm/<to> 308, /found/<to> 302, where <to> is an origin key and a path. */
function answer(origin: string, req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
  seen.push({ origin, method: req.method!, path: req.url!, authorization: req.headers.authorization, contentLength: req.headers['content-length'], body })
  const url = new URL(req.url!, 'http://x')
  const hop = /^\/(see|temp|perm|found)\/([abst])(\/.*)$/.exec(url.pathname)
  if (hop) {
    const status = { see: 303, temp: 307, perm: 308, found: 302 }[hop[1]]!
    return void res.writeHead(status, { location: `${at[hop[2] as keyof typeof at]}${hop[3]}` }).end()
  }
  const chain = /^\/chain\/(\d+)$/.exec(url.pathname)
  if (chain) {
    const n = Number(chain[1])
    return void (n > 0 ? res.writeHead(302, { location: `/chain/${n - 1}` }).end() : res.writeHead(200).end('end of chain'))
  }
  if (url.pathname === '/loop') return void res.writeHead(302, { location: '/loop' }).end()
  if (url.pathname === '/flaky') return void (flaky++ === 0 ? res.writeHead(503, { 'retry-after': '0' }).end() : res.writeHead(302, { location: '/end' }).end())
  if (url.pathname === '/end') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(`end at ${origin}`)
  res.writeHead(404).end()
}

beforeAll(async () => {
  pki = makeTestPki()
  for (const key of ['a', 'b', 's', 't'] as const) {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => answer(key, req, Buffer.concat(chunks).toString(), res))
    }
    const server = key === 's' || key === 't' ? https.createServer({ cert: pki.cert, key: pki.key }, handler) : http.createServer(handler)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    at[key] = `${key === 's' || key === 't' ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`
    servers.push(server)
  }
})
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections()
    await new Promise((r) => s.close(r))
  }
  pki?.remove()
})
beforeEach(() => {
  seen.length = 0
  flaky = 0
})

/** sendFollowing from origin `key` (whose credentials `authorization` are), trusting the test CA as `ca-file` does. */
function follow(key: keyof typeof at, path: string, o: Partial<HttpRequest> & { authorization?: string; budget?: RetryBudget } = {}) {
  const origin = new URL(at[key])
  const { authorization, budget, ...req } = o
  return sendFollowing({ method: 'GET', ...req, url: new URL(path, origin), ca: pki.ca }, { origin, authorization, policy: FAST, budget })
}

const trail = (): string[] => seen.map((s) => `${s.method} ${s.origin}${s.path}${s.body ? ` <${s.body}>` : ''}`)

describe('methods and bodies (Go: 303 → GET without body; 307 and 308 send both again)', () => {
  test('a POST answered 303 goes on as a GET without its body or Content-Length', async () => {
    const res = await follow('a', '/see/a/end', { method: 'POST', body: 'data' })
    expect([res.status, res.body.toString(), res.url.href]).toEqual([200, 'end at a', `${at.a}/end`])
    expect(trail()).toEqual(['POST a/see/a/end <data>', 'GET a/end'])
    expect(seen.map((s) => s.contentLength)).toEqual(['4', undefined])
  })

  test('a streamed body with its length: dropped on 303, opened again on 307 and 308', async () => {
    let opened = 0
    const body = (): Readable => {
      opened++
      return Readable.from([Buffer.from('stream')])
    }
    await follow('a', '/see/a/end', { method: 'PUT', body, contentLength: 6 })
    expect([trail(), opened]).toEqual([['PUT a/see/a/end <stream>', 'GET a/end'], 1])
    seen.length = 0
    expect((await follow('a', '/temp/a/perm/a/end', { method: 'PUT', body, contentLength: 6 })).status).toBe(200)
    expect(trail()).toEqual(['PUT a/temp/a/perm/a/end <stream>', 'PUT a/perm/a/end <stream>', 'PUT a/end <stream>'])
    expect([seen.map((s) => s.contentLength), opened]).toEqual([['6', '6', '6'], 4])
  })

  test('a 303 after the 307: the body goes along until the 303, then never again', async () => {
    await follow('a', '/temp/a/see/a/temp/a/end', { method: 'POST', body: Buffer.from('once') })
    expect(trail()).toEqual(['POST a/temp/a/see/a/temp/a/end <once>', 'POST a/see/a/temp/a/end <once>', 'GET a/temp/a/end', 'GET a/end'])
  })
})

describe('hops (Go: at most 10 requests, "stopped after 10 redirects")', () => {
  test('9 redirects are followed to the answer', async () => {
    const res = await follow('a', '/chain/9')
    expect([res.status, res.body.toString()]).toEqual([200, 'end of chain'])
    expect(seen).toHaveLength(10)
  })

  test('a loop ends after the 10th request; its 302 is what the caller sees', async () => {
    const res = await follow('a', '/loop')
    expect([res.status, res.url.href]).toEqual([302, `${at.a}/loop`])
    expect(seen).toHaveLength(10)
  })

  test('a redirect chain of 10 is not followed to its end either', async () => {
    const res = await follow('a', '/chain/10')
    expect([res.status, res.url.pathname]).toEqual([302, '/chain/1'])
    expect(seen).toHaveLength(10)
  })
})

describe('credentials go to their origin only, never again once a hop left it', () => {
  test('kept on a redirect within the origin', async () => {
    await follow('a', '/found/a/temp/a/end', { authorization: 'Basic c2VjcmV0' })
    expect(seen.map((s) => s.authorization)).toEqual(['Basic c2VjcmV0', 'Basic c2VjcmV0', 'Basic c2VjcmV0'])
  })

  test('dropped on another origin (the same host on another port), and not sent again when a later hop comes back', async () => {
    const res = await follow('a', '/found/b/found/a/end', { authorization: 'Bearer tok' })
    expect(res.body.toString()).toBe('end at a')
    expect(seen.map((s) => [s.origin, s.authorization])).toEqual([
      ['a', 'Bearer tok'],
      ['b', undefined],
      ['a', undefined]
    ])
  })

  test('a request that starts away from the origin carries none', async () => {
    await sendFollowing({ method: 'GET', url: `${at.b}/found/a/end` }, { origin: new URL(at.a), authorization: 'Bearer tok', policy: FAST })
    expect(seen.map((s) => [s.origin, s.authorization])).toEqual([
      ['b', undefined],
      ['a', undefined]
    ])
  })
})

describe('over HTTPS (the test CA given as ca-file gives it)', () => {
  test('HTTPS to another HTTPS origin is followed, without the credentials', async () => {
    const res = await follow('s', '/perm/t/end', { authorization: 'Bearer tok' })
    expect([res.status, res.body.toString()]).toEqual([200, 'end at t'])
    expect(seen.map((s) => [s.origin, s.authorization])).toEqual([
      ['s', 'Bearer tok'],
      ['t', undefined]
    ])
  })

  test('HTTPS down to HTTP is refused before the plain request is made', async () => {
    const e = await caught<RedirectRefused>(follow('s', '/found/a/end', { authorization: 'Bearer tok' }))
    expect(e).toBeInstanceOf(RedirectRefused)
    expect(e.message).toBe(`${at.s}/found/a/end redirects to ${at.a}/end, away from HTTPS`)
    expect(trail()).toEqual(['GET s/found/a/end'])
  })

  test('HTTP up to HTTPS is followed', async () => {
    const res = await follow('a', '/found/s/end')
    expect([res.status, res.body.toString()]).toEqual([200, 'end at s'])
  })
})

describe('retries at each hop', () => {
  test('a 503 is retried, then its redirect followed', async () => {
    const res = await follow('a', '/flaky', { authorization: 'Bearer tok' })
    expect([res.status, res.body.toString()]).toEqual([200, 'end at a'])
    expect(seen.map((s) => [s.path, s.authorization])).toEqual([
      ['/flaky', 'Bearer tok'],
      ['/flaky', 'Bearer tok'],
      ['/end', 'Bearer tok']
    ])
  })

  test('with no retry budget left the 503 is the answer', async () => {
    const res = await follow('a', '/flaky', { budget: new RetryBudget(0) })
    expect(res.status).toBe(503)
    expect(seen).toHaveLength(1)
  })
})
