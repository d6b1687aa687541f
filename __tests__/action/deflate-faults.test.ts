/**
 * The action when a deflate worker thread fails while a chart over 1 MiB is packaged: the fault is injected with a
 * standard preload in NODE_OPTIONS, which every worker thread runs (__tests__/support/deflate-faults.js), into the
 * action as the runner starts it (the built bundle and its worker script when dist/ is current). The chart is named
 * in the error, the step fails, no archive or temporary file is left, the other chart is still packaged, and the job
 * ends (a hung promise would keep it running until the test's timeout).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction } from '../support/action'
import { pseudoRandom } from '../support/noise'

function workspace(): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-faults-'))
  const chart = (name: string, files: Record<string, Buffer | string>): void => {
    mkdirSync(path.join(ws, name, 'files'), { recursive: true })
    writeFileSync(path.join(ws, name, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`)
    for (const [f, data] of Object.entries(files)) writeFileSync(path.join(ws, name, 'files', f), data)
  }
  // Incompressible: two blocks of tar, so the worker threads compress it.
  chart('big', { 'blob.bin': pseudoRandom(1536 * 1024, 1) })
  chart('small', { 'note.txt': 'small\n' })
  return ws
}

type Entry = { source: string; status: string; error?: string }

test.each([
  ['exit', /a deflate worker exited with code 70/],
  ['alloc', /libdeflate could not allocate its compressor/]
])(
  'a worker that fails (%s): the chart is named, the step fails, nothing half-written is left',
  async (fault, message) => {
    const ws = workspace()
    const preload = path.join(__dirname, '..', 'support', 'deflate-faults.js')
    const run = await runAction(
      // Dry run: nothing is pushed, and the registry (a closed port) is never contacted.
      { charts: 'big\nsmall', registry: 'oci://127.0.0.1:9/faults', 'dry-run': 'true', 'output-dir': 'out', concurrency: '2' },
      { workspace: ws, env: { NODE_OPTIONS: `--require ${preload}`, HOP_DEFLATE_FAULT: fault } }
    )
    expect(run.code).toBe(1)
    const charts = JSON.parse(run.outputs.charts) as Entry[]
    expect(charts.map((c) => [c.source, c.status])).toEqual([
      ['big', 'failed'],
      ['small', 'dry-run']
    ])
    expect(charts[0].error).toMatch(message)
    // The annotation names the chart and says what failed.
    expect(run.errors.filter((e) => e.includes('big') && message.test(e))).toHaveLength(1)
    // Only the small chart's archive, whole (GNU tar reads it); no temporary file of the big one.
    expect(readdirSync(path.join(ws, 'out'))).toEqual(['small-1.0.0.tgz'])
    expect(execFileSync('tar', ['-tzf', path.join(ws, 'out', 'small-1.0.0.tgz')]).toString()).toContain('small/Chart.yaml')
  },
  120000
)

test('without a fault the same run packages both charts: the big one by the worker threads, whole (gzip -t, tar)', async () => {
  const ws = workspace()
  const run = await runAction(
    { charts: 'big\nsmall', registry: 'oci://127.0.0.1:9/faults', 'dry-run': 'true', 'output-dir': 'out', concurrency: '2' },
    { workspace: ws }
  )
  expect(run.errors).toEqual([])
  expect(run.code).toBe(0)
  const big = path.join(ws, 'out', 'big-1.0.0.tgz')
  execFileSync('gzip', ['-t', big])
  expect(execFileSync('tar', ['-tzf', big]).toString()).toBe('big/Chart.yaml\nbig/files/blob.bin\n')
  expect(execFileSync('tar', ['-xzOf', big, 'big/files/blob.bin'], { maxBuffer: 4 << 20 }).equals(pseudoRandom(1536 * 1024, 1))).toBe(true)
}, 120000)
