/**
 * src/chart/tar.ts against an independent tar: archives GNU tar writes (GNU long names and link names, base-256
 * numbers, PAX global headers and per-file records) are read as GNU tar lists them, damaged ones are refused as
 * GNU tar refuses them, and the headers we write follow Go archive/tar's rules (helm-oci-spec §1.9; Go's
 * splitUSTARPath, formatPAXRecord and writePAXHeader) and are read back by GNU tar.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Readable } from 'node:stream'
import { fileHeader, padding, parsePax, trailer, verifyTar } from '../../src/chart/tar'
import { readTar } from '../support/read-tar'

/** verifyTar reads a stream: the buffer as one. */
const verified = (tar: Buffer): Promise<string[]> => verifyTar(Readable.from([tar]))

const dirs: string[] = []
const tmp = (): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'hop-tar-'))
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

const C_UTF8 = { ...process.env, LC_ALL: 'C.UTF-8' }
/** GNU tar's listing of an uncompressed archive (names as it reads them), or undefined when it refuses it. */
function gnuList(tar: Buffer): string[] | undefined {
  const r = spawnSync('tar', ['--quoting-style=literal', '-tf', '-'], { input: tar, env: C_UTF8 })
  if (r.status !== 0 || r.stderr.length) return undefined
  return r.stdout.toString('utf8').split('\n').filter(Boolean)
}
/** GNU tar creating an archive of `names` in `cwd`. */
const gnuTar = (cwd: string, args: string[]): Buffer =>
  execFileSync('tar', ['--sort=name', '--owner=0', '--group=0', ...args, '-cf', '-'], { cwd, env: C_UTF8 })

/** One file as our writer lays it out: header block(s), contents, padding; `trailer()` ends the archive. */
const entry = (name: string, content: string, mtimeMs = 0): Buffer[] => [
  fileHeader(name, Buffer.byteLength(content), mtimeMs),
  Buffer.from(content),
  padding(Buffer.byteLength(content))
]
const archive = (...parts: Buffer[][]): Buffer => Buffer.concat([...parts.flat(), trailer()])

/** The POSIX header checksum (sum of the block's bytes, chksum field counted as spaces), written as Go and GNU tar do. */
function rechecksum(tar: Buffer, at: number, signed = false): void {
  let sum = 0
  for (let i = 0; i < 512; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : tar[at + i]
    sum += signed && b > 127 ? b - 256 : b
  }
  const field = signed && sum < 0 ? `-${(-sum).toString(8).padStart(5, '0')}\0 ` : `${sum.toString(8).padStart(6, '0')}\0 `
  tar.write(field, at + 148, 8, 'latin1')
}

