/**
 * An HTTP reverse proxy in front of a test registry that injects faults on any request kind
 * (connection resets before the request reaches the registry, halfway through its body, or after
 * the registry committed it; canned status answers such as 429/5xx with or without Retry-After;
 * stalls that never answer; throttled but moving bodies; 307 redirects to another origin) and can
 * redirect blob GETs to another origin, plus a tiny "object storage" server to receive those
 * redirects and record what headers arrive there (tests prove that registry credentials never
 * leave the registry's origin).
 */
import * as http from 'node:http'
import type * as net from 'node:net'

export type Fault =
  | 'reset'
  | 'reset-mid-body'
  /** Forward the request, let the registry answer, then drop the connection instead of relaying the answer. */
  | 'reset-after-commit'
  /** Read nothing more and never answer. */
  | 'stall'
  | { status: number; headers?: Record<string, string>; body?: string }
  /** 307 to the same path (and query) on another origin. */
  | { redirectTo: string; status?: number }
  /** Forward, but read the request body at this rate (bytes per second): slow, yet moving; with `stallAfter`, stop reading for good after that many bytes. */
  | { throttle: number; stallAfter?: number }

export interface FaultRule {
  method?: string
  path?: RegExp
  /** Matching requests let through before the rule applies. */
  skip?: number
  /** The rule applies to the first `times` matching requests (after `skip`), then is spent. */
  times: number
  fault: Fault
}

export interface FaultPlan {
  rules?: FaultRule[]
  /** Answer `GET /v2/<name>/blobs/sha256:<hex>` with 307 to `<redirectBlobsTo>/v2/<name>/blobs/...`. */
  redirectBlobsTo?: string
}

export interface ProxyRequest {
  method: string
  path: string
  /** Status sent to the client; 0 when the connection was reset. */
  status: number
  /** The Authorization header the client sent, if any. */
  authorization?: string
  /** The fault applied, if any. */
  fault?: string
  /** Request body bytes read from the client. */
  bodyBytes: number
  /** When (Date.now()) a throttled body stopped being read (`stallAfter`). */
  stalledAt?: number
}

export interface FaultProxy {
  host: string
  url: string
  requests: ProxyRequest[]
  stop(): Promise<void>
}

const BLOB_GET = /^\/v2\/.+\/blobs\/sha256:[a-f0-9]{64}(\?.*)?$/

async function listen(server: http.Server): Promise<{ host: string; url: string }> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as net.AddressInfo).port
  return { host: `127.0.0.1:${port}`, url: `http://127.0.0.1:${port}` }
}

async function close(server: http.Server): Promise<void> {
  // Keep-alive clients would otherwise hold close() open.
  server.closeAllConnections()
  await new Promise<void>((r) => server.close(() => r()))
}

export async function startFaultProxy(target: string, plan: FaultPlan = {}): Promise<FaultProxy> {
  const targetUrl = new URL(target)
  const rules = (plan.rules ?? []).map((r) => ({ ...r, left: r.times, skipped: 0 }))
  const requests: ProxyRequest[] = []
  let proxyUrl = ''

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET'
    const reqPath = req.url ?? '/'
    const entry: ProxyRequest = { method, path: reqPath, status: 0, authorization: req.headers.authorization, bodyBytes: 0 }
    requests.push(entry)

    const matching = rules.filter((r) => r.left > 0 && (!r.method || r.method.toUpperCase() === method) && (!r.path || r.path.test(reqPath)))
    let rule: (typeof rules)[number] | undefined
    for (const r of matching) {
      if (r.skipped < (r.skip ?? 0)) r.skipped++
      else if (!rule) rule = r
    }
    if (rule) rule.left--
    const fault = rule?.fault
    if (fault) entry.fault = typeof fault === 'string' ? fault : JSON.stringify(fault)

    if (fault === 'reset') {
      req.socket.destroy()
      return
    }
    if (fault === 'stall') {
      req.pause()
      return
    }
    if (fault && typeof fault === 'object' && 'redirectTo' in fault) {
      req.resume()
      entry.status = fault.status ?? 307
      res.writeHead(entry.status, { Location: fault.redirectTo.replace(/\/$/, '') + reqPath, 'Content-Length': '0' })
      res.end()
      return
    }
    if (fault && typeof fault === 'object' && 'status' in fault) {
      req.resume() // drain the body so the client sees the answer, not a write error
      entry.status = fault.status
      res.writeHead(fault.status, fault.headers ?? {})
      res.end(fault.body ?? '')
      return
    }
    if (!fault && plan.redirectBlobsTo && method === 'GET' && BLOB_GET.test(reqPath)) {
      req.resume()
      entry.status = 307
      res.writeHead(307, { Location: plan.redirectBlobsTo.replace(/\/$/, '') + reqPath, 'Content-Length': '0' })
      res.end()
      return
    }

    const headers = { ...req.headers, host: targetUrl.host }
    const upstream = http.request({ hostname: targetUrl.hostname, port: targetUrl.port, method, path: reqPath, headers }, (up) => {
      if (fault === 'reset-mid-body') return // already torn down
      if (fault === 'reset-after-commit') {
        // The registry did the work; the client never hears about it.
        up.resume()
        up.on('end', () => req.socket.destroy())
        return
      }
      const outHeaders = { ...up.headers }
      const loc = outHeaders.location
      if (typeof loc === 'string' && loc.startsWith(targetUrl.origin)) {
        outHeaders.location = proxyUrl + loc.slice(targetUrl.origin.length)
      }
      entry.status = up.statusCode ?? 502
      res.writeHead(entry.status, outHeaders)
      up.pipe(res)
    })
    upstream.on('error', () => {
      if (fault === 'reset-mid-body') return
      if (!res.headersSent) {
        entry.status = 502
        res.writeHead(502, { 'Content-Type': 'text/plain' })
        res.end('fault-proxy: upstream error')
      } else {
        res.destroy()
      }
    })

    if (fault === 'reset-mid-body') {
      // Forward the first chunk only, then tear down both sides so the upload is left incomplete.
      const tearDown = (): void => {
        upstream.destroy()
        req.socket.destroy()
      }
      req.once('data', (chunk: Buffer) => {
        req.pause()
        upstream.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2))), tearDown)
      })
      req.once('end', tearDown)
      return
    }
    if (fault && typeof fault === 'object' && 'throttle' in fault) {
      // Relay the body at the given rate: the upload keeps moving, slowly (TCP backpressure does the rest).
      req.on('data', (chunk: Buffer) => {
        req.pause()
        entry.bodyBytes += chunk.length
        upstream.write(chunk)
        if (fault.stallAfter !== undefined && entry.bodyBytes >= fault.stallAfter) {
          entry.stalledAt = Date.now()
          return
        }
        setTimeout(() => req.resume(), (chunk.length / fault.throttle) * 1000)
      })
      req.on('end', () => {
        const finish = (): void => (req.isPaused() ? void setTimeout(finish, 50) : void upstream.end())
        finish()
      })
      return
    }
    req.pipe(upstream)
  })

  const addr = await listen(server)
  proxyUrl = addr.url
  return { ...addr, requests, stop: () => close(server) }
}

