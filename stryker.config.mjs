// Mutation testing (StrykerJS): `npm run mutate` over the modules where a silent bug hurts users most, or a focused
// chunk: `npm run mutate -- --mutate src/auth/mask.ts`. Only fast unit tests run (see below: the action and end-to-end
// tests are too slow to run per mutant), and per-test coverage picks, for each mutant, the tests that reach it.
// Concurrency 1: the machines have 2 cores and other work to do.
import { existsSync } from 'node:fs'
import * as path from 'node:path'

const modules = [
  'src/chart/**/*.ts',
  // Stryker's Regex mutator writes escapes that are invalid under the `u` flag (`\v` → `\V`), which breaks parsing
  // the whole instrumented file: mutate sanitize.ts below its two /u patterns only.
  '!src/chart/sanitize.ts',
  'src/chart/sanitize.ts:13-28',
  'src/oci/**/*.ts',
  'src/auth/mask.ts',
  'src/auth/acr.ts',
  'src/auth/ecr.ts',
  'src/auth/gcp.ts',
  'src/auth/docker-config.ts',
  'src/auth/github-oidc.ts',
  'src/auth/aws/*.ts',
  'src/inputs.ts',
  'src/sign/**/*.ts'
]

// A mutated file's tests: its own unit test file (__tests__/<folder>/<name>.test.ts) when it has one, else its
// folder's; plus the masking checks for every file that masks. Static mutants (module-level constants) run every
// selected test, so a focused chunk keeps that set small; the full run leaves static mutants out (ignoreStatic).
const arg = process.argv.findIndex((a) => a === '--mutate' || a.startsWith('--mutate='))
const mutateArg = arg < 0 ? undefined : process.argv[arg].includes('=') ? process.argv[arg].slice(9) : process.argv[arg + 1]
const targets = mutateArg ? mutateArg.split(',') : modules
const testMatch = new Set()
for (const target of targets) {
  if (target.startsWith('!')) continue
  const t = target.replace(/:\d+(-\d+)?$/, '')
  const m = /^src\/(?:([^/]+)\/)?(.+?)\.ts$/.exec(t)
  const folder = m?.[1] ?? path.basename(t, '.ts')
  const own = m && !m[2].includes('*') ? `__tests__/${folder}/${path.basename(m[2])}.test.ts` : undefined
  testMatch.add(own && existsSync(own) ? `<rootDir>/${own}` : `<rootDir>/__tests__/${folder}/**/*.test.ts`)
  if (/^src\/auth\/(acr|ecr|gcp|docker-config|github-oidc)\.ts$|^src\/auth\/aws\//.test(t)) testMatch.add('<rootDir>/__tests__/auth/no-leak.test.ts')
}
// Slow end-to-end suites (child processes, whole login flows) stay out unless named above.
const slow = ['/__tests__/action/', '/__tests__/support/', 'client-e2e', 'push-e2e', 'no-leak', 'flows.test']

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: modules,
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    config: {
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
      testMatch: [...testMatch],
      testPathIgnorePatterns: slow.filter((s) => ![...testMatch].some((m) => m.includes(s))),
      testTimeout: 60000
    },
    enableFindRelatedTests: false
  },
  coverageAnalysis: 'perTest',
  ignoreStatic: !mutateArg,
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  concurrency: 1,
  timeoutMS: 30000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  ignorePatterns: ['dist', '.ci', 'bench', 'reports', 'coverage'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { reportTests: false, reportMutants: true },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 75, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
