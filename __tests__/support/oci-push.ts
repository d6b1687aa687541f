/**
 * Pushing a Helm chart to a plain test registry independently of the code under test: the Distribution API's
 * monolithic blob upload and a manifest PUT with plain fetch, shaped as `helm push` makes it (config, one chart
 * layer). The layer media type can be another, for "not a Helm chart" cases.
 */
import { createHash } from 'node:crypto'

const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

export const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip'

export async function pushOci(registryUrl: string, repository: string, tag: string, archive: Buffer, layerMediaType = HELM_CHART_LAYER): Promise<void> {
  const put = async (digest: string, body: Buffer): Promise<void> => {
    const start = await fetch(`${registryUrl}/v2/${repository}/blobs/uploads/`, { method: 'POST' })
    const loc = new URL(start.headers.get('location')!, registryUrl)
    loc.searchParams.set('digest', digest)
    const done = await fetch(loc, { method: 'PUT', body, headers: { 'content-type': 'application/octet-stream' } })
    if (done.status !== 201) throw new Error(`blob upload: ${done.status}`)
  }
  const config = Buffer.from('{"name":"x","version":"0","apiVersion":"v2"}')
  const cd = `sha256:${sha256Hex(config)}`
  const ad = `sha256:${sha256Hex(archive)}`
  await put(cd, config)
  await put(ad, archive)
  const manifest = JSON.stringify({
    schemaVersion: 2,
    config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: cd, size: config.length },
    layers: [{ mediaType: layerMediaType, digest: ad, size: archive.length }]
  })
  const res = await fetch(`${registryUrl}/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    body: manifest,
    headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }
  })
  if (res.status !== 201) throw new Error(`manifest: ${res.status}`)
}
