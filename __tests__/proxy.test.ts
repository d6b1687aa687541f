/**
 * Proxies as corporate runners have them. The proxy choice is compared row by row with the
 * toolkit's own @actions/http-client (the behaviour users know from other actions); then a real
 * CONNECT proxy, through which alone `registry.test` resolves, carries a push to a registry with
 * a private CA (ca-file), with and without proxy credentials; NO_PROXY sends requests direct; and
 * sigstore-js (make-fetch-happen) takes the same route for Fulcio and Rekor.
 */
import { stepInputs } from './support/inputs'
import { createHash, randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import * as toolkit from '@actions/http-client/lib/proxy'
import { RegistryError } from '../src/errors'
import { configureTransport, parseTimeoutSeconds } from '../src/http'
import { readInputs } from '../src/inputs'
import { RegistryClient } from '../src/oci/client'
import { buildHelmManifest } from '../src/oci/helm-artifact'
import { pushArtifact, tagManifest } from '../src/oci/push'
import { alignProxyEnvironment, checkBypass, getProxyUrl } from '../src/proxy'
import { caught } from './support/caught'
import { startConnectProxy, startTlsFront, type ConnectProxy, type TlsFront } from './support/connect-proxy'
import { startRegistry, type TestRegistry } from './support/registry'
import { startGitHubTokenEndpoint, startSigstore, verifyBundle, type GitHubTokenEndpoint, type SigstoreEmulator } from './support/sigstore'
import { makeTestPki, type TestPki } from './support/tls'

const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY']
const saved = Object.fromEntries(PROXY_VARS.map((k) => [k, process.env[k]]))
function setProxyEnv(vars: Record<string, string>): void {
  for (const k of PROXY_VARS) delete process.env[k]
  Object.assign(process.env, vars)
}
afterAll(() => {
  for (const k of PROXY_VARS) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
})

describe('proxy choice matches @actions/http-client', () => {
  const P = 'http://proxy.corp:3128'
  test.each<[string, Record<string, string>]>([
    ['https://ghcr.io/v2/', { HTTPS_PROXY: P }],
    ['https://ghcr.io/v2/', { https_proxy: P, HTTPS_PROXY: 'http://other:1' }],
    ['http://registry.corp/v2/', { HTTPS_PROXY: P }],
    ['http://registry.corp/v2/', { HTTP_PROXY: P }],
    ['http://registry.corp/v2/', { http_proxy: P }],
    ['https://ghcr.io/v2/', { HTTPS_PROXY: P, NO_PROXY: 'ghcr.io' }],
    ['https://ghcr.io/v2/', { HTTPS_PROXY: P, no_proxy: 'GHCR.IO' }],
    ['https://pkg.ghcr.io/v2/', { HTTPS_PROXY: P, NO_PROXY: 'ghcr.io' }],
    ['https://pkg.ghcr.io/v2/', { HTTPS_PROXY: P, NO_PROXY: '.ghcr.io' }],
    ['https://notghcr.io/v2/', { HTTPS_PROXY: P, NO_PROXY: 'ghcr.io' }],
    ['https://ghcr.io/v2/', { HTTPS_PROXY: P, NO_PROXY: '*' }],
    ['https://registry.corp:5000/v2/', { HTTPS_PROXY: P, NO_PROXY: 'registry.corp:5000' }],
    ['https://registry.corp:5001/v2/', { HTTPS_PROXY: P, NO_PROXY: 'registry.corp:5000' }],
    ['https://registry.corp/v2/', { HTTPS_PROXY: P, NO_PROXY: 'registry.corp:443' }],
    ['https://10.1.2.3/v2/', { HTTPS_PROXY: P, NO_PROXY: '10.1.2.3' }],
    ['https://10.1.2.4/v2/', { HTTPS_PROXY: P, NO_PROXY: '10.1.2.3' }],
    ['http://127.0.0.1:5000/v2/', { HTTP_PROXY: P }],
    ['http://localhost:5000/v2/', { HTTP_PROXY: P }],
    ['http://[::1]:5000/v2/', { HTTP_PROXY: P }],
    ['https://ghcr.io/v2/', { HTTPS_PROXY: P, NO_PROXY: ' x , ghcr.io' }],
    ['https://ghcr.io/v2/', { HTTPS_PROXY: 'proxy.corp:3128' }],
    ['https://ghcr.io/v2/', { HTTPS_PROXY: 'http://us%40er:p%3Ass@proxy.corp:3128' }],
    ['https://ghcr.io/v2/', { HTTPS_PROXY: P, NO_PROXY: ' , ' }]
  ])('%s with %j', (url, env) => {
    setProxyEnv(env)
    const want = toolkit.getProxyUrl(new URL(url))
    const got = getProxyUrl(new URL(url), { ...env })
    expect(got?.url.href).toBe(want?.href)
    expect(got?.username).toBe(want?.username)
    expect(got?.password).toBe(want?.password)
    expect(checkBypass(new URL(url), { ...env })).toBe(toolkit.checkBypass(new URL(url)))
  })

  test('credentials in the proxy URL are URL-decoded', () => {
    const p = getProxyUrl(new URL('https://ghcr.io'), { HTTPS_PROXY: 'http://us%40er:p%3Ass@proxy.corp:3128' })
    expect([p?.username, p?.password]).toEqual(['us@er', 'p:ss'])
  })
})

describe('through a CONNECT proxy', () => {
  let pki: TestPki
  let reg: TestRegistry
  let front: TlsFront
  let proxy: ConnectProxy
  let authProxy: ConnectProxy
  let tlsProxy: ConnectProxy
  const host = (): string => `registry.test:${front.port}`

  beforeAll(async () => {
    pki = makeTestPki(['registry.test'])
    reg = await startRegistry({ auth: 'htpasswd' })
    front = await startTlsFront(reg.url, pki)
    proxy = await startConnectProxy({ hosts: { 'registry.test': '127.0.0.1' } })
    authProxy = await startConnectProxy({
      hosts: { 'registry.test': '127.0.0.1' },
      auth: { username: 'corp\\me', password: `pw-${randomBytes(6).toString('hex')}` }
    })
    tlsProxy = await startConnectProxy({
      hosts: { 'registry.test': '127.0.0.1' },
      tls: pki,
      auth: { username: 'corp\\tls', password: `pw-${randomBytes(6).toString('hex')}` }
    })
  })
  afterAll(async () => {
    configureTransport({ ca: undefined })
    await Promise.all([proxy, authProxy, tlsProxy, front, reg].filter(Boolean).map((s) => s.stop()))
    pki?.remove()
  })

  async function push(repo: string): Promise<string> {
    const { staticCredentials } = await import('../src/oci/credentials')
    const c = new RegistryClient({ host: host(), credentials: staticCredentials(reg.username, reg.password) })
    c.beginChart('small')
    const bytes = randomBytes(3000)
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
    const manifest = buildHelmManifest({
      metadata: { name: 'small', version: '1.0.0', apiVersion: 'v2' },
      chart: { digest, size: bytes.length },
      created: new Date('2024-05-06T07:08:09Z')
    })
    await pushArtifact(c, repo, {
      config: manifest.config,
      chart: { digest, size: bytes.length, open: (s = 0, e = bytes.length - 1) => Readable.from([bytes.subarray(s, e + 1)]) },
      manifest
    })
    await tagManifest(c, repo, '1.0.0', manifest.manifest)
    return manifest.digest
  }

  async function tagged(repo: string): Promise<string> {
    const res = await fetch(`${reg.url}/v2/${repo}/manifests/1.0.0`, {
      headers: {
        accept: 'application/vnd.oci.image.manifest.v1+json',
        authorization: `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`
      }
    })
    return `sha256:${createHash('sha256')
      .update(Buffer.from(await res.arrayBuffer()))
      .digest('hex')}`
  }

  test('a host only the proxy resolves is reached through it, with the private CA of ca-file', async () => {
    configureTransport({ ca: pki.ca })
    setProxyEnv({ HTTPS_PROXY: proxy.url })
    const digest = await push('proxied/small')
    expect(await tagged('proxied/small')).toBe(digest)
    expect(proxy.connects).toContain(host())
    expect(proxy.connects.every((t) => t === host())).toBe(true)
  })

  test('proxy credentials from the URL go in Proxy-Authorization, and are masked', async () => {
    configureTransport({ ca: pki.ca })
    setProxyEnv({ https_proxy: authProxy.url })
    const out: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk))
      return true
    })
    try {
      const digest = await push('proxied/auth')
      expect(await tagged('proxied/auth')).toBe(digest)
    } finally {
      spy.mockRestore()
    }
    const password = decodeURIComponent(new URL(authProxy.url).password)
    expect(authProxy.proxyAuthorizations.length).toBeGreaterThan(0)
    expect(authProxy.proxyAuthorizations[0]).toBe(`Basic ${Buffer.from(`corp\\me:${password}`).toString('base64')}`)
    expect(out).toContain(`::add-mask::${password}\n`)
    expect(out.filter((l) => !l.startsWith('::add-mask::')).join('')).not.toContain(password)
  })

  test('an https:// proxy: TLS to the proxy with the ca-file CA, CONNECT and credentials inside it, credentials masked', async () => {
    configureTransport({ ca: pki.ca })
    setProxyEnv({ HTTPS_PROXY: tlsProxy.url })
    const out: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk))
      return true
    })
    const sessions = tlsProxy.tlsSessions
    try {
      const digest = await push('proxied/tls-proxy')
      expect(await tagged('proxied/tls-proxy')).toBe(digest)
    } finally {
      spy.mockRestore()
    }
    expect(tlsProxy.tlsSessions).toBeGreaterThan(sessions)
    expect(tlsProxy.connects).toContain(host())
    const password = decodeURIComponent(new URL(tlsProxy.url).password)
    expect(tlsProxy.proxyAuthorizations[0]).toBe(`Basic ${Buffer.from(`corp\\tls:${password}`).toString('base64')}`)
    expect(out).toContain(`::add-mask::${password}\n`)
    expect(out.filter((l) => !l.startsWith('::add-mask::')).join('')).not.toContain(password)
  })

  test('an https:// proxy whose CA is not trusted: the TLS failure names the proxy, never its credentials', async () => {
    configureTransport({ ca: undefined })
    setProxyEnv({ HTTPS_PROXY: tlsProxy.url })
    const connects = tlsProxy.connects.length
    const err = await caught(push('proxied/tls-proxy-untrusted'))
    expect(err).toBeInstanceOf(RegistryError)
    expect(err.message).toMatch(
      new RegExp(
        `^cannot connect securely to registry ${host()}: TLS to proxy https://127\\.0\\.0\\.1:${tlsProxy.port} failed: .*certificate.* while publishing chart \`small\`$`
      )
    )
    expect((err as RegistryError).hint).toContain('ca-file')
    expect(err.message).not.toContain(decodeURIComponent(new URL(tlsProxy.url).password))
    // The handshake failed before any CONNECT was sent.
    expect(tlsProxy.connects.length).toBe(connects)
  })

  test('a proxy that wants credentials and gets none: the sentence names the proxy', async () => {
    configureTransport({ ca: pki.ca })
    setProxyEnv({ HTTPS_PROXY: authProxy.url.replace(/\/\/[^@]+@/, '//') })
    const err = await caught(push('proxied/no-auth'))
    expect(err).toBeInstanceOf(RegistryError)
    expect(err.message).toBe(
      `cannot reach registry ${host()}: proxy http://127.0.0.1:${authProxy.port} refused to tunnel to ${host()} (proxy authentication required) while publishing chart \`small\``
    )
    expect((err as RegistryError).hint).toContain('HTTPS_PROXY')
  })

  test('without the private CA the TLS failure says to set ca-file', async () => {
    configureTransport({ ca: undefined })
    setProxyEnv({ HTTPS_PROXY: proxy.url })
    const err = await caught(push('proxied/no-ca'))
    expect(err.message).toMatch(new RegExp(`^cannot connect securely to registry ${host()}: TLS failed: .*certificate`))
    expect((err as RegistryError).hint).toContain('ca-file')
  })

  test.each([['registry.test'], ['*'], [`registry.test:${'PORT'}`]])('NO_PROXY=%s sends the request direct, where the name does not resolve', async (entry) => {
    configureTransport({ ca: pki.ca })
    setProxyEnv({ HTTPS_PROXY: proxy.url, NO_PROXY: `other.corp, ${entry.replace('PORT', String(front.port))}` })
    // Tunnels the earlier tests' keep-alive sockets still open settle first; only this request's CONNECTs count.
    await new Promise((r) => setTimeout(r, 500))
    const before = proxy.connects.length
    const err = await caught(
      new RegistryClient({ host: host(), retry: { retries: 0, baseDelayMs: 1, minDelayMs: 1, maxDelayMs: 1 } }).blobExists('x/y', `sha256:${'0'.repeat(64)}`)
    )
    expect(err.message).toMatch(/^registry host registry\.test does not resolve \(DNS (ENOTFOUND|EAI_AGAIN)\)$/)
    expect(proxy.connects.length).toBe(before)
  })

  test('a loopback registry is reached direct even with HTTPS_PROXY and HTTP_PROXY set', async () => {
    setProxyEnv({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url })
    const before = proxy.connects.length
    const { staticCredentials } = await import('../src/oci/credentials')
    const c = new RegistryClient({ host: reg.host, plainHttp: true, credentials: staticCredentials(reg.username, reg.password) })
    expect(await c.blobExists('x/y', `sha256:${'0'.repeat(64)}`)).toBe(false)
    expect(proxy.connects.length).toBe(before)
  })
})

