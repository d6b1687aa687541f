import { match, validatePattern, PatternError } from '../../src/chart/gomatch'
import { thrown } from '../support/caught'
import vectors from '../fixtures/go/filepath-match/vectors.json'

// Go's src/path/filepath/match_test.go matchTests (the same table as path's): [pattern, name, match, badPattern].
const matchTests: Array<[string, string, boolean, boolean]> = [
  ['abc', 'abc', true, false],
  ['*', 'abc', true, false],
  ['*c', 'abc', true, false],
  ['a*', 'a', true, false],
  ['a*', 'abc', true, false],
  ['a*', 'ab/c', false, false],
  ['a*/b', 'abc/b', true, false],
  ['a*/b', 'a/c/b', false, false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true, false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true, false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false, false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false, false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true, false],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false, false],
  ['ab[c]', 'abc', true, false],
  ['ab[b-d]', 'abc', true, false],
  ['ab[e-g]', 'abc', false, false],
  ['ab[^c]', 'abc', false, false],
  ['ab[^b-d]', 'abc', false, false],
  ['ab[^e-g]', 'abc', true, false],
  ['a\\*b', 'a*b', true, false],
  ['a\\*b', 'ab', false, false],
  ['a?b', 'a☺b', true, false],
  ['a[^a]b', 'a☺b', true, false],
  ['a???b', 'a☺b', false, false],
  ['a[^a][^a][^a]b', 'a☺b', false, false],
  ['[a-ζ]*', 'α', true, false],
  ['*[a-ζ]', 'A', false, false],
  ['a?b', 'a/b', false, false],
  ['a*b', 'a/b', false, false],
  ['[\\]a]', ']', true, false],
  ['[\\-]', '-', true, false],
  ['[x\\-]', 'x', true, false],
  ['[x\\-]', '-', true, false],
  ['[x\\-]', 'z', false, false],
  ['[\\-x]', 'x', true, false],
  ['[\\-x]', '-', true, false],
  ['[\\-x]', 'a', false, false],
  ['[]a]', ']', false, true],
  ['[-]', '-', false, true],
  ['[x-]', 'x', false, true],
  ['[x-]', '-', false, true],
  ['[x-]', 'z', false, true],
  ['[-x]', 'x', false, true],
  ['[-x]', '-', false, true],
  ['[-x]', 'a', false, true],
  ['\\', 'a', false, true],
  ['[a-b-c]', 'a', false, true],
  ['[', 'a', false, true],
  ['[^', 'a', false, true],
  ['[^bc', 'a', false, true],
  ['a[', 'a', false, true],
  ['a[', 'ab', false, true],
  ['a[', 'x', false, true],
  ['a/b[', 'x', false, true],
  ['*x', 'xxx', true, false]
]

describe('gomatch.match (Go filepath.Match, as Helm calls it)', () => {
  test.each(matchTests.filter((t) => !t[3]))('match(%j, %j) = %s', (pattern, name, want) => {
    expect(match(pattern, name)).toBe(want)
    expect(() => validatePattern(pattern)).not.toThrow()
  })

  test.each(matchTests.filter((t) => t[3]))('match(%j, %j): bad pattern', (pattern, name) => {
    expect(() => match(pattern, name)).toThrow(PatternError)
    expect(() => match(pattern, name)).toThrow('syntax error in pattern')
    expect(() => validatePattern(pattern)).toThrow(PatternError)
  })

  test('like filepath.Match (not path.Match), a malformed tail after a failed star chunk is not reported', () => {
    // Go 1.19.8 filepath.Match; path.Match checks the rest of the pattern and errs on the first one.
    expect(match('x*[z-', 'abc')).toBe(false)
    expect(match('b*[', 'abc')).toBe(false)
    expect(match('a*\\', 'b')).toBe(false)
    // A failing chunk is still read to its end, and a star chunk that reaches the bad part errs.
    expect(() => match('a*b[', 'ac')).toThrow(PatternError)
    expect(() => match('x*[z-', 'xyz')).toThrow(PatternError)
    expect(() => match('[z-', 'abc')).toThrow(PatternError)
  })

  test('agrees with Go filepath.Match on generated patterns and names', () => {
    // [pattern, name, matched, ErrBadPattern] from __tests__/fixtures/go/filepath-match (main.go there made them).
    const cases = vectors.cases as Array<[string, string, boolean, boolean]>
    expect(cases.length).toBe(2500)
    const wrong = cases.filter(([p, n, want, bad]) => {
      try {
        return match(p, n) !== want || bad
      } catch (err) {
        return !(bad && err instanceof PatternError)
      }
    })
    expect(wrong).toEqual([])
  })

  test('PatternError is a plain Error', () => {
    const err = thrown(() => match('ab\\', 'ab'))
    expect(err).toBeInstanceOf(Error)
    expect(err).toBeInstanceOf(PatternError)
    expect(err.message).toBe('syntax error in pattern')
    expect(err.name).toBe('PatternError')
  })

  test('empty pattern and name', () => {
    expect(match('', '')).toBe(true)
    expect(match('', 'a')).toBe(false)
    expect(match('*', '')).toBe(true)
    expect(match('?', '')).toBe(false)
  })

  test('? matches a whole astral code point', () => {
    expect(match('?', '😀')).toBe(true)
    expect(match('??', '😀')).toBe(false)
    expect(match('[😀]', '😀')).toBe(true)
  })

  test('byte-level star resumption like Go: *?? can match inside a 3-byte rune', () => {
    // Go: star skips one byte into "€" (e2 82 ac), each ? then eats one stray byte.
    expect(match('*??', '€')).toBe(true)
    expect(match('*???', '€')).toBe(false)
    // And inside a 4-byte rune, where the skipped-into byte is followed by two more continuation bytes.
    expect(match('*???', '😀')).toBe(true)
    expect(match('*????', '😀')).toBe(false)
  })
})
