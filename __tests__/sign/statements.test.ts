/**
 * The signed documents, byte for byte as the tools that verify them build them (shapes quoted in
 * /work/shared/reference/sigstore.md: cosign's sign/v1 statement §3.2 (protojson), sigstore/sigstore
 * payload.go's simple-signing payload §3.1 (Go json.Marshal), @actions/attest buildSLSAProvenancePredicate §6).
 */
import {
  COSIGN_SIGN_PREDICATE,
  GITHUB_BUILD_TYPE,
  IN_TOTO_PAYLOAD_TYPE,
  SLSA_PREDICATE,
  cosignSignStatement,
  simpleSigningPayload,
  slsaProvenanceStatement,
  type WorkflowClaims
} from '../../src/sign/statements'

const HEX = '0123456789abcdef'.repeat(4)

test('the constants are the published type URIs', () => {
  expect(IN_TOTO_PAYLOAD_TYPE).toBe('application/vnd.in-toto+json')
  expect(COSIGN_SIGN_PREDICATE).toBe('https://sigstore.dev/cosign/sign/v1')
  expect(SLSA_PREDICATE).toBe('https://slsa.dev/provenance/v1')
  expect(GITHUB_BUILD_TYPE).toBe('https://actions.github.io/buildtypes/workflow/v1')
})

test('cosign sign/v1: only the digest hex, no name, an empty predicate', () => {
  expect(cosignSignStatement(`sha256:${HEX}`).toString('utf8')).toBe(
    `{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":"${HEX}"}}],"predicateType":"https://sigstore.dev/cosign/sign/v1","predicate":{}}`
  )
})

test('simple signing: Go field order, the digest kept with its algorithm, optional null, no newline', () => {
  expect(simpleSigningPayload('127.0.0.1:5000/charts/demo', `sha256:${HEX}`).toString('utf8')).toBe(
    `{"critical":{"identity":{"docker-reference":"127.0.0.1:5000/charts/demo"},"image":{"docker-manifest-digest":"sha256:${HEX}"},"type":"cosign container image signature"},"optional":null}`
  )
  // Go's encoder escapes <, > and & (a reference never has them, but the marshalling is Go's).
  expect(simpleSigningPayload('a&b', `sha256:${HEX}`).toString('utf8')).toContain('"docker-reference":"a\\u0026b"')
})

const claims: WorkflowClaims = {
  ref: 'refs/heads/main',
  sha: 'deadbeef',
  repository: 'octo-org/charts',
  repository_id: '123',
  repository_owner_id: '456',
  event_name: 'workflow_dispatch',
  workflow_ref: 'octo-org/charts/.github/workflows/release.yml@refs/heads/main',
  job_workflow_ref: 'octo-org/shared/.github/workflows/publish.yml@refs/tags/v2',
  runner_environment: 'github-hosted',
  run_id: '7',
  run_attempt: '2'
}

test('SLSA v1 provenance: the whole statement, in @actions/attest field order, from a GHES server URL with a trailing slash', () => {
  const s = slsaProvenanceStatement({
    claims,
    serverUrl: 'https://ghes.example.com/',
    subjectName: 'ghcr.io/octo-org/charts/demo',
    manifestDigest: `sha256:${HEX}`,
    archive: { name: 'demo-1.0.0.tgz', digest: 'sha256:' + 'f'.repeat(64) }
  }).toString('utf8')
  expect(s).toBe(
    '{"_type":"https://in-toto.io/Statement/v1",' +
      `"subject":[{"name":"ghcr.io/octo-org/charts/demo","digest":{"sha256":"${HEX}"}},{"name":"demo-1.0.0.tgz","digest":{"sha256":"${'f'.repeat(64)}"}}],` +
      '"predicateType":"https://slsa.dev/provenance/v1",' +
      '"predicate":{"buildDefinition":{"buildType":"https://actions.github.io/buildtypes/workflow/v1",' +
      '"externalParameters":{"workflow":{"ref":"refs/heads/main","repository":"https://ghes.example.com/octo-org/charts","path":".github/workflows/release.yml"}},' +
      '"internalParameters":{"github":{"event_name":"workflow_dispatch","repository_id":"123","repository_owner_id":"456","runner_environment":"github-hosted"}},' +
      '"resolvedDependencies":[{"uri":"git+https://ghes.example.com/octo-org/charts@refs/heads/main","digest":{"gitCommit":"deadbeef"}}]},' +
      '"runDetails":{"builder":{"id":"https://ghes.example.com/octo-org/shared/.github/workflows/publish.yml@refs/tags/v2"},' +
      '"metadata":{"invocationId":"https://ghes.example.com/octo-org/charts/actions/runs/7/attempts/2"}}}}'
  )
})

test('without an archive there is one subject; a workflow_ref with @ in the ref keeps only the path', () => {
  const s = JSON.parse(
    slsaProvenanceStatement({
      claims: { ...claims, workflow_ref: 'octo-org/charts/ci/wf.yml@refs/tags/a@b' },
      serverUrl: 'https://github.com',
      subjectName: 'reg/x',
      manifestDigest: `sha256:${HEX}`
    }).toString('utf8')
  )
  expect(s.subject).toEqual([{ name: 'reg/x', digest: { sha256: HEX } }])
  expect(s.predicate.buildDefinition.externalParameters.workflow.path).toBe('ci/wf.yml')
  expect(s.predicate.buildDefinition.externalParameters.workflow.repository).toBe('https://github.com/octo-org/charts')
})

test('missing workflow_ref gives an empty path, not "undefined"', () => {
  const s = JSON.parse(
    slsaProvenanceStatement({ claims: { repository: 'o/r' }, serverUrl: 'https://github.com', subjectName: 'n', manifestDigest: `sha256:${HEX}` }).toString()
  )
  expect(s.predicate.buildDefinition.externalParameters.workflow.path).toBe('')
})
