/**
 * Classic (HTTP/HTTPS) Helm chart repositories, as Helm's pkg/repo/v1 reads
 * them: `<repository>/index.yaml` (trailing slash or not), chart URLs that are
 * absolute or relative to the repository (`ResolveReferenceURL`, keeping the
 * repository's query string), basic auth sent only to the repository's own
 * origin (Helm's default without --pass-credentials), and archive downloads
 * checked against the index's `digest` (Helm does not check it; we do).
 * Every answer is read under a bound (MAX_INDEX_BYTES, MAX_CHART_ARCHIVE_BYTES),
 * a declared Content-Length over it refused unread, so an endless or huge body
 * from a broken or hostile repository cannot fill the runner's memory (Helm's
 * getter reads any body whole).
 *
 * API for other modules (the resolver, the migrate sub-action):
 *   fetchIndex(repo)               → RepoIndex (parsed, entries sorted newest first), at most MAX_INDEX_BYTES
 *   indexUrl(repoUrl)              → URL of index.yaml
 *   resolveChartUrl(repoUrl, url)  → absolute URL of an archive
 *   downloadChart(repo, entry)     → Buffer, digest checked, at most MAX_CHART_ARCHIVE_BYTES
 * Failures are RepositoryError (a ChartError) naming the repository and saying what to do.
 */
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { ChartError, type ErrorContext } from '../../errors'
import { compareVersions } from './constraints'
import { splitIndex, type ChartSection } from './index-layout'
import { MAX_CHART_ARCHIVE_BYTES, MAX_FILE_SIZE } from '../archive'
import { GO_YAML, metadataFromValue, plain, validateMetadata, type RawMetadata } from '../chart-yaml'
import { sanitizeString } from '../sanitize'
import { fieldText } from '../../auth/source'
import { NetworkError, networkSentence, RedirectRefused, sendFollowing, type HttpResponse } from '../../http'
import { formatSize } from '../../report/summary'

/**
 * The most an index.yaml may weigh: twice the largest public index (Bitnami's full index is about 27 MB, TrueCharts'
 * reached 50.6 MB in 2024, over Flux's 50 MiB default). In Helm's layout it is read a batch of versions at a time
 * (about 8 times the file on the heap); another layout is parsed whole, about 38 times (a 54 MiB index: 2.0 GiB).
 */
export const MAX_INDEX_BYTES = 100 * 1024 * 1024

/** What may be read from the repository for one request, and what to do when an answer is larger. */
interface Bound {
  maxBytes: number
  /** The file, for the message: `index.yaml`, `the archive of web 1.0.0`. */
  file: string
  hint: string
}

const INDEX_BOUND = (maxBytes: number): Bound => ({
  maxBytes,
  file: 'index.yaml',
  hint: 'No public chart repository has an index this large: check that the URL points at a Helm chart repository, or ask its owner to prune old versions from index.yaml (or to publish to an OCI registry)'
})
const ARCHIVE_BOUND = (entry: IndexEntry, maxBytes: number): Bound => ({
  maxBytes,
  file: `the archive of ${entry.name} ${entry.version}`,
  hint: 'Helm loads no chart larger than 100 MiB decompressed, so no chart it could use is this large: check the URL of this version in index.yaml'
})
// Bounded as a .prov read from the workspace is.
const PROVENANCE_BOUND = (entry: IndexEntry): Bound => ({
  maxBytes: MAX_FILE_SIZE,
  file: `the provenance file of ${entry.name} ${entry.version}`,
  hint: 'A provenance file holds Chart.yaml and a signature; check that the repository serves the .prov helm package --sign wrote'
})

export interface RepoAuth {
  username?: string
  password?: string
}

export interface ChartRepository {
  /** The repository URL as written in Chart.yaml or the `repositories` input. */
  url: string
  auth?: RepoAuth
  /** Extra trusted CA (PEM), e.g. from `ca-file`. */
  ca?: string | Buffer
  /** Short name (`@name`), for messages only. */
  name?: string
}

/** One `entries.<name>[]` item of index.yaml (Helm's ChartVersion: metadata plus urls, digest, created). */
export interface IndexEntry {
  name: string
  version: string
  urls: string[]
  /** Hex SHA-256 of the archive, as `helm repo index` writes it (no `sha256:` prefix). */
  digest?: string
  created?: string
  apiVersion?: string
  [key: string]: unknown
}

export interface RepoIndex {
  repository: string
  apiVersion: string
  /** Chart name → versions as listed in the file. */
  entries: Map<string, IndexEntry[]>
}

/** A chart repository (index or archive) could not be used. */
export class RepositoryError extends ChartError {
  readonly repository: string
  /** The HTTP status the repository answered, when it answered. */
  readonly status?: number
  constructor(message: string, ctx: ErrorContext & { repository: string; status?: number }) {
    super(message, { ...ctx, registry: ctx.registry ?? ctx.repository })
    this.repository = ctx.repository
    this.status = ctx.status
  }
}

