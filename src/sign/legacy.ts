/**
 * cosign's legacy signature image (`<repo>:sha256-<hex>.sig`): one
 * simple-signing layer per signature, with the signature, certificate and
 * Rekor bundle as annotations, for verifiers that predate the bundle format
 * (cosign ≤ 2.5, older admission controllers). Existing layers are kept, as
 * cosign appends.
 */
import type { SerializedBundle } from '@sigstore/bundle'
import { SignError } from '../errors'
import type { RegistryClient } from '../oci/client'
import { sha256Digest, type Descriptor } from '../oci/helm-artifact'
import { bytesSource } from '../oci/push'
import { goMarshal, goStruct } from '../gojson'

export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json'
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

export const signatureTag = (digest: string): string => `${digest.replace(':', '-')}.sig`

const pem = (b64Der: string): string => `-----BEGIN CERTIFICATE-----\n${b64Der.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`

/** The layer annotations cosign reads, from a message-signature bundle with a Rekor v1 entry. */
export function legacyAnnotations(bundle: SerializedBundle): Record<string, string> {
  const vm = bundle.verificationMaterial
  const leaf = vm.x509CertificateChain?.certificates[0]?.rawBytes ?? vm.certificate?.rawBytes
  const t = vm.tlogEntries?.[0]
  const sig = bundle.messageSignature?.signature
  if (!leaf || !t?.inclusionPromise || !sig)
    throw new SignError('the legacy cosign signature needs a Rekor v1 entry with a signed entry timestamp', {
      hint: 'Use sign-format: bundle with an instance that has no Rekor v1 log'
    })
  const rekorBundle = goMarshal(
    goStruct({
      SignedEntryTimestamp: t.inclusionPromise.signedEntryTimestamp,
      Payload: goStruct({
        body: t.canonicalizedBody,
        integratedTime: Number(t.integratedTime),
        logIndex: Number(t.logIndex),
        logID: Buffer.from(t.logId.keyId, 'base64').toString('hex')
      })
    })
  )
  const out: Record<string, string> = {
    'dev.cosignproject.cosign/signature': sig,
    'dev.sigstore.cosign/certificate': pem(leaf),
    'dev.sigstore.cosign/chain': '',
    'dev.sigstore.cosign/bundle': rekorBundle
  }
  const ts = vm.timestampVerificationData?.rfc3161Timestamps?.[0]?.signedTimestamp
  if (ts) out['dev.sigstore.cosign/rfc3161timestamp'] = goMarshal(goStruct({ SignedRFC3161Timestamp: ts }))
  return out
}

interface Layer extends Descriptor {
  annotations?: Record<string, string>
}

/** go-containerregistry's config for the signature image (cosign never reads it, but it must be valid). */
function configFor(layers: Layer[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      architecture: '',
      created: '0001-01-01T00:00:00Z',
      history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      config: {}
    })
  )
}

/** Adds one signature layer to the `.sig` image of `subjectDigest` and points the tag at it. Returns the reference. */
export async function pushLegacySignature(
  client: RegistryClient,
  repository: string,
  subjectDigest: string,
  payload: Buffer,
  annotations: Record<string, string>
): Promise<string> {
  const tag = signatureTag(subjectDigest)
  const existing = await client.getManifest(repository, tag)
  let layers: Layer[] = existing ? ((JSON.parse(existing.bytes.toString()) as { layers?: Layer[] }).layers ?? []) : []
  const layer: Layer = { mediaType: SIMPLE_SIGNING_MEDIA_TYPE, size: payload.length, digest: sha256Digest(payload), annotations }
  layers = [...layers.filter((l) => l.annotations?.['dev.cosignproject.cosign/signature'] !== annotations['dev.cosignproject.cosign/signature']), layer]
  const config = configFor(layers)
  await client.pushBlob(repository, bytesSource(payload))
  await client.pushBlob(repository, bytesSource(config))
  const manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: OCI_CONFIG, size: config.length, digest: sha256Digest(config) }, layers })
  )
  await client.putManifest(repository, tag, { mediaType: OCI_MANIFEST, bytes: manifest })
  return `${client.host}/${repository}:${tag}`
}
