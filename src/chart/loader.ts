/**
 * Loading a chart the way Helm's pkg/chart/v2/loader does: the directory walk
 * (sorted, `.helmignore` + `templates/.?*`, symlinks followed), the archive
 * reader's path rules and size limits, and `LoadFiles`' classification into
 * Chart.yaml, lock, values, schema, templates, files and subcharts.
 * Unlike Helm, a symlink may not point outside the chart: a published chart
 * must not pick up files from elsewhere on the runner.
 */
import * as fsSync from 'node:fs'
import { constants, promises as fs } from 'node:fs'
import * as path from 'node:path'
import { Readable } from 'node:stream'
import { parseAllDocuments } from 'yaml'
import { ChartError } from '../errors'
import { compareUtf8 } from '../gojson'
import { bufferFile, diskFile, readAll, type Chart, type ChartFile, type Lock } from './chart'
import { decodeMetadata, decodeRequirements, guardJson, guardYaml, parseYaml11, validateMetadata } from './chart-yaml'
import { IgnoreRules } from './helmignore'
import { archiveEntries, keepFile, LoadBudget, MAX_DECOMPRESSED_CHART_SIZE, MAX_FILE_SIZE, tarEntries, utf8Name, type ArchiveEntry } from './archive'
import { readRegularFile, statOrUndefined } from './boundary'

export { MAX_DECOMPRESSED_CHART_SIZE, MAX_FILE_SIZE } from './archive'
const BOM = Buffer.from([0xef, 0xbb, 0xbf])

interface Loaded {
  name: string
  file: ChartFile
  /** Read eagerly for files Helm parses (Chart.yaml, lock, values, requirements; `contentsRead`) and small files. */
  data?: Buffer
}

/** The files `loadFiles` parses, by name at a chart's root. */
const PARSED = new Set(['Chart.yaml', 'Chart.lock', 'values.yaml', 'values.schema.json', 'requirements.yaml', 'requirements.lock'])

/** A file's contents, read when it is parsed (archive files may wait on disk). */
const dataOf = async (f: Loaded): Promise<Buffer> => f.data ?? (await readAll(f.file))

async function loadDiskFile(abs: string, name: string, size: number, where: string): Promise<Loaded> {
  if (size > MAX_FILE_SIZE) {
    throw new ChartError(`chart file "${path.basename(name)}" is larger than the maximum file size ${MAX_FILE_SIZE}`, {
      chart: where,
      file: name,
      hint: 'Helm refuses files over 5 MiB: add it to .helmignore or shrink it'
    })
  }
  // Never blocks: a FIFO swapped in after the type check is opened without waiting and refused. Synchronous, as the
  // whole directory walk is (see readRegularFile): a thread-pool round trip per call would cost more than the read.
  const fd = fsSync.openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    if (!fsSync.fstatSync(fd).isFile()) throw new ChartError(`chart file ${name} changed into an irregular file while loading`, { chart: where, file: name })
    // What loadFiles will parse or open (in a subchart directory too) is read now, once, as are small files; a large
    // file that is only packaged waits on disk.
    const head = Buffer.alloc(Math.min(size, contentsRead(name) || size <= 65536 ? size : 3))
    readFully(fd, head)
    const skip = head.subarray(0, 3).equals(BOM) ? 3 : 0
    if (head.length === size) {
      const data = head.subarray(skip)
      return { name, file: bufferFile(name, data), data }
    }
    return { name, file: diskFile(name, abs, size - skip, skip) }
  } finally {
    fsSync.closeSync(fd)
  }
}

/** Fills `buf` from the start of the file (a short read only when the file shrank meanwhile, as before). */
function readFully(fd: number, buf: Buffer): void {
  for (let off = 0; off < buf.length;) {
    const n = fsSync.readSync(fd, buf, off, buf.length - off, off)
    if (!n) return
    off += n
  }
}

