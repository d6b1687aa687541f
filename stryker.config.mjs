// Mutation testing (StrykerJS): `npm run mutate` over the modules where a silent bug hurts users most, or a focused
// chunk: `npm run mutate -- --mutate src/auth/mask.ts`. Only the unit tests of the mutated modules' folders run
// (the action and end-to-end tests are too slow to run per mutant), and per-test coverage picks, for each mutant,
// the tests that reach it. Concurrency 1: the machines have 2 cores and other work to do.
const modules = [
  'src/chart/**/*.ts',
  'src/oci/**/*.ts',
  'src/auth/mask.ts',
  'src/auth/acr.ts',
  'src/auth/ecr.ts',
  'src/auth/gcp.ts',
  'src/auth/docker-config.ts',
  'src/auth/aws/*.ts',
  'src/inputs.ts',
  'src/sign/**/*.ts'
]

// A mutated file's tests: its folder's tests, plus the masking checks for every file that masks.
const mutateArg =
  process.argv.indexOf('--mutate') >= 0 ? process.argv[process.argv.indexOf('--mutate') + 1] : process.argv.find((a) => a.startsWith('--mutate='))?.slice(9)
const targets = mutateArg ? mutateArg.split(',') : modules
const folders = new Set()
for (const t of targets) {
  const m = /^src\/([^/]+)\//.exec(t)
  folders.add(m ? m[1] : 'inputs')
}
// Slow end-to-end suites (child processes, whole login flows) stay out of mutation runs.
const slow = ['/__tests__/action/', '/__tests__/support/', 'client-e2e', 'push-e2e', 'no-leak', 'flows.test']
const testMatch = [...folders].map((f) => `<rootDir>/__tests__/${f}/**/*.test.ts`)
if (targets.some((t) => /^src\/auth\/(acr|ecr|gcp|docker-config)\.ts$/.test(t) || t.startsWith('src/auth/aws')))
  testMatch.push('<rootDir>/__tests__/auth/no-leak.test.ts')

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
      testMatch,
      testPathIgnorePatterns: slow.filter((s) => !testMatch.some((m) => m.includes(s))),
      testTimeout: 60000
    },
    enableFindRelatedTests: false
  },
  coverageAnalysis: 'perTest',
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
