/**
 * Dependency resolution end to end: a real HTTPS chart repository on loopback (test CA, some archives
 * behind basic auth), a real Distribution registry for oci:// dependencies, file:// directories, and
 * umbrella charts shaped like kube-prometheus-stack, prometheus and argo-cd. What gets packaged is read
 * back with the system's tar; lock digests are computed here from the bytes Helm hashes.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { loadChartDir, saveChart } from '../../../src/chart'
import { archiveDeclarations, directoryDeclarations } from '../../../src/chart/loader'
import { DependencyResolver, type InRunChart, type ResolvedDependency } from '../../../src/chart/dependencies/resolve'
import { parseRepositories } from '../../../src/chart/dependencies/repositories'
import { RegistryClient } from '../../../src/oci/client'
import { ChartError, InputError, RegistryError } from '../../../src/errors'
import { caught } from '../../support/caught'
import { indexYaml, sha256Hex, startChartRepo, tarChart, type ChartRepo } from '../../support/emulators/chart-repo'
import { pushOci as pushOciTo } from '../../support/oci-push'
import { startRegistry, type TestRegistry } from '../../support/registry'
import { makeTestPki, type TestPki } from '../../support/tls'

const WHEN = new Date(1_700_000_000_000)
const GRAFANA_USER = 'reader'
const GRAFANA_PASSWORD = 'rd-pass-1234'

let pki: TestPki
let repo: ChartRepo
let reg: TestRegistry
let tmp: string
const fixtures: Record<string, Buffer> = {}

const pushOci = (repository: string, tag: string, archive: Buffer): Promise<void> => pushOciTo(reg.url, repository, tag, archive)

function serve(base: string, charts: Array<{ name: string; version: string; url?: (file: string) => string; digest?: string }>): void {
  const entries = charts.map((c) => {
    const file = `${c.name}-${c.version}.tgz`
    const data = (fixtures[file] ??= tarChart({ name: c.name, version: c.version }))
    repo.put(`${base}${file}`, data)
    return { name: c.name, version: c.version, url: c.url ? c.url(file) : file, digest: c.digest ?? sha256Hex(data) }
  })
  repo.put(`${base}index.yaml`, indexYaml(entries))
}

beforeAll(async () => {
  pki = makeTestPki()
  repo = await startChartRepo({ pki, auth: { username: GRAFANA_USER, password: GRAFANA_PASSWORD, paths: /^\/grafana\// } })
  reg = await startRegistry({ auth: 'none' })
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hop-deps-'))
  // Shaped like prometheus-community: relative URLs, a newer major outside the ranges, absolute URLs to "release assets" that redirect.
  serve('/prometheus-community/', [
    { name: 'kube-state-metrics', version: '9.0.0' },
    { name: 'kube-state-metrics', version: '8.4.2' },
    { name: 'kube-state-metrics', version: '8.4.0' },
    { name: 'prometheus-node-exporter', version: '4.57.0' },
    { name: 'prometheus-node-exporter', version: '4.56.1' },
    { name: 'alertmanager', version: '1.42.0', url: (f) => `${repo.origin}/releases/download/alertmanager-1.42.0/${f}` },
    { name: 'prometheus-pushgateway', version: '3.8.0' }
  ])
  repo.redirect('/releases/download/alertmanager-1.42.0/alertmanager-1.42.0.tgz', `${repo.origin}/objects/alertmanager-1.42.0.tgz`)
  repo.put('/objects/alertmanager-1.42.0.tgz', fixtures['alertmanager-1.42.0.tgz'])
  // A second, private repository (basic auth), like grafana's.
  serve('/grafana/', [
    { name: 'grafana', version: '11.0.0-beta.1' },
    { name: 'grafana', version: '10.2.0' },
    { name: 'grafana', version: '10.1.0' }
  ])
  serve('/dandydeveloper/charts/', [
    { name: 'redis-ha', version: '4.38.0' },
    { name: 'redis-ha', version: '4.39.0' }
  ])
  serve('/broken/', [{ name: 'tampered', version: '1.0.0', digest: 'a'.repeat(64) }])
  repo.put('/html/index.yaml', '<!DOCTYPE html><html><body>Sign in</body></html>')
  fixtures['lib-1.2.0.tgz'] = tarChart({ name: 'lib', version: '1.2.0' })
  fixtures['lib-1.3.1.tgz'] = tarChart({ name: 'lib', version: '1.3.1' })
  fixtures['lib-2.0.0.tgz'] = tarChart({ name: 'lib', version: '2.0.0' })
  for (const v of ['1.2.0', '1.3.1', '2.0.0']) await pushOci('shared/lib', v, fixtures[`lib-${v}.tgz`])
}, 60_000)

afterAll(async () => {
  await repo?.stop()
  await reg?.stop()
  pki?.remove()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

const PC = () => `${repo.origin}/prometheus-community`

function resolver(inRun?: Map<string, InRunChart[]>): DependencyResolver {
  return new DependencyResolver({
    repositories: [
      { name: 'prometheus-community', url: `${PC()}/` },
      { name: 'grafana', url: `${repo.origin}/grafana`, username: GRAFANA_USER, password: GRAFANA_PASSWORD }
    ],
    ca: pki.ca,
    workDir: path.join(tmp, 'work'),
    ociClient: (host) => new RegistryClient({ host, plainHttp: true }),
    inRun: (host, repository) => inRun?.get(`${host}/${repository}`) ?? []
  })
}

function writeChart(dir: string, chartYaml: string, files: Record<string, string> = {}): string {
  mkdirSync(path.join(dir, 'templates'), { recursive: true })
  writeFileSync(path.join(dir, 'Chart.yaml'), chartYaml)
  writeFileSync(path.join(dir, 'values.yaml'), 'enabled: true\n')
  for (const [f, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    writeFileSync(path.join(dir, f), c)
  }
  return dir
}

/** Every file under dir, relative, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
    .sort()
}

/** Packages with saveChart and unpacks with the system's tar. */
async function packageAndUnpack(dir: string, r: DependencyResolver): Promise<{ out: string; deps: Awaited<ReturnType<DependencyResolver['resolve']>> }> {
  const chart = await loadChartDir(dir, path.basename(dir))
  const deps = await r.resolve(chart, dir, WHEN)
  const dest = mkdtempSync(path.join(tmp, 'pkg-'))
  const saved = await saveChart(chart, { destDir: dest, mtime: WHEN })
  execFileSync('gzip', ['-t', saved.path])
  execFileSync('tar', ['-xzf', saved.path], { cwd: dest })
  return { out: path.join(dest, chart.metadata.name), deps }
}

/** The subchart as served, unpacked by tar, to compare file by file. */
function unpackFixture(file: string): string {
  const d = mkdtempSync(path.join(tmp, 'fx-'))
  writeFileSync(path.join(d, 'a.tgz'), fixtures[file])
  execFileSync('tar', ['-xzf', 'a.tgz'], { cwd: d })
  return path.join(d, file.replace(/-\d.*$/, ''))
}

const hashed = (json: string): string => `sha256:${createHash('sha256').update(json).digest('hex')}`

