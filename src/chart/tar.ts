/**
 * Tar headers exactly as Go's archive/tar writes `tar.Header{Name, Mode: 0644,
 * Size, ModTime}` (what Helm's chartutil.Save uses), and the header rules of
 * the archives Helm accepts (USTAR, PAX, GNU long names), for the archive
 * reader (archive.ts) and `verifyTar`.
 */

import { ByteQueue } from './byte-queue'

export const BLOCK = 512
/** PAX and GNU long-name records are a few hundred bytes. */
export const MAX_META = 1024 * 1024

/** Go's `toASCII`: drops every non-ASCII character (used for the fallback USTAR name of a PAX entry). */
const toASCII = (s: string): string => s.replace(/\P{ASCII}/gu, '')
const isASCII = (s: string): boolean => /^\p{ASCII}*$/u.test(s)

function octal(buf: Buffer, offset: number, length: number, value: number): void {
  // Go writes length-1 octal digits, zero-padded, then NUL.
  buf.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, length, 'latin1')
}

/** Go's `splitUSTARPath`: a name that fits as prefix (≤155) + "/" + name (≤100). */
function splitUstar(name: string): [string, string] | undefined {
  const bytes = Buffer.byteLength(name)
  if (bytes <= 100) return ['', name]
  if (bytes > 256) return undefined
  let i = Math.min(155, name.length - 1)
  // Go searches for the last '/' within the prefix limit.
  i = name.lastIndexOf('/', i)
  if (i <= 0) return undefined
  const prefix = name.slice(0, i)
  const rest = name.slice(i + 1)
  if (rest === '' || Buffer.byteLength(rest) > 100 || Buffer.byteLength(prefix) > 155) return undefined
  return [prefix, rest]
}

function header(opts: { name: string; prefix?: string; mode: number; size: number; mtime: number; type: string }): Buffer {
  const h = Buffer.alloc(BLOCK)
  h.write(opts.name, 0, 100, 'utf8')
  octal(h, 100, 8, opts.mode)
  octal(h, 108, 8, 0)
  octal(h, 116, 8, 0)
  octal(h, 124, 12, opts.size)
  octal(h, 136, 12, opts.mtime)
  h.write(opts.type, 156, 1, 'latin1')
  h.write('ustar\x0000', 257, 8, 'latin1')
  octal(h, 329, 8, 0)
  octal(h, 337, 8, 0)
  if (opts.prefix) h.write(opts.prefix, 345, 155, 'utf8')
  h.fill(0x20, 148, 156)
  let sum = 0
  for (const b of h) sum += b
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1')
  return h
}

/** One PAX record: "<len> key=value\n", where len counts itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`
  const n = Buffer.byteLength(body)
  let len = n + String(n).length
  if (String(len).length !== String(n).length) len = n + String(len).length
  return `${len}${body}`
}

const pad = (size: number): Buffer => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK)

/**
 * The header block(s) for a regular file. `mtime` in ms since the epoch is
 * rounded to the nearest second, as Go's `time.Round(time.Second)` does.
 */
export function fileHeader(name: string, size: number, mtimeMs: number): Buffer {
  const mtime = Math.floor((mtimeMs + 500) / 1000)
  const split = isASCII(name) ? splitUstar(name) : undefined
  if (split) return header({ name: split[1], prefix: split[0], mode: 0o644, size, mtime, type: '0' })
  // Go falls back to a PAX extended header carrying the full UTF-8 path.
  const records = Buffer.from(paxRecord('path', name), 'utf8')
  // Go: path.Join(dir, "PaxHeaders.0", file)
  const slash = name.lastIndexOf('/')
  const dir = slash >= 0 ? `${name.slice(0, slash)}/` : ''
  let paxName = toASCII(`${dir}PaxHeaders.0/${name.slice(slash + 1)}`)
  if (paxName.length > 100) paxName = paxName.slice(0, 100)
  const pax = header({ name: paxName, mode: 0, size: records.length, mtime: 0, type: 'x' })
  const main = header({ name: toASCII(name).slice(0, 100), mode: 0o644, size, mtime, type: '0' })
  return Buffer.concat([pax, records, pad(records.length), main])
}

/** Zero padding after `size` bytes of content. */
export const padding = pad

/** The end-of-archive marker: two zero blocks, without padding to a record (Go). */
export const trailer = (): Buffer => Buffer.alloc(2 * BLOCK)

/** Whether a block is all zeros: the first half of the end-of-archive marker, or padding after it. */
export const isZeroBlock = (b: Buffer): boolean => b.every((x) => x === 0)

/** A NUL-terminated field's bytes (Go's parseString): up to its first NUL, else the whole field. */
export function fieldBytes(buf: Buffer, offset: number, length: number): Buffer {
  const end = buf.indexOf(0, offset)
  return buf.subarray(offset, end < 0 || end > offset + length ? offset + length : end)
}

