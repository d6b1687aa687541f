/**
 * The `migrate` sub-action: move every selected version of every chart of a
 * classic chart repository (index.yaml) to an OCI registry. Each archive is
 * pushed byte for byte as the repository served it (its digest checked
 * against the index), with its `.prov` as Helm's provenance layer when there
 * is one, in the artifact the main action and `helm push` build. A version
 * whose tag already holds the same archive is skipped, so an interrupted
 * migration resumes by running it again. Signing works as in the main action.
 */
import * as log from './report/log'
import { maskSecret } from './auth/mask'
import { annotate, runStep } from './annotate'
import { loadFiles, readChartArchive } from './chart/loader'
import { ConstraintSyntaxError, parseConstraint, type Constraint, satisfies, compareVersions } from './chart/dependencies/constraints'
import { downloadChart, downloadProvenance, fetchIndex, type ChartRepository, type IndexEntry, type RepoIndex } from './chart/dependencies/repo-index'
import { ChartError, errorMessage, InputError, RegistryError } from './errors'
import { readMigrateInputs, type MigrateInputs } from './inputs'
import { buildHelmManifest, CHART_LAYER_MEDIA_TYPE, PROV_LAYER_MEDIA_TYPE, sha256Digest } from './oci/helm-artifact'
import { bufferSource, pushArtifact, tagManifest } from './oci/push'
import { chartReference } from './oci/reference'
import { connect, readCaFile, type Target } from './publish'
import { pool } from './pool'
import { safeMarkdown } from './report/sanitize'

export type MigrationStatus = 'moved' | 'skipped' | 'failed'

export interface MigratedVersion {
  name: string
  version: string
  status: MigrationStatus
  tag?: string
  digest?: string
  ref?: string
  /** The chart layer digest: the sha256 of the archive the repository served. */
  archive?: string
  prov?: boolean
  signature?: string
  /** Why it was skipped or failed. */
  reason?: string
}

/** Versions pushed at a time. */
const CONCURRENCY = 4

/**
 * The versions to move, oldest first per chart, charts by name; names asked
 * for that the index does not have come back as `missing`. Pure.
 */
export function selectVersions(index: RepoIndex, charts: string[], versions?: Constraint): { selected: IndexEntry[]; missing: string[] } {
  const names = charts.length ? charts : [...index.entries.keys()].sort()
  const missing = names.filter((n) => !index.entries.has(n))
  const selected: IndexEntry[] = []
  for (const name of names) {
    const list = [...(index.entries.get(name) ?? [])].sort((a, b) => compareVersions(a.version, b.version))
    selected.push(...list.filter((e) => !versions || satisfies(e.version, versions)))
  }
  return { selected, missing }
}

/** Whether the manifest a tag holds carries exactly this archive (and this .prov, or none when there is none). */
function sameContent(manifest: Buffer, archive: string, prov: string | undefined): boolean {
  try {
    const layers = (JSON.parse(manifest.toString('utf8')) as { layers?: Array<{ mediaType?: string; digest?: string }> }).layers ?? []
    const of = (type: string): string | undefined => layers.find((l) => l.mediaType === type)?.digest
    return of(CHART_LAYER_MEDIA_TYPE) === archive && of(PROV_LAYER_MEDIA_TYPE) === prov
  } catch {
    return false
  }
}

