/**
 * The client's request loop against a loopback registry front and token service shaped as Distribution's token
 * mode answers (Bearer challenge, `{"token": …}`): requests that share a scope's token while it is replaced, which
 * token-service failures are retried or answered with a renewed login, the exact token request of two scopes (the
 * Docker token spec: one `scope` parameter per scope on the GET; one space-separated `scope` field in the OAuth2
 * refresh grant, as oras-go's fetchDistributionToken / fetchOAuth2Token send them), and refusals that must name
 * what to do. Responses are held until a named moment, never timed with sleeps.
 */
import * as net from 'node:net'
import { AuthError, RegistryError } from '../../src/errors'
import type { RetryPolicy } from '../../src/http'
import { RegistryClient } from '../../src/oci/client'
import type { Credential, CredentialSource } from '../../src/oci/credentials'
import { serve, type Emulator, type Req } from '../support/emulators/server'
import { freePort } from '../support/registry'
import { caught } from '../support/caught'
import { capturedOutput } from '../support/output'

const NO_RETRY: RetryPolicy = { retries: 0, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 1 }
const digest = (c: string): string => `sha256:${c.repeat(64)}`
const bearerOf = (r: Req): string | undefined => /^Bearer (.+)$/.exec(r.headers.authorization ?? '')?.[1]
const basicPassword = (r: Req): string | undefined =>
  /^Basic (.+)$/.exec(r.headers.authorization ?? '')?.[1] && Buffer.from(r.headers.authorization!.slice(6), 'base64').toString().split(':')[1]

/** A login whose password is `old` until the client asks for a renewed one; records each ask. */
function renewing(old = 'old', renewed = 'new'): CredentialSource & { asks: boolean[] } {
  const asks: boolean[] = []
  return {
    description: 'renewable login',
    asks,
    get: async (_host, o): Promise<Credential> => {
      asks.push(Boolean(o?.refresh))
      return { username: 'ci', password: o?.refresh ? renewed : old }
    }
  }
}

const started: Emulator[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()))
})
async function emulator(handler: Parameters<typeof serve>[0]): Promise<Emulator> {
  const e = await serve(handler)
  started.push(e)
  return e
}
const challenge = (issuer: string, service = 'reg.example'): Record<string, string> => ({
  'www-authenticate': `Bearer realm="${issuer}/token",service="${service}"`
})
const client = (registry: Emulator, credentials?: CredentialSource, retry: RetryPolicy = NO_RETRY): RegistryClient =>
  new RegistryClient({ host: registry.host, plainHttp: true, credentials, retry })
/** What a blob HEAD on x/app fails with. */
const headFails = <E extends Error>(registry: Emulator, credentials?: CredentialSource, retry?: RetryPolicy): Promise<E> =>
  caught<E>(client(registry, credentials, retry).blobExists('x/app', digest('0')))

