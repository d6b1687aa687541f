#!/usr/bin/env node
/**
 * `npx helm-oci-publish --registry oci://… charts/*`: the action on a laptop or
 * another CI system. Its options are the action's inputs (read from
 * action.yml, so `--help` cannot drift); it passes them the way the runner
 * does (INPUT_<NAME>) and runs the same engine with the same report, and
 * exits non-zero when the action would fail the step.
 */
import { readFileSync, existsSync } from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import * as log from './report/log'
import { readInputs } from './inputs'
import { run } from './run'
import { annotate } from './annotate'
import { InputError } from './errors'

interface InputSpec {
  description?: string
  default?: string
  required?: boolean
}

/** action.yml, found beside the sources (src/) or the bundle (dist/cli/). */
function actionInputs(): Record<string, InputSpec> {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'action.yml')
    if (existsSync(file)) return (parse(readFileSync(file, 'utf8')) as { inputs: Record<string, InputSpec> }).inputs
    if (path.dirname(dir) === dir) throw new Error(`action.yml not found above ${__dirname}`)
  }
}

/** An input's environment variable for the CLI: `dry-run` → HELM_OCI_PUBLISH_DRY_RUN (a shell can export it). */
const envName = (input: string): string => `HELM_OCI_PUBLISH_${input.replace(/-/g, '_').toUpperCase()}`

const isFlag = (spec: InputSpec): boolean => spec.default === 'true' || spec.default === 'false'

function helpText(inputs: Record<string, InputSpec>): string {
  const lines = [
    'Usage: helm-oci-publish --registry oci://HOST/NAMESPACE [options] [CHART...]',
    '',
    'Packages Helm charts exactly as Helm does, pushes them to an OCI registry, and signs them, as the',
    'helm-oci-publish GitHub Action does. CHART arguments are the charts input (directories, .tgz files, globs).',
    `Every option can also be given as an environment variable, e.g. --password as ${envName('password')}.`,
    '',
    'Options:'
  ]
  for (const [name, spec] of Object.entries(inputs)) {
    const arg = isFlag(spec) ? `--${name}[=true|false]` : `--${name} <value>`
    const def = spec.default && !spec.default.includes('${{') ? ` (default: ${spec.default})` : spec.required ? ' (required)' : ''
    lines.push(`  ${arg}${def}`)
    const words = (spec.description ?? '').replace(/\s+/g, ' ').trim().split(' ')
    let line = '     '
    for (const w of words) {
      if (line.length + w.length > 110) {
        lines.push(line)
        line = '     '
      }
      line += ` ${w}`
    }
    if (line.trim()) lines.push(line)
  }
  lines.push('  --help', '      This text.', '')
  return lines.join('\n')
}

/** Flags → input values (as strings, as the runner passes them); positional arguments are charts. */
function parseArgs(argv: string[], inputs: Record<string, InputSpec>): { values: Record<string, string>; help: boolean } {
  const values: Record<string, string> = {}
  const charts: string[] = []
  let help = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--help' || arg === '-h') {
      help = true
      continue
    }
    if (!arg.startsWith('--')) {
      charts.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq < 0 ? undefined : eq)
    const spec = inputs[name]
    if (!spec) throw new InputError(`unknown option --${name}`, { hint: 'Run helm-oci-publish --help for the options' })
    if (eq >= 0) values[name] = arg.slice(eq + 1)
    else if (isFlag(spec) && (argv[i + 1] === undefined || argv[i + 1].startsWith('--') || !/^(true|false)$/i.test(argv[i + 1]))) values[name] = 'true'
    else if (argv[i + 1] === undefined) throw new InputError(`option --${name} needs a value`, { hint: `Give --${name} <value>` })
    else values[name] = argv[++i]
  }
  if (charts.length) values.charts = [values.charts, ...charts].filter(Boolean).join('\n')
  return { values, help }
}

/** Passes every input the way the runner does: flag, else HELM_OCI_PUBLISH_<NAME>, else action.yml's default. */
function passInputs(values: Record<string, string>, inputs: Record<string, InputSpec>, env: NodeJS.ProcessEnv): void {
  for (const k of Object.keys(env)) if (k.startsWith('INPUT_')) delete env[k]
  for (const [name, spec] of Object.entries(inputs)) {
    const fallback = spec.default && !spec.default.includes('${{') ? spec.default : ''
    env[`INPUT_${name.toUpperCase()}`] = values[name] ?? env[envName(name)] ?? fallback
  }
}

async function main(argv: string[]): Promise<void> {
  try {
    const spec = actionInputs()
    const { values, help } = parseArgs(argv, spec)
    if (help) return helpText(spec).split('\n').forEach(log.info)
    passInputs(values, spec, process.env)
    const verdict = await run(readInputs(log.runnerInputs, process.env, log.setSecret))
    if (verdict) log.setFailed(verdict)
  } catch (err) {
    annotate(err)
    process.exitCode = 1
  }
}

// `helm-oci-publish --help | head` closes the pipe early: that is not a failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw err
})
void main(process.argv.slice(2))
