/**
 * The action end to end on the chart shapes real repositories have: vendored
 * subcharts (directories and .tgz), .helmignore, a packaged .tgz pushed as is,
 * git-derived time stamps, if-exists: overwrite, and a registry behind Bearer
 * token auth. What was pushed is read back with skopeo, curl and tar.
 */
import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction, ROOT } from '../support/action'
import { startRegistry, type TestRegistry } from '../support/registry'

const DEMO = path.join(ROOT, 'examples', 'demo-chart')
const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`
const skopeoRaw = (ref: string, creds?: string): Buffer =>
  execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', ...(creds ? ['--creds', creds] : []), `docker://${ref}`])

function tree(root: string, files: Record<string, string>): void {
  for (const [f, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
    writeFileSync(path.join(root, f), c)
  }
}
const workspace = (): string => mkdtempSync(path.join(os.tmpdir(), 'hop-ws-'))

function pulledListing(reg: TestRegistry, repo: string, tag: string): string[] {
  const manifest = JSON.parse(skopeoRaw(`${reg.host}/${repo}:${tag}`).toString())
  const layer = execFileSync('curl', ['-sf', `http://${reg.host}/v2/${repo}/blobs/${manifest.layers[0].digest}`])
  const file = path.join(workspace(), 'pulled.tgz')
  writeFileSync(file, layer)
  return execFileSync('tar', ['-tzf', file]).toString().trim().split('\n')
}

describe('charts as repositories have them, against an open registry', () => {
  let reg: TestRegistry
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'none' })
  })
  afterAll(async () => reg?.stop())

  test('vendored subcharts (directory and .tgz) and .helmignore end up where Helm puts them', async () => {
    const ws = workspace()
    tree(path.join(ws, 'sub-src'), { 'Chart.yaml': 'apiVersion: v2\nname: cache\nversion: 2.0.0\n', 'templates/c.yaml': 'kind: ConfigMap\n' })
    const sub = await runAction({ charts: 'sub-src', registry: `oci://${reg.host}/x`, 'dry-run': 'true', 'output-dir': 'app/charts' }, { workspace: ws })
    expect(sub.errors).toEqual([])
    tree(path.join(ws, 'app'), {
      'Chart.yaml':
        'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: cache\n  version: 2.x\n  repository: oci://example.com/charts\n- name: db\n  version: 1.x\n',
      '.helmignore': '*.md\nci/\n',
      'README.md': 'ignored\n',
      'ci/values.yaml': 'ignored: true\n',
      'templates/app.yaml': 'kind: Deployment\n',
      'templates/.editor-backup': 'ignored by the default rule\n',
      'charts/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.0.0\n',
      'charts/db/README.md': 'ignored too: the root .helmignore applies to the whole tree, subcharts included\n'
    })
    const run = await runAction({ charts: 'app', registry: `oci://${reg.host}/deps`, sign: 'false' }, { workspace: ws })
    expect(run.errors).toEqual([])
    expect(pulledListing(reg, 'deps/app', '1.0.0')).toEqual([
      'app/Chart.yaml',
      'app/templates/app.yaml',
      'app/.helmignore',
      'app/charts/cache/Chart.yaml',
      'app/charts/cache/templates/c.yaml',
      'app/charts/db/Chart.yaml'
    ])
  })

  test('a missing vendored dependency fails with what to run', async () => {
    const ws = workspace()
    tree(path.join(ws, 'app'), {
      'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: redis\n  version: 17.x\n'
    })
    const run = await runAction({ charts: 'app', registry: `oci://${reg.host}/deps`, sign: 'false' }, { workspace: ws })
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toMatch(/missing in charts\/ directory: redis.*no repository, so it must be vendored in charts\//)
    expect(run.errors.join('\n')).toMatch(/file=app\/Chart.yaml/)
  })

  test('a packaged .tgz is pushed byte for byte; with a version override it is repackaged', async () => {
    const ws = workspace()
    cpSync(DEMO, path.join(ws, 'demo'), { recursive: true })
    const dry = await runAction({ charts: 'demo', registry: `oci://${reg.host}/tgz`, 'dry-run': 'true', 'output-dir': 'dist' }, { workspace: ws })
    expect(dry.errors).toEqual([])
    const tgz = path.join(ws, 'dist', 'demo-chart-0.1.0.tgz')
    const run = await runAction({ charts: 'dist/*.tgz', registry: `oci://${reg.host}/tgz`, sign: 'false' }, { workspace: ws })
    expect(run.errors).toEqual([])
    const manifest = JSON.parse(skopeoRaw(`${reg.host}/tgz/demo-chart:0.1.0`).toString())
    expect(manifest.layers[0].digest).toBe(sha256(readFileSync(tgz)))
    const over = await runAction({ charts: 'dist/demo-chart-0.1.0.tgz', registry: `oci://${reg.host}/tgz`, version: '0.2.0', sign: 'false' }, { workspace: ws })
    expect(over.errors).toEqual([])
    expect(pulledListing(reg, 'tgz/demo-chart', '0.2.0')[0]).toBe('demo-chart/Chart.yaml')
  })

  test('without SOURCE_DATE_EPOCH the time stamps come from the last commit that changed the chart', async () => {
    const ws = workspace()
    cpSync(DEMO, path.join(ws, 'charts', 'demo'), { recursive: true })
    tree(ws, { 'other.txt': 'x\n' })
    const git = (args: string[], date: string): void => {
      execFileSync('git', args, {
        cwd: ws,
        env: {
          ...process.env,
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_DATE: date,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e'
        }
      })
    }
    git(['init', '-q'], '')
    git(['add', '.'], '')
    git(['commit', '-qm', 'chart'], '2024-05-06T07:08:09Z')
    writeFileSync(path.join(ws, 'other.txt'), 'changed\n')
    git(['commit', '-qam', 'unrelated'], '2024-06-01T00:00:00Z')
    const run = await runAction({ charts: 'charts/demo', registry: `oci://${reg.host}/git`, sign: 'false' }, { workspace: ws, env: { SOURCE_DATE_EPOCH: '' } })
    expect(run.errors).toEqual([])
    expect(run.stdout).toMatch(/Time stamps: 2024-05-06T07:08:09.000Z, from the last commit that changed it, [0-9a-f]+\n/)
    const manifest = JSON.parse(skopeoRaw(`${reg.host}/git/demo-chart:0.1.0`).toString())
    expect(manifest.annotations['org.opencontainers.image.created']).toBe('2024-05-06T07:08:09Z')
    const verbose = execFileSync('tar', ['-tvzf', JSON.parse(run.outputs.charts)[0].archive, '--utc']).toString()
    expect(verbose).toContain('2024-05-06 07:08 demo-chart/Chart.yaml')
  })

  test('if-exists: a changed chart under a published version is refused by default and replaced with overwrite', async () => {
    const ws = workspace()
    cpSync(DEMO, path.join(ws, 'demo'), { recursive: true })
    const first = await runAction({ charts: 'demo', registry: `oci://${reg.host}/imm`, sign: 'false' }, { workspace: ws })
    expect(first.errors).toEqual([])
    writeFileSync(path.join(ws, 'demo', 'values.yaml'), 'replicaCount: 2\n')
    const refused = await runAction({ charts: 'demo', registry: `oci://${reg.host}/imm`, sign: 'false' }, { workspace: ws })
    expect(refused.code).not.toBe(0)
    expect(refused.errors.join('\n')).toMatch(/demo-chart:0\.1\.0 already exists and holds sha256:[0-9a-f]+, not sha256:[0-9a-f]+.*bump version/)
    expect(sha256(skopeoRaw(`${reg.host}/imm/demo-chart:0.1.0`))).toBe(first.outputs.digest)
    const replaced = await runAction({ charts: 'demo', registry: `oci://${reg.host}/imm`, sign: 'false', 'if-exists': 'overwrite' }, { workspace: ws })
    expect(replaced.errors).toEqual([])
    expect(replaced.outputs.digest).not.toBe(first.outputs.digest)
    expect(sha256(skopeoRaw(`${reg.host}/imm/demo-chart:0.1.0`))).toBe(replaced.outputs.digest)
  })
})