describe('a scope token replaced while requests carry the old one', () => {
  // One blob HEAD, or a mount (two scopes: pull,push on the target, pull on the source), on repository x/app.
  const calls = {
    'a blob HEAD (one scope)': (c: RegistryClient, d: string) => c.blobExists('x/app', d),
    'a mount (two scopes)': (c: RegistryClient, d: string) => c.mountBlob('x/app', d, 'x/from')
  }

  test.each(Object.keys(calls))(
    '%s: a refusal of the old token that arrives after another request got the new one replays with it, and the token service is asked once',
    async (kind) => {
      const call = calls[kind as keyof typeof calls]
      let n = 0
      const issuer = await emulator(() => ({ status: 200, body: { token: `t${++n}` } }))
      const valid = new Set(['t1'])
      const [early, late] = [digest('a'), digest('b')]
      // A mount carries the digest in its query (`mount=sha256%3A…`): requests are told apart by its hex part.
      const is = (r: Req, d: string): boolean => r.url.href.includes(d.slice(7))
      let newTokenSeen!: () => void
      const newTokenArrived = new Promise<void>((r) => (newTokenSeen = r))
      const registry = await emulator(async (req) => {
        const token = bearerOf(req)
        if (token === 't2') newTokenSeen()
        if (token && valid.has(token)) return { status: req.method === 'POST' ? 201 : 404 }
        // The late request's refusal is held until the early one came back with the new token.
        if (token === 't1' && is(req, late)) await newTokenArrived
        return { status: 401, headers: challenge(issuer.url) }
      })
      const c = client(registry, renewing())
      await call(c, digest('0'))
      expect(issuer.requests).toHaveLength(1)
      valid.clear()
      valid.add('t2') // t1 expires; t2 is the only token the registry takes from now on
      await Promise.all([call(c, early), call(c, late)])
      const sent = (d: string): Array<string | undefined> => registry.requests.filter((r) => is(r, d)).map(bearerOf)
      expect(sent(early)).toEqual(['t1', 't2'])
      expect(sent(late)).toEqual(['t1', 't2'])
      expect(issuer.requests).toHaveLength(2)
    }
  )

  test('a request refused for the second time renews the login even when another request has meanwhile fetched a token with the old one', async () => {
    // The registry takes only tokens minted from the renewed password. Request A is refused twice; between its second
    // send and its refusal, request B fetches a token with the old password. A must not settle for B's token.
    let n = 0
    const issuer = await emulator((req) => ({ status: 200, body: { token: `${basicPassword(req)}-${++n}` } }))
    const [a, b] = [digest('a'), digest('b')]
    const seen = { a: 0, b: 0 }
    let startB!: () => void
    const bStarts = new Promise<void>((r) => (startB = r))
    let releaseA!: () => void
    const aReleased = new Promise<void>((r) => (releaseA = r))
    const registry = await emulator(async (req) => {
      if (req.url.href.includes(a) && ++seen.a === 2) {
        startB()
        await aReleased
      }
      if (req.url.href.includes(b) && ++seen.b === 2) releaseA()
      return bearerOf(req)?.startsWith('new-') ? { status: 404 } : { status: 401, headers: challenge(issuer.url) }
    })
    const login = renewing()
    const c = client(registry, login)
    expect(await c.blobExists('x/prime', digest('0'))).toBe(false) // the host's first request: Bearer is known from here on
    const first = c.blobExists('x/app', a)
    await bStarts
    const [resA, resB] = await Promise.all([first, c.blobExists('x/app', b)])
    expect([resA, resB]).toEqual([false, false])
    const sentA = registry.requests.filter((r) => r.url.href.includes(a)).map(bearerOf)
    expect(sentA).toHaveLength(3)
    expect(sentA[2]).toMatch(/^new-/)
  })
})

