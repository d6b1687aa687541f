/**
 * Chart.yaml as Helm reads it: sigs.k8s.io/yaml (go-yaml v2, YAML 1.1) turns
 * it into JSON, coercing scalars into the string fields Helm declares, then
 * Go's encoding/json fills `chart.Metadata` (keys matched case-insensitively,
 * unknown keys dropped). `validateMetadata` is `(*Metadata).Validate`,
 * including the sanitizing that changes what gets packaged and pushed.
 */
import { CST, Lexer, parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml'
import { ChartError } from '../errors'
import { compareUtf8 } from '../gojson'
import { metadataJson, type Dependency, type Maintainer, type Metadata } from './metadata'
import { sanitizeString } from './sanitize'
import { isStrictSemver, parseHelmVersion } from './semver'
import { jsonToYaml } from './yaml-marshal'

/**
 * Bounds checked before any YAML is parsed: the parser recurses per nesting
 * level (its stack overflows near 400 levels, after taking a gigabyte for a
 * million `[`) and keeps a document tree of about 2 KiB per node, so deeper
 * or larger input is refused from a token scan that holds nothing.
 */
export const MAX_YAML_DEPTH = 128
export const MAX_YAML_NODES = 50000

/**
 * Refuses YAML that nests deeper or holds more nodes than the limits, from the lexer's tokens alone. A block line's
 * depth is that of the line it is nested in (the last one indented less) plus its indicators (`- `, `? `, `: `); a
 * key in line with the key above it (`- a: 1`, then `  b: 2`) is a sibling in that key's map, so it counts from the
 * map, not from the key's value; a `- ` in line with an inner `- ` above it (`- - a`, then `  - b`) is the next item
 * of that inner sequence (a `? ` likewise); a `- ` in line with a key that starts its line (`k:`, then `- a`) is that
 * key's value; a key's column is where its node begins (its anchor, tag or `[`/`{`); a block scalar's text is
 * skipped whole.
 * Inside flow collections each `[`/`{` counts, and a `key: value` pair written straight in a flow sequence counts
 * once more (the map it makes), up to its `,`.
 */
export function guardYaml(text: string, file: string, chart?: string): void {
  const refuse = (what: string, hint: string): never => {
    throw new ChartError(`cannot parse ${file}: ${what}`, { chart, file, hint })
  }
  let nodes = 0
  // Counted as each node is read, so a node that ends the text (a block scalar, whose tokens skip the checks below) counts too.
  const count = (): void => {
    if (++nodes > MAX_YAML_NODES) {
      refuse(
        `it holds more than ${MAX_YAML_NODES} YAML nodes`,
        "Split the data or move it into a file under files/ (the limit keeps the parser within the action's memory)"
      )
    }
  }
  let lineStart = true
  let indent = 0
  let extra = 0
  let col = 0
  // Where the first node on this line began (its anchor, tag, `[`/`{` or text): the column of the line's key, if it has one.
  let nodeCol = -1
  let skipScalarSource = false
  // A block scalar (`|`, `>`) comes next: its text takes whole lines, up to the start of the line after it.
  let blockScalar = false
  // The block lines still open above this one: indentation, depth at the line's end, its key's column and depth, and
  // the column and the depth before each of its `- ` and `? ` (where a sequence item or an explicit key's map starts).
  const lines: { indent: number; depth: number; keyCol: number; keyDepth: number; items: Map<number, number> }[] = []
  let base = 0
  // The open flow collections (a sequence's weight is 2 while a pair written in it is open) and their total.
  const flows: { seq: boolean; weight: number }[] = []
  let flowDepth = 0
  for (const tok of new Lexer().lex(text)) {
    if (skipScalarSource) {
      skipScalarSource = false
      col += tok.length
      if (blockScalar) {
        blockScalar = false
        lineStart = true
        indent = 0
        col = 0
        nodeCol = -1
        extra = 0
      }
      continue
    }
    const type = CST.tokenType(tok)
    if (blockScalar && type === 'scalar') {
      skipScalarSource = true
      count()
      continue
    }
    if (type === 'newline') {
      lineStart = true
      indent = 0
      col = 0
      nodeCol = -1
      // A flow collection continued on the next line is still inside the line that opened it.
      if (!flows.length) extra = 0
      continue
    }
    if (type === 'space' && lineStart) {
      indent = tok.length
      col = indent
      continue
    }
    if (type !== 'doc-mode' && type !== 'scalar') col += tok.length
    if (lineStart && !flows.length && type !== 'comment') {
      const item = type === 'seq-item-ind'
      // A sequence in line with a key that starts its line stays inside that line (the key's value).
      while (lines.length && lines[lines.length - 1].indent >= indent && !(item && lines[lines.length - 1].keyCol === indent)) lines.pop()
      const up = lines[lines.length - 1]
      // In line with the key above it: a sibling key of that map, unless it starts a sequence (the key's value); in
      // line with a `- ` or `? ` above it (first, as a key can sit right of it): the next item of that sequence, or the
      // next key or `: ` of that map.
      base = !up ? 1 : (up.items.get(indent) ?? (!item && indent <= up.keyCol ? up.keyDepth : up.depth))
      lines.push({ indent, depth: base, keyCol: -1, keyDepth: 0, items: new Map() })
    }
    lineStart = false
    const top = flows[flows.length - 1]
    switch (type) {
      case 'scalar':
        skipScalarSource = true
        if (nodeCol < 0) nodeCol = col
        count()
        break
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        if (nodeCol < 0) nodeCol = col - tok.length
        count()
        break
      case 'anchor':
      case 'tag':
      case 'alias':
        if (nodeCol < 0) nodeCol = col - tok.length
        break
      case 'flow-map-start':
      case 'flow-seq-start':
        if (nodeCol < 0) nodeCol = col - tok.length
        flows.push({ seq: type === 'flow-seq-start', weight: 1 })
        flowDepth++
        count()
        break
      case 'flow-map-end':
      case 'flow-seq-end':
        if (top) flowDepth -= flows.pop()!.weight
        break
      case 'comma':
        if (top?.weight === 2) {
          top.weight = 1
          flowDepth--
        }
        break
      case 'map-value-ind':
      case 'explicit-key-ind':
        if (top) {
          if (top.seq && top.weight === 1) {
            top.weight = 2
            flowDepth++
          }
          break
        }
        if (type === 'map-value-ind' && lines.length && lines[lines.length - 1].keyCol < 0) {
          lines[lines.length - 1].keyCol = nodeCol
          lines[lines.length - 1].keyDepth = base + extra
        }
      // falls through: a `? ` opens its map at its column, as a `- ` opens its sequence
      case 'seq-item-ind':
        if (!top && type !== 'map-value-ind' && lines.length) lines[lines.length - 1].items.set(col - tok.length, base + extra)
        extra++
        break
      case 'block-scalar-header':
        blockScalar = true
        break
      case 'doc-start':
        lines.length = 0
        break
    }
    const depth = base + extra + flowDepth
    if (!flows.length && type !== 'comment' && lines.length) lines[lines.length - 1].depth = depth
    if (depth > MAX_YAML_DEPTH) {
      refuse(
        `it nests deeper than ${MAX_YAML_DEPTH} levels`,
        `No chart needs YAML nested this deep; flatten the structure (the limit keeps the parser's memory and stack bounded)`
      )
    }
  }
}

/** JSON (values.schema.json) nodes: V8 builds them cheaply, but not without bound. */
export const MAX_JSON_NODES = 200000

/** The same bounds for JSON, from one pass over the text outside strings. */
export function guardJson(text: string, file: string, chart?: string): void {
  let depth = 0
  let nodes = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      nodes++
      if (++depth > MAX_YAML_DEPTH)
        throw new ChartError(`cannot parse ${file}: it nests deeper than ${MAX_YAML_DEPTH} levels`, {
          chart,
          file,
          hint: 'No schema needs JSON nested this deep'
        })
    } else if (c === 0x5d || c === 0x7d) depth--
    else if (c === 0x2c && ++nodes > MAX_JSON_NODES)
      throw new ChartError(`cannot parse ${file}: it holds more than ${MAX_JSON_NODES} JSON values`, { chart, file, hint: 'Split the schema or shrink it' })
  }
}

