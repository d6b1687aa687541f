// npm run bench (second table): the sub-actions beside their floors, measured in the same run.
//   1. migrate: a classic repository of 50 versions (every fifth with a .prov, served on loopback with Basic auth)
//      to an empty registry namespace, whole process (node dist/migrate/index.js), in versions per second
//      vs  the floor: index.yaml, every archive and .prov fetched and pushed with the minimal requests
//      (same bytes, same manifests, 4 at a time, as the action) from one warm process
//   2. promote: a chart signed by the main action (Sigstore bundle, SLSA provenance, legacy .sig) from one
//      registry to another, whole process (node dist/promote/index.js), with and without the signer check
//      vs  the floor: the same manifests and blobs read from the source and written to the destination
//      (GET + POST/PUT per blob, PUT per manifest, the referrers index and the tags) from one warm process
require('../scripts/ts-require')
const fs = require('node:fs')
const http = require('node:http')
const os = require('node:os')
const path = require('node:path')
const { startRegistry } = require('../__tests__/support/registry.ts')
const { runAction, ROOT } = require('../__tests__/support/action.ts')
const { makeRepository, indexYaml, startChartRepository } = require('../__tests__/support/chart-repo.ts')
const { startSigstore, startGitHubTokenEndpoint } = require('../__tests__/support/sigstore.ts')
const { sha256, median, ms, fmt, request, pushBlob, floorPush, printTable } = require('./floor')
const { pool } = require('../src/pool.ts')

const RUNS = Number(process.env.BENCH_RUNS || 5)
const VERSIONS = 50
const rate = (n, t) => `${((n * 1000) / t).toFixed(1)} versions/s`

async function benchMigrate(work) {
  const root = path.join(work, 'repo')
  const range = (n, f) => Array.from({ length: n }, (_, i) => f(i))
  const versions = makeRepository(
    root,
    [
      { name: 'alpha', versions: range(30, (i) => `1.${Math.floor(i / 10)}.${i % 10}`) },
      { name: 'beta', versions: range(20, (i) => `0.${i}.0`) }
    ],
    5
  )
  fs.writeFileSync(path.join(root, 'index.yaml'), indexYaml(versions))
  const repo = await startChartRepository(root, 'reader', 'secret')
  const registry = await startRegistry({ auth: 'none' })
  try {
    const action = []
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint()
      const run = await runAction(
        { repository: repo.url, 'repository-username': 'reader', 'repository-password': 'secret', registry: `oci://${registry.host}/run${i}`, sign: 'false' },
        { action: 'migrate', workspace: work }
      )
      action.push(ms(t0))
      if (run.code !== 0 || run.outputs.moved !== String(VERSIONS)) throw new Error(`migrate failed:\n${run.stdout}\n${run.stderr}`)
    }
    // The floor pushes exactly what the action pushed: its manifests and configs, read back from the registry.
    const base = `http://${registry.host}`
    const auth = { authorization: `Basic ${Buffer.from('reader:secret').toString('base64')}` }
    const pushed = []
    for (const v of versions) {
      const tag = v.version
      const manifest = (await request('GET', `${base}/v2/run0/${v.name}/manifests/${tag}`, undefined, { accept: 'application/vnd.oci.image.manifest.v1+json' }))
        .body
      const config = (await request('GET', `${base}/v2/run0/${v.name}/blobs/${JSON.parse(manifest).config.digest}`)).body
      pushed.push({ v, tag, manifest, config })
    }
    const floor = []
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint()
      await request('GET', `${repo.url}/index.yaml`, undefined, auth)
      await pool(pushed, 4, async ({ v, tag, manifest, config }) => {
        const tgz = (await request('GET', `${repo.url}/${v.file}`, undefined, auth)).body
        const prov = await request('GET', `${repo.url}/${v.file}.prov`, undefined, auth)
        await floorPush(base, `floor${i}/${v.name}`, [config, tgz, ...(prov.statusCode === 200 ? [prov.body] : [])], manifest, tag)
      })
      floor.push(ms(t0))
    }
    const a = median(action)
    const f = median(floor)
    return [
      `migrate ${VERSIONS} versions (10 with .prov), whole process`,
      `${fmt(a)} = ${rate(VERSIONS, a)}`,
      `floor ${fmt(f)} = ${rate(VERSIONS, f)}`,
      `${(a / f).toFixed(2)}×`
    ]
  } finally {
    await Promise.all([repo.stop(), registry.stop()])
  }
}

