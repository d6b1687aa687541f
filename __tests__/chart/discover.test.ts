import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { discoverCharts } from '../../src/chart/discover'
import { InputError } from '../../src/errors'

const roots: string[] = []
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))

function tree(files: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hop-discover-'))
  roots.push(root)
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
  const rel = async (patterns: string[], where = ws) => (await discoverCharts(patterns, where)).map((c) => `${c.kind}:${c.display}`)

  test('explicit paths, globs, ** and .tgz', async () => {
    expect(await rel(['.'])).toEqual(['directory:.'])
    expect(await rel(['charts/*'])).toEqual(['directory:charts/db', 'directory:charts/web'])
    expect(await rel(['**/api', 'dist/*.tgz'])).toEqual(['directory:deploy/nested/api', 'archive:dist/web-1.0.0.tgz'])
    expect(await rel(['charts/web', 'charts/*'])).toEqual(['directory:charts/web', 'directory:charts/db'])
    expect(await rel(['charts/[a-d]*'])).toEqual(['directory:charts/db'])
  })

  test('each source carries its absolute path, and the workspace itself is shown as "."', async () => {
    expect(await discoverCharts(['charts/web', '.', 'dist/web-1.0.0.tgz'], ws)).toEqual([
      { kind: 'directory', path: path.join(ws, 'charts/web'), display: 'charts/web' },
      { kind: 'directory', path: ws, display: '.' },
      { kind: 'archive', path: path.join(ws, 'dist/web-1.0.0.tgz'), display: 'dist/web-1.0.0.tgz' }
    ])
  })

  test('wildcards pass over hidden names unless the pattern starts with a dot, as shells do', async () => {
    expect(await rel(['charts/?eb', 'charts/.h*'])).toEqual(['directory:charts/web', 'directory:charts/.hidden'])
    expect(await rel(['charts/.*'])).toEqual(['directory:charts/.hidden'])
  })

  test('** matches zero or more directories, never inside node_modules or .git, and follows no symlinked directory', async () => {
    const w = tree([
      'Chart.yaml',
      'a/Chart.yaml',
      'a/b/c/Chart.yaml',
      'a/b/c/pkg-1.0.0.TGZ',
      'node_modules/m/Chart.yaml',
      '.git/g/Chart.yaml',
      'elsewhere/x/Chart.yaml'
    ])
    symlinkSync(path.join(w, 'elsewhere'), path.join(w, 'a', 'link'))
    expect(await rel(['**'], w)).toEqual(['directory:.', 'directory:a', 'directory:a/b/c', 'directory:elsewhere/x'])
    expect(await rel(['a/**/c'], w)).toEqual(['directory:a/b/c'])
    expect(await rel(['a/**'], w)).toEqual(['directory:a', 'directory:a/b/c'])
    // A .tgz is recognised whatever the case of its extension.
    expect(await rel(['**/*.TGZ'], w)).toEqual(['archive:a/b/c/pkg-1.0.0.TGZ'])
    // Only by name: what the link leads to is found on its own path.
    expect(await rel(['a/link/*'], w)).toEqual(['directory:a/link/x'])
  })

  test('one chart matched by several patterns is listed once, in the order first found', async () => {
    expect(await rel(['charts/d*', 'charts/*', '**/web'])).toEqual(['directory:charts/db', 'directory:charts/web'])
  })

  test('what is not a chart is an error that says what to give', async () => {
    await expect(discoverCharts(['charts'], ws)).rejects.toThrow(/"charts" is neither a chart directory \(no Chart.yaml\) nor a packaged .tgz/)
    await expect(discoverCharts(['charts/README.md'], ws)).rejects.toThrow(/"charts\/README.md" is neither a chart directory/)
    await expect(discoverCharts(['missing'], ws)).rejects.toThrow(`charts entry "missing" does not exist in ${ws}`)
    await expect(discoverCharts(['nothing/*'], ws)).rejects.toThrow('charts pattern "nothing/*" matched no chart directory or .tgz')
    // A directory named like an archive, and a Chart.yaml that is a directory, are neither.
    const w = tree(['odd.tgz/keep', 'c/Chart.yaml/keep'])
    await expect(discoverCharts(['odd.tgz'], w)).rejects.toThrow(/"odd.tgz" is neither/)
    await expect(discoverCharts(['c'], w)).rejects.toThrow(/"c" is neither/)
    const err = await discoverCharts(['missing'], ws).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).file).toBe('missing')
  })

  test("a malformed pattern (Go filepath.Match's ErrBadPattern) is an input error, not a crash", async () => {
    await expect(discoverCharts(['charts/[a-'], ws)).rejects.toThrow(/^charts pattern "charts\/\[a-" is not a valid glob: /)
  })

  test('a glob outside the workspace is refused unless allowed-paths lists where it starts', async () => {
    const top = tree(['ws/Chart.yaml', 'other/o/Chart.yaml'])
    const w = path.join(top, 'ws')
    await expect(discoverCharts(['../other/*'], w)).rejects.toThrow(
      `charts pattern "../other/*" starts at ${path.join(top, 'other')}, outside the workspace ${w}`
    )
    expect(await discoverCharts(['../other/*'], w, ['../other'])).toEqual([{ kind: 'directory', path: path.join(top, 'other/o'), display: '../other/o' }])
  })
})
