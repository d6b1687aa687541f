/**
 * The `helm dependency build` flow of the resolver, case by case, where it decides without a network: what charts/
 * holds (Manager.downloadAll's range check, safeMoveDeps), the lock (Build's checks, then its versions) and the error
 * each refusal gives. Dependencies come from file:// directories (packaged in-process, as tarFromLocalDir does) and,
 * for a download that is not a chart, from a loopback HTTPS chart repository. Lock digests are sha256 over the JSON
 * Helm's HashReq marshals, written out here (see /work/shared/reference/helm-dependencies.md for Helm-made vectors).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { loadChartDir } from '../../../src/chart'
import { DependencyResolver } from '../../../src/chart/dependencies/resolve'
import { RegistryClient } from '../../../src/oci/client'
import { ChartError } from '../../../src/errors'
import { caught } from '../../support/caught'
import { indexYaml, sha256Hex, startChartRepo, tarChart, type ChartRepo } from '../../support/emulators/chart-repo'
import { makeTestPki, type TestPki } from '../../support/tls'

const WHEN = new Date(1_700_000_000_000)
const hashed = (json: string): string => `sha256:${createHash('sha256').update(json).digest('hex')}`

let tmp: string
let pki: TestPki | undefined
let repo: ChartRepo | undefined
const server = (): ChartRepo => repo!

const USER = 'puller'
const PASSWORD = 'pl-pass-5678'

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hop-build-'))
  pki = makeTestPki()
  repo = await startChartRepo({ pki, auth: { username: USER, password: PASSWORD, paths: /^\/private\// } })
})
afterAll(async () => {
  await repo?.stop()
  pki?.remove()
  rmSync(tmp, { recursive: true, force: true })
})

function writeChart(dir: string, chartYaml: string, files: Record<string, string> = {}): string {
  for (const [f, c] of Object.entries({ 'Chart.yaml': chartYaml, 'values.yaml': 'a: 1\n', ...files })) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    writeFileSync(path.join(dir, f), c)
  }
  return dir
}

const resolver = (repositories: Array<{ name: string; url: string }> = []): DependencyResolver =>
  new DependencyResolver({
    repositories,
    ca: pki?.ca,
    workDir: path.join(tmp, 'work'),
    ociClient: (host) => new RegistryClient({ host, plainHttp: true })
  })

async function resolveDir(dir: string, where: string, r = resolver()) {
  const chart = await loadChartDir(dir, where)
  const deps = await r.resolve(chart, dir, WHEN)
  return { chart, deps, r }
}

describe('what charts/ must hold before anything is fetched', () => {
  test('a dependency without a repository that charts/ lacks: refused, naming it, the dependencies file and what to do', async () => {
    writeChart(path.join(tmp, 'lack/common'), 'apiVersion: v2\nname: common\nversion: 1.0.0\n')
    const dir = writeChart(
      path.join(tmp, 'lack/app'),
      'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: common\n  version: 1.x\n  repository: file://../common\n- name: db\n  version: 1.x\n'
    )
    const err = await caught<ChartError>(resolveDir(dir, 'charts/app'))
    expect(err).toBeInstanceOf(ChartError)
    // pkg/action CheckDependencies: "found in Chart.yaml, but missing in charts/ directory: NAME".
    expect(err.message).toBe('found in Chart.yaml, but missing in charts/ directory: db')
    expect(err).toMatchObject({ chart: 'charts/app', file: path.join('charts/app', 'Chart.yaml') })
    expect(err.hint).toBe('Dependency db has no repository, so it must be vendored in charts/: add it there, or give its repository in Chart.yaml')
  })

  test('apiVersion v1: the same refusal names requirements.yaml, where its dependencies are declared', async () => {
    const dir = writeChart(path.join(tmp, 'lack-v1'), 'apiVersion: v1\nname: old\nversion: 1.0.0\n', {
      'requirements.yaml': 'dependencies:\n- name: db\n  version: 1.x\n'
    })
    const err = await caught<ChartError>(resolveDir(dir, 'old'))
    expect(err.message).toBe('found in requirements.yaml, but missing in charts/ directory: db')
    expect(err.file).toBe(path.join('old', 'requirements.yaml'))
    expect(err.hint).toMatch(/give its repository in requirements\.yaml$/)
  })

  test('a directory in charts/ for a dependency with a repository, outside the range: refused (downloadAll range check), not replaced', async () => {
    writeChart(path.join(tmp, 'dirold/common'), 'apiVersion: v2\nname: common\nversion: 1.0.0\n')
    const dir = writeChart(
      path.join(tmp, 'dirold/app'),
      'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: common\n  version: ^1.0.0\n  repository: file://../common\n- name: web\n  version: ~2.0\n  repository: https://charts.example.invalid/\n',
      { 'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 2.1.0\n' }
    )
    const err = await caught<ChartError>(resolveDir(dir, 'app'))
    expect(err).toBeInstanceOf(ChartError)
    // Manager.downloadAll: "dependency %s at version %s does not satisfy the constraint %s".
    expect(err.message).toBe(
      'dependency web at version 2.1.0 does not satisfy the constraint ~2.0; charts/web is a directory, so it is not replaced by a download'
    )
    expect(err).toMatchObject({ chart: 'app', file: path.join('app', 'Chart.yaml') })
    expect(err.hint).toBe('Remove charts/web/ so the action fetches web from https://charts.example.invalid/, or put a version in range there')
  })

  test('a dependency without a repository whose range does not parse: refused with Helm\'s "invalid version/constraint format"', async () => {
    writeChart(path.join(tmp, 'badrange/lib'), 'apiVersion: v2\nname: lib\nversion: 1.0.0\n')
    const dir = writeChart(
      path.join(tmp, 'badrange/app'),
      'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: 1.x\n  repository: file://../lib\n- name: common\n  version: latest\n',
      { 'charts/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 1.0.0\n' }
    )
    const err = await caught<ChartError>(resolveDir(dir, 'app'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toMatch(/^dependency common has an invalid version\/constraint format: improper constraint: "?latest"?$/)
    expect(err.file).toBe(path.join('app', 'Chart.yaml'))
  })

  test('everything in charts/ (helm package, no build): a range that does not parse is a warning, and nothing is fetched', async () => {
    const dir = writeChart(path.join(tmp, 'allhere'), 'apiVersion: v2\nname: allhere\nversion: 1.0.0\ndependencies:\n- name: common\n  version: latest\n', {
      'charts/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 1.0.0\n'
    })
    const { chart, deps, r } = await resolveDir(dir, 'allhere')
    expect(deps).toEqual([{ name: 'common', version: '1.0.0', source: 'charts/' }])
    expect(chart.warnings).toHaveLength(1)
    expect(chart.warnings[0]).toMatch(
      /^dependency common has an invalid version\/constraint format: improper constraint: "?latest"? \(helm dependency build would refuse it; helm package accepts it\)$/
    )
    expect(r.fetches).toBe(0)
    expect(chart.lock).toBeUndefined()
  })

  test('a dependency declared twice under aliases, both vendored: no warning, one entry per declaration', async () => {
    const dir = writeChart(
      path.join(tmp, 'aliased'),
      'apiVersion: v2\nname: aliased\nversion: 1.0.0\ndependencies:\n- name: common\n  alias: a\n  version: 1.x\n- name: common\n  alias: b\n  version: ">=1.0.0"\n',
      { 'charts/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 1.2.3\n' }
    )
    const { chart, deps } = await resolveDir(dir, 'aliased')
    expect(deps).toEqual([
      { name: 'common', alias: 'a', version: '1.2.3', source: 'charts/' },
      { name: 'common', alias: 'b', version: '1.2.3', source: 'charts/' }
    ])
    expect(chart.warnings).toEqual([])
  })
})

describe('the lock, as Manager.Build reads it', () => {
  /** A file:// dependency `lib` at `version` beside the chart `name`, which declares it with `range`. */
  function withLib(name: string, range: string, version: string, files: Record<string, string> = {}, apiVersion = 'v2'): string {
    writeChart(path.join(tmp, name, 'lib'), `apiVersion: v2\nname: lib\nversion: ${version}\n`, { 'templates/cm.yaml': 'kind: ConfigMap\n' })
    const decl = `dependencies:\n- name: lib\n  version: ${range}\n  repository: file://../lib\n`
    return writeChart(
      path.join(tmp, name, 'app'),
      `apiVersion: ${apiVersion}\nname: app\nversion: 1.0.0\n${apiVersion === 'v1' ? '' : decl}`,
      apiVersion === 'v1' ? { 'requirements.yaml': decl, ...files } : files
    )
  }

  test('a lock whose digest matches but that lists no version for a dependency: refused, naming the lock file', async () => {
    // Build checks HashReq(req, lock.dependencies) only; a lock that lists something else can carry a matching digest.
    const req = '[{"name":"lib","version":"1.x","repository":"file://../lib"}]'
    const lockDeps = '[{"name":"other","version":"1.0.0","repository":"file://../other"}]'
    const dir = withLib('nolock', '1.x', '1.0.0', {
      'Chart.lock': `dependencies:\n- name: other\n  repository: file://../other\n  version: 1.0.0\ndigest: ${hashed(`[${req},${lockDeps}]`)}\ngenerated: "2026-01-01T00:00:00Z"\n`
    })
    const err = await caught<ChartError>(resolveDir(dir, 'app'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe('Chart.lock has no version for dependency lib')
    expect(err).toMatchObject({ chart: 'app', file: path.join('app', 'Chart.lock') })
    expect(err.hint).toBe('Run `helm dependency update app` and commit the new Chart.lock')
  })

  test('a lock entry without a version, and a null entry, count as no version', async () => {
    const req = '[{"name":"lib","version":"1.x","repository":"file://../lib"}]'
    const lockDeps = '[null,{"name":"lib","repository":"file://../lib"}]'
    const dir = withLib('noversion', '1.x', '1.0.0', {
      'Chart.lock': `dependencies:\n- null\n- name: lib\n  repository: file://../lib\ndigest: ${hashed(`[${req},${lockDeps}]`)}\ngenerated: "2026-01-01T00:00:00Z"\n`
    })
    const err = await caught<ChartError>(resolveDir(dir, 'app'))
    expect(err.message).toBe('Chart.lock has no version for dependency lib')
  })

  test('apiVersion v1: requirements.lock is the file named', async () => {
    const req = '[{"name":"lib","version":"1.x","repository":"file://../lib"}]'
    const lockDeps = '[]'
    const dir = withLib(
      'nolock-v1',
      '1.x',
      '1.0.0',
      { 'requirements.lock': `dependencies: []\ndigest: ${hashed(`[${req},${lockDeps}]`)}\ngenerated: "2026-01-01T00:00:00Z"\n` },
      'v1'
    )
    const err = await caught<ChartError>(resolveDir(dir, 'app'))
    expect(err.message).toBe('requirements.lock has no version for dependency lib')
    expect(err).toMatchObject({ chart: 'app', file: path.join('app', 'requirements.lock') })
    expect(err.hint).toBe('Run `helm dependency update app` and commit the new requirements.lock')
  })

  test('a matching lock: the locked version is used and the lock goes into the package as it was', async () => {
    const req = '[{"name":"lib","version":"1.x","repository":"file://../lib"}]'
    const lockDeps = '[{"name":"lib","version":"1.0.0","repository":"file://../lib"}]'
    const digest = hashed(`[${req},${lockDeps}]`)
    const dir = withLib('locked', '1.x', '1.0.0', {
      'Chart.lock': `dependencies:\n- name: lib\n  repository: file://../lib\n  version: 1.0.0\ndigest: ${digest}\ngenerated: "2026-01-01T00:00:00Z"\n`
    })
    const { chart, deps } = await resolveDir(dir, 'app')
    expect(deps).toEqual([{ name: 'lib', version: '1.0.0', source: 'file://../lib' }])
    expect(chart.lock?.digest).toBe(digest)
    expect(chart.dependencies.map((c) => `${c.metadata.name}@${c.metadata.version} ${c.where}`)).toEqual(['lib@1.0.0 app/charts/lib-1.0.0.tgz'])
  })

  test('no lock: a new one, generated at the given time, whose digest is HashReq of the ranges and the resolved versions', async () => {
    const dir = withLib('fresh', '">= 1.0, < 2.0"', '1.4.0')
    const { chart, deps } = await resolveDir(dir, 'app')
    expect(deps).toEqual([{ name: 'lib', version: '1.4.0', source: 'file://../lib' }])
    const req = '[{"name":"lib","version":"\\u003e= 1.0, \\u003c 2.0","repository":"file://../lib"}]'
    const lockDeps = '[{"name":"lib","version":"1.4.0","repository":"file://../lib"}]'
    expect(chart.lock).toEqual({
      dependencies: [{ name: 'lib', repository: 'file://../lib', version: '1.4.0' }],
      digest: hashed(`[${req},${lockDeps}]`),
      generated: '2023-11-14T22:13:20Z'
    })
  })
})

