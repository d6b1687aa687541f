/**
 * The one function untrusted text passes before it reaches the runner's log,
 * an annotation, the job summary or an output. The runner executes a line
 * that starts with `::` (after leading white space) and the legacy form
 * `##[command]` anywhere in a line (actions/runner ActionCommand.TryParseV2 and
 * TryParse), so untrusted text is flattened to one line, a leading `::` and
 * every `##[` are broken, and nothing else is changed.
 */

/** Line breaks as the runner's line reader splits them, and the Unicode ones a viewer may show. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g

/** Untrusted text as one inert line. */
export function safeText(text: unknown): string {
  let s = String(text).replace(LINE_BREAKS, ' ')
  // A '#' directly before '#[' gets a space after it, so no `##[` survives, however many '#' there are.
  s = s.replace(/#(?=#\[)/g, '# ')
  // `::` at the start of the line (the runner trims leading white space first).
  s = s.replace(/^(\s*):(?=:)/, '$1: ')
  return s
}

/** Untrusted text for the job summary: one inert line, Markdown and HTML made literal. */
export function safeMarkdown(text: unknown): string {
  return safeText(text).replace(/[\\`*_[\]#!|~<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
}
