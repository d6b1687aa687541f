/**
 * cosign's legacy `.sig` image (sigstore/cosign specs/SIGNATURE_SPEC.md, pkg/oci/static, and the
 * go-containerregistry config it writes; shapes in /work/shared/reference/sigstore.md §3.1), pushed to
 * a real registry and read back over the distribution API with plain `fetch`.
 */
import { createHash } from 'node:crypto'
import type { SerializedBundle } from '@sigstore/bundle'
import { Bundle } from '@sigstore/protobuf-specs'
import { SignError } from '../../src/errors'
import { RegistryClient } from '../../src/oci/client'
import { bytesSource } from '../../src/oci/push'
import { legacyAnnotations, pushLegacySignature, signatureTag, SIMPLE_SIGNING_MEDIA_TYPE } from '../../src/sign/legacy'
import { thrown } from '../support/caught'
import { startRegistry, type TestRegistry } from '../support/registry'

const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const GGCR_EMPTY_TIME = '0001-01-01T00:00:00Z'

// A 100-byte "DER" so that its base64 (136 characters) needs three PEM lines of at most 64.
const DER = Buffer.from(Array.from({ length: 100 }, (_, i) => i))
const DER_B64 = DER.toString('base64')

const tlogEntry = {
  logIndex: '123456',
  logId: { keyId: Buffer.from('rekor-key-id').toString('base64') },
  kindVersion: { kind: 'hashedrekord', version: '0.0.1' },
  integratedTime: '1732400000',
  inclusionPromise: { signedEntryTimestamp: 'U0VU' },
  canonicalizedBody: 'Qk9EWQ=='
}
const bundle = (vm: Record<string, unknown> = {}, signature: string | null = 'U0lH'): never =>
  ({
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.2',
    verificationMaterial: { x509CertificateChain: { certificates: [{ rawBytes: DER_B64 }] }, tlogEntries: [tlogEntry], ...vm },
    messageSignature: signature === null ? undefined : { messageDigest: { algorithm: 'SHA2_256', digest: 'eA==' }, signature }
  }) as never

describe('legacyAnnotations', () => {
  test('the four annotations cosign reads, the certificate as PEM wrapped at 64 characters', () => {
    expect(legacyAnnotations(bundle())).toEqual({
      'dev.cosignproject.cosign/signature': 'U0lH',
      'dev.sigstore.cosign/certificate': `-----BEGIN CERTIFICATE-----\n${DER_B64.slice(0, 64)}\n${DER_B64.slice(64, 128)}\n${DER_B64.slice(128)}\n-----END CERTIFICATE-----\n`,
      'dev.sigstore.cosign/chain': '',
      // pkg/cosign/bundle/rekor.go: Go field order, integers as numbers, the log ID in hex.
      'dev.sigstore.cosign/bundle': `{"SignedEntryTimestamp":"U0VU","Payload":{"body":"Qk9EWQ==","integratedTime":1732400000,"logIndex":123456,"logID":"${Buffer.from('rekor-key-id').toString('hex')}"}}`
    })
  })

  test('an RFC 3161 timestamp is added as {"SignedRFC3161Timestamp": …}', () => {
    const a = legacyAnnotations(bundle({ timestampVerificationData: { rfc3161Timestamps: [{ signedTimestamp: 'VFNB' }, { signedTimestamp: 'T1RIRVI=' }] } }))
    expect(a['dev.sigstore.cosign/rfc3161timestamp']).toBe('{"SignedRFC3161Timestamp":"VFNB"}')
    expect(legacyAnnotations(bundle({ timestampVerificationData: { rfc3161Timestamps: [] } }))).not.toHaveProperty(['dev.sigstore.cosign/rfc3161timestamp'])
  })

  test('a bundle sigstore-js made without a timestamp authority: no timestamp annotation', () => {
    // sigstore-js' builders always set `timestampVerificationData: {rfc3161Timestamps: []}` and its JSON form
    // drops the empty list (@sigstore/protobuf-specs Bundle.toJSON), so a Rekor-only instance gives `timestampVerificationData: {}`.
    const serialized = Bundle.toJSON(Bundle.fromJSON(bundle({ timestampVerificationData: { rfc3161Timestamps: [] } }))) as never
    expect((serialized as SerializedBundle).verificationMaterial.timestampVerificationData).toEqual({})
    expect(Object.keys(legacyAnnotations(serialized))).toEqual([
      'dev.cosignproject.cosign/signature',
      'dev.sigstore.cosign/certificate',
      'dev.sigstore.cosign/chain',
      'dev.sigstore.cosign/bundle'
    ])
  })

  test('a v0.3 bundle carries the leaf as `certificate`; the first of a chain is the leaf', () => {
    const v03 = legacyAnnotations(bundle({ x509CertificateChain: undefined, certificate: { rawBytes: 'TEVBRg==' } }))
    expect(v03['dev.sigstore.cosign/certificate']).toBe('-----BEGIN CERTIFICATE-----\nTEVBRg==\n-----END CERTIFICATE-----\n')
    const chain = legacyAnnotations(bundle({ x509CertificateChain: { certificates: [{ rawBytes: 'TEVBRg==' }, { rawBytes: 'Uk9PVA==' }] } }))
    expect(chain['dev.sigstore.cosign/certificate']).toBe('-----BEGIN CERTIFICATE-----\nTEVBRg==\n-----END CERTIFICATE-----\n')
  })

  test('refused, with a hint, without a leaf, a Rekor v1 entry with a signed entry timestamp, or a message signature', () => {
    const cases = [
      bundle({ x509CertificateChain: undefined }),
      bundle({ x509CertificateChain: { certificates: [] } }),
      bundle({ tlogEntries: [] }),
      bundle({ tlogEntries: undefined }),
      bundle({ tlogEntries: [{ ...tlogEntry, inclusionPromise: undefined }] }),
      bundle({}, null)
    ]
    for (const b of cases) {
      const e = thrown<SignError>(() => legacyAnnotations(b))
      expect(e).toBeInstanceOf(SignError)
      expect(e.message).toBe('the legacy cosign signature needs a Rekor v1 entry with a signed entry timestamp')
      expect(e.hint).toBe('Use sign-format: bundle with an instance that has no Rekor v1 log')
    }
  })
})

