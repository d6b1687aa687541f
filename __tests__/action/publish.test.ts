/**
 * The action end to end, as the runner runs it (node dist/index.js), against a
 * real Distribution registry; what it pushed is read back with skopeo and curl.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction, ROOT } from '../support/action'
import { startRegistry, type TestRegistry } from '../support/registry'

const DEMO = path.join(ROOT, 'examples', 'demo-chart')
const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`

function skopeoRaw(ref: string, creds?: string): Buffer {
  return execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', ...(creds ? ['--creds', creds] : []), `docker://${ref}`])
}

function workspaceWith(charts: Record<string, string>): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-ws-'))
  for (const [dest, src] of Object.entries(charts)) cpSync(src, path.join(ws, dest), { recursive: true })
  return ws
}

function writeChart(dir: string, chartYaml: string, extra: Record<string, string> = {}): void {
  mkdirSync(path.join(dir, 'templates'), { recursive: true })
  writeFileSync(path.join(dir, 'Chart.yaml'), chartYaml)
  for (const [f, c] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    writeFileSync(path.join(dir, f), c)
  }
}

describe('action against a registry without auth', () => {
  let reg: TestRegistry
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'none' })
  })
  afterAll(async () => reg?.stop())

  test('publishes the demo chart exactly as Helm would and reports it', async () => {
    const ws = workspaceWith({ 'charts/demo-chart': DEMO })
    const run = await runAction({ charts: 'charts/demo-chart', registry: `oci://${reg.host}/acme/charts`, sign: 'false' }, { workspace: ws })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    const { outputs } = run
    expect(outputs.name).toBe('demo-chart')
    expect(outputs.version).toBe('0.1.0')
    expect(outputs.tag).toBe('0.1.0')
    expect(outputs.ref).toBe(`oci://${reg.host}/acme/charts/demo-chart@${outputs.digest}`)
    const charts = JSON.parse(outputs.charts)
    expect(charts).toHaveLength(1)
    expect(charts[0]).toMatchObject({ name: 'demo-chart', status: 'published', digest: outputs.digest })

    // skopeo sees the manifest under the tag and by digest, with Helm's media types.
    const raw = skopeoRaw(`${reg.host}/acme/charts/demo-chart:0.1.0`)
    expect(sha256(raw)).toBe(outputs.digest)
    const manifest = JSON.parse(raw.toString())
    expect(Object.keys(manifest)).toEqual(['schemaVersion', 'config', 'layers', 'annotations'])
    expect(manifest.config.mediaType).toBe('application/vnd.cncf.helm.config.v1+json')
    expect(manifest.layers.map((l: { mediaType: string }) => l.mediaType)).toEqual(['application/vnd.cncf.helm.chart.content.v1.tar+gzip'])
    expect(manifest.annotations['org.opencontainers.image.title']).toBe('demo-chart')
    expect(manifest.annotations['org.opencontainers.image.created']).toBe('2023-11-14T22:13:20Z')

    // The chart layer is the archive written to output-dir, and the config blob is Helm's JSON.
    const layer = execFileSync('curl', ['-sf', `http://${reg.host}/v2/acme/charts/demo-chart/blobs/${manifest.layers[0].digest}`])
    expect(sha256(layer)).toBe(manifest.layers[0].digest)
    expect(layer.equals(readFileSync(charts[0].archive))).toBe(true)
    const config = execFileSync('curl', ['-sf', `http://${reg.host}/v2/acme/charts/demo-chart/blobs/${manifest.config.digest}`]).toString()
    expect(config).toBe(
      '{"name":"demo-chart","version":"0.1.0","description":"A Helm chart for Kubernetes","apiVersion":"v2","appVersion":"1.16.0","type":"application"}'
    )
    const listing = execFileSync('tar', ['-tzf', charts[0].archive]).toString().split('\n')
    expect(listing[0]).toBe('demo-chart/Chart.yaml')

    expect(run.summary).toContain('| demo-chart | 0.1.0 | ✅ published |')
    expect(run.summary).toContain(outputs.ref)
    expect(run.stdout).toContain('::group::')

    // Re-running on the same source gives the same digest and pushes nothing.
    const again = await runAction({ charts: 'charts/demo-chart', registry: `oci://${reg.host}/acme/charts`, sign: 'false' }, { workspace: ws })
    expect(again.code).toBe(0)
    expect(again.outputs.digest).toBe(outputs.digest)
    expect(JSON.parse(again.outputs.charts)[0].status).toBe('unchanged')

    // if-exists: fail refuses an existing tag.
    const fail = await runAction(
      { charts: 'charts/demo-chart', registry: `oci://${reg.host}/acme/charts`, sign: 'false', 'if-exists': 'fail' },
      { workspace: ws }
    )
    expect(fail.code).not.toBe(0)
    expect(fail.errors.join('\n')).toMatch(/demo-chart:0\.1\.0 already exists/)
  })

  test("a version override from a release tag, with build metadata, becomes Helm's tag", async () => {
    const ws = workspaceWith({ 'demo-chart': DEMO })
    const run = await runAction(
      { charts: 'demo-chart', registry: `oci://${reg.host}/acme`, version: 'v1.2.3+build.5', 'app-version': '2.0.0', sign: 'false' },
      { workspace: ws }
    )
    expect(run.errors).toEqual([])
    expect(run.outputs.tag).toBe('1.2.3_build.5')
    expect(run.outputs.version).toBe('1.2.3+build.5')
    const archive = JSON.parse(run.outputs.charts)[0].archive as string
    expect(path.basename(archive)).toBe('demo-chart-1.2.3+build.5.tgz')
    const chartYaml = execFileSync('tar', ['-xzOf', archive, 'demo-chart/Chart.yaml']).toString()
    expect(chartYaml).toMatch(/^version: 1\.2\.3\+build\.5$/m)
    expect(chartYaml).toMatch(/^appVersion: 2\.0\.0$/m)
    const manifest = JSON.parse(skopeoRaw(`${reg.host}/acme/demo-chart:1.2.3_build.5`).toString())
    expect(manifest.annotations['org.opencontainers.image.version']).toBe('1.2.3+build.5')
  })

  test('several charts by glob, a library chart among them; dry run pushes nothing', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-ws-'))
    writeChart(path.join(ws, 'charts', 'common'), 'apiVersion: v2\nname: common\nversion: 1.0.0\ntype: library\n', {
      'templates/_names.tpl': '{{- define "common.name" -}}x{{- end -}}\n'
    })
    writeChart(path.join(ws, 'charts', 'web'), 'apiVersion: v2\nname: web\nversion: 0.3.0\n', { 'templates/cm.yaml': 'kind: ConfigMap\n' })
    writeFileSync(path.join(ws, 'charts', 'README.md'), 'not a chart\n')
    const dry = await runAction({ charts: 'charts/*', registry: `oci://${reg.host}/multi`, 'dry-run': 'true', 'output-dir': 'out' }, { workspace: ws })
    expect(dry.errors).toEqual([])
    expect(JSON.parse(dry.outputs.charts).map((c: { name: string; status: string }) => [c.name, c.status])).toEqual([
      ['common', 'dry-run'],
      ['web', 'dry-run']
    ])
    expect(existsSync(path.join(ws, 'out', 'common-1.0.0.tgz'))).toBe(true)
    expect(execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${reg.host}/v2/multi/web/tags/list`]).toString()).toBe('404')

    const run = await runAction({ charts: 'charts/*', registry: `oci://${reg.host}/multi`, sign: 'false' }, { workspace: ws })
    expect(run.errors).toEqual([])
    expect(JSON.parse(run.outputs.charts).map((c: { status: string }) => c.status)).toEqual(['published', 'published'])
    expect(JSON.parse(skopeoRaw(`${reg.host}/multi/common:1.0.0`).toString()).annotations['org.opencontainers.image.title']).toBe('common')
  })

  test('one bad chart: the others are still published and the step fails; with fail-fast nothing is pushed', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-ws-'))
    writeChart(path.join(ws, 'good'), 'apiVersion: v2\nname: good\nversion: 1.0.0\n')
    writeChart(path.join(ws, 'bad'), 'apiVersion: v2\nname: bad\nversion: not-a-version\n')
    const status = (repo: string) =>
      execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${reg.host}/v2/${repo}/good/tags/list`]).toString()

    const atomic = await runAction({ charts: 'good\nbad', registry: `oci://${reg.host}/atomic`, sign: 'false', 'fail-fast': 'true' }, { workspace: ws })
    expect(atomic.code).not.toBe(0)
    expect(atomic.errors.join('\n')).toMatch(/version "not-a-version" is invalid/)
    expect(atomic.errors.join('\n')).toContain('1 of 2 chart(s) failed: bad; 1 skipped: good; nothing was pushed')
    expect(status('atomic')).toBe('404')

    const run = await runAction({ charts: 'good\nbad', registry: `oci://${reg.host}/each`, sign: 'false' }, { workspace: ws })
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toContain('1 of 2 chart(s) failed: bad; 1 published')
    expect(JSON.parse(run.outputs.charts).map((c: { source: string; status: string }) => [c.source, c.status])).toEqual([
      ['good', 'published'],
      ['bad', 'failed']
    ])
    expect(status('each')).toBe('200')
  })

  test('a wrong registry input says what to write instead', async () => {
    const run = await runAction({ charts: DEMO, registry: `${reg.host}/acme`, sign: 'false' })
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toMatch(/oci:\/\//)
    const upper = await runAction({ charts: DEMO, registry: `oci://${reg.host}/Acme`, sign: 'false' })
    expect(upper.errors.join('\n')).toMatch(/acme/)
  })
})

describe('action against a registry with htpasswd auth', () => {
  let reg: TestRegistry
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'htpasswd', users: { ci: 'p4ss-w0rd-xyz' } })
  })
  afterAll(async () => reg?.stop())

  test('logs in with username/password, and never prints the password', async () => {
    const ws = workspaceWith({ 'demo-chart': DEMO })
    const run = await runAction(
      { charts: 'demo-chart', registry: `oci://${reg.host}/private`, username: 'ci', password: 'p4ss-w0rd-xyz', sign: 'false' },
      { workspace: ws }
    )
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(sha256(skopeoRaw(`${reg.host}/private/demo-chart:0.1.0`, 'ci:p4ss-w0rd-xyz'))).toBe(run.outputs.digest)
    const leaks = (run.stdout + run.stderr + run.summary + JSON.stringify(run.outputs))
      .split('\n')
      .filter((l) => l.includes('p4ss-w0rd-xyz') && !l.startsWith('::add-mask::'))
    expect(leaks).toEqual([])
  })

  test('a wrong password fails with the registry named and a hint', async () => {
    const run = await runAction({ charts: DEMO, registry: `oci://${reg.host}/private`, username: 'ci', password: 'wrong-password', sign: 'false' })
    expect(run.code).not.toBe(0)
    const errors = run.errors.join('\n')
    expect(errors).toContain(reg.host)
    expect(errors).toMatch(/401|unauthorized/i)
  })
})
