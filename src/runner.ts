/**
 * The GitHub Actions runner protocol the action speaks: workflow commands on
 * stdout (masks, annotations, groups) and the GITHUB_OUTPUT / GITHUB_STATE /
 * GITHUB_STEP_SUMMARY files. It does what @actions/core does for these calls,
 * without the HTTP client @actions/core loads at start-up (it roughly doubled
 * the action's module load time), since every network call here goes through
 * src/http.ts.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'

export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** `::command key=value,…::message`, escaped as the runner expects. */
export function issueCommand(command: string, properties: Record<string, string | number | undefined>, message: string): void {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',')
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`)
}

/** Appends `name<<DELIM` … `DELIM` to a runner file command (multi-line safe). */
function fileCommand(envName: string, name: string, value: string): boolean {
  const file = process.env[envName]
  if (!file) return false
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`unexpected input: ${name} contains the delimiter`)
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
  return true
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function setOutput(name: string, value: string): void {
  if (!fileCommand('GITHUB_OUTPUT', name, value)) issueCommand('set-output', { name }, value)
}

export function saveState(name: string, value: string): void {
  if (!fileCommand('GITHUB_STATE', name, value)) issueCommand('save-state', { name }, value)
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

function annotation(kind: 'error' | 'warning' | 'notice', message: string, p: AnnotationProperties = {}): void {
  issueCommand(kind, { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn }, message)
}

export const error = (message: string, p?: AnnotationProperties): void => annotation('error', message, p)
export const warning = (message: string, p?: AnnotationProperties): void => annotation('warning', message, p)

export function startGroup(name: string): void {
  issueCommand('group', {}, name)
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '')
}

export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** Appends Markdown to the job summary (no-op outside a runner). */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (file) appendFileSync(file, markdown.endsWith(EOL) ? markdown : markdown + EOL, 'utf8')
}
