/**
 * `jsonToYaml` (what Helm's sigs.k8s.io/yaml.Marshal writes into a packaged Chart.yaml and Chart.lock) against the
 * golden outputs of go-yaml v2 itself: the marshalTests table, TestLineWrapping and TestSortedOutput of
 * kubernetes-sigs/yaml goyaml.v2/encode_test.go (commit 742f5e6f06b9847d2d7e4efa2fe6587f64897ad0), the fork Helm's
 * sigs.k8s.io/yaml marshals with. Only the cases a JSON document can express are used (JSON is what Helm feeds it).
 */
import { jsonToYaml } from '../../src/chart/yaml-marshal'
import vectors from '../fixtures/go/yaml-marshal/vectors.json'
import casesVectors from '../fixtures/go/yaml-marshal-cases/vectors.json'

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

// Not in go-yaml's own tests, so read off its v2.4.0 source (the emitter sigs.k8s.io/yaml's fork keeps):
// is_printable (yamlprivateh.go) excludes tab, U+0085 and everything past the BMP; yaml_emitter_analyze_scalar makes
// such text "special" (no plain, no single quotes, no literal block), as it does a trailing space or a space before
// a line break for literal blocks; yaml_emitter_write_double_quoted_scalar uses the short escapes \a \b \t \v \f
// \r \e \0 \N and folds at a space past column 80, escaping a space that follows the fold. Where PyYAML (a
// libyaml-derived emitter) agrees it gives the same bytes (tab, control characters, the literal-block refusals).
describe('go-yaml v2 styles for special characters (emitterc.go, yamlprivateh.go v2.4.0)', () => {
  test.each<[string, string]>([
    ['a\tb', 'a: "a\\tb"\n'],
    ['a\u0007b\bc\u000bd\fe\u001bf\u0000g\rh', 'a: "a\\ab\\bc\\vd\\fe\\ef\\0g\\rh"\n'],
    ['a\u0085b', 'a: "a\\Nb"\n'],
    ['a\u0001b\u007fc\ufeffd', 'a: "a\\x01b\\x7Fc\\uFEFFd"\n'],
    ['launch \u{1F680}', 'a: "launch \\U0001F680"\n'],
    ['tab\tin\nmulti', 'a: "tab\\tin\\nmulti"\n'],
    ['trailing space \nnext', 'a: "trailing space \\nnext"\n'],
    ['last line ends in a space\nx ', 'a: "last line ends in a space\\nx "\n'],
    ['ok\nfine\n', 'a: |\n  ok\n  fine\n'],
    ['a\n b', 'a: |-\n  a\n   b\n']
  ])('%j', (value, yaml) => {
    expect(jsonToYaml(JSON.stringify({ a: value }))).toBe(yaml)
  })

  test('a double-quoted scalar folds at the first space past column 80; a space after the fold is escaped', () => {
    const x70 = 'x'.repeat(70)
    expect(jsonToYaml(JSON.stringify({ a: `${x70} ${'y'.repeat(20)}\u0007 z` }))).toBe(`a: "${x70} ${'y'.repeat(20)}\\a\n  z"\n`)
    const x80 = 'x'.repeat(80)
    expect(jsonToYaml(JSON.stringify({ a: `${x80}\t  two` }))).toBe(`a: "${x80}\\t\n  \\ two"\n`)
    // Under the width, or a space at either end: no fold.
    expect(jsonToYaml(JSON.stringify({ a: 'short\tone two' }))).toBe('a: "short\\tone two"\n')
  })

  test('a key is never folded', () => {
    expect(jsonToYaml(JSON.stringify({ [`${'k'.repeat(90)} k`]: 1 }))).toBe(`${'k'.repeat(90)} k: 1\n`)
  })
})

