/**
 * Packaging as Helm does: tar headers and streams (golden vectors from
 * helm-oci-spec §8), Chart.yaml/Chart.lock regeneration, the gzip header,
 * reproducibility, and what independent tools (GNU tar, gzip) read back.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { bufferFile, type Chart } from '../../src/chart/chart'
import { loadChartArchive, loadChartDir } from '../../src/chart/loader'
import { archiveEntries, GZIP_HEADER, lockYaml, saveChart, tarStream } from '../../src/chart/save'
import { fileHeader } from '../../src/chart/tar'
import { readTar } from '../support/read-tar'
import { metadataYaml } from '../../src/chart/chart-yaml'

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')
const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'hop-pkg-'))

async function collect(chart: Chart, mtime: Date): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const c of tarStream(archiveEntries(chart), mtime.getTime())) parts.push(c)
  return Buffer.concat(parts)
}

const chartOf = (over: Partial<Chart> & { metadata: Chart['metadata'] }): Chart => ({
  templates: [],
  files: [],
  dependencies: [],
  where: 'test',
  warnings: [],
  ...over
})

function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [f, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
    writeFileSync(path.join(root, f), c)
  }
}

describe('tar format (Go archive/tar as chartutil.Save uses it)', () => {
  test('V-P2: one header block, byte for byte', () => {
    const h = fileHeader('mychart/Chart.yaml', 130, 1700000000_000)
    expect(h.length).toBe(512)
    expect(h.toString('latin1', 100, 108)).toBe('0000644\0')
    expect(h.toString('latin1', 124, 136)).toBe('00000000202\0')
    expect(h.toString('latin1', 136, 148)).toBe('14524770400\0')
    expect(h.toString('latin1', 148, 156)).toBe('012635\0 ')
    expect(sha(h)).toBe('37258fa6826d77ce2300c1b956163ebb9a7d8f18b2d576407ddc8ed3bfd08c40')
  })

  test('V-P2: a two-file tar stream', async () => {
    const chart = chartOf({
      metadata: { apiVersion: 'v2', name: 'mychart', version: '0.1.0' },
      values: bufferFile('values.yaml', Buffer.from('replicaCount: 1\n'))
    })
    expect(metadataYaml(chart.metadata)).toBe('apiVersion: v2\nname: mychart\nversion: 0.1.0\n')
    const tar = await collect(chart, new Date(1700000000_000))
    expect(tar.length).toBe(3072)
    expect(sha(tar)).toBe('03951e7d335f54e2a7647f521700a4d697affa47addf6f73543bf65a7213f5c4')
  })

  test("V-P5: Helm's repeatable-save chart, uncompressed, with Chart.lock and schema, mtime rounded", async () => {
    const lock = { generated: '2021-09-01T20:34:58.651387237Z', digest: 'testdigest', dependencies: null }
    expect(lockYaml(lock)).toBe('dependencies: null\ndigest: testdigest\ngenerated: "2021-09-01T20:34:58.651387237Z"\n')
    const chart = chartOf({
      metadata: { apiVersion: 'v2', name: 'ahab', version: '1.2.3' },
      lock,
      schema: bufferFile('values.schema.json', Buffer.from('{\n  "title": "Values"\n}')),
      files: [bufferFile('scheherazade/shahryar.txt', Buffer.from('1,001 Nights'))]
    })
    const tar = await collect(chart, new Date('2021-09-01T20:34:58.651Z'))
    expect(tar.length).toBe(5120)
    expect(sha(tar)).toBe('a631bdf101686efb04c7c5bffd0b9353e926420845857f078fcd399bc123bbe2')
  })

  test('long names are USTAR-split; non-ASCII names get a PAX header that GNU tar reads', async () => {
    const long = `mychart/templates/${'a'.repeat(60)}/${'b'.repeat(70)}.yaml`
    const h = fileHeader(long, 1, 0)
    expect(h.toString('utf8', 345, 345 + 78)).toBe(`mychart/templates/${'a'.repeat(60)}`)
    expect(h.toString('utf8', 0, 75)).toBe(`${'b'.repeat(70)}.yaml`)
    const chart = chartOf({
      metadata: { apiVersion: 'v2', name: 'mychart', version: '0.1.0' },
      files: [bufferFile('files/café.txt', Buffer.from('x')), bufferFile(`templates/${'a'.repeat(60)}/${'b'.repeat(70)}.yaml`, Buffer.from('y'))]
    })
    const dir = tmp()
    const saved = await saveChart(chart, { destDir: dir, mtime: new Date(0) })
    const listing = execFileSync('tar', ['-tzf', saved.path]).toString().trim().split('\n')
    expect(listing).toEqual(['mychart/Chart.yaml', 'mychart/files/café.txt', long])
    const entries = readTar(execFileSync('gzip', ['-dc', saved.path]))
    expect(entries.map((e) => e.name)).toEqual(listing)
  })
})

describe('saveChart', () => {
  test('gzip header as Helm 4.2.4 writes it; gzip -t and tar read it; reproducible to the byte', async () => {
    const src = tmp()
    writeTree(src, { 'Chart.yaml': 'apiVersion: v2\nname: repro\nversion: 1.0.0\n', 'values.yaml': 'a: 1\n', 'templates/cm.yaml': 'kind: ConfigMap\n' })
    const a = await saveChart(await loadChartDir(src), { destDir: tmp(), mtime: new Date(1700000000_000) })
    const b = await saveChart(await loadChartDir(src), { destDir: tmp(), mtime: new Date(1700000000_000) })
    expect(path.basename(a.path)).toBe('repro-1.0.0.tgz')
    expect(a.digest).toBe(b.digest)
    expect(readFileSync(a.path).equals(readFileSync(b.path))).toBe(true)
    expect(readFileSync(a.path).subarray(0, GZIP_HEADER.length).equals(GZIP_HEADER)).toBe(true)
    execFileSync('gzip', ['-t', a.path])
    const verbose = execFileSync('tar', ['-tvzf', a.path, '--numeric-owner', '--utc']).toString()
    expect(verbose).toMatch(/-rw-r--r-- 0\/0 +42 2023-11-14 22:13 repro\/Chart.yaml/)
    expect(`sha256:${sha(readFileSync(a.path))}`).toBe(a.digest)
    const c = await saveChart(await loadChartDir(src), { destDir: tmp(), mtime: new Date(1700000001_000) })
    expect(c.digest).not.toBe(a.digest)
  })

  test('entry order: Chart.yaml, Chart.lock, values, schema, templates, files, then subcharts by name, expanded', async () => {
    const src = tmp()
    writeTree(src, {
      'Chart.yaml': 'apiVersion: v2\nname: parent\nversion: 1.0.0\ndependencies:\n- name: mariadb\n  version: 1.x\n- name: zeta\n  version: 2.x\n',
      'Chart.lock': 'dependencies: []\ndigest: sha256:abc\ngenerated: "2024-01-02T03:04:05.5Z"\n',
      'values.yaml': 'x: 1\n',
      'values.schema.json': '{}',
      'README.md': 'readme\n',
      'templates/b.yaml': 'b\n',
      'templates/a.yaml': 'a\n',
      'charts/zeta/Chart.yaml': 'apiVersion: v2\nname: zeta\nversion: 2.0.0\n',
      'charts/zeta/templates/z.yaml': 'z\n',
      'charts/db/Chart.yaml': 'apiVersion: v2\nname: mariadb\nversion: 1.0.0\n',
      'charts/.gitkeep': '',
      'charts/_old/Chart.yaml': 'broken: [',
      'charts/db-1.0.0.tgz.prov': 'prov\n'
    })
    const chart = await loadChartDir(src)
    expect(chart.dependencies.map((d) => d.metadata.name)).toEqual(['mariadb', 'zeta'])
    const names = archiveEntries(chart).map((e) => e.name)
    expect(names).toEqual(
      [
        'parent/Chart.yaml',
        'parent/Chart.lock',
        'parent/values.yaml',
        'parent/values.schema.json',
        'parent/templates/a.yaml',
        'parent/templates/b.yaml',
        'parent/.helmignore',
        'parent/README.md',
        'parent/charts/db-1.0.0.tgz.prov',
        'parent/charts/mariadb/Chart.yaml',
        'parent/charts/zeta/Chart.yaml',
        'parent/charts/zeta/templates/z.yaml'
      ].filter((n) => n !== 'parent/.helmignore')
    )
    expect(lockYaml(chart.lock!)).toBe('dependencies: []\ndigest: sha256:abc\ngenerated: "2024-01-02T03:04:05.5Z"\n')
  })

  test('a vendored subchart .tgz is expanded under charts/<its Chart.yaml name>/ and round-trips through loadChartArchive', async () => {
    const sub = tmp()
    writeTree(sub, { 'Chart.yaml': 'apiVersion: v2\nname: redis\nversion: 17.0.0\n', 'templates/r.yaml': 'r\n' })
    const parent = tmp()
    writeTree(parent, {
      'Chart.yaml':
        'apiVersion: v2\nname: app\nversion: 0.2.0\ndependencies:\n- name: redis\n  version: 17.x.x\n  repository: oci://registry-1.docker.io/bitnamicharts\n'
    })
    await saveChart(await loadChartDir(sub), { destDir: path.join(parent, 'charts'), mtime: new Date(0) })
    const saved = await saveChart(await loadChartDir(parent), { destDir: tmp(), mtime: new Date(0) })
    const listing = execFileSync('tar', ['-tzf', saved.path]).toString().trim().split('\n')
    expect(listing).toEqual(['app/Chart.yaml', 'app/charts/redis/Chart.yaml', 'app/charts/redis/templates/r.yaml'])
    const again = await loadChartArchive(saved.path)
    expect(again.metadata.dependencies?.[0]).toMatchObject({ name: 'redis', version: '17.x.x', repository: 'oci://registry-1.docker.io/bitnamicharts' })
    expect(again.dependencies[0].metadata).toMatchObject({ name: 'redis', version: '17.0.0' })
  })
})