describe('sigstore-js takes the same route', () => {
  const SUBJECT = createHash('sha256').update('small').digest('hex')
  let sigstore: SigstoreEmulator
  let oidc: GitHubTokenEndpoint
  let proxy: ConnectProxy
  let token: string

  beforeAll(async () => {
    ;[sigstore, oidc, proxy] = await Promise.all([
      startSigstore(),
      startGitHubTokenEndpoint(),
      startConnectProxy({ hosts: { 'fulcio.test': '127.0.0.1', 'rekor.test': '127.0.0.1' } })
    ])
    const res = await fetch(`${oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sigstore`, {
      headers: { authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
    })
    token = ((await res.json()) as { value: string }).value
  })
  afterAll(async () => Promise.all([sigstore, oidc, proxy].filter(Boolean).map((s) => s.stop())))

  /** Loads @sigstore/sign afresh (it reads the proxy variables once, when loaded), after aligning them as startSigning does. */
  async function signThrough(endpoints: { fulcio: string; rekor: string }): Promise<unknown> {
    let mod: typeof import('../src/sign/sigstore') | undefined
    alignProxyEnvironment([endpoints.fulcio, endpoints.rekor])
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.isolateModules loads the module afresh only through a synchronous require
      mod = require('../src/sign/sigstore')
    })
    const s = mod!.createSigstore({ name: 'custom', ...endpoints }, async () => token)
    const subject = [{ name: 'small', digest: { sha256: SUBJECT } }]
    return s.signStatement(
      Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject, predicateType: 'https://example.com/x', predicate: {} }))
    )
  }

  test('Fulcio and Rekor on names only the proxy resolves are reached through HTTP_PROXY', async () => {
    setProxyEnv({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url })
    const swap = (u: string, name: string): string => u.replace('127.0.0.1', name)
    const bundle = await signThrough({ fulcio: swap(sigstore.fulcioUrl, 'fulcio.test'), rekor: swap(sigstore.rekorUrl, 'rekor.test') })
    expect(proxy.requests.some((r) => r.startsWith(`POST ${swap(sigstore.fulcioUrl, 'fulcio.test')}/`))).toBe(true)
    expect(proxy.requests.some((r) => r.startsWith(`POST ${swap(sigstore.rekorUrl, 'rekor.test')}/`))).toBe(true)
    expect(() => verifyBundle(sigstore.trustedRoot, bundle, { san: oidc.san, issuer: oidc.issuer, digest: SUBJECT })).not.toThrow()
  })

  test('loopback Sigstore services bypass the proxy, as the toolkit decides (make-fetch-happen alone would proxy them)', async () => {
    setProxyEnv({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url })
    const before = proxy.requests.length + proxy.connects.length
    await signThrough({ fulcio: sigstore.fulcioUrl, rekor: sigstore.rekorUrl })
    expect(proxy.requests.length + proxy.connects.length).toBe(before)
    expect(sigstore.requests.fulcio).toBeGreaterThan(0)
  })
})

describe('network-timeout', () => {
  test.each<[string | undefined, number | undefined]>([
    ['30', 30_000],
    ['2.5', 2_500],
    ['45s', 45_000],
    [' 10 ', 10_000],
    ['', undefined],
    [undefined, undefined],
    ['0', undefined],
    ['-3', undefined],
    ['soon', undefined]
  ])('%j → %j ms', (raw, ms) => {
    expect(parseTimeoutSeconds(raw)).toBe(ms)
  })

  test('the input is validated with the other inputs', () => {
    const reader = stepInputs
    expect(() => readInputs(reader({ registry: 'oci://ghcr.io/acme', 'network-timeout': 'soon' }), {})).toThrow(
      'input network-timeout is "soon"; expected a number of seconds'
    )
    expect(readInputs(reader({ registry: 'oci://ghcr.io/acme', 'network-timeout': '12' }), {}).networkTimeoutMs).toBe(12_000)
  })
})