/** The floor of a promotion: every manifest of the graph (chart, referrers, .sig) and its blobs, read and written once. */
async function floorCopy(src, dst, repo, destRepo, digest, tag) {
  const accept = { accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json' }
  const index = JSON.parse((await request('GET', `${src}/v2/${repo}/manifests/${digest.replace(':', '-')}`, undefined, accept)).body)
  const sig = `${digest.replace(':', '-')}.sig`
  const sigDigest = (await request('HEAD', `${src}/v2/${repo}/manifests/${sig}`, undefined, accept)).headers['docker-content-digest']
  const copy = async (d, ref) => {
    const res = await request('GET', `${src}/v2/${repo}/manifests/${d}`, undefined, accept)
    const m = JSON.parse(res.body)
    for (const b of [m.config, ...m.layers]) await pushBlob(dst, destRepo, (await request('GET', `${src}/v2/${repo}/blobs/${b.digest}`)).body)
    await request('PUT', `${dst}/v2/${destRepo}/manifests/${ref}`, res.body, { 'content-type': res.headers['content-type'] })
  }
  await copy(digest, digest)
  for (const r of index.manifests) await copy(r.digest, r.digest)
  const indexBytes = Buffer.from(JSON.stringify(index))
  await request('PUT', `${dst}/v2/${destRepo}/manifests/${digest.replace(':', '-')}`, indexBytes, { 'content-type': 'application/vnd.oci.image.index.v1+json' })
  await copy(sigDigest, sig)
  await copy(digest, tag)
}

async function benchPromote(work) {
  const [dev, prod, sigstore, token] = await Promise.all([
    startRegistry({ auth: 'none' }),
    startRegistry({ auth: 'none' }),
    startSigstore({ withTsa: true }),
    startGitHubTokenEndpoint({ repository: 'acme/charts' })
  ])
  const api = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":1}')))
  await new Promise((r) => api.listen(0, '127.0.0.1', r))
  try {
    fs.cpSync(path.join(ROOT, 'examples', 'demo-chart'), path.join(work, 'demo'), { recursive: true })
    const trustedRoot = path.join(work, 'trusted_root.json')
    fs.writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRoot))
    const signed = await runAction(
      {
        charts: 'demo',
        registry: `oci://${dev.host}/dev`,
        version: '1.0.0',
        sign: 'true',
        'sign-format': 'both',
        'github-token': 'ghs_bench',
        'sigstore-instance': 'custom',
        'fulcio-url': sigstore.fulcioUrl,
        'rekor-url': sigstore.rekorUrl,
        'tsa-url': sigstore.tsaUrl
      },
      { workspace: work, env: { ...token.env, GITHUB_API_URL: `http://127.0.0.1:${api.address().port}` } }
    )
    if (signed.code !== 0) throw new Error(`signing failed:\n${signed.stdout}`)
    const digest = signed.outputs.digest
    const time = async (label, extra) => {
      const times = []
      for (let i = 0; i < RUNS; i++) {
        const t0 = process.hrtime.bigint()
        const run = await runAction(
          { source: `oci://${dev.host}/dev/demo-chart@${digest}`, registry: `oci://${prod.host}/${label}${i}`, ...extra },
          { action: 'promote', workspace: work }
        )
        times.push(ms(t0))
        if (run.code !== 0 || run.outputs.digest !== digest) throw new Error(`promote failed:\n${run.stdout}`)
      }
      return median(times)
    }
    const plain = await time('plain', {})
    const verified = await time('verified', { 'require-signature-identity': token.san, 'trusted-root': trustedRoot })
    const floor = []
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint()
      await floorCopy(`http://${dev.host}`, `http://${prod.host}`, 'dev/demo-chart', `floor${i}/demo-chart`, digest, '1.0.0')
      floor.push(ms(t0))
    }
    const f = median(floor)
    const check = await request('GET', `http://${prod.host}/v2/floor0/demo-chart/manifests/1.0.0`, undefined, {
      accept: 'application/vnd.oci.image.manifest.v1+json'
    })
    if (sha256(check.body) !== digest) throw new Error('the floor copy did not reproduce the digest')
    return [
      ['promote a signed chart between two registries (3 attachments), whole process', fmt(plain), `floor ${fmt(f)}`, `+${fmt(plain - f)}`],
      ['  the same, requiring the signer identity (sigstore-js verification)', fmt(verified), `floor ${fmt(f)}`, `+${fmt(verified - f)}`]
    ]
  } finally {
    await Promise.all([dev.stop(), prod.stop(), sigstore.stop(), token.stop(), new Promise((r) => api.close(r))])
  }
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hop-bench-sub-'))
  try {
    const rows = [await benchMigrate(work), ...(await benchPromote(work))]
    printTable(`helm-oci-publish sub-actions — median of ${RUNS} runs, ${os.cpus().length} CPUs, node ${process.version}`, rows)
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})
