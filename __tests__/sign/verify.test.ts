/**
 * src/sign/verify.ts: bundles the product's signer made (against the offline Sigstore services, @sigstore/mock
 * behind loopback servers) verified for a signer policy with @sigstore/verify, from a trusted_root.json file.
 */
import * as crypto from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle'
import { DSSEBundleBuilder, FulcioSigner, RekorWitness } from '@sigstore/sign'
import { InputError } from '../../src/errors'
import { createSigstore } from '../../src/sign/sigstore'
import { createBundleVerifier, identityPattern } from '../../src/sign/verify'
import { caught, thrown } from '../support/caught'
import { GITHUB_ISSUER, startGitHubTokenEndpoint, startSigstore, type GitHubTokenEndpoint, type SigstoreEmulator } from '../support/sigstore'

let sig: SigstoreEmulator
let tok: GitHubTokenEndpoint
let dir: string
let root: string
beforeAll(async () => {
  ;[sig, tok] = await Promise.all([
    startSigstore({ withTsa: true }),
    startGitHubTokenEndpoint({ repository: 'acme/charts', jobWorkflowRef: 'acme/charts/.github/workflows/release.yml@refs/heads/main' })
  ])
  dir = mkdtempSync(path.join(os.tmpdir(), 'hop-verify-'))
  root = path.join(dir, 'trusted_root.json')
  writeFileSync(root, JSON.stringify(sig.trustedRoot))
})
afterAll(async () => {
  await Promise.all([sig?.stop(), tok?.stop()])
  rmSync(dir, { recursive: true, force: true })
})

