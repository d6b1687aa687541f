/**
 * Logging in without long-lived secrets: picks the method from the registry
 * host (`login: auto`) or the `login` input, and returns a lazy
 * CredentialSource (no network until the registry asks for a credential).
 */
import { InputError } from '../errors'
import type { CredentialSource } from '../oci/credentials'
import { acrCredentialSource } from './acr'
import { basicCredentialSource } from './basic'
import { AZURE_CLOUDS, detectRegistry, hostname, type Detected, type Provider } from './detect'
import { ecrCredentialSource } from './ecr'
import { garCredentialSource } from './gcp'
import { ghcrCredentialSource } from './ghcr'

export { writeDockerConfig, cleanupDockerConfig } from './docker-config'
export type { Provider } from './detect'

export interface LoginOptions {
  /** auto | ghcr | ecr | ecr-public | acr | gar | basic | anonymous */
  login: string
  username?: string
  password?: string
  githubToken?: string
  actor?: string
  githubServerUrl?: string
  awsRoleArn?: string
  awsRegion?: string
  azureClientId?: string
  azureTenantId?: string
  gcpWorkloadIdentityProvider?: string
  gcpServiceAccount?: string
  /** Base URL of Google STS (input `gcp-sts-endpoint`, default https://sts.googleapis.com). */
  gcpStsEndpoint?: string
  /** Base URL of IAM Credentials (input `gcp-iam-credentials-endpoint`, default https://iamcredentials.googleapis.com). */
  gcpIamCredentialsEndpoint?: string
}

const METHODS: readonly Provider[] = ['ghcr', 'ecr', 'ecr-public', 'acr', 'gar', 'basic', 'anonymous']

/** The method `opts.login` selects for `host`, with what detection read from the host. */
export function resolveLogin(host: string, opts: LoginOptions): Detected {
  const detected = detectRegistry(host, opts.githubServerUrl)
  const login = (opts.login || 'auto').toLowerCase()
  if (login === 'auto') return detected
  if (!(METHODS as readonly string[]).includes(login)) {
    throw new InputError(`login "${opts.login}" is not one of auto, ${METHODS.join(', ')}`, {
      hint: 'Leave `login` at `auto` unless the registry host hides its kind'
    })
  }
  const provider = login as Provider
  return detected.provider === provider ? detected : { ...detected, provider }
}

function awsRegion(host: string, d: Detected, opts: LoginOptions, env: NodeJS.ProcessEnv): string {
  const region = opts.awsRegion || d.region || env.AWS_REGION || env.AWS_DEFAULT_REGION
  if (!region) {
    throw new InputError(`cannot tell the AWS region of ${host}`, {
      registry: host,
      hint: 'Set the `aws-region` input (or use the ACCOUNT.dkr.ecr.REGION.amazonaws.com host name)'
    })
  }
  return region
}

export function createCredentialSource(host: string, opts: LoginOptions, env: NodeJS.ProcessEnv = process.env): CredentialSource {
  const d = resolveLogin(host, opts)
  switch (d.provider) {
    case 'ghcr':
      return ghcrCredentialSource(host, opts)
    case 'ecr':
      return ecrCredentialSource(
        { host, public: false, region: awsRegion(host, d, opts, env), fips: d.fips, roleArn: opts.awsRoleArn, account: d.account },
        env
      )
    case 'ecr-public':
      return ecrCredentialSource({ host, public: true, region: 'us-east-1', roleArn: opts.awsRoleArn }, env)
    case 'acr': {
      const clientId = opts.azureClientId || env.AZURE_CLIENT_ID
      const tenantId = opts.azureTenantId || env.AZURE_TENANT_ID
      if (opts.password) {
        // Service principal (appId / secret), admin user or repository-scoped token.
        return basicCredentialSource(host, { username: opts.username || clientId, password: opts.password })
      }
      if (!clientId || !tenantId) {
        throw new InputError(`logging in to Azure Container Registry ${host} needs azure-client-id and azure-tenant-id (or username/password)`, {
          registry: host,
          hint: 'Set `azure-client-id` and `azure-tenant-id` of an app or managed identity with a federated credential for this workflow, and `permissions: id-token: write`'
        })
      }
      return acrCredentialSource({ host, clientId, tenantId, cloud: d.azure ?? AZURE_CLOUDS.io }, env)
    }
    case 'gar':
      if (opts.password && !opts.gcpWorkloadIdentityProvider)
        return basicCredentialSource(host, { username: opts.username || 'oauth2accesstoken', password: opts.password })
      return garCredentialSource(
        {
          host,
          workloadIdentityProvider: opts.gcpWorkloadIdentityProvider,
          serviceAccount: opts.gcpServiceAccount,
          stsEndpoint: opts.gcpStsEndpoint,
          iamCredentialsEndpoint: opts.gcpIamCredentialsEndpoint
        },
        env
      )
    case 'anonymous':
      return { description: 'anonymous', get: async () => undefined }
    case 'basic':
    default:
      return basicCredentialSource(host, opts)
  }
}

/** What to do when the registry refused a push (HTTP 401/403) with the credential the login produced. */
export function pushRefusalHint(host: string, opts: LoginOptions): string | undefined {
  let d: Detected
  try {
    d = resolveLogin(host, opts)
  } catch {
    return undefined
  }
  switch (d.provider) {
    case 'ghcr':
      return 'Add `permissions: packages: write` to the job; if the package already exists and was created elsewhere, also give this repository Write access under the package settings → Manage Actions access'
    case 'ecr':
      return (
        'Allow the IAM role ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage, ' +
        `ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on arn:aws:ecr:${d.region ?? 'REGION'}:${d.account ?? 'ACCOUNT'}:repository/REPOSITORY, and create the repository first (ECR does not create repositories on push)`
      )
    case 'ecr-public':
      return 'Allow the IAM role ecr-public:GetAuthorizationToken, sts:GetServiceBearerToken, ecr-public:BatchCheckLayerAvailability, ecr-public:InitiateLayerUpload, ecr-public:UploadLayerPart, ecr-public:CompleteLayerUpload and ecr-public:PutImage on the repository, and create the repository first'
    case 'acr':
      return `Assign the AcrPush role on ${hostname(host)} to the identity (registries with repository permissions (ABAC) need "Container Registry Repository Writer" instead)`
    case 'gar':
      return 'Grant roles/artifactregistry.writer on the repository to the service account (or to the workload identity principal when no service account is impersonated)'
    case 'anonymous':
      return 'No credentials were used: set `username` and `password` (pull requests from forks receive no secrets)'
    case 'basic':
    default:
      return opts.username || opts.password
        ? `Check that ${opts.username ?? 'the user'} may push to this repository and that the password or token is valid and has write scope`
        : 'No credentials were given: set `username` and `password` (pull requests from forks receive no secrets)'
  }
}
