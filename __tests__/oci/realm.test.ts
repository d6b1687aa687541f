/**
 * Bearer challenges as registries in the wild send them: a realm on another
 * port with its own query string, lower-case scheme, `access_token` instead of
 * `token`, a token service that wants the OAuth2 refresh grant, and broken
 * challenges. A small loopback registry front checks what reached it.
 */
import * as http from 'node:http'
import * as https from 'node:https'
import type { AddressInfo } from 'node:net'
import { RegistryClient } from '../../src/oci/client'
import { staticCredentials, type CredentialSource } from '../../src/oci/credentials'
import { AuthError, RegistryError } from '../../src/errors'
import { capturedOutput, maskedDuring } from '../support/output'
import { makeTestPki, type TestPki } from '../support/tls'

interface Seen {
  method: string
  url: string
  authorization?: string
  agent?: string
  body: string
}

async function serve(
  handler: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void
): Promise<{ port: number; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, agent: req.headers['user-agent'], body })
      handler(req, body, res)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { port: (server.address() as AddressInfo).port, seen, close: () => new Promise((r) => server.close(() => r())) }
}

async function registryWith(
  challenge: (tokenPort: number) => string,
  token: (req: Seen) => { status: number; json?: object; raw?: string },
  good = 'good-token'
): Promise<{ client: (c?: CredentialSource) => RegistryClient; registry: Seen[]; tokens: Seen[]; close(): Promise<void> }> {
  const issuer = await serve((req, body, res) => {
    const r = token({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body })
    res.writeHead(r.status, { 'content-type': r.raw === undefined ? 'application/json' : 'text/html' }).end(r.raw ?? JSON.stringify(r.json ?? {}))
  })
  const reg = await serve((req, _body, res) => {
    if (req.headers.authorization !== `Bearer ${good}`) {
      res
        .writeHead(401, { 'www-authenticate': challenge(issuer.port), 'content-type': 'application/json' })
        .end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}')
      return
    }
    res.writeHead(404).end()
  })
  return {
    client: (c) =>
      new RegistryClient({
        host: `127.0.0.1:${reg.port}`,
        plainHttp: true,
        credentials: c,
        retry: { retries: 0, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 1 }
      }),
    registry: reg.seen,
    tokens: issuer.seen,
    close: async () => {
      await reg.close()
      await issuer.close()
    }
  }
}

test('a realm on another port keeps its own query; lower-case scheme; access_token preferred', async () => {
  const r = await registryWith(
    (p) => `bearer realm="http://127.0.0.1:${p}/v2/auth/token?account=ci&tenant=t1",service="reg.example",scope="repository:acme/app:pull"`,
    () => ({ status: 200, json: { token: 'stale-token', access_token: 'good-token' } })
  )
  try {
    expect(await r.client(staticCredentials('ci', 's3cret')).blobExists('acme/app', 'sha256:' + '0'.repeat(64))).toBe(false)
    const t = new URL(r.tokens[0].url, 'http://x')
    expect(t.pathname).toBe('/v2/auth/token')
    expect(t.search).toBe('?account=ci&scope=repository%3Aacme%2Fapp%3Apull%2Cpush&service=reg.example&tenant=t1')
    expect(r.tokens[0].authorization).toBe(`Basic ${Buffer.from('ci:s3cret').toString('base64')}`)
    expect(r.registry.map((s) => s.authorization)).toEqual([undefined, 'Bearer good-token'])
  } finally {
    await r.close()
  }
})

