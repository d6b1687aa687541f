/**
 * `chartutil.Save`: writes `<name>-<version>.tgz` with Helm's entry order
 * (Chart.yaml, Chart.lock, values.yaml, values.schema.json, templates, files,
 * then subcharts expanded under charts/<name>/), Go's tar headers and Helm's
 * gzip header. Every entry gets the same time stamp and the deflate stream
 * never comes from Node's native zlib, whose builds differ with the CPU's SIMD
 * features: up to 1 MiB of tar it is pako (zlib level 6 in portable
 * JavaScript), larger charts are compressed in 1 MiB blocks by libdeflate in
 * WebAssembly on worker threads (`parallel-gzip.ts`), so the same source gives
 * the same bytes on every machine, Node version and thread count. The archive
 * is streamed to disk and hashed on the way; no chart is held in memory as a whole.
 */
import { createHash } from 'node:crypto'
import { createWriteStream, promises as fs } from 'node:fs'
import * as path from 'node:path'
import { ChartError } from '../errors'
import { compareUtf8, goMarshal, goStruct } from '../gojson'
import { bufferFile, type Chart, type ChartFile, type Lock } from './chart'
import { metadataYaml } from './chart-yaml'
import { BlockDeflater } from './parallel-gzip'
import { dependencyStruct } from './metadata'
import { BLOCK, fileHeader, padding, trailer } from './tar'
import { jsonToYaml } from './yaml-marshal'

/** Helm 4.2.4+: FLG FEXTRA|FCOMMENT, MTIME 0, XFL 0, OS 255, extra subfield "rr", comment "Helm". */
export const GZIP_HEADER = Buffer.from(
  '1f8b08140000000000ff2c00727228006148523063484d364c79393562335630645335695a5339364f5656364d576c6a616e647954516f3d48656c6d00',
  'hex'
)

/** `yaml.Marshal(lock)`: Go JSON of `chart.Lock` (all fields always present), then go-yaml. */
export function lockYaml(lock: Lock): string {
  return jsonToYaml(
    goMarshal(
      goStruct({
        generated: lock.generated,
        digest: lock.digest,
        dependencies: lock.dependencies ? lock.dependencies.map((d) => (d ? dependencyStruct(d) : null)) : null
      })
    )
  )
}

interface Entry {
  name: string
  file: ChartFile
}

/** Helm's `writeTarContents`, recursively; subcharts sorted by name where Helm iterates a map. */
export function archiveEntries(chart: Chart, prefix = ''): Entry[] {
  const base = prefix ? `${prefix}/${chart.metadata.name}` : chart.metadata.name
  // Helm's validateName: filepath.Base(name) == name, where Go's Base of "" is ".".
  if ((path.posix.basename(base) || '.') !== chart.metadata.name) {
    throw new ChartError(`"${chart.metadata.name}" is not a valid chart name`, { chart: chart.where })
  }
  const at = (f: ChartFile): Entry => ({ name: `${base}/${f.name}`, file: f })
  const out: Entry[] = [at(bufferFile('Chart.yaml', Buffer.from(metadataYaml(chart.metadata))))]
  if (chart.metadata.apiVersion === 'v2' && chart.lock) out.push(at(bufferFile('Chart.lock', Buffer.from(lockYaml(chart.lock)))))
  if (chart.values) out.push(at({ ...chart.values, name: 'values.yaml' }))
  if (chart.schema) out.push(at({ ...chart.schema, name: 'values.schema.json' }))
  out.push(...chart.templates.map(at), ...chart.files.map(at))
  const subs = [...chart.dependencies].sort((a, b) => compareUtf8(a.metadata.name, b.metadata.name))
  for (const sub of subs) out.push(...archiveEntries(sub, `${base}/charts`))
  return out
}