/** A NUL-terminated field as UTF-8 text. */
export const cstring = (buf: Buffer, offset: number, length: number): string => fieldBytes(buf, offset, length).toString('utf8')

/**
 * An entry's name as Go's archive/tar gives it: the GNU long name, else the PAX path (each only when not empty;
 * Go applies the long name last, so it wins), else the header's name, after the prefix field only under the POSIX
 * magic "ustar\0" (a GNU header keeps times there). `text` decodes the header's bytes.
 */
export function entryName(h: Buffer, pax: Record<string, string>, longName: string | undefined, text = (b: Buffer): string => b.toString('utf8')): string {
  if (longName) return longName
  if (pax.path) return pax.path
  const name = text(fieldBytes(h, 0, 100))
  const prefix = h.toString('latin1', 257, 263) === 'ustar\0' ? text(fieldBytes(h, 345, 155)) : ''
  return prefix ? `${prefix}/${name}` : name
}

/**
 * Whether Helm's loader takes an entry for a directory (Go's `FileInfo().IsDir()`): type 5, an old-style entry
 * (type NUL) whose name ends in "/", or a mode whose file-type bits are those of a directory.
 */
export function isDirectory(h: Buffer, name: string, mode: number): boolean {
  return h[156] === 0x35 || (h[156] === 0 && name.endsWith('/')) || mode - (mode % 0o10000) === 0o40000
}

/** `strconv.ParseInt(v, 10, 64)` succeeds. */
const isInt64 = (v: string): boolean => /^[+-]?[0-9]+$/.test(v) && BigInt(v) >= -(BigInt(2) ** BigInt(63)) && BigInt(v) < BigInt(2) ** BigInt(63)
/** Go's parsePAXTime: <int64 seconds>[.<digits>]. */
const isPaxTime = (v: string): boolean => {
  const dot = v.indexOf('.')
  return dot < 0 ? isInt64(v) : isInt64(v.slice(0, dot)) && /^[0-9]*$/.test(v.slice(dot + 1))
}
/** The PAX values archive/tar parses (mergePAX); an empty one keeps the header's value and is not parsed. */
const PAX_VALUES: Record<string, (v: string) => boolean> = { uid: isInt64, gid: isInt64, size: isInt64, atime: isPaxTime, mtime: isPaxTime, ctime: isPaxTime }
/** Keys whose value may not hold a NUL (validPAXRecord); any other key may not. */
const PAX_NAMES = new Set(['path', 'linkpath', 'uname', 'gname'])

/**
 * PAX records as Go's archive/tar reads them (parsePAXRecord, validPAXRecord, mergePAX): "<len> key=value\n", the
 * decimal length counting the whole record and at least 5, a key that is not empty, no NUL in a key or in a path or
 * name, and uid, gid, size and times that parse. Throws `TarFormatError` (`at`: the extended header's offset).
 */
export function parsePax(data: Buffer, at = 0): Record<string, string> {
  const out: Record<string, string> = {}
  const malformed = (): never => {
    throw new TarFormatError('malformed PAX record', at)
  }
  for (let i = 0; i < data.length;) {
    const sp = data.indexOf(0x20, i)
    const digits = sp < 0 ? '' : data.toString('latin1', i, sp)
    const len = /^\+?[0-9]+$/.test(digits) ? Number(digits) : NaN
    if (!(len >= 5) || i + len > data.length || len <= digits.length + 1 || data[i + len - 1] !== 0x0a) malformed()
    const rec = data.subarray(sp + 1, i + len - 1)
    const eq = rec.indexOf(0x3d)
    if (eq <= 0) malformed()
    const key = rec.toString('utf8', 0, eq)
    const value = rec.subarray(eq + 1)
    if ((PAX_NAMES.has(key) ? value : rec.subarray(0, eq)).includes(0)) malformed()
    out[key] = value.toString('utf8')
    i += len
  }
  for (const [key, value] of Object.entries(out)) {
    if (value && PAX_VALUES[key] && !PAX_VALUES[key](value)) throw new TarFormatError(`PAX record ${key} is not a number: ${JSON.stringify(value)}`, at)
  }
  return out
}

/**
 * How many bytes of data follow an entry's header, as Go reads it: none for the types that are a header only
 * (links, devices, directories, FIFOs: isHeaderOnlyType), else the PAX size when there is one, else the header's.
 */
export function dataSize(type: string, size: number, pax: Record<string, string>, at: number): number {
  if ('123456'.includes(type)) return 0
  const n = pax.size ? Number(pax.size) : size
  if (n < 0) throw new TarFormatError(`the PAX size ${n} is negative`, at)
  return n
}

/** `size` bytes and the padding to a whole block. */
export const padded = (size: number): number => size + ((BLOCK - (size % BLOCK)) % BLOCK)

/** The headers that describe the next entry (PAX, global PAX, GNU long name and long link name): data read by their own size. */
export const isMeta = (type: string): boolean => type === 'x' || type === 'g' || type === 'L' || type === 'K'

