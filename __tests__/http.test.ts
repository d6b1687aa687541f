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
import {
  backoffDelay,
  DEFAULT_RETRY,
  isRetryableStatus,
  NetworkError,
  RedirectRefused,
  retryAfterMs,
  RetryAfterTooLong,
  RetryBudget,
  retryDecision,
  sendFollowing,
  sendWithRetry,
  transportFetch,
  type HttpRequest,
  type RetryPolicy
} from '../src/http'
import { caught } from './support/caught'
import { capturedOutput } from './support/output'
import { makeTestPki, type TestPki } from './support/tls'

const FAST: RetryPolicy = { retries: 2, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 5 }

interface Seen {
  origin: string
  method: string
  path: string
  authorization?: string
  contentLength?: string
  body: string
  test?: string | string[]
}

const seen: Seen[] = []
/** The four origins: two plain, two over TLS; each answers by path (below). */
const at: Record<'a' | 'b' | 's' | 't', string> = { a: '', b: '', s: '', t: '' }
const servers: http.Server[] = []
let pki: TestPki
let flaky = 0

/** Redirects by path: /see/<to> 303, /temp/<to> 307, /perm/<to> 308, /found/<to> 302, where <to> is an origin key and a path. */
function answer(origin: string, req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
  seen.push({
    origin,
    method: req.method!,
    path: req.url!,
    authorization: req.headers.authorization,
    contentLength: req.headers['content-length'],
    body,
    test: req.headers['x-test']
  })
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
  if (url.pathname === '/busy') return void res.writeHead(503, { 'retry-after': url.searchParams.get('after') ?? '0' }).end('busy')
  if (url.pathname === '/cookies') return void res.writeHead(200, { 'set-cookie': ['a=1', 'b=2'], 'content-type': 'text/plain' }).end(`${req.method} ${body}`)
  if (url.pathname === '/empty') return void res.writeHead(204).end()
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
    expect(e.name).toBe('RedirectRefused')
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

describe('the trace of a redirect (step debug)', () => {
  beforeEach(() => (process.env.RUNNER_DEBUG = '1'))
  afterEach(() => delete process.env.RUNNER_DEBUG)
  const debugLines = (from: number): string[] =>
    capturedOutput()
      .slice(from)
      .split('\n')
      .filter((l) => l.includes('redirected'))

  test('says when credentials stay behind, and only then', async () => {
    const from = capturedOutput().length
    await follow('a', '/found/a/found/b/end', { authorization: 'Bearer tok' })
    await follow('a', '/found/a/end')
    expect(debugLines(from)).toEqual([
      `::debug::GET ${at.a}/found/a/found/b/end redirected (302) to ${at.a}/found/b/end`,
      `::debug::GET ${at.a}/found/b/end redirected (302) to ${at.b}/end without credentials`,
      `::debug::GET ${at.a}/found/a/end redirected (302) to ${at.a}/end without credentials`
    ])
  })

  test('a URL given as a string is the same origin as its URL', async () => {
    const from = capturedOutput().length
    await sendFollowing({ method: 'GET', url: `${at.a}/found/a/end` }, { origin: new URL(at.a), authorization: 'Bearer tok', policy: FAST })
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer tok', 'Bearer tok'])
    expect(debugLines(from)).toEqual([`::debug::GET ${at.a}/found/a/end redirected (302) to ${at.a}/end`])
  })
})

// The policy is oras-go's (registry/remote/retry/policy.go: 5 retries, 250 ms × 2^attempt with ±10 % jitter, at least
// 200 ms) with a ceiling of 8 s instead of 3 s; Retry-After is RFC 9110's (delay-seconds or an HTTP-date).
describe('retry policy', () => {
  afterEach(() => jest.restoreAllMocks())

  test("the default is oras-go's, with an 8 s ceiling and Retry-After honoured up to 60 s", () => {
    expect(DEFAULT_RETRY).toEqual({ retries: 5, baseDelayMs: 250, minDelayMs: 200, maxDelayMs: 8000, maxRetryAfterMs: 60_000 })
  })

  test('retried statuses: 429 and the transient 5xx', () => {
    const all = Array.from({ length: 500 }, (_, i) => i + 100)
    expect(all.filter(isRetryableStatus)).toEqual([429, 500, 502, 503, 504])
  })

  test('Retry-After: seconds, or an HTTP-date from now; nothing readable is undefined', () => {
    const now = Date.UTC(2015, 9, 21, 7, 27, 30)
    expect(retryAfterMs('120', now)).toBe(120_000)
    expect(retryAfterMs(' 3 ', now)).toBe(3000)
    expect(retryAfterMs('0', now)).toBe(0)
    expect(retryAfterMs('-5', now)).toBe(0)
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(30_000)
    expect(retryAfterMs('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0)
    for (const v of [undefined, '', '   ', 'soon']) expect(retryAfterMs(v, now)).toBeUndefined()
  })

  test('back-off: 250 ms × 2^attempt within ±10 %, between 200 ms and 8 s; a Retry-After wins, above the ceiling too', () => {
    const random = jest.spyOn(Math, 'random')
    random.mockReturnValue(0)
    expect([0, 1, 3, 5].map((n) => backoffDelay(n, DEFAULT_RETRY))).toEqual([225, 450, 1800, 7200])
    random.mockReturnValue(0.5)
    expect([0, 2, 5, 6].map((n) => backoffDelay(n, DEFAULT_RETRY))).toEqual([250, 1000, 8000, 8000])
    random.mockReturnValue(0.999999)
    expect(Math.round(backoffDelay(1, DEFAULT_RETRY))).toBe(550)
    random.mockReturnValue(0)
    expect(backoffDelay(0, { ...DEFAULT_RETRY, baseDelayMs: 100 })).toBe(200)
    expect(backoffDelay(0, DEFAULT_RETRY, '20')).toBe(20_000)
    expect(backoffDelay(3, DEFAULT_RETRY, '0')).toBe(200)
  })

  test('a budget lends waits until its total is spent, then refuses', () => {
    const b = new RetryBudget(1000)
    expect([b.take(600), b.refused, b.take(400), b.refused, b.take(1), b.refused]).toEqual([true, false, true, false, false, true])
    expect(new RetryBudget().exhausted).toBe('the retry budget of 60 s for this chart is used up')
    expect(new RetryBudget(5000).exhausted).toBe('the retry budget of 5.0 s for this chart is used up')
  })

  const url = new URL('https://r.example/v2/x/blobs/uploads/?secret=1')
  const answer = (status: number, retryAfter?: string) => ({ status, headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter } })
  const refused = new NetworkError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'GET', url, 3)

  test("what is retried: retryable statuses and network failures, up to the policy's retries, each with its reason", () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5)
    const req = { method: 'PUT', url }
    expect(retryDecision(req, answer(503), 0)).toEqual({ delayMs: 250, reason: 'HTTP 503' })
    expect(retryDecision(req, answer(429, '2'), 1)).toEqual({ delayMs: 2000, reason: 'HTTP 429 (Retry-After: 2)' })
    expect(retryDecision(req, refused, 4)).toEqual({ delayMs: 4000, reason: 'connection refused' })
    expect(retryDecision(req, answer(503), 5)).toBeUndefined()
    expect(retryDecision(req, refused, 2, { ...FAST, retries: 2 })).toBeUndefined()
    const dns = new NetworkError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), 'GET', url, 3)
    for (const outcome of [answer(404), answer(501), dns, new Error('other'), undefined, 'HTTP 503', 503, { status: '503', headers: {} }, { status: 503 }])
      expect(retryDecision(req, outcome, 0)).toBeUndefined()
  })

  test('a Retry-After longer than the limit (60 s unless the policy says) fails, naming the wait, never the query', () => {
    const req = { method: 'GET', url }
    const e = (() => {
      try {
        retryDecision(req, answer(503, '61'), 0)
      } catch (err) {
        return err as RetryAfterTooLong
      }
    })()
    expect(e).toBeInstanceOf(RetryAfterTooLong)
    expect(e!.message).toBe(
      'GET https://r.example/v2/x/blobs/uploads/ answered 503 and asked to retry after 61 s (Retry-After), longer than the 60 s this action waits'
    )
    expect(e!.name).toBe('RetryAfterTooLong')
    expect(retryDecision(req, answer(503, '60'), 0)).toEqual({ delayMs: 60_000, reason: 'HTTP 503 (Retry-After: 60)' })
    expect(() => retryDecision(req, answer(429, '3'), 0, { ...FAST, maxRetryAfterMs: 2000 })).toThrow('longer than the 2.0 s this action waits')
  })

  test('a budget too small for the wait: no retry, the budget marked refused, and a debug line says why', () => {
    process.env.RUNNER_DEBUG = '1'
    const from = capturedOutput().length
    try {
      const b = new RetryBudget(100)
      expect(retryDecision({ method: 'GET', url }, answer(503, '1'), 0, DEFAULT_RETRY, b)).toBeUndefined()
      expect(b.refused).toBe(true)
      const b2 = new RetryBudget(1000)
      expect(retryDecision({ method: 'GET', url }, answer(503, '1'), 0, DEFAULT_RETRY, b2)).toEqual({ delayMs: 1000, reason: 'HTTP 503 (Retry-After: 1)' })
      expect(b2.take(1)).toBe(false)
    } finally {
      delete process.env.RUNNER_DEBUG
    }
    expect(capturedOutput().slice(from).split('\n').filter(Boolean)).toEqual([
      '::debug::not retrying GET https://r.example/v2/x/blobs/uploads/ after HTTP 503 (Retry-After: 1): the retry budget of 0.1 s for this chart is used up',
      '::debug::retrying GET https://r.example/v2/x/blobs/uploads/ in 1.0 s (attempt 2 of 6) after HTTP 503 (Retry-After: 1)'
    ])
  })

  test('a wait of 5 s or more is a visible line; a shorter one only a debug line', () => {
    const from = capturedOutput().length
    retryDecision({ method: 'GET', url }, answer(503, '5'), 2)
    retryDecision({ method: 'GET', url }, answer(503, '4'), 2)
    expect(capturedOutput().slice(from)).toBe('retrying GET https://r.example/v2/x/blobs/uploads/ in 5.0 s (attempt 4 of 6) after HTTP 503 (Retry-After: 5)\n')
  })
})

