/**
 * The deflate worker's work on each block (`deflate-job.ts`), in this thread. Oracles: zlib (a block compressed by
 * zlib and handed over must come back as zlib's own finished stream, or as zlib's sync-flushed one when another block
 * follows), Node's inflate of what libdeflate wrote, and GNU gzip -t of whole archives joined from the replies.
 * libdeflate is the package's own WebAssembly module, loaded by Node (not jest's module system, which cannot load
 * ES modules); its failures are real ones, by a module whose allocator or compressor returns 0.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { constants, crc32, deflateRawSync, gunzipSync, inflateRawSync } from 'node:zlib'
import fc from 'fast-check'
import { BLOCK_SIZE, OUTPUT_SIZE } from '../../src/chart/block-deflate'
import { blockJobs, libdeflateRaw, type BlockMessage, type Libdeflate, type RawDeflate } from '../../src/chart/deflate-job'
import { pseudoRandom } from '../support/noise'

/** libdeflate's Emscripten module, instantiated by Node's own require (ES modules load with it since Node 20.19). */
function libdeflate(): Libdeflate {
  const { createRequire } = process.getBuiltinModule('node:module')
  const glue = path.join(__dirname, '..', '..', 'node_modules', 'libdeflate', 'dist', 'libdeflate.wasm.mjs')
  return (createRequire(__filename)(glue) as { default: () => Libdeflate }).default()
}

/** The same module with one export answering 0 (failed allocation, output that did not fit). */
const zeroing = (wasm: Libdeflate, name: keyof Libdeflate, call = 1): Libdeflate => {
  let calls = 0
  return new Proxy(wasm, {
    get: (t, k) => (k === name ? (...args: number[]) => (++calls === call ? 0 : (t[name] as (...a: number[]) => number)(...args)) : t[k as keyof Libdeflate])
  })
}

/** A slot as parallel-gzip.ts shares it, holding `data`. */
function slot(data: Uint8Array, output = OUTPUT_SIZE, input = BLOCK_SIZE): { input: SharedArrayBuffer; output: SharedArrayBuffer } {
  const s = { input: new SharedArrayBuffer(input), output: new SharedArrayBuffer(output) }
  new Uint8Array(s.input).set(data)
  return s
}
const message = (id: number, data: Uint8Array, last: boolean, sizes: { output?: number; input?: number } = {}): BlockMessage => ({
  id,
  ...slot(data, sizes.output, sizes.input),
  length: data.length,
  last
})
const written = (m: BlockMessage, n: number): Buffer => Buffer.from(new Uint8Array(m.output, 0, n))

const zlib: RawDeflate = (block) => deflateRawSync(block, { level: 6 })
const flushed = (data: Uint8Array): Buffer => deflateRawSync(data, { level: 6, finishFlush: constants.Z_SYNC_FLUSH })

const wasm = libdeflate()
const text = Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  key: value\n'.repeat(500))

describe('a block compressed by the given compressor (zlib: the expected bytes are its own)', () => {
  const job = blockJobs(zlib)

  test('the last block: the finished stream itself, in the slot, and its length in the reply', () => {
    const m = message(7, text, true)
    const expected = deflateRawSync(text, { level: 6 })
    expect(job(m)).toEqual({ id: 7, length: expected.length })
    expect(written(m, expected.length).equals(expected)).toBe(true)
  })

  test('a block another follows: zlib sync-flushed stream (final bit cleared, empty stored block after it)', () => {
    const m = message(8, text, false)
    const expected = flushed(text)
    expect(job(m)).toEqual({ id: 8, length: expected.length })
    expect(written(m, expected.length).equals(expected)).toBe(true)
  })

  test('only the block`s length of the slot is compressed, not the bytes after it from an earlier block', () => {
    const m = message(9, pseudoRandom(5000, 3), true)
    m.length = 4000
    const reply = job(m)
    expect(reply).toEqual({ id: 9, length: expect.any(Number) })
    expect(inflateRawSync(written(m, (reply as { length: number }).length)).equals(new Uint8Array(m.input, 0, 4000))).toBe(true)
  })

  test('a last block whose stream fills the slot exactly fits; one byte less is an error reply, nothing written', () => {
    const stream = deflateRawSync(text, { level: 6 })
    const fits = message(1, text, true, { output: stream.length })
    expect(job(fits)).toEqual({ id: 1, length: stream.length })
    expect(written(fits, stream.length).equals(stream)).toBe(true)
    const over = message(2, text, true, { output: stream.length - 1 })
    expect(job(over)).toEqual({ id: 2, error: `deflate output of ${stream.length} bytes exceeds its ${stream.length - 1}-byte slot` })
    expect(new Uint8Array(over.output).every((b) => b === 0)).toBe(true)
  })

  test('a block another follows with no room for the flush is an error reply', () => {
    const m = message(3, text, false, { output: deflateRawSync(text, { level: 6 }).length })
    expect(job(m)).toEqual({ id: 3, error: expect.stringMatching(/^deflate output of \d+ bytes exceeds its \d+-byte slot$/) })
  })

  test('a compressor that throws gives an error reply with its message, and the next block is unaffected', () => {
    let fail = true
    const flaky = blockJobs((b) => {
      if (fail) throw new Error('out of luck')
      return zlib(b)
    })
    expect(flaky(message(4, text, false))).toEqual({ id: 4, error: 'out of luck' })
    fail = false
    const m = message(5, text, false)
    expect(flaky(m)).toEqual({ id: 5, length: flushed(text).length })
  })

  test('a stream that is not complete is an error reply, not a wrong block', () => {
    const cut = blockJobs((b) => zlib(b).subarray(0, 10))
    expect(cut(message(6, text, false))).toEqual({ id: 6, error: expect.stringMatching(/^not a complete deflate stream/) })
  })
})

