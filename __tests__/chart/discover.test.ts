import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { discoverCharts } from '../../src/chart/discover'

function tree(files: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hop-discover-'))
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
    writeFileSync(path.join(root, f), 'x')
  }
  return root
}

describe('discoverCharts', () => {
  const ws = tree([
    'charts/web/Chart.yaml',
    'charts/db/Chart.yaml',
    'charts/README.md',
    'charts/.hidden/Chart.yaml',
    'deploy/nested/api/Chart.yaml',
    'dist/web-1.0.0.tgz',
    'node_modules/x/Chart.yaml',
    'Chart.yaml'
  ])
  const rel = async (patterns: string[]) => (await discoverCharts(patterns, ws)).map((c) => `${c.kind}:${c.display}`)

  test('explicit paths, globs, ** and .tgz', async () => {
    expect(await rel(['.'])).toEqual(['directory:.'])
    expect(await rel(['charts/*'])).toEqual(['directory:charts/db', 'directory:charts/web'])
    expect(await rel(['**/api', 'dist/*.tgz'])).toEqual(['directory:deploy/nested/api', 'archive:dist/web-1.0.0.tgz'])
    expect(await rel(['charts/web', 'charts/*'])).toEqual(['directory:charts/web', 'directory:charts/db'])
    expect(await rel(['charts/[a-d]*'])).toEqual(['directory:charts/db'])
  })

  test('what is not a chart is an error that says what to give', async () => {
    await expect(discoverCharts(['charts'], ws)).rejects.toThrow(/"charts" is neither a chart directory \(no Chart.yaml\) nor a packaged .tgz/)
    await expect(discoverCharts(['missing'], ws)).rejects.toThrow(/does not exist/)
    await expect(discoverCharts(['nothing/*'], ws)).rejects.toThrow(/matched no chart/)
  })
})
