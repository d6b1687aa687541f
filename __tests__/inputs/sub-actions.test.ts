import { stepInputs } from '../support/inputs'
/** The promote and migrate inputs: the same login model as the main action, validated before any work. */
import { readMigrateInputs, readPromoteInputs } from '../../src/inputs'
import { InputError } from '../../src/errors'
import { parseArtifactReference } from '../../src/oci/reference'

const reader = stepInputs
const DIGEST = `sha256:${'ab'.repeat(32)}`

describe('parseArtifactReference', () => {
  test('digest, tag, and both (the digest wins, the tag is kept)', () => {
    expect(parseArtifactReference(`oci://ghcr.io/acme/dev/demo@${DIGEST}`, 'input source')).toMatchObject({
      host: 'ghcr.io',
      repository: 'acme/dev/demo',
      digest: DIGEST,
      tag: undefined
    })
    expect(parseArtifactReference('oci://localhost:5000/dev/demo:1.2.3_build.4', 'input source')).toMatchObject({
      host: 'localhost:5000',
      repository: 'dev/demo',
      tag: '1.2.3_build.4'
    })
    expect(parseArtifactReference(`oci://r.io/a/demo:1.0.0@${DIGEST}`, 'input source')).toMatchObject({ repository: 'a/demo', tag: '1.0.0', digest: DIGEST })
  })

  test.each([
    ['https://ghcr.io/acme/demo:1.0.0', /no oci:\/\/ scheme/],
    ['oci://ghcr.io/acme/demo', /neither a tag nor a digest/],
    ['oci://ghcr.io:1.0.0', /names no repository/],
    ['oci://ghcr.io/Acme/demo:1.0.0', /invalid repository path "Acme\/demo"/],
    ['oci://ghcr.io/acme/demo@sha256:abc', /invalid digest/],
    ['oci://ghcr.io/acme/demo:1.0.0+build', /invalid tag "1.0.0\+build"/]
  ])('%s is refused', (raw, message) => {
    expect(() => parseArtifactReference(raw, 'input source')).toThrow(InputError)
    expect(() => parseArtifactReference(raw, 'input source')).toThrow(message)
  })
})

describe('readPromoteInputs', () => {
  test('source login by its own host with source credentials; destination login as the main action reads it', () => {
    const masked: string[] = []
    const i = readPromoteInputs(
      reader({
        source: `oci://harbor.example.com/dev/demo@${DIGEST}`,
        registry: 'oci://123456789012.dkr.ecr.eu-west-1.amazonaws.com/prod',
        'source-username': 'robot',
        'source-password': 'src-secret',
        'aws-role-arn': 'arn:aws:iam::123456789012:role/push',
        'require-signature-identity': '^https://github\\.com/acme/',
        'trusted-root': 'root.json'
      }),
      { GITHUB_WORKSPACE: '/ws', GITHUB_TOKEN: 'ghs_x' },
      (s) => masked.push(s)
    )
    expect(masked).toContain('src-secret')
    expect(i.registry.host).toBe('123456789012.dkr.ecr.eu-west-1.amazonaws.com')
    expect(i.login).toMatchObject({ login: 'auto', awsRoleArn: 'arn:aws:iam::123456789012:role/push', username: undefined })
    expect(i.sourceLogin).toMatchObject({ login: 'auto', username: 'robot', password: 'src-secret', githubToken: 'ghs_x' })
    expect(i.sourceCredentials).toBe(true)
    expect(i.requireSignature).toEqual({
      identity: '^https://github\\.com/acme/',
      issuer: 'https://token.actions.githubusercontent.com',
      trustedRoot: '/ws/root.json'
    })
    expect(i.sign.sign).toBe('false')
  })

  test('source, registry and tag are checked', () => {
    expect(() => readPromoteInputs(reader({ registry: 'oci://r.io/prod' }), {})).toThrow(/input source is required/)
    expect(() => readPromoteInputs(reader({ source: `oci://r.io/dev/demo@${DIGEST}` }), {})).toThrow(/input registry is required/)
    expect(() => readPromoteInputs(reader({ source: `oci://r.io/dev/demo@${DIGEST}`, registry: 'oci://r.io/prod', tag: 'a+b' }), {})).toThrow(
      /input tag "a\+b"/
    )
  })
})

describe('readMigrateInputs', () => {
  test('repository, its credentials (masked), chart names and a version constraint, with the main action sign inputs', () => {
    const masked: string[] = []
    const i = readMigrateInputs(
      reader({
        repository: 'https://charts.example.com/stable',
        'repository-username': 'u',
        'repository-password': 'repo-secret',
        registry: 'oci://ghcr.io/acme/charts',
        charts: 'a, b\nc',
        versions: '>=1.0.0 <2',
        sign: 'true'
      }),
      {},
      (s) => masked.push(s)
    )
    expect(masked).toContain('repo-secret')
    expect(i.repositoryAuth).toEqual({ username: 'u', password: 'repo-secret' })
    expect(i.charts).toEqual(['a', 'b', 'c'])
    expect(i.versions).toBe('>=1.0.0 <2')
    expect(i.sign.sign).toBe('true')
    expect(i.ifExists).toBe('skip-identical')
  })

  test('the repository must be an http(s) URL', () => {
    expect(() => readMigrateInputs(reader({ repository: 'oci://ghcr.io/acme', registry: 'oci://r.io/x' }), {})).toThrow(/is not an http\(s\) URL/)
    expect(() => readMigrateInputs(reader({ registry: 'oci://r.io/x' }), {})).toThrow(/input repository is required/)
  })
})
