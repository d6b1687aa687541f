/**
 * What the deflate worker thread does with each block (`deflate-worker.ts` only wires its message port and
 * libdeflate to this): deflates the block in a shared slot into the slot's shared output, opened for the next block
 * unless it is the last (`block-deflate.ts`), checks it fits, and returns the reply `parallel-gzip.ts` waits for:
 * the length written, or the error. Pure, apart from the compressor it is given, so it is tested in-process.
 */
import { BLOCK_SIZE, StreamOpener } from './block-deflate'

/** A block in a shared slot: `length` bytes of `input`, to be written into `output`. */
export interface BlockMessage {
  id: number
  input: SharedArrayBuffer
  output: SharedArrayBuffer
  length: number
  last: boolean
}

/** The bytes written into the slot's output, or why the block failed. */
export type BlockReply = { id: number; length: number } | { id: number; error: string }

/** A complete raw deflate stream of `block` (a view that may only be valid until the next call). */
export type RawDeflate = (block: Uint8Array) => Uint8Array

/** The exports of libdeflate's Emscripten module that `libdeflateRaw` calls. */
export interface Libdeflate {
  HEAPU8: Uint8Array
  _malloc: (size: number) => number
  _libdeflate_alloc_compressor: (level: number) => number
  _libdeflate_deflate_compress_bound: (compressor: number, length: number) => number
  _libdeflate_deflate_compress: (compressor: number, input: number, length: number, output: number, capacity: number) => number
}

/**
 * libdeflate's level-6 raw deflate of blocks up to BLOCK_SIZE, with one compressor and one input and output buffer
 * for every call; the stream returned is a view of its memory, valid until the next call.
 */
export function libdeflateRaw(wasm: Libdeflate): RawDeflate {
  const compressor = wasm._libdeflate_alloc_compressor(6)
  const capacity = wasm._libdeflate_deflate_compress_bound(compressor, BLOCK_SIZE)
  const input = wasm._malloc(BLOCK_SIZE)
  const output = wasm._malloc(capacity)
  if (!compressor || !input || !output) throw new Error('libdeflate could not allocate its compressor')
  return (block) => {
    wasm.HEAPU8.set(block, input)
    const n = wasm._libdeflate_deflate_compress(compressor, input, block.length, output, capacity)
    if (!n) throw new Error(`libdeflate could not compress a block of ${block.length} bytes`)
    // HEAPU8 is read again after the call: memory growth replaces it.
    return wasm.HEAPU8.subarray(output, output + n)
  }
}

/** The worker's handler: each message's block deflated into its slot with `deflate`, and the reply to send back. */
export function blockJobs(deflate: RawDeflate): (m: BlockMessage) => BlockReply {
  const opener = new StreamOpener()
  return (m) => {
    try {
      const stream = deflate(new Uint8Array(m.input, 0, m.length))
      const out = new Uint8Array(m.output)
      if (!m.last) return { id: m.id, length: opener.openStream(stream, m.length, out) }
      if (stream.length > out.length) throw new Error(`deflate output of ${stream.length} bytes exceeds its ${out.length}-byte slot`)
      out.set(stream)
      return { id: m.id, length: stream.length }
    } catch (err) {
      return { id: m.id, error: (err as Error).message }
    }
  }
}
