import { IgnoreRules } from '../../src/chart/helmignore'
import { thrown } from '../support/caught'
import { ChartError } from '../../src/errors'
import vectors from '../fixtures/go/helmignore/vectors.json'

// Directories in Helm's pkg/ignore/testdata fixture; everything else is a file.
const DIRS = new Set(['', '.', './', 'cargo', 'cargo/', 'mast', 'mast/'])

// V-P1 plus the rest of Helm's TestIgnore table (pkg/ignore/rules_test.go).
const table: Array<[pattern: string, name: string, expect: boolean]> = [
  ['helm.txt', 'helm.txt', true],
  ['helm.*', 'helm.txt', true],
  ['helm.*', 'rudder.txt', false],
  ['*.txt', 'tiller.txt', true],
  ['*.txt', 'cargo/a.txt', true],
  ['cargo/*.txt', 'cargo/a.txt', true],
  ['cargo/*.*', 'cargo/a.txt', true],
  ['cargo/*.txt', 'mast/a.txt', false],
  ['ru[c-e]?er.txt', 'rudder.txt', true],
  ['templates/.?*', 'templates/.dotfile', true],
  ['.*', '.', false],
  ['.*', './', false],
  ['.*', '.joonix', true],
  ['.*', 'helm.txt', false],
  ['.*', '', false],
  ['cargo/', 'cargo', true],
  ['cargo/', 'cargo/', true],
  ['cargo/', 'mast/', false],
  ['helm.txt/', 'helm.txt', false],
  ['!helm.txt', 'helm.txt', false],
  ['!helm.txt', 'tiller.txt', true],
  ['!*.txt', 'cargo', true],
  ['!cargo/', 'mast/', true],
  ['/a.txt', 'a.txt', true],
  ['/a.txt', 'cargo/a.txt', false],
  ['/cargo/a.txt', 'cargo/a.txt', true]
]

