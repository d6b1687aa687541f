import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { tee } from '../../src/chart/tee'

/** A source of `n` numbered chunks that records how far it has been pulled and whether it was closed. */
function counting(n: number, failAt = -1): { source: AsyncIterable<number>; pulled: () => number; closed: () => boolean } {
  let pulled = 0
  let closed = false
  async function* gen(): AsyncGenerator<number> {
    try {
      for (let i = 0; i < n; i++) {
        if (i === failAt) throw new Error(`source broke at ${i}`)
        pulled = i + 1
        yield i
      }
    } finally {
      closed = true
    }
  }
  return { source: gen(), pulled: () => pulled, closed: () => closed }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('tee', () => {
  test('every reader gets every chunk in order, whatever their paces, and none gets more than `ahead` in front of the slowest', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 8 }), { minLength: 4, maxLength: 4 }),
        async (n, readers, ahead, paces) => {
          const src = counting(n)
          const { branches } = tee(src.source, readers, ahead)
          const got: number[][] = branches.map(() => [])
          let widest = 0
          await Promise.all(
            branches.map(async (b, r) => {
              let k = 0
              for await (const x of b) {
                got[r].push(x)
                const lengths = got.map((g) => g.length)
                widest = Math.max(widest, Math.max(...lengths) - Math.min(...lengths))
                for (let w = paces[r][k++ % paces[r].length]; w > 0; w--) await tick()
              }
            })
          )
          const all = Array.from({ length: n }, (_, i) => i)
          for (const g of got) expect(g).toEqual(all)
          // A reader one chunk past `ahead` in front would show a gap of ahead + 1.
          expect(widest).toBeLessThanOrEqual(ahead)
        }
      ),
      { numRuns: 150 }
    )
  })

  test('a slow reader holds a fast one back, and releasing it lets the fast one run to the end', async () => {
    const src = counting(100)
    const {
      branches: [fast, slow]
    } = tee(src.source, 2, 3)
    const seen: number[] = []
    const reading = (async () => {
      for await (const x of fast) seen.push(x)
    })()
    for (let i = 0; i < 20; i++) await tick()
    expect(seen).toEqual([0, 1, 2])
    expect(src.pulled()).toBe(3)
    slow.release()
    await reading
    expect(seen).toHaveLength(100)
  })

  test('a reader that breaks out of its loop is released, and the source is closed once nobody reads', async () => {
    const src = counting(50)
    const {
      branches: [a, b]
    } = tee(src.source, 2, 2)
    const readA = (async () => {
      for await (const x of a) if (x === 5) break
    })()
    const readB: number[] = []
    for await (const x of b) {
      readB.push(x)
      if (x === 30) break
    }
    await readA
    expect(readB).toHaveLength(31)
    await tick()
    expect(src.closed()).toBe(true)
    expect(src.pulled()).toBeLessThan(50)
  })

  test("the source's error reaches each reader where it happened, after the chunks before it", async () => {
    const src = counting(10, 6)
    const { branches } = tee(src.source, 2, 2)
    const results = await Promise.all(
      branches.map(async (b) => {
        const got: number[] = []
        try {
          for await (const x of b) got.push(x)
        } catch (err) {
          return { got, err: (err as Error).message }
        }
        return { got, err: undefined }
      })
    )
    for (const r of results) expect(r).toEqual({ got: [0, 1, 2, 3, 4, 5], err: 'source broke at 6' })
  })

  test('abort ends every reader with its error at once, even one waiting for the others', async () => {
    const src = counting(100)
    const {
      branches: [fast, stalled],
      abort
    } = tee(src.source, 2, 2)
    const reading = (async () => {
      const got: number[] = []
      try {
        for await (const x of fast) got.push(x)
      } catch (err) {
        return { got, err: (err as Error).message }
      }
      return { got, err: undefined }
    })()
    for (let i = 0; i < 10; i++) await tick()
    abort(new Error('strict check failed'))
    expect(await reading).toEqual({ got: [0, 1], err: 'strict check failed' })
    await expect(stalled[Symbol.asyncIterator]().next()).rejects.toThrow('strict check failed')
    await tick()
    expect(src.closed()).toBe(true)
  })
})

