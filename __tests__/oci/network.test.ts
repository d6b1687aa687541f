/**
 * The network as users have it, against a real Distribution registry behind the fault proxy:
 * every fault kind on every request kind of a push (HEAD/GET/POST/PATCH/PUT), redirects to
 * other origins with credentials checked, stalls and slow uploads with a short timeout set
 * through HELM_OCI_PUBLISH_NETWORK_TIMEOUT, resumed chunked uploads, and failures that read as
 * sentences. Each case records how long it took to recover or fail (printed with H5_TIMINGS=1).
 */
import { createHash, randomBytes } from 'node:crypto'
import * as net from 'node:net'
import { Readable } from 'node:stream'
import { AuthError, RegistryError } from '../../src/errors'
import * as http from 'node:http'
import { DEFAULT_RETRY, RetryBudget, send, TIMEOUT_ENV, type RetryPolicy } from '../../src/http'
import { RegistryClient, type BlobSource } from '../../src/oci/client'
import { staticCredentials } from '../../src/oci/credentials'
import { buildHelmManifest, type HelmManifest } from '../../src/oci/helm-artifact'
import { checkExisting, confirmTag, pushArtifact, tagManifest } from '../../src/oci/push'
import { chartReference, parseRegistryInput } from '../../src/oci/reference'
import { caught } from '../support/caught'
import { startFaultProxy, startStorageServer, type Fault, type FaultPlan } from '../support/fault-proxy'
import { freePort, startRegistry, type TestRegistry } from '../support/registry'
import { startBlackHole } from '../support/black-hole'
import { startConnectProxy } from '../support/connect-proxy'

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
const CHUNK = 64 * 1024
const timings: Array<[string, string, number]> = []

function source(bytes: Buffer): BlobSource & { bytes: Buffer } {
  return { digest: sha256(bytes), size: bytes.length, bytes, open: (start = 0, end = bytes.length - 1) => Readable.from([bytes.subarray(start, end + 1)]) }
}

function artifact(chartSize: number): { chart: ReturnType<typeof source>; manifest: HelmManifest } {
  const chart = source(randomBytes(chartSize))
  const manifest = buildHelmManifest({
    metadata: { name: 'small', version: '1.0.0', apiVersion: 'v2', description: randomBytes(4).toString('hex') },
    chart: { digest: chart.digest, size: chart.size },
    created: new Date('2024-05-06T07:08:09Z')
  })
  return { chart, manifest }
}

const stops: Array<{ stop(): Promise<void> }> = []
let plain: TestRegistry
let basic: TestRegistry

beforeAll(async () => {
  process.env[TIMEOUT_ENV] = '1'
  ;[plain, basic] = await Promise.all([startRegistry({ auth: 'none' }), startRegistry({ auth: 'htpasswd' })])
})

afterAll(async () => {
  delete process.env[TIMEOUT_ENV]
  await Promise.all(stops.map((s) => s.stop()))
  await Promise.all([plain, basic].filter(Boolean).map((r) => r.stop()))
  if (process.env.H5_TIMINGS) process.stderr.write(`${timings.map(([f, k, ms]) => `${f.padEnd(28)} ${k.padEnd(16)} ${ms} ms`).join('\n')}\n`)
})

async function proxied(target: TestRegistry, plan: FaultPlan): Promise<ReturnType<typeof startFaultProxy> extends Promise<infer P> ? P : never> {
  const p = await startFaultProxy(target.url, plan)
  stops.push(p)
  return p
}

/** What publishing one chart does on the wire: compare the tag, push blobs and manifest, tag, read the tag back. */
async function publish(c: RegistryClient, repo: string, a: ReturnType<typeof artifact>): Promise<string> {
  const ref = chartReference(parseRegistryInput(`oci://${c.host}/${repo.slice(0, repo.lastIndexOf('/'))}`), repo.slice(repo.lastIndexOf('/') + 1), '1.0.0')
  await checkExisting(c, ref, a.manifest.digest, 'skip-identical')
  const digest = await pushArtifact(c, repo, { config: a.manifest.config, chart: a.chart, manifest: a.manifest })
  await tagManifest(c, repo, '1.0.0', a.manifest.manifest)
  await confirmTag(c, ref, digest)
  return digest
}

