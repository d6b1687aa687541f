/**
 * Sigstore offline: @sigstore/mock's Fulcio, Rekor v1 and timestamp
 * authority served on loopback (one server each, so one can be taken down),
 * a GitHub OIDC token endpoint for ACTIONS_ID_TOKEN_REQUEST_URL, the trusted
 * root that makes @sigstore/verify accept what they issued, and a verifier
 * that pins identity, issuer and subject digest.
 *
 * The mock Rekor stores the *proposed* entry; real Rekor canonicalizes `dsse`
 * entries (sigstore/rekor pkg/types/dsse/v0.0.1 Canonicalize), and verifiers
 * check against that form, so POST /api/v1/log/entries canonicalizes first.
 */
import * as crypto from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, initializeTSA, tsaHandler, type HandlerFn } from '@sigstore/mock'
import { bundleFromJSON } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify'

type Service = 'fulcio' | 'rekor' | 'tsa'
type Fault = { status: number; times: number } | 'down'

export interface SigstoreEmulator {
  fulcioUrl: string
  rekorUrl: string
  tsaUrl: string
  trustedRoot: object
  /** The next `times` requests to the service answer `status`; 'down' resets every connection. */
  fault(service: Service, f: Fault): void
  requests: Record<Service, number>
  stop(): Promise<void>
}

const keyPair = (): crypto.KeyPairKeyObjectResult => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
const sha256hex = (b: Buffer | string): string => crypto.createHash('sha256').update(b).digest('hex')
const b64 = (b: ArrayBufferView | Buffer): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64')

/** Rekor's canonical form of a dsse 0.0.1 entry. */
function canonicalize(entry: { kind?: string; spec?: { proposedContent?: { envelope: string; verifiers: string[] } } }): object {
  const pc = entry.spec?.proposedContent
  if (entry.kind !== 'dsse' || !pc) return entry
  const env = JSON.parse(pc.envelope) as { payload: string; signatures: Array<{ sig: string }> }
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256hex(pc.envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256hex(Buffer.from(env.payload, 'base64')) },
      signatures: env.signatures.map((s, i) => ({ signature: s.sig, verifier: pc.verifiers[i] ?? pc.verifiers[0] }))
    }
  }
}

interface Served {
  url: string
  close(): Promise<void>
}

async function serve(service: Service, routes: Record<string, HandlerFn>, faults: Map<Service, Fault>, requests: Record<Service, number>): Promise<Served> {
  const sockets = new Set<import('node:net').Socket>()
  const server = http.createServer((req, res) => {
    requests[service]++
    const f = faults.get(service)
    if (f === 'down') return req.socket.destroy()
    if (f && f.times > 0) {
      f.times--
      return void res.writeHead(f.status, { 'content-type': 'application/json' }).end('{"message":"injected fault"}')
    }
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const fn = routes[`${req.method} ${(req.url ?? '').split('?')[0]}`]
      if (!fn) return void res.writeHead(404).end()
      const out = await fn(Buffer.concat(chunks).toString())
      res.writeHead(out.statusCode, { 'content-type': out.contentType ?? 'text/plain' }).end(out.response)
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy()
        server.close(() => r())
      })
  }
}

export async function startSigstore(): Promise<SigstoreEmulator> {
  const faults = new Map<Service, Fault>()
  const requests: Record<Service, number> = { fulcio: 0, rekor: 0, tsa: 0 }
  const start = new Date(Date.now() - 60_000).toISOString()
  const ctlog = await initializeCTLog(keyPair())
  const ca = await initializeCA(keyPair(), ctlog)
  const tsa = await initializeTSA(keyPair())
  // The SAN comes from a claim of our choosing: GitHub's certificates carry https://github.com/<job_workflow_ref>.
  const fulcio = fulcioHandler(ca, { strict: true, subjectClaim: 'fulcio_san' })
  const fulcioServer = await serve('fulcio', { [`POST ${fulcio.path}`]: fulcio.fn }, faults, requests)
  let tlog: Awaited<ReturnType<typeof initializeTLog>> | undefined
  const rekorServer = await serve(
    'rekor',
    {
      'POST /api/v1/log/entries': async (body) => ({ statusCode: 201, contentType: 'application/json', response: JSON.stringify(await tlog!.log(canonicalize(JSON.parse(body)))) })
    },
    faults,
    requests
  )
  tlog = await initializeTLog(rekorServer.url, keyPair())
  const ts = tsaHandler(tsa, { strict: true })
  // The mock encodes genTime with pkijs, which drops trailing zeros of the milliseconds (".12Z"), and
  // @sigstore/core only parses three digits: stay off such instants so the test does not flake.
  const tsaServer = await serve(
    'tsa',
    {
      [`POST ${ts.path}`]: async (body) => {
        while (Date.now() % 10 === 0) await new Promise((r) => setTimeout(r, 1))
        return ts.fn(body)
      }
    },
    faults,
    requests
  )
  const key = (raw: Buffer | ArrayBufferView, logId: string) => ({
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: b64(raw), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
    logId: { keyId: logId }
  })
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    certificateAuthorities: [{ subject: { organization: 'sigstore.mock', commonName: 'fulcio' }, uri: fulcioServer.url, certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] }, validFor: { start } }],
    tlogs: [{ baseUrl: rekorServer.url, ...key(tlog.publicKey, crypto.createHash('sha256').update(tlog.publicKey).digest('base64')) }],
    ctlogs: [{ baseUrl: 'http://ctfe.invalid', ...key(ctlog.publicKey, b64(ctlog.logID)) }],
    timestampAuthorities: [{ subject: { organization: 'sigstore.mock', commonName: 'tsa' }, uri: tsaServer.url, certChain: { certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }] }, validFor: { start } }]
  }
  return {
    fulcioUrl: fulcioServer.url,
    rekorUrl: rekorServer.url,
    tsaUrl: tsaServer.url,
    trustedRoot,
    requests,
    fault: (service, f) => void faults.set(service, typeof f === 'string' ? f : { ...f }),
    stop: async () => {
      await Promise.all([fulcioServer.close(), rekorServer.close(), tsaServer.close()])
    }
  }
}

