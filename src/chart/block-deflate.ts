/**
 * Deflate in fixed-size blocks, pigz-style, so that worker threads can share
 * the work and the bytes still never depend on how many threads ran it. The
 * input is cut at every BLOCK_SIZE bytes of the uncompressed stream (never at
 * read-chunk or thread boundaries); each block is compressed by pako (zlib's
 * algorithm, level 6, in portable JavaScript) with the previous block's last
 * 32 KiB as preset dictionary and ends with a sync flush (byte-aligned, so the
 * raw outputs simply concatenate); the final block ends the stream. The
 * CRC32 is computed over the whole input in order by the caller.
 * A stream of one block is exactly pako's ordinary level-6 stream.
 */
import { Deflate, constants as pakoConstants } from 'pako'

/** Uncompressed bytes per block: part of the archive format — changing it changes every archive over 1 MiB. */
export const BLOCK_SIZE = 1024 * 1024
/** Deflate's window: the dictionary each block gets from the one before. */
export const DICT_SIZE = 32 * 1024

/** One job: `block` of the tar stream, the 32 KiB before it (none for the first), whether it ends the stream. */
export interface BlockJob {
  block: Uint8Array
  dict?: Uint8Array
  last: boolean
}

/** The raw deflate data of one block (pako level 6). Depends on the job alone, so any thread may run it. */
export function deflateBlock(job: BlockJob): Uint8Array {
  const { block, dict, last } = job
  // One output chunk in the usual case: stored blocks cost 5 bytes per 16 KiB; the sync marker 5 more.
  const deflate = new Deflate({ level: 6, raw: true, chunkSize: block.length + (block.length >> 9) + 1024, ...(dict ? { dictionary: dict } : {}) })
  const parts: Uint8Array[] = []
  deflate.onData = (c: Uint8Array) => parts.push(c)
  deflate.push(block, last ? pakoConstants.Z_FINISH : pakoConstants.Z_SYNC_FLUSH)
  if (deflate.err) throw new Error(`deflate failed: ${deflate.msg}`)
  if (parts.length === 1) return parts[0]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