export interface StorageRequest {
  method: string
  path: string
  authorization?: string
}

export interface StorageServer {
  host: string
  url: string
  seen: StorageRequest[]
  stop(): Promise<void>
}

export interface StorageOptions {
  /** Credentials the storage server itself uses to read blobs from the registry (Basic or token auth). */
  username?: string
  password?: string
}

/**
 * Stand-in for object storage behind a blob redirect: records every request's headers and serves
 * GETs by fetching the same path from the registry `target` with its own credentials, the way a
 * pre-signed URL carries its own authorization.
 */
export async function startStorageServer(target: string, opts: StorageOptions = {}): Promise<StorageServer> {
  const seen: StorageRequest[] = []
  const server = http.createServer((req, res) => {
    const reqPath = req.url ?? '/'
    const method = req.method ?? 'GET'
    seen.push({ method, path: reqPath, authorization: req.headers.authorization })
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      // GET/HEAD serve blobs; PUT/PATCH stand for a pre-signed upload URL, forwarded with the storage's own credentials.
      const body = method === 'PUT' || method === 'PATCH' ? Buffer.concat(chunks) : undefined
      const forward: Record<string, string> = {}
      for (const h of ['content-type', 'content-range', 'accept']) if (typeof req.headers[h] === 'string') forward[h] = req.headers[h]
      fetchWithAuth(`${target.replace(/\/$/, '')}${reqPath}`, method, opts, body, forward).then(
        async (up) => {
          const answer = Buffer.from(await up.arrayBuffer())
          const headers: Record<string, string> = { 'Content-Length': String(answer.length) }
          for (const h of ['content-type', 'docker-content-digest', 'location', 'range']) {
            const v = up.headers.get(h)
            if (v) headers[h] = v
          }
          res.writeHead(up.status, headers)
          res.end(method === 'HEAD' ? undefined : answer)
        },
        (e) => {
          res.writeHead(502, { 'Content-Type': 'text/plain' })
          res.end(String(e))
        }
      )
    })
  })
  const addr = await listen(server)
  return { ...addr, seen, stop: () => close(server) }
}

/** One GET, answering a Basic or Bearer challenge once (Bearer: pull token for the repository in the path). */
async function fetchWithAuth(url: string, method: string, opts: StorageOptions, body?: Buffer, extra: Record<string, string> = {}): Promise<Response> {
  const first = await fetch(url, { method, redirect: 'manual', headers: extra, body })
  const challenge = first.headers.get('www-authenticate') ?? ''
  if (first.status !== 401 || opts.username === undefined) return first
  await first.arrayBuffer()
  const basic = 'Basic ' + Buffer.from(`${opts.username}:${opts.password ?? ''}`).toString('base64')
  if (/^Basic/i.test(challenge)) return fetch(url, { method, headers: { ...extra, Authorization: basic }, body })

  const param = (k: string): string | undefined => new RegExp(`${k}="([^"]*)"`).exec(challenge)?.[1]
  const realm = param('realm')
  if (!realm) return first
  const repo = /^\/v2\/(.+)\/(blobs|manifests)\//.exec(new URL(url).pathname)?.[1]
  const tokenUrl = new URL(realm)
  const service = param('service')
  if (service) tokenUrl.searchParams.set('service', service)
  if (repo) tokenUrl.searchParams.set('scope', `repository:${repo}:pull`)
  const tr = await fetch(tokenUrl, { headers: { Authorization: basic } })
  if (!tr.ok) throw new Error(`storage server: token request failed with ${tr.status}`)
  const { token, access_token } = (await tr.json()) as { token?: string; access_token?: string }
  return fetch(url, { method, headers: { ...extra, Authorization: `Bearer ${access_token ?? token}` }, body })
}
