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
import { assertInsideWorkspace, isInside, workspaceRoots } from './boundary'

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

/** Globs never leave the boundary: a literal step (`..`, a directory name) that would is refused before anything there is read. */
type Guard = (next: string) => void

/** Expands one glob, segment by segment; `**` matches any number of directories (symlinked ones are not followed). */
async function expand(base: string, segments: string[], guard: Guard): Promise<string[]> {
  if (!segments.length) return [base]
  const [seg, ...rest] = segments
  if (seg === '**') {
    const out = await expand(base, rest, guard)
    for (const name of await listDirs(base)) {
      if (SKIP_DIRS.has(name)) continue
      const child = path.join(base, name)
      if ((await fs.lstat(child).catch(() => undefined))?.isDirectory()) out.push(...(await expand(child, segments, guard)))
    }
    return out
  }
  if (!GLOB.test(seg)) {
    const next = path.join(base, seg)
    guard(next)
    return expand(next, rest, guard)
  }
  const out: string[] = []
  for (const name of await listDirs(base)) {
    // Like shells, a wildcard does not match hidden names unless the pattern starts with a dot.
    if (name.startsWith('.') && !seg.startsWith('.')) continue
    if (match(seg, name)) out.push(...(await expand(path.join(base, name), rest, guard)))
  }
  return out
}

/**
 * `allowed` lists directories outside the workspace that may hold charts (the
 * `allowed-paths` input). Every chart and .tgz must lie, after symlinks are
 * followed, inside the workspace or one of them.
 */
export async function discoverCharts(patterns: string[], workspace: string, allowed: string[] = []): Promise<ChartSource[]> {
  const roots = await workspaceRoots(workspace, allowed)
  // Lexical forms too, so a walk through the workspace's own path (itself maybe a symlink) is not refused.
  const lexical = [path.resolve(workspace), ...allowed.map((a) => path.resolve(workspace, a))]
  const found = new Map<string, ChartSource>()
  const inside = async (abs: string, what: string): Promise<void> => {
    if ((await stat(abs)) !== undefined) await assertInsideWorkspace(abs, roots, what)
  }
  for (const pattern of patterns) {
    if (!GLOB.test(pattern)) {
      const abs = path.resolve(workspace, pattern)
      await inside(abs, `charts entry "${pattern}"`)
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
    // The same test as for the literal start below: lexically inside, or inside a root's real path (a workspace that
    // is a symlink, walked through its real path). (path.resolve has already removed every `..`.)
    const guard: Guard = (next) => {
      if (!isInside(next, lexical) && !isInside(next, roots)) {
        throw new InputError(`charts pattern "${pattern}" reaches ${next}, outside the workspace ${workspace}`, {
          file: pattern,
          hint: 'Globs are expanded inside the workspace only; list a directory in allowed-paths to use charts from elsewhere'
        })
      }
    }
    const segments = absPattern.slice(root.length).split(path.sep).filter(Boolean)
    // The literal directories before the first wildcard must lead into the boundary, not merely pass by it.
    const firstGlob = segments.findIndex((seg) => GLOB.test(seg))
    const literal = path.join(root, ...segments.slice(0, firstGlob))
    if (!isInside(literal, lexical) && !isInside(literal, roots)) {
      throw new InputError(`charts pattern "${pattern}" starts at ${literal}, outside the workspace ${workspace}`, {
        file: pattern,
        hint: 'Globs are expanded inside the workspace only; list a directory in allowed-paths to use charts from elsewhere'
      })
    }
    let matches: string[]
    try {
      matches = await expand(literal, segments.slice(firstGlob), guard)
    } catch (err) {
      if (err instanceof InputError) throw err
      throw new InputError(`charts pattern "${pattern}" is not a valid glob: ${(err as Error).message}`, { hint: 'Use *, ?, [a-z] and ** only' })
    }
    let count = 0
    for (const m of [...new Set(matches)].sort()) {
      const source = await classify(m, workspace)
      if (source) {
        // A match may be a symlink to elsewhere (charts/evil -> ../../private).
        await inside(m, `charts pattern "${pattern}" matched ${source.display}, which`)
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