async function getToken(): Promise<string> {
  const res = await fetch(`${tok.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sigstore`, {
    headers: { Authorization: `Bearer ${tok.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
  })
  return ((await res.json()) as { value: string }).value
}
const SAN = 'https://github.com/acme/charts/.github/workflows/release.yml@refs/heads/main'
const statement = (hex: string, predicateType = 'https://sigstore.dev/cosign/sign/v1'): Buffer =>
  Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ digest: { sha256: hex } }], predicateType, predicate: {} }))

describe('identityPattern', () => {
  test('an exact identity is escaped and anchored', () => {
    expect(identityPattern(SAN)).toBe('^https:\\/\\/github\\.com\\/acme\\/charts\\/\\.github\\/workflows\\/release\\.yml@refs\\/heads\\/main$')
    const specials = 'a.b*c+d?e$f{g}h(i)j|k[l]m\\n/o'
    const p = new RegExp(identityPattern(specials))
    expect(p.test(specials)).toBe(true)
    expect(p.test(`x${specials}`)).toBe(false)
    expect(p.test(`${specials}x`)).toBe(false)
    expect(p.test('aXb*c+d?e$f{g}h(i)j|k[l]m\\n/o')).toBe(false)
  })

  test('a regular expression (starting with ^) is used as given; an invalid one is an input error', () => {
    expect(identityPattern('^https://github\\.com/acme/.*$')).toBe('^https://github\\.com/acme/.*$')
    const e = thrown<InputError>(() => identityPattern('^(unclosed'))
    expect(e).toBeInstanceOf(InputError)
    expect(e.message).toMatch(/^require-signature-identity "\^\(unclosed" is not a valid regular expression: .+/)
    expect(e.hint).toBe('Give the exact certificate identity, or a regular expression starting with ^')
  })
})

describe('createBundleVerifier', () => {
  let bundle: SerializedBundle
  const hex = crypto.randomBytes(32).toString('hex')
  beforeAll(async () => {
    bundle = await createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl, tsa: sig.tsaUrl }, getToken).signStatement(statement(hex))
  })

  test('the right identity and issuer: the signer and the predicate type', async () => {
    const v = await createBundleVerifier({ identity: SAN, issuer: GITHUB_ISSUER, trustedRoot: root })
    expect(v.verify(bundle, `sha256:${hex}`)).toEqual({ san: SAN, predicateType: 'https://sigstore.dev/cosign/sign/v1' })
    const re = await createBundleVerifier({ identity: '^https://github\\.com/acme/charts/', issuer: GITHUB_ISSUER, trustedRoot: root })
    expect(re.verify(bundle, `sha256:${hex}`).san).toBe(SAN)
  })

  test('another identity, a longer or shorter one, or another issuer is refused', async () => {
    for (const policy of [
      { identity: SAN.replace('acme', 'evil'), issuer: GITHUB_ISSUER },
      { identity: SAN.slice(0, -1), issuer: GITHUB_ISSUER },
      { identity: `${SAN}x`, issuer: GITHUB_ISSUER },
      { identity: SAN, issuer: 'https://accounts.google.com' }
    ]) {
      const v = await createBundleVerifier({ ...policy, trustedRoot: root })
      expect(() => v.verify(bundle, `sha256:${hex}`)).toThrow()
    }
  })

  test('a statement about another digest is refused, naming the digest asked for', async () => {
    const v = await createBundleVerifier({ identity: SAN, issuer: GITHUB_ISSUER, trustedRoot: root })
    const other = `sha256:${'0'.repeat(64)}`
    expect(() => v.verify(bundle, other)).toThrow(`the signed statement is about another digest, not ${other}`)
    // The digest is compared without its algorithm prefix, and whole.
    expect(() => v.verify(bundle, `sha256:${hex.slice(0, 63)}`)).toThrow('about another digest')
    // Only a leading `sha256:` is the prefix: one inside a malformed digest is not skipped.
    expect(() => v.verify(bundle, `${hex.slice(0, 2)}sha256:${hex.slice(2)}`)).toThrow('about another digest')
  })

  test('a statement about several subjects verifies for each of them (in-toto lists every artifact it covers)', async () => {
    const two = crypto.randomBytes(32).toString('hex')
    const both = Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ digest: { sha256: hex } }, { digest: { sha256: two } }],
        predicateType: 'https://slsa.dev/provenance/v1',
        predicate: {}
      })
    )
    const b = await createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl, tsa: sig.tsaUrl }, getToken).signStatement(both)
    const v = await createBundleVerifier({ identity: SAN, issuer: GITHUB_ISSUER, trustedRoot: root })
    expect(v.verify(b, `sha256:${hex}`)).toEqual({ san: SAN, predicateType: 'https://slsa.dev/provenance/v1' })
    expect(v.verify(b, `sha256:${two}`)).toEqual({ san: SAN, predicateType: 'https://slsa.dev/provenance/v1' })
  })

  test('a DSSE envelope of another payload type is refused even when its signature verifies', async () => {
    // Signed with sigstore-js' own builder (not the product's signer, which only makes in-toto envelopes).
    const fulcio = new FulcioSigner({ fulcioBaseURL: sig.fulcioUrl, identityProvider: { getToken } })
    const other = new DSSEBundleBuilder({ signer: fulcio, witnesses: [new RekorWitness({ rekorBaseURL: sig.rekorUrl, entryType: 'dsse' })] })
    const b = bundleToJSON(await other.create({ data: statement(hex), type: 'application/vnd.example+json' }))
    const v = await createBundleVerifier({ identity: SAN, issuer: GITHUB_ISSUER, trustedRoot: root })
    expect(() => v.verify(b, `sha256:${hex}`)).toThrow('DSSE payload type application/vnd.example+json is not an in-toto statement')
  })

  test('a root without transparency logs does not demand a log entry', async () => {
    // An instance without Rekor (Fulcio and a TSA only): its bundles have no log entry, and its root no log.
    const tsaOnly = await createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, tsa: sig.tsaUrl }, getToken).signStatement(statement(hex))
    expect(tsaOnly.verificationMaterial.tlogEntries ?? []).toEqual([])
    const noTlog = path.join(dir, 'no-tlog.json')
    writeFileSync(noTlog, JSON.stringify({ ...sig.trustedRoot, tlogs: [] }))
    const w = await createBundleVerifier({ identity: SAN, issuer: GITHUB_ISSUER, trustedRoot: noTlog })
    expect(w.verify(tsaOnly, `sha256:${hex}`).san).toBe(SAN)
  })

  test('a message signature (not a DSSE statement) is refused', async () => {
    const msg = await createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl }, getToken).signMessage(Buffer.from('payload'))
    const v = await createBundleVerifier({ identity: SAN, issuer: GITHUB_ISSUER, trustedRoot: root })
    expect(() => v.verify(msg, `sha256:${hex}`)).toThrow('not a DSSE statement (a message signature over unknown bytes)')
  })

  test('the transparency log entry is required when the root has a log: a bundle without it is refused', async () => {
    const v = await createBundleVerifier({ identity: SAN, issuer: GITHUB_ISSUER, trustedRoot: root })
    const stripped = JSON.parse(JSON.stringify(bundle)) as SerializedBundle
    stripped.verificationMaterial.tlogEntries = []
    // The bundle still has its RFC 3161 timestamp, so only the log threshold can refuse it.
    expect(stripped.verificationMaterial.timestampVerificationData?.rfc3161Timestamps?.length).toBe(1)
    expect(() => v.verify(stripped, `sha256:${hex}`)).toThrow()
  })

  test('a trusted root that cannot be read is an input error naming the file', async () => {
    const missing = path.join(dir, 'missing.json')
    const e = await caught<InputError>(createBundleVerifier({ identity: SAN, issuer: GITHUB_ISSUER, trustedRoot: missing }))
    expect(e).toBeInstanceOf(InputError)
    expect(e.message).toMatch(new RegExp(`^cannot read trusted-root ${missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: ENOENT`))
    expect(e.file).toBe(missing)
    expect(e.hint).toBe('Give a trusted_root.json of your Sigstore instance')
    const bad = path.join(dir, 'bad.json')
    writeFileSync(bad, '{not json')
    expect((await caught<InputError>(createBundleVerifier({ identity: SAN, issuer: GITHUB_ISSUER, trustedRoot: bad }))).message).toMatch(
      /^cannot read trusted-root .*bad\.json: /
    )
  })
})
