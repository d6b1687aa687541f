/**
 * A distribution-spec client for what publishing needs: blob existence and
 * upload (monolithic, or chunked for large blobs, streamed from disk either
 * way), manifest get/head/put, and the registry's auth challenge (Basic, or
 * Bearer tokens per scope from the realm, anonymous or with credentials).
 * Every request follows the transport's one retry policy (src/http.ts) within
 * a budget per chart; an upload that breaks resumes from the offset the
 * registry reports, or from a fresh session; redirects are followed with
 * credentials only while the origin stays the same; failures become
 * sentences naming the chart, the registry and what to check. Safe to share
 * between charts published concurrently: one token request per scope at a
 * time, one upload per blob and repository, and the chart being published
 * (its name in errors, its retry budget) kept per async context.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { Transform, type Readable } from 'node:stream'
import { AuthError, RegistryError } from '../errors'
import {
  DEFAULT_RETRY,
  displayUrl,
  headerValue,
  isRetryableStatus,
  NetworkError,
  networkSentence,
  RedirectRefused,
  redirectHop,
  RetryAfterTooLong,
  RetryBudget,
  retryDecision,
  send,
  sendWithRetry,
  sameOrigin,
  sleep,
  trace,
  type HttpRequest,
  type HttpResponse,
  type NetworkFailure,
  type RedirectHop,
  type RetryPolicy
} from '../http'
import { cleanScopes, parseChallenge, repositoryScope, tokenQuery } from './challenge'
import type { Credential, CredentialSource } from './credentials'
import { sha256Digest } from './helm-artifact'
import { MAX_ERROR_BODY, registryErrorDetail } from './error-body'
import { maskSecret, scrubSecrets } from '../auth/mask'

export interface RegistryClientOptions {
  /** host[:port] as in the reference. */
  host: string
  plainHttp?: boolean
  ca?: string | Buffer
  credentials?: CredentialSource
  userAgent?: string
  retry?: RetryPolicy
  /** Blobs larger than this go up in PATCH chunks of this size. */
  chunkSize?: number
  /** How many times a broken blob upload is resumed or started again. */
  uploadAttempts?: number
}

export interface BlobSource {
  digest: string
  size: number
  /** Opens the content from `start` (a fresh stream per attempt). */
  open(start?: number, end?: number): Readable
}

export interface ManifestInfo {
  digest: string
  mediaType: string
  size: number
}

export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.artifact.manifest.v1+json'
].join(', ')

const DEFAULT_CHUNK = 16 * 1024 * 1024

/** The `Link: <…>; rel="next"` page of a paginated listing (tags, referrers), relative to the current one. */
function nextPage(res: HttpResponse, current: URL): URL | undefined {
  const next = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(headerValue(res.headers, 'link') ?? '')
  return next ? new URL(next[1], current) : undefined
}

interface RequestOptions {
  method: string
  /** Path under the registry (`/v2/…`) or an absolute URL (upload Location). */
  url: string | URL
  repository: string
  push: boolean
  headers?: Record<string, string | undefined>
  body?: HttpRequest['body']
  contentLength?: number
  stream?: boolean
  /** Retry transient failures here; off for requests that carry upload data (the upload resumes instead). */
  retry?: boolean
  /** Follow redirects (default for GET/HEAD; uploads ask for it), with credentials only while the origin stays the same. */
  follow?: boolean
  /** Refuse a buffered answer larger than this (manifests, indexes, tokens). */
  maxBytes?: number
  /** More scopes for the token (a mount needs `pull` on the repository it mounts from). */
  scopes?: string[]
}

/** oras-go's MaxMetadataBytes: the most a manifest, index or token answer may weigh. */
export const MAX_METADATA_BYTES = 4 * 1024 * 1024

/** What to check when a registry cannot be reached, where it differs from what to check for any service. */
const REGISTRY_HINTS: Partial<Record<NetworkFailure, string>> = {
  refused: 'Is the registry running and is the port right?',
  dns: 'Check the host name in the registry input; on a self-hosted runner check its DNS, or HTTPS_PROXY if only a proxy can reach it',
  reset: 'A proxy or load balancer may be cutting connections; re-run the job, and check the registry status if it persists',
  stalled: 'The registry or a proxy stopped responding; re-run the job, or raise network-timeout if the network is this slow',
  tls: 'For a private CA give its certificate in ca-file (or NODE_EXTRA_CA_CERTS); plain-http: true only for a registry without TLS',
  'too-large': 'The registry sent far more than a manifest or token can be; check the registry address',
  other: 'Re-run the job; check the registry status if it persists'
}
/** The most pages of a tag list, and of a referrers listing, read before the listing fails. */
const TAG_PAGES = 1000
const REFERRER_PAGES = 100

interface UploadSession {
  location: URL
  /** Bytes the registry holds for this session. */
  offset: number
}

/** An upload request that broke (`cause`) or met a retryable status (`res`). */
class UploadInterrupted extends Error {
  constructor(
    readonly method: string,
    readonly url: URL,
    readonly res?: HttpResponse,
    cause?: unknown
  ) {
    super(`${method} ${displayUrl(url)} was interrupted`, { cause })
  }
}