describe('token service failures: which are retried, and which are answered with a renewed login', () => {
  test('an anonymous client refused by the token service asks once, and is told to log in', async () => {
    const issuer = await emulator(() => ({ status: 401, body: { errors: [{ code: 'UNAUTHORIZED' }] } }))
    const registry = await emulator(() => ({ status: 401, headers: challenge(issuer.url) }))
    const c = client(registry)
    const e = await caught(c.blobExists('x/app', digest('0')))
    expect(e).toBeInstanceOf(AuthError)
    expect((e as AuthError).message).toBe(
      `token service ${issuer.url}/token for ${registry.host} answered 401: anonymous access was refused for repository:x/app:pull,push`
    )
    expect((e as AuthError).hint).toBe('Set `username` and `password`, or use a login method for this registry')
    expect(issuer.requests).toHaveLength(1)
  })

  test('a login refused by the token service is renewed once; a renewed login refused is reported, not renewed again', async () => {
    // The first token is issued, the registry refuses it: the client renews the login, and the token service refuses that.
    const issuer = await emulator((req) => (basicPassword(req) === 'old' ? { status: 200, body: { token: 'old-1' } } : { status: 401 }))
    const registry = await emulator(() => ({ status: 401, headers: challenge(issuer.url) }))
    const login = renewing()
    const e = await headFails(registry, login)
    expect(e).toBeInstanceOf(AuthError)
    expect((e as AuthError).message).toMatch(/answered 401: the credentials were refused for repository:x\/app:pull,push$/)
    expect((e as AuthError).hint).toBe('Check the username and password (or token) and that they may push to this repository')
    expect(issuer.requests.map(basicPassword)).toEqual(['old', 'new'])
    expect(login.asks).toEqual([false, true])
  })

  test('a login refused by the token service at the first ask is renewed once, and the renewed one is used', async () => {
    const issuer = await emulator((req) => (basicPassword(req) === 'new' ? { status: 200, body: { token: 'new-token' } } : { status: 401 }))
    const registry = await emulator((req) => (bearerOf(req) === 'new-token' ? { status: 404 } : { status: 401, headers: challenge(issuer.url) }))
    const login = renewing()
    expect(await client(registry, login).blobExists('x/app', digest('0'))).toBe(false)
    expect(issuer.requests.map(basicPassword)).toEqual(['old', 'new'])
    expect(login.asks).toEqual([false, true])
  })

  test('a token service that drops the connection is retried by the transport policy, not answered with a renewed login', async () => {
    let connections = 0
    const dropper = net.createServer((s) => {
      connections++
      s.destroy()
    })
    await new Promise<void>((r) => dropper.listen(0, '127.0.0.1', r))
    const issuerHost = `127.0.0.1:${(dropper.address() as net.AddressInfo).port}`
    try {
      const registry = await emulator(() => ({ status: 401, headers: challenge(`http://${issuerHost}`) }))
      const login = renewing()
      const retry: RetryPolicy = { retries: 2, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 1 }
      const e = await headFails(registry, login, retry)
      expect(e).toBeInstanceOf(RegistryError)
      expect((e as RegistryError).registry).toBe(registry.host)
      expect((e as RegistryError).message).toContain(`${issuerHost} (for registry ${registry.host}) closed the connection during GET`)
      expect((e as RegistryError).message).toContain('after 3 attempts')
      expect(connections).toBe(3)
      expect(login.asks).toEqual([false])
    } finally {
      await new Promise((r) => dropper.close(r))
    }
  })

  test('a token service that answers 503 once is asked again, and its token is used', async () => {
    let n = 0
    const issuer = await emulator(() => (n++ === 0 ? { status: 503 } : { status: 200, body: { token: 'good' } }))
    const registry = await emulator((req) => (bearerOf(req) === 'good' ? { status: 404 } : { status: 401, headers: challenge(issuer.url) }))
    const login = renewing()
    const retry: RetryPolicy = { retries: 1, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 1 }
    expect(await client(registry, login, retry).blobExists('x/app', digest('0'))).toBe(false)
    expect(issuer.requests).toHaveLength(2)
    expect(login.asks).toEqual([false])
  })

  test('a refresh grant to a token service that refuses connections names the token service and the registry', async () => {
    const port = await freePort()
    const registry = await emulator(() => ({ status: 401, headers: challenge(`http://127.0.0.1:${port}`) }))
    const cred: CredentialSource = { description: 'refresh token', get: async () => ({ refreshToken: 'rt-1' }) }
    const e = await headFails(registry, cred)
    expect(e).toBeInstanceOf(RegistryError)
    expect((e as RegistryError).registry).toBe(registry.host)
    expect((e as RegistryError).message).toMatch(new RegExp(`^cannot reach 127\\.0\\.0\\.1:${port} \\(for registry ${registry.host.replace(/\./g, '\\.')}\\)`))
  })
})

