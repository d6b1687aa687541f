/** Helpers shared by the credential sources. */
import { hostname } from './detect'

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
