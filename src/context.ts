/**
 * The workflow run this step belongs to, from @actions/github's `Context`:
 * repository, commit, ref, actor, server and API URLs, and the repository's
 * visibility from the event payload. Outside GitHub Actions (the CLI) the
 * run fields are undefined and the URLs are github.com's.
 */
import { Context } from '@actions/github/lib/context'

export interface RunContext {
  /** `owner/repo`. */
  repository?: string
  sha?: string
  ref?: string
  actor?: string
  runId?: number
  serverUrl: string
  apiUrl: string
  /** `public`, `private` or `internal`, when the event payload says. */
  visibility?: string
}

/** `owner/repo` from GITHUB_REPOSITORY or the payload; `Context.repo` throws when neither is there. */
function repositoryOf(c: Context): string | undefined {
  try {
    const { owner, repo } = c.repo
    return owner && repo ? `${owner}/${repo}` : undefined
  } catch {
    return undefined
  }
}

/** Reads the context from the runner's environment now (@actions/github reads process.env and the event file). */
export function readContext(): RunContext {
  const c = new Context()
  const visibility: unknown = c.payload.repository?.visibility
  return {
    repository: repositoryOf(c),
    sha: c.sha || undefined,
    ref: c.ref || undefined,
    actor: c.actor || undefined,
    runId: Number.isFinite(c.runId) ? c.runId : undefined,
    serverUrl: c.serverUrl.replace(/\/$/, ''),
    apiUrl: c.apiUrl.replace(/\/$/, ''),
    visibility: typeof visibility === 'string' ? visibility : undefined
  }
}
