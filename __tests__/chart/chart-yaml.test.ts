/**
 * chart-yaml.ts details a silent slip would change in every packaged Chart.yaml and OCI config: the float text a
 * string field gets (Go strconv.FormatFloat(v, 'g', -1, 32): the shortest digits that read back as the same
 * float32, %e when the exponent is < -4 or >= 6, two-digit exponents, "+Inf"/"-Inf"/"NaN"), Go's case-insensitive
 * field matching (exact name first, later keys win), and refusals that name the file, the field and what to write.
 */
import fc from 'fast-check'
import { Document, isMap, isPair, isSeq, parseDocument, Scalar, visit, YAMLMap, YAMLSeq } from 'yaml'
import {
  decodeMetadata,
  decodeRequirements,
  formatFloat32,
  guardJson,
  guardYaml,
  metadataYaml,
  parseYaml11,
  validateMetadata,
  type RawMetadata
} from '../../src/chart/chart-yaml'
import { ChartError } from '../../src/errors'
import fieldVectors from '../fixtures/go/json-fields/vectors.json'
import { thrown } from '../support/caught'

describe('formatFloat32 is Go FormatFloat(v, g, -1, 32)', () => {
  test.each<[number, string]>([
    [1, '1'],
    [1.1, '1.1'],
    [2.5, '2.5'],
    [-2.5, '-2.5'],
    [0.1, '0.1'],
    [0.3, '0.3'],
    [100, '100'],
    [123456, '123456'],
    [999999, '999999'],
    [1e6, '1e+06'],
    [1234567, '1.234567e+06'],
    [16777217, '1.6777216e+07'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [3.4e38, '3.4e+38'],
    [1e-40, '1e-40'],
    [0, '0'],
    [-0, '-0'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN']
  ])('%p → %s', (v, text) => {
    expect(formatFloat32(v)).toBe(text)
  })

  test('a YAML float in a string field becomes that text, as Helm reads Chart.yaml', () => {
    const m = decodeMetadata('apiVersion: v2\nname: x\nversion: 1e6\nappVersion: 0.00001\nkubeVersion: .5\n')
    expect([m.version, m.appVersion, m.kubeVersion]).toEqual(['1e+06', '1e-05', '0.5'])
  })
})

describe('Go encoding/json field matching', () => {
  // Go's own pipeline (__tests__/fixtures/go/json-fields/main.go): keys sorted byte-wise, then matched in turn.
  test.each(fieldVectors as Array<[string, Record<string, unknown>]>)('%j → %j', (yaml, want) => {
    const got = decodeMetadata(yaml) as unknown as Record<string, unknown>
    for (const [k, v] of Object.entries(want)) expect(got[k]).toEqual(v)
  })

  test('null leaves a field empty, booleans and integers become their text', () => {
    const m = decodeMetadata('name: x\nversion: 1.0.0\ndescription: ~\nhome: true\nicon: 0x10\nkeywords: [null, off, 012]\n')
    expect([m.description, m.home, m.icon, m.keywords]).toEqual([undefined, 'true', '16', ['', 'false', '10']])
  })

  test('dependencies: fields matched the same way, import-values kept as data (integers as numbers)', () => {
    const m = decodeMetadata(
      'apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies:\n- NAME: db\n  Version: 1.x\n  repository: https://r\n  Enabled: true\n  tags: [a, 1]\n  import-values: [{child: a, parent: 2}]\n  ALIAS: d\n'
    )
    expect(m.dependencies).toEqual([
      {
        name: 'db',
        version: '1.x',
        repository: 'https://r',
        condition: undefined,
        tags: ['a', '1'],
        enabled: true,
        'import-values': [{ child: 'a', parent: 2 }],
        alias: 'd'
      }
    ])
  })
})

describe('refusals name the file, the field and what to write', () => {
  const refusal = (yaml: string): ChartError => thrown<ChartError>(() => decodeMetadata(yaml, 'charts/x/Chart.yaml', 'charts/x'))

  test.each([
    ['name: [a]\nversion: 1.0.0\n', 'name is a list, expected a string', 'Write name as a string'],
    ['name: {a: 1}\nversion: 1.0.0\n', 'name is a mapping, expected a string', 'Write name as a string'],
    ['name: x\nversion: 1.0.0\nkeywords: abc\n', 'keywords is the string abc, expected a list of strings', 'Write keywords as a list of strings'],
    ['name: x\nversion: 1.0.0\ndeprecated: "yes"\n', 'deprecated is the string yes, expected true or false', 'Write deprecated as true or false'],
    ['name: x\nversion: 1.0.0\ndeprecated: 1\n', 'deprecated is the number 1, expected true or false', 'Write deprecated as true or false'],
    ['name: x\nversion: 1.0.0\nannotations: [a]\n', 'annotations is a list, expected a mapping', 'Write annotations as a mapping'],
    ['name: x\nversion: 1.0.0\nmaintainers: bob\n', 'maintainers is the string bob, expected a list', 'Write maintainers as a list'],
    ['name: x\nversion: 1.0.0\nmaintainers: [[bob]]\n', 'maintainers[0] is a list, expected a mapping', 'Write maintainers[0] as a mapping'],
    ['name: x\nversion: 1.0.0\ndependencies: {a: 1}\n', 'dependencies is a mapping, expected a list', 'Write dependencies as a list'],
    [
      'name: x\nversion: 1.0.0\ndependencies:\n- name: a\n  import-values: b\n',
      'dependencies[0].import-values is the string b, expected a list',
      'Write dependencies[0].import-values as a list'
    ],
    ['name: x\nversion: 1.0.0\ndependencies:\n- name: a\n  enabled: on\n  tags: x\n', 'dependencies[0].tags is the string x', 'Write dependencies[0].tags as'],
    ['- a\n- b\n', 'the document is a list, expected a mapping', 'Write the document as a mapping'],
    ['name: x\nversion: 1.0.0\nannotations:\n  a: [1]\n', 'annotations.a is a list, expected a string', 'Write annotations.a as a string']
  ])('%j', (yaml, message, hint) => {
    const err = refusal(yaml)
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toContain(`cannot load charts/x/Chart.yaml: ${message}`)
    expect(err).toMatchObject({ chart: 'charts/x', file: 'charts/x/Chart.yaml' })
    expect(err.hint).toContain(hint)
  })

  test('a timestamp where a string belongs is refused as a timestamp only where go-yaml makes one', () => {
    // go-yaml v2 leaves timestamps as strings when decoding into interface{} (what sigs.k8s.io/yaml does).
    expect(decodeMetadata('name: x\nversion: 1.0.0\ndescription: 2024-01-01\n').description).toBe('2024-01-01')
  })

  test('base-60 numbers stay strings, as go-yaml v2 reads them', () => {
    // go-yaml v2.4.0 resolve.go: "Base 60 floats are a bad idea, were dropped in YAML 1.2, and are purposefully
    // unsupported here"; strconv.ParseInt/ParseFloat refuse the ':' and the scalar resolves as !!str. So Helm keeps
    // an epoch-style appVersion as written, where YAML 1.1's sexagesimal rule would make 1:20 the number 80.
    for (const v of ['1:20', '2:1.0', '-1:30', '190:20:30']) {
      expect([v, decodeMetadata(`name: x\nversion: 1.0.0\nappVersion: ${v}\n`).appVersion]).toEqual([v, v])
    }
    expect(parseYaml11('a: 1:20\nb: 1:20.5\nc: 010\nd: 0x1F\ne: 1_000\n', 'Chart.lock')).toEqual({ a: '1:20', b: '1:20.5', c: 8n, d: 31n, e: 1000n })
  })

  test('validation names the chart and the file', () => {
    const err = thrown<ChartError>(() => validateMetadata(decodeMetadata('apiVersion: v2\nversion: 1.0.0\n'), 'charts/x/Chart.yaml', 'charts/x'))
    expect(err.message).toBe('validation: chart.metadata.name is required')
    expect(err).toMatchObject({ chart: 'charts/x', file: 'charts/x/Chart.yaml' })
  })
})

describe('guardYaml bounds the nesting the YAML parser builds', () => {
  // The oracle: the depth of the tree the yaml package parses (nodes on the longest path, the leaf scalar included),
  // not the guard's token count. Every shape nests at a steady rate, so the documents around 128 levels are found
  // from the first two.
  const treeDepth = (n: unknown): number =>
    isMap(n) || isSeq(n) ? 1 + Math.max(0, ...n.items.map((i) => (isPair(i) ? Math.max(treeDepth(i.key), treeDepth(i.value)) : treeDepth(i)))) : 1
  const parsedDepth = (text: string): number => {
    const doc = parseDocument(text, { version: '1.1' })
    expect(doc.errors).toEqual([])
    return treeDepth(doc.contents)
  }
  const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n')
  const shapes: Record<string, (n: number) => string> = {
    'block mappings': (n) => lines(n, (i) => `${' '.repeat(i)}k:`) + ' v',
    'compact block sequences': (n) => '- '.repeat(n) + 'x',
    'flow sequences': (n) => '['.repeat(n) + 'x' + ']'.repeat(n),
    'flow mappings': (n) => '{a: '.repeat(n) + '1' + '}'.repeat(n),
    'pairs written in flow sequences': (n) => '[a: '.repeat(n) + 'x' + ']'.repeat(n),
    'closed pairs in flow sequences': (n) => '[a: 1, '.repeat(n) + 'x' + ']'.repeat(n),
    'a flow mapping over many lines': (n) => 'k: {\n' + lines(n, () => '  a: {') + '1' + '}'.repeat(n + 1),
    'a flow sequence over many lines': (n) => 'a: [\n' + lines(n, () => '  [') + 'x' + ']'.repeat(n + 1),
    'sequences of mappings': (n) => lines(n, (i) => `${'  '.repeat(i)}- k:`),
    'sibling keys under list items, comments between': (n) => lines(n, (i) => `${'    '.repeat(i)}- name: n${i}\n# c\n${'    '.repeat(i)}  items:`),
    'quoted sibling keys': (n) => lines(n, (i) => `${'  '.repeat(i)}- "k": 1\n${'  '.repeat(i)}  'j':`),
    'three sequences a line': (n) => lines(n, (i) => ' '.repeat(i * 7) + '- - - k:'),
    'comments between a key and its value': (n) => lines(n, (i) => `${' '.repeat(i)}k:\n# c\n${' '.repeat(i)}  # c`) + ' v',
    'quoted keys over nested values': (n) => lines(n, (i) => `${' '.repeat(i)}"key":`) + ' v',
    'an explicit key holding flow sequences': (n) => '? ' + '['.repeat(n) + 'x' + ']'.repeat(n),
    'explicit keys': (n) => lines(n, (i) => `${'  '.repeat(i)}? k\n${'  '.repeat(i)}:`),
    'a key, then a sequence in line with it': (n) => lines(n, (i) => `${'  '.repeat(i)}k:\n${'  '.repeat(i)}- j:`),
    // A sequence in line with its key is the key's value, one level below the key's map, at every level.
    'sequences in line with their keys, all the way down': (n) => lines(n, (i) => `${'  '.repeat(i)}k:\n${'  '.repeat(i)}-`) + ' x',
    'sequences in line with nested keys': (n) => lines(n, (i) => `${'    '.repeat(i)}k:\n${'    '.repeat(i)}- a:`) + ' x',
    'a sequence in line with the last key': (n) => lines(n, (i) => `${' '.repeat(i)}k:`) + `\n${' '.repeat(n)}j:\n${' '.repeat(n)}- x\n${' '.repeat(n)}- y`,
    // The next line in line with an inner `- ` of a compact sequence is that inner sequence's next item.
    'compact sequences continued on the next line': (n) => '- '.repeat(n) + `x\n${'  '.repeat(n - 1)}- y`,
    // A `: ` with no key before it on its line (an empty key, or an explicit key's value) holds what is indented below.
    'a value with an empty key, nested below': (n) => ':\n' + lines(n, (i) => `${' '.repeat(i + 1)}k:`) + ' v',
    'an explicit key, its value nested below': (n) => '? x\n:\n' + lines(n, (i) => `${' '.repeat(i + 1)}k:`) + ' v',
    // A `,` closes only a pair written in a flow sequence; a closed flow collection no longer counts.
    'commas before nested flow sequences': (n) => '[a, b, '.repeat(n) + 'x' + ']'.repeat(n),
    'block nesting after closed flow collections': (n) => 'a: [x, {y: 1}]\nb: {y: [1]}\nc:\n' + lines(n + 3, (i) => `${' '.repeat(i + 1)}k:`) + ' v',
    // A block scalar's text takes whole lines: the line after it is a line of its own, at its own indentation.
    'block scalars between nested keys': (n) => lines(n, (i) => `${'  '.repeat(i)}s: |\n${'  '.repeat(i)}  t\n${'  '.repeat(i)}k:`) + ' v',
    'block scalars starting with a blank line': (n) => lines(n, (i) => `${'  '.repeat(i)}- k: |\n\n${'  '.repeat(i)}    t\n${'  '.repeat(i)}  j:`) + ' v',
    'folded block scalars in sequences, blank lines and comments after': (n) =>
      lines(n, (i) => `${'  '.repeat(i)}- >-\n${'  '.repeat(i)}  t\n\n# c\n${'  '.repeat(i)}-`) + ' x',
    'compact sequences under a key, continued': (n) => lines(n, (i) => `${' '.repeat(3 * i)}k:\n${' '.repeat(3 * i)}- - x\n${' '.repeat(3 * i)}  -`) + ' x',
    // A key begins at its anchor, its tag or its `[`/`{`, not at its text or its last scalar.
    'anchored and tagged keys, then a sequence in line with them': (n) => lines(n, (i) => `${'  '.repeat(i)}&a${i} !!str k:\n${'  '.repeat(i)}- j:`) + ' [x]',
    'flow collections as keys, then a sequence in line with them': (n) => lines(n, (i) => `${'  '.repeat(i)}[abc, "b"]:\n${'  '.repeat(i)}- j:`) + ' [x]',
    'keys with anchors over nested values': (n) => lines(n, (i) => `${'  '.repeat(i)}&a${i} k:`) + ' v',
    // A `? ` in line with the `? ` above it is that map's next key, even where the key above holds a map.
    'list items holding explicit keys that hold maps': (n) => lines(n, (i) => `${'    '.repeat(i)}- ? k: v\n${'    '.repeat(i)}  ?`) + ' x',
    // The line after a block scalar's text is read as any other: its key, its `- `, its empty key.
    'keys after block scalars, sibling keys nested below': (n) =>
      lines(n, (i) => `${'    '.repeat(i)}- s: |\n${'    '.repeat(i)}    t\n${'    '.repeat(i)}- a: 1\n${'    '.repeat(i)}  b:`) + ' v',
    'an empty key after a block scalar, nested below': (n) => 's: |\n  t\n:\n' + lines(n, (i) => `${' '.repeat(i + 1)}k:`) + ' v',
    // A key after a sequence in line with the key above is that map's next key, not an item's.
    'a key, a sequence in line with it, then the next key': (n) => lines(n, (i) => `${' '.repeat(i)}k:\n${' '.repeat(i)}- x\n${' '.repeat(i)}j:`) + ' v',
    // `---` inside a line is a plain scalar, not a document start.
    'plain "---" values between nested keys': (n) => lines(n, (i) => `${'  '.repeat(i)}a: ---\n${'  '.repeat(i)}b:`) + ' v',
    // A pair written in a flow sequence counts once, however it is written.
    'explicit keys in flow sequences': (n) => '[? a : '.repeat(n) + 'x' + ']'.repeat(n)
  }
  test.each(Object.entries(shapes))('%s: refused exactly when deeper than 128', (_, shape) => {
    const d1 = parsedDepth(shape(1))
    const step = parsedDepth(shape(2)) - d1
    const n0 = Math.floor((128 - d1) / step) + 1
    const seen: boolean[] = []
    for (let n = n0 - 2; n <= n0 + 2; n++) {
      const depth = parsedDepth(shape(n))
      seen.push(depth > 128)
      let refused: string | undefined
      try {
        guardYaml(shape(n), 'charts/x/values.yaml', 'charts/x')
      } catch (e) {
        refused = (e as Error).message
      }
      expect([depth, refused]).toEqual([depth, depth > 128 ? 'cannot parse charts/x/values.yaml: it nests deeper than 128 levels' : undefined])
    }
    // Both sides of the limit were tried.
    expect(seen).toContain(true)
    expect(seen).toContain(false)
  })

  // Random documents as the yaml package writes them (block and flow collections, compact `- - `, quoted keys,
  // literal block scalars, anchors, comments, 2 to 5 spaces of indentation), one path 120 to 134 levels deep.
  test('random documents around the limit: refused exactly when the parsed tree is deeper than 128', () => {
    const build = (doc: Document, depth: number, rand: () => number, inFlow: boolean): unknown => {
      if (depth <= 1) {
        const leaf = doc.createNode(rand() < 0.15 ? 'a\nb\n' : 'x') as Scalar
        if (!inFlow && leaf.value !== 'x') leaf.type = 'BLOCK_LITERAL'
        return leaf
      }
      const coll = rand() < 0.5 ? new YAMLSeq() : new YAMLMap()
      coll.flow = inFlow || rand() < 0.1
      const n = 1 + Math.floor(rand() * 3)
      const deep = Math.floor(rand() * n)
      for (let i = 0; i < n; i++) {
        const child = build(doc, i === deep ? depth - 1 : Math.min(depth - 1, 1 + Math.floor(rand() * 3)), rand, coll.flow) as Scalar
        if (!coll.flow && rand() < 0.1) child.commentBefore = ' c'
        if (rand() < 0.1) child.anchor = `a${i}`
        if (isSeq(coll)) coll.items.push(child)
        else {
          const key = doc.createNode(`k${i}`) as Scalar
          if (rand() < 0.3) key.type = rand() < 0.5 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE'
          coll.items.push(doc.createPair(key, child))
        }
      }
      return coll
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 120, max: 134 }),
        fc.integer({ min: 1 }),
        fc.integer({ min: 2, max: 5 }),
        fc.boolean(),
        (depth, seed, indent, indentSeq) => {
          let state = seed
          const rand = (): number => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32
          const doc = new Document()
          doc.contents = build(doc, depth, rand, false) as Scalar
          let text = ''
          try {
            text = doc.toString({ indent, indentSeq, lineWidth: 0 })
          } catch {
            // The stringifier recurses per level too: some deep flow collections take more stack than it has.
          }
          fc.pre(text !== '')
          let refused = false
          try {
            guardYaml(text, 'values.yaml')
          } catch {
            refused = true
          }
          expect(refused).toBe(parsedDepth(text) > 128)
        }
      ),
      { numRuns: 40, seed: 13, maxSkipsPerRun: 10 }
    )
  })

  // The oracle: each item builds one scalar or flow collection in the parser's tree (counted in a short list).
  test.each<[string, string]>([
    ['plain scalars', 'x'],
    ['single-quoted scalars', "'x'"],
    ['double-quoted scalars', '"x"'],
    ['flow sequences', '[]'],
    ['flow mappings', '{}'],
    ['block scalars', '|\n  x']
  ])('%s: 50,000 pass, one more is refused', (_, item) => {
    let built = 0
    visit(parseDocument(lines(3, () => `- ${item}`)), {
      Scalar: () => void built++,
      Seq: (_k, s) => void (s.flow && built++),
      Map: (_k, m) => void (m.flow && built++)
    })
    expect(built).toBe(3)
    for (const n of [50000, 50001]) {
      const text = lines(n, () => `- ${item}`)
      let refused: string | undefined
      try {
        guardYaml(text, 'values.yaml')
      } catch (e) {
        refused = (e as Error).message
      }
      expect(refused).toBe(n > 50000 ? 'cannot parse values.yaml: it holds more than 50000 YAML nodes' : undefined)
    }
  })

  // A stray `]`/`}`, a map on the `---` line: the guard lets the parser report them (its first line, naming the file).
  test.each([
    ['a: ]\n', 'Unexpected flow-seq-end token'],
    ['- }\n', 'Unexpected flow-map-end token'],
    ['--- a: 1\n', 'Block collection cannot start on same line with directives-end marker']
  ])("%j is the parser's syntax error, naming the file", (text, message) => {
    expect(parseDocument(text).errors[0].message).toMatch(new RegExp(`^${message}`))
    const err = thrown<ChartError>(() => parseYaml11(text, 'charts/x/values.yaml', 'charts/x'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toMatch(new RegExp(`^cannot parse charts/x/values\\.yaml: ${message}`))
  })

  test('the refusal names the chart and file and says what to do', () => {
    const err = thrown<ChartError>(() => guardYaml('- '.repeat(129) + 'x', 'charts/x/values.yaml', 'charts/x'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err).toMatchObject({ chart: 'charts/x', file: 'charts/x/values.yaml' })
    expect(err.hint).toMatch(/flatten the structure/)
    const many = thrown<ChartError>(() =>
      guardYaml(
        lines(50001, (i) => `- ${i}`),
        'values.yaml'
      )
    )
    expect(many.message).toBe('cannot parse values.yaml: it holds more than 50000 YAML nodes')
    expect(many.hint).toMatch(/files\//)
    expect(() =>
      guardYaml(
        lines(50000, (i) => `- ${i}`),
        'values.yaml'
      )
    ).not.toThrow()
  })
})

describe('parseYaml11', () => {
  test('aliases resolve (go-yaml v2 allows hundreds); past the bound the refusal names the file', () => {
    const aliases = (n: number): string => `a: &a {k: v}\nb: [${Array(n).fill('*a').join(', ')}]\n`
    const v = parseYaml11(aliases(500), 'Chart.lock') as { b: unknown[] }
    expect(v.b).toHaveLength(500)
    expect(v.b[499]).toEqual({ k: 'v' })
    const err = thrown<ChartError>(() => parseYaml11(aliases(2000), 'charts/x/Chart.lock', 'charts/x'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toMatch(/^cannot parse charts\/x\/Chart\.lock: .*alias/)
    expect(err).toMatchObject({ chart: 'charts/x', file: 'charts/x/Chart.lock' })
    expect(err.hint).toMatch(/aliases/)
  })

  test('a syntax error names the file, the first line of the parser message, and what to do', () => {
    const err = thrown<ChartError>(() => parseYaml11('a: [b\n', 'charts/x/Chart.lock', 'charts/x'))
    expect(err).toBeInstanceOf(ChartError)
    // The parser's first line only: its code excerpt and caret stay out of a one-line message.
    expect(err.message).toMatch(/^cannot parse charts\/x\/Chart\.lock: Flow sequence .* at line 2, column 1:$/)
    expect(err).toMatchObject({ chart: 'charts/x', file: 'charts/x/Chart.lock', hint: 'Fix the YAML syntax' })
  })
})

describe('guardJson bounds values.schema.json before JSON.parse', () => {
  const depth = (n: number): string => '['.repeat(n) + ']'.repeat(n)
  test('128 levels pass, 129 do not; brackets inside strings (with escaped quotes) do not count', () => {
    expect(() => guardJson(depth(128), 's.json')).not.toThrow()
    const err = thrown<ChartError>(() => guardJson(depth(129), 'charts/x/values.schema.json', 'charts/x'))
    expect(err.message).toBe('cannot parse charts/x/values.schema.json: it nests deeper than 128 levels')
    expect(err).toMatchObject({ chart: 'charts/x', file: 'charts/x/values.schema.json' })
    expect(() => guardJson(`[${JSON.stringify('\\"' + '['.repeat(200))}]`, 's.json')).not.toThrow()
    expect(() => guardJson(`{"a":${depth(127)},"b":${depth(127)}}`, 's.json')).not.toThrow()
    expect(err.hint).toMatch(/nested/)
  })

  test('objects count as arrays do; a string ends at its closing quote', () => {
    const objects = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n)
    expect(JSON.parse(objects(128))).toBeTruthy()
    expect(() => guardJson(objects(128), 's.json')).not.toThrow()
    expect(() => guardJson(objects(129), 's.json')).toThrow('cannot parse s.json: it nests deeper than 128 levels')
    // 200 sibling objects, two levels deep.
    expect(() => guardJson(`[${'{},'.repeat(200)}{}]`, 's.json')).not.toThrow()
    expect(() => guardJson(`[${'[],'.repeat(200)}[]]`, 's.json')).not.toThrow()
    // After a string (escapes included) the brackets count again.
    expect(() => guardJson(`["x", "a\\\\", ${depth(128)}]`, 's.json')).toThrow(/nests deeper than 128 levels/)
    expect(() => guardJson(`["x", "a\\\\", ${depth(127)}]`, 's.json')).not.toThrow()
  })

  test('200,000 values pass, one more does not', () => {
    expect(() => guardJson(`[${'0,'.repeat(199999)}0]`, 's.json')).not.toThrow()
    const err = thrown<ChartError>(() => guardJson(`[${'0,'.repeat(200000)}0]`, 'charts/x/values.schema.json', 'charts/x'))
    expect(err.message).toBe('cannot parse charts/x/values.schema.json: it holds more than 200000 JSON values')
    expect(err).toMatchObject({ chart: 'charts/x', file: 'charts/x/values.schema.json' })
    expect(err.hint).toMatch(/shrink/)
    expect(() => guardJson(`["${','.repeat(300000)}"]`, 's.json')).not.toThrow()
  })
})

describe('every field is named in its refusal', () => {
  test.each(['home', 'description', 'icon', 'apiVersion', 'condition', 'tags', 'appVersion', 'kubeVersion', 'type'])('%s', (field) => {
    const err = thrown<ChartError>(() => decodeMetadata(`name: x\nversion: 1.0.0\n${field}: [a]\n`))
    expect(err.message).toBe(`cannot load Chart.yaml: ${field} is a list, expected a string`)
    // Without a file argument the file is Chart.yaml.
    expect(err.file).toBe('Chart.yaml')
  })
  test.each([
    ['sources: {a: 1}', 'sources is a mapping, expected a list of strings'],
    ['maintainers: [{name: [a]}]', 'maintainers[0].name is a list, expected a string'],
    ['maintainers: [{name: a, email: [a]}]', 'maintainers[0].email is a list, expected a string'],
    ['maintainers: [{name: a, url: {a: 1}}]', 'maintainers[0].url is a mapping, expected a string'],
    ['dependencies: [{name: a, alias: [b]}]', 'dependencies[0].alias is a list, expected a string'],
    ['dependencies: [{name: [a]}]', 'dependencies[0].name is a list, expected a string'],
    ['dependencies: [{name: a, version: [1]}]', 'dependencies[0].version is a list, expected a string'],
    ['dependencies: [{name: a, repository: {a: 1}}]', 'dependencies[0].repository is a mapping, expected a string'],
    ['dependencies: [{name: a, condition: [c]}]', 'dependencies[0].condition is a list, expected a string'],
    ['dependencies: [{name: a, enabled: ~}, {name: b, enabled: x}]', 'dependencies[1].enabled is the string x, expected true or false'],
    ['dependencies: [a]', 'dependencies[0] is the string a, expected a mapping'],
    ['keywords: [a, [b]]', 'keywords[1] is a list, expected a string'],
    ['name: ~\nhome: [a]', 'home is a list, expected a string']
  ])('%s', (line, message) => {
    expect(thrown(() => decodeMetadata(`name: x\nversion: 1.0.0\n${line}\n`)).message).toBe(`cannot load Chart.yaml: ${message}`)
  })
  test('requirements.yaml: the document and its dependencies', () => {
    expect(thrown(() => decodeRequirements('- a\n', 'c/requirements.yaml')).message).toBe(
      'cannot load c/requirements.yaml: the document is a list, expected a mapping'
    )
    expect(thrown(() => decodeRequirements('dependencies: a\n', 'c/requirements.yaml')).message).toBe(
      'cannot load c/requirements.yaml: dependencies is the string a, expected a list'
    )
  })
})

// helm/helm pkg/chart/v2/loader LoadFiles: yaml.Unmarshal of an empty Chart.yaml leaves Metadata empty, APIVersion then
// defaults to v1, and (*Metadata).Validate fails on the name; an empty requirements.yaml changes nothing.
describe('empty documents', () => {
  test('an empty Chart.yaml (or only a comment) is a v1 chart without a name', () => {
    for (const text of ['', '# nothing\n', '---\n']) {
      const raw = decodeMetadata(text)
      expect([raw.apiVersion, raw.name, raw.version]).toEqual(['v1', '', ''])
      expect(thrown(() => validateMetadata(raw)).message).toBe('validation: chart.metadata.name is required')
    }
  })
  test('null scalars are the empty string where Go stores a zero value: an annotation, a dependency name', () => {
    const m = decodeMetadata('name: x\nversion: 1.0.0\nannotations: {a: ~}\ndependencies: [{name: ~, repository: ~}]\n')
    expect(m.annotations).toEqual({ a: '' })
    expect(m.dependencies).toEqual([expect.objectContaining({ name: '', repository: '' })])
  })
  test('a null dependency stays null for validation to refuse; null import-values are none', () => {
    const m = decodeMetadata('name: x\nversion: 1.0.0\ndependencies:\n- ~\n- {name: a, import-values: ~}\n')
    expect(m.dependencies).toEqual([null, expect.objectContaining({ name: 'a', 'import-values': undefined })])
  })
  test('null lists are no lists (encoding/json sets a nil slice)', () => {
    const m = decodeMetadata('name: x\nversion: 1.0.0\nmaintainers: ~\ndependencies: ~\nsources: ~\nkeywords: ~\nannotations: ~\n')
    expect([m.maintainers, m.dependencies, m.sources, m.keywords, m.annotations]).toEqual([undefined, undefined, undefined, undefined, undefined])
  })
  test('an empty requirements.yaml has no dependencies key', () => {
    expect(decodeRequirements('', 'requirements.yaml')).toEqual({})
    expect(decodeRequirements('# none\n', 'requirements.yaml')).toEqual({})
    expect(decodeRequirements('dependencies: ~\n', 'requirements.yaml')).toEqual({ dependencies: undefined })
  })
})

// (*Metadata).Validate and (*Dependency).Validate of helm/helm pkg/chart/v2, in their order and with their messages.
describe('validateMetadata as (*Metadata).Validate', () => {
  const raw = (over: Partial<RawMetadata>): RawMetadata => ({ apiVersion: 'v2', name: 'c', version: '1.0.0', ...over })
  test.each<[Partial<RawMetadata>, string]>([
    [{ apiVersion: '' }, 'validation: chart.metadata.apiVersion is required'],
    [{ name: '.' }, 'validation: chart.metadata.name "." is not allowed'],
    [{ name: '..' }, 'validation: chart.metadata.name ".." is not allowed'],
    [{ maintainers: [{ name: 'a' }, null] }, 'validation: maintainers must not contain empty or null nodes'],
    [{ dependencies: [{ name: 'a', repository: '' }, null] }, 'validation: dependencies must not contain empty or null nodes']
  ])('%j: %s', (over, message) => {
    const err = thrown<ChartError>(() => validateMetadata(raw(over)))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe(message)
    expect(err.file).toBe('Chart.yaml')
    expect(err.hint).toMatch(/\w/)
  })
  test('an unsupported apiVersion names the chart by its name when no chart path is given', () => {
    const err = thrown<ChartError>(() => validateMetadata(raw({ apiVersion: 'v3', name: 'web' })))
    expect(err.message).toBe('apiVersion "v3" is not supported')
    expect(err).toMatchObject({ chart: 'web', file: 'Chart.yaml' })
  })
  test('warnings only for what deserves one: a loose version, type on a v1 chart', () => {
    expect(validateMetadata(raw({ type: 'application' })).warnings).toEqual([])
    expect(validateMetadata(raw({ apiVersion: 'v1' })).warnings).toEqual([])
    expect(validateMetadata(raw({ apiVersion: 'v1', type: 'library' })).warnings).toEqual(['type is only used with apiVersion v2'])
    expect(validateMetadata(raw({ version: 'v1.0' })).warnings).toEqual([
      'version "v1.0" is not strict SemVer 2; Helm packages it, but `helm pull`/`install` without --version only find strict versions such as 1.2.3'
    ])
  })
})

// helm/helm pkg/chart/v2/util/save.go: Dependencies are cleared before yaml.Marshal only for apiVersion v1.
describe('metadataYaml', () => {
  const deps = [{ name: 'db', repository: 'https://r' }]
  test('v2 keeps dependencies in Chart.yaml, v1 does not', () => {
    expect(metadataYaml({ apiVersion: 'v2', name: 'c', version: '1.0.0', dependencies: deps })).toBe(
      'apiVersion: v2\ndependencies:\n- name: db\n  repository: https://r\nname: c\nversion: 1.0.0\n'
    )
    expect(metadataYaml({ apiVersion: 'v1', name: 'c', version: '1.0.0', dependencies: deps })).toBe('apiVersion: v1\nname: c\nversion: 1.0.0\n')
  })
})
