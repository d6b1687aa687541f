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
  /** Sizes of archives packaged at once, then of those packaged one after another once these have settled. */
  together: number[]
  after?: number[]
}

export interface Outcome {
  error?: string
  /** Node's gunzip of the file gives the input back. */
  intact?: boolean
  fileLeft: boolean
  ms: number
}

const osThreads = (): number => Number(/^Threads:\s+(\d+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1])

async function* chunks(data: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += 1 << 18) yield data.subarray(at, at + (1 << 18))
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2]) as Plan
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-gzip-child-'))
  try {
    // One block: pako in this thread; it starts libuv's file-system threads, which stay, before the baseline.
    await writeGzip(chunks(Buffer.from('warm')), path.join(dir, 'warm.tgz'))
    const base = osThreads()
    let n = 0
    const one = async (size: number): Promise<Outcome> => {
      const data = pseudoRandom(size, ++n)
      const file = path.join(dir, `${n}.tgz`)
      const t0 = Date.now()
      try {
        await writeGzip(chunks(data), file, { threads: plan.threads })
        return { intact: gunzipSync(readFileSync(file)).equals(data), fileLeft: true, ms: Date.now() - t0 }
      } catch (err) {
        return { error: (err as Error).message, fileLeft: existsSync(file), ms: Date.now() - t0 }
      }
    }
    const together = await Promise.all(plan.together.map(one))
    const after: Outcome[] = []
    for (const size of plan.after ?? []) after.push(await one(size))
    // Threads end asynchronously after a failure: given up to 5 s.
    for (let i = 0; i < 50 && osThreads() > base; i++) await new Promise((r) => setTimeout(r, 100))
    process.stdout.write(`${JSON.stringify({ together, after, threadsLeft: osThreads() - base })}\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
