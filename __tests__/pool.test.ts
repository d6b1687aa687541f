/**
 * The scheduler with synthetic dependency maps: bounded concurrency, a key
 * never starts before what it needs finished, failures skip dependents only
 * (or everything not started, with fail-fast), cycles end instead of hanging.
 * `pool`, the ordered map built on it: results in input order, bounded, and
 * the first error stops new starts and is thrown after the running calls end.
 */
import fc from 'fast-check'
import { pool, runPool } from '../src/pool'

const tick = (ms = 1): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Records start/end order and the peak number of tasks running at once. */
function recorder(fail: Set<string> = new Set(), delay: (k: string) => number = () => 1) {
  const events: string[] = []
  let running = 0
  let peak = 0
  const task = async (k: string): Promise<boolean> => {
    events.push(`start ${k}`)
    peak = Math.max(peak, ++running)
    await tick(delay(k))
    running--
    events.push(`end ${k}`)
    if (fail.has(k) && k.startsWith('throw')) throw new Error(k)
    return !fail.has(k)
  }
  return { events, task, peak: () => peak }
}

const statuses = (m: Map<string, { status: string }>): Record<string, string> => Object.fromEntries([...m].map(([k, o]) => [k, o.status]))

test('independent keys run at most `concurrency` at a time, all of them', async () => {
  const keys = Array.from({ length: 20 }, (_, i) => `c${i}`)
  const r = recorder()
  const out = await runPool(keys, r.task, { concurrency: 4 })
  expect(r.peak()).toBe(4)
  expect([...out.keys()]).toEqual(keys)
  expect(new Set(Object.values(statuses(out)))).toEqual(new Set(['done']))
})

test('a key starts only after everything it needs ended (diamond)', async () => {
  const needs = new Map([
    ['app', ['api', 'web']],
    ['api', ['common']],
    ['web', ['common']]
  ])
  const r = recorder(new Set(), (k) => (k === 'web' ? 15 : 2))
  await runPool(['app', 'api', 'web', 'common', 'other'], r.task, { concurrency: 8, needs })
  const at = (e: string) => r.events.indexOf(e)
  expect(at('start api')).toBeGreaterThan(at('end common'))
  expect(at('start web')).toBeGreaterThan(at('end common'))
  expect(at('start app')).toBeGreaterThan(at('end web'))
  expect(at('start app')).toBeGreaterThan(at('end api'))
  // Not held back by unrelated keys: `other` starts with `common`.
  expect(at('start other')).toBeLessThan(at('end common'))
})

test('a failure skips its dependents (transitively) and nothing else; a throwing task is a failure', async () => {
  const needs = new Map([
    ['app', ['api']],
    ['api', ['common']],
    ['tool', ['throw-lib']]
  ])
  const r = recorder(new Set(['common', 'throw-lib']))
  const out = await runPool(['app', 'api', 'common', 'web', 'throw-lib', 'tool'], r.task, { concurrency: 2, needs })
  expect(statuses(out)).toEqual({ app: 'skipped', api: 'skipped', common: 'failed', web: 'done', 'throw-lib': 'failed', tool: 'skipped' })
  expect(out.get('api')).toEqual({ status: 'skipped', reason: 'needs common, which failed' })
  expect(out.get('app')).toEqual({ status: 'skipped', reason: 'needs api, which was skipped' })
  expect(r.events).not.toContain('start app')
})

test('fail-fast: nothing new starts after the first failure; running tasks finish', async () => {
  const keys = ['a', 'b', 'bad', 'c', 'd', 'e']
  const r = recorder(new Set(['bad']), (k) => (k === 'a' ? 30 : k === 'b' ? 10 : 1))
  const out = await runPool(keys, r.task, { concurrency: 3, failFast: true })
  expect(statuses(out)).toEqual({ a: 'done', b: 'done', bad: 'failed', c: 'skipped', d: 'skipped', e: 'skipped' })
  expect(r.events).toContain('end a')
  expect(out.get('c')).toEqual({ status: 'skipped', reason: 'not started: fail-fast stopped the run after a failure' })
})

test('keys failed before the start: dependents skipped; with fail-fast no task runs at all', async () => {
  const needs = new Map([['app', ['bad']]])
  const r = recorder()
  expect(statuses(await runPool(['bad', 'app', 'web'], r.task, { concurrency: 2, needs, failed: ['bad'] }))).toEqual({
    bad: 'failed',
    app: 'skipped',
    web: 'done'
  })
  const r2 = recorder()
  expect(statuses(await runPool(['web', 'bad'], r2.task, { concurrency: 2, failFast: true, failed: ['bad'] }))).toEqual({ web: 'skipped', bad: 'failed' })
  expect(r2.events).toEqual([])
})