/**
 * go-yaml v2 resolves YAML 1.1 scalars (yes/no, octal), keeps integers exact, but leaves timestamps as strings, and
 * base-60 numbers (1:20) too: its resolver "purposefully" leaves them out (resolve.go).
 */
export const GO_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  intAsBigInt: true,
  customTags: (tags) =>
    tags.filter((t) => {
      const { tag, format } = t as { tag?: string; format?: string }
      return typeof t === 'string' || (tag !== 'tag:yaml.org,2002:timestamp' && format !== 'TIME')
    })
}

/** YAML as go-yaml v2 reads it (duplicate keys allowed, the later wins, as with its non-strict Unmarshal). */
export function parseYaml11(text: string, file: string, chart?: string): unknown {
  guardYaml(text, file, chart)
  const doc = parseDocument(text, { ...GO_YAML, uniqueKeys: false })
  if (doc.errors.length) {
    const e = doc.errors[0]
    throw new ChartError(`cannot parse ${file}: ${e.message.split('\n')[0]}`, { chart, file, hint: 'Fix the YAML syntax' })
  }
  try {
    return doc.toJS({ maxAliasCount: 1000 })
  } catch (err) {
    // The alias bound (a billion-laughs document): named like any other parse failure.
    throw new ChartError(`cannot parse ${file}: ${(err as Error).message}`, {
      chart,
      file,
      hint: 'Use fewer YAML aliases (*name); write the values out instead'
    })
  }
}

