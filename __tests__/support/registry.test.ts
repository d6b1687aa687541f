/**
 * Self-tests for the registry test support: each auth mode of the real Distribution registry, the
 * token issuer, the fault proxy and the storage server. Plain fetch/skopeo only — no project code.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { startFaultProxy, startStorageServer } from './fault-proxy'
import { startRegistry, type TestRegistry } from './registry'

const execFileP = promisify(execFile)

const basic = (u: string, p: string): string => 'Basic ' + Buffer.from(`${u}:${p}`).toString('base64')
const sha256 = (b: Buffer): string => 'sha256:' + createHash('sha256').update(b).digest('hex')

function bearerParams(header: string | null): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of (header ?? '').matchAll(/(\w+)="([^"]*)"/g)) out[m[1]] = m[2]
  return out
}

async function getToken(reg: TestRegistry, scope: string, user = reg.username, pass = reg.password): Promise<Response> {
  const challenge = (await fetch(`${reg.url}/v2/`)).headers.get('www-authenticate')
  const { realm, service } = bearerParams(challenge)
  const u = new URL(realm)
  u.searchParams.set('service', service)
  u.searchParams.append('scope', scope)
  return fetch(u, { headers: { Authorization: basic(user, pass) } })
}

/** Monolithic blob upload: POST to open a session, PUT with ?digest= to finish it. */
async function pushBlob(base: string, repo: string, data: Buffer, auth: string): Promise<string> {
  const digest = sha256(data)
  const post = await fetch(`${base}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: { Authorization: auth } })
  expect(post.status).toBe(202)
  const loc = new URL(post.headers.get('location')!, base)
  loc.searchParams.set('digest', digest)
  const put = await fetch(loc, {
    method: 'PUT',
    headers: { Authorization: auth, 'Content-Type': 'application/octet-stream' },
    body: data
  })
  expect(put.status).toBe(201)
  return digest
}

/** A minimal OCI image (config + one layer) that skopeo can inspect. */
async function pushImage(base: string, repo: string, tag: string, auth: string): Promise<{ layer: string }> {
  const layerData = Buffer.from(`layer ${Date.now()} ${Math.random()}`)
  const layer = await pushBlob(base, repo, layerData, auth)
  const configData = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [layer] } }))
  const config = await pushBlob(base, repo, configData, auth)
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config, size: configData.length },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layer, size: layerData.length }]
  })
  const put = await fetch(`${base}/v2/${repo}/manifests/${tag}`, {
    method: 'PUT',
    headers: { Authorization: auth, 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
    body: manifest
  })
  expect(put.status).toBe(201)
  return { layer }
}

describe('startRegistry', () => {
  test("auth 'none': GET /v2/ is 200", async () => {
    const reg = await startRegistry()
    try {
      expect(reg.host).toMatch(/^127\.0\.0\.1:\d+$/)
      expect((await fetch(`${reg.url}/v2/`)).status).toBe(200)
    } finally {
      await reg.stop()
    }
  })

  test("auth 'htpasswd': 401 without credentials, 200 with", async () => {
    const reg = await startRegistry({ auth: 'htpasswd' })
    try {
      expect(reg.username).toBe('testuser')
      const anon = await fetch(`${reg.url}/v2/`)
      expect(anon.status).toBe(401)
      expect(anon.headers.get('www-authenticate')).toMatch(/^Basic/)
      const ok = await fetch(`${reg.url}/v2/`, { headers: { Authorization: basic(reg.username, reg.password) } })
      expect(ok.status).toBe(200)
      const bad = await fetch(`${reg.url}/v2/`, { headers: { Authorization: basic(reg.username, 'wrong') } })
      expect(bad.status).toBe(401)
    } finally {
      await reg.stop()
    }
  })

  describe("auth 'token'", () => {
    let reg: TestRegistry
    beforeAll(async () => {
      reg = await startRegistry({ auth: 'token' })
    })
    afterAll(async () => reg?.stop())

    test('anonymous GET /v2/ is challenged with Bearer', async () => {
      const res = await fetch(`${reg.url}/v2/`)
      expect(res.status).toBe(401)
      const h = res.headers.get('www-authenticate')!
      expect(h).toMatch(/^Bearer realm="http:\/\/127\.0\.0\.1:\d+\/token",service="test-registry"/)
    })

    test('a token fetched with Basic credentials opens /v2/ and allows a blob push', async () => {
      const tr = await getToken(reg, 'repository:test/blob:pull,push')
      expect(tr.status).toBe(200)
      const body = (await tr.json()) as { token: string; access_token: string; expires_in: number; issued_at: string }
      expect(body.access_token).toBe(body.token)
      expect(body.expires_in).toBe(300)
      const header = JSON.parse(Buffer.from(body.token.split('.')[0], 'base64url').toString())
      expect(header.x5c).toHaveLength(1)
      const bearer = `Bearer ${body.token}`
      expect((await fetch(`${reg.url}/v2/`, { headers: { Authorization: bearer } })).status).toBe(200)
      await pushBlob(reg.url, 'test/blob', Buffer.from('hello blob'), bearer)
      const last = reg.tokenRequests[reg.tokenRequests.length - 1]
      expect(last).toMatchObject({ username: reg.username, password: reg.password, service: 'test-registry' })
      expect(last.scope).toEqual(['repository:test/blob:pull,push'])
    })

    test('a token for another repository does not allow a push', async () => {
      const { token } = (await (await getToken(reg, 'repository:other:pull,push')).json()) as { token: string }
      const post = await fetch(`${reg.url}/v2/test/blob/blobs/uploads/`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` }
      })
      expect(post.status).toBe(401)
      expect(post.headers.get('www-authenticate')).toContain('insufficient_scope')
    })

    test('a wrong password gets 401 from the issuer', async () => {
      const tr = await getToken(reg, 'repository:test/blob:pull', reg.username, 'wrong')
      expect(tr.status).toBe(401)
    })

    test('OAuth2 POST: password grant, then refresh_token grant', async () => {
      const { realm } = bearerParams((await fetch(`${reg.url}/v2/`)).headers.get('www-authenticate'))
      const form = (o: Record<string, string>): RequestInit => ({
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(o).toString()
      })
      const scope = 'repository:test/oauth:pull,push'
      const pw = await fetch(
        realm,
        form({ grant_type: 'password', username: reg.username, password: reg.password, service: 'test-registry', scope, client_id: 'jest' })
      )
      expect(pw.status).toBe(200)
      const { refresh_token } = (await pw.json()) as { refresh_token: string }
      const rt = await fetch(realm, form({ grant_type: 'refresh_token', refresh_token, service: 'test-registry', scope, client_id: 'jest' }))
      expect(rt.status).toBe(200)
      const { access_token } = (await rt.json()) as { access_token: string }
      await pushBlob(reg.url, 'test/oauth', Buffer.from('oauth blob'), `Bearer ${access_token}`)
      expect(reg.tokenRequests[reg.tokenRequests.length - 1].refreshToken).toBe(refresh_token)
      const bad = await fetch(realm, form({ grant_type: 'refresh_token', refresh_token: 'nope', service: 'test-registry', scope }))
      expect(bad.status).toBe(401)
    })

    test('skopeo inspect works against the token registry', async () => {
      const { token } = (await (await getToken(reg, 'repository:test/image:pull,push')).json()) as { token: string }
      await pushImage(reg.url, 'test/image', 'v1', `Bearer ${token}`)
      const { stdout } = await execFileP('skopeo', [
        'inspect',
        '--tls-verify=false',
        '--creds',
        `${reg.username}:${reg.password}`,
        `docker://${reg.host}/test/image:v1`
      ])
      expect(JSON.parse(stdout)).toMatchObject({ Architecture: 'amd64', Os: 'linux' })
    })
  })

  test('token mode: custom authorize and anonymous pull', async () => {
    const reg = await startRegistry({
      auth: 'token',
      token: { allowAnonymousPull: true, authorize: (r) => r.username === 'robot' && r.password === 'secret' }
    })
    try {
      const anon = await fetch(
        `${bearerParams((await fetch(`${reg.url}/v2/`)).headers.get('www-authenticate')).realm}?service=test-registry&scope=repository:x:pull,push`
      )
      expect(anon.status).toBe(200)
      const { token } = (await anon.json()) as { token: string }
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())
      expect(claims.access).toEqual([{ type: 'repository', name: 'x', actions: ['pull'] }])
      expect((await getToken(reg, 'repository:x:push', 'robot', 'secret')).status).toBe(200)
      expect((await getToken(reg, 'repository:x:push', 'robot', 'nope')).status).toBe(401)
    } finally {
      await reg.stop()
    }
  })
})

