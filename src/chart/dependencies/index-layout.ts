/**
 * The layout `helm repo index` writes index.yaml in (yaml.Marshal of Helm's IndexFile; ChartMuseum and chart-releaser
 * use Helm's code): top-level keys at column 0, `entries:` alone on its line, each chart's name at column 2, and its
 * versions as `- ` items at column 2 (Go's yaml) or 4 (an indented sequence, as in Helm's testdata), their lines
 * indented further.
 *
 * Parsed whole, a YAML document holds about 38 times its size on the heap (a 54 MiB index: 2.0 GiB), more than a
 * runner's Node heap allows near the 100 MiB bound. Cut at these lines, runs of versions are parsed on their own, so
 * the heap holds one run's parse at a time. The cut is only a way to parse: each piece is the file's own text,
 * indentation included, so it reads as it would in place. Whatever this layout does not cover (flow style, document
 * markers or directives, CR line ends, tabs or odd indentation, explicit keys) gives undefined: the caller parses the
 * file whole.
 */

/** One chart under `entries:`: its key line (`  nginx:`) and its version items, as slices of the file. */
export interface ChartSection {
  keyLine: string
  /** Runs of consecutive items, each cut at the first item past BATCH_BYTES (one parse per run, not per ~1 KiB version). */
  batches: string[]
}

/** About 40 times this is on the heap while a batch is parsed. */
export const BATCH_BYTES = 256 * 1024

export interface IndexLayout {
  /** The file without its `entries:` block (apiVersion, generated, …). */
  rest: string
  charts: ChartSection[]
}

// A key line's first character: not an indicator that would make the line something other than `name:` (an explicit
// key, an anchor, a tag, a flow collection, a block scalar, a sequence). Quoted names are allowed.
const NOT_KEY_START = new Set('-?:,[]{}#&*!|>%@`')

/** Splits index.yaml at the lines described above, or undefined when the text is not in that layout. */
export function splitIndex(text: string): IndexLayout | undefined {
  // (YAML breaks lines at a lone CR too, which this scan would not see.)
  if (text.includes('\r') || text.includes('\t')) return undefined
  const charts: ChartSection[] = []
  let entriesAt = -1
  let blockEnd = -1
  let chart: ChartSection | undefined
  /** The column of the current chart's `-` items (2 or 4), set by its first item. */
  let itemColumn = 0
  let batchStart = 0
  let batchItems = 0
  const endBatch = (at: number): void => {
    if (batchItems > 0) chart!.batches.push(text.slice(batchStart, at))
    batchItems = 0
  }
  for (let pos = 0, next = 0; pos < text.length; pos = next) {
    const nl = text.indexOf('\n', pos)
    const end = nl < 0 ? text.length : nl
    next = end + 1
    let indent = 0
    while (text.charCodeAt(pos + indent) === 0x20) indent++
    const first = text[pos + indent]
    // Blank and comment lines belong to whatever they sit in (a block scalar keeps blank lines; comments are dropped).
    if (pos + indent === end || first === '#') continue
    if (indent === 0) {
      // A document marker changes how the whole text reads; a leading `---` alone does not (a directive is always
      // followed by a `---` past the start).
      const line = text.slice(pos, end)
      if (line.startsWith('...') || (line.startsWith('---') && (pos > 0 || line.trimEnd() !== '---'))) return undefined
      if (entriesAt < 0) {
        if (line === 'entries:') entriesAt = pos
      } else if (blockEnd < 0) {
        endBatch(pos)
        blockEnd = pos
      }
      continue
    }
    // Indented lines before `entries:` or after its block belong to the other top-level keys.
    if (entriesAt < 0 || blockEnd >= 0) continue
    if (indent === 2 && !NOT_KEY_START.has(first)) {
      endBatch(pos)
      chart = { keyLine: text.slice(pos, end), batches: [] }
      charts.push(chart)
      itemColumn = 0
      continue
    }
    if (!chart) return undefined
    const dash = first === '-' && (pos + indent + 1 === end || text[pos + indent + 1] === ' ')
    if (dash && (itemColumn === 0 ? indent === 2 || indent === 4 : indent === itemColumn)) {
      if (pos - batchStart >= BATCH_BYTES) endBatch(pos)
      if (batchItems === 0) batchStart = pos
      batchItems++
      itemColumn = indent
      continue
    }
    // A version's own lines are indented past its `-`; anything else is not this layout.
    if (batchItems === 0 || indent <= itemColumn) return undefined
  }
  if (charts.length === 0) return undefined
  if (blockEnd < 0) {
    endBatch(text.length)
    blockEnd = text.length
  }
  return { rest: text.slice(0, entriesAt) + text.slice(blockEnd), charts }
}
