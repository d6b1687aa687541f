/**
 * Worker-thread entry for `src/chart/parallel-gzip.ts`: compresses the blocks
 * it is sent with `deflateBlock` and sends each result back, transferred.
 * Built into its own bundle (dist/chart/deflate-worker/) by scripts/build.js.
 */
import { parentPort } from 'node:worker_threads'
import { deflateBlock, type BlockJob } from './block-deflate'

parentPort!.on('message', (job: BlockJob & { id: number }) => {
  try {
    const out = deflateBlock(job)
    // pako's output array is its own; transfer it whole when the result fills it, else copy the result out.
    const own = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? out : out.slice()
    parentPort!.postMessage({ id: job.id, out: own }, [own.buffer as ArrayBuffer])
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: (err as Error).message })
  }
})