describe('go-yaml v2 resolve: which strings need quotes (resolve.go v2.4.0, Go strconv)', () => {
  // Go 1.19.8 + gopkg.in/yaml.v2 v2.4.0: yaml.Marshal of the JSON {"k": s} read back by yaml.Unmarshal, as
  // sigs.k8s.io/yaml JSONToYAML does. Go's ParseInt(s, 0, 64) decides what reads as a number.
  test.each([
    ['<<', 'k: <<\n'],
    ['<<<', 'k: <<<\n'],
    ['0o17', 'k: "0o17"\n'],
    ['0O17', 'k: "0O17"\n'],
    ['0X1F', 'k: "0X1F"\n'],
    ['0B101', 'k: "0B101"\n'],
    ['-0b101', 'k: "-0b101"\n'],
    ['+0x1F', 'k: "+0x1F"\n'],
    ['-0o7', 'k: "-0o7"\n'],
    ['+0o7', 'k: "+0o7"\n'],
    ['0o8', 'k: 0o8\n'],
    ['0o', 'k: 0o\n'],
    ['0b', 'k: 0b\n'],
    ['0x', 'k: 0x\n'],
    ['0b2', 'k: 0b2\n'],
    ['0_', 'k: "0_"\n'],
    ['1_0', 'k: "1_0"\n'],
    ['1__2', 'k: "1__2"\n'],
    ['0x_1', 'k: "0x_1"\n'],
    ['08', 'k: "08"\n'],
    ['9223372036854775808', 'k: "9223372036854775808"\n'],
    ['18446744073709551616', 'k: "18446744073709551616"\n'],
    ['+Inf', 'k: +Inf\n'],
    ['.Inf', 'k: ".Inf"\n'],
    ['2001-1-2', 'k: "2001-1-2"\n'],
    // Timestamps are what Go's time.Parse takes with go-yaml's four layouts (a layout space matches a run of spaces).
    ['2001-13-14', 'k: 2001-13-14\n'],
    ['2001-2-29', 'k: 2001-2-29\n'],
    ['2000-2-29', 'k: "2000-2-29"\n'],
    ['2001-12-14T21:59:43', 'k: 2001-12-14T21:59:43\n'],
    ['2001-12-14T21:59:43Z', 'k: "2001-12-14T21:59:43Z"\n'],
    ['2001-12-14t21:59:43.10-05:00', 'k: "2001-12-14t21:59:43.10-05:00"\n'],
    ['2001-12-14 21:59:43.10', 'k: "2001-12-14 21:59:43.10"\n'],
    ['2001-12-14  21:59:43', 'k: "2001-12-14  21:59:43"\n'],
    ['2001-12-14 21:59:43 -5', 'k: 2001-12-14 21:59:43 -5\n'],
    ['2001-12-14T21:59:43-5', 'k: 2001-12-14T21:59:43-5\n'],
    ['2001-12-14T21:59:43+05', 'k: 2001-12-14T21:59:43+05\n'],
    ['2001-12-14T1:2:3Z', 'k: "2001-12-14T1:2:3Z"\n'],
    ['2001-12-14T24:00:00Z', 'k: 2001-12-14T24:00:00Z\n'],
    ['2001-12-14T23:60:00Z', 'k: 2001-12-14T23:60:00Z\n'],
    ['2001-12-14T23:59:60Z', 'k: 2001-12-14T23:59:60Z\n'],
    ['2001-1-2 3:4:5', 'k: "2001-1-2 3:4:5"\n'],
    ['2001-12-14T21:59:43.Z', 'k: 2001-12-14T21:59:43.Z\n'],
    ['20011-12-14', 'k: 20011-12-14\n'],
    // A float that overflows is no float to Go's ParseFloat; one that underflows is.
    ['1e999', 'k: 1e999\n'],
    ['-1e999', 'k: -1e999\n'],
    ['.1e999', 'k: .1e999\n'],
    ['1e-999', 'k: "1e-999"\n'],
    ['1_0.5', 'k: "1_0.5"\n'],
    ['1.5e_3', 'k: "1.5e_3"\n'],
    ['12:30', 'k: "12:30"\n'],
    ['190:20:30', 'k: "190:20:30"\n'],
    ['1:60', 'k: 1:60\n']
  ])('%j', (s, yaml) => {
    expect(jsonToYaml(JSON.stringify({ k: s }))).toBe(yaml)
  })
})

describe('go-yaml v2.4.0 on generated JSON documents', () => {
  test('writes each as sigs.k8s.io/yaml JSONToYAML does', () => {
    // __tests__/fixtures/go/yaml-marshal (main.go there made them, and says what it leaves out): [json, yaml].
    const cases = vectors.cases as Array<[string, string]>
    expect(cases.length).toBe(400)
    const wrong = cases.filter(([json, yaml]) => jsonToYaml(json) !== yaml).map(([json, yaml]) => ({ json, yaml, ours: jsonToYaml(json) }))
    expect(wrong).toEqual([])
  })
})

describe('go-yaml v2.4.0 on hand-picked JSON documents', () => {
  // __tests__/fixtures/go/yaml-marshal-cases: [why, json, yaml] (main.go there lists them, and why each is there).
  test.each(casesVectors.cases as Array<[string, string, string]>)('%s', (_why, json, yaml) => {
    expect(jsonToYaml(json)).toBe(yaml)
  })
})
