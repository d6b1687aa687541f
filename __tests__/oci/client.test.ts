/**
 * RegistryClient against a real CNCF Distribution registry (none / htpasswd / token
 * auth), with a fault proxy in front where the network has to misbehave
 * (spec 2.5, 4.3, 7.2–7.8).
 */
import { createHash, randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as http from 'node:http'
import * as os from 'node:os'
import * as path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { AuthError, RegistryError } from '../../src/errors'
import { RetryBudget, type RetryPolicy } from '../../src/http'
import { RegistryClient, type BlobSource } from '../../src/oci/client'
import { staticCredentials, type CredentialSource } from '../../src/oci/credentials'
import { buildHelmManifest, OCI_MANIFEST_MEDIA_TYPE, type HelmManifest } from '../../src/oci/helm-artifact'
import { checkExisting, pushArtifact, tagManifest } from '../../src/oci/push'
import { chartReference, parseRegistryInput } from '../../src/oci/reference'
import { startFaultProxy, startStorageServer, type FaultPlan, type FaultProxy } from '../support/fault-proxy'
import { caught } from '../support/caught'
import { startPassThrough } from '../support/pass-through'
import { freePort, startRegistry, TOKEN_SERVICE, type TestRegistry } from '../support/registry'

const FAST: RetryPolicy = { retries: 5, baseDelayMs: 10, minDelayMs: 10, maxDelayMs: 2000 }
const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

function source(bytes: Buffer): BlobSource & { bytes: Buffer } {
  return {
    digest: sha256(bytes),
    size: bytes.length,
    bytes,
    open: (start = 0, end = bytes.length - 1) => Readable.from([bytes.subarray(start, end + 1)])
  }
}

/** A small Helm artifact with fresh random content. */
function artifact(name = 'demo', version = '1.0.0', chartSize = 2048): { chart: ReturnType<typeof source>; manifest: HelmManifest } {
  const chart = source(randomBytes(chartSize))
  const manifest = buildHelmManifest({
    metadata: { name, version, apiVersion: 'v2', description: `random ${randomBytes(4).toString('hex')}` },
    chart: { digest: chart.digest, size: chart.size },
    created: new Date('2024-05-06T07:08:09Z')
  })
  return { chart, manifest }
}

async function pushWhole(client: RegistryClient, repository: string, a: ReturnType<typeof artifact>, tag?: string): Promise<string> {
  const digest = await pushArtifact(client, repository, { config: a.manifest.config, chart: a.chart, manifest: a.manifest })
  if (tag) await tagManifest(client, repository, tag, a.manifest.manifest)
  return digest
}

const started: Array<{ stop(): Promise<void> }> = []
async function proxy(target: string, plan: FaultPlan): Promise<FaultProxy> {
  const p = await startFaultProxy(target, plan)
  started.push(p)
  return p
}

let plain: TestRegistry
let token: TestRegistry
let basic: TestRegistry

beforeAll(async () => {
  ;[plain, token, basic] = await Promise.all([startRegistry({ auth: 'none' }), startRegistry({ auth: 'token' }), startRegistry({ auth: 'htpasswd' })])
})

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()))
  await Promise.all([plain, token, basic].filter(Boolean).map((r) => r.stop()))
})

