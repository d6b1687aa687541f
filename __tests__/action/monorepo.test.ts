/**
 * Monorepos end to end (node dist/index.js against a real Distribution
 * registry behind Bearer token auth): 32 generated charts published
 * concurrently with one that fails, fail-fast, and the plan → matrix →
 * per-chart publish workflow, and packaging pipelined with publishing. What the registry holds is read back with curl
 * and skopeo, never from the action's own outputs alone.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { runAction, type ActionRun } from '../support/action'
import { indexYaml, sha256Hex, tarChart } from '../support/emulators/chart-repo'
import { startRegistry, type TestRegistry } from '../support/registry'

const run = promisify(execFile)
const N = 32
const names = Array.from({ length: N }, (_, i) => `svc-${String(i).padStart(2, '0')}`)
const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

let reg: TestRegistry
beforeAll(async () => {
  reg = await startRegistry({ auth: 'token' })
})
afterAll(async () => {
  await reg?.stop()
})

/** A workspace with charts/svc-00 … svc-31, each a small real chart; `description` varies the content. */
function monorepo(description = 'a service'): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-mono-'))
  for (const name of names) {
    const dir = path.join(ws, 'charts', name)
    mkdirSync(path.join(dir, 'templates'), { recursive: true })
    writeFileSync(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\ndescription: ${description}\nversion: 1.0.0\nappVersion: "1.0"\n`)
    writeFileSync(path.join(dir, 'values.yaml'), `replicaCount: 1\nimage: registry.example/${name}:1.0\n`)
    writeFileSync(path.join(dir, 'templates', 'deployment.yaml'), `kind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-${name}\n`)
  }
  return ws
}

async function action(inputs: Record<string, string>, ws: string): Promise<ActionRun> {
  const run = await runAction({ username: reg.username, password: reg.password, sign: 'false', ...inputs }, { workspace: ws })
  return run
}

/**
 * The manifest digest a tag holds, read with skopeo (an independent client; run
 * asynchronously, as the token service lives in this process); undefined when absent.
 */
async function tagDigest(repo: string, tag = '1.0.0'): Promise<string | undefined> {
  try {
    const { stdout } = await run(
      'skopeo',
      ['inspect', '--raw', '--tls-verify=false', '--creds', `${reg.username}:${reg.password}`, `docker://${reg.host}/${repo}:${tag}`],
      {
        encoding: 'buffer'
      }
    )
    return sha256(stdout)
  } catch {
    return undefined
  }
}

type Entry = { source: string; name: string; status: string; digest?: string; error?: string; reason?: string }
const charts = (run: ActionRun): Entry[] => JSON.parse(run.outputs.charts)

test('32 charts at once, one failing: every other chart is published, the failure is reported, the step fails', async () => {
  // svc-07's tag already holds other content: with if-exists: skip-identical its push must fail.
  const other = monorepo('older content')
  const first = await action({ charts: 'charts/svc-07', registry: `oci://${reg.host}/mono` }, other)
  expect(first.code).toBe(0)
  const squatter = await tagDigest('mono/svc-07')
  expect(squatter).toBeDefined()

  const ws = monorepo()
  const before = reg.tokenRequests.length
  const run = await action({ charts: 'charts/*', registry: `oci://${reg.host}/mono`, concurrency: '4' }, ws)
  const issued = reg.tokenRequests.slice(before).map((r) => r.scope.join(' '))
  expect(run.code).not.toBe(0)
  const out = charts(run)
  expect(out.map((c) => c.name)).toEqual(names)
  expect(out.filter((c) => c.status === 'failed').map((c) => c.name)).toEqual(['svc-07'])
  expect(out.filter((c) => c.status === 'published')).toHaveLength(N - 1)
  // The failure is reported: annotation, verdict, summary row and error.
  expect(run.errors.join('\n')).toContain(`${reg.host}/mono/svc-07:1.0.0 already exists and holds ${squatter}`)
  expect(run.errors.join('\n')).toContain('1 of 32 chart(s) failed: svc-07; 31 published')
  expect(run.summary).toMatch(/\| svc-07 \| 1\.0\.0 \| ❌ failed \|/)
  expect(run.summary.match(/✅ published/g)).toHaveLength(N - 1)
  // The registry holds what the outputs say, and svc-07 still holds the earlier content.
  for (const c of out.filter((x) => x.status === 'published')) expect(await tagDigest(`mono/${c.name}`)).toBe(c.digest)
  expect(await tagDigest('mono/svc-07')).toBe(squatter)
  // Tokens shared: one token request per repository, although four charts ran at once.
  for (const name of names) expect(issued.filter((s) => s.includes(`repository:mono/${name}:`))).toHaveLength(1)
  // Each chart's log is one whole group: its lines are not interleaved with another chart's.
  const groups = run.stdout.split('::group::').slice(1)
  for (const name of names) {
    const mine = groups.filter((g) => g.includes(`/mono/${name}:1.0.0`) || g.includes(`/mono/${name}@`))
    expect(mine).toHaveLength(1)
    expect(mine[0].startsWith(`${name} 1.0.0 (charts/${name})`)).toBe(true)
    for (const o of names.filter((n) => n !== name)) expect(mine[0].split('::endgroup::')[0]).not.toContain(`/mono/${o}`)
  }
})