const hostOf = (u: string | undefined): string => {
  try {
    return new URL(u ?? '').host
  } catch {
    return 'an unreadable realm'
  }
}

export class RegistryClient {
  readonly host: string
  readonly base: URL
  private readonly opts: RegistryClientOptions
  private scheme?: 'basic' | 'bearer'
  private basicHeader?: string
  private readonly tokens = new Map<string, string>()
  /** Token requests under way, by scope: concurrent requests for one scope share one. */
  private readonly tokenRequests = new Map<string, Promise<string>>()
  /** Blob uploads of this run (under way or done), by repository and digest. */
  private readonly blobs = new Map<string, Promise<'exists' | 'uploaded'>>()
  private challengeParams: Record<string, string> = {}
  /** Whether a repository serves the referrers API, once known (oras-go's referrersState). */
  private readonly referrersApi = new Map<string, boolean>()
  /** The chart whose requests run in this async context (charts are published concurrently over one client). */
  private readonly chartScope = new AsyncLocalStorage<{ chart?: string; budget: RetryBudget }>()
  /** The budget of requests made outside any chart (login, plan checks). */
  private readonly runBudget = new RetryBudget()
  /** The host's first request: the others wait for it to learn the auth scheme, instead of each collecting a 401. */
  private firstRequest?: Promise<unknown>

  constructor(opts: RegistryClientOptions) {
    this.opts = opts
    this.host = opts.host
    // Docker Hub's API lives on another name than its references (oras, Docker).
    const apiHost = opts.host === 'docker.io' ? 'registry-1.docker.io' : opts.host
    this.base = new URL(`${opts.plainHttp ? 'http' : 'https'}://${apiHost}/`)
  }

  /** True or false once a referrers request has shown whether `repository` serves the API; undefined before. */
  referrersSupported(repository: string): boolean | undefined {
    return this.referrersApi.get(repository)
  }

  /** Runs `fn` for one chart: a fresh retry budget, and the chart's name in error sentences, for this chart's requests only. */
  forChart<T>(name: string | undefined, fn: () => Promise<T>, budget = new RetryBudget()): Promise<T> {
    return this.chartScope.run({ chart: name, budget }, fn)
  }

  /** Starts a chart for the rest of the current async context (one chart at a time, as in the sub-actions). */
  beginChart(name: string | undefined, budget = new RetryBudget()): void {
    this.chartScope.enterWith({ chart: name, budget })
  }

  private get chart(): string | undefined {
    return this.chartScope.getStore()?.chart
  }

  private get budget(): RetryBudget {
    return this.chartScope.getStore()?.budget ?? this.runBudget
  }

  private get policy(): RetryPolicy {
    return this.opts.retry ?? DEFAULT_RETRY
  }

  private get during(): string {
    return this.chart ? ` while publishing chart \`${this.chart}\`` : ''
  }

  /** A request that got no usable answer, as a sentence naming the registry and what to check. */
  networkFailure(err: unknown): unknown {
    if (err instanceof RetryAfterTooLong) {
      return new RegistryError(`registry ${this.host} is rate-limiting: ${err.message}${this.during}`, {
        registry: this.host,
        status: err.status,
        hint: 'Re-run the job later, or use a registry account with a higher rate limit',
        cause: err
      })
    }
    if (!(err instanceof NetworkError)) return err
    const own = err.url.host === this.base.host
    const { message, hint } = networkSentence(err, {
      name: own ? `registry ${this.host}` : `${err.url.host} (for registry ${this.host})`,
      host: own ? `registry host ${err.url.hostname}` : `host ${err.url.hostname} (for registry ${this.host})`,
      request: `${err.method} ${err.url.origin === this.base.origin ? err.url.pathname : displayUrl(err.url)}`,
      during: this.during,
      setting: 'the registry input',
      hints: REGISTRY_HINTS
    })
    return new RegistryError(message, { registry: this.host, chart: this.chart, hint, cause: err })
  }

  private url(u: string | URL): URL {
    return u instanceof URL ? u : new URL(u, this.base)
  }

  private display(method: string, url: URL): string {
    return `${method} ${url.origin === this.base.origin ? url.pathname : `${url.origin}${url.pathname}`}`
  }

  /** Error text in oras' style: what was asked, the status and the registry's own code and message. */
  private async fail(res: HttpResponse, method: string, what?: string): Promise<never> {
    if (res.bodyStream) {
      const chunks: Buffer[] = []
      let size = 0
      // Breaking out destroys the stream: an endless error body is not read to its end.
      for await (const c of res.bodyStream) {
        chunks.push(c as Buffer)
        if ((size += (c as Buffer).length) >= MAX_ERROR_BODY) break
      }
      res.body = Buffer.concat(chunks)
    }
    const { code, text } = registryErrorDetail(res.body, scrubSecrets)
    let detail = text
    const hint =
      res.status === 401 || res.status === 403
        ? 'Check the credentials and that they may push to this repository'
        : code === 'NAME_UNKNOWN'
          ? 'Create the repository first if this registry does not create repositories on push (for Amazon ECR and ECR Public, set create-repository: true)'
          : res.status >= 500
            ? 'The registry failed; re-run the job, and check the registry status if it persists'
            : undefined
    // Say so when retries stopped because the chart's time for them ran out, not because the registry gave up.
    if (isRetryableStatus(res.status) && this.budget.refused) detail += ` (not retried further: ${this.budget.exhausted})`
    throw new RegistryError(`${what ? `${what}: ` : ''}${this.display(method, res.url)} on ${this.host}: response status ${res.status}${detail}`, {
      status: res.status,
      code,
      registry: this.host,
      hint
    })
  }

