/**
 * Signing end to end, offline: the action (node dist/index.js) signs through
 * @sigstore/mock Fulcio, Rekor (with the canonicalizing shim) and a TSA on
 * loopback, with a GitHub OIDC token from an emulated token endpoint, pushes
 * to a real Distribution registry (no referrers API: the fallback tag index is
 * used), and a fake GitHub API receives the attestation. Everything stored is
 * read back and verified with sigstore's verifier, pinning identity and issuer.
 */
import * as http from 'node:http'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction, ROOT } from '../support/action'
import { startRegistry, type TestRegistry } from '../support/registry'
import { startFaultProxy } from '../support/fault-proxy'
import { startGitHubTokenEndpoint, startSigstore, verifyBundle, type SigstoreEmulator } from '../support/sigstore'

const DEMO = path.join(ROOT, 'examples', 'demo-chart')
const ISSUER = 'https://token.actions.githubusercontent.com'
const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

async function get(
  url: string,
  accept = 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json'
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { accept } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

interface Referrer {
  digest: string
  artifactType?: string
  annotations?: Record<string, string>
}

async function referrers(reg: TestRegistry, repo: string, digest: string): Promise<Referrer[]> {
  const idx = await get(`${reg.url}/v2/${repo}/manifests/${digest.replace(':', '-')}`)
  expect(idx.status).toBe(200)
  return (JSON.parse(idx.body.toString()) as { manifests: Referrer[] }).manifests
}

async function bundleOf(reg: TestRegistry, repo: string, referrer: Referrer): Promise<unknown> {
  const m = JSON.parse((await get(`${reg.url}/v2/${repo}/manifests/${referrer.digest}`)).body.toString())
  expect(m.layers).toHaveLength(1)
  expect(m.artifactType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
  return JSON.parse((await get(`${reg.url}/v2/${repo}/blobs/${m.layers[0].digest}`, '*/*')).body.toString())
}

describe('Sigstore keyless signing', () => {
  let reg: TestRegistry
  let sigstore: SigstoreEmulator
  let token: Awaited<ReturnType<typeof startGitHubTokenEndpoint>>
  let api: http.Server
  let apiUrl: string
  const stored: unknown[] = []

  beforeAll(async () => {
    reg = await startRegistry({ auth: 'none' })
    sigstore = await startSigstore({ withTsa: true })
    token = await startGitHubTokenEndpoint({ repository: 'acme/charts', jobWorkflowRef: 'acme/charts/.github/workflows/release.yml@refs/tags/v0.1.0' })
    api = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        if (req.method === 'POST' && req.url === '/repos/acme/charts/attestations' && /^(Bearer|token) ghs_test$/.test(req.headers.authorization ?? '')) {
          stored.push(JSON.parse(body).bundle)
          res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 4242 }))
        } else res.writeHead(404).end()
      })
    })
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r))
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await Promise.all([reg?.stop(), sigstore?.stop(), token?.stop(), new Promise((r) => api?.close(r))])
  })

  const env = (): NodeJS.ProcessEnv => ({ ...token.env, GITHUB_REPOSITORY: 'acme/charts', GITHUB_API_URL: apiUrl, GITHUB_SERVER_URL: 'https://github.com' })
  const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
    charts: 'demo',
    registry: `oci://${reg.host}/signed`,
    'github-token': 'ghs_test',
    'sigstore-instance': 'custom',
    'fulcio-url': sigstore.fulcioUrl,
    'rekor-url': sigstore.rekorUrl,
    'tsa-url': sigstore.tsaUrl,
    ...extra
  })
  const workspace = (): string => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-sign-'))
    cpSync(DEMO, path.join(ws, 'demo'), { recursive: true })
    return ws
  }

  test('signs the pushed digest (bundle and legacy), attests provenance, and only then sets the tag', async () => {
    // Through a recording proxy, to see the order in which the registry received the manifests.
    const proxy = await startFaultProxy(reg.url)
    const run = await runAction(
      { ...inputs({ version: '1.0.0', 'sign-format': 'both' }), registry: `oci://${proxy.host}/signed` },
      {
        workspace: workspace(),
        env: env()
      }
    ).finally(() => proxy.stop())
    expect(run.errors).toEqual([])
    const { digest } = run.outputs
    expect(sha256((await get(`${reg.url}/v2/signed/demo-chart/manifests/1.0.0`)).body)).toBe(digest)
    expect(run.outputs['attestation-id']).toBe('4242')
    expect(run.outputs['rekor-log-index']).toMatch(/^\d+$/)

    const refs = await referrers(reg, 'signed/demo-chart', digest)
    const byType = (t: string) => refs.filter((r) => r.annotations?.['dev.sigstore.bundle.predicateType'] === t)
    const [sig] = byType('https://sigstore.dev/cosign/sign/v1')
    const [prov] = byType('https://slsa.dev/provenance/v1')
    expect(run.outputs.signature).toBe(`${proxy.host}/signed/demo-chart@${sig.digest}`)
    expect(run.outputs.attestation).toBe(`${proxy.host}/signed/demo-chart@${prov.digest}`)

    // The order: chart manifest by digest, then the signature and attestation referrers and the legacy .sig tag,
    // and the version tag last, so a puller never sees the tag without its signatures.
    const puts = proxy.requests.filter((r) => r.method === 'PUT' && r.path.includes('/manifests/')).map((r) => r.path.replace(/^.*\/manifests\//, ''))
    const legacy = `${digest.replace(':', '-')}.sig`
    expect(puts[puts.length - 1]).toBe('1.0.0')
    expect(puts.filter((p) => p === '1.0.0')).toHaveLength(1)
    for (const before of [digest, sig.digest, prov.digest, legacy]) expect(puts.indexOf(before)).toBeGreaterThanOrEqual(0)
    expect(puts.indexOf(digest)).toBe(0)

    const expectId = { san: token.san, issuer: ISSUER, digest }
    const sigBundle = (await bundleOf(reg, 'signed/demo-chart', sig)) as {
      verificationMaterial: { timestampVerificationData: { rfc3161Timestamps: unknown[] } }
    }
    expect(sigBundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1)
    verifyBundle(sigstore.trustedRoot, await bundleOf(reg, 'signed/demo-chart', sig), { ...expectId, predicateType: 'https://sigstore.dev/cosign/sign/v1' })
    const { statement } = verifyBundle(sigstore.trustedRoot, await bundleOf(reg, 'signed/demo-chart', prov), {
      ...expectId,
      predicateType: 'https://slsa.dev/provenance/v1'
    })
    expect(statement.predicate.runDetails.builder.id).toBe(`https://github.com/acme/charts/.github/workflows/release.yml@refs/tags/v0.1.0`)
    expect(stored).toHaveLength(1)
    verifyBundle(sigstore.trustedRoot, stored[0], expectId)

    // Tampering is caught: another digest, another identity.
    expect(() => verifyBundle(sigstore.trustedRoot, stored[0], { ...expectId, digest: sha256('other') })).toThrow()
    expect(() =>
      verifyBundle(sigstore.trustedRoot, stored[0], { ...expectId, san: 'https://github.com/evil/charts/.github/workflows/release.yml@refs/tags/v0.1.0' })
    ).toThrow()
    const changed = JSON.parse(JSON.stringify(stored[0]))
    const statementBytes = Buffer.from(changed.dsseEnvelope.payload, 'base64')
    statementBytes[statementBytes.length - 3] ^= 1
    changed.dsseEnvelope.payload = statementBytes.toString('base64')
    expect(() => verifyBundle(sigstore.trustedRoot, changed, expectId)).toThrow(/TLOG_BODY_ERROR|payload hash mismatch/i)

    // The legacy .sig image: the payload names the digest; cosign's annotations rebuild a verifiable bundle.
    const sigManifest = JSON.parse((await get(`${reg.url}/v2/signed/demo-chart/manifests/${digest.replace(':', '-')}.sig`)).body.toString())
    expect(sigManifest.layers).toHaveLength(1)
    const layer = sigManifest.layers[0]
    expect(layer.mediaType).toBe('application/vnd.dev.cosign.simplesigning.v1+json')
    const payload = (await get(`${reg.url}/v2/signed/demo-chart/blobs/${layer.digest}`, '*/*')).body
    expect(JSON.parse(payload.toString()).critical).toEqual({
      identity: { 'docker-reference': `${proxy.host}/signed/demo-chart` },
      image: { 'docker-manifest-digest': digest },
      type: 'cosign container image signature'
    })
    const rekor = JSON.parse(layer.annotations['dev.sigstore.cosign/bundle'])
    const certDer = layer.annotations['dev.sigstore.cosign/certificate'].replace(/-----[A-Z ]+-----|\n/g, '')
    const v01 = {
      mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
      verificationMaterial: {
        x509CertificateChain: { certificates: [{ rawBytes: certDer }] },
        tlogEntries: [
          {
            logIndex: String(rekor.Payload.logIndex),
            logId: { keyId: Buffer.from(rekor.Payload.logID, 'hex').toString('base64') },
            kindVersion: { kind: 'hashedrekord', version: '0.0.1' },
            integratedTime: String(rekor.Payload.integratedTime),
            inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp },
            canonicalizedBody: rekor.Payload.body
          }
        ],
        timestampVerificationData: { rfc3161Timestamps: [] }
      },
      messageSignature: {
        messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(payload).digest('base64') },
        signature: layer.annotations['dev.cosignproject.cosign/signature']
      }
    }
    verifyBundle(sigstore.trustedRoot, v01, { san: token.san, issuer: ISSUER, artifact: payload })
    // A payload naming another digest does not verify against the stored signature.
    const forged = Buffer.from(payload.toString().replace(digest, sha256('another chart')))
    expect(() =>
      verifyBundle(
        sigstore.trustedRoot,
        {
          ...v01,
          messageSignature: { ...v01.messageSignature, messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(forged).digest('base64') } }
        },
        { san: token.san, issuer: ISSUER, artifact: forged }
      )
    ).toThrow()
    expect(run.summary).toContain(`cosign verify ${proxy.host}/signed/demo-chart@${digest} --certificate-identity '${token.san}'`)
    expect(run.summary).toContain(`gh attestation verify oci://${proxy.host}/signed/demo-chart@${digest} -R acme/charts`)
    const leaks = (run.stdout + run.stderr + run.summary)
      .split('\n')
      .filter((l) => token.tokens.some((t: string) => l.includes(t)) && !l.startsWith('::add-mask::'))
    expect(leaks).toEqual([])
  })

  test('charts signed concurrently share one Fulcio certificate; every signature verifies', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-sign-'))
    for (const name of ['alpha', 'beta', 'gamma', 'delta']) {
      cpSync(DEMO, path.join(ws, name), { recursive: true })
      writeFileSync(path.join(ws, name, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 3.0.0\n`)
    }
    const before = sigstore.requests.fulcio
    const run = await runAction(inputs({ charts: '*', concurrency: '4', attest: 'false' }), { workspace: ws, env: env() })
    expect(run.errors).toEqual([])
    expect(sigstore.requests.fulcio - before).toBe(1)
    for (const c of JSON.parse(run.outputs.charts) as Array<{ name: string; digest: string }>) {
      const [sig] = await referrers(reg, `signed/${c.name}`, c.digest)
      verifyBundle(sigstore.trustedRoot, await bundleOf(reg, `signed/${c.name}`, sig), {
        san: token.san,
        issuer: ISSUER,
        digest: c.digest,
        predicateType: 'https://sigstore.dev/cosign/sign/v1'
      })
    }
    rmSync(ws, { recursive: true, force: true })
  })

  test('sign: auto without id-token permission publishes unsigned and says which permission to add', async () => {
    const run = await runAction(inputs({ version: '1.1.0' }), { workspace: workspace(), env: { GITHUB_REPOSITORY: 'acme/charts' } })
    expect(run.errors).toEqual([])
    expect(run.warnings.join('\n')).toMatch(/Publishing unsigned.*permissions: id-token: write/)
    expect((await get(`${reg.url}/v2/signed/demo-chart/manifests/${run.outputs.digest.replace(':', '-')}`)).status).toBe(404)
  })

  test('sign: true without id-token permission fails before anything is pushed', async () => {
    const run = await runAction(inputs({ version: '1.2.0', sign: 'true' }), { workspace: workspace(), env: {} })
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toMatch(/permissions: id-token: write/)
    expect((await get(`${reg.url}/v2/signed/demo-chart/manifests/1.2.0`)).status).toBe(404)
  })

  test('Fulcio down: the step fails naming Fulcio, and the tag is not set', async () => {
    sigstore.fault('fulcio', { status: 503, times: 100 })
    try {
      const run = await runAction(inputs({ version: '1.3.0' }), { workspace: workspace(), env: env() })
      expect(run.code).not.toBe(0)
      expect(run.errors.join('\n')).toMatch(/Fulcio at .* did not issue a signing certificate/)
      expect((await get(`${reg.url}/v2/signed/demo-chart/manifests/1.3.0`)).status).toBe(404)
    } finally {
      sigstore.fault('fulcio', { status: 503, times: 0 })
    }
  })

  test('Rekor answering 503 twice is retried', async () => {
    sigstore.fault('rekor', { status: 503, times: 2 })
    const run = await runAction(inputs({ version: '1.4.0', attest: 'false' }), { workspace: workspace(), env: env() })
    expect(run.errors).toEqual([])
    expect((await get(`${reg.url}/v2/signed/demo-chart/manifests/1.4.0`)).status).toBe(200)
  })

  test('a registry refusing the referrer: the step fails and the version tag is not set', async () => {
    const proxy = await startFaultProxy(reg.url, {
      rules: [
        {
          method: 'PUT',
          path: /\/manifests\/sha256-/,
          times: 100,
          fault: { status: 403, headers: { 'content-type': 'application/json' }, body: '{"errors":[{"code":"DENIED","message":"tag is immutable"}]}' }
        }
      ]
    })
    try {
      const run = await runAction(
        { ...inputs({ version: '1.5.0', attest: 'false' }), registry: `oci://${proxy.host}/signed` },
        { workspace: workspace(), env: env() }
      )
      expect(run.code).not.toBe(0)
      expect(run.errors.join('\n')).toMatch(/denied: tag is immutable/)
      expect((await get(`${reg.url}/v2/signed/demo-chart/manifests/1.5.0`)).status).toBe(404)
    } finally {
      await proxy.stop()
    }
  })
})
