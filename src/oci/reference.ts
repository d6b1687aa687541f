/**
 * The `registry` input and the reference each chart is pushed to, by Helm's
 * rules (pkg/pusher/ocipusher.go, pkg/registry/reference.go, oras-go's
 * reference grammar): `<registry>/<chart name>:<version with + as _>`.
 */
import { InputError, ChartError } from '../errors'
import { ociTag, isValidTag } from '../chart/semver'

export interface RegistryLocation {
  /** host[:port] as written (lower case). */
  host: string
  /** Repository path under the host, without leading/trailing slashes; may be empty. */
  namespace: string
  /** oci://host/namespace, for messages. */
  display: string
}

export interface ChartReference {
  host: string
  repository: string
  tag: string
  toString(): string
}

/** oras-go's repository grammar: lower-case path components separated by `.`, `_`, `__` or dashes. */
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*$/
/** What `url.ParseRequestURI("dummy://" + host).Host == host` accepts, in practice. */
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/

const EXAMPLE = 'oci://ghcr.io/OWNER/charts'

/** Validates and splits `oci://HOST[:PORT]/NAMESPACE`, saying what to write instead when it is wrong. */
export function parseRegistryInput(raw: string): RegistryLocation {
  const input = raw.trim()
  const fail = (what: string, instead: string): never => {
    throw new InputError(`registry "${raw}" ${what}`, { hint: `Write ${instead}` })
  }
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(input)
  if (!scheme) fail('has no oci:// scheme', `oci://${input.replace(/^\/+/, '')}`)
  if (scheme![1] !== 'oci') fail(`uses the ${scheme![1]}:// scheme; Helm pushes to OCI registries only`, `oci://${input.slice(scheme![0].length)}`)
  const rest = input.slice('oci://'.length)
  const authority = rest.split('/')[0]
  const digest = /@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/
  // Something before an '@' in the host part is userinfo; a bare '@digest' is reported as a digest below.
  if (authority.lastIndexOf('@') > 0 || (rest.includes('@') && !digest.test(rest))) {
    // Never repeat the input: what precedes '@' is a password.
    const clean = authority.lastIndexOf('@') > 0 ? `oci://${authority.slice(authority.lastIndexOf('@') + 1)}${rest.slice(authority.length)}` : ''
    throw new InputError('registry contains credentials (user:password@) in its URL; they were not used and are not shown', {
      hint: `Remove them from the registry input (${/^oci:\/\/[a-zA-Z0-9.[\]:/_-]*$/.test(clean) ? clean : 'oci://HOST/NAMESPACE'}) and pass the password as a secret in the password input`
    })
  }
  const at = rest.indexOf('@')
  if (at >= 0) fail('contains a digest; the digest is what the push produces', `oci://${rest.slice(0, at)}`)
  // Helm's path.Join: repeated and trailing slashes disappear.
  const parts = rest.split('/').filter((p) => p !== '')
  if (!parts.length) fail('has no host', EXAMPLE)
  const [host, ...path] = parts
  const last = path[path.length - 1]
  if (last !== undefined && last.includes(':')) {
    fail(
      `contains a tag ("${last.slice(last.indexOf(':'))}"); the tag is always the chart version`,
      `oci://${[host, ...path.slice(0, -1), last.slice(0, last.indexOf(':'))].join('/')}`
    )
  }
  if (!HOST.test(host)) fail(`has an invalid host "${host}"`, `oci://HOST[:PORT]/NAMESPACE, for example ${EXAMPLE}`)
  const namespace = path.join('/')
  if (/[A-Z]/.test(rest))
    fail(
      'contains upper-case letters, which OCI repository names cannot have',
      `oci://${[host.toLowerCase(), namespace.toLowerCase()].filter(Boolean).join('/')}`
    )
  if (namespace && !REPOSITORY.test(namespace)) {
    fail(`has an invalid repository path "${namespace}" (lower-case letters, digits and single . _ - separators only)`, `a path such as ${EXAMPLE}`)
  }
  return { host, namespace, display: `oci://${[host, namespace].filter(Boolean).join('/')}` }
}

/** Helm's push reference for a chart: the chart name is always appended, `+` in the version becomes `_`. */
export function chartReference(registry: RegistryLocation, name: string, version: string): ChartReference {
  const repository = [registry.namespace, name].filter(Boolean).join('/')
  if (!REPOSITORY.test(repository)) {
    throw new ChartError(`invalid reference: invalid repository "${repository}": chart name "${name}" cannot be an OCI repository name`, {
      chart: name,
      hint: 'Chart names pushed to OCI registries must be lower case letters, digits and single "-", "." or "_" separators (rename the chart in Chart.yaml)'
    })
  }
  const tag = ociTag(version)
  if (!isValidTag(tag)) {
    throw new ChartError(`invalid reference: invalid tag "${tag}" for version "${version}"`, {
      chart: name,
      hint: 'OCI tags allow letters, digits, "_", "." and "-" and at most 128 characters: shorten the version'
    })
  }
  return { host: registry.host, repository, tag, toString: () => `${registry.host}/${repository}:${tag}` }
}

/** Loopback hosts, where `plain-http: auto` uses HTTP (as a local `registry:2` or kind registry expects). */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase()
  return name === 'localhost' || name.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '::1'
}

export interface ArtifactReference {
  host: string
  repository: string
  tag?: string
  digest?: string
  /** As given, for messages. */
  display: string
}

const DIGEST_REF = /^sha256:[a-f0-9]{64}$/

/** `oci://HOST[:PORT]/PATH/CHART@sha256:…`, `…:TAG` or `…:TAG@sha256:…` (the digest wins; the tag is kept as a default). */
export function parseArtifactReference(raw: string, input: string): ArtifactReference {
  const text = raw.trim()
  const fail = (what: string): never => {
    throw new InputError(`${input} "${raw}" ${what}`, { hint: `Write oci://HOST/PATH/CHART@sha256:<digest> or oci://HOST/PATH/CHART:<tag>` })
  }
  if (!text.startsWith('oci://')) fail('has no oci:// scheme')
  let rest = text.slice('oci://'.length)
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST_REF.test(digest)) fail(`has an invalid digest "${digest}" (sha256: and 64 lower-case hex digits)`)
  }
  const slash = rest.indexOf('/')
  if (slash < 0) fail('names no repository')
  const host = rest.slice(0, slash)
  let repository = rest.slice(slash + 1)
  let tag: string | undefined
  const colon = repository.lastIndexOf(':')
  if (colon >= 0) {
    tag = repository.slice(colon + 1)
    repository = repository.slice(0, colon)
    if (!isValidTag(tag)) fail(`has an invalid tag "${tag}"`)
  }
  if (!HOST.test(host)) fail(`has an invalid host "${host}"`)
  if (!REPOSITORY.test(repository)) fail(`has an invalid repository path "${repository}" (lower-case letters, digits and single . _ - separators only)`)
  if (!tag && !digest) fail('has neither a tag nor a digest')
  return { host, repository, tag, digest, display: text }
}
