import * as log from './report/log'
import { errorMessage, PublishError } from './errors'

/** Reports a failure as a GitHub error annotation, on its file when it names one. */
export function annotate(err: unknown): void {
  const props: log.AnnotationProperties = {}
  if (err instanceof PublishError) {
    if (err.file) props.file = err.file
    if (err.chart) props.title = `Chart ${err.chart}`
    else if (err.registry) props.title = `Registry ${err.registry}`
  }
  log.error(errorMessage(err), props)
  // The annotation stays one sentence; the causes (ECONNRESET, TLS errors, …) go to the log below it.
  const seen = new Set<unknown>([err])
  for (let c = (err as { cause?: unknown } | undefined)?.cause; c !== undefined && !seen.has(c); c = (c as { cause?: unknown }).cause) {
    seen.add(c)
    const code = (c as { code?: unknown }).code
    log.info(`  caused by: ${typeof code === 'string' ? `${code} ` : ''}${causeText(c)}`)
  }
}

/** A cause for the log: an Error's message, a primitive as String() gives it, any other object as JSON (never "[object Object]"). */
function causeText(c: unknown): string {
  if (c instanceof Error) return c.message
  if (typeof c === 'string') return c
  if (typeof c === 'number' || typeof c === 'boolean' || typeof c === 'bigint' || typeof c === 'symbol' || c === null || c === undefined) return String(c)
  try {
    return JSON.stringify(c) ?? Object.prototype.toString.call(c)
  } catch {
    return Object.prototype.toString.call(c)
  }
}

/** Runs a step (the sub-actions' entries): a verdict fails the step, an error is annotated and fails it too. */
export async function runStep(run: () => Promise<string | undefined>): Promise<void> {
  try {
    const verdict = await run()
    if (verdict) log.setFailed(verdict)
  } catch (err) {
    annotate(err)
    process.exitCode = 1
  }
}