  /** The login this client answers challenges with (also written to Docker's config by `docker-config`). */
  get credentials(): CredentialSource | undefined {
    return this.opts.credentials
  }

  private async credential(refresh: boolean): Promise<Credential | undefined> {
    return this.opts.credentials?.get(this.host, { refresh })
  }

  private authorization(scopeKey: string): string | undefined {
    if (this.scheme === 'basic') return this.basicHeader
    if (this.scheme === 'bearer') {
      const t = this.tokens.get(scopeKey)
      return t ? `Bearer ${t}` : undefined
    }
    return undefined
  }

  /** Answers the challenge in `res` (the caller replays), or throws when it cannot be answered. */
  private async authenticate(res: HttpResponse, scopes: string[], refresh: boolean, sent?: string): Promise<void> {
    const challenge = parseChallenge(headerValue(res.headers, 'www-authenticate'))
    if (challenge.scheme === 'basic') {
      const cred = await this.credential(refresh)
      if (!cred?.username || !cred.password) {
        throw new AuthError(`${this.host} asks for a username and password (HTTP Basic) and none were given`, {
          registry: this.host,
          hint: 'Set the `username` and `password` inputs (a token works as password)'
        })
      }
      trace(() => `${this.host} asks for HTTP Basic; answering as ${cred.username}`)
      this.scheme = 'basic'
      this.basicHeader = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`
      return
    }
    if (challenge.scheme !== 'bearer') {
      throw new AuthError(`${this.host} answered 401 without a Basic or Bearer challenge`, {
        registry: this.host,
        hint: 'Check the registry address; this may not be an OCI registry'
      })
    }
    this.scheme = 'bearer'
    this.challengeParams = challenge.params
    // Sent before another request got this scope's token: replay with that token instead of asking again.
    const current = this.authorization(cleanScopes(scopes).join(' '))
    if (!refresh && current && current !== sent) return
    await this.bearerToken(scopes, (challenge.params.scope ?? '').split(' '), refresh)
  }

  /** Gets and caches the token for `scopes`; callers asking for the same scope meanwhile wait for the same request. */
  private async bearerToken(scopes: string[], extra: string[], refresh: boolean): Promise<void> {
    const key = cleanScopes(scopes).join(' ')
    let pending = this.tokenRequests.get(key)
    if (!pending) {
      const all = cleanScopes([...scopes, ...extra])
      const realm = this.challengeParams.realm
      trace(() => `${this.host} asks for a Bearer token from ${hostOf(realm)} for ${all.join(' ')}${refresh ? ' (renewing the credential)' : ''}`)
      pending = this.fetchToken(all, refresh)
        .catch((err) => {
          // A cloud credential may have expired between charts: mint a fresh one once.
          if (refresh || !(err instanceof AuthError) || !this.opts.credentials) throw err
          return this.fetchToken(all, true)
        })
        .finally(() => this.tokenRequests.delete(key))
      this.tokenRequests.set(key, pending)
    }
    this.tokens.set(key, await pending)
  }

  /** A registry token for `scopes` from the challenge's realm (Docker token protocol or OAuth2 refresh grant). */
  private async fetchToken(scopes: string[], refresh: boolean): Promise<string> {
    const { realm, service } = this.challengeParams
    if (!realm) throw new AuthError(`${this.host} sent a Bearer challenge without a realm`, { registry: this.host })
    let realmUrl: URL
    try {
      realmUrl = new URL(realm)
    } catch {
      throw new AuthError(`${this.host} sent a Bearer challenge whose realm is not a URL: ${realm}`, {
        registry: this.host,
        hint: 'Check the registry address; the registry must name its token service by an absolute URL'
      })
    }
    if (realmUrl.protocol !== 'https:' && !(realmUrl.protocol === 'http:' && this.base.protocol === 'http:')) {
      const at = `${realmUrl.protocol}//${realmUrl.host}`
      throw new AuthError(
        `${this.host} points its token service at ${at}${realmUrl.protocol === 'http:' ? ' over plain HTTP' : ', which is neither HTTPS nor HTTP'}`,
        {
          registry: this.host,
          hint: 'A token service must use HTTPS; set plain-http only for local test registries'
        }
      )
    }
    const cred = await this.credential(refresh)
    if (cred?.accessToken) return cred.accessToken
    const headers: Record<string, string> = { 'user-agent': this.opts.userAgent ?? 'helm-oci-publish' }
    let res: HttpResponse
    if (cred?.refreshToken) {
      const form = new URLSearchParams()
      const fields: Array<[string, string]> = [
        ['client_id', 'helm-oci-publish'],
        ['grant_type', 'refresh_token'],
        ['refresh_token', cred.refreshToken],
        ['scope', scopes.join(' ')],
        ...(service ? ([['service', service]] as Array<[string, string]>) : [])
      ]
      for (const [k, v] of fields) form.append(k, v)
      res = await sendWithRetry(
        {
          method: 'POST',
          url: realmUrl,
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
          ca: this.opts.ca,
          maxBytes: MAX_METADATA_BYTES
        },
        this.policy,
        this.budget
      ).catch((err: unknown): never => {
        throw this.networkFailure(err)
      })
    } else {
      const url = new URL(realmUrl)
      url.search = tokenQuery(realmUrl.searchParams, scopes, service)
      if (cred && (cred.username || cred.password))
        headers.authorization = `Basic ${Buffer.from(`${cred.username ?? ''}:${cred.password ?? ''}`).toString('base64')}`
      res = await sendWithRetry({ method: 'GET', url, headers, ca: this.opts.ca, maxBytes: MAX_METADATA_BYTES }, this.policy, this.budget).catch(
        (err: unknown): never => {
          throw this.networkFailure(err)
        }
      )
    }
    if (res.status !== 200) {
      const who = cred ? 'the credentials were refused' : 'anonymous access was refused'
      throw new AuthError(`token service ${realmUrl.origin}${realmUrl.pathname} for ${this.host} answered ${res.status}: ${who} for ${scopes.join(' ')}`, {
        registry: this.host,
        hint: cred
          ? 'Check the username and password (or token) and that they may push to this repository'
          : 'Set `username` and `password`, or use a login method for this registry'
      })
    }
    // oras-go reads at most 128 KiB of a token answer, and fails on one it cannot decode (a proxy's login page
    // answering 200) naming the token service.
    let body: { token?: string; access_token?: string; refresh_token?: string }
    try {
      body = (JSON.parse(res.body.subarray(0, 128 * 1024).toString('utf8')) as typeof body | null) ?? {}
    } catch {
      throw new AuthError(`token service ${realmUrl.origin}${realmUrl.pathname} for ${this.host} answered 200 with a body that is not JSON`, {
        registry: this.host,
        hint: 'Check the realm in the registry challenge and any proxy between the runner and the token service'
      })
    }
    const token = body.access_token || body.token
    // Masked the moment they exist: a registry may echo them in a later error body.
    for (const t of [body.access_token, body.token, body.refresh_token]) if (typeof t === 'string') maskSecret(t)
    if (!token) throw new AuthError(`token service for ${this.host} returned no token`, { registry: this.host })
    return token
  }