/** Go's `strconv.FormatFloat(v, 'g', -1, 32)`: what sigs.k8s.io/yaml writes for a float in a string field. */
export function formatFloat32(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN'
  const f = Math.fround(v)
  if (f === 0) return Object.is(f, -0) ? '-0' : '0'
  let digits = ''
  for (let p = 1; p <= 9; p++) {
    digits = f.toPrecision(p)
    if (Math.fround(parseFloat(digits)) === f) break
  }
  // Go's shortest 'g': exponent form when exp < -4 || exp >= 6 (eprec is 6 for shortest).
  const [mant, expPart] = Number(digits).toExponential().split('e')
  const exp = parseInt(expPart, 10)
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  return String(Number(digits))
}

type Path = string

class Decoder {
  constructor(
    readonly file: string,
    readonly chart?: string
  ) {}

  fail(path: Path, got: string, want: string): never {
    throw new ChartError(`cannot load ${this.file}: ${path} is ${got}, expected ${want}`, {
      chart: this.chart,
      file: this.file,
      hint: `Write ${path} as ${want}`
    })
  }

  kind(v: unknown): string {
    if (v === null || v === undefined) return 'null'
    if (Array.isArray(v)) return 'a list'
    if (v instanceof Date) return 'a timestamp'
    return typeof v === 'object' ? 'a mapping' : `the ${typeof v === 'bigint' ? 'number' : typeof v} ${v as string | number | boolean | bigint}`
  }

  /** A Go `string` field: scalars are converted, null leaves it empty. */
  str(v: unknown, path: Path): string | undefined {
    if (v === null || v === undefined) return undefined
    if (typeof v === 'string') return v
    if (typeof v === 'bigint') return v.toString()
    // YAML ints arrive as bigint (FormatInt), floats as number (FormatFloat, 32-bit).
    if (typeof v === 'number') return formatFloat32(v)
    if (typeof v === 'boolean') return v ? 'true' : 'false'
    return this.fail(path, this.kind(v), 'a string')
  }

