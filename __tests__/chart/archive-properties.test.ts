/**
 * Property-based packaging checks: charts generated with the file sizes that
 * hit tar and gzip edge cases (0, 1, 511, 512, 513, 1023, 1024, 64 KiB ± 1,
 * other multiples of 512), empty files, long (> 100 bytes) and non-ASCII
 * names, and nested subcharts are packaged, then every archive is read by
 * GNU gzip -t, GNU tar (names listed and contents extracted) and Node's zlib,
 * none of which shares code with the packager.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { gunzipSync } from 'node:zlib'
import fc from 'fast-check'
import { loadChartDir } from '../../src/chart/loader'
import { saveChart } from '../../src/chart/save'

const SIZES = [0, 1, 511, 512, 513, 1023, 1024, 1536, 4096, 10240, 65535, 65536, 65537]
const C_UTF8 = { ...process.env, LC_ALL: 'C.UTF-8' }

/** Bytes from a seed: random-looking (incompressible) or text-like (compressible). */
function content(size: number, seed: number, text: boolean): Buffer {
  const b = Buffer.alloc(size)
  let x = seed >>> 0 || 1
  for (let i = 0; i < size; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    b[i] = text ? 0x61 + (x % 7) : x & 0xff
  }
  return b
}

const segment = fc.constantFrom('a', 'cfg', 'données', '日本語', 'emoji-😀', 'x'.repeat(60), 'long-directory-name-'.repeat(3), 'é'.repeat(40))
const fileName = fc
  .tuple(
    fc.constantFrom('files', 'templates', 'conf'),
    fc.array(segment, { minLength: 0, maxLength: 2 }),
    segment,
    fc.constantFrom('.yaml', '.bin', '.txt', '')
  )
  .map(([top, dirs, base, ext]) => [top, ...dirs, `f-${base}${ext}`].join('/'))
const file = fc.record({ name: fileName, size: fc.constantFrom(...SIZES), seed: fc.integer({ min: 1, max: 2 ** 31 }), text: fc.boolean() })
const files = fc.uniqueArray(file, { minLength: 0, maxLength: 5, selector: (f) => f.name })

interface GenChart {
  name: string
  files: Array<{ name: string; size: number; seed: number; text: boolean }>
  subs: GenChart[]
}

const chartArb: fc.Arbitrary<GenChart> = fc.letrec<{ chart: GenChart }>((tie) => ({
  chart: fc.record({
    name: fc.constantFrom('app', 'web-frontend', 'db'),
    files,
    subs: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant<GenChart[]>([]), fc.array(tie('chart'), { maxLength: 2 }))
  })
})).chart

/** Writes the chart directory; returns the archive entry names Helm would write, with their contents. */
function writeChart(dir: string, chart: GenChart, prefix: string, expected: Map<string, Buffer>): void {
  const put = (rel: string, data: Buffer): void => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    writeFileSync(path.join(dir, rel), data)
    expected.set(`${prefix}/${rel}`, data)
  }
  put('Chart.yaml', Buffer.from(`apiVersion: v2\nname: ${chart.name}\nversion: 1.0.0\n`))
  for (const f of chart.files) put(f.name, content(f.size, f.seed, f.text))
  const seen = new Set<string>()
  for (const [i, sub] of chart.subs.entries()) {
    const name = `${sub.name}-${i}`
    if (seen.has(name)) continue
    seen.add(name)
    writeChart(path.join(dir, 'charts', name), { ...sub, name }, `${prefix}/charts/${name}`, expected)
  }
}

describe('every archive is sound for independent readers (property-based)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hop-props-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  let n = 0

  test('gzip -t, tar -tzf / -xzf and Node zlib agree with the source, for generated charts', async () => {
    await fc.assert(
      fc.asyncProperty(chartArb, async (gen) => {
        const work = path.join(root, String(n++))
        const expected = new Map<string, Buffer>()
        writeChart(path.join(work, 'src'), gen, gen.name, expected)
        const saved = await saveChart(await loadChartDir(path.join(work, 'src')), { destDir: work, mtime: new Date(1700000000_000) })
        const gzipT = spawnSync('gzip', ['-t', saved.path], { encoding: 'utf8' })
        expect(gzipT.stderr).toBe('')
        expect(gzipT.status).toBe(0)
        const listed = execFileSync('tar', ['--quoting-style=literal', '-tzf', saved.path], { env: C_UTF8 }).toString().split('\n').filter(Boolean)
        expect([...listed].sort()).toEqual([...expected.keys()].sort())
        const out = path.join(work, 'x')
        mkdirSync(out)
        execFileSync('tar', ['-xzf', saved.path, '-C', out], { env: C_UTF8 })
        for (const [name, data] of expected) expect(readFileSync(path.join(out, name)).equals(data)).toBe(true)
        // Node's zlib checks CRC32 and ISIZE too, and must see the bytes GNU gzip sees.
        const gz = readFileSync(saved.path)
        expect(gunzipSync(gz).equals(execFileSync('gzip', ['-dc', saved.path], { maxBuffer: 64 << 20 }))).toBe(true)
        rmSync(work, { recursive: true, force: true })
      }),
      { numRuns: 40, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) }
    )
  })

  test('each edge size alone, as the only file: the archive passes gzip -t', async () => {
    for (const size of SIZES) {
      const work = path.join(root, `size-${size}`)
      const expected = new Map<string, Buffer>()
      writeChart(path.join(work, 'src'), { name: 'one', files: [{ name: 'files/f', size, seed: size + 1, text: false }], subs: [] }, 'one', expected)
      const saved = await saveChart(await loadChartDir(path.join(work, 'src')), { destDir: work, mtime: new Date(0) })
      expect(spawnSync('gzip', ['-t', saved.path]).status).toBe(0)
      expect(gunzipSync(readFileSync(saved.path)).length % 512).toBe(0)
    }
  })
})
