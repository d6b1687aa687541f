/**
 * A distribution-spec client for what publishing needs: blob existence and
 * upload (monolithic, or chunked for large blobs, streamed from disk either
 * way), manifest get/head/put, and the registry's auth challenge (Basic, or
 * Bearer tokens per scope from the realm, anonymous or with credentials).
 * Transient failures are retried with oras-go's backoff; an upload that
 * breaks is restarted from a fresh session; credentials never leave the
 * registry's origin, also not on redirects to blob storage.
 */
import type { Readable } from 'node:stream'
import { AuthError, RegistryError } from '../errors'
import { DEFAULT_RETRY, headerValue, send, sendWithRetry, sameOrigin, type HttpRequest, type HttpResponse, type RetryPolicy } from '../http'
import { cleanScopes, parseChallenge, repositoryScope, tokenQuery } from './challenge'
import type { Credential, CredentialSource } from './credentials'
import { sha256Digest } from './helm-artifact'

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
  /** How many times a broken blob upload is started again. */
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
  /** Retry transient failures here; off for requests that carry upload data (the session restarts instead). */
  retry?: boolean
  /** Follow redirects (GET/HEAD of blobs), stripping credentials when the origin changes. */
  follow?: boolean
}

export class RegistryClient {
  readonly host: string
  readonly base: URL
  private readonly opts: RegistryClientOptions
  private scheme?: 'basic' | 'bearer'
  private basicHeader?: string
  private readonly tokens = new Map<string, string>()
  private challengeParams: Record<string, string> = {}

  constructor(opts: RegistryClientOptions) {
    this.opts = opts
    this.host = opts.host
    // Docker Hub's API lives on another name than its references (oras, Docker).
    const apiHost = opts.host === 'docker.io' ? 'registry-1.docker.io' : opts.host
    this.base = new URL(`${opts.plainHttp ? 'http' : 'https'}://${apiHost}/`)
  }

  private url(u: string | URL): URL {
    return u instanceof URL ? u : new URL(u, this.base)
  }

  private display(method: string, url: URL): string {
    return `${method} ${url.origin === this.base.origin ? url.pathname : `${url.origin}${url.pathname}`}`
  }

