/**
 * Everything that happens before the network: load and validate each chart,
 * apply overrides, package it reproducibly, sign Helm's .prov when a GPG key
 * is given, and
 * build the exact OCI manifest Helm would push. A bad chart is reported here
 * and stops the run before anything is published.
 */
import * as log from './report/log'
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import { annotate } from './annotate'
import { loadLazy } from './lazy'
import type { ChartSource } from './chart/discover'
import { applyOverrides, checkDependencies, loadChartArchive, loadChartDir, saveChart, sourceDateEpoch, metadataYaml, type Chart } from './chart'
import type { Metadata } from './chart/metadata'
import { verifyArchive } from './chart/verify-archive'
import { buildHelmManifest, fileDigest, sha256Digest, type HelmManifest } from './oci/helm-artifact'
import { chartReference, type ChartReference } from './oci/reference'
import type { Inputs } from './inputs'
import type { ChartResult } from './report/result'
import { ChartError, errorMessage, InputError } from './errors'
import { readRegularFile, workspaceRoots } from './chart/boundary'
import { MAX_FILE_SIZE } from './chart/archive'
import { dependencyEdges, dependencyOrder, DependencyCycleError, type OrderNode } from './chart/dependencies/order'
import { DependencyResolver, type InRunChart } from './chart/dependencies/resolve'
import { archiveDeclarations, directoryDeclarations } from './chart/loader'
import { createCredentialSource } from './auth'
import { RegistryClient } from './oci/client'
import { isLoopbackHost } from './oci/reference'
import { readCaFile } from './publish'
import * as os from 'node:os'

export interface Blob {
  digest: string
  size: number
}

export interface PreparedChart {
  source: ChartSource
  /** Filled in as the chart moves along; `status: failed` stops it. */
  result: ChartResult
  metadata?: Metadata
  archive?: Blob & { path: string }
  /** Helm's provenance file, pushed as a layer of the chart. */
  prov?: Blob & { bytes: Buffer }
  artifact?: HelmManifest
  ref?: ChartReference
  /** Name and version as Chart.yaml declares them (read for the ordering), to name a chart skipped before it was packaged. */
  declared?: { name?: string; version?: string }
}

type HelmProv = typeof import('./sign/helm-prov')
type ProvKey = Awaited<ReturnType<HelmProv['loadProvKey']>>

/** The .prov next to a .tgz: a regular file of sane size inside the workspace, or none. */
async function readNeighbourProv(source: ChartSource, inputs: Inputs): Promise<Buffer | undefined> {
  const what = `${source.display}.prov`
  return readRegularFile(`${source.path}.prov`, {
    maxSize: MAX_FILE_SIZE,
    within: await workspaceRoots(inputs.workspace, inputs.allowedPaths),
    fail: (why) =>
      new ChartError(`${what} ${why}`, { chart: source.display, file: what, hint: 'Remove it or make it the regular .prov file helm package --sign wrote' })
  })
}

async function ensureOutputDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST' && err.code !== 'ENOTDIR') throw err
    throw new InputError(`output-dir ${dir} is not a directory (a file is in the way)`, {
      file: dir,
      hint: 'Point output-dir at a directory, or remove the file'
    })
  })
}

/** Dependency resolution shared by the charts of one run (one cache, the charts packaged so far). */
interface DependencyContext {
  resolver: DependencyResolver
  /** host/repository → charts of this run packaged for it. */
  inRun: Map<string, InRunChart[]>
}

