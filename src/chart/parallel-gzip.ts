/**
 * The deflate stream of a gzip member. An archive of one block (up to 1 MiB of
 * tar, nearly every chart) is pako's ordinary level-6 raw stream, compressed
 * in the calling thread, so small charts never pay for starting a worker.
 * Larger ones are deflated block by block (`block-deflate.ts`) by libdeflate
 * in worker threads. Blocks travel in a fixed set of shared slots (two per
 * thread), each reused once its output is written, so memory stays bounded
 * and nothing is allocated per block whatever the chart's size. The bytes
 * depend only on the input: 1 or N threads give the same stream.
 */
import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { crc32 } from 'node:zlib'
import { startLazyWorker } from '../lazy'
import { deflateRaw } from 'pako/lib/deflate.js'
import { BLOCK_SIZE, OUTPUT_SIZE } from './block-deflate'
import type { BlockMessage, BlockReply } from './deflate-job'

/** Threads large charts are compressed with: GitHub's hosted runners have 2–4 vCPUs; more brings little. */
export const defaultThreads = (): number => Math.min(4, availableParallelism())

/** A block and room for its output, shared with the workers. */
interface Slot {
  input: Uint8Array
  output: Uint8Array
}

/**
 * Worker threads running `deflate-worker.ts` and the slots blocks travel in,
 * one pool per thread count for the whole process: however many charts are
 * packaged at once, there are at most that many threads and twice as many
 * slots. Each job goes to the thread with the fewest jobs; a thread keeps the
 * process alive only while it has one. When its last chart is done the pool
 * stops, so that its threads' memory (about 20 MiB each) is not held through
 * the read-back and push that follow.
 */
class DeflatePool {
  private readonly workers: { worker: Worker; jobs: number }[] = []
  private readonly waiting = new Map<number, { resolve: (length: number) => void; reject: (err: Error) => void; slot: { worker: Worker; jobs: number } }>()
  private nextId = 0
  private readonly free: Slot[] = []
  private slots = 0
  private readonly slotWaiters: { resolve: (slot: Slot) => void; reject: (err: Error) => void }[] = []
  broken: Error | undefined
  /** Charts using the pool. */
  users = 0

  constructor(readonly threads: number) {
    for (let i = 0; i < threads; i++) {
      const slot = { worker: startLazyWorker('chart/deflate-worker'), jobs: 0 }
      slot.worker.unref()
      slot.worker.on('message', (r: BlockReply) => this.settle(r))
      slot.worker.on('error', (err) => this.fail(err))
      slot.worker.on('exit', (code) => this.fail(new Error(`a deflate worker exited with code ${code}`)))
      this.workers.push(slot)
    }
  }

  /** A free slot, or a new one while fewer than two per thread exist. */
  tryAcquire(): Slot | undefined {
    if (this.broken) throw this.broken
    if (!this.free.length && this.slots < 2 * this.threads) {
      this.slots++
      const shared = (n: number): Uint8Array => new Uint8Array(new SharedArrayBuffer(n))
      return { input: shared(BLOCK_SIZE), output: shared(OUTPUT_SIZE) }
    }
    return this.free.pop()
  }

  /** The next slot any chart releases. */
  acquire(): Promise<Slot> {
    const slot = this.tryAcquire()
    return slot ? Promise.resolve(slot) : new Promise((resolve, reject) => this.slotWaiters.push({ resolve, reject }))
  }

  release(slot: Slot): void {
    const waiter = this.slotWaiters.shift()
    if (waiter) waiter.resolve(slot)
    else this.free.push(slot)
  }

  run(job: Omit<BlockMessage, 'id'>): Promise<number> {
    if (this.broken) return Promise.reject(this.broken)
    const slot = this.workers.reduce((a, b) => (b.jobs < a.jobs ? b : a))
    const id = this.nextId++
    if (!slot.jobs++) slot.worker.ref()
    const done = new Promise<number>((resolve, reject) => this.waiting.set(id, { resolve, reject, slot }))
    slot.worker.postMessage({ ...job, id })
    return done
  }

  private settle(r: BlockReply): void {
    const w = this.waiting.get(r.id)
    if (!w) return
    this.waiting.delete(r.id)
    if (!--w.slot.jobs) w.slot.worker.unref()
    if ('error' in r) w.reject(new Error(`deflate failed: ${r.error}`))
    else w.resolve(r.length)
  }

  async close(): Promise<void> {
    this.broken = new Error('the deflate pool was closed')
    await Promise.all(this.workers.map((w) => w.worker.terminate()))
  }

  /** A thread failed: every job and every chart waiting for a slot fails, and the next chart gets a new pool. */
  private fail(err: Error): void {
    if (this.broken) return
    this.broken = err
    if (pools.get(this.threads) === this) pools.delete(this.threads)
    for (const w of this.waiting.values()) w.reject(err)
    this.waiting.clear()
    for (const w of this.slotWaiters.splice(0)) w.reject(err)
    for (const w of this.workers) void w.worker.terminate()
  }
}

