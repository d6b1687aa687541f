/**
 * Proves the offline Sigstore harness (./sigstore.ts) with the real signing
 * library, @sigstore/sign 4.x low-level classes, wired the way the production
 * signer should wire them.
 */
import * as crypto from 'node:crypto'
import { bundleToJSON } from '@sigstore/bundle'
import {
  DSSEBundleBuilder,
  FulcioSigner,
  InternalError,
  MessageSignatureBundleBuilder,
  RekorWitness,
  TSAWitness,
  type IdentityProvider,
  type Witness
} from '@sigstore/sign'
import { caught, thrown } from './caught'
import { startGitHubTokenEndpoint, startSigstore, verifyBundle, type GitHubTokenEndpoint, type SigstoreEmulator } from './sigstore'

const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1'
const IN_TOTO = 'application/vnd.in-toto+json'

/** What @actions/core.getIDToken('sigstore') does (production should call that: it also masks the token). */
function githubIdentityProvider(env: GitHubTokenEndpoint['env']): IdentityProvider {
  return {
    async getToken() {
      const res = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sigstore`, {
        headers: { Authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, Accept: 'application/json' }
      })
      if (!res.ok) throw new Error(`ID token request failed: HTTP ${res.status}`)
      return ((await res.json()) as { value: string }).value
    }
  }
}

// Production would use e.g. { retries: 4, factor: 2, minTimeout: 1000, maxTimeout: 15000 }; fast here.
const FAST_RETRY = { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 }

interface SignOpts {
  retry?: number | typeof FAST_RETRY
  timeout?: number
  tsa?: boolean
  fetchOnConflict?: boolean
}

function builders(sig: SigstoreEmulator, tok: GitHubTokenEndpoint, o: SignOpts = {}) {
  const fetchOpts = { retry: o.retry, timeout: o.timeout ?? 10_000 }
  const signer = new FulcioSigner({ fulcioBaseURL: sig.fulcioUrl, identityProvider: githubIdentityProvider(tok.env), ...fetchOpts })
  const witnesses: Witness[] = [new RekorWitness({ rekorBaseURL: sig.rekorUrl, fetchOnConflict: o.fetchOnConflict ?? true, ...fetchOpts })]
  if (o.tsa) witnesses.push(new TSAWitness({ tsaBaseURL: sig.tsaUrl, ...fetchOpts }))
  return {
    dsse: new DSSEBundleBuilder({ signer, witnesses }),
    message: new MessageSignatureBundleBuilder({ signer, witnesses })
  }
}

function statementFor(hex: string): Buffer {
  return Buffer.from(
    JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ digest: { sha256: hex } }], predicateType: COSIGN_SIGN_PREDICATE, predicate: {} })
  )
}

async function signDsse(sig: SigstoreEmulator, tok: GitHubTokenEndpoint, hex: string, o?: SignOpts) {
  return bundleToJSON(await builders(sig, tok, o).dsse.create({ data: statementFor(hex), type: IN_TOTO }))
}

/** What sigstore-js throws: a coded error, often around the HTTP or socket error that caused it. */
type SigstoreFailure = Error & { code: string; cause: { message: string; code?: string; statusCode?: number } }

const digestHex = crypto.createHash('sha256').update('chart manifest').digest('hex')
const otherHex = crypto.createHash('sha256').update('another chart').digest('hex')

describe('sigstore harness: Fulcio + Rekor v1', () => {
  let sig: SigstoreEmulator
  let tok: GitHubTokenEndpoint
  beforeAll(async () => {
    sig = await startSigstore()
    tok = await startGitHubTokenEndpoint({ repository: 'acme/charts', ref: 'refs/tags/v1.2.0' })
  })
  afterAll(async () => {
    await sig.stop()
    await tok.stop()
  })

  test('token endpoint issues GitHub-shaped tokens for audience sigstore', async () => {
    const jwt = await githubIdentityProvider(tok.env).getToken()
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString())
    expect(claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'sigstore',
      sub: 'repo:acme/charts:ref:refs/tags/v1.2.0',
      repository: 'acme/charts',
      repository_owner: 'acme',
      ref: 'refs/tags/v1.2.0',
      job_workflow_ref: 'acme/charts/.github/workflows/release.yml@refs/tags/v1.2.0'
    })
    expect(tok.san).toBe('https://github.com/acme/charts/.github/workflows/release.yml@refs/tags/v1.2.0')
    expect(tok.tokens).toContain(jwt)
    const res = await fetch(`${tok.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sigstore`, { headers: { Authorization: 'Bearer nope' } })
    expect(res.status).toBe(401)
  })

  test('(1) DSSE bundle over a cosign-sign statement verifies and yields the statement', async () => {
    const before = { ...sig.requests }
    const bundle = await signDsse(sig, tok, digestHex)
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
    expect(bundle.verificationMaterial.tlogEntries[0].kindVersion).toEqual({ kind: 'dsse', version: '0.0.1' })
    expect(sig.requests.fulcio - before.fulcio).toBe(1)
    expect(sig.requests.rekor - before.rekor).toBe(1)

    const out = verifyBundle(sig.trustedRoot, bundle, { san: tok.san, issuer: tok.issuer, digest: `sha256:${digestHex}`, predicateType: COSIGN_SIGN_PREDICATE })
    expect(out.statement).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ digest: { sha256: digestHex } }],
      predicateType: COSIGN_SIGN_PREDICATE,
      predicate: {}
    })
    expect(out.san).toBe(tok.san)
    const cert = new crypto.X509Certificate(out.certificate)
    expect(cert.subjectAltName).toBe(`URI:${tok.san}`)
    // Fulcio's "Build Signer URI" extension (1.3.6.1.4.1.57264.1.9) came from job_workflow_ref.
    expect(cert.raw.includes(Buffer.from(tok.san))).toBe(true)
  })

  test('(2) message-signature bundle over bytes verifies', async () => {
    const data = Buffer.from('{"critical":{"type":"cosign container image signature"},"optional":null}')
    const bundle = bundleToJSON(await builders(sig, tok).message.create({ data }))
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle+json;version=0.2')
    expect(bundle.verificationMaterial.tlogEntries[0].kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.1' })
    const out = verifyBundle(sig.trustedRoot, bundle, { san: tok.san, issuer: tok.issuer, artifact: data })
    expect(out.statement).toBeUndefined()
    expect(out.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/)

    expect(
      thrown(() => verifyBundle(sig.trustedRoot, bundle, { san: tok.san, issuer: tok.issuer, artifact: Buffer.concat([data, Buffer.from(' ')]) }))
    ).toMatchObject({
      code: 'SIGNATURE_ERROR'
    })
  })

  describe('(3) mismatches are rejected', () => {
    let bundle: ReturnType<typeof bundleToJSON>
    beforeAll(async () => {
      bundle = await signDsse(sig, tok, digestHex)
    })
    const ok = () => ({ san: tok.san, issuer: tok.issuer, digest: digestHex })

    test('tampered payload', () => {
      const env = bundle.dsseEnvelope!
      const stmt = JSON.parse(Buffer.from(env.payload, 'base64').toString())
      stmt.subject[0].digest.sha256 = otherHex
      const tampered = { ...bundle, dsseEnvelope: { ...env, payload: Buffer.from(JSON.stringify(stmt)).toString('base64') } }
      const err = thrown(() => verifyBundle(sig.trustedRoot, tampered, { ...ok(), digest: otherHex }))
      // The tlog entry's payloadHash no longer matches ('DSSE payload hash mismatch'); checked before the signature.
      expect(err).toMatchObject({ code: 'TLOG_BODY_ERROR' })
    })

    test('wrong SAN, including a prefix of the real one (the policy is anchored)', () => {
      const other = 'https://github.com/evil/charts/.github/workflows/release.yml@refs/tags/v1.2.0'
      expect(thrown(() => verifyBundle(sig.trustedRoot, bundle, { ...ok(), san: other }))).toMatchObject({ code: 'UNTRUSTED_SIGNER_ERROR' })
      const prefix = tok.san.slice(0, -2)
      expect(thrown(() => verifyBundle(sig.trustedRoot, bundle, { ...ok(), san: prefix }))).toMatchObject({ code: 'UNTRUSTED_SIGNER_ERROR' })
      // '.' must not act as a wildcard
      const dotted = tok.san.replace('release.yml', 'release.yml'.replace('.', 'X'))
      expect(thrown(() => verifyBundle(sig.trustedRoot, bundle, { ...ok(), san: dotted }))).toMatchObject({ code: 'UNTRUSTED_SIGNER_ERROR' })
    })

    test('wrong issuer', () => {
      expect(thrown(() => verifyBundle(sig.trustedRoot, bundle, { ...ok(), issuer: 'https://token.actions.githubusercontent.com.evil' }))).toMatchObject({
        code: 'UNTRUSTED_SIGNER_ERROR'
      })
    })

    test('wrong digest or predicate type', () => {
      expect(thrown(() => verifyBundle(sig.trustedRoot, bundle, { ...ok(), digest: otherHex })).message).toMatch(/does not include/)
      expect(thrown(() => verifyBundle(sig.trustedRoot, bundle, { ...ok(), predicateType: 'https://slsa.dev/provenance/v1' })).message).toMatch(/predicateType/)
      expect(thrown(() => verifyBundle(sig.trustedRoot, bundle, { san: tok.san, issuer: tok.issuer })).message).toMatch(/needs expect.digest/)
    })

    test('a trusted root from another emulator instance', async () => {
      const other = await startSigstore()
      try {
        expect(thrown(() => verifyBundle(other.trustedRoot, bundle, ok()))).toHaveProperty('code')
      } finally {
        await other.stop()
      }
    })
  })

  describe('(4) faults', () => {
    test('Rekor 503 twice: retried (retry option) and signing succeeds', async () => {
      sig.fault('rekor', { status: 503, times: 2 })
      const before = sig.requests.rekor
      const bundle = await signDsse(sig, tok, digestHex, { retry: FAST_RETRY })
      expect(sig.requests.rekor - before).toBe(3)
      verifyBundle(sig.trustedRoot, bundle, { san: tok.san, issuer: tok.issuer, digest: digestHex })
    })

    test('Rekor 503 without a retry option: the 4.x classes do not retry by default', async () => {
      sig.fault('rekor', { status: 503, times: 1 })
      const before = sig.requests.rekor
      const err = await caught<SigstoreFailure>(signDsse(sig, tok, digestHex))
      expect(sig.requests.rekor - before).toBe(1)
      expect(err).toBeInstanceOf(InternalError)
      expect(err.code).toBe('TLOG_CREATE_ENTRY_ERROR')
      // internalError() appends an HTTPError's message (only HTTPErrors)
      expect(err.message).toBe('error creating tlog entry - (503) injected fault: rekor answers 503')
      expect(err.cause).toMatchObject({ statusCode: 503 })
      expect(err.cause.message).toBe('(503) injected fault: rekor answers 503')
    })

    test('Rekor 409 (entry exists) with fetchOnConflict: the existing entry is fetched', async () => {
      sig.fault('rekor', { status: 409, times: 1 })
      const bundle = await signDsse(sig, tok, digestHex, { fetchOnConflict: true })
      verifyBundle(sig.trustedRoot, bundle, { san: tok.san, issuer: tok.issuer, digest: digestHex })

      sig.fault('rekor', { status: 409, times: 1 })
      const err = await caught<SigstoreFailure>(signDsse(sig, tok, digestHex, { fetchOnConflict: false }))
      expect(err).toMatchObject({ code: 'TLOG_CREATE_ENTRY_ERROR', cause: { statusCode: 409 } })
    })

    test('Fulcio 503 is retried like Rekor', async () => {
      sig.fault('fulcio', { status: 503, times: 2 })
      const before = sig.requests.fulcio
      await signDsse(sig, tok, digestHex, { retry: FAST_RETRY })
      expect(sig.requests.fulcio - before).toBe(3)
    })
  })
})

describe('sigstore harness: Fulcio + Rekor v1 + TSA', () => {
  let sig: SigstoreEmulator
  let tok: GitHubTokenEndpoint
  beforeAll(async () => {
    sig = await startSigstore({ withTsa: true })
    tok = await startGitHubTokenEndpoint()
  })
  afterAll(async () => {
    await sig.stop()
    await tok.stop()
  })

  test('DSSE and message-signature bundles carry a verified RFC 3161 timestamp', async () => {
    const b = builders(sig, tok, { tsa: true })
    const dsse = bundleToJSON(await b.dsse.create({ data: statementFor(digestHex), type: IN_TOTO }))
    expect(dsse.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1)
    verifyBundle(sig.trustedRoot, dsse, { san: tok.san, issuer: tok.issuer, digest: digestHex, requireTsa: true })
    expect(tok.san).toBe('https://github.com/acme/charts/.github/workflows/release.yml@refs/heads/main')

    const data = Buffer.from('hello')
    const msg = bundleToJSON(await b.message.create({ data }))
    verifyBundle(sig.trustedRoot, msg, { san: tok.san, issuer: tok.issuer, artifact: data, requireTsa: true })
    expect(sig.requests.tsa).toBe(2)
  })

  test('a TSA timestamp the trusted root does not know is rejected', async () => {
    const bundle = bundleToJSON(await builders(sig, tok, { tsa: true }).dsse.create({ data: statementFor(digestHex), type: IN_TOTO }))
    const noTsa = { ...(sig.trustedRoot as Record<string, unknown>), timestampAuthorities: [] }
    expect(thrown(() => verifyBundle(noTsa, bundle, { san: tok.san, issuer: tok.issuer, digest: digestHex }))).toMatchObject({ code: 'TIMESTAMP_ERROR' })
  })

  test('TSA 503 without retry fails with TSA_CREATE_TIMESTAMP_ERROR; with retry it succeeds', async () => {
    sig.fault('tsa', { status: 503, times: 1 })
    expect(await caught<SigstoreFailure>(signDsse(sig, tok, digestHex, { tsa: true }))).toMatchObject({
      code: 'TSA_CREATE_TIMESTAMP_ERROR',
      cause: { statusCode: 503 }
    })
    sig.fault('tsa', { status: 503, times: 2 })
    const bundle = await signDsse(sig, tok, digestHex, { tsa: true, retry: FAST_RETRY })
    verifyBundle(sig.trustedRoot, bundle, { san: tok.san, issuer: tok.issuer, digest: digestHex, requireTsa: true })
  })

  test("(4) Fulcio 'down': signing throws CA_CREATE_SIGNING_CERTIFICATE_ERROR and nothing reaches Rekor/TSA", async () => {
    sig.fault('fulcio', 'down')
    const before = { ...sig.requests }
    const err = await caught<SigstoreFailure>(signDsse(sig, tok, digestHex, { tsa: true, retry: FAST_RETRY }))
    expect(err).toBeInstanceOf(InternalError)
    expect(err.code).toBe('CA_CREATE_SIGNING_CERTIFICATE_ERROR')
    expect(err.message).toBe('error creating signing certificate')
    expect(err.cause.code).toBe('ECONNREFUSED')
    expect(sig.requests).toEqual(before)
  })
})
