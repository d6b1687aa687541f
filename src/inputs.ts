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
import { parseArtifactReference, parseRegistryInput, type ArtifactReference, type RegistryLocation } from './oci/reference'
import { isStrictSemver, isValidTag } from './chart/semver'
import { parseTimeoutSeconds } from './http'
import type { LoginOptions } from './auth'
import type { RepositorySettings } from './oci/credentials'
import type { SignOptions } from './sign'
import { readContext, type RunContext } from './context'
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
  /** The workflow run (repository, actor, server and API URLs, visibility). */
  github: RunContext
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
  const registry = readRegistry(get)
  const charts = get('charts') ? splitList(get.lines('charts')) : ['.']
  if (!charts.length) throw new InputError('input charts lists no chart', { hint: 'Give chart directories, .tgz files or globs, or leave it empty for "."' })

  const versionRaw = get('version')
  const gpgKey = get('gpg-private-key')
  const outputDir = get('output-dir')
  const plan = parseBoolean(get, 'plan', false)
  if (plan && parseBoolean(get, 'dry-run', false)) {
    throw new InputError('inputs plan and dry-run are both true', {
      hint: 'plan already pushes nothing (it reads the registry); dry-run does not contact it. Set one'
    })
  }

  return {
    charts,
    allowedPaths: splitList(get.lines('allowed-paths')),
    registry,
    version: versionRaw ? normalizeVersion(versionRaw) : undefined,
    appVersion: get('app-version') || undefined,
    ...readTransport(get, workspace),
    ifExists: readIfExists(get),
    dryRun: parseBoolean(get, 'dry-run', false),
    outputDir: outputDir ? path.resolve(workspace, outputDir) : path.join(env.RUNNER_TEMP || os.tmpdir(), 'helm-oci-publish'),
    dockerConfig: parseBoolean(get, 'docker-config', false),
    login: readLogin(get, env),
    sign: readSign(get, env),
    repositories,
    gpg: gpgKey ? { privateKey: gpgKey, passphrase: get('gpg-passphrase') || undefined } : undefined,
    workspace,
    concurrency: parseConcurrency(get('concurrency')),
    failFast: parseBoolean(get, 'fail-fast', false),
    plan,
    createRepository: repositorySettings(get),
    github
  }
}

// ---------------------------------------------------------------------------
// Readers shared by every entry point (the action, promote, migrate).

/** The destination `registry` input, required. */
export function readRegistry(get: InputReader): RegistryLocation {
  const raw = get('registry')
  if (!raw) {
    throw new InputError('input registry is required', {
      hint: 'Set registry: oci://HOST/NAMESPACE, for example oci://ghcr.io/${{ github.repository_owner }}/charts'
    })
  }
  return parseRegistryInput(raw)
}

/** `plain-http` and `ca-file`. */
export function readTransport(get: InputReader, workspace: string): { plainHttp: PlainHttp; caFile?: string; networkTimeoutMs?: number } {
  const caFile = get('ca-file')
  const timeoutRaw = get('network-timeout')
  const networkTimeoutMs = parseTimeoutSeconds(timeoutRaw)
  if (timeoutRaw && networkTimeoutMs === undefined)
    throw new InputError(`input network-timeout is "${timeoutRaw}"; expected a number of seconds`, { hint: 'Set network-timeout to seconds, for example 30' })
  return {
    plainHttp: oneOf(get, 'plain-http', ['auto', 'true', 'false'] as const, 'auto'),
    caFile: caFile ? path.resolve(workspace, caFile) : undefined,
    networkTimeoutMs
  }
}

/** The login inputs for the destination registry. */
export function readLogin(get: InputReader, env: NodeJS.ProcessEnv): LoginOptions {
  return {
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
  }
}

/** The Sigstore signing inputs. */
export function readSign(get: InputReader, env: NodeJS.ProcessEnv): SignOptions {
  return {
    sign: oneOf(get, 'sign', ['auto', 'true', 'false'] as const, 'auto'),
    signFormat: oneOf(get, 'sign-format', ['bundle', 'legacy', 'both'] as const, 'bundle'),
    attest: oneOf(get, 'attest', ['auto', 'true', 'false'] as const, 'auto'),
    sigstoreInstance: oneOf(get, 'sigstore-instance', ['', 'public-good', 'github', 'custom'] as const, ''),
    fulcioUrl: get('fulcio-url') || undefined,
    rekorUrl: get('rekor-url') || undefined,
    tsaUrl: get('tsa-url') || undefined,
    githubToken: get('github-token') || env.GITHUB_TOKEN || undefined
  }
}