test('fail-fast: no chart starts after the first failure; the rest are reported skipped and not pushed', async () => {
  const other = monorepo('older content')
  expect((await action({ charts: 'charts/svc-03', registry: `oci://${reg.host}/ff` }, other)).code).toBe(0)
  const ws = monorepo()
  const run = await action({ charts: 'charts/*', registry: `oci://${reg.host}/ff`, concurrency: '2', 'fail-fast': 'true' }, ws)
  expect(run.code).not.toBe(0)
  const out = charts(run)
  expect(out.find((c) => c.name === 'svc-03')?.status).toBe('failed')
  const skipped = out.filter((c) => c.status === 'skipped')
  // Two at a time: at most the charts started before svc-03 failed ran at all.
  expect(skipped.length).toBeGreaterThanOrEqual(N - 8)
  for (const c of skipped) {
    expect(c.reason).toBe('not started: fail-fast stopped the run after a failure')
    expect(await tagDigest(`ff/${c.name}`)).toBeUndefined()
  }
  for (const c of out.filter((c) => c.status === 'published')) expect(await tagDigest(`ff/${c.name}`)).toBe(c.digest)
  expect(run.summary).toContain('⏭️ skipped')
  expect(run.summary).toContain('#### Skipped')
})

test('plan: a matrix of only the charts that would change the registry; publishing it entry by entry completes the set', async () => {
  const ws = monorepo()
  const registry = `oci://${reg.host}/planned`
  // Ten charts are in the registry already.
  const early = names.filter((_, i) => i % 3 === 0)
  expect((await action({ charts: early.map((n) => `charts/${n}`).join('\n'), registry }, ws)).code).toBe(0)

  const plan = await action({ charts: 'charts/*', registry, plan: 'true' }, ws)
  expect(plan.code).toBe(0)
  expect(plan.errors).toEqual([])
  const matrix = JSON.parse(plan.outputs.matrix) as { include: Array<{ chart: string; name: string; version: string }> }
  const rest = names.filter((n) => !early.includes(n))
  expect(matrix.include).toEqual(rest.map((n) => ({ chart: `charts/${n}`, name: n, version: '1.0.0' })))
  expect(
    charts(plan)
      .filter((c) => c.status === 'unchanged')
      .map((c) => c.name)
  ).toEqual(early)
  // A plan pushes nothing.
  for (const n of rest) expect(await tagDigest(`planned/${n}`)).toBeUndefined()

  // The matrix job: one run per entry, as `strategy.matrix` would start them (a few at a time).
  const runs: ActionRun[] = []
  for (let i = 0; i < matrix.include.length; i += 4)
    runs.push(...(await Promise.all(matrix.include.slice(i, i + 4).map((e) => action({ charts: e.chart, registry }, ws)))))
  for (const r of runs) expect([r.code, charts(r)[0].status]).toEqual([0, 'published'])
  for (const n of names) expect(await tagDigest(`planned/${n}`)).toBeDefined()

  const again = await action({ charts: 'charts/*', registry, plan: 'true' }, ws)
  expect(again.outputs.matrix).toBe('{"include":[]}')
  // The plan reads with pull access only.
  const scopes = reg.tokenRequests.slice(-N).flatMap((r) => r.scope)
  expect(scopes.every((s) => s.endsWith(':pull'))).toBe(true)
})

