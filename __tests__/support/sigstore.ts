/**
 * Sigstore, offline: @sigstore/mock's Fulcio (strict), a Rekor v1 log and an
 * RFC 3161 timestamp authority, each served by its own node:http server on
 * 127.0.0.1 (so one can be faulted or taken down on its own), the trusted root
 * that makes @sigstore/verify accept what they issue, a GitHub Actions OIDC
 * token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL), and a verifier that pins the
 * certificate identity, the issuer and the signed digest.
 *
 * Rekor shim (reference/sigstore.md §5.3): the mock's tlog.log() stores the
 * *proposed* entry as the log body. Real Rekor stores the canonical form, and
 * for `dsse` 0.0.1 entries (the @sigstore/sign default) that differs, so
 * @sigstore/verify would reject every DSSE bundle with
 * `TLOG_BODY_ERROR signature count mismatch`. We therefore serve
 * POST /api/v1/log/entries ourselves and log canonicalizeRekorEntry(body).
 * `hashedrekord` and `intoto` bodies are passed through unchanged.
 *
 * Everything here is loopback HTTP, so it also works for the action run as a
 * child process (`node dist/index.js`), unlike the nock-based mockFulcio() etc.
 */
import * as crypto from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, initializeTSA, tsaHandler, type HandlerFn } from '@sigstore/mock'
import { bundleFromJSON } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify'
import { randomToken, serve as serveEmulator } from './emulators/server'

export type SigstoreService = 'fulcio' | 'rekor' | 'tsa'
export type SigstoreFault = { status: number; times: number } | 'down'

export interface SigstoreEmulator {
  /** Base URLs (`http://127.0.0.1:PORT`, no trailing slash), one server per service. */
  fulcioUrl: string
  rekorUrl: string
  /** '' unless started with `withTsa: true`. */
  tsaUrl: string
  /** JSON for `TrustedRoot.fromJSON` (@sigstore/protobuf-specs) / `toTrustMaterial` (@sigstore/verify). */
  trustedRoot: object
  /**
   * Injects faults. `{status, times}`: the next `times` requests to the service
   * answer `status` with a JSON `{code, message}` body. For Rekor, status 409
   * is special: the entry *is* logged and the answer carries
   * `Location: /api/v1/log/entries/<uuid>`, as when a timed-out POST did succeed
   * and the client re-posts it (exercises `fetchOnConflict`).
   * `'down'`: closes the service's listening socket and drops its connections
   * (connection refused from then on; there is no way back up).
   */
  fault(service: SigstoreService, f: SigstoreFault): void
  /** Requests each service received (faulted ones included; refused connections are not requests). */
  requests: { fulcio: number; rekor: number; tsa: number }
  stop(): Promise<void>
}

/**
 * The JWT claim mock Fulcio copies into the certificate SAN (fulcioHandler's
 * `subjectClaim`). Real Fulcio derives `https://github.com/<job_workflow_ref>`
 * from a GitHub token; the mock can only copy one claim verbatim, so the token
 * endpoint adds this test-only claim and keeps `sub` GitHub-shaped.
 */
export const SAN_CLAIM = 'x_sigstore_test_san'
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

const newKeyPair = (): crypto.KeyPairKeyObjectResult => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
const sha256 = (b: Buffer | string): Buffer => crypto.createHash('sha256').update(b).digest()
const b64 = (b: ArrayBufferView): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64')

interface ProposedEntry {
  kind?: string
  apiVersion?: string
  spec?: { proposedContent?: { envelope: string; verifiers: string[] } }
}

/**
 * What Rekor stores for a proposed entry (sigstore/rekor
 * pkg/types/dsse/v0.0.1/entry.go Canonicalize). Only `dsse` needs rewriting.
 */
export function canonicalizeRekorEntry(entry: ProposedEntry): object {
  const pc = entry.spec?.proposedContent
  if (entry.kind !== 'dsse' || !pc) return entry
  const env = JSON.parse(pc.envelope) as { payload: string; signatures: Array<{ sig: string }> }
  if (env.signatures.length !== pc.verifiers.length) throw new Error('dsse: one verifier per signature expected')
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(pc.envelope).toString('hex') },
      payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(env.payload, 'base64')).toString('hex') },
      signatures: env.signatures.map((s, i) => ({ signature: s.sig, verifier: pc.verifiers[i] }))
    }
  }
}

interface Route {
  method: string
  /** Exact path, or a prefix when it ends with '/'. */
  path: string
  fn: (
    body: string,
    path: string,
    fault?: { status: number }
  ) => Promise<{ statusCode: number; response: string | ArrayBufferView; contentType?: string; headers?: Record<string, string> }>
}

