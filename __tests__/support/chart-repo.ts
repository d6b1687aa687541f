/**
 * A classic Helm chart repository for tests: chart archives made with GNU tar
 * and gzip (not with the code under test), an index.yaml listing them with
 * their sha256, optional `.prov` files, all served from a directory on
 * 127.0.0.1 behind HTTP Basic auth, optionally slowly.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { serve, type Emulator, type Res } from './emulators/server'

export interface RepoVersion {
  name: string
  version: string
  /** Path of the archive under the repository root (what the index's urls name, relative). */
  file: string
  /** sha256 hex of the archive bytes. */
  sha256: string
  created: string
  /** The .prov bytes, when the version has one. */
  prov?: Buffer
}

/** Makes `<name>-<version>.tgz` under `root/charts/` with tar | gzip; every `provEvery`-th version gets a .prov. */
export function makeRepository(root: string, charts: Array<{ name: string; versions: string[] }>, provEvery = 0): RepoVersion[] {
  const src = path.join(root, '..', `${path.basename(root)}-src`)
  mkdirSync(path.join(root, 'charts'), { recursive: true })
  const out: RepoVersion[] = []
  let i = 0
  for (const { name, versions } of charts) {
    for (const version of versions) {
      const dir = path.join(src, `${name}-${version}`, name)
      mkdirSync(path.join(dir, 'templates'), { recursive: true })
      writeFileSync(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version}\ndescription: ${name} chart\nappVersion: "${version}"\n`)
      writeFileSync(path.join(dir, 'values.yaml'), `replicas: ${i % 3}\n`)
      writeFileSync(path.join(dir, 'templates', 'cm.yaml'), `kind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-${i}\n`)
      const file = `charts/${name}-${version}.tgz`
      execFileSync('sh', ['-c', `tar -C "${path.dirname(dir)}" --owner=0 --group=0 -cf - ${name} | gzip -6 -n > "${path.join(root, file)}"`])
      const bytes = readFileSync(path.join(root, file))
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      const created = new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString().replace('.000Z', 'Z')
      let prov: Buffer | undefined
      if (provEvery && i % provEvery === 0) {
        prov = Buffer.from(
          `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\napiVersion: v2\nname: ${name}\nversion: ${version}\n\n...\nfiles:\n  ${name}-${version}.tgz: sha256:${sha256}\n-----BEGIN PGP SIGNATURE-----\n\nwsBcBAEBCgAQBQJ${i}\n-----END PGP SIGNATURE-----\n`
        )
        writeFileSync(path.join(root, `${file}.prov`), prov)
      }
      out.push({ name, version, file, sha256, created, prov })
      i++
    }
  }
  return out
}

/** index.yaml text for `versions`; `url(v)` decides what `urls:` holds (relative by default). */
export function indexYaml(
  versions: RepoVersion[],
  url: (v: RepoVersion) => string = (v) => v.file,
  digest: (v: RepoVersion) => string = (v) => v.sha256
): string {
  const names = [...new Set(versions.map((v) => v.name))]
  const lines = ['apiVersion: v1', 'entries:']
  for (const name of names) {
    lines.push(`  ${name}:`)
    for (const v of versions.filter((x) => x.name === name).reverse()) {
      lines.push(
        `  - apiVersion: v2`,
        `    appVersion: "${v.version}"`,
        `    created: "${v.created}"`,
        `    description: ${name} chart`,
        `    digest: ${digest(v)}`,
        `    name: ${name}`,
        `    urls:`,
        `    - ${url(v)}`,
        `    version: ${v.version}`
      )
    }
  }
  lines.push('generated: "2024-06-01T00:00:00Z"', '')
  return lines.join('\n')
}

export interface ChartRepositoryServer extends Emulator {
  /** Milliseconds to wait before answering an archive download. */
  delayMs: number
}

/** Serves `root` with HTTP Basic auth (`username`/`password`); 401 without them, 404 for missing files. */
export async function startChartRepository(root: string, username: string, password: string): Promise<ChartRepositoryServer> {
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
  const server: ChartRepositoryServer = Object.assign(
    await serve(async (req): Promise<Res> => {
      if (req.headers.authorization !== expected) return { status: 401, headers: { 'www-authenticate': 'Basic realm="charts"' }, body: 'unauthorized' }
      const file = path.join(root, path.normalize(decodeURIComponent(req.url.pathname)).replace(/^(\.\.[/\\])+/, ''))
      let body: Buffer
      try {
        body = readFileSync(file)
      } catch {
        return { status: 404, body: 'not found' }
      }
      if (file.endsWith('.tgz') && server.delayMs) await new Promise((r) => setTimeout(r, server.delayMs))
      return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body }
    }),
    { delayMs: 0 }
  )
  return server
}