test('a refresh token (ACR, identity tokens) goes to the realm as an OAuth2 refresh grant', async () => {
  const r = await registryWith(
    (p) => `Bearer realm="http://127.0.0.1:${p}/oauth2/token",service="myreg.azurecr.io"`,
    (s) => (s.method === 'POST' ? { status: 200, json: { access_token: 'good-token' } } : { status: 400 })
  )
  try {
    const cred: CredentialSource = {
      description: 'refresh token',
      get: async () => ({ username: '00000000-0000-0000-0000-000000000000', refreshToken: 'rt-123' })
    }
    await r.client(cred).blobExists('helm/app', 'sha256:' + '0'.repeat(64))
    const form = new URLSearchParams(r.tokens[0].body)
    // Docker's OAuth2 token spec: grant_type, service, client_id (required), refresh_token, scope; nothing else.
    expect(Object.fromEntries(form)).toEqual({
      client_id: expect.stringMatching(/^helm-oci-publish/),
      grant_type: 'refresh_token',
      refresh_token: 'rt-123',
      service: 'myreg.azurecr.io',
      scope: 'repository:helm/app:pull,push'
    })
  } finally {
    await r.close()
  }
})

test('broken challenges and refusals say what happened', async () => {
  const noRealm = await registryWith(
    () => 'Bearer service="x"',
    () => ({ status: 200, json: { token: 'good-token' } })
  )
  const refused = await registryWith(
    (p) => `Bearer realm="http://127.0.0.1:${p}/token",service="x"`,
    () => ({ status: 401 })
  )
  const negotiate = await registryWith(
    () => 'Negotiate',
    () => ({ status: 200 })
  )
  try {
    await expect(noRealm.client().blobExists('a/b', 'sha256:' + '0'.repeat(64))).rejects.toThrow(/Bearer challenge without a realm/)
    const err = await refused
      .client(staticCredentials('u', 'p'))
      .blobExists('a/b', 'sha256:' + '0'.repeat(64))
      .catch((e) => e)
    expect(err).toBeInstanceOf(AuthError)
    expect(err.message).toMatch(/token service .*answered 401: the credentials were refused for repository:a\/b:pull,push/)
    await expect(negotiate.client().blobExists('a/b', 'sha256:' + '0'.repeat(64))).rejects.toThrow(/without a Basic or Bearer challenge/)
  } finally {
    await Promise.all([noRealm.close(), refused.close(), negotiate.close()])
  }
})

test('a token answer that is not JSON (a proxy or login page answering 200) is an AuthError naming the registry and the token service', async () => {
  // oras-go's fetchDistributionToken fails with "failed to decode response" naming the realm; ours names the registry too.
  let issuerPort = 0
  const html = await registryWith(
    (p) => `Bearer realm="http://127.0.0.1:${(issuerPort = p)}/token",service="x"`,
    () => ({ status: 200, raw: '<html><body>Sign in</body></html>' })
  )
  try {
    const c = html.client(staticCredentials('u', 'p'))
    const err = await c.blobExists('a/b', 'sha256:' + '0'.repeat(64)).catch((e) => e)
    expect(err).toBeInstanceOf(AuthError)
    expect(err.registry).toBe(c.host)
    expect(err.message).toContain(`token service http://127.0.0.1:${issuerPort}/token for ${c.host}`)
    expect(err.message).toMatch(/not JSON/)
    // JSON, but not an object with a token: "returned no token", not a TypeError.
    const nul = await registryWith(
      (p) => `Bearer realm="http://127.0.0.1:${p}/token",service="x"`,
      () => ({ status: 200, raw: 'null' })
    )
    const e2 = await nul
      .client()
      .blobExists('a/b', 'sha256:' + '0'.repeat(64))
      .catch((e) => e)
      .finally(() => nul.close())
    expect(e2).toBeInstanceOf(AuthError)
    expect(e2.message).toMatch(/returned no token/)
  } finally {
    await html.close()
  }
})

// One test CA for the HTTPS cases (openssl takes a while on a loaded machine).
let sharedPki: TestPki | undefined
const testPki = (): TestPki => (sharedPki ??= makeTestPki())
afterAll(() => sharedPki?.remove())

const basicOf = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

