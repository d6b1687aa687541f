/**
 * ByteQueue (tar blocks out of a decompressed stream): checked against the plain concatenation of the chunks it is
 * fed, for any chunking (empty chunks included) and any sequence of take/skip/rest: the bytes it gives, what it has
 * buffered, how many chunks it has pulled (never more than the request needs) and whether a result is a view of the
 * input (no copy) when it lies in one chunk.
 */
import fc from 'fast-check'
import { ByteQueue } from '../../src/chart/byte-queue'

/** An iterator over `chunks` that counts how many it has handed out. */
function source(chunks: Buffer[]): { it: AsyncIterator<Buffer>; pulled: () => number } {
  let i = 0
  return {
    it: {
      next: async () => (i < chunks.length ? { done: false, value: chunks[i++] } : { done: true, value: undefined })
    },
    pulled: () => i
  }
}

/** The fewest chunks whose lengths add up to at least `end` bytes (all of them when they never do). */
function chunksFor(chunks: Buffer[], end: number): number {
  let sum = 0
  for (let k = 0; k < chunks.length; k++) {
    if (sum >= end) return k
    sum += chunks[k].length
  }
  return chunks.length
}

/** Which chunk (and where in it) byte `at` of the concatenation lies in; undefined past the end. */
function locate(chunks: Buffer[], at: number): { chunk: Buffer; offset: number } | undefined {
  for (const chunk of chunks) {
    if (at < chunk.length) return { chunk, offset: at }
    at -= chunk.length
  }
  return undefined
}

type Op = { op: 'take' | 'skip'; n: number } | { op: 'rest' }

describe('ByteQueue against the concatenation of its chunks', () => {
  test('take, skip and rest give the bytes at the same offsets, pull only the chunks they need, and copy only across chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Empty chunks often: one at the head of the queue must not turn a view into a copy.
        fc.array(fc.oneof(fc.constant(new Uint8Array(0)), fc.uint8Array({ minLength: 1, maxLength: 12 })), { maxLength: 8 }),
        fc.array(fc.oneof(fc.record({ op: fc.constantFrom('take' as const, 'skip' as const), n: fc.nat({ max: 16 }) }), fc.constant({ op: 'rest' as const })), {
          maxLength: 8
        }),
        async (raw, ops: Op[]) => {
          // Each chunk its own memory (Buffer.alloc is never pooled), so a view of it is told from a copy by its ArrayBuffer.
          const chunks = raw.map((c) => {
            const b = Buffer.alloc(c.length)
            b.set(c)
            return b
          })
          const all = Buffer.concat(chunks)
          const { it, pulled } = source(chunks)
          const q = new ByteQueue(it)
          let at = 0
          for (const o of ops) {
            if (o.op === 'rest') {
              const out: Buffer[] = []
              for await (const c of q.rest()) out.push(c)
              expect(Buffer.concat(out)).toEqual(all.subarray(at))
              at = all.length
              expect(pulled()).toBe(chunks.length)
              expect(q.buffered).toBe(0)
              continue
            }
            const before = pulled()
            if (o.op === 'take') {
              const got = await q.take(o.n)
              if (at + o.n > all.length) {
                expect(got).toBeUndefined()
                // The stream ended first: all of it was read, and what is left of it is held.
                expect(pulled()).toBe(chunks.length)
                expect(q.buffered).toBe(all.length - at)
                return
              }
              expect(got).toEqual(all.subarray(at, at + o.n))
              const first = locate(chunks, at)
              // Within one chunk: a view of it, not a copy.
              if (o.n > 0 && first && first.offset + o.n <= first.chunk.length) {
                expect(got!.buffer).toBe(first.chunk.buffer)
                expect(got!.byteOffset).toBe(first.chunk.byteOffset + first.offset)
              }
            } else {
              const ok = await q.skip(o.n)
              if (at + o.n > all.length) {
                expect(ok).toBe(false)
                expect(pulled()).toBe(chunks.length)
                return
              }
              expect(ok).toBe(true)
            }
            at += o.n
            // Only as many chunks as the bytes asked for need (none when they are already buffered or none are asked for).
            expect(pulled()).toBe(o.n === 0 ? before : Math.max(before, chunksFor(chunks, at)))
            expect(q.buffered).toBe(chunks.slice(0, pulled()).reduce((s, c) => s + c.length, 0) - at)
          }
        }
      ),
      { numRuns: 400 }
    )
  })

  test('blocks at chunk boundaries: taken whole, passed over, and ended', async () => {
    // Buffer.alloc, never pooled (Buffer.from shares one pool with the copies `take` makes): a view is told from a copy by its ArrayBuffer.
    const own = (text: string): Buffer => {
      const b = Buffer.alloc(text.length)
      b.write(text)
      return b
    }
    const chunks = [own('abc'), Buffer.alloc(0), own('defg'), own('hi')]
    const { it, pulled } = source(chunks)
    const q = new ByteQueue(it)
    expect(await q.take(0)).toEqual(Buffer.alloc(0))
    expect(pulled()).toBe(0)
    expect((await q.take(3))!.toString()).toBe('abc')
    expect(pulled()).toBe(1)
    // After a whole chunk was taken (and an empty one passed over), the next block lies in one chunk: a view of it.
    const view = (await q.take(2))!
    expect(view.toString()).toBe('de')
    expect(view.buffer).toBe(chunks[2].buffer)
    expect(await q.skip(1)).toBe(true)
    // Spanning two chunks: copied out whole.
    expect((await q.take(2))!.toString()).toBe('gh')
    expect(q.buffered).toBe(1)
    expect(await q.skip(1)).toBe(true)
    expect(q.buffered).toBe(0)
    expect(await q.take(1)).toBeUndefined()
    expect(await q.skip(1)).toBe(false)
    expect(await q.skip(0)).toBe(true)
  })
})