/** What the registry holds, read directly (not through the code under test). */
async function tagDigest(reg: TestRegistry, repo: string): Promise<string | undefined> {
  const res = await fetch(`${reg.url}/v2/${repo}/manifests/1.0.0`, { headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } })
  return res.ok ? sha256(Buffer.from(await res.arrayBuffer())) : undefined
}

const KINDS: Array<[string, { method: string; path: RegExp }]> = [
  ['HEAD blob', { method: 'HEAD', path: /\/blobs\/sha256:/ }],
  ['POST upload', { method: 'POST', path: /\/blobs\/uploads\/$/ }],
  ['PATCH chunk', { method: 'PATCH', path: /\/blobs\/uploads\// }],
  ['PUT blob', { method: 'PUT', path: /\/blobs\/uploads\/.*digest=/ }],
  ['PUT manifest', { method: 'PUT', path: /\/manifests\// }],
  ['HEAD manifest', { method: 'HEAD', path: /\/manifests\// }]
]

const RECOVERABLE: Array<[string, Fault]> = [
  ['reset before', 'reset'],
  ['reset after commit', 'reset-after-commit'],
  ['429 Retry-After: 1', { status: 429, headers: { 'Retry-After': '1' } }],
  ['429 no Retry-After', { status: 429 }],
  ['500', { status: 500 }],
  ['502', { status: 502 }],
  ['503 Retry-After: 1', { status: 503, headers: { 'Retry-After': '1' } }],
  ['504', { status: 504 }]
]

describe('every fault kind on every request kind recovers', () => {
  const cases = RECOVERABLE.flatMap(([fname, fault]) =>
    KINDS.filter(([kind]) => !(fault === 'reset-after-commit' && kind === 'HEAD manifest')).map(([kind, match]) => [fname, kind, match, fault] as const)
  )
  test.each(cases)('%s on %s', async (fname, kind, match, fault) => {
    // Twice: the fault also hits the retry, and the second retry goes through.
    const p = await proxied(plain, { rules: [{ ...match, times: 2, fault }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, chunkSize: CHUNK })
    const a = artifact(3 * CHUNK + 100)
    const repo = `faults/${kind.replace(/ /g, '-').toLowerCase()}-${fname.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`
    const t0 = Date.now()
    const digest = await publish(c, repo, a)
    timings.push([fname, kind, Date.now() - t0])
    expect(p.requests.filter((r) => r.fault).length).toBeGreaterThan(0)
    expect(await tagDigest(plain, repo)).toBe(digest)
    const blob = await fetch(`${plain.url}/v2/${repo}/blobs/${a.chart.digest}`)
    expect(sha256(Buffer.from(await blob.arrayBuffer()))).toBe(a.chart.digest)
  })
})

describe('retry policy', () => {
  test('Retry-After as an HTTP date is honoured', async () => {
    const at = new Date(Date.now() + 2500).toUTCString()
    const p = await proxied(plain, { rules: [{ method: 'PATCH', times: 1, fault: { status: 429, headers: { 'Retry-After': at } } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, chunkSize: CHUNK })
    const t0 = Date.now()
    await publish(c, 'policy/date', artifact(2 * CHUNK))
    const ms = Date.now() - t0
    timings.push(['429 Retry-After: <date>', 'PATCH chunk', ms])
    expect(ms).toBeGreaterThanOrEqual(1000)
    expect(ms).toBeLessThan(6000)
  })

  test('Retry-After longer than 60 s fails at once, naming the wait', async () => {
    const p = await proxied(plain, { rules: [{ method: 'PUT', path: /digest=/, times: 1, fault: { status: 429, headers: { 'Retry-After': '120' } } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true })
    c.beginChart('small')
    const t0 = Date.now()
    const err = await caught(publish(c, 'policy/too-long', artifact(1000)))
    timings.push(['429 Retry-After: 120', 'PUT blob (fails)', Date.now() - t0])
    expect(Date.now() - t0).toBeLessThan(2000)
    expect(err).toBeInstanceOf(RegistryError)
    expect(err.message).toContain('120 s (Retry-After)')
    expect(err.message).toContain('60 s')
    expect(err.message).toContain('while publishing chart `small`')
  })

  test('a persistent 503 on PATCH fails after the retries, with the registry error and no tag', async () => {
    const p = await proxied(plain, {
      rules: [{ method: 'PATCH', times: 100, fault: { status: 503, body: '{"errors":[{"code":"UNAVAILABLE","message":"overloaded"}]}' } }]
    })
    const fast: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: 20, minDelayMs: 20 }
    const c = new RegistryClient({ host: p.host, plainHttp: true, chunkSize: CHUNK, retry: fast })
    const err = await caught(publish(c, 'policy/persistent', artifact(2 * CHUNK)))
    expect(err).toBeInstanceOf(RegistryError)
    expect((err as RegistryError).status).toBe(503)
    expect(p.requests.filter((r) => r.method === 'PATCH')).toHaveLength(DEFAULT_RETRY.retries + 1)
    expect(await tagDigest(plain, 'policy/persistent')).toBeUndefined()
  })

  test('all the waiting of one chart is bounded by its retry budget', async () => {
    const p = await proxied(plain, { rules: [{ method: 'HEAD', times: 100, fault: { status: 429, headers: { 'Retry-After': '1' } } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true })
    c.beginChart('small', new RetryBudget(2500))
    const t0 = Date.now()
    const err = await caught(publish(c, 'policy/budget', artifact(100)))
    const ms = Date.now() - t0
    timings.push(['429 Retry-After: 1 forever', 'HEAD (budget 2.5 s)', ms])
    expect((err as RegistryError).status).toBe(429)
    expect(err.message).toContain('(not retried further: the retry budget of 2.5 s for this chart is used up)')
    expect(ms).toBeGreaterThanOrEqual(2000)
    expect(ms).toBeLessThan(4000)
  })

  test('an interrupted chunked upload resumes from the offset the registry reports', async () => {
    // The third chunk meets a 503: the session continues at byte 2 × CHUNK, not from a new session.
    const p = await proxied(plain, { rules: [{ method: 'PATCH', skip: 2, times: 1, fault: { status: 503 } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, chunkSize: CHUNK })
    const a = artifact(4 * CHUNK + 7)
    const digest = await publish(c, 'policy/resume', a)
    expect(await tagDigest(plain, 'policy/resume')).toBe(digest)
    const uploads = p.requests.filter((r) => /\/blobs\/uploads\//.test(r.path) && !r.path.endsWith('/uploads/'))
    const chart = uploads.filter((r) => r.method === 'PATCH')
    expect(chart.map((r) => r.status)).toEqual([202, 202, 503, 202, 202, 202])
    expect(uploads.filter((r) => r.method === 'GET').map((r) => r.status)).toEqual([204])
    // One session for the chart blob and one for the config: no restart.
    expect(p.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
  })
})

describe('timeouts (HELM_OCI_PUBLISH_NETWORK_TIMEOUT=1)', () => {
  test.each(KINDS)('a stall on %s fails within seconds, naming the request and the wait', async (kind, match) => {
    const p = await proxied(plain, { rules: [{ ...match, times: 100, fault: 'stall' }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, chunkSize: CHUNK })
    c.beginChart('small')
    const t0 = Date.now()
    const err = await caught(publish(c, `stall/${kind.replace(/ /g, '-').toLowerCase()}`, artifact(2 * CHUNK + 1)))
    const ms = Date.now() - t0
    timings.push(['stall (timeout 1 s)', `${kind} (fails)`, ms])
    expect(err).toBeInstanceOf(RegistryError)
    expect(err.message).toMatch(new RegExp(`^${match.method} \\S+ on registry ${p.host} stalled: no bytes moved for 1\\.0 s while publishing chart \`small\`$`))
    expect((err as RegistryError).hint).toContain('network-timeout')
    expect(ms).toBeLessThan(5000)
  })

  test('a slow upload that keeps moving is never cut', async () => {
    // 48 MiB at 8 MiB/s: three times the 2 s inactivity timeout, but bytes move all the time. (The
    // socket buffers hold a few MiB that drain after the last write; at this rate that takes < 1 s.)
    process.env[TIMEOUT_ENV] = '2'
    try {
      const a = artifact(48 * 1024 * 1024)
      const chartPut = new RegExp(`digest=${encodeURIComponent(a.chart.digest)}`)
      const p = await proxied(plain, { rules: [{ method: 'PUT', path: chartPut, times: 1, fault: { throttle: 8 * 1024 * 1024 } }] })
      const c = new RegistryClient({ host: p.host, plainHttp: true, chunkSize: 64 * 1024 * 1024 })
      const t0 = Date.now()
      const digest = await publish(c, 'stall/slow', a)
      const ms = Date.now() - t0
      timings.push(['throttled 8 MiB/s', 'PUT blob 48 MiB', ms])
      expect(ms).toBeGreaterThan(4000)
      expect(await tagDigest(plain, 'stall/slow')).toBe(digest)
    } finally {
      process.env[TIMEOUT_ENV] = '1'
    }
  })
})

/** Listens on loopback; stopping destroys the connections still open. */
async function serve(server: net.Server): Promise<string> {
  const open = new Set<net.Socket>()
  server.on('connection', (s: net.Socket) => (open.add(s), s.on('close', () => open.delete(s))))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  stops.push({ stop: () => new Promise<void>((r) => (open.forEach((s) => s.destroy()), server.close(() => r()))) })
  return `127.0.0.1:${(server.address() as net.AddressInfo).port}`
}

describe('connect timeout (HELM_OCI_PUBLISH_NETWORK_TIMEOUT=1)', () => {
  const once: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: 20, minDelayMs: 20 }

  /** Publishes one chart to `host` and returns the failure and how long it took. */
  async function failConnecting(host: string, plainHttp: boolean): Promise<[RegistryError, number]> {
    const c = new RegistryClient({ host, plainHttp, retry: once })
    c.beginChart('small')
    const t0 = Date.now()
    const err = await caught(publish(c, 'connect/small', artifact(100)))
    expect(err).toBeInstanceOf(RegistryError)
    return [err as RegistryError, Date.now() - t0]
  }

  test('a TCP connect that never completes (SYN dropped) fails after the timeout, naming the registry and the phase', async () => {
    const hole = await startBlackHole()
    stops.push(hole)
    const [err, ms] = await failConnecting(hole.host, true)
    timings.push(['connect never completes', 'TCP (fails)', ms])
    expect(err.message).toBe(`cannot reach registry ${hole.host}: no TCP connection within 1.0 s while publishing chart \`small\``)
    expect(err.hint).toContain('network-timeout')
    expect(ms).toBeGreaterThanOrEqual(950)
    expect(ms).toBeLessThan(2500)
  })

  test('a TLS handshake that never completes fails after the timeout, naming the phase', async () => {
    const host = await serve(net.createServer(() => undefined)) // accepts, never says a word
    const [err, ms] = await failConnecting(host, false)
    timings.push(['TLS never answers', 'TLS handshake (fails)', ms])
    expect(err.message).toBe(`cannot reach registry ${host}: the TLS handshake did not complete within 1.0 s while publishing chart \`small\``)
    expect(ms).toBeGreaterThanOrEqual(950)
    expect(ms).toBeLessThan(2500)
  })

  test('a proxy that accepts CONNECT and never answers fails after the timeout, naming the proxy', async () => {
    const proxy = await startConnectProxy({ silent: true })
    stops.push(proxy)
    process.env.HTTPS_PROXY = proxy.url
    try {
      const [err, ms] = await failConnecting('registry.test:8443', false)
      timings.push(['proxy never answers', 'CONNECT (fails)', ms])
      expect(err.message).toBe(
        `cannot reach registry registry.test:8443: no tunnel through proxy ${proxy.url} within 1.0 s (the proxy did not answer CONNECT) while publishing chart \`small\``
      )
      expect(proxy.connects).toEqual(['registry.test:8443'])
      expect(ms).toBeGreaterThanOrEqual(950)
      expect(ms).toBeLessThan(2500)
    } finally {
      delete process.env.HTTPS_PROXY
    }
  })

  test('an answer that trickles for three times the timeout is read to its end', async () => {
    // Bytes move every 250 ms for 3 s: neither the connect timeout nor the inactivity timeout may cut it.
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-length': '12' })
      let n = 0
      const tick = setInterval(() => {
        res.write('x')
        if (++n === 12) {
          clearInterval(tick)
          res.end()
        }
      }, 250)
    })
    const host = await serve(server)
    const t0 = Date.now()
    const res = await send({ method: 'GET', url: `http://${host}/v2/` })
    const ms = Date.now() - t0
    timings.push(['trickling answer', 'GET 3 s (succeeds)', ms])
    expect(res.body.toString()).toBe('x'.repeat(12))
    expect(ms).toBeGreaterThan(2900)
  })

  test('an answer that stops after its headers fails after the inactivity timeout', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-length': '12' })
      res.write('x')
    })
    const host = await serve(server)
    const t0 = Date.now()
    const err = await caught(send({ method: 'GET', url: `http://${host}/v2/` }))
    const ms = Date.now() - t0
    timings.push(['answer stops', 'GET (fails)', ms])
    expect(err.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/v2\/: stalled: no bytes moved for 1\.0 s$/)
    expect(ms).toBeGreaterThanOrEqual(950)
    expect(ms).toBeLessThan(2500)
  })
})

describe('inactivity sees the upload drain (HELM_OCI_PUBLISH_NETWORK_TIMEOUT=1)', () => {
  const RATE = 512 * 1024

  test('an upload throttled to 512 KiB/s whose buffered tail takes longer than the timeout to drain is not cut', async () => {
    // Loopback socket buffers (client send + proxy receive) hold megabytes: after the last byte is handed
    // to the kernel they drain for several seconds at this rate, with nothing for the process to see.
    const a = artifact(8 * 1024 * 1024)
    const p = await proxied(plain, {
      rules: [{ method: 'PUT', path: new RegExp(`digest=${encodeURIComponent(a.chart.digest)}`), times: 1, fault: { throttle: RATE } }]
    })
    const c = new RegistryClient({ host: p.host, plainHttp: true, chunkSize: 64 * 1024 * 1024 })
    const t0 = Date.now()
    const digest = await publish(c, 'drain/slow', a)
    const ms = Date.now() - t0
    timings.push(['throttled 512 KiB/s', 'PUT blob 8 MiB', ms])
    expect(await tagDigest(plain, 'drain/slow')).toBe(digest)
    expect(ms).toBeGreaterThan((a.chart.size / RATE) * 1000 * 0.9)
  })

  test('an upload that moves slowly and then stops being read fails about one timeout after it stopped', async () => {
    const a = artifact(16 * 1024 * 1024)
    const p = await proxied(plain, {
      rules: [
        { method: 'PUT', path: new RegExp(`digest=${encodeURIComponent(a.chart.digest)}`), times: 100, fault: { throttle: RATE, stallAfter: 2 * 1024 * 1024 } }
      ]
    })
    const c = new RegistryClient({ host: p.host, plainHttp: true, chunkSize: 64 * 1024 * 1024 })
    c.beginChart('small')
    const err = await caught(publish(c, 'drain/stalled', a))
    const failedAt = Date.now()
    const put = p.requests.find((r) => r.stalledAt)
    const ms = failedAt - put!.stalledAt!
    timings.push(['throttled, then stalled', 'PUT blob (fails)', ms])
    expect(err.message).toMatch(/^PUT \S+ on registry \S+ stalled: no bytes moved for 1\.0 s while publishing chart `small`$/)
    expect(ms).toBeLessThan(3000)
  })
})

describe('redirects', () => {
  test.each([
    ['HEAD blob', { method: 'HEAD', path: /\/blobs\/sha256:/ }],
    ['GET manifest', { method: 'GET', path: /\/manifests\// }],
    ['PUT blob', { method: 'PUT', path: /\/blobs\/uploads\/.*digest=/ }]
  ])('307 on %s to another origin is followed without the registry credentials', async (kind, match) => {
    const storage = await startStorageServer(basic.url, { username: basic.username, password: basic.password })
    stops.push(storage)
    const p = await proxied(basic, { rules: [{ ...match, times: 100, fault: { redirectTo: storage.url } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, credentials: staticCredentials(basic.username, basic.password) })
    const a = artifact(5000)
    const repo = `redirect/${kind.replace(/ /g, '-').toLowerCase()}`
    // Pushed once directly, so that HEAD/GET find something to redirect to.
    if (kind !== 'PUT blob')
      await publish(new RegistryClient({ host: basic.host, plainHttp: true, credentials: staticCredentials(basic.username, basic.password) }), repo, a)
    expect(await c.pushBlob(repo, a.chart)).toBe(kind === 'PUT blob' ? 'uploaded' : 'exists')
    // eslint-disable-next-line jest/no-conditional-expect -- which request is redirected is the test.each case
    if (kind === 'GET manifest') expect((await c.getManifest(repo, '1.0.0'))?.digest).toBe(a.manifest.digest)
    expect(p.requests.some((r) => r.status === 307)).toBe(true)
    expect(storage.seen.length).toBeGreaterThan(0)
    expect(storage.seen.map((r) => r.authorization)).toEqual(storage.seen.map(() => undefined))
    // The registry's own origin did get credentials (the upload session was opened there).
    // eslint-disable-next-line jest/no-conditional-expect -- which request is redirected is the test.each case
    if (kind === 'PUT blob') expect(p.requests.some((r) => r.method === 'POST' && r.authorization?.startsWith('Basic '))).toBe(true)
  })

  test('307 on a chunk PATCH is followed and the stream is sent again', async () => {
    const storage = await startStorageServer(plain.url)
    stops.push(storage)
    const p = await proxied(plain, { rules: [{ method: 'PATCH', times: 1, fault: { redirectTo: storage.url } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, chunkSize: CHUNK })
    const a = artifact(2 * CHUNK + 5)
    const digest = await publish(c, 'redirect/patch', a)
    expect(await tagDigest(plain, 'redirect/patch')).toBe(digest)
    expect(storage.seen.filter((r) => r.method === 'PATCH')).toHaveLength(1)
  })

  test('an upload sent to another host that answers 401 explains that credentials stay with the registry', async () => {
    const elsewhere = await startStorageServer(basic.url) // forwards without any credentials
    stops.push(elsewhere)
    const p = await proxied(basic, { rules: [{ method: 'PUT', path: /digest=/, times: 100, fault: { redirectTo: elsewhere.url } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, credentials: staticCredentials(basic.username, basic.password) })
    c.beginChart('small')
    const err = await caught(c.pushBlob('redirect/elsewhere', artifact(1000).chart))
    expect(err).toBeInstanceOf(AuthError)
    expect(err.message).toContain(`credentials for ${p.host} are never sent to other hosts`)
    expect((err as AuthError).hint).toMatch(/not the problem/)
    expect((err as AuthError).hint).not.toMatch(/check the (username|password)/i)
    expect(elsewhere.seen.every((r) => r.authorization === undefined)).toBe(true)
  })
})

describe('failures are sentences', () => {
  test('connection refused names the registry, the chart and what to check', async () => {
    const port = await freePort()
    const c = new RegistryClient({ host: `127.0.0.1:${port}`, plainHttp: true, retry: { ...DEFAULT_RETRY, baseDelayMs: 20, minDelayMs: 20 } })
    c.beginChart('small')
    const t0 = Date.now()
    const err = await caught(publish(c, 'x/small', artifact(100)))
    timings.push(['connection refused', 'HEAD blob (fails)', Date.now() - t0])
    expect((err as RegistryError).describe()).toBe(
      `cannot reach registry 127.0.0.1:${port} (connection refused) after 6 attempts while publishing chart \`small\`. Is the registry running and is the port right?`
    )
  })

  test('a host name that does not resolve says so', async () => {
    const c = new RegistryClient({ host: 'registry.invalid', plainHttp: true, retry: { ...DEFAULT_RETRY, retries: 1, baseDelayMs: 20, minDelayMs: 20 } })
    const err = await caught(c.blobExists('x/small', sha256(Buffer.from('x'))))
    expect(err.message).toMatch(/^registry host registry\.invalid does not resolve \(DNS (ENOTFOUND|EAI_AGAIN)\)$/)
    expect((err as RegistryError).hint).toContain('HTTPS_PROXY')
  })

  test('a reset on every attempt names the request and the attempt count', async () => {
    const p = await proxied(plain, { rules: [{ method: 'HEAD', times: 100, fault: 'reset' }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: { ...DEFAULT_RETRY, baseDelayMs: 20, minDelayMs: 20 } })
    const err = await caught(c.blobExists('x/small', sha256(Buffer.from('x'))))
    expect(err.message).toMatch(new RegExp(`^registry ${p.host} closed the connection during HEAD /v2/x/small/blobs/sha256:[0-9a-f]{64} after 6 attempts$`))
  })
})

test('a closed port is not a stall: the socket helper finds a free one', async () => {
  // Guards the refused case above against a port that is in use by chance.
  const port = await freePort()
  await expect(new Promise((resolve, reject) => net.connect(port, '127.0.0.1').on('connect', resolve).on('error', reject))).rejects.toMatchObject({
    code: 'ECONNREFUSED'
  })
})

describe('what is read from a registry', () => {
  test('a manifest answer larger than 4 MiB is refused without reading it all', async () => {
    const p = await proxied(plain, { rules: [{ method: 'GET', path: /\/manifests\//, times: 1, fault: { status: 200, body: 'x'.repeat(5 * 1024 * 1024) } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true })
    const err = await caught(c.getManifest('big/small', '1.0.0'))
    expect(err).toBeInstanceOf(RegistryError)
    expect(err.message).toBe(`GET /v2/big/small/manifests/1.0.0 on registry ${p.host}: the answer exceeds 4194304 bytes`)
  })

  test('every entry of a registry error is kept; the first one gives the code', async () => {
    const body = JSON.stringify({
      errors: [
        { code: 'MANIFEST_BLOB_UNKNOWN', message: 'blob unknown to registry' },
        { code: 'MANIFEST_INVALID', message: 'manifest invalid' }
      ]
    })
    const p = await proxied(plain, { rules: [{ method: 'PUT', path: /\/manifests\//, times: 1, fault: { status: 400, body } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true })
    const a = artifact(100)
    const err = await caught<RegistryError>(c.putManifest('errs/small', a.manifest.digest, { mediaType: a.manifest.mediaType, bytes: a.manifest.manifest }))
    expect(err.code).toBe('MANIFEST_BLOB_UNKNOWN')
    expect(err.message).toContain(': manifest blob unknown: blob unknown to registry; manifest invalid: manifest invalid')
  })

  test('a repository without the referrers API is asked once', async () => {
    const p = await proxied(plain, {})
    const c = new RegistryClient({ host: p.host, plainHttp: true })
    const digest = sha256(Buffer.from('subject'))
    expect(await c.getReferrers('refs/small', digest)).toBeUndefined()
    expect(await c.getReferrers('refs/small', digest)).toBeUndefined()
    expect(c.referrersSupported('refs/small')).toBe(false)
    expect(p.requests.filter((r) => r.path.includes('/referrers/'))).toHaveLength(1)
  })
})