/** The chart's `.helmignore` rules plus Helm's defaults, as `LoadDir` applies them. */
export async function chartIgnoreRules(root: string, where: string): Promise<IgnoreRules> {
  let rules = IgnoreRules.empty()
  const ignoreName = path.join(where, '.helmignore')
  // The same checks as every other chart file: inside the chart, a regular file, under the size limit.
  const ignoreData = await readRegularFile(path.join(root, '.helmignore'), {
    maxSize: MAX_FILE_SIZE,
    within: [fsSync.realpathSync.native(root)],
    fail: (why) => new ChartError(`.helmignore ${why}`, { chart: where, file: ignoreName, hint: 'Make .helmignore a regular file inside the chart' })
  })
  if (ignoreData !== undefined) rules = IgnoreRules.parse(ignoreData.toString('utf8'), ignoreName)
  rules.addDefaults()
  return rules
}

/**
 * Helm's `LoadDir` walk: depth first, names sorted byte-wise, the root
 * `.helmignore` rules applied to paths relative to the chart root.
 */
export async function walkChartDir(root: string, where: string, budget = new LoadBudget(where)): Promise<Loaded[]> {
  const rootReal = fsSync.realpathSync.native(root)
  const rules = await chartIgnoreRules(root, where)
  const out: Loaded[] = []

  async function visit(dirAbs: string, rel: string): Promise<void> {
    const raw = fsSync.readdirSync(dirAbs, { encoding: 'buffer' })
    const names = raw.map((b) =>
      utf8Name(b, (shown) => {
        throw new ChartError(`file name "${rel ? `${rel}/` : ''}${shown}" is not valid UTF-8`, {
          chart: where,
          file: path.join(where, rel),
          hint: 'Helm charts need UTF-8 file names: rename the file or list it in .helmignore'
        })
      })
    )
    for (const entry of names.sort(compareUtf8)) {
      const abs = path.join(dirAbs, entry)
      const name = rel ? `${rel}/${entry}` : entry
      let st = fsSync.lstatSync(abs)
      if (st.isSymbolicLink()) {
        let target: string
        try {
          target = fsSync.realpathSync.native(abs)
        } catch (err) {
          throw new ChartError(`error evaluating symlink ${name}: ${(err as Error).message}`, {
            chart: where,
            file: path.join(where, name),
            hint: 'Fix or remove the dangling symlink, or list it in .helmignore'
          })
        }
        if (target !== rootReal && !target.startsWith(rootReal + path.sep)) {
          throw new ChartError(`symlink ${name} points outside the chart (to ${target})`, {
            chart: where,
            file: path.join(where, name),
            hint: 'Copy the file into the chart or list the link in .helmignore; a published chart must not include files from outside its directory'
          })
        }
        st = fsSync.statSync(target)
      }
      if (rules.ignore(name, st.isDirectory())) continue
      budget.addFile(name)
      if (st.isDirectory()) {
        await visit(abs, name)
        continue
      }
      if (!st.isFile()) {
        throw new ChartError(`cannot load irregular file ${name} as it has file mode type bits set`, {
          chart: where,
          file: path.join(where, name),
          hint: 'Remove the socket, FIFO or device file, or list it in .helmignore'
        })
      }
      out.push(await loadDiskFile(abs, name, st.size, where))
    }
  }
  await visit(root, '')
  return out
}

/**
 * Where Helm's archive reader puts an entry, or the error it reports. As Helm splits it: at a backslash when the name has
 * one (a Windows-made archive), else at "/"; the first part is the chart's directory, so a name without one
 * (a file at the top level) cleans to "." and is refused.
 */
