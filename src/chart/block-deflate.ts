/**
 * Deflate in fixed-size blocks, pigz-style, so that worker threads can share
 * the work and the bytes still never depend on how many threads ran it. The
 * input is cut at every BLOCK_SIZE bytes of the uncompressed stream (never at
 * read-chunk or thread boundaries); each block is compressed by pako (zlib's
 * algorithm, level 6, in portable JavaScript) with the previous block's last
 * 32 KiB as preset dictionary and ends with a sync flush (byte-aligned, so the
 * raw outputs simply concatenate); the final block ends the stream. The
 * CRC32 is computed over the whole input in order by the caller.
 * A stream of one block is exactly pako's ordinary level-6 raw stream.
 */
import { constants as pakoConstants } from 'pako'
// pako's zlib port itself: one stream state reset per block instead of a new one (and its buffers) per block.
import * as zlibDeflate from 'pako/lib/zlib/deflate.js'
import ZStream from 'pako/lib/zlib/zstream.js'

/** Uncompressed bytes per block: part of the archive format — changing it changes every archive over 1 MiB. */
export const BLOCK_SIZE = 1024 * 1024
/** Deflate's window: the dictionary each block gets from the one before. */
export const DICT_SIZE = 32 * 1024
/** Room for a block's deflate output: stored blocks add 5 bytes per 16 KiB at worst, plus the flush marker. */
export const OUTPUT_SIZE = BLOCK_SIZE + (BLOCK_SIZE >> 10) + 1024

/** zlib's stream state (pako's ZStream), as far as it is used here. */
interface Stream {
  input: Uint8Array
  next_in: number
  avail_in: number
  output: Uint8Array
  next_out: number
  avail_out: number
  msg: string
  state: { window: Uint8Array; prev: Uint16Array }
}

/** One zlib deflate state (level 6, raw, 32 KiB window), reset for every block. */
export class BlockCompressor {
  private readonly strm = new ZStream() as Stream

  constructor() {
    zlibDeflate.deflateInit2(this.strm, 6, 8 /* Z_DEFLATED */, -15, 8, pakoConstants.Z_DEFAULT_STRATEGY)
  }

  /** Deflates `block` (after `dict`, when given) into `out`, ending with a sync flush or, when `last`, the final block. Returns the length written. */
  deflate(block: Uint8Array, dict: Uint8Array | undefined, last: boolean, out: Uint8Array): number {
    const s = this.strm
    zlibDeflate.deflateReset(s)
    // As new: near a block's end zlib's match search reads window bytes past the input, which reset leaves
    // holding an earlier block (whichever this thread ran last). Zeroed, every block sees what a fresh state sees.
    s.state.window.fill(0)
    s.state.prev.fill(0)
    if (dict?.length && zlibDeflate.deflateSetDictionary(s, dict) !== pakoConstants.Z_OK) throw new Error(`deflate failed: ${s.msg}`)
    s.input = block
    s.next_in = 0
    s.avail_in = block.length
    s.output = out
    s.next_out = 0
    s.avail_out = out.length
    const status = zlibDeflate.deflate(s, last ? pakoConstants.Z_FINISH : pakoConstants.Z_SYNC_FLUSH)
    // A flush is complete only if it left output space unused.
    if (status !== (last ? pakoConstants.Z_STREAM_END : pakoConstants.Z_OK) || s.avail_in || !s.avail_out) throw new Error(`deflate failed: ${s.msg || status}`)
    return s.next_out
  }
}
