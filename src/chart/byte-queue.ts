/** Reading exact byte counts out of a chunk stream (tar blocks out of a decompressed archive), holding only what is asked for. */
export class ByteQueue {
  private chunks: Buffer[] = []
  private length = 0
  constructor(private readonly it: AsyncIterator<Buffer>) {}

  /** Bytes read from the stream and not yet taken (after `take` returned undefined: what the stream ended with). */
  get buffered(): number {
    return this.length
  }

  private async fill(n: number): Promise<boolean> {
    while (this.length < n) {
      const r = await this.it.next()
      if (r.done) return false
      // An empty chunk is not kept: at the head of the queue it would make `take` copy bytes that lie in one chunk.
      if (!r.value.length) continue
      this.chunks.push(r.value)
      this.length += r.value.length
    }
    return true
  }

  /** The next `n` bytes, copying only when they span chunks; undefined when the stream ends first. */
  async take(n: number): Promise<Buffer | undefined> {
    if (n === 0) return Buffer.alloc(0)
    if (!(await this.fill(n))) return undefined
    this.length -= n
    const head = this.chunks[0]
    if (head.length >= n) {
      if (head.length === n) this.chunks.shift()
      else this.chunks[0] = head.subarray(n)
      return head.subarray(0, n)
    }
    const out = Buffer.allocUnsafe(n)
    let off = 0
    while (off < n) {
      const c = this.chunks[0]
      const k = Math.min(c.length, n - off)
      c.copy(out, off, 0, k)
      off += k
      if (k === c.length) this.chunks.shift()
      else this.chunks[0] = c.subarray(k)
    }
    return out
  }

  /** Passes over the next `n` bytes without keeping them; false when the stream ends first. */
  async skip(n: number): Promise<boolean> {
    while (n > 0) {
      if (!this.length && !(await this.fill(1))) return false
      const head = this.chunks[0]
      const k = Math.min(head.length, n)
      if (k === head.length) this.chunks.shift()
      else this.chunks[0] = head.subarray(k)
      this.length -= k
      n -= k
    }
    return true
  }

  /** Everything left, chunk by chunk. */
  async *rest(): AsyncGenerator<Buffer> {
    yield* this.chunks
    this.chunks = []
    this.length = 0
    for (let r = await this.it.next(); !r.done; r = await this.it.next()) yield r.value
  }
}
