/**
 * `jsonToYaml` (what Helm's sigs.k8s.io/yaml.Marshal writes into a packaged Chart.yaml and Chart.lock) against the
 * golden outputs of go-yaml v2 itself: the marshalTests table, TestLineWrapping and TestSortedOutput of
 * kubernetes-sigs/yaml goyaml.v2/encode_test.go (commit 742f5e6f06b9847d2d7e4efa2fe6587f64897ad0), the fork Helm's
 * sigs.k8s.io/yaml marshals with. Only the cases a JSON document can express are used (JSON is what Helm feeds it).
 */
import { jsonToYaml } from '../../src/chart/yaml-marshal'

// [JSON value, go-yaml v2's output]
const marshalTests: Array<[unknown, string]> = [
  [null, 'null\n'],
  [{}, '{}\n'],
  [{ v: 'hi' }, 'v: hi\n'],
  [{ v: 'true' }, 'v: "true"\n'],
  [{ v: 'false' }, 'v: "false"\n'],
  [{ v: true }, 'v: true\n'],
  [{ v: false }, 'v: false\n'],
  [{ v: 10 }, 'v: 10\n'],
  [{ v: -10 }, 'v: -10\n'],
  [{ v: 42 }, 'v: 42\n'],
  [{ v: 4294967296 }, 'v: 4294967296\n'],
  [{ v: '10' }, 'v: "10"\n'],
  [{ v: 0.1 }, 'v: 0.1\n'],
  [{ v: 0.99 }, 'v: 0.99\n'],
  [{ v: -0.1 }, 'v: -0.1\n'],
  [{ v: null }, 'v: null\n'],
  [{ v: '' }, 'v: ""\n'],
  [{ v: ['A', 'B'] }, 'v:\n- A\n- B\n'],
  [{ v: ['A', 'B\nC'] }, 'v:\n- A\n- |-\n  B\n  C\n'],
  [{ v: ['A', 1, { B: [2, 3] }] }, 'v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n'],
  [{ a: { b: 'c' } }, 'a:\n  b: c\n'],
  [{ a: '-' }, "a: '-'\n"],
  [{ hello: 'world' }, 'hello: world\n'],
  [{ a: 1, b: 2, c: 3 }, 'a: 1\nb: 2\nc: 3\n'],
  [{ a: '<foo>' }, 'a: <foo>\n'],
  [{ a: '1:1' }, 'a: "1:1"\n'],
  [{ a: '\u0000' }, 'a: "\\0"\n'],
  [{ a: '你好' }, 'a: 你好\n'],
  [{ a: '2015-02-24T18:19:39Z' }, 'a: "2015-02-24T18:19:39Z"\n'],
  [{ a: 'b: c' }, "a: 'b: c'\n"],
  [{ a: 'Hello #comment' }, "a: 'Hello #comment'\n"],
  [{ a: '你好 #comment' }, "a: '你好 #comment'\n"],
  [{ a: 5 }, 'a: 5\n'],
  [{ a: 100.5 }, 'a: 100.5\n'],
  [{ a: 'bogus' }, 'a: bogus\n'],
  [{ _: { hi: 'there' } }, '_:\n  hi: there\n'],
  [{ _: [1, 'A'] }, '_:\n- 1\n- A\n'],
  [{ _: 'BAR!' }, '_: BAR!\n'],
  [{ hello: 'world!' }, 'hello: world!\n']
]

describe('go-yaml v2 marshalTests', () => {
  test.each(marshalTests)('%j', (value, yaml) => {
    expect(jsonToYaml(JSON.stringify(value))).toBe(yaml)
  })
})

describe('go-yaml v2 TestLineWrapping', () => {
  test('a long single-quoted scalar folds at the first space past column 80, continuing indented', () => {
    const v = { a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ' }
    expect(jsonToYaml(JSON.stringify(v))).toBe(
      "a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n" + "  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n"
    )
  })
})

describe('go-yaml v2 TestSortedOutput (the string keys)', () => {
  // The order go-yaml's sorter gives: letters after other characters, digit runs by value, not byte order.
  const order = [
    '',
    '.1',
    '.2',
    '.a',
    '1',
    '2',
    'a!10',
    'a/0001',
    'a/002',
    'a/3',
    'a/10',
    'a/11',
    'a/0012',
    'a/100',
    'a~10',
    'ab/1',
    'b/1',
    'b/01',
    'b/2',
    'b/02',
    'b/3',
    'b/03',
    'b1',
    'b01',
    'b3',
    'c2.10',
    'c10.2',
    'd1',
    'd7',
    'd7abc',
    'd12',
    'd12a'
  ]

  test('keys come out in go-yaml order, whatever order they went in', () => {
    for (const keys of [order, [...order].reverse(), [...order].sort()]) {
      const yaml = jsonToYaml(JSON.stringify(Object.fromEntries(keys.map((k) => [k, 1]))))
      const written = yaml
        .trimEnd()
        .split('\n')
        .map((l) => l.replace(/: 1$/, '').replace(/^"(.*)"$/, '$1'))
      expect(written).toEqual(order)
    }
  })

  test('annotation keys with version numbers sort by value, as helm package writes them', () => {
    const yaml = jsonToYaml(JSON.stringify({ annotations: { 'example.com/v10': 'ten', 'example.com/v2': 'two', 'example.com/v1': 'one' } }))
    expect(yaml).toBe('annotations:\n  example.com/v1: one\n  example.com/v2: two\n  example.com/v10: ten\n')
  })
})
