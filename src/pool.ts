/**
 * A bounded pool that runs one task per key in dependency order: a key starts
 * only after every key it needs (among the keys given) succeeded, with at most
 * `concurrency` tasks running. A failure skips what depends on it; with
 * `failFast` it also skips everything not started yet. Every other key still
 * runs, so one failure never hides the others. Pure scheduling: no I/O.
 * `pool` is the same scheduler as an ordered map (promote, migrate, blob copies).
 */

export type Outcome = { status: 'done' } | { status: 'failed' } | { status: 'skipped'; reason: string }

export interface PoolOptions {
  concurrency: number
  failFast?: boolean
  /** key → the keys it needs first. Keys not in the run are ignored (they are published elsewhere or already). */
  needs?: ReadonlyMap<string, readonly string[]>
  /** Keys that already failed before the pool starts (validation): they count as failures, without a task. */
  failed?: Iterable<string>
}

/**
 * Runs `task(key)` for each key; a task reports success by resolving true and
 * failure by resolving false or throwing (it reports its own error). Resolves
 * with every key's outcome, in the order of `keys`. A task that has only a
 * wait left (a timer, no work) may call `release()`: it then stops counting
 * against `concurrency`, while what needs it still waits for it to end.
 */
export function runPool(
  keys: readonly string[],
  task: (key: string, release: () => void) => Promise<boolean>,
  opts: PoolOptions
): Promise<Map<string, Outcome>> {
  const limit = Math.max(1, Math.floor(opts.concurrency))
  const known = new Set(keys)
  const needs = new Map(keys.map((k) => [k, [...new Set(opts.needs?.get(k) ?? [])].filter((d) => d !== k && known.has(d))]))
  const outcome = new Map<string, Outcome>()
  let stopped = false
  for (const k of opts.failed ?? []) {
    if (!known.has(k)) continue
    outcome.set(k, { status: 'failed' })
    if (opts.failFast) stopped = true
  }
  const pending = keys.filter((k) => !outcome.has(k))
  // `running` holds the slots (bounded by `limit`); `active` counts every task not ended yet, released or not.
  let running = 0
  let active = 0

  return new Promise((resolve) => {
    const finish = (key: string, ok: boolean, holdsSlot: boolean): void => {
      if (holdsSlot) running--
      active--
      outcome.set(key, ok ? { status: 'done' } : { status: 'failed' })
      if (!ok && opts.failFast) stopped = true
      pump()
    }
    const pump = (): void => {
      for (let i = 0; i < pending.length;) {
        const key = pending[i]
        const deps = needs.get(key)!
        const blocker = deps.find((d) => outcome.has(d) && outcome.get(d)!.status !== 'done')
        const skip = stopped
          ? 'not started: fail-fast stopped the run after a failure'
          : blocker
            ? `needs ${blocker}, which ${describe(outcome.get(blocker)!)}`
            : undefined
        if (skip) {
          outcome.set(key, { status: 'skipped', reason: skip })
          pending.splice(i, 1)
          i = 0 // a skip may block keys already passed over
          continue
        }
        if (running < limit && deps.every((d) => outcome.get(d)?.status === 'done')) {
          pending.splice(i, 1)
          running++
          active++
          let holdsSlot = true
          const release = (): void => {
            if (!holdsSlot) return
            holdsSlot = false
            running--
            pump()
          }
          // A task that throws synchronously or rejects is a failure like any other.
          Promise.resolve()
            .then(() => task(key, release))
            .then(
              (ok) => finish(key, ok === true, holdsSlot),
              () => finish(key, false, holdsSlot)
            )
          continue
        }
        i++
      }
      if (active > 0) return
      // Nothing runs and nothing can start: what is left waits on itself.
      for (const key of pending.splice(0)) {
        const cycle = needs.get(key)!.filter((d) => !outcome.has(d))
        outcome.set(key, { status: 'skipped', reason: `dependency cycle through ${cycle.join(', ')}` })
      }
      resolve(new Map(keys.map((k) => [k, outcome.get(k)!])))
    }
    pump()
  })
}

function describe(o: Outcome): string {
  return o.status === 'failed' ? 'failed' : 'was skipped'
}

/**
 * A bounded, ordered map: `fn` over `items` with at most `size` at a time (the
 * same scheduler, without dependencies); results in the items' order. The
 * first error stops new starts and is thrown once the running calls ended.
 */
export async function pool<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let failure: { err: unknown } | undefined
  const task = async (key: string): Promise<boolean> => {
    const i = Number(key)
    try {
      out[i] = await fn(items[i])
      return true
    } catch (err) {
      failure ??= { err }
      return false
    }
  }
  await runPool(
    items.map((_item, i) => String(i)),
    task,
    { concurrency: size, failFast: true }
  )
  if (failure) throw failure.err
  return out
}
