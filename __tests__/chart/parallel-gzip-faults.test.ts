/**
 * The deflate worker threads failing (`parallel-gzip.ts`): a worker that replies with an error, exits, throws, cannot
 * allocate or cannot start. The faults are real ones, injected with a standard preload that every worker thread runs
 * (__tests__/support/deflate-faults.js; no test-only path in src/), in a child process packaging from the sources
 * (__tests__/support/gzip-child.ts). What the caller must see: the error (never a hang), no file left, every worker
 * thread gone, and the next archive packaged by a new pool. Archives that succeed are checked with Node's gunzip.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { promisify } from 'node:util'
import type { Outcome, Plan } from '../support/gzip-child'

const run = promisify(execFile)
const SUPPORT = path.join(__dirname, '..', 'support')
const MIB = 1024 * 1024
/** Starts the block that the exit and throw faults hit (an archive's `poisonAt`). */
const POISON = 'deflate-faults: poison'

async function packaged(
  fault: string,
  plan: Plan,
  opts: { once?: string; hold?: number; anyBlock?: boolean } = {}
): Promise<{ together: Outcome[]; after: Outcome[]; threadsLeft: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOP_DEFLATE_FAULT: fault }
  // Without the mark, exit and throw hit the first block a thread receives, whichever archive sent it.
  if (!opts.anyBlock) env.HOP_DEFLATE_FAULT_MARK = POISON
  if (opts.hold) env.HOP_DEFLATE_FAULT_HOLD = String(opts.hold)
  if (opts.once) env.HOP_DEFLATE_FAULT_ONCE = path.join(process.env.TMPDIR!, opts.once)
  const { stdout } = await run(
    process.execPath,
    ['-r', path.join(SUPPORT, 'run-sources.js'), '-r', path.join(SUPPORT, 'deflate-faults.js'), path.join(SUPPORT, 'gzip-child.ts'), JSON.stringify(plan)],
    // A hung promise would keep the child waiting forever: killed after 40 s, which fails the test.
    { env, timeout: 40000 }
  )
  return JSON.parse(stdout)
}

/** An archive that failed with `message`, left no file and did not wait for a timeout. */
const failed = (message: string | RegExp) => ({ error: expect.stringMatching(message), fileLeft: false, ms: expect.any(Number) })
const intact = { intact: true, fileLeft: true, ms: expect.any(Number) }

const linux = existsSync('/proc/self/status') ? describe : describe.skip

linux('a deflate worker that fails', () => {
  // Each fault, and the message it must reach the caller with (the fault's own words, or the exit code it chose).
  test.each([
    ['compress', 'replies { error } (libdeflate returned 0)', /^deflate failed: libdeflate could not compress a block of 1048576 bytes$/],
    ['exit', 'exits (code 70) with a block in flight', /^a deflate worker exited with code 70$/],
    ['throw', "throws (its 'error' event)", /^deflate-faults: the thread threw$/],
    ['alloc', 'cannot allocate its compressor (malloc returns 0)', /^libdeflate could not allocate its compressor$/],
    ['start', 'fails to start', /^deflate-faults: this thread fails to start$/]
  ])(
    '%s: a worker that %s fails the archive with its error; no file or thread is left; the next archive gets a new pool',
    async (fault, _, message) => {
      // The one thread of the first pool is faulty (exit and throw: at the poisoned second block): the archive fails;
      // the one after it runs on a new pool, whole.
      const r = await packaged(fault, { threads: 1, together: [{ size: 2 * MIB + 5, poisonAt: MIB }], after: [2 * MIB + 6] }, { once: `once-${fault}` })
      expect(r).toEqual({ together: [failed(message)], after: [intact], threadsLeft: 0 })
      // The failure is reported as it happens, not after some timeout.
      expect(r.together[0].ms).toBeLessThan(15000)
    },
    60000
  )

  test('charts packaged at once on a pool that breaks all fail with its error: none hangs, none leaves a file', async () => {
    // One thread, two slots, three archives. The thread is stuck 3 s in the first block it receives, then exits:
    // meanwhile the other blocks queue behind it, so the charts hold both slots or wait for one when it exits. (Which
    // archive sends that block first is the scheduler's choice; a poisoned block of one archive let another finish first
    // on a loaded machine, so any block is the fault's.)
    const r = await packaged('exit', { threads: 1, together: [3 * MIB, 2 * MIB + 1, 2.5 * MIB] }, { hold: 3000, anyBlock: true })
    const exited = failed(/^a deflate worker exited with code 70$/)
    expect(r).toEqual({ together: [exited, exited, exited], after: [], threadsLeft: 0 })
  }, 60000)

  test('a chart that holds a slot while the pool breaks fails when it sends its next block, not hangs', async () => {
    // The first chart stops halfway through its second block (its first in flight, the second's slot in hand); the
    // next chart's second block makes the thread exit; then the first goes on.
    const r = await packaged('exit', { threads: 2, together: [{ size: 2.5 * MIB, pauseAt: 1.5 * MIB }], after: [{ size: 2 * MIB + 5, poisonAt: MIB }] })
    const exited = failed(/^a deflate worker exited with code 70$/)
    expect(r).toEqual({ together: [exited], after: [exited], threadsLeft: 0 })
  }, 60000)

  test('a chart waiting for a slot when the pool breaks fails with its error, though no slot is ever given back', async () => {
    // One thread, two slots: the first chart's first block is stuck 3 s, then makes the thread exit; meanwhile that
    // chart, stopped in its second block, holds both slots, and the next chart waits for one.
    const r = await packaged('exit', { threads: 1, together: [{ size: 2.5 * MIB, poisonAt: 0, pauseAt: 1.5 * MIB }], after: [2 * MIB + 1] }, { hold: 3000 })
    const exited = failed(/^a deflate worker exited with code 70$/)
    expect(r).toEqual({ together: [exited], after: [exited], threadsLeft: 0 })
  }, 60000)

  test('a pool whose other thread is healthy: the chart fails, and the healthy thread is ended too', async () => {
    // Of two threads the first to start fails to, before the other has loaded libdeflate.
    const r = await packaged('start', { threads: 2, together: [3 * MIB + 3] }, { once: 'one-of-two' })
    expect(r).toEqual({ together: [failed(/^deflate-faults: this thread fails to start$/)], after: [], threadsLeft: 0 })
  }, 60000)

  test('one block (pako in the calling thread) needs no worker: a broken worker changes nothing', async () => {
    const r = await packaged('start', { threads: 2, together: [MIB, 300000] })
    expect(r).toEqual({ together: [intact, intact], after: [], threadsLeft: 0 })
  }, 60000)
})