describe('umbrella charts', () => {
  test('kube-prometheus-stack shape: two repositories, @name and alias:, basic auth, a vendored subchart directory; a new Chart.lock', async () => {
    const dir = writeChart(
      path.join(tmp, 'kube-prometheus-stack'),
      [
        'apiVersion: v2',
        'name: kube-prometheus-stack',
        'version: 80.1.0',
        'dependencies:',
        '- name: crds',
        '  version: 0.0.0',
        '  condition: crds.enabled',
        '- name: kube-state-metrics',
        '  version: 8.4.*',
        `  repository: ${PC()}`,
        '  condition: kubeStateMetrics.enabled',
        '- name: prometheus-node-exporter',
        '  version: 4.56.*',
        '  repository: "@prometheus-community"',
        '  condition: nodeExporter.enabled',
        '- name: grafana',
        '  version: ">= 10.0, < 11.0"',
        '  repository: alias:grafana',
        '  condition: grafana.enabled',
        ''
      ].join('\n'),
      {
        'charts/crds/Chart.yaml': 'apiVersion: v2\nname: crds\nversion: 0.0.0\n',
        'charts/crds/crds/crd-alertmanagers.yaml': 'kind: CustomResourceDefinition\n'
      }
    )
    const before = tree(dir)
    const r = resolver()
    const { out, deps } = await packageAndUnpack(dir, r)

    expect(deps).toEqual([
      { name: 'crds', version: '0.0.0', source: 'charts/' },
      { name: 'kube-state-metrics', version: '8.4.2', source: `${PC()}/kube-state-metrics-8.4.2.tgz` },
      { name: 'prometheus-node-exporter', version: '4.56.1', source: `${PC()}/prometheus-node-exporter-4.56.1.tgz` },
      { name: 'grafana', version: '10.2.0', source: `${repo.origin}/grafana/grafana-10.2.0.tgz` }
    ])
    // Downloaded subcharts are what the repository served, file for file; the vendored directory is kept.
    for (const f of ['kube-state-metrics-8.4.2.tgz', 'prometheus-node-exporter-4.56.1.tgz', 'grafana-10.2.0.tgz']) {
      const served = unpackFixture(f)
      const name = path.basename(served)
      expect(tree(path.join(out, 'charts', name))).toEqual(tree(served))
      for (const file of tree(served).filter((x) => x !== 'Chart.yaml'))
        expect(readFileSync(path.join(out, 'charts', name, file))).toEqual(readFileSync(path.join(served, file)))
    }
    expect(readFileSync(path.join(out, 'charts/crds/crds/crd-alertmanagers.yaml'), 'utf8')).toBe('kind: CustomResourceDefinition\n')

    // Chart.lock as `helm dependency update` writes it, generated at the source time; the digest is HashReq over
    // the bytes Helm marshals (repositories of @name/alias: already replaced by URLs).
    const req = `[{"name":"crds","version":"0.0.0","repository":"","condition":"crds.enabled"},{"name":"kube-state-metrics","version":"8.4.*","repository":"${PC()}","condition":"kubeStateMetrics.enabled"},{"name":"prometheus-node-exporter","version":"4.56.*","repository":"${PC()}/","condition":"nodeExporter.enabled"},{"name":"grafana","version":"\\u003e= 10.0, \\u003c 11.0","repository":"${repo.origin}/grafana","condition":"grafana.enabled"}]`
    const locked = `[{"name":"crds","version":"0.0.0","repository":""},{"name":"kube-state-metrics","version":"8.4.2","repository":"${PC()}"},{"name":"prometheus-node-exporter","version":"4.56.1","repository":"${PC()}/"},{"name":"grafana","version":"10.2.0","repository":"${repo.origin}/grafana"}]`
    const lock = readFileSync(path.join(out, 'Chart.lock'), 'utf8')
    expect(lock).toContain(`digest: ${hashed(`[${req},${locked}]`)}\n`)
    expect(lock).toContain('generated: "2023-11-14T22:13:20Z"\n')
    expect(lock).toContain(`- name: grafana\n  repository: ${repo.origin}/grafana\n  version: 10.2.0\n`)

    // Basic auth went to the private repository only; the workspace is as it was.
    const grafana = repo.requests.filter((q) => q.path.startsWith('/grafana/'))
    expect(grafana.length).toBeGreaterThan(0)
    expect(grafana.every((q) => q.authorization === `Basic ${Buffer.from(`${GRAFANA_USER}:${GRAFANA_PASSWORD}`).toString('base64')}`)).toBe(true)
    expect(repo.requests.filter((q) => q.path.startsWith('/prometheus-community/')).every((q) => q.authorization === undefined)).toBe(true)
    expect(tree(dir)).toEqual(before)

    // A second chart of the run using the same repository and archive fetches nothing twice.
    const fetchesBefore = r.fetches
    const countBefore = repo.requests.length
    const other = writeChart(
      path.join(tmp, 'prometheus-lite'),
      `apiVersion: v2\nname: prometheus-lite\nversion: 1.0.0\ndependencies:\n- name: kube-state-metrics\n  version: 8.4.*\n  repository: ${PC()}/\n`
    )
    const second = await packageAndUnpack(other, r)
    expect(second.deps[0].version).toBe('8.4.2')
    expect(r.fetches).toBe(fetchesBefore)
    expect(repo.requests.length).toBe(countBefore)
  })

  test('@name of a repository at a host without a path: the URL as `helm repo add` stores it is hashed, so a lock Helm made is accepted', async () => {
    // `helm repo add jetstack https://charts.jetstack.io` stores the URL as given (pkg/cmd/repo_add.go), and
    // resolveRepoNames puts exactly that into the dependencies HashReq hashes: no slash is added after the host.
    serve('/', [{ name: 'at-root', version: '1.0.0' }])
    const entry = `{"name":"at-root","version":"1.0.0","repository":"${repo.origin}"}`
    const lockText = `dependencies:\n- name: at-root\n  repository: ${repo.origin}\n  version: 1.0.0\ndigest: ${hashed(`[[${entry}],[${entry}]]`)}\ngenerated: "2026-01-01T00:00:00Z"\n`
    const dir = writeChart(
      path.join(tmp, 'at-root-app'),
      'apiVersion: v2\nname: at-root-app\nversion: 1.0.0\ndependencies:\n- name: at-root\n  version: 1.0.0\n  repository: "@root"\n',
      { 'Chart.lock': lockText }
    )
    const r = new DependencyResolver({
      repositories: parseRepositories(`root=${repo.origin}`),
      ca: pki.ca,
      workDir: path.join(tmp, 'work'),
      ociClient: (host) => new RegistryClient({ host, plainHttp: true })
    })
    const chart = await loadChartDir(dir, 'at-root-app')
    expect(await r.resolve(chart, dir, WHEN)).toEqual([{ name: 'at-root', version: '1.0.0', source: `${repo.origin}/at-root-1.0.0.tgz` }])
  })

  test("prometheus shape: a Chart.lock Helm would accept pins older versions than the ranges' newest", async () => {
    const deps = [
      ['alertmanager', '1.42.*', '1.42.0'],
      ['kube-state-metrics', '8.4.*', '8.4.0'],
      ['prometheus-node-exporter', '4.56.*', '4.56.1'],
      ['prometheus-pushgateway', '3.8.*', '3.8.0']
    ]
    const req = deps.map(([n, v]) => `{"name":"${n}","version":"${v}","repository":"${PC()}","condition":"${n}.enabled"}`).join(',')
    const locked = deps.map(([n, , v]) => `{"name":"${n}","version":"${v}","repository":"${PC()}"}`).join(',')
    const digest = hashed(`[[${req}],[${locked}]]`)
    const lockText =
      `dependencies:\n` +
      deps.map(([n, , v]) => `- name: ${n}\n  repository: ${PC()}\n  version: ${v}\n`).join('') +
      `digest: ${digest}\ngenerated: "2026-03-02T10:11:12.123456789Z"\n`
    const dir = writeChart(
      path.join(tmp, 'prometheus'),
      `apiVersion: v2\nname: prometheus\nversion: 28.0.0\ndependencies:\n` +
        deps.map(([n, v]) => `- name: ${n}\n  version: "${v}"\n  repository: ${PC()}\n  condition: ${n}.enabled\n`).join(''),
      { 'Chart.lock': lockText }
    )
    const { out, deps: got } = await packageAndUnpack(dir, resolver())
    expect(got.map((d) => `${d.name}@${d.version}`)).toEqual([
      'alertmanager@1.42.0',
      'kube-state-metrics@8.4.0',
      'prometheus-node-exporter@4.56.1',
      'prometheus-pushgateway@3.8.0'
    ])
    // The absolute URL (a release asset that redirects to storage) was followed.
    expect(got[0].source).toBe(`${repo.origin}/releases/download/alertmanager-1.42.0/alertmanager-1.42.0.tgz`)
    expect(repo.requests.map((q) => q.path)).toContain('/objects/alertmanager-1.42.0.tgz')
    const lock = readFileSync(path.join(out, 'Chart.lock'), 'utf8')
    expect(lock).toContain(`digest: ${digest}\n`)
    expect(lock).toContain('generated: "2026-03-02T10:11:12.123456789Z"\n')
    expect(readdirSync(path.join(out, 'charts')).sort()).toEqual(['alertmanager', 'kube-state-metrics', 'prometheus-node-exporter', 'prometheus-pushgateway'])
  })

  test('argo-cd shape: an exact version from a repository URL with a trailing slash', async () => {
    const dir = writeChart(
      path.join(tmp, 'argo-cd'),
      `apiVersion: v2\nname: argo-cd\nversion: 9.1.0\ndependencies:\n- name: redis-ha\n  version: 4.38.0\n  repository: ${repo.origin}/dandydeveloper/charts/\n  condition: redis-ha.enabled\n`
    )
    const { out, deps } = await packageAndUnpack(dir, resolver())
    expect(deps).toEqual([{ name: 'redis-ha', version: '4.38.0', source: `${repo.origin}/dandydeveloper/charts/redis-ha-4.38.0.tgz` }])
    expect(readFileSync(path.join(out, 'charts/redis-ha/Chart.yaml'), 'utf8')).toContain('version: 4.38.0')
  })

  test('an index entry without URLs is not a legit entry (Helm findVersionedEntry): the one with a URL is downloaded', async () => {
    const data = (fixtures['dup-1.0.0.tgz'] ??= tarChart({ name: 'dup', version: '1.0.0' }))
    repo.put('/dupes/dup-1.0.0.tgz', data)
    const good = indexYaml([{ name: 'dup', version: '1.0.0', url: 'dup-1.0.0.tgz', digest: sha256Hex(data) }])
    // The same version listed first with an empty urls list.
    const bare = (v: string): string => `  - apiVersion: v2\n    name: dup\n    urls: []\n    version: ${v}\n`
    // A newer version without URLs too: the range resolves past it (Helm's resolver skips it as well).
    repo.put('/dupes/index.yaml', good.replace('entries:\n  dup:\n', `entries:\n  dup:\n${bare('1.1.0')}${bare('1.0.0')}`))
    const dir = writeChart(
      path.join(tmp, 'dupes-app'),
      `apiVersion: v2\nname: dupes-app\nversion: 1.0.0\ndependencies:\n- name: dup\n  version: ^1.0.0\n  repository: ${repo.origin}/dupes\n`
    )
    const { out, deps } = await packageAndUnpack(dir, resolver())
    expect(deps).toEqual([{ name: 'dup', version: '1.0.0', source: `${repo.origin}/dupes/dup-1.0.0.tgz` }])
    expect(readFileSync(path.join(out, 'charts/dup/Chart.yaml'), 'utf8')).toContain('version: 1.0.0')
  })
})

