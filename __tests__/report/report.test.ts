import { summaryMarkdown, formatSize } from '../../src/report/summary'
import { writeOutputs } from '../../src/report/outputs'
import { verdict, type ChartResult } from '../../src/report/result'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'

const published: ChartResult = {
  source: 'charts/web',
  status: 'published',
  name: 'web',
  version: '1.2.3+build.5',
  tag: '1.2.3_build.5',
  digest: 'sha256:' + 'a'.repeat(64),
  ref: `oci://ghcr.io/acme/charts/web@sha256:${'a'.repeat(64)}`,
  size: 2048,
  verifyCommands: ['cosign verify ghcr.io/acme/charts/web@sha256:aaa --certificate-identity=x --certificate-oidc-issuer=y'],
  rekorLogIndex: '42'
}
test('every output the action sets is declared in action.yml, and so in the README table generated from it', () => {
  const declared = Object.keys((parse(readFileSync(path.join(__dirname, '..', '..', 'action.yml'), 'utf8')) as { outputs: object }).outputs)
  const out: Record<string, string> = {}
  const full: ChartResult = {
    ...published,
    archive: '/tmp/web-1.2.3+build.5.tgz',
    signature: 'ghcr.io/acme/charts/web@sha256:bbb',
    attestation: 'ghcr.io/acme/charts/web@sha256:ccc',
    attestationId: '7'
  }
  writeOutputs([full], (k, v) => (out[k] = v))
  writeOutputs([full], (k, v) => (out[k] = v), { plan: true })
  expect(Object.keys(out).sort()).toEqual([...declared].sort())
})

const failed: ChartResult = { source: 'charts/db', status: 'failed', error: 'chart db: version "x|y" is invalid' }

test('outputs: scalars for the last good chart, every chart in `charts`', () => {
  const out: Record<string, string> = {}
  writeOutputs([published, failed], (k, v) => (out[k] = v))
  expect(out.name).toBe('web')
  expect(out.tag).toBe('1.2.3_build.5')
  expect(out.ref).toBe(published.ref)
  expect(out['rekor-log-index']).toBe('42')
  const charts = JSON.parse(out.charts)
  expect(charts.map((c: ChartResult) => c.status)).toEqual(['published', 'failed'])
  expect(charts[1].error).toContain('invalid')
})

test('summary: a row per chart, errors, and the verify commands', () => {
  const md = summaryMarkdown([published, failed], 'oci://ghcr.io/acme/charts')
  expect(md).toContain(`| web | 1.2.3+build.5 | ✅ published | <code>oci://ghcr.io/acme/charts/web@sha256:${'a'.repeat(64)}</code> | 2.0 KiB |`)
  expect(md).toContain('| charts/db |  | ❌ failed |')
  expect(md).toContain('version "x&#124;y" is invalid') // a pipe cannot split the table row
  expect(md).toContain('<pre>\ncosign verify')
  expect(md).toContain('Rekor log index 42')
  expect(formatSize(5 * 1024 * 1024)).toBe('5.0 MiB')
  expect(formatSize(12)).toBe('12 B')
})

describe('summary install commands', () => {
  test('by version and pinned to the digest, for pushed charts only', () => {
    const md = summaryMarkdown(
      [
        { source: 'a', status: 'published', name: 'web', version: '1.2.3+b.1', ref: 'oci://ghcr.io/acme/charts/web@sha256:abc' },
        { source: 'b', status: 'dry-run', name: 'db', version: '1.0.0' }
      ],
      'oci://ghcr.io/acme/charts'
    )
    expect(md).toContain(
      '<pre>\nhelm install web oci://ghcr.io/acme/charts/web --version 1.2.3+b.1\nhelm install web oci://ghcr.io/acme/charts/web@sha256:abc   &#35; pinned to the digest\n</pre>'
    )
    expect(md).not.toContain('helm install db')
  })
})

describe('monorepo outcomes', () => {
  const planned: ChartResult = { source: 'charts/api', status: 'planned', name: 'api', version: '2.0.0' }
  const unchanged: ChartResult = { source: 'charts/web', status: 'unchanged', name: 'web', version: '1.0.0' }
  const skipped: ChartResult = { source: 'charts/app', status: 'skipped', name: 'app', version: '1.0.0', reason: 'needs db, which failed' }

  test('matrix: only the planned charts, with their path, name and version', () => {
    const out: Record<string, string> = {}
    writeOutputs([planned, unchanged, failed], (k, v) => (out[k] = v), { plan: true })
    expect(JSON.parse(out.matrix)).toEqual({ include: [{ chart: 'charts/api', name: 'api', version: '2.0.0' }] })
    const none: Record<string, string> = {}
    writeOutputs([unchanged], (k, v) => (none[k] = v), { plan: true })
    expect(none.matrix).toBe('{"include":[]}')
    const publish: Record<string, string> = {}
    writeOutputs([published], (k, v) => (publish[k] = v))
    expect(publish.matrix).toBeUndefined()
  })

  test('a skipped chart that was packaged shows no digest or reference: nothing of it is in the registry', () => {
    const packaged: ChartResult = { ...skipped, digest: 'sha256:' + 'a'.repeat(64), ref: 'oci://ghcr.io/acme/charts/app@sha256:' + 'a'.repeat(64), size: 1234 }
    const out: Record<string, string> = {}
    writeOutputs([published, packaged], (k, v) => (out[k] = v))
    const row = (JSON.parse(out.charts) as Array<Record<string, unknown>>)[1]
    expect(row).toMatchObject({ name: 'app', status: 'skipped', size: 1234 })
    expect(row).not.toHaveProperty('digest')
    expect(row).not.toHaveProperty('ref')
    expect(out.ref).toBe(published.ref)
    const md = summaryMarkdown([packaged], 'oci://ghcr.io/acme/charts')
    expect(md).toContain('| app | 1.0.0 | ⏭️ skipped |  | 1.2 KiB |')
    expect(md).not.toContain('sha256:aaaa')
  })

  test('summary: each outcome has a row, skipped charts say why', () => {
    const md = summaryMarkdown([published, failed, skipped, planned], 'oci://ghcr.io/acme/charts')
    expect(md).toContain('| app | 1.0.0 | ⏭️ skipped |')
    expect(md).toContain('| api | 2.0.0 | 📋 would be published (plan) |')
    expect(md).toContain('#### Skipped\n\n- **app**: needs db, which failed')
  })

  test('verdict: none without failures; otherwise the failed and skipped charts and what was published', () => {
    expect(verdict([published, unchanged])).toBeUndefined()
    expect(verdict([published, failed, skipped])).toBe('1 of 3 chart(s) failed: charts/db; 1 skipped: app; 1 published')
    expect(verdict([failed, { ...skipped }])).toBe('1 of 2 chart(s) failed: charts/db; 1 skipped: app; nothing was pushed')
  })
})