/** Where and why `verifyTar` rejects an archive. */
export class TarFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(`${message} (at byte ${offset} of the tar stream)`)
  }
}

const OCTAL = /^[0-7]*$/

/**
 * A numeric header field as archive/tar parses it: octal digits with spaces/NULs around (what follows a NUL inside
 * is ignored), or GNU base-256 (bit 0x40 of the first byte the sign, the value below 2^64).
 */
function strictNumber(h: Buffer, offset: number, length: number, field: string, at: number): number {
  if (h[offset] & 0x80) {
    const inv = h[offset] & 0x40 ? 0xff : 0
    let v = 0
    for (let i = offset; i < offset + length; i++) {
      if (v >= 2 ** 56) throw new TarFormatError(`header field ${field} overflows 64 bits`, at)
      v = v * 256 + ((h[i] ^ inv) & (i === offset ? 0x7f : 0xff))
    }
    return inv ? -v - 1 : v
  }
  const s = h.toString('latin1', offset, offset + length).replace(/^[ \0]+|[ \0]+$/g, '')
  const digits = s.split('\0', 1)[0]
  if (!OCTAL.test(digits)) throw new TarFormatError(`header field ${field} is not an octal number: ${JSON.stringify(s)}`, at)
  return digits ? parseInt(digits, 8) : 0
}

/**
 * Checks a (non-zero) header block as Go's archive/tar does before it accepts
 * it: the checksum (unsigned or signed sum, the field counted as spaces) and
 * every numeric field it parses. Returns the entry's size, mode and mtime; throws `TarFormatError`.
 */
export function checkHeader(h: Buffer, at: number): { size: number; mode: number; mtime: number } {
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : h[i]
    unsigned += b
    signed += b > 127 ? b - 256 : b
  }
  const recorded = strictNumber(h, 148, 8, 'chksum', at)
  if (recorded !== unsigned && recorded !== signed) throw new TarFormatError(`header checksum ${recorded} does not match the header (${unsigned})`, at)
  const mode = strictNumber(h, 100, 8, 'mode', at)
  strictNumber(h, 108, 8, 'uid', at)
  strictNumber(h, 116, 8, 'gid', at)
  const mtime = strictNumber(h, 136, 12, 'mtime', at)
  const size = strictNumber(h, 124, 12, 'size', at)
  if (size < 0) throw new TarFormatError(`header field size is negative (${size})`, at)
  return { size, mode, mtime }
}

/**
 * Checks an uncompressed tar stream strictly, as a careful reader would:
 * every header's checksum, its numeric fields, each entry's data and padding
 * inside the stream, and the end-of-archive marker (two zero blocks) followed
 * by nothing but zeros. Returns the entry names (PAX/GNU long names applied)
 * in archive order. Throws `TarFormatError`.
 */
export async function verifyTar(tar: AsyncIterable<Buffer>): Promise<string[]> {
  const q = new ByteQueue(tar[Symbol.asyncIterator]())
  const names: string[] = []
  let off = 0
  let pax: Record<string, string> = {}
  let longName: string | undefined
  for (;;) {
    const h = await q.take(BLOCK)
    if (!h) throw new TarFormatError(q.buffered ? 'the stream ends inside a header block' : 'the end-of-archive marker (two zero blocks) is missing', off)
    if (isZeroBlock(h)) {
      const next = await q.take(BLOCK)
      if (!next) throw new TarFormatError('the end-of-archive marker is one zero block instead of two', off)
      if (!isZeroBlock(next)) throw new TarFormatError('a zero block is followed by a header', off)
      for await (const rest of q.rest()) if (!isZeroBlock(rest)) throw new TarFormatError('data follows the end-of-archive marker', off + 2 * BLOCK)
      return names
    }
    const header = checkHeader(h, off)
    const type = String.fromCharCode(h[156] || 0x30)
    const size = isMeta(type) ? header.size : dataSize(type, header.size, pax, off)
    const pastEnd = (): never => {
      throw new TarFormatError(`entry data (${size} bytes and padding) runs past the end of the stream`, off)
    }
    let data: Buffer = Buffer.alloc(0)
    // Only metadata entries are read; file contents are passed over (the loader reads them, with its limits).
    if (isMeta(type)) {
      if (size > MAX_META) throw new TarFormatError(`an extended header of ${size} bytes is larger than ${MAX_META}`, off)
      data = (await q.take(padded(size)))?.subarray(0, size) ?? pastEnd()
    } else if (!(await q.skip(padded(size)))) pastEnd()
    if (type === 'x' || type === 'g') {
      const records = parsePax(data, off)
      if (type === 'x') pax = records
    } else if (type === 'L') longName = cstring(data, 0, data.length)
    else if (type !== 'K') {
      const name = entryName(h, pax, longName)
      if (!name) throw new TarFormatError('an entry has an empty name', off)
      names.push(name)
      pax = {}
      longName = undefined
    }
    off += BLOCK + padded(size)
  }
}