describe('reading what GNU tar writes', () => {
  test('GNU long names (L) and long link names (K): the full names, as GNU tar lists them', async () => {
    const d = tmp()
    const long = 'n'.repeat(150)
    mkdirSync(path.join(d, 'c'))
    writeFileSync(path.join(d, 'c', long), 'hi\n')
    symlinkSync(`c/${long}`, path.join(d, 'c', `link-${'k'.repeat(120)}`))
    const tar = gnuTar(d, ['--format=gnu', 'c'])
    const listed = gnuList(tar)!
    expect(listed).toEqual(['c/', `c/link-${'k'.repeat(120)}`, `c/${long}`])
    const entries = readTar(tar)
    expect(entries.map((e) => e.name)).toEqual(listed)
    expect(entries.map((e) => e.type)).toEqual(['5', '2', '0'])
    expect(entries[2].data.toString()).toBe('hi\n')
    // The K record (the link's target) names no entry of its own.
    await expect(verified(tar)).resolves.toEqual(listed)
  })

  test('a base-256 mtime (past what 11 octal digits hold) is read as GNU tar reads it', async () => {
    const d = tmp()
    writeFileSync(path.join(d, 'f.txt'), 'x')
    const tar = gnuTar(d, ['--format=gnu', '--mtime=@10000000000', 'f.txt'])
    expect(tar[136] & 0x80).toBe(0x80)
    expect(execFileSync('tar', ['-tvf', '-', '--utc'], { input: tar }).toString()).toContain('2286-11-20 17:46 f.txt')
    expect(readTar(tar)[0].mtimeMs).toBe(10000000000 * 1000)
    await expect(verified(tar)).resolves.toEqual(['f.txt'])
  })

  test('a PAX global header is no entry; a per-file PAX mtime (with a fraction) and path win over the header fields', async () => {
    const d = tmp()
    writeFileSync(path.join(d, 'café.txt'), 'x')
    execFileSync('touch', ['-d', '2023-11-14 22:13:20.5', path.join(d, 'café.txt')])
    const tar = gnuTar(d, ['--format=pax', '--pax-option=comment=hello', 'café.txt'])
    expect(tar[156]).toBe('g'.charCodeAt(0))
    expect(gnuList(tar)).toEqual(['café.txt'])
    const entries = readTar(tar)
    expect(entries.map((e) => [e.name, e.mtimeMs])).toEqual([['café.txt', 1700000000500]])
    await expect(verified(tar)).resolves.toEqual(['café.txt'])
  })

  test('a USTAR name with a prefix is joined with "/"; a V7 header (no magic) ignores the prefix field', async () => {
    const d = tmp()
    const dir = 'p'.repeat(120)
    mkdirSync(path.join(d, dir))
    writeFileSync(path.join(d, dir, 'f.txt'), 'x')
    const tar = gnuTar(d, ['--format=ustar', `${dir}/f.txt`])
    expect(tar.toString('latin1', 345, 345 + 120)).toBe(dir)
    expect(readTar(tar).map((e) => e.name)).toEqual([`${dir}/f.txt`])
    await expect(verified(tar)).resolves.toEqual([`${dir}/f.txt`])
    mkdirSync(path.join(d, 'v'))
    writeFileSync(path.join(d, 'v', 'f.txt'), 'x')
    const v7 = gnuTar(d, ['--format=v7', 'v/f.txt'])
    expect(v7.toString('latin1', 257, 263)).not.toMatch(/^ustar/)
    v7.write('junk', 345, 'latin1')
    rechecksum(v7, 0)
    expect(gnuList(v7)).toEqual(['v/f.txt'])
    expect(readTar(v7).map((e) => e.name)).toEqual(['v/f.txt'])
    await expect(verified(v7)).resolves.toEqual(['v/f.txt'])
  })

  test('entry data past the end of the stream is an error, not a short file', async () => {
    const tar = archive(entry('c/a.txt', 'x'.repeat(600)))
    const cut = tar.subarray(0, 512 + 100)
    expect(gnuList(cut)).toBeUndefined()
    expect(() => readTar(cut)).toThrow('unexpected end of tar archive')
    await expect(verified(cut)).rejects.toThrow(/runs past the end of the stream/)
  })
})

describe('refusing what GNU tar refuses', () => {
  // A PAX archive from GNU tar whose first record ("18 path=café.txt\n") is then damaged; the header checksum is fixed up.
  function damagedPax(damage: (records: Buffer) => void): Buffer {
    const d = tmp()
    writeFileSync(path.join(d, 'café.txt'), 'x')
    const tar = gnuTar(d, ['--format=pax', '--pax-option=delete=atime,delete=ctime,delete=mtime', 'café.txt'])
    expect(tar.toString('utf8', 512, 530)).toBe('18 path=café.txt\n')
    damage(tar.subarray(512, 1024))
    rechecksum(tar, 0)
    return tar
  }

  test.each([
    ['a length longer than the records', (r: Buffer) => r.write('99', 0, 'latin1')],
    ['a length shorter than its own digits', (r: Buffer) => r.write('01', 0, 'latin1')],
    ['no "=" in the record', (r: Buffer) => r.write('_', 7, 'latin1')],
    ['a record not ending in a newline', (r: Buffer) => r.write(' ', 17, 'latin1')],
    ['a length that is not a number', (r: Buffer) => r.write('1x', 0, 'latin1')]
  ])('malformed PAX record: %s', async (_what, damage) => {
    const tar = damagedPax(damage)
    expect(gnuList(tar)).toBeUndefined()
    await expect(verified(tar)).rejects.toThrow('malformed PAX record (at byte 0 of the tar stream)')
  })

  test('the undamaged record passes (the fixture is sound)', async () => {
    await expect(verified(damagedPax(() => undefined))).resolves.toEqual(['café.txt'])
  })

  test('a numeric field with a non-octal digit is refused, naming the field', async () => {
    const tar = archive(entry('c/a.txt', 'x'))
    tar.write('9', 124 + 10, 'latin1')
    rechecksum(tar, 0)
    expect(gnuList(tar)).toBeUndefined()
    await expect(verified(tar)).rejects.toThrow('header field size is not an octal number: "00000000009"')
    const mode = archive(entry('c/a.txt', 'x'))
    mode.write('8', 100, 'latin1')
    rechecksum(mode, 0)
    await expect(verified(mode)).rejects.toThrow('header field mode is not an octal number')
  })

  test('a checksum computed over signed bytes (old Sun tar) is accepted, as GNU tar accepts it; a wrong one is not', async () => {
    // A UTF-8 name written straight into a USTAR header has bytes over 127, where the signed and unsigned sums differ.
    const tar = archive(entry('c/a.txt', 'x'))
    tar.write('c/é.txt\0', 0, 'utf8')
    rechecksum(tar, 0, true)
    expect(gnuList(tar)).toEqual(['c/é.txt'])
    await expect(verified(tar)).resolves.toEqual(['c/é.txt'])
    tar[148 + 5] ^= 1
    expect(gnuList(tar)).toBeUndefined()
    await expect(verified(tar)).rejects.toThrow(/header checksum \d+ does not match the header/)
  })
})

