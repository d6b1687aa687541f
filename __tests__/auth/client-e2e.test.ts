/**
 * End to end through the action's own RegistryClient (src/oci/client.ts) and
 * the shared registry support (__tests__/support/registry.ts, token mode):
 * the registry's token issuer accepts exactly the credential the emulated cloud
 * issued, and the client obtains it from our CredentialSource on the challenge.
 * `pushSmall` is the only place that assumes RegistryClient method names.
 */
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { RegistryClient } from '../../src/oci/client'
import { startRegistry } from '../support/registry'
import { createCredentialSource, type LoginOptions } from '../../src/auth'
import type { CredentialSource } from '../../src/oci/credentials'
import { startAws, type AwsEmulator } from '../support/emulators/aws'
import { startAcr, startEntra, type AcrEmulator, type EntraEmulator } from '../support/emulators/azure'
import { startGitHubOidc, type GitHubOidc } from '../support/emulators/github-oidc'
import { startGoogle, type GoogleEmulator } from '../support/emulators/google'

type AuthorizeReq = { username?: string; password?: string; refreshToken?: string }
type TestRegistry = Awaited<ReturnType<typeof startRegistry>>

const ROLE = 'arn:aws:iam::123456789012:role/helm-publisher'
const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/github/providers/charts'
const SA = 'publisher@my-project.iam.gserviceaccount.com'

/** One blob + an OCI manifest referencing it, through whatever the client names these calls. */
async function pushSmall(client: any, repository: string): Promise<void> {
  const config = Buffer.from('{"name":"auth-e2e","version":"0.1.0"}')
  const layer = Buffer.from(`layer ${Math.random()}`)
  const desc = (b: Buffer, mediaType: string) => ({ mediaType, digest: `sha256:${createHash('sha256').update(b).digest('hex')}`, size: b.length })
  const cfg = desc(config, 'application/vnd.cncf.helm.config.v1+json')
  const lay = desc(layer, 'application/vnd.cncf.helm.chart.content.v1.tar+gzip')
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: cfg, layers: [lay] }))
  const blob = client.pushBlob ?? client.uploadBlob
  const put = client.putManifest ?? client.pushManifest
  if (!blob || !put) throw new Error(`RegistryClient has ${Object.getOwnPropertyNames(Object.getPrototypeOf(client)).join(', ')}: adapt pushSmall`)
  for (const [d, b] of [
    [cfg, config],
    [lay, layer]
  ] as const)
    await blob.call(client, repository, { digest: d.digest, size: d.size, open: () => Readable.from(b) }, b)
  await put.call(client, repository, '0.1.0', { mediaType: 'application/vnd.oci.image.manifest.v1+json', bytes: manifest }, manifest)
}

