/**
 * The one function untrusted text passes before it reaches the runner's log,
 * an annotation, the job summary or an output. The runner reads stdout line by
 * line (split at CR and LF) and executes a line that starts with `::` after
 * leading white space (actions/runner ActionCommand.TryParseV2) and, failing
 * that, the legacy form `##[command]` anywhere in the line (TryParse), which
 * includes `##[stop-commands]TOKEN`, the switch that silences every later
 * `::add-mask::`. So untrusted text is flattened to one line, a leading `::`
 * and every `##[` are broken, and controls that could rewrite what a viewer
 * sees (terminal escapes, bidirectional overrides) are replaced.
 */

/** Line breaks as the runner's line reader splits them, and the Unicode ones a viewer may show. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g
/** C0/C1 controls other than tab (ANSI escapes, NUL, backspace) and bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- the control characters are what this strips
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/** .NET `TrimStart` white space (char.IsWhiteSpace), as the runner trims before looking for `::`. */
const LEADING_COMMAND = /^([\s\u0085\u180e]*):(?=:)/

/** Untrusted text as one inert line. */
export function safeText(text: unknown): string {
  let s = String(text).replace(LINE_BREAKS, ' ').replace(CONTROLS, '\ufffd')
  // A '#' directly before '#[' gets a space after it, so no `##[` survives, however many '#' there are.
  s = s.replace(/#(?=#\[)/g, '# ')
  // `::` at the start of the line (the runner trims leading white space first).
  s = s.replace(LEADING_COMMAND, '$1: ')
  return s
}

/** What Markdown, GitHub's autolinker or HTML could read as syntax. */
const MARKDOWN = /[\\`*_[\]#!|~<>&$]/g

/**
 * Untrusted text for the job summary: one inert line with every Markdown and
 * HTML character as a numeric character reference. References (unlike
 * backslash escapes) mean the same thing in running text, table cells and the
 * `<pre>`/`<code>` elements the summary uses for commands, so a value shows
 * exactly as it is and can neither close a code block nor split a table row.
 */
export function safeMarkdown(text: unknown): string {
  return safeText(text).replace(MARKDOWN, (c) => `&#${c.charCodeAt(0)};`)
}
