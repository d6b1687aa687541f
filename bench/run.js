// npm run bench: the action's timings beside the floor measured in the same run, on this machine.
//   1. module load of dist/index.js            vs  node starting with nothing
//   2. publishing the demo chart (node dist/index.js, a new version each time, so every blob is uploaded)
//      vs  the floor: the same HTTP requests with the same bytes, sent directly from one warm process
//   3. packaging a large chart (dry run, ~24 MiB of files)  vs  GNU tar | gzip -6 of the same directory,
//      with the action's peak RSS (streaming keeps it flat)
//   4. a 90 MiB chart of incompressible files under 5 MiB each (issue 12's size), packaged, read back and pushed to a
//      local registry, against tar | gzip -6 plus a streamed upload of its archive (target: at most 1.25×, peak RSS at
//      most 150 MiB): deflate speed decides, the action's WebAssembly deflate (same bytes on every CPU) in worker
//      threads against native gzip -6; before rows 3 and 4, the deflate engine's speed per core against gzip -6's
//      (bench/deflate.js, CPU time: at least 80%)
//   5. a 100-chart monorepo: one run vs one run per chart, vs the raw floor, and unchanged (bench/monorepo.js)
// `node bench/run.js packaging` runs rows 3 and 4 only; `node bench/run.js monorepo` runs the rows of 5 only.
require('../scripts/ts-require')
const { execFileSync, spawnSync } = require('node:child_process')
const crypto = require('node:crypto')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { startRegistry } = require('../__tests__/support/registry.ts')
const { runAction, ROOT, DIST } = require('../__tests__/support/action.ts')
const { monorepoRows } = require('./monorepo')
const { deflateRow } = require('./deflate')
const { sha256, median, ms, fmt, floorPush, printTable } = require('./floor')

const RUNS = Number(process.env.BENCH_RUNS || 7)
const PROBE = path.join(__dirname, 'rss-probe.js')