const pools = new Map<number, DeflatePool>()
function joinPool(threads: number): DeflatePool {
  let pool = pools.get(threads)
  if (!pool) pools.set(threads, (pool = new DeflatePool(threads)))
  pool.users++
  return pool
}
async function leavePool(pool: DeflatePool): Promise<void> {
  if (--pool.users || pool.broken) return
  if (pools.get(pool.threads) === pool) pools.delete(pool.threads)
  await pool.close()
}

/**
 * Raw deflate of everything written, in BLOCK_SIZE blocks; `emit` receives
 * the compressed bytes in order and must be done with them (written) when
 * its promise settles, as the slot is reused. `end` returns the gzip
 * trailer: CRC32 and length of the input. The first block is gathered in this
 * thread; only a second one brings in the shared pool.
 */
export class BlockDeflater {
  private first: Uint8Array = new Uint8Array(64 * 1024)
  private pool: DeflatePool | undefined
  private left = false
  private readonly inFlight: { slot: Slot; bytes: Promise<Uint8Array> }[] = []
  private current: Slot | undefined
  private fill = 0
  private crc = 0
  private size = 0
  private readonly threads: number

  constructor(
    private readonly emit: (compressed: Buffer) => Promise<void>,
    threads = defaultThreads()
  ) {
    this.threads = Math.max(1, threads)
  }

  async write(chunk: Buffer): Promise<void> {
    // An empty buffer may have no backing store, for which Node 20's crc32 ignores the seed.
    if (!chunk.length) return
    this.crc = crc32(chunk, this.crc)
    this.size += chunk.length
    for (let at = 0; at < chunk.length;) {
      // A full block is sent only once more input shows it is not the last.
      if (this.fill === BLOCK_SIZE) await this.submit(false)
      const n = Math.min(BLOCK_SIZE - this.fill, chunk.length - at)
      if (this.pool) {
        this.current ??= await this.acquire()
        this.current.input.set(chunk.subarray(at, at + n), this.fill)
      } else {
        if (this.fill + n > this.first.length) this.first = grow(this.first, this.fill + n)
        this.first.set(chunk.subarray(at, at + n), this.fill)
      }
      this.fill += n
      at += n
    }
  }

  async end(): Promise<Buffer> {
    if (this.pool) {
      await this.submit(true)
      while (this.inFlight.length) await this.writeOldest()
      await this.leave()
    } else {
      await this.emit(Buffer.from(deflateRaw(this.first.subarray(0, this.fill), { level: 6 })))
    }
    const trailer = Buffer.alloc(8)
    trailer.writeUInt32LE(this.crc >>> 0, 0)
    trailer.writeUInt32LE(this.size % 2 ** 32, 4)
    return trailer
  }

  /** Gives the slots back once their blocks are done, after a failure elsewhere. */
  async abort(): Promise<void> {
    const held = this.inFlight.splice(0)
    await Promise.allSettled(held.map((f) => f.bytes))
    for (const { slot } of held) this.pool!.release(slot)
    if (this.current) this.pool!.release(this.current)
    this.current = undefined
    await this.leave()
  }

  /** Leaves the pool once, which stops it when no other chart uses it. */
  private async leave(): Promise<void> {
    if (!this.pool || this.left) return
    this.left = true
    await leavePool(this.pool)
  }

  /** A slot to fill: a free one, else the oldest block's once it is written, else the next any chart releases. */
  private async acquire(): Promise<Slot> {
    for (;;) {
      const slot = this.pool!.tryAcquire()
      if (slot) return slot
      if (!this.inFlight.length) return this.pool!.acquire()
      await this.writeOldest()
    }
  }

  private async writeOldest(): Promise<void> {
    const { slot, bytes } = this.inFlight.shift()!
    try {
      const b = await bytes
      await this.emit(Buffer.from(b.buffer, b.byteOffset, b.length))
    } finally {
      this.pool!.release(slot)
    }
  }

  private async submit(last: boolean): Promise<void> {
    if (!this.pool) {
      // A second block: from here on the pool's threads compress, the first block included.
      this.pool = joinPool(this.threads)
      this.current = await this.acquire()
      this.current.input.set(this.first)
      this.first = new Uint8Array(0)
    }
    const slot = this.current ?? (await this.acquire())
    this.current = undefined
    const job = { input: slot.input.buffer as SharedArrayBuffer, output: slot.output.buffer as SharedArrayBuffer, length: this.fill, last }
    this.fill = 0
    const bytes = this.pool.run(job).then((n) => slot.output.subarray(0, n))
    bytes.catch(() => undefined) // awaited in order by writeOldest; a rejection before then is not unhandled
    this.inFlight.push({ slot, bytes })
  }
}

/** `buffer` in a larger one (doubling, up to a block), its bytes kept. */
function grow(buffer: Uint8Array, needed: number): Uint8Array {
  const bigger = new Uint8Array(Math.min(BLOCK_SIZE, Math.max(needed, 2 * buffer.length)))
  bigger.set(buffer)
  return bigger
}
