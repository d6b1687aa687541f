/**
 * Child process of the deflate fault tests (`node -r run-sources.js -r deflate-faults.js <this> '<plan>'`): packages
 * archives' worth of bytes with writeGzip from the sources, as the plan says, and prints what the caller saw as one
 * line of JSON: each archive's error or whether Node's gunzip gives its bytes back, whether a file was left, how long
 * it took, and how many OS threads (/proc/self/status) outlived it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { writeGzip } from '../../src/chart/save'
import { pseudoRandom } from './noise'

export interface Plan {
  threads: number
  /** Archives packaged at once, then those packaged one after another once these have settled (or paused). */
  together: Archive[]
  after?: Archive[]
}

/**
 * Its size; `poisonAt`: where HOP_DEFLATE_FAULT_MARK is written (the start of a block: that block is poisoned); `pauseAt`: its input stops there until
 * the `after` archives have settled (which start once it has stopped).
 */
export type Archive = number | { size: number; poisonAt?: number; pauseAt?: number }

export interface Outcome {
  error?: string
  /** Node's gunzip of the file gives the input back. */
  intact?: boolean
  fileLeft: boolean
  ms: number
}

const osThreads = (): number => Number(/^Threads:\s+(\d+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1])

async function* chunks(data: Buffer, pause?: { at: number; paused: () => void; resume: Promise<void> }): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += 1 << 18) {
    if (pause && at >= pause.at) {
      pause.paused()
      await pause.resume
      pause = undefined
    }
    yield data.subarray(at, at + (1 << 18))
  }
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2]) as Plan
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-gzip-child-'))
  try {
    // One block: pako in this thread; it starts libuv's file-system threads, which stay, before the baseline.
    await writeGzip(chunks(Buffer.from('warm')), path.join(dir, 'warm.tgz'))
    const base = osThreads()
    let n = 0
    let resume!: () => void
    const resumed = new Promise<void>((r) => (resume = r))
    const one = async (archive: Archive, paused = (): void => undefined): Promise<Outcome> => {
      const a = typeof archive === 'number' ? { size: archive } : archive
      const data = pseudoRandom(a.size, ++n)
      if (a.poisonAt !== undefined) data.write(process.env.HOP_DEFLATE_FAULT_MARK!, a.poisonAt)
      const file = path.join(dir, `${n}.tgz`)
      const pause = a.pauseAt === undefined ? undefined : { at: a.pauseAt, paused, resume: resumed }
      const t0 = Date.now()
      try {
        await writeGzip(chunks(data, pause), file, { threads: plan.threads })
        return { intact: gunzipSync(readFileSync(file)).equals(data), fileLeft: true, ms: Date.now() - t0 }
      } catch (err) {
        return { error: (err as Error).message, fileLeft: existsSync(file), ms: Date.now() - t0 }
      }
    }
    // Each archive of `together` has settled or paused before the `after` ones start.
    const stops = plan.together.map(() => {
      let stopped!: () => void
      return { stopped: new Promise<void>((r) => (stopped = r)), stop: () => stopped() }
    })
    const together = Promise.all(plan.together.map((a, i) => one(a, stops[i].stop).finally(stops[i].stop)))
    await Promise.all(stops.map((s) => s.stopped))
    const after: Outcome[] = []
    for (const a of plan.after ?? []) after.push(await one(a))
    resume()
    const results = { together: await together, after }
    // Threads end asynchronously after a failure: given up to 5 s.
    for (let i = 0; i < 50 && osThreads() > base; i++) await new Promise((r) => setTimeout(r, 100))
    process.stdout.write(`${JSON.stringify({ ...results, threadsLeft: osThreads() - base })}\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
