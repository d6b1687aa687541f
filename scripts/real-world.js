// The real-world check for issue #8, offline: publishes every chart of real chart repositories (their git
// checkouts, e.g. prometheus-community/helm-charts and argoproj/argo-helm) with the bundled action, exactly as a
// tag-triggered workflow would (`charts: charts/*`, one step), to a real Distribution registry on 127.0.0.1.
//
// The chart repositories their dependencies come from (prometheus-community.github.io, grafana-community.github.io,
// charts.bitnami.com, dandydeveloper.github.io, …) are served on loopback from the same projects' git history: the
// version a chart asks for is found in the history of its Chart.yaml, archived with git and gzip (its own
// dependencies vendored, as `helm package` after `helm dependency build` leaves them), and listed in an index.yaml
// with its sha256. The action reaches them as it would reach the real hosts, through HTTPS_PROXY (a CONNECT proxy
// that answers for those names only) and a private CA in NODE_EXTRA_CA_CERTS: no code path knows it is a test.
//
// Every published chart is then read back from the registry and checked as `helm pull` would: the layer's sha256
// equals the manifest's digest, `gzip -t` passes, `tar -tzf` lists it, and each dependency is in <chart>/charts/.
//
//   node scripts/real-world.js --workspace <checkout> [--workspace <checkout> …] --upstream <URL>=<checkout>:<dir> …
//
// <dir> is where the upstream project keeps its charts (`charts`, `bitnami`). Needs `npm run build` first.
require('./ts-require')
const { execFileSync } = require('node:child_process')
const { createHash } = require('node:crypto')
const fs = require('node:fs')
const http = require('node:http')
const https = require('node:https')
const net = require('node:net')
const os = require('node:os')
const path = require('node:path')
const semver = require('semver')
const YAML = require('yaml')
const { startRegistry } = require('../__tests__/support/registry.ts')
const { runAction } = require('../__tests__/support/action.ts')
const { makeTestPki } = require('../__tests__/support/tls.ts')

function parseArgs(argv) {
  const out = { workspaces: [], upstreams: new Map() }
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--workspace') out.workspaces.push(path.resolve(argv[i + 1]))
    else if (argv[i] === '--upstream') {
      const m = /^(https?:\/\/[^=]+)=(.+):([^:]+)$/.exec(argv[i + 1])
      if (!m) throw new Error(`--upstream wants URL=<checkout>:<dir>, got ${argv[i + 1]}`)
      out.upstreams.set(m[1].replace(/\/$/, ''), { repo: path.resolve(m[2]), dir: m[3] })
    } else throw new Error(`unknown option ${argv[i]}`)
  }
  if (!out.workspaces.length) throw new Error('give at least one --workspace')
  return out
}

const git = (repo, ...args) => execFileSync('git', ['-C', repo, ...args], { maxBuffer: 1 << 28 }).toString()

function dependenciesOf(chartYaml, requirementsYaml) {
  const doc = YAML.parse(chartYaml) ?? {}
  const deps = doc.apiVersion === 'v1' && requirementsYaml ? (YAML.parse(requirementsYaml)?.dependencies ?? []) : (doc.dependencies ?? [])
  return deps.filter((d) => d && d.name)
}

/** Every version of `<dir>/<name>` in the upstream's history, newest commit first: version → commit. */
const historyCache = new Map()
function versionsInHistory(up, name) {
  const key = `${up.repo}:${up.dir}/${name}`
  if (historyCache.has(key)) return historyCache.get(key)
  const versions = new Map()
  const file = `${up.dir}/${name}/Chart.yaml`
  for (const commit of git(up.repo, 'log', '--format=%H', '--', file).split('\n').filter(Boolean)) {
    let v
    try {
      v = YAML.parse(git(up.repo, 'show', `${commit}:${file}`))?.version
    } catch {
      continue
    }
    if (typeof v === 'string' && !versions.has(v)) versions.set(v, commit)
  }
  historyCache.set(key, versions)
  return versions
}