describe('libdeflate (WebAssembly) through the job, as the worker runs it', () => {
  // Made in a hook: a compressor that fails to allocate fails these tests rather than the file's loading.
  let job: ReturnType<typeof blockJobs>
  beforeAll(() => (job = blockJobs(libdeflateRaw(wasm))))

  test('blocks of every shape, last or not, inflate back to their bytes; each reply is its own message`s', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 70000 }),
          fc.nat({ max: 200000 }).map((n) => text.subarray(0, n + 1)),
          fc.integer({ min: 1, max: BLOCK_SIZE }).map((n) => pseudoRandom(n, n))
        ),
        fc.boolean(),
        fc.nat(),
        (data, last, id) => {
          const m = message(id, data, last)
          const reply = job(m) as { id: number; length: number }
          expect(reply).toEqual({ id, length: expect.any(Number) })
          const out = written(m, reply.length)
          // A block another follows ends with the empty stored block of a sync flush; it inflates as zlib's flushed stream.
          expect(out.subarray(-4).equals(Buffer.from('0000ffff', 'hex'))).toBe(!last)
          expect(inflateRawSync(out, { finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }).equals(data)).toBe(true)
        }
      ),
      { numRuns: 40 }
    )
  })

  test('the replies of a whole archive, joined between a gzip header and trailer, pass gzip -t and gunzip', () => {
    // Three full blocks (one incompressible: stored blocks, the largest output) and a short last one.
    const data = Buffer.concat([
      pseudoRandom(BLOCK_SIZE, 1),
      text.subarray(0, 30000),
      Buffer.alloc(BLOCK_SIZE - 30000, 'x'),
      pseudoRandom(BLOCK_SIZE + 12345, 2)
    ])
    const pieces: Buffer[] = [Buffer.from('1f8b0800000000000003', 'hex')]
    for (let at = 0, id = 0; at < data.length; at += BLOCK_SIZE, id++) {
      const block = data.subarray(at, at + BLOCK_SIZE)
      const m = message(id, block, at + BLOCK_SIZE >= data.length)
      const reply = job(m) as { length: number }
      pieces.push(written(m, reply.length))
    }
    const trailer = Buffer.alloc(8)
    trailer.writeUInt32LE(crc32(data), 0)
    trailer.writeUInt32LE(data.length, 4)
    const gz = Buffer.concat([...pieces, trailer])
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-job-'))
    try {
      writeFileSync(path.join(dir, 'a.gz'), gz)
      execFileSync('gzip', ['-t', path.join(dir, 'a.gz')])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    expect(gunzipSync(gz).equals(data)).toBe(true)
  })

  test('a compressor that cannot be allocated (any of its three allocations) fails at once', () => {
    for (const [name, call] of [
      ['_libdeflate_alloc_compressor', 1],
      ['_malloc', 1],
      ['_malloc', 2]
    ] as const)
      expect(() => libdeflateRaw(zeroing(wasm, name, call))).toThrow('libdeflate could not allocate its compressor')
  })

  test('a block libdeflate cannot compress (it returns 0) is an error reply naming its size', () => {
    const failing = blockJobs(libdeflateRaw(zeroing(wasm, '_libdeflate_deflate_compress')))
    expect(failing(message(11, text, true))).toEqual({ id: 11, error: `libdeflate could not compress a block of ${text.length} bytes` })
  })
})
