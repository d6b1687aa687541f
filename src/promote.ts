/**
 * The `promote` sub-action: copy a published chart by digest from one
 * repository to another (dev → staging → prod), on one registry or across
 * registries, with its signatures and attestations. Nothing is re-packaged:
 * the manifest bytes move as they are, so the digest that was tested and
 * signed is the digest that lands. Optionally only a chart signed by a
 * given identity is promoted. The tag is set last, once everything is there.
 */
import * as log from './report/log'
import { maskSecret } from './auth/mask'
import { runStep } from './annotate'
import { RegistryError } from './errors'
import { readPromoteInputs, type PromoteInputs } from './inputs'
import type { RegistryClient } from './oci/client'
import { copyLegacyTags, copyManifest, copyReferrers, type CopiedAttachment, type Endpoint } from './oci/copy'
import { CONFIG_MEDIA_TYPE } from './oci/helm-artifact'
import { checkExisting, tagManifest } from './oci/push'
import { chartReference } from './oci/reference'
import { connect, openRegistry } from './publish'
import { safeMarkdown } from './report/sanitize'
import { requireSignature, type VerifiedSignature } from './sign/require-signature'

export interface Promotion {
  status: 'promoted' | 'unchanged'
  name: string
  version: string
  tag: string
  digest: string
  /** oci://HOST/REPOSITORY@DIGEST at the destination. */
  ref: string
  source: string
  attached: CopiedAttachment[]
  blobs: { mounted: number; streamed: number; present: number }
  signer?: VerifiedSignature
}

/** Name and version from the chart's config blob; refuses what is not a Helm chart. */
async function chartOf(from: Endpoint, manifest: Buffer, where: string): Promise<{ name: string; version: string }> {
  const m = JSON.parse(manifest.toString('utf8')) as { config?: { mediaType?: string; digest?: string } }
  if (m.config?.mediaType !== CONFIG_MEDIA_TYPE || !m.config.digest) {
    throw new RegistryError(`${where} is not a Helm chart (config media type ${m.config?.mediaType ?? 'none'})`, {
      registry: from.client.host,
      hint: `Give the reference of a chart pushed by helm push or this action (config ${CONFIG_MEDIA_TYPE})`
    })
  }
  const config = JSON.parse((await from.client.getBlob(from.repository, m.config.digest)).toString('utf8')) as { name?: unknown; version?: unknown }
  if (typeof config.name !== 'string' || typeof config.version !== 'string')
    throw new RegistryError(`the chart config of ${where} has no name or version`, { registry: from.client.host })
  return { name: config.name, version: config.version }
}

export async function promote(inputs: PromoteInputs, target: RegistryClient, source: RegistryClient): Promise<Promotion> {
  const src = inputs.source
  const from: Endpoint = { client: source, repository: src.repository }
  const got = await source.getManifest(src.repository, src.digest ?? src.tag!)
  if (!got) throw new RegistryError(`${src.display} does not exist`, { registry: src.host, hint: 'Check the source reference and the source credentials' })
  const { digest } = got
  const where = `${src.host}/${src.repository}@${digest}`
  const chart = await chartOf(from, got.bytes, where)
  log.info(`Source ${where}: ${chart.name} ${chart.version}`)

  let signer: VerifiedSignature | undefined
  if (inputs.requireSignature) {
    signer = await requireSignature(source, src.repository, digest, inputs.requireSignature)
    log.info(`Signature verified: ${signer.san} signed ${signer.predicateType ?? 'a statement'} about ${digest} (bundle ${signer.referrer})`)
  }

  const ref = chartReference(inputs.registry, chart.name, chart.version)
  const tag = inputs.tag ?? src.tag ?? ref.tag
  const dest = { ...ref, tag, toString: () => `${ref.host}/${ref.repository}:${tag}` }
  const to: Endpoint = { client: target, repository: ref.repository }
  // One client for both ends means one registry and one login: blobs are mounted, not moved.
  const o = { mount: target === source }
  const existing = await checkExisting(target, dest, digest, inputs.ifExists)
  const copied = existing === 'identical' ? undefined : await copyManifest(from, to, digest, o)
  if (copied) log.info(`Copied ${digest}: ${copied.blobs.mounted} blob(s) mounted, ${copied.blobs.streamed} streamed, ${copied.blobs.present} already there`)
  // Attachments are copied even onto an identical tag: a signature added since the last promotion comes along.
  const attached = [...(await copyReferrers(from, to, digest, o)), ...(await copyLegacyTags(from, to, digest, o))]
  for (const a of attached) log.info(`Attached ${a.artifactType ?? a.mediaType} ${a.digest} (${a.via})`)
  if (copied) await tagManifest(target, ref.repository, tag, copied.bytes, copied.mediaType)
  log.info(existing === 'identical' ? `${dest.toString()} already holds ${digest}` : `Promoted: ${dest.toString()}`)
  return {
    status: copied ? 'promoted' : 'unchanged',
    ...chart,
    tag,
    digest,
    ref: `oci://${ref.host}/${ref.repository}@${digest}`,
    source: `oci://${where}`,
    attached,
    blobs: copied?.blobs ?? { mounted: 0, streamed: 0, present: 0 },
    signer
  }
}

export function promotionSummary(p: Promotion): string {
  const rows = p.attached.map((a) => `| ${safeMarkdown(a.artifactType ?? a.mediaType)} | \`${safeMarkdown(a.digest)}\` | ${safeMarkdown(a.via)} |`)
  return [
    `### Helm OCI Promote: ${safeMarkdown(p.name)} ${safeMarkdown(p.version)} ${p.status === 'promoted' ? '✅ promoted' : '✔️ unchanged (identical tag)'}`,
    '',
    `- From: \`${safeMarkdown(p.source)}\``,
    `- To: \`${safeMarkdown(p.ref)}\` (tag \`${safeMarkdown(p.tag)}\`)`,
    ...(p.signer ? [`- Signed by: \`${safeMarkdown(p.signer.san)}\``] : []),
    '',
    ...(rows.length ? ['| Attached | Digest | Listed via |', '| --- | --- | --- |', ...rows] : ['Nothing is attached to this digest.']),
    ''
  ].join('\n')
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<undefined> {
  const inputs = readPromoteInputs(log.runnerInputs, env, maskSecret)
  const target = await connect(inputs, env)
  const shared = inputs.source.host === inputs.registry.host && !inputs.sourceCredentials
  const source = shared ? target.client : await openRegistry(inputs.source.host, inputs.sourceLogin, inputs, env)
  const p = await promote(inputs, target.client, source)
  log.setOutput('digest', p.digest)
  log.setOutput('ref', p.ref)
  log.setOutput('tag', p.tag)
  log.setOutput('name', p.name)
  log.setOutput('version', p.version)
  log.setOutput('referrers', JSON.stringify(p.attached))
  await log.appendSummary(promotionSummary(p))
  return undefined
}

void runStep(() => run())
