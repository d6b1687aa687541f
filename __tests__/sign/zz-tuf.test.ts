import * as net from 'node:net'
import { createBundleVerifier } from '../../src/sign/verify'
test('tuf', async () => {
  const srv = net.createServer((s) => s.once('data', () => s.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n')))
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  process.env.HTTPS_PROXY = `http://127.0.0.1:${(srv.address() as net.AddressInfo).port}`
  process.env.HOME = process.env.TMPDIR
  const t = Date.now()
  const e = await createBundleVerifier({ identity: 'x', issuer: 'y' }).catch((e) => e)
  expect([Date.now() - t, e.message, e.hint, e.constructor.name]).toEqual([])
  srv.close()
})
