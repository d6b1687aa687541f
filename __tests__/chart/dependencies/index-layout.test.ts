/**
 * index.yaml read one version at a time (index-layout.ts, parseIndexByVersion): where the file is cut, which layouts
 * are cut at all, and that the result is always the whole read's (parseIndexWhole): on Helm's and chart-releaser's
 * files, on YAML written in other styles, and on Helm-made files with hostile lines put in anywhere.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { BATCH_BYTES, splitIndex } from '../../../src/chart/dependencies/index-layout'
import { parseIndex, parseIndexByVersion, parseIndexWhole, type RepoIndex } from '../../../src/chart/dependencies/repo-index'

const FIXTURES = path.join(__dirname, 'fixtures', 'helm-index')
const REPO = 'https://charts.example/'

/** A read's result, or its error message. */
function outcome(read: (text: string, repository: string) => RepoIndex, text: string): RepoIndex | string {
  try {
    return read(text, REPO)
  } catch (e) {
    return (e as Error).message
  }
}
const whole = (text: string): RepoIndex | string => outcome(parseIndexWhole, text)

/** A version as `helm repo index` writes it (keys sorted, sequences not indented). */
const version = (name: string, v: string, extra = ''): string =>
  `  - apiVersion: v2\n    created: "2024-05-01T10:00:00Z"\n    digest: ${'ab'.repeat(32)}\n${extra}    name: ${name}\n    urls:\n    - ${name}-${v}.tgz\n    version: ${v}\n`

