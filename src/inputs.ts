/**
 * The action's inputs, read once and validated before any work starts, so a
 * typo fails the step in the first second with a message naming the input.
 */
import * as path from 'node:path'
import * as os from 'node:os'
import { InputError } from './errors'
import { parseRegistryInput, RegistryLocation } from './oci/reference'
import { isStrictSemver } from './chart/semver'
import { parseTimeoutSeconds } from './http'
import type { LoginOptions } from './auth'
import type { RepositorySettings } from './oci/credentials'
import type { SignOptions } from './sign'
import { parseRepositories, type NamedRepository } from './chart/dependencies/repositories'

export type IfExists = 'skip-identical' | 'fail' | 'overwrite'
export type PlainHttp = 'auto' | 'true' | 'false'

export interface Inputs {
  charts: string[]
  /** Directories outside the workspace that charts may come from (`allowed-paths`). */
  allowedPaths: string[]
  registry: RegistryLocation
  version?: string
  appVersion?: string
  plainHttp: PlainHttp
  caFile?: string
  /** `network-timeout`: seconds without a byte moving before a request fails (also the connect timeout). */
  networkTimeoutMs?: number
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
  /** Many charts: how many are packaged and published at once, and whether the first failure stops the rest. */
  concurrency: number
  failFast: boolean
  /** Package, validate and compare with the registry only; output the matrix of charts that would change it. */
  plan: boolean
  /** Create missing repositories through the registry's API (ECR); absent: the registry creates them on push. */
  createRepository?: RepositorySettings
}

export const MAX_CONCURRENCY = 32

/** A whole number of charts at once, 1 to MAX_CONCURRENCY. */
export function parseConcurrency(raw: string): number {
  const n = Number(raw || '4')
  if (!/^\s*\d+\s*$/.test(raw || '4') || n < 1 || n > MAX_CONCURRENCY) {
    throw new InputError(`input concurrency is "${raw}"; expected a whole number from 1 to ${MAX_CONCURRENCY}`, {
      hint: 'Set concurrency to how many charts to publish at once (4 suits most registries; 1 publishes one after another)'
    })
  }
  return n
}

function repositorySettings(get: InputReader): RepositorySettings | undefined {
  const create = parseBoolean(get, 'create-repository', false)
  const tagImmutability = oneOf(get, 'repository-tag-immutability', ['mutable', 'immutable'] as const, 'mutable')
  const scanOnPush = parseBoolean(get, 'repository-scan-on-push', false)
  if (!create && (get('repository-tag-immutability') || scanOnPush)) {
    throw new InputError('repository-tag-immutability and repository-scan-on-push apply to repositories the action creates', {
      hint: 'Also set create-repository: true, or remove them'
    })
  }
  return create ? { tagImmutability, scanOnPush } : undefined
}

/** Reads one input as the runner passes it (INPUT_<NAME>, trimmed). */
export type InputReader = (name: string) => string

export const readerFromEnv =
  (env: NodeJS.ProcessEnv): InputReader =>
  (name) =>
    (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()

function oneOf<T extends string>(get: InputReader, name: string, allowed: readonly T[], fallback: T): T {
  const raw = get(name) || fallback
  const v = raw.toLowerCase() as T
  if (!allowed.includes(v)) {
    throw new InputError(`input ${name} is "${raw}"; expected one of ${allowed.join(', ')}`, { hint: `Set ${name} to one of: ${allowed.join(', ')}` })
  }
  return v
}

/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(get: InputReader, name: string, fallback: boolean): boolean {
  const raw = get(name)
  if (!raw) return fallback
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new InputError(`input ${name} is "${raw}"; expected true or false`, { hint: `Set ${name} to true or false` })
}

/** Splits a list input on newlines and commas, dropping blanks and `#` comments. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
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

export function readInputs(get: InputReader, env: NodeJS.ProcessEnv, mask: (s: string) => void = () => {}): Inputs {
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
  const charts = splitList(get('charts') || '.')
  if (!charts.length) throw new InputError('input charts lists no chart', { hint: 'Give chart directories, .tgz files or globs, or leave it empty for "."' })

  const versionRaw = get('version')
  const gpgKey = get('gpg-private-key')
  const outputDir = get('output-dir')
  const caFile = get('ca-file')
  const timeoutRaw = get('network-timeout')
  const networkTimeoutMs = parseTimeoutSeconds(timeoutRaw)
  if (timeoutRaw && networkTimeoutMs === undefined)
    throw new InputError(`input network-timeout is "${timeoutRaw}"; expected a number of seconds`, { hint: 'Set network-timeout to seconds, for example 30' })
  const plan = parseBoolean(get, 'plan', false)
  if (plan && parseBoolean(get, 'dry-run', false)) {
    throw new InputError('inputs plan and dry-run are both true', {
      hint: 'plan already pushes nothing (it reads the registry); dry-run does not contact it. Set one'
    })
  }

  return {
    charts,
    allowedPaths: splitList(get('allowed-paths')),
    registry,
    version: versionRaw ? normalizeVersion(versionRaw) : undefined,
    appVersion: get('app-version') || undefined,
    plainHttp: oneOf(get, 'plain-http', ['auto', 'true', 'false'] as const, 'auto'),
    caFile: caFile ? path.resolve(workspace, caFile) : undefined,
    networkTimeoutMs,
    ifExists: oneOf(get, 'if-exists', ['skip-identical', 'fail', 'overwrite'] as const, 'skip-identical'),
    dryRun: parseBoolean(get, 'dry-run', false),
    outputDir: outputDir ? path.resolve(workspace, outputDir) : path.join(env.RUNNER_TEMP || os.tmpdir(), 'helm-oci-publish'),
    dockerConfig: parseBoolean(get, 'docker-config', false),
    login: {
      login: oneOf(get, 'login', ['auto', 'ghcr', 'ecr', 'ecr-public', 'acr', 'gar', 'basic', 'anonymous'] as const, 'auto'),
      username: get('username') || undefined,
      password: get('password') || undefined,
      githubToken: get('github-token') || env.GITHUB_TOKEN || undefined,
      actor: env.GITHUB_ACTOR || undefined,
      githubServerUrl: env.GITHUB_SERVER_URL || undefined,
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
    concurrency: parseConcurrency(get('concurrency')),
    failFast: parseBoolean(get, 'fail-fast', false),
    plan,
    createRepository: repositorySettings(get)
  }
}
