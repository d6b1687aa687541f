/**
 * Version constraints as Helm checks them (Masterminds/semver v3
 * `NewConstraint` / `Check`): `||` groups of AND-ed comparisons separated by
 * commas or spaces, hyphen ranges, `x`/`X`/`*` wildcards, `~`, `^`, `!=`, and
 * prereleases only for AND groups that name one.
 *
 * node-semver's `satisfies` differs from Masterminds in ways that change which
 * chart Helm picks (documented by __tests__/chart/dependencies/constraints.test.ts):
 * - a prerelease in a range admits prereleases of any version in Masterminds
 *   (`>=1.0.0-0` matches `1.5.0-rc.1`), only of the same MAJOR.MINOR.PATCH in node-semver;
 * - commas as AND and `!=` are Masterminds syntax node-semver refuses;
 * - Masterminds reads versions loosely (`1.2`, `v1.2.3`, leading zeros) and allows numbers up to 2^64-1.
 * So the operators are evaluated here; ordering of two versions, where both
 * libraries follow SemVer 2 precedence, comes from the `semver` package.
 */
import * as semver from 'semver'
import { parseHelmVersion, type SemVer } from '../semver'

type Op = '' | '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^'

interface Comparison {
  op: Op
  con: SemVer
  /** Written version, for messages. */
  orig: string
  dirty: boolean
  minorDirty: boolean
  patchDirty: boolean
}

export interface Constraint {
  /** The constraint as written in Chart.yaml. */
  text: string
  groups: Comparison[][]
  /** Per OR group: does any comparison name a prerelease (then prereleases may match). */
  groupHasPre: boolean[]
}

