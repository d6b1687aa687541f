// npm run bench (fourth part): reading a large index.yaml (a dependency on a classic chart repository, or migrate).
// A Bitnami-shaped index of ~27 MiB (its full index's size) in Helm's layout, each read in its own process:
//   parseIndex (one batch of versions at a time)  vs  the floor: JSON.parse of the same index as JSON (what V8 does
//   natively, the least any reader of that content could cost), and the whole-document YAML read it replaces.
// Target: read within a heap of 8 times the file (+32 MiB): the run fails otherwise. The whole-document read needs
// ~38 times (a 54 MiB index needed 2.0 GiB of heap).
require('../scripts/ts-require')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { spawnSync } = require('node:child_process')
const { printTable } = require('./floor')

const MIB = Number(process.env.BENCH_INDEX_MIB || 27)
const PROBE = path.join(__dirname, 'rss-probe.js')
const INDEX = path.join(__dirname, '../src/chart/dependencies/repo-index.ts')
const TS = path.join(__dirname, '../scripts/ts-require.js')

/** Versions shaped like Bitnami's entries (annotations with a block scalar, a dependency, maintainers), ~1.2 KiB each. */
function bitnamiShaped(mib) {
  const parts = ['apiVersion: v1\nentries:\n']
  let size = 0
  for (let c = 0; size < mib * 1024 * 1024; c++) {
    const name = `chart${c}`
    parts.push(`  ${name}:\n`)
    for (let i = 0; i < 400; i++) {
      const v = `${1 + (i % 20)}.${Math.floor(i / 20)}.0`
      const e =
        `  - annotations:\n      category: Database\n      images: |\n        - name: ${name}\n          image: docker.io/bitnami/${name}:${v}-debian-12-r0\n` +
        `      licenses: Apache-2.0\n    apiVersion: v2\n    appVersion: ${v}\n    created: "2024-05-01T10:00:00.000000000Z"\n` +
        `    dependencies:\n    - name: common\n      repository: oci://registry-1.docker.io/bitnamicharts\n      tags:\n      - bitnami-common\n      version: 2.x.x\n` +
        `    description: ${name} is an open source, advanced key-value store. It is often referred to as a data structure server.\n` +
        `    digest: ${(c * 1000 + i).toString(16).padStart(64, '0')}\n    home: https://bitnami.com\n` +
        `    icon: https://bitnami.com/assets/stacks/${name}/img/${name}-stack-220x234.png\n    keywords:\n    - ${name}\n    - database\n` +
        `    maintainers:\n    - name: Broadcom, Inc. All Rights Reserved.\n      url: https://github.com/bitnami/charts\n    name: ${name}\n` +
        `    sources:\n    - https://github.com/bitnami/charts/tree/main/bitnami/${name}\n    urls:\n    - https://charts.bitnami.com/bitnami/${name}-${v}.tgz\n    version: ${v}\n`
      parts.push(e)
      size += e.length
    }
  }
  parts.push('generated: "2024-05-01T10:00:00.000000000Z"\n')
  return parts.join('')
}

/** Runs `code` in a fresh node (heap capped at `heapMiB`) with the file's path as argv[1]; its time and peak RSS (MiB). */
function measure(code, file, heapMiB) {
  const rssFile = path.join(path.dirname(file), `rss-${process.hrtime.bigint()}`)
  const heap = heapMiB ? [`--max-old-space-size=${heapMiB}`] : []
  const r = spawnSync(process.execPath, [...heap, '-r', TS, '-e', code, file], {
    env: { ...process.env, NODE_OPTIONS: `--require ${PROBE}`, RSS_PROBE_FILE: rssFile },
    encoding: 'utf8'
  })
  if (r.status !== 0) throw new Error(`${code}: ${r.stderr}`)
  return { ms: Number(r.stdout.trim()), rss: Number(fs.readFileSync(rssFile, 'utf8')) / 1024 }
}

const timed = (read) =>
  `const fs = require('fs'); const text = fs.readFileSync(process.argv[1], 'utf8'); const t = process.hrtime.bigint(); ${read}; ` +
  'console.log(Number(process.hrtime.bigint() - t) / 1e6)'

function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hop-bench-index-'))
  try {
    const yamlFile = path.join(work, 'index.yaml')
    const text = bitnamiShaped(MIB)
    fs.writeFileSync(yamlFile, text)
    const index = require(INDEX).parseIndex(text, 'https://charts.example/')
    const versions = [...index.entries.values()].reduce((n, l) => n + l.length, 0)
    const jsonFile = path.join(work, 'index.json')
    fs.writeFileSync(jsonFile, JSON.stringify({ apiVersion: 'v1', entries: Object.fromEntries(index.entries), generated: '2024-05-01T10:00:00Z' }))
    const fileMiB = text.length / 1024 / 1024

    // What loading the reader costs with no index at all: peak RSS is compared above it.
    const loaded = measure(timed(`require(${JSON.stringify(INDEX)})`), jsonFile).rss
    const read = timed(`require(${JSON.stringify(INDEX)}).parseIndex(text, 'https://r')`)
    const ours = measure(read, yamlFile)
    // The bound: read in a heap of 8 times the file (the index text itself, the entries kept, one batch's parse);
    // measure() throws if the process runs out of it.
    const heapMiB = Math.ceil(8 * fileMiB) + 32
    const capped = measure(read, yamlFile, heapMiB)
    const floor = measure(timed('JSON.parse(text)'), jsonFile)
    const before = measure(timed(`require(${JSON.stringify(INDEX)}).parseIndexWhole(text, 'https://r')`), yamlFile)
    const f = (x) => `${(x / 1000).toFixed(1)} s`
    const m = (x) => `${x.toFixed(0)} MiB`
    const over = (x) => `${((x - loaded) / fileMiB).toFixed(1)}× the file above loading (${m(loaded)})`
    printTable(`index.yaml of ${fileMiB.toFixed(1)} MiB, ${versions} versions (Bitnami-shaped, Helm's layout), each read in its own process`, [
      ['read time, by version (floor: JSON.parse)', f(ours.ms), f(floor.ms), `${(ours.ms / floor.ms).toFixed(1)}×`],
      [`read time, by version, in a ${heapMiB} MiB heap (more collection)`, f(capped.ms), f(floor.ms), `${(capped.ms / floor.ms).toFixed(1)}×`],
      ['peak RSS, by version (floor: JSON.parse)', m(ours.rss), m(floor.rss), over(ours.rss)],
      ['read time, whole document (before)', f(before.ms), f(floor.ms), `${(before.ms / floor.ms).toFixed(1)}×`],
      ['peak RSS, whole document (before)', m(before.rss), m(floor.rss), over(before.rss)]
    ])
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

main()
