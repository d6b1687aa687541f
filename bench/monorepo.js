// Monorepo rows of `npm run bench`, each beside its floor measured in the same run:
//   a. 100 charts in one run (concurrency 4)       vs  one run of the action per chart
//   b. the same one run                              vs  the raw floor: tar | gzip -6 per chart plus the minimal requests
//                                                        (tag HEAD, blob HEAD + POST + PUT per blob, manifest by digest, tag), 4 charts at a time
//   c. the same 100 charts again, unchanged         vs  tar | gzip -6 per chart plus one HEAD per chart, 4 at a time
// Rows b and c also give CPU time (user + sys) of each side, which a loaded machine changes far less than wall time:
// the action's process (worker threads included) against this process's floor work plus its tar and gzip processes.
const { spawn } = require('node:child_process')
const crypto = require('node:crypto')
const fs = require('node:fs')
const http = require('node:http')
const os = require('node:os')
const path = require('node:path')
const { startRegistry } = require('../__tests__/support/registry.ts')
const { runAction } = require('../__tests__/support/action.ts')

const CHARTS = Number(process.env.BENCH_CHARTS || 100)
const CONCURRENCY = 4
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6
const sha256 = (b) => `sha256:${crypto.createHash('sha256').update(b).digest('hex')}`
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** CPU time (ms, user + sys) of this process and of its children that ended (Linux's /proc; 0 for children elsewhere). */
function cpuMs() {
  const own = process.cpuUsage()
  let children = 0
  try {
    // Fields 16 and 17 (cutime, cstime) in clock ticks, after the parenthesised command name.
    const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
    children = ((Number(f[13]) + Number(f[14])) * 1000) / 100
  } catch {
    // not Linux: children's CPU time is not available
  }
  return { own: (own.user + own.system) / 1000, children }
}
/** Runs `fn`, returning its wall time and CPU time; `ownCpu` false counts only children (the action runs in one). */
async function measured(fn, ownCpu) {
  const c0 = cpuMs()
  const t0 = process.hrtime.bigint()
  const value = await fn()
  const wall = ms(t0)
  const c1 = cpuMs()
  return { value, wall, cpu: c1.children - c0.children + (ownCpu ? c1.own - c0.own : 0) }
}

function makeMonorepo(ws) {
  const names = []
  for (let i = 0; i < CHARTS; i++) {
    const name = `svc-${String(i).padStart(3, '0')}`
    const dir = path.join(ws, 'charts', name)
    fs.mkdirSync(path.join(dir, 'templates'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\ndescription: service ${i}\nversion: 1.0.0\nappVersion: "1.0"\n`)
    fs.writeFileSync(path.join(dir, 'values.yaml'), `replicaCount: 1\nimage:\n  repository: registry.example/${name}\n  tag: "1.0"\n`)
    for (const t of ['deployment', 'service', 'configmap'])
      fs.writeFileSync(
        path.join(dir, 'templates', `${t}.yaml`),
        `kind: ${t}\nmetadata:\n  name: {{ .Release.Name }}-${name}\n  labels: {{ toYaml .Values | nindent 4 }}\n`
      )
    names.push(name)
  }
  return names
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

function tarGzip(ws, name, out) {
  return new Promise((resolve, reject) => {
    const p = spawn('sh', ['-c', `tar -C "${ws}/charts" -cf - "${name}" | gzip -6 > "${out}"`], { stdio: 'ignore' })
    p.on('error', reject)
    p.on('close', (code) => (code === 0 ? resolve(fs.readFileSync(out)) : reject(new Error(`tar|gzip exited ${code}`))))
  })
}

async function pool(items, n, fn) {
  let next = 0
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++])
    })
  )
}

// The raw floor for one chart: package with tar|gzip, then the minimal push.
async function floorPublish(base, ws, tmp, repo, name) {
  const tgz = await tarGzip(ws, name, path.join(tmp, `${name}.tgz`))
  const config = Buffer.from(JSON.stringify({ name, version: '1.0.0', apiVersion: 'v2' }))
  await request('HEAD', `${base}/v2/${repo}/manifests/1.0.0`)
  for (const b of [config, tgz]) {
    const digest = sha256(b)
    await request('HEAD', `${base}/v2/${repo}/blobs/${digest}`)
    const post = await request('POST', `${base}/v2/${repo}/blobs/uploads/`)
    const loc = new URL(post.headers.location, base)
    loc.searchParams.set('digest', digest)
    await request('PUT', loc, b, { 'Content-Type': 'application/octet-stream' })
  }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: sha256(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: sha256(tgz), size: tgz.length }]
    })
  )
  const type = { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }
  await request('PUT', `${base}/v2/${repo}/manifests/${sha256(manifest)}`, manifest, type)
  await request('PUT', `${base}/v2/${repo}/manifests/1.0.0`, manifest, type)
}

async function floorUnchanged(base, ws, tmp, repo, name) {
  await tarGzip(ws, name, path.join(tmp, `${name}.tgz`))
  await request('HEAD', `${base}/v2/${repo}/manifests/1.0.0`, undefined, { Accept: 'application/vnd.oci.image.manifest.v1+json' })
}

async function monorepoRows(fmt, runs = 5) {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'hop-bench-mono-'))
  const tmp = path.join(ws, 'floor')
  fs.mkdirSync(tmp)
  const names = makeMonorepo(ws)
  const registry = await startRegistry({ auth: 'none' })
  const base = `http://${registry.host}`
  const rows = []
  try {
    const action = (ns, charts = 'charts/*') =>
      runAction({ charts, registry: `oci://${registry.host}/${ns}`, sign: 'false', concurrency: String(CONCURRENCY), 'output-dir': 'out' }, { workspace: ws })
    const check = (run, what) => {
      fs.rmSync(run.runnerTemp, { recursive: true, force: true })
      if (run.code !== 0) throw new Error(`${what} failed:\n${run.stdout}\n${run.stderr}`)
      return run
    }
    const one = []
    const floor = []
    const unchanged = []
    const unchangedFloor = []
    for (let i = 0; i < runs; i++) {
      // Alternate action and floor so that both see the same machine load.
      const run = await measured(async () => check(await action(`one${i}`), 'monorepo run'), false)
      one.push(run)
      const statuses = JSON.parse(run.value.outputs.charts).map((c) => c.status)
      if (statuses.length !== CHARTS || statuses.some((s) => s !== 'published')) throw new Error(`not all published: ${statuses}`)
      floor.push(await measured(() => pool(names, CONCURRENCY, (n) => floorPublish(base, ws, tmp, `floor${i}/${n}`, n)), true))
      const again = await measured(async () => check(await action(`one${i}`), 'unchanged run'), false)
      unchanged.push(again)
      if (JSON.parse(again.value.outputs.charts).some((c) => c.status !== 'unchanged')) throw new Error('second run was not unchanged')
      unchangedFloor.push(await measured(() => pool(names, CONCURRENCY, (n) => floorUnchanged(base, ws, tmp, `floor${i}/${n}`, n)), true))
    }
    // One run per chart, once (it is the slow side by design).
    const t0 = process.hrtime.bigint()
    for (const n of names) check(await action('each', `charts/${n}`), `run for ${n}`)
    const each = ms(t0)

    const wall = (xs) => median(xs.map((x) => x.wall))
    const cpu = (xs) => median(xs.map((x) => x.cpu))
    const a = wall(one)
    const f = wall(floor)
    const u = wall(unchanged)
    const uf = wall(unchangedFloor)
    const cpuRatio = (x, y) => (cpu(y) > 0 ? `; CPU ${fmt(cpu(x))} vs ${fmt(cpu(y))} = ${(cpu(x) / cpu(y)).toFixed(2)}×` : '')
    rows.push([
      `${CHARTS}-chart monorepo, one run (concurrency ${CONCURRENCY})`,
      fmt(a),
      `one run per chart: ${fmt(each)}`,
      `${(each / a).toFixed(1)}× faster (target ≥ 8×)`
    ])
    rows.push([
      `${CHARTS}-chart monorepo, one run`,
      fmt(a),
      `tar|gzip + minimal requests, ${CONCURRENCY} at a time: ${fmt(f)}`,
      `${(a / f).toFixed(2)}× the floor (target ≤ 1.5×)${cpuRatio(one, floor)}`
    ])
    rows.push([
      `${CHARTS} charts again, all unchanged`,
      fmt(u),
      `tar|gzip + one HEAD per chart, ${CONCURRENCY} at a time: ${fmt(uf)}`,
      `${(u / uf).toFixed(2)}× the floor (target ≤ 2.5×)${cpuRatio(unchanged, unchangedFloor)}`
    ])
  } finally {
    await registry.stop()
    fs.rmSync(ws, { recursive: true, force: true })
  }
  return rows
}

module.exports = { monorepoRows }