test('plan with a version not bumped: the chart whose tag holds other content fails the plan, naming it', async () => {
  const registry = `oci://${reg.host}/stale`
  expect((await action({ charts: 'charts/svc-01', registry }, monorepo('first'))).code).toBe(0)
  const plan = await action({ charts: 'charts/svc-0*', registry, plan: 'true' }, monorepo('second'))
  expect(plan.code).not.toBe(0)
  expect(charts(plan).find((c) => c.name === 'svc-01')?.status).toBe('failed')
  expect(plan.errors.join('\n')).toMatch(/svc-01:1\.0\.0 already exists and holds sha256:/)
  expect(JSON.parse(plan.outputs.matrix).include.map((e: { name: string }) => e.name)).toEqual(names.slice(0, 10).filter((n) => n !== 'svc-01'))
})

test('bad inputs: concurrency out of range, plan with dry-run', async () => {
  const ws = monorepo()
  const zero = await action({ charts: 'charts/svc-00', registry: `oci://${reg.host}/x`, concurrency: '0' }, ws)
  expect(zero.errors.join('\n')).toContain('input concurrency is "0"; expected a whole number from 1 to 32')
  const both = await action({ charts: 'charts/svc-00', registry: `oci://${reg.host}/x`, plan: 'true', 'dry-run': 'true' }, ws)
  expect(both.errors.join('\n')).toContain('inputs plan and dry-run are both true')
})