  /**
   * One request with auth: a cached Authorization if this host's scheme is
   * known; on 401 from the registry's own origin, answer the challenge and
   * replay once; on a second 401, renew the login credential once more.
   * Redirects are followed (a streamed body is opened again), and once a hop
   * leaves the registry's origin no credentials go along, not even back.
   */
  async request(o: RequestOptions): Promise<HttpResponse> {
    if (this.firstRequest) await this.firstRequest.catch(() => undefined)
    else if (!this.scheme) {
      const first = this.exchange(o)
      this.firstRequest = first
      return first
    }
    return this.exchange(o)
  }

  private async exchange(o: RequestOptions): Promise<HttpResponse> {
    const scopes = [repositoryScope(o.repository, o.push), ...(o.scopes ?? [])]
    const scopeKey = cleanScopes(scopes).join(' ')
    let url = this.url(o.url)
    let method = o.method
    let body = o.body
    let leftOrigin = false
    const follow = o.follow ?? (method === 'GET' || method === 'HEAD')
    // Bearer already known for this host: get the scope's token first instead of collecting a 401 per repository.
    if (this.scheme === 'bearer' && !this.tokens.has(scopeKey) && sameOrigin(url, this.base)) await this.bearerToken(scopes, [], false)
    for (let attempt = 0, redirects = 0; ;) {
      leftOrigin ||= !sameOrigin(url, this.base)
      const auth = leftOrigin ? undefined : this.authorization(scopeKey)
      const req: HttpRequest = {
        method,
        url,
        headers: { 'user-agent': this.opts.userAgent ?? 'helm-oci-publish', ...o.headers, authorization: auth },
        body,
        contentLength: body === undefined ? undefined : o.contentLength,
        ca: this.opts.ca,
        stream: o.stream,
        maxBytes: o.maxBytes
      }
      let res: HttpResponse
      try {
        res = o.retry === false ? await send(req) : await sendWithRetry(req, this.policy, this.budget)
      } catch (err) {
        // Upload requests resume at the session level, which needs the raw failure.
        throw o.retry === false ? err : this.networkFailure(err)
      }
      if (res.status === 401 && !leftOrigin && attempt < 2) {
        res.bodyStream?.resume()
        await this.authenticate(res, scopes, attempt === 1, auth)
        attempt++
        continue
      }
      if (res.status === 401 && leftOrigin) {
        res.bodyStream?.resume()
        throw new AuthError(
          `${method} ${displayUrl(res.url)} answered 401: ${this.host} sent this request to another host, and credentials for ${this.host} are never sent to other hosts${this.during}`,
          {
            registry: this.host,
            hint: `The password is not the problem: the registry must hand out URLs that carry their own authorization (pre-signed storage URLs), or advertise its own address in Location headers (check its public URL / proxy settings)`
          }
        )
      }
      let hop: RedirectHop | undefined
      try {
        hop = follow ? redirectHop(res, method, redirects, leftOrigin ? undefined : this.base) : undefined
      } catch (err) {
        if (!(err instanceof RedirectRefused)) throw err
        throw new RegistryError(`${err.message}${this.during}`, {
          registry: this.host,
          chart: this.chart,
          status: res.status,
          hint: err.to
            ? 'A registry reached over HTTPS must not send requests on over plain HTTP; check its storage redirect settings'
            : 'The registry, or a proxy in front of it, sent a broken redirect; check its storage redirect settings or ask its operator'
        })
      }
      if (!hop) return res
      url = hop.url
      method = hop.method
      if (hop.dropBody) body = undefined
      redirects++
    }
  }