  strList(v: unknown, path: Path): string[] | undefined {
    if (v === null || v === undefined) return undefined
    if (!Array.isArray(v)) return this.fail(path, this.kind(v), 'a list of strings')
    return v.map((x, i) => this.str(x, `${path}[${i}]`) ?? '')
  }

  bool(v: unknown, path: Path): boolean | undefined {
    if (v === null || v === undefined) return undefined
    if (typeof v === 'boolean') return v
    return this.fail(path, this.kind(v), 'true or false')
  }

  map(v: unknown, path: Path): Record<string, unknown> | undefined {
    if (v === null || v === undefined) return undefined
    if (typeof v !== 'object' || Array.isArray(v) || v instanceof Date) return this.fail(path, this.kind(v), 'a mapping')
    return v as Record<string, unknown>
  }

  strMap(v: unknown, path: Path): Record<string, string> | undefined {
    const m = this.map(v, path)
    if (!m) return undefined
    const out: Record<string, string> = {}
    for (const [k, x] of Object.entries(m)) out[k] = this.str(x, `${path}.${k}`) ?? ''
    return out
  }

  /**
   * sigs.k8s.io/yaml hands encoding/json the mapping as JSON with its keys sorted byte-wise, and encoding/json sets
   * a field for each key in turn, matched exactly or case-insensitively: of several keys for one field, the last in
   * byte order wins (the exact, lower-case one when present).
   */
  fields<T extends string>(obj: Record<string, unknown>, names: readonly T[]): Partial<Record<T, unknown>> {
    const out: Partial<Record<T, unknown>> = {}
    for (const k of Object.keys(obj).sort(compareUtf8)) {
      const v = obj[k]
      // (No two field names fold alike, so the case-insensitive match is also the exact one.)
      const name = names.find((n) => n.toLowerCase() === k.toLowerCase())
      if (name) out[name] = v
    }
    return out
  }
}

const METADATA_KEYS = [
  'name',
  'home',
  'sources',
  'version',
  'description',
  'keywords',
  'maintainers',
  'icon',
  'apiVersion',
  'condition',
  'tags',
  'appVersion',
  'deprecated',
  'annotations',
  'kubeVersion',
  'dependencies',
  'type'
] as const
const MAINTAINER_KEYS = ['name', 'email', 'url'] as const
const DEPENDENCY_KEYS = ['name', 'version', 'repository', 'condition', 'tags', 'enabled', 'import-values', 'alias'] as const

/** JSON-compatible copy of parsed YAML data such as `import-values` (bigints become numbers, as Go's float64). */
export function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v)
  if (Array.isArray(v)) return v.map(plain)
  if (v instanceof Date) return v.toISOString()
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
  return v
}

/** `null` list entries stay null so that validation can report them as Helm does. */
export type RawMetadata = Omit<Metadata, 'maintainers' | 'dependencies'> & { maintainers?: Array<Maintainer | null>; dependencies?: Array<Dependency | null> }

export function decodeDependencies(v: unknown, d: Decoder, path: string): Array<Dependency | null> | undefined {
  if (v === null || v === undefined) return undefined
  if (!Array.isArray(v)) return d.fail(path, d.kind(v), 'a list')
  return v.map((x, i) => {
    const obj = d.map(x, `${path}[${i}]`)
    if (!obj) return null
    const f = d.fields(obj, DEPENDENCY_KEYS)
    const iv = f['import-values']
    if (iv !== undefined && iv !== null && !Array.isArray(iv)) d.fail(`${path}[${i}].import-values`, d.kind(iv), 'a list')
    return {
      name: d.str(f.name, `${path}[${i}].name`) ?? '',
      version: d.str(f.version, `${path}[${i}].version`),
      repository: d.str(f.repository, `${path}[${i}].repository`) ?? '',
      condition: d.str(f.condition, `${path}[${i}].condition`),
      tags: d.strList(f.tags, `${path}[${i}].tags`),
      enabled: d.bool(f.enabled, `${path}[${i}].enabled`),
      'import-values': iv ? (plain(iv) as unknown[]) : undefined,
      alias: d.str(f.alias, `${path}[${i}].alias`)
    }
  })
}

