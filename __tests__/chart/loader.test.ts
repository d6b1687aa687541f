/**
 * Loader rules a slip would change silently: the Chart.lock time as Helm re-marshals it (Go time.Time through
 * RFC 3339 with nanoseconds, trailing zeros of the fraction dropped, the offset kept; a missing time is Go's zero
 * time), which lock an apiVersion v1 or v2 chart keeps, and the archive entry names Helm's LoadArchiveFiles refuses
 * or drops (pkg/chart/loader/archive, helm-oci-spec §1.11), each with Helm's message.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { checkDependencies, goTime, loadChartArchive, loadChartDir } from '../../src/chart/loader'
import timeVectors from '../fixtures/go/go-time/vectors.json'
import { archiveEntries, lockYaml } from '../../src/chart/save'
import { ChartError } from '../../src/errors'
import { writeTgz } from '../support/tgz'
import { caught, thrown } from '../support/caught'

const dirs: string[] = []
const tmp = (): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'hop-loader-'))
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function chartDir(files: Record<string, string>): string {
  const root = tmp()
  for (const [f, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
    writeFileSync(path.join(root, f), c)
  }
  return root
}
const V2 = 'apiVersion: v2\nname: c\nversion: 1.0.0\n'
const V1 = 'apiVersion: v1\nname: c\nversion: 1.0.0\n'

describe('Chart.lock generated time, as Go re-marshals time.Time', () => {
  test.each([
    ['2021-09-01T20:34:58.651387237Z', '2021-09-01T20:34:58.651387237Z'],
    ['2021-09-01T20:34:58.651387230Z', '2021-09-01T20:34:58.65138723Z'],
    ['2021-09-01T20:34:58.500000000Z', '2021-09-01T20:34:58.5Z'],
    ['2021-09-01T20:34:58.000000000Z', '2021-09-01T20:34:58Z'],
    ['2021-09-01T20:34:58.50+02:00', '2021-09-01T20:34:58.5+02:00'],
    ['2021-09-01T20:34:58.100-07:00', '2021-09-01T20:34:58.1-07:00'],
    ['2021-09-01T20:34:58Z', '2021-09-01T20:34:58Z']
  ])('%s → %s', async (written, marshalled) => {
    const c = await loadChartDir(chartDir({ 'Chart.yaml': V2, 'Chart.lock': `digest: sha256:ab\ngenerated: ${written}\ndependencies: []\n` }))
    expect(c.lock).toEqual({ generated: marshalled, digest: 'sha256:ab', dependencies: [] })
  })

  test("no time is Go's zero time; no digest is empty; no dependencies is null", async () => {
    const c = await loadChartDir(chartDir({ 'Chart.yaml': V2, 'Chart.lock': 'digest: null\n' }))
    expect(c.lock).toEqual({ generated: '0001-01-01T00:00:00Z', digest: '', dependencies: null })
    expect(lockYaml(c.lock!)).toBe('dependencies: null\ndigest: ""\ngenerated: "0001-01-01T00:00:00Z"\n')
  })
})

// Go's own reading and writing of these times (__tests__/fixtures/go/go-time/main.go): "" where Go refuses the text.
describe('goTime is time.Time UnmarshalJSON then RFC3339Nano', () => {
  test.each(timeVectors)('%j → %j', (text, want) => {
    expect(goTime(text) ?? '').toBe(want)
  })

  test('a lock whose generated time Go refuses (or that is not a string) is refused, naming the file', async () => {
    for (const generated of ['yesterday', '2021-02-30T00:00:00Z', '2021', 'true']) {
      const err = await caught(loadChartDir(chartDir({ 'Chart.yaml': V2, 'Chart.lock': `digest: x\ngenerated: ${generated}\n` }), 'c'))
      expect(err).toBeInstanceOf(ChartError)
      expect(err.message).toBe(`cannot load Chart.lock: generated "${generated}" is not an RFC 3339 time`)
      expect(err).toMatchObject({ chart: 'c', file: 'c/Chart.lock' })
    }
  })
})

describe('which lock a chart keeps', () => {
  // Helm's LoadFiles sets Lock from Chart.lock and again from requirements.lock, in walk order (the latter wins).
  test('v2: a requirements.lock replaces Chart.lock as the lock, is saved as Chart.lock and is not kept as a file', async () => {
    const c = await loadChartDir(
      chartDir({ 'Chart.yaml': V2, 'Chart.lock': 'digest: v2lock\ngenerated: 2020-01-01T00:00:00Z\n', 'requirements.lock': 'digest: v1lock\n' })
    )
    expect(c.lock?.digest).toBe('v1lock')
    expect(archiveEntries(c).map((e) => e.name)).toEqual(['c/Chart.yaml', 'c/Chart.lock'])
  })

  test('v1: requirements.lock is the lock and stays a file; no Chart.lock is saved', async () => {
    const c = await loadChartDir(chartDir({ 'Chart.yaml': V1, 'Chart.lock': 'digest: v2lock\n', 'requirements.lock': 'digest: v1lock\n' }))
    expect(c.lock?.digest).toBe('v1lock')
    expect(archiveEntries(c).map((e) => e.name)).toEqual(['c/Chart.yaml', 'c/requirements.lock'])
  })
})

describe('archive entry names (Helm LoadArchiveFiles)', () => {
  const tgz = (entries: Array<[string, string]>): string => writeTgz(tmp(), entries)

  test.each([
    ['c/C:/evil.txt', 'chart contains illegally named files'],
    ['c/..', 'chart illegally references parent directory'],
    ['c/a/../../x', 'chart illegally references parent directory'],
    ['c/.', 'chart illegally contains content outside the base directory'],
    ['c/a/..', 'chart illegally contains content outside the base directory']
  ])('%s: %s', async (name, message) => {
    const err = await caught(
      loadChartArchive(
        tgz([
          ['c/Chart.yaml', V2],
          [name, 'x']
        ]),
        'charts/x.tgz'
      )
    )
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe(message)
    expect(err).toMatchObject({ chart: 'charts/x.tgz', file: name })
  })

  test('names are cleaned (path.Clean), the first segment does not matter', async () => {
    const c = await loadChartArchive(
      tgz([
        ['top/Chart.yaml', V2],
        ['other/./templates//a.yaml', 'a'],
        ['x/files/sub/../b.txt', 'b']
      ])
    )
    expect(archiveEntries(c).map((e) => e.name)).toEqual(['c/Chart.yaml', 'c/templates/a.yaml', 'c/files/b.txt'])
  })

  // helm/helm pkg/chart/v2/loader/load_test.go TestLoadInvalidArchive: one entry (body "hello: world") per archive. (Its
  // names that start with "/", "\" or a drive letter are refused earlier here, by the archive reader.)
  test.each([
    ['../../malformed-helm-test', 'chart illegally references parent directory'],
    ['./../../malformed-helm-test', 'chart illegally references parent directory'],
    ['./.', 'chart illegally contains content outside the base directory'],
    ['missing-leading-slash', 'chart illegally contains content outside the base directory'],
    ['files/whatever.yaml', 'Chart.yaml file is missing'],
    // Not in Helm's table, from the same code: the name is split at "\" only, so "a/b\c" is "c" in the chart.
    ['a/b\\Chart.yaml', 'validation: chart.metadata.name is required'],
    ['Chart.yaml/x', 'chart yaml not in base directory']
  ])('Helm TestLoadInvalidArchive %j: %s', async (name, message) => {
    const err = await caught(loadChartArchive(tgz([[name, 'hello: world']]), 'charts/x.tgz'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe(message)
  })

  test('an archive of directories only is refused, naming it (GNU tar makes it)', async () => {
    const dir = tmp()
    mkdirSync(path.join(dir, 'c', 'templates'), { recursive: true })
    const file = path.join(dir, 'dirs.tgz')
    execFileSync('tar', ['-czf', file, '-C', dir, 'c'])
    const err = await caught(loadChartArchive(file, 'charts/x.tgz'))
    expect(err.message).toBe('no files in chart archive')
    expect(err).toMatchObject({ chart: 'charts/x.tgz', file: 'charts/x.tgz' })
  })
})

// helm/helm pkg/chart/v2/loader LoadFiles: requirements.yaml is yaml.Unmarshal-ed over c.Metadata whatever the
// apiVersion (a v2 chart only gets a warning), and kept as a file only for v1; Go's encoding/json leaves a field the
// document does not mention as it was, and a null clears a slice.
describe('requirements.yaml (Helm LoadFiles)', () => {
  const DEPS = 'dependencies:\n- name: db\n  repository: https://r\n'
  test('v2: its dependencies replace those of Chart.yaml, the file is not packaged, and a warning says so', async () => {
    const c = await loadChartDir(chartDir({ 'Chart.yaml': `${V2}${DEPS}`, 'requirements.yaml': 'dependencies:\n- name: cache\n  repository: https://s\n' }))
    expect(c.metadata.dependencies!.map((d) => d!.name)).toEqual(['cache'])
    expect(archiveEntries(c).map((e) => e.name)).toEqual(['c/Chart.yaml'])
    expect(c.warnings).toEqual([expect.stringMatching(/^requirements.yaml is deprecated in apiVersion v2 charts/)])
  })
  test.each([
    ['an empty file', '', ['db']],
    ['a file without the key', '# nothing here\n', ['db']],
    ['dependencies: null', 'dependencies: ~\n', []]
  ])('%s keeps or clears the dependencies of Chart.yaml', async (_what, text, names) => {
    const c = await loadChartDir(chartDir({ 'Chart.yaml': `${V1}${DEPS}`, 'requirements.yaml': text, 'charts/db/Chart.yaml': 'name: db\nversion: 1.0.0\n' }))
    expect((c.metadata.dependencies ?? []).map((d) => d!.name)).toEqual(names)
  })
})

describe('subcharts under charts/ (Helm LoadFiles)', () => {
  // helm/helm pkg/chart/v2/loader/load.go: filepath.Ext(n) == ".tgz" takes files[0] as the archive and fails with
  // "error unpacking subchart tar in <chart>: expected <n>, got <files[0].Name>" when it is not exactly that file.
  test('a directory whose name ends in .tgz is refused, not loaded as a chart', async () => {
    const err = await caught(loadChartDir(chartDir({ 'Chart.yaml': V2, 'charts/db.tgz/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.0.0\n' }), 'c'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe('error unpacking subchart tar in c: expected db.tgz, got db.tgz/Chart.yaml')
  })
})

describe('CheckDependencies', () => {
  test('every declared dependency needs a subchart of that name; alias and version do not count', async () => {
    const c = await loadChartDir(
      chartDir({
        'Chart.yaml': `${V2}dependencies:\n- name: db\n  version: 9.x\n  alias: other\n  repository: https://r\n- name: cache\n  repository: https://r\n- name: queue\n  repository: https://r\n`,
        'charts/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.0.0\n'
      })
    )
    const err = thrown<ChartError>(() => checkDependencies(c))
    expect(err.message).toBe('found in Chart.yaml, but missing in charts/ directory: cache, queue')
    expect(err).toMatchObject({ file: path.join(c.where, 'Chart.yaml') })
    expect(err.hint).toContain('helm dependency build')
    const complete = { ...c, metadata: { ...c.metadata, dependencies: c.metadata.dependencies!.slice(0, 1) } }
    expect(() => checkDependencies(complete)).not.toThrow()
  })
})
