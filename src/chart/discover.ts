/**
 * Turns the `charts` input (paths and globs) into the list of charts to
 * publish: directories holding a Chart.yaml and packaged `.tgz` files.
 * An explicit path must be a chart; a glob may match other things, which are
 * passed over, but must match at least one chart.
 */
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import { InputError } from '../errors'
import { match } from './gomatch'

export interface ChartSource {
  kind: 'directory' | 'archive'
  /** Absolute path. */
  path: string
  /** Path relative to the workspace, for messages. */
  display: string
}

const GLOB = /[*?[]/
/** Never descended by `**`: they hold no charts of the repository's own. */
const SKIP_DIRS = new Set(['.git', 'node_modules'])

async function stat(p: string) {
  return fs.stat(p).catch(() => undefined)
}

async function classify(abs: string, workspace: string): Promise<ChartSource | undefined> {
  const st = await stat(abs)
  const display = path.relative(workspace, abs) || '.'
  if (st?.isDirectory() && (await stat(path.join(abs, 'Chart.yaml')))?.isFile()) return { kind: 'directory', path: abs, display }
  if (st?.isFile() && /\.tgz$/i.test(abs)) return { kind: 'archive', path: abs, display }
  return undefined
}

async function listDirs(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [])
  return entries.map((e) => e.name).sort()
}

/** Expands one glob, segment by segment; `**` matches any number of directories. */
async function expand(base: string, segments: string[]): Promise<string[]> {
  if (!segments.length) return [base]
  const [seg, ...rest] = segments
  if (seg === '**') {
    const out = await expand(base, rest)
    for (const name of await listDirs(base)) {
      if (SKIP_DIRS.has(name)) continue
      const child = path.join(base, name)
      if ((await fs.lstat(child)).isDirectory()) out.push(...(await expand(child, segments)))
    }
    return out
  }
  if (!GLOB.test(seg)) return expand(path.join(base, seg), rest)
  const out: string[] = []
  for (const name of await listDirs(base)) {
    // Like shells, a wildcard does not match hidden names unless the pattern starts with a dot.
    if (name.startsWith('.') && !seg.startsWith('.')) continue
    if (match(seg, name)) out.push(...(await expand(path.join(base, name), rest)))
  }
  return out
}

export async function discoverCharts(patterns: string[], workspace: string): Promise<ChartSource[]> {
  const found = new Map<string, ChartSource>()
  for (const pattern of patterns) {
    if (!GLOB.test(pattern)) {
      const abs = path.resolve(workspace, pattern)
      const source = await classify(abs, workspace)
      if (!source) {
        const st = await stat(abs)
        throw new InputError(
          st
            ? `charts entry "${pattern}" is neither a chart directory (no Chart.yaml) nor a packaged .tgz`
            : `charts entry "${pattern}" does not exist in ${workspace}`,
          {
            file: pattern,
            hint: 'List chart directories or .tgz files, or a glob such as charts/*; check out the repository (actions/checkout) before this step'
          }
        )
      }
      found.set(source.path, source)
      continue
    }
    const absPattern = path.resolve(workspace, pattern)
    const root = path.parse(absPattern).root
    let matches: string[]
    try {
      matches = await expand(root, absPattern.slice(root.length).split(path.sep).filter(Boolean))
    } catch (err) {
      throw new InputError(`charts pattern "${pattern}" is not a valid glob: ${(err as Error).message}`, { hint: 'Use *, ?, [a-z] and ** only' })
    }
    let count = 0
    for (const m of [...new Set(matches)].sort()) {
      const source = await classify(m, workspace)
      if (source) {
        found.set(source.path, source)
        count++
      }
    }
    if (!count) {
      throw new InputError(`charts pattern "${pattern}" matched no chart directory or .tgz`, {
        file: pattern,
        hint: 'Check the pattern against the repository layout (a chart directory contains Chart.yaml)'
      })
    }
  }
  return [...found.values()]
}
