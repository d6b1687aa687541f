/**
 * A loaded chart, shaped like Helm's `chart.Chart`: the parts Helm's Save
 * writes in its fixed order. File contents stay on disk until packaging
 * streams them (a directory chart is never held in memory as a whole).
 */
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import type { Dependency, Metadata } from './metadata'

export interface ChartFile {
  /** Path relative to the chart root, with `/`. */
  name: string
  /** Content length, after Helm strips a leading UTF-8 BOM. */
  size: number
  open(): Readable
  /** For a file on disk: where its bytes are, so packaging can read them into one reused buffer. */
  disk?: { path: string; skip: number }
}

/** Chart.lock / requirements.lock as Helm's `chart.Lock`. */
export interface Lock {
  generated: string
  digest: string
  dependencies: Array<Dependency | null> | null
}

export interface Chart {
  metadata: Metadata
  lock?: Lock
  values?: ChartFile
  schema?: ChartFile
  templates: ChartFile[]
  files: ChartFile[]
  /** Subcharts from `charts/`, written expanded under `charts/<name>/`. */
  dependencies: Chart[]
  /** Set on a subchart that was an archive in `charts/` (its file name there); absent for a directory. */
  archiveName?: string
  /** Where the chart came from, for messages (e.g. `charts/web` or `web/charts/db-1.0.0.tgz`). */
  where: string
  /** What Helm accepts but a careful publisher should know about. */
  warnings: string[]
}

export function bufferFile(name: string, data: Buffer): ChartFile {
  return { name, size: data.length, open: () => Readable.from([data]) }
}

/** A file on disk, minus `skip` leading bytes (the BOM). */
export function diskFile(name: string, abs: string, size: number, skip: number): ChartFile {
  return {
    name,
    size,
    open: () => (size === 0 ? Readable.from([]) : createReadStream(abs, { start: skip, end: skip + size - 1 })),
    disk: { path: abs, skip }
  }
}

export async function readAll(f: ChartFile): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of f.open()) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}
