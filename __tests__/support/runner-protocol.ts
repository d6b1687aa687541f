/**
 * The GitHub runner's reading of a step's output, replayed from its source
 * (actions/runner: ActionCommand.TryParseV2 and TryParse, ActionCommandManager's
 * stop-commands handling, SecretMasker with HostContext's value encoders), so
 * tests can see what the runner would execute and what it would leave unmasked.
 */

/** Commands the runner has an extension for (ActionCommandManager.cs), plus stop-commands. */
const REGISTERED = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'stop-commands'
]

export interface RunnerCommand {
  command: string
  properties: Record<string, string>
  data: string
  form: 'v2' | 'legacy'
  line: string
}

const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string): string => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')
const unescapeLegacy = (s: string): string => s.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%25/g, '%')

/** .NET TrimStart: char.IsWhiteSpace (JS \s without U+FEFF, plus U+0085). */
const trimStartDotNet = (s: string): string => s.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/, '')

function has(registered: Set<string>, name: string): boolean {
  return registered.has(name.toLowerCase())
}

/** ActionCommand.TryParseV2: `::name k=v,k=v::data` after leading white space. */
export function parseV2(message: string, registered: Set<string>): RunnerCommand | undefined {
  const m = trimStartDotNet(message)
  if (!m.startsWith('::')) return undefined
  const end = m.indexOf('::', 2)
  if (end < 0) return undefined
  const info = m.slice(2, end)
  const sp = info.indexOf(' ')
  const command = sp < 0 ? info : info.slice(0, sp)
  if (!has(registered, command)) return undefined
  const properties: Record<string, string> = {}
  if (sp > 0) {
    for (const p of info
      .slice(sp + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const eq = p.indexOf('=')
      if (eq > 0 && eq < p.length - 1) properties[p.slice(0, eq)] = unescapeProperty(p.slice(eq + 1))
    }
  }
  return { command, properties, data: unescapeData(m.slice(end + 2)), form: 'v2', line: message }
}

/** ActionCommand.TryParse: `##[name k=v;k=v]data` anywhere in the line. */
export function parseLegacy(message: string, registered: Set<string>): RunnerCommand | undefined {
  const start = message.indexOf('##[')
  if (start < 0) return undefined
  const rb = message.indexOf(']', start)
  if (rb < 0) return undefined
  const info = message.slice(start + 3, rb)
  const sp = info.indexOf(' ')
  const command = sp < 0 ? info : info.slice(0, sp)
  if (!has(registered, command)) return undefined
  const properties: Record<string, string> = {}
  if (sp > 0) {
    for (const p of info
      .slice(sp + 1)
      .split(';')
      .filter(Boolean)) {
      const eq = p.indexOf('=')
      if (eq > 0 && eq < p.length - 1) properties[p.slice(0, eq)] = unescapeLegacy(p.slice(eq + 1))
    }
  }
  return { command, properties, data: unescapeLegacy(message.slice(rb + 1)), form: 'legacy', line: message }
}

export interface Replay {
  /** Every command the runner would process, in order. */
  commands: RunnerCommand[]
  /** Values registered with add-mask. */
  masks: string[]
  /** Set when a stop-commands was processed and never resumed. */
  stoppedWith?: string
}

/** ActionCommandManager.TryProcessCommand over every line of a step's stdout (split as StreamReader.ReadLine does). */
export function replayRunner(stdout: string): Replay {
  const registered = new Set(REGISTERED)
  const out: Replay = { commands: [], masks: [] }
  let stopToken: string | undefined
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    if (!line) continue
    const cmd = parseV2(line, registered) ?? parseLegacy(line, registered)
    if (!cmd) continue
    if (stopToken !== undefined) {
      if (cmd.command.toLowerCase() === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase())
        stopToken = undefined
      }
      continue
    }
    out.commands.push(cmd)
    if (cmd.command.toLowerCase() === 'stop-commands') {
      stopToken = cmd.data
      registered.add(stopToken.toLowerCase())
    } else if (cmd.command.toLowerCase() === 'add-mask' && cmd.data.trim()) {
      for (const m of [cmd.data, ...cmd.data.split(/[\r\n]/).map((x) => x.trim())]) if (m.trim() && !out.masks.includes(m)) out.masks.push(m)
    }
  }
  out.stoppedWith = stopToken
  return out
}

