/**
 * `helm dependency build` inside the action, per chart: the dependencies
 * Chart.yaml declares and `charts/` does not hold are taken from the lock
 * (checked with Helm's digest) or resolved from their ranges (a new lock goes
 * into the packaged chart), fetched from classic repositories, oci://
 * repositories or file:// directories, and added to the in-memory chart as the
 * archives Helm would put into `charts/` (the user's directory is never
 * written). Each index, tag list and archive is fetched once per run.
 */
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import { ChartError, PublishError } from '../../errors'
import type { RegistryClient } from '../../oci/client'
import { bufferFile, type Chart } from '../chart'
import { chartIgnoreRules, loadChartDir, loadFiles, readChartArchive } from '../loader'
import type { Dependency } from '../metadata'
import { lockYaml, saveChart } from '../save'
import { compareUtf8 } from '../../gojson'
import { parseHelmVersion } from '../semver'
import { compareVersions, ConstraintSyntaxError, parseConstraint, pickVersion, satisfies, type Constraint } from './constraints'
import { checkLock, makeLock } from './lock'
import { endsWithNameHint, listVersions, ociLocation, pullChart, type OciLocation } from './oci-repo'
import { displayUrl, downloadChart, fetchIndex, resolveChartUrl, sha256Hex, type ChartRepository, type IndexEntry, type RepoIndex } from './repo-index'
import { sameRepositoryUrl, type NamedRepository } from './repositories'
import { assertInsideWorkspace } from '../boundary'

export interface ResolvedDependency {
  name: string
  alias?: string
  version: string
  /** Where it came from: the archive URL, oci://host/repo:tag, file://path, or charts/ (vendored). */
  source: string
}

/** A chart packaged earlier in this run, for oci:// dependencies on the target registry. */
export interface InRunChart {
  version: string
  archive: string
}

export interface ResolverOptions {
  repositories: NamedRepository[]
  ca?: string | Buffer
  /** A client for an oci:// host: the target's (with its login) for the target host, anonymous elsewhere. */
  ociClient(host: string): RegistryClient
  /** Charts of this run that will be pushed to host/repository. */
  inRun?(host: string, repository: string): InRunChart[]
  /** Where file:// dependencies are packaged (never the user's chart directory). */
  workDir: string
  /** The directories a file:// dependency must lie in after symlinks (the workspace and allowed-paths). */
  roots?: () => Promise<string[]>
}

const NEWEST_SHOWN = 5

export class DependencyResolver {
  private readonly cache = new Map<string, Promise<unknown>>()
  /** Network fetches made (index.yaml, tag lists, manifests and archives); each URL or reference once. */
  fetches = 0
  /** Lookups answered from the cache. */
  reused = 0

  constructor(private readonly opts: ResolverOptions) {}

  private once<T>(key: string, network: boolean, make: () => Promise<T>): Promise<T> {
    let p = this.cache.get(key) as Promise<T> | undefined
    if (p) {
      this.reused++
      return p
    }
    if (network) this.fetches++
    p = make()
    this.cache.set(key, p)
    return p
  }

  /** The named repository for `@name`/`alias:name`, or the one configured with the same URL (for its credentials). */
  private repositoryFor(dep: Dependency, chart: string): ChartRepository {
    const r = dep.repository
    const named = r.startsWith('@') ? r.slice(1) : r.startsWith('alias:') ? r.slice('alias:'.length) : undefined
    const found = named !== undefined ? this.opts.repositories.find((x) => x.name === named) : this.opts.repositories.find((x) => sameRepositoryUrl(x.url, r))
    if (named !== undefined && !found) {
      throw new ChartError(`no repository definition for ${r} (dependency ${dep.name})`, {
        chart,
        hint: `Add "${named}=https://…" to the repositories input of this action (it replaces \`helm repo add ${named} …\`)`
      })
    }
    const url = found && named !== undefined ? found.url : r
    return {
      url,
      name: found?.name,
      ca: this.opts.ca,
      auth: found && (found.username || found.password) ? { username: found.username, password: found.password } : undefined
    }
  }

