/**
 * Reading archives back before they are pushed: corrupted archives made here
 * (bad CRC32, bad ISIZE, truncated, bad tar header checksum, no end-of-archive,
 * trailing data, Helm's path rules) are refused, each confirmed bad by GNU
 * gzip/tar first; archives other tools write (GNU tar | gzip, several gzip
 * members) pass; the gzip layer gives what Go's compress/gzip (Helm's reader) gives on hand-built streams, refusing
 * what it refuses; and the action refuses such an archive with nothing pushed.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { contentsRead, loadChartDir } from '../../src/chart/loader'
import { saveChart } from '../../src/chart/save'
import { GzipFormatError, gunzipVerified, verifyArchive } from '../../src/chart/verify-archive'
import { runAction } from '../support/action'
import { startRegistry, type TestRegistry } from '../support/registry'

const dirs: string[] = []
const tmp = (): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'hop-verify-'))
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [f, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
    writeFileSync(path.join(root, f), c)
  }
}

const gzipOf = (tar: Buffer): Buffer => execFileSync('gzip', ['-n', '-c'], { input: tar, maxBuffer: 64 * 1024 * 1024 })
const gunzip = (gz: Buffer): Buffer => execFileSync('gzip', ['-dc'], { input: gz, maxBuffer: 64 * 1024 * 1024 })
/** GNU gzip's and tar's verdicts on an archive, for confirming each corruption independently. */
const gzipOk = (file: string): boolean => spawnSync('gzip', ['-t', file], { stdio: 'ignore' }).status === 0
const tarOk = (file: string): boolean => {
  const r = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' })
  return r.status === 0 && !r.stderr
}

let good: Buffer
let goodTar: Buffer
beforeAll(async () => {
  const src = tmp()
  writeTree(src, {
    'Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.2.3\n',
    'values.yaml': 'replicas: 2\n',
    'templates/cm.yaml': 'kind: ConfigMap\n',
    'files/block.bin': Buffer.alloc(512, 7),
    'files/empty.txt': ''
  })
  const saved = await saveChart(await loadChartDir(src), { destDir: tmp(), mtime: new Date(1700000000_000) })
  good = readFileSync(saved.path)
  goodTar = gunzip(good)
})

function archive(bytes: Buffer, name = 'web-1.2.3.tgz'): string {
  const f = path.join(tmp(), name)
  writeFileSync(f, bytes)
  return f
}

async function refusal(file: string): Promise<string> {
  const err = await verifyArchive(file, 'charts/web').then(
    () => undefined,
    (e: Error) => e
  )
  expect(err).toBeDefined()
  expect(err!.name).toBe('ChartError')
  expect((err as unknown as { chart: string }).chart).toBe('charts/web')
  expect(err!.message).toContain(path.basename(file))
  return err!.message
}