function archiveEntryName(raw: string, where: string): string {
  const parts = raw.split(raw.includes('\\') ? '\\' : '/')
  let n = parts.slice(1).join('/')
  const fail = (m: string): never => {
    throw new ChartError(m, { chart: where, file: raw, hint: 'Repackage the chart with `helm package` or this action' })
  }
  if (path.posix.isAbsolute(n)) fail('chart illegally contains absolute paths')
  // Go's path.Clean: normalize, without the trailing slash it keeps.
  n = path.posix.normalize(n)
  if (n.endsWith('/') && n.length > 1) n = n.slice(0, -1)
  if (n === '.') fail('chart illegally contains content outside the base directory')
  if (n.startsWith('..')) fail('chart illegally references parent directory')
  if (/^[a-zA-Z]:\//.test(n)) fail('chart contains illegally named files')
  if (parts[0] === 'Chart.yaml') fail('chart yaml not in base directory')
  return n
}

/** Helm's `LoadArchiveFiles`, streamed: gzip + tar, limits checked as the entries come, against the shared budget. */
export async function readChartArchive(source: AsyncIterable<Buffer> | Buffer, where: string, budget = new LoadBudget(where)): Promise<Loaded[]> {
  return collect(archiveEntries(Buffer.isBuffer(source) ? Readable.from([source]) : source, where, budget), where, budget)
}

/**
 * The same from the decompressed tar, holding only the files whose contents `loadFiles` reads (`contentsRead`); the
 * others are listed, so the chart it makes is for checking, not for packaging.
 */
export async function readChartTar(tar: AsyncIterable<Buffer>, where: string, budget = new LoadBudget(where)): Promise<Loaded[]> {
  return collect(tarEntries(tar, where, budget, contentsRead), where, budget)
}

async function collect(entries: AsyncIterable<ArchiveEntry>, where: string, budget: LoadBudget): Promise<Loaded[]> {
  const out: Loaded[] = []
  for await (const e of entries) {
    if (e.directory) continue
    const name = archiveEntryName(e.name, where)
    out.push({ name, file: e.data ? await keepFile(name, e.data, budget) : listedFile(name, e.size) })
  }
  if (!out.length) throw new ChartError('no files in chart archive', { chart: where, file: where })
  return out
}

/**
 * A Chart.lock `generated` time as Go's time.Time reads it (time.Parse with RFC 3339: fields in range, "T", "Z" or
 * ±hh:mm) and marshals it back (RFC3339Nano: at most 9 fraction digits, trailing zeros dropped, a zero offset as "Z");
 * undefined when Go refuses it. Stricter than Parse: no "," fraction, one-digit hour or zone minute >= 60, and no zone
 * hour >= 24 (Helm's Save fails to marshal that one).
 */
export function goTime(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-](\d{2}):(\d{2}))$/.exec(text)
  if (!m) return undefined
  const [year, month, day, hour, min, sec] = m.slice(1, 7).map(Number)
  // The month's last day; setUTCFullYear takes years 0-99 as written (Date.UTC would read 0 as 1900, not a leap year).
  const last = new Date(0)
  last.setUTCFullYear(year, month, 0)
  const days = last.getUTCDate()
  if (month < 1 || month > 12 || day < 1 || day > days || hour > 23 || min > 59 || sec > 59) return undefined
  if (m[8] !== 'Z' && (Number(m[9]) > 23 || Number(m[10]) > 59)) return undefined
  const fraction = (m[7] ?? '').slice(0, 9).replace(/0+$/, '')
  const zone = m[8] === 'Z' || (m[9] === '00' && m[10] === '00') ? 'Z' : m[8]
  return `${text.slice(0, 19)}${fraction ? `.${fraction}` : ''}${zone}`
}

/** Whether `loadFiles` reads a file's contents (in the chart or any subchart) rather than only listing it, erring towards reading. */
export function contentsRead(name: string): boolean {
  return PARSED.has(name.slice(name.lastIndexOf('/') + 1)) || /(?:^|\/)charts\/[^/]+\.tgz$/.test(name)
}

/** A file whose contents were passed over: only its name and size are known. */
function listedFile(name: string, size: number): ChartFile {
  return {
    name,
    size,
    open: () => {
      throw new Error(`${name} was only listed when its archive was read; its contents were not kept`)
    }
  }
}

