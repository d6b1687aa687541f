/**
 * A real forward proxy for tests, as corporate networks have them: CONNECT tunnels (what HTTPS
 * clients use, and what @actions/http-client uses for every target) and absolute-form requests
 * for plain-HTTP targets (what make-fetch-happen's HttpProxyAgent sends). Host names in `hosts`
 * resolve only here (e.g. `registry.test` → 127.0.0.1), so a client that ignores the proxy fails
 * with ENOTFOUND; other names are refused without touching the network. Optional Basic proxy
 * credentials (407 without them). With `tls` the proxy itself speaks HTTPS with the test CA's certificate
 * (HTTPS_PROXY=https://…: TLS to the proxy, then CONNECT inside it); with `silent` it accepts CONNECT
 * and never answers (a proxy that hangs while connecting). Also a TLS front (`startTlsFront`) that serves a plain-HTTP
 * registry over HTTPS with the test CA's certificate, as a registry with a private CA.
 */
import * as http from 'node:http'
import * as https from 'node:https'
import * as net from 'node:net'
import type { TestPki } from './tls'

export interface ConnectProxy {
  /** http://127.0.0.1:PORT (with credentials when the proxy requires them) */
  url: string
  port: number
  /** Every CONNECT target (`host:port`), in order. */
  connects: string[]
  /** Every absolute-form request (`METHOD URL`), in order. */
  requests: string[]
  /** Proxy-Authorization headers received. */
  proxyAuthorizations: string[]
  /** Completed TLS handshakes with clients (with `tls`). */
  tlsSessions: number
  stop(): Promise<void>
}

export interface ConnectProxyOptions {
  /** Names only this proxy can resolve, to an address (loopback). */
  hosts?: Record<string, string>
  auth?: { username: string; password: string }
  /** Listen with TLS, with this PKI's server certificate. */
  tls?: TestPki
  /** Accept CONNECT requests and never answer them. */
  silent?: boolean
}

export async function startConnectProxy(opts: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const connects: string[] = []
  const requests: string[] = []
  const proxyAuthorizations: string[] = []
  const sockets = new Set<net.Socket>()
  const expected = opts.auth ? `Basic ${Buffer.from(`${opts.auth.username}:${opts.auth.password}`).toString('base64')}` : undefined
  const resolve = (host: string): string | undefined => {
    const h = host.replace(/^\[|\]$/g, '').toLowerCase()
    if (opts.hosts?.[h]) return opts.hosts[h]
    return h === '127.0.0.1' || h === 'localhost' || h === '::1' ? h : undefined
  }
  const authorized = (req: http.IncomingMessage): boolean => {
    const got = req.headers['proxy-authorization']
    if (got) proxyAuthorizations.push(got)
    return !expected || got === expected
  }

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    requests.push(`${req.method} ${req.url}`)
    if (!authorized(req)) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test-proxy"' }).end()
      return
    }
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      res.writeHead(400).end('absolute-form request expected')
      return
    }
    const address = resolve(target.hostname)
    if (!address || target.protocol !== 'http:') {
      res.writeHead(502).end(`test proxy: cannot resolve ${target.hostname}`)
      return
    }
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    delete headers['proxy-connection']
    const up = http.request({ host: address, port: target.port || 80, method: req.method, path: `${target.pathname}${target.search}`, headers }, (u) => {
      res.writeHead(u.statusCode ?? 502, u.headers)
      u.pipe(res)
    })
    up.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end('upstream error')))
    req.pipe(up)
  }
  const server = opts.tls ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, handler) : http.createServer(handler)
  let tlsSessions = 0
  server.on('secureConnection', () => tlsSessions++)
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => undefined)
    const target = req.url ?? ''
    connects.push(target)
    if (opts.silent) return
    if (!authorized(req)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test-proxy"\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(target)
    const address = m && resolve(m[1])
    if (!m || !address) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const upstream = net.connect(Number(m[2]), address, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('close', () => upstream.destroy())
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as net.AddressInfo).port
  const cred = opts.auth ? `${encodeURIComponent(opts.auth.username)}:${encodeURIComponent(opts.auth.password)}@` : ''
  return {
    url: `${opts.tls ? 'https' : 'http'}://${cred}127.0.0.1:${port}`,
    port,
    connects,
    requests,
    proxyAuthorizations,
    get tlsSessions() {
      return tlsSessions
    },
    stop: async () => {
      for (const s of sockets) s.destroy()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    }
  }
}

export interface TlsFront {
  port: number
  stop(): Promise<void>
}

/** HTTPS in front of a plain-HTTP registry, with the test PKI's certificate; the registry builds its URLs from the forwarded host and scheme. */
export async function startTlsFront(target: string, pki: TestPki): Promise<TlsFront> {
  const t = new URL(target)
  const server = https.createServer({ cert: pki.cert, key: pki.key }, (req, res) => {
    const headers = { ...req.headers, 'x-forwarded-proto': 'https' }
    const up = http.request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers }, (u) => {
      res.writeHead(u.statusCode ?? 502, u.headers)
      u.pipe(res)
    })
    up.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()))
    req.pipe(up)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    port: (server.address() as net.AddressInfo).port,
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    }
  }
}