test('every token the service hands out is masked the moment it arrives (token, access_token, refresh_token)', async () => {
  const r = await registryWith(
    (p) => `Bearer realm="http://127.0.0.1:${p}/token",service="x"`,
    () => ({ status: 200, json: { token: 'legacy-token-value-1', access_token: 'access-token-value-3', refresh_token: 'refresh-token-value-2' } }),
    'access-token-value-3'
  )
  try {
    const { masked, value } = await maskedDuring(() => r.client(staticCredentials('u', 'p')).blobExists('a/b', 'sha256:' + '0'.repeat(64)))
    expect(value).toBe(false)
    for (const t of ['legacy-token-value-1', 'access-token-value-3', 'refresh-token-value-2']) expect(masked).toContain(t)
  } finally {
    await r.close()
  }
})

test('a credential that is already a registry token (accessToken) is sent as the Bearer token without asking the realm', async () => {
  // oras-go's fetchBearerToken: `if cred.AccessToken != "" { return cred.AccessToken }`.
  const r = await registryWith(
    (p) => `Bearer realm="http://127.0.0.1:${p}/token",service="x"`,
    () => ({ status: 400 })
  )
  try {
    const cred: CredentialSource = { description: 'registry token', get: async () => ({ accessToken: 'good-token' }) }
    expect(await r.client(cred).blobExists('a/b', 'sha256:' + '0'.repeat(64))).toBe(false)
    expect(r.tokens).toHaveLength(0)
    expect(r.registry.map((s) => s.authorization)).toEqual([undefined, 'Bearer good-token'])
  } finally {
    await r.close()
  }
})

test('the token request: Basic only for a login, with an empty user name kept; our user agent; the refresh grant names our client', async () => {
  const r = await registryWith(
    (p) => `Bearer realm="http://127.0.0.1:${p}/token",service="reg.example"`,
    () => ({ status: 200, json: { token: 'good-token' } })
  )
  try {
    // A password without a user name (a token as password) still goes as Basic, user name empty (Go's SetBasicAuth("", p)).
    const onlyPassword: CredentialSource = { description: 'token as password', get: async () => ({ password: 'pat-123' }) }
    await r.client(onlyPassword).blobExists('a/b', 'sha256:' + '0'.repeat(64))
    expect(r.tokens[0].authorization).toBe(basicOf('', 'pat-123'))
    const onlyUser: CredentialSource = { description: 'user without password', get: async () => ({ username: 'someone' }) }
    await r.client(onlyUser).blobExists('a/c', 'sha256:' + '0'.repeat(64))
    expect(r.tokens[1].authorization).toBe(basicOf('someone', ''))
    // Anonymous: no Authorization at all.
    await r.client().blobExists('a/d', 'sha256:' + '0'.repeat(64))
    expect(r.tokens[2].authorization).toBeUndefined()
    expect(r.tokens).toHaveLength(3)
    // The user agent the action is configured with goes to the token service as to the registry.
    const ua = new RegistryClient({
      host: r.client().host,
      plainHttp: true,
      userAgent: 'helm-oci-publish/9.9 (test)',
      retry: { retries: 0, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 1 }
    })
    await ua.blobExists('a/e', 'sha256:' + '0'.repeat(64))
    expect(r.tokens[3].agent).toBe('helm-oci-publish/9.9 (test)')
    expect(r.registry.at(-1)?.agent).toBe('helm-oci-publish/9.9 (test)')
    expect(r.tokens[0].agent).toMatch(/^helm-oci-publish/)
  } finally {
    await r.close()
  }
})

