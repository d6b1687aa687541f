/**
 * A real CNCF Distribution registry (Debian's docker-registry 2.8.2) for tests, in one of three modes:
 * - 'none':     no auth;
 * - 'htpasswd': Basic auth against a bcrypt htpasswd file;
 * - 'token':    Bearer auth, with an in-process token issuer implementing the Docker registry token
 *               protocol (GET /token, and POST /token as OAuth2 password / refresh_token grants).
 *
 * The issuer signs ES256 JWTs with a key made by node:crypto. Distribution 2.8.2 verifies the `x5c`
 * chain in the JWT header against `auth.token.rootcertbundle`, so the key's self-signed certificate
 * (made by `openssl req -x509`, as node:crypto cannot create certificates) is that bundle.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import * as crypto from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import * as http from 'node:http'
import * as https from 'node:https'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'

export interface AuthorizeRequest {
  username?: string
  password?: string
  refreshToken?: string
  scope: string[]
  service?: string
  account?: string
}

export interface RegistryOptions {
  auth?: 'none' | 'htpasswd' | 'token'
  users?: Record<string, string>
  token?: {
    /** Decides whether a token request is granted; default: exact match against `users`. */
    authorize?: (req: AuthorizeRequest) => boolean
    /** Requests without any credentials get pull-only tokens instead of 401. */
    allowAnonymousPull?: boolean
  }
  /**
   * Serve HTTPS (Distribution's `http.tls.certificate`/`key`) with this server certificate, e.g. from
   * support/tls.ts makeTestPki(); the token issuer ('token' mode) then serves HTTPS with it too. `ca` (PEM) is
   * only used by the readiness probe here; clients must be given the CA through their own standard overrides.
   */
  tls?: { certFile: string; keyFile: string; ca: string }
  /**
   * For a registry shared by many jest runs in one process (shared-registries.ts): the registry dies with this
   * process (a Linux parent-death signal, and an exit hook) instead of with a `stop()`.
   */
  dieWithProcess?: boolean
}

export interface TestRegistry {
  /** 127.0.0.1:PORT */
  host: string
  /** http://127.0.0.1:PORT, or https:// with the `tls` option */
  url: string
  /** First configured user (empty in 'none' mode). */
  username: string
  password: string
  dataDir: string
  /** Every request the token issuer received ('token' mode only), in order. */
  tokenRequests: AuthorizeRequest[]
  /** 'htpasswd' mode: adds or replaces a user; the registry re-reads the file when its mtime changes. */
  addUser: (username: string, password: string) => void
  stop: () => Promise<void>
}

export const TOKEN_SERVICE = 'test-registry'
export const TOKEN_ISSUER = 'test-issuer'
const TOKEN_TTL_SECONDS = 300

export async function freePort(): Promise<number> {
  const srv = net.createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as net.AddressInfo).port
  await new Promise<void>((r) => srv.close(() => r()))
  return port
}

/**
 * Plain registries started once per process by shared-registries.ts (a jest globalSetup, used by mutation runs,
 * where every mutant is one more jest run): `[{host, url, dataDir}]` as JSON. A test file's plain `startRegistry()`
 * calls take them in order, each emptied first, so a file sees fresh registries without starting any.
 */
export const SHARED_REGISTRIES_ENV = 'HOP_SHARED_REGISTRIES'
const sharedInUse = new Set<number>()

function takeShared(opts: RegistryOptions): TestRegistry | undefined {
  if (opts.auth !== undefined && opts.auth !== 'none') return undefined
  if (opts.tls || opts.dieWithProcess) return undefined
  const pool = JSON.parse(process.env[SHARED_REGISTRIES_ENV] ?? '[]') as Array<Pick<TestRegistry, 'host' | 'url' | 'dataDir'>>
  const i = pool.findIndex((_, j) => !sharedInUse.has(j))
  if (i < 0) return undefined
  const shared = pool[i]
  sharedInUse.add(i)
  // The filesystem driver creates directories as it writes and has no cache here: an empty data dir is an empty registry.
  const empty = (): void => rmSync(shared.dataDir, { recursive: true, force: true })
  empty()
  return {
    ...shared,
    username: '',
    password: '',
    tokenRequests: [],
    addUser: () => {
      throw new Error('addUser needs an htpasswd registry')
    },
    stop: async () => {
      empty()
      sharedInUse.delete(i)
    }
  }
}

