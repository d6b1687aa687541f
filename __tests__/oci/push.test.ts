/**
 * src/oci/push.ts against a real registry (Debian's docker-registry), read back over the
 * distribution API with plain `fetch` (not our client): what is stored, under which media type,
 * and the errors that stop a publish (spec 2.5, 7.4 and the tag-after-blobs order).
 */
import { createHash, randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { RegistryError } from '../../src/errors'
import { RegistryClient } from '../../src/oci/client'
import { staticCredentials } from '../../src/oci/credentials'
import { buildHelmManifest } from '../../src/oci/helm-artifact'
import { bufferSource, bytesSource, checkExisting, confirmTag, pushArtifact, tagManifest } from '../../src/oci/push'
import { chartReference, parseRegistryInput } from '../../src/oci/reference'
import { caught } from '../support/caught'
import { startRegistry, type TestRegistry } from '../support/registry'

const FAST = { retries: 1, baseDelayMs: 10, minDelayMs: 10, maxDelayMs: 50 }
const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
const read = async (s: Readable): Promise<Buffer> => {
  const parts: Buffer[] = []
  for await (const c of s) parts.push(c as Buffer)
  return Buffer.concat(parts)
}

let reg: TestRegistry
let tokenReg: TestRegistry
let c: RegistryClient
beforeAll(async () => {
  ;[reg, tokenReg] = await Promise.all([startRegistry(), startRegistry({ auth: 'token' })])
  c = new RegistryClient({ host: reg.host, plainHttp: true, retry: FAST })
})
afterAll(async () => Promise.all([reg?.stop(), tokenReg?.stop()]))

/** A fresh artifact; `prov` adds a provenance layer. */
function artifact(name: string, version: string, prov = false) {
  const chartBytes = randomBytes(1500)
  const provBytes = Buffer.from(`-----BEGIN PGP SIGNED MESSAGE-----\n${randomBytes(8).toString('hex')}\n`)
  const chart = { digest: sha256(chartBytes), size: chartBytes.length }
  const manifest = buildHelmManifest({
    metadata: { name, version, apiVersion: 'v2' },
    chart,
    prov: prov ? { digest: sha256(provBytes), size: provBytes.length } : undefined,
    created: new Date('2024-05-06T07:08:09Z')
  })
  return { chartBytes, provBytes, manifest }
}

const api = (path: string, init?: RequestInit): Promise<Response> => fetch(`${reg.url}/v2/${path}`, init)

describe('bufferSource / bytesSource', () => {
  const bytes = Buffer.from('0123456789')
  test('open() without a range yields every byte; a range is inclusive at both ends, as HTTP Range is', async () => {
    const s = bufferSource({ digest: 'sha256:x', size: 10, bytes })
    expect(s.digest).toBe('sha256:x')
    expect(s.size).toBe(10)
    expect((await read(s.open())).toString()).toBe('0123456789')
    expect((await read(s.open(4))).toString()).toBe('456789')
    expect((await read(s.open(1, 3))).toString()).toBe('123')
    expect((await read(s.open(9, 9))).toString()).toBe('9')
  })

  test('bytesSource: the sha256 and length of the bytes', async () => {
    const s = bytesSource(bytes)
    // sha256 of "0123456789" (sha256sum).
    expect(s.digest).toBe('sha256:84d89877f0d4041efb6bf91a16f0248f2fd573e6af05c19f96bedb9f882f7882')
    expect(s.size).toBe(10)
    expect((await read(s.open())).toString()).toBe('0123456789')
  })
})

describe('pushArtifact and tagManifest', () => {
  test('config, chart and prov blobs are stored; the manifest by digest only; the tag afterwards, with the same bytes', async () => {
    const a = artifact('pushed', '1.0.0', true)
    const repo = 'push/pushed'
    const digest = await pushArtifact(c, repo, {
      config: a.manifest.config,
      chart: bytesSource(a.chartBytes),
      prov: { ...bytesSource(a.provBytes), bytes: a.provBytes },
      manifest: a.manifest
    })
    expect(digest).toBe(sha256(a.manifest.manifest))
    for (const [d, bytes] of [
      [a.manifest.config.digest, a.manifest.config.bytes],
      [sha256(a.chartBytes), a.chartBytes],
      [sha256(a.provBytes), a.provBytes]
    ] as const) {
      const r = await api(`${repo}/blobs/${d}`)
      expect(r.status).toBe(200)
      expect(Buffer.from(await r.arrayBuffer()).equals(bytes)).toBe(true)
    }
    const byDigest = await api(`${repo}/manifests/${digest}`, { headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } })
    expect(byDigest.status).toBe(200)
    expect(byDigest.headers.get('content-type')).toBe('application/vnd.oci.image.manifest.v1+json')
    expect(Buffer.from(await byDigest.arrayBuffer()).equals(a.manifest.manifest)).toBe(true)
    // Not tagged yet: a tag only ever points at a complete artifact.
    expect((await api(`${repo}/manifests/1.0.0`, { method: 'HEAD' })).status).toBe(404)

    expect(await tagManifest(c, repo, '1.0.0', a.manifest.manifest)).toBe(digest)
    const byTag = await api(`${repo}/manifests/1.0.0`, { headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } })
    expect(byTag.headers.get('content-type')).toBe('application/vnd.oci.image.manifest.v1+json')
    expect(byTag.headers.get('docker-content-digest')).toBe(digest)
  })

  test('tagManifest puts the given media type', async () => {
    const repo = 'push/index'
    const a = artifact('inner', '1.0.0')
    const inner = await pushArtifact(c, repo, { config: a.manifest.config, chart: bytesSource(a.chartBytes), manifest: a.manifest })
    const INDEX = 'application/vnd.oci.image.index.v1+json'
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: INDEX,
        manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: inner, size: a.manifest.size }]
      })
    )
    expect(await tagManifest(c, repo, 'idx', index, INDEX)).toBe(sha256(index))
    const r = await api(`${repo}/manifests/idx`, { headers: { accept: INDEX } })
    expect(r.headers.get('content-type')).toBe(INDEX)
  })
})