describe('push through RegistryClient with each cloud credential', () => {
  let oidc: GitHubOidc
  let aws: AwsEmulator
  let entra: EntraEmulator
  let google: GoogleEmulator
  const started: Array<{ stop(): Promise<void> }> = []

  beforeAll(async () => {
    oidc = await startGitHubOidc({ repository: 'acme/charts' })
    // @actions/core's getIDToken reads the runner's variables from the process environment.
    Object.assign(process.env, oidc.env)
    aws = await startAws({ oidc, region: 'eu-west-3', roles: { [ROLE]: { subjects: ['repo:acme/charts:*'] } }, ecrTokenSeconds: 2 })
    entra = await startEntra({ oidc, apps: { 'app-1': { tenantId: 'tenant-1', subject: 'repo:acme/charts:ref:refs/heads/main' } } })
    google = await startGoogle({
      oidc,
      providers: { [PROVIDER]: { repositories: ['acme/charts'] } },
      serviceAccounts: { [SA]: { repositories: ['acme/charts'] } }
    })
    started.push(oidc, aws, entra, google)
  })
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()))
  })

  const env = (): NodeJS.ProcessEnv => ({ ...oidc.env, ...aws.env, ...entra.env })

  async function registry(authorize: (req: AuthorizeReq) => boolean): Promise<TestRegistry> {
    const reg = await startRegistry({ auth: 'token', token: { authorize } })
    started.push(reg)
    return reg
  }

  /** The push landed (Distribution's own storage says so) with a push-scoped token issued to `username`. */
  function expectPushed(reg: TestRegistry, repo: string, username: string): void {
    const link = path.join(reg.dataDir, 'docker/registry/v2/repositories', repo, '_manifests/tags/0.1.0/current/link')
    expect(readFileSync(link, 'utf8')).toMatch(/^sha256:[0-9a-f]{64}$/)
    const pushGrants = reg.tokenRequests.filter((r) => r.scope.some((s) => s.startsWith(`repository:${repo}:`) && s.includes('push')))
    expect(pushGrants.map((r) => r.username)).toContain(username)
  }

  function client(host: string, credentials: CredentialSource): any {
    return new RegistryClient({ host, plainHttp: true, credentials, userAgent: 'helm-oci-publish-test' })
  }

  test('ECR (role via OIDC), and a token that expires between charts is renewed', async () => {
    const reg = await registry((r) => r.username === 'AWS' && aws.isValidEcrPassword(r.password))
    const opts: LoginOptions = { login: 'ecr', awsRegion: 'eu-west-3', awsRoleArn: ROLE }
    const c = client(reg.host, createCredentialSource(reg.host, opts, env()))
    await pushSmall(c, 'charts/one')
    const before = aws.ecrCalls
    await new Promise((r) => setTimeout(r, 2100))
    await pushSmall(c, 'charts/two')
    expect(aws.ecrCalls).toBeGreaterThan(before)
  })

  test('ECR Public', async () => {
    const reg = await registry((r) => r.username === 'AWS' && aws.isValidEcrPassword(r.password))
    await pushSmall(client(reg.host, createCredentialSource(reg.host, { login: 'ecr-public', awsRoleArn: ROLE }, env())), 'charts/public')
    expectPushed(reg, 'charts/public', 'AWS')
  })

  test('GAR direct and impersonated', async () => {
    const reg = await registry((r) => r.username === 'oauth2accesstoken' && google.isValidAccessToken(r.password))
    const base: LoginOptions = { login: 'gar', gcpWorkloadIdentityProvider: PROVIDER, gcpStsEndpoint: google.url, gcpIamCredentialsEndpoint: google.url }
    await pushSmall(client(reg.host, createCredentialSource(reg.host, base, env())), 'p/r/direct')
    await pushSmall(client(reg.host, createCredentialSource(reg.host, { ...base, gcpServiceAccount: SA }, env())), 'p/r/sa')
    expectPushed(reg, 'p/r/direct', 'oauth2accesstoken')
    expectPushed(reg, 'p/r/sa', 'oauth2accesstoken')
  })

  test('ACR: the login server front serves /oauth2/exchange, the registry token issuer takes the refresh token', async () => {
    let acr!: AcrEmulator
    const reg = await registry((r) => acr.isValidRefreshToken(r.refreshToken ?? r.password))
    acr = await startAcr({ entra, tenantId: 'tenant-1', upstream: reg.url })
    started.push(acr)
    await pushSmall(client(acr.host, createCredentialSource(acr.host, { login: 'acr', azureClientId: 'app-1', azureTenantId: 'tenant-1' }, env())), 'helm/acr')
    expect(readFileSync(path.join(reg.dataDir, 'docker/registry/v2/repositories/helm/acr/_manifests/tags/0.1.0/current/link'), 'utf8')).toMatch(/^sha256:/)
    // ACR's token endpoint takes the refresh token (OAuth2 refresh_token grant), not a password.
    const grants = reg.tokenRequests.filter((r) => r.scope.some((s) => s.startsWith('repository:helm/acr:') && s.includes('push')))
    expect(grants.length).toBeGreaterThan(0)
    for (const g of grants) expect(acr.isValidRefreshToken(g.refreshToken ?? g.password)).toBe(true)
  })
})
