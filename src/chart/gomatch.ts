/**
 * Go's Unix `filepath.Match` (what Helm's pkg/ignore calls), ported line by
 * line from the Go standard library so that .helmignore rules select exactly
 * the files Helm selects. Not `path.Match`: that one also checks the rest of
 * the pattern after a failed chunk, so it refuses rules such as `x*[z-` that
 * Helm accepts. Matching runs on UTF-8 bytes like Go does (a `*` may resume inside
 * a multi-byte rune, where `?` then eats one stray byte) — this matters only
 * for odd patterns, but byte-level is the only way to be exact.
 */

/** Go's `path.ErrBadPattern`. */
export class PatternError extends Error {
  constructor() {
    super('syntax error in pattern')
    this.name = 'PatternError'
  }
}

const SLASH = 0x2f
const STAR = 0x2a
const QUESTION = 0x3f
const BACKSLASH = 0x5c
const LBRACKET = 0x5b
const RBRACKET = 0x5d
const CARET = 0x5e
const DASH = 0x2d
const RUNE_ERROR = 0xfffd

/** Go `utf8.DecodeRune`: invalid or truncated input yields (RuneError, 1). */
function decodeRune(b: Uint8Array, i: number): [rune: number, size: number] {
  const n = b.length - i
  if (n <= 0) return [RUNE_ERROR, 0]
  const c0 = b[i]
  if (c0 < 0x80) return [c0, 1]
  const bad: [number, number] = [RUNE_ERROR, 1]
  const cont = (k: number): number => (i + k < b.length ? b[i + k] : -1)
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    const c1 = cont(1)
    if (c1 < 0x80 || c1 > 0xbf) return bad
    return [((c0 & 0x1f) << 6) | (c1 & 0x3f), 2]
  }
  if (c0 >= 0xe0 && c0 <= 0xef) {
    const c1 = cont(1)
    // Lower/upper bounds exclude overlong forms and surrogates.
    const lo = c0 === 0xe0 ? 0xa0 : 0x80
    const hi = c0 === 0xed ? 0x9f : 0xbf
    if (c1 < lo || c1 > hi) return bad
    const c2 = cont(2)
    if (c2 < 0x80 || c2 > 0xbf) return bad
    return [((c0 & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f), 3]
  }
  if (c0 >= 0xf0 && c0 <= 0xf4) {
    const c1 = cont(1)
    const lo = c0 === 0xf0 ? 0x90 : 0x80
    const hi = c0 === 0xf4 ? 0x8f : 0xbf
    if (c1 < lo || c1 > hi) return bad
    const c2 = cont(2)
    if (c2 < 0x80 || c2 > 0xbf) return bad
    const c3 = cont(3)
    if (c3 < 0x80 || c3 > 0xbf) return bad
    return [((c0 & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f), 4]
  }
  return bad
}

/** A view of a byte string: Go substrings become (buffer, offset) pairs. */
type Bytes = Uint8Array

/** Go `scanChunk`: optional leading stars, then up to the next unbracketed `*`. */
function scanChunk(p: Bytes, start: number): { star: boolean; chunkStart: number; chunkEnd: number } {
  let i = start
  let star = false
  while (i < p.length && p[i] === STAR) {
    i++
    star = true
  }
  const chunkStart = i
  let inrange = false
  scan: for (; i < p.length; i++) {
    switch (p[i]) {
      case BACKSLASH:
        // Error check happens in matchChunk.
        if (i + 1 < p.length) i++
        break
      case LBRACKET:
        inrange = true
        break
      case RBRACKET:
        inrange = false
        break
      case STAR:
        if (!inrange) break scan
        break
    }
  }
  return { star, chunkStart, chunkEnd: i }
}

/** Go `getEsc`: one possibly escaped rune of a character class. */
function getEsc(p: Bytes, i: number, end: number): [rune: number, next: number] {
  if (i >= end || p[i] === DASH || p[i] === RBRACKET) throw new PatternError()
  if (p[i] === BACKSLASH) {
    i++
    if (i >= end) throw new PatternError()
  }
  const [r, n] = decodeRune(p.subarray(0, end), i)
  if (r === RUNE_ERROR && n === 1) throw new PatternError()
  const next = i + n
  if (next >= end) throw new PatternError()
  return [r, next]
}

/**
 * Go `matchChunk`: returns the index in `s` after the match, or -1. Keeps
 * walking the chunk after a mismatch so malformed chunks always throw.
 */
function matchChunk(p: Bytes, cStart: number, cEnd: number, s: Bytes, sStart: number): number {
  let c = cStart
  let si = sStart
  let failed = false
  while (c < cEnd) {
    if (!failed && si >= s.length) failed = true
    switch (p[c]) {
      case LBRACKET: {
        let r = 0
        if (!failed) {
          const [rr, n] = decodeRune(s, si)
          r = rr
          si += n
        }
        c++
        let negated = false
        if (c < cEnd && p[c] === CARET) {
          negated = true
          c++
        }
        let matched = false
        let nrange = 0
        for (;;) {
          if (c < cEnd && p[c] === RBRACKET && nrange > 0) {
            c++
            break
          }
          const [lo, afterLo] = getEsc(p, c, cEnd)
          c = afterLo
          let hi = lo
          if (p[c] === DASH) {
            const [h, afterHi] = getEsc(p, c + 1, cEnd)
            hi = h
            c = afterHi
          }
          if (lo <= r && r <= hi) matched = true
          nrange++
        }
        if (matched === negated) failed = true
        break
      }
      case QUESTION:
        if (!failed) {
          if (s[si] === SLASH) failed = true
          si += decodeRune(s, si)[1]
        }
        c++
        break
      case BACKSLASH:
        c++
        if (c >= cEnd) throw new PatternError()
      // falls through: the escaped byte is a literal
      default:
        if (!failed) {
          if (p[c] !== s[si]) failed = true
          si++
        }
        c++
    }
  }
  return failed ? -1 : si
}

function hasSlash(s: Bytes, from: number): boolean {
  for (let i = from; i < s.length; i++) if (s[i] === SLASH) return true
  return false
}

/** Go `filepath.Match` on byte strings. */
function matchBytes(p: Bytes, name: Bytes): boolean {
  let pi = 0
  let ni = 0
  pattern: while (pi < p.length) {
    const { star, chunkStart, chunkEnd } = scanChunk(p, pi)
    pi = chunkEnd
    if (star && chunkStart === chunkEnd) {
      // Trailing * matches the rest of the name unless it has a /.
      return !hasSlash(name, ni)
    }
    // Match at the current position; the last chunk must exhaust the name.
    const t = matchChunk(p, chunkStart, chunkEnd, name, ni)
    if (t >= 0 && (t === name.length || pi < p.length)) {
      ni = t
      continue
    }
    if (star) {
      // Retry after skipping i+1 bytes; a star cannot skip '/'.
      for (let i = ni; i < name.length && name[i] !== SLASH; i++) {
        const t2 = matchChunk(p, chunkStart, chunkEnd, name, i + 1)
        if (t2 >= 0) {
          if (pi >= p.length && t2 < name.length) continue
          ni = t2
          continue pattern
        }
      }
    }
    // (filepath.Match does not look at the rest of the pattern here.)
    return false
  }
  return ni === name.length
}

const encoder = new TextEncoder()

/**
 * Reports whether `name` matches the shell pattern, exactly as Go's Unix
 * `filepath.Match`. Throws PatternError for a malformed pattern when the
 * match reads the malformed part (as Go returns ErrBadPattern).
 */
export function match(pattern: string, name: string): boolean {
  return matchBytes(encoder.encode(pattern), encoder.encode(name))
}

/** Throws PatternError if Go's `filepath.Match(p, "abc")` errs: Helm's check of a .helmignore rule. */
export function validatePattern(p: string): void {
  match(p, 'abc')
}
