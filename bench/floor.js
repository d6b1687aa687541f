// The floor the benchmarks compare with: the HTTP requests a minimal, correct client makes, sent from one warm process.
const crypto = require('node:crypto')
const http = require('node:http')

const sha256 = (b) => `sha256:${crypto.createHash('sha256').update(b).digest('hex')}`
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6
const fmt = (x) => `${x.toFixed(1)} ms`

const agent = new http.Agent({ keepAlive: true })
/** One request; resolves with the response and its body. */
function request(method, url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const r = http.request(url, { method, agent, headers: { 'Content-Length': body ? body.length : 0, ...headers } }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve(Object.assign(res, { body: Buffer.concat(chunks) })))
    })
    r.on('error', reject)
    r.end(body)
  })
}

async function pushBlob(base, repo, b) {
  const digest = sha256(b)
  await request('HEAD', `${base}/v2/${repo}/blobs/${digest}`)
  const post = await request('POST', `${base}/v2/${repo}/blobs/uploads/`)
  const loc = new URL(post.headers.location, base)
  loc.searchParams.set('digest', digest)
  await request('PUT', loc, b, { 'Content-Type': 'application/octet-stream' })
}

// The requests a minimal, correct push makes: tag check, blob checks, POST+PUT per blob, manifest by digest, tag.
async function floorPush(base, repo, blobs, manifest, tag) {
  await request('HEAD', `${base}/v2/${repo}/manifests/${tag}`)
  for (const b of blobs) await pushBlob(base, repo, b)
  const type = { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }
  await request('PUT', `${base}/v2/${repo}/manifests/${sha256(manifest)}`, manifest, type)
  await request('PUT', `${base}/v2/${repo}/manifests/${tag}`, manifest, type)
}

/** Prints rows as the benchmark table. */
function printTable(title, rows) {
  const head = ['measurement', 'action', 'baseline (same run)', 'difference']
  const widths = [0, 1, 2, 3].map((c) => Math.max(...[head, ...rows].map((r) => r[c].length)))
  const line = (r) => r.map((x, i) => x.padEnd(widths[i])).join(' | ')
  console.log(`\n${title}\n`)
  console.log(line(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  for (const r of rows) console.log(line(r))
}

module.exports = { sha256, median, ms, fmt, request, pushBlob, floorPush, printTable }
