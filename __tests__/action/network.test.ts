/**
 * The action (node dist/index.js) on networks as users have them: GitHub Enterprise Server
 * (GITHUB_SERVER_URL / GITHUB_API_URL) with its `containers.HOST` registry behind a corporate
 * CONNECT proxy and a private CA, signing and storing the attestation with the emulated GitHub
 * API; step-debug traces of the wire; a stall with the `network-timeout` input; a registry that
 * is down; and four runs racing for one tag.
 */
import * as http from 'node:http'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction, ROOT, type ActionRun } from '../support/action'
import { startConnectProxy, startTlsFront, type ConnectProxy, type TlsFront } from '../support/connect-proxy'
import { startFaultProxy } from '../support/fault-proxy'
import { freePort, startRegistry, type TestRegistry } from '../support/registry'
import { startGitHubTokenEndpoint, startSigstore, type SigstoreEmulator } from '../support/sigstore'
import { makeTestPki, type TestPki } from '../support/tls'

const DEMO = path.join(ROOT, 'examples', 'demo-chart')
const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
const dirs: string[] = []

function workspace(): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-net-'))
  dirs.push(ws)
  cpSync(DEMO, path.join(ws, 'demo'), { recursive: true })
  return ws
}

function cleanup(run: ActionRun): ActionRun {
  dirs.push(run.runnerTemp)
  return run
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

async function tagDigest(reg: TestRegistry, repo: string, tag: string, auth?: string): Promise<string | undefined> {
  const res = await fetch(`${reg.url}/v2/${repo}/manifests/${tag}`, {
    headers: { accept: 'application/vnd.oci.image.manifest.v1+json', ...(auth ? { authorization: auth } : {}) }
  })
  return res.ok ? sha256(Buffer.from(await res.arrayBuffer())) : undefined
}

describe('GitHub Enterprise Server behind a corporate proxy', () => {
  const SERVER = 'ghes.corp.test'
  let pki: TestPki
  let reg: TestRegistry
  let front: TlsFront
  let proxy: ConnectProxy
  let sigstore: SigstoreEmulator
  let token: Awaited<ReturnType<typeof startGitHubTokenEndpoint>>
  let api: http.Server
  let apiUrl: string
  const stored: Array<{ path: string; auth?: string }> = []

  beforeAll(async () => {
    pki = makeTestPki([`containers.${SERVER}`])
    reg = await startRegistry({ auth: 'htpasswd', users: { octocat: 'ghs_enterprise_token' } })
    front = await startTlsFront(reg.url, pki)
    proxy = await startConnectProxy({ hosts: { [`containers.${SERVER}`]: '127.0.0.1' } })
    sigstore = await startSigstore()
    token = await startGitHubTokenEndpoint({ repository: 'acme/charts' })
    api = http.createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        stored.push({ path: req.url ?? '', auth: req.headers.authorization })
        if (req.method === 'POST' && req.url === '/api/v3/repos/acme/charts/attestations')
          res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 77 }))
        else res.writeHead(404).end()
      })
    })
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r))
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/v3`
  })
  afterAll(async () => {
    await Promise.all([reg, front, proxy, sigstore, token].filter(Boolean).map((s) => s.stop()))
    await new Promise((r) => api?.close(r))
    pki?.remove()
  })

  test('logs in to containers.HOST with github-token, pushes through HTTPS_PROXY with ca-file, stores the attestation with GITHUB_API_URL', async () => {
    const ws = workspace()
    writeFileSync(path.join(ws, 'ca.pem'), pki.ca)
    const host = `containers.${SERVER}:${front.port}`
    const run = cleanup(
      await runAction(
        {
          charts: 'demo',
          registry: `oci://${host}/acme`,
          'github-token': 'ghs_enterprise_token',
          'ca-file': 'ca.pem',
          'sigstore-instance': 'custom',
          'fulcio-url': sigstore.fulcioUrl,
          'rekor-url': sigstore.rekorUrl
        },
        {
          workspace: ws,
          env: { ...token.env, GITHUB_SERVER_URL: `https://${SERVER}`, GITHUB_API_URL: apiUrl, HTTPS_PROXY: proxy.url, RUNNER_DEBUG: '1' }
        }
      )
    )
    expect(run.errors).toEqual([])
    expect(run.stdout).toContain(`Registry ${host}: logging in with GHCR with github-token as octocat`)
    const auth = `Basic ${Buffer.from('octocat:ghs_enterprise_token').toString('base64')}`
    expect(await tagDigest(reg, 'acme/demo-chart', '0.1.0', auth)).toBe(run.outputs.digest)
    // Registry traffic went through the proxy; the loopback services did not.
    expect(proxy.connects.length).toBeGreaterThan(0)
    expect(proxy.connects.every((c) => c === host)).toBe(true)
    expect(run.outputs['attestation-id']).toBe('77')
    // Octokit (@actions/github) authenticates with the `token` scheme, which GitHub's API takes like Bearer.
    expect(stored).toEqual([{ path: '/api/v3/repos/acme/charts/attestations', auth: 'token ghs_enterprise_token' }])
    // The wire, in step-debug lines, without the token.
    expect(run.stdout).toMatch(new RegExp(`::debug::https requests go through proxy http://127\\.0\\.0\\.1:${proxy.port}`))
    expect(run.stdout).toMatch(/::debug::PUT https:\/\/containers\.ghes\.corp\.test:\d+\/v2\/acme\/demo-chart\/manifests\/0\.1\.0 → 201 \(\d+ ms\)/)
    expect(run.stdout).toMatch(/::debug::HEAD https:\/\/containers\.ghes\.corp\.test:\d+\/v2\/acme\/demo-chart\/manifests\/0\.1\.0 → 404/)
    const debugLines = run.stdout.split('\n').filter((l) => l.startsWith('::debug::'))
    expect(debugLines.join('\n')).not.toContain('ghs_enterprise_token')
    expect(debugLines.join('\n')).not.toContain(Buffer.from('octocat:ghs_enterprise_token').toString('base64'))
    expect(debugLines.join('\n')).not.toContain(token.tokens[0] ?? 'no token')
  })

  test('an https:// proxy with credentials, trusted through NODE_EXTRA_CA_CERTS: TLS to the proxy, CONNECT inside, password masked', async () => {
    const password = `pw-${Date.now().toString(36)}-proxy`
    const tlsProxy = await startConnectProxy({ hosts: { [`containers.${SERVER}`]: '127.0.0.1' }, tls: pki, auth: { username: 'corp', password } })
    try {
      const host = `containers.${SERVER}:${front.port}`
      const run = cleanup(
        await runAction(
          { charts: 'demo', registry: `oci://${host}/tls-proxy`, 'github-token': 'ghs_enterprise_token', sign: 'false' },
          {
            workspace: workspace(),
            env: {
              GITHUB_SERVER_URL: `https://${SERVER}`,
              GITHUB_API_URL: apiUrl,
              HTTPS_PROXY: tlsProxy.url,
              NODE_EXTRA_CA_CERTS: pki.caFile,
              RUNNER_DEBUG: '1'
            }
          }
        )
      )
      expect(run.errors).toEqual([])
      const auth = `Basic ${Buffer.from('octocat:ghs_enterprise_token').toString('base64')}`
      expect(await tagDigest(reg, 'tls-proxy/demo-chart', '0.1.0', auth)).toBe(run.outputs.digest)
      expect(tlsProxy.tlsSessions).toBeGreaterThan(0)
      expect(tlsProxy.connects.length).toBeGreaterThan(0)
      expect(tlsProxy.connects.every((c) => c === host)).toBe(true)
      expect(tlsProxy.proxyAuthorizations.every((a) => a === `Basic ${Buffer.from(`corp:${password}`).toString('base64')}`)).toBe(true)
      expect(run.stdout).toMatch(new RegExp(`::debug::https requests go through proxy https://127\\.0\\.0\\.1:${tlsProxy.port} \\(with credentials\\)`))
      expect(run.stdout).toContain(`::add-mask::${password}\n`)
      expect(
        run.stdout
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'))
          .join('\n')
      ).not.toContain(password)
      expect(run.stderr).not.toContain(password)
    } finally {
      await tlsProxy.stop()
    }
  })
})