async function migrateOne(entry: IndexEntry, repo: ChartRepository, target: Target, inputs: MigrateInputs): Promise<MigratedVersion> {
  const r: MigratedVersion = { name: entry.name, version: entry.version, status: 'failed' }
  const label = `${entry.name} ${entry.version}`
  const { data } = await downloadChart(repo, entry, entry.name)
  if (!entry.digest) log.warning(`${label}: index.yaml gives no digest, so the download could not be checked`)
  const provBytes = await downloadProvenance(repo, entry, entry.name)
  const where = `${entry.name}-${entry.version}.tgz`
  const chart = await loadFiles(await readChartArchive(data, where), where)
  const m = chart.metadata
  if (m.name !== entry.name || m.version !== entry.version)
    throw new ChartError(`the archive of ${label} holds ${m.name} ${m.version}`, {
      chart: entry.name,
      hint: 'The repository index does not match its archives; regenerate it with helm repo index'
    })
  const archive = { digest: sha256Digest(data), size: data.length, bytes: data }
  const prov = provBytes && { digest: sha256Digest(provBytes), size: provBytes.length, bytes: provBytes }
  // The index's `created` (when the version was published) keeps the manifest the same on every run.
  const created = entry.created && !Number.isNaN(Date.parse(entry.created)) ? new Date(entry.created) : new Date()
  const artifact = buildHelmManifest({ metadata: m, chart: archive, prov, created })
  const ref = chartReference(inputs.registry, m.name, m.version)
  Object.assign(r, {
    tag: ref.tag,
    archive: archive.digest,
    prov: Boolean(prov),
    ref: `oci://${ref.host}/${ref.repository}@${artifact.digest}`,
    digest: artifact.digest
  })

  const { client } = target
  const existing = await client.getManifest(ref.repository, ref.tag)
  if (existing) {
    const same = existing.digest === artifact.digest || sameContent(existing.bytes, archive.digest, prov?.digest)
    if (same && inputs.ifExists !== 'fail') {
      Object.assign(r, {
        status: 'skipped',
        reason: 'the tag already holds this archive',
        digest: existing.digest,
        ref: `oci://${ref.host}/${ref.repository}@${existing.digest}`
      })
      log.info(`${label}: ${ref} already holds this archive; skipped`)
      return r
    }
    if (inputs.ifExists !== 'overwrite') {
      throw new RegistryError(`${ref} already holds ${same ? 'this chart' : `other content (${existing.digest})`}`, {
        registry: ref.host,
        chart: entry.name,
        hint: same
          ? 'Use if-exists: skip-identical to accept re-runs'
          : 'Chart versions are immutable once published; set if-exists: overwrite to replace it deliberately'
      })
    }
  }
  await pushArtifact(client, ref.repository, { config: artifact.config, chart: bufferSource(archive), prov, manifest: artifact })
  if (target.signing) {
    const signed = await target.signing.signChart({
      client,
      host: ref.host,
      repository: ref.repository,
      manifest: { mediaType: artifact.mediaType, digest: artifact.digest, size: artifact.size },
      archive: { name: where, digest: archive.digest }
    })
    r.signature = signed.signature
  }
  await tagManifest(client, ref.repository, ref.tag, artifact.manifest)
  r.status = 'moved'
  log.info(`${label}: pushed ${ref} (${artifact.digest}${prov ? ', with provenance' : ''})`)
  return r
}

export function migrationSummary(results: MigratedVersion[], repository: string, registry: string): string {
  const count = (s: MigrationStatus): number => results.filter((r) => r.status === s).length
  const icon: Record<MigrationStatus, string> = { moved: '✅ moved', skipped: '✔️ skipped', failed: '❌ failed' }
  return [
    `### Helm OCI Migrate: \`${safeMarkdown(repository)}\` → \`${safeMarkdown(registry)}\``,
    '',
    `${count('moved')} moved, ${count('skipped')} skipped, ${count('failed')} failed.`,
    '',
    '| Chart | Version | Status | Immutable reference | Provenance | Note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${safeMarkdown(r.name)} | ${safeMarkdown(r.version)} | ${icon[r.status]} | ${r.ref ? `\`${safeMarkdown(r.ref)}\`` : ''} | ${r.prov ? '.prov' : ''} | ${safeMarkdown(r.reason ?? '')} |`
    ),
    ''
  ].join('\n')
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const inputs = readMigrateInputs(log.runnerInputs, env, maskSecret)
  let versions: Constraint | undefined
  try {
    versions = inputs.versions ? parseConstraint(inputs.versions) : undefined
  } catch (e) {
    if (!(e instanceof ConstraintSyntaxError)) throw e
    throw new InputError(`input versions "${inputs.versions}" is not a version constraint: ${e.message}`, {
      hint: 'Write a range as in Chart.yaml, e.g. ">=1.2.0 <2.0.0", "^1.4" or "1.x || 2.x"'
    })
  }
  const target = await connect(inputs, env)
  const repo: ChartRepository = { url: inputs.repository, auth: inputs.repositoryAuth, ca: await readCaFile(inputs.caFile) }
  const index = await fetchIndex(repo)
  const { selected, missing } = selectVersions(index, inputs.charts, versions)
  log.info(`${inputs.repository}: ${selected.length} version(s) of ${new Set(selected.map((e) => e.name)).size} chart(s) selected`)
  const results: MigratedVersion[] = missing.map((name) => {
    const err = new InputError(`${inputs.repository} has no chart ${name} in its index.yaml`, {
      chart: name,
      hint: 'Check the charts input against the chart names in index.yaml'
    })
    annotate(err)
    return { name, version: '', status: 'failed', reason: errorMessage(err) }
  })
  results.push(
    ...(await pool(selected, CONCURRENCY, async (entry) =>
      migrateOne(entry, repo, target, inputs).catch((err: unknown) => {
        annotate(err)
        return { name: entry.name, version: entry.version, status: 'failed' as const, reason: errorMessage(err) }
      })
    ))
  )
  log.setOutput('versions', JSON.stringify(results))
  for (const s of ['moved', 'skipped', 'failed'] as const) log.setOutput(s, String(results.filter((r) => r.status === s).length))
  await log.appendSummary(migrationSummary(results, inputs.repository, inputs.registry.display))
  const failed = results.filter((r) => r.status === 'failed')
  return failed.length ? `${failed.length} of ${results.length} version(s) failed to migrate` : undefined
}

void runStep(() => run())
