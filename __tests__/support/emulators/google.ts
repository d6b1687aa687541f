/**
 * Google STS (POST /v1/token, JSON or form, RFC 8693) and IAM Credentials
 * (POST /v1/projects/-/serviceAccounts/SA:generateAccessToken) on one loopback
 * endpoint: use it as `gcp-sts-endpoint` / `gcp-iam-credentials-endpoint`, or
 * as token_url / service_account_impersonation_url of an external_account file.
 */
import type { GitHubOidc } from './github-oidc'
import { form, randomToken, serve, type Emulator } from './server'

export interface GoogleOptions {
  oidc: GitHubOidc
  /** Provider resource path → allowed repositories (its attribute condition). */
  providers: Record<string, { repositories: string[] }>
  /** Service account email → repositories whose principalSet holds roles/iam.workloadIdentityUser on it. */
  serviceAccounts?: Record<string, { repositories: string[] }>
  federatedTokenSeconds?: number
  accessTokenSeconds?: number
  /** Called with every access token issued, as the registry login `oauth2accesstoken` would use it. */
  onIssue?: (username: string, password: string) => void
}

export interface GoogleEmulator extends Emulator {
  /** Access tokens issued (federated and impersonated) → {expiresAt, principal}. */
  tokens: Map<string, { expiresAt: number; kind: 'federated' | 'service-account'; principal: string }>
  isValidAccessToken(token: string | undefined, kind?: 'federated' | 'service-account'): boolean
  stsCalls: number
  iamCalls: number
}

export async function startGoogle(opts: GoogleOptions): Promise<GoogleEmulator> {
  const tokens: GoogleEmulator['tokens'] = new Map()
  const state = { stsCalls: 0, iamCalls: 0 }
  const em = await serve((req) => {
    if (req.method === 'POST' && req.url.pathname === '/v1/token') {
      state.stsCalls++
      const isJson = String(req.headers['content-type']).startsWith('application/json')
      const b: Record<string, string> = isJson ? (JSON.parse(req.body.toString()) as Record<string, string>) : form(req)
      const get = (camel: string, snake: string): string | undefined => b[camel] ?? b[snake]
      if (get('grantType', 'grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange')
        return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Unsupported grant type.' } }
      if (get('subjectTokenType', 'subject_token_type') !== 'urn:ietf:params:oauth:token-type:jwt')
        return { status: 400, body: { error: 'invalid_request', error_description: 'Invalid subject token type.' } }
      const audience = get('audience', 'audience') ?? ''
      const path = audience.replace(/^\/\/iam\.googleapis\.com\//, '')
      const provider = opts.providers[path]
      if (!audience.startsWith('//iam.googleapis.com/') || !provider)
        return {
          status: 400,
          body: {
            error: 'invalid_target',
            error_description:
              'The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn\'t exist.'
          }
        }
      let claims: Record<string, unknown>
      try {
        claims = opts.oidc.verify(get('subjectToken', 'subject_token') ?? '', `https://iam.googleapis.com/${path}`)
      } catch (err) {
        return {
          status: 400,
          body: {
            error: 'invalid_grant',
            error_description: `The audience in ID Token does not match the expected audience, or the token is invalid: ${(err as Error).message}`
          }
        }
      }
      if (!provider.repositories.includes(String(claims.repository)))
        return { status: 400, body: { error: 'unauthorized_client', error_description: 'The given credential is rejected by the attribute condition.' } }
      const token = randomToken('ya29.d.', 40)
      const life = opts.federatedTokenSeconds ?? 3599
      tokens.set(token, { expiresAt: Date.now() + life * 1000, kind: 'federated', principal: String(claims.repository) })
      opts.onIssue?.('oauth2accesstoken', token)
      return {
        status: 200,
        body: { access_token: token, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: life }
      }
    }
    const m = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/.exec(req.url.pathname)
    if (req.method === 'POST' && m) {
      state.iamCalls++
      const sa = decodeURIComponent(m[1])
      const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '')
      const fed = tokens.get(bearer)
      if (!fed || fed.kind !== 'federated' || fed.expiresAt < Date.now())
        return { status: 401, body: { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } } }
      const body = JSON.parse(req.body.toString() || '{}') as { scope?: string[]; lifetime?: string }
      if (!Array.isArray(body.scope) || !body.scope.includes('https://www.googleapis.com/auth/cloud-platform'))
        return { status: 400, body: { error: { code: 400, message: 'scope missing', status: 'INVALID_ARGUMENT' } } }
      const allowed = opts.serviceAccounts?.[sa]?.repositories.includes(fed.principal)
      if (!allowed)
        return {
          status: 403,
          body: {
            error: {
              code: 403,
              message: "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
              status: 'PERMISSION_DENIED'
            }
          }
        }
      const token = randomToken('ya29.c.', 40)
      const expiresAt = Date.now() + (opts.accessTokenSeconds ?? 3600) * 1000
      tokens.set(token, { expiresAt, kind: 'service-account', principal: sa })
      opts.onIssue?.('oauth2accesstoken', token)
      return { status: 200, body: { accessToken: token, expireTime: new Date(expiresAt).toISOString() } }
    }
    return { status: 404, body: { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } } }
  })
  return {
    ...em,
    tokens,
    issuedSecrets: () => [...tokens.keys()],
    isValidAccessToken: (t, kind) => {
      const rec = t ? tokens.get(t) : undefined
      return Boolean(rec && rec.expiresAt > Date.now() && (!kind || rec.kind === kind))
    },
    get stsCalls() {
      return state.stsCalls
    },
    get iamCalls() {
      return state.iamCalls
    }
  }
}
