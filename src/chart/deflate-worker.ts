/**
 * Worker-thread entry for `src/chart/parallel-gzip.ts`: deflates the block in
 * a shared slot with libdeflate (level 6, WebAssembly: the same bytes on every
 * CPU, about as fast as native zlib) into the slot's shared output, opened for
 * the next block unless it is the last (`block-deflate.ts`), and replies with
 * the length. Built into its own bundle (dist/chart/deflate-worker/) by
 * scripts/build.js, so the main thread never loads the WebAssembly.
 */
import { parentPort } from 'node:worker_threads'
// The package's module itself, not its index.js, which allocates a compressor and buffers and copies the output
// per call: about 50 MiB of garbage per thread before V8 collects it (measured), against none here. The version is pinned.
import createModule from '../../node_modules/libdeflate/dist/libdeflate.wasm.mjs'
import { BLOCK_SIZE, StreamOpener } from './block-deflate'

export interface BlockMessage {
  id: number
  input: SharedArrayBuffer
  output: SharedArrayBuffer
  length: number
  last: boolean
}

const wasm = createModule()
const compressor = wasm._libdeflate_alloc_compressor(6)
const capacity = wasm._libdeflate_deflate_compress_bound(compressor, BLOCK_SIZE)
const input = wasm._malloc(BLOCK_SIZE)
const output = wasm._malloc(capacity)
if (!compressor || !input || !output) throw new Error('libdeflate could not allocate its compressor')
const opener = new StreamOpener()

/** libdeflate's raw deflate stream of `block`, as a view of its memory (valid until the next call). */
function deflate(block: Uint8Array): Uint8Array {
  wasm.HEAPU8.set(block, input)
  const n = wasm._libdeflate_deflate_compress(compressor, input, block.length, output, capacity)
  if (!n) throw new Error(`libdeflate could not compress a block of ${block.length} bytes`)
  // HEAPU8 is read again after the call: memory growth replaces it.
  return wasm.HEAPU8.subarray(output, output + n)
}

parentPort!.on('message', (m: BlockMessage) => {
  try {
    const stream = deflate(new Uint8Array(m.input, 0, m.length))
    const out = new Uint8Array(m.output)
    let length = stream.length
    if (!m.last) length = opener.openStream(stream, m.length, out)
    else if (length > out.length) throw new Error(`deflate output of ${length} bytes exceeds its ${out.length}-byte slot`)
    else out.set(stream)
    parentPort!.postMessage({ id: m.id, length })
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: (err as Error).message })
  }
})
