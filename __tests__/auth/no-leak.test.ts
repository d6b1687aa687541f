/**
 * Every provider, success and failure: no secret (nor its base64 forms) may
 * appear in stdout, stderr, the step summary, the outputs or an error message,
 * except on `::add-mask::` lines — and each secret must have been masked.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { createCredentialSource, type LoginOptions } from '../../src/auth'
import { cleanupDockerConfig, writeDockerConfig } from '../../src/auth/docker-config'
import { errorMessage } from '../../src/errors'
import type { Credential } from '../../src/oci/credentials'
import { startAws } from '../support/emulators/aws'
import { startAcr, startEntra } from '../support/emulators/azure'
import { startGitHubOidc } from '../support/emulators/github-oidc'
import { startGoogle } from '../support/emulators/google'
import type { Emulator } from '../support/emulators/server'

const ROLE = 'arn:aws:iam::123456789012:role/helm-publisher'
const PROVIDER = 'projects/1/locations/global/workloadIdentityPools/p/providers/gh'
const SA = 'sa@p.iam.gserviceaccount.com'

function capture(): { text: () => string; restore: () => void } {
  let out = ''
  const o = process.stdout.write.bind(process.stdout)
  const e = process.stderr.write.bind(process.stderr)
  const grab = (chunk: unknown): boolean => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString()
    return true
  }
  process.stdout.write = grab
  process.stderr.write = grab
  return {
    text: () => out,
    restore: () => {
      process.stdout.write = o
      process.stderr.write = e
    }
  }
}

const b64 = (s: string): string => Buffer.from(s).toString('base64')

test('no provider prints a secret outside ::add-mask::', async () => {
  const oidc = await startGitHubOidc()
  // @actions/core's getIDToken reads the runner's variables from the process environment.
  Object.assign(process.env, oidc.env)
  const aws = await startAws({
    oidc,
    region: 'eu-west-3',
    roles: { [ROLE]: { subjects: ['repo:acme/charts:*'] } },
    staticKeys: { AKIASTATIC: 'static-secret-key-1234' }
  })
  const entra = await startEntra({ oidc, apps: { app: { tenantId: 't', subject: 'repo:acme/charts:ref:refs/heads/main' } } })
  const acr = await startAcr({ entra, tenantId: 't' })
  const google = await startGoogle({
    oidc,
    providers: { [PROVIDER]: { repositories: ['acme/charts'] } },
    serviceAccounts: { [SA]: { repositories: ['acme/charts'] } }
  })
  const emulators: Emulator[] = [oidc, aws, entra, acr, google]
  const runner = mkdtempSync(path.join(os.tmpdir(), 'hop-leak-'))
  const files = { GITHUB_OUTPUT: path.join(runner, 'output'), GITHUB_STEP_SUMMARY: path.join(runner, 'summary'), GITHUB_STATE: path.join(runner, 'state') }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const saved = { ...process.env }
  // The runner's environment: workflow commands and file commands, as on a runner.
  Object.assign(process.env, files, { GITHUB_ACTIONS: 'true', RUNNER_DEBUG: '1' })

  const inputSecrets = ['ghs_githubtoken_abcdef', 'dckr_pat_password_xyz', 'static-secret-key-1234', 'sp-secret-value-987']
  const env = { ...oidc.env, ...aws.env, ...entra.env }
  const cases: Array<[string, LoginOptions, NodeJS.ProcessEnv]> = [
    ['ghcr.io', { login: 'auto', githubToken: inputSecrets[0], actor: 'octocat' }, env],
    ['docker.io', { login: 'auto', username: 'me', password: inputSecrets[1] }, env],
    ['123456789012.dkr.ecr.eu-west-3.amazonaws.com', { login: 'auto', awsRoleArn: ROLE }, env],
    [
      '123456789012.dkr.ecr.eu-west-3.amazonaws.com',
      { login: 'auto' },
      { ...aws.env, AWS_ACCESS_KEY_ID: 'AKIASTATIC', AWS_SECRET_ACCESS_KEY: inputSecrets[2] }
    ],
    [
      '123456789012.dkr.ecr.eu-west-3.amazonaws.com',
      { login: 'auto' },
      { ...aws.env, AWS_ACCESS_KEY_ID: 'AKIASTATIC', AWS_SECRET_ACCESS_KEY: 'wrong-secret-key-5678', AWS_SESSION_TOKEN: 'wrong-session-token-000' }
    ],
    ['public.ecr.aws', { login: 'auto', awsRoleArn: ROLE }, env],
    ['123456789012.dkr.ecr.eu-west-3.amazonaws.com', { login: 'auto', awsRoleArn: 'arn:aws:iam::123456789012:role/unknown' }, env],
    [acr.host, { login: 'acr', azureClientId: 'app', azureTenantId: 't' }, env],
    [acr.host, { login: 'acr', azureClientId: 'other', azureTenantId: 't' }, env],
    ['myreg.azurecr.io', { login: 'auto', username: 'sp', password: inputSecrets[3] }, env],
    ['us-docker.pkg.dev', { login: 'auto', gcpWorkloadIdentityProvider: PROVIDER, gcpStsEndpoint: google.url }, env],
    [
      'us-docker.pkg.dev',
      { login: 'auto', gcpWorkloadIdentityProvider: PROVIDER, gcpServiceAccount: SA, gcpStsEndpoint: google.url, gcpIamCredentialsEndpoint: google.url },
      env
    ],
    [
      'us-docker.pkg.dev',
      { login: 'auto', gcpWorkloadIdentityProvider: PROVIDER, gcpServiceAccount: 'nope@p', gcpStsEndpoint: google.url, gcpIamCredentialsEndpoint: google.url },
      env
    ]
  ]

  const cap = capture()
  const creds: Credential[] = []
  const errors: string[] = []
  try {
    for (const [host, opts, e] of cases) {
      try {
        const src = createCredentialSource(host, opts, { ...e, DOCKER_CONFIG: path.join(runner, 'docker') })
        process.stdout.write(`login ${host}: ${src.description}\n`)
        const cred = await src.get(host)
        if (cred) {
          creds.push(cred)
          const state = await writeDockerConfig(host, cred, { DOCKER_CONFIG: path.join(runner, 'docker') })
          writeFileSync(files.GITHUB_STATE, `docker-config=${state}\n`, { flag: 'a' })
          await cleanupDockerConfig(state)
        }
      } catch (err) {
        errors.push(errorMessage(err))
        process.stdout.write(`::error::${errorMessage(err)}\n`)
      }
    }
  } finally {
    cap.restore()
    process.env = saved
    await Promise.all(emulators.map((em) => em.stop()))
  }
  expect(creds.length).toBe(9)
  expect(errors.length).toBe(4)

  const secrets = new Set<string>([...inputSecrets, 'wrong-secret-key-5678', 'wrong-session-token-000'])
  for (const em of emulators) for (const s of em.issuedSecrets?.() ?? []) secrets.add(s)
  for (const c of creds) {
    for (const s of [c.password, c.refreshToken, c.accessToken]) if (s) secrets.add(s)
    if (c.password) secrets.add(b64(`${c.username ?? ''}:${c.password}`))
  }
  expect(secrets.size).toBeGreaterThan(20)

  const out = cap.text()
  const masked = new Set(
    out
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length))
  )
  const visible = [
    ...out.split('\n').filter((l) => !l.startsWith('::add-mask::')),
    readFileSync(files.GITHUB_OUTPUT, 'utf8'),
    readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    readFileSync(files.GITHUB_STATE, 'utf8'),
    ...errors
  ].join('\n')
  const leaked = [...secrets].filter((s) => visible.includes(s))
  expect(leaked).toEqual([])
  // Every secret the action came to hold was masked as soon as it existed.
  const unmasked = [...creds.flatMap((c) => [c.password, c.refreshToken, c.accessToken])].filter((s): s is string => Boolean(s) && !masked.has(s!))
  expect(unmasked).toEqual([])
  for (const s of [...inputSecrets, oidc.requestToken]) expect(masked.has(s)).toBe(true)
  // ...and so was every token a service issued (the Entra access token never reaches a Credential) and every
  // base64 form of user:password (the runner cannot derive it).
  expect([...secrets].filter((s) => !masked.has(s))).toEqual([])
  expect(out).toContain('login ghcr.io: GHCR with github-token as octocat')
})
