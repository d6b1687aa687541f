/**
 * The real CNCF Distribution registry (Debian's docker-registry 2.8.2) in
 * htpasswd mode, for the auth tests' final step: the cloud emulators register
 * each credential they issue with `addUser` (bcrypt, `htpasswd -B`), and 2.8.2
 * re-reads the file when its mtime changes, so the registry accepts exactly the
 * latest credential the emulated cloud issued for that user name.
 * (The general-purpose registry support for the suite is __tests__/support/registry.ts.)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'

export interface HtpasswdRegistry {
  host: string
  url: string
  dir: string
  addUser(username: string, password: string): void
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const srv = net.createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as net.AddressInfo).port
  await new Promise<void>((r) => srv.close(() => r()))
  return port
}

export async function startHtpasswdRegistry(): Promise<HtpasswdRegistry> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-dist-'))
  const htpasswd = path.join(dir, 'htpasswd')
  execFileSync('htpasswd', ['-B', '-b', '-c', '-C', '4', htpasswd, 'bootstrap', 'not-used-password'])
  const port = await freePort()
  const config = path.join(dir, 'config.yml')
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log: {level: error, accesslog: {disabled: true}}',
      `storage: {filesystem: {rootdirectory: ${path.join(dir, 'data')}}, delete: {enabled: true}}`,
      `http: {addr: "127.0.0.1:${port}"}`,
      `auth: {htpasswd: {realm: basic-realm, path: ${htpasswd}}}`
    ].join('\n')
  )
  const child: ChildProcess = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += d))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end()
        resolve(true)
      })
      s.on('error', () => resolve(false))
    })
    if (up) break
    if (i > 100 || child.exitCode !== null) throw new Error(`docker-registry did not start: ${stderr}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  let tick = 0
  return {
    host: `127.0.0.1:${port}`,
    url,
    dir,
    addUser: (username, password) => {
      // -b replaces the user's line; cost 4 keeps bcrypt fast. Bump the mtime explicitly:
      // two writes within one second must still be seen as a change.
      // bcrypt (htpasswd's and Go's) only reads the first 72 bytes of a password, and htpasswd
      // refuses more than 255: hash the prefix, which is all the registry compares anyway.
      execFileSync('htpasswd', ['-B', '-b', '-C', '4', htpasswd, username, password.slice(0, 72)], { stdio: 'ignore' })
      const t = new Date(Date.now() + ++tick * 1000)
      require('node:fs').utimesSync(htpasswd, t, t)
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
      }
    }
  }
}

/** A one-layer OCI image layout (tiny config + layer) that skopeo can push. */
export function ociLayout(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-layout-'))
  const { createHash } = require('node:crypto') as typeof import('node:crypto')
  const blobs = path.join(dir, 'blobs', 'sha256')
  require('node:fs').mkdirSync(blobs, { recursive: true })
  const put = (data: Buffer): { digest: string; size: number } => {
    const hex = createHash('sha256').update(data).digest('hex')
    writeFileSync(path.join(blobs, hex), data)
    return { digest: `sha256:${hex}`, size: data.length }
  }
  const config = put(Buffer.from('{"name":"auth-e2e","version":"0.1.0","apiVersion":"v2"}'))
  const layer = put(Buffer.from(`auth e2e ${Date.now()} ${Math.random()}`))
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', ...config },
      layers: [{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', ...layer }]
    })
  )
  const m = put(manifest)
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...m, annotations: { 'org.opencontainers.image.ref.name': '0.1.0' } }] })
  )
  return dir
}
