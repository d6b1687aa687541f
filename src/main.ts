/**
 * The action, in order: read inputs, find the charts, package and validate
 * every one of them (in dependency order), log in, then publish the charts
 * concurrently (per chart: blobs, manifest by digest, signatures, then the
 * tag; with `plan`, only the comparison with the registry), report.
 */
import * as log from './report/log'
import { configureTransport } from './http'
import { readInputs, readerFromEnv } from './inputs'
import { discoverCharts } from './chart/discover'
import { prepareCharts } from './prepare'
import { connect, needsRegistry, publishCharts } from './publish'
import { writeOutputs } from './report/outputs'
import { summaryMarkdown } from './report/summary'
import { verdict } from './report/result'
import { annotate } from './annotate'
import { maskSecret } from './auth/mask'
import { removeSpilledFiles } from './chart/archive'

/** Returns the failure verdict when some chart failed (each was annotated already). */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const inputs = readInputs(readerFromEnv(env), env, maskSecret)
  // The network timeout holds for every request, chart repositories included.
  configureTransport({ inactivityTimeoutMs: inputs.networkTimeoutMs, connectTimeoutMs: inputs.networkTimeoutMs })
  const sources = await discoverCharts(inputs.charts, inputs.workspace, inputs.allowedPaths)
  const charts = await prepareCharts(sources, inputs)
  const target = needsRegistry(charts, inputs) ? await connect(inputs) : undefined
  const results = await publishCharts(charts, target, inputs)
  writeOutputs(results, log.setOutput, { plan: inputs.plan })
  await log.appendSummary(summaryMarkdown(results, inputs.registry.display))
  return verdict(results)
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
