/**
 * Amazon ECR and ECR Public: AWS credentials → GetAuthorizationToken (awsJson1_1
 * signed with SigV4) → registry login `AWS` / password. ECR Public's token API
 * exists only in us-east-1. With the same credentials, repositories are
 * created on demand (CreateRepository of ECR, or of ECR Public in us-east-1).
 */
import { AuthError, RegistryError } from '../errors'
import { warning as warn } from '../report/log'
import type { Credential, CredentialSource, RepositorySettings } from '../oci/credentials'
import { CredentialCache } from './cache'
import { awsCredentialSource } from './aws/credentials'
import { awsEndpoint } from './aws/endpoints'
import { signRequest, type AwsCredentials } from './aws/sigv4'
import { maskCredential, maskSecret, scrubSecrets } from './mask'
import { callService, fieldText, sameHost } from './source'

const TARGET = { ecr: 'AmazonEC2ContainerRegistry_V20150921', 'ecr-public': 'SpencerFrontendService' }
const ENDPOINT_VARIABLE = { ecr: 'AWS_ENDPOINT_URL_ECR', 'ecr-public': 'AWS_ENDPOINT_URL_ECR_PUBLIC' }

export interface EcrOptions {
  host: string
  public: boolean
  region: string
  fips?: boolean
  roleArn?: string
  /** Account id from the registry host: the registry the repository API calls address. */
  account?: string
}

interface AuthData {
  authorizationToken?: string
  expiresAt?: number
  proxyEndpoint?: string
}

/** `x-amzn-ErrorType` / `__type` look like `ns#Code:extra`; keep `Code`. */
export function awsJsonErrorCode(type: string | undefined): string | undefined {
  if (!type) return undefined
  return type.split(':')[0].split('#').pop()
}