function parseLock(data: Buffer, file: string, where: string): Lock {
  const obj = (parseYaml11(data.toString('utf8'), file, where) ?? {}) as Record<string, unknown>
  const deps = Array.isArray(obj.dependencies) ? (obj.dependencies as Lock['dependencies']) : null
  let generated = '0001-01-01T00:00:00Z'
  if (obj.generated !== undefined && obj.generated !== null) {
    const g = obj.generated
    // A scalar as written (bigint included); a mapping or list is named as such rather than as [object Object].
    const text =
      typeof g === 'string' ? g : typeof g === 'number' || typeof g === 'bigint' || typeof g === 'boolean' ? `${g}` : Array.isArray(g) ? 'a list' : 'a mapping'
    const time = typeof obj.generated === 'string' ? goTime(text) : undefined
    // Helm's loader fails on a time Go cannot parse (and would fail on the packaged chart).
    if (time === undefined)
      throw new ChartError(`cannot load ${path.basename(file)}: generated "${text}" is not an RFC 3339 time`, {
        chart: where,
        file,
        hint: 'Write generated as 2006-01-02T15:04:05Z, or re-run `helm dependency update` to rewrite the lock'
      })
    generated = time
  }
  return { generated, digest: obj.digest === undefined || obj.digest === null ? '' : `${obj.digest as string | number}`, dependencies: deps }
}

function checkValues(data: Buffer, file: string, where: string): void {
  const text = data.toString('utf8')
  guardYaml(text, file, where)
  for (const doc of parseAllDocuments(text, { version: '1.1', uniqueKeys: false })) {
    const errs = 'errors' in doc ? doc.errors : []
    if (errs.length)
      throw new ChartError(`cannot load ${file}: ${errs[0].message.split('\n')[0]}`, { chart: where, file, hint: 'values.yaml must be valid YAML' })
    const v = doc.toJS({ maxAliasCount: 10000 }) as unknown
    if (v !== null && v !== undefined && (typeof v !== 'object' || Array.isArray(v))) {
      throw new ChartError(`cannot load ${file}: the top level must be a mapping`, { chart: where, file, hint: 'values.yaml holds key: value pairs' })
    }
  }
}