describe('a registry behind Bearer token auth', () => {
  let reg: TestRegistry
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'token', users: { robot: 'r0b0t-t0ken-value' } })
  })
  afterAll(async () => reg?.stop())

  test('logs in at the token service with the credentials and pushes; one token serves the whole chart', async () => {
    const ws = workspace()
    cpSync(DEMO, path.join(ws, 'demo'), { recursive: true })
    const run = await runAction(
      { charts: 'demo', registry: `oci://${reg.host}/team/charts`, username: 'robot', password: 'r0b0t-t0ken-value', sign: 'false' },
      { workspace: ws }
    )
    expect(run.errors).toEqual([])
    // Asynchronously: the token issuer lives in this process and must answer skopeo.
    const { stdout } = await promisify(execFile)(
      'skopeo',
      ['inspect', '--raw', '--tls-verify=false', '--creds', 'robot:r0b0t-t0ken-value', `docker://${reg.host}/team/charts/demo-chart:0.1.0`],
      { encoding: 'buffer' }
    )
    expect(sha256(stdout)).toBe(run.outputs.digest)
    const ours = reg.tokenRequests.filter((r) => r.scope.includes('repository:team/charts/demo-chart:pull,push'))
    expect(ours.length).toBeGreaterThanOrEqual(1)
    expect(ours.length).toBeLessThanOrEqual(2)
    expect(ours[0].username).toBe('robot')
    const leaks = (run.stdout + run.stderr + run.summary).split('\n').filter((l) => l.includes('r0b0t-t0ken-value') && !l.startsWith('::add-mask::'))
    expect(leaks).toEqual([])
  })

  test('anonymous is refused with a hint to set username and password', async () => {
    const run = await runAction({ charts: DEMO, registry: `oci://${reg.host}/team/charts`, sign: 'false' })
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toMatch(new RegExp(`${reg.host.replace(/\./g, '\\.')}.*anonymous access was refused.*username`))
  })
})
