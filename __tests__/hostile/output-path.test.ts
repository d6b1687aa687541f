/**
 * The one output path (src/report/log.ts over safeText) against the runner's
 * own command parser, replayed from actions/runner: whatever a chart, a file
 * name, a registry or an input holds, nothing printed becomes a command, an
 * output, a mask or a stop-commands. The replay itself is checked first
 * against what the runner's source says it parses.
 */
import fc from 'fast-check'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as log from '../../src/report/log'
import { safeMarkdown, safeText } from '../../src/report/sanitize'
import { forgedCommands, rendered, replayRunner } from '../support/runner-protocol'

const PAYLOADS = [
  '\n::set-output name=digest::FORGED',
  '\r::add-mask::FORGED',
  '\r\n::error::FORGED',
  '\u2028::warning::FORGED',
  'x ##[set-output name=signature;]FORGED',
  'y ##[stop-commands]T0KEN-FORGED',
  '###[error]FORGED',
  '#\n#[error]FORGED',
  '  \u00a0\u3000::error::FORGED',
  '::stop-commands::FORGED',
  '\u001b[31m%0A::error::FORGED',
  '##[add-mask]FORGED',
  '\n##[endgroup]\n::group::FORGED'
]

/** Runs `fn` with stdout captured (nothing reaches the terminal) and GITHUB_OUTPUT in a temp file. */
function capture(fn: () => void): { stdout: string; outputFile: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-out-'))
  const file = path.join(dir, 'output')
  writeFileSync(file, '')
  // eslint-disable-next-line @typescript-eslint/unbound-method -- saved only to be put back on process.stdout, never called detached
  const saved = { write: process.stdout.write, output: process.env.GITHUB_OUTPUT, exitCode: process.exitCode }
  let stdout = ''
  process.env.GITHUB_OUTPUT = file
  process.stdout.write = (chunk: string | Uint8Array) => {
    stdout += chunk.toString()
    return true
  }
  try {
    fn()
  } finally {
    process.stdout.write = saved.write
    process.exitCode = saved.exitCode // setFailed sets it
    if (saved.output === undefined) delete process.env.GITHUB_OUTPUT
    else process.env.GITHUB_OUTPUT = saved.output
  }
  const outputFile = readFileSync(file, 'utf8')
  rmSync(dir, { recursive: true, force: true })
  return { stdout, outputFile }
}

function printEverywhere(s: string): void {
  log.info(s)
  log.info(`Packaged ${s}: 10 bytes`)
  log.debug(s)
  log.warning(s, { title: s, file: s })
  log.error(`chart ${s}`, { title: `Chart ${s}`, file: `${s}/Chart.yaml` })
  log.notice(s, { title: s })
  log.setFailed(s)
  log.setOutput('charts', JSON.stringify([{ source: s }]))
  log.setOutput('name', s)
}

describe('the runner replay reads what the runner reads', () => {
  // Cases from actions/runner's ActionCommandL0 / ActionCommandManagerL0 and the parser's code paths.
  test('both forms, properties, escapes and stop-commands', () => {
    const r = replayRunner(
      [
        '::set-output name=a::1',
        '  ::warning file=x%2Cy,line=3::msg%0Aline',
        'text ##[set-output name=b;]2%5D',
        '::unknown::x ##[add-mask]secret',
        '::stop-commands::tok',
        '::error::silenced',
        '::tok::',
        '::error::back'
      ].join('\n')
    )
    expect(r.commands.map((c) => [c.form, c.command, c.data])).toEqual([
      ['v2', 'set-output', '1'],
      ['v2', 'warning', 'msg\nline'],
      ['legacy', 'set-output', '2]'],
      ['legacy', 'add-mask', 'secret'],
      ['v2', 'stop-commands', 'tok'],
      ['v2', 'error', 'back']
    ])
    expect(r.commands[1].properties).toEqual({ file: 'x,y', line: '3' })
    expect(r.commands[2].properties).toEqual({ name: 'b' })
    expect(r.masks).toEqual(['secret'])
    expect(forgedCommands('Packaged a\n::set-output name=digest::FORGED')).toHaveLength(1)
    expect(forgedCommands('x ##[stop-commands]FORGED')).toHaveLength(2)
  })
})