/** Chart.yaml text → metadata, exactly as far as Helm's loader reads it. */
export function decodeMetadata(text: string, file = 'Chart.yaml', chart?: string): RawMetadata {
  return metadataFromValue(parseYaml11(text, file, chart), file, chart)
}

/** Parsed YAML (Chart.yaml, or an index.yaml entry, which embeds the metadata) → metadata, as Go's encoding/json fills it. */
export function metadataFromValue(raw: unknown, file: string, chart?: string): RawMetadata {
  const d = new Decoder(file, chart)
  const obj = raw === null || raw === undefined ? {} : d.map(raw, 'the document')!
  const f = d.fields(obj, METADATA_KEYS)
  const maintainers = f.maintainers
  if (maintainers !== undefined && maintainers !== null && !Array.isArray(maintainers)) d.fail('maintainers', d.kind(maintainers), 'a list')
  return {
    name: d.str(f.name, 'name') ?? '',
    home: d.str(f.home, 'home'),
    sources: d.strList(f.sources, 'sources'),
    version: d.str(f.version, 'version') ?? '',
    description: d.str(f.description, 'description'),
    keywords: d.strList(f.keywords, 'keywords'),
    maintainers: (maintainers as unknown[] | undefined | null)?.map((x, i) => {
      const m = d.map(x, `maintainers[${i}]`)
      if (!m) return null
      const mf = d.fields(m, MAINTAINER_KEYS)
      return { name: d.str(mf.name, `maintainers[${i}].name`), email: d.str(mf.email, `maintainers[${i}].email`), url: d.str(mf.url, `maintainers[${i}].url`) }
    }),
    icon: d.str(f.icon, 'icon'),
    // The loader's default for charts that predate apiVersion.
    apiVersion: d.str(f.apiVersion, 'apiVersion') || 'v1',
    condition: d.str(f.condition, 'condition'),
    tags: d.str(f.tags, 'tags'),
    appVersion: d.str(f.appVersion, 'appVersion'),
    deprecated: d.bool(f.deprecated, 'deprecated'),
    annotations: d.strMap(f.annotations, 'annotations'),
    kubeVersion: d.str(f.kubeVersion, 'kubeVersion'),
    dependencies: decodeDependencies(f.dependencies, d, 'dependencies'),
    type: d.str(f.type, 'type')
  }
}

/**
 * `dependencies` of a requirements.yaml, which Helm's loader unmarshals over the metadata: present only when the file
 * has the key (absent, Go's encoding/json leaves the field as Chart.yaml set it; null clears it).
 */
export function decodeRequirements(text: string, file: string, chart?: string): { dependencies?: Array<Dependency | null> } {
  const d = new Decoder(file, chart)
  const raw = parseYaml11(text, file, chart)
  const obj = raw === null || raw === undefined ? {} : d.map(raw, 'the document')!
  const f = d.fields(obj, ['dependencies'] as const)
  return 'dependencies' in f ? { dependencies: decodeDependencies(f.dependencies, d, 'dependencies') } : {}
}

const S = (s: string | undefined): string | undefined => (s === undefined ? undefined : sanitizeString(s))
const ALIAS = /^[a-zA-Z0-9_-]+$/

/**
 * `(*Metadata).Validate`: sanitizes the strings Helm sanitizes (the packaged
 * Chart.yaml and the OCI config carry the sanitized values), then checks in
 * Helm's order. Returns the metadata and warnings for what Helm accepts but
 * OCI users should not rely on.
 */