  private index(repo: ChartRepository, chart: string): Promise<RepoIndex> {
    return this.once(`index:${repo.url.replace(/\/+$/, '')}`, true, () => fetchIndex(repo, chart))
  }

  private versions(client: RegistryClient, loc: OciLocation): Promise<string[] | undefined> {
    return this.once(`tags:${loc.host}/${loc.repository}`, true, () => listVersions(client, loc))
  }

  /**
   * Resolves, checks and adds the missing dependencies of `chart` (loaded from
   * `chartDir`); returns every dependency with its source. When `charts/`
   * already holds every dependency, nothing is fetched (as `helm package`
   * without `--dependency-update`); otherwise this is `helm dependency build`
   * (pkg/downloader/manager.go Build, or Update without a lock).
   */
  async resolve(chart: Chart, chartDir: string, generated: Date): Promise<ResolvedDependency[]> {
    const where = chart.where
    const deps = (chart.metadata.dependencies ?? []).filter(Boolean)
    if (!deps.length) return []
    const v1 = chart.metadata.apiVersion === 'v1'
    const depsFile = path.join(where, v1 ? 'requirements.yaml' : 'Chart.yaml')
    const vendored = new Map(chart.dependencies.map((c) => [c.metadata.name, c]))
    const fromCharts = (d: Dependency): ResolvedDependency => ({
      name: d.name,
      alias: d.alias,
      version: vendored.get(d.name)!.metadata.version,
      source: 'charts/'
    })
    const missing = deps.filter((d) => !vendored.has(d.name))
    if (!missing.length) {
      // `helm package` checks only that each dependency is present (action.CheckDependencies); a version outside
      // the range is what `helm dependency list` shows as "wrong version": a warning here, not an error.
      for (const d of deps) {
        const why = this.outOfRange(d, vendored.get(d.name)!)
        if (why) chart.warnings.push(`${why} (helm dependency build would refuse it; helm package accepts it)`)
      }
      return deps.map(fromCharts)
    }

    for (const d of missing) {
      if (!d.repository) {
        throw new ChartError(`found in ${path.basename(depsFile)}, but missing in charts/ directory: ${d.name}`, {
          chart: where,
          file: depsFile,
          hint: `Dependency ${d.name} has no repository, so it must be vendored in charts/: add it there, or give its repository in ${path.basename(depsFile)}`
        })
      }
    }
    // Manager.downloadAll: a dependency without a repository is the chart in charts/, checked against its range.
    for (const d of deps.filter((x) => !x.repository)) {
      const why = this.outOfRange(d, vendored.get(d.name)!)
      if (why)
        throw new ChartError(why, {
          chart: where,
          file: depsFile,
          hint: `Put a version of ${d.name} that satisfies "${d.version ?? ''}" into charts/, or change the range in ${path.basename(depsFile)}`
        })
    }
    // Manager.safeMoveDeps: what the build fetched replaces charts/; of the archives there, only those of dependencies
    // without a repository stay (a vendored archive of a dependency with a repository is fetched again at the
    // resolved or locked version). Directories stay: Helm would add the download next to one, and the package would
    // hold that chart twice, so a directory is used as the dependency instead (in range, or refused).
    const local = new Set(deps.filter((d) => !d.repository).map((d) => d.name))
    const kept = (d: Dependency): boolean => vendored.has(d.name) && (!d.repository || vendored.get(d.name)!.archiveName === undefined)
    for (const d of deps.filter((x) => x.repository && kept(x))) {
      const why = this.outOfRange(d, vendored.get(d.name)!)
      if (why)
        throw new ChartError(`${why}; charts/${d.name} is a directory, so it is not replaced by a download`, {
          chart: where,
          file: depsFile,
          hint: `Remove charts/${d.name}/ so the action fetches ${d.name} from ${d.repository}, or put a version in range there`
        })
      chart.warnings.push(
        `dependency ${d.name} names repository ${d.repository} but charts/${d.name}/ is a directory: packaged as it is, at version ${vendored.get(d.name)!.metadata.version} (helm dependency build would add the download next to it)`
      )
    }
    const dropped = chart.dependencies.filter((c) => c.archiveName !== undefined && !local.has(c.metadata.name))
    chart.dependencies = chart.dependencies.filter((c) => !dropped.includes(c))
    for (const c of dropped) {
      if (!deps.some((d) => d.name === c.metadata.name))
        chart.warnings.push(
          `charts/${c.archiveName} (${c.metadata.name} ${c.metadata.version}) is not a dependency in ${path.basename(depsFile)}: left out, as helm dependency build deletes it`
        )
    }

    // Helm's resolveRepoNames: @name and alias:name become URLs before hashing and resolving.
    const req: Dependency[] = deps.map((d) => {
      const r = d.repository
      if (!r.startsWith('@') && !r.startsWith('alias:')) return d
      if (kept(d) && !this.opts.repositories.some((x) => `@${x.name}` === r || `alias:${x.name}` === r)) return d
      return { ...d, repository: this.repositoryFor(d, where).url }
    })

    const lock = chart.lock
    const lockFile = v1 ? 'requirements.lock' : 'Chart.lock'
    const versions = new Map<Dependency, string>()
    if (lock) {
      checkLock({ apiVersion: chart.metadata.apiVersion, req, original: deps, lock, chart: where })
      for (const d of req.filter((x) => !kept(x))) {
        const l = lock.dependencies?.find((x) => x && x.name === d.name)
        if (!l?.version) {
          throw new ChartError(`${lockFile} has no version for dependency ${d.name}`, {
            chart: where,
            file: path.join(where, lockFile),
            hint: `Run \`helm dependency update ${where}\` and commit the new ${lockFile}`
          })
        }
        versions.set(d, l.version)
      }
    } else {
      // Resolver.Resolve: a dependency without a repository is locked with its range as written.
      const locked: Dependency[] = []
      for (const d of req) {
        let version = d.version
        if (d.repository && kept(d)) version = vendored.get(d.name)!.metadata.version
        else if (d.repository) versions.set(d, (version = await this.pick(d, chartDir, where)))
        locked.push({ name: d.name, repository: d.repository, version })
      }
      const made = makeLock(req, locked, generated)
      chart.lock = made
      // `helm dependency update` writes requirements.lock for a v1 chart (writeLock's legacyLockfile); `helm package`
      // then loads it as one of the chart's files, in the directory walk's place, unless .helmignore leaves it out.
      if (v1 && !(await chartIgnoreRules(chartDir, where)).ignore('requirements.lock', false)) {
        const file = bufferFile('requirements.lock', Buffer.from(lockYaml(made)))
        const at = chart.files.findIndex((f) => compareUtf8(f.name.split('/')[0], file.name) > 0)
        chart.files.splice(at < 0 ? chart.files.length : at, 0, file)
      }
    }

    const fetched = new Map<Dependency, ResolvedDependency>()
    const added = new Set<string>()
    for (const [d, version] of versions) {
      const { data, source, fileName } = await this.fetch(d, version, chartDir, where, generated, lockFile)
      fetched.set(d, { name: d.name, alias: d.alias, version, source })
      if (added.has(fileName)) continue // the same archive for two aliases: Helm saves it once
      added.add(fileName)
      const subWhere = `${where}/charts/${fileName}`
      let sub: Chart
      try {
        sub = await loadFiles(await readChartArchive(data, subWhere), subWhere)
      } catch (err) {
        throw new ChartError(
          `dependency ${d.name} ${version} from ${source} is not a valid chart: ${err instanceof PublishError ? err.message : String(err)}`,
          {
            chart: where,
            hint: 'Pin another version, or ask the repository owner to republish it',
            cause: err
          }
        )
      }
      chart.dependencies.push(sub)
    }
    return req.map((d, i) => fetched.get(d) ?? fromCharts(deps[i]))
  }

