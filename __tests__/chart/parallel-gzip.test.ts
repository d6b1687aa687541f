/**
 * The block deflater shared by every chart of a run (`parallel-gzip.ts`):
 * charts packaged at once share one pool of threads and slots, and still each
 * get their own bytes back, in order; a failed chart gives its slots back, so
 * the charts after it are not starved. Archives are read back with Node's
 * gunzip and GNU gzip, not with the code under test.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
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

const tmp = (name: string): string => path.join(os.tmpdir(), name)

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