describe('splitIndex: where a Helm-made index.yaml is cut', () => {
  test('each chart is its key line and its items, as slices of the file; the rest keeps every other top-level key', () => {
    const web1 = version('web', '1.0.0')
    const web2 = version('web', '2.0.0')
    const db = version('db', '0.1.0')
    const text = `apiVersion: v1\nentries:\n  web:\n${web1}${web2}  db:\n${db}generated: "2024-05-01T10:00:00Z"\nserverInfo:\n  contextPath: /v1\n`
    expect(splitIndex(text)).toEqual({
      rest: 'apiVersion: v1\ngenerated: "2024-05-01T10:00:00Z"\nserverInfo:\n  contextPath: /v1\n',
      charts: [
        { keyLine: '  web:', batches: [web1 + web2] },
        { keyLine: '  db:', batches: [db] }
      ]
    })
  })

  test('indented sequences (items at column 4, as Helm testdata and the yaml package write them), a leading ---, no final newline', () => {
    const text = '---\napiVersion: v1\nentries:\n  web:\n    - name: web\n      version: 1.0.0\n    - name: web\n      version: 2.0.0'
    expect(splitIndex(text)).toEqual({
      rest: '---\napiVersion: v1\n',
      charts: [{ keyLine: '  web:', batches: ['    - name: web\n      version: 1.0.0\n    - name: web\n      version: 2.0.0'] }]
    })
  })

  test('entries first, other keys after it (nested ones too); a leading blank line, lines of spaces, `---` with spaces after it', () => {
    const body = 'entries:\n  web:\n   \n  - name: web\n  \n    version: 1.0.0\napiVersion: v1\nserverInfo:\n  contextPath: /v1\n'
    for (const start of ['', '\n', '---  \n']) {
      expect(splitIndex(start + body)).toEqual({
        rest: `${start}apiVersion: v1\nserverInfo:\n  contextPath: /v1\n`,
        charts: [{ keyLine: '  web:', batches: ['  - name: web\n  \n    version: 1.0.0\n'] }]
      })
      expect(parseIndex(start + body, REPO).entries.get('web')![0].version).toBe('1.0.0')
    }
  })

  test('an item whose `-` ends its line, its mapping on the lines below', () => {
    const text = 'apiVersion: v1\nentries:\n  web:\n  -\n    name: web\n    version: 1.0.0\n  - name: web\n    version: 2.0.0\n'
    expect(splitIndex(text)!.charts[0].batches).toEqual(['  -\n    name: web\n    version: 1.0.0\n  - name: web\n    version: 2.0.0\n'])
    expect(
      parseIndex(text, REPO)
        .entries.get('web')!
        .map((e) => e.version)
    ).toEqual(['2.0.0', '1.0.0'])
  })

  test('blank and comment lines stay with what they sit in: a keep-chomped block scalar keeps its blank lines', () => {
    const item = '  - name: web\n    version: 1.0.0\n    description: |+\n      text\n\n\n# a comment at column 0\n  # and at column 2\n'
    const text = `apiVersion: v1\nentries:\n  web:\n${item}\ngenerated: x\n`
    expect(splitIndex(text)!.charts[0].batches).toEqual([`${item}\n`])
    expect(parseIndex(text, REPO).entries.get('web')![0].description).toBe('text\n\n\n')
  })

  test(`batches are cut at the first item that starts ${BATCH_BYTES} bytes or more after the batch's start`, () => {
    // 1 KiB each: the first cut falls exactly on the bound.
    const pad = 1024 - version('web', '1.0.100', '    description: \n').length
    const items = Array.from({ length: 700 }, (_, i) => version('web', `1.0.${100 + i}`, `    description: ${'x'.repeat(pad)}\n`))
    const text = `apiVersion: v1\nentries:\n  web:\n${items.join('')}`
    const { batches } = splitIndex(text)!.charts[0]
    expect(batches.length).toBeGreaterThan(2)
    expect(batches.join('')).toBe(items.join(''))
    // Every version is the same size here, so each batch is a whole number of them, the last one past the bound.
    const size = items[0].length
    expect(size).toBe(1024)
    expect(items.every((i) => i.length === size)).toBe(true)
    expect(batches[0].length).toBe(BATCH_BYTES)
    expect(batches.reduce((n, b) => n + b.length / size, 0)).toBe(700)
    for (const b of batches.slice(0, -1)) {
      expect(b.length % size).toBe(0)
      expect(b.length).toBeGreaterThanOrEqual(BATCH_BYTES)
      expect(b.length - size).toBeLessThan(BATCH_BYTES)
    }
    expect(parseIndex(text, REPO).entries.get('web')).toHaveLength(700)
  })

  test.each([
    ['CR line ends (YAML also breaks at a lone CR)', 'apiVersion: v1\r\nentries:\n  web:\r\n  - name: web\r\n'],
    ['a tab', 'apiVersion: v1\nentries:\n  web:\n  - name: web\n    description: a\tb\n'],
    ['a directive', '%YAML 1.1\n---\napiVersion: v1\nentries:\n  web:\n  - name: web\n'],
    ['a second document', 'apiVersion: v1\nentries:\n  web:\n  - name: web\n---\nx: 1\n'],
    ['a document end', 'apiVersion: v1\nentries:\n  web:\n  - name: web\n...\n'],
    ['a document end with a comment', 'apiVersion: v1\nentries:\n  web:\n  - name: web\n... # end\n'],
    ['a value on a chart line', 'apiVersion: v1\nentries:\n  web: ~\n  - name: web\n'],
    ['a comment on a chart line', 'apiVersion: v1\nentries:\n  web: # the web chart\n  - name: web\n'],
    ['an explicit key after a version', 'apiVersion: v1\nentries:\n  web:\n  - name: web\n  ? x\n'],
    ['a plain scalar starting with - at the item column', 'apiVersion: v1\nentries:\n  web:\n  - name: web\n  -x: 1\n'],
    ['a tagged start', '--- !!map\napiVersion: v1\nentries:\n  web:\n  - name: web\n'],
    ['flow entries', 'apiVersion: v1\nentries: {web: [{name: web}]}\n'],
    ['a comment on the entries line', 'apiVersion: v1\nentries: # charts\n  web:\n  - name: web\n'],
    ['no chart under entries', 'apiVersion: v1\nentries:\ngenerated: x\n'],
    ['no entries', 'apiVersion: v1\n'],
    ['an explicit key', 'apiVersion: v1\nentries:\n  ? web\n  : - name: web\n'],
    ['an anchored key', 'apiVersion: v1\nentries:\n  &a web:\n  - name: web\n'],
    ['a chart at column 1', 'apiVersion: v1\nentries:\n web:\n - name: web\n'],
    ['a chart at column 4', 'apiVersion: v1\nentries:\n    web:\n    - name: web\n'],
    ['an item at column 3', 'apiVersion: v1\nentries:\n  web:\n   - name: web\n'],
    ['items at columns 4 then 2', 'apiVersion: v1\nentries:\n  web:\n    - name: web\n  - name: web\n'],
    ['a line at the item column that is no item', 'apiVersion: v1\nentries:\n  web:\n    - name: web\n    version: 1.0.0\n'],
    ['lines before the first item', 'apiVersion: v1\nentries:\n  web:\n    name: web\n'],
    ['a line under entries before any chart', 'apiVersion: v1\nentries:\n    - name: web\n'],
    ['JSON', '{\n"apiVersion": "v1",\n"entries": {}\n}\n']
  ])('not cut, read whole: %s', (_, text) => {
    expect(splitIndex(text)).toBeUndefined()
  })
})

