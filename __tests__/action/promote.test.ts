/**
 * The promote sub-action end to end (node dist/promote/index.js, as
 * promote/action.yml runs it): a chart signed by the main action against
 * @sigstore/mock on loopback is promoted between two real registries (Basic
 * auth at the source, token auth at the destination) and within one registry
 * (blobs mounted). What lands is read back independently: the manifest bytes
 * hash to the same digest, every referrer and the cosign .sig image are
 * there, and the signature verifies with the mock trust root on the
 * destination. A wrong identity stops the promotion before anything is copied.
 */
import * as http from 'node:http'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { RegistryClient } from '../../src/oci/client'
import { staticCredentials } from '../../src/oci/credentials'
import { pushReferrer } from '../../src/oci/referrers'
import { runAction, ROOT } from '../support/action'
import { startRegistry, type TestRegistry } from '../support/registry'
import { startFaultProxy } from '../support/fault-proxy'
import { registryReader, type RegistryReader } from '../support/oci-read'
import { GITHUB_ISSUER, startGitHubTokenEndpoint, startSigstore, verifyBundle, type SigstoreEmulator } from '../support/sigstore'

const DEMO = path.join(ROOT, 'examples', 'demo-chart')
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
const SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1'

describe('promote', () => {
  let dev: TestRegistry // source: Basic auth
  let prod: TestRegistry // destination: token auth
  let devRead: RegistryReader
  let prodRead: RegistryReader
  let sigstore: SigstoreEmulator
  let token: Awaited<ReturnType<typeof startGitHubTokenEndpoint>>
  let api: http.Server
  let tmp: string
  let trustedRoot: string
  let signed: { digest: string; version: string }

  beforeAll(async () => {
    ;[dev, prod, sigstore, token] = await Promise.all([
      startRegistry({ auth: 'htpasswd' }),
      startRegistry({ auth: 'token' }),
      startSigstore({ withTsa: true }),
      startGitHubTokenEndpoint({ repository: 'acme/charts', jobWorkflowRef: 'acme/charts/.github/workflows/release.yml@refs/heads/main' })
    ])
    devRead = registryReader(dev)
    prodRead = registryReader(prod)
    api = http.createServer((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 1 })))
    })
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r))
    tmp = mkdtempSync(path.join(os.tmpdir(), 'hop-promote-'))
    trustedRoot = path.join(tmp, 'trusted_root.json')
    writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRoot))
    cpSync(DEMO, path.join(tmp, 'demo'), { recursive: true })

    // Signed by the main action: a bundle, a provenance attestation and the legacy .sig image.
    const run = await runAction(
      {
        charts: 'demo',
        registry: `oci://${dev.host}/dev`,
        version: '1.0.0+build.7',
        username: dev.username,
        password: dev.password,
        sign: 'true',
        'sign-format': 'both',
        'github-token': 'ghs_test',
        'sigstore-instance': 'custom',
        'fulcio-url': sigstore.fulcioUrl,
        'rekor-url': sigstore.rekorUrl,
        'tsa-url': sigstore.tsaUrl
      },
      {
        workspace: tmp,
        env: { ...token.env, GITHUB_API_URL: `http://127.0.0.1:${(api.address() as AddressInfo).port}`, GITHUB_SERVER_URL: 'https://github.com' }
      }
    )
    if (run.errors.length) throw new Error(`the signed publish failed: ${run.errors.join('\n')}`)
    signed = { digest: run.outputs.digest, version: '1.0.0+build.7' }
  })
  afterAll(async () => {
    await Promise.all([dev?.stop(), prod?.stop(), sigstore?.stop(), token?.stop(), new Promise((r) => api?.close(r))])
    rmSync(tmp, { recursive: true, force: true })
  })

  const promote = (inputs: Record<string, string>) => runAction(inputs, { action: 'promote', workspace: tmp })

  /** The destination holds the same manifest bytes under `tag`, every referrer of the source, and a verifiable signature. */
  async function expectPromoted(reader: RegistryReader, repo: string, tag: string): Promise<void> {
    const { digest } = signed
    const source = (await devRead.manifest('dev/demo-chart', digest))!
    const landed = (await reader.manifest(repo, tag))!
    expect(landed.digest).toBe(digest)
    expect(landed.bytes.equals(source.bytes)).toBe(true)
    for (const layer of [landed.json.config, ...landed.json.layers])
      expect((await reader.blob(repo, layer.digest)).equals(await devRead.blob('dev/demo-chart', layer.digest))).toBe(true)

    const want = (await devRead.referrers('dev/demo-chart', digest)).map((d) => d.digest).sort()
    expect(want.length).toBe(2) // the signature and the provenance
    const got = await reader.referrers(repo, digest)
    expect(got.map((d) => d.digest).sort()).toEqual(want)
    const sig = got.find((d) => d.annotations?.['dev.sigstore.bundle.predicateType'] === SIGN_PREDICATE)!
    expect(sig.artifactType).toBe(BUNDLE)
    const manifest = (await reader.manifest(repo, sig.digest))!
    expect(manifest.json.subject.digest).toBe(digest)
    const bundle = JSON.parse((await reader.blob(repo, manifest.json.layers[0].digest)).toString())
    verifyBundle(sigstore.trustedRoot, bundle, { san: token.san, issuer: GITHUB_ISSUER, digest, predicateType: SIGN_PREDICATE })

    const legacyTag = `${digest.replace(':', '-')}.sig`
    expect((await reader.manifest(repo, legacyTag))!.digest).toBe((await devRead.manifest('dev/demo-chart', legacyTag))!.digest)
  }

  test('between two registries: same digest, referrers and .sig copied, the signature verifies on the destination', async () => {
    const run = await promote({
      source: `oci://${dev.host}/dev/demo-chart@${signed.digest}`,
      registry: `oci://${prod.host}/prod`,
      'source-username': dev.username,
      'source-password': dev.password,
      username: prod.username,
      password: prod.password,
      'require-signature-identity': token.san,
      'trusted-root': trustedRoot
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    // No tag given and a digest source: the chart version, with + as _.
    expect(run.outputs.tag).toBe('1.0.0_build.7')
    expect(run.outputs.digest).toBe(signed.digest)
    expect(run.outputs.ref).toBe(`oci://${prod.host}/prod/demo-chart@${signed.digest}`)
    await expectPromoted(prodRead, 'prod/demo-chart', '1.0.0_build.7')
    const listed = JSON.parse(run.outputs.referrers) as Array<{ digest: string; via: string }>
    expect(listed.map((r) => r.digest).sort()).toEqual(
      [
        ...(await prodRead.referrers('prod/demo-chart', signed.digest)).map((d) => d.digest),
        (await prodRead.manifest('prod/demo-chart', `${signed.digest.replace(':', '-')}.sig`))!.digest
      ].sort()
    )
    expect(run.summary).toContain('promoted')
    const printed = (run.stdout + run.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'))
    expect(printed.filter((l) => l.includes(dev.password) || l.includes(prod.password))).toEqual([])

    // Again: the tag already holds the digest; nothing fails.
    const again = await promote({
      source: `oci://${dev.host}/dev/demo-chart:1.0.0_build.7`,
      registry: `oci://${prod.host}/prod`,
      'source-username': dev.username,
      'source-password': dev.password,
      username: prod.username,
      password: prod.password
    })
    expect(again.errors).toEqual([])
    expect(again.outputs.digest).toBe(signed.digest)
    expect(again.summary).toContain('unchanged')
  })

  test('within one registry: blobs are mounted, nothing is uploaded, and an identity regexp is accepted', async () => {
    const proxy = await startFaultProxy(prod.url)
    try {
      // The source of this promotion is what the previous test put on prod.
      await promote({
        source: `oci://${dev.host}/dev/demo-chart@${signed.digest}`,
        registry: `oci://${prod.host}/prod`,
        'source-username': dev.username,
        'source-password': dev.password,
        username: prod.username,
        password: prod.password
      })
      const run = await promote({
        source: `oci://${proxy.host}/prod/demo-chart:1.0.0_build.7`,
        registry: `oci://${proxy.host}/stable`,
        tag: 'approved',
        username: prod.username,
        password: prod.password,
        'require-signature-identity': '^https://github\\.com/acme/charts/\\.github/workflows/release\\.yml@',
        'trusted-root': trustedRoot
      })
      expect(run.errors).toEqual([])
      expect(run.outputs.tag).toBe('approved')
      await expectPromoted(prodRead, 'stable/demo-chart', 'approved')
      const mounts = proxy.requests.filter((r) => r.method === 'POST' && /[?&]mount=sha256%3A[a-f0-9]{64}&from=prod%2Fdemo-chart/.test(r.path))
      // config, chart, and the referrers' and .sig image's blobs
      // Each scope is challenged once (401), then the mount is answered 201 (mounted), never 202 (upload instead).
      expect(mounts.filter((r) => r.status !== 401).map((r) => r.status)).toEqual(mounts.filter((r) => r.status !== 401).map(() => 201))
      expect(mounts.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(4)
      expect(proxy.requests.filter((r) => r.method === 'PUT' && r.path.includes('/blobs/uploads/'))).toEqual([])
    } finally {
      await proxy.stop()
    }
  })

  test('a signature by another identity stops the promotion before anything is copied', async () => {
    const run = await promote({
      source: `oci://${dev.host}/dev/demo-chart@${signed.digest}`,
      registry: `oci://${prod.host}/refused`,
      'source-username': dev.username,
      'source-password': dev.password,
      username: prod.username,
      password: prod.password,
      'require-signature-identity': 'https://github.com/evil/charts/.github/workflows/release.yml@refs/heads/main',
      'trusted-root': trustedRoot
    })
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toMatch(/no Sigstore bundle attached to .* verifies for identity https:\/\/github.com\/evil/)
    expect(await prodRead.tags('refused/demo-chart')).toEqual([])
    expect(await prodRead.manifest('refused/demo-chart', signed.digest)).toBeUndefined()
  })

  test('another trust root, an unsigned chart, and a signature moved onto another digest are refused', async () => {
    const other = await startSigstore()
    const otherRoot = path.join(tmp, 'other_root.json')
    writeFileSync(otherRoot, JSON.stringify(other.trustedRoot))
    await other.stop()
    const base = {
      registry: `oci://${prod.host}/refused`,
      'source-username': dev.username,
      'source-password': dev.password,
      username: prod.username,
      password: prod.password,
      'require-signature-identity': token.san
    }
    const foreign = await promote({ ...base, source: `oci://${dev.host}/dev/demo-chart@${signed.digest}`, 'trusted-root': otherRoot })
    expect(foreign.code).not.toBe(0)
    expect(foreign.errors.join('\n')).toMatch(/verifies for identity/)

    const unsigned = await runAction(
      { charts: 'demo', registry: `oci://${dev.host}/dev`, version: '2.0.0', username: dev.username, password: dev.password, sign: 'false' },
      { workspace: tmp }
    )
    expect(unsigned.errors).toEqual([])
    const run = await promote({ ...base, source: `oci://${dev.host}/dev/demo-chart:2.0.0`, 'trusted-root': trustedRoot })
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toMatch(/has no Sigstore bundle attached/)
    expect(await prodRead.tags('refused/demo-chart')).toEqual([])

    // A valid bundle of the signed chart, attached to the unsigned one: it verifies, but it is about another digest.
    const client = new RegistryClient({ host: dev.host, plainHttp: true, credentials: staticCredentials(dev.username, dev.password) })
    const sig = (await devRead.referrers('dev/demo-chart', signed.digest)).find((d) => d.annotations?.['dev.sigstore.bundle.predicateType'] === SIGN_PREDICATE)!
    const bundle = await devRead.blob('dev/demo-chart', (await devRead.manifest('dev/demo-chart', sig.digest))!.json.layers[0].digest)
    const unsignedManifest = (await devRead.manifest('dev/demo-chart', unsigned.outputs.digest))!
    await pushReferrer(
      client,
      'dev/demo-chart',
      {
        mediaType: unsignedManifest.json.mediaType ?? 'application/vnd.oci.image.manifest.v1+json',
        digest: unsigned.outputs.digest,
        size: unsignedManifest.bytes.length
      },
      {
        artifactType: BUNDLE,
        layers: [{ mediaType: BUNDLE, bytes: bundle }]
      }
    )
    const moved = await promote({ ...base, source: `oci://${dev.host}/dev/demo-chart:2.0.0`, 'trusted-root': trustedRoot })
    expect(moved.code).not.toBe(0)
    expect(moved.errors.join('\n')).toMatch(/the signed statement is about another digest/)
    expect(await prodRead.tags('refused/demo-chart')).toEqual([])
  })

  test('bad inputs fail in the first second with a message naming the input', async () => {
    const run = await promote({ source: `https://${dev.host}/dev/demo-chart:1.0.0`, registry: `oci://${prod.host}/prod` })
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toMatch(/input source .* has no oci:\/\/ scheme/)
  })
})
