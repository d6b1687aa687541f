/**
 * Constraint checks against Masterminds/semver's own test table (the library Helm uses), the cases
 * `helm dependency` users write, and the places where the `semver` npm package would pick differently.
 */
import * as semver from 'semver'
import { compareVersions, parseConstraint, pickVersion, satisfies } from '../../../src/chart/dependencies/constraints'
import { parseHelmVersion } from '../../../src/chart/semver'
import golden from './fixtures/masterminds-check.json'
import vectors from '../../fixtures/go/masterminds-constraints/vectors.json'

describe('Masterminds TestConstraintsCheck', () => {
  it.each(golden.cases as Array<[string, string, boolean]>)('%s against %s is %s', (constraint, version, expected) => {
    expect(satisfies(version, parseConstraint(constraint))).toBe(expected)
  })
})

describe('Masterminds on generated constraints', () => {
  // __tests__/fixtures/go/masterminds-constraints (main.go there made them with Masterminds/semver, as Helm v4.2.4 uses
  // it): per constraint, which of the versions satisfy it, or its parse error; and the versions in ascending order.
  it('agrees on which versions satisfy each constraint, and on the errors', () => {
    expect(vectors.cases.length).toBe(700)
    const wrong: unknown[] = []
    for (const c of vectors.cases as Array<{ constraint: string; satisfied?: string; error?: string }>) {
      let got: string
      try {
        const parsed = parseConstraint(c.constraint)
        got = vectors.versions.map((v) => (satisfies(v, parsed) ? '1' : '0')).join('')
      } catch (err) {
        got = (err as Error).message
      }
      if (got !== (c.error ?? c.satisfied)) wrong.push({ constraint: c.constraint, want: c.error ?? c.satisfied, got })
    }
    expect(wrong).toEqual([])
  })

  it('orders the versions as Masterminds does', () => {
    expect([...vectors.versions].sort(compareVersions)).toEqual(vectors.sorted)
  })
})

describe('edges the generated constraints do not reach', () => {
  it('a version past 2^64-1 in a constraint is a parser error (Masterminds v3.5.0, Go 1.19.8)', () => {
    expect(() => parseConstraint('>=99999999999999999999')).toThrow(/^constraint parser error$/)
  })
  it('~0.2.0 stays within 0.2 (Masterminds: 0.2.9 true, 0.3.0 false); ~0.0.0 takes anything', () => {
    expect(satisfies('0.2.9', parseConstraint('~0.2.0'))).toBe(true)
    expect(satisfies('0.3.0', parseConstraint('~0.2.0'))).toBe(false)
    expect(satisfies('1.3.0', parseConstraint('~0.0.0'))).toBe(true)
  })
  it('takes a parsed version as well as a string, and an unparseable one satisfies nothing', () => {
    expect(satisfies(parseHelmVersion('1.9.0')!, parseConstraint('^1.2'))).toBe(true)
    expect(satisfies(parseHelmVersion('2.0.0')!, parseConstraint('^1.2'))).toBe(false)
    expect(satisfies('not-a-version', parseConstraint('*'))).toBe(false)
  })
  it('an unparseable version sorts lowest, as Helm orders an index (pkg/repo/v1/index.go ChartVersions.Less)', () => {
    expect(['1.0.0', 'junk', '0.1.0'].sort(compareVersions)).toEqual(['junk', '0.1.0', '1.0.0'])
    expect(['0.1.0', '1.0.0', 'junk'].sort(compareVersions)).toEqual(['junk', '0.1.0', '1.0.0'])
  })
})

describe('ranges as Chart.yaml writes them', () => {
  const versions = ['2.0.0', '1.3.0', '1.2.9', '1.2.3', '1.2.0', '1.2.0-rc.1', '0.12.7', '0.12.1', '0.11.0']
  it.each([
    ['0.12.*', '0.12.7'],
    ['^1.2.0', '1.3.0'],
    ['~1.2', '1.2.9'],
    ['>= 1.0, < 2.0', '1.3.0'],
    ['>=1.0.0 <1.2.5', '1.2.3'],
    ['1.2.0 - 1.2.5', '1.2.3'],
    ['0.11.x || 0.12.1', '0.12.1'],
    ['1.2.0-rc.1', '1.2.0-rc.1'],
    ['>=1.2.0-0 <1.2.1', '1.2.0'],
    ['~0.11', '0.11.0'],
    ['*', '2.0.0']
  ])('%s picks %s (newest first, as Helm iterates)', (c, want) => {
    expect(pickVersion(versions, parseConstraint(c))).toBe(want)
  })

  it('prereleases only when the constraint names one', () => {
    expect(pickVersion(['1.3.0-rc.1', '1.2.0'], parseConstraint('^1.2.0'))).toBe('1.2.0')
    expect(pickVersion(['1.3.0-rc.1', '1.2.0'], parseConstraint('^1.2.0-0'))).toBe('1.3.0-rc.1')
  })

  it('refuses malformed constraints with Masterminds message', () => {
    expect(() => parseConstraint('')).toThrow('improper constraint: ""')
    expect(() => parseConstraint('>=1.0 <')).toThrow(/improper constraint/)
    expect(() => parseConstraint('latest')).toThrow(/improper constraint/)
  })

  it('orders versions by SemVer precedence, build metadata ignored', () => {
    const sorted = ['1.0.0-alpha', '1.0.0', '1.0.0-beta.11', '1.0.0-beta.2', '1.0.0-alpha.1', 'v1.0.1', '0.9'].sort(compareVersions)
    expect(sorted).toEqual(['0.9', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0', 'v1.0.1'])
    expect(compareVersions('1.0.0+a', '1.0.0+b')).toBe(0)
  })
})

describe('where the semver npm package differs from Masterminds (why the operators are our own)', () => {
  it('a prerelease in the range admits prereleases of other versions in Masterminds only', () => {
    expect(satisfies('1.5.0-rc.1', parseConstraint('>=1.0.0-0'))).toBe(true)
    expect(semver.satisfies('1.5.0-rc.1', '>=1.0.0-0')).toBe(false)
  })
  it('commas as AND and != are Masterminds syntax', () => {
    expect(satisfies('1.5.0', parseConstraint('>= 1.0, < 2.0'))).toBe(true)
    expect(semver.satisfies('1.5.0', '>= 1.0, < 2.0')).toBe(false)
    expect(satisfies('1.2.4', parseConstraint('>=1.1, !=1.2.3'))).toBe(true)
    expect(semver.validRange('>=1.1 !=1.2.3')).toBeNull()
  })
  it('Masterminds reads two-part and v-prefixed versions in an index', () => {
    expect(satisfies('1.4', parseConstraint('~1'))).toBe(true)
    expect(semver.satisfies('1.4', '~1')).toBe(false)
  })
  it('Masterminds allows version numbers beyond 2^53', () => {
    expect(satisfies('18446744073709551615.0.0', parseConstraint('>=1'))).toBe(true)
    expect(semver.valid('18446744073709551615.0.0')).toBeNull()
  })
  it('where both agree, they give the same answer', () => {
    for (const [c, v] of [
      ['^1.2.3', '1.9.9'],
      ['^0.2.3', '0.3.0'],
      ['~1.2.3', '1.2.9'],
      ['1.2.x', '1.3.0'],
      ['>1.2', '1.3.0'],
      ['<=1.2', '1.2.9']
    ])
      expect(satisfies(v, parseConstraint(c))).toBe(semver.satisfies(v, c))
  })
})
