/**
 * GitHub Actions OIDC ID tokens (`permissions: id-token: write`). Used by the
 * cloud logins (AWS, Azure, GCP) and by Sigstore keyless signing.
 */
import { maskSecret, scrubSecrets } from './mask'
import { AuthError } from '../errors'
import { foreignNetworkError } from '../http'
import { unreachable, whilePurpose } from './source'

export const ID_TOKEN_HINT = 'Add `permissions: id-token: write` to the job (or workflow); pull requests from forks never receive an ID token'

/** True when the runner offers an ID token to this job. */
export function idTokenAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
}

/** A fresh, masked ID token for `audience` from the runner's token service (@actions/core). Each call mints a new JWT. */
export async function getIdToken(audience: string, purpose: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (!idTokenAvailable(env)) {
    throw new AuthError(`${purpose} needs a GitHub OIDC token, but this job cannot request one`, { hint: ID_TOKEN_HINT })
  }
  maskSecret(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
  const { getIDToken } = await import('@actions/core')
  let value: string
  const started = Date.now()
  try {
    value = await getIDToken(audience)
  } catch (err) {
    // @actions/core reads the runner's variables from the process environment, not from `env`.
    const url = new URL(process.env.ACTIONS_ID_TOKEN_REQUEST_URL ?? env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '')
    const network = foreignNetworkError(err, 'GET', url, Date.now() - started)
    if (network) {
      const service = {
        name: `the GitHub OIDC token service at ${url.origin}`,
        setting: 'ACTIONS_ID_TOKEN_REQUEST_URL (the runner sets it)',
        during: whilePurpose(purpose)
      }
      throw unreachable(network, service)
    }
    const detail = scrubSecrets(err instanceof Error ? err.message : String(err))
    throw new AuthError(`${purpose}: the GitHub OIDC token request failed: ${detail.slice(0, 300)}`, {
      hint: /\b40[13]\b/.test(detail) ? ID_TOKEN_HINT : 'Re-run the job; the runner token service may be unavailable',
      cause: err
    })
  }
  if (!value) throw new AuthError(`${purpose}: the GitHub OIDC token response has no "value"`)
  maskSecret(value)
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
