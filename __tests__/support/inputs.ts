/**
 * Inputs as the runner passes them (INPUT_<NAME> variables), read through @actions/core exactly as the actions
 * read them: earlier INPUT_ variables are cleared first, so each call describes one step's inputs.
 */
import type { InputReader } from '../../src/inputs'
import { runnerInputs } from '../../src/report/log'

export function stepInputs(values: Record<string, string>): InputReader {
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k]
  for (const [k, v] of Object.entries(values)) process.env[`INPUT_${k.toUpperCase()}`] = v
  return runnerInputs
}