/** Helm's `LoadFiles`: classify, parse, validate, and load subcharts from `charts/`. */
export async function loadFiles(files: Loaded[], where: string, budget = new LoadBudget(where)): Promise<Chart> {
  const chartYaml = files.find((f) => f.name === 'Chart.yaml')
  if (!chartYaml)
    throw new ChartError('Chart.yaml file is missing', {
      chart: where,
      file: path.join(where, 'Chart.yaml'),
      hint: 'A chart directory needs a Chart.yaml (helm create makes one)'
    })
  const file = (n: string): string => path.join(where, n)
  const raw = decodeMetadata((await dataOf(chartYaml)).toString('utf8'), file('Chart.yaml'), where)
  const warnings: string[] = []
  const chart: Omit<Chart, 'metadata'> = { templates: [], files: [], dependencies: [], where, warnings }
  const groups = new Map<string, Loaded[]>()
  for (const f of files) {
    const n = f.name
    if (n === 'Chart.yaml') continue
    if (n === 'Chart.lock') {
      // Helm's loader reads it whatever the apiVersion (a v1 chart's requirements.lock, later in the walk, wins); Save writes it for v2 only.
      chart.lock = parseLock(await dataOf(f), file(n), where)
    } else if (n === 'values.yaml') {
      checkValues(await dataOf(f), file(n), where)
      chart.values = f.file
    } else if (n === 'values.schema.json') {
      const text = (await dataOf(f)).toString('utf8')
      guardJson(text, file(n), where)
      try {
        JSON.parse(text)
      } catch {
        throw new ChartError('invalid JSON in values.schema.json', {
          chart: where,
          file: file(n),
          hint: 'Fix the JSON (an empty file is not valid JSON either)'
        })
      }
      chart.schema = f.file
    } else if (n === 'requirements.yaml') {
      Object.assign(raw, decodeRequirements((await dataOf(f)).toString('utf8'), file(n), where))
      if (raw.apiVersion === 'v1') chart.files.push(f.file)
      // As Helm's loader (which warns likewise): applied, but not packaged, in an apiVersion v2 chart.
      else
        warnings.push(
          'requirements.yaml is deprecated in apiVersion v2 charts: its dependencies are used but the file is not packaged; declare dependencies in Chart.yaml'
        )
    } else if (n === 'requirements.lock') {
      chart.lock = parseLock(await dataOf(f), file(n), where)
      if (raw.apiVersion === 'v1') chart.files.push(f.file)
    } else if (n.startsWith('templates/')) chart.templates.push(f.file)
    else if (n.startsWith('charts/') && !n.endsWith('.prov')) {
      const rest = n.slice('charts/'.length)
      const key = rest.split('/')[0]
      if (!groups.has(key)) groups.set(key, [])
      groups.get(key)!.push(f)
    } else chart.files.push(f.file)
  }
  const { metadata, warnings: w } = validateMetadata(raw, file('Chart.yaml'), where)
  warnings.push(...w)

  for (const [key, group] of [...groups].sort(([a], [b]) => compareUtf8(a, b))) {
    if (key.startsWith('_') || key.startsWith('.')) continue // Helm drops these silently
    const subWhere = `${where}/charts/${key}`
    try {
      let sub: Chart
      if (key.endsWith('.tgz')) {
        // As Helm: a name ending in .tgz is an archive; a directory of that name is refused, not loaded as a chart.
        const got = group[0].name.slice('charts/'.length)
        if (got !== key)
          throw new ChartError(`error unpacking subchart tar in ${metadata.name}: expected ${key}, got ${got}`, {
            chart: where,
            file: file(`charts/${got}`),
            hint: 'Rename the directory under charts/ so that it does not end in .tgz, or put the packaged chart there'
          })
        // Streamed from memory or its spill file, counted against the parent's budget.
        sub = await loadFiles(await readChartArchive(group[0].file.open(), subWhere, budget), subWhere, budget)
        sub.archiveName = key
      } else {
        const inner = group.filter((f) => f.name.length > `charts/${key}/`.length).map((f) => ({ ...f, name: f.name.slice(`charts/${key}/`.length) }))
        sub = await loadFiles(
          inner.map((f) => ({ ...f, file: { ...f.file, name: f.name } })),
          subWhere,
          budget
        )
      }
      chart.dependencies.push(sub)
      warnings.push(...sub.warnings.map((x) => `subchart ${sub.metadata.name}: ${x}`))
    } catch (err) {
      if (err instanceof ChartError && !err.message.startsWith('error unpacking subchart')) {
        throw new ChartError(`error unpacking subchart ${key} in ${metadata.name}: ${err.message}`, {
          chart: where,
          file: err.file ?? file(`charts/${key}`),
          hint: err.hint,
          cause: err
        })
      }
      throw err
    }
  }
  return { ...chart, metadata }
}

export async function loadChartDir(dir: string, where = dir): Promise<Chart> {
  const st = statOrUndefined(() => fsSync.statSync(path.join(dir, 'Chart.yaml')))
  if (!st)
    throw new ChartError(`unable to detect chart at ${path.join(where, 'Chart.yaml')}`, {
      chart: where,
      file: path.join(where, 'Chart.yaml'),
      hint: 'Point charts at a directory that holds Chart.yaml'
    })
  const budget = new LoadBudget(where)
  return loadFiles(await walkChartDir(dir, where, budget), where, budget)
}

export async function loadChartArchive(file: string, where = file): Promise<Chart> {
  const st = await fs.stat(file)
  if (st.size > MAX_DECOMPRESSED_CHART_SIZE)
    throw new ChartError(`chart archive is larger than the maximum size ${MAX_DECOMPRESSED_CHART_SIZE}`, { chart: where, file: where })
  const budget = new LoadBudget(where)
  const fh = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    if (!(await fh.stat()).isFile()) throw new ChartError(`${where} is not a regular file`, { chart: where, file: where })
    return await loadFiles(await readChartArchive(fh.createReadStream({ autoClose: false }), where, budget), where, budget)
  } finally {
    await fh.close()
  }
}

