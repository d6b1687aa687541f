/**
 * The one HTTP transport every module uses (registry, token services, cloud
 * token exchanges, the GitHub API): node:http/https with keep-alive agents,
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY through a CONNECT tunnel (src/proxy.ts),
 * a private CA (`ca-file`, NODE_EXTRA_CA_CERTS) also through the proxy, a
 * connect timeout and an inactivity timeout (no bytes moving in either
 * direction; never a limit on a whole request, so a slow upload that moves
 * is never cut), one retry policy, and a `::debug::` trace of each exchange.
 * Redirects follow one policy (`redirectHop`): at most 10 requests (Go's), 303 turns
 * into GET, never from HTTPS down to HTTP, and credentials never leave the
 * origin they belong to, not even when a later hop comes back
 * (`sendFollowing`; the registry client applies the same hop rule between
 * its authentication challenges).
 */
import * as crypto from 'node:crypto'
import { readFileSync } from 'node:fs'
import * as http from 'node:http'
import * as https from 'node:https'
import { isIP, type Socket } from 'node:net'
import { Readable, type Duplex } from 'node:stream'
import * as tls from 'node:tls'
import { maskSecret } from './auth/mask'
import { InactivityWatch, sendQueueBytes } from './inactivity'
import { displayProxy, getProxyUrl, type ProxyChoice } from './proxy'
import * as log from './report/log'

export type Body = Buffer | string | (() => Readable)

export interface HttpRequest {
  method: string
  url: URL | string
  headers?: Record<string, string | undefined>
  /** A buffer, or a factory so that a retry or a redirect can stream the body again. */
  body?: Body
  /** Required with a streamed body (registries reject chunked encoding). */
  contentLength?: number
  /** PEM bundle added to the trusted roots (`ca-file`); the transport-wide one applies when absent. */
  ca?: string | Buffer
  /** Leave the response body unread and return it as a stream. */
  stream?: boolean
  /** Refuse (and stop reading) a buffered answer larger than this many bytes; a larger Content-Length is refused unread. */
  maxBytes?: number
}

export interface HttpResponse {
  status: number
  headers: http.IncomingHttpHeaders
  /** Empty when `stream` was requested. */
  body: Buffer
  /** Present only when `stream` was requested. */
  bodyStream?: http.IncomingMessage
  url: URL
}

export interface TransportSettings {
  /** Extra trusted CA certificates (PEM) for every request. */
  ca?: string | Buffer
  /** A request fails when no byte moves, in either direction, for this long. */
  inactivityTimeoutMs: number
  /** Establishing a connection (TCP, proxy CONNECT, TLS) may take this long. */
  connectTimeoutMs: number
}

/** The variable (seconds) that sets both timeouts; the `network-timeout` input sets it too. */
export const TIMEOUT_ENV = 'HELM_OCI_PUBLISH_NETWORK_TIMEOUT'
const DEFAULT_TIMEOUT_MS = 30_000

/** Seconds from the `network-timeout` input or HELM_OCI_PUBLISH_NETWORK_TIMEOUT; undefined when unset or invalid. */
export function parseTimeoutSeconds(raw: string | undefined): number | undefined {
  if (!raw?.trim()) return undefined
  const s = Number(raw.trim().replace(/s$/, ''))
  return Number.isFinite(s) && s > 0 ? s * 1000 : undefined
}

let configured: Partial<TransportSettings> = {}

function current(): TransportSettings {
  const t = parseTimeoutSeconds(process.env[TIMEOUT_ENV]) ?? DEFAULT_TIMEOUT_MS
  return { inactivityTimeoutMs: t, connectTimeoutMs: t, ...configured }
}