/** The version a dependency asks for: the lock's, an exact version, or the newest in the history matching the range. */
function pick(versions, wanted) {
  if (versions.has(wanted)) return wanted
  const range = wanted.replace(/,/g, ' ')
  return (
    semver.maxSatisfying(
      [...versions.keys()].filter((v) => semver.valid(v)),
      range,
      { includePrerelease: /-/.test(range) }
    ) ?? undefined
  )
}

/**
 * `<name>-<version>.tgz` from the upstream's history, with its own repository dependencies vendored under
 * charts/ from the same commit (what the upstream's release job publishes). Returns the archive path.
 */
function buildArchive(up, name, version, commit, outDir, work) {
  const src = path.join(work, `${name}-${version}`)
  fs.mkdirSync(src, { recursive: true })
  execFileSync('sh', ['-c', `git -C "${up.repo}" archive --format=tar "${commit}" "${up.dir}/${name}" | tar -x -C "${src}"`])
  const dir = path.join(src, up.dir, name)
  const chartYaml = fs.readFileSync(path.join(dir, 'Chart.yaml'), 'utf8')
  const reqFile = path.join(dir, 'requirements.yaml')
  for (const dep of dependenciesOf(chartYaml, fs.existsSync(reqFile) ? fs.readFileSync(reqFile, 'utf8') : undefined)) {
    if (!dep.repository || dep.repository.startsWith('file://')) continue
    // Vendored the way the upstream's own release leaves it: the dependency's directory at the same commit.
    const nested = `${up.dir}/${dep.name}`
    if (!git(up.repo, 'ls-tree', '--name-only', commit, nested).trim()) throw new Error(`${name} ${version}: dependency ${dep.name} is not in ${up.repo}`)
    fs.mkdirSync(path.join(dir, 'charts'), { recursive: true })
    execFileSync('sh', ['-c', `git -C "${up.repo}" archive --format=tar "${commit}" "${nested}" | tar -x -C "${work}"`])
    fs.renameSync(path.join(work, nested), path.join(dir, 'charts', dep.name))
  }
  const file = path.join(outDir, `${name}-${version}.tgz`)
  execFileSync('sh', ['-c', `tar -C "${path.dirname(dir)}" --owner=0 --group=0 --sort=name -cf - "${name}" | gzip -6 -n > "${file}"`])
  return file
}

/** Serves every upstream's index.yaml and archives over HTTPS, by Host header; returns the counts of requests. */
async function serveUpstreams(upstreams, files, pki) {
  const counts = { index: 0, archive: 0, other: 0 }
  const byPath = new Map()
  for (const [url, entries] of files) {
    const u = new URL(url)
    const base = u.pathname.replace(/\/$/, '')
    byPath.set(`${u.host}${base}/index.yaml`, { body: Buffer.from(indexYaml(entries)), kind: 'index' })
    for (const e of entries) byPath.set(`${u.host}${base}/${path.basename(e.file)}`, { file: e.file, kind: 'archive' })
  }
  const server = https.createServer({ cert: pki.cert, key: pki.key }, (req, res) => {
    const hit = byPath.get(`${req.headers.host}${new URL(req.url, 'https://x').pathname}`)
    if (!hit) {
      counts.other++
      return res.writeHead(404).end('not found\n')
    }
    counts[hit.kind]++
    res.writeHead(200, { 'Content-Type': hit.kind === 'index' ? 'text/yaml' : 'application/gzip' })
    if (hit.body) res.end(hit.body)
    else fs.createReadStream(hit.file).pipe(res)
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  const tlsPort = server.address().port
  // The proxy: CONNECT to an upstream's host:443 goes to the HTTPS server above; anything else is refused.
  const hosts = new Set([...upstreams.keys()].map((u) => new URL(u).host))
  const connects = []
  const tunnels = new Set()
  const proxy = http.createServer((_req, res) => res.writeHead(502).end())
  proxy.on('connect', (req, client) => {
    connects.push(req.url)
    tunnels.add(client)
    client.on('close', () => tunnels.delete(client))
    client.on('error', () => undefined)
    const host = req.url.replace(/:443$/, '')
    if (!hosts.has(host)) return client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n')
    const up = net.connect(tlsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      up.pipe(client)
      client.pipe(up)
    })
    up.on('error', () => client.destroy())
  })
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r))
  return {
    proxyUrl: `http://127.0.0.1:${proxy.address().port}`,
    counts,
    connects,
    stop: async () => {
      // Tunnels are detached from the HTTP server: end them, or close() waits for them.
      for (const t of tunnels) t.destroy()
      server.closeAllConnections()
      proxy.closeAllConnections()
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => proxy.close(r))])
    }
  }
}

