/**
 * Each cloud login end to end against loopback emulators that speak the
 * documented protocols, reached only through the standard endpoint overrides
 * (ACTIONS_ID_TOKEN_REQUEST_*, AWS_ENDPOINT_URL_*, AZURE_AUTHORITY_HOST,
 * gcp-*-endpoint inputs / GOOGLE_APPLICATION_CREDENTIALS token_url).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { createCredentialSource, pushRefusalHint, type LoginOptions } from '../../src/auth'
import { ACR_REFRESH_USERNAME } from '../../src/auth/acr'
import { AuthError, InputError, PublishError } from '../../src/errors'
import { startAws, type AwsEmulator } from '../support/emulators/aws'
import { startAcr, startEntra, type AcrEmulator, type EntraEmulator } from '../support/emulators/azure'
import { startGitHubOidc, type GitHubOidc } from '../support/emulators/github-oidc'
import { startGoogle, type GoogleEmulator } from '../support/emulators/google'

const ROLE = 'arn:aws:iam::123456789012:role/helm-publisher'
const DENIED_ROLE = 'arn:aws:iam::123456789012:role/other-repo-only'
const NO_ECR_ROLE = 'arn:aws:iam::123456789012:role/no-ecr'
const ECR_HOST = '123456789012.dkr.ecr.eu-west-3.amazonaws.com'
const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/github/providers/charts'
const SA = 'publisher@my-project.iam.gserviceaccount.com'

let oidc: GitHubOidc
let aws: AwsEmulator
let entra: EntraEmulator
let acr: AcrEmulator
let google: GoogleEmulator

beforeAll(async () => {
  oidc = await startGitHubOidc({ repository: 'acme/charts' })
  // @actions/core's getIDToken reads the runner's variables from the process environment.
  Object.assign(process.env, oidc.env)
  aws = await startAws({
    oidc,
    region: 'eu-west-3',
    roles: {
      [ROLE]: { subjects: ['repo:acme/charts:*'] },
      [DENIED_ROLE]: { subjects: ['repo:acme/other:*'] },
      [NO_ECR_ROLE]: { subjects: ['repo:acme/charts:*'], allow: [] }
    },
    staticKeys: { AKIAENVEXAMPLE: 'env-secret-key-value' }
  })
  entra = await startEntra({
    oidc,
    apps: {
      'app-1': { tenantId: 'tenant-1', subject: 'repo:acme/charts:ref:refs/heads/main' },
      'app-env': { tenantId: 'tenant-1', subject: 'repo:acme/charts:environment:release' }
    }
  })
  acr = await startAcr({ entra, tenantId: 'tenant-1' })
  google = await startGoogle({
    oidc,
    providers: { [PROVIDER]: { repositories: ['acme/charts'] } },
    serviceAccounts: { [SA]: { repositories: ['acme/charts'] }, 'other@p.iam.gserviceaccount.com': { repositories: [] } }
  })
})

afterAll(async () => {
  await Promise.all([oidc, aws, entra, acr, google].map((e) => e?.stop()))
})

const baseEnv = (): NodeJS.ProcessEnv => ({ ...oidc.env, ...aws.env, ...entra.env, GITHUB_RUN_ID: '42' })
const opts = (o: Partial<LoginOptions>): LoginOptions => ({ login: 'auto', ...o })

async function failure(p: Promise<unknown>): Promise<PublishError> {
  try {
    await p
  } catch (err) {
    expect(err).toBeInstanceOf(PublishError)
    expect((err as Error).stack ?? '').not.toBe(undefined)
    return err as PublishError
  }
  throw new Error('expected a failure')
}

describe('Amazon ECR', () => {
  test('role ARN: GitHub OIDC → STS AssumeRoleWithWebIdentity → SigV4-signed GetAuthorizationToken', async () => {
    const src = createCredentialSource(ECR_HOST, opts({ awsRoleArn: ROLE }), baseEnv())
    expect(src.description).toBe(`Amazon ECR (eu-west-3) with role ${ROLE} via GitHub OIDC`)
    const cred = await src.get(ECR_HOST)
    expect(cred?.username).toBe('AWS')
    expect(aws.isValidEcrPassword(cred?.password)).toBe(true)
    // The STS request carried a token for audience sts.amazonaws.com.
    expect(oidc.issued.length).toBeGreaterThan(0)
    // Cached: no second exchange; another host gets nothing.
    const calls = aws.stsCalls
    expect(await src.get(ECR_HOST)).toBe(cred)
    expect(await src.get('ghcr.io')).toBeUndefined()
    expect(aws.stsCalls).toBe(calls)
  })

  test('refresh mints a new STS session and a new registry password', async () => {
    const src = createCredentialSource(ECR_HOST, opts({ awsRoleArn: ROLE }), baseEnv())
    const first = await src.get(ECR_HOST)
    const sts = aws.stsCalls
    const second = await src.get(ECR_HOST, { refresh: true })
    expect(second?.password).not.toBe(first?.password)
    expect(aws.stsCalls).toBe(sts + 1)
    expect(aws.isValidEcrPassword(second?.password)).toBe(true)
  })

  test('a token that expires mid-run is renewed before use', async () => {
    const short = await startAws({ oidc, region: 'eu-west-3', roles: { [ROLE]: { subjects: ['repo:acme/charts:*'] } }, ecrTokenSeconds: 1 })
    try {
      const src = createCredentialSource(ECR_HOST, opts({ awsRoleArn: ROLE }), { ...oidc.env, ...short.env })
      const first = await src.get(ECR_HOST)
      await new Promise((r) => setTimeout(r, 1100))
      expect(short.isValidEcrPassword(first?.password)).toBe(false)
      const second = await src.get(ECR_HOST)
      expect(second?.password).not.toBe(first?.password)
      expect(short.isValidEcrPassword(second?.password)).toBe(true)
    } finally {
      await short.stop()
    }
  })

  test('environment credentials (configure-aws-credentials) sign the ECR call directly', async () => {
    const env = { ...aws.env, AWS_ACCESS_KEY_ID: 'AKIAENVEXAMPLE', AWS_SECRET_ACCESS_KEY: 'env-secret-key-value' }
    const src = createCredentialSource(ECR_HOST, opts({}), env)
    expect(src.description).toContain('AWS credentials from the environment')
    expect(aws.isValidEcrPassword((await src.get(ECR_HOST))?.password)).toBe(true)
  })

  test('a wrong secret key is reported with the ECR error code', async () => {
    const env = { ...aws.env, AWS_ACCESS_KEY_ID: 'AKIAENVEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wrong' }
    const err = await failure(createCredentialSource(ECR_HOST, opts({}), env).get(ECR_HOST))
    expect(err.message).toBe(
      'AWS ECR GetAuthorizationToken failed: InvalidSignatureException: The request signature we calculated does not match the signature you provided.'
    )
  })

  test('AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-wif-'))
    const file = path.join(dir, 'token')
    writeFileSync(file, oidc.issuer.sign({ aud: 'sts.amazonaws.com', sub: 'repo:acme/charts:ref:refs/heads/main' }))
    const src = createCredentialSource(ECR_HOST, opts({}), { ...aws.env, AWS_WEB_IDENTITY_TOKEN_FILE: file, AWS_ROLE_ARN: ROLE })
    expect(src.description).toContain('AWS_WEB_IDENTITY_TOKEN_FILE')
    expect(aws.isValidEcrPassword((await src.get(ECR_HOST))?.password)).toBe(true)
  })

  test('role denied by its trust policy: AccessDenied with the role ARN and the token subject', async () => {
    const err = await failure(createCredentialSource(ECR_HOST, opts({ awsRoleArn: DENIED_ROLE }), baseEnv()).get(ECR_HOST))
    expect(err).toBeInstanceOf(AuthError)
    expect(err.message).toBe(
      `AWS STS AssumeRoleWithWebIdentity for ${DENIED_ROLE} failed: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity (token sub "repo:acme/charts:ref:refs/heads/main", aud "sts.amazonaws.com")`
    )
    expect(err.hint).toContain("role's trust policy")
  })

  test('role without ecr:GetAuthorizationToken: AccessDeniedException and the policy line to add', async () => {
    const err = await failure(createCredentialSource(ECR_HOST, opts({ awsRoleArn: NO_ECR_ROLE }), baseEnv()).get(ECR_HOST))
    expect(err.message).toMatch(
      /^AWS ECR GetAuthorizationToken failed: AccessDeniedException: User: .* is not authorized to perform: ecr:GetAuthorizationToken/
    )
    expect(err.hint).toBe('Allow ecr:GetAuthorizationToken on resource "*" in the role\'s IAM policy')
  })

  test('no id-token permission: the error names the permissions line', async () => {
    const err = await failure(createCredentialSource(ECR_HOST, opts({ awsRoleArn: ROLE }), { ...aws.env }).get(ECR_HOST))
    expect(err.describe()).toBe(
      `Logging in to Amazon ECR ${ECR_HOST} needs a GitHub OIDC token, but this job cannot request one. Add \`permissions: id-token: write\` to the job (or workflow); pull requests from forks never receive an ID token`
    )
  })

  test('no AWS credentials at all', async () => {
    const err = await failure(createCredentialSource(ECR_HOST, opts({}), {}).get(ECR_HOST))
    expect(err.hint).toContain('aws-role-arn')
  })

  test('ECR Public always asks us-east-1 and reads the single-object answer', async () => {
    const src = createCredentialSource('public.ecr.aws', opts({ awsRoleArn: ROLE }), { ...baseEnv(), AWS_REGION: 'eu-west-3' })
    expect(src.description).toBe(`Amazon ECR Public with role ${ROLE} via GitHub OIDC`)
    const cred = await src.get('public.ecr.aws')
    expect(cred?.username).toBe('AWS')
    expect(aws.isValidEcrPassword(cred?.password)).toBe(true)
  })

  test('login: ecr on a host that hides its region needs aws-region', () => {
    expect(() => createCredentialSource('127.0.0.1:5000', opts({ login: 'ecr' }), {})).toThrow(InputError)
    expect(createCredentialSource('127.0.0.1:5000', opts({ login: 'ecr', awsRegion: 'eu-west-3' }), {}).description).toContain('eu-west-3')
  })
})

describe('Azure Container Registry', () => {
  test('GitHub OIDC → Entra client assertion → ACR /oauth2/exchange refresh token with the null-GUID user', async () => {
    const src = createCredentialSource(acr.host, opts({ login: 'acr', azureClientId: 'app-1', azureTenantId: 'tenant-1' }), baseEnv())
    expect(src.description).toContain('Entra ID workload identity (client app-1')
    const cred = await src.get(acr.host)
    expect(cred?.username).toBe(ACR_REFRESH_USERNAME)
    expect(cred?.password).toBe(cred?.refreshToken)
    expect(acr.isValidRefreshToken(cred?.refreshToken)).toBe(true)
    const calls = acr.exchangeCalls
    await src.get(acr.host, { refresh: true })
    expect(acr.exchangeCalls).toBe(calls + 1)
  })

  test('federated subject mismatch: the AADSTS code and the subject to configure', async () => {
    const src = createCredentialSource(acr.host, opts({ login: 'acr', azureClientId: 'app-env', azureTenantId: 'tenant-1' }), baseEnv())
    const err = await failure(src.get(acr.host))
    expect(err.message).toBe(
      "Microsoft Entra ID token request for client app-env in tenant tenant-1 failed: invalid_client: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:acme/charts:ref:refs/heads/main'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion."
    )
    expect(err.hint).toContain('subject exactly "repo:acme/charts:ref:refs/heads/main"')
  })

  test('unknown client id', async () => {
    const err = await failure(
      createCredentialSource(acr.host, opts({ login: 'acr', azureClientId: 'nope', azureTenantId: 'tenant-1' }), baseEnv()).get(acr.host)
    )
    expect(err.message).toContain('unauthorized_client: AADSTS700016')
  })

  test('service principal secret through username/password', async () => {
    const src = createCredentialSource('myreg.azurecr.io', opts({ username: 'sp-app-id', password: 'sp-secret' }), {})
    expect(await src.get('myreg.azurecr.io')).toEqual({ username: 'sp-app-id', password: 'sp-secret' })
  })

  test('missing client or tenant id', () => {
    expect(() => createCredentialSource('myreg.azurecr.io', opts({ azureClientId: 'x' }), {})).toThrow(/azure-client-id and azure-tenant-id/)
  })
})

describe('Google Artifact Registry', () => {
  const gar = (o: Partial<LoginOptions>): LoginOptions =>
    opts({ login: 'gar', gcpWorkloadIdentityProvider: PROVIDER, gcpStsEndpoint: google.url, gcpIamCredentialsEndpoint: google.url, ...o })

  test('direct workload identity federation: the STS token is the password of oauth2accesstoken', async () => {
    const src = createCredentialSource('us-docker.pkg.dev', gar({ login: 'auto' }), baseEnv())
    expect(src.description).toBe(`Google Artifact Registry with workload identity federation (${PROVIDER}, direct)`)
    const cred = await src.get('us-docker.pkg.dev')
    expect(cred?.username).toBe('oauth2accesstoken')
    expect(google.isValidAccessToken(cred?.password, 'federated')).toBe(true)
  })

  test('impersonating a service account through IAM Credentials', async () => {
    const src = createCredentialSource('europe-west1-docker.pkg.dev', gar({ login: 'auto', gcpServiceAccount: SA }), baseEnv())
    const cred = await src.get('europe-west1-docker.pkg.dev')
    expect(google.isValidAccessToken(cred?.password, 'service-account')).toBe(true)
  })

  test('service account the pool may not impersonate: PERMISSION_DENIED and the role to grant', async () => {
    const err = await failure(createCredentialSource('gcr.io', gar({ gcpServiceAccount: 'other@p.iam.gserviceaccount.com' }), baseEnv()).get('gcr.io'))
    expect(err.message).toBe(
      "Google IAM Credentials generateAccessToken for other@p.iam.gserviceaccount.com failed: PERMISSION_DENIED: Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist)."
    )
    expect(err.hint).toContain('roles/iam.workloadIdentityUser')
  })

  test('attribute condition rejects another repository', async () => {
    const other = await startGitHubOidc({ repository: 'evil/fork' })
    const g = await startGoogle({ oidc: other, providers: { [PROVIDER]: { repositories: ['acme/charts'] } } })
    Object.assign(process.env, other.env)
    try {
      const err = await failure(createCredentialSource('gcr.io', gar({ gcpStsEndpoint: g.url }), other.env).get('gcr.io'))
      expect(err.message).toBe(
        `Google STS token exchange for //iam.googleapis.com/${PROVIDER} failed: unauthorized_client: The given credential is rejected by the attribute condition.`
      )
    } finally {
      Object.assign(process.env, oidc.env)
      await Promise.all([other.stop(), g.stop()])
    }
  })

  test('credential file left by google-github-actions/auth (external_account with url source)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-gcp-'))
    const file = path.join(dir, 'gha-creds.json')
    const reqUrl = new URL(oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL)
    reqUrl.searchParams.set('audience', `https://iam.googleapis.com/${PROVIDER}`)
    writeFileSync(
      file,
      JSON.stringify({
        type: 'external_account',
        audience: `//iam.googleapis.com/${PROVIDER}`,
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: `${google.url}/v1/token`,
        service_account_impersonation_url: `${google.url}/v1/projects/-/serviceAccounts/${SA}:generateAccessToken`,
        credential_source: {
          url: reqUrl.toString(),
          headers: { Authorization: `Bearer ${oidc.requestToken}` },
          format: { type: 'json', subject_token_field_name: 'value' }
        }
      })
    )
    const src = createCredentialSource('us-docker.pkg.dev', opts({}), { GOOGLE_APPLICATION_CREDENTIALS: file })
    expect(src.description).toContain('GOOGLE_APPLICATION_CREDENTIALS')
    expect(google.isValidAccessToken((await src.get('us-docker.pkg.dev'))?.password, 'service-account')).toBe(true)
  })

  test('no Google credentials', async () => {
    const err = await failure(createCredentialSource('us-docker.pkg.dev', opts({}), {}).get('us-docker.pkg.dev'))
    expect(err.hint).toContain('gcp-workload-identity-provider')
  })
})

describe('GHCR and basic registries', () => {
  test('ghcr.io uses github-token as the actor', async () => {
    const src = createCredentialSource('ghcr.io', opts({ githubToken: 'ghs_token_value', actor: 'octocat' }))
    expect(src.description).toBe('GHCR with github-token as octocat')
    expect(await src.get('ghcr.io')).toEqual({ username: 'octocat', password: 'ghs_token_value' })
    expect(pushRefusalHint('ghcr.io', opts({}))).toContain('permissions: packages: write')
  })

  test('GHES container host through github-server-url', () => {
    expect(createCredentialSource('containers.ghe.example.com', opts({ githubToken: 't', githubServerUrl: 'https://ghe.example.com' })).description).toContain(
      'GHCR'
    )
  })

  test('username/password; anonymous without; half a pair is an input error', async () => {
    expect(await createCredentialSource('harbor.example.com', opts({ username: 'robot$ci', password: 'pw' })).get('harbor.example.com')).toEqual({
      username: 'robot$ci',
      password: 'pw'
    })
    const anon = createCredentialSource('registry.example.com', opts({}))
    expect(anon.description).toContain('anonymous')
    expect(await anon.get('registry.example.com')).toBeUndefined()
    expect(() => createCredentialSource('docker.io', opts({ username: 'me' }))).toThrow(/without a password/)
    expect(() => createCredentialSource('docker.io', opts({ login: 'nope' }))).toThrow(InputError)
  })

  test('push refusal hints per provider', () => {
    expect(pushRefusalHint(ECR_HOST, opts({}))).toContain('ecr:GetDownloadUrlForLayer on arn:aws:ecr:eu-west-3:123456789012:repository/REPOSITORY')
    expect(pushRefusalHint('public.ecr.aws', opts({}))).toContain('sts:GetServiceBearerToken')
    expect(pushRefusalHint('x.azurecr.io', opts({}))).toContain('AcrPush')
    expect(pushRefusalHint('us-docker.pkg.dev', opts({}))).toContain('roles/artifactregistry.writer')
    expect(pushRefusalHint('docker.io', opts({ username: 'me', password: 'p' }))).toContain('me may push')
  })
})
