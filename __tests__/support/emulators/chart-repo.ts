/**
 * A classic Helm chart repository on loopback over HTTPS (the test CA from
 * support/tls.ts): static files (index.yaml, archives) under a base path,
 * optional basic auth for some paths, redirects, and a request log. Chart
 * archives for it are made with the system's tar and gzip, and index.yaml is
 * written by hand, so nothing served comes from the code under test.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as https from 'node:https'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import type { TestPki } from '../tls'

export interface ChartRepoRequest {
  method: string
  path: string
  authorization?: string
}

export interface ChartRepo {
  /** https://127.0.0.1:PORT */
  origin: string
  requests: ChartRepoRequest[]
  /** Serves `data` at `urlPath` (absolute path on the server). */
  put(urlPath: string, data: Buffer | string): void
  /** Answers `urlPath` with a redirect to `location`. */
  redirect(urlPath: string, location: string): void
  stop(): Promise<void>
}

export interface ChartRepoOptions {
  pki: TestPki
  /** Basic auth required for paths matching `paths`. */
  auth?: { username: string; password: string; paths: RegExp }
}

export async function startChartRepo(opts: ChartRepoOptions): Promise<ChartRepo> {
  const files = new Map<string, Buffer>()
  const redirects = new Map<string, string>()
  const requests: ChartRepoRequest[] = []
  const server = https.createServer({ cert: opts.pki.cert, key: opts.pki.key }, (req, res) => {
    const u = new URL(req.url ?? '/', 'https://x')
    requests.push({ method: req.method ?? 'GET', path: u.pathname + u.search, authorization: req.headers.authorization })
    if (opts.auth?.paths.test(u.pathname)) {
      const want = `Basic ${Buffer.from(`${opts.auth.username}:${opts.auth.password}`).toString('base64')}`
      if (req.headers.authorization !== want) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="charts"' })
        res.end('unauthorized')
        return
      }
    }
    const loc = redirects.get(u.pathname)
    if (loc) {
      res.writeHead(302, { location: loc })
      res.end()
      return
    }
    const body = files.get(u.pathname)
    if (!body) {
      res.writeHead(404)
      res.end('not found')
      return
    }
    res.writeHead(200, { 'content-type': u.pathname.endsWith('.yaml') ? 'text/yaml' : 'application/gzip', 'content-length': body.length })
    res.end(body)
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    origin: `https://127.0.0.1:${port}`,
    requests,
    put: (p, d) => files.set(p, Buffer.from(d)),
    redirect: (p, l) => redirects.set(p, l),
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

export interface FixtureChart {
  name: string
  version: string
  /** Extra files inside the chart (path → content). */
  files?: Record<string, string>
  chartYamlExtra?: string
}

/** A chart archive made with the system's tar and gzip (`<name>/Chart.yaml`, values, a template). */
export function tarChart(c: FixtureChart): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-fixture-'))
  try {
    const root = path.join(dir, c.name)
    mkdirSync(path.join(root, 'templates'), { recursive: true })
    writeFileSync(
      path.join(root, 'Chart.yaml'),
      `apiVersion: v2\nname: ${c.name}\nversion: ${c.version}\ndescription: fixture ${c.name}\n${c.chartYamlExtra ?? ''}`
    )
    writeFileSync(path.join(root, 'values.yaml'), `replicas: 1\nimage: ${c.name}:${c.version}\n`)
    writeFileSync(path.join(root, 'templates', 'configmap.yaml'), `kind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-${c.name}\n`)
    for (const [f, content] of Object.entries(c.files ?? {})) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
      writeFileSync(path.join(root, f), content)
    }
    execFileSync('tar', ['-czf', 'out.tgz', '--sort=name', '--owner=0', '--group=0', '--numeric-owner', c.name], { cwd: dir })
    return readFileSync(path.join(dir, 'out.tgz'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

/** index.yaml as `helm repo index` lays it out; `url` is written as given (absolute or relative). */
export function indexYaml(entries: Array<{ name: string; version: string; url: string; digest?: string }>): string {
  const byName = new Map<string, typeof entries>()
  for (const e of entries) byName.set(e.name, [...(byName.get(e.name) ?? []), e])
  let out = 'apiVersion: v1\nentries:\n'
  for (const [name, list] of byName) {
    out += `  ${name}:\n`
    for (const e of list) {
      out += `  - apiVersion: v2\n    created: "2026-01-01T00:00:00Z"\n    description: fixture ${name}\n`
      if (e.digest) out += `    digest: ${e.digest}\n`
      out += `    name: ${name}\n    urls:\n    - ${e.url}\n    version: ${e.version}\n`
    }
  }
  return out + 'generated: "2026-01-01T00:00:00Z"\n'
}