/** One awsJson1_1 call to ECR or ECR Public, signed with SigV4: the parsed body, or the AWS error code and message. */
export async function ecrApiCall(
  service: 'ecr' | 'ecr-public',
  endpoint: URL,
  region: string,
  creds: AwsCredentials,
  action: string,
  payload: object = {}
): Promise<{ ok: true; json: Record<string, unknown> } | { ok: false; code: string; message: string }> {
  const body = JSON.stringify(payload)
  const signed = signRequest({
    method: 'POST',
    url: endpoint,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET[service]}.${action}` },
    body,
    region,
    service,
    credentials: creds,
    contentSha256: true
  })
  const api = {
    name: `AWS ${service === 'ecr' ? 'ECR' : 'ECR Public'} at ${endpoint.origin}`,
    setting: `${ENDPOINT_VARIABLE[service]} (or the region)`,
    during: ` (${action})`
  }
  const res = await callService(api, { method: 'POST', url: endpoint, headers: { ...signed.headers, 'user-agent': 'helm-oci-publish' }, body })
  const text = res.body.toString()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    /* reported below */
  }
  if (res.status === 200) return { ok: true, json }
  const headerType = res.headers['x-amzn-errortype']
  const code = awsJsonErrorCode((json.__type as string) ?? (Array.isArray(headerType) ? headerType[0] : headerType)) ?? `HTTP ${res.status}`
  return { ok: false, code, message: (json.message ?? json.Message ?? scrubSecrets(text).slice(0, 200)) as string }
}

export async function getAuthorizationToken(
  service: 'ecr' | 'ecr-public',
  endpoint: URL,
  region: string,
  creds: AwsCredentials
): Promise<{ username: string; password: string; expiresAt?: number; proxyEndpoint?: string }> {
  const api = service === 'ecr' ? 'ECR' : 'ECR Public'
  const res = await ecrApiCall(service, endpoint, region, creds, 'GetAuthorizationToken')
  if (!res.ok) throw new AuthError(`AWS ${api} GetAuthorizationToken failed: ${res.code}: ${res.message}`, { hint: ecrTokenHint(service, res.code) })
  const json = res.json
  const raw = json.authorizationData
  const data = (Array.isArray(raw) ? raw[0] : raw) as AuthData | undefined
  const token = data?.authorizationToken
  if (!token) throw new AuthError(`AWS ${api} GetAuthorizationToken answered without an authorization token`)
  maskSecret(token)
  const decoded = Buffer.from(token, 'base64').toString()
  const colon = decoded.indexOf(':')
  if (colon < 0) throw new AuthError(`AWS ${api} returned an authorization token that is not user:password`)
  const password = decoded.slice(colon + 1)
  maskSecret(password)
  maskSecret(decoded)
  return {
    username: decoded.slice(0, colon),
    password,
    expiresAt: typeof data.expiresAt === 'number' ? data.expiresAt * 1000 : undefined,
    proxyEndpoint: data.proxyEndpoint
  }
}

function ecrTokenHint(service: 'ecr' | 'ecr-public', code: string): string {
  if (code === 'AccessDeniedException') {
    return service === 'ecr'
      ? 'Allow ecr:GetAuthorizationToken on resource "*" in the role\'s IAM policy'
      : 'Allow ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken on resource "*" in the role\'s IAM policy'
  }
  if (code === 'UnrecognizedClientException' || code === 'InvalidSignatureException' || code === 'ExpiredTokenException') {
    return 'The AWS credentials are invalid or expired; if they come from the environment, include AWS_SESSION_TOKEN with temporary keys'
  }
  if (code === 'UnsupportedCommandException') return 'ECR Public tokens come only from us-east-1'
  return 'See the AWS error above'
}

export function ecrCredentialSource(opts: EcrOptions, env: NodeJS.ProcessEnv): CredentialSource {
  const service = opts.public ? 'ecr-public' : 'ecr'
  const apiRegion = opts.public ? 'us-east-1' : opts.region
  const endpoint = (): URL => awsEndpoint(service, apiRegion, env, opts.fips)
  const purpose = `Logging in to ${opts.public ? 'Amazon ECR Public' : 'Amazon ECR'} ${opts.host}`
  const aws = awsCredentialSource({ roleArn: opts.roleArn, region: apiRegion, fips: opts.fips, purpose }, env)
  // The AWS credentials of the last login, shared with the repository API calls (one STS session, not two).
  let awsCreds: Promise<AwsCredentials> | undefined
  const currentAws = (fresh: boolean): Promise<AwsCredentials> => {
    if (fresh || !awsCreds) {
      const p = aws.get()
      awsCreds = p
      p.catch(() => {
        if (awsCreds === p) awsCreds = undefined
      })
    }
    return awsCreds
  }
  const cache = new CredentialCache(async () => {
    // A new registry token is only needed when the old one expired or was refused:
    // take fresh AWS credentials too (a new STS session for the role path).
    const creds = await currentAws(true)
    const tok = await getAuthorizationToken(service, endpoint(), apiRegion, creds)
    const credential: Credential = maskCredential({ username: tok.username, password: tok.password })
    const expiresAt = [tok.expiresAt, creds.expiresAt].filter((t): t is number => t !== undefined)
    return { credential, expiresAt: expiresAt.length ? Math.min(...expiresAt) : undefined }
  })
  const source: CredentialSource = {
    description: `${opts.public ? 'Amazon ECR Public' : `Amazon ECR (${opts.region})`} with ${aws.description}`,
    get: async (host, o) => (sameHost(host, opts.host) ? cache.get(o?.refresh) : undefined)
  }
  // Repository calls reuse the login's AWS credentials while they have a minute left.
  const repositoryCreds = async (): Promise<AwsCredentials> => {
    const creds = await currentAws(false)
    return creds.expiresAt !== undefined && creds.expiresAt < Date.now() + 60_000 ? currentAws(true) : creds
  }
  if (opts.public) {
    let warned = false
    source.createRepository = async (repository, settings) => {
      if (!warned && (settings.tagImmutability === 'immutable' || settings.scanOnPush)) {
        warned = true
        warn('ECR Public has no tag immutability or scan on push: repository-tag-immutability and repository-scan-on-push are ignored for its repositories')
      }
      return createEcrPublicRepository(endpoint(), await repositoryCreds(), { host: opts.host, repository })
    }
  } else {
    source.createRepository = async (repository, settings) =>
      createEcrRepository(endpoint(), opts.region, await repositoryCreds(), { host: opts.host, account: opts.account, repository, settings })
  }
  return source
}

/**
 * ECR refuses pushes to a repository that does not exist (aws/containers-roadmap#853):
 * CreateRepository with the requested settings; an existing repository is
 * left as it is, with a warning when its settings differ from the request.
 */
export async function createEcrRepository(
  endpoint: URL,
  region: string,
  creds: AwsCredentials,
  o: { host: string; account?: string; repository: string; settings: RepositorySettings }
): Promise<'created' | 'exists'> {
  const registryId = o.account ? { registryId: o.account } : {}
  const res = await ecrApiCall('ecr', endpoint, region, creds, 'CreateRepository', {
    ...registryId,
    repositoryName: o.repository,
    imageTagMutability: o.settings.tagImmutability === 'immutable' ? 'IMMUTABLE' : 'MUTABLE',
    imageScanningConfiguration: { scanOnPush: o.settings.scanOnPush }
  })
  if (res.ok) return 'created'
  if (res.code !== 'RepositoryAlreadyExistsException') {
    throw new RegistryError(`AWS ECR CreateRepository ${o.repository} failed: ${res.code}: ${res.message}`, {
      registry: o.host,
      code: res.code,
      hint:
        res.code === 'AccessDeniedException'
          ? `Allow ecr:CreateRepository on arn:aws:ecr:${region}:${o.account ?? 'ACCOUNT'}:repository/${o.repository} in the role's IAM policy, or create the repository beforehand`
          : 'See the AWS error above; or create the repository beforehand and drop create-repository'
    })
  }
  // Only to tell the user: an existing repository keeps its own settings.
  const described = await ecrApiCall('ecr', endpoint, region, creds, 'DescribeRepositories', { ...registryId, repositoryNames: [o.repository] })
  const repo = described.ok ? (described.json.repositories as Array<Record<string, unknown>> | undefined)?.[0] : undefined
  if (repo) {
    const mutability = fieldText(repo.imageTagMutability ?? 'MUTABLE').toLowerCase()
    const scan = Boolean((repo.imageScanningConfiguration as { scanOnPush?: boolean } | undefined)?.scanOnPush)
    if (!mutability.startsWith(o.settings.tagImmutability) || scan !== o.settings.scanOnPush) {
      warn(
        `ECR repository ${o.repository} already exists with ${mutability} tags and scan-on-push ${scan}; its settings are left as they are (requested: ${o.settings.tagImmutability}, ${o.settings.scanOnPush})`
      )
    }
  }
  return 'exists'
}

