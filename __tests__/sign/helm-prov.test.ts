import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as openpgp from 'openpgp'
import { metadataYaml } from '../../src/chart/chart-yaml'
import { loadChartArchive } from '../../src/chart/loader'
import { SignError } from '../../src/errors'
import { helmProvenance, loadProvKey } from '../../src/sign/helm-prov'
import { caught } from '../support/caught'

const home = mkdtempSync(join(tmpdir(), 'gpg-'))
const work = mkdtempSync(join(tmpdir(), 'prov-'))
const env = { ...process.env, GNUPGHOME: home }
const gpg = (...args: string[]): string => execFileSync('gpg', ['--batch', ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
const gpgVerify = (file: string): { status: number | null; stderr: string } => {
  const r = spawnSync('gpg', ['--batch', '--verify', file], { env, encoding: 'utf8' })
  return { status: r.status, stderr: r.stderr }
}
const loopback = (pw: string): string[] => ['--pinentry-mode', 'loopback', '--passphrase', pw]

const meta = metadataYaml({ apiVersion: 'v2', name: 'x', version: '1.0.0', description: 'A chart' })
const tgz = join(work, 'x-1.0.0.tgz')
const tgzBytes = Buffer.from('\x1f\x8b not really a chart, but any bytes will do\n', 'latin1')
const sha = createHash('sha256').update(tgzBytes).digest('hex')

let plainKey: string
let protectedKey: string
let publicKey: string

/** Splits Helm's clearsign framing: header line, plaintext, signature block. */
function parts(prov: string): { header: string; plaintext: string } {
  const m =
    /^-----BEGIN PGP SIGNED MESSAGE-----\n(Hash: [A-Z0-9]+)\n\n([\s\S]*?)-----BEGIN PGP SIGNATURE-----\n\n[A-Za-z0-9+/=\n]+\n=[A-Za-z0-9+/]{4}\n-----END PGP SIGNATURE-----$/.exec(
      prov
    )
  if (!m) throw new Error(`not a Helm-style clearsigned message:\n${prov}`)
  return { header: m[1], plaintext: m[2] }
}

beforeAll(() => {
  writeFileSync(tgz, tgzBytes)
  gpg(...loopback(''), '--quick-gen-key', 'Plain Tester <plain@example.com>', 'rsa3072', 'sign', 'never')
  gpg(...loopback('s3cret'), '--quick-gen-key', 'Protected Tester <protected@example.com>', 'rsa3072', 'sign', 'never')
  plainKey = gpg('--armor', '--export-secret-keys', 'plain@example.com')
  protectedKey = gpg(...loopback('s3cret'), '--armor', '--export-secret-keys', 'protected@example.com')
  publicKey = gpg('--armor', '--export', 'plain@example.com')
})

afterAll(() => {
  spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env })
  rmSync(home, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})

describe('helmProvenance', () => {
  test.each([
    ['passphrase-less', () => ({ armoredPrivateKey: plainKey }), 'Plain Tester <plain@example.com>'],
    ['passphrase-protected', () => ({ armoredPrivateKey: protectedKey, passphrase: 's3cret' }), 'Protected Tester <protected@example.com>']
  ])("%s key: gpg verifies, plaintext and framing are Helm's", async (_, k, uid) => {
    const loaded = await loadProvKey(k())
    expect(loaded.userIds).toEqual([uid])
    expect(loaded.fingerprint).toMatch(/^[0-9A-F]{40}$/)
    expect(loaded.warnings).toEqual([])

    const prov = await helmProvenance(tgz, 'x-1.0.0.tgz', meta, loaded.key)
    const text = prov.toString('utf8')
    const provFile = `${tgz}.prov`
    writeFileSync(provFile, prov)

    const ok = gpgVerify(provFile)
    expect(ok.stderr).toContain(`Good signature from "${uid}"`)
    expect(ok.status).toBe(0)
    // Signed by the primary key: gpg reports its fingerprint.
    expect(ok.stderr.replace(/\s/g, '')).toContain(loaded.fingerprint)

    const { header, plaintext } = parts(text)
    expect(header).toBe('Hash: SHA512')
    expect(plaintext).toBe(`${meta}\n...\nfiles:\n  x-1.0.0.tgz: sha256:${sha}\n`)
    expect(plaintext.split('\n...\n')[1]).toBe(`files:\n  x-1.0.0.tgz: sha256:${sha}\n`)
    expect(text.endsWith('-----END PGP SIGNATURE-----')).toBe(true)
    expect(text).not.toMatch(/\r|^(Version|Comment):/m)

    const tampered = join(work, 'tampered.tgz.prov')
    writeFileSync(tampered, text.replace('name: x\n', 'name: y\n'))
    const bad = gpgVerify(tampered)
    expect(bad.status).not.toBe(0)
    expect(bad.stderr).toContain('BAD signature')
  })

  test('lines starting with "-" (YAML sequences) are dash-escaped as Go clearsign does', async () => {
    const m = metadataYaml({ apiVersion: 'v2', name: 'x', version: '1.0.0', keywords: ['a', 'b'], maintainers: [{ name: 'me' }] })
    expect(m).toMatch(/^- /m)
    const provFile = join(work, 'dash.tgz.prov')
    const prov = (await helmProvenance(tgz, 'x-1.0.0.tgz', m, (await loadProvKey({ armoredPrivateKey: plainKey })).key)).toString('utf8')
    writeFileSync(provFile, prov)
    expect(gpgVerify(provFile).status).toBe(0)
    const { plaintext } = parts(prov)
    expect(plaintext).toMatch(/^- - /m)
    expect(plaintext.replace(/^- /gm, '')).toBe(`${m}\n...\nfiles:\n  x-1.0.0.tgz: sha256:${sha}\n`)
  })

  test('a primary key that cannot sign is refused (Helm signs with the primary key)', async () => {
    gpg(...loopback(''), '--quick-gen-key', 'Cert Only <cert@example.com>', 'rsa3072', 'cert', 'never')
    const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(gpg('--with-colons', '--list-keys', 'cert@example.com'))![1]
    gpg(...loopback(''), '--quick-add-key', fpr, 'rsa3072', 'sign', 'never')
    const armored = gpg('--armor', '--export-secret-keys', 'cert@example.com')
    const err = await loadProvKey({ armoredPrivateKey: armored }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(SignError)
    expect((err as SignError).message).toMatch(/primary key .* cannot sign/)
    expect((err as SignError).hint).toMatch(/primary key/)
  })

  test('an Ed25519 key works but warns about older Helm', async () => {
    // (gpg matches user IDs by substring: "ed@example.com" would also select protected@example.com.)
    gpg(...loopback(''), '--quick-gen-key', 'Ed Tester <edwards@example.com>', 'ed25519', 'sign', 'never')
    const loaded = await loadProvKey({ armoredPrivateKey: gpg('--armor', '--export-secret-keys', 'edwards@example.com') })
    expect(loaded.warnings).toHaveLength(1)
    expect(loaded.warnings[0]).toMatch(/Helm >= 3\.21\.4/)
    const provFile = join(work, 'ed.tgz.prov')
    writeFileSync(provFile, await helmProvenance(tgz, 'ed.tgz', meta, loaded.key))
    expect(gpgVerify(provFile).status).toBe(0)
  })
})

describe('loadProvKey errors', () => {
  const EXPORT_HINT = 'set the provenance key to an armored private key (`gpg --armor --export-secret-keys <id>`)'

  test('wrong passphrase', async () => {
    const err = await caught<SignError>(loadProvKey({ armoredPrivateKey: protectedKey, passphrase: 'nope' }))
    expect(err).toBeInstanceOf(SignError)
    expect(err.message).toMatch(/^cannot decrypt the provenance key, wrong passphrase\? \(.+\)$/)
    expect(err.hint).toBe('check the key passphrase input')
    expect(err.cause).toBeInstanceOf(Error)
  })

  test('missing passphrase', async () => {
    const err = await caught<SignError>(loadProvKey({ armoredPrivateKey: protectedKey }))
    expect(err).toBeInstanceOf(SignError)
    expect(err.message).toBe('the provenance key is protected by a passphrase but no passphrase was given')
    expect(err.hint).toBe('set the key passphrase input')
  })

  test('public key instead of private key', async () => {
    const err = await caught<SignError>(loadProvKey({ armoredPrivateKey: publicKey }))
    expect(err).toBeInstanceOf(SignError)
    expect(err.message).toBe('the provenance key is a public key, not a private key')
    expect(err.hint).toBe(EXPORT_HINT)
  })

  test('garbage', async () => {
    const err = await caught<SignError>(loadProvKey({ armoredPrivateKey: 'not a key at all' }))
    expect(err).toBeInstanceOf(SignError)
    expect(err.message).toMatch(/^cannot read the provenance key: .+/)
    expect(err.hint).toBe(EXPORT_HINT)
    expect(err.cause).toBeInstanceOf(Error)
  })
})

describe('keys that Helm <= 3.21.3 (golang.org/x/crypto/openpgp: RSA, DSA, ECDSA v4 keys) cannot verify', () => {
  // Made with openpgp.js: gpg 2.2 makes neither RFC 9580 Ed25519/Ed448 keys nor v6 keys.
  test.each([
    ['a v4 Ed25519 (RFC 9580) key', { type: 'curve25519' as const }, 'ed25519', 4],
    ['a v4 Ed448 key', { type: 'curve448' as const }, 'ed448', 4],
    ['a v6 RSA key', { type: 'rsa' as const, rsaBits: 2048, config: { v6Keys: true } }, 'rsaEncryptSign', 6]
  ])('%s loads with one warning naming its fingerprint, algorithm and version', async (_, options, algorithm, version) => {
    const { privateKey } = await openpgp.generateKey({ ...options, userIDs: [{ name: 'New Key', email: 'new@example.com' }], format: 'armored' })
    const fingerprint = (await openpgp.readKey({ armoredKey: privateKey })).getFingerprint().toUpperCase()
    const loaded = await loadProvKey({ armoredPrivateKey: privateKey })
    expect(loaded.fingerprint).toBe(fingerprint)
    expect(loaded.warnings).toEqual([
      `provenance key ${fingerprint} (${algorithm}, v${version} key) can be verified only by Helm >= 3.21.4 / Helm 4; use an RSA v4 key for older Helm`
    ])
  })
})

describe('helmProvenance errors', () => {
  test('an archive that cannot be read: an error naming it', async () => {
    const loaded = await loadProvKey({ armoredPrivateKey: plainKey })
    const missing = join(work, 'missing-1.0.0.tgz')
    const err = await caught<SignError>(helmProvenance(missing, 'missing-1.0.0.tgz', meta, loaded.key))
    expect(err).toBeInstanceOf(SignError)
    // (Jest's realm: fs errors are not instances of the test's Error, so the message keeps its "Error: " prefix.)
    expect(err.message).toMatch(new RegExp(`^cannot read ${missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} for its provenance file: (Error: )?ENOENT`))
    expect(err.file).toBe(missing)
  })

  test('a key that cannot sign (still encrypted): an error naming the archive', async () => {
    const encrypted = await openpgp.readPrivateKey({ armoredKey: protectedKey })
    const err = await caught<SignError>(helmProvenance(tgz, 'x-1.0.0.tgz', meta, encrypted))
    expect(err).toBeInstanceOf(SignError)
    expect(err.message).toMatch(/^cannot sign the provenance file for x-1\.0\.0\.tgz: .+/)
    expect(err.file).toBe(tgz)
  })
})

// V-V1: Helm's own signed chart and key, kept as a test vector (see __tests__/fixtures/helm-prov/README.md).
const HELM_VECTORS = join(__dirname, '..', 'fixtures', 'helm-prov')
const vectors = {
  prov: join(HELM_VECTORS, 'signtest-0.1.0.tgz.prov'),
  tgz: join(HELM_VECTORS, 'signtest-0.1.0.tgz'),
  pub: join(HELM_VECTORS, 'helm-test-key.pub'),
  secret: join(HELM_VECTORS, 'helm-test-key.secret')
}
test("V-V1: same plaintext and framing as Helm's signtest-0.1.0.tgz.prov", async () => {
  const golden = readFileSync(vectors.prov, 'utf8')
  gpg('--import', vectors.pub)
  expect(gpgVerify(vectors.prov).status).toBe(0)
  // helm-test-key.secret is a binary keyring; gpg turns it into the armored form loadProvKey takes.
  gpg('--import', vectors.secret)
  const loaded = await loadProvKey({ armoredPrivateKey: gpg('--armor', '--export-secret-keys', '5E615389B53CA37F0EE60BD3843BBF981FC18762') })
  expect(loaded.fingerprint).toBe('5E615389B53CA37F0EE60BD3843BBF981FC18762')
  const goldenParts = parts(golden)
  // The product's own path (as src/prepare.ts): the archive's metadata through metadataYaml, then helmProvenance.
  const chart = await loadChartArchive(vectors.tgz)
  const ours = parts((await helmProvenance(vectors.tgz, 'signtest-0.1.0.tgz', metadataYaml(chart.metadata), loaded.key)).toString('utf8'))
  expect(ours.plaintext).toBe(goldenParts.plaintext)
  expect(ours.header).toBe(goldenParts.header)
  // Signed with Helm's key, ours verifies as Helm's does (openpgp.js salts its signatures, so those bytes differ).
  const oursFile = join(work, 'signtest-0.1.0.tgz.prov')
  writeFileSync(oursFile, await helmProvenance(vectors.tgz, 'signtest-0.1.0.tgz', metadataYaml(chart.metadata), loaded.key))
  expect(gpgVerify(oursFile).status).toBe(0)
})
