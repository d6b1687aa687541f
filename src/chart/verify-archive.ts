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
import type { Chart } from './chart'
import { loadFiles, MAX_DECOMPRESSED_CHART_SIZE, readChartArchive } from './loader'
import { TarFormatError, verifyTar } from './tar'

const FHCRC = 0x02
const FEXTRA = 0x04
const FNAME = 0x08
const FCOMMENT = 0x10

/** A gzip stream that an independent reader rejects. */
export class GzipFormatError extends Error {}

/** A header cut short: more input may complete it (or, at the end of the file, the archive is truncated). */
class ShortHeader extends GzipFormatError {}

/** Bytes after a member that do not start another: how many is counted to the end of the input. */
class TrailingData extends GzipFormatError {}

/** Archives up to this size are read into memory once for both passes of `verifyArchive`. */
const READ_ONCE = 1024 * 1024
/** Compressed bytes fed to inflate at once: bounds what one step can expand to (1032:1 at most). */
const FEED = 32 * 1024

/** Go's compress/gzip reads a file name or comment into a 512-byte buffer, its NUL included: a longer one is a bad header. */
const MAX_STRING = 511

/** The end of a zero-terminated header field starting at `at`, past its NUL. */
function zeroTerminated(gz: Buffer, at: number, field: string, n: number): number {
  const nul = gz.indexOf(0, at)
  if ((nul < 0 ? gz.length : nul) - at > MAX_STRING)
    throw new GzipFormatError(`gzip member ${n} has a ${field} longer than ${MAX_STRING} bytes, which Helm's gzip reader (Go's) refuses`)
  if (nul < 0) throw new ShortHeader(`gzip member ${n} is truncated inside its header (its ${field} has no terminating NUL)`)
  return nul + 1
}

/** Where the deflate data of the member at the start of `gz` begins. */
function memberHeader(gz: Buffer, n: number): number {
  if (gz[0] !== 0x1f || (gz.length > 1 && gz[1] !== 0x8b)) throw n === 1 ? new GzipFormatError('not a gzip stream') : new TrailingData()
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
  for (let n = 1; ; n++) {
    if (!pending.length && !(await more()) && n > 1) return
    let body: number
    for (;;) {
      try {
        body = memberHeader(pending, n)
        break
      } catch (err) {
        // A header is at most 66,573 bytes (FEXTRA up to 64 KiB, name and comment up to 511 each): waiting is bounded.
        if (err instanceof TrailingData) {
          let extra = pending.length
          for (let r = await input.next(); !r.done; r = await input.next()) extra += r.value.length
          throw new GzipFormatError(`${extra} bytes of trailing data after the gzip stream`)
        }
        if (!(err instanceof ShortHeader) || !(await more())) throw err
      }
    }
    pending = pending.subarray(body)
    const inflate = createInflateRaw()
    const out: Buffer[] = []
    let failure: Error | undefined
    inflate.on('data', (c: Buffer) => out.push(c))
    const failed = new Promise<void>((resolve) => inflate.once('error', (err) => resolve(void (failure = err))))
    const ended = Promise.race([new Promise<void>((resolve) => inflate.once('end', resolve)), failed])
    let crc = 0
    let length = 0
    const take = function* (): Generator<Buffer> {
      for (const c of out.splice(0)) {
        crc = crc32(c, crc)
        length += c.length
        if (total + length > maxOutputLength) throw new GzipFormatError(`gzip member ${n} decompresses to more than ${maxOutputLength} bytes`)
        yield c
      }
    }
    let fed = 0
    // Inflate stops at the end of the deflate data and consumes nothing after it: what it leaves is the trailer.
    while (inflate.bytesWritten === fed) {
      if (!pending.length && !(await more())) break
      const step = pending.subarray(0, FEED)
      await Promise.race([new Promise<void>((resolve) => inflate.write(step, () => resolve())), failed])
      if (failure) break
      fed += step.length
      pending = pending.subarray(Math.min(step.length, inflate.bytesWritten - fed + step.length))
      yield* take()
    }
    if (!failure) inflate.end()
    await ended
    if (failure) throw new GzipFormatError(`gzip member ${n}: ${failure.message}`)
    yield* take()
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
export async function verifyArchive(file: string, where: string, expected?: { name: string; version: string }): Promise<Chart> {
  const archive = path.basename(file)
  const fail = (why: string, cause?: unknown): never => {
    throw new ChartError(`archive ${archive} failed verification, nothing was pushed: ${why}`, {
      chart: where,
      file,
      hint: 'An independent reader (gzip, tar or Helm) would reject it: repackage the chart, and report a bug if this action packaged it',
      cause
    })
  }
  // Two passes, the strict gzip and tar check, then Helm's loader. A small archive is read from disk once for both
  // (opening and reading a file again costs more than checking a small one); a larger one is streamed twice, each
  // pass holding a few blocks, so memory stays bounded whatever the chart's size.
  const size = statSync(file).size
  const whole = size <= READ_ONCE ? readFileSync(file) : undefined
  const read = (): AsyncIterable<Buffer> => (whole ? Readable.from([whole]) : createReadStream(file, { highWaterMark: 64 * 1024 }))
  const check = async (): Promise<Chart> => {
    try {
      await verifyTar(gunzipVerified(read()))
    } catch (err) {
      if (err instanceof GzipFormatError || err instanceof TarFormatError) fail(err.message, err)
      throw err
    }
    try {
      return await loadFiles(await readChartArchive(read(), archive), archive)
    } catch (err) {
      return fail(`Helm's loader refuses it: ${err instanceof ChartError ? err.describe() : (err as Error).message}`, err)
    }
  }
  const chart = whole ? await check() : await oneLargeAtATime(check)
  if (expected && (chart.metadata.name !== expected.name || chart.metadata.version !== expected.version)) {
    fail(`it holds ${chart.metadata.name} ${chart.metadata.version}, not ${expected.name} ${expected.version}`)
  }
  return chart
}
