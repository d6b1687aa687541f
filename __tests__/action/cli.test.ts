/**
 * The CLI end to end (node dist/cli/index.js, the package's `bin`), as a user
 * runs it from a laptop or another CI system: flags and HELM_OCI_PUBLISH_*
 * variables, a real Distribution registry, what it pushed read back with skopeo.
 */
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../support/action'
import { startRegistry, type TestRegistry } from '../support/registry'

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js')
const DEMO = path.join(ROOT, 'examples', 'demo-chart')

interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in `cwd` with a laptop's environment: no runner variables at all. */
function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, HOME: os.tmpdir(), TMPDIR: os.tmpdir(), SOURCE_DATE_EPOCH: '1700000000', ...opts.env }
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

function workspace(): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-cli-'))
  cpSync(DEMO, path.join(ws, 'charts', 'demo-chart'), { recursive: true })
  return ws
}

/** The manifest digest skopeo reads under a tag (sha256 of the raw manifest). */
const skopeoDigest = (ref: string, creds: string): string => {
  const raw = execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', '--creds', creds, `docker://${ref}`], { stdio: ['ignore', 'pipe', 'pipe'] })
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`
}

test('the package.json bin entry is the committed CLI bundle, runnable with its #! line', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  expect(path.resolve(ROOT, pkg.bin['helm-oci-publish'])).toBe(CLI)
  expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node')
})

test('--help lists every input of action.yml, and nothing else is accepted', async () => {
  const help = await cli(['--help'])
  expect(help.code).toBe(0)
  const inputs = Object.keys((parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs)
  expect(inputs.length).toBeGreaterThan(20)
  for (const name of inputs) expect(help.stdout).toMatch(new RegExp(`^  --${name}[ [=]`, 'm'))
  const unknown = await cli(['--registry', 'oci://127.0.0.1:1/x', '--github-server-url', 'https://example.com'])
  expect(unknown.code).not.toBe(0)
  expect(unknown.stdout).toMatch(/^error: unknown option --github-server-url/m)
})

describe('CLI against a registry', () => {
  let reg: TestRegistry
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'htpasswd', users: { ci: 'cli-secret-pass' } })
  })
  afterAll(async () => reg?.stop())

  test('publishes with --username/--password and prints the same report: log lines and the summary, no workflow commands', async () => {
    const ws = workspace()
    const run = await cli(['--registry', `oci://${reg.host}/cli`, '--username', 'ci', '--password=cli-secret-pass', '--sign', 'false', 'charts/*'], { cwd: ws })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const digest = skopeoDigest(`${reg.host}/cli/demo-chart:0.1.0`, 'ci:cli-secret-pass')
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    // The summary Markdown, as the job summary has it, with the digest skopeo reads.
    expect(run.stdout).toContain(`oci://${reg.host}/cli/demo-chart@${digest}`)
    expect(run.stdout).toMatch(/^\|.*demo-chart.*\|/m)
    expect(run.stdout).not.toMatch(/^::/m)
    expect(run.stdout).not.toContain('cli-secret-pass')
    // The packaged archive went to a temp directory, not into the workspace.
    expect(execFileSync('ls', [ws], { encoding: 'utf8' }).trim()).toBe('charts')
  })

  test('HELM_OCI_PUBLISH_DRY_RUN=true (an exportable name for dry-run) pushes nothing', async () => {
    const run = await cli(['--registry', `oci://${reg.host}/dry`, '--username', 'ci', 'charts/demo-chart'], {
      cwd: workspace(),
      env: { HELM_OCI_PUBLISH_DRY_RUN: 'true', HELM_OCI_PUBLISH_PASSWORD: 'cli-secret-pass', HELM_OCI_PUBLISH_SIGN: 'false' }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/\| demo-chart \| 0\.1\.0 \| .*dry run \(not pushed\)/)
    expect(() => skopeoDigest(`${reg.host}/dry/demo-chart:0.1.0`, 'ci:cli-secret-pass')).toThrow()
  })

  test('a failure exits non-zero and names what failed', async () => {
    const wrong = await cli(['--registry', `oci://${reg.host}/cli`, '--username', 'ci', '--password', 'wrong-pass', '--sign', 'false', 'charts/demo-chart'], {
      cwd: workspace()
    })
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toMatch(/^error: .*127\.0\.0\.1/m)
    const bad = await cli(['--registry', `oci://${reg.host}/cli`, '--dry-run', '--version', '1.0', 'charts/demo-chart'], { cwd: workspace() })
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/^error: input version "1.0" is not a SemVer 2 version/m)
  })
})
