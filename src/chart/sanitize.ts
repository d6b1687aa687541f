/**
 * Helm's `sanitizeString` (pkg/chart metadata.go), applied to Chart.yaml
 * fields before validation and serialization, so the packaged Chart.yaml and
 * the OCI config carry the same text Helm would write.
 */

/** Go `unicode.IsSpace`: Latin-1 spaces plus the White_Space property (Go's table, by code point). */
export function isGoSpace(cp: number): boolean {
  return (
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x20 ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  )
}

/** Go `unicode.IsPrint`: categories L, M, N, P, S, and U+0020 as the only space. */
const GO_PRINT = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u

/**
 * Spaces (per Go) become ' ', non-printable runes are dropped. Lone
 * surrogates are dropped too (Go would have rejected such text earlier).
 */
export function sanitizeString(s: string): string {
  let out = ''
  // for..of iterates code points; a lone surrogate comes through as one unit.
  for (const ch of s) {
    if (isGoSpace(ch.codePointAt(0)!)) {
      out += ' '
    } else if (GO_PRINT.test(ch)) {
      out += ch
    }
  }
  return out
}