export function validateMetadata(raw: RawMetadata, file = 'Chart.yaml', chart?: string): { metadata: Metadata; warnings: string[] } {
  const err = (message: string, hint: string): ChartError => new ChartError(`validation: ${message}`, { chart: chart ?? raw.name, file, hint })
  const m: RawMetadata = {
    ...raw,
    name: sanitizeString(raw.name),
    description: S(raw.description),
    home: S(raw.home),
    icon: S(raw.icon),
    condition: S(raw.condition),
    tags: S(raw.tags),
    appVersion: S(raw.appVersion),
    kubeVersion: S(raw.kubeVersion),
    sources: raw.sources?.map((s) => sanitizeString(s)),
    keywords: raw.keywords?.map((s) => sanitizeString(s)),
    maintainers: raw.maintainers?.map((x) => (x ? { name: S(x.name), email: S(x.email), url: S(x.url) } : null)),
    dependencies: raw.dependencies?.map((x) =>
      x
        ? {
            ...x,
            name: sanitizeString(x.name),
            version: S(x.version),
            repository: sanitizeString(x.repository),
            condition: S(x.condition),
            tags: x.tags?.map((t) => sanitizeString(t))
          }
        : null
    )
  }
  const warnings: string[] = []
  if (!m.apiVersion) throw err('chart.metadata.apiVersion is required', 'Add apiVersion: v2')
  if (m.apiVersion !== 'v1' && m.apiVersion !== 'v2') {
    throw new ChartError(`apiVersion "${m.apiVersion}" is not supported`, {
      chart: chart ?? m.name,
      file,
      hint: 'Use apiVersion: v2 (Helm 3 and 4 charts) or v1'
    })
  }
  if (!m.name) throw err('chart.metadata.name is required', 'Add name: <chart name> to Chart.yaml')
  if (m.name === '.' || m.name === '..') throw err(`chart.metadata.name "${m.name}" is not allowed`, 'Give the chart a real name')
  if (m.name.includes('/') || m.name.includes('\\')) throw err(`chart.metadata.name "${m.name}" is invalid`, 'A chart name cannot contain a path separator')
  if (!m.version) throw err('chart.metadata.version is required', 'Add version: 0.1.0 (SemVer 2) to Chart.yaml')
  if (!parseHelmVersion(m.version))
    throw err(`chart.metadata.version "${m.version}" is invalid`, 'Use a SemVer 2 version such as 1.2.3, 1.2.3-rc.1 or 1.2.3+build.5')
  if (!isStrictSemver(m.version)) {
    warnings.push(
      `version "${m.version}" is not strict SemVer 2; Helm packages it, but \`helm pull\`/\`install\` without --version only find strict versions such as 1.2.3`
    )
  }
  if (m.type && m.type !== 'application' && m.type !== 'library')
    throw err('chart.metadata.type must be application or library', 'Set type: application or type: library')
  if (m.maintainers?.some((x) => x === null)) throw err('maintainers must not contain empty or null nodes', 'Remove the empty entry under maintainers')
  const seen = new Set<string>()
  for (const dep of m.dependencies ?? []) {
    if (!dep) throw err('dependencies must not contain empty or null nodes', 'Remove the empty entry under dependencies')
    if (dep.alias && !ALIAS.test(dep.alias))
      throw err(`dependency "${dep.name}" has disallowed characters in the alias`, 'An alias may contain letters, digits, "_" and "-"')
    const key = dep.alias || dep.name
    if (seen.has(key)) throw err(`more than one dependency with name or alias "${key}"`, 'Give each dependency a unique alias')
    seen.add(key)
  }
  if (m.apiVersion === 'v1' && m.type) warnings.push('type is only used with apiVersion v2')
  return { metadata: m as Metadata, warnings }
}

/** The Chart.yaml Helm writes into the archive: `yaml.Marshal(metadata)`, without `dependencies` for apiVersion v1. */
export function metadataYaml(m: Metadata): string {
  return jsonToYaml(metadataJson(m.apiVersion === 'v1' ? { ...m, dependencies: undefined } : m))
}