/** Sets the transport-wide CA and timeouts (once per run, from the inputs); unset fields keep their defaults. */
export function configureTransport(s: Partial<TransportSettings>): TransportSettings {
  if ('ca' in s) trustEverywhere(s.ca)
  // An unset timeout keeps the default; `ca: undefined` clears the CA.
  configured = { ...configured, ...Object.fromEntries(Object.entries(s).filter(([k, v]) => v !== undefined || k === 'ca')) }
  return current()
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/**
 * Libraries that take no CA option (sigstore-js fetches through make-fetch-happen, which it gives none)
 * use Node's default store: on Node ≥ 22.19 / 24.5 the `ca-file` certificates are added there too.
 */
let defaultStore: string[] | undefined

function trustEverywhere(ca: string | Buffer | undefined): void {
  const t = tls as typeof tls & { setDefaultCACertificates?: (certs: string[]) => void; getCACertificates?: (type: string) => string[] }
  if (!t.setDefaultCACertificates || !t.getCACertificates) {
    if (ca) trace(() => `ca-file applies to the action's own requests; this Node ${process.version} cannot add it for Sigstore (NODE_EXTRA_CA_CERTS can)`)
    return
  }
  defaultStore ??= t.getCACertificates('default')
  const extra = (ca?.toString().match(PEM_CERT) ?? []).filter((c) => !defaultStore!.includes(c))
  t.setDefaultCACertificates([...defaultStore, ...extra])
}

/**
 * Passing `ca` to Node replaces its default roots, which then lose
 * NODE_EXTRA_CA_CERTS too: put the public roots and that file back.
 */
function trustedRoots(ca: string | Buffer): string[] {
  const extra = process.env.NODE_EXTRA_CA_CERTS
  let extraPem: string[] = []
  if (extra) {
    try {
      extraPem = [readFileSync(extra, 'utf8')]
    } catch {
      // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS.
    }
  }
  return [ca.toString(), ...extraPem, ...tls.rootCertificates]
}

/** Opens a CONNECT tunnel to `host:port` through the proxy; the callback gets the raw socket. */
function openTunnel(proxy: ProxyChoice, host: string, port: number, ca: string[] | undefined, done: (err: Error | null, socket?: Socket) => void): void {
  const lib = proxy.url.protocol === 'https:' ? https : http
  const target = `${host.includes(':') ? `[${host}]` : host}:${port}`
  const headers: Record<string, string> = { host: target }
  if (proxy.username || proxy.password) headers['proxy-authorization'] = `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}`
  const req = lib.request({
    host: proxy.url.hostname.replace(/^\[|\]$/g, ''),
    port: proxy.url.port || (proxy.url.protocol === 'https:' ? 443 : 80),
    method: 'CONNECT',
    path: target,
    headers,
    agent: false,
    ...(ca && proxy.url.protocol === 'https:' ? { ca } : {})
  })
  // The tunnel is part of connecting: the connect timeout bounds it.
  req.setTimeout(current().connectTimeoutMs, () =>
    req.destroy(Object.assign(new Error('connect timeout'), { stalled: true, connecting: 'proxy', proxy: displayProxy(proxy) }))
  )
  req.once('connect', (res, socket) => {
    if (res.statusCode === 200) return done(null, socket)
    socket.destroy()
    const why = res.statusCode === 407 ? 'proxy authentication required' : `answered ${res.statusCode}`
    done(Object.assign(new Error(`proxy ${displayProxy(proxy)} refused to tunnel to ${target} (${why})`), { code: 'EPROXY', proxyStatus: res.statusCode }))
  })
  req.once('error', (err: NodeJS.ErrnoException) => done(Object.assign(err, { proxy: displayProxy(proxy) })))
  req.end()
}

/** On a TLS socket layered over a tunnel: the socket below, which carries the TCP connection. */
const TCP_SOCKET = Symbol('tcp socket')

/** An agent whose connections are CONNECT tunnels through `proxy` (TLS to the target inside for https). */
function tunnellingAgent(secure: boolean, proxy: ProxyChoice, ca: string[] | undefined): http.Agent {
  const agent = secure ? new https.Agent({ keepAlive: true, maxSockets: 8, ...(ca ? { ca } : {}) }) : new http.Agent({ keepAlive: true, maxSockets: 8 })
  agent.createConnection = (options: http.ClientRequestArgs & tls.ConnectionOptions, cb?: (err: Error | null, stream: Duplex) => void) => {
    const host = options.hostname ?? options.host ?? 'localhost'
    const port = Number(options.port ?? (secure ? 443 : 80))
    openTunnel(proxy, host, port, ca, (err, socket) => {
      if (err || !socket) return cb?.(err ?? new Error('no tunnel'), undefined as unknown as Duplex)
      if (!secure) return cb?.(null, socket)
      // SNI carries names only, never an IP literal.
      const servername = options.servername || (isIP(host) ? undefined : host)
      // The TCP connection under the TLS one, whose kernel send queue shows an upload leaving.
      cb?.(null, Object.assign(tls.connect({ socket, servername, ca, ALPNProtocols: ['http/1.1'] }), { [TCP_SOCKET]: socket }))
    })
    return undefined
  }
  return agent
}

const agents = new Map<string, http.Agent>()

function agentFor(url: URL, caIn?: string | Buffer): http.Agent {
  const caSource = caIn ?? current().ca
  const ca = caSource ? trustedRoots(caSource) : undefined
  const proxy = getProxyUrl(url)
  const caKey = caSource ? crypto.createHash('sha256').update(caSource).digest('hex') : ''
  const key = `${url.protocol}|${proxy?.url.href ?? 'direct'}|${caKey}`
  let agent = agents.get(key)
  if (!agent) {
    if (proxy) {
      maskSecret(proxy.password)
      if (proxy.password) maskSecret(Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64'))
      trace(() => `${url.protocol.slice(0, -1)} requests go through proxy ${displayProxy(proxy)}${proxy.username ? ' (with credentials)' : ''}`)
    }
    const secure = url.protocol === 'https:'
    agent = proxy
      ? tunnellingAgent(secure, proxy, ca)
      : secure
        ? new https.Agent({ keepAlive: true, maxSockets: 8, ...(ca ? { ca } : {}) })
        : new http.Agent({ keepAlive: true, maxSockets: 8 })
    agents.set(key, agent)
  }
  return agent
}

/** A step-debug line, built only when step debug logging is on (RUNNER_DEBUG=1). */
export function trace(message: () => string): void {
  if (log.isDebug()) log.debug(message())
}

/** Where a request went, for logs and errors: origin and path, never the query (pre-signed URLs carry signatures there). */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`
}

export type NetworkFailure = 'refused' | 'dns' | 'reset' | 'connect-timeout' | 'stalled' | 'tls' | 'proxy' | 'unreachable' | 'too-large' | 'other'

/** A request that got no HTTP answer: what happened, to which request, after how long. */
export class NetworkError extends Error {
  // Lazily loaded bundles (src/lazy.ts) carry their own copy of this class: recognise any copy's instances.
  static override [Symbol.hasInstance](x: unknown): boolean {
    return x instanceof Error && x.name === 'NetworkError' && 'failure' in x
  }
  readonly code?: string
  readonly failure: NetworkFailure
  readonly method: string
  readonly url: URL
  readonly elapsedMs: number
  /** What happened, without the request (`connection refused`, `stalled: no bytes moved for 30 s`). */
  readonly detail: string
  attempts = 1
  constructor(cause: NodeJS.ErrnoException, method: string, url: URL, elapsedMs: number) {
    const failure = classify(cause)
    const detail = describeFailure(failure, cause, elapsedMs)
    super(`${method} ${displayUrl(url)}: ${detail}`, { cause })
    this.detail = detail
    this.name = 'NetworkError'
    this.code = cause.code
    this.failure = failure
    this.method = method
    this.url = url
    this.elapsedMs = elapsedMs
  }
  get retryable(): boolean {
    // A stall already cost a full timeout; retrying it would only double the wait.
    return this.failure === 'refused' || this.failure === 'reset' || this.failure === 'unreachable' || (this.failure === 'dns' && this.code === 'EAI_AGAIN')
  }
}

/** Error codes a foreign client's message may carry (the toolkit's and Octokit's keep only the text of the cause). */
const ERRNO_IN_TEXT = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EAI_NONAME|ECONNRESET|EPIPE|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|UND_ERR_[A-Z_]+)\b/

/**
 * A failure of another HTTP client (@actions/core's ID token request, Octokit) that got no HTTP answer,
 * as a NetworkError, so that it reads like the action's own; undefined when it did get an answer.
 */
export function foreignNetworkError(err: unknown, method: string, url: URL, elapsedMs: number): NetworkError | undefined {
  if (!(err instanceof Error)) return undefined
  if ((err as { response?: unknown }).response) return undefined
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    // Octokit's RequestError has a numeric (deprecated) `code`: the HTTP status, not an error code.
    const code: unknown = (e as { code?: unknown }).code
    if (typeof code === 'string' && classify(e) !== 'other') return new NetworkError(e, method, url, elapsedMs)
  }
  const code = ERRNO_IN_TEXT.exec(err.message)?.[1]
  const text = err.message
    .replace(/\s+/g, ' ')
    .replace(/^.*Error Message: /, '')
    .trim()
  const cause = Object.assign(new Error(text), { code })
  return classify(cause) === 'other' ? undefined : new NetworkError(cause, method, url, elapsedMs)
}

/** Who a failed request was for, to say what could not be reached and what to check. */
export interface NetworkPeer {
  /** `registry ghcr.io`, `AWS STS at https://sts.us-east-1.amazonaws.com` */
  name: string
  /** For a DNS failure (default `host H of <name>`): `registry host ghcr.io`. */
  host?: string
  /** The request, for failures in mid-exchange (default `METHOD origin/path`). */
  request?: string
  /** Appended to the sentence: ` while publishing chart \`x\``. */
  during?: string
  /** What sets the address, for the hints: `the registry input`, `AWS_ENDPOINT_URL_STS`. */
  setting?: string
  /** Hints that replace the general ones. */
  hints?: Partial<Record<NetworkFailure, string>>
}

/**
 * The one place a request that got no usable answer becomes a sentence: who could not be reached,
 * why (refused, DNS, TLS, timeout, proxy…), after how many attempts, and what to check.
 */
export function networkSentence(err: NetworkError, peer: NetworkPeer): { message: string; hint: string } {
  const { name, during = '' } = peer
  const tries = err.attempts > 1 ? ` after ${err.attempts} attempts` : ''
  const what = peer.request ?? `${err.method} ${displayUrl(err.url)}`
  const detail = err.detail
  const setting = peer.setting ?? 'the address'
  const texts: Record<NetworkFailure, [string, string]> = {
    refused: [
      `cannot reach ${name} (${detail})${tries}${during}`,
      `Check ${setting} and that the service runs there; on a self-hosted runner check HTTPS_PROXY and NO_PROXY`
    ],
    dns: [
      `${peer.host ?? `host ${err.url.hostname} of ${name}`} does not resolve (${detail.replace(/^host name does not resolve \(|\)$/g, '')})${during}`,
      `Check ${setting}; on a self-hosted runner check its DNS, or HTTPS_PROXY if only a proxy can reach it`
    ],
    reset: [`${name} closed the connection during ${what}${tries}${during}`, 'A proxy or load balancer may be cutting connections; re-run the job'],
    'connect-timeout': [
      `cannot reach ${name}: ${detail}${during}`,
      'Check that the runner may connect to it (firewall, HTTPS_PROXY, NO_PROXY); network-timeout sets the limit'
    ],
    stalled: [
      `${what} on ${name} ${detail}${during}`,
      'The service or a proxy stopped responding; re-run the job, or raise network-timeout if the network is this slow'
    ],
    tls: [
      `cannot connect securely to ${name}: ${detail}${during}`,
      'For a private CA (or a TLS-inspecting proxy) give its certificate in ca-file or NODE_EXTRA_CA_CERTS'
    ],
    proxy: [`cannot reach ${name}: ${detail}${during}`, 'Check HTTPS_PROXY (and the credentials in it) and NO_PROXY'],
    unreachable: [`cannot reach ${name} (${detail})${tries}${during}`, 'Check the runner network and HTTPS_PROXY / NO_PROXY'],
    'too-large': [`${what} on ${name}: ${detail}${during}`, `The answer is far larger than it can be; check ${setting}`],
    other: [`${what} on ${name} failed: ${detail}${tries}${during}`, 'Re-run the job; check the service status if it persists']
  }
  const [message, hint] = texts[err.failure]
  return { message, hint: peer.hints?.[err.failure] ?? hint }
}

/** What a connect timeout was waiting for: the TCP connection, the TLS handshake, or the proxy's tunnel. */
type ConnectPhase = 'tcp' | 'tls' | 'proxy'

function classify(err: NodeJS.ErrnoException & { stalled?: boolean; connecting?: ConnectPhase }): NetworkFailure {
  if (err.code === 'EPROXY') return 'proxy'
  if (err.code === 'ETOOLARGE') return 'too-large'
  if (err.stalled) return err.connecting ? 'connect-timeout' : 'stalled'
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'refused'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return 'dns'
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ERR_STREAM_PREMATURE_CLOSE':
    case 'UND_ERR_SOCKET':
      return 'reset'
    case 'ETIMEDOUT':
      return 'connect-timeout'
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'unreachable'
  }
  if (err.code?.startsWith('ERR_TLS') || err.code?.includes('CERT') || /certificate|SSL|TLS/i.test(err.message)) return 'tls'
  if (/socket hang up/i.test(err.message)) return 'reset'
  return 'other'
}

