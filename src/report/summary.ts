/**
 * The job summary: one table row per chart, how to install what was pushed,
 * errors and warnings. Every value that came from a chart, a registry or an
 * input passes `safeMarkdown`; commands go in `<pre>` rather than fenced
 * blocks, because character references mean the same there and a value
 * cannot close the block.
 */
import { safeMarkdown as md } from './sanitize'
import { reachedRegistry, type ChartResult } from './result'

const STATUS: Record<ChartResult['status'], string> = {
  published: '✅ published',
  unchanged: '✔️ unchanged (identical tag)',
  'dry-run': '🧪 dry run (not pushed)',
  planned: '📋 would be published (plan)',
  failed: '❌ failed',
  skipped: '⏭️ skipped'
}

const code = (s: string | undefined): string => (s ? `<code>${md(s)}</code>` : '')
const pre = (lines: string[]): string[] => ['<pre>', ...lines.map(md), '</pre>']

export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

export function summaryMarkdown(results: ChartResult[], registry: string): string {
  const lines = [`### Helm OCI Publish → ${code(registry)}`, '', '| Chart | Version | Status | Immutable reference | Size |', '| --- | --- | --- | --- | --- |']
  for (const r of results) {
    // A chart that failed or was skipped has no reference anyone should use, even when its digest was known.
    lines.push(
      `| ${md(r.name ?? r.source)} | ${md(r.version ?? '')} | ${STATUS[r.status]} | ${reachedRegistry(r) ? code(r.ref) : ''} | ${formatSize(r.size)} |`
    )
  }
  const pushed = results.filter((r) => (r.status === 'published' || r.status === 'unchanged') && r.ref)
  if (pushed.length) {
    const commands: string[] = []
    for (const r of pushed) {
      const repo = r.ref!.slice(0, r.ref!.lastIndexOf('@'))
      commands.push(`helm install ${r.name} ${repo} --version ${r.version}`, `helm install ${r.name} ${r.ref}   # pinned to the digest`)
    }
    lines.push('', '#### Install', '', ...pre(commands))
  }
  const withDeps = results.filter((r) => r.dependencies?.length)
  if (withDeps.length) {
    lines.push('', '#### Dependencies', '', '| Chart | Dependency | Version | Source |', '| --- | --- | --- | --- |')
    for (const r of withDeps)
      for (const d of r.dependencies ?? [])
        lines.push(`| ${md(r.name ?? r.source)} | ${md(d.alias ? `${d.alias} (${d.name})` : d.name)} | ${md(d.version)} | ${md(d.source)} |`)
  }
  const failed = results.filter((r) => r.error)
  if (failed.length) {
    lines.push('', '#### Errors', '')
    for (const r of failed) lines.push(`- **${md(r.name ?? r.source)}**: ${md(r.error)}`)
  }
  const skipped = results.filter((r) => r.status === 'skipped')
  if (skipped.length) {
    lines.push('', '#### Skipped', '')
    for (const r of skipped) lines.push(`- **${md(r.name ?? r.source)}**: ${md(r.reason ?? '')}`)
  }
  const signed = results.filter((r) => r.verifyCommands?.length)
  if (signed.length) {
    lines.push('', '#### Verify', '')
    for (const r of signed) {
      lines.push(
        `**${md(r.name ?? '')} ${md(r.version ?? '')}**${r.rekorLogIndex ? ` (Rekor log index ${md(r.rekorLogIndex)})` : ''}`,
        '',
        ...pre(r.verifyCommands ?? []),
        ''
      )
    }
  }
  const warned = results.filter((r) => r.warnings?.length)
  if (warned.length) {
    lines.push('', '#### Warnings', '')
    for (const r of warned) for (const w of r.warnings ?? []) lines.push(`- ${md(r.name ?? r.source)}: ${md(w)}`)
  }
  return lines.join('\n') + '\n'
}
