/**
 * The engine the action and the CLI both run: find the charts, then carry
 * each one through packaging (load, validate, package reproducibly, read
 * back) and publishing (blobs, manifest by digest, signatures, then the tag;
 * with `plan`, only the comparison with the registry) in one bounded pool, in
 * dependency order, each chart's log held and printed whole; then report.
 * Returns the failure verdict when a chart failed.
 */
import * as log from './report/log'
import type { Inputs } from './inputs'
import { configureTransport } from './http'
import { discoverCharts } from './chart/discover'
import { startPackaging, type PreparedChart } from './prepare'
import { connect, publishChart, type Target } from './publish'
import { runPool, type Outcome } from './pool'
import { writeOutputs } from './report/outputs'
import { summaryMarkdown } from './report/summary'
import { verdict } from './report/result'

/** One stage of a chart; `release` frees its pool slot when only a wait is left. */
type Step = (p: PreparedChart, release: () => void) => Promise<boolean>

export async function run(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  // The network timeout holds for every request, chart repositories included.
  configureTransport({ inactivityTimeoutMs: inputs.networkTimeoutMs, connectTimeoutMs: inputs.networkTimeoutMs })
  const sources = await discoverCharts(inputs.charts, inputs.workspace, inputs.allowedPaths)
  const packaging = await startPackaging(sources, inputs)
  const byKey = new Map(packaging.charts.map((p) => [p.source.display, p]))

  // Logged in once, when the first chart is ready to publish: a dry run, or a run whose charts all fail first, never logs in.
  let login: Promise<Target> | undefined
  let loginFailure: { err: unknown } | undefined
  const pack: Step = (p) => packaging.packageChart(p)
  const publish: Step = async (p, release) => {
    if (inputs.dryRun) return true
    let target: Target
    try {
      // Outside the chart's held log: the login lines belong to the run.
      target = await (login ??= log.outsideChart(() => connect(inputs, env)))
    } catch (err) {
      loginFailure ??= { err }
      return false
    }
    return publishChart(p, target, inputs, release)
  }
  const task =
    (steps: Step[]) =>
    async (key: string, release: () => void): Promise<boolean> => {
      if (loginFailure) return false
      const p = byKey.get(key)!
      const title = (): string => (p.result.name ? `${p.result.name} ${p.result.version} (${p.source.display})` : p.source.display)
      return log.chartGroup(title, async () => {
        for (const step of steps) if (!(await step(p, release))) return false
        return true
      })
    }

  // A chart publishes as soon as it and the charts it needs are ready. With fail-fast every
  // chart is packaged and validated before the first push, so one bad chart pushes nothing.
  const phases: Step[][] = inputs.failFast ? [[pack], [publish]] : [[pack, publish]]
  const outcomes = new Map<string, Outcome>()
  try {
    for (const steps of phases) {
      const keys = [...byKey.keys()].filter((k) => outcomes.get(k)?.status !== 'skipped')
      const failed = [...packaging.failed, ...keys.filter((k) => outcomes.get(k)?.status === 'failed')]
      for (const [key, outcome] of await runPool(keys, task(steps), {
        concurrency: inputs.concurrency,
        failFast: inputs.failFast,
        needs: packaging.needs,
        failed
      }))
        outcomes.set(key, outcome)
    }
  } finally {
    await packaging.close()
  }
  if (loginFailure) throw loginFailure.err

  for (const [key, outcome] of outcomes) {
    if (outcome.status !== 'skipped') continue
    const { result, declared } = byKey.get(key)!
    Object.assign(result, { status: 'skipped', reason: outcome.reason, name: result.name ?? declared?.name, version: result.version ?? declared?.version })
    log.info(`Skipped ${result.name ?? result.source}: ${outcome.reason}`)
  }
  const results = packaging.charts.map((p) => p.result)
  writeOutputs(results, log.setOutput, { plan: inputs.plan })
  await log.appendSummary(summaryMarkdown(results, inputs.registry.display))
  return verdict(results)
}