/**
 * ECR Public refuses pushes to a repository that does not exist too. Its
 * references are public.ecr.aws/ALIAS/NAME: the alias names the caller's
 * public registry, and CreateRepository (us-east-1 only) takes NAME alone.
 * An existing repository is fine as it is.
 */
export async function createEcrPublicRepository(endpoint: URL, creds: AwsCredentials, o: { host: string; repository: string }): Promise<'created' | 'exists'> {
  const slash = o.repository.indexOf('/')
  if (slash < 0) {
    throw new RegistryError(`cannot create ECR Public repository ${o.host}/${o.repository}: the reference has no registry alias`, {
      registry: o.host,
      hint: `ECR Public references are ${o.host}/ALIAS/NAME: set registry to oci://${o.host}/ALIAS (your registry alias) or oci://${o.host}/ALIAS/NAMESPACE`
    })
  }
  const alias = o.repository.slice(0, slash)
  const name = o.repository.slice(slash + 1)
  const res = await ecrApiCall('ecr-public', endpoint, 'us-east-1', creds, 'CreateRepository', { repositoryName: name })
  if (res.ok || res.code === 'RepositoryAlreadyExistsException') return res.ok ? 'created' : 'exists'
  throw new RegistryError(`AWS ECR Public CreateRepository ${name} (for ${o.host}/${alias}/${name}) failed: ${res.code}: ${res.message}`, {
    registry: o.host,
    code: res.code,
    hint:
      res.code === 'AccessDeniedException'
        ? `Allow ecr-public:CreateRepository on arn:aws:ecr-public::ACCOUNT:repository/${name} in the role's IAM policy, or create the repository beforehand`
        : res.code === 'LimitExceededException'
          ? 'The public registry has reached its repository quota: delete unused repositories or ask AWS for a higher quota'
          : 'See the AWS error above; or create the repository beforehand and drop create-repository'
  })
}
