/**
 * The network part, per chart and in an order that never shows a broken or
 * unsigned tag: compare with what the tag holds, upload blobs, put the
 * manifest by digest, sign and attach signatures, and only then set the tag.
 */
import * as log from './report/log'
import { createReadStream, promises as fs } from 'node:fs'
import * as path from 'node:path'
import { annotate } from './annotate'
import { createCredentialSource, pushRefusalHint } from './auth'
import { errorMessage, PublishError, RegistryError } from './errors'
import type { Inputs } from './inputs'
import { RegistryClient } from './oci/client'
import { isLoopbackHost } from './oci/reference'
import { checkExisting, pushArtifact, tagManifest } from './oci/push'
import type { PreparedChart } from './prepare'
import type { ChartResult } from './report/result'
import { planSigning, startSigning, type Signing } from './sign'

export interface Target {
  client: RegistryClient
  host: string
  /** Present when charts get signed. */
  signing?: Signing
}

/** The `ca-file` input's PEM bundle, trusted for the registry and chart repositories. */
export async function readCaFile(caFile: string | undefined): Promise<Buffer | undefined> {
  if (!caFile) return undefined
  return fs.readFile(caFile).catch((err: Error) => {
    throw new PublishError(`cannot read ca-file ${caFile}: ${err.message}`, { file: caFile, hint: 'Give the path of a PEM file in the workspace' })
  })
}

export async function connect(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  // Decided first: a signing request that cannot be honoured fails before any login or upload.
  const plan = planSigning(inputs.sign, env, inputs.github)
  const host = inputs.registry.host
  const credentials = createCredentialSource(host, inputs.login, env)
  log.info(`Registry ${host}: logging in with ${credentials.description}`)
  const plainHttp = inputs.plainHttp === 'auto' ? isLoopbackHost(host) : inputs.plainHttp === 'true'
  const ca = await readCaFile(inputs.caFile)
  const client = new RegistryClient({ host, plainHttp, ca, credentials, userAgent: 'helm-oci-publish' })
  if (inputs.dockerConfig) {
    const { writeDockerConfig } = await import('./auth/docker-config')
    const cred = await credentials.get(host)
    if (cred) log.saveState('docker-config', await writeDockerConfig(host, cred, env))
  }
  if (plan.warning) log.warning(plan.warning)
  if (plan.enabled)
    log.info(
      `Signing with Sigstore (${plan.endpoints!.name}: ${plan.endpoints!.fulcio}${plan.endpoints!.rekor ? `, ${plan.endpoints!.rekor}` : ''}${plan.endpoints!.tsa ? `, ${plan.endpoints!.tsa}` : ''})`
    )
  const signing = plan.enabled ? await startSigning(plan, inputs.sign, env, inputs.github, (m) => log.warning(m)) : undefined
  return { client, host, signing }
}

async function publishOne(p: PreparedChart, target: Target, inputs: Inputs): Promise<void> {
  const { ref, artifact, archive, result } = p
  if (!ref || !artifact || !archive) return
  const { client } = target
  const existing = await checkExisting(client, ref, artifact.digest, inputs.ifExists)
  if (existing === 'identical') {
    result.status = 'unchanged'
    log.info(`${ref}: already holds ${artifact.digest}; nothing to push`)
    return
  }
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
  await tagManifest(client, ref.repository, ref.tag, artifact.manifest)
  result.status = 'published'
  log.info(`Pushed: ${ref}`)
  log.info(`Digest: ${artifact.digest}`)
}

export async function publishCharts(prepared: PreparedChart[], target: Target | undefined, inputs: Inputs): Promise<ChartResult[]> {
  for (const p of prepared) {
    if (!target) continue // dry run: packaged and validated only
    await log.group(`Publish ${p.result.name} ${p.result.version}`, async () => {
      try {
        await publishOne(p, target, inputs)
      } catch (err) {
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
        if (hinted instanceof PublishError && !hinted.chart) Object.assign(hinted, { chart: p.result.name })
        annotate(hinted)
        p.result.status = 'failed'
        p.result.error = errorMessage(hinted)
      }
    })
  }
  return prepared.map((p) => p.result)
}