test('a dependency cycle ends with the keys in it skipped, the rest done', async () => {
  const needs = new Map([
    ['a', ['b']],
    ['b', ['a']],
    ['c', ['a']]
  ])
  const out = await runPool(['a', 'b', 'c', 'd'], recorder().task, { concurrency: 2, needs })
  expect(statuses(out)).toEqual({ a: 'skipped', b: 'skipped', c: 'skipped', d: 'done' })
  expect(out.get('a')).toEqual({ status: 'skipped', reason: 'dependency cycle through b' })
})

test('release: a task left only waiting frees its slot; what needs it still waits for its end', async () => {
  let working = 0
  let peakWorking = 0
  let alive = 0
  let peakAlive = 0
  const events: string[] = []
  const needs = new Map([['after', ['w0']]])
  const keys = ['w0', 'w1', 'w2', 'w3', 'w4', 'w5', 'after']
  const out = await runPool(
    keys,
    async (k, release) => {
      events.push(`start ${k}`)
      peakAlive = Math.max(peakAlive, ++alive)
      peakWorking = Math.max(peakWorking, ++working)
      await tick(2)
      working--
      release()
      release() // twice is once
      await tick(30)
      alive--
      events.push(`end ${k}`)
      return true
    },
    { concurrency: 2, needs }
  )
  expect(new Set(Object.values(statuses(out)))).toEqual(new Set(['done']))
  // At most 2 working at once, but more than 2 alive: the waits overlapped the work of others.
  expect(peakWorking).toBeLessThanOrEqual(2)
  expect(peakAlive).toBeGreaterThan(2)
  expect(events.indexOf('start after')).toBeGreaterThan(events.indexOf('end w0'))
})

test('random DAGs: order respected, concurrency bounded, every key settled', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
      fc.array(fc.nat(), { maxLength: 3 }),
      async (n, concurrency, edges, failing) => {
        const keys = Array.from({ length: n }, (_, i) => `k${i}`)
        const needs = new Map<string, string[]>()
        // Edges only from a higher index to a lower one: acyclic.
        for (const [x, y] of edges) {
          const [hi, lo] = [Math.max(x % n, y % n), Math.min(x % n, y % n)]
          if (hi !== lo) needs.set(keys[hi], [...(needs.get(keys[hi]) ?? []), keys[lo]])
        }
        const r = recorder(new Set(failing.map((f) => keys[f % n])), () => 0)
        const out = await runPool(keys, r.task, { concurrency, needs })
        expect(r.peak()).toBeLessThanOrEqual(concurrency)
        for (const k of keys) {
          const o = out.get(k)!
          const deps = needs.get(k) ?? []
          // A chart is skipped only when one of its needs did not finish; otherwise it starts after they end.
          expect(o.status !== 'skipped' || deps.some((d) => out.get(d)!.status !== 'done')).toBe(true)
          for (const d of o.status === 'skipped' ? [] : deps) expect(r.events.indexOf(`start ${k}`)).toBeGreaterThan(r.events.indexOf(`end ${d}`))
        }
      }
    ),
    { numRuns: 60 }
  )
})

describe('pool (ordered map on the same scheduler)', () => {
  test('results in the input order whatever the finishing order, at most `size` at a time', async () => {
    const items = Array.from({ length: 25 }, (_, i) => i)
    let running = 0
    let peak = 0
    const out = await pool(items, 3, async (i) => {
      peak = Math.max(peak, ++running)
      await tick((i * 7) % 5)
      running--
      return i * i
    })
    expect(out).toEqual(items.map((i) => i * i))
    expect(peak).toBe(3)
    expect(await pool([], 4, async () => 1)).toEqual([])
  })

  test('the first error: nothing new starts, the running calls finish, then it is thrown', async () => {
    const started: number[] = []
    const ended: number[] = []
    const run = pool([0, 1, 2, 3, 4, 5, 6, 7], 2, async (i) => {
      started.push(i)
      await tick(i === 0 ? 20 : 2)
      ended.push(i)
      if (i === 1) throw new Error('item 1 broke')
      return i
    })
    await expect(run).rejects.toThrow('item 1 broke')
    // 0 was running when 1 failed: it ended before the error came out; 1's slot was not refilled.
    expect(ended).toContain(0)
    expect(started).toEqual([0, 1])
  })

  test('random sizes: every item mapped once, in order, bounded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 3 }), { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), async (delays, size) => {
        let running = 0
        let peak = 0
        const out = await pool(delays, size, async (d) => {
          peak = Math.max(peak, ++running)
          await tick(d)
          running--
          return d + 1
        })
        expect(out).toEqual(delays.map((d) => d + 1))
        expect(peak).toBeLessThanOrEqual(size)
      }),
      { numRuns: 40 }
    )
  })
})
