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
import { pushOci } from '../../support/oci-push'
import { startRegistry } from '../../support/registry'

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
    expect(err.hint).toBe('Put a version of common that satisfies "latest" into charts/, or change the range in Chart.yaml')
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
    // index.yaml and the archive: two network fetches.
    expect(r.fetches).toBe(2)
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

describe('the build flow, case by case', () => {
  const lib = (dir: string, name: string, version: string): string => writeChart(path.join(dir, name), `apiVersion: v2\nname: ${name}\nversion: ${version}\n`)

  test('a chart without dependencies: nothing to resolve, nothing added', async () => {
    const dir = writeChart(path.join(tmp, 'nodeps'), 'apiVersion: v2\nname: nodeps\nversion: 1.0.0\n')
    const { chart, deps, r } = await resolveDir(dir, 'nodeps')
    expect(deps).toEqual([])
    expect(chart.dependencies).toEqual([])
    expect(chart.lock).toBeUndefined()
    expect(r.fetches + r.reused).toBe(0)
  })

  test("what charts/ holds when the build runs (safeMoveDeps): archives of fetched dependencies replaced, undeclared ones dropped, the local dependency's archive and directories kept", async () => {
    const base = path.join(tmp, 'move')
    lib(base, 'lib', '1.2.0')
    lib(base, 'web', '3.0.0')
    lib(base, 'extra', '0.1.0')
    const dir = writeChart(
      path.join(base, 'app'),
      [
        'apiVersion: v2',
        'name: app',
        'version: 1.0.0',
        'dependencies:',
        '- name: lib',
        '  version: 1.x',
        '  repository: file://../lib',
        '- name: web',
        '  version: ~2.1',
        '  repository: file://../web',
        '- name: common',
        '  version: ^1.0.0',
        '- name: extra',
        '  version: 0.x',
        '  repository: file://../extra',
        ''
      ].join('\n'),
      { 'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 2.1.5\n' }
    )
    writeFileSync(path.join(dir, 'charts/lib-1.0.0.tgz'), tarChart({ name: 'lib', version: '1.0.0' }))
    writeFileSync(path.join(dir, 'charts/common-1.1.0.tgz'), tarChart({ name: 'common', version: '1.1.0' }))
    writeFileSync(path.join(dir, 'charts/stale-0.1.0.tgz'), tarChart({ name: 'stale', version: '0.1.0' }))
    const { chart, deps } = await resolveDir(dir, 'app')
    expect(deps).toEqual([
      { name: 'lib', version: '1.2.0', source: 'file://../lib' },
      { name: 'web', version: '2.1.5', source: 'charts/' },
      { name: 'common', version: '1.1.0', source: 'charts/' },
      { name: 'extra', version: '0.1.0', source: 'file://../extra' }
    ])
    expect(chart.dependencies.map((c) => `${c.metadata.name}@${c.metadata.version}`).sort()).toEqual(['common@1.1.0', 'extra@0.1.0', 'lib@1.2.0', 'web@2.1.5'])
    expect(chart.warnings).toEqual([
      'dependency web names repository file://../web but charts/web/ is a directory: packaged as it is, at version 2.1.5 (helm dependency build would add the download next to it)',
      'charts/stale-0.1.0.tgz (stale 0.1.0) is not a dependency in Chart.yaml: left out, as helm dependency build deletes it'
    ])
    // Resolver.Resolve locks a dependency without a repository with its range as written.
    expect(chart.lock?.dependencies).toEqual([
      { name: 'lib', repository: 'file://../lib', version: '1.2.0' },
      { name: 'web', repository: 'file://../web', version: '2.1.5' },
      { name: 'common', repository: '', version: '^1.0.0' },
      { name: 'extra', repository: 'file://../extra', version: '0.1.0' }
    ])
    // apiVersion v2: the lock is Chart.lock (chart.lock), never a requirements.lock among the files.
    expect(chart.files.map((f) => f.name)).toEqual([])
  })

  test('a directory in charts/ names an @repository nobody configured: packaged as it is, the lock keeps the name', async () => {
    const dir = writeChart(
      path.join(tmp, 'dir-at'),
      'apiVersion: v2\nname: dir-at\nversion: 1.0.0\ndependencies:\n- name: web\n  version: 2.x\n  repository: "@nowhere"\n- name: lib\n  version: 1.x\n  repository: file://../lib\n',
      {
        'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 2.0.0\n'
      }
    )
    lib(tmp, 'lib', '1.0.0')
    const { chart, deps } = await resolveDir(dir, 'dir-at')
    expect(deps.map((d) => `${d.name}@${d.version} ${d.source}`)).toEqual(['web@2.0.0 charts/', 'lib@1.0.0 file://../lib'])
    expect(chart.lock?.dependencies?.[0]).toEqual({ name: 'web', repository: '@nowhere', version: '2.0.0' })
  })

  test('a directory in charts/ names a configured @repository or alias:: the lock records its URL (resolveRepoNames), an unknown one stays as written', async () => {
    const dir = writeChart(
      path.join(tmp, 'dir-named'),
      'apiVersion: v2\nname: dir-named\nversion: 1.0.0\ndependencies:\n- name: web\n  version: 2.x\n  repository: "@somewhere"\n- name: api\n  version: 1.x\n  repository: alias:somewhere\n- name: ui\n  version: 1.x\n  repository: "@elsewhere"\n- name: lib\n  version: 1.x\n  repository: file://../lib\n',
      {
        'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 2.0.0\n',
        'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.1.0\n',
        'charts/ui/Chart.yaml': 'apiVersion: v2\nname: ui\nversion: 1.2.0\n'
      }
    )
    lib(tmp, 'lib', '1.0.0')
    const { chart } = await resolveDir(dir, 'dir-named', resolver([{ name: 'somewhere', url: 'https://charts.example.invalid/x' }]))
    expect(chart.lock?.dependencies).toEqual([
      { name: 'web', repository: 'https://charts.example.invalid/x', version: '2.0.0' },
      { name: 'api', repository: 'https://charts.example.invalid/x', version: '1.1.0' },
      { name: 'ui', repository: '@elsewhere', version: '1.2.0' },
      { name: 'lib', repository: 'file://../lib', version: '1.0.0' }
    ])
  })

  test('apiVersion v1, requirements.lock among the files: first when every file sorts after it, last when all sort before; a dir-only .helmignore rule keeps it', async () => {
    const base = path.join(tmp, 'v1-edges')
    lib(base, 'lib', '1.0.0')
    const req = 'dependencies:\n- name: lib\n  version: 1.x\n  repository: file://../lib\n'
    // Only requirements.yaml, which sorts after requirements.lock.
    const first = writeChart(path.join(base, 'first'), 'apiVersion: v1\nname: first\nversion: 1.0.0\n', { 'requirements.yaml': req })
    expect((await resolveDir(first, 'first')).chart.files.map((f) => f.name)).toEqual(['requirements.lock', 'requirements.yaml'])
    // Dependencies in Chart.yaml (Helm's loader reads them for any apiVersion) and one file before: the lock goes last.
    const last = writeChart(path.join(base, 'last'), `apiVersion: v1\nname: last\nversion: 1.0.0\n${req}`, { 'a.txt': 'a\n' })
    const got = await resolveDir(last, 'last')
    expect(got.chart.lock?.dependencies).toEqual([{ name: 'lib', repository: 'file://../lib', version: '1.0.0' }])
    expect(got.chart.files.map((f) => f.name)).toEqual(['a.txt', 'requirements.lock'])
    // pkg/ignore: a rule ending in "/" matches directories only, so it does not leave the lock file out.
    const dirRule = writeChart(path.join(base, 'dirrule'), 'apiVersion: v1\nname: dirrule\nversion: 1.0.0\n', {
      'requirements.yaml': req,
      '.helmignore': 'requirements.lock/\n'
    })
    expect((await resolveDir(dirRule, 'dirrule')).chart.files.map((f) => f.name)).toContain('requirements.lock')
  })

  test('a lock with a dependency without a repository: it stays as vendored, the others come at their locked versions', async () => {
    const base = path.join(tmp, 'lock-local')
    lib(base, 'lib', '1.0.0')
    const req = '[{"name":"common","version":"1.x","repository":""},{"name":"lib","version":"1.x","repository":"file://../lib"}]'
    const locked = '[{"name":"common","version":"1.x","repository":""},{"name":"lib","version":"1.0.0","repository":"file://../lib"}]'
    const dir = writeChart(
      path.join(base, 'app'),
      'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: common\n  version: 1.x\n- name: lib\n  version: 1.x\n  repository: file://../lib\n',
      {
        'charts/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 1.3.0\n',
        'Chart.lock': `dependencies:\n- name: common\n  repository: ""\n  version: 1.x\n- name: lib\n  repository: file://../lib\n  version: 1.0.0\ndigest: ${hashed(`[${req},${locked}]`)}\ngenerated: "2026-01-01T00:00:00Z"\n`
      }
    )
    const { chart, deps } = await resolveDir(dir, 'app')
    expect(deps).toEqual([
      { name: 'common', version: '1.3.0', source: 'charts/' },
      { name: 'lib', version: '1.0.0', source: 'file://../lib' }
    ])
    expect(chart.dependencies.map((c) => c.metadata.name).sort()).toEqual(['common', 'lib'])
  })

  test('a lock whose dependencies are null (Go marshals a nil list so): no version for the dependency', async () => {
    const base = path.join(tmp, 'lock-null')
    lib(base, 'lib', '1.0.0')
    const req = '[{"name":"lib","version":"1.x","repository":"file://../lib"}]'
    const dir = writeChart(
      path.join(base, 'app'),
      'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: 1.x\n  repository: file://../lib\n',
      {
        'Chart.lock': `dependencies: null\ndigest: ${hashed(`[${req},null]`)}\ngenerated: "2026-01-01T00:00:00Z"\n`
      }
    )
    const err = await caught<ChartError>(resolveDir(dir, 'app'))
    expect(err.message).toBe('Chart.lock has no version for dependency lib')
  })

  test('apiVersion v1 without a lock: requirements.lock goes among the files where the directory walk (lexical) puts it', async () => {
    const base = path.join(tmp, 'v1-walk')
    lib(base, 'lib', '1.0.0')
    const dir = writeChart(path.join(base, 'app'), 'apiVersion: v1\nname: app\nversion: 1.0.0\n', {
      'requirements.yaml': 'dependencies:\n- name: lib\n  version: 1.x\n  repository: file://../lib\n',
      'README.md': 'r\n',
      'files/a.txt': 'a\n',
      'zz/b.txt': 'b\n'
    })
    const { chart } = await resolveDir(dir, 'app')
    expect(chart.files.map((f) => f.name)).toEqual(['README.md', 'files/a.txt', 'requirements.lock', 'requirements.yaml', 'zz/b.txt'])
    const req = '[{"name":"lib","version":"1.x","repository":"file://../lib"}]'
    const locked = '[{"name":"lib","version":"1.0.0","repository":"file://../lib"}]'
    const lockFile = chart.files.find((f) => f.name === 'requirements.lock')!
    const chunks: Buffer[] = []
    for await (const c of lockFile.open()) chunks.push(Buffer.from(c as Buffer))
    expect(Buffer.concat(chunks).toString()).toBe(
      `dependencies:\n- name: lib\n  repository: file://../lib\n  version: 1.0.0\ndigest: ${hashed(`[${req},${locked}]`)}\ngenerated: "2023-11-14T22:13:20Z"\n`
    )
  })

  test('apiVersion v1 with only files before requirements.lock: it goes last; with .helmignore leaving *.lock out: not at all', async () => {
    const base = path.join(tmp, 'v1-last')
    lib(base, 'lib', '1.0.0')
    const v1 = (name: string, files: Record<string, string>): string =>
      writeChart(path.join(base, name), `apiVersion: v1\nname: ${name}\nversion: 1.0.0\n`, {
        'requirements.yaml': 'dependencies:\n- name: lib\n  version: 1.x\n  repository: file://../lib\n',
        ...files
      })
    const last = await resolveDir(v1('first', { 'a.txt': 'a\n' }), 'first')
    expect(last.chart.files.map((f) => f.name)).toEqual(['a.txt', 'requirements.lock', 'requirements.yaml'])
    const ignored = await resolveDir(v1('second', { 'a.txt': 'a\n', '.helmignore': '*.lock\n' }), 'second')
    expect(ignored.chart.files.map((f) => f.name)).not.toContain('requirements.lock')
    expect(ignored.chart.lock?.dependencies).toEqual([{ name: 'lib', repository: 'file://../lib', version: '1.0.0' }])
  })

  test('one file:// chart under two aliases is added once (Helm saves the same charts/<name>-<version>.tgz twice)', async () => {
    const base = path.join(tmp, 'two-alias')
    lib(base, 'lib', '1.0.0')
    const dir = writeChart(
      path.join(base, 'app'),
      'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: lib\n  alias: a\n  version: 1.x\n  repository: file://../lib\n- name: lib\n  alias: b\n  version: 1.x\n  repository: file://../lib\n'
    )
    const { chart, deps } = await resolveDir(dir, 'app')
    expect(deps).toEqual([
      { name: 'lib', alias: 'a', version: '1.0.0', source: 'file://../lib' },
      { name: 'lib', alias: 'b', version: '1.0.0', source: 'file://../lib' }
    ])
    expect(chart.dependencies.map((c) => c.where)).toEqual(['app/charts/lib-1.0.0.tgz'])
  })

  test('a dependency without a version: Masterminds refuses the empty constraint (a warning when all is vendored, an error when resolving)', async () => {
    const vendored = writeChart(path.join(tmp, 'nover-vendored'), 'apiVersion: v2\nname: nv\nversion: 1.0.0\ndependencies:\n- name: common\n', {
      'charts/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 1.0.0\n'
    })
    const { chart } = await resolveDir(vendored, 'nv')
    expect(chart.warnings).toHaveLength(1)
    expect(chart.warnings[0]).toMatch(/^dependency common has an invalid version\/constraint format: improper constraint: (""|) \(helm dependency build/)
    const base = path.join(tmp, 'nover')
    lib(base, 'lib', '1.0.0')
    const dir = writeChart(path.join(base, 'app'), 'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: lib\n  repository: file://../lib\n')
    const err = await caught<ChartError>(resolveDir(dir, 'app'))
    expect(err.message).toMatch(/^dependency "lib" has an invalid version\/constraint format: improper constraint: (""|)$/)
    // When the build runs, the one without a repository is refused (Manager.downloadAll), and the hint quotes the empty range.
    const both = writeChart(
      path.join(base, 'both'),
      'apiVersion: v2\nname: both\nversion: 1.0.0\ndependencies:\n- name: common\n- name: lib\n  version: 1.x\n  repository: file://../lib\n',
      {
        'charts/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 1.0.0\n'
      }
    )
    const refused = await caught<ChartError>(resolveDir(both, 'both'))
    expect(refused.message).toMatch(/^dependency common has an invalid version\/constraint format: improper constraint: (""|)$/)
    expect(refused.hint).toBe('Put a version of common that satisfies "" into charts/, or change the range in Chart.yaml')
  })
})

describe('repositories by @name and alias:, and each index fetched once', () => {
  test('@name and alias:name become the configured URL (resolveRepoNames) in the lock digest; its credentials are sent; one index for url and url/', async () => {
    const url = `${server().origin}/private`
    const seven = `${server().origin}/seven`
    const dir = writeChart(
      path.join(tmp, 'named'),
      'apiVersion: v2\nname: named\nversion: 1.0.0\ndependencies:\n' +
        '- name: secret\n  alias: one\n  version: 1.x\n  repository: "@private"\n' +
        '- name: secret\n  alias: two\n  version: 1.x\n  repository: alias:private\n' +
        `- name: seven\n  version: 1.x\n  repository: ${seven}\n` +
        `- name: seven\n  alias: again\n  version: ~1.5\n  repository: ${seven}/\n`
    )
    const r = new DependencyResolver({
      repositories: [{ name: 'private', url: `${url}/`, username: USER, password: PASSWORD }],
      ca: pki!.ca,
      workDir: path.join(tmp, 'work'),
      ociClient: (host) => new RegistryClient({ host, plainHttp: true })
    })
    const seen = server().requests.length
    const { chart, deps } = await resolveDir(dir, 'named', r)
    expect(deps.map((d) => `${d.alias}:${d.name}@${d.version}`)).toEqual(['one:secret@1.0.0', 'two:secret@1.0.0', 'undefined:seven@1.6.0', 'again:seven@1.5.0'])
    const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`
    const got = server().requests.slice(seen)
    expect(got.filter((q) => q.path.startsWith('/private/')).map((q) => `${q.path} ${q.authorization}`)).toEqual([
      `/private/index.yaml ${basic}`,
      `/private/secret-1.0.0.tgz ${basic}`
    ])
    // Helm dedupeRepos: a repository written with and without the trailing slash is one index.
    expect(got.filter((q) => q.path.endsWith('index.yaml')).map((q) => q.path)).toEqual(['/private/index.yaml', '/seven/index.yaml'])
    expect(r.fetches).toBe(5)
    const reqJson =
      `[{"name":"secret","version":"1.x","repository":"${url}/","alias":"one"},{"name":"secret","version":"1.x","repository":"${url}/","alias":"two"},` +
      `{"name":"seven","version":"1.x","repository":"${seven}"},{"name":"seven","version":"~1.5","repository":"${seven}/","alias":"again"}]`
    const lockJson =
      `[{"name":"secret","version":"1.0.0","repository":"${url}/"},{"name":"secret","version":"1.0.0","repository":"${url}/"},` +
      `{"name":"seven","version":"1.6.0","repository":"${seven}"},{"name":"seven","version":"1.5.0","repository":"${seven}/"}]`
    expect(chart.lock?.digest).toBe(hashed(`[${reqJson},${lockJson}]`))
  })

  test('a dependency written by URL on a configured repository: messages name the URL as Chart.yaml writes it', async () => {
    const url = `${server().origin}/private`
    const dir = writeChart(
      path.join(tmp, 'by-url-none'),
      `apiVersion: v2\nname: by-url-none\nversion: 1.0.0\ndependencies:\n- name: secret\n  version: ^9.0.0\n  repository: ${url}\n`
    )
    const r = new DependencyResolver({
      repositories: [{ name: 'private', url: `${url}/`, username: USER, password: PASSWORD }],
      ca: pki!.ca,
      workDir: path.join(tmp, 'work'),
      ociClient: (host) => new RegistryClient({ host, plainHttp: true })
    })
    const err = await caught<ChartError>(resolveDir(dir, 'by-url-none', r))
    expect(err.message).toBe(`can't get a valid version for dependency secret: no version in ${url} satisfies "^9.0.0" (newest: 1.0.0)`)
  })

  test('a repository configured with a user name only (a token): it is sent, with an empty password, as Go sends https://TOKEN@host/', async () => {
    const tokenRepo = await startChartRepo({ pki: pki!, auth: { username: 'tok-123', password: '', paths: /^\// } })
    try {
      const data = tarChart({ name: 'tokened', version: '1.0.0' })
      tokenRepo.put('/tokened-1.0.0.tgz', data)
      tokenRepo.put('/index.yaml', indexYaml([{ name: 'tokened', version: '1.0.0', url: 'tokened-1.0.0.tgz', digest: sha256Hex(data) }]))
      const dir = writeChart(
        path.join(tmp, 'tokened-app'),
        `apiVersion: v2\nname: tokened-app\nversion: 1.0.0\ndependencies:\n- name: tokened\n  version: 1.0.0\n  repository: ${tokenRepo.origin}\n`
      )
      const r = new DependencyResolver({
        repositories: [{ name: 'tok', url: tokenRepo.origin, username: 'tok-123' }],
        ca: pki!.ca,
        workDir: path.join(tmp, 'work'),
        ociClient: (host) => new RegistryClient({ host, plainHttp: true })
      })
      const { deps } = await resolveDir(dir, 'tokened-app', r)
      expect(deps).toEqual([{ name: 'tokened', version: '1.0.0', source: `${tokenRepo.origin}/tokened-1.0.0.tgz` }])
      expect(tokenRepo.requests.map((q) => q.authorization)).toEqual([
        `Basic ${Buffer.from('tok-123:').toString('base64')}`,
        `Basic ${Buffer.from('tok-123:').toString('base64')}`
      ])
    } finally {
      await tokenRepo.stop()
    }
  })

  test('two oci:// repositories in one run: each its own tag list', async () => {
    const reg = await startRegistry({ auth: 'none' })
    try {
      await pushOci(reg.url, 'team-a/lib', '1.1.0', tarChart({ name: 'lib', version: '1.1.0' }))
      await pushOci(reg.url, 'team-b/lib', '1.4.0', tarChart({ name: 'lib', version: '1.4.0' }))
      const r = resolver()
      const a = writeChart(
        path.join(tmp, 'oci-a'),
        `apiVersion: v2\nname: oci-a\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: 1.x\n  repository: oci://${reg.host}/team-a\n`
      )
      const b = writeChart(
        path.join(tmp, 'oci-b'),
        `apiVersion: v2\nname: oci-b\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: 1.x\n  repository: oci://${reg.host}/team-b\n`
      )
      expect((await resolveDir(a, 'oci-a', r)).deps).toEqual([{ name: 'lib', version: '1.1.0', source: `oci://${reg.host}/team-a/lib:1.1.0` }])
      expect((await resolveDir(b, 'oci-b', r)).deps).toEqual([{ name: 'lib', version: '1.4.0', source: `oci://${reg.host}/team-b/lib:1.4.0` }])
    } finally {
      await reg.stop()
    }
  })
})
