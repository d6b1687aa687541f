/**
 * Helm provenance files (`<chart>.tgz.prov`), byte-for-byte as Helm's
 * pkg/provenance/sign.go writes them (Go clearsign, SHA-512, primary key),
 * made with openpgp.js so that no gpg binary is needed at run time.
 */
import * as openpgp from 'openpgp'
import { SignError } from '../errors'
import { jsonToYaml } from '../chart/yaml-marshal'
import { fileDigest } from '../oci/helm-artifact'

export interface ProvKey {
  armoredPrivateKey: string
  passphrase?: string
}

export interface LoadedProvKey {
  key: openpgp.PrivateKey
  /** Upper-case hex, as `helm verify` prints it. */
  fingerprint: string
  userIds: string[]
  warnings: string[]
}

const HINT = 'set the provenance key to an armored private key (`gpg --armor --export-secret-keys <id>`)'
// No Version:/Comment: armor headers (Helm writes none); SHA-512 as Helm's packet.Config{DefaultHash: SHA512}.
const CONFIG = { showComment: false, showVersion: false, preferredHashAlgorithm: openpgp.enums.hash.sha512 }
const msg = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Reads and decrypts the key once; every failure is a SignError with a hint. */
export async function loadProvKey(k: ProvKey): Promise<LoadedProvKey> {
  let parsed: openpgp.Key
  try {
    parsed = await openpgp.readKey({ armoredKey: k.armoredPrivateKey })
  } catch (e) {
    throw new SignError(`cannot read the provenance key: ${msg(e)}`, { hint: HINT, cause: e })
  }
  if (!parsed.isPrivate()) {
    throw new SignError('the provenance key is a public key, not a private key', { hint: HINT })
  }
  let key = parsed
  if (!key.isDecrypted()) {
    if (!k.passphrase) {
      throw new SignError('the provenance key is protected by a passphrase but no passphrase was given', { hint: 'set the key passphrase input' })
    }
    try {
      key = await openpgp.decryptKey({ privateKey: key, passphrase: k.passphrase })
    } catch (e) {
      throw new SignError(`cannot decrypt the provenance key, wrong passphrase? (${msg(e)})`, { hint: 'check the key passphrase input', cause: e })
    }
  }
  // Helm signs with the primary key (Signatory.Entity.PrivateKey), never a signing subkey;
  // getSigningKey with the primary's ID only considers the primary (also checks expiry/revocation/strength).
  try {
    const signer = await key.getSigningKey(key.getKeyID(), undefined, undefined, { ...openpgp.config, ...CONFIG })
    if (!signer.getKeyID().equals(key.getKeyID())) throw new Error('a subkey was selected')
  } catch (e) {
    throw new SignError(`the primary key of the provenance key cannot sign (${msg(e)})`, {
      hint: 'Helm signs .prov files with the primary key only, so use a key whose primary key has the sign capability (e.g. `gpg --quick-gen-key <uid> rsa3072 sign`)',
      cause: e
    })
  }
  const warnings: string[] = []
  const algo = key.keyPacket.algorithm
  const { eddsaLegacy, ed25519, ed448 } = openpgp.enums.publicKey
  if (algo === eddsaLegacy || algo === ed25519 || algo === ed448 || key.keyPacket.version !== 4) {
    // Helm <= 3.21.3 uses golang.org/x/crypto/openpgp: RSA/DSA/ECDSA v4 keys only.
    warnings.push(
      `provenance key ${key.getFingerprint().toUpperCase()} (${key.getAlgorithmInfo().algorithm}, v${key.keyPacket.version} key) can be verified only by Helm >= 3.21.4 / Helm 4; use an RSA v4 key for older Helm`
    )
  }
  return { key: key, fingerprint: key.getFingerprint().toUpperCase(), userIds: key.getUserIDs(), warnings }
}

/**
 * The .prov bytes for the archive at `archivePath`, named `archiveName` inside the message.
 * `digest` is the archive's sha256 when the caller already has it (packaging hashes as it writes).
 */
export async function helmProvenance(
  archivePath: string,
  archiveName: string,
  metadataYaml: string,
  key: LoadedProvKey['key'],
  digest?: string
): Promise<Buffer> {
  let hex: string
  try {
    hex = (digest ?? (await fileDigest(archivePath)).digest).replace(/^sha256:/, '')
  } catch (e) {
    throw new SignError(`cannot read ${archivePath} for its provenance file: ${msg(e)}`, { file: archivePath, cause: e })
  }
  // yaml.Marshal(SumCollection) goes through the same go-yaml emulation as Chart.yaml for Helm's quoting.
  const files = jsonToYaml(JSON.stringify({ files: { [archiveName]: `sha256:${hex}` } }))
  const plaintext = `${metadataYaml}\n...\n${files}`
  // Go clearsign does not sign the final line ending; openpgp.js signs the text as given and adds
  // "\n" before the signature block itself, so drop the last "\n" to get identical signed data and bytes.
  const text = plaintext.endsWith('\n') ? plaintext.slice(0, -1) : plaintext
  let armored: string
  try {
    armored = await openpgp.sign({
      message: await openpgp.createCleartextMessage({ text }),
      signingKeys: key,
      signingKeyIDs: key.getKeyID(),
      format: 'armored',
      config: CONFIG
    })
  } catch (e) {
    throw new SignError(`cannot sign the provenance file for ${archiveName}: ${msg(e)}`, { file: archivePath, cause: e })
  }
  // openpgp.js keeps the canonical CRLF line endings in the cleartext and ends with "\n"; Helm writes LF and no final newline.
  return Buffer.from(armored.replace(/\r\n/g, '\n').replace(/\n+$/, ''), 'utf8')
}
