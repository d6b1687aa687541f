/** The job summary: one table row per chart, how to install what was pushed, errors and warnings. */
import type { ChartResult } from './result'
import { safeMarkdown } from './sanitize'

const STATUS: Record<ChartResult['status'], string> = {
  published: '✅ published',
  unchanged: '✔️ unchanged (identical tag)',
  'dry-run': '🧪 dry run (not pushed)',
  failed: '❌ failed'
}

/** Escapes a value for a Markdown table cell. */
const cell = (s: string | undefined): string => (s ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const code = (s: string | undefined): string => (s ? `\`${cell(s)}\`` : '')

export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

export function summaryMarkdown(results: ChartResult[], registry: string): string {
  const lines = [
    `### Helm OCI Publish → \`${cell(registry)}\``,
    '',
    '| Chart | Version | Status | Immutable reference | Size |',
    '| --- | --- | --- | --- | --- |'
  ]
  for (const r of results) {
    lines.push(`| ${cell(r.name ?? r.source)} | ${cell(r.version)} | ${STATUS[r.status]} | ${code(r.ref)} | ${formatSize(r.size)} |`)
  }
  const pushed = results.filter((r) => (r.status === 'published' || r.status === 'unchanged') && r.ref)
  if (pushed.length) {
    lines.push('', '#### Install', '', '```sh')
    for (const r of pushed) {
      const repo = r.ref!.slice(0, r.ref!.lastIndexOf('@'))
      lines.push(`helm install ${r.name} ${repo} --version ${r.version}`, `helm install ${r.name} ${r.ref}   # pinned to the digest`)
    }
    lines.push('```')
  }
  const withDeps = results.filter((r) => r.dependencies?.length)
  if (withDeps.length) {
    lines.push('', '#### Dependencies', '', '| Chart | Dependency | Version | Source |', '| --- | --- | --- | --- |')
    for (const r of withDeps)
      for (const d of r.dependencies ?? [])
        lines.push(
          `| ${safeMarkdown(r.name ?? r.source)} | ${safeMarkdown(d.alias ? `${d.alias} (${d.name})` : d.name)} | ${safeMarkdown(d.version)} | ${safeMarkdown(d.source)} |`
        )
  }
  const failed = results.filter((r) => r.error)
  if (failed.length) {
    lines.push('', '#### Errors', '')
    for (const r of failed) lines.push(`- **${cell(r.name ?? r.source)}**: ${cell(r.error)}`)
  }
  const signed = results.filter((r) => r.verifyCommands?.length)
  if (signed.length) {
    lines.push('', '#### Verify', '')
    for (const r of signed) {
      lines.push(
        `**${cell(r.name)} ${cell(r.version)}**${r.rekorLogIndex ? ` (Rekor log index ${r.rekorLogIndex})` : ''}`,
        '',
        '```sh',
        ...(r.verifyCommands ?? []),
        '```',
        ''
      )
    }
  }
  const warned = results.filter((r) => r.warnings?.length)
  if (warned.length) {
    lines.push('', '#### Warnings', '')
    for (const r of warned) for (const w of r.warnings ?? []) lines.push(`- ${cell(r.name ?? r.source)}: ${cell(w)}`)
  }
  return lines.join('\n') + '\n'
}
