/**
 * `oci://` dependency repositories as Helm's resolver and downloader use them:
 * the chart lives at `<repository>/<dependency name>:<version with + as _>`,
 * ranges are resolved from the tag list (only tags that are strict SemVer once
 * `_` is read as `+`, newest first), and the archive is the manifest's chart
 * layer, its digest checked by the client.
 */
import { ChartError, RegistryError } from '../../errors'
import type { RegistryClient } from '../../oci/client'
import { CHART_LAYER_MEDIA_TYPE } from '../../oci/helm-artifact'
import { MAX_CHART_ARCHIVE_BYTES } from '../archive'
import { isStrictSemver, ociTag } from '../semver'
import { compareVersions } from './constraints'

export interface OciLocation {
  host: string
  /** Repository path of the chart: the dependency repository's path plus the dependency name. */
  repository: string
  /** oci://host/path as written (without the name), for messages. */
  display: string
}

/** Splits `oci://host[:port]/path` and appends the dependency name, as Helm does. */
export function ociLocation(repositoryUrl: string, name: string): OciLocation {
  const rest = repositoryUrl.replace(/^oci:\/\//, '').replace(/\/+$/, '')
  const slash = rest.indexOf('/')
  const host = slash < 0 ? rest : rest.slice(0, slash)
  const path = slash < 0 ? '' : rest.slice(slash + 1)
  return { host, repository: [path, name].filter(Boolean).join('/'), display: `oci://${rest}` }
}

/** Helm's `registry.Client.Tags`: `_` back to `+`, strict SemVer only, newest first. */
export function tagsToVersions(tags: string[]): string[] {
  return tags
    .map((t) => t.replace(/_/g, '+'))
    .filter(isStrictSemver)
    .sort((a, b) => compareVersions(b, a))
}

/** The hint for the common mistake of writing the chart's own repository (`oci://…/charts/common-lib` for `common-lib`). */
export function endsWithNameHint(repositoryUrl: string, name: string): string | undefined {
  const trimmed = repositoryUrl.replace(/\/+$/, '')
  if (!trimmed.endsWith(`/${name}`)) return undefined
  const parent = trimmed.slice(0, -name.length - 1)
  return `Helm appends the dependency name to an oci:// repository, so ${trimmed} means ${trimmed}/${name}: write repository: ${parent}`
}

export async function listVersions(client: RegistryClient, loc: OciLocation): Promise<string[] | undefined> {
  const tags = await client.listTags(loc.repository)
  return tags && tagsToVersions(tags)
}

/** Pulls the chart layer of `<repository>:<version>`; the bytes are what the registry stores (digest checked). */
export async function pullChart(client: RegistryClient, loc: OciLocation, version: string, chart: string, dependency: string): Promise<Buffer> {
  const tag = ociTag(version)
  const got = await client.getManifest(loc.repository, tag)
  if (!got) {
    throw new ChartError(`dependency ${dependency} ${version}: ${loc.host}/${loc.repository}:${tag} not found`, {
      chart,
      registry: loc.host,
      hint:
        endsWithNameHint(loc.display, dependency) ??
        `Check that ${loc.display} holds ${dependency} ${version} (helm push it first) and the version in Chart.yaml or Chart.lock`
    })
  }
  let layers: Array<{ mediaType?: string; digest?: string }> = []
  try {
    layers = (JSON.parse(got.bytes.toString('utf8')) as { layers?: typeof layers }).layers ?? []
  } catch {
    // handled below
  }
  const layer = layers.find((l) => l.mediaType === CHART_LAYER_MEDIA_TYPE)
  if (!layer?.digest) {
    throw new RegistryError(`${loc.host}/${loc.repository}:${tag} is not a Helm chart (no ${CHART_LAYER_MEDIA_TYPE} layer)`, {
      chart,
      registry: loc.host,
      hint: `Point dependency ${dependency} at a repository that holds charts pushed with helm push`
    })
  }
  return client.getBlob(loc.repository, layer.digest, MAX_CHART_ARCHIVE_BYTES)
}
