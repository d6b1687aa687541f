/**
 * GitHub Actions OIDC ID tokens (`permissions: id-token: write`). Used by the
 * cloud logins (AWS, Azure, GCP) and by Sigstore keyless signing.
 */
import * as core from '../runner'
import { AuthError } from '../errors'
import { headerValue, sendWithRetry } from '../http'

export const ID_TOKEN_HINT =
  'Add `permissions: id-token: write` to the job (or workflow); pull requests from forks never receive an ID token'

/** True when the runner offers an ID token to this job. */
export function idTokenAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
}

/** A fresh, masked ID token for `audience`. Each call mints a new JWT. */
export async function getIdToken(audience: string, purpose: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const reqUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL
  const reqToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!reqUrl || !reqToken) {
    throw new AuthError(`${purpose} needs a GitHub OIDC token, but this job cannot request one`, { hint: ID_TOKEN_HINT })
  }
  core.setSecret(reqToken)
  const url = new URL(reqUrl)
  url.searchParams.set('audience', audience)
  const res = await sendWithRetry({
    method: 'GET',
    url,
    headers: { Authorization: `Bearer ${reqToken}`, Accept: 'application/json', 'User-Agent': 'actions/oidc-client' }
  })
  if (res.status !== 200) {
    throw new AuthError(`${purpose}: the GitHub OIDC token request failed with HTTP ${res.status} ${res.body.toString().slice(0, 200)}`, {
      hint: res.status === 401 || res.status === 403 ? ID_TOKEN_HINT : 'Re-run the job; the runner token service may be unavailable'
    })
  }
  let value: unknown
  try {
    value = (JSON.parse(res.body.toString()) as { value?: unknown }).value
  } catch {
    value = undefined
  }
  if (typeof value !== 'string' || !value) {
    throw new AuthError(`${purpose}: the GitHub OIDC token response (${headerValue(res.headers, 'content-type') ?? 'no content type'}) has no "value"`)
  }
  core.setSecret(value)
  return value
}

/** The claims of a JWT, unverified (for naming the identity in messages and for expiry). */
export function jwtClaims(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1]
  if (!part) return {}
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>
  } catch {
    return {}
  }
}
