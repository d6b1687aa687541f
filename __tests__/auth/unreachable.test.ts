/**
 * Login services and the GitHub attestations API that cannot be reached: each failure is a sentence
 * naming the service and its address, the cause (connection refused, DNS) and what to check, built
 * by the same function as the registry's. Each service is pointed at a closed loopback port or an
 * unresolvable `.invalid` host through its standard override (AWS_ENDPOINT_URL_*, AZURE_AUTHORITY_HOST,
 * gcp-*-endpoint, ACTIONS_ID_TOKEN_REQUEST_URL, GITHUB_API_URL); the services it passes first are the
 * loopback emulators.
 */
import { createCredentialSource, type LoginOptions } from '../../src/auth'
import { AuthError } from '../../src/errors'
import { storeAttestation } from '../../src/sign/github-attestations'
import { caught } from '../support/caught'
import { startEntra, type EntraEmulator } from '../support/emulators/azure'
import { startGitHubOidc, type GitHubOidc } from '../support/emulators/github-oidc'
import { startGoogle, type GoogleEmulator } from '../support/emulators/google'
import { freePort } from '../support/registry'

const ROLE = 'arn:aws:iam::123456789012:role/helm-publisher'
const ECR_HOST = '123456789012.dkr.ecr.eu-west-3.amazonaws.com'
const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/github/providers/charts'
const SA = 'publisher@my-project.iam.gserviceaccount.com'
const PROXY_HINT = 'and that the service runs there; on a self-hosted runner check HTTPS_PROXY and NO_PROXY'
const DNS_HINT = '; on a self-hosted runner check its DNS, or HTTPS_PROXY if only a proxy can reach it'

let oidc: GitHubOidc
let entra: EntraEmulator
let google: GoogleEmulator
let closed: string
const saved = { ...process.env }

beforeAll(async () => {
  oidc = await startGitHubOidc({ repository: 'acme/charts' })
  Object.assign(process.env, oidc.env)
  entra = await startEntra({ oidc, apps: { 'app-1': { tenantId: 'tenant-1', subject: 'repo:acme/charts:ref:refs/heads/main' } } })
  google = await startGoogle({
    oidc,
    providers: { [PROVIDER]: { repositories: ['acme/charts'] } },
    serviceAccounts: { [SA]: { repositories: ['acme/charts'] } }
  })
  closed = `127.0.0.1:${await freePort()}`
})

afterAll(async () => {
  process.env = saved
  await Promise.all([oidc, entra, google].map((e) => e?.stop()))
})

const opts = (o: Partial<LoginOptions>): LoginOptions => ({ login: 'auto', ...o })

async function loginFailure(host: string, o: Partial<LoginOptions>, env: NodeJS.ProcessEnv): Promise<AuthError> {
  const err = await caught(createCredentialSource(host, opts(o), env).get(host))
  expect(err).toBeInstanceOf(AuthError)
  return err as AuthError
}

