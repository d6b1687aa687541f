/**
 * Keyless signing with sigstore-js' low-level builders: one ephemeral P-256
 * key and one Fulcio certificate for the whole run (cosign caches it the
 * same way), Rekor v1 entries (`dsse` for envelopes, `hashedrekord` for
 * message signatures) and RFC 3161 timestamps where the instance has a TSA.
 * Loaded only when something is signed: @sigstore/sign is the heaviest part
 * of the bundle.
 */
import * as crypto from 'node:crypto'
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle'
import {
  DSSEBundleBuilder,
  FulcioSigner,
  InternalError,
  MessageSignatureBundleBuilder,
  RekorWitness,
  TSAWitness,
  type Signer,
  type Witness
} from '@sigstore/sign'
import { SignError } from '../errors'
import type { SigstoreEndpoints } from './instance'
import { IN_TOTO_PAYLOAD_TYPE } from './statements'

/** Per request; sigstore-js retries network errors, 408, 429 and 5xx with backoff. */
const FETCH = { timeout: 30_000, retry: { retries: 4, factor: 2, minTimeout: 1000, maxTimeout: 15_000 } }

export interface Sigstore {
  /** A v0.3 bundle over a DSSE envelope of an in-toto statement. */
  signStatement(statement: Buffer): Promise<SerializedBundle>
  /** A v0.2 bundle with a message signature over `payload` (for the legacy `.sig` format). */
  signMessage(payload: Buffer): Promise<SerializedBundle>
  /** The certificate in use (PEM), once something was signed. */
  certificate(): string | undefined
}

/** What went wrong at which service, without echoing the identity token (sigstore-js puts it in some messages). */
export function describeSigstoreError(err: unknown, endpoints: SigstoreEndpoints): SignError {
  if (err instanceof SignError) return err
  const code = err instanceof InternalError ? err.code : undefined
  const cause = (err as { cause?: { statusCode?: number; message?: string } }).cause
  const status = cause?.statusCode ? ` (HTTP ${cause.statusCode})` : ''
  const where: Record<string, string> = {
    CA_CREATE_SIGNING_CERTIFICATE_ERROR: `Fulcio at ${endpoints.fulcio} did not issue a signing certificate${status}`,
    TLOG_CREATE_ENTRY_ERROR: `Rekor at ${endpoints.rekor} did not record the signature${status}`,
    TLOG_FETCH_ENTRY_ERROR: `Rekor at ${endpoints.rekor} did not return the existing entry${status}`,
    TSA_CREATE_TIMESTAMP_ERROR: `the timestamp authority at ${endpoints.tsa} did not timestamp the signature${status}`,
    IDENTITY_TOKEN_READ_ERROR: 'the GitHub OIDC token for Sigstore could not be read',
    IDENTITY_TOKEN_PARSE_ERROR: 'the GitHub OIDC token for Sigstore is not a valid JWT'
  }
  const message = code && where[code] ? `${where[code]} [${code}]` : `signing failed: ${code ?? (err as Error).message}`
  return new SignError(message, { hint: 'The services were retried with backoff; re-run the job, and check status.sigstore.dev if it persists', cause: err })
}

export function createSigstore(endpoints: SigstoreEndpoints, getToken: () => Promise<string>): Sigstore {
  const key = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const publicKey = key.publicKey.export({ format: 'pem', type: 'spki' }).toString()
  const keyHolder: Signer = { sign: async (data) => ({ signature: crypto.sign('sha256', data, key.privateKey), key: { $case: 'publicKey', publicKey } }) }
  const fulcio = new FulcioSigner({ fulcioBaseURL: endpoints.fulcio, identityProvider: { getToken }, keyHolder, ...FETCH })
  let cert: string | undefined
  let notAfter = 0
  // The certificate request under way: charts signed concurrently wait for it instead of each asking Fulcio.
  let issuing: Promise<void> | undefined
  const fresh = (): boolean => cert !== undefined && Date.now() <= notAfter - 60_000
  // Reuse the certificate until a minute before it expires (Fulcio issues 10-minute certificates).
  const signer: Signer = {
    async sign(data) {
      if (!fresh() && issuing) await issuing
      if (!fresh()) {
        const request = fulcio.sign(data).then((s) => {
          if (s.key.$case !== 'x509Certificate') throw new SignError('Fulcio returned no certificate')
          cert = s.key.certificate
          notAfter = Date.parse(new crypto.X509Certificate(cert).validTo)
          return s
        })
        // Settles either way; a waiter whose wait ended without a certificate asks for its own.
        issuing = request.then(
          () => undefined,
          () => undefined
        )
        void issuing.then(() => (issuing = undefined))
        return request
      }
      return { signature: crypto.sign('sha256', data, key.privateKey), key: { $case: 'x509Certificate', certificate: cert! } }
    }
  }
  const witnesses: Witness[] = []
  if (endpoints.rekor) witnesses.push(new RekorWitness({ rekorBaseURL: endpoints.rekor, entryType: 'dsse', fetchOnConflict: true, ...FETCH }))
  if (endpoints.tsa) witnesses.push(new TSAWitness({ tsaBaseURL: endpoints.tsa, ...FETCH }))
  const dsse = new DSSEBundleBuilder({ signer, witnesses })
  const message = new MessageSignatureBundleBuilder({ signer, witnesses })
  const wrap = async <T>(p: Promise<T>): Promise<T> => p.catch((err: unknown) => Promise.reject(describeSigstoreError(err, endpoints)))
  return {
    signStatement: async (statement) => bundleToJSON(await wrap(dsse.create({ data: statement, type: IN_TOTO_PAYLOAD_TYPE }))),
    signMessage: async (payload) => bundleToJSON(await wrap(message.create({ data: payload }))),
    certificate: () => cert
  }
}
