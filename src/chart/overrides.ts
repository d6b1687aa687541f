/**
 * `helm package --version/--app-version`: the override replaces the value in
 * the packaged Chart.yaml, the config blob and the tag. The version must be
 * one Helm's parser accepts; the app version is sanitized like Helm's Save does.
 */
import { ChartError } from '../errors'
import type { Chart } from './chart'
import { sanitizeString } from './sanitize'
import { parseHelmVersion } from './semver'

export function applyOverrides(chart: Chart, o: { version?: string; appVersion?: string }): void {
  if (o.version !== undefined) {
    if (!parseHelmVersion(o.version)) {
      throw new ChartError(`version override "${o.version}" is invalid`, { chart: chart.where, hint: 'Give a SemVer 2 version such as 1.2.3 or v1.2.3' })
    }
    chart.metadata = { ...chart.metadata, version: o.version }
  }
  if (o.appVersion !== undefined) chart.metadata = { ...chart.metadata, appVersion: sanitizeString(o.appVersion) }
}
