/**
 * Reading a chart archive as a stream, with one budget for a chart and all
 * of its nested subcharts: decompressed bytes (Helm's 100 MiB) are counted
 * as they come out of gunzip, each entry's size (Helm's 5 MiB) is checked
 * from its header before its data is read, and the number of entries is
 * bounded. Only regular files and directories are accepted, and no absolute
 * or non-UTF-8 names. File contents are kept in memory up to a small total
 * and spilled to a temporary directory beyond it, so a nested-subchart bomb
 * or a 100 MiB chart never has to fit in memory.
 */
import { mkdtempSync, rmSync, promises as fs } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pipeline } from 'node:stream/promises'
import * as zlib from 'node:zlib'
import { ChartError } from '../errors'
import { ByteQueue } from './byte-queue'
import { bufferFile, diskFile, type ChartFile } from './chart'
import { BLOCK, checkHeader, dataSize, entryName, fieldBytes, isDirectory, isMeta, isZeroBlock, MAX_META, padded, parsePax, TarFormatError } from './tar'

/** Helm 3.17.3+/4: per-file and whole-chart (decompressed) limits. */
export const MAX_FILE_SIZE = 5 * 1024 * 1024
export const MAX_DECOMPRESSED_CHART_SIZE = 100 * 1024 * 1024
/**
 * The most a downloaded chart archive (an OCI layer or a classic repository's .tgz) may weigh before it is loaded:
 * Helm's loader refuses more than MAX_DECOMPRESSED_CHART_SIZE decompressed, and deflate never grows data by more
 * than a few bytes per 16 KiB, so 1 MiB on top holds any archive Helm would load.
 */
export const MAX_CHART_ARCHIVE_BYTES = MAX_DECOMPRESSED_CHART_SIZE + 1024 * 1024
/** Files (entries) in a chart and its subcharts; real charts have hundreds, 10,000 leaves ample room. */
export const MAX_CHART_FILES = 10000
/** File contents held in memory per chart; the rest waits in a temporary file. */
const MEMORY_BUDGET = 16 * 1024 * 1024
const SMALL_FILE = 64 * 1024
const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** One budget for a chart and everything nested in it. */
export class LoadBudget {
  private bytes = 0
  private files = 0
  private memory = 0

  constructor(readonly where: string) {}

  addBytes(n: number): void {
    this.bytes += n
    if (this.bytes > MAX_DECOMPRESSED_CHART_SIZE) {
      throw new ChartError(`decompressed chart is larger than the maximum size ${MAX_DECOMPRESSED_CHART_SIZE} (counting every nested subchart)`, {
        chart: this.where,
        file: this.where,
        hint: 'Helm refuses charts over 100 MiB decompressed; a chart whose subcharts expand beyond that is refused as a whole'
      })
    }
  }

  addFile(name: string): void {
    if (++this.files > MAX_CHART_FILES) {
      throw new ChartError(`chart has more than ${MAX_CHART_FILES} files (counting every nested subchart; stopped at ${name})`, {
        chart: this.where,
        file: this.where,
        hint: 'List generated or vendored files in .helmignore; no real chart needs this many files'
      })
    }
  }

  /** Whether `n` more bytes may stay in memory. */
  takeMemory(n: number): boolean {
    if (n > SMALL_FILE || this.memory + n > MEMORY_BUDGET) return false
    this.memory += n
    return true
  }
}

let spillDir: string | undefined
let spilled = 0

/** Removes the spilled file contents (the run calls it when done; process exit is the fallback). */
export function removeSpilledFiles(): void {
  if (spillDir) rmSync(spillDir, { recursive: true, force: true })
  spillDir = undefined
}

async function spill(data: Buffer): Promise<string> {
  if (!spillDir) {
    spillDir = mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'helm-oci-publish-chart-'))
    process.once('exit', removeSpilledFiles)
  }
  const file = path.join(spillDir, String(++spilled))
  await fs.writeFile(file, data, { mode: 0o600 })
  return file
}

/** A file's name as text, or an error saying it is not UTF-8 (with the bad bytes shown as \xNN). */
const utf8 = new TextDecoder('utf-8', { fatal: true })
export function utf8Name(bytes: Buffer, fail: (shown: string) => never): string {
  try {
    return utf8.decode(bytes)
  } catch {
    return fail([...bytes].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join(''))
  }
}

/** A file whose contents stay in memory when small and the budget allows, on disk otherwise. */
export async function keepFile(name: string, data: Buffer, budget: LoadBudget): Promise<ChartFile> {
  if (budget.takeMemory(data.length)) return bufferFile(name, Buffer.from(data))
  return diskFile(name, await spill(data), data.length, 0)
}

export interface ArchiveEntry {
  /** The entry's name as recorded (PAX path, GNU long name or USTAR prefix/name). */
  name: string
  directory: boolean
  /** Regular file contents (a leading UTF-8 BOM removed, as Helm does); undefined when `keep` passed over them. */
  data: Buffer | undefined
  /** The entry's size as recorded. */
  size: number
}

const TYPES: Record<string, string> = {
  '1': 'a hard link',
  '2': 'a symlink',
  '3': 'a character device',
  '4': 'a block device',
  '6': 'a FIFO',
  K: 'a long link name',
  S: 'a sparse file',
  V: 'a volume label',
  M: 'a multi-volume continuation'
}

const archiveFailure =
  (where: string) =>
  (m: string, file = where, hint = 'Repackage the chart with `helm package` or this action'): never => {
    throw new ChartError(m, { chart: where, file, hint })
  }

