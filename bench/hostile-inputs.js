/**
 * Hostile inputs for the action, written with Node's zlib and a plain USTAR
 * writer (not the action's own tar code): nested-subchart bombs, archives with
 * links, devices and absolute names, many-file archives and YAML that nests
 * or fans out without limit. Used by the hostile tests and by bench/hostile.js.
 */
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')

function octal(n, len) {
  return n.toString(8).padStart(len - 1, '0') + '\0'
}

/** One USTAR header. `type`: '0' file, '1' hard link, '2' symlink, '3' char, '4' block, '5' dir, '6' FIFO. */
function header(name, size, type = '0', link = '') {
  const h = Buffer.alloc(512)
  const nameBytes = Buffer.isBuffer(name) ? name : Buffer.from(name)
  nameBytes.copy(h, 0, 0, Math.min(100, nameBytes.length))
  h.write(octal(type === '5' ? 0o755 : 0o644, 8), 100, 'latin1')
  h.write(octal(0, 8), 108, 'latin1')
  h.write(octal(0, 8), 116, 'latin1')
  h.write(octal(size, 12), 124, 'latin1')
  h.write(octal(1700000000, 12), 136, 'latin1')
  h.write(type, 156, 'latin1')
  h.write(link, 157, 'latin1')
  h.write('ustar\x0000', 257, 'latin1')
  h.fill(0x20, 148, 156)
  let sum = 0
  for (const b of h) sum += b
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1')
  return h
}

/** A gzipped tar of entries `{ name, data?, type?, link? }`. */
function tgz(entries, level = 9) {
  const parts = []
  for (const e of entries) {
    const data = e.data === undefined ? Buffer.alloc(0) : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data)
    parts.push(header(e.name, data.length, e.type ?? '0', e.link ?? ''), data, Buffer.alloc((512 - (data.length % 512)) % 512))
  }
  parts.push(Buffer.alloc(1024))
  return zlib.gzipSync(Buffer.concat(parts), { level })
}

const chartYaml = (name, version = '1.0.0', deps = []) =>
  `apiVersion: v2\nname: ${name}\nversion: ${version}\n` +
  (deps.length ? `dependencies:\n${deps.map((d) => `- name: ${d}\n  version: ${version}\n`).join('')}` : '')

/** A valid chart archive `name-version.tgz` with `extra` entries under the chart directory. */
function chartTgz(name, extra = [], version = '1.0.0', deps = []) {
  return tgz([{ name: `${name}/Chart.yaml`, data: chartYaml(name, version, deps) }, ...extra.map((e) => ({ ...e, name: `${name}/${e.name}` }))])
}

/**
 * A chart whose subcharts hold subcharts: `fanout` copies per level, `depth`
 * levels, and a `leafBytes` file of zeros in each leaf. Decompressed it is
 * fanout^depth × leafBytes; compressed a few KB.
 */
function nestedBomb({ fanout = 8, depth = 3, leafBytes = 4 * 1024 * 1024 } = {}) {
  let child = chartTgz('leaf', [{ name: 'files/zeros', data: Buffer.alloc(leafBytes) }])
  let childName = 'leaf'
  for (let level = 1; level <= depth; level++) {
    const name = `level${level}`
    const subs = Array.from({ length: fanout }, (_, i) => ({ name: `charts/${childName}-${i}.tgz`, data: child }))
    child = chartTgz(name, subs)
    childName = name
  }
  return child
}

/** An archive with `count` empty files. */
function manyFiles(count = 200000) {
  const entries = [{ name: 'many/Chart.yaml', data: chartYaml('many') }]
  for (let i = 0; i < count; i++) entries.push({ name: `many/files/${i}` })
  return tgz(entries, 1)
}

/** values.yaml texts the parser would choke on. */
const yamlBombs = {
  deepFlow: () => '['.repeat(1000000),
  deepBlock: () => Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + '\n',
  compactSeq: () => '- '.repeat(1000000) + 'x\n',
  manyKeys: () => Array.from({ length: 300000 }, (_, i) => `key${i}: v\n`).join('')
}

/** values.schema.json texts: 2.5 million nested arrays (297 MiB in JSON.parse), 400,000 keys. */
const jsonBombs = {
  deepJson: () => '['.repeat(2500000) + ']'.repeat(2500000),
  manyJsonKeys: () => `{${Array.from({ length: 400000 }, (_, i) => `"k${i}":0`).join(',')}}`
}

function write(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, data)
  return file
}

module.exports = { header, tgz, chartYaml, chartTgz, nestedBomb, manyFiles, yamlBombs, jsonBombs, write }