/** Helm's `ResolveReferenceURL`: absolute refs as they are; relative ones against the base with one trailing slash added (after one taken off), base query kept. */
export function resolveChartUrl(baseUrl: string, ref: string): URL {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(ref)) return new URL(ref)
  const base = new URL(baseUrl)
  base.pathname = base.pathname.replace(/\/$/, '') + '/'
  const out = new URL(ref, base)
  out.search = base.search
  return out
}

export function indexUrl(repoUrl: string): URL {
  return resolveChartUrl(repoUrl, 'index.yaml')
}

/** Credentials never appear in messages: user:pass@ is dropped from displayed URLs. */
export function displayUrl(u: string | URL): string {
  try {
    const x = new URL(u.toString())
    x.username = ''
    x.password = ''
    return x.toString()
  } catch {
    return String(u)
  }
}

const basic = (username: string, password: string): string => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
/**
 * GET through the one transport (src/http.ts: proxy, CA, timeouts, retries,
 * redirects); release assets on github.com redirect to storage, and the
 * Authorization header goes only to the repository's origin, never to a
 * later hop once one has left it.
 */
async function get(repo: ChartRepository, url: URL, what: string, bound: Bound, chart?: string): Promise<HttpResponse> {
  const origin = new URL(repo.url)
  // Credentials written into the URL (https://user:pass@host/) work as Helm's do, but are never sent in the clear to the URL.
  // Unlike Helm's httpgetter (both username and password, or nothing), one of the two is enough: the repositories input
  // folds a URL's userinfo into them, and a token as the only user name (https://TOKEN@host/) is sent by Go's http.Client.
  const creds =
    repo.auth?.username || repo.auth?.password ? repo.auth : { username: decodeURIComponent(origin.username), password: decodeURIComponent(origin.password) }
  const auth = creds.username || creds.password ? basic(creds.username ?? '', creds.password ?? '') : undefined
  const target = new URL(url)
  target.username = ''
  target.password = ''
  let res: HttpResponse
  try {
    res = await sendFollowing(
      { method: 'GET', url: target, headers: { 'user-agent': 'helm-oci-publish', accept: '*/*' }, ca: repo.ca, maxBytes: bound.maxBytes },
      { origin, authorization: auth }
    )
  } catch (err) {
    if (err instanceof RedirectRefused) {
      throw new RepositoryError(`${displayUrl(err.from)} (${what}) ${err.detail}`, {
        chart,
        repository: displayUrl(repo.url),
        hint: err.to ? 'A chart repository must not downgrade to plain HTTP; ask its owner to fix the redirect' : 'Ask the repository owner to fix the redirect'
      })
    }
    if (!(err instanceof NetworkError)) {
      throw new RepositoryError(`cannot fetch ${what} from ${displayUrl(target)}: ${(err as Error).message}`, {
        chart,
        repository: displayUrl(repo.url),
        cause: err,
        hint: 'Check the repository URL in Chart.yaml or the repositories input'
      })
    }
    if (err.failure === 'too-large') {
      throw new RepositoryError(`${bound.file} at ${displayUrl(err.url)} is larger than ${formatSize(bound.maxBytes)}: ${err.detail}`, {
        chart,
        repository: displayUrl(repo.url),
        cause: err,
        hint: bound.hint
      })
    }
    // The same sentence as for registries and login services: who, why, after how many attempts, what to check.
    const { message, hint } = networkSentence(err, {
      name: `chart repository ${displayUrl(repo.url)}`,
      host: `chart repository host ${err.url.hostname}`,
      during: ` while fetching ${what}`,
      setting: 'the repository URL in Chart.yaml or the repositories input'
    })
    throw new RepositoryError(message, { chart, repository: displayUrl(repo.url), cause: err, hint })
  }
  if (res.status !== 200) {
    const hint =
      res.status === 401 || res.status === 403
        ? `Give credentials for ${origin.host} in the repositories input (name=url with repository-username/repository-password, or a JSON list with username and password)`
        : res.status === 404
          ? 'Check the repository URL: it must be the directory that holds index.yaml'
          : 'The repository failed; re-run the job, and check the repository if it persists'
    throw new RepositoryError(`GET ${displayUrl(res.url)} (${what}): response status ${res.status}`, {
      chart,
      repository: displayUrl(repo.url),
      hint,
      status: res.status
    })
  }
  return res
}

function sortVersions(list: IndexEntry[]): IndexEntry[] {
  // Helm's IndexFile.SortEntries: newest first by SemVer; unparseable versions last.
  return [...list].sort((a, b) => compareVersions(b.version, a.version))
}

