/**
 * GitHub Actions' OIDC token endpoint as the runner exposes it:
 * GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=… with Bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN
 * → {"value": JWT}. Also serves the issuer's discovery document and JWKS.
 */
import { JwtIssuer } from './jwt'
import { randomToken, serve, type Emulator } from './server'

export interface GitHubOidc extends Emulator {
  issuer: JwtIssuer
  requestToken: string
  /** ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN, as the runner sets them with `id-token: write`. */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string }
  /** Every ID token handed out. */
  issued: string[]
  /** Verifies a token from this issuer for `audience` and returns its claims. */
  verify(token: string, audience: string): Record<string, unknown>
}

export interface GitHubOidcOptions {
  repository?: string
  subject?: string
  lifetimeSeconds?: number
}

export async function startGitHubOidc(opts: GitHubOidcOptions = {}): Promise<GitHubOidc> {
  const repository = opts.repository ?? 'acme/charts'
  const owner = repository.split('/')[0]
  const requestToken = randomToken('ghs_req_')
  const issued: string[] = []
  let issuer!: JwtIssuer
  const em = await serve((req) => {
    if (req.url.pathname === '/.well-known/openid-configuration')
      return { status: 200, body: { issuer: issuer.issuer, jwks_uri: `${issuer.issuer}/.well-known/jwks` } }
    if (req.url.pathname === '/.well-known/jwks') return { status: 200, body: issuer.jwks() }
    if (!req.url.pathname.endsWith('/idtoken')) return { status: 404, body: { message: 'not found' } }
    if (req.headers.authorization?.replace(/^bearer /i, '') !== requestToken) return { status: 401, body: { message: 'Bad credentials' } }
    if (req.url.searchParams.get('api-version') !== '2.0') return { status: 400, body: { message: 'api-version missing' } }
    const aud = req.url.searchParams.get('audience') ?? `https://github.com/${owner}`
    const jwt = issuer.sign(
      {
        aud,
        sub: opts.subject ?? `repo:${repository}:ref:refs/heads/main`,
        repository,
        repository_owner: owner,
        ref: 'refs/heads/main',
        actor: 'octocat',
        workflow: 'release',
        event_name: 'push',
        runner_environment: 'github-hosted'
      },
      opts.lifetimeSeconds ?? 300
    )
    issued.push(jwt)
    return { status: 200, body: { count: 1, value: jwt } }
  })
  issuer = new JwtIssuer(em.url)
  // The runner's URL already carries a query (api-version); clients append &audience=.
  const reqUrl = `${em.url}/00000000-0000-0000-0000-000000000000/_apis/distributedtask/hubs/Actions/plans/p1/jobs/j1/idtoken?api-version=2.0`
  return {
    ...em,
    issuer,
    requestToken,
    issued,
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: reqUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    verify: (token, audience) => issuer.verify(token, audience),
    issuedSecrets: () => [requestToken, ...issued]
  }
}
