/**
 * Version rules Helm applies through Masterminds/semver v3: `NewVersion`
 * (coerce mode, what `helm package` validates with) and `StrictNewVersion`
 * (what Helm's OCI tag listing understands), plus the OCI tag mapping. The
 * loose parse stays our own: the `semver` package's `coerce` drops
 * prereleases and takes `1.2.3.4`, where Masterminds keeps the one and
 * refuses the other.
 */
import * as semver from 'semver'

export interface SemVer {
  major: bigint | number
  minor: bigint | number
  patch: bigint | number
  prerelease: string
  build: string
  /** The input, verbatim: Helm never normalizes the chart version. */
  original: string
}

const UINT64_MAX = (1n << 64n) - 1n
const NUM = /^[0-9]*$/
const ALLOWED = /^[0-9A-Za-z-]*$/

// Masterminds looseSemVerRegex; groups 1,2,3 = segments, 5 = prerelease, 8 = build.
const LOOSE = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/

/** Go strconv.ParseUint(s, 10, 64); numbers above 2^53 stay bigint. */
function parseUint64(s: string): bigint | number | undefined {
  if (s === '' || !NUM.test(s)) return undefined
  const v = BigInt(s)
  if (v > UINT64_MAX) return undefined
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v
}

/** Masterminds validatePrerelease. */
function validPrerelease(p: string): boolean {
  for (const id of p.split('.')) {
    if (id === '') return false
    if (NUM.test(id)) {
      if (id.length > 1 && id[0] === '0') return false
    } else if (!ALLOWED.test(id)) {
      return false
    }
  }
  return true
}

/** Masterminds validateMetadata (no leading-zero rule for build identifiers). */
function validMetadata(m: string): boolean {
  return m.split('.').every((id) => id !== '' && ALLOWED.test(id))
}

/**
 * Masterminds v3 `NewVersion` (CoerceNewVersion = true): accepts `1`, `1.2`,
 * `v1.2.3`, `01.02.03`. Returns undefined where Helm reports the version invalid.
 */
export function parseHelmVersion(v: string): SemVer | undefined {
  const m = LOOSE.exec(v)
  if (!m) return undefined
  const major = parseUint64(m[1])
  const minor = m[2] ? parseUint64(m[2].slice(1)) : 0
  const patch = m[3] ? parseUint64(m[3].slice(1)) : 0
  if (major === undefined || minor === undefined || patch === undefined) return undefined
  const prerelease = m[5] ?? ''
  const build = m[8] ?? ''
  if (prerelease !== '' && !validPrerelease(prerelease)) return undefined
  if (build !== '' && !validMetadata(build)) return undefined
  return { major, minor, patch, prerelease, build, original: v }
}

/**
 * Masterminds v3 `StrictNewVersion`, i.e. SemVer 2.0.0 (no `v`, exactly three
 * segments without leading zeros, segments within uint64). The `semver`
 * package's strict parser has the same grammar, except that it also takes a
 * leading `v` or `=` and surrounding blanks (refused here) and stops at
 * 2^53-1 and 256 characters, where Masterminds takes any uint64 and any length:
 * only those versions are checked with Masterminds' own rule.
 */
export function isStrictSemver(v: string): boolean {
  if (v === '' || v !== v.trim() || v[0] === 'v' || v[0] === '=') return false
  if (semver.parse(v) !== null) return true
  return v.length > 256 || /\d{16}/.test(v) ? strictBeyondSemverLimits(v) : false
}

/** Masterminds' StrictNewVersion rule, for versions the `semver` package cannot represent. */
function strictBeyondSemverLimits(v: string): boolean {
  // strings.SplitN(v, ".", 3)
  const first = v.indexOf('.')
  const second = first < 0 ? -1 : v.indexOf('.', first + 1)
  if (second < 0) return false
  const parts = [v.slice(0, first), v.slice(first + 1, second), v.slice(second + 1)]
  const plus = parts[2].indexOf('+')
  if (plus >= 0) {
    if (!validMetadata(parts[2].slice(plus + 1))) return false
    parts[2] = parts[2].slice(0, plus)
  }
  const dash = parts[2].indexOf('-')
  if (dash >= 0) {
    if (!validPrerelease(parts[2].slice(dash + 1))) return false
    parts[2] = parts[2].slice(0, dash)
  }
  return parts.every((p) => NUM.test(p) && !(p.length > 1 && p[0] === '0') && parseUint64(p) !== undefined)
}

/** Helm's OCI tag for a chart version: `+` is not allowed in tags, so `_`. */
export function ociTag(version: string): string {
  return version.replace(/\+/g, '_')
}

/** OCI distribution-spec tag grammar. */
export function isValidTag(tag: string): boolean {
  return /^[\w][\w.-]{0,127}$/.test(tag)
}
