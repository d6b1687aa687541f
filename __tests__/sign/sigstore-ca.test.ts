/**
 * `ca-file` for Sigstore services with a private CA. sigstore-js gives make-fetch-happen no CA
 * option, so the action adds the ca-file certificates to Node's default store (Node ≥ 22.19 /
 * 24.5, which the action runs on: node24). Fulcio and Rekor are served over HTTPS with the test
 * CA's certificate. Runs under Node 24 (`.ci/node24`); skipped on older Node.
 */
import * as https from 'node:https'
import * as tls from 'node:tls'
import { createHash } from 'node:crypto'
import { configureTransport } from '../../src/http'
import { startTlsFront, type TlsFront } from '../support/connect-proxy'
import { startGitHubTokenEndpoint, startSigstore, verifyBundle, type GitHubTokenEndpoint, type SigstoreEmulator } from '../support/sigstore'
import { makeTestPki, type TestPki } from '../support/tls'

const canSetDefaultCa = typeof (tls as { setDefaultCACertificates?: unknown }).setDefaultCACertificates === 'function'
const testWithDefaultCa = canSetDefaultCa ? test : test.skip

let pki: TestPki
let sigstore: SigstoreEmulator
let oidc: GitHubTokenEndpoint
let fronts: TlsFront[] = []

beforeAll(async () => {
  pki = makeTestPki()
  ;[sigstore, oidc] = await Promise.all([startSigstore(), startGitHubTokenEndpoint()])
  fronts = await Promise.all([startTlsFront(sigstore.fulcioUrl, pki), startTlsFront(sigstore.rekorUrl, pki)])
})
afterAll(async () => {
  await Promise.all([sigstore, oidc, ...fronts].filter(Boolean).map((s) => s.stop()))
  pki?.remove()
})

/** A request with Node's default trust store, as make-fetch-happen makes it. */
const defaultTrust = (url: string): Promise<string> =>
  new Promise((resolve) => {
    https
      .get(url, { agent: new https.Agent() }, (res) => {
        res.resume()
        resolve(`HTTP ${res.statusCode}`)
      })
      .on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message))
  })

testWithDefaultCa('Fulcio and Rekor behind a private CA sign once ca-file is configured', async () => {
  const fulcio = `https://127.0.0.1:${fronts[0].port}`
  const rekor = `https://127.0.0.1:${fronts[1].port}`
  expect(await defaultTrust(`${fulcio}/`)).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER/)
  configureTransport({ ca: pki.ca })
  expect(await defaultTrust(`${fulcio}/`)).toMatch(/^HTTP \d+$/)

  const res = await fetch(`${oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sigstore`, {
    headers: { authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
  })
  const token = ((await res.json()) as { value: string }).value
  const { createSigstore } = await import('../../src/sign/sigstore')
  const digest = createHash('sha256').update('small').digest('hex')
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'small', digest: { sha256: digest } }],
    predicateType: 'https://example.com/x',
    predicate: {}
  }
  const bundle = await createSigstore({ name: 'custom', fulcio, rekor }, async () => token).signStatement(Buffer.from(JSON.stringify(statement)))
  expect(() => verifyBundle(sigstore.trustedRoot, bundle, { san: oidc.san, issuer: oidc.issuer, digest })).not.toThrow()
  expect(sigstore.requests.fulcio).toBeGreaterThan(0)
})