export interface TokenEndpoint {
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string }
  /** The certificate identity Fulcio will write: https://github.com/<job_workflow_ref>. */
  san: string
  issuer: string
  /** Every token handed out (tests grep logs for them). */
  tokens: string[]
  stop(): Promise<void>
}

/** GitHub's token endpoint: `GET <url>&audience=…` with the request token as Bearer → `{"value": <JWT>}`. */
export async function startGitHubTokenEndpoint(o: { repository?: string; jobWorkflowRef?: string; ref?: string; sha?: string } = {}): Promise<TokenEndpoint> {
  const repository = o.repository ?? 'acme/charts'
  const ref = o.ref ?? 'refs/tags/v1.0.0'
  const jobWorkflowRef = o.jobWorkflowRef ?? `${repository}/.github/workflows/release.yml@${ref}`
  const issuer = 'https://token.actions.githubusercontent.com'
  const san = `https://github.com/${jobWorkflowRef}`
  const requestToken = crypto.randomBytes(16).toString('hex')
  const tokens: string[] = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (req.headers.authorization !== `Bearer ${requestToken}`) return void res.writeHead(401).end()
    const now = Math.floor(Date.now() / 1000)
    const claims = {
      iss: issuer,
      aud: url.searchParams.get('audience') ?? 'https://github.com',
      sub: `repo:${repository}:ref:${ref}`,
      fulcio_san: san,
      repository,
      repository_owner: repository.split('/')[0],
      repository_id: '123',
      repository_owner_id: '456',
      ref,
      sha: o.sha ?? 'a'.repeat(40),
      workflow_ref: jobWorkflowRef,
      job_workflow_ref: jobWorkflowRef,
      event_name: 'push',
      runner_environment: 'github-hosted',
      run_id: '987',
      run_attempt: '1',
      iat: now,
      nbf: now,
      exp: now + 300
    }
    const enc = (x: object): string => Buffer.from(JSON.stringify(x)).toString('base64url')
    // Unsigned is enough: mock Fulcio decodes without verifying.
    const jwt = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(claims)}.${crypto.randomBytes(32).toString('base64url')}`
    tokens.push(jwt)
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: jwt }))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    san,
    issuer,
    tokens,
    stop: () => new Promise((r) => server.close(() => r()))
  }
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/**
 * Verifies a bundle against the emulator's trusted root with identity and
 * issuer pinned (anchored: the policy strings are regexes). For DSSE bundles,
 * which the verifier checks without the artifact, the statement's subject must
 * hold `digest`; message signatures are checked over `artifact`.
 */
export function verifyBundle(trustedRoot: object, json: unknown, expect: { san: string; issuer: string; digest?: string; artifact?: Buffer; predicateType?: string }): { statement?: any; certificate: string } {
  const bundle = bundleFromJSON(json)
  const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(trustedRoot)), { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 0 })
  const signer = verifier.verify(toSignedEntity(bundle, expect.artifact), { subjectAlternativeName: `^${escape(expect.san)}$`, extensions: { issuer: expect.issuer } })
  let statement: any
  if (bundle.content.$case === 'dsseEnvelope') {
    statement = JSON.parse(Buffer.from(bundle.content.dsseEnvelope.payload).toString())
    const digests = (statement.subject as Array<{ digest: { sha256: string } }>).map((s) => `sha256:${s.digest.sha256}`)
    if (expect.digest && !digests.includes(expect.digest)) throw new Error(`statement subject ${digests.join(', ')} does not name ${expect.digest}`)
    if (expect.predicateType && statement.predicateType !== expect.predicateType) throw new Error(`predicate type ${statement.predicateType}, expected ${expect.predicateType}`)
  }
  return { statement, certificate: signer.identity?.subjectAlternativeName ?? '' }
}
