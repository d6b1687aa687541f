/**
 * A jest globalSetup for mutation runs (stryker.config.mjs): Stryker runs jest once per mutant in one long-lived
 * process, and starting docker-registry for each run made registry-backed modules unusably slow. This starts a few
 * plain registries once per process, keeps them across runs (they die with the process), and hands them to the
 * tests through the environment, where `startRegistry()` takes them (see registry.ts). Registries with auth or TLS
 * are still started per test file.
 */
import { SHARED_REGISTRIES_ENV, startRegistry, type TestRegistry } from './registry'

/** The most plain registries one test file starts (copy.test.ts: a source and a target). */
const POOL = 2
const KEY = Symbol.for('helm-oci-publish.shared-registries')

export default async function globalSetup(): Promise<void> {
  const process_ = globalThis as unknown as Record<symbol, Promise<TestRegistry[]> | undefined>
  // Without docker-registry (a machine without `.ci/install`) there is no pool: modules that need no registry still run.
  process_[KEY] ??= Promise.all(Array.from({ length: POOL }, () => startRegistry({ dieWithProcess: true }))).catch(() => [])
  const pool = await process_[KEY]
  if (pool.length) process.env[SHARED_REGISTRIES_ENV] = JSON.stringify(pool.map(({ host, url, dataDir }) => ({ host, url, dataDir })))
}
