/**
 * Runs the bundled action the way the GitHub runner does: `node dist/index.js`
 * with INPUT_* variables and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE
 * files, then the `post:` step with the saved state, and reads everything back.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

export const ROOT = path.resolve(__dirname, '..', '..')
export const DIST = path.join(ROOT, 'dist', 'index.js')

/** Newest modification time of any file under `dir` (0 if it does not exist). */
function newest(dir: string): number {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(path.join(e.parentPath, e.name)).mtimeMs)
  }
  return t
}

/**
 * What runs as the action: the bundle when dist/ is at least as new as every file under src/ (CI builds it first,
 * so the shipped bundle is what CI tests), otherwise the sources through the same entry (src/main.ts), so a plain
 * `npm test` after editing src/ tests the edit without a minutes-long rebuild. HOP_TEST_ENTRY=dist|src forces one.
 */
export function actionEntry(action?: SubAction): string[] {
  const bundle = action ? subActionMain(action) : DIST
  const forced = process.env.HOP_TEST_ENTRY
  const stale = !existsSync(bundle) || newest(path.join(ROOT, 'src')) > statSync(bundle).mtimeMs
  if (forced === 'dist' || (forced !== 'src' && !stale)) return [bundle]
  return ['-r', path.join(__dirname, 'run-sources.js'), path.join(ROOT, 'src', `${action ?? 'main'}.ts`)]
}

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  state: Record<string, string>
  /** `::error …` / `::warning …` workflow commands printed on stdout. */
  errors: string[]
  warnings: string[]
  runnerTemp: string
}

/** Parses the runner's file-command format (`name<<DELIM\nvalue\nDELIM` or `name=value`). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delim] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i])
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

function exec(args: string[], env: NodeJS.ProcessEnv, cwd: string, signal?: AbortSignal): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // An aborted signal kills the step as a cancelled job does (SIGKILL: no chance to clean up).
    const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], signal, killSignal: 'SIGKILL' })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', (e) => (e.name === 'AbortError' ? undefined : reject(e)))
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

/**
 * Inputs are given by their action.yml names (`if-exists`); unset inputs get
 * the defaults from action.yml, as the runner would pass them.
 */
export async function runAction(
  inputs: Record<string, string>,
  opts: { workspace?: string; env?: NodeJS.ProcessEnv; post?: boolean; action?: SubAction; signal?: AbortSignal } = {}
): Promise<ActionRun> {
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'hop-runner-'))
  const files = { output: 'output', summary: 'summary', state: 'state', env: 'env', path: 'path' }
  for (const f of Object.values(files)) writeFileSync(path.join(runnerTemp, f), '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: runnerTemp,
    TMPDIR: os.tmpdir(),
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: opts.workspace ?? ROOT,
    GITHUB_OUTPUT: path.join(runnerTemp, files.output),
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, files.summary),
    GITHUB_STATE: path.join(runnerTemp, files.state),
    GITHUB_ENV: path.join(runnerTemp, files.env),
    GITHUB_PATH: path.join(runnerTemp, files.path),
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/charts',
    GITHUB_ACTOR: 'octocat',
    SOURCE_DATE_EPOCH: '1700000000',
    ...opts.env
  }
  for (const [name, value] of Object.entries({ ...actionDefaults(opts.action), ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value
  const entry = actionEntry(opts.action)
  const main = await exec(entry, env, env.GITHUB_WORKSPACE!, opts.signal)
  const state = parseFileCommands(readFileSync(env.GITHUB_STATE!, 'utf8'))
  let { stdout, stderr } = main
  if (opts.post) {
    const postEnv = { ...env }
    for (const [k, v] of Object.entries(state)) postEnv[`STATE_${k}`] = v
    const post = await exec(entry, postEnv, env.GITHUB_WORKSPACE!)
    stdout += post.stdout
    stderr += post.stderr
  }
  const lines = stdout.split('\n')
  return {
    code: main.code,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(env.GITHUB_OUTPUT!, 'utf8')),
    summary: existsSync(env.GITHUB_STEP_SUMMARY!) ? readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8') : '',
    state,
    errors: lines.filter((l) => l.startsWith('::error')),
    warnings: lines.filter((l) => l.startsWith('::warning')),
    runnerTemp
  }
}

/** The sub-actions, each with `<name>/action.yml`. */
export type SubAction = 'promote' | 'migrate'

/** The script a sub-action's action.yml runs (`runs.main`, relative to its directory, as the runner resolves it). */
export function subActionMain(action: SubAction): string {
  const main = /^ {2}main:\s*(\S+)\s*$/m.exec(readFileSync(path.join(ROOT, action, 'action.yml'), 'utf8'))
  if (!main) throw new Error(`${action}/action.yml has no runs.main`)
  return path.resolve(ROOT, action, main[1])
}

/** Defaults declared in action.yml (read with a line scanner: the file is ours and simple). */
export function actionDefaults(action?: SubAction): Record<string, string> {
  const text = readFileSync(path.join(ROOT, action ?? '', 'action.yml'), 'utf8')
  const out: Record<string, string> = {}
  let current: string | undefined
  for (const line of text.split('\n')) {
    const input = /^ {2}([a-z0-9-]+):\s*$/.exec(line)
    if (input) current = input[1]
    const def = /^ {4}default:\s*(.*)$/.exec(line)
    if (def && current) {
      const v = def[1].replace(/^'(.*)'$/, '$1')
      if (!v.includes('${{')) out[current] = v
    }
    if (/^outputs:/.test(line)) break
  }
  return out
}