export async function startRegistry(opts: RegistryOptions = {}): Promise<TestRegistry> {
  const shared = takeShared(opts)
  if (shared) return shared
  const mode = opts.auth ?? 'none'
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-registry-'))
  const dataDir = path.join(dir, 'data')
  const users: Record<string, string> = mode === 'none' ? {} : (opts.users ?? { testuser: crypto.randomBytes(12).toString('hex') })
  const [username = '', password = ''] = Object.entries(users)[0] ?? []
  const tokenRequests: AuthorizeRequest[] = []

  let issuer: http.Server | undefined
  let authLine = ''
  const htpasswd = path.join(dir, 'htpasswd')
  let tick = 0
  const addUser = (u: string, p: string): void => {
    if (mode !== 'htpasswd') throw new Error('addUser needs an htpasswd registry')
    // Cost 4 keeps bcrypt fast; bcrypt only compares the first 72 bytes (and htpasswd refuses > 255).
    execFileSync('htpasswd', ['-B', '-b', '-C', '4', htpasswd, u, p.slice(0, 72)], { stdio: 'ignore' })
    // Distribution reloads on an mtime change: two writes within one second must still differ.
    const t = new Date(Date.now() + ++tick * 1000)
    utimesSync(htpasswd, t, t)
  }
  if (mode === 'htpasswd') {
    writeFileSync(htpasswd, '')
    for (const [u, p] of Object.entries(users)) addUser(u, p)
    authLine = `auth: {htpasswd: {realm: basic-realm, path: ${htpasswd}}}`
  } else if (mode === 'token') {
    const { server, port, certPath } = await startTokenIssuer(dir, users, opts.token ?? {}, tokenRequests, opts.tls)
    issuer = server
    authLine =
      `auth: {token: {realm: "${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}/token", service: ${TOKEN_SERVICE}, ` +
      `issuer: ${TOKEN_ISSUER}, rootcertbundle: ${certPath}}}`
  }

  const port = await freePort()
  const config = path.join(dir, 'config.yml')
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log: {level: error, accesslog: {disabled: true}}',
      `storage: {filesystem: {rootdirectory: ${dataDir}}, delete: {enabled: true}}`,
      `http: {addr: "127.0.0.1:${port}", secret: ${crypto.randomBytes(16).toString('hex')}` +
        (opts.tls ? `, tls: {certificate: ${opts.tls.certFile}, key: ${opts.tls.keyFile}}}` : '}'),
      authLine
    ].join('\n') + '\n'
  )
  const argv = ['docker-registry', 'serve', config]
  // setpriv (util-linux): the kernel kills the registry when the process that started it dies, however it dies.
  if (opts.dieWithProcess && process.platform === 'linux') argv.unshift('setpriv', '--pdeathsig', 'KILL')
  const child: ChildProcess = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += d))

  const cleanup = async (): Promise<void> => {
    await killChild(child)
    if (issuer) await new Promise<void>((r) => issuer.close(() => r()))
    rmSync(dir, { recursive: true, force: true })
  }

  if (opts.dieWithProcess) {
    process.once('exit', () => child.kill('SIGKILL'))
    // The process may be killed before any hook runs (a Stryker runner is): a detached shell waits for it, then removes the dir.
    spawn('sh', ['-c', 'tail --pid="$1" -f /dev/null; sleep 1; rm -rf "$2"', 'sh', String(process.pid), dir], { detached: true, stdio: 'ignore' }).unref()
  }

  const url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`
  try {
    await waitForRegistry(url, child, () => stderr, opts.tls?.ca)
  } catch (e) {
    await cleanup()
    throw e
  }
  return { host: `127.0.0.1:${port}`, url, username, password, dataDir, tokenRequests, addUser, stop: cleanup }
}

/** Polls GET /v2/ until it answers 200 or 401; fails fast if the process exits. */
async function waitForRegistry(url: string, child: ChildProcess, stderr: () => string, ca?: string): Promise<void> {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`docker-registry exited early (${child.exitCode ?? child.signalCode}): ${stderr()}`)
    }
    const status = await new Promise<number>((resolve) => {
      const req = (url.startsWith('https:') ? https : http).get(`${url}/v2/`, { ca }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', () => resolve(0))
      req.setTimeout(1000, () => req.destroy())
    })
    if (status === 200 || status === 401) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`docker-registry did not answer GET /v2/ within 15 s: ${stderr()}`)
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}

// ---------------------------------------------------------------------------------------------
// Token issuer

interface Access {
  type: string
  name: string
  actions: string[]
}

/** `repository:charts/foo:pull,push` → {type, name, actions}; the name is everything between. */
function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':')
  const last = scope.lastIndexOf(':')
  if (first < 0 || last === first) return undefined
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter(Boolean)
  }
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url')

function makeSigner(dir: string): { certPath: string; sign: (claims: object) => string } {
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const keyPath = path.join(dir, 'issuer.key')
  const certPath = path.join(dir, 'issuer.crt')
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
  execFileSync('openssl', ['req', '-x509', '-new', '-key', keyPath, '-out', certPath, '-days', '2', '-subj', `/CN=${TOKEN_ISSUER}`], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  const certDer = new crypto.X509Certificate(readFileSync(certPath)).raw
  const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'ES256', x5c: [certDer.toString('base64')] }))
  return {
    certPath,
    sign: (claims) => {
      const input = `${header}.${b64url(JSON.stringify(claims))}`
      // JOSE wants r||s, not DER.
      const sig = crypto.sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
      return `${input}.${b64url(sig)}`
    }
  }
}

async function startTokenIssuer(
  dir: string,
  users: Record<string, string>,
  opts: NonNullable<RegistryOptions['token']>,
  log: AuthorizeRequest[],
  tls?: RegistryOptions['tls']
): Promise<{ server: http.Server; port: number; certPath: string }> {
  const signer = makeSigner(dir)
  // Refresh tokens handed out by password grants, so the default policy can accept them back.
  const refreshTokens = new Map<string, string>()

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const u = new URL(req.url ?? '/', 'http://issuer')
    const reply = (status: number, body: object): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (u.pathname !== '/token' || (req.method !== 'GET' && req.method !== 'POST')) {
      return reply(404, { errors: [{ code: 'NOT_FOUND', message: 'no such endpoint' }] })
    }

    const ar: AuthorizeRequest = { scope: [] }
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      ar.username = colon < 0 ? decoded : decoded.slice(0, colon)
      ar.password = colon < 0 ? '' : decoded.slice(colon + 1)
    }
    let grantType: string | undefined
    let params = u.searchParams
    if (req.method === 'POST') {
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
      grantType = params.get('grant_type') ?? undefined
      if (grantType === 'password') {
        ar.username = params.get('username') ?? ar.username
        ar.password = params.get('password') ?? ar.password
      } else if (grantType === 'refresh_token') {
        ar.refreshToken = params.get('refresh_token') ?? undefined
      } else {
        log.push(ar)
        return reply(400, { error: 'unsupported_grant_type', error_description: `grant_type=${grantType}` })
      }
    }
    // GET repeats `scope`; OAuth2 space-joins them. Accept both everywhere.
    ar.scope = params
      .getAll('scope')
      .flatMap((s) => s.split(' '))
      .filter(Boolean)
    ar.service = params.get('service') ?? undefined
    ar.account = params.get('account') ?? undefined
    log.push(ar)

    const hasCreds = ar.username !== undefined || ar.password !== undefined || ar.refreshToken !== undefined
    let pullOnly = false
    let ok: boolean
    if (!hasCreds && opts.allowAnonymousPull) {
      ok = pullOnly = true
    } else if (opts.authorize) {
      ok = opts.authorize(ar)
    } else if (ar.refreshToken !== undefined) {
      ok = refreshTokens.has(ar.refreshToken)
    } else {
      ok = ar.username !== undefined && ar.username in users && users[ar.username] === ar.password
    }
    if (!ok) {
      res.setHeader('WWW-Authenticate', 'Basic realm="test-issuer"')
      return reply(401, {
        errors: [{ code: 'UNAUTHORIZED', message: 'authentication required', detail: null }],
        error: 'invalid_grant'
      })
    }

    const access: Access[] = []
    for (const s of ar.scope) {
      const a = parseScope(s)
      if (!a) continue
      if (pullOnly) a.actions = a.actions.filter((x) => x === 'pull')
      access.push(a)
    }
    const now = Math.floor(Date.now() / 1000)
    const subject = ar.username ?? (ar.refreshToken ? refreshTokens.get(ar.refreshToken) : undefined) ?? ''
    const token = signer.sign({
      iss: TOKEN_ISSUER,
      sub: subject,
      aud: ar.service ?? TOKEN_SERVICE, // a plain string: Distribution 2.8 compares it as one
      exp: now + TOKEN_TTL_SECONDS,
      nbf: now - 10,
      iat: now,
      jti: crypto.randomUUID(),
      access
    })
    const body: Record<string, unknown> = {
      token,
      access_token: token,
      expires_in: TOKEN_TTL_SECONDS,
      issued_at: new Date(now * 1000).toISOString()
    }
    if (grantType === 'password') {
      const rt = crypto.randomBytes(16).toString('hex')
      refreshTokens.set(rt, subject)
      body.refresh_token = rt
    } else if (grantType === 'refresh_token') {
      body.refresh_token = ar.refreshToken
    }
    reply(200, body)
  }

  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((e) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' })
      res.end(String(e))
    })
  }
  const server = tls ? https.createServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }, listener) : http.createServer(listener)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as net.AddressInfo).port
  return { server, port, certPath: signer.certPath }
}