test('a chart needing another chart of the run is published after it, and skipped when it fails', async () => {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-deps-'))
  const registry = `oci://${reg.host}/ordered`
  const chart = (name: string, extra = '') => {
    mkdirSync(path.join(ws, name, 'templates'), { recursive: true })
    writeFileSync(path.join(ws, name, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n${extra}`)
    writeFileSync(path.join(ws, name, 'templates', 'cm.yaml'), 'kind: ConfigMap\n')
  }
  chart('app', `dependencies:\n- name: lib\n  version: 1.0.0\n  repository: ${registry}\n`)
  chart('lib')
  chart('other')
  const run = await action({ charts: 'app\nlib\nother', registry, concurrency: '4' }, ws)
  expect(run.errors).toEqual([])
  const groups = run.stdout.split('::group::').map((g) => g.split('\n')[0])
  expect(groups.findIndex((g) => g.startsWith('app '))).toBeGreaterThan(groups.findIndex((g) => g.startsWith('lib ')))

  // lib 1.0.1 cannot be pushed (its tag holds other content): app, which needs it, is skipped; other is published.
  writeFileSync(path.join(ws, 'lib', 'Chart.yaml'), 'apiVersion: v2\nname: lib\nversion: 1.0.1\ndescription: first\n')
  expect((await action({ charts: 'lib', registry }, ws)).code).toBe(0)
  writeFileSync(path.join(ws, 'lib', 'Chart.yaml'), 'apiVersion: v2\nname: lib\nversion: 1.0.1\ndescription: second\n')
  writeFileSync(
    path.join(ws, 'app', 'Chart.yaml'),
    `apiVersion: v2\nname: app\nversion: 1.0.1\ndependencies:\n- name: lib\n  version: 1.0.1\n  repository: ${registry}\n`
  )
  writeFileSync(path.join(ws, 'other', 'Chart.yaml'), 'apiVersion: v2\nname: other\nversion: 1.0.1\n')
  const second = await action({ charts: 'app\nlib\nother', registry }, ws)
  expect(second.code).not.toBe(0)
  expect(charts(second).map((c) => [c.name, c.status, c.reason])).toEqual(
    expect.arrayContaining([
      ['lib', 'failed', undefined],
      ['app', 'skipped', 'needs lib, which failed'],
      ['other', 'published', undefined]
    ])
  )
  expect(await tagDigest('ordered/app', '1.0.1')).toBeUndefined()
})

test('two charts with one name and version: the first in the charts input is published, whichever is packaged first', async () => {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-twins-'))
  const twin = (dir: string, files: Record<string, Buffer | string>) => {
    mkdirSync(path.join(ws, dir, 'files'), { recursive: true })
    writeFileSync(path.join(ws, dir, 'Chart.yaml'), `apiVersion: v2\nname: twin\nversion: 1.0.0\ndescription: from ${dir}\n`)
    for (const [name, data] of Object.entries(files)) writeFileSync(path.join(ws, dir, 'files', name), data)
  }
  // big comes first in the input but takes far longer to package than small.
  twin('big', Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`blob-${i}.bin`, randomBytes(1_500_000)])))
  twin('small', { 'note.txt': 'small\n' })
  const run = await action({ charts: 'big\nsmall', registry: `oci://${reg.host}/twins`, concurrency: '2' }, ws)
  expect(run.code).not.toBe(0)
  const out = charts(run)
  expect(out.map((c) => [c.source, c.status])).toEqual([
    ['big', 'published'],
    ['small', 'failed']
  ])
  expect(out[1].error).toContain('small and big are both twin 1.0.0')
  expect(await tagDigest('twins/twin')).toBe(out[0].digest)
})

test('pipelined: a chart is published while another chart of the run is still being packaged', async () => {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-pipe-'))
  const registry = `oci://${reg.host}/pipe`
  // A chart repository on loopback that answers index.yaml only once `fast` is in the registry (or after 20 s).
  const grafana = tarChart({ name: 'grafana', version: '10.2.0' })
  let held: 'until fast was published' | 'timed out' | undefined
  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.url === '/grafana-10.2.0.tgz') return res.end(grafana)
      const deadline = Date.now() + 20_000
      while (!(await tagDigest('pipe/fast')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
      held = Date.now() < deadline ? 'until fast was published' : 'timed out'
      res.end(indexYaml([{ name: 'grafana', version: '10.2.0', url: 'grafana-10.2.0.tgz', digest: sha256Hex(grafana) }]))
    })()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  try {
    const chart = (name: string, extra = '') => {
      mkdirSync(path.join(ws, name, 'templates'), { recursive: true })
      writeFileSync(path.join(ws, name, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n${extra}`)
      writeFileSync(path.join(ws, name, 'templates', 'cm.yaml'), 'kind: ConfigMap\n')
    }
    const port = (server.address() as AddressInfo).port
    chart('slow', `dependencies:\n- name: grafana\n  version: 10.*\n  repository: http://127.0.0.1:${port}/\n`)
    chart('fast')
    const run = await action({ charts: 'slow\nfast', registry, concurrency: '2' }, ws)
    expect(run.errors).toEqual([])
    expect(charts(run).map((c) => `${c.name}:${c.status}`)).toEqual(['slow:published', 'fast:published'])
    expect(held).toBe('until fast was published')
    expect(await tagDigest('pipe/slow')).toBe(charts(run)[0].digest)
    // Each chart's packaging and publishing lines are one group.
    const groups = run.stdout.split('::group::').slice(1)
    const slow = groups.filter((g) => g.startsWith('slow 1.0.0 (slow)'))
    expect(slow).toHaveLength(1)
    expect(slow[0]).toContain('Dependency grafana 10.2.0')
    expect(slow[0]).toContain(`Pushed: ${reg.host}/pipe/slow:1.0.0`)
  } finally {
    server.closeAllConnections()
    await new Promise((r) => server.close(r))
  }
})