describe('fault proxy', () => {
  let reg: TestRegistry
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'htpasswd' })
  })
  afterAll(async () => reg?.stop())

  test("a 'reset' rule fails the first request, the second succeeds", async () => {
    const proxy = await startFaultProxy(reg.url, { rules: [{ method: 'GET', path: /^\/v2\/$/, times: 1, fault: 'reset' }] })
    try {
      const auth = { Authorization: basic(reg.username, reg.password) }
      await expect(fetch(`${proxy.url}/v2/`, { headers: auth })).rejects.toThrow()
      expect((await fetch(`${proxy.url}/v2/`, { headers: auth })).status).toBe(200)
      expect(proxy.requests.map((r) => r.status)).toEqual([0, 200])
    } finally {
      await proxy.stop()
    }
  })

  test('status faults, Location rewriting, and reset-mid-body', async () => {
    const proxy = await startFaultProxy(reg.url, {
      rules: [
        { method: 'POST', path: /blobs\/uploads/, times: 1, fault: { status: 503, body: 'busy' } },
        { method: 'PUT', times: 1, fault: 'reset-mid-body' }
      ]
    })
    try {
      const auth = basic(reg.username, reg.password)
      const busy = await fetch(`${proxy.url}/v2/f/blobs/uploads/`, { method: 'POST', headers: { Authorization: auth } })
      expect(busy.status).toBe(503)
      const post = await fetch(`${proxy.url}/v2/f/blobs/uploads/`, { method: 'POST', headers: { Authorization: auth } })
      expect(post.status).toBe(202)
      const loc = new URL(post.headers.get('location')!, proxy.url)
      expect(loc.host).toBe(proxy.host)
      const data = Buffer.alloc(256 * 1024, 7)
      loc.searchParams.set('digest', sha256(data))
      await expect(fetch(loc, { method: 'PUT', headers: { Authorization: auth }, body: data })).rejects.toThrow()
      // The upload is retried from scratch after the reset.
      await pushBlob(proxy.url, 'f', data, auth)
    } finally {
      await proxy.stop()
    }
  })

  test('blob GETs redirected to the storage server carry no Authorization', async () => {
    const storage = await startStorageServer(reg.url, { username: reg.username, password: reg.password })
    const proxy = await startFaultProxy(reg.url, { redirectBlobsTo: storage.url })
    try {
      const auth = basic(reg.username, reg.password)
      const data = Buffer.from('redirected blob')
      const digest = await pushBlob(reg.url, 'r', data, auth)
      // fetch, like Go, drops Authorization when a redirect crosses origins.
      const res = await fetch(`${proxy.url}/v2/r/blobs/${digest}`, { headers: { Authorization: auth } })
      expect(res.status).toBe(200)
      expect(Buffer.from(await res.arrayBuffer())).toEqual(data)
      expect(proxy.requests[0]).toMatchObject({ method: 'GET', status: 307 })
      expect(storage.seen).toEqual([{ method: 'GET', path: `/v2/r/blobs/${digest}`, authorization: undefined }])
    } finally {
      await proxy.stop()
      await storage.stop()
    }
  })
})