function indexYaml(entries) {
  const idx = { apiVersion: 'v1', entries: {}, generated: '2026-01-01T00:00:00Z' }
  for (const e of entries) {
    const meta = YAML.parse(e.chartYaml)
    ;(idx.entries[e.name] ??= []).push({ ...meta, created: '2026-01-01T00:00:00Z', digest: e.sha256, urls: [path.basename(e.file)] })
  }
  return YAML.stringify(idx)
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hop-real-world-'))
  process.env.TMPDIR = tmp
  const pki = makeTestPki([...opts.upstreams.keys()].map((u) => new URL(u).hostname))
  const registry = await startRegistry({ auth: 'none' })
  let served
  try {
    // 1. Each workspace is a clone of the checkout (history kept, for the source dates); the charts it has.
    const workspaces = opts.workspaces.map((repo, i) => {
      const ws = path.join(tmp, `ws${i}-${path.basename(path.dirname(repo)).replace(/[^\w.+-]/g, '_')}`)
      // Only charts/ is checked out: the snapshots may lack large files elsewhere (docs binaries).
      execFileSync('git', ['clone', '-q', '--shared', '--no-checkout', repo, ws])
      execFileSync('git', ['-C', ws, 'checkout', '-q', 'HEAD', '--', 'charts'])
      return ws
    })
    // 2. What their dependencies need from each upstream: the lock's versions, else the ranges.
    const wanted = new Map() // url → Map(name → Set(version or range))
    for (const ws of workspaces) {
      for (const name of fs.readdirSync(path.join(ws, 'charts'))) {
        const dir = path.join(ws, 'charts', name)
        if (!fs.existsSync(path.join(dir, 'Chart.yaml'))) continue
        const chartYaml = fs.readFileSync(path.join(dir, 'Chart.yaml'), 'utf8')
        const req = path.join(dir, 'requirements.yaml')
        const deps = dependenciesOf(chartYaml, fs.existsSync(req) ? fs.readFileSync(req, 'utf8') : undefined)
        const lockFile = ['Chart.lock', 'requirements.lock'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f))
        const locked = lockFile ? (YAML.parse(fs.readFileSync(lockFile, 'utf8'))?.dependencies ?? []) : []
        for (const d of deps) {
          if (!/^https?:\/\//.test(d.repository ?? '')) continue
          const url = d.repository.replace(/\/$/, '')
          const v = locked.find((l) => l.name === d.name)?.version ?? String(d.version ?? '*')
          if (!wanted.has(url)) wanted.set(url, new Map())
          if (!wanted.get(url).has(d.name)) wanted.get(url).set(d.name, new Set())
          wanted.get(url).get(d.name).add(v)
        }
      }
    }
    // 3. Build the archives: each wanted version, plus the newest version the upstream has (often outside the range).
    const files = new Map()
    const built = []
    for (const [url, charts] of wanted) {
      const up = opts.upstreams.get(url)
      if (!up) throw new Error(`no --upstream for ${url}, which ${[...charts.keys()].join(', ')} come from`)
      const outDir = path.join(tmp, 'upstream', new URL(url).host)
      fs.mkdirSync(outDir, { recursive: true })
      const entries = []
      for (const [name, asks] of charts) {
        const versions = versionsInHistory(up, name)
        const chosen = new Set([...asks].map((a) => pick(versions, a)).filter(Boolean))
        chosen.add([...versions.keys()][0])
        for (const version of chosen) {
          const file = buildArchive(up, name, version, versions.get(version), outDir, path.join(tmp, 'build', new URL(url).host))
          const sha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex')
          const chartYaml = git(up.repo, 'show', `${versions.get(version)}:${up.dir}/${name}/Chart.yaml`)
          entries.push({ name, version, file, sha256, chartYaml })
          built.push(`${new URL(url).host} ${name} ${version} (asked: ${[...asks].join(' | ')})`)
        }
      }
      files.set(url, entries)
    }
    console.log(`Upstream chart repositories served on loopback (from git history):\n  ${built.join('\n  ')}\n`)
    served = await serveUpstreams(opts.upstreams, files, pki)

    // 4. One action step per workspace, as each project's release workflow would run it; then, into a fresh
    //    namespace, only the charts with repository dependencies, for the time per such chart.
    const rows = []
    const passes = workspaces.flatMap((ws) => {
      const org = path
        .basename(ws)
        .replace(/^ws\d+-/, '')
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
      const withDeps = umbrellas(ws)
      return [{ ws, org, charts: 'charts/*' }, ...(withDeps.length ? [{ ws, org: `${org}-umbrellas`, charts: withDeps.join('\n') }] : [])]
    })
    for (const { ws, org, charts } of passes) {
      const before = { ...served.counts }
      const t0 = process.hrtime.bigint()
      const run = await runAction(
        { charts, registry: `oci://${registry.host}/${org}`, sign: 'false', concurrency: '4' },
        {
          workspace: ws,
          env: {
            HTTPS_PROXY: served.proxyUrl,
            NO_PROXY: '127.0.0.1,localhost',
            NODE_EXTRA_CA_CERTS: pki.caFile,
            SOURCE_DATE_EPOCH: undefined
          }
        }
      )
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9
      const results = JSON.parse(run.outputs.charts || '[]')
      if (run.code !== 0) {
        console.log(
          run.stdout
            .split('\n')
            .filter((l) => /^::(error|warning)/.test(l))
            .join('\n')
        )
      }
      const fetches = { index: served.counts.index - before.index, archive: served.counts.archive - before.archive }
      rows.push({ ws, org, code: run.code, seconds, results, fetches })
    }

    // 5. Read every published chart back as `helm pull` would, and check it.
    let failures = 0
    for (const row of rows) {
      console.log(
        `\n## ${row.org}: exit ${row.code}, ${row.results.length} charts in ${row.seconds.toFixed(1)} s (${(row.seconds / Math.max(1, row.results.length)).toFixed(2)} s per chart); fetched ${row.fetches.index} index.yaml, ${row.fetches.archive} archives`
      )
      console.log('| chart | version | status | dependencies resolved | layer | gzip -t | tar -tzf entries | dependencies under charts/ |')
      console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')
      for (const r of row.results) {
        const deps = (r.dependencies ?? []).map((d) => `${d.name} ${d.version}`).join(', ')
        if (r.status !== 'published') {
          failures++
          console.log(`| ${r.name} | ${r.version} | ${r.status} | ${deps} | | | | |`)
          continue
        }
        const check = await readBack(registry.host, `${row.org}/${r.name}`, r.tag, tmp)
        const missing = (r.dependencies ?? []).filter((d) => !check.entries.some((e) => e.startsWith(`${r.name}/charts/${d.name}`)))
        // chartutil.Save writes each dependency expanded under charts/<name>/: every file as the repository's archive
        // has it, byte for byte, except Chart.yaml and Chart.lock, which Helm writes anew from the parsed chart.
        for (const d of r.dependencies ?? []) {
          const served = [...files.values()].flat().find((e) => e.name === d.name && e.version === d.version)
          if (!served || !check.gzipOk) continue
          const a = fs.mkdtempSync(path.join(tmp, 'dep-a-'))
          const b = fs.mkdtempSync(path.join(tmp, 'dep-b-'))
          execFileSync('tar', ['-xzf', served.file, '-C', a])
          execFileSync('tar', ['-xzf', check.file, '-C', b, `${r.name}/charts/${d.name}`])
          try {
            execFileSync('diff', ['-r', '--exclude=Chart.yaml', '--exclude=Chart.lock', path.join(a, d.name), path.join(b, r.name, 'charts', d.name)], {
              stdio: 'pipe'
            })
            r.identical = (r.identical ?? 0) + 1
          } catch (e) {
            missing.push({ name: `${d.name} (files differ from the repository's archive: ${String(e.stdout).split('\n')[0]})` })
          }
        }
        if (!check.digestOk || !check.gzipOk || missing.length) failures++
        console.log(
          `| ${r.name} | ${r.version} | ${r.status} | ${deps || '—'} | ${check.size} B, sha256 ${check.digestOk ? 'matches' : 'DIFFERS'} | ${check.gzipOk ? 'ok' : 'FAILED'} | ${check.entries.length} | ${missing.length ? `MISSING ${missing.map((d) => d.name).join(', ')}` : deps ? `all${r.identical ? `, ${r.identical} with the repository's files byte for byte` : ''}` : '—'} |`
        )
      }
    }
    console.log(
      `\nupstream requests: ${served.counts.index} index.yaml, ${served.counts.archive} archives, ${served.counts.other} other; CONNECTs: ${served.connects.length}`
    )
    console.log(failures ? `\n${failures} chart(s) not published or not readable` : '\nevery chart published and read back')
    process.exitCode = failures ? 1 : 0
  } finally {
    await served?.stop()
    await registry.stop()
    pki.remove()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

/** GET the manifest and the chart layer from the registry (as Helm's pull does), and check the bytes independently. */
async function readBack(host, repository, tag, tmp) {
  const get = (p, accept) =>
    new Promise((resolve, reject) =>
      http
        .get({ host: host.split(':')[0], port: Number(host.split(':')[1]), path: p, headers: accept ? { Accept: accept } : {} }, (res) => {
          const chunks = []
          res.on('data', (c) => chunks.push(c))
          res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`GET ${p}: ${res.statusCode}`))))
        })
        .on('error', reject)
    )
  const manifest = JSON.parse((await get(`/v2/${repository}/manifests/${encodeURIComponent(tag)}`, 'application/vnd.oci.image.manifest.v1+json')).toString())
  const layer = manifest.layers.find((l) => l.mediaType === 'application/vnd.cncf.helm.chart.content.v1.tar+gzip')
  const bytes = await get(`/v2/${repository}/blobs/${layer.digest}`)
  const file = path.join(tmp, `${repository.replace(/\//g, '_')}.tgz`)
  fs.writeFileSync(file, bytes)
  const digestOk = `sha256:${createHash('sha256').update(bytes).digest('hex')}` === layer.digest && bytes.length === layer.size
  let gzipOk = true
  try {
    execFileSync('gzip', ['-t', file], { stdio: 'pipe' })
  } catch {
    gzipOk = false
  }
  const entries = gzipOk
    ? execFileSync('tar', ['-tzf', file], { maxBuffer: 1 << 26 })
        .toString()
        .split('\n')
        .filter(Boolean)
    : []
  return { size: bytes.length, digestOk, gzipOk, entries, file }
}

/** charts/<name> of a workspace whose Chart.yaml (or requirements.yaml) names an http(s) repository. */
function umbrellas(ws) {
  return fs
    .readdirSync(path.join(ws, 'charts'))
    .filter((name) => {
      const dir = path.join(ws, 'charts', name)
      if (!fs.existsSync(path.join(dir, 'Chart.yaml'))) return false
      const req = path.join(dir, 'requirements.yaml')
      const deps = dependenciesOf(fs.readFileSync(path.join(dir, 'Chart.yaml'), 'utf8'), fs.existsSync(req) ? fs.readFileSync(req, 'utf8') : undefined)
      return deps.some((d) => /^https?:\/\//.test(d.repository ?? ''))
    })
    .map((name) => `charts/${name}`)
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})
