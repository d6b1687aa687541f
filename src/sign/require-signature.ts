/**
 * The gate of a promotion: some Sigstore bundle attached to the chart digest
 * (an OCI referrer, as cosign v3 and actions/attest store them) must verify
 * for the required identity and issuer. Reads the bundles from the registry;
 * the verification itself (sigstore-js) loads only here.
 */
import { SignError } from '../errors'
import { loadLazy } from '../lazy'
import type { RegistryClient } from '../oci/client'
import { listReferrers } from '../oci/referrers'
import type { SignerPolicy } from './verify'

/** Sigstore bundle media types (v0.3 as cosign v3 and actions/attest write it, and the older parameterized form). */
const isBundleType = (t: string | undefined): boolean => Boolean(t && t.startsWith('application/vnd.dev.sigstore.bundle'))

export interface VerifiedSignature {
  /** The referrer manifest that holds the bundle. */
  referrer: string
  san: string
  predicateType?: string
}

export async function requireSignature(client: RegistryClient, repository: string, digest: string, policy: SignerPolicy): Promise<VerifiedSignature> {
  const where = `${client.host}/${repository}@${digest}`
  const { createBundleVerifier } = loadLazy<typeof import('./verify')>('sign/verify')
  const verifier = await createBundleVerifier(policy)
  const bundles = (await listReferrers(client, repository, digest)).filter((r) => isBundleType(r.artifactType))
  const reasons: string[] = []
  for (const r of bundles) {
    try {
      const got = await client.getManifest(repository, r.digest)
      const layer =
        got &&
        (JSON.parse(got.bytes.toString('utf8')) as { layers?: Array<{ digest: string; mediaType: string }> }).layers?.find((l) => isBundleType(l.mediaType))
      if (!layer) throw new Error('the referrer holds no bundle layer')
      const bundle = JSON.parse((await client.getBlob(repository, layer.digest)).toString('utf8')) as unknown
      return { referrer: r.digest, ...verifier.verify(bundle, digest) }
    } catch (e) {
      reasons.push(`${r.digest}: ${(e as Error).message}`)
    }
  }
  const wanted = `identity ${policy.identity} (issuer ${policy.issuer})`
  throw new SignError(
    bundles.length
      ? `no Sigstore bundle attached to ${where} verifies for ${wanted}: ${reasons.join('; ')}`
      : `${where} has no Sigstore bundle attached, so nothing can prove it was signed by ${wanted}`,
    {
      registry: client.host,
      hint: 'Promote only what the expected workflow signed: check require-signature-identity and -issuer against `cosign verify` of the source, or sign the chart first'
    }
  )
}
