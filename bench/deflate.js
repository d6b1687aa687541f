// Deflate speed per core (issue 12: at least 80% of native gzip -6): the archive engine for charts over 1 MiB
// (libdeflate in WebAssembly per 1 MiB block, joined into one stream, src/chart/block-deflate.ts) and pako (zlib's
// algorithm in JavaScript, the engine before it), each on one thread, against GNU gzip -6 on the same tar. CPU
// time (user + system) rather than wall time, so that other load on the machine does not decide the ratio.
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { deflate } = require('libdeflate')
const { deflateRaw } = require('pako')
const { BLOCK_SIZE, StreamOpener } = require('../src/chart/block-deflate.ts')
const { median, fmt } = require('./floor')

const cpuMs = (f) => {
  const t0 = process.cpuUsage()
  f()
  const t = process.cpuUsage(t0)
  return (t.user + t.system) / 1000
}

/** CPU milliseconds of `gzip -6` over `file` (bash's `times`: the children's user and system time). */
function gzipCpuMs(file) {
  const out = execFileSync('bash', ['-c', `gzip -6 < '${file}' > /dev/null; times`], { encoding: 'utf8' })
  const [user, sys] = out
    .trim()
    .split('\n')[1]
    .split(/\s+/)
    .map((t) => {
      const [, m, s] = /(\d+)m([\d.]+)s/.exec(t)
      return Number(m) * 60000 + Number(s) * 1000
    })
  return user + sys
}

/** One row: the tar of the chart `make` writes, deflated 3 times by each engine; medians of CPU time. */
function deflateRow(kind, make) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hop-bench-deflate-'))
  try {
    make(path.join(work, 'chart'))
    const file = path.join(work, 'chart.tar')
    execFileSync('tar', ['-C', work, '-cf', file, 'chart'])
    const tar = fs.readFileSync(file)
    const opener = new StreamOpener()
    const out = new Uint8Array(BLOCK_SIZE + 4096)
    let engineBytes = 0
    const engine = () => {
      engineBytes = 0
      for (let at = 0; at < tar.length; at += BLOCK_SIZE) {
        const block = tar.subarray(at, at + BLOCK_SIZE)
        const stream = deflate(block, 6)
        engineBytes += at + BLOCK_SIZE < tar.length ? opener.openStream(stream, block.length, out) : stream.length
      }
    }
    const pako = () => {
      for (let at = 0; at < tar.length; at += BLOCK_SIZE) deflateRaw(tar.subarray(at, at + BLOCK_SIZE), { level: 6 })
    }
    const runs = { engine: [], pako: [], gzip: [] }
    for (let i = 0; i < 3; i++) {
      runs.engine.push(cpuMs(engine))
      runs.pako.push(cpuMs(pako))
      runs.gzip.push(gzipCpuMs(file))
    }
    const [e, p, g] = [median(runs.engine), median(runs.pako), median(runs.gzip)]
    const gzipBytes = execFileSync('gzip', ['-6'], { input: tar, maxBuffer: 2 * tar.length }).length
    return [
      `deflate per core, ${(tar.length / 1048576).toFixed(0)} MiB ${kind} tar: libdeflate blocks, CPU time (pako: ${fmt(p)}, ${((100 * g) / p).toFixed(0)}%)`,
      fmt(e),
      `gzip -6: ${fmt(g)}`,
      `${((100 * g) / e).toFixed(0)}% of gzip -6's speed (at least 80%), ${((100 * engineBytes) / gzipBytes).toFixed(1)}% of its size`
    ]
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

module.exports = { deflateRow }
