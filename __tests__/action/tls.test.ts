/**
 * HTTPS registries with a private CA: Debian's docker-registry serving TLS (`http.tls`) with a certificate from a
 * test CA (support/tls.ts). The action trusts it through the `ca-file` input or Node's NODE_EXTRA_CA_CERTS, and
 * refuses it, with a message that names the registry and says what to do, without the CA or with another CA.
 * What was pushed is read back with skopeo verifying TLS against the same CA (its --cert-dir).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction, ROOT } from '../support/action'
import { startRegistry, type TestRegistry } from '../support/registry'
import { makeTestPki, type TestPki } from '../support/tls'

const DEMO = path.join(ROOT, 'examples', 'demo-chart')
const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

let pki: TestPki
let reg: TestRegistry
let ws: string
let certDir: string
beforeAll(async () => {
  pki = makeTestPki()
  reg = await startRegistry({ auth: 'htpasswd', tls: pki })
  ws = mkdtempSync(path.join(os.tmpdir(), 'hop-tls-ws-'))
  cpSync(DEMO, path.join(ws, 'demo'), { recursive: true })
  copyFileSync(pki.caFile, path.join(ws, 'registry-ca.pem'))
  // skopeo (containers/image) trusts *.crt files in --cert-dir as CAs.
  certDir = path.join(pki.dir, 'skopeo-certs')
  mkdirSync(certDir)
  copyFileSync(pki.caFile, path.join(certDir, 'ca.crt'))
})
afterAll(async () => {
  await reg?.stop()
  pki?.remove()
  rmSync(ws, { recursive: true, force: true })
})

const inputs = (repo: string, extra: Record<string, string> = {}): Record<string, string> => ({
  charts: 'demo',
  registry: `oci://${reg.host}/${repo}`,
  username: reg.username,
  password: reg.password,
  sign: 'false',
  // 127.0.0.1 is loopback, which `auto` would take as plain HTTP.
  'plain-http': 'false',
  ...extra
})

/** The manifest as skopeo reads it over verified TLS (no --tls-verify=false). */
function skopeoManifest(ref: string): Buffer {
  return execFileSync('skopeo', ['inspect', '--raw', '--cert-dir', certDir, '--creds', `${reg.username}:${reg.password}`, `docker://${ref}`])
}

test('the registry really serves HTTPS with the test CA', () => {
  expect(reg.url).toBe(`https://${reg.host}`)
  const status = execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '--cacert', pki.caFile, `${reg.url}/v2/`]).toString()
  expect(status).toBe('401')
  // And plain curl (system trust only) refuses it: the CA is private.
  expect(() => execFileSync('curl', ['-sf', `${reg.url}/v2/`], { stdio: 'pipe' })).toThrow()
})

test('ca-file: pushes over HTTPS; skopeo verifying TLS reads the same digest', async () => {
  const run = await runAction(inputs('tls/cafile', { 'ca-file': 'registry-ca.pem' }), { workspace: ws })
  expect(run.errors).toEqual([])
  expect(run.code).toBe(0)
  expect(run.outputs.ref).toBe(`oci://${reg.host}/tls/cafile/demo-chart@${run.outputs.digest}`)
  expect(sha256(skopeoManifest(`${reg.host}/tls/cafile/demo-chart:0.1.0`))).toBe(run.outputs.digest)
})

test('NODE_EXTRA_CA_CERTS: pushes over HTTPS without ca-file', async () => {
  const run = await runAction(inputs('tls/extra'), { workspace: ws, env: { NODE_EXTRA_CA_CERTS: pki.caFile } })
  expect(run.errors).toEqual([])
  expect(sha256(skopeoManifest(`${reg.host}/tls/extra/demo-chart:0.1.0`))).toBe(run.outputs.digest)
})

test.each([
  ['no CA at all', false],
  ['ca-file with an unrelated CA', true]
])('%s: refused, naming the registry and the certificate problem, nothing pushed', async (_, otherCa) => {
  const run = await runAction(inputs('tls/refused', otherCa ? { 'ca-file': pki.otherCaFile } : {}), { workspace: ws })
  expect(run.code).not.toBe(0)
  // Node's own wording ("unable to verify the first certificate") names neither the host nor the remedy: the sentence does.
  expect(run.errors[0]).toMatch(/^::error title=Chart demo-chart::/)
  expect(run.errors[0]).toContain(`cannot connect securely to registry ${reg.host}: TLS failed: unable to verify the first certificate`)
  expect(run.errors[0]).toContain('give its certificate in ca-file (or NODE_EXTRA_CA_CERTS)')
  const status = execFileSync('curl', [
    '-s',
    '-o',
    '/dev/null',
    '-w',
    '%{http_code}',
    '--cacert',
    pki.caFile,
    '-u',
    `${reg.username}:${reg.password}`,
    `${reg.url}/v2/tls/refused/demo-chart/tags/list`
  ]).toString()
  expect(status).toBe('404')
})

test('token auth over HTTPS: the realm (HTTPS, same private CA) is trusted through ca-file too', async () => {
  const tokenReg = await startRegistry({ auth: 'token', tls: pki })
  try {
    const run = await runAction(
      {
        ...inputs('tls/token', { 'ca-file': 'registry-ca.pem' }),
        registry: `oci://${tokenReg.host}/tls/token`,
        username: tokenReg.username,
        password: tokenReg.password
      },
      { workspace: ws }
    )
    expect(run.errors).toEqual([])
    // The issuer received the password grant over TLS and handed out a push token for the repository.
    expect(tokenReg.tokenRequests.some((r) => r.username === tokenReg.username && r.scope.includes('repository:tls/token/demo-chart:pull,push'))).toBe(true)
    const status = execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '--cacert', pki.caFile, `${tokenReg.url}/v2/`]).toString()
    expect(status).toBe('401')
  } finally {
    await tokenReg.stop()
  }
})
