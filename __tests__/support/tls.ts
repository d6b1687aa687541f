/**
 * A test certificate authority and a server certificate it issued for 127.0.0.1, ::1 and localhost, made with
 * Debian's openssl (node:crypto cannot create certificates). Shared by every TLS server in the tests (registries,
 * chart repositories, proxies); clients trust it through the standard overrides: the `ca-file` input or
 * NODE_EXTRA_CA_CERTS, never a test-only code path. A second, unrelated CA (`otherCa`) is for the "wrong CA" cases.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

export interface TestPki {
  dir: string
  /** PEM of the CA that issued `cert`; its path is `caFile`. */
  ca: string
  caFile: string
  /** Server certificate and key (PEM), and their paths. */
  cert: string
  key: string
  certFile: string
  keyFile: string
  /** A CA that issued nothing here, to check that a wrong CA is refused. */
  otherCaFile: string
  remove(): void
}

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
}

function makeCa(dir: string, name: string): void {
  openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign'
  )
}

/** Makes a fresh CA and server certificate in a temp directory (valid for `names` too); call `remove()` when done. */
export function makeTestPki(names: string[] = []): TestPki {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-pki-'))
  makeCa(dir, 'test-ca')
  makeCa(dir, 'other-ca')
  writeFileSync(
    path.join(dir, 'server.ext'),
    `subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost${names.map((n) => `,DNS:${n}`).join('')}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`
  )
  openssl(dir, 'req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr')
  openssl(
    dir,
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'test-ca.pem',
    '-CAkey',
    'test-ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'server.ext',
    '-out',
    'server.pem'
  )
  const file = (f: string): string => path.join(dir, f)
  return {
    dir,
    ca: readFileSync(file('test-ca.pem'), 'utf8'),
    caFile: file('test-ca.pem'),
    cert: readFileSync(file('server.pem'), 'utf8'),
    key: readFileSync(file('server.key'), 'utf8'),
    certFile: file('server.pem'),
    keyFile: file('server.key'),
    otherCaFile: file('other-ca.pem'),
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}
