// Mutation testing (StrykerJS): `npm run mutate` over the modules where a silent bug hurts users most, or a focused
// chunk: `npm run mutate -- --mutate src/auth/mask.ts`. Only fast unit tests run (see below: the action and end-to-end
// tests are too slow to run per mutant), and per-test coverage picks, for each mutant, the tests that reach it.
// Concurrency 1: the machines have 2 cores and other work to do. A focused chunk (`nice -n 19 npm run mutate --
// --mutate <file>`) runs ~6x faster: its own unit test file only, a 5 s timeout, and no type checker (see checkers).
// Registry-backed modules (src/oci, src/sign) run too: each test runner starts plain docker-registries once and every mutant's tests reuse them, emptied (__tests__/support/shared-registries.ts; docker-registry from `bash .ci/install`).
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const modules = [
  // (Stryker's Regex mutator once wrote `\V` into a /u pattern, which no longer parses; keep `\v` out of /u regex
  // literals, as src/chart/sanitize.ts now does, so no file has to be excluded.)
  'src/chart/**/*.ts',
  // A worker thread's entry, which the jest runner's coverage never sees: only wiring; its work is deflate-job.ts.
  '!src/chart/deflate-worker.ts',
  'src/oci/**/*.ts',
  'src/auth/mask.ts',
  'src/auth/acr.ts',
  'src/auth/ecr.ts',
  'src/auth/gcp.ts',
  'src/auth/docker-config.ts',
  'src/auth/github-oidc.ts',
  'src/auth/aws/*.ts',
  'src/inputs.ts',
  'src/sign/**/*.ts',
  'src/report/sanitize.ts',
  'src/http.ts'
]

