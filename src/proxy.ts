/**
 * Which proxy a request goes through, decided exactly as the toolkit's
 * @actions/http-client does (packages/http-client/src/proxy.ts), so the action
 * behaves like every other action on the same runner: `https_proxy` /
 * `HTTPS_PROXY` for https URLs, `http_proxy` / `HTTP_PROXY` for http URLs
 * (lower case first); loopback hosts never go through a proxy; `no_proxy` /
 * `NO_PROXY` entries match host or host:port case-insensitively, exactly or as
 * a domain suffix, and `*` bypasses everything. Pure functions of the URL and
 * the environment.
 */

export interface ProxyChoice {
  /** The proxy URL, credentials URL-decoded into `username` / `password`. */
  url: URL
  username: string
  password: string
}

function isLoopbackAddress(host: string): boolean {
  const h = host.toLowerCase()
  return h === 'localhost' || h.startsWith('127.') || h.startsWith('[::1]') || h.startsWith('[0:0:0:0:0:0:0:1]')
}

/** True when `url` must be reached directly (loopback, or listed in NO_PROXY). */
export function checkBypass(url: URL, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!url.hostname) return false
  if (isLoopbackAddress(url.hostname)) return true
  const noProxy = env.no_proxy || env.NO_PROXY || ''
  if (!noProxy) return false
  const port = url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : url.protocol === 'https:' ? 443 : undefined
  const hosts = [url.hostname.toUpperCase()]
  if (port !== undefined) hosts.push(`${hosts[0]}:${port}`)
  return noProxy
    .split(',')
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean)
    .some((item) => item === '*' || hosts.some((h) => h === item || h.endsWith(`.${item}`) || (item.startsWith('.') && h.endsWith(item))))
}

/** The proxy for `url`, or undefined for a direct connection. */
export function getProxyUrl(url: URL, env: NodeJS.ProcessEnv = process.env): ProxyChoice | undefined {
  if (checkBypass(url, env)) return undefined
  const raw = url.protocol === 'https:' ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY
  if (!raw) return undefined
  let proxy: URL
  try {
    proxy = new URL(raw)
  } catch {
    if (raw.startsWith('http://') || raw.startsWith('https://')) return undefined
    proxy = new URL(`http://${raw}`)
  }
  return { url: proxy, username: decodeURIComponent(proxy.username), password: decodeURIComponent(proxy.password) }
}

/** The proxy URL as it may appear in a log line: credentials removed. */
export function displayProxy(p: ProxyChoice): string {
  return `${p.url.protocol}//${p.url.host}`
}

/**
 * sigstore-js fetches through make-fetch-happen and @npmcli/agent, which read
 * the proxy variables once when loaded and interpret NO_PROXY differently (no
 * `*`, no host:port entries, no loopback bypass, and when both spellings are
 * set either may win). Before that stack loads, this writes the toolkit's
 * decision for each Sigstore URL into both spellings, so Fulcio, Rekor and the
 * TSA take the same route as every other request. Returns the variables changed.
 */
export function alignProxyEnvironment(urls: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const changed: string[] = []
  const set = (lower: string, value: string | undefined): void => {
    for (const k of [lower, lower.toUpperCase()]) {
      if (value === undefined || env[k] === value) continue
      env[k] = value
      changed.push(k)
    }
  }
  // The toolkit prefers the lower-case spelling; make the upper-case one agree.
  set('https_proxy', env.https_proxy || env.HTTPS_PROXY || undefined)
  set('http_proxy', env.http_proxy || env.HTTP_PROXY || undefined)
  const direct = urls
    .filter(Boolean)
    .map((u) => new URL(u))
    .filter((u) => !getProxyUrl(u, env))
    .map((u) => u.hostname)
  const noProxy = env.no_proxy || env.NO_PROXY || ''
  const entries = noProxy
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
  const missing = direct.filter((h) => !entries.some((e) => e.toLowerCase() === h.toLowerCase()))
  if (missing.length || (env.no_proxy ?? '') !== (env.NO_PROXY ?? '')) set('no_proxy', [...entries, ...missing].join(',') || undefined)
  return changed
}