describe('oci:// and file:// dependencies', () => {
  test('an oci:// caret range picks the newest tag inside it, not the newer major', async () => {
    const dir = writeChart(
      path.join(tmp, 'oci-app'),
      `apiVersion: v2\nname: oci-app\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: ^1.2.0\n  repository: oci://${reg.host}/shared\n`
    )
    const { out, deps } = await packageAndUnpack(dir, resolver())
    expect(deps).toEqual([{ name: 'lib', version: '1.3.1', source: `oci://${reg.host}/shared/lib:1.3.1` }])
    const served = unpackFixture('lib-1.3.1.tgz')
    expect(readFileSync(path.join(out, 'charts/lib/values.yaml'))).toEqual(readFileSync(path.join(served, 'values.yaml')))
  })

  test('an exact oci:// version is pulled without listing tags (Helm: an explicit version is used as it is); a range without run charts given', async () => {
    const bare = (): DependencyResolver =>
      new DependencyResolver({ repositories: [], workDir: path.join(tmp, 'work'), ociClient: (host) => new RegistryClient({ host, plainHttp: true }) })
    const chart = async (name: string, version: string): Promise<{ dir: string; chart: Awaited<ReturnType<typeof loadChartDir>> }> => {
      const dir = writeChart(
        path.join(tmp, name),
        `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: ${version}\n  repository: oci://${reg.host}/shared\n`
      )
      return { dir, chart: await loadChartDir(dir, name) }
    }
    const exact = bare()
    const a = await chart('oci-exact', '1.2.0')
    expect(await exact.resolve(a.chart, a.dir, WHEN)).toEqual([{ name: 'lib', version: '1.2.0', source: `oci://${reg.host}/shared/lib:1.2.0` }])
    // One request: the pull. No tag list.
    expect(exact.fetches).toBe(1)
    const ranged = bare()
    const b = await chart('oci-range', '~1.3.0')
    expect(await ranged.resolve(b.chart, b.dir, WHEN)).toEqual([{ name: 'lib', version: '1.3.1', source: `oci://${reg.host}/shared/lib:1.3.1` }])
    expect(ranged.fetches).toBe(2)
    const none = await chart('oci-none', '^9.0.0')
    const err = await caught(bare().resolve(none.chart, none.dir, WHEN))
    expect(err.message).toBe(
      `can't get a valid version for dependency lib: no version in oci://${reg.host}/shared satisfies "^9.0.0" (newest: 2.0.0, 1.3.1, 1.2.0)`
    )
  })

  test("a chart of the run older than the registry's newest match does not win: versions from both, newest first", async () => {
    const archive = path.join(tmp, 'lib-1.2.5.tgz')
    writeFileSync(archive, tarChart({ name: 'lib', version: '1.2.5' }))
    const inRun = new Map([[`${reg.host}/shared/lib`, [{ version: '1.2.5', archive }]]])
    const dir = writeChart(
      path.join(tmp, 'oci-app3'),
      `apiVersion: v2\nname: oci-app3\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: ^1.2.0\n  repository: oci://${reg.host}/shared\n`
    )
    const { deps } = await packageAndUnpack(dir, resolver(inRun))
    expect(deps[0]).toEqual({ name: 'lib', version: '1.3.1', source: `oci://${reg.host}/shared/lib:1.3.1` })
  })

  test('a chart packaged earlier in the run is used for a dependency on the target registry', async () => {
    const archive = path.join(tmp, 'lib-1.4.0.tgz')
    writeFileSync(archive, tarChart({ name: 'lib', version: '1.4.0' }))
    const inRun = new Map([[`${reg.host}/shared/lib`, [{ version: '1.4.0', archive }]]])
    const dir = writeChart(
      path.join(tmp, 'oci-app2'),
      `apiVersion: v2\nname: oci-app2\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: ^1.2.0\n  repository: oci://${reg.host}/shared\n`
    )
    const { deps } = await packageAndUnpack(dir, resolver(inRun))
    expect(deps[0]).toEqual({ name: 'lib', version: '1.4.0', source: `oci://${reg.host}/shared/lib:1.4.0 (packaged in this run)` })
  })

  test('a file:// directory is packaged into charts/ the way Helm does', async () => {
    writeChart(path.join(tmp, 'mono/common'), 'apiVersion: v2\nname: common\nversion: 0.3.2\ntype: library\n', {
      'templates/_helpers.tpl': '{{- define "x" -}}y{{- end -}}\n'
    })
    const dir = writeChart(
      path.join(tmp, 'mono/web'),
      'apiVersion: v2\nname: web\nversion: 2.0.0\ndependencies:\n- name: common\n  version: ~0.3\n  repository: file://../common\n'
    )
    const before = tree(path.join(tmp, 'mono'))
    const { out, deps } = await packageAndUnpack(dir, resolver())
    expect(deps).toEqual([{ name: 'common', version: '0.3.2', source: 'file://../common' }])
    expect(readFileSync(path.join(out, 'charts/common/templates/_helpers.tpl'), 'utf8')).toBe('{{- define "x" -}}y{{- end -}}\n')
    expect(tree(path.join(tmp, 'mono'))).toEqual(before)
  })
})

