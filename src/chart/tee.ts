/**
 * One chunk stream read by several readers side by side (the archive read-back's strict tar check and Helm's loader
 * over one decompression). The source is pulled once; a reader more than `ahead` chunks in front of the slowest waits
 * for it, so memory stays bounded. A reader that stops (`release`) no longer holds the others back; `abort` ends every
 * reader with an error.
 */
export interface Branch<T> extends AsyncIterable<T> {
  /** This reader is done (finished, failed or stopped early): the others go on without it. */
  release: () => void
}

export interface Tee<T> {
  branches: Branch<T>[]
  abort: (err: unknown) => void
}

export function tee<T>(source: AsyncIterable<T>, readers: number, ahead = 4): Tee<T> {
  const it = source[Symbol.asyncIterator]()
  /** Chunks not yet read by every active reader; `base` is the index of `held[0]`. */
  let held: T[] = []
  let base = 0
  const at = new Array<number>(readers).fill(0)
  const active = new Array<boolean>(readers).fill(true)
  let ended = false
  /** The source's error: each reader meets it where it happened. */
  let failure: { err: unknown } | undefined
  /** `abort`'s error: every reader meets it at once. */
  let aborted: { err: unknown } | undefined
  let pulling: Promise<void> | undefined
  let closed = false
  /** Nobody reads on: the source stops (a file stream closes) unless it already has; once, whoever asks again. */
  const close = (): void => {
    if (closed || ended || failure) return
    closed = true
    void Promise.resolve(it.return?.()).catch(() => undefined)
  }
  let changed!: () => void
  let change = new Promise<void>((resolve) => (changed = resolve))
  const wake = (): void => {
    changed()
    change = new Promise<void>((resolve) => (changed = resolve))
  }
  const slowest = (): number => Math.min(...at.filter((_, i) => active[i]))
  const trim = (): void => {
    const drop = Math.min(slowest(), base + held.length) - base
    if (drop > 0) {
      held = held.slice(drop)
      base += drop
    }
  }
  const pull = (): Promise<void> =>
    (pulling ??= it
      .next()
      .then(
        (r) => {
          if (r.done) ended = true
          else held.push(r.value)
        },
        (err: unknown) => void (failure ??= { err })
      )
      .finally(() => {
        pulling = undefined
        wake()
      }))

  const next = async (i: number): Promise<IteratorResult<T>> => {
    for (;;) {
      if (aborted) throw aborted.err
      if (!active[i]) return { done: true, value: undefined }
      if (at[i] < base + held.length) {
        const value = held[at[i]++ - base]
        trim()
        wake()
        return { done: false, value }
      }
      if (failure) throw failure.err
      if (ended) return { done: true, value: undefined }
      if (at[i] - slowest() >= ahead) await change
      else await pull()
    }
  }
  const release = (i: number): void => {
    if (!active[i]) return
    active[i] = false
    // Whoever reads on drops what only this reader still needed at their next read.
    if (!active.some(Boolean)) {
      held = []
      close()
    }
    wake()
  }
  const branches = at.map((_, i): Branch<T> => ({
    [Symbol.asyncIterator]: () => ({
      next: () => next(i),
      return: async () => {
        release(i)
        return { done: true, value: undefined }
      }
    }),
    release: () => release(i)
  }))
  return {
    branches,
    abort(err: unknown) {
      if (aborted) return
      aborted = { err }
      held = []
      for (let i = 0; i < readers; i++) active[i] = false
      close()
      wake()
    }
  }
}
