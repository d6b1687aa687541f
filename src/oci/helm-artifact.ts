/**
 * The OCI artifact `helm push` builds (pkg/registry/client.go Push and
 * tagManifest, pkg/registry/chart.go): the metadata JSON as config, the .tgz
 * (and optional .prov) as layers sorted by digest, and the annotations Helm
 * derives. Byte for byte, so the manifest digest equals Helm's.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { goMarshal, goStruct } from '../gojson'
import { metadataJson, type Metadata } from '../chart/metadata'

export const CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json'
export const CHART_LAYER_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip'
export const PROV_LAYER_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.provenance.v1.prov'
export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json'

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
}

export interface HelmManifest extends Descriptor {
  /** The exact manifest bytes. */
  manifest: Buffer
  config: Descriptor & { bytes: Buffer }
  layers: Descriptor[]
  annotations: Record<string, string>
}

export const sha256Digest = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** Digest and size of a file, streamed (archives are never read into memory whole). */
export async function fileDigest(file: string): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer)
    size += (chunk as Buffer).length
  }
  return { digest: `sha256:${hash.digest('hex')}`, size }
}

/** RFC 3339 in UTC with seconds precision, as Go's time.RFC3339 prints a UTC time. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** `generateChartOCIAnnotations`: Helm's derived annotations, then the chart's own except title and version. */
export function helmAnnotations(m: Metadata, created: Date): Record<string, string> {
  const out: Record<string, string> = {}
  const add = (k: string, v: string | undefined): void => {
    if (v !== undefined && v.trim() !== '') out[k] = v
  }
  add('org.opencontainers.image.description', m.description)
  add('org.opencontainers.image.title', m.name)
  add('org.opencontainers.image.version', m.version)
  add('org.opencontainers.image.url', m.home)
  add('org.opencontainers.image.created', rfc3339(created))
  add('org.opencontainers.image.source', m.sources?.[0])
  const authors = (m.maintainers ?? []).map((x) => `${x.name ?? ''}${x.email ? ` (${x.email})` : ''}`)
  add('org.opencontainers.image.authors', authors.join(', '))
  for (const [k, v] of Object.entries(m.annotations ?? {})) {
    if (k === 'org.opencontainers.image.version' || k === 'org.opencontainers.image.title') continue
    out[k] = v
  }
  return out
}

const descriptor = (d: Descriptor): object => goStruct({ mediaType: d.mediaType, digest: d.digest, size: d.size })

export function buildHelmManifest(opts: {
  metadata: Metadata
  chart: { digest: string; size: number }
  prov?: { digest: string; size: number }
  created: Date
}): HelmManifest {
  const configBytes = Buffer.from(metadataJson(opts.metadata), 'utf8')
  const config = { mediaType: CONFIG_MEDIA_TYPE, digest: sha256Digest(configBytes), size: configBytes.length, bytes: configBytes }
  const layers: Descriptor[] = [{ mediaType: CHART_LAYER_MEDIA_TYPE, digest: opts.chart.digest, size: opts.chart.size }]
  if (opts.prov) layers.push({ mediaType: PROV_LAYER_MEDIA_TYPE, digest: opts.prov.digest, size: opts.prov.size })
  layers.sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0))
  const annotations = helmAnnotations(opts.metadata, opts.created)
  // No mediaType field: Helm leaves the omitempty field unset.
  const manifest = Buffer.from(goMarshal(goStruct({ schemaVersion: 2, config: descriptor(config), layers: layers.map(descriptor), annotations })), 'utf8')
  return { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: sha256Digest(manifest), size: manifest.length, manifest, config, layers, annotations }
}