describe('errors name the chart, the dependency and the repository, and say what to do', () => {
  // (failure() is below; these need their own directories.)
  test('a file:// directory outside the range: no valid version (Helm Resolver: missing)', async () => {
    writeChart(path.join(tmp, 'err/fileold/common'), 'apiVersion: v2\nname: common\nversion: 0.2.0\n')
    const dir = writeChart(
      path.join(tmp, 'err/fileold/web'),
      'apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n- name: common\n  version: ^0.3.0\n  repository: file://../common\n'
    )
    const err = await caught<ChartError>(resolver().resolve(await loadChartDir(dir, 'charts/web'), dir, WHEN))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe(`can't get a valid version for dependency common: no version in file://../common satisfies "^0.3.0" (newest: 0.2.0)`)
    expect(err).toMatchObject({ chart: 'charts/web', registry: 'file://../common', file: path.join('charts/web', 'Chart.yaml') })
  })

  async function failure(name: string, deps: string, files: Record<string, string> = {}): Promise<ChartError> {
    const dir = writeChart(path.join(tmp, 'err', name), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ndependencies:\n${deps}`, files)
    const chart = await loadChartDir(dir, `charts/${name}`)
    const err = await caught(resolver().resolve(chart, dir, WHEN))
    expect(err).toBeInstanceOf(ChartError)
    expect((err as ChartError).chart).toBe(`charts/${name}`)
    expect((err as ChartError).hint).toBeTruthy()
    return err as ChartError
  }

  test('no version matches: the newest versions the repository has', async () => {
    const err = await failure('nomatch', `- name: kube-state-metrics\n  version: ^10.0.0\n  repository: ${PC()}\n`)
    expect(err.message).toBe(
      `can't get a valid version for dependency kube-state-metrics: no version in ${PC()} satisfies "^10.0.0" (newest: 9.0.0, 8.4.2, 8.4.0)`
    )
    expect(err).toMatchObject({ registry: PC(), file: path.join('charts/nomatch', 'Chart.yaml') })
  })
  test("a name the repository's index does not list: Helm's message", async () => {
    const err = await failure('noname', `- name: no-such-chart\n  version: ^1.0.0\n  repository: ${PC()}\n`)
    expect(err.message).toBe(`no-such-chart chart not found in repo ${PC()}`)
    expect(err).toMatchObject({ registry: PC() })
    expect(err.hint).toMatch(/no-such-chart/)
  })
  test('repository unreachable', async () => {
    const err = await failure('unreachable', `- name: x\n  version: 1.0.0\n  repository: https://127.0.0.1:9/charts\n`)
    expect(err.message).toMatch(
      /^dependency x \(repository https:\/\/127.0.0.1:9\/charts\): cannot reach chart repository https:\/\/127.0.0.1:9\/charts \(connection refused\)( after \d+ attempts)? while fetching index.yaml$/
    )
    expect(err.hint).toMatch(/repository URL in Chart.yaml or the repositories input/)
  })
  test('a repository URL that is not a URL (port out of range, WHATWG URL): named, with what to check', async () => {
    const err = await failure('badport', `- name: x\n  version: 1.0.0\n  repository: https://127.0.0.1:99999/charts\n`)
    expect(err.message).toBe('dependency x (repository https://127.0.0.1:99999/charts): Invalid URL')
    expect(err).toMatchObject({ registry: 'https://127.0.0.1:99999/charts' })
    expect(err.hint).toBe('Check the repository in Chart.yaml and that the runner can reach it')
  })
  test('index.yaml that is not valid', async () => {
    const err = await failure('html', `- name: x\n  version: 1.0.0\n  repository: ${repo.origin}/html\n`)
    expect(err.message).toMatch(/dependency x .*invalid index.yaml from .*\/html: not a YAML mapping/)
  })
  test('digest mismatch: expected and actual', async () => {
    const err = await failure('tampered', `- name: tampered\n  version: 1.0.0\n  repository: ${repo.origin}/broken\n`)
    const actual = sha256Hex(fixtures['tampered-1.0.0.tgz'])
    expect(err.message).toContain(`index.yaml says sha256:${'a'.repeat(64)}, the download is sha256:${actual}`)
  })
  test('private repository without credentials', async () => {
    const err = await failure('noauth', `- name: grafana\n  version: 10.1.0\n  repository: ${repo.origin}/grafana/sub\n`)
    expect(err.message).toMatch(
      /^dependency grafana \(repository https:.*\/grafana\/sub\): GET .*\/grafana\/sub\/index.yaml \(index.yaml\): response status 401$/
    )
    expect(err.hint).toMatch(/repositories input/)
  })
  test('a redirect from HTTPS to plain HTTP is not followed', async () => {
    repo.redirect('/downgrade/index.yaml', 'http://127.0.0.1:9/index.yaml')
    const err = await failure('downgrade', `- name: x\n  version: 1.0.0\n  repository: ${repo.origin}/downgrade\n`)
    expect(err.message).toMatch(/redirects to http:\/\/127.0.0.1:9\/index.yaml, away from HTTPS$/)
  })
  test('a redirect to a Location that is not a URL is refused, naming the repository and the file, not the Location', async () => {
    repo.redirect('/badlocation/index.yaml', 'https://[sig=secret')
    const err = await failure('badlocation', `- name: x\n  version: 1.0.0\n  repository: ${repo.origin}/badlocation\n`)
    expect(err.message).toBe(
      `dependency x (repository ${repo.origin}/badlocation): ${repo.origin}/badlocation/index.yaml (index.yaml) redirects to a Location header that is not a URL`
    )
    expect(err.message).not.toContain('secret')
    expect(err.hint).toBe('Ask the repository owner to fix the redirect')
  })
  test("lock out of sync: Helm's message", async () => {
    const err = await failure('stale', `- name: redis-ha\n  version: 4.39.0\n  repository: ${repo.origin}/dandydeveloper/charts/\n`, {
      'Chart.lock': `dependencies:\n- name: redis-ha\n  repository: ${repo.origin}/dandydeveloper/charts/\n  version: 4.38.0\ndigest: sha256:0d8b0161248c5ab2c77d62fc77d5ca28393f73f7b7a8abd5474b78bc969cab39\ngenerated: "2026-01-01T00:00:00Z"\n`
    })
    expect(err.message).toBe(
      "the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies with 'helm dependency update'"
    )
    expect(err.hint).toMatch(/helm dependency update/)
  })
  test('an oci:// repository that already ends with the dependency name: the parent path', async () => {
    const err = await failure('common', `- name: lib\n  version: ^1.0.0\n  repository: oci://${reg.host}/shared/lib\n`)
    expect(err.message).toMatch(/no version in oci:\/\/.*\/shared\/lib satisfies "\^1.0.0" \(it has none\)/)
    expect(err.hint).toBe(
      `Helm appends the dependency name to an oci:// repository, so oci://${reg.host}/shared/lib means oci://${reg.host}/shared/lib/lib: write repository: oci://${reg.host}/shared`
    )
  })
  test('an unknown @name', async () => {
    const err = await failure('unknown', `- name: x\n  version: 1.0.0\n  repository: "@nowhere"\n`)
    expect(err.message).toBe('no repository definition for @nowhere (dependency x)')
    expect(err.hint).toMatch(/nowhere=https/)
  })
})

/** Packages with saveChart; the archive's entry list and one file's bytes as the system's tar reads them. */
async function packageAndList(
  dir: string,
  r: DependencyResolver
): Promise<{ chart: Awaited<ReturnType<typeof loadChartDir>>; listing: string[]; read: (f: string) => string; deps: ResolvedDependency[] }> {
  const chart = await loadChartDir(dir, path.basename(dir))
  const deps = await r.resolve(chart, dir, WHEN)
  const saved = await saveChart(chart, { destDir: mkdtempSync(path.join(tmp, 'pkg-')), mtime: WHEN })
  execFileSync('gzip', ['-t', saved.path])
  const listing = execFileSync('tar', ['-tzf', saved.path]).toString().trim().split('\n')
  return { chart, listing, deps, read: (f) => execFileSync('tar', ['-xzOf', saved.path, f]).toString() }
}

describe('apiVersion v1 charts (requirements.yaml)', () => {
  // pkg/downloader/manager.go Update → writeLock(chartpath, lock, legacyLockfile = apiVersion v1) writes requirements.lock;
  // `helm package` then loads it as one of the chart's files (pkg/chart/v2/loader: requirements.lock → c.Files for v1), and
  // chartutil.Save writes no Chart.lock for v1 (writeTarContents: "TODO: remove the APIVersion check").
  const requirements = () => `dependencies:\n- name: crds\n  version: 0.0.0\n- name: kube-state-metrics\n  version: 8.4.*\n  repository: ${PC()}\n`
  const v1Chart = (name: string, files: Record<string, string> = {}): string =>
    writeChart(path.join(tmp, name), `apiVersion: v1\nname: ${name}\nversion: 1.0.0\n`, {
      'requirements.yaml': requirements(),
      'README.md': 'readme\n',
      'files/a.txt': 'a\n',
      'templates/cm.yaml': 'kind: ConfigMap\n',
      'charts/crds/Chart.yaml': 'apiVersion: v1\nname: crds\nversion: 0.0.0\n',
      ...files
    })

  test('resolving without a lock puts a new requirements.lock among the files, where the directory walk puts it', async () => {
    const dir = v1Chart('legacy')
    const { listing, read, deps } = await packageAndList(dir, resolver())
    expect(deps.map((d) => `${d.name}@${d.version}`)).toEqual(['crds@0.0.0', 'kube-state-metrics@8.4.2'])
    expect(listing.filter((f) => !f.includes('/charts/'))).toEqual([
      'legacy/Chart.yaml',
      'legacy/values.yaml',
      'legacy/templates/cm.yaml',
      'legacy/README.md',
      'legacy/files/a.txt',
      'legacy/requirements.lock',
      'legacy/requirements.yaml'
    ])
    // HashReq over what Go marshals: requirements as written (repository always present), then the locked list.
    const req = `[{"name":"crds","version":"0.0.0","repository":""},{"name":"kube-state-metrics","version":"8.4.*","repository":"${PC()}"}]`
    const locked = `[{"name":"crds","version":"0.0.0","repository":""},{"name":"kube-state-metrics","version":"8.4.2","repository":"${PC()}"}]`
    expect(read('legacy/requirements.lock')).toBe(
      `dependencies:\n- name: crds\n  repository: ""\n  version: 0.0.0\n- name: kube-state-metrics\n  repository: ${PC()}\n  version: 8.4.2\n` +
        `digest: ${hashed(`[${req},${locked}]`)}\ngenerated: "2023-11-14T22:13:20Z"\n`
    )
    expect(read('legacy/charts/kube-state-metrics/Chart.yaml')).toContain('version: 8.4.2')
    expect(existsSync(path.join(dir, 'requirements.lock'))).toBe(false)
  })

  test('a .helmignore that leaves out the lock leaves it out of the package too', async () => {
    const { listing } = await packageAndList(v1Chart('legacy-ignored', { '.helmignore': '*.lock\n' }), resolver())
    expect(listing).not.toContain('legacy-ignored/requirements.lock')
    expect(listing).toContain('legacy-ignored/charts/kube-state-metrics/Chart.yaml')
  })

  test('an existing requirements.lock is checked and its versions used; the file goes in as it is', async () => {
    const req = `[{"name":"crds","version":"0.0.0","repository":""},{"name":"kube-state-metrics","version":"8.4.*","repository":"${PC()}"}]`
    const locked = `[{"name":"crds","version":"0.0.0","repository":""},{"name":"kube-state-metrics","version":"8.4.0","repository":"${PC()}"}]`
    const lock = `dependencies:\n- name: crds\n  version: 0.0.0\n- name: kube-state-metrics\n  repository: ${PC()}\n  version: 8.4.0\ndigest: ${hashed(`[${req},${locked}]`)}\ngenerated: "2020-01-01T00:00:00Z"\n`
    const { read, deps } = await packageAndList(v1Chart('legacy-locked', { 'requirements.lock': lock }), resolver())
    expect(deps[1]).toEqual({ name: 'kube-state-metrics', version: '8.4.0', source: `${PC()}/kube-state-metrics-8.4.0.tgz` })
    expect(read('legacy-locked/requirements.lock')).toBe(lock)

    const stale = v1Chart('legacy-stale', { 'requirements.lock': lock.replace('8.4.0', '8.4.2') })
    const err = await caught(resolver().resolve(await loadChartDir(stale, 'legacy-stale'), stale, WHEN))
    expect((err as ChartError).message).toBe(
      'the lock file (requirements.lock) is out of sync with the dependencies file (requirements.yaml). Please update the dependencies'
    )
    expect((err as ChartError).file).toBe('legacy-stale/requirements.lock')
  })
  test("a Chart.lock in a v1 chart is the lock too (Helm's loader reads it for any apiVersion); Save writes neither lock file", async () => {
    const req = `[{"name":"crds","version":"0.0.0","repository":""},{"name":"kube-state-metrics","version":"8.4.*","repository":"${PC()}"}]`
    const locked = `[{"name":"crds","version":"0.0.0","repository":""},{"name":"kube-state-metrics","version":"8.4.0","repository":"${PC()}"}]`
    const lock = `dependencies:\n- name: crds\n  version: 0.0.0\n- name: kube-state-metrics\n  repository: ${PC()}\n  version: 8.4.0\ndigest: ${hashed(`[${req},${locked}]`)}\ngenerated: "2020-01-01T00:00:00Z"\n`
    const { listing, deps } = await packageAndList(v1Chart('legacy-chartlock', { 'Chart.lock': lock }), resolver())
    expect(deps[1].version).toBe('8.4.0')
    expect(listing.filter((f) => f.endsWith('.lock'))).toEqual([])
  })
})

