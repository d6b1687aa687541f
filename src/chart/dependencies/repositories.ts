/**
 * The `repositories` input: classic chart repositories by name, so that
 * Chart.yaml's `@name` / `alias:name` resolve and private repositories get
 * credentials. Two forms:
 *   name=https://charts.example.com/           one per line
 *   - {name: x, url: https://…, username: u, password: ${{ secrets.P }}}   a YAML (or JSON) list
 * Credentials may also sit in the URL (https://user:pass@host/). Every
 * password is masked the moment it is read, and the URL kept for messages has
 * the credentials removed.
 */
import { posix } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { InputError } from '../../errors'
import { fieldText } from '../../auth/source'

export interface NamedRepository {
  name: string
  /** Without credentials. */
  url: string
  username?: string
  password?: string
}

function entry(name: string, rawUrl: string, username: string | undefined, password: string | undefined, mask: (s: string) => void): NamedRepository {
  const where = `repositories entry "${name}"`
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new InputError(`${where}: the name must be letters, digits, ".", "_" or "-"`, {
      hint: 'Write name=https://charts.example.com/ (the name is what @name refers to)'
    })
  }
  let u: URL
  try {
    u = new URL(rawUrl)
  } catch {
    throw new InputError(`${where}: "${rawUrl.replace(/\/\/[^@/]*@/, '//***@')}" is not a URL`, {
      hint: 'Give the https:// URL of the directory that holds index.yaml'
    })
  }
  if (u.username || u.password) {
    username ??= decodeURIComponent(u.username)
    password ??= decodeURIComponent(u.password)
    u.username = ''
    u.password = ''
  }
  if (password) mask(password)
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new InputError(`${where}: ${u.protocol}// repositories are not classic chart repositories`, {
      hint: 'List only http(s) chart repositories here; oci:// and file:// dependencies need no entry'
    })
  }
  if (u.protocol === 'http:' && password) {
    throw new InputError(`${where}: credentials would be sent in the clear over http://`, { hint: 'Use the repository over https://' })
  }
  return { name, url: u.toString(), username: username || undefined, password: password || undefined }
}

export function parseRepositories(raw: string, mask: (s: string) => void = () => {}): NamedRepository[] {
  const text = raw.trim()
  if (!text) return []
  // Mask every userinfo password before anything can fail and print.
  for (const m of text.matchAll(/\/\/[^:/@\s]*:([^@/\s]+)@/g)) mask(m[1])
  const out: NamedRepository[] = []
  if (text.startsWith('-') || text.startsWith('[')) {
    let list: unknown
    try {
      // The text as given: trimming would move the first item only, and its indentation would no longer match the rest.
      list = parseYaml(raw)
    } catch (err) {
      throw new InputError(`input repositories is not a valid YAML list: ${(err as Error).message.split('\n')[0]}`, {
        hint: 'Write one "- {name: NAME, url: URL, username: USER, password: PASS}" per repository, or name=url lines'
      })
    }
    if (!Array.isArray(list)) throw new InputError('input repositories must be a list', { hint: 'Start each entry with "- "' })
    for (const item of list) {
      const o = (item ?? {}) as Record<string, unknown>
      if (typeof o.password === 'string') mask(o.password)
      if (typeof o.name !== 'string' || typeof o.url !== 'string')
        throw new InputError('each repositories entry needs a name and a url', { hint: 'Write - {name: NAME, url: https://…}' })
      out.push(
        entry(o.name, o.url, o.username === undefined ? undefined : fieldText(o.username), o.password === undefined ? undefined : fieldText(o.password), mask)
      )
    }
  } else {
    for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
      if (!line || line.startsWith('#')) continue
      const eq = line.indexOf('=')
      if (eq <= 0)
        throw new InputError(`input repositories: "${line.replace(/\/\/[^@/]*@/, '//***@')}" is not name=url`, { hint: 'Write one name=https://… per line' })
      out.push(entry(line.slice(0, eq).trim(), line.slice(eq + 1).trim(), undefined, undefined, mask))
    }
  }
  const seen = new Set<string>()
  for (const r of out) {
    if (seen.has(r.name)) throw new InputError(`input repositories names "${r.name}" twice`, { hint: 'Give each repository its own name' })
    seen.add(r.name)
  }
  return out
}

/**
 * Helm's urlutil.Equal: the same URL once each path is cleaned as Go's path.Clean does (no trailing slash, `.`,
 * `..` or `//`); a string that is not a URL is compared as a cleaned path. Credentials are not part of it here.
 */
export function sameRepositoryUrl(a: string, b: string): boolean {
  const clean = (p: string): string => posix.normalize(p).replace(/(.)\/+$/, '$1')
  const norm = (s: string): string => {
    try {
      const u = new URL(s)
      u.username = ''
      u.password = ''
      u.pathname = clean(u.pathname || '/')
      return u.toString()
    } catch {
      return clean(s)
    }
  }
  return norm(a) === norm(b)
}
