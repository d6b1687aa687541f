/**
 * `create-repository` end to end: the action logs in to "ECR" (the AWS
 * emulator issues the registry password; a real Distribution registry sits
 * behind an ECR front that refuses repositories not created through the API)
 * and creates each chart's repository with CreateRepository, signed with the
 * same AWS credentials, before pushing; and the same for ECR Public
 * (public.ecr.aws/ALIAS/NAME: ECR Public's CreateRepository in us-east-1 with
 * NAME alone), through the same endpoint override.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction, type ActionRun } from '../support/action'
import { startAws, startEcrRegistry, type AwsEmulator } from '../support/emulators/aws'
import { startHtpasswdRegistry, type HtpasswdRegistry } from '../support/emulators/distribution'
import { startGitHubOidc, type GitHubOidc } from '../support/emulators/github-oidc'

const KEY = { AWS_ACCESS_KEY_ID: 'AKIAECRCREATE', AWS_SECRET_ACCESS_KEY: 'create-repository-secret' }
const NO_CREATE_ROLE = 'arn:aws:iam::123456789012:role/push-only'
const PUBLIC_NO_CREATE_ROLE = 'arn:aws:iam::123456789012:role/public-push-only'

let reg: HtpasswdRegistry
let oidc: GitHubOidc
let aws: AwsEmulator
let ecr: Awaited<ReturnType<typeof startEcrRegistry>>
let ecrPublic: Awaited<ReturnType<typeof startEcrRegistry>>
const temps: string[] = []

beforeAll(async () => {
  reg = await startHtpasswdRegistry()
  oidc = await startGitHubOidc({ repository: 'acme/charts' })
  aws = await startAws({
    oidc,
    region: 'eu-west-3',
    roles: {
      [NO_CREATE_ROLE]: { subjects: ['repo:acme/charts:*'], allow: ['ecr:GetAuthorizationToken'] },
      [PUBLIC_NO_CREATE_ROLE]: { subjects: ['repo:acme/charts:*'], allow: ['ecr-public:GetAuthorizationToken'] }
    },
    staticKeys: { [KEY.AWS_ACCESS_KEY_ID]: KEY.AWS_SECRET_ACCESS_KEY },
    onIssue: reg.addUser
  })
  ecr = await startEcrRegistry(aws, reg.url)
  ecrPublic = await startEcrRegistry(aws, reg.url, { publicAlias: 'acme' })
})

afterAll(async () => {
  await Promise.all([ecr, ecrPublic, aws, oidc, reg].map((e) => e?.stop()))
  for (const t of temps) rmSync(t, { recursive: true, force: true })
})

function workspace(charts: string[], version = '1.0.0'): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'hop-ecr-'))
  temps.push(ws)
  for (const name of charts) {
    mkdirSync(path.join(ws, name, 'templates'), { recursive: true })
    writeFileSync(path.join(ws, name, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version}\n`)
    writeFileSync(path.join(ws, name, 'templates', 'cm.yaml'), 'kind: ConfigMap\n')
  }
  return ws
}

async function action(inputs: Record<string, string>, ws: string, env: NodeJS.ProcessEnv = { ...aws.env, ...KEY }): Promise<ActionRun> {
  const run = await runAction({ login: 'ecr', 'aws-region': 'eu-west-3', sign: 'false', ...inputs }, { workspace: ws, env })
  temps.push(run.runnerTemp)
  return run
}

const createCalls = (): number => aws.requests.filter((r) => String(r.headers['x-amz-target']).endsWith('.CreateRepository')).length

test('without create-repository ECR refuses the push: NAME_UNKNOWN, with what to do', async () => {
  const run = await action({ charts: 'web', registry: `oci://${ecr.host}/plain` }, workspace(['web']))
  expect(run.code).not.toBe(0)
  const errors = run.errors.join('\n')
  expect(errors).toContain("name unknown: The repository with name 'plain/web' does not exist")
  expect(errors).toContain('create-repository: true')
  expect(aws.repositories.has('plain/web')).toBe(false)
})

test('create-repository: each missing repository is created once, with the requested settings, then the charts are pushed', async () => {
  const before = createCalls()
  const ws = workspace(['api', 'web', 'worker'])
  const run = await action(
    {
      charts: 'api\nweb\nworker',
      registry: `oci://${ecr.host}/team`,
      'create-repository': 'true',
      'repository-tag-immutability': 'immutable',
      'repository-scan-on-push': 'true'
    },
    ws
  )
  expect(run.errors).toEqual([])
  expect(run.code).toBe(0)
  expect(JSON.parse(run.outputs.charts).map((c: { status: string }) => c.status)).toEqual(['published', 'published', 'published'])
  for (const name of ['api', 'web', 'worker']) {
    expect(aws.repositories.get(`team/${name}`)).toMatchObject({
      repositoryName: `team/${name}`,
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true }
    })
    expect(run.stdout).toContain(`Created repository ${ecr.host}/team/${name}`)
  }
  expect(createCalls() - before).toBe(3)
  // Only the tag lookups before the repositories existed met ECR's NAME_UNKNOWN; no upload was refused.
  expect(ecr.refused.filter((r) => r.includes('/v2/team/')).sort()).toEqual(['api', 'web', 'worker'].map((n) => `HEAD /v2/team/${n}/manifests/1.0.0`))

  // A re-run finds every tag identical: no repository call at all.
  const again = await action({ charts: 'api\nweb\nworker', registry: `oci://${ecr.host}/team`, 'create-repository': 'true' }, ws)
  expect(again.code).toBe(0)
  expect(JSON.parse(again.outputs.charts).map((c: { status: string }) => c.status)).toEqual(['unchanged', 'unchanged', 'unchanged'])
  expect(createCalls() - before).toBe(3)
})

test('a new version into an existing repository: CreateRepository answers it exists, differing settings are only reported', async () => {
  const ws = workspace(['api'], '1.1.0')
  const run = await action({ charts: 'api', registry: `oci://${ecr.host}/team`, 'create-repository': 'true' }, ws)
  expect(run.errors).toEqual([])
  expect(run.code).toBe(0)
  expect(run.stdout).toContain(`Repository ${ecr.host}/team/api exists`)
  expect(run.warnings.join('\n')).toContain(
    'ECR repository team/api already exists with immutable tags and scan-on-push true; its settings are left as they are (requested: mutable, false)'
  )
  expect(aws.repositories.get('team/api')?.imageTagMutability).toBe('IMMUTABLE')
})

test('a role without ecr:CreateRepository: the chart fails naming the permission to add', async () => {
  const env = { ...aws.env, ...oidc.env }
  const run = await action(
    { charts: 'db', registry: `oci://${ecr.host}/denied`, 'create-repository': 'true', 'aws-role-arn': NO_CREATE_ROLE },
    workspace(['db']),
    env
  )
  expect(run.code).not.toBe(0)
  const errors = run.errors.join('\n')
  expect(errors).toContain('AWS ECR CreateRepository denied/db failed: AccessDeniedException')
  expect(errors).toContain('Allow ecr:CreateRepository on arn:aws:ecr:eu-west-3:')
})

test('create-repository on a registry that creates on push changes nothing; repository options need it', async () => {
  const plain = await runAction(
    { charts: 'svc', registry: `oci://${reg.host}/onpush`, 'create-repository': 'true', username: 'u1', password: 'p1-password', sign: 'false' },
    { workspace: workspace(['svc']) }
  )
  temps.push(plain.runnerTemp)
  // htpasswd user unknown → refused; the point is the log line before it.
  expect(plain.stdout).toContain(`create-repository: ${reg.host} creates repositories on push; nothing to do`)
  const lone = await action({ charts: 'svc', registry: `oci://${ecr.host}/x`, 'repository-scan-on-push': 'true' }, workspace(['svc']))
  expect(lone.errors.join('\n')).toContain('repository-tag-immutability and repository-scan-on-push apply to repositories the action creates')
})

describe('ECR Public (public.ecr.aws/ALIAS/NAME)', () => {
  const publicAction = (inputs: Record<string, string>, ws: string, env?: NodeJS.ProcessEnv) => action({ login: 'ecr-public', ...inputs }, ws, env)
  const publicCreates = () => aws.requests.filter((r) => r.headers['x-amz-target'] === 'SpencerFrontendService.CreateRepository')

  test('without create-repository the push is refused, naming the repository and create-repository', async () => {
    const run = await publicAction({ charts: 'web', registry: `oci://${ecrPublic.host}/acme/plain` }, workspace(['web']))
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toContain("The repository with name 'acme/plain/web' does not exist")
    expect(run.errors.join('\n')).toContain('for Amazon ECR and ECR Public, set create-repository: true')
    expect(aws.publicRepositories.has('plain/web')).toBe(false)
  })

  test('create-repository: ECR Public CreateRepository with the name without the alias, in us-east-1, then the push; again: it exists', async () => {
    const before = publicCreates().length
    const ws = workspace(['api', 'web'])
    const run = await publicAction(
      { charts: 'api\nweb', registry: `oci://${ecrPublic.host}/acme/charts`, 'create-repository': 'true', 'repository-scan-on-push': 'true' },
      ws
    )
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.charts).map((c: { status: string }) => c.status)).toEqual(['published', 'published'])
    const calls = publicCreates().slice(before)
    expect(calls).toHaveLength(2)
    for (const c of calls) {
      // SigV4 for service ecr-public in us-east-1 (the emulator re-computed the signature), JSON 1.1.
      expect(c.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAECRCREATE\/\d{8}\/us-east-1\/ecr-public\/aws4_request, /)
      expect(c.headers['content-type']).toBe('application/x-amz-json-1.1')
    }
    // Exactly the fields of CreateRepositoryRequest that apply: no registryId, no private-ECR settings.
    for (const name of ['api', 'web']) {
      expect(aws.publicRepositories.get(`charts/${name}`)?.request).toEqual({ repositoryName: `charts/${name}` })
      expect(run.stdout).toContain(`Created repository ${ecrPublic.host}/acme/charts/${name}`)
    }
    expect(run.warnings.join('\n')).toContain('ECR Public has no tag immutability or scan on push')
    expect(ecrPublic.refused.filter((r) => r.includes('/v2/acme/charts/')).sort()).toEqual(
      ['api', 'web'].map((n) => `HEAD /v2/acme/charts/${n}/manifests/1.0.0`)
    )

    const next = await publicAction(
      { charts: 'api', registry: `oci://${ecrPublic.host}/acme/charts`, 'create-repository': 'true' },
      workspace(['api'], '1.1.0')
    )
    expect(next.errors).toEqual([])
    expect(next.code).toBe(0)
    expect(next.stdout).toContain(`Repository ${ecrPublic.host}/acme/charts/api exists`)
    expect(JSON.parse(next.outputs.charts)[0].status).toBe('published')
  })

  test('a role without ecr-public:CreateRepository: the chart fails naming the repository and the permission', async () => {
    const run = await publicAction(
      { charts: 'db', registry: `oci://${ecrPublic.host}/acme/denied`, 'create-repository': 'true', 'aws-role-arn': PUBLIC_NO_CREATE_ROLE },
      workspace(['db']),
      { ...aws.env, ...oidc.env }
    )
    expect(run.code).not.toBe(0)
    const errors = run.errors.join('\n')
    expect(errors).toContain(`AWS ECR Public CreateRepository denied/db (for ${ecrPublic.host}/acme/denied/db) failed: AccessDeniedException`)
    expect(errors).toContain('Allow ecr-public:CreateRepository on arn:aws:ecr-public::ACCOUNT:repository/denied/db')
    expect(aws.publicRepositories.has('denied/db')).toBe(false)
  })

  test('a reference without the registry alias is refused before any call, saying what to write', async () => {
    const before = publicCreates().length
    const run = await publicAction({ charts: 'solo', registry: `oci://${ecrPublic.host}`, 'create-repository': 'true' }, workspace(['solo']))
    expect(run.code).not.toBe(0)
    expect(run.errors.join('\n')).toContain(`cannot create ECR Public repository ${ecrPublic.host}/solo: the reference has no registry alias`)
    expect(publicCreates().length).toBe(before)
  })
})