describe('what charts/ already holds, as helm dependency build treats it', () => {
  test('a dependency without a repository outside its range: refused when the build runs (Manager.downloadAll)', async () => {
    const dir = writeChart(
      path.join(tmp, 'local-range'),
      `apiVersion: v2\nname: local-range\nversion: 1.0.0\ndependencies:\n- name: common\n  version: ^1.0.0\n- name: redis-ha\n  version: 4.38.0\n  repository: ${repo.origin}/dandydeveloper/charts/\n`,
      { 'charts/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 2.1.0\n' }
    )
    const err = await caught<ChartError>(resolver().resolve(await loadChartDir(dir, 'local-range'), dir, WHEN))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe('dependency common at version 2.1.0 does not satisfy the constraint ^1.0.0')
    expect(err.chart).toBe('local-range')
    expect(err.file).toBe('local-range/Chart.yaml')
    expect(err.hint).toMatch(/satisfies "\^1.0.0" into charts\//)
  })

  test('everything vendored (no build, as helm package): a version outside the range is a warning naming it', async () => {
    const dir = writeChart(
      path.join(tmp, 'vendored-only'),
      `apiVersion: v2\nname: vendored-only\nversion: 1.0.0\ndependencies:\n- name: common\n  version: ~1.4\n`
    )
    mkdirSync(path.join(dir, 'charts'))
    writeFileSync(path.join(dir, 'charts/common-2.1.0.tgz'), tarChart({ name: 'common', version: '2.1.0' }))
    const chart = await loadChartDir(dir, 'vendored-only')
    const r = resolver()
    expect(await r.resolve(chart, dir, WHEN)).toEqual([{ name: 'common', version: '2.1.0', source: 'charts/' }])
    expect(chart.warnings).toEqual([
      'dependency common at version 2.1.0 does not satisfy the constraint ~1.4 (helm dependency build would refuse it; helm package accepts it)'
    ])
    expect(r.fetches).toBe(0)
  })

  test('without a lock, vendored archives are replaced by the newest match, undeclared ones dropped; directories stay (safeMoveDeps)', async () => {
    const dir = writeChart(
      path.join(tmp, 'refresh'),
      [
        'apiVersion: v2',
        'name: refresh',
        'version: 1.0.0',
        'dependencies:',
        '- name: kube-state-metrics',
        '  version: 8.4.*',
        `  repository: ${PC()}`,
        '- name: prometheus-node-exporter',
        '  version: 4.56.*',
        `  repository: ${PC()}`,
        '- name: alertmanager',
        '  version: 1.42.*',
        `  repository: ${PC()}`,
        '- name: common',
        '  version: 1.x',
        ''
      ].join('\n'),
      { 'charts/alertmanager/Chart.yaml': 'apiVersion: v2\nname: alertmanager\nversion: 1.42.7\n', 'charts/alertmanager/values.yaml': 'local: true\n' }
    )
    writeFileSync(path.join(dir, 'charts/kube-state-metrics-8.4.0.tgz'), tarChart({ name: 'kube-state-metrics', version: '8.4.0' }))
    writeFileSync(path.join(dir, 'charts/common-1.0.0.tgz'), tarChart({ name: 'common', version: '1.0.0' }))
    writeFileSync(path.join(dir, 'charts/stale-0.1.0.tgz'), tarChart({ name: 'stale', version: '0.1.0' }))
    const before = tree(dir)
    const seen = repo.requests.length
    const { chart, listing, read, deps } = await packageAndList(dir, resolver())

    expect(deps).toEqual([
      { name: 'kube-state-metrics', version: '8.4.2', source: `${PC()}/kube-state-metrics-8.4.2.tgz` },
      { name: 'prometheus-node-exporter', version: '4.56.1', source: `${PC()}/prometheus-node-exporter-4.56.1.tgz` },
      { name: 'alertmanager', version: '1.42.7', source: 'charts/' },
      { name: 'common', version: '1.0.0', source: 'charts/' }
    ])
    const subcharts = [...new Set(listing.filter((f) => f.startsWith('refresh/charts/')).map((f) => f.split('/')[2]))]
    expect(subcharts).toEqual(['alertmanager', 'common', 'kube-state-metrics', 'prometheus-node-exporter'])
    expect(read('refresh/charts/kube-state-metrics/Chart.yaml')).toContain('version: 8.4.2')
    expect(read('refresh/charts/alertmanager/values.yaml')).toBe('local: true\n')
    // The lock records what the package holds; nothing was fetched for the directory.
    expect(read('refresh/Chart.lock')).toContain(
      `- name: alertmanager\n  repository: ${PC()}\n  version: 1.42.7\n- name: common\n  repository: ""\n  version: 1.x\n`
    )
    expect(repo.requests.slice(seen).map((q) => q.path)).not.toContain('/releases/download/alertmanager-1.42.0/alertmanager-1.42.0.tgz')
    expect(chart.warnings).toEqual([
      `dependency alertmanager names repository ${PC()} but charts/alertmanager/ is a directory: packaged as it is, at version 1.42.7 (helm dependency build would add the download next to it)`,
      'charts/stale-0.1.0.tgz (stale 0.1.0) is not a dependency in Chart.yaml: left out, as helm dependency build deletes it'
    ])
    expect(tree(dir)).toEqual(before)
  })
})

describe('what charts/ already holds, with a lock', () => {
  test('a vendored archive of another version than the lock gives is replaced by the locked one (Build → downloadAll)', async () => {
    const DD = `${repo.origin}/dandydeveloper/charts/`
    const req = `[{"name":"redis-ha","version":"4.x","repository":"${DD}"},{"name":"kube-state-metrics","version":"8.4.*","repository":"${PC()}"}]`
    const locked = `[{"name":"redis-ha","version":"4.38.0","repository":"${DD}"},{"name":"kube-state-metrics","version":"8.4.0","repository":"${PC()}"}]`
    const dir = writeChart(
      path.join(tmp, 'relocked'),
      `apiVersion: v2\nname: relocked\nversion: 1.0.0\ndependencies:\n- name: redis-ha\n  version: 4.x\n  repository: ${DD}\n- name: kube-state-metrics\n  version: 8.4.*\n  repository: ${PC()}\n`,
      {
        'Chart.lock': `dependencies:\n- name: redis-ha\n  repository: ${DD}\n  version: 4.38.0\n- name: kube-state-metrics\n  repository: ${PC()}\n  version: 8.4.0\ndigest: ${hashed(`[${req},${locked}]`)}\ngenerated: "2026-01-01T00:00:00Z"\n`
      }
    )
    mkdirSync(path.join(dir, 'charts'))
    writeFileSync(path.join(dir, 'charts/redis-ha-4.39.0.tgz'), tarChart({ name: 'redis-ha', version: '4.39.0' }))
    const { deps, listing, read } = await packageAndList(dir, resolver())
    expect(deps.map((d) => `${d.name}@${d.version} ${d.source}`)).toEqual([
      `redis-ha@4.38.0 ${DD}redis-ha-4.38.0.tgz`,
      `kube-state-metrics@8.4.0 ${PC()}/kube-state-metrics-8.4.0.tgz`
    ])
    expect(listing.filter((f) => f.endsWith('/Chart.yaml'))).toEqual([
      'relocked/Chart.yaml',
      'relocked/charts/kube-state-metrics/Chart.yaml',
      'relocked/charts/redis-ha/Chart.yaml'
    ])
    expect(read('relocked/charts/redis-ha/Chart.yaml')).toContain('version: 4.38.0')
  })
})

describe('redirects go through the one transport', () => {
  test('credentials stay with the repository origin: not to another origin, and not back after leaving', async () => {
    const mirror = await startChartRepo({ pki })
    try {
      const data = tarChart({ name: 'grafana', version: '10.2.0' })
      // index.yaml moved to another origin; the archive is redirected there and from there back to the first origin.
      repo.redirect('/grafana/moved/index.yaml', `${mirror.origin}/mirror/index.yaml`)
      mirror.put('/mirror/index.yaml', indexYaml([{ name: 'grafana', version: '10.2.0', url: 'grafana-10.2.0.tgz', digest: sha256Hex(data) }]))
      repo.redirect('/grafana/moved/grafana-10.2.0.tgz', `${mirror.origin}/mirror/grafana-10.2.0.tgz`)
      mirror.redirect('/mirror/grafana-10.2.0.tgz', `${repo.origin}/back/grafana-10.2.0.tgz`)
      repo.put('/back/grafana-10.2.0.tgz', data)
      const r = new DependencyResolver({
        repositories: [{ name: 'moved', url: `${repo.origin}/grafana/moved`, username: GRAFANA_USER, password: GRAFANA_PASSWORD }],
        ca: pki.ca,
        workDir: path.join(tmp, 'work'),
        ociClient: (host) => new RegistryClient({ host, plainHttp: true })
      })
      const seen = repo.requests.length
      const dir = writeChart(
        path.join(tmp, 'moved'),
        'apiVersion: v2\nname: moved\nversion: 1.0.0\ndependencies:\n- name: grafana\n  version: 10.*\n  repository: "@moved"\n'
      )
      const { deps, read } = await packageAndList(dir, r)
      expect(deps).toEqual([{ name: 'grafana', version: '10.2.0', source: `${repo.origin}/grafana/moved/grafana-10.2.0.tgz` }])
      expect(read('moved/charts/grafana/values.yaml')).toBe('replicas: 1\nimage: grafana:10.2.0\n')

      const basic = `Basic ${Buffer.from(`${GRAFANA_USER}:${GRAFANA_PASSWORD}`).toString('base64')}`
      expect(repo.requests.slice(seen).map((q) => `${q.path} ${q.authorization ?? '-'}`)).toEqual([
        `/grafana/moved/index.yaml ${basic}`,
        `/grafana/moved/grafana-10.2.0.tgz ${basic}`,
        '/back/grafana-10.2.0.tgz -'
      ])
      expect(mirror.requests.map((q) => `${q.path} ${q.authorization ?? '-'}`)).toEqual(['/mirror/index.yaml -', '/mirror/grafana-10.2.0.tgz -'])
    } finally {
      await mirror.stop()
    }
  })
})

describe('what the run order reads from each chart', () => {
  test('an archive: Chart.yaml, and for apiVersion v1 requirements.yaml wherever it lies; a directory the same', async () => {
    const dir = writeChart(path.join(tmp, 'decl/old'), 'apiVersion: v1\nname: old\nversion: 1.0.0\n', {
      'requirements.yaml': `dependencies:\n- name: lib\n  version: ^1.0.0\n  repository: oci://${reg.host}/shared\n- name: crds\n  version: 0.1.0\n`,
      'zz/big.txt': 'x'.repeat(70_000)
    })
    const archive = path.join(tmp, 'decl/old-1.0.0.tgz')
    execFileSync('tar', ['-czf', archive, '--sort=name', '-C', path.dirname(dir), 'old'])
    const want = {
      name: 'old',
      version: '1.0.0',
      dependencies: [
        { name: 'lib', repository: `oci://${reg.host}/shared` },
        { name: 'crds', repository: '' }
      ]
    }
    expect(await archiveDeclarations(archive, 'old-1.0.0.tgz')).toEqual(want)
    expect(await directoryDeclarations(dir, 'old')).toEqual(want)
    // A v2 chart's list comes from Chart.yaml.
    writeFileSync(
      path.join(tmp, 'decl/new.tgz'),
      tarChart({ name: 'new', version: '1.0.0', chartYamlExtra: 'dependencies:\n- name: x\n  version: 1.0.0\n  repository: file://../x\n' })
    )
    expect(await archiveDeclarations(path.join(tmp, 'decl/new.tgz'))).toEqual({
      name: 'new',
      version: '1.0.0',
      dependencies: [{ name: 'x', repository: 'file://../x' }]
    })
  })
})

/** A chart whose Chart.lock (with the digest Helm computes) pins each dependency; deps are [name, range, locked]. */
function lockedChart(name: string, repository: string, deps: string[][]): string {
  const req = deps.map(([n, v]) => `{"name":"${n}","version":"${v}","repository":"${repository}"}`).join(',')
  const locked = deps.map(([n, , v]) => `{"name":"${n}","version":"${v}","repository":"${repository}"}`).join(',')
  return writeChart(
    path.join(tmp, 'locked', name),
    `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ndependencies:\n` +
      deps.map(([n, v]) => `- name: ${n}\n  version: "${v}"\n  repository: ${repository}\n`).join(''),
    {
      'Chart.lock':
        'dependencies:\n' +
        deps.map(([n, , v]) => `- name: ${n}\n  repository: ${repository}\n  version: "${v}"\n`).join('') +
        `digest: ${hashed(`[[${req}],[${locked}]]`)}\ngenerated: "2026-01-01T00:00:00Z"\n`
    }
  )
}

describe('file:// dependencies: several charts of one run, and failures', () => {
  // Helm's tarFromLocalDir saves each file:// directory from its own path (GetLocalPath: relative to the chart,
  // absolute when it starts with /); one resolver serves every chart of a run.
  test('two directories whose paths end alike (same length, same last 38 bytes) each give their own chart; no network fetch', async () => {
    const tail = 'shared-platform-library-charts/common'
    const packaged: string[] = []
    const r = resolver()
    for (const team of ['a', 'b']) {
      writeChart(path.join(tmp, `samelen/${team}/${tail}`), 'apiVersion: v2\nname: common\nversion: 1.0.0\ntype: library\n', {
        'templates/_team.tpl': `{{- define "team" -}}${team}{{- end -}}\n`
      })
      const dir = writeChart(
        path.join(tmp, `samelen/${team}/app`),
        `apiVersion: v2\nname: app-${team}\nversion: 1.0.0\ndependencies:\n- name: common\n  version: 1.0.0\n  repository: file://../${tail}\n`
      )
      const { out } = await packageAndUnpack(dir, r)
      packaged.push(readFileSync(path.join(out, 'charts/common/templates/_team.tpl'), 'utf8'))
    }
    expect(packaged).toEqual(['{{- define "team" -}}a{{- end -}}\n', '{{- define "team" -}}b{{- end -}}\n'])
    expect(r.fetches).toBe(0)
  })

  test('file://../b/lib from x/a and file://../lib from x/a/b are two directories (x/b/lib, x/a/lib), not one', async () => {
    const base = path.join(tmp, 'nested/x')
    for (const [lib, v] of [
      ['b/lib', '1.0.0'],
      ['a/lib', '2.0.0']
    ])
      writeChart(path.join(base, lib), `apiVersion: v2\nname: lib\nversion: ${v}\n`)
    const r = resolver()
    const got = []
    for (const [app, repository] of [
      ['a', 'file://../b/lib'],
      ['a/b', 'file://../lib']
    ]) {
      const dir = writeChart(
        path.join(base, app),
        `apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: ">=1"\n  repository: ${repository}\n`
      )
      const { out, deps } = await packageAndUnpack(dir, r)
      got.push([deps[0].version, /^version: (.*)$/m.exec(readFileSync(path.join(out, 'charts/lib/Chart.yaml'), 'utf8'))![1]])
    }
    expect(got).toEqual([
      ['1.0.0', '1.0.0'],
      ['2.0.0', '2.0.0']
    ])
  })

  test('a directory that does not exist: named as Helm names it (GetLocalPath: "directory … not found")', async () => {
    const dir = writeChart(
      path.join(tmp, 'fileerr/nodir'),
      'apiVersion: v2\nname: nodir\nversion: 1.0.0\ndependencies:\n- name: common\n  version: 1.x\n  repository: file://../nope\n'
    )
    const err = await caught<ChartError>(resolver().resolve(await loadChartDir(dir, 'charts/nodir'), dir, WHEN))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe(`directory ${path.join(tmp, 'fileerr/nope')} not found (dependency common, repository file://../nope)`)
    expect(err).toMatchObject({ chart: 'charts/nodir', file: path.join('charts/nodir', 'Chart.yaml') })
    expect(err.hint).toBe('file:// paths are relative to the chart directory; check the path and that the checkout contains it')
  })

  test('a directory without Chart.yaml: the error names it relative to the working directory', async () => {
    mkdirSync(path.join(tmp, 'fileerr/empty'), { recursive: true })
    const dir = writeChart(
      path.join(tmp, 'fileerr/usesempty'),
      'apiVersion: v2\nname: usesempty\nversion: 1.0.0\ndependencies:\n- name: empty\n  version: 1.x\n  repository: file://../empty\n'
    )
    const err = await caught<ChartError>(resolver().resolve(await loadChartDir(dir, 'charts/usesempty'), dir, WHEN))
    expect(err).toBeInstanceOf(ChartError)
    expect(path.isAbsolute(err.chart!)).toBe(false)
    expect(path.resolve(err.chart!)).toBe(path.join(tmp, 'fileerr/empty'))
    expect(err.message).toBe(`unable to detect chart at ${path.join(err.chart!, 'Chart.yaml')}`)
  })

  test('a directory outside the workspace roots: refused, naming the dependency, its repository and the chart', async () => {
    const root = path.join(tmp, 'fileerr/ws')
    writeChart(path.join(tmp, 'fileerr/outside'), 'apiVersion: v2\nname: outside\nversion: 1.0.0\n')
    const dir = writeChart(
      path.join(root, 'web'),
      'apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n- name: outside\n  version: 1.x\n  repository: file://../../outside\n'
    )
    const r = new DependencyResolver({ repositories: [], workDir: path.join(tmp, 'work'), ociClient: () => undefined as never, roots: async () => [root] })
    const err = await caught<InputError>(r.resolve(await loadChartDir(dir, 'charts/web'), dir, WHEN))
    expect(err).toBeInstanceOf(InputError)
    expect(err.message).toBe(`file:// dependency outside (file://../../outside) of charts/web is outside the workspace ${root}`)
  })

  test('a lock whose version the directory no longer holds: refused as tarFromLocalDir does ("can\'t get a valid version")', async () => {
    writeChart(path.join(tmp, 'locked/common'), 'apiVersion: v2\nname: common\nversion: 0.3.2\n')
    const dir = lockedChart('file-locked', 'file://../common', [['common', '~0.3', '0.3.1']])
    const err = await caught<ChartError>(resolver().resolve(await loadChartDir(dir, 'charts/file-locked'), dir, WHEN))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe(`can't get a valid version for dependency common: file://../common holds 0.3.2, the lock wants 0.3.1`)
    expect(err).toMatchObject({ chart: 'charts/file-locked', hint: 'Run `helm dependency update charts/file-locked` and commit the new Chart.lock' })
  })
})

describe('oci:// dependencies: several in one chart, + in versions, and failures', () => {
  // Helm: the chart is <repository>/<name>:<version with + written _> (registry.Client; helm-oci-spec), saved as
  // charts/<name>-<version>.tgz.
  beforeAll(async () => {
    fixtures['plib-1.0.0+build.1.tgz'] = tarChart({ name: 'lib', version: '1.0.0+build.1' })
    fixtures['other-0.2.0.tgz'] = tarChart({ name: 'other', version: '0.2.0' })
    await pushOci('plus/lib', '1.0.0_build.1', fixtures['plib-1.0.0+build.1.tgz'])
    await pushOci('plus/other', '0.2.0', fixtures['other-0.2.0.tgz'])
    await pushOciTo(reg.url, 'plus/image', '1.0.0', fixtures['other-0.2.0.tgz'], 'application/vnd.oci.image.layer.v1.tar+gzip')
  })
  const twoDeps = (name: string, lib: string, other: string): string =>
    writeChart(
      path.join(tmp, name),
      `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: ${lib}\n  repository: oci://${reg.host}/plus\n- name: other\n  version: ${other}\n  repository: oci://${reg.host}/plus\n`
    )
  const chartVersion = (out: string, name: string): string => /^version: (.*)$/m.exec(readFileSync(path.join(out, `charts/${name}/Chart.yaml`), 'utf8'))![1]

  test('two dependencies from the registry, one with +build: each pulled by its own tag, both in charts/', async () => {
    const { out, deps } = await packageAndUnpack(twoDeps('oci-two', '1.0.0+build.1', '0.2.0'), resolver())
    expect(deps).toEqual([
      { name: 'lib', version: '1.0.0+build.1', source: `oci://${reg.host}/plus/lib:1.0.0_build.1` },
      { name: 'other', version: '0.2.0', source: `oci://${reg.host}/plus/other:0.2.0` }
    ])
    expect(readdirSync(path.join(out, 'charts')).sort()).toEqual(['lib', 'other'])
    expect([chartVersion(out, 'lib'), chartVersion(out, 'other')]).toEqual(['1.0.0+build.1', '0.2.0'])
  })

  test('two dependencies packaged earlier in the run: both used, both in charts/', async () => {
    const a = path.join(tmp, 'inrun-lib.tgz')
    const b = path.join(tmp, 'inrun-other.tgz')
    writeFileSync(a, tarChart({ name: 'lib', version: '3.0.0+run.1' }))
    writeFileSync(b, tarChart({ name: 'other', version: '3.1.0' }))
    const inRun = new Map([
      [`${reg.host}/plus/lib`, [{ version: '3.0.0+run.1', archive: a }]],
      [`${reg.host}/plus/other`, [{ version: '3.1.0', archive: b }]]
    ])
    const { out, deps } = await packageAndUnpack(twoDeps('oci-inrun', '3.0.0+run.1', '3.1.0'), resolver(inRun))
    expect(deps).toEqual([
      { name: 'lib', version: '3.0.0+run.1', source: `oci://${reg.host}/plus/lib:3.0.0_run.1 (packaged in this run)` },
      { name: 'other', version: '3.1.0', source: `oci://${reg.host}/plus/other:3.1.0 (packaged in this run)` }
    ])
    expect([chartVersion(out, 'lib'), chartVersion(out, 'other')]).toEqual(['3.0.0+run.1', '3.1.0'])
  })

  test('a locked tag the registry lacks: the pull error as it is, not prefixed twice', async () => {
    const dir = lockedChart('oci-gone', `oci://${reg.host}/plus`, [['lib', '^1.0.0', '1.9.9']])
    const err = await caught<ChartError>(resolver().resolve(await loadChartDir(dir, 'charts/oci-gone'), dir, WHEN))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe(`dependency lib 1.9.9: ${reg.host}/plus/lib:1.9.9 not found`)
    expect(err).toMatchObject({ chart: 'charts/oci-gone', registry: reg.host })
  })

  test('an artifact that is not a chart: a RegistryError naming the dependency, its repository and the registry host', async () => {
    const dir = writeChart(
      path.join(tmp, 'oci-image'),
      `apiVersion: v2\nname: oci-image\nversion: 1.0.0\ndependencies:\n- name: image\n  version: 1.0.0\n  repository: oci://${reg.host}/plus\n`
    )
    const err = await caught<RegistryError>(resolver().resolve(await loadChartDir(dir, 'charts/oci-image'), dir, WHEN))
    expect(err).toBeInstanceOf(RegistryError)
    expect(err.message).toBe(
      `dependency image (repository oci://${reg.host}/plus): ${reg.host}/plus/image:1.0.0 is not a Helm chart (no application/vnd.cncf.helm.chart.content.v1.tar+gzip layer)`
    )
    expect(err).toMatchObject({ chart: 'charts/oci-image', registry: reg.host })
    expect(err.hint).toBe('Point dependency image at a repository that holds charts pushed with helm push')
  })
})

describe('a locked version the index lists more than once, SemVer-equal (Manager.Build → hasAllRepos → findVersionedEntry)', () => {
  // Helm 3 (v3.21.4) and Helm 4 (main) alike, pkg/downloader/manager.go: with a lock, Build first requires every
  // http(s) repository of the lock to be configured (hasAllRepos, else "no repository definition for URL"), so
  // downloadAll's findChartURL always finds it configured and uses findVersionedEntry: the first entry, in SortEntries
  // order, that has URLs and whose version is SemVer-equal to the locked one (versionEquals: Masterminds Equal, which
  // ignores build metadata and a leading v). IndexFile.Get's exact-string-first rule (repo.FindChartInRepoURL) is only
  // reached for a repository that is not configured, which Build refuses. The action needs no `helm repo add`, so a
  // repository the repositories input does not name is treated as a configured one. SemVer-equal entries keep the
  // index's order (Go sorts at most 12 elements with an insertion sort, which is stable).
  const configured = (name: string, url: string): DependencyResolver =>
    new DependencyResolver({
      repositories: [{ name, url }],
      ca: pki.ca,
      workDir: path.join(tmp, 'work'),
      ociClient: (host) => new RegistryClient({ host, plainHttp: true })
    })
  /** The locked chart packaged with the repository configured (repositories input) and not: what each downloaded. */
  async function bothWays(dir: string, name: string, url: string): Promise<Array<{ source: string; version: string }>> {
    const got = []
    for (const r of [configured(name, url), resolver()]) {
      const { out, deps } = await packageAndUnpack(dir, r)
      expect(deps).toHaveLength(1)
      got.push({ source: deps[0].source, version: /^version: (.*)$/m.exec(readFileSync(path.join(out, `charts/${name}/Chart.yaml`), 'utf8'))![1] })
    }
    return got
  }

  test('build metadata: lock 1.0.0+build.1, index 1.0.0+build.2 then 1.0.0+build.1: the first, +build.2, is downloaded', async () => {
    serve('/dup-build/', [
      { name: 'dupb', version: '1.0.0+build.2' },
      { name: 'dupb', version: '1.0.0+build.1' }
    ])
    const DUP = `${repo.origin}/dup-build`
    const want = { source: `${DUP}/dupb-1.0.0+build.2.tgz`, version: '1.0.0+build.2' }
    expect(await bothWays(lockedChart('dup-build', DUP, [['dupb', '~1.0.0', '1.0.0+build.1']]), 'dupb', DUP)).toEqual([want, want])
  })

  test('a leading v: lock 1.0.0, index v1.0.0 then 1.0.0: v1.0.0 is downloaded', async () => {
    serve('/dup-v/', [
      { name: 'dupv', version: 'v1.0.0' },
      { name: 'dupv', version: '1.0.0' }
    ])
    const DUP = `${repo.origin}/dup-v`
    const want = { source: `${DUP}/dupv-v1.0.0.tgz`, version: 'v1.0.0' }
    expect(await bothWays(lockedChart('dup-v', DUP, [['dupv', '1.x', '1.0.0']]), 'dupv', DUP)).toEqual([want, want])
  })

  test('a short locked version: lock 1.0 is SemVer-equal to 1.0.0 only (not a constraint that would accept 1.0.5)', async () => {
    serve('/dup-short/', [
      { name: 'dups', version: '1.1.0' },
      { name: 'dups', version: '1.0.5' },
      { name: 'dups', version: '1.0.0' }
    ])
    const DUP = `${repo.origin}/dup-short`
    const want = { source: `${DUP}/dups-1.0.0.tgz`, version: '1.0.0' }
    expect(await bothWays(lockedChart('dup-short', DUP, [['dups', '1.0', '1.0']]), 'dups', DUP)).toEqual([want, want])
  })

  test('the exact entry has no URLs: skipped for the next SemVer-equal entry that has one', async () => {
    const data = (fixtures['nourl-1.0.0+b.1.tgz'] ??= tarChart({ name: 'nourl', version: '1.0.0+b.1' }))
    repo.put('/dup-nourl/nourl-1.0.0+b.1.tgz', data)
    repo.put(
      '/dup-nourl/index.yaml',
      'apiVersion: v1\nentries:\n  nourl:\n  - apiVersion: v2\n    name: nourl\n    urls: []\n    version: 1.0.0\n' +
        `  - apiVersion: v2\n    digest: ${sha256Hex(data)}\n    name: nourl\n    urls:\n    - nourl-1.0.0+b.1.tgz\n    version: 1.0.0+b.1\n`
    )
    const DUP = `${repo.origin}/dup-nourl`
    const want = { source: `${DUP}/nourl-1.0.0+b.1.tgz`, version: '1.0.0+b.1' }
    expect(await bothWays(lockedChart('dup-nourl', DUP, [['nourl', '1.0.0', '1.0.0']]), 'nourl', DUP)).toEqual([want, want])
  })
})

describe('downloading the locked version (Manager.downloadAll → findVersionedEntry)', () => {
  async function lockFailure(name: string, repository: string, deps: string[][]): Promise<ChartError> {
    const dir = lockedChart(name, repository, deps)
    const err = await caught(resolver().resolve(await loadChartDir(dir, `charts/${name}`), dir, WHEN))
    expect(err).toBeInstanceOf(ChartError)
    return err as ChartError
  }

  test('a locked version the index no longer lists: refused, naming the lock, the repository and its five newest versions', async () => {
    serve(
      '/many/',
      ['2.0.0', '1.6.0', '1.5.0', '1.4.0', '1.3.0', '1.2.0', '1.1.0'].map((version) => ({ name: 'many', version }))
    )
    const MANY = `${repo.origin}/many`
    const err = await lockFailure('gone-version', MANY, [['many', '^1.0.0', '1.0.0']])
    expect(err.message).toBe(`dependency many 1.0.0 (locked in Chart.lock) is not in ${MANY} (newest: 2.0.0, 1.6.0, 1.5.0, 1.4.0, 1.3.0)`)
    expect(err).toMatchObject({ chart: 'charts/gone-version', registry: MANY })
    expect(err.hint).toBe('Run `helm dependency update charts/gone-version` to lock a version the repository has, and commit Chart.lock')
    // Nothing was downloaded.
    expect(repo.requests.filter((q) => q.path.startsWith('/many/') && q.path.endsWith('.tgz'))).toEqual([])
  })

  test('a locked chart the index does not list at all: the same refusal, without a version list', async () => {
    const err = await lockFailure('gone-chart', PC(), [['no-longer-here', '1.x', '1.0.0']])
    expect(err.message).toBe(`dependency no-longer-here 1.0.0 (locked in Chart.lock) is not in ${PC()}`)
    expect(err).toMatchObject({ chart: 'charts/gone-chart', registry: PC() })
    expect(err.hint).toBe('Run `helm dependency update charts/gone-chart` to lock a version the repository has, and commit Chart.lock')
  })

  test("a lock and an index that differ only in +build metadata: the index's entry is downloaded (versionEquals ignores build metadata)", async () => {
    // Masterminds semver's Equal compares without build metadata, so Helm's versionEquals("1.0.0+build.1", "1.0.0+build.2") is true.
    serve('/builds/', [
      { name: 'meta', version: '1.0.1' },
      { name: 'meta', version: '1.0.0+build.2' }
    ])
    const BUILDS = `${repo.origin}/builds`
    const dir = lockedChart('build-meta', BUILDS, [['meta', '~1.0.0', '1.0.0+build.1']])
    const { out, deps } = await packageAndUnpack(dir, resolver())
    expect(deps).toEqual([{ name: 'meta', version: '1.0.0+build.1', source: `${BUILDS}/meta-1.0.0+build.2.tgz` }])
    expect(readFileSync(path.join(out, 'charts/meta/Chart.yaml'), 'utf8')).toContain('version: 1.0.0+build.2')
    expect(repo.requests.map((q) => q.path)).not.toContain('/builds/meta-1.0.1.tgz')
  })

  test('a dependency used twice (two aliases) is downloaded once: one index and one archive request, two network fetches counted', async () => {
    serve('/twice/', [{ name: 'twice', version: '3.1.0' }])
    const TWICE = `${repo.origin}/twice`
    const dir = writeChart(
      path.join(tmp, 'twice-app'),
      `apiVersion: v2\nname: twice-app\nversion: 1.0.0\ndependencies:\n` +
        ['first', 'second'].map((a) => `- name: twice\n  alias: ${a}\n  version: 3.1.0\n  repository: ${TWICE}\n`).join('')
    )
    const r = resolver()
    const seen = repo.requests.length
    const { out, deps } = await packageAndUnpack(dir, r)
    expect(deps).toEqual([
      { name: 'twice', alias: 'first', version: '3.1.0', source: `${TWICE}/twice-3.1.0.tgz` },
      { name: 'twice', alias: 'second', version: '3.1.0', source: `${TWICE}/twice-3.1.0.tgz` }
    ])
    expect(repo.requests.slice(seen).map((q) => q.path)).toEqual(['/twice/index.yaml', '/twice/twice-3.1.0.tgz'])
    expect(r.fetches).toBe(2)
    expect(readdirSync(path.join(out, 'charts'))).toEqual(['twice'])

    // Another chart of the run locking the same archive: answered from the cache, no request and no new fetch.
    const other = lockedChart('twice-again', TWICE, [['twice', '3.x', '3.1.0']])
    const again = await packageAndUnpack(other, r)
    expect(again.deps).toEqual([{ name: 'twice', version: '3.1.0', source: `${TWICE}/twice-3.1.0.tgz` }])
    expect(repo.requests.length).toBe(seen + 2)
    expect(r.fetches).toBe(2)
  })
})
