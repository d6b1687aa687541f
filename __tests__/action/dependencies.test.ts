/**
 * Dependencies through the bundled action, as the runner runs it: an umbrella chart whose dependencies come
 * from a private HTTPS chart repository (test CA via ca-file, basic auth via the repositories input) and from
 * another chart of the same run on the target registry, published in dependency order; and a cycle refused.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction } from '../support/action'
import { indexYaml, sha256Hex, startChartRepo, tarChart, type ChartRepo } from '../support/emulators/chart-repo'
import { startRegistry, type TestRegistry } from '../support/registry'
import { makeTestPki, type TestPki } from '../support/tls'

const PASSWORD = 'pw-9f83b2a1c4'
let pki: TestPki
let repo: ChartRepo
let reg: TestRegistry
const dirs: string[] = []

function workspace(charts: Record<string, string>): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-ws-'))
  dirs.push(ws)
  for (const [f, c] of Object.entries(charts)) {
    mkdirSync(path.dirname(path.join(ws, f)), { recursive: true })
    writeFileSync(path.join(ws, f), c)
  }
  return ws
}

beforeAll(async () => {
  pki = makeTestPki()
  repo = await startChartRepo({ pki, auth: { username: 'ci', password: PASSWORD, paths: /^\/private\// } })
  const entries = ['10.1.0', '10.2.0', '11.0.0'].map((v) => {
    const data = tarChart({ name: 'grafana', version: v })
    repo.put(`/private/grafana-${v}.tgz`, data)
    return { name: 'grafana', version: v, url: `grafana-${v}.tgz`, digest: sha256Hex(data) }
  })
  repo.put('/private/index.yaml', indexYaml(entries))
  reg = await startRegistry({ auth: 'none' })
}, 60_000)

afterAll(async () => {
  await repo?.stop()
  await reg?.stop()
  pki?.remove()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

test('an umbrella chart with a private repository and a chart of the same run, published in dependency order', async () => {
  const registry = `oci://${reg.host}/acme/charts`
  const ws = workspace({
    'charts/app/Chart.yaml': `apiVersion: v2\nname: app\nversion: 3.0.0\ndependencies:\n- name: lib\n  version: ^1.0.0\n  repository: ${registry}\n- name: grafana\n  version: 10.*\n  repository: "@private"\n`,
    'charts/app/values.yaml': 'grafana:\n  enabled: true\n',
    'charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 1.1.0\n',
    'charts/lib/templates/cm.yaml': 'kind: ConfigMap\n'
  })
  const run = await runAction(
    {
      charts: 'charts/app\ncharts/lib',
      registry,
      sign: 'false',
      'ca-file': pki.caFile,
      repositories: `- {name: private, url: "${repo.origin}/private/", username: ci, password: ${PASSWORD}}`
    },
    { workspace: ws }
  )
  expect(run.errors).toEqual([])
  expect(run.code).toBe(0)
  // The password is masked before anything else is printed, and appears nowhere else.
  const lines = run.stdout.split('\n')
  expect(lines[0]).toBe(`::add-mask::${PASSWORD}`)
  expect(lines.filter((l) => l.includes(PASSWORD) && !l.startsWith('::add-mask::'))).toEqual([])
  expect(run.summary + run.outputs.charts).not.toContain(PASSWORD)
  const charts = JSON.parse(run.outputs.charts) as Array<{ name: string; status: string; dependencies?: unknown }>
  expect(charts.map((c) => `${c.name}:${c.status}`)).toEqual(['lib:published', 'app:published'])
  expect(charts[1].dependencies).toEqual([
    { name: 'lib', version: '1.1.0', source: `oci://${reg.host}/acme/charts/lib:1.1.0 (packaged in this run)` },
    { name: 'grafana', version: '10.2.0', source: `${repo.origin}/private/grafana-10.2.0.tgz` }
  ])
  expect(run.summary).toContain('#### Dependencies')
  expect(run.summary).toContain('| app | grafana | 10.2.0 |')

  // What the registry holds for app: a chart whose charts/ has both dependencies and whose Chart.lock is new.
  const manifest = JSON.parse(execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${reg.host}/acme/charts/app:3.0.0`]).toString())
  const blob = Buffer.from(await (await fetch(`${reg.url}/v2/acme/charts/app/blobs/${manifest.layers[0].digest}`)).arrayBuffer())
  const file = path.join(ws, '..', `${path.basename(ws)}-app.tgz`)
  dirs.push(file)
  writeFileSync(file, blob)
  execFileSync('gzip', ['-t', file])
  const listing = execFileSync('tar', ['-tzf', file]).toString().split('\n')
  expect(listing).toEqual(
    expect.arrayContaining(['app/Chart.lock', 'app/charts/lib/Chart.yaml', 'app/charts/lib/templates/cm.yaml', 'app/charts/grafana/Chart.yaml'])
  )
  const lock = execFileSync('tar', ['-xzOf', file, 'app/Chart.lock']).toString()
  expect(lock).toContain('generated: "2023-11-14T22:13:20Z"') // SOURCE_DATE_EPOCH of the run
  // The workspace is as it was checked out.
  expect(execFileSync('find', ['charts', '-type', 'f'], { cwd: ws }).toString().trim().split('\n').sort()).toEqual([
    'charts/app/Chart.yaml',
    'charts/app/values.yaml',
    'charts/lib/Chart.yaml',
    'charts/lib/templates/cm.yaml'
  ])
}, 120_000)

test('charts of one run that depend on each other in a circle are refused, naming the cycle', async () => {
  const ws = workspace({
    'charts/a/Chart.yaml': 'apiVersion: v2\nname: a\nversion: 1.0.0\ndependencies:\n- name: b\n  version: 1.0.0\n  repository: file://../b\n',
    'charts/b/Chart.yaml': 'apiVersion: v2\nname: b\nversion: 1.0.0\ndependencies:\n- name: a\n  version: 1.0.0\n  repository: file://../a\n'
  })
  const run = await runAction({ charts: 'charts/*', registry: `oci://${reg.host}/cycle`, sign: 'false' }, { workspace: ws })
  expect(run.code).not.toBe(0)
  expect(run.errors.join('\n')).toContain('dependency cycle between the charts of this run: a → b → a')
  expect(execFileSync('curl', ['-s', `${reg.url}/v2/_catalog`]).toString()).not.toContain('cycle/')
}, 60_000)

test("an oci:// dependency on the target registry, pulled with the target's login (anonymous is refused)", async () => {
  const secured = await startRegistry({ auth: 'htpasswd' })
  try {
    const registry = `oci://${secured.host}/acme/charts`
    const login = { registry, sign: 'false', username: secured.username, password: secured.password }
    const ws = workspace({
      'lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 1.2.0\n',
      'lib/templates/cm.yaml': 'kind: ConfigMap\n',
      'app/Chart.yaml': `apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: ^1.0.0\n  repository: ${registry}\n`
    })
    expect((await runAction({ ...login, charts: 'lib' }, { workspace: ws })).code).toBe(0)
    const run = await runAction({ ...login, charts: 'app' }, { workspace: ws })
    expect(run.errors).toEqual([])
    const charts = JSON.parse(run.outputs.charts) as Array<Record<string, unknown>>
    expect(charts[0].dependencies).toEqual([{ name: 'lib', version: '1.2.0', source: `oci://${secured.host}/acme/charts/lib:1.2.0` }])
    // Without the login the same dependency cannot be listed.
    const anonymous = await runAction({ registry, sign: 'false', charts: 'app', 'dry-run': 'true', login: 'anonymous' }, { workspace: ws })
    expect(anonymous.code).not.toBe(0)
    expect(anonymous.errors.join('\n')).toMatch(/dependency lib \(repository oci:\/\/127\.0\.0\.1:\d+\/acme\/charts\)/)
  } finally {
    await secured.stop()
  }
}, 120_000)

test('packaged .tgz inputs take their place in dependency order, read from the archive', async () => {
  const registry = `oci://${reg.host}/tgz/charts`
  const ws = workspace({
    'app/Chart.yaml': `apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: ^1.0.0\n  repository: ${registry}\n`,
    'app/templates/cm.yaml': 'kind: ConfigMap\n'
  })
  // Archives made with the system's tar: lib (which app resolves from this run), and an umbrella that vendors app.
  writeFileSync(path.join(ws, 'lib-1.2.0.tgz'), tarChart({ name: 'lib', version: '1.2.0' }))
  writeFileSync(
    path.join(ws, 'umbrella-2.0.0.tgz'),
    tarChart({
      name: 'umbrella',
      version: '2.0.0',
      chartYamlExtra: `dependencies:\n- name: app\n  version: ^1.0.0\n  repository: ${registry}\n`,
      files: { 'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n' }
    })
  )
  const run = await runAction({ charts: 'umbrella-2.0.0.tgz\napp\nlib-1.2.0.tgz', registry, sign: 'false' }, { workspace: ws })
  expect(run.errors).toEqual([])
  const charts = JSON.parse(run.outputs.charts) as Array<{ name: string; status: string; dependencies?: unknown }>
  expect(charts.map((c) => `${c.name}:${c.status}`)).toEqual(['lib:published', 'app:published', 'umbrella:published'])
  expect(charts[1].dependencies).toEqual([{ name: 'lib', version: '1.2.0', source: `oci://${reg.host}/tgz/charts/lib:1.2.0 (packaged in this run)` }])
  const tags = (name: string): string => execFileSync('curl', ['-s', `${reg.url}/v2/tgz/charts/${name}/tags/list`]).toString()
  expect(tags('umbrella')).toContain('"2.0.0"')
}, 120_000)
