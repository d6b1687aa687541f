/** Helm's HashReq / HashV2Req against lock digests Helm wrote in real charts (prometheus, argo-cd). */
import { createHash } from 'node:crypto'
import { checkLock, goTime, hashReq, hashV2Req, LOCK_OUT_OF_SYNC, makeLock } from '../../../src/chart/dependencies/lock'
import type { Dependency } from '../../../src/chart/metadata'
import { ChartError } from '../../../src/errors'
import { thrown } from '../../support/caught'

const PC = 'https://prometheus-community.github.io/helm-charts'
const prometheusReq: Dependency[] = [
  { name: 'alertmanager', version: '1.42.*', repository: PC, condition: 'alertmanager.enabled' },
  { name: 'kube-state-metrics', version: '8.4.*', repository: PC, condition: 'kube-state-metrics.enabled' },
  { name: 'prometheus-node-exporter', version: '4.56.*', repository: PC, condition: 'prometheus-node-exporter.enabled' },
  { name: 'prometheus-pushgateway', version: '3.8.*', repository: PC, condition: 'prometheus-pushgateway.enabled' }
]
const prometheusLock: Dependency[] = [
  { name: 'alertmanager', version: '1.42.0', repository: PC },
  { name: 'kube-state-metrics', version: '8.4.0', repository: PC },
  { name: 'prometheus-node-exporter', version: '4.56.1', repository: PC },
  { name: 'prometheus-pushgateway', version: '3.8.0', repository: PC }
]
const DANDY = 'https://dandydeveloper.github.io/charts/'
const argoReq: Dependency[] = [{ name: 'redis-ha', version: '4.38.0', repository: DANDY, condition: 'redis-ha.enabled' }]
const argoLock: Dependency[] = [{ name: 'redis-ha', version: '4.38.0', repository: DANDY }]

describe('HashReq golden vectors', () => {
  it('prometheus Chart.lock', () => {
    expect(hashReq(prometheusReq, prometheusLock)).toBe('sha256:5d788dab0bb3fe083870a3ca91fe0a930bbcedda7cd202844f6afdab0a3e6d0b')
  })
  it('argo-cd Chart.lock', () => {
    expect(hashReq(argoReq, argoLock)).toBe('sha256:0d8b0161248c5ab2c77d62fc77d5ca28393f73f7b7a8abd5474b78bc969cab39')
  })
  it('Go escaping of < > & and omitempty fields', () => {
    const req: Dependency[] = [{ name: 'a', version: '>=1.0 <2', repository: 'https://x/?a=1&b=2', tags: ['t'], enabled: true, alias: 'b' }]
    const bytes = '[[{"name":"a","version":"\\u003e=1.0 \\u003c2","repository":"https://x/?a=1\\u0026b=2","tags":["t"],"enabled":true,"alias":"b"}],null]'
    expect(hashReq(req, null)).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`)
  })
  it('HashV2Req hashes {"dependencies":[...]}', () => {
    const bytes =
      '{"dependencies":[{"name":"redis-ha","version":"4.38.0","repository":"https://dandydeveloper.github.io/charts/","condition":"redis-ha.enabled"}]}'
    expect(hashV2Req(argoReq)).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`)
  })
})

describe('checkLock', () => {
  const lock = { generated: '2026-01-01T00:00:00Z', digest: 'sha256:0d8b0161248c5ab2c77d62fc77d5ca28393f73f7b7a8abd5474b78bc969cab39', dependencies: argoLock }
  it('accepts the lock Helm wrote', () => {
    expect(() => checkLock({ apiVersion: 'v2', req: argoReq, original: argoReq, lock, chart: 'argo-cd' })).not.toThrow()
  })
  it("refuses a changed Chart.yaml with Helm's message", () => {
    const changed = [{ ...argoReq[0], version: '4.39.0' }]
    expect(() => checkLock({ apiVersion: 'v2', req: changed, original: changed, lock, chart: 'argo-cd' })).toThrow(LOCK_OUT_OF_SYNC)
    expect(LOCK_OUT_OF_SYNC).toBe(
      "the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies with 'helm dependency update'"
    )
  })
})

describe('the refusal names the chart, its lock file and what to run', () => {
  const lock = { generated: '2026-01-01T00:00:00Z', digest: 'sha256:0d8b0161248c5ab2c77d62fc77d5ca28393f73f7b7a8abd5474b78bc969cab39', dependencies: argoLock }
  const changed = [{ ...argoReq[0], version: '4.39.0' }]
  it.each([
    ['v2', 'charts/argo-cd/Chart.lock', 'Chart.lock'],
    ['v1', 'charts/argo-cd/requirements.lock', 'requirements.lock']
  ])('apiVersion %s', (apiVersion, file, lockName) => {
    const err = thrown(() => checkLock({ apiVersion, req: changed, original: changed, lock, chart: 'charts/argo-cd' }))
    expect(err).toBeInstanceOf(ChartError)
    expect(err).toMatchObject({ chart: 'charts/argo-cd', file })
    expect((err as ChartError).hint).toBe(
      `Run \`helm dependency update charts/argo-cd\` and commit the new ${lockName}, or delete the lock so the action resolves the ranges itself`
    )
  })
})

describe('apiVersion v1 charts', () => {
  it('accept a requirements.lock written by Helm 2 (HashV2Req of requirements.yaml as written), v2 charts do not', () => {
    const bytes =
      '{"dependencies":[{"name":"redis-ha","version":"4.38.0","repository":"https://dandydeveloper.github.io/charts/","condition":"redis-ha.enabled"}]}'
    const lock = { generated: '2019-01-01T00:00:00Z', digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, dependencies: argoLock }
    expect(() => checkLock({ apiVersion: 'v1', req: argoReq, original: argoReq, lock, chart: 'old' })).not.toThrow()
    expect(() => checkLock({ apiVersion: 'v2', req: argoReq, original: argoReq, lock, chart: 'new' })).toThrow(LOCK_OUT_OF_SYNC)
    const changed = [{ ...argoReq[0], version: '4.39.0' }]
    expect(() => checkLock({ apiVersion: 'v1', req: changed, original: changed, lock, chart: 'old' })).toThrow(
      'the lock file (requirements.lock) is out of sync with the dependencies file (requirements.yaml). Please update the dependencies'
    )
  })
})

describe('a new lock', () => {
  it('carries the source time in Go RFC 3339 and HashReq of the resolved versions', () => {
    const l = makeLock(argoReq, argoLock, new Date(1_700_000_000_000))
    expect(l.generated).toBe('2023-11-14T22:13:20Z')
    expect(l.digest).toBe('sha256:0d8b0161248c5ab2c77d62fc77d5ca28393f73f7b7a8abd5474b78bc969cab39')
    expect(goTime(new Date(1_700_000_000_120))).toBe('2023-11-14T22:13:20.12Z')
    // Go's RFC3339Nano drops every trailing zero of the fraction.
    expect(goTime(new Date(1_700_000_000_100))).toBe('2023-11-14T22:13:20.1Z')
    expect(goTime(new Date(1_700_000_000_001))).toBe('2023-11-14T22:13:20.001Z')
  })
})
