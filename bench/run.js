// npm run bench: the action's timings beside the floor measured in the same run, on this machine.
//   1. module load of dist/index.js            vs  node starting with nothing
//   2. publishing the demo chart (node dist/index.js, a new version each time, so every blob is uploaded)
//      vs  the floor: the same HTTP requests with the same bytes, sent directly from one warm process
//   3. packaging a large chart (dry run, ~24 MiB of files)  vs  GNU tar | gzip -6 of the same directory,
//      with the action's peak RSS (streaming keeps it flat)
//   4. the same for a 90 MiB chart of incompressible files under 5 MiB each (issue 12's size), where deflate speed
//      decides: the action's pure-JavaScript deflate (same bytes on every CPU) against native gzip -6
// `node bench/run.js packaging` runs rows 3 and 4 only.
require('../scripts/ts-require')
const { execFileSync, spawnSync } = require('node:child_process')
const crypto = require('node:crypto')
const fs = require('node:fs')
const http = require('node:http')
const os = require('node:os')
const path = require('node:path')
const { startRegistry } = require('../__tests__/support/registry.ts')
const { runAction, ROOT, DIST } = require('../__tests__/support/action.ts')

const RUNS = Number(process.env.BENCH_RUNS || 7)
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6
const fmt = (x) => `${x.toFixed(1)} ms`
const sha256 = (b) => `sha256:${crypto.createHash('sha256').update(b).digest('hex')}`
const PROBE = path.join(__dirname, 'rss-probe.js')

function timeNode(args, env) {
  const t0 = process.hrtime.bigint()
  spawnSync(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' })
  return ms(t0)
}

const agent = new http.Agent({ keepAlive: true })
function request(method, url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const r = http.request(url, { method, agent, headers: { 'Content-Length': body ? body.length : 0, ...headers } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res))
    })
    r.on('error', reject)
    r.end(body)
  })
}

// The requests a minimal, correct push makes: tag check, blob checks, POST+PUT per blob, manifest by digest, tag.
async function floorPush(base, repo, blobs, manifest, tag) {
  await request('HEAD', `${base}/v2/${repo}/manifests/${tag}`)
  for (const b of blobs) {
    const digest = sha256(b)
    await request('HEAD', `${base}/v2/${repo}/blobs/${digest}`)
    const post = await request('POST', `${base}/v2/${repo}/blobs/uploads/`)
    const loc = new URL(post.headers.location, base)
    loc.searchParams.set('digest', digest)
    await request('PUT', loc, b, { 'Content-Type': 'application/octet-stream' })
  }
  const type = { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }
  await request('PUT', `${base}/v2/${repo}/manifests/${sha256(manifest)}`, manifest, type)
  await request('PUT', `${base}/v2/${repo}/manifests/${tag}`, manifest, type)
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

/** Packages the chart `make` writes (dry run, 3 times) beside GNU tar | gzip -6 of the same directory, with peak RSS. */
async function packagingRow(kind, make) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hop-bench-'))
  try {
    make(path.join(work, 'large'))
    const tarTimes = []
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint()
      execFileSync('sh', ['-c', `tar -C ${work} -cf - large | gzip -6 > ${work}/baseline.tgz`])
      tarTimes.push(ms(t0))
    }
    const pkgTimes = []
    let rss = 0
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint()
      const run = await runAction(
        { charts: 'large', registry: 'oci://127.0.0.1:1/bench', 'dry-run': 'true', 'output-dir': 'out' },
        { workspace: work, env: { NODE_OPTIONS: `--require ${PROBE}`, RSS_PROBE_FILE: path.join(work, 'rss') } }
      )
      pkgTimes.push(ms(t0))
      if (run.code !== 0) throw new Error(`dry run failed:\n${run.stdout}`)
      rss = Math.max(rss, Number(fs.readFileSync(path.join(work, 'rss'), 'utf8')))
    }
    const inBytes = fs.readdirSync(path.join(work, 'large', 'files')).reduce((n, f) => n + fs.statSync(path.join(work, 'large', 'files', f)).size, 0)
    const outBytes = fs.statSync(path.join(work, 'out', 'large-1.0.0.tgz')).size
    const [a, b] = [median(pkgTimes), median(tarTimes)]
    return [
      `package a ${(inBytes / 1048576).toFixed(0)} MiB ${kind} chart (dry run) → ${(outBytes / 1048576).toFixed(1)} MiB`,
      fmt(a),
      `tar | gzip -6: ${fmt(b)}`,
      `${(a / b).toFixed(2)}×, peak RSS ${(rss / 1024).toFixed(0)} MiB`
    ]
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

async function main() {
  const rows = []
  if (process.argv[2] === 'packaging') return print(await packagingRows())
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
  print(rows)
}

const packagingRows = async () => [await packagingRow('text', makeLargeChart), await packagingRow('incompressible', makeIncompressibleChart)]

function print(rows) {
  const widths = [0, 1, 2, 3].map((c) => Math.max(...[['measurement', 'action', 'baseline (same run)', 'difference'], ...rows].map((r) => r[c].length)))
  const line = (r) => r.map((x, i) => x.padEnd(widths[i])).join(' | ')
  console.log(`\nhelm-oci-publish benchmark — median of ${RUNS} runs (3 for packaging), ${os.cpus().length} CPUs, node ${process.version}\n`)
  console.log(line(['measurement', 'action', 'baseline (same run)', 'difference']))
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  for (const r of rows) console.log(line(r))
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})
