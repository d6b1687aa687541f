/**
 * The one output path to the runner: log lines, annotations, groups, outputs,
 * state and the job summary, through @actions/core. Every message and
 * annotation property passes `safeText`, so text that came from a chart, a
 * file name, a registry or an input cannot become a workflow command; the
 * rest of the code never imports @actions/core for output (lint enforces it).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import * as core from '@actions/core'
import { safeText } from './sanitize'

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

export const info = (message: string): void => emit(() => core.info(safeText(message)))
export const debug = (message: string): void => emit(() => core.debug(safeText(message)))
export const isDebug = (): boolean => core.isDebug()
export const warning = (message: string, p?: AnnotationProperties): void => emit(() => core.warning(safeText(message), safeProps(p)))
export const error = (message: string, p?: AnnotationProperties): void => emit(() => core.error(safeText(message), safeProps(p)))
export const notice = (message: string, p?: AnnotationProperties): void => emit(() => core.notice(safeText(message), safeProps(p)))

/** Fails the step with a one-line verdict. */
export const setFailed = (message: string): void => core.setFailed(safeText(message))

/** Registers a secret with the runner's masker (the raw value: the runner escapes it). */
export const setSecret = (secret: string): void => core.setSecret(secret)

/** Outputs go through a file command with a random delimiter; the value is still kept to one inert line. */
export const setOutput = (name: string, value: string): void => core.setOutput(name, safeText(value))

export const saveState = (name: string, value: string): void => core.saveState(name, value)
export const getState = (name: string): string => core.getState(name)

/** Runs `fn` inside a collapsible log group (inside a chart's held group: a line, as groups do not nest). */
export function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (held.getStore()) {
    info(name)
    return fn()
  }
  return core.group(safeText(name), fn)
}

/**
 * Runs `fn` with everything it logs (down to the signing and registry code it
 * calls) held back, then prints it whole as one group when it ends, failed or
 * not: charts published side by side never interleave their lines.
 */
export async function chartGroup<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const lines: Array<() => void> = []
  try {
    return await held.run(lines, fn)
  } finally {
    core.startGroup(safeText(name))
    for (const write of lines) write()
    core.endGroup()
  }
}

/** Appends Markdown (built with `safeMarkdown` for every untrusted value) to the job summary; no-op outside a runner. */
export async function appendSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(markdown, true).write()
}
