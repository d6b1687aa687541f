/**
 * The streamed archive reader (src/chart/archive.ts) on archives GNU tar and gzip make: GNU long names and PAX paths
 * give the full names Helm's Go reader gives, a BOM is dropped from file contents, directories are reported as such,
 * and what Helm's loader or this action refuses is refused naming the entry (absolute and drive names, non-UTF-8
 * names, oversized name records, tar types other than files and directories, input that is not gzip).
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Readable } from 'node:stream'
import * as zlib from 'node:zlib'
import { readAll } from '../../src/chart/chart'
import {
  archiveEntries,
  keepFile,
  LoadBudget,
  MAX_CHART_FILES,
  MAX_DECOMPRESSED_CHART_SIZE,
  MAX_FILE_SIZE,
  removeSpilledFiles,
  utf8Name,
  type ArchiveEntry
} from '../../src/chart/archive'
import { ChartError } from '../../src/errors'
import { caught, thrown } from '../support/caught'

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
    // Printable ASCII as itself, every other byte as \\xNN (two lowercase hex digits).
    utf8Name(Buffer.from([0x1f, 0x20, 0x7e, 0x7f, 0x0a, 0xff]), (s) => {
      shown = s
      return undefined as never
    })
    expect(shown).toBe('\\x1f ~\\x7f\\x0a\\xff')
    const tar = rawEntry('x/a.txt', '0')
    bad.copy(tar, 0)
    tar.fill(0, bad.length, 100)
    tar.fill(0x20, 148, 156)
    let sum = 0
    for (const b of tar.subarray(0, 512)) sum += b
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
    const err = await caught(read(gzip(tar)))
    expect(err.message).toBe('chart archive entry name "x/caf\\xe9.txt" is not valid UTF-8')
    expect(err).toMatchObject({ chart: 'charts/x.tgz', file: 'charts/x.tgz', hint: 'Rename the file to a UTF-8 name and repackage the chart' })
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
    expect(err).toMatchObject({ file: name, hint: 'Repackage the chart with `helm package` or this action' })
  })

  test.each([
    ['1', 'a hard link'],
    ['2', 'a symlink'],
    ['3', 'a character device'],
    ['4', 'a block device'],
    ['6', 'a FIFO'],
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

/** Go's archive/tar (read as Helm's loader reads a chart) on hand-built tar streams: __tests__/fixtures/go/tar-reader. */
interface GoTarVector {
  case: string
  why: string
  tar: string
  entries: string[]
  error?: string
}
const goTar: GoTarVector[] = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/go/tar-reader/vectors.json'), 'utf8'))
/** Go accepts these, reading to the end of the stream; this reader wants each entry's padding whole (see archive.ts). */
const stricterThanGo = ['truncated-padding', 'no-padding-at-end']

describe("Go's archive/tar on hand-built streams", () => {
  test('the vectors cover refusals and acceptances', () => {
    expect(goTar.filter((v) => v.error).length).toBeGreaterThan(10)
    expect(goTar.filter((v) => !v.error).length).toBeGreaterThan(10)
  })

  test.each(goTar.filter((v) => v.error || stricterThanGo.includes(v.case)).map((v) => [v.case, v] as const))('%s: refused as Go refuses it', async (_, v) => {
    const err = await caught(read(zlib.gzipSync(Buffer.from(v.tar, 'base64')), 100))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toMatch(/^cannot read charts\/x\.tgz: /)
    expect(err).toMatchObject({ chart: 'charts/x.tgz' })
  })

  test.each(goTar.filter((v) => !v.error && !stricterThanGo.includes(v.case)).map((v) => [v.case, v] as const))('%s: the entries Go reads', async (_, v) => {
    const entries = await read(zlib.gzipSync(Buffer.from(v.tar, 'base64')), 100)
    // Helm's loader passes over PAX global headers; D marks what it takes for a directory (FileInfo().IsDir()).
    expect(entries.map((e) => `${e.directory ? 'D' : '0'} ${e.name}`)).toEqual(v.entries.filter((e) => !e.startsWith('g ')))
  })
})

