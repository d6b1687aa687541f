/**
 * The one instant every archive entry and the `created` annotation carry, so
 * that packaging is reproducible: SOURCE_DATE_EPOCH when set, else the time
 * of the last commit that touched the chart, never the clock.
 */
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import { InputError } from '../errors'

export interface SourceDate {
  date: Date
  /** How it was chosen, for the log. */
  source: string
  /** Set when the result depends on how the repository was cloned. */
  warning?: string
}

/** git's answer, or undefined when git is missing, fails, or the directory is not in a repository. */
async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    // Loaded on first use: a run with SOURCE_DATE_EPOCH never starts git.
    const { getExecOutput } = await import('@actions/exec')
    // Silent: nothing of git's reaches the runner but what the caller logs. A non-zero exit throws.
    const { stdout } = await getExecOutput('git', ['-c', 'safe.directory=*', ...args], { cwd, silent: true })
    return stdout.trim()
  } catch {
    return undefined
  }
}

/** The largest time a tar header's 11 octal digits hold (2242-03-16); Go would switch to a PAX record past it. */
const MAX_TAR_SECONDS = 0o77777777777

/** As Helm reads it (pkg/chart/v2/util/epoch.go): Go `strconv.ParseInt(v, 10, 64)`, not negative. */
export function parseSourceDateEpoch(raw: string): Date {
  const secs = /^[-+]?\d+$/.test(raw) ? Number(raw) : NaN
  if (!(secs >= 0 && secs <= MAX_TAR_SECONDS)) {
    throw new InputError(`invalid SOURCE_DATE_EPOCH "${raw}"`, {
      hint: `Set SOURCE_DATE_EPOCH to whole seconds since 1970, at most ${MAX_TAR_SECONDS} (for example $(git log -1 --format=%ct)), or unset it`
    })
  }
  return new Date(secs * 1000)
}

/** `target` is the chart directory or the packaged archive's path. */
export async function sourceDateEpoch(target: string, env: NodeJS.ProcessEnv): Promise<SourceDate> {
  if (env.SOURCE_DATE_EPOCH !== undefined && env.SOURCE_DATE_EPOCH !== '') {
    return { date: parseSourceDateEpoch(env.SOURCE_DATE_EPOCH), source: 'SOURCE_DATE_EPOCH' }
  }
  const st = await fs.stat(target)
  const cwd = st.isDirectory() ? target : path.dirname(target)
  const dirty = await git(cwd, ['status', '--porcelain', '--', target])
  const ct = await git(cwd, ['log', '-1', '--format=%ct %h', '--', target])
  if (ct) {
    const [secs, sha] = ct.split(' ')
    const shallow = (await git(cwd, ['rev-parse', '--is-shallow-repository'])) === 'true'
    return {
      date: new Date(Number(secs) * 1000),
      source: `the last commit that changed it, ${sha}${dirty ? '; the working tree has uncommitted changes' : ''}`,
      warning: shallow
        ? 'the repository is a shallow clone, so the time stamps come from the oldest fetched commit rather than the last one that changed the chart, and digests depend on the fetch depth: use actions/checkout with fetch-depth: 0 (or set SOURCE_DATE_EPOCH)'
        : undefined
    }
  }
  // Not in git (or never committed): the file's own time is stable across re-runs on this checkout.
  return { date: new Date(Math.floor(st.mtimeMs / 1000) * 1000), source: 'its modification time, since it is not committed to git' }
}