  async blobExists(repository: string, digest: string, push = true): Promise<boolean> {
    const res = await this.request({ method: 'HEAD', url: `/v2/${repository}/blobs/${digest}`, repository, push })
    if (res.status === 200) {
      const reported = headerValue(res.headers, 'docker-content-digest')
      if (reported && reported !== digest)
        throw new RegistryError(`${this.host} reports blob ${digest} as ${reported}`, {
          registry: this.host,
          hint: 'The registry is inconsistent; contact its operator'
        })
      return true
    }
    if (res.status === 404) return false
    return this.fail(res, 'HEAD')
  }

  /**
   * Uploads a blob unless it exists. When an upload request breaks or meets
   * a retryable status, it waits as the retry policy says, then continues
   * from what the registry holds: done if the blob was committed after all,
   * else from the offset the upload session reports (GET on its URL), else
   * from a new session. The body is streamed again from that offset. A blob
   * this run already stored (or is storing) in the repository is neither
   * checked nor sent again; a failed upload may be tried again.
   */
  async pushBlob(repository: string, blob: BlobSource): Promise<'exists' | 'uploaded'> {
    const key = `${repository}@${blob.digest}`
    const earlier = this.blobs.get(key)
    if (earlier) return earlier.then(() => 'exists')
    const upload = this.uploadBlob(repository, blob)
    this.blobs.set(key, upload)
    upload.catch(() => this.blobs.delete(key))
    return upload
  }

  private async uploadBlob(repository: string, blob: BlobSource): Promise<'exists' | 'uploaded'> {
    if (await this.blobExists(repository, blob.digest)) return 'exists'
    const attempts = this.opts.uploadAttempts ?? this.policy.retries + 1
    let session: UploadSession | undefined
    for (let attempt = 0; ; attempt++) {
      try {
        session ??= { location: await this.startUpload(repository), offset: 0 }
        await this.sendFrom(repository, blob, session)
        return 'uploaded'
      } catch (err) {
        if (!(err instanceof UploadInterrupted)) throw err
        let decision: ReturnType<typeof retryDecision>
        try {
          decision =
            attempt + 1 < attempts ? retryDecision({ method: err.method, url: err.url }, err.res ?? err.cause, attempt, this.policy, this.budget) : undefined
        } catch (tooLong) {
          throw this.networkFailure(tooLong)
        }
        if (!decision) {
          if (err.res) return this.fail(err.res, err.method, `uploading ${blob.digest}`)
          if (err.cause instanceof NetworkError) err.cause.attempts = attempt + 1
          throw this.networkFailure(err.cause)
        }
        await sleep(decision.delayMs)
        // The registry may have committed it before the answer was lost.
        if (await this.blobExists(repository, blob.digest)) return 'uploaded'
        session = session && (await this.uploadStatus(repository, session.location))
        trace(() => (session ? `resuming the upload of ${blob.digest} at byte ${session.offset}` : `starting a new upload session for ${blob.digest}`))
      }
    }
  }

  /** Where an upload session stands (distribution spec: GET on its URL answers 204 with `Range: 0-<last>`); undefined when it is gone. */
  private async uploadStatus(repository: string, location: URL): Promise<UploadSession | undefined> {
    const res = await this.request({ method: 'GET', url: location, repository, push: true })
    if (res.status !== 204) return undefined
    const range = /^(?:bytes=)?0-(\d+)$/.exec(headerValue(res.headers, 'range') ?? '')
    if (!range) return undefined
    // Distribution reports an empty session as 0-0, like a one-byte one; an overlap is refused, not corrupted.
    const last = Number(range[1])
    const loc = headerValue(res.headers, 'location')
    return { location: loc ? new URL(loc, res.url) : location, offset: last === 0 ? 0 : last + 1 }
  }

