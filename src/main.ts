/**
 * The action: read the step's inputs, run the engine (src/run.ts), fail the
 * step with its verdict. The `post:` step undoes what the main step left on
 * the runner (docker-config credentials).
 */
import * as log from './report/log'
import { readInputs } from './inputs'
import { run } from './run'
import { annotate } from './annotate'
import { maskSecret } from './auth/mask'
import { removeSpilledFiles } from './chart/archive'

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
      const verdict = await run(readInputs(log.runnerInputs, process.env, maskSecret))
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
