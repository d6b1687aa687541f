/**
 * Worker-thread entry for `src/chart/parallel-gzip.ts`: compresses the block
 * in a shared slot (dictionary, then block) into the slot's shared output and
 * replies with the length. Built into its own bundle (dist/chart/deflate-worker/)
 * by scripts/build.js.
 */
import { parentPort } from 'node:worker_threads'
import { BlockCompressor, DICT_SIZE } from './block-deflate'

export interface BlockMessage {
  id: number
  input: SharedArrayBuffer
  output: SharedArrayBuffer
  dictLength: number
  length: number
  last: boolean
}

const compressor = new BlockCompressor()
parentPort!.on('message', (m: BlockMessage) => {
  try {
    const input = new Uint8Array(m.input)
    const dict = m.dictLength ? input.subarray(DICT_SIZE - m.dictLength, DICT_SIZE) : undefined
    const length = compressor.deflate(input.subarray(DICT_SIZE, DICT_SIZE + m.length), dict, m.last, new Uint8Array(m.output))
    parentPort!.postMessage({ id: m.id, length })
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: (err as Error).message })
  }
})
