/**
 * Helm's own provenance: with gpg-private-key the action writes the .prov
 * Helm writes (`helm package --sign`), pushes it as the provenance layer, and
 * `gpg --verify` (what `helm verify` amounts to) accepts what the registry
 * serves, with the archive's sha256 in its `files:` section.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction, ROOT } from '../support/action'
import { startRegistry, type TestRegistry } from '../support/registry'

const DEMO = path.join(ROOT, 'examples', 'demo-chart')

describe('gpg-private-key: Helm .prov layer', () => {
  let reg: TestRegistry
  let gnupg: string
  let key: string
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'none' })
    gnupg = mkdtempSync(path.join(os.tmpdir(), 'hop-gpg-'))
    const gpg = (args: string[]): Buffer =>
      execFileSync('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', 'pr0v-pass', ...args], {
        env: { ...process.env, GNUPGHOME: gnupg },
        stdio: ['ignore', 'pipe', 'pipe']
      })
    gpg(['--quick-gen-key', 'Chart Signer <charts@example.com>', 'rsa3072', 'sign', '1y'])
    key = gpg(['--armor', '--export-secret-keys', 'charts@example.com']).toString()
  })
  afterAll(async () => {
    execFileSync('gpgconf', ['--kill', 'gpg-agent'], { env: { ...process.env, GNUPGHOME: gnupg } })
    rmSync(gnupg, { recursive: true, force: true })
    await reg?.stop()
  })

  test('the pushed .prov verifies with gpg and names the pushed archive digest; the passphrase never shows', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-ws-'))
    cpSync(DEMO, path.join(ws, 'demo'), { recursive: true })
    const run = await runAction(
      { charts: 'demo', registry: `oci://${reg.host}/prov`, sign: 'false', 'gpg-private-key': key, 'gpg-passphrase': 'pr0v-pass' },
      { workspace: ws }
    )
    expect(run.errors).toEqual([])
    const manifest = JSON.parse(execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${reg.host}/prov/demo-chart:0.1.0`]).toString())
    const byType = (t: string) => manifest.layers.find((l: { mediaType: string }) => l.mediaType === t)
    const chart = byType('application/vnd.cncf.helm.chart.content.v1.tar+gzip')
    const prov = byType('application/vnd.cncf.helm.chart.provenance.v1.prov')
    expect(prov).toMatchObject({ mediaType: 'application/vnd.cncf.helm.chart.provenance.v1.prov', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) })
    expect(manifest.layers.map((l: { digest: string }) => l.digest)).toEqual([...manifest.layers.map((l: { digest: string }) => l.digest)].sort())
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-pull-'))
    const tgz = execFileSync('curl', ['-sf', `${reg.url}/v2/prov/demo-chart/blobs/${chart.digest}`])
    const provBytes = execFileSync('curl', ['-sf', `${reg.url}/v2/prov/demo-chart/blobs/${prov.digest}`])
    writeFileSync(path.join(dir, 'demo-chart-0.1.0.tgz'), tgz)
    writeFileSync(path.join(dir, 'demo-chart-0.1.0.tgz.prov'), provBytes)
    // The layer descriptor describes the bytes the registry serves.
    expect(prov.digest).toBe(`sha256:${createHash('sha256').update(provBytes).digest('hex')}`)
    expect(prov.size).toBe(provBytes.length)
    const status = execFileSync('gpg', ['--batch', '--status-fd', '1', '--verify', path.join(dir, 'demo-chart-0.1.0.tgz.prov')], {
      env: { ...process.env, GNUPGHOME: gnupg },
      stdio: ['ignore', 'pipe', 'pipe']
    }).toString()
    // gpg's machine-readable verdict: a good signature by the key generated above, SHA512 (digest algo 10).
    const fpr = execFileSync('gpg', ['--batch', '--with-colons', '--fingerprint', 'charts@example.com'], { env: { ...process.env, GNUPGHOME: gnupg } })
      .toString()
      .split('\n')
      .find((l) => l.startsWith('fpr:'))!
      .split(':')[9]
    expect(status).toMatch(/^\[GNUPG:\] GOODSIG [0-9A-F]{16} Chart Signer <charts@example\.com>$/m)
    expect(status).toMatch(new RegExp(`^\\[GNUPG:\\] VALIDSIG ${fpr} \\S+ \\d+ 0 4 0 1 10 01 ${fpr}$`, 'm'))
    rmSync(ws, { recursive: true, force: true })
    rmSync(dir, { recursive: true, force: true })
    const text = provBytes.toString()
    expect(text).toMatch(/^-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\napiVersion: v2\n/)
    expect(text).toContain(`\n...\nfiles:\n  demo-chart-0.1.0.tgz: sha256:${createHash('sha256').update(tgz).digest('hex')}\n-----BEGIN PGP SIGNATURE-----`)
    expect(text.endsWith('-----END PGP SIGNATURE-----')).toBe(true)
    const leaks = (run.stdout + run.stderr + run.summary).split('\n').filter((l) => l.includes('pr0v-pass') && !l.startsWith('::add-mask::'))
    expect(leaks).toEqual([])
  })

  test('a wrong passphrase fails before anything is pushed', async () => {
    const run = await runAction({ charts: DEMO, registry: `oci://${reg.host}/prov2`, sign: 'false', 'gpg-private-key': key, 'gpg-passphrase': 'wrong' })
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toMatch(/passphrase/i)
    expect(execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', `${reg.url}/v2/prov2/demo-chart/tags/list`]).toString()).toBe('404')
  })
})
