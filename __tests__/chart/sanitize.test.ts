import { sanitizeString } from '../../src/chart/sanitize'

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
