/**
 * An HTTP reverse proxy in front of a test registry that injects faults (connection resets, canned
 * status answers, resets halfway through an upload) and can redirect blob GETs to another origin,
 * plus a tiny "object storage" server to receive those redirects and record what headers arrive
 * there (tests prove that registry credentials never leave the registry's origin).
 */
import * as http from 'node:http'
import type * as net from 'node:net'

export type Fault = 'reset' | 'reset-mid-body' | { status: number; headers?: Record<string, string>; body?: string }

export interface FaultRule {
  method?: string
  path?: RegExp
  /** The rule applies to the first `times` matching requests, then is spent. */
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
  const rules = (plan.rules ?? []).map((r) => ({ ...r, left: r.times }))
  const requests: ProxyRequest[] = []
  let proxyUrl = ''

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET'
    const reqPath = req.url ?? '/'
    const entry: ProxyRequest = { method, path: reqPath, status: 0 }
    requests.push(entry)

    const rule = rules.find((r) => r.left > 0 && (!r.method || r.method.toUpperCase() === method) && (!r.path || r.path.test(reqPath)))
    if (rule) rule.left--
    const fault = rule?.fault

    if (fault === 'reset') {
      req.socket.destroy()
      return
    }
    if (fault && typeof fault === 'object') {
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
    seen.push({ method: req.method ?? 'GET', path: reqPath, authorization: req.headers.authorization })
    req.resume()
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end()
      return
    }
    fetchWithAuth(`${target.replace(/\/$/, '')}${reqPath}`, req.method, opts).then(
      async (up) => {
        const body = Buffer.from(await up.arrayBuffer())
        const headers: Record<string, string> = { 'Content-Length': String(body.length) }
        const ct = up.headers.get('content-type')
        if (ct) headers['Content-Type'] = ct
        res.writeHead(up.status, headers)
        res.end(req.method === 'HEAD' ? undefined : body)
      },
      (e) => {
        res.writeHead(502, { 'Content-Type': 'text/plain' })
        res.end(String(e))
      }
    )
  })
  const addr = await listen(server)
  return { ...addr, seen, stop: () => close(server) }
}

/** One GET, answering a Basic or Bearer challenge once (Bearer: pull token for the repository in the path). */
async function fetchWithAuth(url: string, method: string, opts: StorageOptions): Promise<Response> {
  const first = await fetch(url, { method, redirect: 'manual' })
  const challenge = first.headers.get('www-authenticate') ?? ''
  if (first.status !== 401 || opts.username === undefined) return first
  await first.arrayBuffer()
  const basic = 'Basic ' + Buffer.from(`${opts.username}:${opts.password ?? ''}`).toString('base64')
  if (/^Basic/i.test(challenge)) return fetch(url, { method, headers: { Authorization: basic } })

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
  return fetch(url, { method, headers: { Authorization: `Bearer ${access_token ?? token}` } })
}