export function readIfExists(get: InputReader): IfExists {
  return oneOf(get, 'if-exists', ['skip-identical', 'fail', 'overwrite'] as const, 'skip-identical')
}

/** What every entry point that pushes shares: where, how to connect and log in, what to do with an existing tag. */
export interface DestinationInputs {
  registry: RegistryLocation
  plainHttp: PlainHttp
  caFile?: string
  ifExists: IfExists
  dockerConfig: boolean
  login: LoginOptions
  sign: SignOptions
  workspace: string
  /** The workflow run (repository, actor, server and API URLs, visibility). */
  github: RunContext
}

function readDestination(get: InputReader, env: NodeJS.ProcessEnv, sign: SignOptions): DestinationInputs {
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  return {
    registry: readRegistry(get),
    ...readTransport(get, workspace),
    ifExists: readIfExists(get),
    dockerConfig: false,
    login: readLogin(get, env),
    sign,
    workspace,
    github: readContext()
  }
}

const NO_SIGNING: SignOptions = { sign: 'false', signFormat: 'bundle', attest: 'false', sigstoreInstance: '' }

// ---------------------------------------------------------------------------
// promote: copy a chart by digest to another repository or registry.

export interface PromoteInputs extends DestinationInputs {
  source: ArtifactReference
  /** Login for the source registry: picked by its host, with source-username / source-password. */
  sourceLogin: LoginOptions
  /** True when source-username or source-password was given. */
  sourceCredentials: boolean
  tag?: string
  requireSignature?: { identity: string; issuer: string; trustedRoot?: string }
}

export function readPromoteInputs(get: InputReader, env: NodeJS.ProcessEnv, mask: (s: string) => void = () => {}): PromoteInputs {
  for (const secret of ['password', 'github-token', 'source-password']) maskSecret(mask, get(secret))
  const sourceRaw = get('source')
  if (!sourceRaw) throw new InputError('input source is required', { hint: 'Set source: oci://HOST/PATH/CHART@sha256:<digest> (or :<tag>)' })
  const dest = readDestination(get, env, NO_SIGNING)
  const tag = get('tag') || undefined
  if (tag && !isValidTag(tag))
    throw new InputError(`input tag "${tag}" is not a valid OCI tag`, {
      hint: 'Use letters, digits, "_", "." and "-" (at most 128), e.g. the chart version with + written as _'
    })
  const identity = get('require-signature-identity')
  const trustedRoot = get('trusted-root')
  const sourceUsername = get('source-username')
  const sourcePassword = get('source-password')
  return {
    ...dest,
    source: parseArtifactReference(sourceRaw, 'input source'),
    sourceLogin: { ...dest.login, login: 'auto', username: sourceUsername || undefined, password: sourcePassword || undefined },
    sourceCredentials: Boolean(sourceUsername || sourcePassword),
    tag,
    requireSignature: identity
      ? {
          identity,
          issuer: get('require-signature-issuer') || 'https://token.actions.githubusercontent.com',
          trustedRoot: trustedRoot ? path.resolve(dest.workspace, trustedRoot) : undefined
        }
      : undefined
  }
}

// ---------------------------------------------------------------------------
// migrate: move a classic chart repository's versions to an OCI registry.

export interface MigrateInputs extends DestinationInputs {
  /** The classic repository (the directory that holds index.yaml). */
  repository: string
  repositoryAuth?: { username?: string; password?: string }
  /** Chart names to move; empty moves every chart. */
  charts: string[]
  /** A version constraint (Helm's syntax: ranges, ^, ~, ||); empty moves every version. */
  versions?: string
}

export function readMigrateInputs(get: InputReader, env: NodeJS.ProcessEnv, mask: (s: string) => void = () => {}): MigrateInputs {
  for (const secret of ['password', 'github-token', 'repository-password']) maskSecret(mask, get(secret))
  const repository = get('repository')
  if (!repository)
    throw new InputError('input repository is required', { hint: 'Set repository to the URL of the classic chart repository (where index.yaml is)' })
  let url: URL | undefined
  try {
    url = new URL(repository)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new InputError(`input repository "${repository}" is not an http(s) URL`, {
      hint: 'Give the URL of the directory that holds index.yaml, e.g. https://charts.example.com'
    })
  const username = get('repository-username')
  const password = get('repository-password')
  return {
    ...readDestination(get, env, readSign(get, env)),
    repository,
    repositoryAuth: username || password ? { username: username || undefined, password: password || undefined } : undefined,
    charts: splitList(get.lines('charts')),
    versions: get('versions') || undefined
  }
}