  /** Helm's range check of a chart in charts/ (Manager.downloadAll); undefined when it passes. */
  private outOfRange(d: Dependency, sub: Chart): string | undefined {
    let c: Constraint
    try {
      c = parseConstraint(d.version ?? '')
    } catch (err) {
      if (!(err instanceof ConstraintSyntaxError)) throw err
      return `dependency ${d.name} has an invalid version/constraint format: ${err.message}`
    }
    const v = sub.metadata.version
    if (!parseHelmVersion(v)) return `invalid version ${v} for dependency ${d.name}`
    if (!satisfies(v, c)) return `dependency ${d.name} at version ${v} does not satisfy the constraint ${d.version ?? ''}`
    return undefined
  }

  private constraint(d: Dependency, where: string): Constraint {
    try {
      return parseConstraint(d.version ?? '')
    } catch (err) {
      if (!(err instanceof ConstraintSyntaxError)) throw err
      throw new ChartError(`dependency "${d.name}" has an invalid version/constraint format: ${err.message}`, {
        chart: where,
        file: path.join(where, 'Chart.yaml'),
        hint: 'Write a version or range such as 1.2.3, ^1.2.0, ~1.2, 1.2.* or ">= 1.0, < 2.0"'
      })
    }
  }

  /** Helm's resolver: the newest version the repository lists that satisfies the range. */
  private async pick(d: Dependency, chartDir: string, where: string): Promise<string> {
    const c = this.constraint(d, where)
    const noMatch = (repo: string, available: string[], extra?: string): never => {
      const newest = available.slice(0, NEWEST_SHOWN)
      throw new ChartError(
        `can't get a valid version for dependency ${d.name}: no version in ${repo} satisfies "${d.version ?? ''}"${newest.length ? ` (newest: ${newest.join(', ')})` : ' (it has none)'}`,
        {
          chart: where,
          registry: repo,
          file: path.join(where, 'Chart.yaml'),
          hint: extra ?? `Change the version constraint of ${d.name} in Chart.yaml, or publish a matching version to ${repo}`
        }
      )
    }
    if (d.repository.startsWith('file://')) {
      const sub = await this.localChart(d, chartDir, where)
      if (!satisfies(sub.metadata.version, c)) noMatch(d.repository, [sub.metadata.version])
      return sub.metadata.version
    }
    if (d.repository.startsWith('oci://')) {
      // An exact version is used as it is, without listing tags (as Helm does).
      if (d.version && parseHelmVersion(d.version)) return d.version
      const loc = ociLocation(d.repository, d.name)
      const client = this.opts.ociClient(loc.host)
      const remote = (await this.wrap(d, loc.display, where, () => this.versions(client, loc))) ?? []
      const local = this.opts.inRun?.(loc.host, loc.repository).map((x) => x.version) ?? []
      const all = [...new Set([...local, ...remote])].sort((a, b) => compareVersions(b, a))
      const v = pickVersion(all, c)
      if (!v) noMatch(loc.display, all, all.length ? undefined : endsWithNameHint(d.repository, d.name))
      return v!
    }
    const repo = this.repositoryFor(d, where)
    const index = await this.wrap(d, displayUrl(repo.url), where, () => this.index(repo, where))
    const entries = index.entries.get(d.name)
    if (!entries) {
      throw new ChartError(`${d.name} chart not found in repo ${displayUrl(repo.url)}`, {
        chart: where,
        registry: displayUrl(repo.url),
        hint: `Check the name of dependency ${d.name} and its repository in Chart.yaml`
      })
    }
    const usable = entries.filter((e) => e.urls.length && parseHelmVersion(e.version)).map((e) => e.version)
    const v = pickVersion(usable, c)
    if (!v) noMatch(displayUrl(repo.url), usable)
    return v!
  }