/** The commands @actions/core prints for an action; anything else in an action's output was forged. */
const OWN = new Set(['add-mask', 'debug', 'warning', 'error', 'notice', 'group', 'endgroup'])

/**
 * What the runner would execute that the action did not mean to print: any
 * legacy `##[…]` command (core never prints one), a command core never
 * prints, any command whose data or property begins with `marker` (the
 * payload's), and a stop-commands that silenced the rest of the step.
 */
export function forgedCommands(stdout: string, marker = 'FORGED'): string[] {
  const replay = replayRunner(stdout)
  const bad = replay.commands
    .filter(
      (c) =>
        c.form === 'legacy' ||
        !OWN.has(c.command.toLowerCase()) ||
        c.data.trimStart().startsWith(marker) ||
        Object.values(c.properties).some((v) => v.startsWith(marker))
    )
    .map((c) => `${c.form} ${c.command}: ${c.line}`)
  if (replay.stoppedWith !== undefined) bad.push(`stop-commands ${replay.stoppedWith}`)
  return bad
}

/** The runner's value encoders (HostContext): base64 at three byte offsets, JSON, URI and XML escaping. */
function runnerEncodings(value: string): string[] {
  const b64 = (b: Buffer): string => b.toString('base64')
  const bytes = Buffer.from(value)
  const forms = [
    value,
    b64(bytes),
    b64(bytes.length > 1 ? bytes.subarray(1) : bytes),
    b64(bytes.length > 2 ? bytes.subarray(2) : bytes),
    value.replace(/"/g, '\\"'),
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
  ]
  return forms.filter((f) => f.length > 0)
}

/** The text as the runner shows it once every registered mask (with its encodings) is replaced by `***`. */
export function runnerMask(text: string, masks: string[]): string {
  const forms = [...new Set(masks.flatMap(runnerEncodings))].sort((a, b) => b.length - a.length)
  let s = text
  for (const f of forms) s = s.split(f).join('***')
  return s
}

/** What a reader of rendered Markdown/HTML sees: character references and backslash escapes resolved. */
export function rendered(markdown: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
  // One pass, as a renderer reads: a decoded character is never decoded again.
  return markdown.replace(
    /&#x([0-9a-f]+);|&#(\d+);|&(amp|lt|gt|quot|apos);|\\([!-/:-@[-`{-~])/gi,
    (_m, hex?: string, dec?: string, name?: string, esc?: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(parseInt(dec, 10)) : name ? named[name.toLowerCase()] : esc!
  )
}

/**
 * Every form a secret could be recognised in: itself, JSON-escaped (once and
 * twice), URL-encoded, and the base64 text that appears in the base64 of any
 * string containing it (whole 3-byte groups at each alignment), for the
 * secret alone and for `user:secret`.
 */
export function secretForms(secret: string, user?: string): string[] {
  const cores = (v: string): string[] => {
    const b = Buffer.from(v)
    const out: string[] = []
    for (let s = 0; s < 3; s++) {
      const n = Math.floor((b.length - s) / 3)
      if (n >= 2) out.push(b.subarray(s, s + 3 * n).toString('base64'))
    }
    return out
  }
  const json = JSON.stringify(secret).slice(1, -1)
  return [
    ...new Set([
      secret,
      json,
      JSON.stringify(json).slice(1, -1),
      encodeURIComponent(secret),
      new URLSearchParams({ v: secret }).toString().slice(2),
      ...cores(secret),
      ...(user !== undefined ? cores(`${user}:${secret}`) : [])
    ])
  ]
}