describe('the token request of two scopes (a mount)', () => {
  test('GET: one `scope` parameter per scope, keys sorted as Go url.Values.Encode; the refresh grant: one space-separated `scope` field, form-encoded', async () => {
    const issuer = await emulator(() => ({ status: 200, body: { token: 'good', access_token: 'good' } }))
    const registry = await emulator((req) => (bearerOf(req) === 'good' ? { status: 201 } : { status: 401, headers: challenge(issuer.url) }))
    expect(await client(registry, renewing()).mountBlob('x/app', digest('a'), 'x/from')).toBe(true)
    expect(issuer.requests[0].url.search).toBe('?scope=repository%3Ax%2Fapp%3Apull%2Cpush&scope=repository%3Ax%2Ffrom%3Apull&service=reg.example')

    const cred: CredentialSource = { description: 'refresh token', get: async () => ({ refreshToken: 'rt-1' }) }
    expect(await client(registry, cred).mountBlob('x/app', digest('a'), 'x/from')).toBe(true)
    const grant = issuer.requests[1]
    expect(grant.method).toBe('POST')
    expect(grant.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(grant.headers['user-agent']).toMatch(/^helm-oci-publish/)
    expect(new URLSearchParams(grant.body.toString()).getAll('scope')).toEqual(['repository:x/app:pull,push repository:x/from:pull'])
  })

  test('with RUNNER_DEBUG the trace names both scopes', async () => {
    const issuer = await emulator(() => ({ status: 200, body: { token: 'good' } }))
    const registry = await emulator((req) => (bearerOf(req) === 'good' ? { status: 201 } : { status: 401, headers: challenge(issuer.url) }))
    process.env.RUNNER_DEBUG = '1'
    const from = capturedOutput().length
    try {
      expect(await client(registry).mountBlob('x/app', digest('a'), 'x/from')).toBe(true)
    } finally {
      delete process.env.RUNNER_DEBUG
    }
    expect(capturedOutput().slice(from).split('\n')).toContain(
      `::debug::${registry.host} asks for a Bearer token from ${issuer.host} for repository:x/app:pull,push repository:x/from:pull`
    )
  })

  test('a refusal names both scopes', async () => {
    const issuer = await emulator(() => ({ status: 403 }))
    const registry = await emulator(() => ({ status: 401, headers: challenge(issuer.url) }))
    const e = await caught(client(registry).mountBlob('x/app', digest('a'), 'x/from'))
    expect((e as AuthError).message).toMatch(/answered 403: anonymous access was refused for repository:x\/app:pull,push repository:x\/from:pull$/)
  })
})

describe('refusals that say what to do', () => {
  test('a 401 without a Basic or Bearer challenge: an AuthError naming the registry, pointing at the address', async () => {
    const registry = await emulator(() => ({ status: 401, headers: { 'www-authenticate': 'Negotiate' } }))
    const e = await headFails(registry)
    expect(e).toBeInstanceOf(AuthError)
    expect(e).toMatchObject({ registry: registry.host, hint: 'Check the registry address; this may not be an OCI registry' })
  })

  test('a realm that is not a URL, and a token answer that is not JSON, say where to look', async () => {
    const relative = await emulator(() => ({ status: 401, headers: { 'www-authenticate': 'Bearer realm="/token",service="x"' } }))
    expect(await headFails(relative)).toMatchObject({
      registry: relative.host,
      hint: 'Check the registry address; the registry must name its token service by an absolute URL'
    })
    const issuer = await emulator(() => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Sign in</html>' }))
    const html = await emulator(() => ({ status: 401, headers: challenge(issuer.url) }))
    expect(await headFails(html)).toMatchObject({
      registry: html.host,
      hint: 'Check the realm in the registry challenge and any proxy between the runner and the token service'
    })
  })

  test('a token answer whose refresh_token is not a string still gives its token (oras-go decodes only token and access_token)', async () => {
    const issuer = await emulator(() => ({ status: 200, body: { token: 'good', refresh_token: 42 } }))
    const registry = await emulator((req) => (bearerOf(req) === 'good' ? { status: 404 } : { status: 401, headers: challenge(issuer.url) }))
    expect(await client(registry).blobExists('x/app', digest('0'))).toBe(false)
  })

  test('a login with neither user name nor password asks the token service anonymously (no Basic ":")', async () => {
    // oras-go's fetchDistributionToken: SetBasicAuth only `if username != "" || password != ""`.
    const issuer = await emulator(() => ({ status: 200, body: { token: 'good' } }))
    const registry = await emulator((req) => (bearerOf(req) === 'good' ? { status: 404 } : { status: 401, headers: challenge(issuer.url) }))
    const empty: CredentialSource = { description: 'empty login', get: async () => ({}) }
    expect(await client(registry, empty).blobExists('x/app', digest('0'))).toBe(false)
    expect(issuer.requests).toHaveLength(1)
    expect(issuer.requests[0].headers.authorization).toBeUndefined()
  })

  test('a Bearer challenge without a realm, and a token answer without a token, name the registry', async () => {
    const noRealm = await emulator(() => ({ status: 401, headers: { 'www-authenticate': 'Bearer service="x"' } }))
    const e1 = await headFails(noRealm)
    expect(e1).toBeInstanceOf(AuthError)
    expect(e1).toMatchObject({ registry: noRealm.host, message: `${noRealm.host} sent a Bearer challenge without a realm` })
    const issuer = await emulator(() => ({ status: 200, body: { token: '' } }))
    const empty = await emulator(() => ({ status: 401, headers: challenge(issuer.url) }))
    const e2 = await headFails(empty)
    expect(e2).toBeInstanceOf(AuthError)
    expect(e2).toMatchObject({ registry: empty.host, message: `token service for ${empty.host} returned no token` })
  })

  test('a realm that is neither HTTPS nor (for a plain-HTTP registry) HTTP is refused before any request goes there', async () => {
    const listener = await emulator(() => ({ status: 200, body: { token: 'good' } }))
    const registry = await emulator(() => ({ status: 401, headers: { 'www-authenticate': `Bearer realm="ftp://${listener.host}/token",service="x"` } }))
    const e = await headFails(registry, renewing())
    expect(e).toBeInstanceOf(AuthError)
    expect(e).toMatchObject({ registry: registry.host, hint: 'A token service must use HTTPS; set plain-http only for local test registries' })
    // Not "over plain HTTP": the scheme it names is the one the registry sent.
    expect((e as AuthError).message).toBe(`${registry.host} points its token service at ftp://${listener.host}, which is neither HTTPS nor HTTP`)
    expect(listener.requests).toHaveLength(0)
  })

  test('a registry that turns from Basic to Bearer between requests: the Basic header it refuses is no token of the scope to replay', async () => {
    let bearerNow = false
    const issuer = await emulator(() => ({ status: 200, body: { token: 'good' } }))
    const registry = await emulator((req) => {
      const auth = req.headers.authorization
      if (!bearerNow) return auth?.startsWith('Basic ') ? { status: 404 } : { status: 401, headers: { 'www-authenticate': 'Basic realm="r"' } }
      return auth === 'Bearer good' ? { status: 404 } : { status: 401, headers: challenge(issuer.url) }
    })
    const login = renewing()
    const c = client(registry, login)
    expect(await c.blobExists('x/app', digest('a'))).toBe(false)
    bearerNow = true
    expect(await c.blobExists('x/app', digest('b'))).toBe(false)
    const sent = registry.requests.filter((r) => r.url.pathname.endsWith('b'.repeat(64))).map((r) => r.headers.authorization?.split(' ')[0])
    expect(sent).toEqual(['Basic', 'Bearer'])
    expect(login.asks).toEqual([false, false])
  })

  test('a blob HEAD refused with 403 names the request, the registry and the status (a HEAD answer has no body to quote)', async () => {
    const registry = await emulator(() => ({ status: 403 }))
    const e = await headFails<RegistryError>(registry)
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toBe(`HEAD /v2/x/app/blobs/${digest('0')} on ${registry.host}: response status 403`)
    expect(e.hint).toBe('Check the credentials and that they may push to this repository')
  })

  test('without a configured user agent, registry and token service see helm-oci-publish', async () => {
    const issuer = await emulator(() => ({ status: 200, body: { token: 'good' } }))
    const registry = await emulator((req) => (bearerOf(req) === 'good' ? { status: 404 } : { status: 401, headers: challenge(issuer.url) }))
    await client(registry, renewing()).blobExists('x/app', digest('0'))
    for (const r of [...registry.requests, ...issuer.requests]) expect(r.headers['user-agent']).toMatch(/^helm-oci-publish/)
  })
})
