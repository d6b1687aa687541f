/**
 * Chart metadata (Chart.yaml) as Helm's `chart.Metadata` holds it, and its
 * Go JSON form: the exact bytes of the OCI config blob Helm pushes.
 * Field order follows the Go struct declaration (pkg/chart/v2/metadata.go).
 */
import { goMarshal, goStruct } from '../gojson'

export interface Maintainer {
  name?: string
  email?: string
  url?: string
}

export interface Dependency {
  name: string
  version?: string
  repository: string
  condition?: string
  tags?: string[]
  enabled?: boolean
  'import-values'?: unknown[]
  alias?: string
}

export interface Metadata {
  name: string
  home?: string
  sources?: string[]
  version: string
  description?: string
  keywords?: string[]
  maintainers?: Maintainer[]
  icon?: string
  apiVersion: string
  condition?: string
  tags?: string
  appVersion?: string
  deprecated?: boolean
  annotations?: Record<string, string>
  kubeVersion?: string
  dependencies?: Dependency[]
  type?: string
}

const str = (s: string | undefined): string | undefined => (s ? s : undefined)
const list = <T>(a: T[] | undefined): T[] | undefined => (a && a.length ? a : undefined)

/** Go-ordered struct for one dependency (`name` and `repository` have no omitempty). */
export function dependencyStruct(d: Dependency): object {
  return goStruct({
    name: d.name ?? '',
    version: str(d.version),
    repository: d.repository ?? '',
    condition: str(d.condition),
    tags: list(d.tags),
    enabled: d.enabled ? true : undefined,
    'import-values': list(d['import-values']),
    alias: str(d.alias)
  })
}

/** The metadata as a Go-ordered value with `omitempty` applied. */
export function metadataStruct(m: Metadata): object {
  const annotations = m.annotations && Object.keys(m.annotations).length ? m.annotations : undefined
  return goStruct({
    name: str(m.name),
    home: str(m.home),
    sources: list(m.sources),
    version: str(m.version),
    description: str(m.description),
    keywords: list(m.keywords),
    maintainers: list(m.maintainers)?.map((x) => goStruct({ name: str(x.name), email: str(x.email), url: str(x.url) })),
    icon: str(m.icon),
    apiVersion: str(m.apiVersion),
    condition: str(m.condition),
    tags: str(m.tags),
    appVersion: str(m.appVersion),
    deprecated: m.deprecated ? true : undefined,
    annotations, // a plain object: marshalled as a Go map, keys sorted
    kubeVersion: str(m.kubeVersion),
    dependencies: list(m.dependencies)?.map(dependencyStruct),
    type: str(m.type)
  })
}

/** `json.Marshal(metadata)`: the Helm OCI config blob. */
export function metadataJson(m: Metadata): string {
  return goMarshal(metadataStruct(m))
}
