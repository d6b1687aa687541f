/**
 * A pass-through HTTP proxy in front of a test registry whose `edit` sees each upstream answer first: it may change
 * its headers (then the answer is relayed) or answer the client itself (return true). For registries that differ from
 * Distribution in one header or one body: no Content-Type, another digest, a broken body.
 */
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface PassThrough {
  host: string
  stop(): Promise<void>
}

export type Edit = (req: http.IncomingMessage, res: http.ServerResponse, upstream: http.IncomingMessage) => boolean | void

/** `rewrite` may change the path (and query) a request is sent upstream with. */
export async function startPassThrough(target: string, edit: Edit, rewrite: (url: string) => string = (u) => u): Promise<PassThrough> {
  const upstream = new URL(target)
  const server = http.createServer((req, res) => {
    const up = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: rewrite(req.url ?? '/'), headers: req.headers }, (r) => {
      if (edit(req, res, r)) return
      res.writeHead(r.statusCode ?? 502, r.headers)
      r.pipe(res)
    })
    up.on('error', () => res.destroy())
    req.pipe(up)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  }
}
