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