describe('every print through src/report/log.ts', () => {
  test.each(PAYLOADS)('payload %j forges nothing', (p) => {
    const { stdout, outputFile } = capture(() => printEverywhere(`a${p}b`))
    expect(forgedCommands(stdout)).toEqual([])
    // Outputs are file commands: one name<<delimiter block per value, the value on one line.
    expect(outputFile.split('\n').filter((l) => /^[a-z-]+<</.test(l))).toHaveLength(2)
    expect(outputFile).not.toContain('##[')
  })

  test('any string: no forged command, output, mask or stop (property)', () => {
    const hostile = fc.oneof(
      fc.string({ unit: fc.constantFrom(':', '#', '[', ']', '\n', '\r', ' ', '\t', '\u0085', '\u2028', 'F', '%', ';', '=', 'a') }),
      fc.string({ unit: 'binary' })
    )
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        const { stdout } = capture(() => printEverywhere(`${a}FORGED${b}`))
        const replay = replayRunner(stdout)
        expect(replay.stoppedWith).toBeUndefined()
        expect(replay.commands.filter((c) => c.form === 'legacy')).toEqual([])
        expect(replay.masks).toEqual([])
        // One command per call that issues one: info lines are never commands.
        expect(replay.commands.map((c) => c.command)).toEqual(['debug', 'warning', 'error', 'notice', 'error'])
      }),
      { numRuns: 300 }
    )
  })

  test('a group name cannot close the group or open another', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-out-'))
    // eslint-disable-next-line @typescript-eslint/unbound-method -- saved only to be put back on process.stdout, never called detached
    const saved = process.stdout.write
    let stdout = ''
    process.stdout.write = (c: string) => ((stdout += c), true)
    try {
      await log.group('Package x\n::endgroup::\n::group::FORGED', async () => log.info('inside'))
    } finally {
      process.stdout.write = saved
      rmSync(dir, { recursive: true, force: true })
    }
    expect(replayRunner(stdout).commands.map((c) => c.command)).toEqual(['group', 'endgroup'])
  })
})

describe('safeText and safeMarkdown', () => {
  test('one line, no leading ::, no ##[, no terminal or bidi controls; ordinary text unchanged', () => {
    expect(safeText('charts/web-1.2.3.tgz: 10 bytes, sha256:ab')).toBe('charts/web-1.2.3.tgz: 10 bytes, sha256:ab')
    expect(safeText('a\r\nb\nc\u2028d')).toBe('a b c d')
    expect(safeText('x ##[error]y')).not.toContain('##[')
    expect(safeText('####[error]y')).not.toContain('##[')
    expect(safeText(' \u3000::error::x').trimStart().startsWith('::')).toBe(false)
    // eslint-disable-next-line no-control-regex -- the escape character is what must be gone
    expect(safeText('\u001b[2Jred\u202eevil')).not.toMatch(/[\u001b\u202e]/)
  })

  test('summary values render as themselves and cannot close a table cell, a code element or a <pre>', () => {
    const hostile = 'a|b `c` **d** [e](f) <script>x</script> </pre> ## h &amp; \\| $x$'
    const md = safeMarkdown(hostile)
    expect(md).not.toMatch(/[|`*[\]<>]/)
    expect(rendered(md)).toBe(hostile)
  })

  test('only a leading `::` is broken: the same characters later in a line are ordinary text (IPv6 hosts, Go errors)', () => {
    // The runner looks for `::` only at the start of a trimmed line (ActionCommand.TryParseV2).
    expect(safeText('pushed to [::1]:5000/charts/web: 401 Unauthorized')).toBe('pushed to [::1]:5000/charts/web: 401 Unauthorized')
    expect(safeText('registry fe80::1 refused')).toBe('registry fe80::1 refused')
    // Leading white space is kept as it was; only the first ':' gets a space after it.
    expect(safeText('  \t::error::x')).toBe('  \t: :error::x')
    expect(safeText('::add-mask::x')).toBe(': :add-mask::x')
  })

  test('a control character is replaced by U+FFFD, not dropped, so the line shows that something was there', () => {
    expect(safeText('a\u001b[31mb')).toBe('a\ufffd[31mb')
    expect(safeText('x\u0000y\u202ez\u0085w')).toBe('x\ufffdy\ufffdz w')
  })
})