// Modules whose unit tests live outside their folder's test folder (the hostile-input checks).
const extraTests = {
  'src/report/sanitize.ts': ['__tests__/hostile/output-path.test.ts'],
  'src/chart/archive.ts': ['__tests__/hostile/units.test.ts'],
  'src/chart/boundary.ts': ['__tests__/hostile/units.test.ts'],
  // The workspace-boundary checks of chart discovery (symlinks out, `..`, absolute globs) sit with the hostile inputs.
  'src/chart/discover.ts': ['__tests__/hostile/units.test.ts'],
  'src/chart/chart-yaml.ts': ['__tests__/hostile/units.test.ts', '__tests__/chart/load.test.ts'],
  'src/chart/loader.ts': ['__tests__/hostile/units.test.ts', '__tests__/chart/load.test.ts'],
  // parseIndex's own cases sit with the other pure dependency units.
  'src/chart/dependencies/repo-index.ts': ['__tests__/chart/dependencies/units.test.ts', '__tests__/chart/dependencies/index-layout.test.ts'],
  // ociLocation, tagsToVersions and the name hint are pure and sit there too; its own file pulls from a registry.
  'src/chart/dependencies/oci-repo.ts': ['__tests__/chart/dependencies/units.test.ts'],
  // The build flow's decisions without a network (charts/, the lock, each refusal) have their own file beside it.
  'src/chart/dependencies/resolve.ts': ['__tests__/chart/dependencies/resolve-build.test.ts'],
  // Helm's golden tar streams and Chart.yaml bytes (helm-oci-spec §8) check these two as well; the Go archive/tar
  // vectors check tar.ts's header and name rules through the chart archive reader.
  'src/chart/tar.ts': ['__tests__/chart/package.test.ts', '__tests__/chart/archive.test.ts'],
  // Its disk and failure cases (own file), the entries and tar stream, and Helm's golden archives (the whole chart
  // folder, its default, runs ~100 s per static mutant here).
  'src/chart/save.ts': ['__tests__/chart/save-entries.test.ts', '__tests__/chart/package.test.ts'],
  // Its tests: charts packaged at once (own file) and the block format the workers write.
  'src/chart/parallel-gzip.ts': ['__tests__/chart/block-deflate.test.ts'],
  'src/chart/yaml-marshal.ts': ['__tests__/chart/package.test.ts'],
  // The client's mount, ranged blob reads and referrers listing are exercised by the copy and referrers tests, its
  // token requests by realm.test.ts (Bearer challenges as registries in the wild send them; loopback, fast)
  // (network.test.ts, ~100 s of timeouts, stays out); its request loop (shared tokens, token-service failures, two-scope
  // token requests) by token-flow.test.ts (loopback, held answers, no sleeps); client-listings.test.ts: the mount,
  // referrers and paging edges.
  'src/oci/client.ts': [
    '__tests__/oci/copy.test.ts',
    '__tests__/oci/referrers.test.ts',
    '__tests__/oci/realm.test.ts',
    '__tests__/oci/token-flow.test.ts',
    '__tests__/oci/client-listings.test.ts'
  ],
  // The transport: the redirect rule (redirect.test.ts), the retry policy and sendFollowing over loopback HTTP(S)
  // servers (http.test.ts), and the chart repositories' downloads that use them (network.test.ts, ~100 s of
  // timeouts, stays out).
  'src/http.ts': ['__tests__/http.test.ts', '__tests__/redirect.test.ts', '__tests__/chart/dependencies/repo-index.test.ts']
}

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
  // Own test file: same relative path (chart/dependencies/lock), else by base name (auth/aws/sigv4); else the folder's tests.
  const own =
    m && !m[2].includes('*') ? [`__tests__/${folder}/${m[2]}.test.ts`, `__tests__/${folder}/${path.basename(m[2])}.test.ts`].find(existsSync) : undefined
  const sub = m && m[2].includes('/') ? `__tests__/${folder}/${path.dirname(m[2])}` : undefined
  testMatch.add(own ? `<rootDir>/${own}` : sub && existsSync(sub) ? `<rootDir>/${sub}/**/*.test.ts` : `<rootDir>/__tests__/${folder}/**/*.test.ts`)
  for (const extra of extraTests[t] ??
    (t.includes('*')
      ? Object.entries(extraTests)
          .filter(([k]) => path.matchesGlob(k, t))
          .flatMap(([, v]) => v)
      : []))
    testMatch.add(`<rootDir>/${extra}`)
  if (/^src\/auth\/(acr|ecr|gcp|docker-config|github-oidc)\.ts$|^src\/auth\/aws\//.test(t)) testMatch.add('<rootDir>/__tests__/auth/no-leak.test.ts')
}
// Slow end-to-end suites (child processes, whole login flows, registries, property runs that spawn gzip/tar) stay
// out unless named above.
const slow = [
  '/__tests__/action/',
  '/__tests__/support/',
  'client-e2e',
  'push-e2e',
  'no-leak',
  'flows.test',
  'runtimes.test',
  'archive-properties',
  'parallel-gzip-faults',
  'dependencies/resolve.test'
]

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: modules,
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    config: {
      // The suite's own environment and setup (runner variables as on a runner, stdout captured): tests of the
      // output path read the workflow commands that only GITHUB_ACTIONS=true produces.
      // (An absolute path: the Stryker runner resolves the environment without <rootDir>.)
      testEnvironment: fileURLToPath(new URL('__tests__/support/environment.js', import.meta.url)),
      setupFiles: ['<rootDir>/__tests__/support/quiet-runner.ts'],
      // Registry-backed modules: plain docker-registries started once per Stryker test runner, not once per mutant.
      globalSetup: '<rootDir>/__tests__/support/shared-registries.ts',
      transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
      testMatch: [...testMatch],
      testPathIgnorePatterns: slow.filter((s) => ![...testMatch].some((m) => m.includes(s))),
      testTimeout: 60000
    },
    enableFindRelatedTests: false
  },
  coverageAnalysis: 'perTest',
  ignoreStatic: !mutateArg,
  // The type checker checks one mutant at a time when they all sit in one file (~4 s each here, 6x the test run), so a
  // focused chunk goes without: a mutant that would not compile then runs anyway, and a survivor must be read for that.
  checkers: mutateArg ? [] : ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  concurrency: 1,
  // A focused chunk runs unit tests of well under a second: 5 s over their time is a hang, not a slow machine.
  timeoutMS: mutateArg ? 5000 : 30000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // The hostile-input generators are test support as well (__tests__/hostile/units.test.ts imports them).
  ignorePatterns: ['dist', '.ci', 'bench', '!bench/hostile-inputs.*', 'reports', 'coverage'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { reportTests: false, reportMutants: true },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 75, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