describe('sendWithRetry and transportFetch over loopback', () => {
  test('waits as asked between attempts; the last retryable answer is returned, not thrown', async () => {
    const started = Date.now()
    const res = await sendWithRetry({ method: 'GET', url: `${at.a}/busy?after=0` }, { retries: 2, baseDelayMs: 150, minDelayMs: 150, maxDelayMs: 150 })
    expect([res.status, res.body.toString(), seen.length]).toEqual([503, 'busy', 3])
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })

  test('a URL given as a string: a refusal names it', async () => {
    const e = await caught<RetryAfterTooLong>(sendWithRetry({ method: 'GET', url: `${at.a}/busy?after=600` }, FAST))
    expect(e.message).toBe(`GET ${at.a}/busy answered 503 and asked to retry after 600 s (Retry-After), longer than the 60 s this action waits`)
  })

  test('a streamed answer that is retried is drained, and the next attempt made', async () => {
    const res = await sendWithRetry({ method: 'GET', url: new URL(`${at.a}/flaky`), stream: true }, FAST)
    expect(res.status).toBe(302)
    expect(seen.map((s) => s.path)).toEqual(['/flaky', '/flaky'])
    res.bodyStream!.resume()
  })

  test('a network failure on every attempt rejects with the attempt count; other errors at once', async () => {
    const closed = http.createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as AddressInfo).port
    await new Promise((r) => closed.close(r))
    const e = await caught<NetworkError>(sendWithRetry({ method: 'GET', url: `http://127.0.0.1:${port}/x` }, FAST))
    expect(e).toBeInstanceOf(NetworkError)
    expect([e.failure, e.attempts]).toEqual(['refused', 3])
    const other = await caught(sendWithRetry({ method: 'PUT', url: `${at.a}/end`, body: () => Readable.from([]) }, FAST))
    expect(other.message).toBe('a streamed body needs contentLength')
    expect(seen).toHaveLength(0)
  })

  test('transportFetch: method, string body, every header value (set-cookie twice), the body; none for HEAD or 204', async () => {
    const res = await transportFetch(`${at.a}/cookies`, { method: 'POST', body: 'hello', headers: { 'x-test': '1' } })
    expect([res.status, await res.text(), res.headers.get('set-cookie'), res.headers.get('content-type')]).toEqual([
      200,
      'POST hello',
      'a=1, b=2',
      'text/plain'
    ])
    expect(seen.map((s) => [s.method, s.contentLength, s.body, s.test])).toEqual([['POST', '5', 'hello', '1']])
    const get = await transportFetch(new URL(`${at.a}/cookies`))
    expect(await get.text()).toBe('GET ')
    expect(seen[1]).toMatchObject({ method: 'GET', contentLength: undefined })
    const bytes = await transportFetch(new Request(`${at.a}/cookies`, { method: 'PUT' }), { method: 'PUT', body: new Uint8Array([104, 105]) })
    expect(await bytes.text()).toBe('PUT hi')
    const head = await transportFetch(`${at.a}/cookies`, { method: 'HEAD' })
    expect([head.status, head.body, head.headers.get('set-cookie')]).toEqual([200, null, 'a=1, b=2'])
    const empty = await transportFetch(`${at.a}/empty`)
    expect([empty.status, empty.body]).toEqual([204, null])
  })
})