describe('pushLegacySignature', () => {
  let reg: TestRegistry
  let client: RegistryClient
  beforeAll(async () => {
    reg = await startRegistry()
    client = new RegistryClient({ host: reg.host, plainHttp: true, retry: { retries: 1, baseDelayMs: 10, minDelayMs: 10, maxDelayMs: 50 } })
  })
  afterAll(async () => reg?.stop())

  const subject = 'sha256:' + 'ab'.repeat(32)
  const get = async (path: string, accept = OCI_MANIFEST): Promise<{ status: number; type: string | null; bytes: Buffer }> => {
    const r = await fetch(`${reg.url}/v2/${path}`, { headers: { accept } })
    return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) }
  }
  const ann = (sig: string): Record<string, string> => ({ 'dev.cosignproject.cosign/signature': sig, 'dev.sigstore.cosign/chain': '' })

  test('the tag is sha256-<hex>.sig', () => {
    expect(signatureTag(subject)).toBe(`sha256-${'ab'.repeat(32)}.sig`)
    expect(SIMPLE_SIGNING_MEDIA_TYPE).toBe('application/vnd.dev.cosign.simplesigning.v1+json')
  })

  test('one simple-signing layer per signature, appended; the same signature replaces its layer; config as go-containerregistry writes it', async () => {
    const repo = 'sig/chart'
    const tag = `sha256-${'ab'.repeat(32)}.sig`
    const p1 = Buffer.from('{"critical":{"one":1}}')
    const p2 = Buffer.from('{"critical":{"two":2}}')

    expect(await pushLegacySignature(client, repo, subject, p1, ann('SIG1'))).toBe(`${reg.host}/${repo}:${tag}`)
    let m = await get(`${repo}/manifests/${tag}`)
    expect(m.status).toBe(200)
    expect(m.type).toBe(OCI_MANIFEST)
    let doc = JSON.parse(m.bytes.toString())
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'mediaType', 'config', 'layers'])
    expect(doc.schemaVersion).toBe(2)
    expect(doc.mediaType).toBe(OCI_MANIFEST)
    expect(doc.layers).toEqual([{ mediaType: SIMPLE_SIGNING_MEDIA_TYPE, size: p1.length, digest: sha256(p1), annotations: ann('SIG1') }])
    let config = await get(`${repo}/blobs/${doc.config.digest}`)
    expect(doc.config).toEqual({ mediaType: 'application/vnd.oci.image.config.v1+json', size: config.bytes.length, digest: sha256(config.bytes) })
    expect(config.bytes.toString()).toBe(
      `{"architecture":"","created":"${GGCR_EMPTY_TIME}","history":[{"created":"${GGCR_EMPTY_TIME}"}],"os":"","rootfs":{"type":"layers","diff_ids":["${sha256(p1)}"]},"config":{}}`
    )
    expect((await get(`${repo}/blobs/${sha256(p1)}`)).bytes.equals(p1)).toBe(true)

    await pushLegacySignature(client, repo, subject, p2, ann('SIG2'))
    doc = JSON.parse((await get(`${repo}/manifests/${tag}`)).bytes.toString())
    expect(doc.layers.map((l: { digest: string }) => l.digest)).toEqual([sha256(p1), sha256(p2)])
    config = await get(`${repo}/blobs/${doc.config.digest}`)
    expect(JSON.parse(config.bytes.toString())).toMatchObject({
      history: [{ created: GGCR_EMPTY_TIME }, { created: GGCR_EMPTY_TIME }],
      rootfs: { type: 'layers', diff_ids: [sha256(p1), sha256(p2)] }
    })

    // Signing again with the same signature does not add a layer; it moves to the end.
    await pushLegacySignature(client, repo, subject, p1, ann('SIG1'))
    m = await get(`${repo}/manifests/${tag}`)
    doc = JSON.parse(m.bytes.toString())
    expect(doc.layers.map((l: { annotations: Record<string, string> }) => l.annotations['dev.cosignproject.cosign/signature'])).toEqual(['SIG2', 'SIG1'])
  })

  test('a .sig image without layers (written by another tool) gets one', async () => {
    const repo = 'sig/bare'
    const tag = signatureTag(subject)
    const cfg = Buffer.from('{}')
    await client.pushBlob(repo, bytesSource(cfg))
    const bare = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: 2, digest: sha256(cfg) },
        layers: []
      })
    )
    await client.putManifest(repo, tag, { mediaType: OCI_MANIFEST, bytes: bare })
    expect((await get(`${repo}/manifests/${tag}`)).status).toBe(200)
    const p = Buffer.from('payload')
    await pushLegacySignature(client, repo, subject, p, ann('S'))
    const doc = JSON.parse((await get(`${repo}/manifests/${tag}`)).bytes.toString())
    expect(doc.layers).toHaveLength(1)
    expect(doc.layers[0].digest).toBe(sha256(p))
  })
})
