/**
 * The action's inputs, read once and validated before any work starts, so a
 * typo fails the step in the first second with a message naming the input.
 * One model for the action and the CLI: both read through an `InputReader`,
 * which is @actions/core's getInput/getBooleanInput/getMultilineInput on the
 * runner (src/report/log.ts) and for the CLI, which passes its flags the way
 * the runner passes inputs (src/cli.ts).
 */
import * as path from 'node:path'
import * as os from 'node:os'
import { InputError } from './errors'
import { parseRegistryInput, RegistryLocation } from './oci/reference'
import { isStrictSemver } from './chart/semver'
import type { LoginOptions } from './auth'
import type { SignOptions } from './sign'
import { readContext, type RunContext } from './context'
import { parseRepositories, type NamedRepository } from './chart/dependencies/repositories'

export type IfExists = 'skip-identical' | 'fail' | 'overwrite'
export type PlainHttp = 'auto' | 'true' | 'false'

export interface Inputs {
  charts: string[]
  registry: RegistryLocation
  version?: string
  appVersion?: string
  plainHttp: PlainHttp
  caFile?: string
  ifExists: IfExists
  dryRun: boolean
  outputDir: string
  dockerConfig: boolean
  login: LoginOptions
  sign: SignOptions
  /** Helm .prov signing key (ASCII-armored), when given. */
  gpg?: { privateKey: string; passphrase?: string }
  /** Classic chart repositories for dependencies (`repositories`). */
  repositories: NamedRepository[]
  workspace: string
  /** The workflow run (repository, actor, server and API URLs, visibility). */
  github: RunContext
}

/** Reads inputs as the runner passes them (INPUT_<NAME>): the trimmed text, a YAML 1.2 boolean, or the non-empty lines. */
export interface InputReader {
  (name: string): string
  boolean(name: string): boolean
  lines(name: string): string[]
}

function oneOf<T extends string>(get: InputReader, name: string, allowed: readonly T[], fallback: T): T {
  const raw = get(name) || fallback
  const v = raw.toLowerCase() as T
  if (!allowed.includes(v)) {
    throw new InputError(`input ${name} is "${raw}"; expected one of ${allowed.join(', ')}`, { hint: `Set ${name} to one of: ${allowed.join(', ')}` })
  }
  return v
}

/** A boolean input (YAML 1.2 core schema: true, True, TRUE, false, False, FALSE); `fallback` when empty. */
export function parseBoolean(get: InputReader, name: string, fallback: boolean): boolean {
  const raw = get(name)
  if (!raw) return fallback
  try {
    return get.boolean(name)
  } catch {
    throw new InputError(`input ${name} is "${raw}"; expected true or false`, { hint: `Set ${name} to true or false` })
  }
}

/** A list input: one entry per line, and per comma within a line; blanks and `#` comments dropped. */
export function splitList(lines: string[]): string[] {
  return lines
    .flatMap((line) => line.split(','))
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'))
}

/**
 * A version override from a release tag: `refs/tags/v1.2.3` and `v1.2.3`
 * become `1.2.3`. The result must be strict SemVer 2, because Helm resolves
 * OCI tags with a strict parser and would never find anything else.
 */
export function normalizeVersion(raw: string): string {
  const v = raw.replace(/^refs\/tags\//, '').replace(/^v(?=\d)/, '')
  if (!isStrictSemver(v)) {
    throw new InputError(`input version "${raw}" is not a SemVer 2 version`, {
      hint: 'Give MAJOR.MINOR.PATCH with optional -prerelease and +build (for example 1.2.3 or v1.2.3-rc.1); Helm cannot resolve other tags'
    })
  }
  return v
}

/** Masks a secret input at once; multi-line secrets (armored keys) line by line too. */
export function maskSecret(mask: (s: string) => void, value: string | undefined): void {
  if (!value) return
  mask(value)
  for (const line of value.split(/\r?\n/)) if (line.trim().length >= 4 && line !== value) mask(line.trim())
}

export function readInputs(get: InputReader, env: NodeJS.ProcessEnv, mask: (s: string) => void = () => {}, github: RunContext = readContext()): Inputs {
  for (const secret of ['password', 'github-token', 'gpg-private-key', 'gpg-passphrase']) maskSecret(mask, get(secret))
  // Parsed first: the credentials in it are masked before anything can fail and print.
  const repositories = parseRepositories(get('repositories'), mask)
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const registryRaw = get('registry')
  if (!registryRaw) {
    throw new InputError('input registry is required', {
      hint: 'Set registry: oci://HOST/NAMESPACE, for example oci://ghcr.io/${{ github.repository_owner }}/charts'
    })
  }
  const registry = parseRegistryInput(registryRaw)
  const charts = get('charts') ? splitList(get.lines('charts')) : ['.']
  if (!charts.length) throw new InputError('input charts lists no chart', { hint: 'Give chart directories, .tgz files or globs, or leave it empty for "."' })

  const versionRaw = get('version')
  const gpgKey = get('gpg-private-key')
  const outputDir = get('output-dir')
  const caFile = get('ca-file')

  return {
    charts,
    registry,
    version: versionRaw ? normalizeVersion(versionRaw) : undefined,
    appVersion: get('app-version') || undefined,
    plainHttp: oneOf(get, 'plain-http', ['auto', 'true', 'false'] as const, 'auto'),
    caFile: caFile ? path.resolve(workspace, caFile) : undefined,
    ifExists: oneOf(get, 'if-exists', ['skip-identical', 'fail', 'overwrite'] as const, 'skip-identical'),
    dryRun: parseBoolean(get, 'dry-run', false),
    outputDir: outputDir ? path.resolve(workspace, outputDir) : path.join(env.RUNNER_TEMP || os.tmpdir(), 'helm-oci-publish'),
    dockerConfig: parseBoolean(get, 'docker-config', false),
    login: {
      login: oneOf(get, 'login', ['auto', 'ghcr', 'ecr', 'ecr-public', 'acr', 'gar', 'basic', 'anonymous'] as const, 'auto'),
      username: get('username') || undefined,
      password: get('password') || undefined,
      githubToken: get('github-token') || env.GITHUB_TOKEN || undefined,
      actor: github.actor,
      githubServerUrl: github.serverUrl,
      awsRoleArn: get('aws-role-arn') || undefined,
      awsRegion: get('aws-region') || undefined,
      azureClientId: get('azure-client-id') || undefined,
      azureTenantId: get('azure-tenant-id') || undefined,
      gcpWorkloadIdentityProvider: get('gcp-workload-identity-provider') || undefined,
      gcpServiceAccount: get('gcp-service-account') || undefined
    },
    sign: {
      sign: oneOf(get, 'sign', ['auto', 'true', 'false'] as const, 'auto'),
      signFormat: oneOf(get, 'sign-format', ['bundle', 'legacy', 'both'] as const, 'bundle'),
      attest: oneOf(get, 'attest', ['auto', 'true', 'false'] as const, 'auto'),
      sigstoreInstance: oneOf(get, 'sigstore-instance', ['', 'public-good', 'github', 'custom'] as const, ''),
      fulcioUrl: get('fulcio-url') || undefined,
      rekorUrl: get('rekor-url') || undefined,
      tsaUrl: get('tsa-url') || undefined,
      githubToken: get('github-token') || env.GITHUB_TOKEN || undefined
    },
    repositories,
    gpg: gpgKey ? { privateKey: gpgKey, passphrase: get('gpg-passphrase') || undefined } : undefined,
    workspace,
    github
  }
}