const DUPLICATE_DEPENDENCY = 'validation: more than one dependency with name or alias'

/**
 * Parses index.yaml text as Helm's `loadIndex` does: JSON when the text is valid JSON, else YAML read strictly
 * (a duplicate key refuses the whole index); apiVersion required; each entry's metadata checked as
 * `(*Metadata).Validate` checks a chart's, and an entry that fails is dropped (except for duplicate dependency
 * names, which some repositories produce by stripping aliases), so it can never be selected.
 * YAML in the layout `helm repo index` writes is read a batch of versions at a time, in bounded memory (index-layout.ts);
 * anything else, and any index that fails, is read whole, so what is refused and why is the same either way.
 */
export function parseIndex(text: string, repository: string, chart?: string): RepoIndex {
  return parseIndexByVersion(text, repository, chart) ?? parseIndexWhole(text, repository, chart)
}

/** The whole text parsed at once (JSON, else YAML), then checked. */
export function parseIndexWhole(text: string, repository: string, chart?: string): RepoIndex {
  const bad = (why: string): never => {
    throw new RepositoryError(`invalid index.yaml from ${displayUrl(repository)}: ${why}`, {
      chart,
      repository: displayUrl(repository),
      hint: 'Regenerate it with `helm repo index`, or check that the URL points at a Helm chart repository and not an HTML page'
    })
  }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    try {
      doc = parseYaml(text, { ...GO_YAML, uniqueKeys: true, maxAliasCount: 100_000 })
    } catch (err) {
      return bad((err as Error).message.split('\n')[0])
    }
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return bad('not a YAML mapping')
  const obj = doc as Record<string, unknown>
  if (!obj.apiVersion) return bad('no API version specified')
  const raw = obj.entries ?? {}
  if (typeof raw !== 'object' || Array.isArray(raw)) return bad('entries is not a mapping')
  const charts = Object.entries(raw as Record<string, unknown>).map(([name, versions]): [string, unknown[]] => {
    // Go's strict unmarshalling: null is an empty list and a null entry is skipped; any other shape fails the index.
    if (versions !== null && !Array.isArray(versions)) return bad(`entries.${name} is not a list`)
    return [name, (versions ?? []) as unknown[]]
  })
  return { repository, apiVersion: fieldText(plain(obj.apiVersion)), entries: readEntries(charts, repository, chart, bad) }
}

/** Each chart's versions as Helm keeps them: metadata checked, entries that fail validation dropped, newest first. */
function readEntries(
  charts: Iterable<[string, Iterable<unknown>]>,
  repository: string,
  chart: string | undefined,
  bad: (why: string) => never
): Map<string, IndexEntry[]> {
  const entries = new Map<string, IndexEntry[]>()
  for (const [name, versions] of charts) {
    const kept: IndexEntry[] = []
    let i = -1
    for (const v of versions) {
      i++
      // (A null entry, which Helm skips, decodes as empty metadata and fails validation below.)
      if (typeof v !== 'object' || Array.isArray(v)) return bad(`entries.${name}[${i}] is not a mapping`)
      const where = `${displayUrl(repository)} index.yaml entries.${name}[${i}]`
      let md: RawMetadata
      try {
        md = metadataFromValue(v, where, chart)
      } catch (err) {
        // A field of the wrong type fails Helm's unmarshalling of the whole index.
        return bad((err as Error).message.replace(/^cannot load /, ''))
      }
      try {
        validateMetadata(md, where, chart)
      } catch (err) {
        // Helm drops an entry that fails validation, except for duplicate dependency names (helm/helm#12748).
        const message = (err as Error).message
        if (message.startsWith('validation: ') && !message.startsWith(DUPLICATE_DEPENDENCY)) continue
      }
      const e = plain(v) as Record<string, unknown>
      const urls = Array.isArray(e.urls) ? e.urls.map(String) : []
      kept.push({ ...e, name: sanitizeString(md.name), version: md.version, urls, digest: e.digest ? fieldText(e.digest) : undefined })
    }
    entries.set(name, sortVersions(kept))
  }
  return entries
}

/** Thrown inside parseIndexByVersion when the whole read must decide (and word the refusal). */
class ReadWhole extends Error {}

// A batch at a time: aliases refused (a Helm-made index has none; an alias to another version's anchor, or an
// alias count the whole file would refuse, must be judged on the whole file).
const BY_VERSION = { ...GO_YAML, uniqueKeys: true, maxAliasCount: 0 }

/**
 * An index in Helm's layout, read a batch of versions at a time, or undefined when it must be read whole: another layout
 * (JSON included: it has no `entries:` line), a YAML error, a duplicate chart name, or anything the whole read refuses.
 */
