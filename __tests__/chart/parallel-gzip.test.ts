/**
 * The block deflater shared by every chart of a run (`parallel-gzip.ts`):
 * charts packaged at once share one pool of threads and slots, and still each
 * get their own bytes back, in order; a failed chart gives its slots back, so
 * the charts after it are not starved. Archives are read back with Node's
 * gunzip and GNU gzip, not with the code under test.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { deflateRaw } from 'pako'
import { GZIP_HEADER, writeGzip } from '../../src/chart/save'

/** Deterministic bytes that mix incompressible runs with repeated text, so blocks of every kind occur. */
function content(size: number, seed: number): Buffer {
  const b = Buffer.alloc(size)
  let x = seed
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    b[i] = (i >> 16) % 3 ? 97 + ((x >>> 16) % 4) : x >>> 16
  }
  return b
}

async function* chunks(data: Buffer, size: number, failAfter = Infinity): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += size) {
    if (at >= failAfter) throw new Error('the disk went away')
    yield data.subarray(at, at + size)
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-pgzip-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const tmp = (name: string): string => path.join(dir, name)

describe('charts packaged at once', () => {
  test('share one pool of threads and slots and each get their own archive', async () => {
    // Six charts of 2–5 MiB on one thread's two slots: they wait for each other's slots, and none gets another's block.
    const inputs = [2, 3, 5, 2.5, 4, 3.2].map((mib, i) => content(Math.round(mib * 1024 * 1024) + i, i + 1))
    const saved = await Promise.all(inputs.map((data, i) => writeGzip(chunks(data, 65536 + i * 999), tmp(`shared-${i}.tgz`), { threads: 1 })))
    for (const [i, s] of saved.entries()) {
      expect(gunzipSync(readFileSync(s.path)).equals(inputs[i])).toBe(true)
      execFileSync('gzip', ['-t', s.path])
    }
    // The same bytes as each chart packaged alone with four threads.
    const alone = await writeGzip(chunks(inputs[2], 1 << 20), tmp('alone.tgz'), { threads: 4 })
    expect(alone.digest).toBe(saved[2].digest)
  }, 60000)

  test('a chart that fails gives its slots back: the next charts still finish', async () => {
    const data = content(6 * 1024 * 1024, 9)
    for (let i = 0; i < 3; i++) {
      const file = tmp(`failed-${i}.tgz`)
      await expect(writeGzip(chunks(data, 1 << 18, (3 + i) * 1024 * 1024), file, { threads: 1 })).rejects.toThrow('the disk went away')
      expect(existsSync(file)).toBe(false)
    }
    const ok = await writeGzip(chunks(data, 1 << 18), tmp('after.tgz'), { threads: 1 })
    expect(gunzipSync(readFileSync(ok.path)).equals(data)).toBe(true)
  }, 30000)

  test('an archive of exactly one block is a single pako stream; one byte more is two blocks', async () => {
    const one = content(1024 * 1024, 3)
    const two = Buffer.concat([one, Buffer.from('x')])
    for (const [data, name] of [
      [one, 'one'],
      [two, 'two']
    ] as const) {
      const s = await writeGzip(chunks(data, 100000), tmp(`${name}.tgz`), { threads: 2 })
      expect(gunzipSync(readFileSync(s.path)).equals(data)).toBe(true)
    }
    // One block: pako's ordinary level-6 stream between Helm's header and the trailer, as every chart up to 1 MiB has been.
    const body = (name: string): Buffer => readFileSync(tmp(`${name}.tgz`)).subarray(GZIP_HEADER.length, -8)
    expect(body('one').equals(Buffer.from(deflateRaw(one, { level: 6 })))).toBe(true)
    // Two blocks: the first ends with the sync flush that joins it to the second.
    expect(body('two').equals(Buffer.from(deflateRaw(two, { level: 6 })))).toBe(false)
    expect(body('two').indexOf(Buffer.from('0000ffff', 'hex'))).toBeGreaterThan(0)
  })
})

/** The process's OS threads, as Linux counts them: each worker thread is one. */
const osThreads = (): number => Number(/^Threads:\s+(\d+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1])
const linux = existsSync('/proc/self/status') ? describe : describe.skip

linux('worker threads (counted by the kernel, /proc/self/status)', () => {
  /** `data` in 256 KiB chunks, recording the most OS threads seen while it is read. */
  function sampled(data: Buffer, peak: { n: number }): AsyncGenerator<Buffer> {
    return (async function* () {
      for await (const c of chunks(data, 1 << 18)) {
        peak.n = Math.max(peak.n, osThreads())
        yield c
      }
    })()
  }
  // Three blocks: the pool starts with the second, and its threads are counted while the rest is read.
  const data = content(2 * 1024 * 1024 + 7, 11)

  test('as many as asked, at least one, by default one per CPU up to four; all gone once the chart is done', async () => {
    // Starts libuv's file-system threads, which stay, before the baseline is taken.
    await writeGzip(chunks(data, 1 << 20), tmp('warm.tgz'), { threads: 1 })
    const base = osThreads()
    const byDefault = Math.min(4, os.availableParallelism())
    const digests = new Set<string>()
    for (const [threads, expected] of [
      [1, 1],
      [4, 4],
      [0, 1],
      [undefined, byDefault]
    ] as const) {
      const peak = { n: 0 }
      const s = await writeGzip(sampled(data, peak), tmp(`threads-${threads}.tgz`), { threads })
      expect([threads, peak.n - base]).toEqual([threads, expected])
      // The pool stops with its last chart: its threads have exited when writeGzip returns.
      expect([threads, osThreads()]).toEqual([threads, base])
      digests.add(s.digest)
    }
    expect(gunzipSync(readFileSync(tmp('threads-0.tgz'))).equals(data)).toBe(true)
    expect(digests.size).toBe(1)
  }, 60000)

  test('charts packaged at once share one pool: no more threads than one chart would have', async () => {
    await writeGzip(chunks(data, 1 << 20), tmp('warm.tgz'), { threads: 1 })
    const base = osThreads()
    const peak = { n: 0 }
    const saved = await Promise.all(
      [0, 1, 2].map((i) => writeGzip(sampled(content(2 * 1024 * 1024 + i, 20 + i), peak), tmp(`together-${i}.tgz`), { threads: 2 }))
    )
    expect(peak.n - base).toBe(2)
    expect(osThreads()).toBe(base)
    for (const [i, s] of saved.entries()) expect(gunzipSync(readFileSync(s.path)).equals(content(2 * 1024 * 1024 + i, 20 + i))).toBe(true)
  }, 60000)
})

describe('the trailer', () => {
  test('empty chunks anywhere change nothing: CRC32 and size are those of the data (gzip -t, Node gunzip)', async () => {
    // Empty buffers of every origin; one over an empty ArrayBuffer has no backing store, for which Node 20's crc32 returns 0.
    const data = content(200000, 5)
    for (const [name, size] of [
      ['small', 200000],
      ['large', 2 * 1024 * 1024 + 3]
    ] as const) {
      const d = size === data.length ? data : content(size, 6)
      const parts = async function* (): AsyncGenerator<Buffer> {
        yield Buffer.alloc(0)
        for await (const c of chunks(d, 70000)) {
          yield c
          yield Buffer.from(new ArrayBuffer(0))
          yield c.subarray(0, 0)
        }
      }
      const s = await writeGzip(parts(), tmp(`empty-${name}.tgz`), { threads: 2 })
      execFileSync('gzip', ['-t', s.path])
      expect(gunzipSync(readFileSync(s.path)).equals(d)).toBe(true)
      expect(s.size).toBe(readFileSync(s.path).length)
    }
  })
})