describe('verifyArchive', () => {
  test('an archive this action packaged (with a 512-byte and an empty file) passes, as GNU gzip and tar agree', async () => {
    const f = archive(good)
    expect(gzipOk(f) && tarOk(f)).toBe(true)
    expect(await verifyArchive(f, 'charts/web', { name: 'web', version: '1.2.3' })).toMatchObject({ name: 'web', version: '1.2.3', apiVersion: 'v2' })
  })

  test('a wrong CRC32 in the trailer is refused', async () => {
    const bad = Buffer.from(good)
    bad[bad.length - 8] ^= 0xff
    const f = archive(bad)
    expect(gzipOk(f)).toBe(false)
    expect(await refusal(f)).toMatch(/wrong CRC32: the trailer says 0x[0-9a-f]{8}, the content's is 0x[0-9a-f]{8}/)
  })

  test('a wrong ISIZE in the trailer is refused', async () => {
    const bad = Buffer.from(good)
    bad.writeUInt32LE(bad.readUInt32LE(bad.length - 4) + 512, bad.length - 4)
    const f = archive(bad)
    expect(gzipOk(f)).toBe(false)
    expect(await refusal(f)).toMatch(`wrong ISIZE: the trailer says ${goodTar.length + 512} bytes, the content is ${goodTar.length}`)
  })

  test('a truncated archive is refused, wherever it is cut', async () => {
    for (const cut of [1, 4, 8, 40, Math.floor(good.length / 2), good.length - 20]) {
      const f = archive(good.subarray(0, good.length - cut))
      expect(gzipOk(f)).toBe(false)
      expect(await refusal(f)).toMatch(/truncated|unexpected end of file/)
    }
  })

  test('trailing bytes after the gzip stream are refused (Helm reads them as a bad gzip header)', async () => {
    const f = archive(Buffer.concat([good, Buffer.from('garbage!')]))
    expect(await refusal(f)).toMatch(/8 bytes of trailing data after the gzip stream/)
  })

  test('a tar header whose checksum does not match is refused, though the gzip layer is sound', async () => {
    const tar = Buffer.from(goodTar)
    tar[512 * 2 + 1] ^= 0x01 // a name byte of the second header
    const f = archive(gzipOf(tar))
    expect(gzipOk(f)).toBe(true)
    expect(tarOk(f)).toBe(false)
    expect(await refusal(f)).toMatch(/header checksum \d+ does not match the header \(\d+\) \(at byte 1024 of the tar stream\)/)
  })

  test('a tar stream without its end-of-archive marker, or with an entry cut short, is refused', async () => {
    expect(await refusal(archive(gzipOf(goodTar.subarray(0, goodTar.length - 1024))))).toMatch(/end-of-archive marker \(two zero blocks\) is missing/)
    expect(await refusal(archive(gzipOf(goodTar.subarray(0, goodTar.length - 512))))).toMatch(/one zero block instead of two/)
    // Cut inside the data of the 512-byte file, at a block boundary.
    const names = execFileSync('tar', ['-tvf', '-'], { input: goodTar }).toString()
    expect(names).toContain('web/files/block.bin')
    const at = goodTar.indexOf(Buffer.alloc(512, 7))
    expect(await refusal(archive(gzipOf(goodTar.subarray(0, at))))).toMatch(/runs past the end of the stream/)
  })

  test("Helm's loader rules apply: a file outside the chart directory, and a chart that is not the one expected", async () => {
    const src = tmp()
    writeTree(src, { 'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.2.3\n', 'web/../evil.txt': 'x' })
    const dotdot = execFileSync('tar', ['-C', src, '-P', '--format=ustar', '-cf', '-', 'web/Chart.yaml', 'web/../evil.txt'])
    const f = archive(gzipOf(dotdot))
    expect(gzipOk(f)).toBe(true)
    expect(execFileSync('tar', ['-tzf', f], { stdio: ['ignore', 'pipe', 'pipe'] }).toString()).toBe('web/Chart.yaml\nweb/../evil.txt\n')
    expect(await refusal(f)).toMatch(/Helm's loader refuses it: .*illegally references parent directory/)
    const other = archive(good, 'renamed.tgz')
    await expect(verifyArchive(other, 'charts/web', { name: 'web', version: '9.9.9' })).rejects.toThrow(/holds web 1.2.3, not web 9.9.9/)
    await expect(verifyArchive(other, 'charts/web', { name: 'api', version: '1.2.3' })).rejects.toThrow(/holds web 1.2.3, not api 1.2.3/)
  })

  test("the strict check's finding is the one reported, though Helm's loader objects earlier in the stream", async () => {
    // A symlink (refused by the loader at the second entry) in a tar whose end-of-archive marker is missing (found by
    // the strict check only at the end): both read one decompression side by side, and the strict finding wins.
    const src = tmp()
    writeTree(src, { 'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.2.3\n', 'web/files/pad.bin': randomBytes(300 * 1024) })
    symlinkSync('Chart.yaml', path.join(src, 'web', 'link'))
    const tar = execFileSync('tar', ['-C', src, '--format=ustar', '-cf', '-', 'web/Chart.yaml', 'web/link', 'web/files/pad.bin'])
    expect(execFileSync('tar', ['-tvf', '-'], { input: tar }).toString()).toMatch(/^l.* web\/link -> Chart.yaml$/m)
    let end = tar.length
    while (end > 0 && tar[end - 1] === 0) end--
    const cut = tar.subarray(0, Math.ceil(end / 512) * 512)
    const onlyLoader = await refusal(archive(gzipOf(tar)))
    expect(onlyLoader).toMatch(/Helm's loader refuses it: .*"web\/link" is a symlink/)
    expect(await refusal(archive(gzipOf(cut)))).toMatch(/end-of-archive marker \(two zero blocks\) is missing/)
  })

  test("a subchart archive and each file Helm's loader reads are read in full: a bad values.yaml inside charts/db-1.0.0.tgz is refused", async () => {
    const src = tmp()
    writeTree(src, {
      'db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.0.0\n',
      'db/values.yaml': 'a: [1, 2\n',
      'db/files/noise.bin': randomBytes(100 * 1024),
      'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.2.3\ndependencies:\n  - name: db\n    version: 1.0.0\n',
      'web/Chart.lock': 'dependencies:\n- name: db\n  repository: ""\n  version: 1.0.0\ndigest: sha256:0\ngenerated: "2024-01-01T00:00:00Z"\n'
    })
    mkdirSync(path.join(src, 'web', 'charts'))
    writeFileSync(path.join(src, 'web', 'charts', 'db-1.0.0.tgz'), gzipOf(execFileSync('tar', ['-C', src, '--format=ustar', '-cf', '-', 'db'])))
    const f = archive(gzipOf(execFileSync('tar', ['-C', src, '--format=ustar', '-cf', '-', 'web'])))
    expect(gzipOk(f) && tarOk(f)).toBe(true)
    expect(await refusal(f)).toMatch(/Helm's loader refuses it: .*subchart db-1\.0\.0\.tgz.*values\.yaml/)
  })

  test("contentsRead names the files Helm's loader reads, at the chart's root and in every subchart", () => {
    for (const n of ['web/Chart.yaml', 'web/Chart.lock', 'web/values.yaml', 'web/values.schema.json', 'web/requirements.yaml', 'web/requirements.lock'])
      expect([n, contentsRead(n)]).toEqual([n, true])
    for (const n of ['web/charts/db-1.0.0.tgz', 'web/charts/db/charts/cache-2.0.0.tgz', 'web/charts/db/values.yaml'])
      expect([n, contentsRead(n)]).toEqual([n, true])
    for (const n of [
      'web/templates/cm.yaml',
      'web/files/values.yml',
      'web/README.md',
      'web/charts/db-1.0.0.tgz.prov',
      'web/files/a.tgz',
      'web/charts.tgz',
      'web/files/mycharts/a.tgz'
    ])
      expect([n, contentsRead(n)]).toEqual([n, false])
  })

  test('a decompression bomb is read a chunk at a time: reading its first chunk does not expand the rest', async () => {
    // 64 MiB of zeros deflate to 64 KiB, one read step: were the step's whole output buffered, it would sit in memory.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024))
    expect(bomb.length).toBeLessThan(128 * 1024)
    const it = gunzipVerified(Readable.from([bomb]))[Symbol.asyncIterator]()
    const before = process.memoryUsage().arrayBuffers
    const first = await it.next()
    await new Promise((resolve) => setTimeout(resolve, 300))
    const held = process.memoryUsage().arrayBuffers - before
    await it.return(undefined)
    expect(first.value.length).toBeLessThanOrEqual(128 * 1024)
    expect(held).toBeLessThan(8 * 1024 * 1024)
  })

  test('archives other tools write pass: GNU tar | gzip with record padding and a name, and several gzip members', async () => {
    const src = tmp()
    writeTree(src, { 'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.2.3\n', 'web/templates/a.yaml': 'a: 1\n' })
    const tar = execFileSync('tar', ['-C', src, '-cf', '-', 'web'])
    expect(tar.length % 10240).toBe(0)
    const named = path.join(src, 'web.tar')
    writeFileSync(named, tar)
    execFileSync('gzip', ['-9', named]) // FNAME set, level 9
    expect((await verifyArchive(`${named}.gz`, 'charts/web')).name).toBe('web')
    const half = Math.floor(tar.length / 2)
    const members = Buffer.concat([gzipOf(tar.subarray(0, half)), gzipOf(tar.subarray(half))])
    const f = archive(members)
    expect(gzipOk(f) && tarOk(f)).toBe(true)
    await verifyArchive(f, 'charts/web')
    const content: Buffer[] = []
    for await (const c of gunzipVerified(Readable.from([members.subarray(0, 100), members.subarray(100)]))) content.push(c)
    expect(Buffer.concat(content).equals(tar)).toBe(true)
  })
})

describe('verifyArchive on archives over 1 MiB (streamed from disk, one at a time)', () => {
  // 1.5 MiB of random bytes: the archive stays over 1 MiB, so it is streamed twice rather than read once.
  let big: Buffer
  beforeAll(() => {
    const src = tmp()
    writeTree(src, { 'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.2.3\n', 'web/files/noise.bin': randomBytes(1536 * 1024) })
    big = gzipOf(execFileSync('tar', ['-C', src, '--format=ustar', '-cf', '-', 'web'], { maxBuffer: 64 * 1024 * 1024 }))
  })

  test('a good one passes and a corrupt one is refused by both checks, as GNU gzip and tar agree', async () => {
    expect(big.length).toBeGreaterThan(1024 * 1024)
    const f = archive(big)
    expect(gzipOk(f) && tarOk(f)).toBe(true)
    expect((await verifyArchive(f, 'charts/web')).name).toBe('web')
    const crc = Buffer.from(big)
    crc[crc.length - 8] ^= 0xff
    expect(await refusal(archive(crc))).toMatch(/wrong CRC32/)
    const tar = gunzip(big)
    tar[1] ^= 0x01 // a name byte of the first header
    const badTar = archive(gzipOf(tar))
    expect(gzipOk(badTar)).toBe(true)
    expect(await refusal(badTar)).toMatch(/header checksum \d+ does not match the header/)
  })

  test("it is read from disk once, and the files Helm's loader only lists are not held or written out", async () => {
    const f = archive(big)
    // The node:fs module object itself (not an import's namespace copy), as the code under test calls it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('node:fs') as typeof import('node:fs')
    const opened = jest.spyOn(fs, 'createReadStream')
    const written = jest.spyOn(fs.promises, 'writeFile')
    try {
      expect(await verifyArchive(f, 'charts/web')).toMatchObject({ name: 'web', version: '1.2.3' })
      expect(opened.mock.calls.filter(([p]) => p === f)).toHaveLength(1)
      expect(written).not.toHaveBeenCalled()
    } finally {
      opened.mockRestore()
      written.mockRestore()
    }
  })

  test('a refusal early in the stream stops reading and closes the file', async () => {
    const tar = gunzip(big)
    tar[1] ^= 0x01 // the first header's checksum no longer matches
    const f = archive(gzipOf(tar))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('node:fs') as typeof import('node:fs')
    const real = fs.createReadStream
    const streams: import('node:fs').ReadStream[] = []
    const spy = jest.spyOn(fs, 'createReadStream').mockImplementation((...args: Parameters<typeof real>) => {
      const s = real(...args)
      if (args[0] === f) streams.push(s)
      return s
    })
    try {
      expect(await refusal(f)).toMatch(/header checksum \d+ does not match the header \(\d+\) \(at byte 0 of the tar stream\)/)
    } finally {
      spy.mockRestore()
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(streams).toHaveLength(1)
    expect(streams[0].destroyed).toBe(true)
    expect(streams[0].bytesRead).toBeLessThan(big.length)
  })

  test('several verified at once are read one after another, so memory does not grow with the concurrency', async () => {
    const files = [1, 2, 3].map((i) => archive(big, `web-${i}.tgz`))
    let open = 0
    let most = 0
    // The node:fs module object itself (not an import's namespace copy), as the code under test calls it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('node:fs') as typeof import('node:fs')
    const real = fs.createReadStream
    const spy = jest.spyOn(fs, 'createReadStream').mockImplementation((...args: Parameters<typeof real>) => {
      const s = real(...args)
      if (files.includes(String(args[0]))) {
        most = Math.max(most, ++open)
        s.once('close', () => open--)
      }
      return s
    })
    try {
      const charts = await Promise.all(files.map((f) => verifyArchive(f, 'charts/web')))
      expect(charts.map((c) => c.name)).toEqual(['web', 'web', 'web'])
    } finally {
      spy.mockRestore()
    }
    expect(most).toBe(1)
  })
})

/** Go's compress/gzip (Helm's loader's reader) on hand-built gzip streams: __tests__/fixtures/go/gzip-reader. */
describe("gunzipVerified against Go's compress/gzip", () => {
  const vectors: { case: string; gzip: string; content: string; error?: string }[] = JSON.parse(
    readFileSync(path.join(__dirname, '../fixtures/go/gzip-reader/vectors.json'), 'utf8')
  )
  /** The whole stream in chunks of `size` bytes. */
  const read = async (gz: Buffer, size: number): Promise<Buffer> => {
    const chunks: Buffer[] = []
    for await (const c of gunzipVerified(Readable.from(Array.from({ length: Math.ceil(gz.length / size) }, (_, i) => gz.subarray(i * size, (i + 1) * size)))))
      chunks.push(c)
    return Buffer.concat(chunks)
  }

  test('what a stream decompresses to is bounded, all members together', async () => {
    const plain = Buffer.from(vectors.find((v) => v.case === 'plain')!.gzip, 'base64')
    const size = Buffer.from(vectors.find((v) => v.case === 'plain')!.content, 'base64').length
    const count = async (gz: Buffer, max?: number): Promise<number> => {
      let n = 0
      for await (const c of gunzipVerified(Readable.from([gz]), max)) n += c.length
      return n
    }
    await expect(count(plain, size)).resolves.toBe(size)
    await expect(count(plain, size - 1)).rejects.toThrow(new RegExp(`^gzip member 1 decompresses to more than ${size - 1} bytes$`))
    await expect(count(Buffer.concat([plain, plain]), 2 * size)).resolves.toBe(2 * size)
    await expect(count(Buffer.concat([plain, plain]), 2 * size - 1)).rejects.toThrow(
      new RegExp(`^gzip member 2 decompresses to more than ${2 * size - 1} bytes$`)
    )
  })

  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  /** What each refusal says (the bytes and lengths are the vectors' own, see main.go). */
  const says: Record<string, string | RegExp> = {
    'name-512': "gzip member 1 has a file name longer than 511 bytes, which Helm's gzip reader (Go's) refuses",
    'comment-512': "gzip member 1 has a comment longer than 511 bytes, which Helm's gzip reader (Go's) refuses",
    'header-crc-wrong': 'gzip member 1 has a wrong header CRC',
    'method-7': 'gzip member 1 uses compression method 7, not deflate',
    'trailing-garbage': '11 bytes of trailing data after the gzip stream',
    'trailing-zeros': '512 bytes of trailing data after the gzip stream',
    'trailing-short-header': 'gzip member 2 is truncated inside its header',
    'trailing-one-byte': 'gzip member 2 is truncated inside its header',
    'crc-wrong': /^gzip member 1 has a wrong CRC32: the trailer says 0x[0-9a-f]{8}, the content's is 0x[0-9a-f]{8}$/,
    'isize-wrong': 'gzip member 1 has a wrong ISIZE: the trailer says 41 bytes, the content is 40',
    'trailer-cut': 'gzip member 1 is truncated: its CRC32/ISIZE trailer is missing',
    'trailer-missing': 'gzip member 1 is truncated: its CRC32/ISIZE trailer is missing',
    'header-cut': 'gzip member 1 is truncated inside its header (its file name has no terminating NUL)',
    empty: 'not a gzip stream',
    'deflate-cut': 'gzip member 1: unexpected end of file'
  }

  test.each(vectors.filter((v) => v.error).map((v) => [v.case, v.error, v] as const))('%s: refused (Go: %s)', async (name, _error, v) => {
    const said = says[name]
    for (const size of [1 << 20, 7, 1]) {
      const err = await read(Buffer.from(v.gzip, 'base64'), size).then(
        () => undefined,
        (e: Error) => e
      )
      expect(err).toBeInstanceOf(GzipFormatError)
      expect(err!.message).toMatch(typeof said === 'string' ? new RegExp(`^${escape(said)}$`) : said)
    }
  })

  test('a stream cut right after a complete header lacks its deflate data; cut inside the header, the header is truncated', async () => {
    const gz = (name: string): Buffer => Buffer.from(vectors.find((x) => x.case === name)!.gzip, 'base64')
    const fail = (b: Buffer): Promise<string> =>
      read(b, 1 << 20).then(
        () => 'passed',
        (e: Error) => e.message
      )
    // "plain": a 10-byte header. "all-fields": 10 bytes, XLEN 2 and "ab", "n\0", "c\0", then the 2-byte FHCRC (20 bytes).
    const all = gz('all-fields')
    expect(all.subarray(10, 20).toString('latin1')).toBe('\x02\x00abn\x00c\x00' + all.toString('latin1', 18, 20))
    for (const cut of [gz('plain').subarray(0, 10), all.subarray(0, 20)]) await expect(fail(cut)).resolves.toBe('gzip member 1: unexpected end of file')
    const noExtra = Buffer.from(gz('plain').subarray(0, 12))
    noExtra[3] = 0x04
    noExtra.writeUInt16LE(0, 10)
    await expect(fail(noExtra)).resolves.toBe('gzip member 1: unexpected end of file')
    for (const at of [5, 11, 19]) await expect(fail(all.subarray(0, at))).resolves.toBe('gzip member 1 is truncated inside its header')
    await expect(fail(all.subarray(0, 13))).resolves.toBe('gzip member 1 is truncated inside its header (its file name has no terminating NUL)')
    const extraCut = Buffer.concat([noExtra.subarray(0, 10), Buffer.from([5, 0, 1, 2])])
    await expect(fail(extraCut)).resolves.toBe('gzip member 1 is truncated inside its header')
    await expect(fail(all.subarray(0, 17))).resolves.toBe('gzip member 1 is truncated inside its header (its comment has no terminating NUL)')
    // A file name of 512 bytes with no NUL yet: too long already, not merely cut short.
    await expect(fail(gz('name-512').subarray(0, 10 + 512))).resolves.toBe(
      "gzip member 1 has a file name longer than 511 bytes, which Helm's gzip reader (Go's) refuses"
    )
    // Both magic bytes count.
    await expect(fail(Buffer.from([0x1f, 0x00, 0x08, 0, 0, 0, 0, 0, 0, 3]))).resolves.toBe('not a gzip stream')
    await expect(fail(Buffer.concat([gz('plain'), Buffer.from([0x1f, 0x00, 0x08, 0])]))).resolves.toBe('4 bytes of trailing data after the gzip stream')
  })

  test('a CRC32 one off is reported with both values', async () => {
    const v = vectors.find((x) => x.case === 'crc-wrong')!
    const gz = Buffer.from(v.gzip, 'base64')
    const recorded = gz.readUInt32LE(gz.length - 8)
    const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`
    await expect(read(gz, 1 << 20)).rejects.toThrow(`the trailer says ${hex(recorded)}, the content's is ${hex((recorded - 1) >>> 0)}`)
  })

  test('reserved header flags are refused, as GNU gzip refuses them', async () => {
    const gz = Buffer.from(vectors.find((x) => x.case === 'plain')!.gzip, 'base64')
    for (const flag of [0x20, 0x40, 0x80]) {
      const bad = Buffer.from(gz)
      bad[3] |= flag
      const f = archive(bad, `flag-${flag}.gz`)
      expect(gzipOk(f)).toBe(false)
      await expect(read(bad, 1 << 20)).rejects.toThrow('gzip member 1 sets reserved header flags')
    }
  })

  test.each(vectors.filter((v) => !v.error).map((v) => [v.case, v] as const))('%s: the content Go reads', async (_, v) => {
    for (const size of [1 << 20, 7, 1]) expect((await read(Buffer.from(v.gzip, 'base64'), size)).toString('base64')).toBe(v.content)
  })
})

describe('the action verifies every archive before pushing', () => {
  let reg: TestRegistry
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'none' })
  })
  afterAll(async () => reg?.stop())

  test('a given archive whose end-of-archive marker is one zero block fails that chart, naming it and the archive; with fail-fast nothing is pushed', async () => {
    const ws = tmp()
    // Go's archive/tar, and so Helm's loader and ours, read this archive (__tests__/fixtures/go/tar-reader, one-zero-block);
    // only the read-back check refuses it.
    writeFileSync(path.join(ws, 'web-1.2.3.tgz'), gzipOf(goodTar.subarray(0, goodTar.length - 512)))
    writeTree(ws, { 'ok/Chart.yaml': 'apiVersion: v2\nname: ok\nversion: 0.1.0\n' })
    const run = await runAction({ charts: 'ok\nweb-1.2.3.tgz', registry: `oci://${reg.host}/verify`, sign: 'false', 'fail-fast': 'true' }, { workspace: ws })
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toMatch(/web-1\.2\.3\.tgz.*failed verification.*one zero block instead of two/)
    const catalog = JSON.parse(execFileSync('curl', ['-sf', `http://${reg.host}/v2/_catalog`]).toString())
    expect(catalog.repositories ?? []).toEqual([])
  })
})
