// npm run bench (second part): time and peak RSS of the action (node dist/index.js, dry run) on each hostile
// input of issue 10, and on a large legitimate chart for comparison. Every hostile input must be refused with
// a message naming the limit it hit, and no run may exceed 150 MiB of peak RSS.
require('../scripts/ts-require')
const crypto = require('node:crypto')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { execFileSync } = require('node:child_process')
const { runAction } = require('../__tests__/support/action.ts')
const h = require('./hostile-inputs')

const PROBE = path.join(__dirname, 'rss-probe.js')
const LIMIT_MIB = 150

const cases = [
  ['nested-subchart bomb .tgz (8^3 leaves x 4 MiB = 2 GiB)', (ws) => (h.write(path.join(ws, 'bomb.tgz'), h.nestedBomb()), 'bomb.tgz')],
  [
    'directory chart vendoring the bomb in charts/',
    (ws) => {
      h.write(path.join(ws, 'app/Chart.yaml'), h.chartYaml('app'))
      h.write(path.join(ws, 'app/charts/bomb.tgz'), h.nestedBomb())
      return 'app'
    }
  ],
  ['200,000 empty files in a .tgz', (ws) => (h.write(path.join(ws, 'many.tgz'), h.manyFiles(200000)), 'many.tgz')],
  ...Object.entries(h.yamlBombs).map(([name, make]) => [
    `values.yaml: ${name}`,
    (ws) => {
      h.write(path.join(ws, 'y/Chart.yaml'), h.chartYaml('y'))
      h.write(path.join(ws, 'y/values.yaml'), make())
      return 'y'
    }
  ]),
  ...Object.entries(h.jsonBombs).map(([name, make]) => [
    `values.schema.json: ${name}`,
    (ws) => {
      h.write(path.join(ws, 's/Chart.yaml'), h.chartYaml('s'))
      h.write(path.join(ws, 's/values.schema.json'), make())
      return 's'
    }
  ]),
  [
    '.helmignore is a FIFO',
    (ws) => {
      h.write(path.join(ws, 'f/Chart.yaml'), h.chartYaml('f'))
      execFileSync('mkfifo', [path.join(ws, 'f/.helmignore')])
      return 'f'
    }
  ],
  [
    'legitimate: 19 files x 4.9 MiB of random data, re-packaged from a directory',
    (ws) => {
      h.write(path.join(ws, 'big/Chart.yaml'), h.chartYaml('big'))
      for (let i = 0; i < 19; i++) h.write(path.join(ws, `big/files/r${i}`), crypto.randomBytes(4.9 * 1024 * 1024))
      return 'big'
    }
  ],
  [
    'legitimate: a 95 MiB (decompressed) .tgz of random data',
    (ws) => {
      const extra = Array.from({ length: 19 }, (_, i) => ({ name: `files/r${i}`, data: crypto.randomBytes(5 * 1024 * 1024 - 1024) }))
      h.write(path.join(ws, 'big-1.0.0.tgz'), h.chartTgz('big', extra))
      return 'big-1.0.0.tgz'
    }
  ]
]

async function main() {
  const rows = []
  let worst = 0
  for (const [name, make] of cases) {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'hop-hostile-'))
    try {
      const charts = make(ws)
      const t0 = process.hrtime.bigint()
      const run = await runAction(
        { charts, registry: 'oci://127.0.0.1:5000/bench', 'dry-run': 'true', sign: 'false' },
        { workspace: ws, env: { NODE_OPTIONS: `--require ${PROBE}`, RSS_PROBE_FILE: path.join(ws, 'rss') } }
      )
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      const rss = Number(fs.readFileSync(path.join(ws, 'rss'), 'utf8')) / 1024
      worst = Math.max(worst, rss)
      const verdict = run.errors[0] ? run.errors[0].replace(/^::error[^:]*::/, '').slice(0, 110) : run.code === 0 ? 'accepted' : `exit ${run.code}`
      rows.push({ name, ms, rss, verdict })
      console.log(`${name}\n  ${ms.toFixed(0)} ms, peak RSS ${rss.toFixed(0)} MiB: ${verdict}`)
      fs.rmSync(run.runnerTemp, { recursive: true, force: true })
    } finally {
      fs.rmSync(ws, { recursive: true, force: true })
    }
  }
  console.log(`\nworst peak RSS ${worst.toFixed(0)} MiB (limit ${LIMIT_MIB} MiB), node ${process.version}`)
  if (worst > LIMIT_MIB) process.exitCode = 1
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})
