/**
 * Helm's `pkg/ignore` (rules.go), including its quirks, so the packaged file
 * set is exactly what `helm package` would produce.
 */

import { ChartError } from '../errors'
import { match, PatternError, validatePattern } from './gomatch'
import { isGoSpace } from './sanitize'

/** Go `strings.TrimSpace` (JS `trim` differs: it strips U+FEFF, keeps U+0085). */
function goTrimSpace(s: string): string {
  let start = 0
  let end = s.length
  // All Go space runes are in the BMP, so UTF-16 units suffice.
  while (start < end && isGoSpace(s.charCodeAt(start))) start++
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--
  return s.slice(start, end)
}

/** Go `filepath.Base` for slash-separated paths. */
function goBase(p: string): string {
  if (p === '') return '.'
  while (p.length > 0 && p.endsWith('/')) p = p.slice(0, -1)
  const i = p.lastIndexOf('/')
  if (i >= 0) p = p.slice(i + 1)
  return p === '' ? '/' : p
}

/** Helm logs and treats a match-time pattern error as "no match". */
function safeMatch(pattern: string, name: string): boolean {
  try {
    return match(pattern, name)
  } catch (err) {
    if (err instanceof PatternError) return false
    throw err
  }
}

interface Pattern {
  raw: string
  negate: boolean
  mustDir: boolean
  match: (relPath: string) => boolean
}

/** bufio.Scanner's default MaxScanTokenSize: longer lines fail the parse. */
const MAX_LINE_BYTES = 64 * 1024

class RuleError extends Error {}

function parseRule(line: string): Pattern | undefined {
  let rule = goTrimSpace(line)
  if (rule === '' || rule.startsWith('#')) return undefined
  if (rule.includes('**')) throw new RuleError('double-star (**) syntax is not supported')
  // Helm validates the raw rule (with ! and trailing /) against a non-empty name.
  try {
    validatePattern(rule)
  } catch (err) {
    if (err instanceof PatternError) throw new RuleError(err.message)
    throw err
  }

  const raw = rule
  let negate = false
  let mustDir = false
  if (rule.startsWith('!')) {
    negate = true
    rule = rule.slice(1)
  }
  if (rule.endsWith('/')) {
    mustDir = true
    rule = rule.slice(0, -1)
  }

  let fn: (n: string) => boolean
  if (rule.startsWith('/')) {
    // Anchored to the chart root: one leading '/' removed, once (Helm 4's CutPrefix; Helm 3 removed one more on every
    // match, so `//x` matched "/x" first and "x" afterwards).
    const r = rule.slice(1)
    fn = (n) => safeMatch(r, n)
  } else if (rule.includes('/')) {
    fn = (n) => safeMatch(rule, n)
  } else {
    fn = (n) => safeMatch(rule, goBase(n))
  }
  return { raw, negate, mustDir, match: fn }
}

/** Split like bufio.ScanLines: on '\n', no empty last line ('\r' is dropped by the caller). */
function scanLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

export class IgnoreRules {
  private readonly patterns: Pattern[] = []

  private constructor() {}

  /** Helm `ignore.Empty()`. */
  static empty(): IgnoreRules {
    return new IgnoreRules()
  }

  /**
   * Helm `ignore.Parse`. `file` is the path shown in errors (default
   * `.helmignore`). Throws ChartError naming the line of the bad rule.
   */
  static parse(text: string, file = '.helmignore'): IgnoreRules {
    const rules = new IgnoreRules()
    const lines = scanLines(text)
    lines.forEach((rawLine, idx) => {
      const lineNo = idx + 1
      // The scanner's buffer holds the line including any '\r'.
      if (Buffer.byteLength(rawLine, 'utf8') >= MAX_LINE_BYTES) {
        throw new ChartError(`${file}: line ${lineNo}: bufio.Scanner: token too long`, {
          file,
          hint: 'Helm cannot read .helmignore lines of 64 KiB or more; shorten the line'
        })
      }
      let line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine
      // Only the first line may carry a UTF-8 BOM.
      if (idx === 0 && line.startsWith('\uFEFF')) line = line.slice(1)
      try {
        const p = parseRule(line)
        if (p) rules.patterns.push(p)
      } catch (err) {
        if (!(err instanceof RuleError)) throw err
        // The line itself is never quoted: .helmignore may be a link to a file that holds secrets.
        throw new ChartError(`${file}: line ${lineNo}: invalid rule: ${err.message}`, {
          file,
          hint: err.message.startsWith('double-star')
            ? 'Helm .helmignore does not support "**"; use one rule per directory level or a directory rule such as "dir/"'
            : 'Fix the glob (Go filepath.Match syntax: *, ?, [a-z], [^...], \\ escapes) or escape the special character'
        })
      }
    })
    return rules
  }

  /** Helm `AddDefaults`: ignore dotfiles under templates/. */
  addDefaults(): this {
    const p = parseRule('templates/.?*')
    if (p) this.patterns.push(p)
    return this
  }

  /**
   * Helm `Rules.Ignore`. `relPath` is slash-separated and relative to the
   * chart directory. Note Helm's negation: a `!` rule that does not match
   * ignores the path outright; one that matches only lets evaluation go on.
   */
  ignore(relPath: string, isDir: boolean): boolean {
    // Never ignore the chart root (helm/helm#1776).
    if (relPath === '' || relPath === '.' || relPath === './') return false
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true
        if (!p.match(relPath)) return true
        continue
      }
      if (p.mustDir && !isDir) continue
      if (p.match(relPath)) return true
    }
    return false
  }
}
