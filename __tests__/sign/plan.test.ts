/**
 * What gets signed, decided before anything is pushed: sign auto/true/false
 * against the job's OIDC permission, instance defaults by repository
 * visibility, and the formats an instance can serve. Plus the exact
 * documents that are signed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readContext, type RunContext } from '../../src/context'
import { planSigning, type SignOptions } from '../../src/sign'
import { resolveInstance } from '../../src/sign/instance'
import { cosignSignStatement, simpleSigningPayload, slsaProvenanceStatement } from '../../src/sign/statements'
import { legacyAnnotations, signatureTag } from '../../src/sign/legacy'

const OIDC = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/token?x=1', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' }
const opts = (o: Partial<SignOptions> = {}): SignOptions => ({ sign: 'auto', signFormat: 'bundle', attest: 'auto', sigstoreInstance: '', ...o })
const GITHUB: RunContext = { serverUrl: 'https://github.com', apiUrl: 'https://api.github.com' }
const PUBLIC: RunContext = { ...GITHUB, repository: 'acme/charts', visibility: 'public' }
const PRIVATE: RunContext = { ...GITHUB, repository: 'acme/charts', visibility: 'private' }

describe('run context (@actions/github)', () => {
  test('repository, actor and visibility from the runner variables and the event payload; github.com URLs by default', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-ev-'))
    const saved = { ...process.env }
    try {
      writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ repository: { visibility: 'public', name: 'charts', owner: { login: 'acme' } } }))
      Object.assign(process.env, { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_REPOSITORY: 'acme/charts', GITHUB_ACTOR: 'octocat' })
      delete process.env.GITHUB_SERVER_URL
      delete process.env.GITHUB_API_URL
      expect(readContext()).toMatchObject({
        repository: 'acme/charts',
        actor: 'octocat',
        visibility: 'public',
        serverUrl: 'https://github.com',
        apiUrl: 'https://api.github.com'
      })
      Object.assign(process.env, { GITHUB_SERVER_URL: 'https://acme.ghe.com/', GITHUB_API_URL: 'https://api.acme.ghe.com' })
      delete process.env.GITHUB_REPOSITORY
      expect(readContext()).toMatchObject({ repository: 'acme/charts', serverUrl: 'https://acme.ghe.com', apiUrl: 'https://api.acme.ghe.com' })
    } finally {
      process.env = saved
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('planSigning', () => {
  test('auto without id-token permission publishes unsigned with a warning naming the permission', () => {
    const plan = planSigning(opts(), {}, GITHUB)
    expect(plan.enabled).toBe(false)
    expect(plan.warning).toMatch(/Publishing unsigned.*permissions: id-token: write/)
  })

  test('true without id-token permission fails before anything is pushed', () => {
    expect(() => planSigning(opts({ sign: 'true' }), {}, GITHUB)).toThrow(/sign: true was requested, but keyless signing needs a GitHub OIDC token/)
  })

  test('false never signs; attest true with sign false is contradictory', () => {
    expect(planSigning(opts({ sign: 'false' }), OIDC, GITHUB)).toEqual({ enabled: false })
    expect(() => planSigning(opts({ sign: 'false', attest: 'true' }), OIDC, GITHUB)).toThrow(/attest: true needs signing/)
  })

  test('instance by repository visibility, as actions/attest chooses', () => {
    expect(planSigning(opts(), OIDC, PUBLIC).endpoints).toEqual({
      name: 'public-good',
      fulcio: 'https://fulcio.sigstore.dev',
      rekor: 'https://rekor.sigstore.dev'
    })
    expect(planSigning(opts(), OIDC, PRIVATE).endpoints).toEqual({
      name: 'github',
      fulcio: 'https://fulcio.githubapp.com',
      tsa: 'https://timestamp.githubapp.com'
    })
    expect(resolveInstance({ instance: 'github' }, { serverUrl: 'https://acme.ghe.com' })).toEqual({
      name: 'github',
      fulcio: 'https://fulcio.acme.ghe.com',
      tsa: 'https://timestamp.acme.ghe.com'
    })
  })

  test('custom URLs mean a custom instance; half a custom instance is refused', () => {
    expect(planSigning(opts({ fulcioUrl: 'http://f', rekorUrl: 'http://r' }), OIDC, GITHUB).endpoints).toEqual({
      name: 'custom',
      fulcio: 'http://f',
      rekor: 'http://r',
      tsa: undefined
    })
    expect(() => planSigning(opts({ sigstoreInstance: 'custom', fulcioUrl: 'http://f' }), OIDC, GITHUB)).toThrow(
      /needs fulcio-url and at least one of rekor-url and tsa-url/
    )
    expect(() => planSigning(opts({ sigstoreInstance: 'public-good', rekorUrl: 'http://r' }), OIDC, GITHUB)).toThrow(/apply to sigstore-instance: custom/)
  })

  test('the legacy format needs Rekor: refused alone, dropped with a warning from both', () => {
    expect(() => planSigning(opts({ signFormat: 'legacy' }), OIDC, PRIVATE)).toThrow(/sign-format: legacy needs a Rekor transparency log/)
    const both = planSigning(opts({ signFormat: 'both' }), OIDC, PRIVATE)
    expect(both).toMatchObject({ enabled: true, bundle: true, legacy: false })
    expect(both.warning).toMatch(/only the bundle format/)
    expect(planSigning(opts({ signFormat: 'both', sigstoreInstance: 'public-good' }), OIDC, GITHUB)).toMatchObject({ bundle: true, legacy: true, attest: true })
  })
})

describe('signed documents', () => {
  const digest = 'sha256:' + 'ab'.repeat(32)
  test('cosign sign/v1 statement', () => {
    expect(cosignSignStatement(digest).toString()).toBe(
      `{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":"${'ab'.repeat(32)}"}}],"predicateType":"https://sigstore.dev/cosign/sign/v1","predicate":{}}`
    )
  })
  test('simple-signing payload, Go-marshalled', () => {
    expect(simpleSigningPayload('ghcr.io/acme/charts/mychart', digest).toString()).toBe(
      `{"critical":{"identity":{"docker-reference":"ghcr.io/acme/charts/mychart"},"image":{"docker-manifest-digest":"${digest}"},"type":"cosign container image signature"},"optional":null}`
    )
    expect(signatureTag(digest)).toBe(`sha256-${'ab'.repeat(32)}.sig`)
  })
  test('SLSA provenance as actions/attest-build-provenance builds it', () => {
    const s = JSON.parse(
      slsaProvenanceStatement({
        claims: {
          ref: 'refs/tags/v1.2.3',
          sha: 'c0ffee',
          repository: 'acme/charts',
          repository_id: '1',
          repository_owner_id: '2',
          event_name: 'push',
          workflow_ref: 'acme/charts/.github/workflows/release.yml@refs/tags/v1.2.3',
          job_workflow_ref: 'acme/charts/.github/workflows/release.yml@refs/tags/v1.2.3',
          runner_environment: 'github-hosted',
          run_id: '99',
          run_attempt: '1'
        },
        serverUrl: 'https://github.com',
        subjectName: 'ghcr.io/acme/charts/mychart',
        manifestDigest: digest,
        archive: { name: 'mychart-1.2.3.tgz', digest: 'sha256:' + 'cd'.repeat(32) }
      }).toString()
    )
    expect(s.subject).toEqual([
      { name: 'ghcr.io/acme/charts/mychart', digest: { sha256: 'ab'.repeat(32) } },
      { name: 'mychart-1.2.3.tgz', digest: { sha256: 'cd'.repeat(32) } }
    ])
    expect(s.predicateType).toBe('https://slsa.dev/provenance/v1')
    expect(s.predicate.buildDefinition.externalParameters.workflow).toEqual({
      ref: 'refs/tags/v1.2.3',
      repository: 'https://github.com/acme/charts',
      path: '.github/workflows/release.yml'
    })
    expect(s.predicate.buildDefinition.resolvedDependencies).toEqual([
      { uri: 'git+https://github.com/acme/charts@refs/tags/v1.2.3', digest: { gitCommit: 'c0ffee' } }
    ])
    expect(s.predicate.runDetails).toEqual({
      builder: { id: 'https://github.com/acme/charts/.github/workflows/release.yml@refs/tags/v1.2.3' },
      metadata: { invocationId: 'https://github.com/acme/charts/actions/runs/99/attempts/1' }
    })
  })
  test('legacy annotations from a message-signature bundle; refused without a Rekor entry', () => {
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.2',
      verificationMaterial: {
        x509CertificateChain: { certificates: [{ rawBytes: 'Q0VSVA==' }] },
        tlogEntries: [
          {
            logIndex: '7',
            logId: { keyId: Buffer.from('keyid').toString('base64') },
            kindVersion: { kind: 'hashedrekord', version: '0.0.1' },
            integratedTime: '1700000000',
            inclusionPromise: { signedEntryTimestamp: 'U0VU' },
            canonicalizedBody: 'Qk9EWQ=='
          }
        ],
        timestampVerificationData: { rfc3161Timestamps: [] }
      },
      messageSignature: { messageDigest: { algorithm: 'SHA2_256', digest: 'x' }, signature: 'U0lH' }
    }
    const a = legacyAnnotations(bundle as never)
    expect(a['dev.cosignproject.cosign/signature']).toBe('U0lH')
    expect(a['dev.sigstore.cosign/certificate']).toBe('-----BEGIN CERTIFICATE-----\nQ0VSVA==\n-----END CERTIFICATE-----\n')
    expect(a['dev.sigstore.cosign/bundle']).toBe(
      `{"SignedEntryTimestamp":"U0VU","Payload":{"body":"Qk9EWQ==","integratedTime":1700000000,"logIndex":7,"logID":"${Buffer.from('keyid').toString('hex')}"}}`
    )
    expect(() => legacyAnnotations({ ...bundle, verificationMaterial: { ...bundle.verificationMaterial, tlogEntries: [] } } as never)).toThrow(
      /needs a Rekor v1 entry/
    )
  })
})
