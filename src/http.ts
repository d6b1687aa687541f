/**
 * The one HTTP transport every module uses (registry, cloud token exchanges,
 * Sigstore helpers): node:http/https with keep-alive agents, an optional
 * private CA, timeouts, and no automatic redirects, because the callers must
 * decide per hop whether credentials may follow (they never leave the origin).
 */
import * as http from 'node:http'
import * as https from 'node:https'
import { rootCertificates } from 'node:tls'
import { Readable } from 'node:stream'
import { RegistryError } from './errors'

export type Body = Buffer | string | (() => Readable)

export interface HttpRequest {
  method: string
  url: URL | string
  headers?: Record<string, string | undefined>
  /** A buffer, or a factory so that a retry can stream the body again. */
  body?: Body
  /** Required with a streamed body (registries reject chunked encoding). */
  contentLength?: number
  timeoutMs?: number
  /** PEM bundle added to the trusted roots (`ca-file`). */
  ca?: string | Buffer
  /** Leave the response body unread and return it as a stream. */
  stream?: boolean
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

const agents = new Map<string, http.Agent>()

function agentFor(url: URL, ca?: string | Buffer): http.Agent {
  const key = `${url.protocol}${ca ? `:${typeof ca === 'string' ? ca : ca.toString('base64')}` : ''}`
  let agent = agents.get(key)
  if (!agent) {
    agent =
      url.protocol === 'https:'
        ? new https.Agent({ keepAlive: true, maxSockets: 8, ...(ca ? { ca: [ca.toString(), ...rootCertificates] } : {}) })
        : new http.Agent({ keepAlive: true, maxSockets: 8 })
    agents.set(key, agent)
  }
  return agent
}

/** Network errors worth another try: the connection broke or never answered. */
export function isTransientNetworkError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  return (
    code === 'ECONNRESET' ||
    code === 'ECONNREFUSED' ||
    code === 'EPIPE' ||
    code === 'ETIMEDOUT' ||
    code === 'EAI_AGAIN' ||
    code === 'ENETUNREACH' ||
    code === 'UND_ERR_SOCKET' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    (err instanceof Error && /socket hang up|timed out/i.test(err.message))
  )
}

export function send(req: HttpRequest): Promise<HttpResponse> {
  const url = typeof req.url === 'string' ? new URL(req.url) : req.url
  const lib = url.protocol === 'https:' ? https : http
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers ?? {})) if (v !== undefined) headers[k] = v
  let payload: Buffer | Readable | undefined
  if (typeof req.body === 'function') {
    payload = req.body()
    if (req.contentLength === undefined) throw new Error('a streamed body needs contentLength')
    headers['Content-Length'] = String(req.contentLength)
  } else if (req.body !== undefined) {
    payload = typeof req.body === 'string' ? Buffer.from(req.body) : req.body
    headers['Content-Length'] = String(payload.length)
  } else if (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') {
    headers['Content-Length'] = '0'
  }
  const timeoutMs = req.timeoutMs ?? 60_000
  return new Promise<HttpResponse>((resolve, reject) => {
    const r = lib.request(url, { method: req.method, headers, agent: agentFor(url, req.ca) }, (res) => {
      if (req.stream) {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0), bodyStream: res, url })
        return
      }
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), url }))
    })
    r.setTimeout(timeoutMs, () => r.destroy(Object.assign(new Error(`request to ${url.host} timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })))
    r.on('error', (e) => reject(untrustedCertificate(e, url)))
    if (payload instanceof Readable) {
      payload.on('error', (e) => r.destroy(e))
      payload.pipe(r)
    } else {
      r.end(payload)
    }
  })
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number
  minDelayMs: number
  maxDelayMs: number
  baseDelayMs: number
}

/** oras-go's default policy, which Helm uses: 5 retries, 250 ms × 2^n ± 10 %, within [200 ms, 3 s]. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 250, minDelayMs: 200, maxDelayMs: 3000 }

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505)
}

/** Delay before retry `attempt` (0-based); honours an integer or HTTP-date `Retry-After`. */
export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfter?: string): number {
  let ms = policy.baseDelayMs * 2 ** attempt * (0.9 + Math.random() * 0.2)
  if (retryAfter) {
    const secs = Number(retryAfter)
    if (Number.isFinite(secs)) ms = secs * 1000
    else {
      const at = Date.parse(retryAfter)
      if (!Number.isNaN(at)) ms = at - Date.now()
    }
  }
  return Math.min(policy.maxDelayMs, Math.max(policy.minDelayMs, ms))
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * Sends with retries on transient failures. A retryable status on the last
 * attempt is returned, not thrown, so the caller reports the registry's own error.
 */
export async function sendWithRetry(req: HttpRequest, policy: RetryPolicy = DEFAULT_RETRY): Promise<HttpResponse> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await send(req)
      if (attempt < policy.retries && isRetryableStatus(res.status)) {
        res.bodyStream?.resume()
        await sleep(backoffDelay(attempt, policy, headerValue(res.headers, 'retry-after')))
        continue
      }
      return res
    } catch (err) {
      if (attempt >= policy.retries || !isTransientNetworkError(err)) throw err
      await sleep(backoffDelay(attempt, policy))
    }
  }
}

export function headerValue(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

/** True when `a` and `b` share scheme, host and port: the only place credentials may go. */
export function sameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin
}

/** Node's codes for a server certificate that does not chain to a trusted CA or does not name the host. */
const UNTRUSTED_CERTIFICATE = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

/** A TLS verification failure, which Node words without the host, as an error naming the host and the remedy. */
export function untrustedCertificate(err: Error, url: URL): Error {
  const code = (err as NodeJS.ErrnoException).code
  if (!code || !UNTRUSTED_CERTIFICATE.has(code)) return err
  return new RegistryError(`TLS: the certificate of ${url.host} is not trusted: ${err.message} (${code})`, {
    registry: url.host,
    code,
    hint: 'If a private CA issued it, give that CA as a PEM file in the ca-file input (or in NODE_EXTRA_CA_CERTS)',
    cause: err
  })
}
