/**
 * The parts of src/chart/save.ts around the compressor: which entries a chart becomes (a lock only for apiVersion v2,
 * as Helm's Save), the last guard on the chart name, and the tar stream's shape checked by GNU tar: sizes 0, 511,
 * 512 and 513 padded to whole blocks, two zero blocks at the end, no empty chunk, and a file that changes while it
 * is packaged refused naming it.
 */
import { spawnSync } from 'node:child_process'
import { Readable } from 'node:stream'
import { bufferFile, type Chart, type ChartFile } from '../../src/chart/chart'
import { archiveEntries, tarStream } from '../../src/chart/save'
import { ChartError } from '../../src/errors'
import { caught, thrown } from '../support/caught'

const chartOf = (over: Partial<Chart> & { metadata: Chart['metadata'] }): Chart => ({
  templates: [],
  files: [],
  dependencies: [],
  where: 'charts/c',
  warnings: [],
  ...over
})
const lock = { generated: '2024-01-01T00:00:00Z', digest: 'sha256:ab', dependencies: [] }

async function chunks(chart: Chart): Promise<Buffer[]> {
  const out: Buffer[] = []
  for await (const c of tarStream(archiveEntries(chart), 0)) out.push(c)
  return out
}

describe('archiveEntries', () => {
  test('apiVersion v2 writes the lock as Chart.lock; v1 writes none', () => {
    const v2 = archiveEntries(chartOf({ metadata: { apiVersion: 'v2', name: 'c', version: '1.0.0' }, lock }))
    expect(v2.map((e) => e.name)).toEqual(['c/Chart.yaml', 'c/Chart.lock'])
    const v1 = archiveEntries(chartOf({ metadata: { apiVersion: 'v1', name: 'c', version: '1.0.0' }, lock }))
    expect(v1.map((e) => e.name)).toEqual(['c/Chart.yaml'])
  })

  // Helm's validateName (pkg/chartutil/save.go): filepath.Base(name) must be the name; Go's Base("") is ".".
  // ("." and ".." pass it; metadata validation refuses them before.)
  test.each(['a/b', 'a/', ''])('a chart named %j is refused as the last guard, naming the chart', (name) => {
    const err = thrown<ChartError>(() => archiveEntries(chartOf({ metadata: { apiVersion: 'v2', name, version: '1.0.0' } })))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe(`"${name}" is not a valid chart name`)
    expect(err).toMatchObject({ chart: 'charts/c' })
  })

  test('a subchart is checked the same way under its parent', () => {
    const sub = chartOf({ metadata: { apiVersion: 'v2', name: 'x/y', version: '1.0.0' }, where: 'charts/c/charts/y' })
    expect(() => archiveEntries(chartOf({ metadata: { apiVersion: 'v2', name: 'c', version: '1.0.0' }, dependencies: [sub] }))).toThrow(
      '"x/y" is not a valid chart name'
    )
  })
})

describe('tarStream', () => {
  test.each([0, 1, 511, 512, 513, 1024])('a %i-byte file: header, contents padded to a block, two zero blocks; GNU tar reads it back', async (size) => {
    const chart = chartOf({ metadata: { apiVersion: 'v2', name: 'c', version: '1.0.0' }, files: [bufferFile('f.bin', Buffer.alloc(size, 7))] })
    const parts = await chunks(chart)
    expect(parts.every((p) => p.length > 0)).toBe(true)
    const tar = Buffer.concat(parts)
    const chartYaml = Buffer.byteLength('apiVersion: v2\nname: c\nversion: 1.0.0\n')
    const block = (n: number): number => Math.ceil(n / 512) * 512
    expect(tar.length).toBe(512 + block(chartYaml) + 512 + block(size) + 1024)
    expect(tar.subarray(tar.length - 1024).equals(Buffer.alloc(1024))).toBe(true)
    const r = spawnSync('tar', ['-xOf', '-', 'c/f.bin'], { input: tar })
    expect(r.status).toBe(0)
    expect(r.stderr.toString()).toBe('')
    expect(r.stdout.equals(Buffer.alloc(size, 7))).toBe(true)
  })

  test.each([
    ['shrank', 3, 'c/f.txt changed while it was being packaged (4 bytes expected, 3 read)'],
    ['grew', 5, 'c/f.txt changed while it was being packaged (4 bytes expected, 5 read)']
  ])('a file that %s while it was read is refused, naming it', async (_what, actual, message) => {
    const file: ChartFile = { name: 'f.txt', size: 4, open: () => Readable.from([Buffer.alloc(actual, 0x61)]) }
    const err = await caught(chunks(chartOf({ metadata: { apiVersion: 'v2', name: 'c', version: '1.0.0' }, files: [file] })))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe(message)
    expect(err).toMatchObject({ file: 'c/f.txt', hint: 'Do not modify the chart while the action runs' })
  })

  test('empty chunks from a file are skipped, not passed on', async () => {
    const file: ChartFile = { name: 'f.txt', size: 2, open: () => Readable.from([Buffer.alloc(0), Buffer.from('a'), Buffer.alloc(0), Buffer.from('b')]) }
    const parts = await chunks(chartOf({ metadata: { apiVersion: 'v2', name: 'c', version: '1.0.0' }, files: [file] }))
    expect(parts.some((p) => p.length === 0)).toBe(false)
    expect(Buffer.concat(parts).includes('ab')).toBe(true)
  })
})