  /** Error text in oras' style: what was asked, the status and the registry's own code and message. */
  private async fail(res: HttpResponse, method: string, what?: string): Promise<never> {
    let detail = ''
    let code: string | undefined
    if (res.bodyStream) {
      const chunks: Buffer[] = []
      for await (const c of res.bodyStream) chunks.push(c as Buffer)
      res.body = Buffer.concat(chunks)
    }
    try {
      const parsed = JSON.parse(res.body.toString('utf8')) as { errors?: Array<{ code?: string; message?: string }> }
      const e = parsed.errors?.[0]
      if (e) {
        code = e.code
        detail = `: ${(e.code ?? '').toLowerCase().replace(/_/g, ' ')}: ${e.message ?? ''}`
      }
    } catch {
      const text = res.body.toString('utf8').trim().slice(0, 200)
      if (text) detail = `: ${text}`
    }
    const hint =
      res.status === 401 || res.status === 403
        ? 'Check the credentials and that they may push to this repository'
        : code === 'NAME_UNKNOWN'
          ? 'Create the repository first if this registry does not create repositories on push'
          : res.status >= 500
            ? 'The registry failed; re-run the job, and check the registry status if it persists'
            : undefined
    throw new RegistryError(`${what ? `${what}: ` : ''}${this.display(method, res.url)} on ${this.host}: response status ${res.status}${detail}`, {
      status: res.status,
      code,
      registry: this.host,
      hint
    })
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

  /** Answers the challenge in `res`; returns false when there is nothing more to try. */
  private async authenticate(res: HttpResponse, scopes: string[], refresh: boolean): Promise<boolean> {
    const challenge = parseChallenge(headerValue(res.headers, 'www-authenticate'))
    if (challenge.scheme === 'basic') {
      const cred = await this.credential(refresh)
      if (!cred?.username || !cred.password) {
        throw new AuthError(`${this.host} asks for a username and password (HTTP Basic) and none were given`, {
          registry: this.host,
          hint: 'Set the `username` and `password` inputs (a token works as password)'
        })
      }
      this.scheme = 'basic'
      this.basicHeader = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`
      return true
    }
    if (challenge.scheme !== 'bearer') {
      throw new AuthError(`${this.host} answered 401 without a Basic or Bearer challenge`, {
        registry: this.host,
        hint: 'Check the registry address; this may not be an OCI registry'
      })
    }
    this.scheme = 'bearer'
    this.challengeParams = challenge.params
    const all = cleanScopes([...scopes, ...(challenge.params.scope ?? '').split(' ')])
    let token: string
    try {
      token = await this.fetchToken(all, refresh)
    } catch (err) {
      // A cloud credential may have expired between charts: mint a fresh one once.
      if (refresh || !(err instanceof AuthError) || !this.opts.credentials) throw err
      token = await this.fetchToken(all, true)
    }
    this.tokens.set(cleanScopes(scopes).join(' '), token)
    return true
  }

  /** A registry token for `scopes` from the challenge's realm (Docker token protocol or OAuth2 refresh grant). */
  private async fetchToken(scopes: string[], refresh: boolean): Promise<string> {
    const { realm, service } = this.challengeParams
    if (!realm) throw new AuthError(`${this.host} sent a Bearer challenge without a realm`, { registry: this.host })
    const realmUrl = new URL(realm)
    if (realmUrl.protocol !== 'https:' && !(realmUrl.protocol === 'http:' && this.base.protocol === 'http:')) {
      throw new AuthError(`${this.host} points its token service at ${realmUrl.origin} over plain HTTP`, {
        registry: this.host,
        hint: 'A token service must use HTTPS; set plain-http only for local test registries'
      })
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
          ca: this.opts.ca
        },
        this.opts.retry ?? DEFAULT_RETRY
      )
    } else {
      const url = new URL(realmUrl)
      url.search = tokenQuery(realmUrl.searchParams, scopes, service)
      if (cred && (cred.username || cred.password))
        headers.authorization = `Basic ${Buffer.from(`${cred.username ?? ''}:${cred.password ?? ''}`).toString('base64')}`
      res = await sendWithRetry({ method: 'GET', url, headers, ca: this.opts.ca }, this.opts.retry ?? DEFAULT_RETRY)
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
    const body = JSON.parse(res.body.subarray(0, 128 * 1024).toString('utf8')) as { token?: string; access_token?: string }
    const token = body.access_token || body.token
    if (!token) throw new AuthError(`token service for ${this.host} returned no token`, { registry: this.host })
    return token
  }

  /**
   * One request with auth: a cached Authorization if this host's scheme is
   * known; on 401 from the registry's own origin, answer the challenge and
   * replay once; on a second 401, renew the login credential once more.
   */
  async request(o: RequestOptions): Promise<HttpResponse> {
    const scopes = [repositoryScope(o.repository, o.push)]
    const scopeKey = cleanScopes(scopes).join(' ')
    let url = this.url(o.url)
    for (let attempt = 0, redirects = 0; ;) {
      const auth = sameOrigin(url, this.base) ? this.authorization(scopeKey) : undefined
      const req: HttpRequest = {
        method: o.method,
        url,
        headers: { 'user-agent': this.opts.userAgent ?? 'helm-oci-publish', ...o.headers, authorization: auth },
        body: o.body,
        contentLength: o.contentLength,
        ca: this.opts.ca,
        stream: o.stream
      }
      const res = o.retry === false ? await send(req) : await sendWithRetry(req, this.opts.retry ?? DEFAULT_RETRY)
      if (res.status === 401 && sameOrigin(res.url, this.base) && attempt < 2) {
        res.bodyStream?.resume()
        await this.authenticate(res, scopes, attempt === 1)
        attempt++
        continue
      }
      if (o.follow && [301, 302, 303, 307, 308].includes(res.status) && redirects < 10) {
        res.bodyStream?.resume()
        const loc = headerValue(res.headers, 'location')
        if (!loc) return res
        url = new URL(loc, url)
        redirects++
        continue
      }
      return res
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

  /** Uploads a blob unless it exists; restarts the upload session when it breaks. */
  async pushBlob(repository: string, blob: BlobSource): Promise<'exists' | 'uploaded'> {
    if (await this.blobExists(repository, blob.digest)) return 'exists'
    const attempts = this.opts.uploadAttempts ?? 3
    for (let attempt = 1; ; attempt++) {
      try {
        await this.upload(repository, blob)
        return 'uploaded'
      } catch (err) {
        const retryable = !(err instanceof RegistryError || err instanceof AuthError) || (err instanceof RegistryError && (err.status ?? 0) >= 500)
        if (attempt >= attempts || !retryable) throw err
        await new Promise((r) => setTimeout(r, 250 * attempt))
      }
    }
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

  private async upload(repository: string, blob: BlobSource): Promise<void> {
    let location = await this.startUpload(repository)
    const chunk = this.opts.chunkSize ?? DEFAULT_CHUNK
    if (blob.size > chunk) {
      for (let start = 0; start < blob.size; start += chunk) {
        const end = Math.min(blob.size, start + chunk) - 1
        const res = await this.request({
          method: 'PATCH',
          url: location,
          repository,
          push: true,
          headers: { 'content-type': 'application/octet-stream', 'content-range': `${start}-${end}` },
          body: () => blob.open(start, end),
          contentLength: end - start + 1,
          retry: false
        })
        if (res.status !== 202) return this.fail(res, 'PATCH', `uploading ${blob.digest}`)
        location = this.location(res)
      }
      const done = new URL(location)
      done.searchParams.set('digest', blob.digest)
      const res = await this.request({
        method: 'PUT',
        url: done,
        repository,
        push: true,
        headers: { 'content-length': '0' },
        body: Buffer.alloc(0),
        retry: false
      })
      return this.checkUploaded(res, blob)
    }
    const put = new URL(location)
    put.searchParams.set('digest', blob.digest)
    const res = await this.request({
      method: 'PUT',
      url: put,
      repository,
      push: true,
      headers: { 'content-type': 'application/octet-stream' },
      body: () => blob.open(),
      contentLength: blob.size,
      retry: false
    })
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
  async headManifest(repository: string, reference: string): Promise<ManifestInfo | undefined> {
    const res = await this.request({
      method: 'HEAD',
      url: `/v2/${repository}/manifests/${reference}`,
      repository,
      push: true,
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
      headers: { accept: MANIFEST_ACCEPT }
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
    for (let page = 0; url && page < 100; page++) {
      const res = await this.request({ method: 'GET', url, repository, push: false, headers: { accept: 'application/vnd.oci.image.index.v1+json' } })
      const type = (headerValue(res.headers, 'content-type') ?? '').split(';')[0].trim()
      if (res.status !== 200 || type !== 'application/vnd.oci.image.index.v1+json') {
        if (page === 0) return undefined
        return this.fail(res, 'GET', 'listing referrers')
      }
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
      // Another origin gets no credentials (request() strips them).
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
    for (let page = 0; url && page < 1000; page++) {
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

  /** A blob's bytes (following redirects to storage without credentials); for verification. */
  async getBlob(repository: string, digest: string): Promise<Buffer> {
    const res = await this.request({ method: 'GET', url: `/v2/${repository}/blobs/${digest}`, repository, push: false, follow: true })
    if (res.status !== 200) return this.fail(res, 'GET')
    if (sha256Digest(res.body) !== digest) throw new RegistryError(`${this.host} returned other content for blob ${digest}`, { registry: this.host })
    return res.body
  }
}
