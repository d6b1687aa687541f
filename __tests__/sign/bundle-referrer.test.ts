/**
 * A Sigstore v0.3 bundle stored as cosign v3 and actions/attest store it (sigstore/cosign specs/BUNDLE_SPEC.md;
 * /work/shared/reference/sigstore.md §2.2, §3.2): an OCI 1.1 referrer of the chart manifest with the bundle as its
 * one layer. Pushed to a real registry (Distribution 2.8.2 has no referrers API, so the `sha256-<hex>` tag index
 * lists it) and read back with plain `fetch`.
 */
import { createHash } from 'node:crypto'
import { RegistryClient } from '../../src/oci/client'
import { bytesSource } from '../../src/oci/push'
import { BUNDLE_V03_MEDIA_TYPE, pushBundleReferrer } from '../../src/sign/bundle-referrer'
import { startRegistry, type TestRegistry } from '../support/registry'

const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

let reg: TestRegistry
let client: RegistryClient
beforeAll(async () => {
  reg = await startRegistry()
  client = new RegistryClient({ host: reg.host, plainHttp: true, retry: { retries: 1, baseDelayMs: 10, minDelayMs: 10, maxDelayMs: 50 } })
})
afterAll(async () => reg?.stop())

const get = async (path: string, accept: string): Promise<Buffer> => {
  const r = await fetch(`${reg.url}/v2/${path}`, { headers: { accept } })
  expect(r.status).toBe(200)
  return Buffer.from(await r.arrayBuffer())
}

test('the media type is the v0.3 bundle type', () => {
  expect(BUNDLE_V03_MEDIA_TYPE).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
})

test('the referrer: artifactType, the bundle JSON as its one layer, the BUNDLE_SPEC annotations, the chart as subject', async () => {
  const repo = 'signed/chart'
  // A stand-in subject manifest (any manifest will do as a subject).
  const cfg = Buffer.from('{}')
  await client.pushBlob(repo, bytesSource(cfg))
  const chart = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha256(cfg), size: 2 },
      layers: []
    })
  )
  await client.putManifest(repo, sha256(chart), { mediaType: OCI_MANIFEST, bytes: chart })
  const subject = { mediaType: OCI_MANIFEST, digest: sha256(chart), size: chart.length }

  const bundle = {
    mediaType: BUNDLE_V03_MEDIA_TYPE,
    verificationMaterial: { certificate: { rawBytes: 'Q0VSVA==' } },
    dsseEnvelope: { payload: 'e30=', payloadType: 'application/vnd.in-toto+json', signatures: [] }
  }
  const before = Math.floor(Date.now() / 1000) * 1000
  const digest = await pushBundleReferrer(client, repo, subject, bundle as never, 'https://sigstore.dev/cosign/sign/v1')
  const after = Date.now()

  // Listed in the referrers tag schema's index under sha256-<hex>.
  const index = JSON.parse((await get(`${repo}/manifests/sha256-${subject.digest.slice(7)}`, OCI_INDEX)).toString())
  expect(index.manifests).toHaveLength(1)
  expect(index.manifests[0]).toMatchObject({ mediaType: OCI_MANIFEST, digest, artifactType: BUNDLE_V03_MEDIA_TYPE })

  const bytes = await get(`${repo}/manifests/${digest}`, OCI_MANIFEST)
  expect(sha256(bytes)).toBe(digest)
  const m = JSON.parse(bytes.toString())
  expect(m.artifactType).toBe(BUNDLE_V03_MEDIA_TYPE)
  expect(m.subject).toEqual(subject)
  const layerBytes = Buffer.from(JSON.stringify(bundle))
  expect(m.layers).toEqual([{ mediaType: BUNDLE_V03_MEDIA_TYPE, digest: sha256(layerBytes), size: layerBytes.length }])
  expect((await get(`${repo}/blobs/${sha256(layerBytes)}`, '*/*')).equals(layerBytes)).toBe(true)
  expect(Object.keys(m.annotations)).toEqual(['dev.sigstore.bundle.content', 'dev.sigstore.bundle.predicateType', 'org.opencontainers.image.created'])
  expect(m.annotations['dev.sigstore.bundle.content']).toBe('dsse-envelope')
  expect(m.annotations['dev.sigstore.bundle.predicateType']).toBe('https://sigstore.dev/cosign/sign/v1')
  // time.RFC3339 in UTC: seconds and Z.
  const created = m.annotations['org.opencontainers.image.created'] as string
  expect(created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  expect(Date.parse(created)).toBeGreaterThanOrEqual(before)
  expect(Date.parse(created)).toBeLessThanOrEqual(after)
  expect(index.manifests[0].annotations).toEqual(m.annotations)
})
