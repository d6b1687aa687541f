import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
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
