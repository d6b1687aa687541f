/**
 * Helm's `sanitizeString` (pkg/chart metadata.go), applied to Chart.yaml
 * fields before validation and serialization, so the packaged Chart.yaml and
 * the OCI config carry the same text Helm would write.
 */

/** Go `unicode.IsSpace`: Latin-1 spaces plus the White_Space property. */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u

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
    if (GO_SPACE.test(ch)) {
      out += ' '
    } else if (GO_PRINT.test(ch)) {
      out += ch
    }
  }
  return out
}
