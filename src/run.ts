/**
 * The engine the action and the CLI both run, in order: find the charts,
 * package and validate every one of them (nothing is pushed if any chart is
 * bad), log in, publish each chart (blobs, manifest by digest, signatures,
 * then the tag), report. Returns the failure verdict when a chart failed.
 */
import * as log from './report/log'
import type { Inputs } from './inputs'
import { discoverCharts } from './chart/discover'
import { prepareCharts } from './prepare'
import { connect, publishCharts } from './publish'
import { writeOutputs } from './report/outputs'
import { summaryMarkdown } from './report/summary'
import type { ChartResult } from './report/result'

async function report(results: ChartResult[], registry: string): Promise<void> {
  writeOutputs(results, log.setOutput)
  await log.appendSummary(summaryMarkdown(results, registry))
}

export async function run(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const sources = await discoverCharts(inputs.charts, inputs.workspace)
  const prepared = await prepareCharts(sources, inputs)
  const invalid = prepared.filter((p) => p.result.status === 'failed')
  if (invalid.length) {
    await report(
      prepared.map((p) => p.result),
      inputs.registry.display
    )
    return `${invalid.length} of ${prepared.length} chart(s) failed validation; nothing was pushed`
  }
  const target = inputs.dryRun ? undefined : await connect(inputs, env)
  const results = await publishCharts(prepared, target, inputs)
  await report(results, inputs.registry.display)
  const failed = results.filter((r) => r.status === 'failed')
  return failed.length ? `${failed.length} of ${results.length} chart(s) failed to publish: ${failed.map((r) => r.name ?? r.source).join(', ')}` : undefined
}
