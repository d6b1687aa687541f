/**
 * `sigs.k8s.io/yaml.Marshal` as Helm uses it to regenerate Chart.yaml and
 * Chart.lock: the value goes through Go JSON, then go-yaml v2 emits it with
 * keys sorted (its own natural order), 2-space indentation, sequences not indented under their key,
 * strings plain unless they would read back as another type, and long plain
 * or single-quoted scalars folded at the first space past column 80.
 */
const BEST_WIDTH = 80

// go-yaml v2 resolve.go: the plain scalars that read back as bool, null, +-inf or nan. ("<<" is in its table too, but a
// scalar starting with "<" is never looked up there, so "<<" stays plain.)
const BOOL_OR_NULL = new Set(
  'y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL ~ .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF .nan .NaN .NAN'.split(
    ' '
  )
)
/** Go `strconv.ParseInt(s, 0, 64)` / `ParseUint` syntax (underscores already removed): sign, then 0x, 0b, 0o, 0 or decimal. */
const INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/
// go-yaml's timestamp layouts as Go's time.Parse reads them: "2006-1-2T15:4:5.999999999Z07:00" (T or t), "2006-1-2
// 15:4:5.999999999" (a layout space takes a run of spaces) and "2006-1-2"; a fraction may use a comma.
const DATE = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`
const TIME = String.raw`(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?`
const TIMESTAMPS = [new RegExp(`^${DATE}[Tt]${TIME}(?:Z|[-+]\\d\\d:\\d\\d)$`), new RegExp(`^${DATE} +${TIME}$`), new RegExp(`^${DATE}$`)]

/** Go `ParseInt(plain, 0, 64)` or `ParseUint(plain, 0, 64)` succeeds (in range). */
function goInt(plain: string): boolean {
  const m = INT.exec(plain)
  if (!m) return false
  const digits = m[2]
  // A leading-0 octal is read as decimal here (a larger value): go-yaml takes any all-digit text it cannot read as an
  // int as a float, quoted just the same, so only hex, binary and 0o values need their range.
  const v = BigInt(digits)
  // ParseUint takes no sign, so a signed value must fit int64.
  return m[1] === '-' ? v <= 2n ** 63n : m[1] === '+' ? v < 2n ** 63n : v < 2n ** 64n
}

/** Go `time.Parse` with one of go-yaml's layouts succeeds (fields in range, the day in its month). */
function goTimestamp(s: string): boolean {
  for (const layout of TIMESTAMPS) {
    const m = layout.exec(s)
    if (!m) continue
    const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x))) as number[]
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return days !== undefined && day >= 1 && day <= days && hour < 24 && minute < 60 && second < 60
  }
  return false
}

/** Would go-yaml v2 resolve this plain scalar to something other than a string? */
function resolvesToNonString(s: string): boolean {
  if (s === '') return true
  if (BOOL_OR_NULL.has(s)) return true
  // resolve.go looks no further than its table for the first character: a sign or digit may start a number or a
  // timestamp, a '.' a float (Go's ParseFloat of the text itself: an underscore only between two digits); any other
  // character (an '_' too) starts a string.
  if (s.startsWith('.')) return !/(?<![0-9])_|_(?![0-9])/.test(s) && goFloatText(s.replace(/_/g, ''))
  if (!/^[-+0-9]/.test(s)) return false
  // A float only if Go's ParseFloat takes it: one that overflows to infinity is an error there, so a string.
  const plain = s.replace(/_/g, '')
  if (goInt(plain) || goFloatText(plain)) return true
  // resolve.go's own "0b" fallback: ParseInt of what follows, in base 2, which may carry a sign ("0b-1").
  const signedBinary = /^0b([-+])([01]+)$/.exec(plain)
  if (signedBinary && goInt(`${signedBinary[1]}0b${signedBinary[2]}`)) return true
  return BASE60.test(s) || goTimestamp(s)
}

/** go-yaml's float syntax that Go's ParseFloat takes (in range). */
const goFloatText = (plain: string): boolean => FLOAT.test(plain) && Number.isFinite(Number(plain))

/**
 * go-yaml v2 `is_printable` (yamlprivateh.go, unicode output on): LF, ASCII 0x20-0x7E, U+00A0-U+D7FF and
 * U+E000-U+FFFD but the BOM. Not tab, not U+0085, nothing past the BMP (an emoji is written as \U0001F680).
 * U+2028/U+2029 are printable line breaks there; here they count as not printable (see the note on scalar).
 */
const isPrintable = (c: string): boolean => {
  const cp = c.codePointAt(0)!
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff && cp !== 0x2028 && cp !== 0x2029) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  )
}

/**
 * libyaml `yaml_emitter_analyze_scalar`, reduced to what picks the style. Text with a line break never gets to plain or
 * single-quoted style here (scalar writes it as a literal block or double-quoted; a key with one goes after "? "), so
 * what libyaml tracks only to rule those out for it (a break at either end, a space after a break) is left out.
 */
function analyze(s: string): { plain: boolean; singleQuoted: boolean; block: boolean; multiline: boolean } {
  let indicator = false
  let special = false
  let lineBreaks = false
  let spaceBreak = false
  const chars = [...s]
  chars.forEach((c, i) => {
    // An indicator needs a blank after it: a space or the end (a tab or line break makes the text special or
    // multi-line, which rules out plain style anyway).
    const blankNext = i === chars.length - 1 || chars[i + 1] === ' '
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) indicator = true
      if ((c === '?' || c === ':' || c === '-') && blankNext) indicator = true
    } else {
      // Flow indicators (,?[]{}) only matter in flow style, which go-yaml never uses here.
      if (c === ':' && blankNext) indicator = true
      if (c === '#' && chars[i - 1] === ' ') indicator = true
    }
    if (!isPrintable(c)) special = true
    if (c === '\n') {
      lineBreaks = true
      if (chars[i - 1] === ' ') spaceBreak = true
    }
  })
  const trailingSpace = s.endsWith(' ')
  // "---" and "..." would read as document markers.
  const plain = !indicator && !s.startsWith('---') && !s.startsWith('...') && !s.startsWith(' ') && !trailingSpace && !special
  // A literal block cannot carry a trailing space, a space before a line break or an escape.
  return { plain, singleQuoted: !special, block: !trailingSpace && !spaceBreak && !special, multiline: lineBreaks }
}

/** Writes text, replacing a space by a line break once past the width (libyaml write_plain / write_single_quoted). */
function folded(text: string, startColumn: number, indent: number, allowBreaks: boolean): string {
  if (!allowBreaks) return text
  let out = ''
  let column = startColumn
  let spaces = false
  const chars = [...text]
  chars.forEach((c, i) => {
    if (c === ' ') {
      if (!spaces && column > BEST_WIDTH && i !== 0 && i !== chars.length - 1 && chars[i + 1] !== ' ') {
        out += '\n' + ' '.repeat(indent)
        column = indent
      } else {
        out += c
        column++
      }
      spaces = true
    } else {
      out += c
      column++
      spaces = false
    }
  })
  return out
}

/** go-yaml's short escapes in double quotes (yaml_emitter_write_double_quoted_scalar). */
const ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\u0085': 'N',
  '\u2028': 'L',
  '\u2029': 'P'
}

/** A double-quoted scalar starting at `column`, folded at a space once past the width (a following space escaped). */
function doubleQuoted(s: string, column: number, indent: number, allowBreaks: boolean): string {
  let out = '"'
  let col = column + 1
  let spaces = false
  const chars = [...s]
  chars.forEach((c, i) => {
    const code = c.codePointAt(0)!
    if (!isPrintable(c) || c === '\n' || c === '"' || c === '\\') {
      const e =
        ESCAPES[c] ??
        (code <= 0xff
          ? `x${code.toString(16).toUpperCase().padStart(2, '0')}`
          : code <= 0xffff
            ? `u${code.toString(16).toUpperCase().padStart(4, '0')}`
            : `U${code.toString(16).toUpperCase().padStart(8, '0')}`)
      out += `\\${e}`
      col += 1 + e.length
      spaces = false
    } else if (c === ' ') {
      if (allowBreaks && !spaces && col > BEST_WIDTH && i > 0 && i < chars.length - 1) {
        out += '\n' + ' '.repeat(indent)
        col = indent
        if (chars[i + 1] === ' ') {
          out += '\\'
          col++
        }
      } else {
        out += c
        col++
      }
      spaces = true
    } else {
      out += c
      col++
      spaces = false
    }
  })
  return out + '"'
}

function literal(s: string, indent: number): string {
  // A text of line breaks only keeps them all ('+'), as libyaml's block scalar hints do.
  const chomp = s === '\n' || s.endsWith('\n\n') ? '+' : s.endsWith('\n') ? '' : '-'
  const indicator = s.startsWith(' ') || s.startsWith('\n') ? String(2) : ''
  const body = s.endsWith('\n') ? s.slice(0, -1) : s
  const lines = body.split('\n').map((l) => (l === '' ? '' : ' '.repeat(indent) + l))
  return `|${indicator}${chomp}\n${lines.join('\n')}`
}

/** One string scalar at `column`, continuation lines indented by `indent`. */
function scalar(s: string, column: number, indent: number, simpleKey: boolean): string {
  const a = analyze(s)
  // go-yaml v2 asks for a literal block when the text has a newline, else for plain style unless the text would
  // read back as another type; the emitter falls back to single, then double quotes when a style cannot hold it.
  // (Not followed: a text whose only line breaks are U+2028/U+2029 goes single-quoted there, double-quoted here.)
  if (a.multiline && !simpleKey) return a.block ? literal(s, indent) : doubleQuoted(s, column, indent, true)
  if (resolvesToNonString(s)) return doubleQuoted(s, column, indent, !simpleKey)
  if (a.plain) return folded(s, column, indent, !simpleKey)
  if (a.singleQuoted) return "'" + folded(s.replace(/'/g, "''"), column + 1, indent, !simpleKey) + "'"
  return doubleQuoted(s, column, indent, !simpleKey)
}

/**
 * A JSON number as go-yaml writes it back: text in int64/uint64 range reads as an int and keeps its digits; anything
 * else is a float, written by Go's `strconv.FormatFloat(f, 'g', -1, 64)`, with an exponent below 1e-4 and from 1e6 up.
 * (JavaScript's number text is Go's json.Marshal text for the same float64, which is what Helm feeds go-yaml.)
 */
function goFloat(n: number): string {
  const text = String(n)
  if (goInt(text)) return text
  // toExponential: the shortest digits, then "e", a sign and the exponent; Go writes at least two exponent digits.
  const [m, e] = n.toExponential().split('e')
  const exp = parseInt(e, 10)
  if (exp < -4 || exp >= 6) return `${m}e${e[0]}${e.slice(1).padStart(2, '0')}`
  return text
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

const isLetter = (c: string): boolean => /\p{L}/u.test(c)
const isDigit = (c: string): boolean => /\p{Nd}/u.test(c)
/** The value of the run of digits at `i` (Go subtracts '0' from each rune, in int64 that wraps) and where the run ends. */
function digitRun(r: string[], i: number, start: bigint): [value: bigint, end: number] {
  let n = start
  let k = i
  for (; k < r.length && isDigit(r[k]); k++) n = BigInt.asIntN(64, n * 10n + BigInt(r[k].codePointAt(0)! - 0x30))
  return [n, k]
}

/**
 * go-yaml v2's order of string keys (sorter.go keyList.Less): rune by rune, a letter sorts after any other
 * character, and runs of digits compare by value ("a2" before "a10"), so this is not byte order.
 */
function keyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i])
    const bl = isLetter(br[i])
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!
    if (al || bl) return bl
    // A '0' continuing a number that already has a non-zero digit before it counts as part of that number.
    let start = 0n
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          start = 1n
          break
        }
      }
    }
    const [an, ai] = digitRun(ar, i, start)
    const [bn, bi] = digitRun(br, i, start)
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!
  }
  return ar.length < br.length
}

const compareKeys = (a: string, b: string): number => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0)

function simple(v: Json, column: number, indent: number): string | undefined {
  if (v === null) return 'null'
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'number') return goFloat(v)
  if (typeof v === 'string') return scalar(v, column, indent, false)
  if (Array.isArray(v) && v.length === 0) return '[]'
  if (!Array.isArray(v) && Object.keys(v).length === 0) return '{}'
  return undefined
}

function mapping(obj: { [k: string]: Json }, indent: number, firstInline: boolean): string {
  const keys = Object.keys(obj).sort(compareKeys)
  let out = ''
  keys.forEach((k, i) => {
    const pad = i === 0 && firstInline ? '' : ' '.repeat(indent)
    const v = obj[k]
    // emitterc.go check_simple_key: a key over 128 bytes or with a line break goes after "? ", its value after ": ".
    if (Buffer.byteLength(k) > 128 || /[\r\n\u0085\u2028\u2029]/.test(k)) {
      out += `${pad}? ${scalar(k, indent + 2, indent + 2, false)}\n${' '.repeat(indent)}: `
      const inline = simple(v, indent + 2, indent + 2)
      if (inline !== undefined) out += `${inline}\n`
      else if (Array.isArray(v)) out += sequence(v, indent + 2).trimStart()
      else out += mapping(v as { [k: string]: Json }, indent + 2, true)
      return
    }
    const key = scalar(k, indent, indent, true)
    const inline = simple(v, indent + key.length + 2, indent + 2)
    if (inline !== undefined) out += `${pad}${key}: ${inline}\n`
    else if (Array.isArray(v)) out += `${pad}${key}:\n${sequence(v, indent)}`
    else out += `${pad}${key}:\n${mapping(v as { [k: string]: Json }, indent + 2, false)}`
  })
  return out
}

function sequence(arr: Json[], indent: number): string {
  let out = ''
  for (const v of arr) {
    const pad = ' '.repeat(indent)
    const inline = simple(v, indent + 2, indent + 2)
    if (inline !== undefined) out += `${pad}- ${inline}\n`
    else if (Array.isArray(v)) out += `${pad}- ${sequence(v, indent + 2).trimStart()}`
    else out += `${pad}- ${mapping(v as { [k: string]: Json }, indent + 2, true)}`
  }
  return out
}

/** YAML for a JSON document (the output of Go `json.Marshal`), as go-yaml v2 writes it. */
export function jsonToYaml(json: string): string {
  const v = JSON.parse(json) as Json
  // A scalar document's continuation lines are indented by 2 (go-yaml's emitter starts at indent -1 and steps by 2).
  const inline = simple(v, 0, 2)
  if (inline !== undefined) return `${inline}\n`
  return Array.isArray(v) ? sequence(v, 0) : mapping(v as { [k: string]: Json }, 0, false)
}
