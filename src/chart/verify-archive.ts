/**
 * Reads a chart archive back before it is pushed, independently of the code
 * that wrote it: every gzip member (RFC 1952 header, deflate stream through
 * Node's native zlib, CRC32 and ISIZE recomputed and compared with the
 * trailer), the tar structure (`verifyTar`), then Helm's loader rules through
 * the archive loader. Whatever an independent reader (gzip -t, tar, Helm)
 * would reject is refused here with an error naming the chart and the archive.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs'
import { Readable } from 'node:stream'
import * as path from 'node:path'
import { crc32, createInflateRaw } from 'node:zlib'
import { ChartError } from '../errors'
import { loadFiles, MAX_DECOMPRESSED_CHART_SIZE, readChartTar } from './loader'
import type { Metadata } from './metadata'
import { TarFormatError, verifyTar } from './tar'
import { tee } from './tee'

const FHCRC = 0x02
const FEXTRA = 0x04
const FNAME = 0x08
const FCOMMENT = 0x10

/** A gzip stream that an independent reader rejects. */
export class GzipFormatError extends Error {}

/** A header cut short: more input may complete it (or, at the end of the file, the archive is truncated). */
class ShortHeader extends GzipFormatError {}

/** Gzip headers are a few bytes; FEXTRA allows 64 KiB, and longer names or comments are not a chart's. */
const MAX_HEADER = 1024 * 1024
/** Archives up to this size are read into memory in one go by `verifyArchive`. */
const READ_ONCE = 1024 * 1024
/** Compressed bytes fed to inflate at once, and the size of its output chunks: fewer, larger steps cost less. */
const STEP = 128 * 1024

/** The end of a zero-terminated header field starting at `at`, past its NUL. */
function zeroTerminated(gz: Buffer, at: number, field: string, n: number): number {
  const nul = gz.indexOf(0, at)
  if (nul < 0) throw new ShortHeader(`gzip member ${n} is truncated inside its header (its ${field} has no terminating NUL)`)
  return nul + 1
}

/** Where the deflate data of the member at the start of `gz` begins. */
function memberHeader(gz: Buffer, n: number): number {
  if (gz[0] !== 0x1f || (gz.length > 1 && gz[1] !== 0x8b))
    throw new GzipFormatError(n === 1 ? 'not a gzip stream' : `${gz.length} bytes of trailing data after the gzip stream`)
  if (gz.length < 10) throw new ShortHeader(`gzip member ${n} is truncated inside its header`)
  if (gz[2] !== 8) throw new GzipFormatError(`gzip member ${n} uses compression method ${gz[2]}, not deflate`)
  const flg = gz[3]
  if (flg & 0xe0) throw new GzipFormatError(`gzip member ${n} sets reserved header flags`)
  let at = 10
  if (flg & FEXTRA) {
    if (at + 2 > gz.length) throw new ShortHeader(`gzip member ${n} is truncated inside its header`)
    at += 2 + gz.readUInt16LE(at)
  }
  if (flg & FNAME) at = zeroTerminated(gz, at, 'file name', n)
  if (flg & FCOMMENT) at = zeroTerminated(gz, at, 'comment', n)
  if (flg & FHCRC) {
    if (at + 2 > gz.length) throw new ShortHeader(`gzip member ${n} is truncated inside its header`)
    if ((crc32(gz.subarray(0, at)) & 0xffff) !== gz.readUInt16LE(at)) throw new GzipFormatError(`gzip member ${n} has a wrong header CRC`)
    at += 2
  }
  if (at > gz.length) throw new ShortHeader(`gzip member ${n} is truncated inside its header`)
  return at
}

/**
 * Decompresses every member of a gzip stream as it is read, checking each
 * trailer against the CRC32 and length of what the member really holds.
 * Yields the content; holds no more than a step's worth of it.
 */
