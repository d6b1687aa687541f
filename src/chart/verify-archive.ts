/**
 * Reads a chart archive back before it is pushed, independently of the code
 * that wrote it: every gzip member (RFC 1952 header, deflate stream through
 * Node's native zlib, CRC32 and ISIZE recomputed and compared with the
 * trailer), the tar structure (`verifyTar`), then Helm's loader rules through
 * the archive loader. Whatever an independent reader (gzip -t, tar, Helm)
 * would reject is refused here with an error naming the chart and the archive.
 */
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import { crc32, inflateRawSync } from 'node:zlib'
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

/** The end of a zero-terminated header field starting at `at`, past its NUL. */
function zeroTerminated(gz: Buffer, at: number, field: string, n: number): number {
  const nul = gz.indexOf(0, at)
  if (nul < 0) throw new GzipFormatError(`gzip member ${n} is truncated inside its header (its ${field} has no terminating NUL)`)
  return nul + 1
}

/** Where the deflate data of the member starting at `start` begins. */
function memberHeader(gz: Buffer, start: number, n: number): number {
  if (gz[start] !== 0x1f || (gz.length - start > 1 && gz[start + 1] !== 0x8b))
    throw new GzipFormatError(n === 1 ? 'not a gzip stream' : `${gz.length - start} bytes of trailing data after the gzip stream`)
  if (gz.length - start < 10) throw new GzipFormatError(`gzip member ${n} is truncated inside its header`)
  if (gz[start + 2] !== 8) throw new GzipFormatError(`gzip member ${n} uses compression method ${gz[start + 2]}, not deflate`)
  const flg = gz[start + 3]
  if (flg & 0xe0) throw new GzipFormatError(`gzip member ${n} sets reserved header flags`)
  let at = start + 10
  if (flg & FEXTRA) {
    if (at + 2 > gz.length) throw new GzipFormatError(`gzip member ${n} is truncated inside its header`)
    at += 2 + gz.readUInt16LE(at)
  }
  if (flg & FNAME) at = zeroTerminated(gz, at, 'file name', n)
  if (flg & FCOMMENT) at = zeroTerminated(gz, at, 'comment', n)
  if (flg & FHCRC) {
    if (at + 2 > gz.length) throw new GzipFormatError(`gzip member ${n} is truncated inside its header`)
    if ((crc32(gz.subarray(start, at)) & 0xffff) !== gz.readUInt16LE(at)) throw new GzipFormatError(`gzip member ${n} has a wrong header CRC`)
    at += 2
  }
  if (at > gz.length) throw new GzipFormatError(`gzip member ${n} is truncated inside its header`)
  return at
}

/**
 * Decompresses every member of a gzip stream, checking each trailer against
 * the CRC32 and length of what it really holds. Returns the content.
 */
export function gunzipVerified(gz: Buffer, maxOutputLength = MAX_DECOMPRESSED_CHART_SIZE): Buffer {
  const parts: Buffer[] = []
  let total = 0
  let at = 0
  for (let n = 1; n === 1 || at < gz.length; n++) {
    const body = memberHeader(gz, at, n)
    let out: Buffer
    let consumed: number
    try {
      const r = inflateRawSync(gz.subarray(body), { info: true, maxOutputLength: maxOutputLength - total }) as unknown as {
        buffer: Buffer
        engine: { bytesWritten: number }
      }
      out = r.buffer
      consumed = r.engine.bytesWritten
    } catch (err) {
      throw new GzipFormatError(`gzip member ${n}: ${(err as Error).message}`)
    }
    const trailer = body + consumed
    if (trailer + 8 > gz.length) throw new GzipFormatError(`gzip member ${n} is truncated: its CRC32/ISIZE trailer is missing`)
    // An empty result may have no backing store, for which Node 20's crc32 is 0 regardless of the seed.
    const crc = out.length ? crc32(out) >>> 0 : 0
    const recordedCrc = gz.readUInt32LE(trailer)
    if (crc !== recordedCrc) throw new GzipFormatError(`gzip member ${n} has a wrong CRC32: the trailer says ${hex(recordedCrc)}, the content's is ${hex(crc)}`)
    const isize = gz.readUInt32LE(trailer + 4)
    if (isize !== out.length % 2 ** 32)
      throw new GzipFormatError(`gzip member ${n} has a wrong ISIZE: the trailer says ${isize} bytes, the content is ${out.length}`)
    parts.push(out)
    total += out.length
    at = trailer + 8
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts)
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
  const gz = await fs.readFile(file)
  try {
    verifyTar(gunzipVerified(gz))
  } catch (err) {
    if (err instanceof GzipFormatError || err instanceof TarFormatError) fail(err.message, err)
    throw err
  }
  let chart: Chart | undefined
  try {
    chart = await loadFiles(await readChartArchive(gz, archive), archive)
  } catch (err) {
    fail(`Helm's loader refuses it: ${err instanceof ChartError ? err.describe() : (err as Error).message}`, err)
  }
  if (expected && (chart!.metadata.name !== expected.name || chart!.metadata.version !== expected.version)) {
    fail(`it holds ${chart!.metadata.name} ${chart!.metadata.version}, not ${expected.name} ${expected.version}`)
  }
  return chart!
}