describe('parseIndexByVersion gives what the whole read gives, or leaves the file to it', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'))

  test.each(files)("%s (Helm's testdata, chart-releaser's gh-pages): read by version, equal to the whole read", (file) => {
    const text = readFileSync(path.join(FIXTURES, file), 'utf8')
    const byVersion = parseIndexByVersion(text, REPO)
    expect(byVersion).toBeDefined()
    expect(byVersion).toEqual(whole(text))
    expect(byVersion!.entries.size).toBeGreaterThan(0)
  })

  test('the counts of the real indexes: 21 versions of argo-helm, 7 of grafana-community, nginx 0.2.0 first in Helm testdata', () => {
    const count = (f: string): number => [...parseIndex(readFileSync(path.join(FIXTURES, f), 'utf8'), REPO).entries.values()].reduce((n, l) => n + l.length, 0)
    expect(count('argo-helm-excerpt.yaml')).toBe(21)
    expect(count('grafana-community-excerpt.yaml')).toBe(7)
    expect(parseIndex(readFileSync(path.join(FIXTURES, 'local-index-unordered.yaml'), 'utf8'), REPO).entries.get('nginx')![0].version).toBe('0.2.0')
  })

  // Text that YAML allows in a chart's metadata: indicators, comment marks, line breaks, leading spaces, non-ASCII.
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', ' ', '-', ':', '#', '\n', '"', "'", '|', '>', '*', '&', '!', '%', '[', '{', 'é', '\u2028', '1', '.') }),
    fc.constantFrom('yes', 'no', 'on', '0755', '1e3', '~', 'null', '1.10', '2024-05-01', '- x', 'a: b', '  x', '---', '...')
  )
  const entry = fc.record(
    {
      apiVersion: fc.constantFrom('v1', 'v2'),
      name: fc.constantFrom('web', 'db', 'web-ui'),
      version: fc.constantFrom('1.0.0', '2.0.0-rc.1', '0.1.0+build.5', 'v1.2.3', 'not-semver'),
      description: text,
      home: text,
      keywords: fc.array(text, { maxLength: 3 }),
      annotations: fc.dictionary(fc.constantFrom('artifacthub.io/changes', 'category', 'x'), text, { maxKeys: 2 }),
      urls: fc.array(fc.constantFrom('web-1.0.0.tgz', 'https://x/y.tgz'), { maxLength: 2 }),
      digest: fc.constantFrom('ab'.repeat(32), '')
    },
    { requiredKeys: ['name', 'version'] }
  )
  const index = fc.record({
    apiVersion: fc.constantFrom('v1', ''),
    entries: fc.dictionary(fc.constantFrom('web', 'db', 'web-ui', 'é', '123', 'a b'), fc.array(entry, { minLength: 1, maxLength: 4 }), {
      minKeys: 1,
      maxKeys: 3
    }),
    generated: fc.constant('2024-05-01T10:00:00Z')
  })
  const style = fc.record({
    indentSeq: fc.boolean(),
    lineWidth: fc.constantFrom(0, 20, 80),
    blockQuote: fc.constantFrom(true, false, 'literal' as const, 'folded' as const),
    defaultStringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'BLOCK_LITERAL' as const),
    defaultKeyType: fc.constantFrom(null, 'PLAIN' as const)
  })

  test('an index in any style the yaml package writes: the same entries either way, and Helm-style ones are cut', () => {
    let cut = 0
    fc.assert(
      fc.property(index, style, (idx, opts) => {
        const yaml = stringify(idx, { ...opts, version: '1.1' })
        const byVersion = parseIndexByVersion(yaml, REPO)
        const expected = whole(yaml)
        // (Not cut, the whole read stands: compared with itself.)
        expect(byVersion ?? expected).toEqual(expected)
        if (byVersion) cut++
        // Both sequence styles with plain keys are the layout: they must be cut, not left to the whole read.
        const layout = opts.defaultKeyType === 'PLAIN' && opts.defaultStringType === 'PLAIN' && typeof expected === 'object'
        expect(layout && !byVersion).toBe(false)
      }),
      { numRuns: 300 }
    )
    expect(cut).toBeGreaterThan(50)
  })

  // Lines that break the layout, the YAML, or Helm's rules, put anywhere in a Helm-made index.
  const hostile = fc.constantFrom(
    '---',
    '...',
    '%YAML 1.2',
    '  ? web',
    '  : x',
    '  - *a',
    '  - &a {name: web, version: 9.0.0}',
    '    name: &n web',
    '    home: *n',
    'entries:',
    'apiVersion: v2',
    '  web:',
    '  web: []',
    '  db: ~',
    '  - name: web',
    '    version: 3.0.0',
    '    version: [1]',
    '    keywords: x',
    '    urls: {a: b}',
    '   - x',
    ' - y',
    '      z: 1',
    '#',
    '  # c',
    '',
    '    description: "open',
    '    description: |',
    '      block',
    '    description: >-',
    '<<: {a: 1}',
    '  <<: {}',
    '  null',
    '  ~',
    '  x',
    '  __proto__:',
    '  "<<":',
    '"  web":',
    '\t- x',
    '\u00a0- x',
    'generated: again'
  )
  const base =
    'apiVersion: v1\nentries:\n  web:\n' +
    version('web', '1.0.0') +
    version('web', '2.0.0', '    keywords:\n    - a\n') +
    '  db:\n' +
    version('db', '0.1.0') +
    'generated: x\n'

  test('a Helm-made index with hostile lines put in anywhere: cut only when the result, or the refusal, is the same', () => {
    const lines = base.split('\n')
    let cut = 0
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(lines.length), hostile), { minLength: 1, maxLength: 3 }), (inserts) => {
        const out = [...lines]
        for (const [at, line] of inserts) out.splice(Math.min(at, out.length), 0, line)
        const yaml = out.join('\n')
        const byVersion = parseIndexByVersion(yaml, REPO)
        const expected = whole(yaml)
        expect(byVersion ?? expected).toEqual(expected)
        if (byVersion) cut++
        // parseIndex is exactly the whole read, refusal and message included.
        expect(outcome(parseIndex, yaml)).toEqual(expected)
      }),
      { numRuns: 1000 }
    )
    // Most of these lines break the YAML; the rest (comments, blank lines, valid keys) must still be cut.
    expect(cut).toBeGreaterThan(30)
  })

  test("an alias, even to an anchor in the same version, leaves the file to the whole read: its alias budget is the whole file's", () => {
    const aliased = base.replace('    name: db\n', '    name: &n db\n    home: *n\n')
    expect(parseIndexByVersion(aliased, REPO)).toBeUndefined()
    expect(parseIndex(aliased, REPO).entries.get('db')![0].home).toBe('db')
    expect(parseIndexByVersion(base, REPO)).toBeDefined()
  })

  test.each([
    ['only entries (nothing else to parse)', 'entries:\n  web:\n  - name: web\n    version: 1.0.0\n'],
    ['a scalar before entries', 'web\nentries:\n  web:\n  - name: web\n    version: 1.0.0\n'],
    ['a sequence before entries', '- a\nentries:\n  web:\n  - name: web\n    version: 1.0.0\n'],
    ['a null chart name', 'apiVersion: v1\nentries:\n  null:\n  - name: web\n    version: 1.0.0\n'],
    ['a chart line that is no key', 'apiVersion: v1\nentries:\n  web:\n  - name: web\n    version: 1.0.0\n  null\n'],
    // Found by reading Stryker's survivors: the cut read took these charts' versions, the whole read refuses them.
    ['a chart whose value is ~ on its line, versions below', 'apiVersion: v1\nentries:\n  web: ~\n  - name: web\n    version: 1.0.0\n'],
    ['a chart whose value is null, versions indented below', 'apiVersion: v1\nentries:\n  web: null\n    - name: web\n      version: 1.0.0\n'],
    ['a chart line with a tag', 'apiVersion: v1\nentries:\n  web: !!null\n  - name: web\n    version: 1.0.0\n']
  ])('%s: exactly the whole read, refusal included', (_, text) => {
    expect(outcome(parseIndex, text)).toEqual(whole(text))
  })

  test("a refusal is the whole read's, even when the error is far down a file the cut read would have begun", () => {
    const late = (tail: string): string => base.replace('generated: x\n', tail)
    expect(() => parseIndex(late('  web:\n' + version('web', '3.0.0')), REPO)).toThrow(
      /invalid index.yaml from https:\/\/charts.example\/: .*Map keys must be unique/
    )
    expect(() => parseIndex(late('  ui:\n' + version('ui', '1.0.0', '    keywords: x\n')), REPO)).toThrow(
      'invalid index.yaml from https://charts.example/: https://charts.example/ index.yaml entries.ui[0]: keywords is the string x, expected a list of strings'
    )
    expect(() => parseIndex(late('  ui:\n  - name: "ui\n'), REPO)).toThrow(/invalid index.yaml from https:\/\/charts.example\/: Missing closing "quote/)
    expect(() => parseIndex(base.replace('apiVersion: v1\n', ''), REPO)).toThrow('invalid index.yaml from https://charts.example/: no API version specified')
  })
})