  /** Adds the dependency and repository to an error from the network layer. */
  private async wrap<T>(d: Dependency, repo: string, where: string, f: () => Promise<T>): Promise<T> {
    try {
      return await f()
    } catch (err) {
      if (err instanceof PublishError && err.message.startsWith('dependency ')) throw err
      const Kind = err instanceof PublishError ? (err.constructor as new (m: string, c: object) => PublishError) : ChartError
      const e = err as Partial<PublishError>
      throw new Kind(`dependency ${d.name} (repository ${repo}): ${e.message ?? String(err)}`, {
        chart: where,
        registry: e.registry ?? repo,
        file: e.file,
        hint: e.hint ?? 'Check the repository in Chart.yaml and that the runner can reach it',
        cause: err
      })
    }
  }

  private async localChart(d: Dependency, chartDir: string, where: string): Promise<Chart> {
    const p = d.repository.slice('file://'.length)
    const dir = path.isAbsolute(p) ? path.resolve(p) : path.join(chartDir, p)
    const st = await fs.stat(dir).catch(() => undefined)
    if (!st?.isDirectory()) {
      throw new ChartError(`directory ${dir} not found (dependency ${d.name}, repository ${d.repository})`, {
        chart: where,
        file: path.join(where, 'Chart.yaml'),
        hint: 'file:// paths are relative to the chart directory; check the path and that the checkout contains it'
      })
    }
    if (this.opts.roots) await assertInsideWorkspace(dir, await this.opts.roots(), `file:// dependency ${d.name} (${d.repository}) of ${where}`)
    return loadChartDir(dir, path.relative(process.cwd(), dir) || dir)
  }

