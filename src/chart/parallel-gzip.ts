/**
 * The deflate stream of a gzip member, compressed block by block
 * (`block-deflate.ts`) in worker threads, with the blocks' outputs written in
 * order and at most two blocks per thread in flight, so memory stays bounded
 * whatever the chart's size. The bytes depend only on the input: 0, 1 or N
 * threads give the same stream. An input of one block is compressed in the
 * calling thread, so small charts never pay for starting a worker.
 */
import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { crc32 } from 'node:zlib'
import { startLazyWorker } from '../lazy'
import { BLOCK_SIZE, DICT_SIZE, deflateBlock, type BlockJob } from './block-deflate'

/** Threads a large chart is compressed with: GitHub's hosted runners have 2–4 vCPUs; more brings little for one archive. */
export const defaultThreads = (): number => Math.min(4, availableParallelism())

type Reply = { id: number; out?: Uint8Array; error?: string }

/** Worker threads running `deflateBlock`; each job goes to the thread with the fewest jobs. */
class DeflatePool {
  private readonly workers: { worker: Worker; jobs: number }[] = []
  private readonly waiting = new Map<number, { resolve: (out: Uint8Array) => void; reject: (err: Error) => void; slot: { jobs: number } }>()
  private nextId = 0

  constructor(threads: number) {
    for (let i = 0; i < threads; i++) {
      const slot = { worker: startLazyWorker('chart/deflate-worker'), jobs: 0 }
      slot.worker.on('message', (r: Reply) => this.settle(r))
      slot.worker.on('error', (err) => this.failAll(err))
      slot.worker.on('exit', (code) => code && this.failAll(new Error(`a deflate worker exited with code ${code}`)))
      this.workers.push(slot)
    }
  }

  run(job: BlockJob): Promise<Uint8Array> {
    const slot = this.workers.reduce((a, b) => (b.jobs < a.jobs ? b : a))
    const id = this.nextId++
    slot.jobs++
    const done = new Promise<Uint8Array>((resolve, reject) => this.waiting.set(id, { resolve, reject, slot }))
    const transfer = [job.block.buffer, ...(job.dict ? [job.dict.buffer] : [])] as ArrayBuffer[]
    slot.worker.postMessage({ ...job, id }, transfer)
    return done
  }

  private settle(r: Reply): void {
    const w = this.waiting.get(r.id)
    if (!w) return
    this.waiting.delete(r.id)
    w.slot.jobs--
    if (r.error !== undefined) w.reject(new Error(`deflate failed: ${r.error}`))
    else w.resolve(r.out!)
  }

  private failAll(err: Error): void {
    for (const w of this.waiting.values()) w.reject(err)
    this.waiting.clear()
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()))
  }
}

/**
 * Raw deflate of everything written, in BLOCK_SIZE blocks; `emit` receives
 * the compressed bytes in order (awaited, so a slow disk holds the input back).
 * `end` returns the gzip trailer: CRC32 and length of the input.
 */
export class BlockDeflater {
  private block = Buffer.allocUnsafeSlow(BLOCK_SIZE)
  private fill = 0
  private dict: Uint8Array | undefined
  private blocks = 0
  private crc = 0
  private size = 0
  private readonly inFlight: Promise<Uint8Array>[] = []
  private pool: DeflatePool | undefined

  constructor(
    private readonly emit: (compressed: Buffer) => void | Promise<void>,
    private readonly threads = defaultThreads()
  ) {}

  async write(chunk: Buffer): Promise<void> {
    // An empty buffer may have no backing store, for which Node 20's crc32 ignores the seed.
    if (!chunk.length) return
    this.crc = crc32(chunk, this.crc)
    this.size += chunk.length
    for (let at = 0; at < chunk.length;) {
      // A full block is sent only once more input shows it is not the last.
      if (this.fill === BLOCK_SIZE) await this.submit(false)
      const n = Math.min(BLOCK_SIZE - this.fill, chunk.length - at)
      chunk.copy(this.block, this.fill, at, at + n)
      this.fill += n
      at += n
    }
  }

  async end(): Promise<Buffer> {
    try {
      await this.submit(true)
    } finally {
      await this.pool?.close()
    }
    const trailer = Buffer.alloc(8)
    trailer.writeUInt32LE(this.crc >>> 0, 0)
    trailer.writeUInt32LE(this.size % 2 ** 32, 4)
    return trailer
  }

  /** Stops the workers after a failure elsewhere. */
  async abort(): Promise<void> {
    await this.pool?.close()
  }

  private async submit(last: boolean): Promise<void> {
    const job: BlockJob = { block: this.block.subarray(0, this.fill), dict: this.dict, last }
    // Copied before the block is transferred to a worker.
    this.dict = last ? undefined : new Uint8Array(this.block.subarray(this.fill - DICT_SIZE, this.fill))
    this.block = Buffer.allocUnsafeSlow(BLOCK_SIZE)
    this.fill = 0
    let out: Promise<Uint8Array>
    if (this.threads === 0 || (last && this.blocks === 0)) out = Promise.resolve(deflateBlock(job))
    else out = (this.pool ??= new DeflatePool(this.threads)).run(job)
    out.catch(() => undefined) // awaited in order below; a rejection before then is not unhandled
    this.inFlight.push(out)
    this.blocks++
    const limit = last ? 1 : Math.max(1, 2 * this.threads)
    while (this.inFlight.length >= limit) {
      const c = await this.inFlight.shift()!
      await this.emit(Buffer.from(c.buffer, c.byteOffset, c.byteLength))
    }
  }
}
