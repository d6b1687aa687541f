/**
 * `WWW-Authenticate` challenges and token scopes, as oras-go parses and
 * merges them (registry/remote/auth/challenge.go, scope.go). Pure functions.
 */

export interface Challenge {
  scheme: 'basic' | 'bearer' | 'unknown'
  params: Record<string, string>
}

/** Parses the first challenge of a `WWW-Authenticate` header: scheme, then `key=value` or `key="quoted"` pairs. */
export function parseChallenge(header: string | undefined): Challenge {
  if (!header) return { scheme: 'unknown', params: {} }
  const m = /^\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\s*(.*)$/s.exec(header)
  if (!m) return { scheme: 'unknown', params: {} }
  const s = m[1].toLowerCase()
  const scheme = s === 'basic' ? 'basic' : s === 'bearer' ? 'bearer' : 'unknown'
  const params: Record<string, string> = {}
  let rest = m[2]
  const token = /^\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*=\s*/
  while (rest.length) {
    const k = token.exec(rest)
    if (!k) break
    rest = rest.slice(k[0].length)
    let value: string
    if (rest.startsWith('"')) {
      // RFC 7230 quoted-string (`\x` stands for x). Without its closing quote it is no value and parsing stops, as in oras-go.
      const q = /^"((?:[^"\\]|\\.)*)"/s.exec(rest)
      if (!q) break
      value = q[1].replace(/\\(.)/gs, '$1')
      rest = rest.slice(q[0].length)
    } else {
      const v = /^[^,\s]*/.exec(rest)![0]
      value = v
      rest = rest.slice(v.length)
    }
    params[k[1].toLowerCase()] = value
    // A second challenge ("…, Basic realm=…") ends the first: its scheme is not followed by `=`, so no key matches.
    rest = rest.replace(/^\s*,?\s*/, '')
  }
  return { scheme, params }
}

/** `repository:<name>:pull` or `…:pull,push`. */
export function repositoryScope(repository: string, push: boolean): string {
  return `repository:${repository}:${push ? 'pull,push' : 'pull'}`
}

/**
 * oras `CleanScopes`: deduplicates, merges the actions of the same resource
 * (sorted; `*` absorbs the others) and sorts the result.
 */
export function cleanScopes(scopes: string[]): string[] {
  const byResource = new Map<string, Set<string>>()
  const other = new Set<string>()
  for (const scope of scopes.flatMap((s) => s.split(' ')).filter(Boolean)) {
    const i = scope.lastIndexOf(':')
    if (i <= 0) {
      other.add(scope)
      continue
    }
    const resource = scope.slice(0, i)
    const actions = scope
      .slice(i + 1)
      .split(',')
      .filter(Boolean)
    if (!byResource.has(resource)) byResource.set(resource, new Set())
    for (const a of actions) byResource.get(resource)!.add(a)
  }
  const out = [...other]
  for (const [resource, actions] of byResource) {
    if (!actions.size) continue
    const list = actions.has('*') ? ['*'] : [...actions].sort()
    out.push(`${resource}:${list.join(',')}`)
  }
  return out.sort()
}

/** Go's url.Values.Encode for the token request: keys sorted, values query-escaped. */
export function tokenQuery(existing: URLSearchParams, scopes: string[], service: string | undefined): string {
  const values = new Map<string, string[]>()
  for (const [k, v] of existing) values.set(k, [...(values.get(k) ?? []), v])
  if (scopes.length) values.set('scope', [...(values.get('scope') ?? []), ...scopes])
  // oras-go's fetchDistributionToken: q.Set for the service (it replaces the realm's), q.Add for scopes.
  if (service) values.set('service', [service])
  const esc = (s: string): string =>
    encodeURIComponent(s)
      .replace(/%20/g, '+')
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return [...values.keys()]
    .sort()
    .flatMap((k) => values.get(k)!.map((v) => `${esc(k)}=${esc(v)}`))
    .join('&')
}
