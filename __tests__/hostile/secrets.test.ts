/**
 * Issue 10, item 6: a registry that echoes every credential it sees (the
 * Authorization header, the Bearer and refresh tokens it issued, the password
 * raw, JSON-escaped, URL-encoded and as base64 of user:password, placed where
 * a 200-character truncation would cut it) puts none of them in the log, the
 * annotations, the job summary or the outputs. The sweep replays the runner's
 * masking (each add-mask value with the runner's own encoders) over the log
 * and the summary, renders the summary, then searches everything for each
 * secret in every encoding, and for every 10-character piece of each form
 * (what a truncation leaves). Outputs are searched unmasked.
 */
import * as crypto from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction, type ActionRun } from '../support/action'
import { startRegistry } from '../support/registry'
import { forgedCommands, rendered, replayRunner, runnerMask, secretForms } from '../support/runner-protocol'
import { chartYaml, write } from '../../bench/hostile-inputs.js'

const USER = 'robot'
const PASSWORD = `pa"ss|wo\\rd<&>ü%-${crypto.randomBytes(6).toString('hex')}`
const TOKEN = `tok.${crypto.randomBytes(24).toString('base64url')}`
const REFRESH = `rfr-${crypto.randomBytes(16).toString('hex')}`

/** A registry that issues Bearer tokens for user:password and echoes credentials in its error bodies. */
function evilRegistry(style: 'json' | 'text', status: number): Promise<{ host: string; close: () => Promise<void> }> {
  const basic = Buffer.from(`${USER}:${PASSWORD}`).toString('base64')
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    req.resume()
    if (url.pathname === '/token') {
      if (req.headers.authorization !== `Basic ${basic}`) return res.writeHead(401).end()
      res.writeHead(200, { 'content-type': 'application/json' })
      return res.end(JSON.stringify({ token: TOKEN, access_token: TOKEN, refresh_token: REFRESH, expires_in: 300 }))
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      const { port } = server.address() as AddressInfo
      res.writeHead(401, { 'www-authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="evil"`, 'content-type': 'application/json' })
      return res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: `you sent ${req.headers.authorization ?? 'nothing'}` }] }))
    }
    if (req.method === 'HEAD' || req.method === 'GET') return res.writeHead(404).end()
    const echo = [
      'x'.repeat(180),
      TOKEN,
      `Authorization: ${req.headers.authorization}`,
      `basic ${basic} (cut: ${basic.slice(3, -2)})`,
      `password ${PASSWORD} url ${encodeURIComponent(PASSWORD)}`,
      `refresh ${REFRESH}`
    ].join(' ')
    if (style === 'json') {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ code: 'DENIED', message: echo, detail: { password: PASSWORD, token: TOKEN } }] }))
    } else {
      res.writeHead(status, { 'content-type': 'text/plain' })
      res.end(`${echo}\n${JSON.stringify({ password: PASSWORD })}`)
    }
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ host: `127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) })
    )
  )
}

/** Everything a reader could see: log lines and summary as the runner masks them, outputs as they are. */
function sweep(run: ActionRun, secrets: Array<[string, string | undefined]>): string[] {
  const masks = replayRunner(run.stdout).masks
  // The runner shows an add-mask command as `::add-mask::***` (AddMaskCommandExtension).
  const shown = run.stdout.replace(/^\s*::add-mask::.*$/gm, '::add-mask::***')
  const seen = [
    ['stdout', runnerMask(shown, masks)],
    ['stderr', runnerMask(run.stderr, masks)],
    ['summary', rendered(runnerMask(run.summary, masks))],
    ['summary source', runnerMask(run.summary, masks)],
    ...Object.entries(run.outputs).map(([k, v]) => [`output ${k}`, v])
  ]
  // Any 10 characters of a form count: truncation leaves pieces the masker no longer recognises.
  const WINDOW = 10
  const leaks = new Set<string>()
  for (const [secret, user] of secrets)
    for (const form of secretForms(secret, user))
      for (let i = 0; i + Math.min(WINDOW, form.length) <= form.length; i++) {
        const piece = form.slice(i, i + WINDOW)
        for (const [where, text] of seen) if (text.includes(piece)) leaks.add(`${where} holds ${JSON.stringify(piece)} of ${JSON.stringify(form)}`)
      }
  return [...leaks]
}

describe('secrets sweep', () => {
  test.each([
    ['json', 403],
    ['text', 400],
    ['json', 401]
  ] as const)('a registry echoing credentials in a %s %i body', async (style, status) => {
    const reg = await evilRegistry(style, status)
    try {
      const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-secrets-'))
      write(path.join(ws, 'c', 'Chart.yaml'), chartYaml('c'))
      const run = await runAction(
        { charts: 'c', registry: `oci://${reg.host}/x`, sign: 'false', login: 'basic', username: USER, password: PASSWORD },
        { workspace: ws }
      )
      expect(run.code).not.toBe(0)
      // The echo path was taken: the registry's refusal is reported.
      expect(run.errors.join('\n')).toMatch(new RegExp(`response status ${status}|answered ${status}`))
      expect(forgedCommands(run.stdout)).toEqual([])
      expect(
        sweep(run, [
          [PASSWORD, USER],
          [TOKEN, undefined],
          [REFRESH, undefined]
        ])
      ).toEqual([])
    } finally {
      await reg.close()
    }
  })

  test('credentials in the registry URL are refused without being repeated', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-secrets-'))
    write(path.join(ws, 'c', 'Chart.yaml'), chartYaml('c'))
    const secret = `s3cr3t-${crypto.randomBytes(6).toString('hex')}`
    for (const registry of [`oci://user:${secret}@ghcr.io/acme`, `oci://user:${secret}/x@ghcr.io/acme`]) {
      const run = await runAction({ charts: 'c', registry, sign: 'false' }, { workspace: ws })
      expect(run.code).not.toBe(0)
      expect(run.errors.join('\n')).toMatch(/contains credentials/)
      // Nothing masked it: the action never repeated it.
      expect(`${run.stdout}${run.stderr}${run.summary}${Object.values(run.outputs).join()}`).not.toContain(secret)
    }
  })

  test('against the real registry (Bearer tokens): a refused push leaks nothing either', async () => {
    const reg = await startRegistry({ auth: 'token', users: { robot: PASSWORD }, token: { authorize: () => false } })
    try {
      const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-secrets-'))
      write(path.join(ws, 'c', 'Chart.yaml'), chartYaml('c'))
      const run = await runAction(
        { charts: 'c', registry: `oci://${reg.host}/x`, sign: 'false', login: 'basic', username: USER, password: PASSWORD },
        { workspace: ws }
      )
      expect(run.code).not.toBe(0)
      expect(sweep(run, [[PASSWORD, USER]])).toEqual([])
    } finally {
      await reg.stop()
    }
  })
})
