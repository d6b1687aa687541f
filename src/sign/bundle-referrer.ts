/**
 * A Sigstore v0.3 bundle stored the way cosign v3 stores an image signature
 * (sigstore/cosign specs/BUNDLE_SPEC.md) and `actions/attest` a provenance:
 * an OCI 1.1 referrer of the chart manifest whose one layer is the bundle.
 */
import type { SerializedBundle } from '@sigstore/bundle'
import type { RegistryClient } from '../oci/client'
import type { Descriptor } from '../oci/helm-artifact'
import { pushReferrer } from '../oci/referrers'
import { rfc3339 } from '../oci/helm-artifact'

export const BUNDLE_V03_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json'

/** Pushes the referrer; returns its manifest digest. */
export async function pushBundleReferrer(
  client: RegistryClient,
  repository: string,
  subject: Descriptor,
  bundle: SerializedBundle,
  predicateType: string
): Promise<string> {
  const { descriptor } = await pushReferrer(client, repository, subject, {
    artifactType: BUNDLE_V03_MEDIA_TYPE,
    layers: [{ mediaType: BUNDLE_V03_MEDIA_TYPE, bytes: Buffer.from(JSON.stringify(bundle)) }],
    annotations: {
      'dev.sigstore.bundle.content': 'dsse-envelope',
      'dev.sigstore.bundle.predicateType': predicateType,
      'org.opencontainers.image.created': rfc3339(new Date())
    }
  })
  return descriptor.digest
}