// Masterminds' cvRegex (a version with optional wildcards) and operator list.
const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`
const ONE = new RegExp(String.raw`^\s*(${OPS})\s*(${CV})\s*$`)
const RANGE = new RegExp(String.raw`\s*(${CV})\s+-\s+(${CV})\s*`, 'g')
const FIND = new RegExp(String.raw`(${OPS})\s*(${CV})`, 'g')
const VALID = new RegExp(String.raw`^(\s*(${OPS})\s*(${CV})\s*)((?:\s+|,\s*)(${OPS})\s*(${CV})\s*)*$`)

const isX = (s: string | undefined): boolean => s === 'x' || s === 'X' || s === '*'

export class ConstraintSyntaxError extends Error {}

function parseComparison(text: string): Comparison {
  const m = ONE.exec(text)
  if (!m) throw new ConstraintSyntaxError(`improper constraint: "${text}"`)
  const [, op, orig, major, minor, patch, pre] = m as unknown as string[]
  const suffix = pre ?? ''
  let ver = orig
  let dirty = false
  let minorDirty = false
  let patchDirty = false
  if (isX(major) || !major) {
    ver = `0.0.0${suffix}`
    dirty = true
  } else if (!minor || isX(minor.slice(1))) {
    ver = `${major}.0.0${suffix}`
    dirty = minorDirty = true
  } else if (!patch || isX(patch.slice(1))) {
    ver = `${major}${minor}.0${suffix}`
    dirty = patchDirty = true
  }
  const con = parseHelmVersion(ver)
  if (!con) throw new ConstraintSyntaxError('constraint parser error')
  return { op: op as Op, con, orig, dirty, minorDirty, patchDirty }
}

/** Masterminds `NewConstraint`; throws ConstraintSyntaxError with Masterminds' message. */
export function parseConstraint(text: string): Constraint {
  // Hyphen ranges become `>= a, <= b` first.
  const rewritten = text.replace(RANGE, (_all, lo: string, ...rest: string[]) => `>= ${lo}, <= ${rest[9]} `)
  const groups: Comparison[][] = []
  const groupHasPre: boolean[] = []
  for (const part of rewritten.split('||')) {
    if (!VALID.test(part)) throw new ConstraintSyntaxError(`improper constraint: "${part}"`)
    const found = part.match(FIND) ?? [part]
    const group = found.map(parseComparison)
    groups.push(group)
    groupHasPre.push(group.some((c) => c.con.prerelease !== ''))
  }
  return { text, groups, groupHasPre }
}

const n = (x: bigint | number): bigint => BigInt(x)

/** SemVer 2 precedence of two parsed versions (build metadata ignored), as Masterminds' Compare. */
export function compareParsed(a: SemVer, b: SemVer): number {
  for (const k of ['major', 'minor', 'patch'] as const) {
    if (n(a[k]) !== n(b[k])) return n(a[k]) < n(b[k]) ? -1 : 1
  }
  // Same precedence rules for prereleases in both libraries: delegate.
  return semver.compare(`0.0.0${a.prerelease ? `-${a.prerelease}` : ''}`, `0.0.0${b.prerelease ? `-${b.prerelease}` : ''}`)
}

/** Orders version strings by SemVer (Masterminds' loose parse); unparseable ones sort lowest. */
export function compareVersions(a: string, b: string): number {
  const pa = parseHelmVersion(a)
  const pb = parseHelmVersion(b)
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0
  return compareParsed(pa, pb)
}

function check(v: SemVer, c: Comparison, includePre: boolean): boolean {
  if (v.prerelease !== '' && !includePre) return false
  const cmp = compareParsed(v, c.con)
  const con = c.con
  const eqMajor = n(v.major) === n(con.major)
  switch (c.op) {
    case '!=':
      if (c.dirty) {
        if (!eqMajor) return true
        if (n(v.minor) !== n(con.minor) && !c.minorDirty) return true
        if (c.minorDirty) return false
        if (n(v.patch) !== n(con.patch) && !c.patchDirty) return true
        if (c.patchDirty) return (v.prerelease !== '' || con.prerelease !== '') && v.prerelease !== con.prerelease
      }
      return cmp !== 0
    case '>':
      if (!c.dirty) return cmp > 0
      if (n(v.major) !== n(con.major)) return n(v.major) > n(con.major)
      if (c.minorDirty) return false
      if (c.patchDirty) return n(v.minor) > n(con.minor)
      return cmp > 0
    case '<':
      return cmp < 0
    case '>=':
    case '=>':
      return cmp >= 0
    case '<=':
    case '=<':
      if (!c.dirty) return cmp <= 0
      if (n(v.major) > n(con.major)) return false
      return !(eqMajor && n(v.minor) > n(con.minor) && !c.minorDirty)
    case '~':
    case '~>':
      return tilde(v, c, cmp)
    case '':
    case '=':
      return c.dirty ? tilde(v, c, cmp) : cmp === 0
    case '^': {
      if (cmp < 0) return false
      if (n(con.major) > 0n || c.minorDirty) return eqMajor
      if (n(v.major) > 0n) return false
      if (n(con.minor) > 0n || c.patchDirty) return n(v.minor) === n(con.minor)
      if (n(v.minor) > 0n) return false
      return n(con.patch) === n(v.patch)
    }
  }
}

function tilde(v: SemVer, c: Comparison, cmp: number): boolean {
  if (cmp < 0) return false
  const con = c.con
  if (n(con.major) === 0n && n(con.minor) === 0n && n(con.patch) === 0n && !c.minorDirty && !c.patchDirty) return true
  if (n(v.major) !== n(con.major)) return false
  return n(v.minor) === n(con.minor) || c.minorDirty
}

/** Masterminds `Constraints.Check`. */
export function satisfies(version: SemVer | string, constraint: Constraint): boolean {
  const v = typeof version === 'string' ? parseHelmVersion(version) : version
  if (!v) return false
  return constraint.groups.some((group, i) => group.every((c) => check(v, c, constraint.groupHasPre[i])))
}

/** The first version (in the given order, newest first) that satisfies the constraint, as Helm's resolver picks it. */
export function pickVersion(versions: string[], constraint: Constraint): string | undefined {
  return versions.find((v) => satisfies(v, constraint))
}