describe("writing as Go's archive/tar writes", () => {
  const p155 = 'p'.repeat(155)
  const p100q54 = `${'p'.repeat(100)}/${'q'.repeat(54)}`
  const p100q55 = `${'p'.repeat(100)}/${'q'.repeat(55)}`
  // [what, name, [prefix, name] fields of a single USTAR header, or undefined where Go needs a PAX header first]
  test.each<[string, string, [string, string] | undefined]>([
    ['a 100-byte name fills the name field (no NUL), no prefix', `c/${'a'.repeat(98)}`, ['', `c/${'a'.repeat(98)}`]],
    ['a 155-byte prefix and a 100-byte name are split', `${p155}/${'n'.repeat(100)}`, [p155, 'n'.repeat(100)]],
    ['a 256-byte name split at its last fitting "/"', `${p100q54}/${'n'.repeat(100)}`, [p100q54, 'n'.repeat(100)]],
    ['a 101-byte last segment needs PAX', `c/${'n'.repeat(101)}`, undefined],
    ['a prefix of 156 bytes needs PAX', `${'p'.repeat(156)}/n`, undefined],
    [
      'a "/" at byte 156 is past the prefix: the split uses the one before it',
      `${p100q55}/${'n'.repeat(40)}`,
      ['p'.repeat(100), `${'q'.repeat(55)}/${'n'.repeat(40)}`]
    ],
    ['a 257-byte name needs PAX', `${'p'.repeat(100)}/${'q'.repeat(55)}/${'n'.repeat(100)}`, undefined],
    ['a name over 100 bytes with no "/" needs PAX', 'n'.repeat(120), undefined],
    ['a non-ASCII name needs PAX, however short', 'c/ü', undefined]
  ])('%s', (_what, name, split) => {
    const h = fileHeader(name, 1, 0)
    const field = (at: number, len: number): string => h.toString('latin1', at, at + len).replace(/\0+$/, '')
    expect(h.length).toBe(split ? 512 : 3 * 512)
    expect(split ? [field(345, 155), field(0, 100)] : String.fromCharCode(h[156])).toEqual(split ?? 'x')
    const tar = archive([h, Buffer.from('x'), padding(1)])
    expect(gnuList(tar)).toEqual([name])
    expect(readTar(tar).map((e) => e.name)).toEqual([name])
  })

  test('the PAX header Go writes: <dir>/PaxHeaders.0/<file> in ASCII, mode/size/mtime fields, then the ASCII-filtered name', () => {
    const h = fileHeader('mychart/files/café.txt', 1, 1700000000_000)
    const field = (at: number, len: number): string => h.toString('latin1', at, at + len).replace(/\0+$/, '')
    expect(field(0, 100)).toBe('mychart/files/PaxHeaders.0/caf.txt')
    expect(String.fromCharCode(h[156])).toBe('x')
    expect([field(100, 8), field(124, 12), field(136, 12)]).toEqual(['0000000', '00000000040', '00000000000'])
    expect(h.toString('utf8', 512, 512 + 32)).toBe('32 path=mychart/files/café.txt\n')
    expect(h.subarray(512 + 32, 1024).every((b) => b === 0)).toBe(true)
    expect([h.toString('latin1', 1024, 1024 + 100).replace(/\0+$/, ''), String.fromCharCode(h[1024 + 156])]).toEqual(['mychart/files/caf.txt', '0'])
    expect(field(1024 + 100, 8)).toBe('0000644')
    expect(field(1024 + 136, 12)).toBe((1700000000).toString(8).padStart(11, '0'))
    // A file at the top level: no directory before PaxHeaders.0.
    expect(fileHeader('é', 1, 0).toString('latin1', 0, 20).replace(/\0+$/, '')).toBe('PaxHeaders.0/')
  })

  test("names Go's splitUSTARPath refuses at its edges: a '/' only at the start, a trailing '/'", () => {
    // Go: i <= 0 is no split; a trailing '/' is left out of the search, so no empty last segment.
    const typeflags = (h: Buffer): string => String.fromCharCode(h[156])
    expect([fileHeader(`/${'n'.repeat(100)}`, 0, 0), fileHeader(`${'a'.repeat(150)}/`, 0, 0)].map((h) => [h.length, typeflags(h)])).toEqual([
      [1536, 'x'],
      [1536, 'x']
    ])
    // path.Split("/é") is ("/", "é"): the PAX header is /PaxHeaders.0/ plus the ASCII part of the file name.
    expect(fileHeader('/é', 0, 0).toString('latin1', 0, 20).replace(/\0+$/, '')).toBe('/PaxHeaders.0/')
  })

  test('names over 100 bytes are cut to 100 in the PAX header and in the main header', () => {
    const name = `${'d'.repeat(90)}/${'é'.repeat(60)}`
    const h = fileHeader(name, 0, 0)
    expect(h.toString('latin1', 0, 100)).toBe(`${'d'.repeat(90)}/PaxHeader`)
    expect(h.toString('latin1', 1024, 1124)).toBe(`${'d'.repeat(90)}/\0`.padEnd(100, '\0'))
    expect(gnuList(archive([h]))).toEqual([name])
  })

  test.each([90, 91, 92, 990, 991, 992])('a PAX record whose length field gains a digit (path of %i bytes) still counts itself', (bytes) => {
    // Record = "<len> path=<value>\n", len counting the whole record including its own digits (POSIX pax).
    const name = `c/ü${'a'.repeat(bytes - 4)}`
    expect(Buffer.byteLength(name)).toBe(bytes)
    const h = fileHeader(name, 1, 0)
    const size = parseInt(h.toString('latin1', 124, 136), 8)
    const record = h.toString('utf8', 512, 512 + size)
    expect(Buffer.byteLength(record)).toBe(parseInt(record, 10))
    expect(record).toBe(`${Buffer.byteLength(record)} path=${name}\n`)
    expect(gnuList(archive([h, Buffer.from('x'), padding(1)]))).toEqual([name])
  })

  test('mtime is rounded to the nearest second (Go time.Round), halves away from zero', () => {
    const mtime = (ms: number): number => parseInt(fileHeader('c/a', 0, ms).toString('latin1', 136, 147), 8)
    expect([mtime(1_499), mtime(1_500), mtime(1_999), mtime(0)]).toEqual([1, 2, 2, 0])
  })

  test('the end of an archive is two zero blocks and nothing more; padding fills the last block', () => {
    expect(trailer()).toEqual(Buffer.alloc(1024))
    expect([padding(0).length, padding(1).length, padding(511).length, padding(512).length, padding(513).length]).toEqual([0, 511, 1, 0, 511])
  })
})