interface ServiceServer {
  url: string
  down(): Promise<void>
}

async function startService(
  service: SigstoreService,
  routes: Route[],
  faults: Map<SigstoreService, { status: number; times: number }>,
  requests: Record<SigstoreService, number>
): Promise<ServiceServer> {
  const sockets = new Set<Socket>()
  const server = http.createServer((req, res) => {
    requests[service]++
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]
      const route = routes.find((r) => r.method === req.method && (r.path.endsWith('/') ? path.startsWith(r.path) : path === r.path))
      const f = faults.get(service)
      let fault: { status: number } | undefined
      if (f && f.times > 0) {
        f.times--
        fault = { status: f.status }
      }
      const reply = (status: number, body: string | ArrayBufferView, headers: Record<string, string>): void => {
        res.writeHead(status, headers)
        res.end(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength))
      }
      const json = { 'content-type': 'application/json' }
      // A route may handle its own faults (Rekor's 409); the rest answer the status.
      if (fault && !(route && service === 'rekor' && fault.status === 409)) {
        return reply(fault.status, JSON.stringify({ code: fault.status, message: `injected fault: ${service} answers ${fault.status}` }), json)
      }
      if (!route) return reply(404, JSON.stringify({ code: 404, message: `no route ${req.method} ${path}` }), json)
      route.fn(Buffer.concat(chunks).toString(), path, fault).then(
        (out) => reply(out.statusCode, out.response, { 'content-type': out.contentType ?? 'text/plain', ...out.headers }),
        (err: Error) => reply(500, JSON.stringify({ code: 500, message: err.message }), json)
      )
    })
  })
  server.keepAliveTimeout = 1000
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  let closed: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    down: () =>
      (closed ??= new Promise<void>((r) => {
        server.close(() => r())
        for (const s of sockets) s.destroy()
      }))
  }
}

export async function startSigstore(opts: { withTsa?: boolean } = {}): Promise<SigstoreEmulator> {
  const faults = new Map<SigstoreService, { status: number; times: number }>()
  const requests: Record<SigstoreService, number> = { fulcio: 0, rekor: 0, tsa: 0 }
  // Must precede the first certificate, log entry and timestamp (§5.1).
  const start = new Date(Date.now() - 60_000).toISOString()

  const ctlog = await initializeCTLog(newKeyPair())
  const ca = await initializeCA(newKeyPair(), ctlog)
  const fulcio = fulcioHandler(ca, { strict: true, subjectClaim: SAN_CLAIM })
  const fulcioServer = await startService('fulcio', [fromHandler('POST', fulcio.path, fulcio.fn)], faults, requests)

  // The tlog needs its own URL (checkpoint origin), so it is created after the server.
  let tlog!: Awaited<ReturnType<typeof initializeTLog>>
  const entries = new Map<string, object>()
  const rekorServer = await startService(
    'rekor',
    [
      {
        method: 'POST',
        path: '/api/v1/log/entries',
        fn: async (body, _path, fault) => {
          let proposed: ProposedEntry
          try {
            proposed = JSON.parse(body) as ProposedEntry
          } catch (e) {
            return { statusCode: 400, response: JSON.stringify({ code: 400, message: (e as Error).message }), contentType: 'application/json' }
          }
          const logged = (await tlog.log(canonicalizeRekorEntry(proposed))) as Record<string, object>
          const uuid = Object.keys(logged)[0]
          entries.set(uuid, logged)
          if (fault?.status === 409) {
            return {
              statusCode: 409,
              response: JSON.stringify({ code: 409, message: `an equivalent entry already exists in the transparency log with UUID ${uuid}` }),
              contentType: 'application/json',
              headers: { location: `/api/v1/log/entries/${uuid}` }
            }
          }
          return { statusCode: 201, response: JSON.stringify(logged), contentType: 'application/json', headers: { location: `/api/v1/log/entries/${uuid}` } }
        }
      },
      {
        method: 'GET',
        path: '/api/v1/log/entries/',
        fn: async (_body, path) => {
          const e = entries.get(path.slice('/api/v1/log/entries/'.length))
          return e
            ? { statusCode: 200, response: JSON.stringify(e), contentType: 'application/json' }
            : { statusCode: 404, response: JSON.stringify({ code: 404, message: 'entry not found' }), contentType: 'application/json' }
        }
      }
    ],
    faults,
    requests
  )
  tlog = await initializeTLog(rekorServer.url, newKeyPair())

  let tsaServer: ServiceServer | undefined
  let tsa: Awaited<ReturnType<typeof initializeTSA>> | undefined
  if (opts.withTsa) {
    tsa = await initializeTSA(newKeyPair())
    const h = tsaHandler(tsa, { strict: true })
    // The mock encodes genTime with pkijs, which drops trailing zeros of the milliseconds (".12Z"), and
    // @sigstore/core parses exactly three digits: stay off such instants, or about one run in ten flakes.
    // The mock reads the clock a little later than this check, so keep a few milliseconds' margin.
    const fn: typeof h.fn = async (body) => {
      while (Date.now() % 10 === 0 || Date.now() % 10 > 6) await new Promise((r) => setTimeout(r, 1))
      return h.fn(body)
    }
    tsaServer = await startService('tsa', [fromHandler('POST', h.path, fn)], faults, requests)
  }

  const logKey = (spki: Buffer, keyId: string) => ({
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: spki.toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
    logId: { keyId }
  })
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'fulcio' },
        uri: fulcioServer.url,
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor: { start }
      }
    ],
    tlogs: [{ baseUrl: rekorServer.url, ...logKey(tlog.publicKey, sha256(tlog.publicKey).toString('base64')) }],
    ctlogs: [{ baseUrl: 'https://ctfe.sigstore.mock', ...logKey(ctlog.publicKey, b64(ctlog.logID)) }],
    timestampAuthorities: tsa
      ? [
          {
            subject: { organization: 'sigstore.mock', commonName: 'tsa' },
            uri: tsaServer!.url,
            certChain: { certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }] },
            validFor: { start }
          }
        ]
      : []
  }

  const servers: Partial<Record<SigstoreService, ServiceServer>> = { fulcio: fulcioServer, rekor: rekorServer, tsa: tsaServer }
  return {
    fulcioUrl: fulcioServer.url,
    rekorUrl: rekorServer.url,
    tsaUrl: tsaServer?.url ?? '',
    trustedRoot,
    requests,
    fault(service, f) {
      const s = servers[service]
      if (!s) throw new Error(`${service} is not running (startSigstore({ withTsa: true }) starts the TSA)`)
      if (f === 'down') void s.down()
      else faults.set(service, { status: f.status, times: f.times })
    },
    stop: async () => {
      await Promise.all(Object.values(servers).map((s) => s?.down()))
    }
  }
}