describe('tee, one reader at a time', () => {
  test('a reader held back moves on as soon as the slowest one reads, not only when it pulls', async () => {
    const src = counting(20)
    const {
      branches: [fast, slow]
    } = tee(src.source, 2, 2)
    const seen: number[] = []
    const reading = (async () => {
      for await (const x of fast) seen.push(x)
    })()
    for (let i = 0; i < 10; i++) await tick()
    expect(seen).toEqual([0, 1])
    const s = slow[Symbol.asyncIterator]()
    expect(await s.next()).toEqual({ done: false, value: 0 })
    // The slowest is now one chunk further: the fast reader may be two in front of it again.
    for (let i = 0; i < 10; i++) await tick()
    expect(seen).toEqual([0, 1, 2])
    slow.release()
    await reading
    expect(seen).toHaveLength(20)
  })

  test('a released reader reads nothing more, even chunks already held for it', async () => {
    const src = counting(10)
    const {
      branches: [a, b]
    } = tee(src.source, 2, 4)
    const ia = a[Symbol.asyncIterator]()
    const ib = b[Symbol.asyncIterator]()
    expect((await ia.next()).value).toBe(0)
    expect((await ia.next()).value).toBe(1)
    b.release()
    expect(await ib.next()).toEqual({ done: true, value: undefined })
    expect((await ia.next()).value).toBe(2)
  })

  test('chunks every reader has read are dropped: no more than `ahead` stay referenced (garbage collector)', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const refs: WeakRef<object>[] = []
    async function* objects(): AsyncGenerator<object> {
      for (let i = 0; i < 60; i++) {
        const o = { i, pad: new Array(1000).fill(i) }
        refs.push(new WeakRef(o))
        yield o
      }
    }
    const {
      branches: [a, b]
    } = tee(objects(), 2, 3)
    const ia = a[Symbol.asyncIterator]()
    const ib = b[Symbol.asyncIterator]()
    for (let i = 0; i < 30; i++) {
      await ia.next()
      await ib.next()
    }
    for (let i = 0; i < 3; i++) await ib.next()
    await tick()
    gc()
    // a has read 30 and b 33: only the 3 chunks a has still to read are held.
    const alive = refs.map((r, i) => (r.deref() ? i : -1)).filter((i) => i >= 0)
    expect(alive.filter((i) => i < 30)).toEqual([])
    expect(alive.length).toBeLessThanOrEqual(3 + 1)
    a.release()
    b.release()
    await tick()
    gc()
    expect(refs.filter((r) => r.deref()).length).toBeLessThanOrEqual(1)
  })

  test('a source without return() and one whose return() rejects are left quietly when every reader stops', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (r: unknown): void => void unhandled.push(r)
    process.on('unhandledRejection', onUnhandled)
    try {
      let n = 0
      const bare: AsyncIterable<number> = { [Symbol.asyncIterator]: () => ({ next: async () => ({ done: false, value: n++ }) }) }
      const rejecting: AsyncIterable<number> = {
        [Symbol.asyncIterator]: () => ({ next: async () => ({ done: false, value: n++ }), return: () => Promise.reject(new Error('cannot close')) })
      }
      for (const source of [bare, rejecting]) {
        const { branches } = tee(source, 2)
        for (const b of branches) {
          for await (const x of b) if (x >= 0) break
        }
        const t = tee(source, 1)
        t.abort(new Error('stop'))
      }
      for (let i = 0; i < 5; i++) await tick()
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  test('a second abort changes nothing: readers meet the first error', async () => {
    const src = counting(10)
    const { branches, abort } = tee(src.source, 2)
    abort(new Error('first'))
    abort(new Error('second'))
    for (const b of branches) await expect(b[Symbol.asyncIterator]().next()).rejects.toThrow('first')
  })
})
