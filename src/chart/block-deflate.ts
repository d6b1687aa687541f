/**
 * The block format of archives over one block (`parallel-gzip.ts`): the tar
 * stream is cut at every BLOCK_SIZE bytes, each block is deflated on its own
 * (no preset dictionary, so any thread can take any block), and the pieces
 * are joined into ONE deflate stream, as pigz does: every piece but the last
 * ends with a sync flush (an empty stored block, `00 00 ff ff`) instead of
 * deflate's final-block mark. The bytes depend only on the input, never on
 * the number of threads.
 *
 * `openStream` turns a complete raw deflate stream (what libdeflate writes)
 * into such a piece. That needs the bit where its last deflate block starts
 * (to clear the final mark) and the bit where it ends (to append the stored
 * block right after its end-of-block code); pako's inflate finds both, as
 * it stops at every block boundary (zlib's Z_BLOCK) and reports the bits it
 * has not used.
 */
import * as pako from 'pako/lib/zlib/constants.js'
import * as zlibInflate from 'pako/lib/zlib/inflate.js'
import ZStream from 'pako/lib/zlib/zstream.js'

/** Uncompressed bytes per block: part of the archive format — changing it changes every archive over 1 MiB. */
export const BLOCK_SIZE = 1024 * 1024
/** Room for a block's deflate output: stored blocks add 5 bytes per 5,000 at worst (libdeflate's bound), plus the flush. */
export const OUTPUT_SIZE = BLOCK_SIZE + (BLOCK_SIZE >> 10) + 1024

/** A sync flush's empty stored block after its 3 header bits and the padding: LEN 0, NLEN 0xffff. */
const STORED_EMPTY = [0x00, 0x00, 0xff, 0xff]

/** zlib's inflate stream state (pako's ZStream), as far as it is used here. */
interface InflateStream {
  input: Uint8Array
  next_in: number
  avail_in: number
  output: Uint8Array
  next_out: number
  avail_out: number
  data_type: number
  msg: string
}

/** Where a complete deflate stream's last block starts and where it ends, in bits from the stream's start. */
export interface LastBlock {
  start: number
  end: number
}

/** Output room for the walk: inflate keeps its own 32 KiB window, so the output only passes through. */
const SCRATCH = 64 * 1024

/** Finds stream boundaries with one reusable inflate state and output buffer. */
export class StreamOpener {
  private readonly strm = new ZStream() as InflateStream
  private readonly scratch = new Uint8Array(SCRATCH)

  constructor() {
    zlibInflate.inflateInit2(this.strm, -15)
  }

  /**
   * Copies the complete raw deflate `stream` (of `length` uncompressed bytes)
   * into `out` as a piece that another stream may follow: its last block no
   * longer final, then an empty stored block. Returns the bytes written.
   */
  openStream(stream: Uint8Array, length: number, out: Uint8Array): number {
    const { start, end } = this.lastBlock(stream, length)
    const endByte = end >>> 3
    const used = end & 7
    let n = used ? endByte + 1 : endByte
    if (n + 5 > out.length) throw new Error(`deflate output of ${n} bytes exceeds its ${out.length}-byte slot`)
    out.set(stream.subarray(0, n))
    // BFINAL is the first bit of the block header; deflate packs bits from the low end of each byte.
    out[start >>> 3] &= ~(1 << (start & 7))
    // The stored block's header (BFINAL 0, BTYPE 00) follows the end-of-block code: zero bits, in this byte if three
    // are left in it, else spilling into one more; then zero padding to the byte boundary, LEN and NLEN.
    if (used) out[endByte] &= (1 << used) - 1
    if (!used || used > 5) out[n++] = 0
    out.set(STORED_EMPTY, n)
    return n + STORED_EMPTY.length
  }

  /** Inflates `stream` block by block, up to the end of its final block, and returns that block's bounds. */
  lastBlock(stream: Uint8Array, length: number): LastBlock {
    const s = this.strm
    const incomplete = (why?: string | number): Error => new Error(`not a complete deflate stream of ${length} bytes${why ? `: ${why}` : ''}`)
    zlibInflate.inflateReset(s)
    s.input = stream
    s.next_in = 0
    s.avail_in = stream.length
    s.output = this.scratch
    let produced = 0
    const room = (): void => {
      s.next_out = 0
      s.avail_out = Math.min(SCRATCH, length - produced + 1)
    }
    room()
    let start = 0
    for (;;) {
      const before = s.next_in + produced + s.next_out
      const status = zlibInflate.inflate(s, pako.Z_BLOCK)
      if (status !== pako.Z_OK) throw incomplete(s.msg || status)
      // data_type: the unused bits of the last input byte, +64 once the final block's header was read, +128 at a block boundary.
      if (s.data_type & 128) {
        const at = s.next_in * 8 - (s.data_type & 63)
        if (s.data_type & 64) {
          if (produced + s.next_out !== length || s.avail_in) throw incomplete()
          return { start, end: at }
        }
        start = at
      } else if (s.next_in + produced + s.next_out === before) throw incomplete()
      produced += s.next_out
      if (produced > length) throw incomplete()
      room()
    }
  }
}
