/**
 * Issue 10, item 1, end to end against the real registry: file names, chart
 * directory names, Chart.yaml values and inputs that hold workflow commands
 * (both forms, and stop-commands) are printed by the bundled action, and the
 * runner's parser, replayed over everything it printed, finds nothing forged.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction, type ActionRun } from '../support/action'
import { startRegistry, type TestRegistry } from '../support/registry'
import { forgedCommands } from '../support/runner-protocol'
import { chartTgz, write } from '../../bench/hostile-inputs.js'

const OUTPUTS = new Set(['name', 'version', 'tag', 'digest', 'ref', 'archive', 'signature', 'attestation', 'attestation-id', 'rekor-log-index', 'charts'])

function expectNothingForged(run: ActionRun): void {
  expect(forgedCommands(run.stdout)).toEqual([])
  expect(forgedCommands(run.stderr)).toEqual([])
  for (const k of Object.keys(run.outputs)) expect(OUTPUTS).toContain(k)
  for (const v of Object.values(run.outputs)) expect(v).not.toMatch(/##\[|\n/)
  // The summary is Markdown: a payload shows as text, never as a line of its own or raw HTML.
  expect(run.summary).not.toMatch(/##\[|^\s*::|<script/m)
}

describe('workflow-command injection', () => {
  let reg: TestRegistry
  const workspace = (): string => mkdtempSync(path.join(os.tmpdir(), 'hop-inject-'))
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'none' })
  })
  afterAll(async () => {
    await reg?.stop()
  })

  test('.tgz and .prov file names and chart directory names (both forms, stop-commands): pushed, nothing forged', async () => {
    const ws = workspace()
    const names = [
      'a\n::set-output name=digest::FORGED.tgz',
      'b\n::add-mask::FORGED\n::error::FORGED.tgz',
      'x ##[set-output name=signature;]FORGED.tgz',
      'y ##[stop-commands]T0KEN.tgz'
    ]
    names.forEach((n, i) => write(path.join(ws, 'pkg', n), chartTgz(`c${i}`)))
    writeFileSync(path.join(ws, 'pkg', `${names[0]}.prov`), 'not checked by helm push\n')
    const dir = path.join(ws, 'dirs', 'd\n::error::FORGED ##[add-mask]FORGED')
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: d\nversion: 1.0.0\n')
    const run = await runAction({ charts: 'pkg/*.tgz\ndirs/*', registry: `oci://${reg.host}/inject`, sign: 'false' }, { workspace: ws })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Packaged')
    expect(run.stdout).toMatch(/Found .*\.prov/)
    expectNothingForged(run)
    // The payload is shown, as text, where it belongs.
    expect(run.stdout).toContain('::group::d 1.0.0 (dirs/d ::error::FORGED # #[add-mask]FORGED)')
    // Pushed for real: the registry has every chart.
    for (const c of ['c0', 'c1', 'c2', 'c3', 'd']) {
      expect(execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${reg.host}/inject/${c}:1.0.0`]).length).toBeGreaterThan(0)
    }
  })

  test('a Chart.yaml name and description holding commands is reported, not executed', async () => {
    const ws = workspace()
    write(
      path.join(ws, 'bad', 'Chart.yaml'),
      'apiVersion: v2\nname: "##[set-output name=digest;]FORGED\\n::error::FORGED"\ndescription: "::add-mask::FORGED"\nversion: 1.0.0\n'
    )
    const run = await runAction({ charts: 'bad', registry: `oci://${reg.host}/inject`, sign: 'false' }, { workspace: ws })
    expect(run.code).not.toBe(0)
    expect(run.errors.length).toBeGreaterThan(0)
    expectNothingForged(run)
  })

  test('inputs: username, version and registry holding commands', async () => {
    const ws = workspace()
    write(path.join(ws, 'ok', 'Chart.yaml'), 'apiVersion: v2\nname: ok\nversion: 1.0.0\n')
    const variants: Array<Record<string, string>> = [
      { username: 'robot\n::error::FORGED ##[stop-commands]T0KEN' },
      { username: 'robot ##[set-output name=digest;]FORGED', password: 'pw-not-used-by-an-open-registry' },
      { version: '1.0.0\n::set-output name=digest::FORGED' },
      { registry: `oci://${reg.host}/x ##[add-mask]FORGED` }
    ]
    for (const inputs of variants) {
      const run = await runAction({ charts: 'ok', registry: `oci://${reg.host}/inject`, sign: 'false', login: 'basic', ...inputs }, { workspace: ws })
      expectNothingForged(run)
    }
  })
})