export function parseIndexByVersion(text: string, repository: string, chart?: string): RepoIndex | undefined {
  const layout = splitIndex(text)
  if (!layout) return undefined
  // (A YAML error anywhere ends in the catch below, as a ReadWhole does.)
  const parse = (yaml: string): unknown => parseYaml(yaml, BY_VERSION)
  const names = new Set<string>()
  function* charts(): Generator<[string, Iterable<unknown>]> {
    for (const { keyLine, batches } of layout!.charts) {
      const key = parse(keyLine) as Record<string, unknown> | null
      const name = key && typeof key === 'object' && !Array.isArray(key) && Object.keys(key).length === 1 ? Object.keys(key)[0] : undefined
      // `name:` and nothing more; a name seen twice is a duplicate key the whole parse refuses.
      if (name === undefined || key![name] !== null || names.has(name)) throw new ReadWhole()
      names.add(name)
      yield [name, versionsOf(batches)]
    }
  }
  function* versionsOf(batches: ChartSection['batches']): Generator<unknown> {
    for (const batch of batches) {
      const v = parse(batch)
      if (!Array.isArray(v)) throw new ReadWhole()
      yield* v
    }
  }
  try {
    const rest = parse(layout.rest)
    if (!rest || typeof rest !== 'object' || Array.isArray(rest) || 'entries' in rest) return undefined
    const apiVersion = (rest as Record<string, unknown>).apiVersion
    if (!apiVersion) return undefined
    const entries = readEntries(charts(), repository, chart, () => {
      throw new ReadWhole()
    })
    return { repository, apiVersion: fieldText(plain(apiVersion)), entries }
  } catch {
    // ReadWhole, or anything else: the whole read decides, and words any refusal.
    return undefined
  }
}

/** Downloads (at most `maxBytes`) and parses `<repository>/index.yaml`. */
export async function fetchIndex(repo: ChartRepository, chart?: string, maxBytes = MAX_INDEX_BYTES): Promise<RepoIndex> {
  const res = await get(repo, indexUrl(repo.url), 'index.yaml', INDEX_BOUND(maxBytes), chart)
  return parseIndex(res.body.toString('utf8'), repo.url, chart)
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * Downloads the entry's first URL (as Helm does; at most `maxBytes`) and checks it against the
 * index's digest; returns the bytes exactly as served and the file name Helm
 * saves them under (the base name of the URL path).
 */
export async function downloadChart(
  repo: ChartRepository,
  entry: IndexEntry,
  chart?: string,
  maxBytes = MAX_CHART_ARCHIVE_BYTES
): Promise<{ data: Buffer; fileName: string; url: URL }> {
  if (!entry.urls.length) {
    throw new RepositoryError(`chart "${entry.name}" version ${entry.version} has no downloadable URLs in ${displayUrl(repo.url)}/index.yaml`, {
      chart,
      repository: displayUrl(repo.url),
      hint: 'Regenerate the repository index with `helm repo index`'
    })
  }
  const url = resolveChartUrl(repo.url, entry.urls[0])
  const res = await get(repo, url, `${entry.name} ${entry.version}`, ARCHIVE_BOUND(entry, maxBytes), chart)
  if (entry.digest) {
    const expected = entry.digest.replace(/^sha256:/, '').toLowerCase()
    const actual = sha256Hex(res.body)
    if (actual !== expected) {
      throw new RepositoryError(
        `digest mismatch for ${entry.name} ${entry.version} from ${displayUrl(url)}: index.yaml says sha256:${expected}, the download is sha256:${actual}`,
        {
          chart,
          repository: displayUrl(repo.url),
          hint: 'The archive or the index was changed after publishing; ask the repository owner to regenerate index.yaml, or pin another version'
        }
      )
    }
  }
  // Helm's ChartDownloader: filepath.Base of the decoded URL path (an encoded "/" does not make a directory).
  let decoded = url.pathname
  try {
    decoded = decodeURIComponent(decoded)
  } catch {
    // Not valid percent-encoding: the name as served.
  }
  const fileName = path.posix.basename(decoded) || `${entry.name}-${entry.version}.tgz`
  return { data: res.body, fileName, url }
}

/**
 * The provenance file of an entry, `<archive URL>.prov` (where `helm repo
 * index` expects it and `helm pull --verify` fetches it); undefined when the
 * repository has none (404). Bounded as a .prov read from the workspace is (MAX_FILE_SIZE).
 */
export async function downloadProvenance(repo: ChartRepository, entry: IndexEntry, chart?: string): Promise<Buffer | undefined> {
  if (!entry.urls.length) return undefined
  const url = resolveChartUrl(repo.url, entry.urls[0])
  url.pathname += '.prov'
  try {
    return (await get(repo, url, `${entry.name} ${entry.version} provenance`, PROVENANCE_BOUND(entry), chart)).body
  } catch (e) {
    if (e instanceof RepositoryError && e.status === 404) return undefined
    throw e
  }
}
