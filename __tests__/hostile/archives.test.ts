/**
 * Issue 10, items 2, 3, 4, 7, 8 and 9, end to end with the bundled action
 * against the real registry: every hostile chart is refused with a message
 * naming the entry, file or limit, nothing is pushed, and no read blocks.
 * (Peak memory for these inputs is measured by bench/hostile.js.)
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as crypto from 'node:crypto'
import { runAction, type ActionRun } from '../support/action'
import { startRegistry, type TestRegistry } from '../support/registry'
import { forgedCommands } from '../support/runner-protocol'
import { chartTgz, chartYaml, manyFiles, nestedBomb, tgz, write, yamlBombs, type TarEntry } from '../../bench/hostile-inputs.js'

jest.setTimeout(120_000)

describe('hostile charts', () => {
  let reg: TestRegistry
  const workspace = (): string => mkdtempSync(path.join(os.tmpdir(), 'hop-hostile-'))
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'none' })
  })
  afterAll(async () => {
    await reg?.stop()
  })

  const catalog = (): string[] => JSON.parse(execFileSync('curl', ['-sf', `http://${reg.host}/v2/_catalog`]).toString()).repositories ?? []

  async function refused(ws: string, charts: string, extra: Record<string, string> = {}): Promise<string> {
    const run: ActionRun = await runAction({ charts, registry: `oci://${reg.host}/hostile`, sign: 'false', ...extra }, { workspace: ws })
    expect(run.code).not.toBe(0)
    expect(forgedCommands(run.stdout)).toEqual([])
    expect(run.stderr).not.toMatch(/ENOENT|EEXIST|MaxListeners|RangeError|heap out of memory/)
    return run.errors.join('\n')
  }

  test('links, devices, FIFOs and absolute names in a given .tgz are refused, naming the entry', async () => {
    const ws = workspace()
    const cases: Array<[string, TarEntry, RegExp]> = [
      ['symlink', { name: 'templates/l', type: '2', link: '/etc/passwd' }, /"s\/templates\/l" is a symlink/],
      ['hardlink', { name: 'templates/h', type: '1', link: 's/Chart.yaml' }, /"s\/templates\/h" is a hard link/],
      ['char', { name: 'templates/c', type: '3' }, /"s\/templates\/c" is a character device/],
      ['block', { name: 'templates/b', type: '4' }, /"s\/templates\/b" is a block device/],
      ['fifo', { name: 'templates/f', type: '6' }, /"s\/templates\/f" is a FIFO/]
    ]
    for (const [file, entry, message] of cases) {
      write(path.join(ws, `${file}.tgz`), chartTgz('s', [entry]))
      expect(await refused(ws, `${file}.tgz`)).toMatch(message)
    }
    write(
      path.join(ws, 'abs.tgz'),
      tgz([
        { name: 's/Chart.yaml', data: chartYaml('s') },
        { name: '/tmp/x', data: 'x' }
      ])
    )
    expect(await refused(ws, 'abs.tgz')).toMatch(/"\/tmp\/x" has an absolute name/)
    // GNU tar agrees these entries are there (the archives are what they claim to be).
    expect(execFileSync('tar', ['-tvzf', path.join(ws, 'symlink.tgz')]).toString()).toMatch(/s\/templates\/l -> \/etc\/passwd/)
    expect(catalog()).toEqual([])
  })

  test('a nested-subchart bomb shares one 100 MiB budget and is refused early', async () => {
    const ws = workspace()
    write(path.join(ws, 'bomb.tgz'), nestedBomb())
    const t0 = Date.now()
    expect(await refused(ws, 'bomb.tgz')).toMatch(/decompressed chart is larger than the maximum size 104857600/)
    write(path.join(ws, 'app', 'Chart.yaml'), chartYaml('app'))
    write(path.join(ws, 'app', 'charts', 'bomb.tgz'), nestedBomb())
    expect(await refused(ws, 'app')).toMatch(/subchart .*maximum size 104857600/)
    expect(Date.now() - t0).toBeLessThan(60_000)
    // Each level alone is far below the limit: only the shared budget catches it (2 GiB in total).
    expect(
      execFileSync('bash', ['-c', `gzip -dc ${path.join(ws, 'bomb.tgz')} | wc -c`])
        .toString()
        .trim()
    ).toMatch(/^\d{4,5}$/)
  })

  test('200,000 empty files: refused at the file limit', async () => {
    const ws = workspace()
    write(path.join(ws, 'many.tgz'), manyFiles(200000))
    expect(await refused(ws, 'many.tgz')).toMatch(/more than 10000 files/)
  })

  test.each(Object.keys(yamlBombs))('values.yaml %s: refused before parsing, naming the limit', async (name) => {
    const ws = workspace()
    write(path.join(ws, 'y', 'Chart.yaml'), chartYaml('y'))
    write(path.join(ws, 'y', 'values.yaml'), yamlBombs[name]())
    expect(await refused(ws, 'y')).toMatch(/values\.yaml: it (nests deeper than 128 levels|holds more than 50000 YAML nodes)/)
  })

  test('a .helmignore that is a FIFO is refused at once', async () => {
    const ws = workspace()
    write(path.join(ws, 'f', 'Chart.yaml'), chartYaml('f'))
    execFileSync('mkfifo', [path.join(ws, 'f', '.helmignore')])
    const t0 = Date.now()
    expect(await refused(ws, 'f')).toMatch(/\.helmignore is not a regular file/)
    expect(Date.now() - t0).toBeLessThan(30_000)
  })

  test('.helmignore through a symlink: outside the chart refused; a bad rule never quoted', async () => {
    const ws = workspace()
    const secret = `password=${crypto.randomBytes(8).toString('hex')}**`
    write(path.join(ws, 'private', 'creds'), `${secret}\n[\n`)
    write(path.join(ws, 'l', 'Chart.yaml'), chartYaml('l'))
    symlinkSync(path.join(ws, 'private', 'creds'), path.join(ws, 'l', '.helmignore'))
    const out = await refused(ws, 'l')
    expect(out).toMatch(/\.helmignore points outside its directory/)
    expect(out).not.toContain(secret.slice(9, 25))
    // Inside the chart, the same file is read, and its bad line reported by number only.
    write(path.join(ws, 'm', 'Chart.yaml'), chartYaml('m'))
    write(path.join(ws, 'm', 'notes', 'ignore'), `${secret}\n`)
    symlinkSync('notes/ignore', path.join(ws, 'm', '.helmignore'))
    const bad = await refused(ws, 'm')
    expect(bad).toMatch(/\.helmignore: line 1: invalid rule/)
    expect(bad).not.toContain(secret.slice(9, 25))
  })

  test('a non-UTF-8 file name is named as such; output-dir on a file is a clear error', async () => {
    const ws = workspace()
    write(path.join(ws, 'u', 'Chart.yaml'), chartYaml('u'))
    writeFileSync(Buffer.concat([Buffer.from(path.join(ws, 'u', 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]), 'x')
    expect(await refused(ws, 'u')).toMatch(/file name "caf\\xe9\.txt" is not valid UTF-8/)
    write(path.join(ws, 'ok', 'Chart.yaml'), chartYaml('ok'))
    writeFileSync(path.join(ws, 'a-file'), 'x')
    expect(await refused(ws, 'ok', { 'output-dir': 'a-file' })).toMatch(/output-dir .*a-file is not a directory/)
  })

  test('re-packaging a large chart prints no MaxListenersExceededWarning', async () => {
    const ws = workspace()
    write(path.join(ws, 'big', 'Chart.yaml'), chartYaml('big'))
    for (let i = 0; i < 5; i++) write(path.join(ws, 'big', 'files', `r${i}`), crypto.randomBytes(4 * 1024 * 1024))
    mkdirSync(path.join(ws, 'out'))
    const run = await runAction(
      { charts: 'big', registry: `oci://${reg.host}/hostile`, sign: 'false', 'dry-run': 'true', 'output-dir': 'out' },
      { workspace: ws }
    )
    expect(run.code).toBe(0)
    expect(run.stderr).not.toContain('MaxListenersExceededWarning')
    expect(() => execFileSync('gzip', ['-t', path.join(ws, 'out', 'big-1.0.0.tgz')])).not.toThrow()
  })
})