describe('failures a user can act on', () => {
  let reg: TestRegistry
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'none' })
  })
  afterAll(async () => reg?.stop())

  test('a registry that is down: one sentence naming chart, registry and what to check; no reference in the summary', async () => {
    const port = await freePort()
    const t0 = Date.now()
    const run = cleanup(await runAction({ charts: 'demo', registry: `oci://127.0.0.1:${port}/acme`, sign: 'false' }, { workspace: workspace() }))
    const ms = Date.now() - t0
    expect(run.code).not.toBe(0)
    expect(run.errors[0]).toBe(
      `::error title=Chart demo-chart::cannot reach registry 127.0.0.1:${port} (connection refused) after 6 attempts while publishing chart \`demo-chart\`. Is the registry running and is the port right?`
    )
    expect(run.stdout).toContain('caused by: ECONNREFUSED')
    expect(run.summary).toContain('❌ failed')
    expect(run.summary).not.toContain('@sha256:')
    const [chart] = JSON.parse(run.outputs.charts) as Array<{ status: string; digest?: string; ref?: string }>
    expect([chart.status, chart.digest, chart.ref]).toEqual(['failed', undefined, undefined])
    expect(ms).toBeLessThan(30_000)
  })

  test('a registry that stops answering fails after network-timeout seconds, naming the request', async () => {
    const p = await startFaultProxy(reg.url, { rules: [{ method: 'PUT', path: /\/manifests\/0\.1\.0$/, times: 100, fault: 'stall' }] })
    try {
      const t0 = Date.now()
      const run = cleanup(
        await runAction({ charts: 'demo', registry: `oci://${p.host}/acme`, sign: 'false', 'network-timeout': '2' }, { workspace: workspace() })
      )
      const ms = Date.now() - t0
      expect(run.errors[0]).toBe(
        `::error title=Chart demo-chart::PUT /v2/acme/demo-chart/manifests/0.1.0 on registry ${p.host} stalled: no bytes moved for 2.0 s while publishing chart \`demo-chart\`. The registry or a proxy stopped responding; re-run the job, or raise network-timeout if the network is this slow`
      )
      expect(run.summary).not.toContain('@sha256:')
      expect(ms).toBeLessThan(15_000)
    } finally {
      await p.stop()
    }
  })
})

describe('four runs racing for one tag', () => {
  let reg: TestRegistry
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'none' })
  })
  afterAll(async () => reg?.stop())

  test.each([['fail'], ['skip-identical']])('if-exists: %s never reports published for bytes the tag does not hold', async (ifExists) => {
    const repo = `race-${ifExists}`
    const runs = await Promise.all(
      [1, 2, 3, 4].map(async (i) =>
        cleanup(
          await runAction(
            { charts: 'demo', registry: `oci://${reg.host}/${repo}`, sign: 'false', 'if-exists': ifExists, 'app-version': `race-${i}` },
            { workspace: workspace() }
          )
        )
      )
    )
    const final = await tagDigest(reg, `${repo}/demo-chart`, '0.1.0')
    const results = runs.map((r) => JSON.parse(r.outputs.charts)[0] as { status: string; digest?: string; error?: string })
    const published = results.filter((r) => r.status === 'published')
    expect(published.length).toBeGreaterThanOrEqual(1)
    for (const r of published) expect(r.digest).toBe(final)
    for (const r of results.filter((x) => x.status === 'failed')) expect(r.error).toMatch(/already exists and holds|was moved by someone else/)
  })
})