/**
 * Entries of a gzipped tar, read as a stream. `source` is the compressed
 * archive; every decompressed byte counts against `budget`; `keep` as for `tarEntries`.
 */
export async function* archiveEntries(
  source: AsyncIterable<Buffer>,
  where: string,
  budget: LoadBudget,
  keep?: (name: string) => boolean
): AsyncGenerator<ArchiveEntry> {
  yield* tarEntries(gunzipArchive(source, where), where, budget, keep)
}

/** The tar inside a gzipped archive, refused with a ChartError naming it when it is not gzip. */
async function* gunzipArchive(source: AsyncIterable<Buffer>, where: string): AsyncGenerator<Buffer> {
  const fail = archiveFailure(where)
  const notGzip = (): never => fail(`file '${where}' does not appear to be a gzipped archive`, where, 'Give a chart directory or a .tgz made by helm package')
  async function* checked(): AsyncGenerator<Buffer> {
    // The magic is checked on the first three bytes, however the stream happens to cut its first chunks.
    let head: Buffer | undefined = Buffer.alloc(0)
    for await (const c of source) {
      if (!head) {
        yield c
        continue
      }
      head = Buffer.concat([head, c])
      if (head.length < 3) continue
      if (head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 0x08) notGzip()
      yield head
      head = undefined
    }
    if (head) notGzip()
  }
  const gunzip = zlib.createGunzip()
  const feeding = pipeline(checked(), gunzip)
  feeding.catch(() => undefined)
  try {
    for await (const c of gunzip) yield c as Buffer
  } catch (err) {
    if (err instanceof ChartError) throw err
    fail(`cannot decompress ${where}: ${(err as Error).message}`)
  } finally {
    gunzip.destroy()
  }
  await feeding.catch((err: unknown) => {
    if (err instanceof ChartError) throw err
  })
}

/**
 * Entries of a tar stream as Helm's loader reads them. Every byte counts against `budget`; a regular file for which
 * `keep` says no is passed over, its contents never held.
 */
export async function* tarEntries(
  tar: AsyncIterable<Buffer>,
  where: string,
  budget: LoadBudget,
  keep: (name: string) => boolean = () => true
): AsyncGenerator<ArchiveEntry> {
  const fail = archiveFailure(where)
  const source = tar[Symbol.asyncIterator]()
  const q = new ByteQueue({
    next: async () => {
      const r = await source.next()
      if (!r.done) budget.addBytes(r.value.length)
      return r
    }
  })
  let pax: Record<string, string> = {}
  let longName: string | undefined
  let off = 0
  // What Go's archive/tar refuses (and so Helm's loader) throws TarFormatError: a header cut short, a zero block
  // followed by anything but a second one or the end, a wrong checksum, a numeric field that is not a number, a
  // malformed PAX record.
  const block = async (): Promise<Buffer | undefined> => {
    const b = await q.take(BLOCK)
    if (!b && q.buffered) throw new TarFormatError('the stream ends inside a header block', off)
    return b
  }
  try {
    for (;;) {
      const h = await block()
      if (!h) break
      if (isZeroBlock(h)) {
        const next = await block()
        if (next && !isZeroBlock(next)) throw new TarFormatError('a zero block is followed by a header', off)
        break
      }
      const header = checkHeader(h, off)
      const type = String.fromCharCode(h[156] || 0x30)
      const size = isMeta(type) ? header.size : dataSize(type, header.size, pax, off)
      const at = off
      off += BLOCK + padded(size)
      const truncated = (): never => fail(`cannot read ${where}: unexpected end of tar archive`)
      const readBody = async (): Promise<Buffer> => ((await q.take(padded(size))) ?? truncated()).subarray(0, size)
      if (type === 'x' || type === 'g' || type === 'L') {
        if (size > MAX_META) fail(`chart archive has a ${size}-byte extended header`)
        const data = await readBody()
        if (type !== 'L') {
          const records = parsePax(data, at)
          if (type === 'x') pax = records
        } else longName = utf8Name(fieldBytes(data, 0, data.length), badName)
        continue
      }
      const name = entryName(h, pax, longName, (b) => utf8Name(b, badName))
      pax = {}
      longName = undefined
      budget.addFile(name)
      if (TYPES[type] || !['0', '7', '5'].includes(type)) {
        fail(`chart archive entry "${name}" is ${TYPES[type] ?? `of tar type ${JSON.stringify(type)}`}; only regular files and directories are accepted`, name)
      }
      if (name.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(name) || name.startsWith('\\')) {
        fail(`chart archive entry "${name}" has an absolute name`, name)
      }
      if (isDirectory(h, name, header.mode)) {
        await readBody()
        yield { name, directory: true, data: Buffer.alloc(0), size }
        continue
      }
      if (size > MAX_FILE_SIZE) fail(`decompressed chart file "${name}" is larger than the maximum file size ${MAX_FILE_SIZE}`, name)
      if (!keep(name)) {
        if (!(await q.skip(padded(size)))) truncated()
        yield { name, directory: false, data: undefined, size }
        continue
      }
      const body = await readBody()
      yield { name, directory: false, data: body.subarray(0, 3).equals(BOM) ? body.subarray(3) : body, size }
    }
  } catch (err) {
    if (err instanceof TarFormatError) fail(`cannot read ${where}: ${err.message}`)
    throw err
  } finally {
    await source.return?.()
  }

  function badName(shown: string): never {
    return fail(`chart archive entry name "${shown}" is not valid UTF-8`, where, 'Rename the file to a UTF-8 name and repackage the chart')
  }
}
