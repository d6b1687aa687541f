/**
 * The streamed archive reader (src/chart/archive.ts) on archives GNU tar and gzip make: GNU long names and PAX paths
 * give the full names Helm's Go reader gives, a BOM is dropped from file contents, directories are reported as such,
 * and what Helm's loader or this action refuses is refused naming the entry (absolute and drive names, non-UTF-8
 * names, oversized name records, tar types other than files and directories, input that is not gzip).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Readable } from 'node:stream'
import { archiveEntries, LoadBudget, utf8Name, type ArchiveEntry } from '../../src/chart/archive'
import { ChartError } from '../../src/errors'
import { caught } from '../support/caught'

const dirs: string[] = []
const tmp = (): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'hop-archive-'))
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

const C_UTF8 = { ...process.env, LC_ALL: 'C.UTF-8' }
const gzip = (tar: Buffer): Buffer => execFileSync('gzip', ['-n', '-c'], { input: tar })
/** GNU tar of `files` (created in a temp dir), in name order, gzipped. */
function tgz(files: Record<string, string | Buffer>, format = 'gnu', extra: string[] = []): Buffer {
  const d = tmp()
  for (const [f, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, f)), { recursive: true })
    writeFileSync(path.join(d, f), c)
  }
  return gzip(
    execFileSync('tar', [`--format=${format}`, '--sort=name', '--owner=0', '--group=0', ...extra, '-cf', '-', ...Object.keys(files)], { cwd: d, env: C_UTF8 })
  )
}

async function read(gz: Buffer, chunk = 1 << 20): Promise<ArchiveEntry[]> {
  const chunks = async function* (): AsyncGenerator<Buffer> {
    for (let i = 0; i < gz.length; i += chunk) yield gz.subarray(i, i + chunk)
  }
  const out: ArchiveEntry[] = []
  for await (const e of archiveEntries(chunks(), 'charts/x.tgz', new LoadBudget('charts/x.tgz'))) out.push(e)
  return out
}

/** A one-header tar (our own raw header, checksum as POSIX defines it), for types GNU tar will not write from files. */
function rawEntry(name: string, type: string, size = 0): Buffer {
  const h = Buffer.alloc(512)
  h.write(name, 0, 100, 'utf8')
  h.write('0000644\0', 100, 'latin1')
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1')
  h.write('00000000000\0', 136, 'latin1')
  h.write(type, 156, 'latin1')
  h.write('ustar\x0000', 257, 'latin1')
  h.fill(0x20, 148, 156)
  let sum = 0
  for (const b of h) sum += b
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  return Buffer.concat([h, Buffer.alloc(size + ((512 - (size % 512)) % 512)), Buffer.alloc(1024)])
}

describe('names and contents as Helm reads them', () => {
  test('GNU long names, USTAR prefixes and PAX paths all give the full name; directories are marked; the BOM goes', async () => {
    const long = `x/templates/${'n'.repeat(120)}.yaml`
    const gnu = await read(tgz({ 'x/Chart.yaml': '\ufeffname: x\n', [long]: 'a' }), 1)
    expect(gnu.map((e) => [e.name, e.directory, e.data?.toString()])).toEqual([
      ['x/Chart.yaml', false, 'name: x\n'],
      [long, false, 'a']
    ])
    const ustarName = `x/${'d'.repeat(120)}/f.txt`
    expect((await read(tgz({ [ustarName]: 'u' }, 'ustar'))).map((e) => e.name)).toEqual([ustarName])
    expect((await read(tgz({ 'x/café.txt': 'p' }, 'pax'))).map((e) => e.name)).toEqual(['x/café.txt'])
    const d = tmp()
    const withDir = await read(gzip(execFileSync('tar', ['--format=gnu', '-cf', '-', '-C', path.dirname(d), '--no-recursion', path.basename(d)])))
    expect(withDir.map((e) => [e.name, e.directory])).toEqual([[`${path.basename(d)}/`, true]])
  })

  test('a name that is not UTF-8 is refused, its bytes shown as \\xNN', async () => {
    const bad = Buffer.concat([Buffer.from('x/caf'), Buffer.from([0xe9]), Buffer.from('.txt')])
    expect(utf8Name(Buffer.from('x/ok.txt'), () => undefined as never)).toBe('x/ok.txt')
    let shown = ''
    expect(() =>
      utf8Name(bad, (s) => {
        shown = s
        throw new Error('refused')
      })
    ).toThrow('refused')
    expect(shown).toBe('x/caf\\xe9.txt')
    const tar = rawEntry('x/a.txt', '0')
    bad.copy(tar, 0)
    tar.fill(0, bad.length, 100)
    tar.fill(0x20, 148, 156)
    let sum = 0
    for (const b of tar.subarray(0, 512)) sum += b
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
    const err = await caught(read(gzip(tar)))
    expect(err.message).toBe('chart archive entry name "x/caf\\xe9.txt" is not valid UTF-8')
    expect(err).toMatchObject({ chart: 'charts/x.tgz', file: 'charts/x.tgz' })
  })
})

