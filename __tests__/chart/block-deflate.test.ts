/**
 * Joining whole deflate streams into one (`block-deflate.ts`). The oracle is
 * zlib itself: a stream zlib finishes and the same input zlib ends with a
 * sync flush differ only in the final-block bit and the empty stored block
 * after it, so opening the first must give the second byte for byte, for
 * every end-bit position, block type (stored, fixed, dynamic) and block count.
 */
import fc from 'fast-check'
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib'
import { OUTPUT_SIZE, StreamOpener } from '../../src/chart/block-deflate'

const opener = new StreamOpener()
const open = (stream: Buffer, length: number): Buffer => {
  const out = Buffer.alloc(stream.length + 16)
  return out.subarray(0, opener.openStream(stream, length, out))
}

/** Input shapes: incompressible, repetitive, text-like, and mixtures, so that every block type and end bit occur. */
const input = fc.oneof(
  fc.uint8Array({ maxLength: 70000 }),
  fc.tuple(fc.string({ maxLength: 40 }), fc.nat({ max: 3000 })).map(([s, n]) => new TextEncoder().encode(s.repeat(n))),
  fc
    .array(fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('kind: ConfigMap\n', 'metadata:\n  name: a\n', 'x')), { maxLength: 60 })
    .map((parts) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))))
)
const options = fc.record({
  level: fc.integer({ min: 0, max: 9 }),
  strategy: fc.constantFrom(constants.Z_DEFAULT_STRATEGY, constants.Z_FILTERED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FIXED)
})

describe('opening a finished deflate stream', () => {
  test('gives exactly what zlib writes for the same input ending in a sync flush', () => {
    const ends = new Set<number>()
    fc.assert(
      // Non-empty: for no input at all zlib's sync flush writes only the empty stored block, with no block before it.
      fc.property(
        input.filter((d) => d.length > 0),
        options,
        (data, opts) => {
          const finished = deflateRawSync(data, opts)
          const flushed = deflateRawSync(data, { ...opts, finishFlush: constants.Z_SYNC_FLUSH })
          expect(open(finished, data.length).toString('hex')).toBe(flushed.toString('hex'))
          ends.add(opener.lastBlock(finished, data.length).end & 7)
        }
      ),
      { numRuns: 400 }
    )
    // Every bit position a stream can end at was met, including the two where the stored header spills over.
    expect([...ends].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })

  test('opened pieces and a finished last one inflate as one stream to the pieces joined', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(input, options), { minLength: 1, maxLength: 5 }), (pieces) => {
        const parts = pieces.map(([data, opts], i) => {
          const finished = deflateRawSync(data, opts)
          return i === pieces.length - 1 ? finished : open(finished, data.length)
        })
        expect(inflateRawSync(Buffer.concat(parts)).equals(Buffer.concat(pieces.map(([data]) => Buffer.from(data))))).toBe(true)
      }),
      { numRuns: 150 }
    )
  })

  test('clears the final bit of the last block, not the first, and appends the stored block where that block ends', () => {
    // Assembled by hand (RFC 1951): a non-final stored block holding "abc", then a final empty fixed-Huffman block
    // (bits 1, 01, then the 7-bit end-of-block code 0000000: 10 bits, starting at bit 64).
    const stream = Buffer.from('000300fcff616263' + '0300', 'hex')
    expect(opener.lastBlock(stream, 3)).toEqual({ start: 64, end: 74 })
    expect(open(stream, 3).toString('hex')).toBe('000300fcff616263' + '0200' + '0000ffff')
    expect(inflateRawSync(Buffer.concat([open(stream, 3), stream])).toString()).toBe('abcabc')
    // Padding bits after the end code need not be zero (RFC 1951 leaves them free); the stored header there must be.
    const padded = Buffer.from('000300fcff616263' + '03fc', 'hex')
    expect(inflateRawSync(padded).toString()).toBe('abc')
    expect(open(padded, 3).toString('hex')).toBe('000300fcff616263' + '0200' + '0000ffff')
  })

  test('refuses what is not one complete stream of the stated length', () => {
    const data = Buffer.from('kind: ConfigMap\n'.repeat(500))
    const stream = deflateRawSync(data)
    expect(() => open(stream.subarray(0, stream.length - 2), data.length)).toThrow(/not a complete deflate stream of 8000 bytes/)
    expect(() => open(stream, data.length - 1)).toThrow(/not a complete deflate stream of 7999 bytes/)
    expect(() => open(stream, data.length + 1)).toThrow(/not a complete deflate stream of 8001 bytes/)
    expect(() => open(Buffer.concat([stream, Buffer.from([0])]), data.length)).toThrow(/not a complete deflate stream/)
    expect(() => open(Buffer.from('not deflate at all'), 10)).toThrow(/not a complete deflate stream of 10 bytes/)
  })

  test('refuses to write past the slot it was given', () => {
    const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251))
    const stream = deflateRawSync(data, { level: 0 })
    expect(() => opener.openStream(stream, data.length, new Uint8Array(stream.length))).toThrow(/exceeds its \d+-byte slot/)
    expect(OUTPUT_SIZE).toBeGreaterThan(1024 * 1024 + 5 * Math.ceil((1024 * 1024) / 5000) + 6)
  })
})