describe('IgnoreRules (Helm pkg/ignore)', () => {
  test.each(table)('rule %j, path %j → ignored %s', (pattern, name, expect_) => {
    const r = IgnoreRules.parse(pattern)
    expect(r.ignore(name, DIRS.has(name))).toBe(expect_)
  })

  test.each(['foo/**/bar', '**', 'a**'])('%j is a double-star parse error', (rule) => {
    expect(() => IgnoreRules.parse(rule)).toThrow(ChartError)
    expect(() => IgnoreRules.parse(rule)).toThrow(/double-star \(\*\*\) syntax is not supported/)
    // The hint says what to write instead.
    expect(thrown<ChartError>(() => IgnoreRules.parse(rule)).hint).toMatch(/does not support "\*\*"/)
  })

  test.each(['[z-', 'a\\', '[]', '![', 'x/[a-'])('%j is a bad-pattern parse error', (rule) => {
    expect(() => IgnoreRules.parse(rule)).toThrow(ChartError)
    expect(() => IgnoreRules.parse(rule)).toThrow(/syntax error in pattern/)
    expect(thrown<ChartError>(() => IgnoreRules.parse(rule)).hint).toMatch(/^Fix the glob \(Go filepath\.Match syntax/)
  })

  test('parse errors name the file and line and carry a hint', () => {
    let caught: unknown
    try {
      IgnoreRules.parse('# comment\n*.tmp\n\n[z-\n', 'charts/app/.helmignore')
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(ChartError)
    const e = caught as ChartError
    expect(e.file).toBe('charts/app/.helmignore')
    expect(e.message).toContain('.helmignore')
    expect(e.message).toContain('line 4')
    expect(e.hint).toBeTruthy()
  })

  test('default file name is .helmignore', () => {
    const err = thrown(() => IgnoreRules.parse('ok\nfoo/**'))
    expect(err).toBeInstanceOf(ChartError)
    expect((err as ChartError).file).toBe('.helmignore')
    expect(err.message).toMatch(/\.helmignore.*line 2/)
  })

  test('comments, blank lines and surrounding whitespace', () => {
    const r = IgnoreRules.parse('# *.txt\n\n   \n  *.bak  \t\r\n#x\n  # indented comment\n')
    expect(r.ignore('a.txt', false)).toBe(false)
    expect(r.ignore('a.bak', false)).toBe(true)
    // "#" comments only at the start (after trimming): no inline comments.
    const inline = IgnoreRules.parse('a.txt # note')
    expect(inline.ignore('a.txt', false)).toBe(false)
    expect(inline.ignore('a.txt # note', false)).toBe(true)
  })

  test('UTF-8 BOM stripped from the first line only', () => {
    const r = IgnoreRules.parse('\ufeff*.txt\n\ufeff*.md')
    expect(r.ignore('a.txt', false)).toBe(true)
    // Go TrimSpace keeps U+FEFF, so the second rule is literally "\ufeff*.md".
    expect(r.ignore('a.md', false)).toBe(false)
    expect(r.ignore('\ufeffa.md', false)).toBe(true)
  })

  test('CRLF line endings', () => {
    const r = IgnoreRules.parse('a.txt\r\nb/\r\n')
    expect(r.ignore('a.txt', false)).toBe(true)
    expect(r.ignore('x/b', true)).toBe(true)
    expect(r.ignore('x/b', false)).toBe(false)
  })

  test('negation only helps when it precedes the positive rule', () => {
    const before = IgnoreRules.parse('!keep.txt\n*.txt')
    expect(before.ignore('keep.txt', false)).toBe(true) // "!keep.txt" matched, then "*.txt" ignores it
    expect(before.ignore('other.md', false)).toBe(true) // "!keep.txt" ignores anything else
    const after = IgnoreRules.parse('*.txt\n!keep.txt')
    expect(after.ignore('keep.txt', false)).toBe(true)
    expect(after.ignore('other.md', false)).toBe(true)
    const onlyNeg = IgnoreRules.parse('!keep.txt')
    expect(onlyNeg.ignore('keep.txt', false)).toBe(false)
    expect(onlyNeg.ignore('dir', true)).toBe(true)
  })

  test('negated directory rule ignores every file', () => {
    const r = IgnoreRules.parse('!cargo/')
    expect(r.ignore('cargo', true)).toBe(false)
    expect(r.ignore('cargo', false)).toBe(true)
  })

  test('directory rules skip files', () => {
    const r = IgnoreRules.parse('build/')
    expect(r.ignore('build', true)).toBe(true)
    expect(r.ignore('x/build', true)).toBe(true)
    expect(r.ignore('build', false)).toBe(false)
  })

  test('rules with a slash match the full path; * does not cross /', () => {
    const r = IgnoreRules.parse('templates/*.yaml')
    expect(r.ignore('templates/a.yaml', false)).toBe(true)
    expect(r.ignore('templates/sub/a.yaml', false)).toBe(false)
    expect(r.ignore('sub/templates/a.yaml', false)).toBe(false)
  })

  test('addDefaults ignores dotfiles under templates/ only', () => {
    const r = IgnoreRules.empty().addDefaults()
    expect(r.ignore('templates/.dotfile', false)).toBe(true)
    expect(r.ignore('templates/.', false)).toBe(false)
    expect(r.ignore('templates/a.yaml', false)).toBe(false)
    expect(r.ignore('.helmignore', false)).toBe(false)
    expect(r.ignore('templates/sub/.x', false)).toBe(false)
  })

  test('empty rules ignore nothing', () => {
    const r = IgnoreRules.empty()
    expect(r.ignore('a', false)).toBe(false)
    expect(IgnoreRules.parse('').ignore('a', false)).toBe(false)
  })

  test('escaped characters', () => {
    const r = IgnoreRules.parse('\\#file\n\\!bang\nq\\?')
    expect(r.ignore('#file', false)).toBe(true)
    expect(r.ignore('!bang', false)).toBe(true)
    expect(r.ignore('q?', false)).toBe(true)
    expect(r.ignore('qx', false)).toBe(false)
  })

  test('a line of 64 KiB or more fails like bufio.Scanner', () => {
    const err = thrown(() => IgnoreRules.parse(`ok\n${'a'.repeat(65536)}`, 'charts/app/.helmignore'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe('charts/app/.helmignore: line 2: bufio.Scanner: token too long')
    expect((err as ChartError).file).toBe('charts/app/.helmignore')
    expect((err as ChartError).hint).toMatch(/64 KiB/)
    expect(IgnoreRules.parse('a'.repeat(65535)).ignore('a'.repeat(65535), false)).toBe(true)
  })

  test('a rule with a leading "//" keeps one slash (Helm 4; Helm 3 dropped one more on each match)', () => {
    // Helm v4.2.4 rules.go: strings.CutPrefix(rule, "/") once, and the matcher uses that.
    const r = IgnoreRules.parse('//a.txt')
    for (let i = 0; i < 3; i++) expect(r.ignore('a.txt', false)).toBe(false)
    expect(r.ignore('/a.txt', false)).toBe(true)
  })

  test('agrees with Helm v4.2.4 pkg/ignore on generated .helmignore files', () => {
    // __tests__/fixtures/go/helmignore (main.go there made them): per file, Helm's verdict on each path, or its error.
    const paths = vectors.paths as Array<[string, boolean]>
    expect(vectors.cases.length).toBe(600)
    const wrong: unknown[] = []
    for (const c of vectors.cases as Array<{ text: string; ignored?: string; error?: string; line?: number }>) {
      let got: string
      try {
        const rules = IgnoreRules.parse(c.text)
        got = paths.map(([p, dir]) => (rules.ignore(p, dir) ? '1' : '0')).join('')
      } catch (err) {
        got = err instanceof ChartError ? err.message : String(err)
      }
      const want = c.error ? `.helmignore: line ${c.line}: invalid rule: ${c.error}` : c.ignored
      if (got !== want) wrong.push({ text: c.text, want, got })
    }
    expect(wrong).toEqual([])
  })
})
