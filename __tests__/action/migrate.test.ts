/**
 * The migrate sub-action end to end (node dist/migrate/index.js, as
 * migrate/action.yml runs it): a classic repository of 50 versions (every
 * fifth with a .prov), made with tar | gzip and served on loopback behind
 * Basic auth, moves to a real registry. The first run is killed halfway; the
 * second finishes what is left and skips what is there; a third does
 * nothing. Every version is then read back independently: the chart layer is
 * the served archive byte for byte (its digest is the index's), the .prov is
 * the provenance layer, and the manifest has Helm's shape.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction } from '../support/action'
import { indexYaml, makeRepository, startChartRepository, type ChartRepositoryServer, type RepoVersion } from '../support/chart-repo'
import { registryReader, sha256, type RegistryReader } from '../support/oci-read'
import { startRegistry, type TestRegistry } from '../support/registry'

const CHART = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip'
const PROV = 'application/vnd.cncf.helm.chart.provenance.v1.prov'
const CONFIG = 'application/vnd.cncf.helm.config.v1+json'

describe('migrate', () => {
  let tmp: string
  let root: string
  let versions: RepoVersion[]
  let repo: ChartRepositoryServer
  let reg: TestRegistry
  let read: RegistryReader
  const repoUser = 'reader'
  const repoPassword = 'repo-secret-8f3a1c'

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'hop-migrate-'))
    root = path.join(tmp, 'repo')
    const range = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i))
    versions = makeRepository(
      root,
      [
        { name: 'alpha', versions: range(30, (i) => `1.${Math.floor(i / 10)}.${i % 10}`) },
        { name: 'beta', versions: [...range(18, (i) => `0.${i}.0`), '1.0.0-rc.1', '1.0.0+meta.2'] }
      ],
      5
    )
    if (versions.length !== 50) throw new Error(`the repository has ${versions.length} versions, not 50`)
    // Relative URLs for alpha, absolute ones for beta (as release-asset repositories write them).
    ;[repo, reg] = await Promise.all([startChartRepository(root, repoUser, repoPassword), startRegistry({ auth: 'htpasswd' })])
    writeFileSync(
      path.join(root, 'index.yaml'),
      indexYaml(versions, (v) => (v.name === 'alpha' ? v.file : `${repo.url}/${v.file}`))
    )
    read = registryReader(reg)
  })
  afterAll(async () => {
    await Promise.all([repo?.stop(), reg?.stop()])
    rmSync(tmp, { recursive: true, force: true })
  })

  const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
    repository: repo.url,
    'repository-username': repoUser,
    'repository-password': repoPassword,
    registry: `oci://${reg.host}/migrated`,
    username: reg.username,
    password: reg.password,
    sign: 'false',
    ...extra
  })
  const migrate = (extra: Record<string, string> = {}, signal?: AbortSignal) => runAction(inputs(extra), { action: 'migrate', workspace: tmp, signal })
  const tagCount = async (ns: string): Promise<number> => (await read.tags(`${ns}/alpha`)).length + (await read.tags(`${ns}/beta`)).length

  test('50 versions: an interrupted run resumes, every archive lands byte for byte with its .prov', async () => {
    // Slow downloads, so the first run is surely killed halfway.
    repo.delayMs = 40
    const stop = new AbortController()
    const watcher = (async () => {
      while (!stop.signal.aborted) {
        if ((await tagCount('migrated')) >= 12) stop.abort()
        else await new Promise((r) => setTimeout(r, 20))
      }
    })()
    const killed = await migrate({}, stop.signal)
    stop.abort()
    await watcher
    repo.delayMs = 0
    expect(killed.code).not.toBe(0)
    const before = await tagCount('migrated')
    expect(before).toBeGreaterThanOrEqual(12)
    expect(before).toBeLessThan(50)

    const resumed = await migrate()
    expect(resumed.errors).toEqual([])
    expect(resumed.code).toBe(0)
    expect(Number(resumed.outputs.skipped)).toBe(before)
    expect(Number(resumed.outputs.moved)).toBe(50 - before)
    expect(resumed.outputs.failed).toBe('0')
    const listed = JSON.parse(resumed.outputs.versions) as Array<{ name: string; version: string; status: string; archive: string }>
    expect(listed).toHaveLength(50)
    expect(resumed.summary).toContain(`${50 - before} moved, ${before} skipped, 0 failed`)

    for (const v of versions) {
      const m = (await read.manifest(`migrated/${v.name}`, v.version.replace(/\+/g, '_')))!
      expect(m).toBeDefined()
      const served = readFileSync(path.join(root, v.file))
      const chart = m.json.layers.find((l: { mediaType: string }) => l.mediaType === CHART)
      expect(chart.digest).toBe(`sha256:${v.sha256}`)
      expect(sha256(served)).toBe(`sha256:${v.sha256}`)
      expect((await read.blob(`migrated/${v.name}`, chart.digest)).equals(served)).toBe(true)
      const prov = m.json.layers.find((l: { mediaType: string }) => l.mediaType === PROV)
      // A .prov layer exactly when the version has a .prov file, holding its bytes.
      expect(prov ? await read.blob(`migrated/${v.name}`, prov.digest) : undefined).toEqual(v.prov)
      // Helm's shape: no mediaType field, layers sorted by digest, the config named by Helm's media type.
      expect(Object.keys(m.json)).toEqual(['schemaVersion', 'config', 'layers', 'annotations'])
      expect(m.json.layers.map((l: { digest: string }) => l.digest)).toEqual([...m.json.layers.map((l: { digest: string }) => l.digest)].sort())
      expect(m.json.config.mediaType).toBe(CONFIG)
      const config = JSON.parse((await read.blob(`migrated/${v.name}`, m.json.config.digest)).toString())
      expect([config.name, config.version, config.appVersion]).toEqual([v.name, v.version, v.version])
      expect(m.json.annotations['org.opencontainers.image.created']).toBe(v.created)
      expect(listed.find((x) => x.name === v.name && x.version === v.version)!.archive).toBe(`sha256:${v.sha256}`)
    }
    // Every request to the repository carried the credentials (the server answers 401 otherwise).
    expect(repo.requests.filter((r) => r.headers.authorization === undefined)).toEqual([])

    const third = await migrate()
    expect(third.code).toBe(0)
    expect([third.outputs.moved, third.outputs.skipped, third.outputs.failed]).toEqual(['0', '50', '0'])
    const printed = (killed.stdout + resumed.stdout + third.stdout).split('\n').filter((l) => !l.startsWith('::add-mask::'))
    expect(printed.filter((l) => l.includes(repoPassword) || l.includes(reg.password))).toEqual([])
  })

  test('charts and versions select what moves', async () => {
    const run = await migrate({ registry: `oci://${reg.host}/picked`, charts: 'beta', versions: '>=0.15.0' })
    expect(run.errors).toEqual([])
    // Masterminds semantics: a range without a prerelease leaves 1.0.0-rc.1 out; build metadata is kept (+ as _).
    expect((await read.tags('picked/beta')).sort()).toEqual(['0.15.0', '0.16.0', '0.17.0', '1.0.0_meta.2'])
    expect(await read.tags('picked/alpha')).toEqual([])
  })

  test('a digest that does not match the index fails that version only; the step fails and the summary says why', async () => {
    const bad = versions.find((v) => v.name === 'alpha' && v.version === '1.0.3')!
    const sub = path.join(root, 'tampered')
    rmSync(sub, { recursive: true, force: true })
    mkdirSync(sub)
    writeFileSync(
      path.join(sub, 'index.yaml'),
      indexYaml(
        versions.filter((v) => v.name === 'alpha' && v.version.startsWith('1.0.')),
        (v) => `${repo.url}/${v.file}`,
        (v) => (v === bad ? sha256('something else').slice(7) : v.sha256)
      )
    )
    const run = await migrate({ repository: `${repo.url}/tampered`, registry: `oci://${reg.host}/tampered` })
    expect(run.code).not.toBe(0)
    expect(run.outputs.failed).toBe('1')
    expect(run.outputs.moved).toBe('9')
    expect(run.errors.join('\n')).toMatch(/digest mismatch for alpha 1\.0\.3/)
    expect(run.summary).toMatch(/\| alpha \| 1\.0\.3 \| ❌ failed \|.*digest mismatch/)
    expect(await read.manifest('tampered/alpha', '1.0.3')).toBeUndefined()
  })

  test('a wrong repository password fails naming the repository, and nothing is pushed', async () => {
    const run = await migrate({ 'repository-password': 'wrong', registry: `oci://${reg.host}/nothing` })
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toMatch(/index\.yaml.*response status 401/)
    expect(await tagCount('nothing')).toBe(0)
  })
})
