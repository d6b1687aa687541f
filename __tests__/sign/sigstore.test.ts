/**
 * The product's signer (src/sign/sigstore.ts createSigstore) against the offline Sigstore services
 * (@sigstore/mock behind loopback servers): bundles verify with @sigstore/verify, and a Rekor 409 for an entry
 * that is already in the log (a retried POST that had in fact succeeded) is answered by fetching that entry.
 */
import * as crypto from 'node:crypto'
import { createSigstore } from '../../src/sign/sigstore'
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
