/**
 * Go `encoding/json.Marshal` output, byte for byte. Helm's config blob and
 * manifest are Go-marshalled; their digests only match if we escape and order
 * exactly as Go does (HTML escaping of < > &, U+2028/U+2029, sorted map keys).
 *
 * Plain objects are written in insertion order (Go struct field order: the
 * caller builds them in that order and leaves out empty `omitempty` fields);
 * a `GoMap` is written with keys sorted by UTF-8 bytes, as Go sorts map keys.
 */

export class GoMap {
  constructor(readonly entries: Record<string, unknown>) {}
}

/** Marks a plain object as a Go map (keys sorted on output). */
export const goMap = (entries: Record<string, unknown>): GoMap => new GoMap(entries)

export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

export function goQuote(s: string): string {
  let out = '"'
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + s[i + 1]
        i++
      } else out += '\\ufffd'
      continue
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\\ufffd'
      continue
    }
    switch (c) {
      case 0x22:
        out += '\\"'
        break
      case 0x5c:
        out += '\\\\'
        break
      case 0x0a:
        out += '\\n'
        break
      case 0x0d:
        out += '\\r'
        break
      case 0x09:
        out += '\\t'
        break
      case 0x08:
        out += '\\b'
        break
      case 0x0c:
        out += '\\f'
        break
      case 0x3c:
        out += '\\u003c'
        break
      case 0x3e:
        out += '\\u003e'
        break
      case 0x26:
        out += '\\u0026'
        break
      case 0x2028:
        out += '\\u2028'
        break
      case 0x2029:
        out += '\\u2029'
        break
      default:
        out += c < 0x20 ? `\\u00${c.toString(16).padStart(2, '0')}` : s[i]
    }
  }
  return out + '"'
}

/** Go's float64 formatting ('f' inside [1e-6, 1e21), else 'e' with a two-digit exponent). */
export function goNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${n}`)
  const abs = Math.abs(n)
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2')
  }
  return String(n)
}

export function goMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return goQuote(value)
  if (typeof value === 'number') return goNumber(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (Array.isArray(value)) return `[${value.map(goMarshal).join(',')}]`
  if (value instanceof GoMap) {
    const keys = Object.keys(value.entries).sort(compareUtf8)
    return `{${keys.map((k) => `${goQuote(k)}:${goMarshal(value.entries[k])}`).join(',')}}`
  }
  if (typeof value === 'object') {
    // Values decoded from YAML/JSON (e.g. import-values) are Go maps too.
    if (Object.getPrototypeOf(value) === Object.prototype && !(value as { [ORDERED]?: true })[ORDERED]) {
      return goMarshal(new GoMap(value as Record<string, unknown>))
    }
    const parts: string[] = []
    for (const [k, v] of Object.entries(value)) if (v !== undefined) parts.push(`${goQuote(k)}:${goMarshal(v)}`)
    return `{${parts.join(',')}}`
  }
  throw new Error(`json: unsupported type: ${typeof value}`)
}

const ORDERED = Symbol.for('helm-oci-publish.goStruct')

/**
 * Marks an object as a Go struct: fields written in insertion order,
 * `undefined` fields left out (the caller applies `omitempty`).
 */
export function goStruct<T extends object>(fields: T): T {
  Object.defineProperty(fields, ORDERED, { value: true, enumerable: false })
  return fields
}