function fromHandler(method: string, path: string, fn: HandlerFn): Route {
  return { method, path, fn: (body) => fn(body) }
}

export interface GitHubTokenEndpoint {
  /** As the runner sets them with `permissions: id-token: write` (the URL already has a query). */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string }
  /** The certificate identity Fulcio writes: `https://github.com/<job_workflow_ref>`. */
  san: string
  issuer: string
  /** Every ID token handed out, for leak checks. */
  tokens: string[]
  stop(): Promise<void>
}

/**
 * GitHub's OIDC token endpoint: `GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=X`
 * with `Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>` → `{"count":1,"value":<JWT>}`.
 * The JWT is not really signed (mock Fulcio only decodes it).
 * (emulators/github-oidc.ts does not fit: its issuer is its own URL and it has no job_workflow_ref.)
 */
export async function startGitHubTokenEndpoint(
  claims: Partial<{ repository: string; jobWorkflowRef: string; ref: string; sha: string }> = {}
): Promise<GitHubTokenEndpoint> {
  const repository = claims.repository ?? 'acme/charts'
  const owner = repository.split('/')[0]
  const ref = claims.ref ?? 'refs/heads/main'
  const sha =
    claims.sha ??
    crypto
      .createHash('sha1')
      .update(repository + ref)
      .digest('hex')
  const jobWorkflowRef = claims.jobWorkflowRef ?? `${repository}/.github/workflows/release.yml@${ref}`
  const san = `https://github.com/${jobWorkflowRef}`
  const requestToken = randomToken('ghs_idreq_')
  const tokens: string[] = []
  const em = await serveEmulator((req) => {
    if (req.method !== 'GET' || req.url.pathname !== '/_apis/idtoken') return { status: 404, body: { message: 'Not Found' } }
    if (req.headers.authorization !== `Bearer ${requestToken}`) return { status: 401, body: { message: 'Bad credentials' } }
    if (req.url.searchParams.get('api-version') !== '2.0') return { status: 400, body: { message: 'api-version=2.0 missing' } }
    const now = Math.floor(Date.now() / 1000)
    const payload = {
      jti: crypto.randomUUID(),
      sub: `repo:${repository}:ref:${ref}`,
      aud: req.url.searchParams.get('audience') ?? `https://github.com/${owner}`,
      ref,
      sha,
      repository,
      repository_owner: owner,
      repository_owner_id: '1001',
      repository_id: '2002',
      repository_visibility: 'public',
      run_id: '3003',
      run_number: '7',
      run_attempt: '1',
      actor: 'octocat',
      actor_id: '4004',
      workflow: 'release',
      event_name: 'push',
      ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      workflow_ref: jobWorkflowRef,
      workflow_sha: sha,
      job_workflow_ref: jobWorkflowRef,
      job_workflow_sha: sha,
      runner_environment: 'github-hosted',
      [SAN_CLAIM]: san,
      iss: GITHUB_ISSUER,
      nbf: now - 5,
      iat: now,
      exp: now + 300
    }
    const enc = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url')
    const jwt = `${enc({ typ: 'JWT', alg: 'RS256', kid: 'sigstore-test' })}.${enc(payload)}.${crypto.randomBytes(256).toString('base64url')}`
    tokens.push(jwt)
    return { status: 200, body: { count: 1, value: jwt } }
  })
  return {
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: `${em.url}/_apis/idtoken?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    san,
    issuer: GITHUB_ISSUER,
    tokens,
    stop: () => em.stop()
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

export interface VerifyExpectation {
  /** Exact certificate SAN (matched as an anchored, escaped regex). */
  san: string
  /** Exact OIDC issuer certificate extension. */
  issuer: string
  /** DSSE bundles (required): some in-toto subject must have this sha256 (`sha256:<hex>` or `<hex>`). */
  digest?: string
  /** Message-signature bundles (required): the signed bytes. */
  artifact?: Buffer
  /** DSSE bundles: the statement's predicateType must equal this. */
  predicateType?: string
  /** Require an RFC 3161 timestamp in the bundle (it is always verified when present). */
  requireTsa?: boolean
}

/**
 * Verifies a serialized Sigstore bundle against `trustedRoot` with
 * @sigstore/verify (1 tlog entry, 1 SCT, 1 timestamp), pinning SAN and issuer.
 * DSSE: @sigstore/verify ignores the artifact, so the in-toto statement's
 * subject digest is checked here. Throws on any mismatch (the verifier's
 * VerificationError/PolicyError, or an Error naming the mismatch).
 */
export function verifyBundle(trustedRoot: object, bundleJson: unknown, expect: VerifyExpectation): { statement?: any; certificate: string; san: string } {
  const bundle = bundleFromJSON(bundleJson)
  const isDsse = bundle.content.$case === 'dsseEnvelope'
  if (isDsse && expect.digest === undefined) throw new Error('verifyBundle: a DSSE bundle needs expect.digest')
  if (!isDsse && expect.artifact === undefined) throw new Error('verifyBundle: a message-signature bundle needs expect.artifact')
  const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(trustedRoot)), { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 })
  const signer = verifier.verify(toSignedEntity(bundle, isDsse ? undefined : expect.artifact), {
    subjectAlternativeName: `^${escapeRegExp(expect.san)}$`,
    extensions: { issuer: expect.issuer }
  })
  const san = signer.identity?.subjectAlternativeName
  if (san !== expect.san) throw new Error(`certificate SAN ${String(san)}, expected ${expect.san}`) // belt and braces
  if (expect.requireTsa && !bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length) {
    throw new Error('bundle has no RFC 3161 timestamp')
  }

  const vm = bundle.verificationMaterial.content
  const der =
    vm.$case === 'certificate' ? vm.certificate.rawBytes : vm.$case === 'x509CertificateChain' ? vm.x509CertificateChain.certificates[0]?.rawBytes : undefined
  if (!der) throw new Error('bundle has no signing certificate')
  const certificate = new crypto.X509Certificate(der).toString()

  if (bundle.content.$case !== 'dsseEnvelope') return { certificate, san }
  const env = bundle.content.dsseEnvelope
  if (env.payloadType !== 'application/vnd.in-toto+json') throw new Error(`DSSE payloadType ${env.payloadType}, expected application/vnd.in-toto+json`)
  const statement = JSON.parse(env.payload.toString('utf8')) as { _type?: string; subject?: Array<{ digest?: Record<string, string> }>; predicateType?: string }
  if (statement._type !== 'https://in-toto.io/Statement/v1') throw new Error(`statement _type ${String(statement._type)}`)
  const want = expect.digest!.replace(/^sha256:/, '').toLowerCase()
  const got = (statement.subject ?? []).map((s) => s.digest?.sha256)
  if (!got.includes(want)) throw new Error(`statement subject sha256 [${got.join(', ')}] does not include ${want}`)
  if (expect.predicateType !== undefined && statement.predicateType !== expect.predicateType) {
    throw new Error(`statement predicateType ${String(statement.predicateType)}, expected ${expect.predicateType}`)
  }
  return { statement, certificate, san }
}
