/**
 * src/chart/save.ts around the disk: files read into one reused buffer (bigger than it, with a BOM skipped as Helm's
 * loader trims it), read back by GNU tar and compared with the sources; the archive's digest and size are those of
 * the file written (sha256 of its bytes); a file that grows or shrinks after loading is refused naming it, and a
 * failed save leaves nothing behind, neither the archive nor its temporary file.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { loadChartDir } from '../../src/chart/loader'
import { saveChart, writeGzip } from '../../src/chart/save'
import { ChartError } from '../../src/errors'
import { caught } from '../support/caught'

const root = mkdtempSync(path.join(os.tmpdir(), 'hop-save-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let dirs = 0
const tmp = (): string => mkdtempSync(path.join(root, `${++dirs}-`))

/** Deterministic bytes, incompressible enough that the archive spans several deflate blocks. */
function noise(size: number, seed: number): Buffer {
  const b = Buffer.alloc(size)
  let x = seed
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    b[i] = x >>> 16
  }
  return b
}

function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [f, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    writeFileSync(path.join(dir, f), c)
  }
}

/** GNU tar's reading of the archive: each member's bytes. */
function untar(archive: string): Record<string, Buffer> {
  const out = tmp()
  execFileSync('tar', ['-xzf', archive, '-C', out])
  const files: Record<string, Buffer> = {}
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else files[path.relative(out, p)] = readFileSync(p)
    }
  }
  walk(out)
  return files
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

describe('saveChart', () => {
  test('files larger than the read buffer, of every size around its edges, and BOMs trimmed, as GNU tar reads them back', async () => {
    const src = tmp()
    const K = 256 * 1024
    const files: Record<string, Buffer> = {
      'files/exact.bin': noise(K, 1),
      'files/one-more.bin': noise(K + 1, 2),
      'files/one-less.bin': noise(K - 1, 3),
      'files/big.bin': noise(3 * K + 12345, 4),
      'files/bom.txt': Buffer.concat([BOM, noise(K + 7, 5)]),
      'templates/bom.yaml': Buffer.concat([BOM, Buffer.from('kind: ConfigMap\n')])
    }
    writeTree(src, { 'Chart.yaml': 'apiVersion: v2\nname: big\nversion: 1.2.3+meta\n', ...files })
    const dest = tmp()
    const saved = await saveChart(await loadChartDir(src), { destDir: dest, mtime: new Date(1700000000_000) })
    // Helm's file name, the version verbatim; nothing else left in the directory.
    expect(saved.path).toBe(path.join(dest, 'big-1.2.3+meta.tgz'))
    expect(readdirSync(dest)).toEqual(['big-1.2.3+meta.tgz'])
    const bytes = readFileSync(saved.path)
    expect(saved.digest).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`)
    expect(saved.size).toBe(bytes.length)
    execFileSync('gzip', ['-t', saved.path])
    const got = untar(saved.path)
    for (const [name, data] of Object.entries(files)) {
      // Helm's loader trims a leading UTF-8 BOM from every file (bytes.TrimPrefix(data, utf8bom)).
      const want = data.subarray(0, 3).equals(BOM) ? data.subarray(3) : data
      expect([name, got[`big/${name}`]?.equals(want)]).toEqual([name, true])
    }
  }, 30000)

  test.each([
    ['grows', 'files/data.bin', (f: string) => appendFileSync(f, 'x')],
    ['shrinks', 'files/data.bin', (f: string) => truncateSync(f, 300000)],
    ['grows (one buffer exactly)', 'files/exact.bin', (f: string) => appendFileSync(f, 'x')]
  ])('a file that %s after loading is refused naming it, and nothing is left behind', async (_, name, change) => {
    const src = tmp()
    writeTree(src, {
      'Chart.yaml': 'apiVersion: v2\nname: moving\nversion: 0.1.0\n',
      'files/data.bin': noise(600000, 7),
      'files/exact.bin': noise(256 * 1024, 8),
      'templates/cm.yaml': 'kind: ConfigMap\n'
    })
    const chart = await loadChartDir(src)
    change(path.join(src, name))
    const dest = tmp()
    const err = await caught<ChartError>(saveChart(chart, { destDir: dest, mtime: new Date(0) }))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toContain(`moving/${name} changed while it was being packaged`)
    expect(err.file).toBe(`moving/${name}`)
    expect(readdirSync(dest)).toEqual([])
  })

  test('two charts of one name and version saved at once each write a whole archive', async () => {
    const dest = tmp()
    const charts = [1, 2].map((i) => {
      const src = tmp()
      writeTree(src, { 'Chart.yaml': 'apiVersion: v2\nname: twin\nversion: 1.0.0\n', 'files/data.bin': noise(700000, i) })
      return loadChartDir(src)
    })
    const saved = await Promise.all(charts.map(async (c) => saveChart(await c, { destDir: dest, mtime: new Date(0) })))
    expect(readdirSync(dest)).toEqual(['twin-1.0.0.tgz'])
    // One of the two, whole: its digest is the file's.
    const digest = `sha256:${createHash('sha256')
      .update(readFileSync(path.join(dest, 'twin-1.0.0.tgz')))
      .digest('hex')}`
    expect(saved.map((s) => s.digest)).toContain(digest)
    expect(saved[0].digest).not.toBe(saved[1].digest)
  })
})

describe('writeGzip', () => {
  test('a file that cannot be created fails the save', async () => {
    const file = path.join(tmp(), 'missing-dir', 'x.tgz')
    async function* one(): AsyncGenerator<Buffer> {
      yield Buffer.from('data')
    }
    const err = await caught<NodeJS.ErrnoException>(writeGzip(one(), file))
    expect(err.code).toBe('ENOENT')
    expect(existsSync(file)).toBe(false)
  })

  test('a source that fails removes the partial file', async () => {
    const dir = tmp()
    async function* failing(): AsyncGenerator<Buffer> {
      yield noise(1024 * 1024, 1)
      yield noise(1024 * 1024, 2)
      throw new Error('the disk went away')
    }
    await expect(writeGzip(failing(), path.join(dir, 'x.tgz'), { threads: 1 })).rejects.toThrow('the disk went away')
    expect(readdirSync(dir)).toEqual([])
  })
})
