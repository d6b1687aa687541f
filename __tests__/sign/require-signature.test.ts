/**
 * The promotion gate (src/sign/require-signature.ts) against a real registry: bundles attached as OCI referrers
 * (the way cosign v3 and actions/attest attach them; Distribution 2.8.2 lists them in the `sha256-<hex>` tag index),
 * signed by the product's signer against the offline Sigstore services.
 */
import * as crypto from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { SignError } from '../../src/errors'
import { RegistryClient } from '../../src/oci/client'
import { bytesSource } from '../../src/oci/push'
import { pushReferrer } from '../../src/oci/referrers'
import { BUNDLE_V03_MEDIA_TYPE, pushBundleReferrer } from '../../src/sign/bundle-referrer'
import { requireSignature } from '../../src/sign/require-signature'
import { createSigstore } from '../../src/sign/sigstore'
import { cosignSignStatement } from '../../src/sign/statements'
import { caught } from '../support/caught'
import { startRegistry, type TestRegistry } from '../support/registry'
import { GITHUB_ISSUER, startGitHubTokenEndpoint, startSigstore, type GitHubTokenEndpoint, type SigstoreEmulator } from '../support/sigstore'

const sha256 = (b: Buffer): string => `sha256:${crypto.createHash('sha256').update(b).digest('hex')}`
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const SAN = 'https://github.com/acme/charts/.github/workflows/release.yml@refs/heads/main'

let reg: TestRegistry
let sig: SigstoreEmulator
let tok: GitHubTokenEndpoint
let client: RegistryClient
let dir: string
let root: string
beforeAll(async () => {
  ;[reg, sig, tok] = await Promise.all([
    startRegistry(),
    startSigstore({ withTsa: true }),
    startGitHubTokenEndpoint({ repository: 'acme/charts', jobWorkflowRef: 'acme/charts/.github/workflows/release.yml@refs/heads/main' })
  ])
  client = new RegistryClient({ host: reg.host, plainHttp: true, retry: { retries: 1, baseDelayMs: 10, minDelayMs: 10, maxDelayMs: 50 } })
  dir = mkdtempSync(path.join(os.tmpdir(), 'hop-require-'))
  root = path.join(dir, 'trusted_root.json')
  writeFileSync(root, JSON.stringify(sig.trustedRoot))
})
afterAll(async () => {
  await Promise.all([reg?.stop(), sig?.stop(), tok?.stop()])
  rmSync(dir, { recursive: true, force: true })
})

async function getToken(): Promise<string> {
  const res = await fetch(`${tok.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sigstore`, {
    headers: { Authorization: `Bearer ${tok.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
  })
  return ((await res.json()) as { value: string }).value
}

/** A fresh subject manifest in `repo`. */
async function subject(repo: string): Promise<{ mediaType: string; digest: string; size: number }> {
  const cfg = Buffer.from(JSON.stringify({ n: crypto.randomBytes(8).toString('hex') }))
  await client.pushBlob(repo, bytesSource(cfg))
  const m = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: 'application/json', digest: sha256(cfg), size: cfg.length }, layers: [] })
  )
  await client.putManifest(repo, sha256(m), { mediaType: OCI_MANIFEST, bytes: m })
  return { mediaType: OCI_MANIFEST, digest: sha256(m), size: m.length }
}

const policy = () => ({ identity: SAN, issuer: GITHUB_ISSUER, trustedRoot: root })

test('a bundle that verifies: the referrer that holds it, the signer and the predicate type', async () => {
  const repo = 'gate/good'
  const s = await subject(repo)
  // An unrelated referrer first: it is not a bundle and is not looked at.
  await pushReferrer(client, repo, s, { artifactType: 'application/spdx+json', layers: [{ mediaType: 'application/spdx+json', bytes: Buffer.from('{}') }] })
  const bundle = await createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl, tsa: sig.tsaUrl }, getToken).signStatement(
    cosignSignStatement(s.digest)
  )
  const referrer = await pushBundleReferrer(client, repo, s, bundle, 'https://sigstore.dev/cosign/sign/v1')
  expect(await requireSignature(client, repo, s.digest, policy())).toEqual({ referrer, san: SAN, predicateType: 'https://sigstore.dev/cosign/sign/v1' })
})

test('a bundle stored under the older parameterized media type (bundle+json;version=0.3) is read as well', async () => {
  const repo = 'gate/older'
  const s = await subject(repo)
  const TYPE = 'application/vnd.dev.sigstore.bundle+json;version=0.3'
  const bundle = await createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl, tsa: sig.tsaUrl }, getToken).signStatement(
    cosignSignStatement(s.digest)
  )
  const { descriptor } = await pushReferrer(client, repo, s, { artifactType: TYPE, layers: [{ mediaType: TYPE, bytes: Buffer.from(JSON.stringify(bundle)) }] })
  expect(await requireSignature(client, repo, s.digest, policy())).toMatchObject({ referrer: descriptor.digest, san: SAN })
})

test('no bundle attached (only an SBOM): refused, saying nothing can prove who signed it', async () => {
  const repo = 'gate/none'
  const s = await subject(repo)
  // Only a referrer of another type (an SBOM) is attached: it does not count as a signature.
  await pushReferrer(client, repo, s, { artifactType: 'application/spdx+json', layers: [{ mediaType: 'application/spdx+json', bytes: Buffer.from('{}') }] })
  const e = await caught<SignError>(requireSignature(client, repo, s.digest, policy()))
  expect(e).toBeInstanceOf(SignError)
  expect(e.message).toBe(
    `${reg.host}/${repo}@${s.digest} has no Sigstore bundle attached, so nothing can prove it was signed by identity ${SAN} (issuer ${GITHUB_ISSUER})`
  )
  expect(e.registry).toBe(reg.host)
  expect(e.hint).toMatch(/^Promote only what the expected workflow signed/)
})

test('bundles that do not verify: refused with every referrer and its reason', async () => {
  const repo = 'gate/bad'
  const s = await subject(repo)
  // Signed, but about another digest.
  const other = await createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl, tsa: sig.tsaUrl }, getToken).signStatement(
    cosignSignStatement(`sha256:${'0'.repeat(64)}`)
  )
  const wrong = await pushBundleReferrer(client, repo, s, other, 'https://sigstore.dev/cosign/sign/v1')
  // A bundle-typed referrer whose layer is not a bundle.
  const { descriptor: empty } = await pushReferrer(client, repo, s, {
    artifactType: BUNDLE_V03_MEDIA_TYPE,
    layers: [{ mediaType: 'text/plain', bytes: Buffer.from('x') }]
  })
  const e = await caught<SignError>(requireSignature(client, repo, s.digest, policy()))
  expect(e).toBeInstanceOf(SignError)
  expect(e.message).toMatch(
    new RegExp(
      `^no Sigstore bundle attached to ${reg.host}/${repo}@${s.digest} verifies for identity ${SAN.replace(/[./]/g, '\\$&')} \\(issuer ${GITHUB_ISSUER.replace(/[./]/g, '\\$&')}\\): `
    )
  )
  // Exactly one reason per bundle referrer, in whichever order the registry lists them.
  const reasons = e.message.slice(e.message.indexOf('): ') + 3).split('; ')
  expect(reasons.sort()).toEqual(
    [`${wrong}: the signed statement is about another digest, not ${s.digest}`, `${empty.digest}: the referrer holds no bundle layer`].sort()
  )
  expect(e.registry).toBe(reg.host)
})