async function prepareOne(source: ChartSource, inputs: Inputs, deps: DependencyContext, provKey?: ProvKey): Promise<PreparedChart> {
  const result: ChartResult = { source: source.display, status: inputs.dryRun ? 'dry-run' : 'published' }
  const prepared: PreparedChart = { source, result }
  const chart: Chart = source.kind === 'directory' ? await loadChartDir(source.path, source.display) : await loadChartArchive(source.path, source.display)
  const overridden = Boolean(inputs.version || inputs.appVersion)
  if (overridden) applyOverrides(chart, { version: inputs.version, appVersion: inputs.appVersion })
  const when = await sourceDateEpoch(source.path, process.env)
  if (source.kind === 'directory') {
    result.dependencies = await deps.resolver.resolve(chart, source.path, when.date)
    for (const d of result.dependencies) log.info(`Dependency ${d.alias ? `${d.alias} (${d.name})` : d.name} ${d.version} from ${d.source}`)
  }
  checkDependencies(chart)
  const metadata = chart.metadata
  Object.assign(result, { name: metadata.name, version: metadata.version })
  prepared.metadata = metadata
  result.warnings = [...(chart.warnings ?? [])]

  log.info(`Time stamps: ${when.date.toISOString()}, from ${when.source}`)
  if (when.warning) result.warnings.push(when.warning)
  if (source.kind === 'archive' && !overridden) {
    // A packaged chart is pushed byte for byte, as `helm push` does.
    prepared.archive = { path: source.path, ...(await fileDigest(source.path)) }
  } else {
    await ensureOutputDir(inputs.outputDir)
    prepared.archive = await saveChart(chart, { destDir: inputs.outputDir, mtime: when.date })
  }
  // Read back independently (gzip CRC32/ISIZE, tar structure, Helm's loader) before anything is pushed.
  await verifyArchive(prepared.archive.path, source.display, metadata)
  Object.assign(result, { size: prepared.archive.size, archive: prepared.archive.path })
  log.info(`Packaged ${path.basename(prepared.archive.path)}: ${prepared.archive.size} bytes, ${prepared.archive.digest}`)

  const neighbour = source.kind === 'archive' && !overridden && !provKey ? await readNeighbourProv(source, inputs) : undefined
  if (neighbour) {
    // `helm push` pushes a .prov lying next to the archive, unvalidated; so do we.
    prepared.prov = { bytes: neighbour, digest: sha256Digest(neighbour), size: neighbour.length }
    log.info(`Found ${path.basename(source.path)}.prov: pushed as the provenance layer`)
  }
  if (provKey) {
    const { helmProvenance } = loadLazy<HelmProv>('sign/helm-prov')
    const bytes = await helmProvenance(
      prepared.archive.path,
      path.basename(prepared.archive.path),
      metadataYaml(metadata),
      provKey.key,
      prepared.archive.digest
    )
    prepared.prov = { bytes, digest: sha256Digest(bytes), size: bytes.length }
    // Next to the archive, as `helm package --sign` leaves it (for release assets).
    if (source.kind === 'directory' || overridden) await fs.writeFile(`${prepared.archive.path}.prov`, bytes, { mode: 0o644 })
    log.info(`Signed ${path.basename(prepared.archive.path)}.prov with key ${provKey.fingerprint}`)
  }

  prepared.ref = chartReference(inputs.registry, metadata.name, metadata.version)
  prepared.artifact = buildHelmManifest({ metadata, chart: prepared.archive, prov: prepared.prov, created: when.date })
  Object.assign(result, {
    tag: prepared.ref.tag,
    digest: prepared.artifact.digest,
    ref: `oci://${prepared.ref.host}/${prepared.ref.repository}@${prepared.artifact.digest}`
  })
  return prepared
}

/** What the ordering needs from each chart: its name and dependencies, read from Chart.yaml (and requirements.yaml) alone (a bad file is reported later). */
async function orderNode(source: ChartSource): Promise<OrderNode & { version?: string }> {
  const node: OrderNode & { version?: string } = { display: source.display, dependencies: [] }
  if (source.kind === 'directory') node.dir = source.path
  try {
    Object.assign(
      node,
      source.kind === 'directory' ? await directoryDeclarations(source.path, source.display) : await archiveDeclarations(source.path, source.display)
    )
  } catch {
    // prepareOne reports it with the chart's context
  }
  return node
}

/** oci:// dependencies on the target host use the target's login; other hosts are pulled anonymously. */
function dependencyResolver(inputs: Inputs, ca: Buffer | undefined, inRun: Map<string, InRunChart[]>, workDir: string): DependencyResolver {
  const clients = new Map<string, RegistryClient>()
  return new DependencyResolver({
    repositories: inputs.repositories,
    ca,
    workDir,
    roots: () => workspaceRoots(inputs.workspace, inputs.allowedPaths),
    inRun: (host, repository) => inRun.get(`${host}/${repository}`) ?? [],
    ociClient: (host) => {
      let c = clients.get(host)
      if (!c) {
        const plainHttp = inputs.plainHttp === 'auto' ? isLoopbackHost(host) : inputs.plainHttp === 'true'
        const credentials = host === inputs.registry.host ? createCredentialSource(host, inputs.login, process.env) : undefined
        c = new RegistryClient({ host, plainHttp, ca, credentials, userAgent: 'helm-oci-publish' })
        clients.set(host, c)
      }
      return c
    }
  })
}

/** The packaging side of a run: the charts in dependency order, what each needs first, and the step that packages one. */
export interface Packaging {
  /** One entry per chart, in dependency order (charts in a cycle first, already failed); filled in by `packageChart`. */
  charts: PreparedChart[]
  /** Source path → the charts of this run it needs first (file:// or the target registry). */
  needs: Map<string, string[]>
  /** Charts that failed before anything ran (a dependency cycle). */
  failed: string[]
  /** Packages one chart into its entry; false when it failed (reported: annotation and result). */
  packageChart(p: PreparedChart): Promise<boolean>
  /** Removes the run's dependency downloads and reports what they cost. */
  close(): Promise<void>
}

