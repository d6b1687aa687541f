/**
 * A whole-buffer tar reader for tests: reads back what the packager wrote (headers checked by the same `checkHeader`,
 * names by the same `entryName` as the archive reader), so a test can compare entries, not bytes. The product reads
 * archives as a stream (src/chart/archive.ts) and checks them with `verifyTar`.
 */
import { BLOCK, checkHeader, cstring, dataSize, entryName, isMeta, isZeroBlock, padded, parsePax } from '../../src/chart/tar'

export interface TarEntry {
  name: string
  /** '0' regular, '5' directory, '2' symlink, … */
  type: string
  data: Buffer
  mtimeMs: number
}

/** Reads every entry of an uncompressed tar (headers checked as `checkHeader` does). */
export function readTar(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = []
  let off = 0
  let pax: Record<string, string> = {}
  let longName: string | undefined
  while (off + BLOCK <= tar.length) {
    const h = tar.subarray(off, off + BLOCK)
    if (isZeroBlock(h)) break
    const header = checkHeader(h, off)
    const type = String.fromCharCode(h[156] || 0x30)
    const size = isMeta(type) ? header.size : dataSize(type, header.size, pax, off)
    const dataStart = off + BLOCK
    if (dataStart + size > tar.length) throw new Error('unexpected end of tar archive')
    const data = tar.subarray(dataStart, dataStart + size)
    const at = off
    off = dataStart + padded(size)
    if (type === 'x') pax = parsePax(data, at)
    if (type === 'L') longName = cstring(data, 0, data.length)
    // A global header, or a GNU long link name (the target of the next entry, which is no file of its own).
    if (isMeta(type)) continue
    const name = entryName(h, pax, longName)
    const mtimeMs = (pax.mtime ? parseFloat(pax.mtime) : header.mtime) * 1000
    pax = {}
    longName = undefined
    entries.push({ name, type, data, mtimeMs })
  }
  return entries
}
