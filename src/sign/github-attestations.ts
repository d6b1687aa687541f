/**
 * GitHub's attestations API (`POST /repos/{owner}/{repo}/attestations`),
 * which `gh attestation verify` reads by default, through @actions/github's
 * Octokit, in a bundle of its own (src/lazy.ts) loaded only when a run attests. Not every repository can store
 * attestations (plan, visibility, `attestations: write`): a refusal is a
 * warning, since the referrer in the registry serves `--bundle-from-oci`.
 */
import type { SerializedBundle } from '@sigstore/bundle'
import { getOctokit } from '@actions/github'
import type { RunContext } from '../context'
import { NetworkError, networkSentence, transportFetch } from '../http'

export async function storeAttestation(
  bundle: SerializedBundle,
  token: string | undefined,
  github: Pick<RunContext, 'repository' | 'apiUrl'>,
  /** The transport's fetch; the caller passes its own, since this module is bundled apart (src/lazy.ts). */
  transport: typeof transportFetch = transportFetch
): Promise<{ id?: string; warning?: string }> {
  const [owner, repo] = github.repository?.split('/') ?? []
  if (!owner || !repo || !token)
    return { warning: 'The provenance was not stored with GitHub (no GITHUB_REPOSITORY or github-token); use `gh attestation verify --bundle-from-oci`' }
  // Octokit keeps only "fetch failed" of a network error: requests go through the transport, which keeps the cause.
  let network: NetworkError | undefined
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    transport(input, init).catch((err: unknown) => {
      if (err instanceof NetworkError) network = err
      throw err
    })
  const octokit = getOctokit(token, { baseUrl: github.apiUrl, userAgent: 'helm-oci-publish', request: { fetch } })
  try {
    const res = await octokit.request('POST /repos/{owner}/{repo}/attestations', { owner, repo, bundle, headers: { 'x-github-api-version': '2022-11-28' } })
    const id = (res.data as { id?: number | string }).id
    return { id: id === undefined ? undefined : String(id) }
  } catch (err) {
    if (network) {
      const api = { name: `the GitHub API at ${github.apiUrl}`, setting: 'GITHUB_API_URL (github-server-url on GitHub Enterprise Server)' }
      const { message, hint } = networkSentence(network, api)
      return {
        warning: `GitHub did not store the provenance attestation: ${message}. ${hint}; the attestation is in the registry for \`gh attestation verify --bundle-from-oci\``
      }
    }
    const status = (err as { status?: number }).status
    const hint =
      status === 403 || status === 404
        ? 'add `permissions: attestations: write` (available for public repositories, and private ones on GitHub Enterprise Cloud)'
        : 're-run to retry'
    return {
      warning: `GitHub did not store the provenance attestation (${status ? `HTTP ${status}` : String(err)}): ${hint}; it is in the registry for \`gh attestation verify --bundle-from-oci\``
    }
  }
}