export async function startPackaging(sources: ChartSource[], inputs: Inputs): Promise<Packaging> {
  const failed: PreparedChart[] = []
  // Charts that depend on charts of this run come after them (file:// or the target registry).
  const nodes = await Promise.all(sources.map(orderNode))
  let order: number[]
  try {
    order = dependencyOrder(nodes, inputs.registry)
  } catch (err) {
    if (!(err instanceof DependencyCycleError)) throw err
    annotate(err)
    for (const i of err.members) failed.push({ source: sources[i], result: { source: sources[i].display, status: 'failed', error: errorMessage(err) } })
    order = sources.map((_s, i) => i).filter((i) => !err.members.includes(i))
  }
  const edges = dependencyEdges(nodes, inputs.registry)
  const needs = new Map(sources.map((s, i) => [s.display, edges[i].map((j) => sources[j].display)]))
  const charts = [
    ...failed,
    ...order.map((i): PreparedChart => ({
      source: sources[i],
      result: { source: sources[i].display, status: inputs.dryRun ? 'dry-run' : 'published' },
      declared: { name: nodes[i].name || undefined, version: inputs.version || nodes[i].version || undefined }
    }))
  ]
  const inRun = new Map<string, InRunChart[]>()
  const workDir = await fs.mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'helm-oci-publish-deps-'))
  const deps: DependencyContext = { resolver: dependencyResolver(inputs, await readCaFile(inputs.caFile), inRun, workDir), inRun }
  const started = Date.now()
  let provKey: ProvKey | undefined
  if (inputs.gpg) {
    const { loadProvKey } = loadLazy<HelmProv>('sign/helm-prov')
    provKey = await loadProvKey({ armoredPrivateKey: inputs.gpg.privateKey, passphrase: inputs.gpg.passphrase })
    for (const w of provKey.warnings) log.warning(w)
  }
  // A second chart with the same name and version fails. Which one is decided by the charts input's order (from the
  // declarations), not by which finishes packaging first, so the same input always fails the same chart.
  const owner = new Map<string, string>()
  const declaredKey = (c: PreparedChart): string | undefined =>
    c.declared?.name && c.declared.version ? `${c.declared.name}@${c.declared.version}` : undefined
  for (const i of sources.keys()) {
    const entry = charts.find((c) => c.source === sources[i])
    const key = entry && declaredKey(entry)
    if (key && !owner.has(key)) owner.set(key, sources[i].display)
  }
  // repository:tag → the chart that claimed it first, for charts whose declarations could not be read in advance.
  const claimed = new Map<string, string>()

  const packageChart = async (entry: PreparedChart): Promise<boolean> => {
    const { source } = entry
    return log.group(`Package ${source.display}`, async () => {
      try {
        const prepared = await prepareOne(source, inputs, deps, provKey)
        Object.assign(entry, prepared, { result: Object.assign(entry.result, prepared.result) })
        for (const w of entry.result.warnings ?? []) log.warning(`${entry.result.name}: ${w}`, { file: path.join(source.display, 'Chart.yaml') })
        const key = `${entry.ref!.repository}:${entry.ref!.tag}`
        const declared = declaredKey(entry)
        const first = declared && owner.get(declared)
        const other = first ? (first !== source.display ? first : undefined) : claimed.get(key)
        if (other) {
          throw new ChartError(`${source.display} and ${other} are both ${entry.result.name} ${entry.result.version}; only one can be pushed to ${key}`, {
            chart: entry.result.name,
            file: source.display,
            hint: 'Remove one from the charts input or give them different versions'
          })
        }
        claimed.set(key, source.display)
        const repo = `${entry.ref!.host}/${entry.ref!.repository}`
        inRun.set(repo, [...(inRun.get(repo) ?? []), { version: entry.result.version!, archive: entry.archive!.path }])
        return true
      } catch (err) {
        const e = err instanceof ChartError || !(err instanceof Error) ? err : new ChartError(err.message, { chart: source.display, cause: err })
        annotate(e)
        Object.assign(entry.result, { status: 'failed', error: errorMessage(e) })
        return false
      }
    })
  }

  const close = async (): Promise<void> => {
    await fs.rm(workDir, { recursive: true, force: true })
    const { fetches, reused } = deps.resolver
    if (fetches || reused)
      log.info(
        `Dependencies: ${fetches} fetch(es) for ${charts.length} chart(s) in ${Date.now() - started} ms; ${reused} lookup(s) served from this run's cache`
      )
  }
  return { charts, needs, failed: failed.map((p) => p.source.display), packageChart, close }
}
