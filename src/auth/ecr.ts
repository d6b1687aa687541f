/**
 * Amazon ECR and ECR Public: AWS credentials → GetAuthorizationToken (awsJson1_1
 * signed with SigV4) → registry login `AWS` / password. ECR Public's token API
 * exists only in us-east-1.
 */
import { AuthError } from '../errors'
import { sendWithRetry } from '../http'
import type { Credential, CredentialSource } from '../oci/credentials'
import { CredentialCache } from './cache'
import { awsCredentialSource } from './aws/credentials'
import { awsEndpoint } from './aws/endpoints'
import { signRequest, type AwsCredentials } from './aws/sigv4'
import { maskCredential, maskSecret, scrubSecrets } from './mask'
import { sameHost } from './source'

const TARGET = { ecr: 'AmazonEC2ContainerRegistry_V20150921', 'ecr-public': 'SpencerFrontendService' }

export interface EcrOptions {
  host: string
  public: boolean
  region: string
  fips?: boolean
  roleArn?: string
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

export async function getAuthorizationToken(
  service: 'ecr' | 'ecr-public',
  endpoint: URL,
  region: string,
  creds: AwsCredentials
): Promise<{ username: string; password: string; expiresAt?: number; proxyEndpoint?: string }> {
  const body = '{}'
  const signed = signRequest({
    method: 'POST',
    url: endpoint,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET[service]}.GetAuthorizationToken` },
    body,
    region,
    service,
    credentials: creds,
    contentSha256: true
  })
  const res = await sendWithRetry({ method: 'POST', url: endpoint, headers: { ...signed.headers, 'user-agent': 'helm-oci-publish' }, body })
  const text = res.body.toString()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    /* reported below */
  }
  const api = service === 'ecr' ? 'ECR' : 'ECR Public'
  if (res.status !== 200) {
    const headerType = res.headers['x-amzn-errortype']
    const code = awsJsonErrorCode((json.__type as string) ?? (Array.isArray(headerType) ? headerType[0] : headerType)) ?? `HTTP ${res.status}`
    const message = (json.message ?? json.Message ?? scrubSecrets(text).slice(0, 200)) as string
    throw new AuthError(`AWS ${api} GetAuthorizationToken failed: ${code}: ${message}`, { hint: ecrTokenHint(service, code) })
  }
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
  const purpose = `Logging in to ${opts.public ? 'Amazon ECR Public' : 'Amazon ECR'} ${opts.host}`
  const aws = awsCredentialSource({ roleArn: opts.roleArn, region: apiRegion, fips: opts.fips, purpose }, env)
  const cache = new CredentialCache(async () => {
    // A new registry token is only needed when the old one expired or was refused:
    // take fresh AWS credentials too (a new STS session for the role path).
    const awsCreds = await aws.get()
    const tok = await getAuthorizationToken(service, awsEndpoint(service, apiRegion, env, opts.fips), apiRegion, awsCreds)
    const credential: Credential = maskCredential({ username: tok.username, password: tok.password })
    const expiresAt = [tok.expiresAt, awsCreds.expiresAt].filter((t): t is number => t !== undefined)
    return { credential, expiresAt: expiresAt.length ? Math.min(...expiresAt) : undefined }
  })
  return {
    description: `${opts.public ? 'Amazon ECR Public' : `Amazon ECR (${opts.region})`} with ${aws.description}`,
    get: async (host, o) => (sameHost(host, opts.host) ? cache.get(o?.refresh) : undefined)
  }
}