describe('a download that is not a chart', () => {
  test('refused, naming the dependency, its version and URL, and what Helm would fail on', async () => {
    const repo = server()
    const junk = Buffer.from('<html>not a chart</html>')
    repo.put('/junk/bad-1.0.0.tgz', junk)
    repo.put('/junk/index.yaml', indexYaml([{ name: 'bad', version: '1.0.0', url: 'bad-1.0.0.tgz', digest: sha256Hex(junk) }]))
    const dir = writeChart(
      path.join(tmp, 'junk-app'),
      `apiVersion: v2\nname: junk-app\nversion: 1.0.0\ndependencies:\n- name: bad\n  version: 1.0.0\n  repository: ${repo.origin}/junk\n`
    )
    const err = await caught<ChartError>(resolveDir(dir, 'junk-app'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message.startsWith(`dependency bad 1.0.0 from ${repo.origin}/junk/bad-1.0.0.tgz is not a valid chart: `)).toBe(true)
    expect(err.message.length).toBeGreaterThan(`dependency bad 1.0.0 from ${repo.origin}/junk/bad-1.0.0.tgz is not a valid chart: `.length)
    expect(err).toMatchObject({ chart: 'junk-app', hint: 'Pin another version, or ask the repository owner to republish it' })
    expect(err.cause).toBeInstanceOf(Error)
    expect(err.message).toContain((err.cause as Error).message)
  })
})

describe('repositories: by name, by URL, and what is looked up once', () => {
  /** Serves `name` at each version under `base` (newest first in index.yaml, as `helm repo index` sorts). */
  function serve(base: string, name: string, versions: string[]): void {
    const entries = versions.map((version) => {
      const data = tarChart({ name, version })
      server().put(`${base}${name}-${version}.tgz`, data)
      return { name, version, url: `${name}-${version}.tgz`, digest: sha256Hex(data) }
    })
    server().put(`${base}index.yaml`, indexYaml(entries))
  }

  test("a dependency that writes a configured repository's URL gets its credentials (Helm findChartURL: urlutil.Equal)", async () => {
    serve('/private/', 'secret', ['1.0.0'])
    const url = `${server().origin}/private`
    const dir = writeChart(
      path.join(tmp, 'by-url'),
      `apiVersion: v2\nname: by-url\nversion: 1.0.0\ndependencies:\n- name: secret\n  version: 1.x\n  repository: ${url}\n`
    )
    const seen = server().requests.length
    const r = new DependencyResolver({
      repositories: [{ name: 'private', url: `${url}/`, username: USER, password: PASSWORD }],
      ca: pki!.ca,
      workDir: path.join(tmp, 'work'),
      ociClient: (host) => new RegistryClient({ host, plainHttp: true })
    })
    const { deps, chart } = await resolveDir(dir, 'by-url', r)
    expect(deps).toEqual([{ name: 'secret', version: '1.0.0', source: `${url}/secret-1.0.0.tgz` }])
    const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`
    expect(
      server()
        .requests.slice(seen)
        .map((q) => `${q.path} ${q.authorization}`)
    ).toEqual([`/private/index.yaml ${basic}`, `/private/secret-1.0.0.tgz ${basic}`])
    // The lock records the repository as Chart.yaml writes it (resolveRepoNames rewrites only @name and alias:name).
    expect(chart.lock?.dependencies).toEqual([{ name: 'secret', repository: url, version: '1.0.0' }])
  })

  test('an unknown alias:name: Helm\'s "no repository definition", and the repositories entry that would fix it', async () => {
    const dir = writeChart(
      path.join(tmp, 'unknown-alias'),
      'apiVersion: v2\nname: unknown-alias\nversion: 1.0.0\ndependencies:\n- name: x\n  version: 1.0.0\n  repository: alias:elsewhere\n'
    )
    const err = await caught<ChartError>(resolveDir(dir, 'unknown-alias', resolver([{ name: 'other', url: 'https://charts.example.invalid/' }])))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe('no repository definition for alias:elsewhere (dependency x)')
    expect(err.chart).toBe('unknown-alias')
    expect(err.hint).toBe('Add "elsewhere=https://…" to the repositories input of this action (it replaces `helm repo add elsewhere …`)')
  })

  test('no version in range: the five newest the repository lists, and what to change', async () => {
    serve('/seven/', 'seven', ['2.0.0', '1.6.0', '1.5.0', '1.4.0', '1.3.0', '1.2.0', '1.1.0'])
    const url = `${server().origin}/seven`
    const dir = writeChart(
      path.join(tmp, 'seven-app'),
      `apiVersion: v2\nname: seven-app\nversion: 1.0.0\ndependencies:\n- name: seven\n  version: ^3.0.0\n  repository: ${url}\n`
    )
    const err = await caught<ChartError>(resolveDir(dir, 'charts/seven-app'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe(
      `can't get a valid version for dependency seven: no version in ${url} satisfies "^3.0.0" (newest: 2.0.0, 1.6.0, 1.5.0, 1.4.0, 1.3.0)`
    )
    expect(err).toMatchObject({ chart: 'charts/seven-app', registry: url, file: path.join('charts/seven-app', 'Chart.yaml') })
    expect(err.hint).toBe(`Change the version constraint of seven in Chart.yaml, or publish a matching version to ${url}`)
  })

  test("a range that does not parse, without a lock: Helm Resolver's message, before any request", async () => {
    const seen = server().requests.length
    const dir = writeChart(
      path.join(tmp, 'badrange-repo'),
      `apiVersion: v2\nname: badrange-repo\nversion: 1.0.0\ndependencies:\n- name: seven\n  version: latest\n  repository: ${server().origin}/seven\n`
    )
    const err = await caught<ChartError>(resolveDir(dir, 'badrange-repo'))
    expect(err).toBeInstanceOf(ChartError)
    // internal/resolver Resolve: `dependency %q has an invalid version/constraint format: %w` (the name quoted).
    expect(err.message).toMatch(/^dependency "seven" has an invalid version\/constraint format: improper constraint: "?latest"?$/)
    expect(err).toMatchObject({ chart: 'badrange-repo', file: path.join('badrange-repo', 'Chart.yaml') })
    expect(err.hint).toBe('Write a version or range such as 1.2.3, ^1.2.0, ~1.2, 1.2.* or ">= 1.0, < 2.0"')
    expect(server().requests.length).toBe(seen)
  })

  test('the same file:// directory for two charts of the run is packaged once: a lookup from the cache, not a fetch', async () => {
    writeChart(path.join(tmp, 'shared/lib'), 'apiVersion: v2\nname: lib\nversion: 1.0.0\n')
    const r = resolver()
    for (const name of ['one', 'two']) {
      const dir = writeChart(
        path.join(tmp, 'shared', name),
        `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: 1.x\n  repository: file://../lib\n`
      )
      const { deps } = await resolveDir(dir, name, r)
      expect(deps).toEqual([{ name: 'lib', version: '1.0.0', source: 'file://../lib' }])
    }
    expect(r.fetches).toBe(0)
    expect(r.reused).toBe(1)
  })
})