test('a registry reached over HTTPS whose challenge points at a plain-HTTP token service is refused before any credential goes there', async () => {
  const pki = testPki()
  const issuer = await serve((_req, _body, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"good-token"}'))
  const reg = https.createServer({ cert: pki.cert, key: pki.key }, (_req, res) => {
    res.writeHead(401, { 'www-authenticate': `Bearer realm="http://127.0.0.1:${issuer.port}/token",service="x"` }).end()
  })
  await new Promise<void>((r) => reg.listen(0, '127.0.0.1', r))
  try {
    const host = `127.0.0.1:${(reg.address() as AddressInfo).port}`
    const c = new RegistryClient({
      host,
      ca: pki.ca,
      credentials: staticCredentials('u', 'p'),
      retry: { retries: 0, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 1 }
    })
    const e = await c.blobExists('a/b', 'sha256:' + '0'.repeat(64)).catch((err) => err)
    expect(e).toBeInstanceOf(AuthError)
    expect(e.message).toBe(`${host} points its token service at http://127.0.0.1:${issuer.port} over plain HTTP`)
    expect(issuer.seen).toHaveLength(0)
  } finally {
    await new Promise((r) => reg.close(r))
    await issuer.close()
  }
})

test('a registry reached over HTTPS that redirects to plain HTTP is refused, naming the registry and the chart', async () => {
  const pki = testPki()
  const reg = https.createServer({ cert: pki.cert, key: pki.key }, (req, res) => {
    res.writeHead(307, { location: `http://127.0.0.1:9/storage${req.url}?sig=x` }).end()
  })
  await new Promise<void>((r) => reg.listen(0, '127.0.0.1', r))
  try {
    const host = `127.0.0.1:${(reg.address() as AddressInfo).port}`
    const c = new RegistryClient({ host, ca: pki.ca, retry: { retries: 0, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 1 } })
    const digest = 'sha256:' + '0'.repeat(64)
    const e = await c.forChart('app', () => c.getBlob('a/b', digest)).catch((err) => err)
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toBe(
      `https://${host}/v2/a/b/blobs/${digest} redirects to http://127.0.0.1:9/storage/v2/a/b/blobs/${digest}, away from HTTPS while publishing chart \`app\``
    )
    expect(e).toMatchObject({ registry: host, chart: 'app', status: 307 })
    expect(e.hint).toMatch(/plain HTTP/)
  } finally {
    await new Promise((r) => reg.close(r))
  }
})

test('a realm that is not an absolute URL is an AuthError naming the registry, not a TypeError', async () => {
  // The token spec's realm is an absolute URL; oras-go fails building the request from it, naming the realm.
  const r = await registryWith(
    () => 'Bearer realm="/token",service="x"',
    () => ({ status: 200, json: { token: 'good-token' } })
  )
  try {
    const c = r.client()
    const e = await c.blobExists('a/b', 'sha256:' + '0'.repeat(64)).catch((err) => err)
    expect(e).toBeInstanceOf(AuthError)
    expect(e.message).toBe(`${c.host} sent a Bearer challenge whose realm is not a URL: /token`)
    expect(e.registry).toBe(c.host)
    expect(r.tokens).toHaveLength(0)
  } finally {
    await r.close()
  }
})

test('with RUNNER_DEBUG the challenge answers are traced: the scheme, the user, the token service host, the scopes, a renewal', async () => {
  let issued = 0
  let port = 0
  const r = await registryWith(
    (p) => `Bearer realm="http://127.0.0.1:${(port = p)}/token",service="x"`,
    // The first token is refused by the registry: the client renews the credential and asks again.
    () => ({ status: 200, json: { token: issued++ === 0 ? 'stale-token' : 'good-token' } })
  )
  const basic = await registryWith(
    () => 'Basic realm="registry"',
    () => ({ status: 500 })
  )
  process.env.RUNNER_DEBUG = '1'
  const from = capturedOutput().length
  try {
    const c = r.client(staticCredentials('ci-user', 'p'))
    expect(await c.blobExists('a/b', 'sha256:' + '0'.repeat(64))).toBe(false)
    const b = basic.client(staticCredentials('ci-user', 'p'))
    await b.blobExists('a/b', 'sha256:' + '0'.repeat(64)).catch(() => undefined)
    const lines = capturedOutput().slice(from).split('\n')
    expect(lines).toContain(`::debug::${c.host} asks for a Bearer token from 127.0.0.1:${port} for repository:a/b:pull,push`)
    expect(lines).toContain(`::debug::${c.host} asks for a Bearer token from 127.0.0.1:${port} for repository:a/b:pull,push (renewing the credential)`)
    expect(lines).toContain(`::debug::${b.host} asks for HTTP Basic; answering as ci-user`)
  } finally {
    delete process.env.RUNNER_DEBUG
    await Promise.all([r.close(), basic.close()])
  }
})