/** Reads a disk file's bytes (up to `size`, or fewer if it shrank) into `buffer`, reused for every chunk. */
async function* readReusing(file: { path: string; skip: number }, size: number, buffer: Buffer): AsyncGenerator<Buffer> {
  const fh = await fs.open(file.path, 'r')
  try {
    // One byte past the size, to notice a file that grew.
    for (let at = 0; at <= size;) {
      const { bytesRead } = await fh.read(buffer, 0, Math.min(buffer.length, size + 1 - at), file.skip + at)
      if (!bytesRead) return
      at += bytesRead
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await fh.close()
  }
}

/**
 * The uncompressed tar stream, chunk by chunk; never an empty chunk. With
 * `reuse`, disk files are read into one buffer, so a chunk is valid only
 * until the next is asked for (`writeGzip` copies each before): packaging
 * 90 MiB otherwise leaves 90 MiB of read buffers for the collector.
 */
export async function* tarStream(entries: Entry[], mtimeMs: number, opts: { reuse?: boolean } = {}): AsyncGenerator<Buffer> {
  const buffer = opts.reuse ? Buffer.allocUnsafe(256 * 1024) : undefined
  for (const e of entries) {
    yield fileHeader(e.name, e.file.size, mtimeMs)
    let n = 0
    const chunks = buffer && e.file.disk && e.file.size ? readReusing(e.file.disk, e.file.size, buffer) : e.file.open()
    for await (const chunk of chunks) {
      n += (chunk as Buffer).length
      if ((chunk as Buffer).length) yield chunk as Buffer
    }
    if (n !== e.file.size)
      throw new ChartError(`${e.name} changed while it was being packaged (${e.file.size} bytes expected, ${n} read)`, {
        file: e.name,
        hint: 'Do not modify the chart while the action runs'
      })
    if (e.file.size % BLOCK) yield padding(e.file.size)
  }
  yield trailer()
}

export interface SavedArchive {
  path: string
  digest: string
  size: number
}

/**
 * Gzip of a chunk stream into `file`: Helm's header, the block deflate of
 * `parallel-gzip.ts` (one pako stream up to 1 MiB, else libdeflate per 1 MiB
 * block in `threads` worker threads; the same bytes for any number), CRC32 and size.
 */
export async function writeGzip(chunks: AsyncIterable<Buffer>, file: string, opts: { threads?: number } = {}): Promise<SavedArchive> {
  const hash = createHash('sha256')
  // Helm's os.Create: 0666 less the umask (createWriteStream's default).
  const out = createWriteStream(file)
  let size = 0
  const emit = async (b: Buffer): Promise<void> => {
    hash.update(b)
    size += b.length
    // Written before the deflater reuses the buffer it lent.
    await new Promise<void>((resolve, reject) => out.write(b, (err) => (err ? reject(err) : resolve())))
  }
  const deflater = new BlockDeflater(emit, opts.threads)
  const opened = new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject))
  try {
    await opened
    await emit(GZIP_HEADER)
    for await (const chunk of chunks) await deflater.write(chunk)
    await emit(await deflater.end())
    await new Promise<void>((resolve, reject) => out.end(() => resolve()).once('error', reject))
  } catch (err) {
    await deflater.abort()
    out.destroy()
    await fs.rm(file, { force: true })
    throw err
  }
  return { path: file, digest: `sha256:${hash.digest('hex')}`, size }
}

/** Temporary archives written by this process, for unique temporary names. */
let saves = 0

/**
 * Packages the chart into `<destDir>/<name>-<version>.tgz` (Helm's file name,
 * version verbatim). Written to a temporary name first so that a failure
 * never leaves a truncated archive behind.
 */
export async function saveChart(chart: Chart, opts: { destDir: string; mtime: Date }): Promise<SavedArchive> {
  const entries = archiveEntries(chart)
  // Helm's os.MkdirAll(dir, 0o755), less the umask.
  await fs.mkdir(opts.destDir, { recursive: true, mode: 0o755 })
  const final = path.join(opts.destDir, `${chart.metadata.name}-${chart.metadata.version}.tgz`)
  // Unique per call: two charts of one run with the same name and version are packaged at the same time.
  const tmp = `${final}.${process.pid}.${++saves}.tmp`
  const saved = await writeGzip(tarStream(entries, opts.mtime.getTime(), { reuse: true }), tmp)
  await fs.rename(tmp, final)
  return { ...saved, path: final }
}
