import { parseHelmVersion, isStrictSemver, ociTag, isValidTag } from '../../src/chart/semver'

describe('parseHelmVersion (Masterminds v3 NewVersion, coerce mode)', () => {
  test.each(['1', '1.2', '1.2.3', 'v1.2.3', '01.02.03', '1.0.0+b.1', '1.0.0-alpha.1', '1.0.0-0', '1.0.0-x-y.0a', '0.0.0', '18446744073709551615.0.0', 'v1'])(
    'accepts %j',
    (v) => {
      expect(parseHelmVersion(v)).toBeDefined()
    }
  )

  test.each([
    '',
    '1.0.0-01',
    '1.0.0-',
    '1..2',
    '18446744073709551616.0.0',
    '1.2.3.4',
    'V1.2.3',
    ' 1.2.3',
    '1.2.3 ',
    '1.0.0+',
    '1.0.0-a..b',
    '1.0.0+a..b',
    'x',
    '1.2.3\n',
    '+1.2.3',
    '1.0.0-é'
  ])('rejects %j', (v) => {
    expect(parseHelmVersion(v)).toBeUndefined()
  })

  test('fields and original are kept verbatim', () => {
    expect(parseHelmVersion('v01.2-rc.1+build.7')).toEqual({
      major: 1,
      minor: 2,
      patch: 0,
      prerelease: 'rc.1',
      build: 'build.7',
      original: 'v01.2-rc.1+build.7'
    })
  })

  test('segments beyond 2^53 are bigints', () => {
    const v = parseHelmVersion('18446744073709551615.0.0')
    expect(v?.major).toBe(18446744073709551615n)
  })

  test('build identifiers may have leading zeros', () => {
    expect(parseHelmVersion('1.0.0+001')).toBeDefined()
  })
})

describe('isStrictSemver (Masterminds v3 StrictNewVersion)', () => {
  test.each([
    '1.2.3',
    '0.0.0',
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-0.3.7',
    '1.0.0-x.7.z.92',
    '1.0.0+20130313144700',
    '1.0.0-beta+exp.sha.5114f85',
    '1.0.0+001',
    '1.2.3-a-b'
  ])('accepts %j', (v) => {
    expect(isStrictSemver(v)).toBe(true)
  })

  test.each([
    '',
    'v1.2.3',
    '1.2',
    '1',
    '01.2.3',
    '1.02.3',
    '1.2.03',
    '1.2.3-01',
    '1.2.3-',
    '1.2.3+',
    '1.2.3+a..b',
    '1.2.3-a..b',
    '1..2',
    '1.2.3.4',
    '18446744073709551616.0.0',
    '1.2.3+a+b',
    '1.2-x.3'
  ])('rejects %j', (v) => {
    expect(isStrictSemver(v)).toBe(false)
  })
})

describe('ociTag / isValidTag', () => {
  test('every + becomes _', () => {
    expect(ociTag('1.2.3+build.5')).toBe('1.2.3_build.5')
    expect(ociTag('1.2.3')).toBe('1.2.3')
    expect(ociTag('1+2+3')).toBe('1_2_3')
  })

  test('tag grammar', () => {
    expect(isValidTag('1.2.3_build.5')).toBe(true)
    expect(isValidTag('v1.2.3-rc.1')).toBe(true)
    expect(isValidTag('_x')).toBe(true)
    expect(isValidTag('a'.repeat(128))).toBe(true)
    expect(isValidTag('a'.repeat(129))).toBe(false)
    expect(isValidTag('1.2.3+b')).toBe(false)
    expect(isValidTag('.1')).toBe(false)
    expect(isValidTag('-1')).toBe(false)
    expect(isValidTag('')).toBe(false)
    expect(isValidTag('1.0\n')).toBe(false)
  })
})

// Field values as Masterminds/semver v3 NewVersion reports them (Major(), Minor(), Patch(), Prerelease(), Metadata()).
describe('parseHelmVersion fields', () => {
  test.each([
    ['1', 1, 0, 0, '', ''],
    ['1.2', 1, 2, 0, '', ''],
    ['v1.2.3', 1, 2, 3, '', ''],
    ['01.02.03', 1, 2, 3, '', ''],
    ['1.0.0-0', 1, 0, 0, '0', ''],
    ['1.0.0-x-y.0a+b-c.01', 1, 0, 0, 'x-y.0a', 'b-c.01'],
    ['0.0.7+meta', 0, 0, 7, '', 'meta'],
    ['9007199254740991.0.0', 9007199254740991, 0, 0, '', '']
  ])('%j', (v, major, minor, patch, prerelease, build) => {
    expect(parseHelmVersion(v)).toEqual({ major, minor, patch, prerelease, build, original: v })
  })

  test('beyond Number.MAX_SAFE_INTEGER a segment is an exact bigint, in every position', () => {
    expect(parseHelmVersion('9007199254740992.0.0')?.major).toBe(9007199254740992n)
    expect(parseHelmVersion('1.18446744073709551615.0')?.minor).toBe(18446744073709551615n)
    expect(parseHelmVersion('1.0.18446744073709551615')?.patch).toBe(18446744073709551615n)
    expect(parseHelmVersion('1.18446744073709551616.0')).toBeUndefined()
    expect(parseHelmVersion('1.0.18446744073709551616')).toBeUndefined()
  })

  test('prerelease identifiers: numeric ones without leading zeros, others alphanumeric or hyphen', () => {
    expect(parseHelmVersion('1.0.0-0a')?.prerelease).toBe('0a')
    expect(parseHelmVersion('1.0.0-10.0')?.prerelease).toBe('10.0')
    expect(parseHelmVersion('1.0.0-rc.00')).toBeUndefined()
    expect(parseHelmVersion('1.0.0-rc.1+')).toBeUndefined()
  })
})

describe('isStrictSemver edges', () => {
  test.each(['18446744073709551615.0.0', '0.18446744073709551615.0', '1.0.0-0a', '1.0.0-rc.10', '1.0.0+0.0', '10.20.30'])('accepts %j', (v) => {
    expect(isStrictSemver(v)).toBe(true)
  })
  test.each(['0.18446744073709551616.0', '1.0.0-rc.01', '1.0.0+', '1.0.0-rc+', 'a.b.c', '1.2.x', '1.2.3-é', '1.2.3+é', '1.2.', '.1.2', '1.0.0-+x'])(
    'rejects %j',
    (v) => {
      expect(isStrictSemver(v)).toBe(false)
    }
  )
})

describe('isStrictSemver where the semver package stops short of Masterminds', () => {
  test('numbers up to 2^64-1 and versions over 256 characters are SemVer for Masterminds', () => {
    expect(isStrictSemver('18446744073709551615.0.0')).toBe(true)
    expect(isStrictSemver(`1.0.0-${'a'.repeat(300)}`)).toBe(true)
    expect(isStrictSemver(`1.0.0-${'a'.repeat(300)}..x`)).toBe(false)
    expect(isStrictSemver('=1.2.3')).toBe(false)
    expect(isStrictSemver(' 1.2.3')).toBe(false)
  })
})
