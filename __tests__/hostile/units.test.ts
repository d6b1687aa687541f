/**
 * The hostile-input defences at unit level (the same behaviours the
 * end-to-end hostile suite drives through the bundle): the shared archive
 * budget, entry types, YAML bounds, non-blocking reads, error-body reduction
 * and secret scrubbing.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { loadChartArchive, loadChartDir } from '../../src/chart/loader'
import { guardYaml } from '../../src/chart/chart-yaml'
import { readRegularFile } from '../../src/chart/boundary'
import { registryErrorDetail } from '../../src/oci/error-body'
import { maskSecret, scrubSecrets } from '../../src/auth/mask'
import { ChartError } from '../../src/errors'
import { discoverCharts } from '../../src/chart/discover'
import { saveChart } from '../../src/chart/save'
import { removeSpilledFiles } from '../../src/chart/archive'
import { randomBytes } from 'node:crypto'
import { mkdirSync, symlinkSync } from 'node:fs'
import { secretForms } from '../support/runner-protocol'
import { chartTgz, chartYaml, manyFiles, nestedBomb, write } from '../../bench/hostile-inputs.js'

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'hop-units-'))
afterAll(() => {
  removeSpilledFiles()
})

describe('archives', () => {
  test('a chart and its nested subcharts share one decompressed budget', async () => {
    const d = tmp()
    // 5 x 5 x 4.5 MiB = 112.5 MiB in total; each archive alone is far below 100 MiB.
    const file = write(path.join(d, 'b.tgz'), nestedBomb({ fanout: 5, depth: 2, leafBytes: 4.5 * 1024 * 1024 }))
    await expect(loadChartArchive(file)).rejects.toThrow(/decompressed chart is larger than the maximum size 104857600/)
    // The same shape under the limit loads (3 x 3 x 4 MiB = 36 MiB).
    const ok = write(path.join(d, 'ok.tgz'), nestedBomb({ fanout: 3, depth: 2, leafBytes: 4 * 1024 * 1024 }))
    const chart = await loadChartArchive(ok)
    expect(chart.dependencies).toHaveLength(3)
    expect(chart.dependencies[0].dependencies).toHaveLength(3)
    expect(chart.dependencies[0].dependencies[0].files[0].size).toBe(4 * 1024 * 1024)
  })

  test('empty files load; more than 10,000 files are refused', async () => {
    const d = tmp()
    const ok = await loadChartArchive(write(path.join(d, 'ok.tgz'), manyFiles(100)))
    expect(ok.files).toHaveLength(100)
    expect(ok.files.every((f) => f.size === 0)).toBe(true)
    await expect(loadChartArchive(write(path.join(d, 'many.tgz'), manyFiles(10001)))).rejects.toThrow(/more than 10000 files/)
  })

  test.each([
    ['2', 'a symlink'],
    ['1', 'a hard link'],
    ['3', 'a character device'],
    ['4', 'a block device'],
    ['6', 'a FIFO']
  ])('tar type %s is refused as %s, naming the entry', async (type, what) => {
    const d = tmp()
    const file = write(path.join(d, 'x.tgz'), chartTgz('x', [{ name: 'templates/e', type, link: 'x/Chart.yaml' }]))
    await expect(loadChartArchive(file)).rejects.toThrow(`chart archive entry "x/templates/e" is ${what}; only regular files and directories are accepted`)
  })

  test('non-gzip and truncated archives are reported, not thrown raw', async () => {
    const d = tmp()
    await expect(loadChartArchive(write(path.join(d, 'n.tgz'), 'not gzip'))).rejects.toThrow(/does not appear to be a gzipped archive/)
    const whole = chartTgz('t', [{ name: 'files/a', data: Buffer.alloc(100000, 1) }])
    await expect(loadChartArchive(write(path.join(d, 't.tgz'), whole.subarray(0, whole.length - 40)))).rejects.toThrow(ChartError)
  })
})

describe('YAML bounds', () => {
  test('depth and node count are refused before parsing; real shapes pass', () => {
    expect(() => guardYaml('['.repeat(200), 'v.yaml')).toThrow(/nests deeper than 128 levels/)
    expect(() => guardYaml('- '.repeat(200) + 'x', 'v.yaml')).toThrow(/nests deeper than 128 levels/)
    expect(() => guardYaml(Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), 'v.yaml')).toThrow(/nests deeper/)
    expect(() => guardYaml(Array.from({ length: 60000 }, (_, i) => `k${i}: v`).join('\n'), 'v.yaml')).toThrow(/more than 50000 YAML nodes/)
    const nested = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' [1, {a: [2]}]\n'
    expect(() => guardYaml(nested, 'v.yaml')).not.toThrow()
    expect(() => guardYaml('a: |\n  - - - - - - - - - -\n  [[[[[[[[[[[[[[\n', 'v.yaml')).not.toThrow()
    expect(() => guardYaml(Array.from({ length: 20000 }, (_, i) => `k${i}: v`).join('\n'), 'v.yaml')).not.toThrow()
  })

  test('values.schema.json: depth and size bounded before JSON.parse', async () => {
    const d = tmp()
    write(path.join(d, 'Chart.yaml'), chartYaml('s'))
    write(path.join(d, 'values.schema.json'), '['.repeat(129) + ']'.repeat(129))
    await expect(loadChartDir(d)).rejects.toThrow(/values\.schema\.json: it nests deeper than 128 levels/)
    write(path.join(d, 'values.schema.json'), `[${'0,'.repeat(200001)}0]`)
    await expect(loadChartDir(d)).rejects.toThrow(/more than 200000 JSON values/)
    write(path.join(d, 'values.schema.json'), JSON.stringify({ a: '[[[[{{{{\\"', b: [[[{ c: 1 }]]] }))
    await expect(loadChartDir(d)).resolves.toBeTruthy()
  })

  test('Chart.yaml is bounded like values.yaml', async () => {
    const d = tmp()
    write(path.join(d, 'Chart.yaml'), `apiVersion: v2\nname: c\nversion: 1.0.0\nannotations: ${'['.repeat(1000)}\n`)
    await expect(loadChartDir(d)).rejects.toThrow(/Chart\.yaml: it nests deeper than 128 levels/)
  })
})

describe('reads that cannot block', () => {
  test('a FIFO is refused without opening it for reading; a symlink leaving the directory is refused', async () => {
    const d = tmp()
    execFileSync('mkfifo', [path.join(d, 'fifo')])
    const limits = { maxSize: 100, within: [d], fail: (why: string) => new ChartError(why) }
    await expect(readRegularFile(path.join(d, 'fifo'), limits)).rejects.toThrow(/not a regular file/)
    await expect(readRegularFile('/etc/hostname', { ...limits, within: [d] })).rejects.toThrow(/points outside/)
    write(path.join(d, 'big'), Buffer.alloc(101))
    await expect(readRegularFile(path.join(d, 'big'), limits)).rejects.toThrow(/larger than 100 bytes/)
    expect(await readRegularFile(path.join(d, 'missing'), limits)).toBeUndefined()
  })

  test('.helmignore that is a FIFO: the chart is refused at once', async () => {
    const d = tmp()
    write(path.join(d, 'Chart.yaml'), chartYaml('f'))
    execFileSync('mkfifo', [path.join(d, '.helmignore')])
    await expect(loadChartDir(d)).rejects.toThrow(/\.helmignore is not a regular file/)
  })
})

describe('registry error bodies and secrets', () => {
  const secret = `Sx-${Date.now()}|"pw\\&<>`
  beforeAll(() => {
    // setSecret prints ::add-mask:: lines; they stay out of the terminal.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- saved only to be put back on process.stdout, never called detached
    const write = process.stdout.write
    process.stdout.write = () => true
    try {
      maskSecret(secret)
      maskSecret(`robot:${secret}`)
    } finally {
      process.stdout.write = write
    }
  })

  test('only errors[].code and message; secrets scrubbed in every encoding before truncation', () => {
    const body = JSON.stringify({
      errors: [{ code: 'DENIED', message: `${'x'.repeat(180)}${secret} and ${Buffer.from(`robot:${secret}`).toString('base64')}`, detail: { secret } }]
    })
    const { code, text } = registryErrorDetail(Buffer.from(body), scrubSecrets)
    expect(code).toBe('DENIED')
    expect(text.startsWith(': denied: xxx')).toBe(true)
    expect(text.length).toBeLessThanOrEqual(2 + 200 + 1)
    for (const form of secretForms(secret, 'robot')) for (let i = 8; i <= form.length; i++) expect(text).not.toContain(form.slice(0, i))
    expect(registryErrorDetail(Buffer.from(`<html>${secret}</html>`), scrubSecrets).text).toBe(': (the body is not a registry error document)')
    expect(registryErrorDetail(Buffer.from(JSON.stringify({ errors: [{ code: `X${secret}`, message: 'm' }] })), scrubSecrets).code).toBeUndefined()
  })

  test('scrubSecrets removes JSON-, URL-, base64- and Markdown-escaped forms', () => {
    const text = [JSON.stringify({ p: secret }), encodeURIComponent(secret), Buffer.from(`xx${secret}`).toString('base64'), secret.replace(/\|/g, '\\|')].join(
      ' '
    )
    const scrubbed = scrubSecrets(text)
    for (const form of secretForms(secret)) expect(scrubbed).not.toContain(form)
  })
})

describe('workspace boundary (discoverCharts)', () => {
  test('symlinked matches, explicit paths and globs outside the workspace are refused, naming path and target', async () => {
    const top = tmp()
    const ws = path.join(top, 'ws')
    write(path.join(top, 'private', 'Chart.yaml'), chartYaml('p'))
    write(path.join(ws, 'charts', 'good', 'Chart.yaml'), chartYaml('g'))
    symlinkSync('../../private', path.join(ws, 'charts', 'evil'))
    await expect(discoverCharts(['charts/*'], ws)).rejects.toThrow(`charts pattern "charts/*" matched charts/evil, which is outside the workspace`)
    await expect(discoverCharts(['charts/*'], ws)).rejects.toThrow(`(it points to ${path.join(top, 'private')})`)
    await expect(discoverCharts(['charts/evil'], ws)).rejects.toThrow(/charts entry "charts\/evil" is outside the workspace/)
    await expect(discoverCharts(['../private'], ws)).rejects.toThrow(/outside the workspace/)
    await expect(discoverCharts(['../*'], ws)).rejects.toThrow(/starts at .*, outside the workspace/)
    await expect(discoverCharts(['/**'], ws)).rejects.toThrow('charts pattern "/**" starts at /, outside the workspace')
    await expect(discoverCharts(['*/../../*'], ws)).rejects.toThrow(/, outside the workspace/)
    expect((await discoverCharts(['charts/*'], ws, ['../private'])).map((c) => c.display)).toEqual(['charts/evil', 'charts/good'])
  })
})

describe('re-packaging', () => {
  test('a large chart is written without a MaxListenersExceededWarning', async () => {
    const d = tmp()
    write(path.join(d, 'c', 'Chart.yaml'), chartYaml('big'))
    for (let i = 0; i < 3; i++) write(path.join(d, 'c', 'files', `r${i}`), randomBytes(3 * 1024 * 1024))
    mkdirSync(path.join(d, 'out'))
    const warnings: string[] = []
    const onWarning = (w: Error): void => void warnings.push(w.name)
    process.on('warning', onWarning)
    try {
      await saveChart(await loadChartDir(path.join(d, 'c')), { destDir: path.join(d, 'out'), mtime: new Date(0) })
      await new Promise((r) => setImmediate(r))
    } finally {
      process.off('warning', onWarning)
    }
    expect(warnings).toEqual([])
    expect(() => execFileSync('gzip', ['-t', path.join(d, 'out', 'big-1.0.0.tgz')])).not.toThrow()
  })
})
