/**
 * GitHub's attestations API (`POST /repos/{owner}/{repo}/attestations`),
 * which `gh attestation verify` reads by default. Not every repository can
 * store attestations (plan, visibility, `attestations: write`): a refusal is
 * a warning, since the referrer in the registry serves `--bundle-from-oci`.
 */
import type { SerializedBundle } from '@sigstore/bundle'
import { sendWithRetry } from '../http'

export async function storeAttestation(
  bundle: SerializedBundle,
  token: string | undefined,
  env: NodeJS.ProcessEnv
): Promise<{ id?: string; warning?: string }> {
  const repo = env.GITHUB_REPOSITORY
  if (!repo || !token)
    return { warning: 'The provenance was not stored with GitHub (no GITHUB_REPOSITORY or github-token); use `gh attestation verify --bundle-from-oci`' }
  const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, '')
  const res = await sendWithRetry({
    method: 'POST',
    url: `${api}/repos/${repo}/attestations`,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/vnd.github+json',
      'content-type': 'application/json',
      'user-agent': 'helm-oci-publish',
      'x-github-api-version': '2022-11-28'
    },
    body: JSON.stringify({ bundle })
  })
  if (res.status === 201 || res.status === 200) {
    const id = (JSON.parse(res.body.toString()) as { id?: number | string }).id
    return { id: id === undefined ? undefined : String(id) }
  }
  const hint =
    res.status === 403 || res.status === 404
      ? 'add `permissions: attestations: write` (available for public repositories, and private ones on GitHub Enterprise Cloud)'
      : 're-run to retry'
  return {
    warning: `GitHub did not store the provenance attestation (HTTP ${res.status}): ${hint}; it is in the registry for \`gh attestation verify --bundle-from-oci\``
  }
}
