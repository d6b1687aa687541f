/**
 * `docker-config: true`: merge the registry credential into Docker's
 * config.json (read by docker, helm, oras, skopeo, crane in later steps) and
 * undo exactly that in the action's `post:` step.
 *
 * Contract with main.ts: `writeDockerConfig` returns a state string to store
 * with `log.saveState('docker-config', state)`; the post step passes it back to
 * `cleanupDockerConfig(state)` (a JSON array of several such strings' values is
 * accepted too). The state holds only paths, never a secret: the entry that was
 * there before (if any) is kept in a 0600 backup file next to config.json.
 */
import * as log from '../report/log'
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { Credential } from '../oci/credentials'
import { isDockerHub } from './detect'
import { maskSecret } from './mask'

export interface AuthEntry {
  auth?: string
  identitytoken?: string
  registrytoken?: string
}

interface DockerConfig {
  auths?: Record<string, AuthEntry>
  credsStore?: string
  credHelpers?: Record<string, string>
  [key: string]: unknown
}

export interface DockerConfigState {
  version: 1
  file: string
  key: string
  backup: string
  createdFile: boolean
}

interface Backup {
  previous: AuthEntry | null
  ours: AuthEntry
}

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker')
  return path.join(dir, 'config.json')
}

/** The `auths` key Docker uses for a registry host. */
export function dockerConfigKey(host: string): string {
  return isDockerHub(host) ? 'https://index.docker.io/v1/' : host
}

/** The entry `docker login` (or `az acr login` for ACR refresh tokens) would write. */
export function authEntry(cred: Credential): AuthEntry {
  if (cred.refreshToken) return { auth: Buffer.from(`${cred.username ?? ''}:`).toString('base64'), identitytoken: cred.refreshToken }
  if (cred.password !== undefined || cred.username !== undefined) {
    const auth = Buffer.from(`${cred.username ?? ''}:${cred.password ?? ''}`).toString('base64')
    maskSecret(auth)
    return { auth }
  }
  return { registrytoken: cred.accessToken }
}

async function readConfig(file: string): Promise<DockerConfig | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as unknown
    return parsed && typeof parsed === 'object' ? (parsed as DockerConfig) : {}
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
}

/** Same-directory temp file + rename: readers never see half a file. */
async function writeAtomic(file: string, data: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  await fs.writeFile(tmp, data, { mode: 0o600 })
  await fs.chmod(tmp, 0o600)
  await fs.rename(tmp, file)
}

export async function writeDockerConfig(host: string, cred: Credential, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const file = dockerConfigPath(env)
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  const existing = await readConfig(file)
  const cfg: DockerConfig = existing ?? {}
  const key = dockerConfigKey(host)
  const ours = authEntry(cred)
  const auths = cfg.auths && typeof cfg.auths === 'object' ? cfg.auths : {}
  const previous = Object.prototype.hasOwnProperty.call(auths, key) ? auths[key] : null
  cfg.auths = { ...auths, [key]: ours }
  const backup = `${file}.helm-oci-publish-${randomBytes(6).toString('hex')}`
  await fs.writeFile(backup, JSON.stringify({ previous, ours } satisfies Backup), { mode: 0o600 })
  await writeAtomic(file, JSON.stringify(cfg, null, '\t'))
  log.info(`Credentials for ${host} written to ${file}; the post step removes them`)
  const helper = cfg.credHelpers?.[key] ?? cfg.credsStore
  if (helper)
    log.warning(
      `${file} names the credential helper "${helper}", which docker prefers over the written entry for ${host}; set DOCKER_CONFIG to another directory for this job`
    )
  const state: DockerConfigState = { version: 1, file, key, backup, createdFile: existing === undefined }
  return JSON.stringify(state)
}

const sameEntry = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

async function cleanupOne(state: DockerConfigState): Promise<void> {
  let backup: Backup | undefined
  try {
    backup = JSON.parse(await fs.readFile(state.backup, 'utf8')) as Backup
  } catch {
    backup = undefined
  }
  const cfg = await readConfig(state.file)
  if (cfg?.auths && backup && sameEntry(cfg.auths[state.key], backup.ours)) {
    // Restore what was there; an entry someone changed after us is theirs and stays.
    if (backup.previous) cfg.auths[state.key] = backup.previous
    else delete cfg.auths[state.key]
    const onlyEmptyAuths = Object.keys(cfg).length === 1 && Object.keys(cfg.auths).length === 0
    if (state.createdFile && onlyEmptyAuths) await fs.rm(state.file, { force: true })
    else await writeAtomic(state.file, JSON.stringify(cfg, null, '\t'))
    log.info(`Removed the credentials for ${state.key} from ${state.file}`)
  }
  await fs.rm(state.backup, { force: true })
}

/** The post step. Never throws: a failed cleanup is a warning, as docker/login-action's logout. */
export async function cleanupDockerConfig(state: string): Promise<void> {
  try {
    const parsed = JSON.parse(state) as DockerConfigState | DockerConfigState[] | string[]
    const list = (Array.isArray(parsed) ? parsed : [parsed]).map((s) => (typeof s === 'string' ? (JSON.parse(s) as DockerConfigState) : s))
    for (const s of list.reverse()) await cleanupOne(s)
  } catch (err) {
    log.warning(`Could not remove the registry credentials from Docker's config.json: ${(err as Error).message}`)
  }
}
