/** Helpers shared by the credential sources. */
import { AuthError } from '../errors'
import { NetworkError, networkSentence, sendWithRetry, type HttpRequest, type HttpResponse, type NetworkPeer } from '../http'
import { hostname } from './detect'

/** A login service as failures name it: `AWS STS at https://…`, what sets its address, what the request was for. */
export type LoginService = Pick<NetworkPeer, 'name' | 'host' | 'setting' | 'during'>

/** A request that got no answer from a login service, as an AuthError naming the service, the cause and what to check. */
export function unreachable(err: unknown, service: LoginService): unknown {
  if (!(err instanceof NetworkError)) return err
  const { message, hint } = networkSentence(err, service)
  return new AuthError(message, { hint, cause: err })
}

/** One request (with the transport's retries) to a login service. */
export async function callService(service: LoginService, req: HttpRequest): Promise<HttpResponse> {
  try {
    return await sendWithRetry(req)
  } catch (err) {
    throw unreachable(err, service)
  }
}

/** `Logging in to X` → `while logging in to X`, to end a sentence. */
export const whilePurpose = (purpose: string): string => ` while ${purpose.charAt(0).toLowerCase()}${purpose.slice(1)}`

/** Credentials belong to one registry host (port included); never hand them to another. */
export function sameHost(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase() || (hostname(a) === hostname(b) && defaultPort(a) === defaultPort(b))
}

function defaultPort(host: string): string {
  const m = /:(\d+)$/.exec(host)
  return m && m[1] !== '443' ? m[1] : ''
}

/** Seconds-since-epoch `exp` of a JWT, as ms; undefined when absent or not a JWT. */
export function jwtExpiry(claims: Record<string, unknown>): number | undefined {
  return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined
}

/** A JSON object from a cloud response body; {} for anything else, so callers report the missing field. */
/** A field of an untrusted response, for a message: strings as they are, anything else as JSON (never "[object Object]"). */
export const fieldText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)))

export function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