/**
 * `CheckDependencies`: every dependency declared in Chart.yaml needs a
 * subchart in `charts/` whose Chart.yaml name matches (alias and version do not count).
 */
export function checkDependencies(chart: Chart): void {
  const have = new Set(chart.dependencies.map((d) => d.metadata.name))
  const missing = (chart.metadata.dependencies ?? []).filter((d) => !have.has(d.name)).map((d) => d.name)
  if (missing.length) {
    throw new ChartError(`found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`, {
      chart: chart.where,
      file: path.join(chart.where, 'Chart.yaml'),
      hint: 'Run `helm dependency build` (or `helm dependency update`) in a step before this one, or vendor the subcharts into charts/'
    })
  }
}

/** What a chart declares for ordering the charts of a run: its name and dependencies (requirements.yaml's for apiVersion v1). */
export interface ChartDeclarations {
  name: string
  version?: string
  dependencies: Array<{ name: string; repository: string }>
}

function declarations(chartYaml: Buffer, requirements: Buffer | undefined, where: string): ChartDeclarations {
  const raw = decodeMetadata(chartYaml.toString('utf8'), path.join(where, 'Chart.yaml'), where)
  // As the loader does, whatever the apiVersion: requirements.yaml's dependencies, when it has the key, replace Chart.yaml's.
  if (requirements) Object.assign(raw, decodeRequirements(requirements.toString('utf8'), path.join(where, 'requirements.yaml'), where))
  return {
    name: raw.name,
    version: raw.version,
    dependencies: (raw.dependencies ?? []).filter((d) => d !== null).map((d) => ({ name: d.name, repository: d.repository ?? '' }))
  }
}

/** Chart.yaml (and requirements.yaml) of a chart directory, with the loader's file checks. */
export async function directoryDeclarations(dir: string, where = dir): Promise<ChartDeclarations> {
  const within = [fsSync.realpathSync.native(dir)]
  const read = (n: string): Promise<Buffer | undefined> =>
    readRegularFile(path.join(dir, n), {
      maxSize: MAX_FILE_SIZE,
      within,
      fail: (why) => new ChartError(`${n} ${why}`, { chart: where, file: path.join(where, n) })
    })
  return declarations((await read('Chart.yaml')) ?? Buffer.alloc(0), await read('requirements.yaml'), where)
}

/**
 * The same from a chart archive, streamed and read only as far as needed
 * (Helm writes Chart.yaml first; only a v1 chart's archive has requirements.yaml among its files).
 */
export async function archiveDeclarations(file: string, where = file): Promise<ChartDeclarations> {
  const fh = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    if (!(await fh.stat()).isFile()) throw new ChartError(`${where} is not a regular file`, { chart: where, file: where })
    let chartYaml: Buffer | undefined
    let requirements: Buffer | undefined
    let v1 = false
    const wanted = (n: string): boolean => /(?:^|\/)(?:Chart|requirements)\.yaml$/.test(n)
    for await (const e of archiveEntries(fh.createReadStream({ autoClose: false }), where, new LoadBudget(where), wanted)) {
      const name = e.directory || !e.data ? undefined : archiveEntryName(e.name, where)
      if (name === 'Chart.yaml') {
        chartYaml = e.data
        v1 = decodeMetadata(chartYaml!.toString('utf8'), path.join(where, 'Chart.yaml'), where).apiVersion === 'v1'
      } else if (name === 'requirements.yaml') requirements = e.data
      if (chartYaml && (!v1 || requirements)) break
    }
    if (!chartYaml) throw new ChartError('Chart.yaml file is missing', { chart: where, file: where })
    return declarations(chartYaml, requirements, where)
  } finally {
    await fh.close()
  }
}
