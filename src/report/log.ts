/**
 * The one output path to the runner: log lines, annotations, groups, outputs,
 * state and the job summary, through @actions/core. Every message and
 * annotation property passes `safeText`, so text that came from a chart, a
 * file name, a registry or an input cannot become a workflow command; the
 * rest of the code never imports @actions/core for output (lint enforces it).
 * Off a runner (the CLI) the same calls print plain lines: no workflow
 * command syntax, and no `::add-mask::` that would echo a secret.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import * as core from '@actions/core'
import { safeText } from './sanitize'
import type { InputReader } from '../inputs'

/** Lines held back while a chart runs beside others (see `chartGroup`). */
const held = new AsyncLocalStorage<Array<() => void>>()
const emit = (write: () => void): void => {
  const lines = held.getStore()
  if (lines) lines.push(write)
  else write()
}

export type AnnotationProperties = core.AnnotationProperties

function safeProps(p: AnnotationProperties = {}): AnnotationProperties {
  const out: AnnotationProperties = { ...p }
  if (p.title !== undefined) out.title = safeText(p.title)
  if (p.file !== undefined) out.file = safeText(p.file)
  return out
}

/** Read at each call: the runner sets GITHUB_ACTIONS=true for every step. */
export const onRunner = (): boolean => process.env.GITHUB_ACTIONS === 'true'

/** An annotation as a plain line (the CLI). */
function plain(kind: string, message: string, p?: AnnotationProperties): void {
  const at = p?.file ? ` (${safeText(p.file)}${p.startLine ? `:${p.startLine}` : ''})` : ''
  core.info(`${kind}: ${safeText(message)}${at}`)
}

export const info = (message: string): void => emit(() => core.info(safeText(message)))
export const isDebug = (): boolean => core.isDebug()
export const debug = (message: string): void =>
  emit(() => {
    if (onRunner()) core.debug(safeText(message))
    else if (isDebug()) core.info(`debug: ${safeText(message)}`)
  })
export const warning = (message: string, p?: AnnotationProperties): void =>
  emit(() => (onRunner() ? core.warning(safeText(message), safeProps(p)) : plain('warning', message, p)))
export const error = (message: string, p?: AnnotationProperties): void =>
  emit(() => (onRunner() ? core.error(safeText(message), safeProps(p)) : plain('error', message, p)))
export const notice = (message: string, p?: AnnotationProperties): void =>
  emit(() => (onRunner() ? core.notice(safeText(message), safeProps(p)) : plain('notice', message, p)))

/** Fails the step with a one-line verdict. */
export const setFailed = (message: string): void => {
  error(message)
  process.exitCode = 1
}

/** Registers a secret with the runner's masker (the raw value: the runner escapes it); nothing masks a terminal. */
export const setSecret = (secret: string): void => {
  if (onRunner()) core.setSecret(secret)
}

/** Outputs go through a file command with a random delimiter; the value is still kept to one inert line. Off a runner the summary says it all. */
export const setOutput = (name: string, value: string): void => {
  if (process.env.GITHUB_OUTPUT) core.setOutput(name, safeText(value))
}

/** The step's inputs as the runner passes them (INPUT_<NAME>), with @actions/core's reading rules. */
export const runnerInputs: InputReader = Object.assign((name: string) => core.getInput(name), {
  boolean: (name: string) => core.getBooleanInput(name),
  lines: (name: string) => core.getMultilineInput(name)
})

export const saveState = (name: string, value: string): void => {
  if (process.env.GITHUB_STATE) core.saveState(name, value)
}
export const getState = (name: string): string => core.getState(name)

/** Runs `fn` inside a collapsible log group (inside a chart's held group: a line, as groups do not nest). */
export function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (held.getStore()) {
    info(name)
    return fn()
  }
  if (onRunner()) return core.group(safeText(name), fn)
  core.info(`\n${safeText(name)}`)
  return fn()
}

/**
 * Runs `fn` with everything it logs (down to the signing and registry code it
 * calls) held back, then prints it whole as one group when it ends, failed or
 * not: charts published side by side never interleave their lines.
 */
export async function chartGroup<T>(name: string | (() => string), fn: () => Promise<T>): Promise<T> {
  const lines: Array<() => void> = []
  try {
    return await held.run(lines, fn)
  } finally {
    // The name may be known only at the end (a chart's name and version come from packaging it).
    const title = safeText(typeof name === 'function' ? name() : name)
    if (onRunner()) core.startGroup(title)
    else core.info(`\n${title}`)
    for (const write of lines) write()
    if (onRunner()) core.endGroup()
  }
}

/** Runs `fn` outside any chart's held log: what it prints belongs to the run and appears at once. */
export function outsideChart<T>(fn: () => T): T {
  return held.exit(fn)
}

/** Appends Markdown (built with `safeMarkdown` for every untrusted value) to the job summary; off a runner it is printed. */
export async function appendSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write()
  else if (!onRunner()) core.info(`\n${markdown}`)
}