describe('no auth', () => {
  const client = (): RegistryClient => new RegistryClient({ host: plain.host, plainHttp: true, retry: FAST })

  test('blob upload, then exists; manifest by digest then by tag; head/get', async () => {
    const c = client()
    const repo = 'plain/demo'
    const a = artifact()
    expect(await c.blobExists(repo, a.chart.digest)).toBe(false)
    expect(await c.pushBlob(repo, a.chart)).toBe('uploaded')
    expect(await c.pushBlob(repo, a.chart)).toBe('exists')
    expect(await c.blobExists(repo, a.chart.digest)).toBe(true)
    expect(await c.pushBlob(repo, source(a.manifest.config.bytes))).toBe('uploaded')

    const manifest = { mediaType: OCI_MANIFEST_MEDIA_TYPE, bytes: a.manifest.manifest }
    expect(await c.putManifest(repo, a.manifest.digest, manifest)).toBe(a.manifest.digest)
    expect(await c.putManifest(repo, '1.0.0', manifest)).toBe(a.manifest.digest)

    for (const ref of ['1.0.0', a.manifest.digest]) {
      expect(await c.headManifest(repo, ref)).toEqual({ digest: a.manifest.digest, mediaType: OCI_MANIFEST_MEDIA_TYPE, size: a.manifest.size })
      const got = await c.getManifest(repo, ref)
      expect(got?.bytes.equals(a.manifest.manifest)).toBe(true)
      expect(got?.digest).toBe(a.manifest.digest)
      expect(got?.mediaType).toBe(OCI_MANIFEST_MEDIA_TYPE)
    }
    expect((await c.getBlob(repo, a.chart.digest)).equals(a.chart.bytes)).toBe(true)
    expect((await c.getBlob(repo, a.manifest.config.digest)).equals(a.manifest.config.bytes)).toBe(true)
  })

  test('a Docker image manifest (pushed by skopeo) is read as stored: the Accept header names the Docker types too', async () => {
    // Distribution rewrites a schema 2 manifest asked for by tag into schema 1 when the client does not accept it
    // (registry/handlers/manifests.go), so the type and digest show whether the Accept header names it.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-v2s2-'))
    try {
      const blobs = path.join(dir, 'blobs', 'sha256')
      mkdirSync(blobs, { recursive: true })
      const put = (b: Buffer): { digest: string; size: number } => {
        writeFileSync(path.join(blobs, sha256(b).slice(7)), b)
        return { digest: sha256(b), size: b.length }
      }
      const config = put(Buffer.from('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"config":{}}'))
      const layer = put(gzipSync(Buffer.alloc(1024)))
      const manifest = put(
        Buffer.from(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
            layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }]
          })
        )
      )
      const index = put(
        Buffer.from(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.index.v1+json',
            manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, platform: { architecture: 'amd64', os: 'linux' } }]
          })
        )
      )
      writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
      writeFileSync(
        path.join(dir, 'index.json'),
        JSON.stringify({
          schemaVersion: 2,
          manifests: [
            { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, annotations: { 'org.opencontainers.image.ref.name': 'v1' } },
            { mediaType: 'application/vnd.oci.image.index.v1+json', ...index, annotations: { 'org.opencontainers.image.ref.name': 'list' } }
          ]
        })
      )
      execFileSync('skopeo', ['copy', '--quiet', '--format', 'v2s2', '--dest-tls-verify=false', `oci:${dir}:v1`, `docker://${plain.host}/docker/image:v1`], {
        stdio: 'pipe'
      })
      const raw = execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${plain.host}/docker/image:v1`])
      const got = await client().getManifest('docker/image', 'v1')
      expect(got?.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json')
      expect(got?.digest).toBe(sha256(raw))
      expect((await client().headManifest('docker/image', 'v1', false))?.digest).toBe(sha256(raw))
      // A Docker manifest list: without it in Accept, Distribution answers with the linux/amd64 image instead.
      execFileSync(
        'skopeo',
        ['copy', '--quiet', '--all', '--format', 'v2s2', '--dest-tls-verify=false', `oci:${dir}:list`, `docker://${plain.host}/docker/image:list`],
        {
          stdio: 'pipe'
        }
      )
      const rawList = execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${plain.host}/docker/image:list`])
      expect(JSON.parse(rawList.toString()).mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json')
      const list = await client().getManifest('docker/image', 'list')
      expect(list?.mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json')
      expect(list?.digest).toBe(sha256(rawList))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('missing manifests are undefined, not errors', async () => {
    const c = client()
    expect(await c.headManifest('plain/demo', 'no-such-tag')).toBeUndefined()
    expect(await c.getManifest('plain/demo', 'no-such-tag')).toBeUndefined()
    expect(await c.headManifest('plain/never-pushed', '1.0.0')).toBeUndefined()
    expect(await c.getManifest('plain/never-pushed', sha256(Buffer.from('x')))).toBeUndefined()
  })

  test('a missing blob is a RegistryError naming the host', async () => {
    const missing = sha256(randomBytes(8))
    const e = await caught(client().getBlob('plain/demo', missing))
    expect(e).toBeInstanceOf(RegistryError)
    expect((e as RegistryError).status).toBe(404)
    expect(e.message).toContain(plain.host)
    expect(e.message).toContain(`GET /v2/plain/demo/blobs/${missing} on ${plain.host}: response status 404`)
  })

  test('chunked upload: PATCH chunks, then PUT with the digest', async () => {
    const p = await proxy(plain.url, {})
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, chunkSize: 256 * 1024 })
    const blob = source(randomBytes(1024 * 1024))
    expect(await c.pushBlob('plain/chunked', blob)).toBe('uploaded')
    const patches = p.requests.filter((r) => r.method === 'PATCH')
    expect(patches).toHaveLength(4)
    expect(patches.every((r) => r.status === 202)).toBe(true)
    const puts = p.requests.filter((r) => r.method === 'PUT')
    expect(puts).toHaveLength(1)
    expect(puts[0].path).toContain(`digest=${encodeURIComponent(blob.digest)}`)
    expect(puts[0].status).toBe(201)
    // Read straight from the registry, not through the client.
    const res = await fetch(`${plain.url}/v2/plain/chunked/blobs/${blob.digest}`)
    expect(res.status).toBe(200)
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(blob.digest)
  })

  test('a blob no larger than the chunk size goes up in one PUT', async () => {
    const p = await proxy(plain.url, {})
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, chunkSize: 4096 })
    expect(await c.pushBlob('plain/chunked', source(randomBytes(4096)))).toBe('uploaded')
    expect(p.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0)
    expect(p.requests.filter((r) => r.method === 'PUT')).toHaveLength(1)
    // Without a chunk size a chart-sized blob (1 MiB) goes up whole too, as oras and Helm push it.
    const whole = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    expect(await whole.pushBlob('plain/chunked', source(randomBytes(1024 * 1024)))).toBe('uploaded')
    expect(p.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0)
    expect(p.requests.filter((r) => r.method === 'PUT')).toHaveLength(2)
  })

  test('docker.io is reached at registry-1.docker.io (as Docker and oras do), over HTTPS unless plain-http', () => {
    const hub = new RegistryClient({ host: 'docker.io' })
    expect(hub.base.href).toBe('https://registry-1.docker.io/')
    expect(hub.host).toBe('docker.io')
    expect(new RegistryClient({ host: 'ghcr.io' }).base.href).toBe('https://ghcr.io/')
    expect(new RegistryClient({ host: '127.0.0.1:5000', plainHttp: true }).base.href).toBe('http://127.0.0.1:5000/')
  })

  test('the registry refuses a manifest whose blobs are missing, so a tag never points at missing blobs', async () => {
    const c = client()
    const repo = 'plain/missing-blob'
    const a = artifact()
    await c.pushBlob(repo, source(a.manifest.config.bytes)) // config present, chart layer missing
    const e = await caught(c.putManifest(repo, '1.0.0', { mediaType: OCI_MANIFEST_MEDIA_TYPE, bytes: a.manifest.manifest }))
    expect(e).toBeInstanceOf(RegistryError)
    expect((e as RegistryError).code).toBe('MANIFEST_BLOB_UNKNOWN')
    expect((e as RegistryError).status).toBe(400)
    expect(e.message).toContain(plain.host)
    expect(e.message).toContain('manifest blob unknown')
    // What was being done, and the request that was refused.
    expect(e.message.startsWith(`pushing manifest 1.0.0: PUT /v2/${repo}/manifests/1.0.0 on ${plain.host}: response status 400`)).toBe(true)
    expect(await c.headManifest(repo, '1.0.0')).toBeUndefined()
  })
})

describe('token auth', () => {
  test('pushes with credentials; the token request carries pull,push and Basic credentials', async () => {
    const c = new RegistryClient({ host: token.host, plainHttp: true, retry: FAST, credentials: staticCredentials(token.username, token.password) })
    const repo = 'tok/demo'
    const a = artifact()
    const digest = await pushWhole(c, repo, a, '1.0.0')
    expect(digest).toBe(a.manifest.digest)
    expect((await c.headManifest(repo, '1.0.0'))?.digest).toBe(digest)
    expect((await c.getBlob(repo, a.chart.digest)).equals(a.chart.bytes)).toBe(true)

    const push = token.tokenRequests.filter((r) => r.scope.includes(`repository:${repo}:pull,push`))
    expect(push.length).toBeGreaterThan(0)
    for (const r of push) {
      expect(r.username).toBe(token.username)
      expect(r.password).toBe(token.password)
      expect(r.service).toBe(TOKEN_SERVICE)
    }
  })

  test('anonymous client without anonymous pull: AuthError naming the registry', async () => {
    const c = new RegistryClient({ host: token.host, plainHttp: true, retry: FAST })
    const e = await caught(c.pushBlob('tok/anon', source(randomBytes(64))))
    expect(e).toBeInstanceOf(AuthError)
    expect(e.message).toContain(token.host)
    expect(e.message).toMatch(/anonymous/)
    expect((e as AuthError).registry).toBe(token.host)
    expect((e as AuthError).hint).toMatch(/username/)
  })

  test('wrong password: refused, naming the registry', async () => {
    const c = new RegistryClient({ host: token.host, plainHttp: true, retry: FAST, credentials: staticCredentials(token.username, 'wrong-password') })
    const e = await caught(c.pushBlob('tok/wrong', source(randomBytes(64))))
    expect(e instanceof AuthError || e instanceof RegistryError).toBe(true)
    expect(e.message).toContain(token.host)
    expect((e as AuthError).hint).toBeTruthy()
    expect(e.message).not.toContain('wrong-password')
  })
})

describe('token scopes (Docker token protocol: one `scope` per resource, `repository:<name>:<actions>`)', () => {
  test('a push asks once for pull,push on its repository; a read asks for pull; a scope once granted is not asked again', async () => {
    const c = new RegistryClient({ host: token.host, plainHttp: true, retry: FAST, credentials: staticCredentials(token.username, token.password) })
    const before = token.tokenRequests.length
    const asked = (): Array<{ scope: string[]; service?: string; username?: string }> =>
      token.tokenRequests.slice(before).map(({ scope, service, username }) => ({ scope, service, username }))
    const blob = source(randomBytes(256))
    expect(await c.pushBlob('scope/a', blob)).toBe('uploaded')
    // The HEAD that checks the blob asks for the push scope too: one token for the whole push.
    expect(asked()).toEqual([{ scope: ['repository:scope/a:pull,push'], service: TOKEN_SERVICE, username: token.username }])
    expect(await c.blobExists('scope/a', blob.digest)).toBe(true)
    expect(asked()).toHaveLength(1)
    // A read (plan checks: push = false) asks for pull only, and the registry lets a pull token read.
    expect(await c.blobExists('scope/b', blob.digest, false)).toBe(false)
    expect(await c.headManifest('scope/a', '0.0.0', false)).toBeUndefined()
    expect(asked()).toEqual([
      { scope: ['repository:scope/a:pull,push'], service: TOKEN_SERVICE, username: token.username },
      { scope: ['repository:scope/b:pull'], service: TOKEN_SERVICE, username: token.username },
      { scope: ['repository:scope/a:pull'], service: TOKEN_SERVICE, username: token.username }
    ])
  })

  test('a token refused for an expired credential is asked again once with a renewed one (cloud logins), then reported', async () => {
    const calls: boolean[] = []
    const renewing = (renewed: string): CredentialSource => ({
      description: 'expiring login',
      get: async (_host, o) => {
        calls.push(Boolean(o?.refresh))
        return { username: token.username, password: o?.refresh ? renewed : 'expired-password' }
      }
    })
    const before = token.tokenRequests.length
    const c = new RegistryClient({ host: token.host, plainHttp: true, retry: FAST, credentials: renewing(token.password) })
    expect(await c.pushBlob('scope/renew', source(randomBytes(64)))).toBe('uploaded')
    expect(token.tokenRequests.slice(before).map((r) => r.password)).toEqual(['expired-password', token.password])
    expect(calls).toEqual([false, true])

    calls.length = 0
    const mid = token.tokenRequests.length
    const never = new RegistryClient({ host: token.host, plainHttp: true, retry: FAST, credentials: renewing('still-wrong') })
    const e = await caught(never.pushBlob('scope/renew', source(randomBytes(64))))
    expect(e).toBeInstanceOf(AuthError)
    expect(e.message).toContain(`for ${token.host} answered 401: the credentials were refused for repository:scope/renew:pull,push`)
    expect(token.tokenRequests.slice(mid).map((r) => r.password)).toEqual(['expired-password', 'still-wrong'])
  })
})

describe('token auth with anonymous pull', () => {
  let anon: TestRegistry
  beforeAll(async () => {
    anon = await startRegistry({ auth: 'token', token: { allowAnonymousPull: true } })
  })
  afterAll(async () => {
    await anon?.stop()
  })

  test('anonymous reads work; anonymous pushes are refused naming the registry', async () => {
    const writer = new RegistryClient({ host: anon.host, plainHttp: true, retry: FAST, credentials: staticCredentials(anon.username, anon.password) })
    const a = artifact()
    await pushWhole(writer, 'pub/demo', a, '1.0.0')

    const reader = new RegistryClient({ host: anon.host, plainHttp: true, retry: FAST })
    expect((await reader.getManifest('pub/demo', '1.0.0'))?.digest).toBe(a.manifest.digest)
    expect((await reader.getBlob('pub/demo', a.chart.digest)).equals(a.chart.bytes)).toBe(true)
    expect(anon.tokenRequests.some((r) => r.username === undefined && r.scope.includes('repository:pub/demo:pull'))).toBe(true)

    const e = await caught(reader.pushBlob('pub/demo', source(randomBytes(64))))
    expect(e instanceof AuthError || e instanceof RegistryError).toBe(true)
    expect(e.message).toContain(anon.host)
  })
})

describe('htpasswd (Basic) auth', () => {
  test('Basic credentials push and read', async () => {
    const c = new RegistryClient({ host: basic.host, plainHttp: true, retry: FAST, credentials: staticCredentials(basic.username, basic.password) })
    const a = artifact()
    await pushWhole(c, 'basic/demo', a, '1.0.0')
    expect((await c.getManifest('basic/demo', '1.0.0'))?.bytes.equals(a.manifest.manifest)).toBe(true)
  })

  test('no credentials: AuthError telling to set username and password', async () => {
    const c = new RegistryClient({ host: basic.host, plainHttp: true, retry: FAST })
    const e = await caught(c.blobExists('basic/demo', sha256(Buffer.from('x'))))
    expect(e).toBeInstanceOf(AuthError)
    expect(e.message).toContain(basic.host)
    expect((e as AuthError).hint).toMatch(/`username` and `password`/)
  })

  test('a user name without a password (or a password without a user name) is not sent: AuthError before any Basic header', async () => {
    // oras-go's Basic answer refuses a credential missing either half ("missing username" / "missing password").
    for (const half of [{ username: basic.username }, { password: basic.password }]) {
      const c = new RegistryClient({ host: basic.host, plainHttp: true, retry: FAST, credentials: { description: 'half a login', get: async () => half } })
      const e = await caught(c.blobExists('basic/demo', sha256(Buffer.from('x'))))
      expect(e).toBeInstanceOf(AuthError)
      expect(e.message).toContain(`${basic.host} asks for a username and password (HTTP Basic)`)
    }
  })

  test('wrong password: RegistryError 401 naming the registry', async () => {
    const c = new RegistryClient({ host: basic.host, plainHttp: true, retry: FAST, credentials: staticCredentials(basic.username, 'nope') })
    const e = await caught(c.blobExists('basic/demo', sha256(Buffer.from('x'))))
    expect(e).toBeInstanceOf(RegistryError)
    expect((e as RegistryError).status).toBe(401)
    expect(e.message).toContain(basic.host)
    expect((e as RegistryError).hint).toMatch(/credentials/)
  })
})

describe('retries', () => {
  test('a reset on the first HEAD is retried', async () => {
    const p = await proxy(plain.url, { rules: [{ method: 'HEAD', times: 1, fault: 'reset' }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    expect(await c.blobExists('plain/retry', sha256(randomBytes(8)))).toBe(false)
    const heads = p.requests.filter((r) => r.method === 'HEAD')
    expect(heads.map((r) => r.status)).toEqual([0, 404])
  })

  test('503 twice on the upload POST is retried', async () => {
    const p = await proxy(plain.url, { rules: [{ method: 'POST', path: /\/blobs\/uploads\/$/, times: 2, fault: { status: 503, body: 'busy' } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    const blob = source(randomBytes(1000))
    expect(await c.pushBlob('plain/retry', blob)).toBe('uploaded')
    expect(p.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([503, 503, 202])
    expect((await c.getBlob('plain/retry', blob.digest)).equals(blob.bytes)).toBe(true)
  })

  test('429 with Retry-After: 1 waits about a second, then succeeds', async () => {
    const p = await proxy(plain.url, { rules: [{ method: 'HEAD', path: /\/manifests\//, times: 1, fault: { status: 429, headers: { 'Retry-After': '1' } } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    const t0 = Date.now()
    expect(await c.headManifest('plain/retry', 'absent')).toBeUndefined()
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900)
    expect(p.requests.map((r) => r.status)).toEqual([429, 404])
  })

  test('a retryable status that persists is reported with the registry host', async () => {
    const p = await proxy(plain.url, { rules: [{ method: 'HEAD', times: 100, fault: { status: 503 } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: { retries: 2, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 5 } })
    const e = await caught(c.blobExists('plain/retry', sha256(randomBytes(8))))
    expect(e).toBeInstanceOf(RegistryError)
    expect((e as RegistryError).status).toBe(503)
    expect(e.message).toContain(p.host)
    expect(p.requests).toHaveLength(3)
  })
})

describe('interrupted upload', () => {
  const resetFirstPut = (digest: string): FaultPlan => ({
    rules: [{ method: 'PUT', path: new RegExp(`/blobs/uploads/.*digest=${encodeURIComponent(digest)}`), times: 1, fault: 'reset-mid-body' }]
  })

  test('a connection reset halfway through the PUT restarts the session', async () => {
    const blob = source(randomBytes(256 * 1024))
    const p = await proxy(plain.url, resetFirstPut(blob.digest))
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    expect(await c.pushBlob('plain/interrupted', blob)).toBe('uploaded')
    // Two sessions: the broken one and the restarted one.
    expect(p.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
    expect(p.requests.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([0, 201])
    const res = await fetch(`${plain.url}/v2/plain/interrupted/blobs/${blob.digest}`)
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(blob.digest)
  })

  test('a reset on a chunk PATCH resumes the same session from the offset the registry reports', async () => {
    const blob = source(randomBytes(1024 * 1024))
    const p = await proxy(plain.url, { rules: [{ method: 'PATCH', skip: 1, times: 1, fault: 'reset' }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, chunkSize: 256 * 1024 })
    expect(await c.pushBlob('plain/interrupted-chunks', blob)).toBe('uploaded')
    expect(p.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(p.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([202, 0, 202, 202, 202])
    expect(p.requests.filter((r) => r.method === 'GET').map((r) => r.status)).toEqual([204])
    const res = await fetch(`${plain.url}/v2/plain/interrupted-chunks/blobs/${blob.digest}`)
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(blob.digest)
  })

  test('a reset halfway through a chunk body starts a new session (Distribution cancels the broken one)', async () => {
    const blob = source(randomBytes(1024 * 1024))
    const p = await proxy(plain.url, { rules: [{ method: 'PATCH', skip: 1, times: 1, fault: 'reset-mid-body' }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, chunkSize: 256 * 1024 })
    expect(await c.pushBlob('plain/interrupted-mid-chunk', blob)).toBe('uploaded')
    expect(p.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
    const res = await fetch(`${plain.url}/v2/plain/interrupted-mid-chunk/blobs/${blob.digest}`)
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(blob.digest)
  })

  test('with uploadAttempts: 1 the push fails and neither manifest nor tag exists', async () => {
    const a = artifact('demo', '2.0.0', 256 * 1024)
    const p = await proxy(plain.url, resetFirstPut(a.chart.digest))
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, uploadAttempts: 1 })
    const repo = 'plain/interrupted-once'
    await expect(pushWhole(c, repo, a, '2.0.0')).rejects.toThrow()
    const direct = new RegistryClient({ host: plain.host, plainHttp: true, retry: FAST })
    expect(await direct.blobExists(repo, a.chart.digest)).toBe(false)
    expect(await direct.headManifest(repo, a.manifest.digest)).toBeUndefined()
    expect(await direct.headManifest(repo, '2.0.0')).toBeUndefined()
    expect(p.requests.some((r) => r.path.includes('/manifests/'))).toBe(false)
  })
})

describe('blob redirects', () => {
  test('getBlob follows a 307 to storage without sending registry credentials', async () => {
    const storage = await startStorageServer(basic.url, { username: basic.username, password: basic.password })
    started.push(storage)
    const p = await proxy(basic.url, { redirectBlobsTo: storage.url })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, credentials: staticCredentials(basic.username, basic.password) })
    const blob = source(randomBytes(5000))
    expect(await c.pushBlob('basic/redirect', blob)).toBe('uploaded') // caches the Basic scheme for this origin
    const got = await c.getBlob('basic/redirect', blob.digest)
    expect(got.equals(blob.bytes)).toBe(true)
    expect(p.requests.some((r) => r.method === 'GET' && r.status === 307)).toBe(true)
    expect(storage.seen.length).toBeGreaterThan(0)
    expect(storage.seen.every((r) => r.authorization === undefined)).toBe(true)
  })

  test('a failure at the storage a blob was redirected to names that host for the registry, with its full URL and no query', async () => {
    const closed = await freePort()
    const storage = http.createServer((req, res) => {
      if (req.url!.startsWith('/storage/reset')) return void req.socket.destroy()
      res.writeHead(403, { 'content-type': 'application/json' })
      if (req.url!.startsWith('/storage/endless')) {
        // An error body that never ends: the client reads a bounded part, then hangs up.
        const more = (): void => {
          if (!res.destroyed) void (res.write(Buffer.alloc(64 * 1024, 0x20)) ? setImmediate(more) : res.once('drain', more))
        }
        return more()
      }
      // The error body arrives in two pieces: both are quoted.
      res.write('{"errors":[{"code":"DENIED",')
      setTimeout(() => res.end('"message":"storage says no"}]}'), 20)
    })
    await new Promise<void>((r) => storage.listen(0, '127.0.0.1', r))
    const sport = (storage.address() as AddressInfo).port
    const front = http.createServer((req, res) => {
      const d = req.url!.slice(-1)
      const to =
        d === '1'
          ? `http://127.0.0.1:${closed}/storage/gone?sig=s3cr3t`
          : d === '5'
            ? 'http://storage.invalid/storage/x?sig=s3cr3t'
            : `http://127.0.0.1:${sport}/storage/${d === '2' ? 'denied' : d === '3' ? 'reset' : 'endless'}?sig=s3cr3t`
      res.writeHead(307, { location: to }).end()
    })
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', r))
    started.push({ stop: () => new Promise<void>((r) => storage.close(() => front.close(() => r()))) })
    const host = `127.0.0.1:${(front.address() as AddressInfo).port}`
    const c = new RegistryClient({ host, plainHttp: true, retry: { ...FAST, retries: 1 } })
    const gone = await caught<RegistryError>(c.getBlob('r/x', 'sha256:' + '1'.repeat(64)))
    expect(gone).toBeInstanceOf(RegistryError)
    expect(gone.message).toContain(`cannot reach 127.0.0.1:${closed} (for registry ${host})`)
    expect(gone.registry).toBe(host)
    expect(gone.hint).toMatch(/port/)
    const reset = await caught<RegistryError>(c.getBlob('r/x', 'sha256:' + '3'.repeat(64)))
    expect(reset.message).toContain(`127.0.0.1:${sport} (for registry ${host}) closed the connection during GET http://127.0.0.1:${sport}/storage/reset`)
    expect(reset.message).not.toContain('s3cr3t')
    const denied = await caught<RegistryError>(c.getBlob('r/x', 'sha256:' + '2'.repeat(64)))
    expect(denied.status).toBe(403)
    expect(denied.message).toBe(`GET http://127.0.0.1:${sport}/storage/denied on ${host}: response status 403: denied: storage says no`)
    // A streamed read (openBlob) reads the error body from the stream: both pieces, and a bounded part of an endless one.
    const streamed = await caught<RegistryError>(c.openBlob('r/x', 'sha256:' + '2'.repeat(64)))
    expect(streamed.message).toBe(
      `reading blob sha256:${'2'.repeat(64)}: GET http://127.0.0.1:${sport}/storage/denied on ${host}: response status 403: denied: storage says no`
    )
    const endless = await caught<RegistryError>(c.openBlob('r/x', 'sha256:' + '4'.repeat(64)))
    expect(endless.status).toBe(403)
    const unknown = await caught<RegistryError>(c.getBlob('r/x', 'sha256:' + '5'.repeat(64)))
    expect(unknown.message).toMatch(
      new RegExp(`^host storage\\.invalid \\(for registry ${host.replace(/\./g, '\\.')}\\) does not resolve \\(DNS (ENOTFOUND|EAI_AGAIN)\\)$`)
    )
  })
})

