/**
 * The real CNCF Distribution registry (Debian's docker-registry 2.8.2) in
 * htpasswd mode, for the auth tests' final step: the cloud emulators register
 * each credential they issue with `addUser` (bcrypt, `htpasswd -B`), and 2.8.2
 * re-reads the file when its mtime changes, so the registry accepts exactly the
 * latest credential the emulated cloud issued for that user name.
 * (The general-purpose registry support for the suite is __tests__/support/registry.ts.)
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startRegistry } from '../registry'

export interface HtpasswdRegistry {
  host: string
  url: string
  dir: string
  addUser: (username: string, password: string) => void
  stop: () => Promise<void>
}

export async function startHtpasswdRegistry(): Promise<HtpasswdRegistry> {
  const reg = await startRegistry({ auth: 'htpasswd', users: { bootstrap: 'not-used-password' } })
  return { host: reg.host, url: reg.url, dir: path.dirname(reg.dataDir), addUser: reg.addUser, stop: reg.stop }
}

/** A one-layer OCI image layout (tiny config + layer) that skopeo can push. */
export function ociLayout(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-layout-'))
  const blobs = path.join(dir, 'blobs', 'sha256')
  mkdirSync(blobs, { recursive: true })
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
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...m, annotations: { 'org.opencontainers.image.ref.name': '0.1.0' } }]
    })
  )
  return dir
}
