/**
 * Loader rules a slip would change silently: the Chart.lock time as Helm re-marshals it (Go time.Time through
 * RFC 3339 with nanoseconds, trailing zeros of the fraction dropped, the offset kept; a missing time is Go's zero
 * time), which lock an apiVersion v1 or v2 chart keeps, and the archive entry names Helm's LoadArchiveFiles refuses
 * or drops (pkg/chart/loader/archive, helm-oci-spec §1.11), each with Helm's message.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readAll } from '../../src/chart/chart'
import {
  archiveDeclarations,
  checkDependencies,
  directoryDeclarations,
  goTime,
  loadChartArchive,
  loadChartDir,
  MAX_DECOMPRESSED_CHART_SIZE,
  MAX_FILE_SIZE,
  readChartArchive
} from '../../src/chart/loader'
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

  // Years 0000-0099 on Go's proleptic Gregorian calendar (golang/go src/time/format_rfc3339.go parseRFC3339:
  // day := parseUint(s[8:10], 1, daysIn(Month(month), year)); time.go: isLeap(year) = year%4 == 0 && (year%100 != 0 ||
  // year%400 == 0), so year 0 is a leap year and 100 is not; time_test.go jsonTests has year 0000 round-tripping).
  // (JavaScript's Date.UTC reads years 0-99 as 1900-1999, and 1900 is not a leap year.)
  test.each([
    ['0000-02-29T00:00:00Z', '0000-02-29T00:00:00Z'],
    ['0004-02-29T12:00:00Z', '0004-02-29T12:00:00Z'],
    ['0099-02-29T00:00:00Z', ''],
    ['0100-02-29T00:00:00Z', ''],
    ['0400-02-29T00:00:00Z', '0400-02-29T00:00:00Z']
  ])('leap years before 100: %j → %j (Go time package)', (text, want) => {
    expect(goTime(text) ?? '').toBe(want)
  })

  // The zone offset, from Go's own tests and source (golang/go src/time; none of these is in vectors.json):
  // - format_test.go rfc3339Formats and time_test.go jsonTests (TestTimeJSON: marshalled, then unmarshalled to the
  //   same time and zone) give offsets with minutes, "+00:01" included, and the largest, "+23:59", kept as written;
  // - time_test.go TestUnmarshalInvalidTimes: "+123:45" is refused ("cannot parse"); "+24:00" is accepted, but
  //   TestMarshalInvalidTimes shows that a zone of 24 h fails MarshalJSON ("timezone hour outside of range [0,23]",
  //   format_rfc3339.go appendStrictRFC3339), so Helm cannot write that lock back, and goTime refuses it;
  // - format.go parse, which UnmarshalJSON falls back to when parseRFC3339 refuses (zone hour 0-23, minute 0-59):
  //   "if hr > 24 { rangeErrString = "time zone offset hour" }", "if mm > 60 { ... "time zone offset minute" }".
  test.each([
    ['2000-12-26T01:15:06+04:20', '2000-12-26T01:15:06+04:20'],
    ['1994-09-17T20:04:26-05:00', '1994-09-17T20:04:26-05:00'],
    ['0000-01-01T00:00:00.000000001+00:01', '0000-01-01T00:00:00.000000001+00:01'],
    ['2020-01-01T00:00:00+23:59', '2020-01-01T00:00:00+23:59'],
    ['9999-04-12T23:20:50.52Z', '9999-04-12T23:20:50.52Z'],
    ['2000-01-01T00:00:00+123:45', ''],
    ['2000-01-01T00:00:00+24:00', ''],
    ['2000-01-01T00:00:00-24:00', ''],
    ['2000-01-01T00:00:00+25:00', ''],
    ['2000-01-01T00:00:00+00:61', ''],
    ['2000-01-01T00:00:00-00:61', '']
  ])('zone offset: %j → %j (Go time package)', (text, want) => {
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
    expect(c.metadata.dependencies!.map((d) => d.name)).toEqual(['cache'])
    expect(archiveEntries(c).map((e) => e.name)).toEqual(['c/Chart.yaml'])
    expect(c.warnings).toEqual([expect.stringMatching(/^requirements.yaml is deprecated in apiVersion v2 charts/)])
  })
  test.each([
    ['an empty file', '', ['db']],
    ['a file without the key', '# nothing here\n', ['db']],
    ['dependencies: null', 'dependencies: ~\n', []]
  ])('%s keeps or clears the dependencies of Chart.yaml', async (_what, text, names) => {
    const c = await loadChartDir(chartDir({ 'Chart.yaml': `${V1}${DEPS}`, 'requirements.yaml': text, 'charts/db/Chart.yaml': 'name: db\nversion: 1.0.0\n' }))
    expect((c.metadata.dependencies ?? []).map((d) => d.name)).toEqual(names)
  })
})

describe('subcharts under charts/ (Helm LoadFiles)', () => {
  // helm/helm pkg/chart/v2/loader/load.go: filepath.Ext(n) == ".tgz" takes files[0] as the archive and fails with
  // "error unpacking subchart tar in <chart>: expected <n>, got <files[0].Name>" when it is not exactly that file.
  test('a directory whose name ends in .tgz is refused, not loaded as a chart', async () => {
    const err = await caught(loadChartDir(chartDir({ 'Chart.yaml': V2, 'charts/db.tgz/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.0.0\n' }), 'c'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe('error unpacking subchart tar in c: expected db.tgz, got db.tgz/Chart.yaml')
    expect(err).toMatchObject({ chart: 'c', file: 'c/charts/db.tgz/Chart.yaml' })
    expect((err as ChartError).hint).toMatch(/\.tgz/)
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

// What LoadDir and LoadFiles (helm/helm pkg/chart/v2/loader) do with the files they find, and what each refusal names.
describe('the directory and its files', () => {
  const entries = async (c: Awaited<ReturnType<typeof loadChartDir>>): Promise<Array<[string, string]>> =>
    Promise.all(archiveEntries(c).map(async (e) => [e.name, (await readAll(e.file)).toString('latin1')] as [string, string]))

  test('a large file is packaged whole, its BOM stripped (as bytes.TrimPrefix(data, utf8bom))', async () => {
    const big = 'x'.repeat(70_000) + 'end'
    const c = await loadChartDir(chartDir({ 'Chart.yaml': V2, 'files/big.txt': `\ufeff${big}`, 'files/small.txt': '\ufeffsmall' }))
    expect(await entries(c)).toEqual([
      ['c/Chart.yaml', V2],
      ['c/files/big.txt', big],
      ['c/files/small.txt', 'small']
    ])
    expect(c.warnings).toEqual([])
    // The size a tar header will carry is that of the content, without the BOM.
    expect(c.files.map((f) => [f.name, f.size])).toEqual([
      ['files/big.txt', big.length],
      ['files/small.txt', 5]
    ])
  })

  test('a file of exactly 5 MiB is accepted, one byte more is refused naming it (Helm: fi.Size() > MaxDecompressedFileSize)', async () => {
    const dir = chartDir({ 'Chart.yaml': V2 })
    writeFileSync(path.join(dir, 'max.bin'), Buffer.alloc(MAX_FILE_SIZE))
    const c = await loadChartDir(dir, 'c')
    expect(c.files.map((f) => [f.name, f.size])).toEqual([['max.bin', MAX_FILE_SIZE]])
    writeFileSync(path.join(dir, 'max.bin'), Buffer.alloc(MAX_FILE_SIZE + 1))
    const err = await caught(loadChartDir(dir, 'c'))
    expect(err.message).toBe(`chart file "max.bin" is larger than the maximum file size ${MAX_FILE_SIZE}`)
    expect(err).toMatchObject({ chart: 'c', file: 'max.bin' })
    expect((err as ChartError).hint).toMatch(/helmignore/)
  })

  test('walk order is byte order, so requirements.lock (read later) wins over Chart.lock even when written first', async () => {
    const dir = tmp()
    for (const [f, text] of [
      ['requirements.lock', 'digest: from-requirements\n'],
      ['a.txt', 'a'],
      ['c.txt', 'c'],
      ['Chart.lock', 'digest: from-chart-lock\n'],
      ['b.txt', 'b'],
      ['Chart.yaml', V2]
    ])
      writeFileSync(path.join(dir, f), text)
    const c = await loadChartDir(dir)
    expect(c.lock?.digest).toBe('from-requirements')
    // Neither the order written (a, c, b) nor its reverse.
    expect(c.files.map((f) => f.name)).toEqual(['a.txt', 'b.txt', 'c.txt'])
  })

  test('no Chart.yaml: "unable to detect chart", naming where it looked', async () => {
    const err = await caught(loadChartDir(chartDir({ 'values.yaml': 'a: 1\n' }), 'charts/web'))
    expect(err.message).toBe('unable to detect chart at charts/web/Chart.yaml')
    expect(err).toMatchObject({ chart: 'charts/web', file: 'charts/web/Chart.yaml' })
    expect((err as ChartError).hint).toMatch(/Chart.yaml/)
  })

  test('a .helmignore that is a directory is refused, naming it', async () => {
    const dir = chartDir({ 'Chart.yaml': V2, '.helmignore/x': 'y' })
    const err = await caught(loadChartDir(dir, 'c'))
    expect(err.message).toMatch(/^\.helmignore is not a regular file/)
    expect(err).toMatchObject({ chart: 'c', file: 'c/.helmignore' })
    expect((err as ChartError).hint).toMatch(/helmignore/)
  })

  test('a file name that is not UTF-8 is refused, named with its directory', async () => {
    const dir = chartDir({ 'Chart.yaml': V2, 'templates/ok.yaml': 'x' })
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/templates/bad`), Buffer.from([0xff])]), 'x')
    const err = await caught(loadChartDir(dir, 'c'))
    expect(err.message).toBe('file name "templates/bad\\xff" is not valid UTF-8')
    expect(err).toMatchObject({ chart: 'c', file: 'c/templates' })
    expect((err as ChartError).hint).toMatch(/UTF-8/)
    const top = chartDir({ 'Chart.yaml': V2 })
    writeFileSync(Buffer.concat([Buffer.from(`${top}/`), Buffer.from([0xfe])]), 'x')
    expect((await caught(loadChartDir(top, 'c'))).message).toBe('file name "\\xfe" is not valid UTF-8')
  })

  test('values.yaml: each document must be a mapping (or empty); repeated keys are allowed, as yaml.Unmarshal allows them', async () => {
    const values = async (text: string): Promise<Error | undefined> =>
      loadChartDir(chartDir({ 'Chart.yaml': V2, 'values.yaml': text }), 'c').then(
        () => undefined,
        (e: Error) => e
      )
    expect(await values('a: 1\na: 2\n---\n---\nb: [1]\n')).toBeUndefined()
    for (const text of ['just a string\n', '- a\n', 'a: 1\n---\n42\n']) {
      const err = await values(text)
      expect(err?.message).toBe('cannot load c/values.yaml: the top level must be a mapping')
      expect(err).toMatchObject({ chart: 'c', file: 'c/values.yaml' })
      expect((err as ChartError).hint).toMatch(/key: value/)
    }
    const syntax = await values('a: [1\n')
    expect(syntax?.message).toMatch(/^cannot load c\/values.yaml: [^\n]{10,}$/)
    expect((syntax as ChartError).hint).toBe('values.yaml must be valid YAML')
  })

  test('values.schema.json that is not JSON is refused, naming it', async () => {
    const err = await caught(loadChartDir(chartDir({ 'Chart.yaml': V2, 'values.schema.json': '{' }), 'c'))
    expect(err.message).toBe('invalid JSON in values.schema.json')
    expect(err).toMatchObject({ chart: 'c', file: 'c/values.schema.json' })
    expect((err as ChartError).hint).toMatch(/JSON/)
  })

  test('a Chart.yaml that fails validation names the chart directory and its Chart.yaml', async () => {
    const err = await caught(loadChartDir(chartDir({ 'Chart.yaml': 'apiVersion: v2\nname: c\n' }), 'charts/c'))
    expect(err.message).toBe('validation: chart.metadata.version is required')
    expect(err).toMatchObject({ chart: 'charts/c', file: 'charts/c/Chart.yaml' })
  })

  test('a lock without digest or generated: empty digest, Go zero time', async () => {
    const c = await loadChartDir(chartDir({ 'Chart.yaml': V2, 'Chart.lock': 'dependencies: []\n' }))
    expect(c.lock).toEqual({ generated: '0001-01-01T00:00:00Z', digest: '', dependencies: [] })
  })
})

describe('subcharts and what lies beside them in charts/', () => {
  const SUB = 'apiVersion: v2\nname: sub\nversion: 1.0.0\n'
  test('directories starting with _ or . are dropped; a .prov is a file of the parent; each subchart keeps its own paths', async () => {
    const c = await loadChartDir(
      chartDir({
        'Chart.yaml': V2,
        'charts/_skip/x': 'not a chart',
        'charts/.git/HEAD': 'not a chart',
        'charts/sub-1.0.0.tgz.prov': 'signature',
        'charts/sub/Chart.yaml': SUB,
        'charts/sub/templates/a.yaml': 'a',
        'charts/abc/Chart.yaml': 'apiVersion: v2\nname: abc\nversion: 2.0.0\n'
      })
    )
    expect(c.files.map((f) => f.name)).toEqual(['charts/sub-1.0.0.tgz.prov'])
    // Sorted by directory name, whatever order the walk met them in.
    expect(c.dependencies.map((d) => d.metadata.name)).toEqual(['abc', 'sub'])
    expect(archiveEntries(c).map((e) => e.name)).toEqual([
      'c/Chart.yaml',
      'c/charts/sub-1.0.0.tgz.prov',
      'c/charts/abc/Chart.yaml',
      'c/charts/sub/Chart.yaml',
      'c/charts/sub/templates/a.yaml'
    ])
  })

  test("a subchart's warnings are the parent's, prefixed with its name", async () => {
    const c = await loadChartDir(chartDir({ 'Chart.yaml': V2, 'charts/sub/Chart.yaml': 'apiVersion: v1\nname: sub\nversion: 1.0.0\ntype: library\n' }))
    expect(c.warnings).toEqual(['subchart sub: type is only used with apiVersion v2'])
  })

  test('a broken subchart: "error unpacking subchart <dir> in <chart>", naming the subchart file', async () => {
    const err = await caught(loadChartDir(chartDir({ 'Chart.yaml': V2, 'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\n' }), 'c'))
    expect(err.message).toBe('error unpacking subchart sub in c: validation: chart.metadata.version is required')
    expect(err).toMatchObject({ chart: 'c', file: 'c/charts/sub/Chart.yaml' })
    const stray = await caught(loadChartDir(chartDir({ 'Chart.yaml': V2, 'charts/README.md': 'x' }), 'c'))
    expect(stray.message).toBe('error unpacking subchart README.md in c: Chart.yaml file is missing')
    expect(stray).toMatchObject({ chart: 'c', file: 'c/charts/README.md/Chart.yaml' })
  })
})

describe('chart archives as files', () => {
  test('larger than 100 MiB is refused before reading (a sparse file here); a directory is not a regular file', async () => {
    const dir = tmp()
    const file = path.join(dir, 'huge.tgz')
    writeFileSync(file, '')
    truncateSync(file, MAX_DECOMPRESSED_CHART_SIZE + 1)
    const err = await caught(loadChartArchive(file, 'huge.tgz'))
    expect(err.message).toBe(`chart archive is larger than the maximum size ${MAX_DECOMPRESSED_CHART_SIZE}`)
    expect(err).toMatchObject({ chart: 'huge.tgz', file: 'huge.tgz' })
    truncateSync(file, MAX_DECOMPRESSED_CHART_SIZE)
    expect((await caught(loadChartArchive(file, 'huge.tgz'))).message).toMatch(/does not appear to be a gzipped archive/)
    const notFile = await caught(loadChartArchive(dir, 'd.tgz'))
    expect(notFile.message).toBe('d.tgz is not a regular file')
    expect(notFile).toMatchObject({ chart: 'd.tgz', file: 'd.tgz' })
  })

  test('an entry "c\\\\/x" is split at the backslash and is absolute; "files/c:/x" is only a name', async () => {
    const abs = await caught(
      loadChartArchive(
        writeTgz(tmp(), [
          ['c/Chart.yaml', V2],
          ['c\\/x', 'x']
        ]),
        'x.tgz'
      )
    )
    expect(abs.message).toBe('chart illegally contains absolute paths')
    expect((abs as ChartError).hint).toMatch(/helm package/)
    const c = await loadChartArchive(
      writeTgz(tmp(), [
        ['c/Chart.yaml', V2],
        ['c/files/c:/x', 'x']
      ])
    )
    expect(c.files.map((f) => f.name)).toEqual(['files/c:/x'])
  })
})

describe('what the run order reads from a chart (declarations)', () => {
  test('directory: Chart.yaml, and requirements.yaml when there is one (as the loader applies it); null entries skipped', async () => {
    const v1 = chartDir({ 'Chart.yaml': V1, 'requirements.yaml': 'dependencies:\n- name: a\n  repository: https://r\n- null\n- name: b\n' })
    expect(await directoryDeclarations(v1, 'c')).toEqual({
      name: 'c',
      version: '1.0.0',
      dependencies: [
        { name: 'a', repository: 'https://r' },
        { name: 'b', repository: '' }
      ]
    })
    const v2 = chartDir({ 'Chart.yaml': `${V2}dependencies:\n- name: x\n  repository: file://../x\n` })
    expect(await directoryDeclarations(v2, 'c')).toEqual({ name: 'c', version: '1.0.0', dependencies: [{ name: 'x', repository: 'file://../x' }] })
    const v2req = chartDir({ 'Chart.yaml': `${V2}dependencies:\n- name: x\n  repository: file://../x\n`, 'requirements.yaml': 'dependencies:\n- name: yz\n' })
    expect((await directoryDeclarations(v2req, 'c')).dependencies).toEqual([{ name: 'yz', repository: '' }])
    const v1empty = chartDir({ 'Chart.yaml': `${V1}dependencies:\n- name: x\n`, 'requirements.yaml': '# none\n' })
    expect((await directoryDeclarations(v1empty, 'c')).dependencies).toEqual([{ name: 'x', repository: '' }])
    const none = chartDir({ 'values.yaml': 'a: 1\n' })
    expect(await directoryDeclarations(none, 'c')).toEqual({ name: '', version: '', dependencies: [] })
  })

  test('archive: the same, requirements.yaml read for v1 wherever it lies; no Chart.yaml is an error; a directory is refused', async () => {
    const v1 = writeTgz(tmp(), [
      ['c/requirements.yaml', 'dependencies:\n- name: a\n  repository: https://r\n'],
      ['c/Chart.yaml', V1]
    ])
    expect(await archiveDeclarations(v1, 'c.tgz')).toEqual({ name: 'c', version: '1.0.0', dependencies: [{ name: 'a', repository: 'https://r' }] })
    const v2 = writeTgz(tmp(), [['c/Chart.yaml', `${V2}dependencies:\n- name: x\n  repository: https://x\n`]])
    expect(await archiveDeclarations(v2, 'c.tgz')).toEqual({ name: 'c', version: '1.0.0', dependencies: [{ name: 'x', repository: 'https://x' }] })
    const missing = await caught(archiveDeclarations(writeTgz(tmp(), [['c/values.yaml', 'a: 1\n']]), 'c.tgz'))
    expect(missing.message).toBe('Chart.yaml file is missing')
    expect(missing).toMatchObject({ chart: 'c.tgz', file: 'c.tgz' })
    const dir = await caught(archiveDeclarations(tmp(), 'd.tgz'))
    expect(dir.message).toBe('d.tgz is not a regular file')
    expect(dir).toMatchObject({ chart: 'd.tgz', file: 'd.tgz' })
  })
})

describe('descriptors', () => {
  test('loading a chart directory leaves no descriptor open (/proc/self/fd)', async () => {
    const dir = chartDir({ 'Chart.yaml': V2, '.helmignore': '*.bak\n', 'values.yaml': 'a: 1\n', 'templates/a.yaml': 'a', 'files/big.txt': 'x'.repeat(70_000) })
    await loadChartDir(dir)
    const before = readdirSync('/proc/self/fd').length
    for (let i = 0; i < 5; i++) await loadChartDir(dir)
    expect(readdirSync('/proc/self/fd').length).toBe(before)
  })
})

describe('more of what the loader refuses or keeps', () => {
  test('symlinks: dangling or leaving the chart refused with a hint; one to the chart itself is allowed (here ignored)', async () => {
    const dangling = chartDir({ 'Chart.yaml': V2 })
    symlinkSync(path.join(dangling, 'nowhere'), path.join(dangling, 'gone'))
    const d = await caught(loadChartDir(dangling, 'c'))
    expect(d.message).toMatch(/^error evaluating symlink gone: /)
    expect(d).toMatchObject({ chart: 'c', file: 'c/gone' })
    expect((d as ChartError).hint).toMatch(/helmignore/)
    const out = chartDir({ 'Chart.yaml': V2 })
    symlinkSync(os.tmpdir(), path.join(out, 'tmp'))
    const o = await caught(loadChartDir(out, 'c'))
    expect(o.message).toBe(`symlink tmp points outside the chart (to ${realpathSync(os.tmpdir())})`)
    expect((o as ChartError).hint).toMatch(/helmignore/)
    const self = chartDir({ 'Chart.yaml': V2, '.helmignore': 'loop/\n' })
    symlinkSync('.', path.join(self, 'loop'))
    expect((await loadChartDir(self)).files.map((f) => f.name)).toEqual(['.helmignore'])
  })

  test('a FIFO is refused with a hint', async () => {
    const dir = chartDir({ 'Chart.yaml': V2 })
    execFileSync('mkfifo', [path.join(dir, 'pipe')])
    const err = await caught(loadChartDir(dir, 'c'))
    expect(err.message).toBe('cannot load irregular file pipe as it has file mode type bits set')
    expect(err).toMatchObject({ chart: 'c', file: 'c/pipe' })
    expect((err as ChartError).hint).toMatch(/FIFO/)
  })

  test('an archive without Chart.yaml names where it looked', async () => {
    const err = await caught(loadChartArchive(writeTgz(tmp(), [['c/values.yaml', 'a: 1\n']]), 'charts/x.tgz'))
    expect(err.message).toBe('Chart.yaml file is missing')
    expect(err).toMatchObject({ chart: 'charts/x.tgz', file: 'charts/x.tgz/Chart.yaml' })
    expect((err as ChartError).hint).toMatch(/Chart.yaml/)
  })

  test('subcharts of an archive are sorted by name; a file named like a subchart directory is not one of its files', async () => {
    const c = await loadChartArchive(
      writeTgz(tmp(), [
        ['c/Chart.yaml', V2],
        ['c/charts/sub/Chart.yaml', 'apiVersion: v2\nname: sub\nversion: 1.0.0\n'],
        ['c/charts/abc', 'a file'],
        ['c/charts/abc/Chart.yaml', 'apiVersion: v2\nname: abc\nversion: 1.0.0\n']
      ])
    )
    expect(c.dependencies.map((d) => [d.metadata.name, d.files.map((f) => f.name)])).toEqual([
      ['abc', []],
      ['sub', []]
    ])
  })

  test('readChartArchive reads a Buffer as well as a stream', async () => {
    const file = writeTgz(tmp(), [['c/Chart.yaml', V2]])
    expect((await readChartArchive(readFileSync(file), 'x.tgz')).map((f) => f.name)).toEqual(['Chart.yaml'])
  })

  test('checkDependencies: nothing declared, nothing missing', async () => {
    expect(() => checkDependencies({ metadata: { apiVersion: 'v2', name: 'c', version: '1.0.0' }, dependencies: [], where: 'c' } as never)).not.toThrow()
  })

  test('archive declarations: requirements.yaml after Chart.yaml is read too; a Chart.yaml that is a directory is refused', async () => {
    const v1 = writeTgz(tmp(), [
      ['c/Chart.yaml', V1],
      ['c/templates/a.yaml', 'a'],
      ['c/requirements.yaml', 'dependencies:\n- name: a\n  repository: https://r\n']
    ])
    expect((await archiveDeclarations(v1, 'c.tgz')).dependencies).toEqual([{ name: 'a', repository: 'https://r' }])
    const dir = chartDir({ 'Chart.yaml/x': 'y' })
    const err = await caught(directoryDeclarations(dir, 'c'))
    expect(err.message).toBe('Chart.yaml is not a regular file (a FIFO, socket, device or directory)')
    expect(err).toMatchObject({ chart: 'c', file: 'c/Chart.yaml' })
  })
})
