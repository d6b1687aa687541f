/** A loopback HTTP server for the cloud emulators (127.0.0.1, free port). */
import { randomBytes } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Req {
  method: string
  url: URL
  headers: http.IncomingHttpHeaders
  /** Header name/value pairs as sent, repeated headers kept (for SigV4 verification). */
  rawHeaders: string[]
  body: Buffer
}

export interface Res {
  status: number
  headers?: Record<string, string>
  body?: string | Buffer | object
}

export interface Emulator {
  url: string
  host: string
  /** Every request seen, for assertions. */
  requests: Req[]
  /** Every secret this emulator handed out (tokens, keys, passwords), for leak checks. */
  issuedSecrets?(): string[]
  stop(): Promise<void>
}

export async function serve(handler: (req: Req) => Res | Promise<Res>): Promise<Emulator> {
  const requests: Req[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const r: Req = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`),
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks)
      }
      requests.push(r)
      void Promise.resolve()
        .then(() => handler(r))
        .catch((err: Error): Res => ({ status: 500, body: { error: 'emulator_error', error_description: err.message } }))
        .then((out) => {
          const isJson = out.body !== undefined && typeof out.body === 'object' && !Buffer.isBuffer(out.body)
          const body = isJson ? JSON.stringify(out.body) : ((out.body as string | Buffer | undefined) ?? '')
          res.writeHead(out.status, { ...(isJson ? { 'Content-Type': 'application/json' } : {}), ...out.headers })
          res.end(body)
        })
    })
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export function form(req: Req): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(req.body.toString()))
}

export function randomToken(prefix: string, bytes = 24): string {
  return prefix + randomBytes(bytes).toString('base64url')
}
