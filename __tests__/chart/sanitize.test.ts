import { isGoSpace, sanitizeString } from '../../src/chart/sanitize'

describe('sanitizeString (Helm metadata sanitizeString)', () => {
  test('V-P7: tab and NBSP become spaces, ZWSP is dropped', () => {
    expect(sanitizeString('a\tb\u00a0c\u200bd')).toBe('a b cd')
  })

  test('newlines and other Go spaces become spaces', () => {
    expect(sanitizeString('a\nb\r\nc')).toBe('a b  c')
    expect(sanitizeString('\v\f\u0085\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000')).toBe(' '.repeat(11))
  })

  test('format and control characters are dropped', () => {
    expect(sanitizeString('\ufeffx\u200dy\u0000z\u007f\u00ad\u0001')).toBe('xyz')
    expect(sanitizeString('\ue000priv')).toBe('priv')
  })

  test('unassigned code points are dropped', () => {
    expect(sanitizeString('a\u0378b')).toBe('ab')
  })

  test('printable text including emoji and marks is kept', () => {
    expect(sanitizeString('héllo wörld 😀 ❤ 日本 e\u0301 ½ «»')).toBe('héllo wörld 😀 ❤ 日本 e\u0301 ½ «»')
  })

  test('lone surrogates are dropped', () => {
    expect(sanitizeString('a\ud800b\udc00c')).toBe('abc')
  })

  test('empty string', () => {
    expect(sanitizeString('')).toBe('')
  })
})

describe('isGoSpace (Go unicode.IsSpace, also .helmignore trimming)', () => {
  test("Latin-1: exactly Go's list '\\t', '\\n', '\\v', '\\f', '\\r', ' ', U+0085 (NEL), U+00A0 (NBSP)", () => {
    const go = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0])
    const differ: number[] = []
    for (let cp = 0; cp <= 0xff; cp++) if (isGoSpace(cp) !== go.has(cp)) differ.push(cp)
    expect(differ).toEqual([])
  })

  test("above Latin-1: the Unicode White_Space property (as the JS engine's Unicode tables have it): the BMP, where all of it lies, and a sample above", () => {
    const differ: number[] = []
    const white = /\p{White_Space}/u
    for (const cp of [...Array.from({ length: 0xff00 }, (_, i) => 0x100 + i), 0x10000, 0x1f600, 0xe0020, 0x10ffff])
      if (isGoSpace(cp) !== white.test(String.fromCodePoint(cp))) differ.push(cp)
    expect(differ).toEqual([])
  })
})
