/**
 * The network part: logging in, then per chart, in an order that never shows a broken or unsigned tag: compare
 * with what the tag holds, upload blobs, put the manifest by digest, sign and
 * attach signatures, and only then set the tag. With `plan`, only the
 * comparison: what would change the registry.
 */
import * as log from './report/log'
import { createReadStream, promises as fs } from 'node:fs'
import * as path from 'node:path'
import { annotate } from './annotate'
import { createCredentialSource, pushRefusalHint, type LoginOptions } from './auth'
import { errorMessage, PublishError, RegistryError } from './errors'
import type { DestinationInputs, Inputs } from './inputs'
import { RegistryClient } from './oci/client'
import type { CredentialSource } from './oci/credentials'
import { isLoopbackHost } from './oci/reference'
import { checkExisting, confirmTag, pushArtifact, tagManifest } from './oci/push'
import { configureTransport } from './http'
import type { PreparedChart } from './prepare'
import { planSigning, startSigning, type Signing } from './sign'

export interface Target {
  client: RegistryClient
  host: string
  /** Present when charts get signed. */
  signing?: Signing
  /** Present with create-repository on a registry that needs it (ECR): each repository once per run. */
  ensureRepository?: (repository: string) => Promise<void>
}

/** A client for `host`: the login picked for it, plain HTTP for loopback (`plain-http: auto`), the extra CA. */
export async function openRegistry(
  host: string,
  login: LoginOptions,
  transport: Pick<DestinationInputs, 'plainHttp' | 'caFile'>,
  env: NodeJS.ProcessEnv = process.env
): Promise<RegistryClient> {
  const credentials = createCredentialSource(host, login, env)
  log.info(`Registry ${host}: logging in with ${credentials.description}`)
  const plainHttp = transport.plainHttp === 'auto' ? isLoopbackHost(host) : transport.plainHttp === 'true'
  const ca = await readCaFile(transport.caFile)
  // One CA for every request of the run: registry, token services, cloud logins, GitHub API, Sigstore.
  if (ca) configureTransport({ ca })
  return new RegistryClient({ host, plainHttp, ca, credentials, userAgent: 'helm-oci-publish' })
}

/** The `ca-file` input's PEM bundle, trusted for the registry and chart repositories. */
export async function readCaFile(caFile: string | undefined): Promise<Buffer | undefined> {
  if (!caFile) return undefined
  return fs.readFile(caFile).catch((err: Error) => {
    throw new PublishError(`cannot read ca-file ${caFile}: ${err.message}`, { file: caFile, hint: 'Give the path of a PEM file in the workspace' })
  })
}

export async function connect(
  inputs: DestinationInputs & { plan?: boolean; createRepository?: Inputs['createRepository'] },
  env: NodeJS.ProcessEnv = process.env
): Promise<Target> {
  // Decided first: a signing request that cannot be honoured fails before any login or upload.
  const plan = inputs.plan ? { enabled: false } : planSigning(inputs.sign, env, inputs.github)
  const host = inputs.registry.host
  const client = await openRegistry(host, inputs.login, inputs, env)
  if (inputs.dockerConfig) {
    const { writeDockerConfig } = await import('./auth/docker-config')
    const cred = await client.credentials?.get(host)
    if (cred) log.saveState('docker-config', await writeDockerConfig(host, cred, env))
  }
  if (plan.warning) log.warning(plan.warning)
  if (plan.enabled)
    log.info(
      `Signing with Sigstore (${plan.endpoints!.name}: ${plan.endpoints!.fulcio}${plan.endpoints!.rekor ? `, ${plan.endpoints!.rekor}` : ''}${plan.endpoints!.tsa ? `, ${plan.endpoints!.tsa}` : ''})`
    )
  const signing = plan.enabled ? await startSigning(plan, inputs.sign, env, inputs.github, (m) => log.warning(m)) : undefined
  return { client, host, signing, ensureRepository: client.credentials ? repositoryCreator(host, client.credentials, inputs) : undefined }
}

function repositoryCreator(host: string, credentials: CredentialSource, inputs: Pick<Inputs, 'createRepository'>): Target['ensureRepository'] {
  const settings = inputs.createRepository
  if (!settings) return undefined
  const create = credentials.createRepository?.bind(credentials)
  if (!create) {
    log.info(`create-repository: ${host} creates repositories on push; nothing to do`)
    return undefined
  }
  const seen = new Map<string, Promise<void>>()
  return (repository) => {
    let done = seen.get(repository)
    if (!done) {
      done = create(repository, settings).then((r) =>
        log.info(r === 'created' ? `Created repository ${host}/${repository}` : `Repository ${host}/${repository} exists`)
      )
      seen.set(repository, done)
      done.catch(() => seen.delete(repository))
    }
    return done
  }
}