export async function* gunzipVerified(source: AsyncIterable<Buffer>, maxOutputLength = MAX_DECOMPRESSED_CHART_SIZE): AsyncGenerator<Buffer> {
  const input = source[Symbol.asyncIterator]()
  let pending: Buffer = Buffer.alloc(0)
  let eof = false
  const more = async (): Promise<boolean> => {
    if (eof) return false
    const r = await input.next()
    if (r.done) eof = true
    else if (r.value.length) pending = pending.length ? Buffer.concat([pending, r.value]) : r.value
    return !eof
  }
  let total = 0
  try {
    yield* members()
  } finally {
    // A reader that stops early closes the file.
    await input.return?.()
  }
  async function* members(): AsyncGenerator<Buffer> {
    for (let n = 1; ; n++) {
      if (!pending.length && !(await more()) && n > 1) return
      let body: number
      for (;;) {
        try {
          body = memberHeader(pending, n)
          break
        } catch (err) {
          if (!(err instanceof ShortHeader) || pending.length > MAX_HEADER || !(await more())) throw err
        }
      }
      pending = pending.subarray(body)
      const inflate = createInflateRaw({ chunkSize: STEP })
      let fed = 0
      // Fed from beside the loop that reads the output: zlib stops producing while its output is not read, so a step
      // that expands 1032:1 holds one output chunk at a time, not its whole expansion.
      const feeding = (async (): Promise<void> => {
        // Inflate stops at the end of the deflate data and consumes nothing after it: what it leaves is the trailer.
        while (inflate.bytesWritten === fed) {
          if (!pending.length && !(await more())) break
          const step = pending.subarray(0, STEP)
          await new Promise<void>((resolve, reject) => inflate.write(step, (err) => (err ? reject(err) : resolve())))
          fed += step.length
          pending = pending.subarray(step.length - (fed - inflate.bytesWritten))
        }
        inflate.end()
      })()
      feeding.catch(() => undefined)
      let crc = 0
      let length = 0
      try {
        for await (const c of inflate as AsyncIterable<Buffer>) {
          crc = crc32(c, crc)
          length += c.length
          if (total + length > maxOutputLength) throw new GzipFormatError(`gzip member ${n} decompresses to more than ${maxOutputLength} bytes`)
          yield c
        }
        await feeding
      } catch (err) {
        if (err instanceof GzipFormatError) throw err
        throw new GzipFormatError(`gzip member ${n}: ${(err as Error).message}`)
      } finally {
        inflate.destroy()
      }
      total += length
      while (pending.length < 8 && (await more()));
      if (pending.length < 8) throw new GzipFormatError(`gzip member ${n} is truncated: its CRC32/ISIZE trailer is missing`)
      const recordedCrc = pending.readUInt32LE(0)
      if (crc >>> 0 !== recordedCrc)
        throw new GzipFormatError(`gzip member ${n} has a wrong CRC32: the trailer says ${hex(recordedCrc)}, the content's is ${hex(crc >>> 0)}`)
      const isize = pending.readUInt32LE(4)
      if (isize !== length % 2 ** 32) throw new GzipFormatError(`gzip member ${n} has a wrong ISIZE: the trailer says ${isize} bytes, the content is ${length}`)
      pending = pending.subarray(8)
    }
  }
}

/**
 * Large read-backs run one at a time, whatever the run's concurrency: Helm's loader holds each tar entry whole (up to
 * 5 MiB, plus the chunks it was cut from) while it checks it, which made peak memory grow with every chart verified
 * at once. The check is inflate-bound, so running them side by side gained little on a runner's few cores.
 */
let largeTurn: Promise<unknown> = Promise.resolve()
function oneLargeAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const turn = largeTurn.then(fn)
  largeTurn = turn.catch(() => undefined)
  return turn
}

const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`

/**
 * Reads `file` back as gzip, tar and a Helm chart; `expected` (when given)
 * is the chart it must hold. Throws a ChartError naming the chart and archive.
 */
export async function verifyArchive(file: string, where: string, expected?: { name: string; version: string }): Promise<Metadata> {
  const archive = path.basename(file)
  const fail = (why: string, cause?: unknown): never => {
    throw new ChartError(`archive ${archive} failed verification, nothing was pushed: ${why}`, {
      chart: where,
      file,
      hint: 'An independent reader (gzip, tar or Helm) would reject it: repackage the chart, and report a bug if this action packaged it',
      cause
    })
  }
  // One read and one decompression, checked side by side by the strict tar reader and by Helm's loader (which keeps
  // only the files it reads). A small archive is read whole; a larger one is streamed, so memory stays bounded.
  const size = statSync(file).size
  const check = async (): Promise<Metadata> => {
    const source = size <= READ_ONCE ? Readable.from([readFileSync(file)]) : createReadStream(file, { highWaterMark: STEP })
    const {
      branches: [strict, loader],
      abort
    } = tee(gunzipVerified(source), 2)
    // Each reader lets go of the stream when it stops (the strict check reads to its end, the loader up to the
    // end-of-archive marker, or to its first objection); a strict finding ends both.
    const strictly = verifyTar(strict).catch((err: unknown) => {
      abort(err)
      if (err instanceof GzipFormatError || err instanceof TarFormatError) fail(err.message, err)
      throw err
    })
    // The loader's objection waits for the strict check, whose finding (as an independent reader's) comes first.
    const loading = readChartTar(loader, archive).then((files) => loadFiles(files, archive))
    const [, loaded] = await Promise.allSettled([strictly, loading])
    await strictly
    if (loaded.status === 'rejected') {
      const err = loaded.reason as unknown
      if (err instanceof GzipFormatError || err instanceof TarFormatError) fail(err.message, err)
      return fail(`Helm's loader refuses it: ${err instanceof ChartError ? err.describe() : (err as Error).message}`, err)
    }
    return loaded.value.metadata
  }
  const metadata = size <= READ_ONCE ? await check() : await oneLargeAtATime(check)
  if (expected && (metadata.name !== expected.name || metadata.version !== expected.version)) {
    fail(`it holds ${metadata.name} ${metadata.version}, not ${expected.name} ${expected.version}`)
  }
  return metadata
}