describe('checkExisting', () => {
  const ref = () => chartReference(parseRegistryInput(`oci://${reg.host}/exist`), 'demo', '2.0.0')
  let a: ReturnType<typeof artifact>
  let b: ReturnType<typeof artifact>
  beforeAll(async () => {
    a = artifact('demo', '2.0.0')
    b = artifact('demo', '2.0.0')
    await pushArtifact(c, 'exist/demo', { config: a.manifest.config, chart: bytesSource(a.chartBytes), manifest: a.manifest })
    await tagManifest(c, 'exist/demo', '2.0.0', a.manifest.manifest)
  })

  test('the same manifest with if-exists: fail is refused, saying nothing changed', async () => {
    const e = await caught<RegistryError>(checkExisting(c, ref(), a.manifest.digest, 'fail'))
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toBe(`${reg.host}/exist/demo:2.0.0 already exists (with the same content)`)
    expect(e.status).toBe(409)
    expect(e.registry).toBe(reg.host)
    expect(e.hint).toBe('Nothing changed; use if-exists: skip-identical to accept re-runs')
  })

  test('a different manifest is refused naming both digests, unless overwriting', async () => {
    for (const mode of ['fail', 'skip-identical'] as const) {
      const e = await caught<RegistryError>(checkExisting(c, ref(), b.manifest.digest, mode))
      expect(e.message).toBe(`${reg.host}/exist/demo:2.0.0 already exists and holds ${a.manifest.digest}, not ${b.manifest.digest}`)
      expect(e.status).toBe(409)
      expect(e.registry).toBe(reg.host)
      expect(e.hint).toMatch(/^Chart versions are immutable once published: bump version in Chart.yaml/)
      expect(e.hint).toContain('if-exists: overwrite')
    }
    expect(await checkExisting(c, ref(), b.manifest.digest, 'overwrite')).toBe('replace')
    expect(await checkExisting(c, ref(), a.manifest.digest, 'skip-identical')).toBe('identical')
  })

  test('a plan asks for pull access only; a publish for pull,push', async () => {
    const tc = new RegistryClient({ host: tokenReg.host, plainHttp: true, retry: FAST, credentials: staticCredentials(tokenReg.username, tokenReg.password) })
    const r = chartReference(parseRegistryInput(`oci://${tokenReg.host}/plan`), 'demo', '1.0.0')
    const before = tokenReg.tokenRequests.length
    expect(await checkExisting(tc, r, a.manifest.digest, 'fail', false)).toBe('absent')
    expect(tokenReg.tokenRequests.slice(before).map((t) => t.scope)).toEqual([['repository:plan/demo:pull']])
    const tc2 = new RegistryClient({ host: tokenReg.host, plainHttp: true, retry: FAST, credentials: staticCredentials(tokenReg.username, tokenReg.password) })
    const mid = tokenReg.tokenRequests.length
    expect(await checkExisting(tc2, r, a.manifest.digest, 'fail')).toBe('absent')
    expect(tokenReg.tokenRequests.slice(mid).map((t) => t.scope)).toEqual([['repository:plan/demo:pull,push']])
  })
})

describe('confirmTag', () => {
  const repo = 'confirm/demo'
  const ref = (tag: string) => chartReference(parseRegistryInput(`oci://${reg.host}/confirm`), 'demo', tag)

  test('passes when the tag holds the digest; names what it holds otherwise', async () => {
    const a = artifact('demo', '1.0.0')
    const b = artifact('demo', '1.0.0')
    for (const x of [a, b]) await pushArtifact(c, repo, { config: x.manifest.config, chart: bytesSource(x.chartBytes), manifest: x.manifest })
    await tagManifest(c, repo, '1.0.0', a.manifest.manifest)
    await expect(confirmTag(c, ref('1.0.0'), a.manifest.digest)).resolves.toBeUndefined()
    const e = await caught<RegistryError>(confirmTag(c, ref('1.0.0'), b.manifest.digest))
    expect(e.message).toBe(
      `${reg.host}/confirm/demo:1.0.0 was moved by someone else while this run set it: it holds ${a.manifest.digest}, not ${b.manifest.digest}`
    )
    expect(e.status).toBe(409)
    expect(e.registry).toBe(reg.host)
    expect(e.hint).toMatch(/concurrency:/)
    const gone = await caught<RegistryError>(confirmTag(c, ref('9.9.9'), a.manifest.digest))
    expect(gone.message).toBe(`${reg.host}/confirm/demo:9.9.9 was moved by someone else while this run set it: it holds nothing, not ${a.manifest.digest}`)
  })

  test('waits settleMs before reading, so a racing write that lands meanwhile is seen', async () => {
    const a = artifact('demo', '3.0.0')
    const b = artifact('demo', '3.0.0')
    for (const x of [a, b]) await pushArtifact(c, repo, { config: x.manifest.config, chart: bytesSource(x.chartBytes), manifest: x.manifest })
    await tagManifest(c, repo, '3.0.0', a.manifest.manifest)
    const started = Date.now()
    const confirming = caught(confirmTag(c, ref('3.0.0'), a.manifest.digest, 400))
    await new Promise((r) => setTimeout(r, 100))
    await tagManifest(c, repo, '3.0.0', b.manifest.manifest)
    const e = await confirming
    expect(e.message).toContain(`it holds ${b.manifest.digest}, not ${a.manifest.digest}`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(390)
  })
})