/** Plan: is the registry already holding this digest under the tag? (`if-exists` decides what a different digest means.) */
async function planOne(p: PreparedChart, target: Target, inputs: Inputs): Promise<void> {
  const { ref, artifact, result } = p
  const existing = await checkExisting(target.client, ref!, artifact!.digest, inputs.ifExists, false)
  result.status = existing === 'identical' ? 'unchanged' : 'planned'
  log.info(
    existing === 'identical'
      ? `${ref}: already holds ${artifact!.digest}; left out of the matrix`
      : `${ref}: would be ${existing === 'absent' ? 'published' : 'replaced'}`
  )
}

async function publishOne(p: PreparedChart, target: Target, inputs: Inputs, release: () => void): Promise<void> {
  const { ref, artifact, archive, result } = p
  if (!ref || !artifact || !archive) return
  const { client } = target
  const existing = await checkExisting(client, ref, artifact.digest, inputs.ifExists)
  if (existing === 'identical') {
    result.status = 'unchanged'
    log.info(`${ref}: already holds ${artifact.digest}; nothing to push`)
    return
  }
  if (existing === 'absent') await target.ensureRepository?.(ref.repository)
  await pushArtifact(client, ref.repository, {
    config: artifact.config,
    chart: { digest: archive.digest, size: archive.size, open: (start, end) => createReadStream(archive.path, { start, end }) },
    prov: p.prov,
    manifest: artifact
  })
  log.info(`Uploaded ${ref.host}/${ref.repository}@${artifact.digest}`)
  if (target.signing) {
    // Signatures go in before the tag, so a tag never shows an unsigned chart.
    Object.assign(
      result,
      await target.signing.signChart({
        client,
        host: ref.host,
        repository: ref.repository,
        manifest: { mediaType: artifact.mediaType, digest: artifact.digest, size: artifact.size },
        archive: { name: path.basename(archive.path), digest: archive.digest }
      })
    )
    log.info(`Signed: ${result.signature ?? result.legacySignature}`)
  }
  // Look again right before tagging: another run may have published this version meanwhile.
  if (inputs.ifExists !== 'overwrite' && (await checkExisting(client, ref, artifact.digest, inputs.ifExists)) === 'identical') {
    result.status = 'unchanged'
    return
  }
  const tagging = Date.now()
  await tagManifest(client, ref.repository, ref.tag, artifact.manifest)
  // Immutable versions wait out a racing writer (a few round trips) before reading the tag back;
  // the wait needs no slot of the pool, so other charts go on meanwhile.
  const settleMs = inputs.ifExists === 'overwrite' ? 0 : Math.min(2000, Math.max(300, 3 * (Date.now() - tagging)))
  if (settleMs > 0) release()
  await confirmTag(client, ref, artifact.digest, settleMs)
  result.status = 'published'
  log.info(`Pushed: ${ref}`)
  log.info(`Digest: ${artifact.digest}`)
}

/** The error as the user should read it: a refused push gets the login method's hint, and every error names its chart. */
function explain(err: unknown, p: PreparedChart, target: Target, inputs: Inputs): unknown {
  const hinted =
    err instanceof RegistryError && (err.status === 401 || err.status === 403)
      ? new RegistryError(err.message, {
          status: err.status,
          code: err.code,
          registry: target.host,
          chart: p.result.name,
          hint: pushRefusalHint(target.host, inputs.login) ?? err.hint,
          cause: err
        })
      : err
  if (hinted instanceof PublishError && !hinted.chart) Object.assign(hinted, { chart: p.result.name ?? p.source.display })
  return hinted
}

/**
 * Publishes (or plans) one packaged chart; false when it failed, reported
 * with the chart's name (annotation, result) so the others go on. `release`
 * is called when only the wait before the tag read-back is left.
 */
export async function publishChart(p: PreparedChart, target: Target, inputs: Inputs, release: () => void = () => {}): Promise<boolean> {
  try {
    if (inputs.plan) await target.client.forChart(p.result.name, () => planOne(p, target, inputs))
    else await target.client.forChart(p.result.name, () => publishOne(p, target, inputs, release))
    return true
  } catch (err) {
    const e = explain(err, p, target, inputs)
    annotate(e)
    Object.assign(p.result, { status: 'failed', error: errorMessage(e) })
    return false
  }
}