function describeFailure(f: NetworkFailure, err: NodeJS.ErrnoException & { proxy?: string; connecting?: ConnectPhase }, ms: number): string {
  const via = err.proxy ? ` (through proxy ${err.proxy})` : ''
  switch (f) {
    case 'refused':
      return `connection refused${via}`
    case 'dns':
      return `host name does not resolve (DNS ${err.code})${via}`
    case 'reset':
      return `connection closed before the answer (${err.code ?? err.message})${via}`
    case 'connect-timeout':
      if (err.connecting === 'proxy') return `no tunnel through proxy ${err.proxy} within ${seconds(ms)} (the proxy did not answer CONNECT)`
      if (err.connecting === 'tls') return `the TLS handshake did not complete within ${seconds(ms)}${via}`
      return `no TCP connection within ${seconds(ms)}${via}`
    case 'stalled':
      return `stalled: no bytes moved for ${seconds(ms)}`
    case 'tls':
      // A proxy URL with https:// is a TLS connection to the proxy itself, before any tunnel.
      return err.proxy ? `TLS to proxy ${err.proxy} failed: ${err.message}` : `TLS failed: ${err.message}`
    case 'proxy':
    case 'too-large':
      return err.message
    case 'unreachable':
      return `network unreachable (${err.code})${via}`
    default:
      return err.message
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`

/** Body writes are sliced so that the socket reports progress often, even for one large buffer. */
const SLICE = 64 * 1024

/** One exchange, no retries; network failures reject with a NetworkError. */
export function send(req: HttpRequest): Promise<HttpResponse> {
  const url = typeof req.url === 'string' ? new URL(req.url) : req.url
  const lib = url.protocol === 'https:' ? https : http
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers ?? {})) if (v !== undefined) headers[k] = v
  let payload: Buffer | Readable | undefined
  if (typeof req.body === 'function') {
    if (req.contentLength === undefined) throw new Error('a streamed body needs contentLength')
    payload = req.body()
    headers['Content-Length'] = String(req.contentLength)
  } else if (req.body !== undefined) {
    payload = typeof req.body === 'string' ? Buffer.from(req.body) : req.body
    headers['Content-Length'] = String(payload.length)
  } else if (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') {
    headers['Content-Length'] = '0'
  }
  const { inactivityTimeoutMs, connectTimeoutMs } = current()
  const started = Date.now()
  return new Promise<HttpResponse>((resolve, reject) => {
    const fail = (err: NodeJS.ErrnoException): void => {
      if (payload instanceof Readable) payload.destroy()
      reject(err instanceof NetworkError ? err : new NetworkError(err, req.method, url, Date.now() - started))
    }
    let watch: InactivityWatch | undefined
    let sent = 0
    let socket: Socket | undefined
    // Bytes that left the kernel's send queue while this request uploads (Linux; see src/inactivity.ts).
    let acked = 0
    let queued: number | undefined
    const sendQueue = (): void => {
      const s = socket && ((socket as Socket & { [TCP_SOCKET]?: Socket })[TCP_SOCKET] ?? socket)
      const q = s ? sendQueueBytes(s) : undefined
      if (q !== undefined && queued !== undefined && q < queued) acked += queued - q
      queued = q
    }
    const r = lib.request(url, { method: req.method, headers, agent: agentFor(url, req.ca) }, (res) => {
      watch?.answered()
      const status = res.statusCode ?? 0
      trace(() => `${req.method} ${displayUrl(url)} → ${status} (${Date.now() - started} ms)`)
      if (req.stream) {
        resolve({ status, headers: res.headers, body: Buffer.alloc(0), bodyStream: res, url })
        return
      }
      // A declared length over the bound is refused before any of the body is read.
      const declared = Number(res.headers['content-length'])
      if (req.maxBytes !== undefined && req.method !== 'HEAD' && declared > req.maxBytes) {
        r.destroy(Object.assign(new Error(`the answer exceeds ${req.maxBytes} bytes (Content-Length: ${declared})`), { code: 'ETOOLARGE' }))
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (c: Buffer) => {
        size += c.length
        if (req.maxBytes !== undefined && size > req.maxBytes) {
          // Let go of what was read now: the error's stack frames keep this response (and so this closure) alive.
          chunks.length = 0
          r.destroy(Object.assign(new Error(`the answer exceeds ${req.maxBytes} bytes`), { code: 'ETOOLARGE' }))
          return
        }
        chunks.push(c)
      })
      res.on('error', fail)
      res.on('end', () => resolve({ status, headers: res.headers, body: Buffer.concat(chunks), url }))
    })
    // Connecting (TCP, TLS; a proxy tunnel has its own timer) has its own limit, counted from when the
    // request gets its socket (not while it waits for a free one); afterwards only inactivity counts.
    let connectTimer: NodeJS.Timeout | undefined
    let ticker: NodeJS.Timeout | undefined
    const stop = (): void => {
      clearTimeout(connectTimer)
      clearInterval(ticker)
    }
    const onConnected = (): void => {
      clearTimeout(connectTimer)
      if (watch) return
      watch = new InactivityWatch(inactivityTimeoutMs, Date.now())
      // Polled: bytes read are counted by the socket (a streamed answer is read by the caller, at its pace).
      ticker = setInterval(
        () => {
          const now = Date.now()
          if (watch!.uploading) sendQueue()
          watch!.observe({ sent, read: socket?.bytesRead ?? 0, acked }, now)
          if (watch!.stalled(now)) r.destroy(Object.assign(new Error('inactivity timeout'), { stalled: true }))
        },
        Math.min(1000, Math.max(50, inactivityTimeoutMs / 8))
      )
      ticker.unref()
    }
    r.on('socket', (s: Socket) => {
      socket = s
      const tlsSocket = s as tls.TLSSocket
      const pending = s.connecting
        ? tlsSocket.encrypted
          ? 'secureConnect'
          : 'connect'
        : tlsSocket.encrypted && !tlsSocket.authorized && !tlsSocket.authorizationError
          ? 'secureConnect'
          : undefined
      if (!pending) return onConnected()
      connectTimer = setTimeout(
        () => r.destroy(Object.assign(new Error('connect timeout'), { stalled: true, connecting: s.connecting ? 'tcp' : 'tls' })),
        connectTimeoutMs
      )
      s.once(pending, onConnected)
    })
    r.on('error', (err: NodeJS.ErrnoException & { stalled?: boolean; connecting?: string }) => {
      stop()
      const e = new NetworkError(err, req.method, url, err.stalled ? (err.connecting ? connectTimeoutMs : inactivityTimeoutMs) : Date.now() - started)
      trace(() => `${req.method} ${displayUrl(url)} → ${e.detail} (${Date.now() - started} ms)`)
      fail(e)
    })
    r.on('close', stop)
    // The body is written in slices whose completion (the socket below accepted them) is the upload's progress.
    const write = (chunk: Buffer): boolean => r.write(chunk, (err) => void (err ? undefined : (sent += chunk.length)))
    const finish = (): void =>
      void r.end(() => {
        if (!watch) return
        watch.bodyAccepted(Date.now())
        if (watch.graceMs > 0)
          trace(
            () =>
              `${req.method} ${displayUrl(url)}: body handed over; about ${(watch!.buffered / 1048576).toFixed(1)} MiB may still drain at ${(watch!.rate / 1048576).toFixed(2)} MiB/s, so the answer may take ${seconds(watch!.graceMs)} more`
          )
      })
    const writable = (): Promise<void> =>
      new Promise((done) => {
        const go = (): void => {
          r.off('drain', go)
          r.off('close', go)
          done()
        }
        r.on('drain', go)
        r.on('close', go)
      })
    const pump = async (): Promise<void> => {
      const chunks: AsyncIterable<Buffer> | Buffer[] = payload instanceof Readable ? payload : payload ? [payload] : []
      for await (const chunk of chunks) {
        for (let i = 0; i < chunk.length; i += SLICE) {
          if (r.destroyed) return
          if (!write(chunk.subarray(i, i + SLICE))) await writable()
        }
      }
      if (!r.destroyed) finish()
    }
    pump().catch((e: Error) => r.destroy(e))
  })
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number
  minDelayMs: number
  maxDelayMs: number
  baseDelayMs: number
  /** The longest `Retry-After` honoured (60 s); a longer one fails naming the wait. */
  maxRetryAfterMs?: number
}

/** oras-go's back-off (250 ms × 2^n with jitter) with a higher ceiling, and Retry-After honoured up to 60 s. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 250, minDelayMs: 200, maxDelayMs: 8000, maxRetryAfterMs: 60_000 }

/** The statuses every request kind retries: rate limits and the transient server and gateway failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504
}

/** Milliseconds a `Retry-After` (seconds or HTTP date) asks for; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value?.trim()) return undefined
  const secs = Number(value.trim())
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** Delay before retry `attempt` (0-based): the server's `Retry-After` if it sent one, else back-off with ±10 % jitter. */
export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfter?: string): number {
  const asked = retryAfterMs(retryAfter)
  if (asked !== undefined) return Math.max(policy.minDelayMs, asked)
  const ms = policy.baseDelayMs * 2 ** attempt * (0.9 + Math.random() * 0.2)
  return Math.min(policy.maxDelayMs, Math.max(policy.minDelayMs, ms))
}

/** A server asked for a longer wait than the action will sit through. */
export class RetryAfterTooLong extends Error {
  constructor(
    readonly method: string,
    readonly url: URL,
    readonly status: number,
    readonly waitMs: number,
    limitMs: number
  ) {
    super(
      `${method} ${displayUrl(url)} answered ${status} and asked to retry after ${seconds(waitMs)} (Retry-After), longer than the ${seconds(limitMs)} this action waits`
    )
    this.name = 'RetryAfterTooLong'
  }
}

/**
 * The time all retries of one chart may spend waiting, so that a registry
 * that keeps failing ends the chart in bounded time however many requests it takes.
 */
export class RetryBudget {
  private spentMs = 0
  /** Set once a retry was refused for lack of budget. */
  refused = false
  constructor(readonly totalMs = 60_000) {}
  /** Takes `ms` from the budget; false when not enough is left. */
  take(ms: number): boolean {
    if (this.spentMs + ms > this.totalMs) {
      this.refused = true
      return false
    }
    this.spentMs += ms
    return true
  }
  get exhausted(): string {
    return `the retry budget of ${seconds(this.totalMs)} for this chart is used up`
  }
}

/**
 * Whether and when to retry after `outcome` (a response or a failure) of
 * attempt `attempt` (0-based). The one decision every request kind shares.
 */
export function retryDecision(
  req: { method: string; url: URL },
  outcome: unknown, // a response ({ status, headers }) or a failure
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY,
  budget?: RetryBudget
): { delayMs: number; reason: string } | undefined {
  let reason: string
  let retryAfter: string | undefined
  if (outcome instanceof NetworkError) {
    if (!outcome.retryable) return undefined
    reason = outcome.detail
  } else if (outcome && typeof outcome === 'object' && 'status' in outcome && typeof outcome.status === 'number' && 'headers' in outcome) {
    const res = outcome as { status: number; headers: http.IncomingHttpHeaders }
    if (!isRetryableStatus(res.status)) return undefined
    retryAfter = headerValue(res.headers, 'retry-after')
    const asked = retryAfterMs(retryAfter)
    const limit = policy.maxRetryAfterMs ?? 60_000
    if (asked !== undefined && asked > limit) throw new RetryAfterTooLong(req.method, req.url, res.status, asked, limit)
    reason = `HTTP ${res.status}${retryAfter ? ` (Retry-After: ${retryAfter})` : ''}`
  } else return undefined
  if (attempt >= policy.retries) return undefined
  const delayMs = Math.round(backoffDelay(attempt, policy, retryAfter))
  if (budget && !budget.take(delayMs)) {
    trace(() => `not retrying ${req.method} ${displayUrl(req.url)} after ${reason}: ${budget.exhausted}`)
    return undefined
  }
  const line = `retrying ${req.method} ${displayUrl(req.url)} in ${seconds(delayMs)} (attempt ${attempt + 2} of ${policy.retries + 1}) after ${reason}`
  // A long wait deserves a visible line; the rest is step-debug detail.
  if (delayMs >= 5000) log.info(line)
  else trace(() => line)
  return { delayMs, reason }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * Sends with retries on transient failures. A retryable status on the last
 * attempt is returned, not thrown, so the caller reports the registry's own error;
 * a network failure on the last attempt rejects with the attempt count on it.
 */
export async function sendWithRetry(req: HttpRequest, policy: RetryPolicy = DEFAULT_RETRY, budget?: RetryBudget): Promise<HttpResponse> {
  const url = typeof req.url === 'string' ? new URL(req.url) : req.url
  for (let attempt = 0; ; attempt++) {
    let outcome: unknown // an HttpResponse or a failure
    try {
      outcome = await send(req)
    } catch (err) {
      outcome = err
    }
    const decision = retryDecision({ method: req.method, url }, outcome, attempt, policy, budget)
    if (!decision) {
      if (outcome instanceof NetworkError) {
        outcome.attempts = attempt + 1
        throw outcome
      }
      if (outcome instanceof Error || !(outcome && typeof outcome === 'object' && 'status' in outcome)) throw outcome
      return outcome as HttpResponse
    }
    ;(outcome as HttpResponse).bodyStream?.resume()
    await sleep(decision.delayMs)
  }
}

/**
 * fetch() over this transport, for clients that take one (Octokit): the same proxy, CA, timeouts,
 * retries and trace as every other request, and a NetworkError (not a bare "fetch failed") when no
 * answer came.
 */
export async function transportFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input)
  const headers: Record<string, string> = {}
  new Headers(init.headers).forEach((v, k) => (headers[k] = v))
  const body = init.body == null ? undefined : typeof init.body === 'string' ? init.body : Buffer.from(await new Response(init.body).arrayBuffer())
  const method = init.method ?? 'GET'
  const res = await sendWithRetry({ method, url, headers, body })
  const out = new Headers()
  for (const [k, v] of Object.entries(res.headers)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, x)
  const empty = method === 'HEAD' || [101, 204, 205, 304].includes(res.status)
  return new Response(empty ? null : res.body, { status: res.status, headers: out })
}

export function headerValue(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

/** True when `a` and `b` share scheme, host and port: the only place credentials may go. */
export function sameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin
}

/** The statuses a redirect is followed on, and the most requests one call sends (Go's http.Client, as Helm's downloads and oras-go use it). */
const REDIRECT_STATUSES = [301, 302, 303, 307, 308]
export const MAX_REDIRECTS = 10

/**
 * A redirect that is not followed: from HTTPS down to plain HTTP, or to a Location that is not a URL (`to` absent;
 * Go's client fails the same way: "failed to parse Location header"). The Location is not repeated: it may be a
 * signed URL.
 */
export class RedirectRefused extends Error {
  /** What is wrong, after the URL that redirected. */
  readonly detail: string
  constructor(
    readonly from: URL,
    readonly to?: URL
  ) {
    const detail = to ? `redirects to ${displayUrl(to)}, away from HTTPS` : 'redirects to a Location header that is not a URL'
    super(`${displayUrl(from)} ${detail}`)
    this.detail = detail
    this.name = 'RedirectRefused'
  }
}

export interface RedirectHop {
  url: URL
  method: string
  /** 303 See Other: the next request is a GET without the body. */
  dropBody: boolean
}

/**
 * Where a redirect answer sends the request next (`hops`: redirects already
 * followed); undefined when `res` is not a redirect, has no Location, or
 * answered the MAX_REDIRECTS-th request, where Go's http.Client stops
 * ("stopped after 10 redirects": 10 requests in all); the caller then sees the
 * 3xx itself. An HTTPS request is never sent on over plain HTTP
 * (RedirectRefused): what it fetches, and any signed URL, would travel in the
 * clear.
 */
export function redirectHop(res: HttpResponse, method: string, hops: number, credentialsFor?: URL): RedirectHop | undefined {
  if (!REDIRECT_STATUSES.includes(res.status) || hops + 1 >= MAX_REDIRECTS) return undefined
  const loc = headerValue(res.headers, 'location')
  if (!loc) return undefined
  res.bodyStream?.resume()
  let next: URL
  try {
    next = new URL(loc, res.url)
  } catch {
    throw new RedirectRefused(res.url)
  }
  if (res.url.protocol === 'https:' && next.protocol !== 'https:') throw new RedirectRefused(res.url, next)
  const credentials = credentialsFor !== undefined && sameOrigin(next, credentialsFor)
  trace(() => `${method} ${displayUrl(res.url)} redirected (${res.status}) to ${displayUrl(next)}${credentials ? '' : ' without credentials'}`)
  const see = res.status === 303 && method !== 'HEAD'
  return { url: next, method: see ? 'GET' : method, dropBody: see }
}

/**
 * A request with the retry policy, following redirects by `redirectHop`.
 * `authorization` goes only to `origin`, and once a hop has left that origin
 * no credentials go along, not even back.
 */
export async function sendFollowing(
  req: HttpRequest,
  opts: { origin: URL; authorization?: string; policy?: RetryPolicy; budget?: RetryBudget }
): Promise<HttpResponse> {
  let url = typeof req.url === 'string' ? new URL(req.url) : req.url
  let { method, body, contentLength } = req
  let leftOrigin = false
  for (let hops = 0; ; hops++) {
    leftOrigin ||= !sameOrigin(url, opts.origin)
    const authorization = leftOrigin ? undefined : opts.authorization
    const res = await sendWithRetry({ ...req, method, url, body, contentLength, headers: { ...req.headers, authorization } }, opts.policy, opts.budget)
    const hop = redirectHop(res, method, hops, leftOrigin || !authorization ? undefined : opts.origin)
    if (!hop) return res
    url = hop.url
    method = hop.method
    if (hop.dropBody) body = contentLength = undefined
  }
}