  private async fetch(
    d: Dependency,
    version: string,
    chartDir: string,
    where: string,
    generated: Date,
    lockFile: string
  ): Promise<{ data: Buffer; source: string; fileName: string }> {
    if (d.repository.startsWith('file://')) {
      const sub = await this.localChart(d, chartDir, where)
      if (!satisfies(sub.metadata.version, this.constraint({ ...d, version }, where))) {
        throw new ChartError(`can't get a valid version for dependency ${d.name}: ${d.repository} holds ${sub.metadata.version}, the lock wants ${version}`, {
          chart: where,
          hint: `Run \`helm dependency update ${where}\` and commit the new ${lockFile}`
        })
      }
      // tarFromLocalDir: packaged with Helm's Save into charts/<name>-<version>.tgz (here in the work directory, one
      // folder per source directory: a digest of its whole path, so two paths that end alike do not share one).
      const dest = path.join(this.opts.workDir, 'file-deps', sha256Hex(Buffer.from(path.resolve(chartDir, d.repository.slice(7)))))
      const saved = await this.once(`file:${dest}:${generated.getTime()}`, false, () => saveChart(sub, { destDir: dest, mtime: generated }))
      return { data: await fs.readFile(saved.path), source: d.repository, fileName: path.basename(saved.path) }
    }
    if (d.repository.startsWith('oci://')) {
      const loc = ociLocation(d.repository, d.name)
      const local = this.opts.inRun?.(loc.host, loc.repository).find((x) => x.version === version)
      const ref = `oci://${loc.host}/${loc.repository}:${version.replace(/\+/g, '_')}`
      if (local) return { data: await fs.readFile(local.archive), source: `${ref} (packaged in this run)`, fileName: `${d.name}-${version}.tgz` }
      const client = this.opts.ociClient(loc.host)
      const data = await this.wrap(d, loc.display, where, () => this.once(`oci:${ref}`, true, () => pullChart(client, loc, version, where, d.name)))
      return { data, source: ref, fileName: `${d.name}-${version}.tgz` }
    }
    const repo = this.repositoryFor(d, where)
    const shown = displayUrl(repo.url)
    const index = await this.wrap(d, shown, where, () => this.index(repo, where))
    const want = parseHelmVersion(version)
    const entry: IndexEntry | undefined = index.entries
      .get(d.name)
      // Helm's findVersionedEntry: an entry without URLs is not a legit entry.
      ?.find((e) => e.urls.length > 0 && (e.version === version || (want && parseHelmVersion(e.version) && compareVersions(e.version, version) === 0)))
    if (!entry) {
      const available = (index.entries.get(d.name) ?? []).map((e) => e.version).slice(0, NEWEST_SHOWN)
      throw new ChartError(
        `dependency ${d.name} ${version} (locked in ${lockFile}) is not in ${shown}${available.length ? ` (newest: ${available.join(', ')})` : ''}`,
        {
          chart: where,
          registry: shown,
          hint: `Run \`helm dependency update ${where}\` to lock a version the repository has, and commit ${lockFile}`
        }
      )
    }
    const got = await this.wrap(d, shown, where, () =>
      this.once(`chart:${resolveChartUrl(repo.url, entry.urls[0]).href}`, true, () => downloadChart(repo, entry, where))
    )
    return { data: got.data, source: displayUrl(got.url), fileName: got.fileName }
  }
}
