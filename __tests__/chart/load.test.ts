import { createHash } from 'node:crypto'
/**
 * Loading and validating like Helm's loader: YAML 1.1 coercion, sanitizing,
 * validation messages, .helmignore, BOM, symlinks, irregular files, size
 * limits, subchart rules and the archive reader's path rules.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { ChartError } from '../../src/errors'
import { checkDependencies, loadChartArchive, loadChartDir, MAX_FILE_SIZE } from '../../src/chart/loader'
import { archiveEntries } from '../../src/chart/save'
import { metadataYaml, decodeMetadata, validateMetadata, formatFloat32 } from '../../src/chart/chart-yaml'
import { metadataJson } from '../../src/chart/metadata'
import { writeTgz } from '../support/tgz'

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'hop-load-'))
function chartDir(files: Record<string, string | Buffer>): string {
  const root = tmp()
  for (const [f, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
    writeFileSync(path.join(root, f), c)
  }
  return root
}
const names = async (dir: string): Promise<string[]> => archiveEntries(await loadChartDir(dir)).map((e) => e.name)
const CHART = 'apiVersion: v2\nname: c\nversion: 1.0.0\n'

describe('Chart.yaml as sigs.k8s.io/yaml reads it', () => {
  test('V-P6: YAML 1.1 numbers and booleans become the strings Helm gets; unknown keys are dropped; keys match case-insensitively', () => {
    const m = decodeMetadata('apiVersion: v2\nname: x\nversion: 1.0\nAppVersion: 1.10\nfoo: bar\ndescription: yes\nkeywords: [1, on, 2.50]\n')
    expect(m.version).toBe('1')
    expect(m.appVersion).toBe('1.1')
    expect(m.description).toBe('true')
    expect(m.keywords).toEqual(['1', 'true', '2.5'])
    expect(metadataJson(validateMetadata(m).metadata)).toBe(
      '{"name":"x","version":"1","description":"true","keywords":["1","true","2.5"],"apiVersion":"v2","appVersion":"1.1"}'
    )
    expect(formatFloat32(1e7)).toBe('1e+07')
    expect(formatFloat32(0.1)).toBe('0.1')
    expect(decodeMetadata('name: x\nversion: 1.2.3\ndate: 2024-01-01\nannotations:\n  when: 2024-01-01\n').annotations).toEqual({ when: '2024-01-01' })
  })

  test('V-O4: no apiVersion means v1', () => {
    expect(metadataJson(validateMetadata(decodeMetadata('name: legacy\nversion: 1.0.0\n')).metadata)).toBe(
      '{"name":"legacy","version":"1.0.0","apiVersion":"v1"}'
    )
  })

  test('V-O3: the config blob, sanitized and Go-escaped, byte for byte', () => {
    const yaml = `apiVersion: v2
name: demo
description: "A <demo> chart & more\\nsecond line"
type: application
version: 1.2.3+build.5
appVersion: "1.16.0"
home: https://example.com/?a=1&b=2
sources: [https://github.com/example/demo, https://github.com/example/demo2]
keywords: [demo, test]
maintainers:
  - {name: Alice, email: alice@example.com, url: https://alice.example.com}
  - {name: Bob}
  - {email: ops@example.com}
icon: https://example.com/icon.png
kubeVersion: ">=1.22.0-0"
annotations:
  org.opencontainers.image.title: ignored-title
  org.opencontainers.image.source: https://override.example.com
  example.com/zeta: "z"
  example.com/alpha: "a"
dependencies:
  - name: redis
    version: 17.x.x
    repository: oci://registry-1.docker.io/bitnamicharts
    condition: redis.enabled
    tags: [cache]
    import-values: [{child: default.data, parent: myimports}, data]
    alias: cache
  - name: common
    version: 2.x.x
`
    const json = metadataJson(validateMetadata(decodeMetadata(yaml)).metadata)
    expect(json.length).toBe(996)
    expect(createHash('sha256').update(json).digest('hex')).toBe('c6308a39e4cc32eee1088bdc2661b4e7a262678e738f8141785428dd857a1b4a')
  })

  test('V-P7: sanitizing applies to descriptive fields, not to annotations', () => {
    const { metadata } = validateMetadata(decodeMetadata('name: s\nversion: 1.0.0\ndescription: "a\\tb\\u00a0c\\u200bd"\nannotations:\n  k: "a\\tb"\n'))
    expect(metadata.description).toBe('a b cd')
    expect(metadata.annotations).toEqual({ k: 'a\tb' })
  })

  test('regenerated Chart.yaml: sorted keys, quoting where YAML would re-type, long descriptions folded', () => {
    const { metadata } = validateMetadata(
      decodeMetadata(
        `apiVersion: v2\nname: why\nversion: 1.0.0\nappVersion: "1.16"\nkeywords: ["yes", "*star", "plain"]\ndescription: ${'word '.repeat(20)}end\n`
      )
    )
    expect(metadataYaml(metadata)).toBe(
      // libyaml breaks at the first space past column 80 ("description: " starts at 13).
      `apiVersion: v2\nappVersion: "1.16"\ndescription: ${'word '.repeat(13)}word\n  ${'word '.repeat(6)}end\nkeywords:\n- "yes"\n- '*star'\n- plain\nname: why\nversion: 1.0.0\n`
    )
  })

  test.each([
    ['name: x\n', /chart.metadata.version is required/],
    ['name: x\nversion: not-a-version\n', /version "not-a-version" is invalid/],
    ['version: 1.0.0\n', /chart.metadata.name is required/],
    ['name: a/b\nversion: 1.0.0\n', /name "a\/b" is invalid/],
    ['name: ..\nversion: 1.0.0\n', /name ".." is not allowed/],
    ['apiVersion: v3\nname: x\nversion: 1.0.0\n', /apiVersion "v3" is not supported/],
    ['apiVersion: v2\nname: x\nversion: 1.0.0\ntype: plugin\n', /type must be application or library/],
    ['name: x\nversion: 1.0.0\nmaintainers:\n- null\n', /maintainers must not contain empty or null nodes/],
    ['name: x\nversion: 1.0.0\ndependencies:\n- name: a\n  alias: "b c"\n', /disallowed characters in the alias/],
    ['name: x\nversion: 1.0.0\ndependencies:\n- name: a\n- name: b\n  alias: a\n', /more than one dependency with name or alias "a"/],
    ['name: x\nversion: [1]\n', /version is a list, expected a string/],
    ['name: x\nversion: 1.0.0\ndeprecated: "yes please"\n', /deprecated is the string yes please, expected true or false/],
    ['name: [x\n', /cannot parse .*Chart.yaml/]
  ])('invalid Chart.yaml %j', (yaml, message) => {
    let err: unknown
    try {
      validateMetadata(decodeMetadata(yaml, 'charts/x/Chart.yaml', 'charts/x'), 'charts/x/Chart.yaml', 'charts/x')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ChartError)
    expect((err as ChartError).message).toMatch(message)
    expect((err as ChartError).file).toBe('charts/x/Chart.yaml')
    expect((err as ChartError).hint).toBeTruthy()
  })

  test('a loose version is accepted with a warning; a library chart loads', async () => {
    const c = await loadChartDir(chartDir({ 'Chart.yaml': 'apiVersion: v2\nname: lib\nversion: v1.2\ntype: library\n' }))
    expect(c.metadata).toMatchObject({ version: 'v1.2', type: 'library' })
    expect(c.warnings.join()).toMatch(/not strict SemVer 2/)
  })
})

describe('the directory walk', () => {
  test('.helmignore rules, the default templates/.?* rule, sorted byte-wise, BOM stripped', async () => {
    const dir = chartDir({
      'Chart.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CHART)]),
      '.helmignore': '# comment\n*.bak\nsecret/\n/top.txt\n',
      'templates/.hidden.yaml': 'x',
      'templates/ok.yaml': 'x',
      'a.bak': 'x',
      'secret/key': 'x',
      'sub/top.txt': 'kept',
      'top.txt': 'ignored',
      'B.txt': 'x',
      '_a.txt': 'x',
      'b.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('bom')])
    })
    expect(await names(dir)).toEqual(['c/Chart.yaml', 'c/templates/ok.yaml', 'c/.helmignore', 'c/B.txt', 'c/_a.txt', 'c/b.txt', 'c/sub/top.txt'])
    const chart = await loadChartDir(dir)
    expect(chart.files.find((f) => f.name === 'b.txt')!.size).toBe(3)
  })

  test('symlinks inside the chart are followed; a symlink out of the chart is refused', async () => {
    const dir = chartDir({ 'Chart.yaml': CHART, 'real/file.txt': 'content' })
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'linked'))
    expect(await names(dir)).toEqual(['c/Chart.yaml', 'c/linked/file.txt', 'c/real/file.txt'])
    const outside = chartDir({ passwd: 'root:x:0:0' })
    symlinkSync(path.join(outside, 'passwd'), path.join(dir, 'leak'))
    await expect(loadChartDir(dir, 'charts/c')).rejects.toThrow(/symlink leak points outside the chart/)
    const dangling = chartDir({ 'Chart.yaml': CHART })
    symlinkSync(path.join(dangling, 'nowhere'), path.join(dangling, 'broken'))
    await expect(loadChartDir(dangling)).rejects.toThrow(/error evaluating symlink broken/)
  })

  test('irregular files are refused unless ignored', async () => {
    const dir = chartDir({ 'Chart.yaml': CHART })
    execFileSync('mkfifo', [path.join(dir, 'pipe')])
    await expect(loadChartDir(dir)).rejects.toThrow(/cannot load irregular file pipe as it has file mode type bits set/)
    writeFileSync(path.join(dir, '.helmignore'), 'pipe\n')
    await expect(loadChartDir(dir)).resolves.toBeTruthy()
  })

  test("Helm's 5 MiB file limit", async () => {
    const dir = chartDir({ 'Chart.yaml': CHART, 'big.bin': Buffer.alloc(MAX_FILE_SIZE + 1) })
    await expect(loadChartDir(dir)).rejects.toThrow(/chart file "big.bin" is larger than the maximum file size 5242880/)
  })

  test('V-P8: charts/ rules, values and schema checks, missing Chart.yaml', async () => {
    await expect(loadChartDir(chartDir({ 'Chart.yaml': CHART, 'charts/README.md': 'x' }))).rejects.toThrow(
      /error unpacking subchart README.md in c: Chart.yaml file is missing/
    )
    await expect(loadChartDir(chartDir({ 'Chart.yaml': CHART, 'values.schema.json': '' }))).rejects.toThrow(/invalid JSON in values.schema.json/)
    await expect(loadChartDir(chartDir({ 'Chart.yaml': CHART, 'values.yaml': 'a: [' }))).rejects.toThrow(/cannot load .*values.yaml/)
    await expect(loadChartDir(chartDir({ 'values.yaml': 'a: 1' }))).rejects.toThrow(/unable to detect chart/)
    const sub = await loadChartDir(
      chartDir({ 'Chart.yaml': CHART, 'charts/db/Chart.yaml': 'name: mariadb\nversion: 1.0.0\n', 'charts/db/values.yaml': 'x: 1\n' })
    )
    expect(archiveEntries(sub).map((e) => e.name)).toEqual(['c/Chart.yaml', 'c/charts/mariadb/Chart.yaml', 'c/charts/mariadb/values.yaml'])
  })

  test('dependencies declared in Chart.yaml must be vendored (name, not alias)', async () => {
    const c = await loadChartDir(
      chartDir({
        'Chart.yaml': CHART + 'dependencies:\n- name: redis\n  alias: cache\n- name: pg\n',
        'charts/redis/Chart.yaml': 'name: redis\nversion: 1.0.0\n'
      }),
      'charts/c'
    )
    expect(() => checkDependencies(c)).toThrow(/found in Chart.yaml, but missing in charts\/ directory: pg/)
  })

  test('apiVersion v1: requirements.yaml feeds dependencies and stays a file; Chart.yaml is written without dependencies', async () => {
    const c = await loadChartDir(
      chartDir({
        'Chart.yaml': 'name: old\nversion: 1.0.0\n',
        'requirements.yaml': 'dependencies:\n- name: sub\n  version: 1.x\n',
        'charts/sub/Chart.yaml': 'name: sub\nversion: 1.0.0\n'
      })
    )
    expect(c.metadata.dependencies).toEqual([expect.objectContaining({ name: 'sub', version: '1.x', repository: '' })])
    expect(metadataYaml(c.metadata)).toBe('apiVersion: v1\nname: old\nversion: 1.0.0\n')
    expect(archiveEntries(c).map((e) => e.name)).toEqual(['old/Chart.yaml', 'old/requirements.yaml', 'old/charts/sub/Chart.yaml'])
  })
})

describe('the archive reader', () => {
  const tgz = (entries: Array<[string, string]>): string => writeTgz(tmp(), entries)

  test.each([
    [[['c/../../etc/passwd', 'x']], /chart illegally references parent directory/],
    // helm/helm pkg/chart/loader/archive: a top-level name has no chart directory, n cleans to "." (before the Chart.yaml check).
    [[['Chart.yaml', CHART]], /chart illegally contains content outside the base directory/],
    [[['c/values.yaml', 'a: 1']], /Chart.yaml file is missing/]
  ] as Array<[Array<[string, string]>, RegExp]>)('refuses %j', async (entries, message) => {
    await expect(loadChartArchive(tgz(entries))).rejects.toThrow(message)
  })

  test('not gzip', async () => {
    const file = path.join(tmp(), 'plain.tgz')
    writeFileSync(file, 'hello')
    await expect(loadChartArchive(file)).rejects.toThrow(/does not appear to be a gzipped archive/)
  })

  test('the top directory name does not matter; backslashes are separators', async () => {
    const c = await loadChartArchive(
      tgz([
        ['whatever/Chart.yaml', CHART],
        ['whatever\\templates\\a.yaml', 'a']
      ])
    )
    expect(archiveEntries(c).map((e) => e.name)).toEqual(['c/Chart.yaml', 'c/templates/a.yaml'])
  })
})
