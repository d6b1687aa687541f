/**
 * Verifying a Sigstore bundle attached to a chart digest for a required
 * signer identity, with sigstore-js (@sigstore/verify): the certificate
 * chains to the trusted root's Fulcio, the transparency log and timestamps
 * check out, the certificate's identity and issuer match the policy, and the
 * signed in-toto statement names the digest (the verifier does not look at
 * the subject of a DSSE statement, so that is checked here). The trusted root
 * is the public-good instance's, fetched over TUF, unless a file is given.
 * Loaded only when a promotion requires a signature.
 */
import { readFile } from 'node:fs/promises'
import { bundleFromJSON } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify'
import { InputError, SignError } from '../errors'

export interface SignerPolicy {
  /** Exact certificate identity (SAN), or a regular expression when it starts with `^`. */
  identity: string
  /** Exact OIDC issuer. */
  issuer: string
  /** A trusted_root.json file; default: the public-good root over TUF. */
  trustedRoot?: string
}

export interface BundleVerifier {
  /** Throws with the reason when the bundle does not verify for the policy and `digest`; returns the signer and predicate. */
  verify(bundleJson: unknown, digest: string): { san: string; predicateType?: string }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** The identity as @sigstore/verify's policy wants it: a regular expression source, anchored when exact. */
export function identityPattern(identity: string): string {
  if (!identity.startsWith('^')) return `^${escapeRegExp(identity)}$`
  try {
    new RegExp(identity)
  } catch (e) {
    throw new InputError(`require-signature-identity "${identity}" is not a valid regular expression: ${(e as Error).message}`, {
      hint: 'Give the exact certificate identity, or a regular expression starting with ^'
    })
  }
  return identity
}

async function trustedRoot(file: string | undefined): Promise<TrustedRoot> {
  if (!file) {
    try {
      // The TUF client (and its HTTP stack) is most of this module's load time: only when there is no root file.
      const { getTrustedRoot } = await import('@sigstore/tuf')
      return await getTrustedRoot()
    } catch (e) {
      throw new SignError(`cannot fetch Sigstore's public-good trusted root over TUF: ${(e as Error).message}`, {
        hint: 'Check that the job can reach https://tuf-repo-cdn.sigstore.dev, or give trusted-root',
        cause: e
      })
    }
  }
  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (e) {
    throw new InputError(`cannot read trusted-root ${file}: ${(e as Error).message}`, { file, hint: 'Give a trusted_root.json of your Sigstore instance' })
  }
  return TrustedRoot.fromJSON(json)
}

export async function createBundleVerifier(policy: SignerPolicy): Promise<BundleVerifier> {
  const pattern = identityPattern(policy.identity)
  const root = await trustedRoot(policy.trustedRoot)
  // What the root can vouch for is required: a bundle cannot opt out of the log by leaving its entry out.
  const verifier = new Verifier(toTrustMaterial(root), {
    tlogThreshold: root.tlogs.length ? 1 : 0,
    ctlogThreshold: root.ctlogs.length ? 1 : 0,
    timestampThreshold: 1
  })
  return {
    verify(bundleJson, digest) {
      const bundle = bundleFromJSON(bundleJson)
      if (bundle.content.$case !== 'dsseEnvelope') throw new Error('not a DSSE statement (a message signature over unknown bytes)')
      const signer = verifier.verify(toSignedEntity(bundle), { subjectAlternativeName: pattern, extensions: { issuer: policy.issuer } })
      const env = bundle.content.dsseEnvelope
      if (env.payloadType !== 'application/vnd.in-toto+json') throw new Error(`DSSE payload type ${env.payloadType} is not an in-toto statement`)
      const statement = JSON.parse(env.payload.toString('utf8')) as { subject?: Array<{ digest?: Record<string, string> }>; predicateType?: string }
      const want = digest.replace(/^sha256:/, '')
      if (!(statement.subject ?? []).some((s) => s.digest?.sha256 === want)) throw new Error(`the signed statement is about another digest, not ${digest}`)
      return { san: signer.identity?.subjectAlternativeName ?? '', predicateType: statement.predicateType }
    }
  }
}
