/**
 * The engine the action and the CLI both run, in order: find the charts,
 * package and validate every one of them (in dependency order), log in, then
 * publish the charts concurrently (per chart: blobs, manifest by digest,
 * signatures, then the tag; with `plan`, only the comparison with the
 * registry), report. Returns the failure verdict when a chart failed.
 */
import * as log from './report/log'
import type { Inputs } from './inputs'
import { configureTransport } from './http'
import { discoverCharts } from './chart/discover'
import { prepareCharts } from './prepare'
import { connect, needsRegistry, publishCharts } from './publish'
import { writeOutputs } from './report/outputs'
import { summaryMarkdown } from './report/summary'
import { verdict } from './report/result'

export async function run(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  // The network timeout holds for every request, chart repositories included.
  configureTransport({ inactivityTimeoutMs: inputs.networkTimeoutMs, connectTimeoutMs: inputs.networkTimeoutMs })
  const sources = await discoverCharts(inputs.charts, inputs.workspace, inputs.allowedPaths)
  const charts = await prepareCharts(sources, inputs)
  const target = needsRegistry(charts, inputs) ? await connect(inputs, env) : undefined
  const results = await publishCharts(charts, target, inputs)
  writeOutputs(results, log.setOutput, { plan: inputs.plan })
  await log.appendSummary(summaryMarkdown(results, inputs.registry.display))
  return verdict(results)
}