  private async startUpload(repository: string): Promise<URL> {
    const res = await this.request({
      method: 'POST',
      url: `/v2/${repository}/blobs/uploads/`,
      repository,
      push: true,
      headers: { 'content-length': '0' },
      body: Buffer.alloc(0)
    })
    if (res.status !== 202) return this.fail(res, 'POST', 'cannot start a blob upload')
    return this.location(res)
  }

  private location(res: HttpResponse): URL {
    const loc = headerValue(res.headers, 'location')
    if (!loc) throw new RegistryError(`${this.host} gave no Location for the upload`, { registry: this.host, status: res.status })
    return new URL(loc, res.url)
  }

  /** One upload request; a broken connection or a retryable status becomes UploadInterrupted for pushBlob to resume. */
  private async uploadRequest(o: Omit<RequestOptions, 'retry' | 'follow' | 'push'>): Promise<HttpResponse> {
    let res: HttpResponse
    try {
      res = await this.request({ ...o, push: true, retry: false, follow: true })
    } catch (err) {
      if (err instanceof NetworkError) throw new UploadInterrupted(o.method, err.url, undefined, err)
      throw err
    }
    if (isRetryableStatus(res.status)) throw new UploadInterrupted(o.method, res.url, res)
    return res
  }

  /** Sends the blob from `session.offset`: PATCH chunks (large blobs, or a resumed upload), then PUT with the digest. */
  private async sendFrom(repository: string, blob: BlobSource, session: UploadSession): Promise<void> {
    const chunk = this.opts.chunkSize ?? DEFAULT_CHUNK
    const done = (): URL => {
      const u = new URL(session.location)
      u.searchParams.set('digest', blob.digest)
      return u
    }
    if (blob.size <= chunk && session.offset === 0) {
      const res = await this.uploadRequest({
        method: 'PUT',
        url: done(),
        repository,
        headers: { 'content-type': 'application/octet-stream' },
        body: () => blob.open(),
        contentLength: blob.size
      })
      return this.checkUploaded(res, blob)
    }
    while (session.offset < blob.size) {
      const start = session.offset
      const end = Math.min(blob.size, start + chunk) - 1
      const res = await this.uploadRequest({
        method: 'PATCH',
        url: session.location,
        repository,
        headers: { 'content-type': 'application/octet-stream', 'content-range': `${start}-${end}` },
        body: () => blob.open(start, end),
        contentLength: end - start + 1
      })
      if (res.status !== 202) return this.fail(res, 'PATCH', `uploading ${blob.digest}`)
      session.location = this.location(res)
      session.offset = end + 1
    }
    const res = await this.uploadRequest({ method: 'PUT', url: done(), repository, headers: { 'content-length': '0' }, body: Buffer.alloc(0) })
    return this.checkUploaded(res, blob)
  }

  private async checkUploaded(res: HttpResponse, blob: BlobSource): Promise<void> {
    if (res.status !== 201) return this.fail(res, 'PUT', `uploading ${blob.digest}`)
    const reported = headerValue(res.headers, 'docker-content-digest')
    if (reported && reported !== blob.digest) {
      throw new RegistryError(`${this.host} stored blob ${blob.digest} as ${reported}`, {
        registry: this.host,
        hint: 'The upload was corrupted on the way; re-run the job'
      })
    }
  }

  /** The manifest a tag or digest points at, without its body; undefined when absent. */
  async headManifest(repository: string, reference: string, push = true): Promise<ManifestInfo | undefined> {
    const res = await this.request({
      method: 'HEAD',
      url: `/v2/${repository}/manifests/${reference}`,
      repository,
      push,
      headers: { accept: MANIFEST_ACCEPT }
    })
    if (res.status === 404) return undefined
    if (res.status !== 200) return this.fail(res, 'HEAD')
    const digest = headerValue(res.headers, 'docker-content-digest')
    const mediaType = (headerValue(res.headers, 'content-type') ?? '').split(';')[0].trim()
    const size = Number(headerValue(res.headers, 'content-length') ?? 0)
    if (digest) return { digest, mediaType, size }
    // Without the header the body is the only truth (some registries omit it on HEAD).
    const got = await this.getManifest(repository, reference)
    return got && { digest: got.digest, mediaType: got.mediaType, size: got.bytes.length }
  }

  /** The manifest's bytes; `etag` (when the registry sends one) is for a conditional PUT with `If-Match`. */
  async getManifest(repository: string, reference: string): Promise<(ManifestInfo & { bytes: Buffer; etag?: string }) | undefined> {
    const res = await this.request({
      method: 'GET',
      url: `/v2/${repository}/manifests/${reference}`,
      repository,
      push: false,
      headers: { accept: MANIFEST_ACCEPT },
      maxBytes: MAX_METADATA_BYTES
    })
    if (res.status === 404) return undefined
    if (res.status !== 200) return this.fail(res, 'GET')
    const digest = sha256Digest(res.body)
    if (reference.startsWith('sha256:') && reference !== digest)
      throw new RegistryError(`${this.host} returned manifest ${digest} for ${reference}`, { registry: this.host })
    const got: ManifestInfo & { bytes: Buffer; etag?: string } = {
      digest,
      mediaType: (headerValue(res.headers, 'content-type') ?? '').split(';')[0].trim(),
      size: res.body.length,
      bytes: res.body
    }
    const etag = headerValue(res.headers, 'etag')
    if (etag) got.etag = etag
    return got
  }

