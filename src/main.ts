/**
 * The action, in order: read inputs, find the charts, package and validate
 * every one of them (nothing is pushed if any chart is bad), log in, publish
 * each chart (blobs, manifest by digest, signatures, then the tag), report.
 */
import * as log from './report/log'
import { configureTransport } from './http'
import { readInputs, readerFromEnv } from './inputs'
import { discoverCharts } from './chart/discover'
import { prepareCharts } from './prepare'
import { connect, publishCharts } from './publish'
import { writeOutputs } from './report/outputs'
import { summaryMarkdown } from './report/summary'
import { annotate } from './annotate'
import { maskSecret } from './auth/mask'
import { removeSpilledFiles } from './chart/archive'
import type { ChartResult } from './report/result'

async function report(results: ChartResult[], registry: string): Promise<void> {
  writeOutputs(results, log.setOutput)
  await log.appendSummary(summaryMarkdown(results, registry))
}

/** Returns the failure verdict when some chart failed (each was annotated already). */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const inputs = readInputs(readerFromEnv(env), env, maskSecret)
  // The network timeout holds for every request, chart repositories included.
  configureTransport({ inactivityTimeoutMs: inputs.networkTimeoutMs, connectTimeoutMs: inputs.networkTimeoutMs })
  const sources = await discoverCharts(inputs.charts, inputs.workspace, inputs.allowedPaths)
  const prepared = await prepareCharts(sources, inputs)
  const invalid = prepared.filter((p) => p.result.status === 'failed')
  if (invalid.length) {
    await report(
      prepared.map((p) => p.result),
      inputs.registry.display
    )
    return `${invalid.length} of ${prepared.length} chart(s) failed validation; nothing was pushed`
  }
  const target = inputs.dryRun ? undefined : await connect(inputs)
  const results = await publishCharts(prepared, target, inputs)
  await report(results, inputs.registry.display)
  const failed = results.filter((r) => r.status === 'failed')
  return failed.length ? `${failed.length} of ${results.length} chart(s) failed to publish: ${failed.map((r) => r.name ?? r.source).join(', ')}` : undefined
}

/** The `post:` step: undo what the main step left on the runner (docker-config credentials). */
async function post(): Promise<void> {
  const state = log.getState('docker-config')
  if (!state) return
  const { cleanupDockerConfig } = await import('./auth/docker-config')
  await cleanupDockerConfig(state)
}

async function entry(): Promise<void> {
  try {
    if (log.getState('isPost') === 'true') await post()
    else {
      log.saveState('isPost', 'true')
      const verdict = await run()
      if (verdict) log.setFailed(verdict)
    }
  } catch (err) {
    annotate(err)
    process.exitCode = 1
  } finally {
    removeSpilledFiles()
  }
}

void entry()