describe('cloud logins', () => {
  test.concurrent('AWS STS on a closed port', async () => {
    const err = await loginFailure(ECR_HOST, { awsRoleArn: ROLE }, { ...oidc.env, AWS_ENDPOINT_URL_STS: `http://${closed}` })
    expect(err.message).toBe(`cannot reach AWS STS at http://${closed} (connection refused) after 6 attempts while assuming role ${ROLE}`)
    expect(err.hint).toBe(`Check AWS_ENDPOINT_URL_STS (or the region) ${PROXY_HINT}`)
  })

  test.concurrent('AWS STS on a host that does not resolve', async () => {
    const err = await loginFailure(ECR_HOST, { awsRoleArn: ROLE }, { ...oidc.env, AWS_ENDPOINT_URL_STS: 'https://sts.invalid' })
    expect(err.message).toBe(`host sts.invalid of AWS STS at https://sts.invalid does not resolve (DNS ENOTFOUND) while assuming role ${ROLE}`)
    expect(err.hint).toBe(`Check AWS_ENDPOINT_URL_STS (or the region)${DNS_HINT}`)
  })

  test.concurrent('AWS ECR GetAuthorizationToken on a closed port', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIAENVEXAMPLE', AWS_SECRET_ACCESS_KEY: 'env-secret-key-value', AWS_ENDPOINT_URL_ECR: `http://${closed}` }
    const err = await loginFailure(ECR_HOST, {}, env)
    expect(err.message).toBe(`cannot reach AWS ECR at http://${closed} (connection refused) after 6 attempts (GetAuthorizationToken)`)
    expect(err.hint).toBe(`Check AWS_ENDPOINT_URL_ECR (or the region) ${PROXY_HINT}`)
  })

  test.concurrent('Microsoft Entra ID on a host that does not resolve', async () => {
    const err = await loginFailure(
      'myreg.azurecr.io',
      { login: 'acr', azureClientId: 'app-1', azureTenantId: 'tenant-1' },
      {
        ...oidc.env,
        AZURE_AUTHORITY_HOST: 'https://login.invalid'
      }
    )
    expect(err.message).toBe(
      'host login.invalid of Microsoft Entra ID at https://login.invalid does not resolve (DNS ENOTFOUND) while requesting a token for client app-1'
    )
    expect(err.hint).toBe(`Check AZURE_AUTHORITY_HOST (or the registry's cloud)${DNS_HINT}`)
  })

  test.concurrent("ACR's token exchange on a closed port", async () => {
    const err = await loginFailure(closed, { login: 'acr', azureClientId: 'app-1', azureTenantId: 'tenant-1' }, { ...oidc.env, ...entra.env })
    expect(err.message).toBe(
      `cannot reach Azure Container Registry ${closed} (connection refused) after 6 attempts while exchanging the Entra token for a registry token`
    )
    expect(err.hint).toBe(`Check the registry input ${PROXY_HINT}`)
  })

  test.concurrent('Google STS on a closed port', async () => {
    const err = await loginFailure('us-docker.pkg.dev', { gcpWorkloadIdentityProvider: PROVIDER, gcpStsEndpoint: `http://${closed}` }, oidc.env)
    expect(err.message).toBe(
      `cannot reach Google STS at http://${closed} (connection refused) after 6 attempts while exchanging the token for //iam.googleapis.com/${PROVIDER}`
    )
    expect(err.hint).toBe(`Check gcp-sts-endpoint (or token_url in the credential file) ${PROXY_HINT}`)
  })

  test.concurrent('Google IAM Credentials on a host that does not resolve', async () => {
    const err = await loginFailure(
      'us-docker.pkg.dev',
      { gcpWorkloadIdentityProvider: PROVIDER, gcpStsEndpoint: google.url, gcpIamCredentialsEndpoint: 'https://iamcredentials.invalid', gcpServiceAccount: SA },
      oidc.env
    )
    expect(err.message).toBe(
      `host iamcredentials.invalid of Google IAM Credentials at https://iamcredentials.invalid does not resolve (DNS ENOTFOUND) while impersonating ${SA}`
    )
    expect(err.hint).toBe(`Check gcp-iam-credentials-endpoint (or service_account_impersonation_url in the credential file)${DNS_HINT}`)
  })
})

describe('the GitHub OIDC token request (@actions/core)', () => {
  // @actions/core reads the runner's variables from the process environment: these tests run one at a time.
  afterEach(() => Object.assign(process.env, oidc.env))

  test.each([
    [`http://CLOSED/token?api-version=2.0`, (c: string) => `cannot reach the GitHub OIDC token service at http://${c} (connection refused)`, 'refused'],
    [
      'https://token.actions.invalid/token?api-version=2.0',
      () => 'host token.actions.invalid of the GitHub OIDC token service at https://token.actions.invalid does not resolve (DNS ENOTFOUND)',
      'dns'
    ]
  ])('%s', async (url, sentence, kind) => {
    const env = { ...oidc.env, ACTIONS_ID_TOKEN_REQUEST_URL: url.replace('CLOSED', closed), AWS_ENDPOINT_URL_STS: `http://${closed}` }
    Object.assign(process.env, env)
    const err = await loginFailure(ECR_HOST, { awsRoleArn: ROLE }, env)
    expect(err.message).toBe(`${sentence(closed)} while logging in to Amazon ECR ${ECR_HOST}`)
    expect(err.hint).toBe(`Check ACTIONS_ID_TOKEN_REQUEST_URL (the runner sets it)${kind === 'dns' ? DNS_HINT : ` ${PROXY_HINT}`}`)
    // The request token never appears in the sentence.
    expect(err.message).not.toContain(oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
  })
})

describe('the GitHub attestations API', () => {
  const bundle = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' } as unknown as Parameters<typeof storeAttestation>[0]

  test.each([
    ['CLOSED', (c: string) => `cannot reach the GitHub API at http://${c}/api/v3 (connection refused) after 6 attempts`, 'refused'],
    ['api.github.invalid', () => 'host api.github.invalid of the GitHub API at http://api.github.invalid/api/v3 does not resolve (DNS ENOTFOUND)', 'dns']
  ])('on %s: a warning that says what could not be reached and what to check', async (host, sentence, kind) => {
    const apiUrl = `http://${host.replace('CLOSED', closed)}/api/v3`
    const res = await storeAttestation(bundle, 'ghs_token', { repository: 'acme/charts', apiUrl })
    const hint =
      kind === 'dns'
        ? `Check GITHUB_API_URL (github-server-url on GitHub Enterprise Server)${DNS_HINT}`
        : `Check GITHUB_API_URL (github-server-url on GitHub Enterprise Server) ${PROXY_HINT}`
    expect(res.warning).toBe(
      `GitHub did not store the provenance attestation: ${sentence(closed)}. ${hint}; the attestation is in the registry for \`gh attestation verify --bundle-from-oci\``
    )
    expect(res.id).toBeUndefined()
  })
})