  /** PUT a manifest by tag or digest; the registry must report the digest of exactly these bytes. */
  async putManifest(
    repository: string,
    reference: string,
    manifest: { mediaType: string; bytes: Buffer },
    options: { headers?: Record<string, string> } = {}
  ): Promise<string> {
    return (await this.putManifestWithResponse(repository, reference, manifest, options)).digest
  }

  /**
   * `putManifest`, also returning the response headers (`OCI-Subject` tells
   * whether the registry indexed a referrer). `options.headers` adds request
   * headers, e.g. `If-Match` for a conditional update of a tag.
   */
  async putManifestWithResponse(
    repository: string,
    reference: string,
    manifest: { mediaType: string; bytes: Buffer },
    options: { headers?: Record<string, string> } = {}
  ): Promise<{ digest: string; headers: HttpResponse['headers'] }> {
    const digest = sha256Digest(manifest.bytes)
    const res = await this.request({
      method: 'PUT',
      url: `/v2/${repository}/manifests/${reference}`,
      repository,
      push: true,
      headers: { ...options.headers, 'content-type': manifest.mediaType },
      body: manifest.bytes
    })
    if (res.status !== 201) return this.fail(res, 'PUT', `pushing manifest ${reference}`)
    const reported = headerValue(res.headers, 'docker-content-digest')
    if (reported && reported !== digest)
      throw new RegistryError(`${this.host} stored manifest ${digest} as ${reported}`, {
        registry: this.host,
        hint: 'The registry rewrote the manifest; it may not support OCI artifacts'
      })
    return { digest, headers: res.headers }
  }

  /**
   * The referrers API (`GET /v2/<repo>/referrers/<digest>`, following `Link`
   * pages): the index's descriptors, or undefined when the registry does not
   * answer 200 with an image index (no referrers API: use the tag schema).
   */
  async getReferrers(repository: string, digest: string, artifactType?: string): Promise<Array<Record<string, unknown>> | undefined> {
    const first = new URL(`/v2/${repository}/referrers/${digest}`, this.base)
    if (artifactType) first.searchParams.set('artifactType', artifactType)
    const out: Array<Record<string, unknown>> = []
    let url: URL | undefined = first
    if (this.referrersApi.get(repository) === false) return undefined
    const seen = new Set<string>()
    for (let page = 0; url; page++) {
      this.checkPage(url, seen, REFERRER_PAGES, 'listing referrers')
      const res = await this.request({
        method: 'GET',
        url,
        repository,
        push: false,
        headers: { accept: 'application/vnd.oci.image.index.v1+json' },
        maxBytes: MAX_METADATA_BYTES
      })
      const type = (headerValue(res.headers, 'content-type') ?? '').split(';')[0].trim()
      // As oras-go decides: a 404 (not for an unknown repository), or a 200 that is not an image index, means no API;
      // any other failure is an error, never "no API" (a promotion would then skip every signature without a word).
      const unsupported =
        (res.status === 404 && registryErrorDetail(res.body, scrubSecrets).code !== 'NAME_UNKNOWN') ||
        (res.status === 200 && type !== 'application/vnd.oci.image.index.v1+json')
      if (page === 0 && unsupported) {
        this.referrersApi.set(repository, false)
        return undefined
      }
      // A repository the registry does not know has no referrers, whatever the registry can do: nothing to remember.
      if (page === 0 && res.status === 404) return undefined
      if (res.status !== 200 || unsupported) return this.fail(res, 'GET', 'listing referrers')
      this.referrersApi.set(repository, true)
      let index: { manifests?: unknown }
      try {
        index = JSON.parse(res.body.toString('utf8')) as { manifests?: unknown }
      } catch {
        throw new RegistryError(`${this.host} answered GET ${url.pathname} with an index that is not JSON`, {
          registry: this.host,
          hint: 'The registry is inconsistent; contact its operator'
        })
      }
      if (Array.isArray(index.manifests)) out.push(...(index.manifests as Array<Record<string, unknown>>))
      url = nextPage(res, url)
    }
    return out
  }

  /**
   * The repository's tags (`GET /v2/<repo>/tags/list`, following `Link` pages),
   * or undefined when the repository does not exist.
   */
  async listTags(repository: string): Promise<string[] | undefined> {
    const out: string[] = []
    let url: URL | undefined = new URL(`/v2/${repository}/tags/list`, this.base)
    const seen = new Set<string>()
    for (let page = 0; url; page++) {
      this.checkPage(url, seen, TAG_PAGES, 'listing tags')
      const res = await this.request({ method: 'GET', url, repository, push: false })
      if (res.status === 404 && page === 0) return undefined
      if (res.status !== 200) return this.fail(res, 'GET', 'listing tags')
      let body: { tags?: unknown }
      try {
        body = JSON.parse(res.body.toString('utf8')) as { tags?: unknown }
      } catch {
        throw new RegistryError(`${this.host} answered GET ${url.pathname} with a tag list that is not JSON`, { registry: this.host })
      }
      if (Array.isArray(body.tags)) out.push(...body.tags.map(String))
      url = nextPage(res, url)
    }
    return out
  }