describe('per chart: its name in errors, its own retry budget', () => {
  test('a network failure inside forChart / beginChart names the chart; outside, no chart', async () => {
    const host = `127.0.0.1:${await freePort()}`
    const c = new RegistryClient({ host, plainHttp: true, retry: { ...FAST, retries: 0 } })
    const digest = sha256(Buffer.from('x'))
    const inChart = await caught<RegistryError>(c.forChart('mychart', () => c.blobExists('r/x', digest)))
    expect(inChart.message).toMatch(
      new RegExp(`^cannot reach registry ${host.replace(/\./g, '\\.')} \\(connection refused\\).* while publishing chart \`mychart\`$`)
    )
    expect(inChart).toMatchObject({ chart: 'mychart', registry: host })
    expect(inChart.hint).toMatch(/port/)
    const outside = await caught<RegistryError>(c.blobExists('r/x', digest))
    expect(outside.message).not.toMatch(/while publishing/)
    expect(outside.chart).toBeUndefined()
    // beginChart holds for the rest of this async context (enterWith), so it comes last.
    const begun = await (async () => {
      c.beginChart('solo')
      return caught<RegistryError>(c.blobExists('r/x', digest))
    })()
    expect(begun.message).toMatch(/ while publishing chart `solo`/)
  })

  test('a connection the registry resets names the request by its path; an answer too large for a manifest says to check the address', async () => {
    const p = await proxy(plain.url, { rules: [{ method: 'HEAD', times: 100, fault: 'reset' }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: { ...FAST, retries: 0 } })
    const digest = sha256(Buffer.from('reset'))
    const reset = await caught<RegistryError>(c.blobExists('own/x', digest))
    expect(reset.message).toContain(`registry ${p.host} closed the connection during HEAD /v2/own/x/blobs/${digest}`)
    expect(reset.hint).toMatch(/check the registry status/)
    const big = await startPassThrough(plain.url, (_req, res, up) => {
      up.resume()
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' })
      res.end(Buffer.alloc(5 * 1024 * 1024, 0x20))
      return true
    })
    started.push(big)
    const tooLarge = await caught<RegistryError>(new RegistryClient({ host: big.host, plainHttp: true, retry: FAST }).getManifest('own/x', '1.0.0'))
    expect(tooLarge).toBeInstanceOf(RegistryError)
    expect(tooLarge.hint).toMatch(/check the registry address/)
  })

  test("a retryable status once the chart's retry budget is spent is reported as such, and only that chart stops retrying", async () => {
    const p = await proxy(plain.url, { rules: [{ method: 'HEAD', path: /\/blobs\//, times: 100, fault: { status: 503, body: '{}' } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: { ...FAST, retries: 2 } })
    const digest = sha256(Buffer.from('budget'))
    const spent = await caught<RegistryError>(c.forChart('tight', () => c.blobExists('budget/x', digest), new RetryBudget(0)))
    expect(spent.status).toBe(503)
    expect(spent.message).toMatch(/\(not retried further: the retry budget of .* for this chart is used up\)$/)
    expect(p.requests).toHaveLength(1)
    // Another chart (a fresh budget) retries as the policy says: 1 + 2 attempts, and no budget sentence.
    const other = await caught<RegistryError>(c.forChart('roomy', () => c.blobExists('budget/x', digest)))
    expect(other.message).not.toMatch(/not retried further/)
    expect(p.requests).toHaveLength(4)
  })
})

describe('checkExisting', () => {
  let c: RegistryClient
  const registry = (): ReturnType<typeof parseRegistryInput> => parseRegistryInput(`oci://${plain.host}/checks`)

  beforeAll(() => {
    c = new RegistryClient({ host: plain.host, plainHttp: true, retry: FAST })
  })

  test('absent, identical, different', async () => {
    const ref = chartReference(registry(), 'demo', '1.0.0+build.1')
    const a = artifact('demo', '1.0.0+build.1')
    const b = artifact('demo', '1.0.0+build.1')
    expect(await checkExisting(c, ref, a.manifest.digest, 'skip-identical')).toBe('absent')
    expect(await checkExisting(c, ref, a.manifest.digest, 'fail')).toBe('absent')
    expect(await checkExisting(c, ref, a.manifest.digest, 'overwrite')).toBe('absent')

    await pushWhole(c, ref.repository, a, ref.tag)
    expect(ref.tag).toBe('1.0.0_build.1')

    expect(await checkExisting(c, ref, a.manifest.digest, 'skip-identical')).toBe('identical')
    expect(await checkExisting(c, ref, a.manifest.digest, 'overwrite')).toBe('identical')

    const different = await caught(checkExisting(c, ref, b.manifest.digest, 'skip-identical'))
    expect(different).toBeInstanceOf(RegistryError)
    expect(different.message).toContain('already exists')
    expect(different.message).toContain(a.manifest.digest)
    expect(different.message).toContain(`${plain.host}/checks/demo:1.0.0_build.1`)
    expect((different as RegistryError).hint).toMatch(/bump/)

    expect(await checkExisting(c, ref, b.manifest.digest, 'overwrite')).toBe('replace')

    const identicalFail = await caught(checkExisting(c, ref, a.manifest.digest, 'fail'))
    expect(identicalFail).toBeInstanceOf(RegistryError)
    expect(identicalFail.message).toContain('already exists')
    const differentFail = await caught(checkExisting(c, ref, b.manifest.digest, 'fail'))
    expect(differentFail.message).toContain('already exists')
    expect((differentFail as RegistryError).hint).toMatch(/bump/)
  })
})

describe('shared by concurrent charts', () => {
  test('token auth: one token request per scope however many requests wait for it; no 401 once Bearer is known', async () => {
    const p = await proxy(token.url, {})
    const client = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, credentials: staticCredentials(token.username, token.password) })
    const before = token.tokenRequests.length
    const repos = ['conc/a', 'conc/b', 'conc/c']
    // Eight artifacts per repository, pushed all at once.
    await Promise.all(repos.flatMap((repo) => Array.from({ length: 8 }, (_, i) => pushWhole(client, repo, artifact(repo.slice(5), `1.0.${i}`)))))
    const issued = token.tokenRequests.slice(before)
    for (const repo of repos) expect(issued.filter((r) => r.scope.includes(`repository:${repo}:pull,push`))).toHaveLength(1)
    expect(issued).toHaveLength(repos.length)
    // Only the very first request met a 401: the others waited for it to learn the scheme.
    expect(p.requests.filter((r) => r.status === 401)).toHaveLength(1)
    const late = await pushWhole(client, 'conc/d', artifact('d'))
    expect(late).toMatch(/^sha256:/)
    expect(p.requests.filter((r) => r.status === 401)).toHaveLength(1)
    expect(token.tokenRequests.slice(before)).toHaveLength(repos.length + 1)
  })

  test('the same blob pushed by many charts at once is checked and uploaded once per repository', async () => {
    const p = await proxy(plain.url, {})
    const client = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    const shared = source(randomBytes(4096))
    const results = await Promise.all(Array.from({ length: 6 }, () => client.pushBlob('dedupe/x', shared)))
    expect(results.filter((r) => r === 'uploaded')).toHaveLength(1)
    await client.pushBlob('dedupe/y', shared)
    const touching = (repo: string) => p.requests.filter((r) => r.path.startsWith(`/v2/${repo}/blobs/`))
    expect(touching('dedupe/x').map((r) => r.method)).toEqual(['HEAD', 'POST', 'PUT'])
    expect(touching('dedupe/y').map((r) => r.method)).toEqual(['HEAD', 'POST', 'PUT'])
    // The registry holds it in both repositories.
    expect(await new RegistryClient({ host: plain.host, plainHttp: true }).blobExists('dedupe/y', shared.digest)).toBe(true)
  })

  test('a failed upload is not remembered: the next push of the blob tries again', async () => {
    const p = await proxy(plain.url, { rules: [{ method: 'POST', path: /\/v2\/retry\/blob\/blobs\/uploads/, times: 1, fault: { status: 400, body: '{}' } }] })
    const client = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    const blob = source(randomBytes(1024))
    await expect(client.pushBlob('retry/blob', blob)).rejects.toThrow(RegistryError)
    expect(await client.pushBlob('retry/blob', blob)).toBe('uploaded')
  })
})

describe('what the registry answers is checked', () => {
  const OTHER = `sha256:${'f'.repeat(64)}`
  /** The plain registry behind a pass-through that changes what `edit` says. */
  const through = async (edit: Parameters<typeof startPassThrough>[1]): Promise<RegistryClient> => {
    const p = await startPassThrough(plain.url, edit)
    started.push(p)
    return new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
  }
  const seed = async (repo: string): Promise<ReturnType<typeof artifact>> => {
    const a = artifact()
    await pushWhole(new RegistryClient({ host: plain.host, plainHttp: true, retry: FAST }), repo, a, '1.0.0')
    return a
  }

  test('a blob HEAD without Docker-Content-Digest, or redirected (307) to storage, still finds the blob', async () => {
    const a = await seed('check/head-plain')
    const bare = await through((req, res, up) => {
      if (req.method !== 'HEAD' || !req.url!.includes('/blobs/')) return false
      const headers = { ...up.headers }
      delete headers['docker-content-digest']
      res.writeHead(up.statusCode!, headers)
      up.resume()
      res.end()
      return true
    })
    expect(await bare.blobExists('check/head-plain', a.chart.digest)).toBe(true)
    // Go's http.Client (oras, Helm) follows a redirected HEAD as it does a GET.
    const moved = await through((req, res, up) => {
      if (req.method !== 'HEAD' || !req.url!.includes('/blobs/')) return false
      up.resume()
      res.writeHead(307, { location: `${plain.url}${req.url}` }).end()
      return true
    })
    expect(await moved.blobExists('check/head-plain', a.chart.digest)).toBe(true)
  })

  test('upload bodies carry Content-Length (S3-style pre-signed storage refuses chunked transfer encoding)', async () => {
    const sent: Array<{ method: string; length?: string; chunked: boolean }> = []
    const p = await startPassThrough(plain.url, (req) => {
      if (req.method === 'PUT' || req.method === 'PATCH')
        sent.push({ method: req.method, length: req.headers['content-length'], chunked: /chunked/i.test(String(req.headers['transfer-encoding'] ?? '')) })
      return false
    })
    started.push(p)
    const whole = source(randomBytes(3000))
    expect(await new RegistryClient({ host: p.host, plainHttp: true, retry: FAST }).pushBlob('check/length', whole)).toBe('uploaded')
    const chunked = source(randomBytes(2500))
    expect(await new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, chunkSize: 1000 }).pushBlob('check/length', chunked)).toBe('uploaded')
    expect(sent).toEqual([
      { method: 'PUT', length: '3000', chunked: false },
      { method: 'PATCH', length: '1000', chunked: false },
      { method: 'PATCH', length: '1000', chunked: false },
      { method: 'PATCH', length: '500', chunked: false },
      { method: 'PUT', length: '0', chunked: false }
    ])
  })

  test('a blob HEAD that reports another digest is refused', async () => {
    const a = await seed('check/head')
    const c = await through((req, _res, up) => {
      if (req.method === 'HEAD') up.headers['docker-content-digest'] = OTHER
    })
    const e = await caught<RegistryError>(c.blobExists('check/head', a.chart.digest))
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toBe(`${c.host} reports blob ${a.chart.digest} as ${OTHER}`)
    expect(e.hint).toBe('The registry is inconsistent; contact its operator')
  })

  test('a blob stored under another digest, or a manifest the registry rewrote, is refused', async () => {
    const c = await through((req, _res, up) => {
      if (req.method === 'PUT') up.headers['docker-content-digest'] = OTHER
    })
    const a = artifact()
    const e = await caught<RegistryError>(c.pushBlob('check/put', a.chart))
    expect(e.message).toBe(`${c.host} stored blob ${a.chart.digest} as ${OTHER}`)
    expect(e.hint).toBe('The upload was corrupted on the way; re-run the job')
    // The config gets stored (the pass-through only changes what is said), so the manifest PUT reaches the registry.
    await new RegistryClient({ host: plain.host, plainHttp: true }).pushBlob('check/put', a.chart)
    await new RegistryClient({ host: plain.host, plainHttp: true }).pushBlob('check/put', source(a.manifest.config.bytes))
    const m = await caught<RegistryError>(c.putManifest('check/put', '1.0.0', { mediaType: OCI_MANIFEST_MEDIA_TYPE, bytes: a.manifest.manifest }))
    expect(m.message).toBe(`${c.host} stored manifest ${a.manifest.digest} as ${OTHER}`)
    expect(m.hint).toBe('The registry rewrote the manifest; it may not support OCI artifacts')
  })

  test('a manifest or blob whose bytes are not the digest asked for is refused', async () => {
    const a = await seed('check/bytes')
    const c = await through((req, res, up) => {
      if (req.method !== 'GET') return false
      up.resume()
      res.writeHead(200, { 'content-type': OCI_MANIFEST_MEDIA_TYPE })
      res.end('{"tampered":true}')
      return true
    })
    const m = await caught<RegistryError>(c.getManifest('check/bytes', a.manifest.digest))
    expect(m.message).toBe(`${c.host} returned manifest ${sha256(Buffer.from('{"tampered":true}'))} for ${a.manifest.digest}`)
    expect(m.registry).toBe(c.host)
    const b = await caught<RegistryError>(c.getBlob('check/bytes', a.chart.digest))
    expect(b.message).toBe(`${c.host} returned other content for blob ${a.chart.digest}`)
    expect(b.registry).toBe(c.host)
    // By tag there is no digest to hold it to: the bytes are what the tag holds.
    expect((await c.getManifest('check/bytes', '1.0.0'))?.digest).toBe(sha256(Buffer.from('{"tampered":true}')))
  })

  test('HEAD without Docker-Content-Digest falls back to the body; media type parameters are dropped; the ETag is kept', async () => {
    const a = await seed('check/nodigest')
    const c = await through((req, _res, up) => {
      if (!req.url!.includes('/manifests/')) return
      delete up.headers['docker-content-digest']
      up.headers['content-type'] = `${OCI_MANIFEST_MEDIA_TYPE}; charset=utf-8`
      up.headers.etag = '"v1"'
    })
    expect(await c.headManifest('check/nodigest', '1.0.0')).toEqual({ digest: a.manifest.digest, mediaType: OCI_MANIFEST_MEDIA_TYPE, size: a.manifest.size })
    const got = await c.getManifest('check/nodigest', '1.0.0')
    expect(got).toMatchObject({ digest: a.manifest.digest, mediaType: OCI_MANIFEST_MEDIA_TYPE, size: a.manifest.size, etag: '"v1"' })
    expect(await c.headManifest('check/nodigest', 'absent')).toBeUndefined()
  })

  test('a HEAD refused with 403 is an error with the status, not "absent"', async () => {
    const c = await through((req, res, up) => {
      up.resume()
      res.writeHead(403, { 'content-type': 'application/json' })
      res.end('{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}')
      return true
    })
    const h = await caught<RegistryError>(c.headManifest('check/denied', '1.0.0'))
    expect(h.status).toBe(403)
    expect(h.message).toBe(`HEAD /v2/check/denied/manifests/1.0.0 on ${c.host}: response status 403`) // a HEAD answer has no body to quote
    const b = await caught<RegistryError>(c.blobExists('check/denied', OTHER))
    expect(b.status).toBe(403)
    const g = await caught<RegistryError>(c.getManifest('check/denied', '1.0.0'))
    expect(g.message).toBe(`GET /v2/check/denied/manifests/1.0.0 on ${c.host}: response status 403: denied: requested access to the resource is denied`)
    expect(g.hint).toMatch(/credentials/)
  })

  test('NAME_UNKNOWN on an upload (Amazon ECR: the repository does not exist) says to create it; a 400 has no hint', async () => {
    const c = await through((req, res, up) => {
      up.resume()
      const missing = req.url!.includes('/missing/')
      res.writeHead(missing ? 404 : 400, { 'content-type': 'application/json' })
      res.end(
        missing
          ? `{"errors":[{"code":"NAME_UNKNOWN","message":"The repository with name 'missing/app' does not exist in the registry with id '123456789012'"}]}`
          : '{"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"blob upload invalid"}]}'
      )
      return true
    })
    const e = await caught<RegistryError>(c.pushBlob('missing/app', source(randomBytes(32))))
    expect(e.status).toBe(404)
    expect(e.code).toBe('NAME_UNKNOWN')
    expect(e.hint).toMatch(/create-repository: true/)
    const bad = await caught<RegistryError>(c.pushBlob('other/app', source(randomBytes(32))))
    expect(bad.status).toBe(400)
    expect(bad.hint).toBeUndefined()
  })
})

describe('upload sessions', () => {
  const stored = async (repo: string, blob: ReturnType<typeof source>): Promise<boolean> => {
    const res = await fetch(`${plain.url}/v2/${repo}/blobs/${blob.digest}`)
    return res.status === 200 && sha256(Buffer.from(await res.arrayBuffer())) === blob.digest
  }

  test('a reset before the first chunk reached the registry resumes the session at byte 0 (Distribution reports an empty one as 0-0)', async () => {
    const blob = source(randomBytes(600 * 1024))
    const p = await proxy(plain.url, { rules: [{ method: 'PATCH', times: 1, fault: 'reset' }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, chunkSize: 256 * 1024 })
    expect(await c.pushBlob('up/empty-session', blob)).toBe('uploaded')
    expect(p.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(p.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([0, 202, 202, 202])
    expect(await stored('up/empty-session', blob)).toBe(true)
  })

  test('a session status given as "bytes=0-<last>" is understood, and its Location is used from then on', async () => {
    const blob = source(randomBytes(1024 * 1024))
    const moved: string[] = []
    // Behind the fault proxy: the status answer says "bytes=0-<last>" and moves the session to a Location of its own.
    const p = await startPassThrough(plain.url, (req, _res, up) => {
      if (req.method === 'GET' && req.url!.includes('/blobs/uploads/') && up.headers.range) {
        up.headers.range = `bytes=${up.headers.range}`
        up.headers.location = `${up.headers.location}${String(up.headers.location).includes('?') ? '&' : '?'}moved=1`
        moved.push(String(up.headers.location))
      }
    })
    started.push(p)
    const fault = await proxy(`http://${p.host}`, { rules: [{ method: 'PATCH', skip: 1, times: 1, fault: 'reset' }] })
    const c = new RegistryClient({ host: fault.host, plainHttp: true, retry: FAST, chunkSize: 256 * 1024 })
    expect(await c.pushBlob('up/bytes-range', blob)).toBe('uploaded')
    expect(moved).toHaveLength(1)
    expect(fault.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    const patches = fault.requests.filter((r) => r.method === 'PATCH')
    expect(patches.map((r) => r.status)).toEqual([202, 0, 202, 202, 202])
    expect(patches[2].path).toContain('moved=1')
    expect(await stored('up/bytes-range', blob)).toBe(true)
  })

  test('a blob committed before the answer was lost is not sent again', async () => {
    const blob = source(randomBytes(4096))
    const p = await proxy(plain.url, { rules: [{ method: 'PUT', times: 1, fault: 'reset-after-commit' }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    expect(await c.pushBlob('up/committed', blob)).toBe('uploaded')
    expect(p.requests.filter((r) => r.method === 'PUT')).toHaveLength(1)
    expect(p.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(p.requests.filter((r) => r.method === 'HEAD').map((r) => r.status)).toEqual([404, 200])
  })

  test('uploadAttempts bounds the attempts: resets on every PUT fail after that many, naming the count', async () => {
    const blob = source(randomBytes(4096))
    const p = await proxy(plain.url, { rules: [{ method: 'PUT', times: 100, fault: 'reset' }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, uploadAttempts: 3 })
    const e = await caught<RegistryError>(c.pushBlob('up/resets', blob))
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toContain('after 3 attempts')
    expect(p.requests.filter((r) => r.method === 'PUT')).toHaveLength(3)
    // Two resets, then through: three attempts are enough.
    const q = await proxy(plain.url, { rules: [{ method: 'PUT', times: 2, fault: 'reset' }] })
    const d = new RegistryClient({ host: q.host, plainHttp: true, retry: FAST, uploadAttempts: 3 })
    expect(await d.pushBlob('up/resets', blob)).toBe('uploaded')
  })

  test('a 503 that persists on the blob PUT is reported with the status and what was uploaded', async () => {
    const blob = source(randomBytes(4096))
    const p = await proxy(plain.url, { rules: [{ method: 'PUT', times: 100, fault: { status: 503, body: 'busy' } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: { retries: 2, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 5 } })
    const e = await caught<RegistryError>(c.pushBlob('up/busy', blob))
    expect(e.status).toBe(503)
    expect(e.message).toMatch(new RegExp(`^uploading ${blob.digest}: PUT /v2/up/busy/blobs/uploads/\\S+ on ${p.host}: response status 503`))
    expect(e.hint).toBe('The registry failed; re-run the job, and check the registry status if it persists')
    expect(p.requests.filter((r) => r.method === 'PUT')).toHaveLength(3)
  })

  test('a blob PUT answered 429 with a Retry-After longer than a minute fails at once as rate limiting', async () => {
    const blob = source(randomBytes(2048))
    const p = await proxy(plain.url, { rules: [{ method: 'PUT', times: 100, fault: { status: 429, headers: { 'Retry-After': '120' } } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    const t0 = Date.now()
    const e = await caught<RegistryError>(c.pushBlob('up/limited', blob))
    expect(Date.now() - t0).toBeLessThan(5000)
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.status).toBe(429)
    expect(e.message).toMatch(
      new RegExp(
        `^registry ${p.host} is rate-limiting: PUT .* answered 429 and asked to retry after 120 s \\(Retry-After\\), longer than the 60 s this action waits$`
      )
    )
    expect(e.hint).toBe('Re-run the job later, or use a registry account with a higher rate limit')
    expect(p.requests.filter((r) => r.method === 'PUT')).toHaveLength(1)
  })

  test('an upload session without Location, or refused, is an error that says so', async () => {
    const blob = source(randomBytes(1024))
    const p = await proxy(plain.url, { rules: [{ method: 'POST', times: 1, fault: { status: 202 } }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    const e = await caught<RegistryError>(c.pushBlob('up/noloc', blob))
    expect(e.message).toBe(`${p.host} gave no Location for the upload`)
    expect(e.status).toBe(202)
    const q = await proxy(plain.url, {
      rules: [
        { method: 'POST', times: 1, fault: { status: 404, body: '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}' } }
      ]
    })
    const d = new RegistryClient({ host: q.host, plainHttp: true, retry: FAST })
    const f = await caught<RegistryError>(d.pushBlob('up/noloc', blob))
    expect(f.message).toBe(
      `cannot start a blob upload: POST /v2/up/noloc/blobs/uploads/ on ${q.host}: response status 404: name unknown: repository name not known to registry`
    )
    expect(f.code).toBe('NAME_UNKNOWN')
  })

  test('a chunk the registry refuses (416) fails the upload with the status', async () => {
    const blob = source(randomBytes(600 * 1024))
    const p = await proxy(plain.url, {
      rules: [
        { method: 'PATCH', skip: 1, times: 1, fault: { status: 416, body: '{"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"blob upload invalid"}]}' } }
      ]
    })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, chunkSize: 256 * 1024 })
    const e = await caught<RegistryError>(c.pushBlob('up/refused-chunk', blob))
    expect(e.status).toBe(416)
    expect(e.message).toMatch(new RegExp(`^uploading ${blob.digest}: PATCH `))
    expect(p.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2)
  })

  test('chunks carry Content-Range <first>-<last> and end with a PUT of the digest and no body', async () => {
    const blob = source(randomBytes(300 * 1024))
    const ranges: string[] = []
    const p = await startPassThrough(plain.url, (req) => {
      if (req.method === 'PATCH') ranges.push(`${req.headers['content-range']} ${req.headers['content-length']} ${req.headers['content-type']}`)
      if (req.method === 'PUT') ranges.push(`PUT ${req.headers['content-length']}`)
    })
    started.push(p)
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, chunkSize: 128 * 1024 })
    expect(await c.pushBlob('up/ranges', blob)).toBe('uploaded')
    // Spec "Pushing a blob in chunks": Content-Type application/octet-stream, Content-Range <start>-<end> inclusive.
    expect(ranges).toEqual([
      '0-131071 131072 application/octet-stream',
      '131072-262143 131072 application/octet-stream',
      '262144-307199 45056 application/octet-stream',
      'PUT 0'
    ])
    expect(await stored('up/ranges', blob)).toBe(true)
  })
})

describe('paged listings', () => {
  test('listTags follows Link: rel="next" pages to the last one', async () => {
    const c = new RegistryClient({ host: plain.host, plainHttp: true, retry: FAST })
    const a = artifact()
    const tags = ['1.0.0', '1.1.0', '2.0.0', '2.1.0', '3.0.0']
    for (const t of tags) await pushWhole(c, 'pages/tags', a, t)
    const seen: string[] = []
    // Distribution 2.8 does not page tag lists: the pass-through pages the registry's own list as the distribution
    // spec's "Tags Paginated" does, two tags a page (`Link: <…?n=2&last=<last tag>>; rel="next"`).
    const p = await startPassThrough(plain.url, (req, res, up) => {
      if (!req.url!.includes('/tags/list')) return false
      const chunks: Buffer[] = []
      up.on('data', (d: Buffer) => chunks.push(d))
      up.on('end', () => {
        seen.push(req.url!)
        const all = (JSON.parse(Buffer.concat(chunks).toString()).tags as string[]).sort()
        const last = new URL(req.url!, 'http://x').searchParams.get('last')
        const rest = last ? all.filter((t) => t > last) : all
        const page = rest.slice(0, 2)
        const headers: Record<string, string> = { 'content-type': 'application/json' }
        // The second page writes its link as RFC 8288 also allows: no spaces, an unquoted relation, any letter case.
        const next = `</v2/pages/tags/tags/list?n=2&last=${page[1]}>`
        if (rest.length > 2) headers.link = seen.length === 1 ? `${next}; rel="next"` : `</v2/pages/tags/tags/list>;rel="first", ${next} ;Rel=NEXT`
        res.writeHead(200, headers)
        res.end(JSON.stringify({ name: 'pages/tags', tags: page }))
      })
      return true
    })
    started.push(p)
    const paged = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    expect(await paged.listTags('pages/tags')).toEqual(tags)
    expect(seen).toEqual(['/v2/pages/tags/tags/list', '/v2/pages/tags/tags/list?n=2&last=1.1.0', '/v2/pages/tags/tags/list?n=2&last=2.1.0'])
    expect(await c.listTags('pages/never-pushed')).toBeUndefined()
  })

  test('a tag list that is not JSON, or refused, is an error naming the registry', async () => {
    const p = await startPassThrough(plain.url, (req, res, up) => {
      up.resume()
      res.writeHead(req.url!.includes('denied') ? 403 : 200, { 'content-type': 'application/json' })
      res.end(req.url!.includes('denied') ? '{"errors":[{"code":"DENIED","message":"denied"}]}' : '<html>')
      return true
    })
    started.push(p)
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    const e = await caught<RegistryError>(c.listTags('pages/junk'))
    expect(e.message).toBe(`${p.host} answered GET /v2/pages/junk/tags/list with a tag list that is not JSON`)
    expect(e.registry).toBe(p.host)
    const d = await caught<RegistryError>(c.listTags('pages/denied'))
    expect(d.message).toBe(`listing tags: GET /v2/pages/denied/tags/list on ${p.host}: response status 403: denied: denied`)
  })
})

describe('mountBlob', () => {
  test('mounts what the source repository holds; else cancels the session it got; checks the digest it is told', async () => {
    const direct = new RegistryClient({ host: plain.host, plainHttp: true, retry: FAST })
    const blob = source(randomBytes(3000))
    await direct.pushBlob('mount/src', blob)
    const p = await proxy(plain.url, {})
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    expect(await c.mountBlob('mount/dst', blob.digest, 'mount/src')).toBe(true)
    expect(await direct.blobExists('mount/dst', blob.digest)).toBe(true)
    const post = p.requests.find((r) => r.method === 'POST')!
    expect(post.path).toBe(`/v2/mount/dst/blobs/uploads/?mount=${encodeURIComponent(blob.digest)}&from=mount%2Fsrc`)
    expect(post.status).toBe(201)
    // Not in the source: Distribution opens an upload session instead (202), which is cancelled.
    const absent = sha256(randomBytes(8))
    expect(await c.mountBlob('mount/dst2', absent, 'mount/src')).toBe(false)
    expect(p.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([204])
    const lying = await startPassThrough(plain.url, (req, _res, up) => {
      if (req.method === 'POST') up.headers['docker-content-digest'] = absent
    })
    started.push(lying)
    const e = await caught<RegistryError>(new RegistryClient({ host: lying.host, plainHttp: true }).mountBlob('mount/dst3', blob.digest, 'mount/src'))
    expect(e.message).toBe(`${lying.host} mounted ${absent} when asked for ${blob.digest}`)
    expect(e).toMatchObject({ registry: lying.host, hint: 'The registry is inconsistent; contact its operator' })
    const q = await proxy(plain.url, {
      rules: [{ method: 'POST', times: 1, fault: { status: 403, body: '{"errors":[{"code":"DENIED","message":"denied"}]}' } }]
    })
    const d = await caught<RegistryError>(new RegistryClient({ host: q.host, plainHttp: true }).mountBlob('mount/dst4', blob.digest, 'mount/src'))
    expect(d.message).toBe(`mounting ${blob.digest} from mount/src: POST /v2/mount/dst4/blobs/uploads/ on ${q.host}: response status 403: denied: denied`)
  })
})

describe('challenges and redirects', () => {
  test('a refused Basic login is answered once, then once more with a renewed credential, then reported', async () => {
    const p = await proxy(basic.url, {})
    const asked: boolean[] = []
    const c = new RegistryClient({
      host: p.host,
      plainHttp: true,
      retry: FAST,
      credentials: {
        description: 'a password that is refused',
        get: async (_host, o) => {
          asked.push(!!o?.refresh)
          return { username: basic.username, password: 'wrong' }
        }
      }
    })
    const e = await caught<RegistryError>(c.blobExists('auth/refused', sha256(randomBytes(8))))
    expect(e.status).toBe(401)
    expect(asked).toEqual([false, true])
    expect(p.requests.map((r) => r.status)).toEqual([401, 401, 401])
    expect(p.requests.map((r) => r.authorization === undefined)).toEqual([true, false, false])
  })

  test('once a redirect left the registry, credentials stay behind even when a hop comes back to it', async () => {
    // Another origin that sends every request back to the registry (as a misconfigured storage redirect would).
    let registryUrl = ''
    const bounce = http.createServer((req, res) => {
      res.writeHead(307, { location: `${registryUrl}${req.url}` })
      res.end()
    })
    await new Promise<void>((r) => bounce.listen(0, '127.0.0.1', r))
    started.push({
      stop: () => {
        bounce.closeAllConnections()
        return new Promise<void>((r) => bounce.close(() => r()))
      }
    })
    const bounceUrl = `http://127.0.0.1:${(bounce.address() as AddressInfo).port}`
    const p = await proxy(basic.url, { rules: [{ method: 'GET', path: /\/manifests\//, times: 1, fault: { redirectTo: bounceUrl } }] })
    registryUrl = p.url
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST, credentials: staticCredentials(basic.username, basic.password) })
    expect(await c.blobExists('auth/bounce', sha256(randomBytes(8)))).toBe(false) // learns Basic on the registry's origin
    const e = await caught<AuthError>(c.getManifest('auth/bounce', '1.0.0'))
    expect(e).toBeInstanceOf(AuthError)
    expect(e.message).toContain(`credentials for ${p.host} are never sent to other hosts`)
    expect(e.hint).toMatch(/pre-signed storage URLs/)
    const gets = p.requests.filter((r) => r.method === 'GET')
    expect(gets.map((r) => [r.status, r.authorization?.startsWith('Basic ') ?? false])).toEqual([
      [307, true],
      [401, false]
    ])
  })
})

describe('upload details', () => {
  test('a blob already in the repository is "exists" for a client that never pushed it', async () => {
    const blob = source(randomBytes(1500))
    await new RegistryClient({ host: plain.host, plainHttp: true }).pushBlob('det/exists', blob)
    const p = await proxy(plain.url, {})
    expect(await new RegistryClient({ host: p.host, plainHttp: true, retry: FAST }).pushBlob('det/exists', blob)).toBe('exists')
    expect(p.requests.map((r) => r.method)).toEqual(['HEAD'])
  })

  test('without uploadAttempts an upload is tried once more than the policy retries', async () => {
    const blob = source(randomBytes(2048))
    const p = await proxy(plain.url, { rules: [{ method: 'PUT', times: 100, fault: 'reset' }] })
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: { retries: 2, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 5 } })
    await expect(c.pushBlob('det/attempts', blob)).rejects.toThrow(RegistryError)
    expect(p.requests.filter((r) => r.method === 'PUT')).toHaveLength(3)
  })

  test('a session status without Range starts a new session', async () => {
    const blob = source(randomBytes(600 * 1024))
    const p = await startPassThrough(plain.url, (req, _res, up) => {
      if (req.method === 'GET' && req.url!.includes('/blobs/uploads/')) delete up.headers.range
    })
    started.push(p)
    const fault = await proxy(`http://${p.host}`, { rules: [{ method: 'PATCH', skip: 1, times: 1, fault: 'reset' }] })
    const c = new RegistryClient({ host: fault.host, plainHttp: true, retry: FAST, chunkSize: 256 * 1024 })
    expect(await c.pushBlob('det/norange', blob)).toBe('uploaded')
    expect(fault.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
    expect(sha256(Buffer.from(await (await fetch(`${plain.url}/v2/det/norange/blobs/${blob.digest}`)).arrayBuffer()))).toBe(blob.digest)
  })

  test('a blob PUT the registry refuses is an error, not "uploaded"', async () => {
    const blob = source(randomBytes(1024))
    const p = await proxy(plain.url, {
      rules: [
        {
          method: 'PUT',
          times: 1,
          fault: { status: 400, body: '{"errors":[{"code":"DIGEST_INVALID","message":"provided digest did not match uploaded content"}]}' }
        }
      ]
    })
    const e = await caught<RegistryError>(new RegistryClient({ host: p.host, plainHttp: true, retry: FAST }).pushBlob('det/refused', blob))
    expect(e.code).toBe('DIGEST_INVALID')
    expect(e.message).toMatch(new RegExp(`^uploading ${blob.digest}: PUT `))
  })

  test('HEAD with Docker-Content-Digest needs no GET', async () => {
    const a = artifact()
    await pushWhole(new RegistryClient({ host: plain.host, plainHttp: true }), 'det/head', a, '1.0.0')
    const p = await proxy(plain.url, {})
    const c = new RegistryClient({ host: p.host, plainHttp: true, retry: FAST })
    expect((await c.headManifest('det/head', '1.0.0'))?.digest).toBe(a.manifest.digest)
    expect(p.requests.map((r) => r.method)).toEqual(['HEAD'])
  })

  test('a monolithic blob PUT redirected (307) to storage is followed there, bytes intact', async () => {
    const storage = await startStorageServer(plain.url)
    started.push(storage)
    const p = await proxy(plain.url, { rules: [{ method: 'PUT', path: /digest=/, times: 1, fault: { redirectTo: storage.url } }] })
    const blob = source(randomBytes(3000))
    expect(await new RegistryClient({ host: p.host, plainHttp: true, retry: FAST }).pushBlob('det/redirected', blob)).toBe('uploaded')
    expect(storage.seen.filter((r) => r.method === 'PUT')).toHaveLength(1)
    expect(sha256(Buffer.from(await (await fetch(`${plain.url}/v2/det/redirected/blobs/${blob.digest}`)).arrayBuffer()))).toBe(blob.digest)
  })
})

// An in-process registry that answers each listing or blob read as a test case needs (what Distribution 2.8 never
// does: endless or failing later pages, odd Content-Type spellings, ignoring Range); each request is logged.
describe('listings and ranged reads against odd answers', () => {
  const INDEX = 'application/vnd.oci.image.index.v1+json'
  const blob = Buffer.from(Array.from({ length: 300 }, (_, i) => i % 251))
  const digest = sha256(blob)
  const log: string[] = []
  let c: RegistryClient
  let host: string
  beforeAll(async () => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url!, 'http://x')
      log.push(`${req.method} ${req.url} ${req.headers.range ?? ''}`.trim())
      const [, repo] = /^\/v2\/([^/]+)\//.exec(url.pathname) ?? []
      const page = Number(url.searchParams.get('page') ?? '0')
      const next = (p: number): Record<string, string> => ({ link: `<${url.pathname}?page=${p}>; rel="next"` })
      const json = (status: number, headers: Record<string, string>, body: unknown): void => {
        res.writeHead(status, headers).end(JSON.stringify(body))
      }
      if (url.pathname.includes('/blobs/')) {
        const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '')
        if (repo === 'honours' && m) return void res.writeHead(206).end(blob.subarray(Number(m[1]), Number(m[2]) + 1))
        if (repo === 'partial') return void res.writeHead(206).end(blob.subarray(0, 10))
        if (repo === 'missing') return json(404, {}, { errors: [{ code: 'BLOB_UNKNOWN', message: 'blob unknown to registry' }] })
        if (repo === 'endless') {
          // A body that never ends, sent as fast as it is read: getBlob must stop at its bound, not fill memory.
          res.writeHead(200)
          const chunk = Buffer.alloc(64 * 1024, 7)
          const more = (): void => {
            while (!res.destroyed && res.write(chunk));
            if (!res.destroyed) res.once('drain', more)
          }
          return more()
        }
        if (repo === 'moved' && !url.pathname.startsWith('/v2/moved/blobs/storage/'))
          return void res.writeHead(307, { location: `/v2/moved/blobs/storage/${digest}` }).end()
        // Ignores Range: the whole blob, in three writes apart in time, so that the reader gets it in pieces.
        res.writeHead(200, { 'content-length': String(blob.length) })
        res.write(blob.subarray(0, 100))
        setTimeout(() => res.write(blob.subarray(100, 200)), 30)
        return void setTimeout(() => res.end(blob.subarray(200)), 60)
      }
      if (url.pathname.endsWith('/tags/list')) {
        if (repo === 'nulltags') return json(200, {}, { name: repo, tags: null })
        if (repo === 'gone') return page ? json(404, {}, { errors: [{ code: 'NAME_UNKNOWN', message: 'gone' }] }) : json(200, next(1), { tags: ['a'] })
      }
      if (url.pathname.includes('/referrers/')) {
        const index = (manifests?: unknown[]): unknown => ({ schemaVersion: 2, mediaType: INDEX, ...(manifests ? { manifests } : {}) })
        const d = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 1 }
        if (repo === 'spaced') return json(200, { 'content-type': `${INDEX} ; charset=utf-8` }, index([d]))
        if (repo === 'nomanifests') return json(200, { 'content-type': INDEX }, index())
        if (repo === 'plainjson') return json(200, { 'content-type': 'application/json' }, index([d]))
        if (repo === 'notjson') return void res.writeHead(200, { 'content-type': INDEX }).end('<html>')
        if (repo === 'unknown') return json(404, {}, { errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }] })
        if (page === 0) return json(200, { 'content-type': INDEX, ...next(1) }, index([d]))
        if (repo === 'later404') return json(404, {}, { errors: [{ code: 'NOT_FOUND', message: 'no' }] })
        if (repo === 'laterhtml') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>')
      }
      json(404, {}, { errors: [{ code: 'NOT_FOUND', message: 'no' }] })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`
    started.push({ stop: () => new Promise<void>((resolve) => server.close(() => resolve())) })
    c = new RegistryClient({ host, plainHttp: true, retry: FAST })
  })
  beforeEach(() => (log.length = 0))

  const read = async (s: NodeJS.ReadableStream): Promise<Buffer> => {
    const parts: Buffer[] = []
    for await (const p of s) parts.push(p as Buffer)
    return Buffer.concat(parts)
  }

  test('a blob read whole stops at its bound: 4 MiB (oras-go MaxMetadataBytes) unless told, with the registry named', async () => {
    for (const [bound, told] of [
      [4 * 1024 * 1024, undefined],
      [256 * 1024, 256 * 1024]
    ] as const) {
      const before = process.memoryUsage().arrayBuffers
      const e = await caught<RegistryError>(c.getBlob('endless', digest, told))
      expect(e).toBeInstanceOf(RegistryError)
      expect([e.registry, e.message]).toEqual([host, expect.stringContaining(`exceeds ${bound} bytes`)])
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(bound + 8 * 1024 * 1024)
    }
  })

  test('a byte range: asked for as bytes=<first>-<last>; a 206 is taken as sent, a whole 200 is cut to the range', async () => {
    expect((await read(await c.openBlob('honours', digest, 5, 20))).equals(blob.subarray(5, 21))).toBe(true)
    expect(log).toEqual([`GET /v2/honours/blobs/${digest} bytes=5-20`])
    for (const [start, end] of [
      [0, 0],
      [99, 100],
      [150, 250],
      [290, 299]
    ])
      expect((await read(await c.openBlob('ignores', digest, start, end))).equals(blob.subarray(start, end + 1))).toBe(true)
    expect((await read(await c.openBlob('ignores', digest))).equals(blob)).toBe(true)
    expect(log.at(-1)).toBe(`GET /v2/ignores/blobs/${digest}`)
    // A redirect to storage is followed, the range going along.
    expect((await read(await c.openBlob('moved', digest, 10, 19))).equals(blob.subarray(10, 20))).toBe(true)
    expect(log.slice(-2)).toEqual([`GET /v2/moved/blobs/${digest} bytes=10-19`, `GET /v2/moved/blobs/storage/${digest} bytes=10-19`])
    // A range of a blob that is not there is an error, not the error body cut to the range.
    const e = await caught<RegistryError>(c.openBlob('missing', digest, 0, 3))
    expect(e).toMatchObject({ status: 404, registry: host })
  })

  test('a 206 to a read of the whole blob is an error, not a short blob', async () => {
    const e = await caught<RegistryError>(c.openBlob('partial', digest))
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toMatch(new RegExp(`^reading blob ${digest}: GET /v2/partial/blobs/${digest} on ${host}: response status 206`))
  })

  test('tags: null is no tags; a later page that is not found is an error, not "no repository"', async () => {
    expect(await c.listTags('nulltags')).toEqual([])
    const e = await caught<RegistryError>(c.listTags('gone'))
    expect(e.message).toMatch(new RegExp(`^listing tags: GET /v2/gone/tags/list on ${host}: response status 404: `))
    expect(e).toMatchObject({ registry: host })
  })

  test('referrers: the index media type with parameters and spaces; an index without manifests; JSON that is not an index is no API', async () => {
    expect(await c.getReferrers('spaced', digest)).toEqual([{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 1 }])
    expect(c.referrersSupported('spaced')).toBe(true)
    expect(await c.getReferrers('nomanifests', digest)).toEqual([])
    expect(await c.getReferrers('plainjson', digest)).toBeUndefined()
    expect(c.referrersSupported('plainjson')).toBe(false)
    const e = await caught<RegistryError>(c.getReferrers('notjson', digest))
    expect(e.message).toBe(`${host} answered GET /v2/notjson/referrers/${digest} with an index that is not JSON`)
    expect(e).toMatchObject({ registry: host, hint: 'The registry is inconsistent; contact its operator' })
  })

  test('referrers: a repository the registry does not know has none, and says nothing about the API', async () => {
    expect(await c.getReferrers('unknown', digest)).toBeUndefined()
    expect(c.referrersSupported('unknown')).toBeUndefined()
  })

  test('referrers: a later page that is not found, or not an index, is an error (never "no API")', async () => {
    for (const repo of ['later404', 'laterhtml']) {
      const e = await caught<RegistryError>(c.getReferrers(repo, digest))
      expect(e).toBeInstanceOf(RegistryError)
      expect(e.message).toMatch(new RegExp(`^listing referrers: GET /v2/${repo}/referrers/${digest} on ${host}: response status (404|200)`))
      expect(c.referrersSupported(repo)).toBe(true)
    }
  })
})

describe('token scopes of reads and mounts (oras-go registry/remote/repository.go: reads ask pull; Mount asks pull,push on the target and pull on the source)', () => {
  const bearer = (): RegistryClient =>
    new RegistryClient({ host: token.host, plainHttp: true, retry: FAST, credentials: staticCredentials(token.username, token.password) })
  // Each token request's scopes, in a fixed order (the order of `scope` parameters carries no meaning).
  const askedSince = (before: number): string[][] => token.tokenRequests.slice(before).map((r) => [...r.scope].sort())

  test('a blob read whole or streamed, a tag list and a referrers listing each ask for pull only', async () => {
    const blob = source(randomBytes(200))
    const pusher = bearer()
    for (const repo of ['scoperead/get', 'scoperead/open']) expect(await pusher.pushBlob(repo, blob)).toBe('uploaded')
    const reader = bearer()
    const before = token.tokenRequests.length
    expect((await reader.getBlob('scoperead/get', blob.digest)).equals(blob.bytes)).toBe(true)
    const chunks: Buffer[] = []
    for await (const c of await reader.openBlob('scoperead/open', blob.digest)) chunks.push(c as Buffer)
    expect(Buffer.concat(chunks).equals(blob.bytes)).toBe(true)
    expect(await reader.listTags('scoperead/tags')).toBeUndefined()
    expect(await reader.getReferrers('scoperead/refs', blob.digest)).toBeUndefined()
    expect(askedSince(before)).toEqual([
      ['repository:scoperead/get:pull'],
      ['repository:scoperead/open:pull'],
      ['repository:scoperead/tags:pull'],
      ['repository:scoperead/refs:pull']
    ])
  })

  test('a mount asks pull,push on the target and pull on the source; cancelling the session it got asks pull,push on the target (and what the challenge adds)', async () => {
    const blob = source(randomBytes(300))
    const c = bearer()
    expect(await c.pushBlob('scopemount/from', blob)).toBe('uploaded') // Bearer is known from here on: no challenge adds scopes
    const before = token.tokenRequests.length
    expect(await c.mountBlob('scopemount/to', blob.digest, 'scopemount/from')).toBe(true)
    expect(await c.blobExists('scopemount/to', blob.digest, false)).toBe(true)
    expect(await c.mountBlob('scopemount/to2', sha256(randomBytes(8)), 'scopemount/from')).toBe(false)
    expect(askedSince(before)).toEqual([
      ['repository:scopemount/from:pull', 'repository:scopemount/to:pull,push'],
      ['repository:scopemount/to:pull'],
      ['repository:scopemount/from:pull', 'repository:scopemount/to2:pull,push'],
      // The cancelling DELETE: asked with the push token, and Distribution's challenge adds `delete` to it.
      ['repository:scopemount/to2:pull,push'],
      ['repository:scopemount/to2:delete,pull,push']
    ])
  })
})

describe('statuses and redirects of one request', () => {
  const seen: Array<{ method: string; path: string; body: number }> = []
  let host = ''
  beforeAll(async () => {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const url = new URL(req.url!, 'http://x')
        seen.push({ method: req.method!, path: url.pathname, body: Buffer.concat(chunks).length })
        const hop = Number(url.searchParams.get('hop') ?? '0')
        if (url.pathname.startsWith('/v2/fail/'))
          res.writeHead(500, { 'content-type': 'application/json' }).end('{"errors":[{"code":"UNKNOWN","message":"boom"}]}')
        else if (url.pathname.startsWith('/v2/r/see/')) res.writeHead(303, { location: '/v2/r/target' }).end()
        else if (url.pathname.startsWith('/v2/r/temp/')) res.writeHead(307, { location: '/v2/r/target' }).end()
        // Redirects to itself; gives up after 50 hops so that a client that never stops still ends.
        else if (url.pathname === '/v2/r/loop' && hop < 50) res.writeHead(302, { location: `/v2/r/loop?hop=${hop + 1}` }).end()
        else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    started.push({
      stop: () => {
        server.closeAllConnections()
        return new Promise<void>((r) => server.close(() => r()))
      }
    })
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  beforeEach(() => {
    seen.length = 0
  })

  test('a 500 is "the registry failed" (any 5xx is the registry\'s fault), with the registry\'s own message', async () => {
    const c = new RegistryClient({ host, plainHttp: true, retry: { retries: 0, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 1 } })
    const e = await caught<RegistryError>(c.listTags('fail'))
    expect(e.message).toBe(`listing tags: GET /v2/fail/tags/list on ${host}: response status 500: unknown: boom`)
    expect(e).toMatchObject({ status: 500, registry: host, hint: 'The registry failed; re-run the job, and check the registry status if it persists' })
  })

  test('303 See Other: the request goes on as a GET without its body (a HEAD stays a HEAD); 307 keeps method and body', async () => {
    const c = new RegistryClient({ host, plainHttp: true, retry: FAST })
    const body = Buffer.from('twelve bytes')
    for (const [kind, method] of [
      ['see', 'PUT'],
      ['see', 'HEAD'],
      ['temp', 'PUT']
    ]) {
      const res = await c.request({ method, url: `/v2/r/${kind}/x`, repository: 'r', push: true, follow: true, body: method === 'PUT' ? body : undefined })
      expect(res.status).toBe(200)
    }
    expect(seen).toEqual([
      { method: 'PUT', path: '/v2/r/see/x', body: 12 },
      { method: 'GET', path: '/v2/r/target', body: 0 },
      { method: 'HEAD', path: '/v2/r/see/x', body: 0 },
      { method: 'HEAD', path: '/v2/r/target', body: 0 },
      { method: 'PUT', path: '/v2/r/temp/x', body: 12 },
      { method: 'PUT', path: '/v2/r/target', body: 12 }
    ])
  })

  test("a redirect loop ends at the 10th request (as Go's http.Client in oras-go): its 302 is what the caller sees", async () => {
    const c = new RegistryClient({ host, plainHttp: true, retry: FAST })
    const res = await c.request({ method: 'GET', url: '/v2/r/loop', repository: 'r', push: false })
    expect(res.status).toBe(302)
    expect(seen).toHaveLength(10)
    expect(seen.every((s) => s.method === 'GET' && s.path === '/v2/r/loop')).toBe(true)
  })
})