describe('refusals', () => {
  test.each([
    ['/etc/passwd', 'chart archive entry "/etc/passwd" has an absolute name'],
    ['C:/x/a.txt', 'chart archive entry "C:/x/a.txt" has an absolute name'],
    ['c:\\x\\a.txt', 'chart archive entry "c:\\x\\a.txt" has an absolute name'],
    ['\\x\\a.txt', 'chart archive entry "\\x\\a.txt" has an absolute name']
  ])('%s', async (name, message) => {
    const err = await caught(read(gzip(rawEntry(name, '0'))))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe(message)
    expect(err).toMatchObject({ file: name })
  })

  test.each([
    ['K', 'a long link name'],
    ['S', 'a sparse file'],
    ['V', 'a volume label'],
    ['M', 'a multi-volume continuation'],
    ['Z', 'of tar type "Z"']
  ])('tar type %s is refused as %s', async (type, what) => {
    const err = await caught(read(gzip(rawEntry('x/e', type))))
    expect(err.message).toBe(`chart archive entry "x/e" is ${what}; only regular files and directories are accepted`)
  })

  test("types '0', NUL (old tars' regular file) and '7' (contiguous file) are files", async () => {
    for (const type of ['0', '\0', '7']) expect((await read(gzip(rawEntry('x/f', type)))).map((e) => [e.name, e.directory])).toEqual([['x/f', false]])
  })

  test('a GNU long-name record over 1 MiB is refused before it is read', async () => {
    const err = await caught(read(gzip(rawEntry('././@LongLink', 'L', 1024 * 1024 + 1))))
    expect(err.message).toBe('chart archive has a 1048577-byte extended header')
  })

  test('input that is not gzip, or nothing at all, is refused naming the file; a broken stream is reported', async () => {
    for (const input of [Buffer.from('PK\x03\x04zip'), Buffer.from([0x1f, 0x8b, 0x07, 0, 0]), Buffer.from([0x1f, 0x8b]), Buffer.alloc(0)]) {
      const err = await caught(read(input))
      expect(err.message).toBe("file 'charts/x.tgz' does not appear to be a gzipped archive")
      expect((err as ChartError).hint).toBe('Give a chart directory or a .tgz made by helm package')
    }
    const good = tgz({ 'x/Chart.yaml': 'name: x\n' })
    const broken = Buffer.from(good)
    broken[20] ^= 0xff
    const err = await caught(read(broken))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toMatch(/^cannot (decompress|read) charts\/x\.tgz: /)
  })
})

describe('passing over contents the reader does not keep', () => {
  test('a file `keep` declines comes with its size and no contents; the ones it keeps are whole; a cut inside a skipped body is refused', async () => {
    const big = Buffer.alloc(70000, 'x')
    const gz = tgz({ 'x/Chart.yaml': 'name: x\n', 'x/files/big.txt': big, 'x/values.yaml': 'a: 1\n' })
    const keep = (n: string): boolean => !n.endsWith('big.txt')
    const entries: ArchiveEntry[] = []
    for await (const e of archiveEntries(Readable.from([gz]), 'charts/x.tgz', new LoadBudget('charts/x.tgz'), keep)) entries.push(e)
    expect(entries.filter((e) => !e.directory).map((e) => [e.name, e.size, e.data?.toString()])).toEqual([
      ['x/Chart.yaml', 8, 'name: x\n'],
      ['x/files/big.txt', 70000, undefined],
      ['x/values.yaml', 5, 'a: 1\n']
    ])
    const tar = execFileSync('gzip', ['-dc'], { input: gz })
    const inside = tar.indexOf(big.subarray(0, 512)) + 4096
    const err = await caught(
      (async () => {
        for await (const e of archiveEntries(Readable.from([gzip(tar.subarray(0, inside))]), 'charts/x.tgz', new LoadBudget('charts/x.tgz'), keep)) void e
      })()
    )
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe('cannot read charts/x.tgz: unexpected end of tar archive')
  })
})