describe('memory: a large Helm-made index is read in a heap the whole read cannot use', () => {
  // ~10 MiB in Helm's layout: 12,000 versions shaped like Bitnami's. The whole read holds ~38x the file (~390 MiB);
  // read by version, the heap holds the entries kept and one batch's parse. A 128 MiB heap tells them apart.
  const file = path.join(process.env.TMPDIR ?? os.tmpdir(), 'big-index.yaml')
  const probe = (how: 'parseIndex' | 'parseIndexWhole'): ReturnType<typeof spawnSync> =>
    spawnSync(
      process.execPath,
      [
        '--max-old-space-size=128',
        '-r',
        path.join(__dirname, '../../../scripts/ts-require.js'),
        '-e',
        `const m = require(${JSON.stringify(path.join(__dirname, '../../../src/chart/dependencies/repo-index.ts'))});` +
          `const idx = m.${how}(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'), 'https://r');` +
          `console.log([...idx.entries.values()].reduce((n, l) => n + l.length, 0))`
      ],
      { encoding: 'utf8', timeout: 120_000 }
    )

  beforeAll(() => {
    const parts = ['apiVersion: v1\nentries:\n']
    for (let c = 0; c < 30; c++) {
      parts.push(`  chart${c}:\n`)
      for (let i = 0; i < 400; i++)
        parts.push(
          version(
            `chart${c}`,
            `1.${i}.0`,
            `    annotations:\n      images: |\n        - name: chart${c}\n          image: docker.io/bitnami/chart${c}:1.${i}.0-debian-12-r0\n` +
              `    dependencies:\n    - name: common\n      repository: oci://registry-1.docker.io/bitnamicharts\n      tags:\n      - bitnami-common\n      version: 2.x.x\n` +
              `    description: chart${c} is an open source, advanced key-value store. It is often referred to as a data structure server.\n` +
              `    keywords:\n    - chart${c}\n    - keyvalue\n    maintainers:\n    - name: Broadcom, Inc. All Rights Reserved.\n      url: https://github.com/bitnami/charts\n` +
              `    sources:\n    - https://github.com/bitnami/charts/tree/main/bitnami/chart${c}\n`
          )
        )
    }
    parts.push('generated: "2024-05-01T10:00:00Z"\n')
    writeFileSync(file, parts.join(''))
    const size = Number(execFileSync('stat', ['-c', '%s', file], { encoding: 'utf8' }))
    if (size < 9.5 * 1024 * 1024) throw new Error(`the index is ${size} bytes, too small to tell the two reads apart`)
  })

  test('read by version in 128 MiB: all 12,000 versions', () => {
    const r = probe('parseIndex')
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('12000\n')
    expect(r.status).toBe(0)
  }, 150_000)

  test('the whole read of the same file runs out of that heap (what the cut avoids)', () => {
    const r = probe('parseIndexWhole')
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/heap out of memory/)
  }, 150_000)
})