  /**
   * Before reading page `url` of a listing (`seen`: the pages read so far): a
   * link back to a page already read is a loop, and more than `max` pages a
   * registry that pages without end. Both fail, as oras-go's TagListMaxPages
   * and ReferrerListMaxPages do, rather than return part of the list (a
   * dependency would resolve to an old version, a promotion skip signatures).
   * A link to another origin fails too, as in oras-go's parseLink: the registry
   * would choose what the runner fetches (a request forgery).
   */
  private checkPage(url: URL, seen: Set<string>, max: number, what: string): void {
    if (url.origin !== this.base.origin)
      throw new RegistryError(`${what}: ${this.host} links its next page to another origin, ${url.origin}`, {
        registry: this.host,
        hint: 'The registry is inconsistent; contact its operator'
      })
    if (seen.has(url.href))
      throw new RegistryError(`${what}: ${this.host} links back to a page it already sent (${this.display('GET', url)})`, {
        registry: this.host,
        hint: 'The registry pages in a loop; contact its operator'
      })
    if (seen.size >= max)
      throw new RegistryError(`${what}: ${this.host} links more than ${max} pages`, {
        registry: this.host,
        hint: 'The registry pages without end; contact its operator'
      })
    seen.add(url.href)
  }

  /**
   * Cross-repository mount (`POST …/blobs/uploads/?mount=<digest>&from=<repo>`):
   * true when the registry mounted the blob (201); false when it opened an
   * upload session instead (202: it cannot mount, so the caller uploads),
   * and that session is cancelled.
   */
  async mountBlob(repository: string, digest: string, from: string): Promise<boolean> {
    const url = new URL(`/v2/${repository}/blobs/uploads/`, this.base)
    url.searchParams.set('mount', digest)
    url.searchParams.set('from', from)
    const res = await this.request({
      method: 'POST',
      url,
      repository,
      push: true,
      scopes: [repositoryScope(from, false)],
      // An empty body: send() writes `Content-Length: 0`, as the distribution API's mount request has.
      body: Buffer.alloc(0)
    })
    if (res.status === 201) {
      const reported = headerValue(res.headers, 'docker-content-digest')
      if (reported && reported !== digest)
        throw new RegistryError(`${this.host} mounted ${reported} when asked for ${digest}`, {
          registry: this.host,
          hint: 'The registry is inconsistent; contact its operator'
        })
      return true
    }
    if (res.status === 202) {
      const loc = headerValue(res.headers, 'location')
      // Best effort: an abandoned session expires on its own.
      if (loc) await this.request({ method: 'DELETE', url: new URL(loc, res.url), repository, push: true }).catch(() => undefined)
      return false
    }
    return this.fail(res, 'POST', `mounting ${digest} from ${from}`)
  }

  /**
   * A blob's content as a stream, from byte `start` to `end` (inclusive) when
   * given; redirects to storage are followed without credentials. A registry
   * that ignores `Range` is read from the start and cut to the range.
   */
  async openBlob(repository: string, digest: string, start?: number, end?: number): Promise<Readable> {
    const ranged = start !== undefined && end !== undefined
    const res = await this.request({
      method: 'GET',
      url: `/v2/${repository}/blobs/${digest}`,
      repository,
      push: false,
      follow: true,
      stream: true,
      headers: ranged ? { range: `bytes=${start}-${end}` } : undefined
    })
    if (res.status !== 200 && !(ranged && res.status === 206)) return this.fail(res, 'GET', `reading blob ${digest}`)
    const body = res.bodyStream!
    if (!ranged || res.status === 206) return body
    return body.pipe(byteRange(start, end))
  }

  /**
   * A blob read whole into memory, following redirects to storage without credentials: configs and bundles (up to
   * `maxBytes`, oras-go's metadata bound unless told), or a chart archive; its digest is checked.
   */
  async getBlob(repository: string, digest: string, maxBytes = MAX_METADATA_BYTES): Promise<Buffer> {
    const res = await this.request({ method: 'GET', url: `/v2/${repository}/blobs/${digest}`, repository, push: false, follow: true, maxBytes })
    if (res.status !== 200) return this.fail(res, 'GET')
    if (sha256Digest(res.body) !== digest) throw new RegistryError(`${this.host} returned other content for blob ${digest}`, { registry: this.host })
    return res.body
  }
}

/** Passes bytes `start`..`end` (inclusive) of what flows through, and drops the rest. */
function byteRange(start: number, end: number): Transform {
  let at = 0
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const from = Math.max(0, start - at)
      const to = Math.min(chunk.length, end + 1 - at)
      at += chunk.length
      done(null, from < to ? chunk.subarray(from, to) : undefined)
    }
  })
}
