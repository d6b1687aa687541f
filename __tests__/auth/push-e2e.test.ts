/**
 * End to end: each cloud login against its emulators, then a real push (skopeo)
 * to the real Distribution registry, whose htpasswd holds exactly the
 * credential the emulated cloud issued (registered by the emulator itself).
 * The credential reaches skopeo through the Docker config.json that
 * `docker-config: true` writes, and the post-step cleanup removes it.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, promises as fs } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { createCredentialSource, type LoginOptions } from '../../src/auth'
import { cleanupDockerConfig, dockerConfigPath, writeDockerConfig } from '../../src/auth/docker-config'
import type { Credential } from '../../src/oci/credentials'
import { startAws, type AwsEmulator } from '../support/emulators/aws'
import { startAcr, startEntra, type AcrEmulator, type EntraEmulator } from '../support/emulators/azure'
import { ociLayout, startHtpasswdRegistry, type HtpasswdRegistry } from '../support/emulators/distribution'
import { startGitHubOidc, type GitHubOidc } from '../support/emulators/github-oidc'
import { startGoogle, type GoogleEmulator } from '../support/emulators/google'

const run = promisify(execFile)
const ROLE = 'arn:aws:iam::123456789012:role/helm-publisher'
const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/github/providers/charts'
const SA = 'publisher@my-project.iam.gserviceaccount.com'

let reg: HtpasswdRegistry
let oidc: GitHubOidc
let aws: AwsEmulator
let entra: EntraEmulator
let acr: AcrEmulator
let google: GoogleEmulator
let layout: string

beforeAll(async () => {
  reg = await startHtpasswdRegistry()
  oidc = await startGitHubOidc({ repository: 'acme/charts' })
  // @actions/core's getIDToken reads the runner's variables from the process environment.
  Object.assign(process.env, oidc.env)
  aws = await startAws({ oidc, region: 'eu-west-3', roles: { [ROLE]: { subjects: ['repo:acme/charts:*'] } }, onIssue: reg.addUser })
  entra = await startEntra({ oidc, apps: { 'app-1': { tenantId: 'tenant-1', subject: 'repo:acme/charts:ref:refs/heads/main' } } })
  acr = await startAcr({ entra, tenantId: 'tenant-1', upstream: reg.url, onIssue: reg.addUser })
  google = await startGoogle({
    oidc,
    providers: { [PROVIDER]: { repositories: ['acme/charts'] } },
    serviceAccounts: { [SA]: { repositories: ['acme/charts'] } },
    onIssue: reg.addUser
  })
  layout = ociLayout()
})

afterAll(async () => {
  await Promise.all([reg, oidc, aws, entra, acr, google].map((e) => e?.stop()))
})

const env = (): NodeJS.ProcessEnv => ({ ...oidc.env, ...aws.env, ...entra.env })

/** The tag as Distribution stored it on disk (its storage layout, not our client, says the push landed). */
const storedTag = (repo: string): Promise<string> =>
  fs.readFile(path.join(reg.dir, 'data/docker/registry/v2/repositories', repo, '_manifests/tags/0.1.0/current/link'), 'utf8')

/** skopeo copy to host/repo; credentials from an authfile, or `user:pass`. */
async function push(host: string, repo: string, auth: { authfile: string } | { creds: string }): Promise<void> {
  const authArgs = 'authfile' in auth ? ['--dest-authfile', auth.authfile] : ['--dest-creds', auth.creds]
  await run(
    'skopeo',
    ['--insecure-policy', 'copy', '--retry-times', '0', '--dest-tls-verify=false', ...authArgs, `oci:${layout}:0.1.0`, `docker://${host}/${repo}:0.1.0`],
    { timeout: 30_000 }
  )
}

/** Login → docker-config → push through the written config.json → cleanup. */
async function loginAndPush(host: string, opts: LoginOptions, repo: string): Promise<Credential> {
  const src = createCredentialSource(host, opts, env())
  const cred = await src.get(host)
  expect(cred).toBeDefined()
  const dockerEnv = { DOCKER_CONFIG: mkdtempSync(path.join(os.tmpdir(), 'hop-e2e-dc-')) }
  const state = await writeDockerConfig(host, cred!, dockerEnv)
  try {
    await push(host, repo, { authfile: dockerConfigPath(dockerEnv) })
  } finally {
    await cleanupDockerConfig(state)
  }
  await expect(fs.access(dockerConfigPath(dockerEnv))).rejects.toThrow()
  return cred!
}

