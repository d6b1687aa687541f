/**
 * Chart.lock as Helm's resolver writes and checks it: the `HashReq` digest
 * (sha256 of Go's json.Marshal of [Chart.yaml dependencies, locked
 * dependencies]), the apiVersion v1 `HashV2Req` fallback, Helm's exact
 * out-of-sync message, and the lock put into a packaged chart when Chart.yaml
 * declares ranges but the chart has no lock (its `generated` time is the
 * archive's source time, so the archive stays reproducible).
 */
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import { ChartError } from '../../errors'
import { goMap, goMarshal } from '../../gojson'
import type { Lock } from '../chart'
import { dependencyStruct, type Dependency } from '../metadata'

const sha = (s: string): string => `sha256:${createHash('sha256').update(s, 'utf8').digest('hex')}`
const list = (deps: Array<Dependency | null> | null | undefined): unknown => (deps ? deps.map((d) => (d ? dependencyStruct(d) : null)) : null)

/** Helm's `resolver.HashReq(req, lock)`. */
export function hashReq(req: Dependency[] | null | undefined, lock: Array<Dependency | null> | null | undefined): string {
  return sha(goMarshal([list(req), list(lock)]))
}

/** Helm's `resolver.HashV2Req(req)` (Helm 2 requirements.lock digests). */
export function hashV2Req(req: Dependency[] | null | undefined): string {
  return sha(goMarshal(goMap({ dependencies: list(req) })))
}

export const LOCK_OUT_OF_SYNC =
  "the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies with 'helm dependency update'"
export const REQUIREMENTS_LOCK_OUT_OF_SYNC =
  'the lock file (requirements.lock) is out of sync with the dependencies file (requirements.yaml). Please update the dependencies'

/**
 * `Manager.Build`'s check: `req` has its `@name`/`alias:` repositories already
 * replaced by URLs (as Helm's resolveRepoNames does before hashing), while
 * `original` is Chart.yaml as written (Helm 2 hashed that one).
 */
export function checkLock(opts: { apiVersion: string; req: Dependency[]; original: Dependency[]; lock: Lock; chart: string }): void {
  const { apiVersion, req, original, lock, chart } = opts
  if (hashReq(req, lock.dependencies) === lock.digest) return
  if (apiVersion === 'v1' && hashV2Req(original) === lock.digest) return
  const v1 = apiVersion === 'v1'
  throw new ChartError(v1 ? REQUIREMENTS_LOCK_OUT_OF_SYNC : LOCK_OUT_OF_SYNC, {
    chart,
    file: path.join(chart, v1 ? 'requirements.lock' : 'Chart.lock'),
    hint: `Run \`helm dependency update ${chart}\` and commit the new ${v1 ? 'requirements.lock' : 'Chart.lock'}, or delete the lock so the action resolves the ranges itself`
  })
}

/** Go's RFC 3339 form of a time.Time in UTC (fractional seconds only when there are any). */
export function goTime(d: Date): string {
  return d
    .toISOString()
    .replace(/\.000Z$/, 'Z')
    .replace(/(\.\d*?)0+Z$/, '$1Z')
}

/** The lock `helm dependency update` writes, with `generated` set to the source time (as Helm does under SOURCE_DATE_EPOCH). */
export function makeLock(req: Dependency[], locked: Dependency[], generated: Date): Lock {
  return { generated: goTime(generated), digest: hashReq(req, locked), dependencies: locked }
}
