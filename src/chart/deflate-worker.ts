/**
 * Worker-thread entry for `src/chart/parallel-gzip.ts`: wires the thread's message port and libdeflate (level 6,
 * WebAssembly: the same bytes on every CPU, about as fast as native zlib) to `deflate-job.ts`, which does the work
 * of each block and says what to reply. Built into its own bundle (dist/chart/deflate-worker/) by scripts/build.js,
 * so the main thread never loads the WebAssembly.
 */
import { parentPort } from 'node:worker_threads'
// The package's module itself, not its index.js, which allocates a compressor and buffers and copies the output
// per call: about 50 MiB of garbage per thread before V8 collects it (measured), against none here. The version is pinned.
import createModule from '../../node_modules/libdeflate/dist/libdeflate.wasm.mjs'
import { blockJobs, libdeflateRaw, type BlockMessage } from './deflate-job'

const job = blockJobs(libdeflateRaw(createModule()))
parentPort!.on('message', (m: BlockMessage) => parentPort!.postMessage(job(m)))