test('ECR: GitHub OIDC → STS → SigV4 GetAuthorizationToken → push as AWS', async () => {
  const cred = await loginAndPush(reg.host, { login: 'ecr', awsRegion: 'eu-west-3', awsRoleArn: ROLE }, 'charts/ecr')
  expect(cred.username).toBe('AWS')
})

test('ECR Public: us-east-1 token → push', async () => {
  const cred = await loginAndPush(reg.host, { login: 'ecr-public', awsRoleArn: ROLE }, 'charts/ecr-public')
  expect(cred.username).toBe('AWS')
  expect(aws.isValidEcrPassword(cred.password)).toBe(true)
  expect(await storedTag('charts/ecr-public')).toMatch(/^sha256:[0-9a-f]{64}$/)
})

test('GAR: direct workload identity federation and service-account impersonation → push as oauth2accesstoken', async () => {
  const base: LoginOptions = { login: 'gar', gcpWorkloadIdentityProvider: PROVIDER, gcpStsEndpoint: google.url, gcpIamCredentialsEndpoint: google.url }
  expect((await loginAndPush(reg.host, base, 'charts/gar-direct')).username).toBe('oauth2accesstoken')
  const sa = await loginAndPush(reg.host, { ...base, gcpServiceAccount: SA }, 'charts/gar-sa')
  expect(sa.username).toBe('oauth2accesstoken')
  expect(google.isValidAccessToken(sa.password)).toBe(true)
  expect(await storedTag('charts/gar-sa')).toMatch(/^sha256:[0-9a-f]{64}$/)
})

test('ACR: Entra client assertion → /oauth2/exchange → push with the null GUID and the refresh token', async () => {
  const src = createCredentialSource(acr.host, { login: 'acr', azureClientId: 'app-1', azureTenantId: 'tenant-1' }, env())
  const cred = await src.get(acr.host)
  // config.json holds it as identitytoken (for OAuth2 registries); this Basic registry takes it as the password.
  expect(cred).toMatchObject({ username: '00000000-0000-0000-0000-000000000000' })
  expect(acr.isValidRefreshToken(cred!.password)).toBe(true)
  await push(acr.host, 'charts/acr', { creds: `${cred!.username}:${cred!.password}` })
  expect(await storedTag('charts/acr')).toMatch(/^sha256:[0-9a-f]{64}$/)
})

test('GHCR-style and basic: the token / password the registry knows', async () => {
  reg.addUser('octocat', 'ghs_e2e_token_value')
  await loginAndPush(reg.host, { login: 'ghcr', githubToken: 'ghs_e2e_token_value', actor: 'octocat' }, 'acme/ghcr')
  reg.addUser('ci', 'basic-pass-123')
  const basic = await loginAndPush(reg.host, { login: 'basic', username: 'ci', password: 'basic-pass-123' }, 'acme/basic')
  expect(basic).toMatchObject({ username: 'ci', password: 'basic-pass-123' })
  expect(await storedTag('acme/ghcr')).toMatch(/^sha256:[0-9a-f]{64}$/)
  expect(await storedTag('acme/basic')).toBe(await storedTag('acme/ghcr'))
})

test('wrong password: the registry refuses the push', async () => {
  reg.addUser('ci2', 'right-password')
  await expect(loginAndPush(reg.host, { login: 'basic', username: 'ci2', password: 'wrong-password' }, 'acme/wrong')).rejects.toThrow(
    /unauthorized|authentication required/i
  )
})

test('refresh mid-run: the registry drops the old ECR password, a refreshed login pushes again', async () => {
  const src = createCredentialSource(reg.host, { login: 'ecr', awsRegion: 'eu-west-3', awsRoleArn: ROLE }, env())
  const first = await src.get(reg.host)
  await push(reg.host, 'charts/refresh', { creds: `AWS:${first!.password}` })
  const second = await src.get(reg.host, { refresh: true })
  expect(second!.password).not.toBe(first!.password)
  await expect(push(reg.host, 'charts/refresh', { creds: `AWS:${first!.password}` })).rejects.toThrow(/unauthorized|authentication required/i)
  await push(reg.host, 'charts/refresh', { creds: `AWS:${second!.password}` })
})
