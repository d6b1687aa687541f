/**
 * The product's signer (src/sign/sigstore.ts createSigstore) against the offline Sigstore services
 * (@sigstore/mock behind loopback servers): bundles verify with @sigstore/verify, and a Rekor 409 for an entry
 * that is already in the log (a retried POST that had in fact succeeded) is answered by fetching that entry.
 */
import * as crypto from 'node:crypto'
import { InternalError } from '@sigstore/sign'
import { SignError } from '../../src/errors'
import { createSigstore, describeSigstoreError } from '../../src/sign/sigstore'
import { startGitHubTokenEndpoint, startSigstore, verifyBundle, type GitHubTokenEndpoint, type SigstoreEmulator } from '../support/sigstore'

let sig: SigstoreEmulator
let tok: GitHubTokenEndpoint
beforeAll(async () => {
  sig = await startSigstore()
  tok = await startGitHubTokenEndpoint()
})
afterAll(async () => {
  await sig.stop()
  await tok.stop()
})

/** What @actions/core.getIDToken('sigstore') fetches from the runner's token service. */
async function getToken(): Promise<string> {
  const res = await fetch(`${tok.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sigstore`, {
    headers: { Authorization: `Bearer ${tok.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
  })
  return ((await res.json()) as { value: string }).value
}

const statement = (hex: string): Buffer =>
  Buffer.from(
    JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'c', digest: { sha256: hex } }], predicateType: 'x', predicate: {} })
  )

test('Rekor 409 (the entry already exists): the existing entry is fetched and the bundle verifies', async () => {
  const signer = createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl }, getToken)
  const hex = crypto.randomBytes(32).toString('hex')
  sig.fault('rekor', { status: 409, times: 1 })
  const before = sig.requests.rekor
  const bundle = await signer.signStatement(statement(hex))
  // The POST answered 409, then GET of the entry named by Location.
  expect(sig.requests.rekor - before).toBe(2)
  verifyBundle(sig.trustedRoot, bundle, { san: tok.san, issuer: tok.issuer, digest: hex })
})

test('a Rekor failure names Rekor, its URL and the HTTP status', async () => {
  const signer = createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl }, getToken)
  sig.fault('rekor', { status: 400, times: 1 })
  await expect(signer.signStatement(statement('ab'.repeat(32)))).rejects.toThrow(
    `Rekor at ${sig.rekorUrl} did not record the signature (HTTP 400) [TLOG_CREATE_ENTRY_ERROR]`
  )
})

test('Rekor outages are retried with backoff: three 503s in a row still give a bundle', async () => {
  // sigstore-js' own default (2 retries) would give up on the third 503; the signer allows 4.
  const signer = createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl }, getToken)
  const hex = crypto.randomBytes(32).toString('hex')
  sig.fault('rekor', { status: 503, times: 3 })
  const before = sig.requests.rekor
  const bundle = await signer.signStatement(statement(hex))
  expect(sig.requests.rekor - before).toBe(4)
  verifyBundle(sig.trustedRoot, bundle, { san: tok.san, issuer: tok.issuer, digest: hex })
}, 60_000)

describe('one certificate per run', () => {
  afterEach(() => jest.restoreAllMocks())

  test('the certificate is reused until one minute before it expires, then a new one is asked for', async () => {
    const signer = createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl }, getToken)
    const before = sig.requests.fulcio
    await signer.signStatement(statement(crypto.randomBytes(32).toString('hex')))
    const first = signer.certificate()!
    const notAfter = Date.parse(new crypto.X509Certificate(first).validTo)
    const now = jest.spyOn(Date, 'now')
    // Exactly one minute before the certificate's notAfter: still used.
    now.mockReturnValue(notAfter - 60_000)
    await signer.signStatement(statement(crypto.randomBytes(32).toString('hex')))
    expect(sig.requests.fulcio - before).toBe(1)
    expect(signer.certificate()).toBe(first)
    // A millisecond later: renewed.
    now.mockReturnValue(notAfter - 60_000 + 1)
    await signer.signStatement(statement(crypto.randomBytes(32).toString('hex')))
    expect(sig.requests.fulcio - before).toBe(2)
    expect(signer.certificate()).not.toBe(first)
  })

  test('sequential and concurrent signatures share one Fulcio certificate; certificate() is its PEM', async () => {
    const signer = createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl }, getToken)
    expect(signer.certificate()).toBeUndefined()
    const before = sig.requests.fulcio
    const bundles = await Promise.all([1, 2, 3].map(() => signer.signStatement(statement(crypto.randomBytes(32).toString('hex')))))
    await signer.signMessage(Buffer.from('payload'))
    expect(sig.requests.fulcio - before).toBe(1)
    const pem = signer.certificate()!
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/)
    const der = new crypto.X509Certificate(pem).raw.toString('base64')
    for (const b of bundles) {
      const vm = b.verificationMaterial as { certificate?: { rawBytes: string }; x509CertificateChain?: { certificates: Array<{ rawBytes: string }> } }
      expect(vm.certificate?.rawBytes ?? vm.x509CertificateChain?.certificates[0].rawBytes).toBe(der)
    }
  })

  test('a Fulcio failure is not cached: the next signature asks again and succeeds', async () => {
    const signer = createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl }, getToken)
    sig.fault('fulcio', { status: 400, times: 1 })
    await expect(signer.signStatement(statement('ab'.repeat(32)))).rejects.toThrow(
      `Fulcio at ${sig.fulcioUrl} did not issue a signing certificate (HTTP 400) [CA_CREATE_SIGNING_CERTIFICATE_ERROR]`
    )
    expect(signer.certificate()).toBeUndefined()
    const hex = crypto.randomBytes(32).toString('hex')
    verifyBundle(sig.trustedRoot, await signer.signStatement(statement(hex)), { san: tok.san, issuer: tok.issuer, digest: hex })
  })
})

describe('witnesses', () => {
  test('DSSE statements: a v0.3 bundle with a Rekor dsse entry; message signatures: a hashedrekord entry', async () => {
    const signer = createSigstore({ name: 'custom', fulcio: sig.fulcioUrl, rekor: sig.rekorUrl }, getToken)
    const dsse = await signer.signStatement(statement('cd'.repeat(32)))
    expect(dsse.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
    expect(dsse.dsseEnvelope?.payloadType).toBe('application/vnd.in-toto+json')
    expect(dsse.verificationMaterial.tlogEntries.map((t) => t.kindVersion?.kind)).toEqual(['dsse'])
    const msg = await signer.signMessage(Buffer.from('payload'))
    expect(msg.messageSignature?.messageDigest?.digest).toBe(crypto.createHash('sha256').update('payload').digest('base64'))
    expect(msg.verificationMaterial.tlogEntries.map((t) => t.kindVersion?.kind)).toEqual(['hashedrekord'])
  })

  test('without Rekor no log entry; with a TSA one RFC 3161 timestamp', async () => {
    const withTsa = await startSigstore({ withTsa: true })
    try {
      const b = await createSigstore({ name: 'custom', fulcio: withTsa.fulcioUrl, tsa: withTsa.tsaUrl }, getToken).signStatement(statement('ef'.repeat(32)))
      expect(b.verificationMaterial.tlogEntries ?? []).toEqual([])
      expect(b.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1)
      expect(withTsa.requests.rekor).toBe(0)
      expect(withTsa.requests.tsa).toBe(1)
    } finally {
      await withTsa.stop()
    }
  })
})

describe('describeSigstoreError', () => {
  const endpoints = { name: 'custom' as const, fulcio: 'https://fulcio.example', rekor: 'https://rekor.example', tsa: 'https://tsa.example' }
  const internal = (code: string, statusCode?: number): Error =>
    new InternalError({ code: code as never, message: `boom ghs_secret_token`, cause: statusCode ? Object.assign(new Error('x'), { statusCode }) : undefined })

  test('each service is named with its URL, the HTTP status and the code', () => {
    expect(describeSigstoreError(internal('CA_CREATE_SIGNING_CERTIFICATE_ERROR', 403), endpoints).message).toBe(
      'Fulcio at https://fulcio.example did not issue a signing certificate (HTTP 403) [CA_CREATE_SIGNING_CERTIFICATE_ERROR]'
    )
    expect(describeSigstoreError(internal('TLOG_CREATE_ENTRY_ERROR', 500), endpoints).message).toBe(
      'Rekor at https://rekor.example did not record the signature (HTTP 500) [TLOG_CREATE_ENTRY_ERROR]'
    )
    expect(describeSigstoreError(internal('TLOG_FETCH_ENTRY_ERROR'), endpoints).message).toBe(
      'Rekor at https://rekor.example did not return the existing entry [TLOG_FETCH_ENTRY_ERROR]'
    )
    expect(describeSigstoreError(internal('TSA_CREATE_TIMESTAMP_ERROR', 502), endpoints).message).toBe(
      'the timestamp authority at https://tsa.example did not timestamp the signature (HTTP 502) [TSA_CREATE_TIMESTAMP_ERROR]'
    )
    expect(describeSigstoreError(internal('IDENTITY_TOKEN_READ_ERROR'), endpoints).message).toBe(
      'the GitHub OIDC token for Sigstore could not be read [IDENTITY_TOKEN_READ_ERROR]'
    )
    expect(describeSigstoreError(internal('IDENTITY_TOKEN_PARSE_ERROR'), endpoints).message).toBe(
      'the GitHub OIDC token for Sigstore is not a valid JWT [IDENTITY_TOKEN_PARSE_ERROR]'
    )
  })

  test("sigstore-js' own message (which may hold the token) is never repeated for a known or unknown code", () => {
    const unknown = describeSigstoreError(internal('SOMETHING_NEW', 500), endpoints)
    expect(unknown.message).toBe('signing failed: SOMETHING_NEW')
    expect(unknown).toBeInstanceOf(SignError)
    expect(unknown.hint).toBe('The services were retried with backoff; re-run the job, and check status.sigstore.dev if it persists')
    expect(describeSigstoreError(new Error('socket hang up'), endpoints).message).toBe('signing failed: socket hang up')
    const own = new SignError('Fulcio returned no certificate')
    expect(describeSigstoreError(own, endpoints)).toBe(own)
  })
})
