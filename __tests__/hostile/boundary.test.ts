/**
 * Issue 10, item 5, end to end: after symlinks are followed, every chart,
 * .tgz and .prov lies inside GITHUB_WORKSPACE or an allowed path; globs
 * never leave it; the errors say which path left and where it pointed.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction } from '../support/action'
import { startRegistry, type TestRegistry } from '../support/registry'
import { forgedCommands } from '../support/runner-protocol'
import { chartTgz, chartYaml, write } from '../../bench/hostile-inputs.js'

describe('workspace boundary', () => {
  let reg: TestRegistry
  let top: string
  let ws: string
  let priv: string
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'none' })
    // top/work/ws is the workspace; top/private is outside it.
    top = mkdtempSync(path.join(os.tmpdir(), 'hop-boundary-'))
    ws = path.join(top, 'work', 'ws')
    priv = path.join(top, 'private')
    write(path.join(priv, 'secret-chart', 'Chart.yaml'), chartYaml('secret'))
    write(path.join(priv, 'secret-chart', 'files', 'key'), 'PRIVATE')
    write(path.join(priv, 'other-1.0.0.tgz'), chartTgz('other'))
    write(path.join(ws, 'charts', 'good', 'Chart.yaml'), chartYaml('good'))
    symlinkSync('../../../private/secret-chart', path.join(ws, 'charts', 'evil'))
    write(path.join(ws, 'pkg', 'p-1.0.0.tgz'), chartTgz('p'))
    symlinkSync(path.join(priv, 'other-1.0.0.tgz'), path.join(ws, 'pkg', 'o-1.0.0.tgz'))
    write(path.join(ws, 'prov', 'q-1.0.0.tgz'), chartTgz('q'))
    symlinkSync(path.join(priv, 'secret-chart', 'files', 'key'), path.join(ws, 'prov', 'q-1.0.0.tgz.prov'))
  })
  afterAll(async () => {
    await reg?.stop()
    rmSync(top, { recursive: true, force: true })
  })

  async function fails(charts: string, extra: Record<string, string> = {}): Promise<string> {
    const run = await runAction({ charts, registry: `oci://${reg.host}/b`, sign: 'false', ...extra }, { workspace: ws })
    rmSync(run.runnerTemp, { recursive: true, force: true })
    expect(run.code).not.toBe(0)
    expect(forgedCommands(run.stdout)).toEqual([])
    const text = run.errors.join('\n')
    expect(text).not.toMatch(/ENOENT|\/proc\//)
    return text
  }

  test('a glob match that is a symlink out of the workspace: refused, naming the link and its target', async () => {
    const text = await fails('charts/*')
    expect(text).toMatch(/charts\/evil.*outside the workspace/)
    expect(text).toContain(path.join(priv, 'secret-chart'))
  })

  test('explicit paths and globs that leave the workspace, and charts: /**', async () => {
    expect(await fails('../../private/secret-chart')).toMatch(/charts entry "..\/..\/private\/secret-chart" is outside the workspace/)
    expect(await fails('../../private/*')).toMatch(/charts pattern "..\/..\/private\/\*" starts at .*private, outside the workspace/)
    expect(await fails(`${priv}/**`)).toMatch(/outside the workspace/)
    expect(await fails('/**')).toMatch(/charts pattern "\/\*\*" starts at \/, outside the workspace/)
    expect(await fails('charts/*/../../../../private/*')).toMatch(/outside the workspace/)
    expect(await fails('pkg/*.tgz')).toMatch(/pkg\/o-1.0.0.tgz.*outside the workspace.*other-1.0.0.tgz/)
  })

  test('a file:// dependency outside the workspace is refused', async () => {
    write(
      path.join(ws, 'fdep', 'Chart.yaml'),
      'apiVersion: v2\nname: fdep\nversion: 1.0.0\ndependencies:\n- name: secret\n  version: 1.0.0\n  repository: file://../../../private/secret-chart\n'
    )
    expect(await fails('fdep', { 'dry-run': 'true' })).toMatch(
      /file:\/\/ dependency secret \(file:\/\/..\/..\/..\/private\/secret-chart\) of fdep is outside the workspace/
    )
  })

  test('a .prov next to a .tgz that points outside is refused', async () => {
    expect(await fails('prov/q-1.0.0.tgz', { 'dry-run': 'true' })).toMatch(/q-1.0.0.tgz.prov points outside/)
  })

  test('allowed-paths lets a listed directory in', async () => {
    const run = await runAction(
      { charts: 'charts/*', registry: `oci://${reg.host}/b`, sign: 'false', 'dry-run': 'true', 'allowed-paths': '../../private' },
      { workspace: ws }
    )
    rmSync(run.runnerTemp, { recursive: true, force: true })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.charts).map((c: { name: string }) => c.name)).toEqual(['secret', 'good'])
  })
})