function timeNode(args, env) {
  const t0 = process.hrtime.bigint()
  spawnSync(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' })
  return ms(t0)
}

function makeLargeChart(dir) {
  fs.mkdirSync(path.join(dir, 'templates'), { recursive: true })
  fs.mkdirSync(path.join(dir, 'files'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: large\nversion: 1.0.0\n')
  fs.writeFileSync(path.join(dir, 'values.yaml'), 'replicaCount: 1\n')
  // Text-like content compresses as real charts do; 6 files of 4 MiB (under Helm's 5 MiB per-file limit).
  const words = 'apiVersion kind metadata name labels spec template containers image ports value '.split(' ')
  for (let f = 0; f < 6; f++) {
    let s = ''
    let seed = f + 1
    while (s.length < 4 * 1024 * 1024) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      s += words[seed % words.length] + (seed % 7 === 0 ? '\n' : ' ')
    }
    fs.writeFileSync(path.join(dir, 'files', `data-${f}.txt`), s)
  }
  for (let t = 0; t < 50; t++) fs.writeFileSync(path.join(dir, 'templates', `cm-${t}.yaml`), `kind: ConfigMap\nmetadata:\n  name: cm-${t}\n`)
}

// 90 MiB of random bytes in 4.5 MiB files (under Helm's 5 MiB per-file limit): nothing to compress, deflate at full cost.
function makeIncompressibleChart(dir) {
  fs.mkdirSync(path.join(dir, 'files'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: large\nversion: 1.0.0\n')
  for (let f = 0; f < 20; f++) fs.writeFileSync(path.join(dir, 'files', `blob-${f}.bin`), crypto.randomBytes(4.5 * 1024 * 1024))
}

/**
 * Packages the chart `make` writes (3 times) beside GNU tar | gzip -6 of the same directory, with peak RSS. With
 * `push`, the action also reads the archive back and pushes it to a local registry, and the floor adds a streamed
 * upload of the gzip -6 archive (the requests a minimal client makes), measured in the same iteration.
 */
async function packagingRow(kind, make, { push = false } = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hop-bench-'))
  const registry = push ? await startRegistry({ auth: 'none' }) : undefined
  try {
    make(path.join(work, 'large'))
    const floorTimes = []
    const pkgTimes = []
    let rss = 0
    for (let i = 0; i < 3; i++) {
      let t0 = process.hrtime.bigint()
      execFileSync('sh', ['-c', `tar -C ${work} -cf - large | gzip -6 > ${work}/baseline.tgz`])
      if (registry) {
        const tgz = fs.readFileSync(path.join(work, 'baseline.tgz'))
        const config = Buffer.from('{"name":"large","version":"1.0.0","apiVersion":"v2"}')
        const desc = (mediaType, b) => ({ mediaType, digest: sha256(b), size: b.length })
        const manifest = Buffer.from(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            config: desc('application/vnd.cncf.helm.config.v1+json', config),
            layers: [desc('application/vnd.cncf.helm.chart.content.v1.tar+gzip', tgz)]
          })
        )
        await floorPush(`http://${registry.host}`, `floor${i}/large`, [config, tgz], manifest, '1.0.0')
      }
      floorTimes.push(ms(t0))
      t0 = process.hrtime.bigint()
      const inputs = registry
        ? { charts: 'large', registry: `oci://${registry.host}/bench`, version: `1.0.${i}`, sign: 'false', 'output-dir': 'out' }
        : { charts: 'large', registry: 'oci://127.0.0.1:1/bench', 'dry-run': 'true', 'output-dir': 'out' }
      const run = await runAction(inputs, { workspace: work, env: { NODE_OPTIONS: `--require ${PROBE}`, RSS_PROBE_FILE: path.join(work, 'rss') } })
      pkgTimes.push(ms(t0))
      if (run.code !== 0) throw new Error(`action failed:\n${run.stdout}`)
      rss = Math.max(rss, Number(fs.readFileSync(path.join(work, 'rss'), 'utf8')))
    }
    const inBytes = fs.readdirSync(path.join(work, 'large', 'files')).reduce((n, f) => n + fs.statSync(path.join(work, 'large', 'files', f)).size, 0)
    const archive = fs.readdirSync(path.join(work, 'out')).find((f) => f.endsWith('.tgz'))
    const outBytes = fs.statSync(path.join(work, 'out', archive)).size
    const [a, b] = [median(pkgTimes), median(floorTimes)]
    const what = registry ? 'package, read back and push' : 'package (dry run)'
    return [
      `${what} a ${(inBytes / 1048576).toFixed(0)} MiB ${kind} chart → ${(outBytes / 1048576).toFixed(1)} MiB`,
      fmt(a),
      `tar | gzip -6${registry ? ' + streamed upload' : ''}: ${fmt(b)}`,
      `${(a / b).toFixed(2)}×${registry ? ' (at most 1.25×)' : ''}, peak RSS ${(rss / 1024).toFixed(0)} MiB${registry ? ' (at most 150 MiB)' : ''}`
    ]
  } finally {
    await registry?.stop()
    fs.rmSync(work, { recursive: true, force: true })
  }
}

async function main() {
  const rows = []
  if (process.argv[2] === 'packaging') return print(await packagingRows())
  if (process.argv[2] === 'monorepo') return print(await monorepoRows(fmt))
  // 1. Start-up.
  const bare = median(Array.from({ length: RUNS }, () => timeNode(['-e', '0'])))
  const load = median(Array.from({ length: RUNS }, () => timeNode([DIST], { GITHUB_ACTIONS: 'true' })))
  rows.push(['module load + input check (node dist/index.js, no inputs)', fmt(load), `node -e 0: ${fmt(bare)}`, `+${fmt(load - bare)}`])

  // 2. Publishing the demo chart.
  const registry = await startRegistry({ auth: 'none' })
  try {
    const action = []
    let last
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint()
      last = await runAction(
        { charts: 'examples/demo-chart', registry: `oci://${registry.host}/bench`, version: `0.1.${i}`, sign: 'false' },
        { workspace: ROOT }
      )
      action.push(ms(t0))
      if (last.code !== 0) throw new Error(`action failed:\n${last.stdout}\n${last.stderr}`)
    }
    const chart = JSON.parse(last.outputs.charts)[0]
    const base = `http://${registry.host}`
    const manifest = execFileSync('curl', [
      '-sf',
      '-H',
      'Accept: application/vnd.oci.image.manifest.v1+json',
      `${base}/v2/bench/demo-chart/manifests/${last.outputs.tag}`
    ])
    const config = execFileSync('curl', ['-sf', `${base}/v2/bench/demo-chart/blobs/${JSON.parse(manifest).config.digest}`])
    const tgz = fs.readFileSync(chart.archive)
    const floor = []
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint()
      await floorPush(base, `floor${i}/demo-chart`, [config, tgz], manifest, last.outputs.tag)
      floor.push(ms(t0))
    }
    const a = median(action)
    const f = median(floor)
    rows.push([
      `publish demo chart (${tgz.length} B archive), whole process`,
      fmt(a),
      `HTTP floor ${fmt(f)} + node start ${fmt(bare)}`,
      `+${fmt(a - f - bare)}`
    ])
  } finally {
    await registry.stop()
  }

  // 3. and 4. Packaging large charts, streaming.
  rows.push(...(await packagingRows()))
  // 5. Monorepo.
  rows.push(...(await monorepoRows(fmt)))
  print(rows)
}

const packagingRows = async () => [
  deflateRow('text', makeLargeChart),
  deflateRow('incompressible', makeIncompressibleChart),
  await packagingRow('text', makeLargeChart),
  await packagingRow('incompressible', makeIncompressibleChart, { push: true })
]

function print(rows) {
  printTable(`helm-oci-publish benchmark — median of ${RUNS} runs (3 for packaging), ${os.cpus().length} CPUs, node ${process.version}`, rows)
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})