describe('edges', () => {
  /** One entry with `size` bytes of data (zeros), then the end-of-archive marker. */
  const sized = (name: string, type: string, size: number, data = Buffer.alloc(size)): Buffer => {
    const tar = rawEntry(name, type, size)
    data.copy(tar, 512)
    return tar
  }

  test("a file of exactly 5 MiB is read; one byte more is refused before its data is read (Helm's MaxDecompressedFileSize)", async () => {
    const [e] = await read(zlib.gzipSync(sized('x/big', '0', 5 * 1024 * 1024)))
    expect([e.name, e.data?.length]).toEqual(['x/big', 5 * 1024 * 1024])
    const err = await caught(read(zlib.gzipSync(sized('x/big', '0', 5 * 1024 * 1024 + 1))))
    expect(err.message).toBe('decompressed chart file "x/big" is larger than the maximum file size 5242880')
    expect(err).toMatchObject({ file: 'x/big' })
  })

  test("a GNU long name record of exactly 1 MiB is read (Go's maxSpecialFileSize)", async () => {
    const long = `x/${'n'.repeat(1024 * 1024 - 3)}`
    const tar = Buffer.concat([sized('././@LongLink', 'L', 1024 * 1024, Buffer.from(`${long}\0`)).subarray(0, 512 + 1024 * 1024), rawEntry('x/short', '0')])
    expect((await read(zlib.gzipSync(tar))).map((e) => e.name)).toEqual([long])
  })

  test("a PAX size wins over the header's (the header says 600 bytes, the PAX record 3: Go reads 3)", async () => {
    const [e] = await read(zlib.gzipSync(Buffer.from(goTar.find((v) => v.case === 'pax-size')!.tar, 'base64')))
    expect([e.name, e.data?.toString('latin1')]).toEqual(['x/a', 'abc'])
  })

  test("a ':' after the first character is no drive letter (Helm's pattern is anchored: ^[a-zA-Z]:/)", async () => {
    expect((await read(zlib.gzipSync(rawEntry('x/ab:/c.yaml', '0')))).map((e) => e.name)).toEqual(['x/ab:/c.yaml'])
  })

  test('each refusal says where: a header cut short, a zero block before a header, a wrong checksum', async () => {
    const vector = (name: string): Buffer => zlib.gzipSync(Buffer.from(goTar.find((v) => v.case === name)!.tar, 'base64'))
    // Both streams start with a 1-byte file: its header and one block of data, so the next header is at byte 1024.
    expect((await caught(read(vector('partial-header')))).message).toBe(
      'cannot read charts/x.tgz: the stream ends inside a header block (at byte 1024 of the tar stream)'
    )
    expect((await caught(read(vector('zero-then-header')))).message).toBe(
      'cannot read charts/x.tgz: a zero block is followed by a header (at byte 1024 of the tar stream)'
    )
    expect((await caught(read(vector('checksum-off-by-one')))).message).toMatch(
      /^cannot read charts\/x\.tgz: header checksum (\d+) does not match the header \(\d+\) \(at byte 0 of the tar stream\)$/
    )
  })

  test('the gzip magic is all three bytes, however the input is cut; three bytes of it are a truncated stream, not a foreign file', async () => {
    const good = zlib.gzipSync(rawEntry('x/a', '0'))
    for (const at of [0, 1, 2]) {
      const bad = Buffer.from(good)
      bad[at] ^= 0x01
      for (const chunk of [1, 1 << 20]) expect((await caught(read(bad, chunk))).message).toBe("file 'charts/x.tgz' does not appear to be a gzipped archive")
    }
    for (const chunk of [1, 1 << 20])
      expect((await caught(read(Buffer.from([0x1f, 0x8b, 0x08]), chunk))).message).toBe('cannot decompress charts/x.tgz: unexpected end of file')
  })

  test('a reader that stops early (the first entry is enough) stops the decompression and closes the input', async () => {
    const gz = zlib.gzipSync(Buffer.concat([rawEntry('x/a', '0').subarray(0, 1024), sized('x/b', '0', 4 * 1024 * 1024, randomBytes(4 * 1024 * 1024))]))
    let closed = false
    let pulled = 0
    async function* source(): AsyncGenerator<Buffer> {
      try {
        for (let i = 0; i < gz.length; i += 16384) {
          pulled++
          yield gz.subarray(i, i + 16384)
        }
      } finally {
        closed = true
      }
    }
    for await (const e of archiveEntries(source(), 'charts/x.tgz', new LoadBudget('charts/x.tgz'))) {
      expect(e.name).toBe('x/a')
      break
    }
    for (let i = 0; i < 20 && !closed; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(closed).toBe(true)
    expect(pulled).toBeLessThan(gz.length / 16384 / 2)
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

describe('the load budget', () => {
  test("Helm's limits: 5 MiB a file, 100 MiB decompressed; the chart's whole budget may be used, not a byte more", () => {
    // helm/helm pkg/chart/loader/archive.go (3.17.3+): MaxDecompressedChartSize = 100 MiB, MaxDecompressedFileSize = 5 MiB.
    expect([MAX_FILE_SIZE, MAX_DECOMPRESSED_CHART_SIZE]).toEqual([5242880, 104857600])
    const budget = new LoadBudget('charts/x.tgz')
    budget.addBytes(MAX_DECOMPRESSED_CHART_SIZE - 1)
    budget.addBytes(1)
    const err = thrown<ChartError>(() => budget.addBytes(1))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe('decompressed chart is larger than the maximum size 104857600 (counting every nested subchart)')
    expect(err).toMatchObject({ chart: 'charts/x.tgz', file: 'charts/x.tgz' })
    expect(err.hint).toMatch(/100 MiB/)
  })

  test('files are counted up to the limit, and the one past it is named', () => {
    expect(MAX_CHART_FILES).toBe(10000)
    const budget = new LoadBudget('charts/x')
    for (let i = 0; i < MAX_CHART_FILES; i++) budget.addFile(`f${i}`)
    const err = thrown<ChartError>(() => budget.addFile('templates/last.yaml'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe('chart has more than 10000 files (counting every nested subchart; stopped at templates/last.yaml)')
    expect(err).toMatchObject({ chart: 'charts/x', file: 'charts/x' })
    expect(err.hint).toMatch(/\.helmignore/)
  })
})

describe('keepFile: small files in memory, the rest spilled to a private file', () => {
  const runnerTemp = process.env.RUNNER_TEMP
  let dir: string
  beforeEach(() => {
    dir = tmp()
    process.env.RUNNER_TEMP = dir
  })
  afterEach(() => {
    removeSpilledFiles()
    process.env.RUNNER_TEMP = runnerTemp
  })

  test('64 KiB stays in memory, a byte more is spilled (mode 0600, under RUNNER_TEMP), both read back whole', async () => {
    const budget = new LoadBudget('x')
    const small = randomBytes(64 * 1024)
    const large = randomBytes(64 * 1024 + 1)
    const kept = await keepFile('a', small, budget)
    const spilled = await keepFile('b', large, budget)
    expect(kept.disk).toBeUndefined()
    expect(spilled.disk).toBeDefined()
    const at = spilled.disk!.path
    expect(path.dirname(path.dirname(at))).toBe(dir)
    expect(path.basename(path.dirname(at))).toMatch(/^helm-oci-publish-chart-/)
    expect(statSync(at).mode & 0o777).toBe(0o600)
    expect([kept.name, kept.size, spilled.name, spilled.size]).toEqual(['a', small.length, 'b', large.length])
    // The kept copy is the reader's own: the buffer it came from may be reused.
    const copy = Buffer.from(small)
    small.fill(0)
    expect((await readAll(kept)).equals(copy)).toBe(true)
    expect((await readAll(spilled)).equals(large)).toBe(true)
    removeSpilledFiles()
    expect(existsSync(at)).toBe(false)
  })

  test('spilled files share one directory, removed as a whole, on exit as well', async () => {
    const budget = new LoadBudget('x')
    const one = await keepFile('a', randomBytes(70000), budget)
    const two = await keepFile('b', randomBytes(70000), budget)
    expect(path.dirname(one.disk!.path)).toBe(path.dirname(two.disk!.path))
    expect(one.disk!.path).not.toBe(two.disk!.path)
    expect(process.listeners('exit')).toContain(removeSpilledFiles)
    removeSpilledFiles()
    expect([existsSync(one.disk!.path), existsSync(two.disk!.path), existsSync(path.dirname(one.disk!.path))]).toEqual([false, false, false])
    process.removeListener('exit', removeSpilledFiles)
  })

  test('16 MiB of small files per chart stay in memory; the next one is spilled', async () => {
    const budget = new LoadBudget('x')
    const block = Buffer.alloc(64 * 1024, 1)
    for (let i = 0; i < 256; i++) expect((await keepFile(`f${i}`, block, budget)).disk).toBeUndefined()
    expect((await keepFile('next', Buffer.alloc(1, 2), budget)).disk).toBeDefined()
    // Another chart has its own budget.
    expect((await keepFile('other', block, new LoadBudget('y'))).disk).toBeUndefined()
  })
})
