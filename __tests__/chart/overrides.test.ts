/**
 * `helm package --version/--app-version` (helm/helm pkg/action/package.go): the version override replaces the chart's
 * version verbatim once Masterminds' semver.NewVersion accepts it (so `v1.2.3` and `1.2` stay as given); the app
 * version is set as given and sanitized by Metadata.Validate (pkg/chart/v2/metadata.go sanitizeString) when Save runs.
 */
import type { Chart } from '../../src/chart/chart'
import { applyOverrides } from '../../src/chart/overrides'
import { ChartError } from '../../src/errors'

const chart = (): Chart => ({
  metadata: { apiVersion: 'v2', name: 'web', version: '0.1.0', appVersion: '1.0', description: 'kept' },
  templates: [],
  files: [],
  dependencies: [],
  warnings: [],
  where: 'charts/web'
})

describe('applyOverrides', () => {
  test('a version Masterminds semver accepts replaces the chart version verbatim, the rest of the metadata untouched', () => {
    for (const v of ['1.2.3', 'v1.2.3', '1.2', '2', '1.2.3-rc.1+build.5']) {
      const c = chart()
      const before = c.metadata
      applyOverrides(c, { version: v })
      expect(c.metadata).toEqual({ apiVersion: 'v2', name: 'web', version: v, appVersion: '1.0', description: 'kept' })
      // A new object: the loaded metadata (shared with what was read) is not edited in place.
      expect(before.version).toBe('0.1.0')
    }
  })

  test('a version semver.NewVersion refuses is an error naming the chart, and the chart is left as it was', () => {
    for (const v of ['', 'latest', '1.2.3.4', '1.0.0-', '1.0.0-01']) {
      const c = chart()
      let err: unknown
      try {
        applyOverrides(c, { version: v, appVersion: 'x' })
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(ChartError)
      expect((err as ChartError).message).toBe(`version override "${v}" is invalid`)
      expect((err as ChartError).chart).toBe('charts/web')
      expect((err as ChartError).hint).toBe('Give a SemVer 2 version such as 1.2.3 or v1.2.3')
      expect(c.metadata.version).toBe('0.1.0')
      expect(c.metadata.appVersion).toBe('1.0')
    }
  })

  test('the app version is sanitized as Helm sanitizes it (Go spaces to " ", unprintable runes dropped); the version is not touched', () => {
    const c = chart()
    const before = c.metadata
    applyOverrides(c, { appVersion: 'v2.0\t(build\u200b 7)\u0000' })
    expect(c.metadata).toEqual({ apiVersion: 'v2', name: 'web', version: '0.1.0', appVersion: 'v2.0 (build 7)', description: 'kept' })
    expect(before.appVersion).toBe('1.0')
  })

  test('both at once; neither given changes nothing', () => {
    const c = chart()
    applyOverrides(c, { version: '3.0.0', appVersion: '3.0' })
    expect([c.metadata.version, c.metadata.appVersion]).toEqual(['3.0.0', '3.0'])
    const d = chart()
    const before = d.metadata
    applyOverrides(d, {})
    expect(d.metadata).toBe(before)
  })
})