describe('parsePax', () => {
  test('several records; values may hold "=" and spaces; a later record wins', () => {
    const rec = (body: string): string => {
      const n = Buffer.byteLength(` ${body}\n`)
      const len = n + String(n + String(n).length).length
      return `${len} ${body}\n`
    }
    const data = Buffer.from(rec('path=a=b c') + rec('mtime=1') + rec('mtime=1.5') + rec('linkpath=ü'))
    expect(parsePax(data)).toEqual({ path: 'a=b c', mtime: '1.5', linkpath: 'ü' })
  })

  // Go's parsePAXRecord refuses each (the tar-reader vectors check the same through whole archives).
  test.each(['12 noequals\n', '0 x=y\n', '12x=y', '7 x=y\n', '5 x=y', ' 5 x=y\n'])('%j is malformed', (records) => {
    expect(() => parsePax(Buffer.from(records), 1536)).toThrow('malformed PAX record (at byte 1536 of the tar stream)')
  })

  test('a number that does not parse names its record', () => {
    expect(() => parsePax(Buffer.from('10 size=x\n'), 0)).toThrow('PAX record size is not a number: "x" (at byte 0 of the tar stream)')
  })
})

describe("verifyTar against Go's archive/tar (read as Helm's loader reads a chart; __tests__/fixtures/go/tar-reader)", () => {
  const vectors: { case: string; tar: string; entries: string[]; error?: string }[] = JSON.parse(
    readFileSync(path.join(__dirname, '../fixtures/go/tar-reader/vectors.json'), 'utf8')
  )
  /** Go stops at the first zero block or at the end of the stream; verifyTar wants whole padding, the whole end-of-archive marker and nothing after it; it refuses an empty name, which Helm's loader refuses later. */
  const stricter = ['one-zero-block', 'no-trailer', 'truncated-padding', 'no-padding-at-end', 'garbage-after-trailer', 'empty-name']

  test.each(vectors.filter((v) => v.error || stricter.includes(v.case)).map((v) => [v.case, v] as const))('%s: refused', async (_, v) => {
    await expect(verified(Buffer.from(v.tar, 'base64'))).rejects.toThrow(/ \(at byte \d+ of the tar stream\)$/)
  })

  const tarOf = (name: string): Buffer => Buffer.from(vectors.find((v) => v.case === name)!.tar, 'base64')

  // Offsets from the vectors' layout (main.go): a 1-byte file takes bytes 0-1023; a PAX header and its records 0-1023.
  test.each([
    ['no-trailer', 'the end-of-archive marker (two zero blocks) is missing (at byte 1024 of the tar stream)'],
    ['partial-header', 'the stream ends inside a header block (at byte 1024 of the tar stream)'],
    ['one-zero-block', 'the end-of-archive marker is one zero block instead of two (at byte 1024 of the tar stream)'],
    ['zero-then-header', 'a zero block is followed by a header (at byte 1024 of the tar stream)'],
    ['garbage-after-trailer', 'data follows the end-of-archive marker (at byte 2048 of the tar stream)'],
    ['empty-name', 'an entry has an empty name (at byte 0 of the tar stream)'],
    ['size-base256-2-64', 'header field size overflows 64 bits (at byte 0 of the tar stream)'],
    ['size-base256-minus-1', 'header field size is negative (-1) (at byte 0 of the tar stream)'],
    ['pax-size-negative', 'the PAX size -3 is negative (at byte 1024 of the tar stream)'],
    ['pax-uid-bad', 'PAX record uid is not a number: "x" (at byte 0 of the tar stream)'],
    ['checksum-not-octal', 'header field chksum is not an octal number: "0012a45" (at byte 0 of the tar stream)'],
    ['uid-not-octal', 'header field uid is not an octal number: "000z000" (at byte 0 of the tar stream)'],
    ['gid-not-octal', 'header field gid is not an octal number: "000z000" (at byte 0 of the tar stream)'],
    ['mtime-not-octal', 'header field mtime is not an octal number: "0000000000q" (at byte 0 of the tar stream)']
  ])('%s: %s', async (name, message) => {
    await expect(verified(tarOf(name))).rejects.toThrow(message)
  })

  test('an extended header of 1 MiB is read, one byte more is refused; file data of any size is passed over; a PAX header cut short is reported', async () => {
    // A GNU long-name record ('L') of `size` bytes naming x/nnn…, then a file of 1 MiB + 1 bytes.
    const longName = (size: number): Buffer => {
      const [h, data, pad] = entry('././@LongLink', `x/${'n'.repeat(size - 3)}\0`)
      h[156] = 'L'.charCodeAt(0)
      rechecksum(h, 0)
      return Buffer.concat([h, data, pad])
    }
    const big = entry('x/big', 'b'.repeat(1024 * 1024 + 1))
    await expect(verified(Buffer.concat([longName(1024 * 1024), archive(big)]))).resolves.toEqual([`x/${'n'.repeat(1024 * 1024 - 3)}`])
    await expect(verified(Buffer.concat([longName(1024 * 1024 + 1), archive(big)]))).rejects.toThrow(
      'an extended header of 1048577 bytes is larger than 1048576 (at byte 0 of the tar stream)'
    )
    await expect(verified(tarOf('pax-path').subarray(0, 700))).rejects.toThrow(
      /^entry data \(\d+ bytes and padding\) runs past the end of the stream \(at byte 0 /
    )
  })

  test('readTar: a header at the very end, data without padding, a negative base-256 mtime (-16: all ones, then 0xf0)', () => {
    expect(readTar(tarOf('v7').subarray(0, 512)).map((e) => e.name)).toEqual(['x/a'])
    expect(readTar(tarOf('no-padding-at-end')).map((e) => [e.name, e.data.toString()])).toEqual([['x/a', 'hello']])
    expect(readTar(tarOf('mtime-base256-negative')).map((e) => e.mtimeMs)).toEqual([-16000])
  })

  test.each(vectors.filter((v) => !v.error && !stricter.includes(v.case)).map((v) => [v.case, v] as const))('%s: the names Go reads', async (_, v) => {
    await expect(verified(Buffer.from(v.tar, 'base64'))).resolves.toEqual(v.entries.filter((e) => !e.startsWith('g ')).map((e) => e.slice(2)))
  })
})
