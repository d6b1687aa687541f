/**
 * The deflate stream of a gzip member, compressed block by block
 * (`block-deflate.ts`) in worker threads. Blocks travel in a fixed set of
 * shared slots (two per thread), each reused once its output is written, so
 * memory stays bounded and nothing is allocated per block whatever the
 * chart's size. The bytes depend only on the input: 0, 1 or N threads give the
 * same stream. An input of one block is compressed in the calling thread, so
 * small charts never pay for starting a worker.
 */
import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { crc32 } from 'node:zlib'
import { startLazyWorker } from '../lazy'
import { BLOCK_SIZE, BlockCompressor, DICT_SIZE, OUTPUT_SIZE } from './block-deflate'
import type { BlockMessage } from './deflate-worker'

/** Threads a large chart is compressed with: GitHub's hosted runners have 2–4 vCPUs; more brings little for one archive. */
export const defaultThreads = (): number => Math.min(4, availableParallelism())

/** Dictionary space, then the block; and room for its output. Shared with the workers. */
interface Slot {
  input: Uint8Array
  output: Uint8Array
}

type Reply = { id: number; length?: number; error?: string }

/** Worker threads running `BlockCompressor`; each job goes to the thread with the fewest jobs. */
class DeflatePool {
  private readonly workers: { worker: Worker; jobs: number }[] = []
  private readonly waiting = new Map<number, { resolve: (length: number) => void; reject: (err: Error) => void; slot: { jobs: number } }>()
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

  run(job: Omit<BlockMessage, 'id'>): Promise<number> {
    const slot = this.workers.reduce((a, b) => (b.jobs < a.jobs ? b : a))
    const id = this.nextId++
    slot.jobs++
    const done = new Promise<number>((resolve, reject) => this.waiting.set(id, { resolve, reject, slot }))
    slot.worker.postMessage({ ...job, id })
    return done
  }

  private settle(r: Reply): void {
    const w = this.waiting.get(r.id)
    if (!w) return
    this.waiting.delete(r.id)
    w.slot.jobs--
    if (r.error !== undefined) w.reject(new Error(`deflate failed: ${r.error}`))
    else w.resolve(r.length!)
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
 * the compressed bytes in order and must be done with them (written) when
 * its promise settles, as the slot is reused. `end` returns the gzip
 * trailer: CRC32 and length of the input.
 */
export class BlockDeflater {
  private readonly free: Slot[] = []
  private slots = 0
  private readonly inFlight: { slot: Slot; length: Promise<number> }[] = []
  private current: Slot | undefined
  private fill = 0
  private readonly tail = new Uint8Array(DICT_SIZE)
  private tailLength = 0
  private blocks = 0
  private crc = 0
  private size = 0
  private pool: DeflatePool | undefined
  private compressor: BlockCompressor | undefined

  constructor(
    private readonly emit: (compressed: Buffer) => Promise<void>,
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
      this.current ??= await this.acquire()
      const n = Math.min(BLOCK_SIZE - this.fill, chunk.length - at)
      this.current.input.set(chunk.subarray(at, at + n), DICT_SIZE + this.fill)
      this.fill += n
      at += n
    }
  }

  async end(): Promise<Buffer> {
    try {
      this.current ??= await this.acquire()
      await this.submit(true)
      while (this.inFlight.length) await this.writeOldest()
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

  /** A slot to fill: a new one while fewer than two per thread exist, else the oldest block's once it is written. */
  private async acquire(): Promise<Slot> {
    if (!this.free.length && this.slots < Math.max(1, 2 * this.threads)) {
      this.slots++
      const shared = (n: number): Uint8Array => new Uint8Array(this.threads ? new SharedArrayBuffer(n) : new ArrayBuffer(n))
      this.free.push({ input: shared(DICT_SIZE + BLOCK_SIZE), output: shared(OUTPUT_SIZE) })
    }
    while (!this.free.length) await this.writeOldest()
    return this.free.pop()!
  }

  private async writeOldest(): Promise<void> {
    const { slot, length } = this.inFlight.shift()!
    const n = await length
    await this.emit(Buffer.from(slot.output.buffer, slot.output.byteOffset, n))
    this.free.push(slot)
  }

  private async submit(last: boolean): Promise<void> {
    const slot = this.current!
    const length = this.fill
    const dictLength = this.tailLength
    slot.input.set(this.tail.subarray(0, dictLength), DICT_SIZE - dictLength)
    if (!last) {
      this.tail.set(slot.input.subarray(DICT_SIZE + length - DICT_SIZE, DICT_SIZE + length))
      this.tailLength = DICT_SIZE
    }
    this.current = undefined
    this.fill = 0
    let done: Promise<number>
    if (this.threads === 0 || (last && this.blocks === 0)) {
      this.compressor ??= new BlockCompressor()
      const dict = dictLength ? slot.input.subarray(DICT_SIZE - dictLength, DICT_SIZE) : undefined
      done = Promise.resolve(this.compressor.deflate(slot.input.subarray(DICT_SIZE, DICT_SIZE + length), dict, last, slot.output))
    } else {
      this.pool ??= new DeflatePool(this.threads)
      done = this.pool.run({ input: slot.input.buffer as SharedArrayBuffer, output: slot.output.buffer as SharedArrayBuffer, dictLength, length, last })
    }
    done.catch(() => undefined) // awaited in order by writeOldest; a rejection before then is not unhandled
    this.inFlight.push({ slot, length: done })
    this.blocks++
  }
}
