/**
 * GitHub Container Registry (ghcr.io, and `containers.HOST` on GHES / GHE.com):
 * the job's GITHUB_TOKEN as password, the actor as username (GHCR accepts any
 * non-empty name). A personal access token can be given as username/password.
 */
import type { CredentialSource } from '../oci/credentials'
import { maskCredential } from './mask'
import { sameHost } from './source'

export function ghcrCredentialSource(host: string, opts: { githubToken?: string; actor?: string; username?: string; password?: string }): CredentialSource {
  const explicit = Boolean(opts.password)
  const password = opts.password || opts.githubToken
  if (!password) return { description: 'anonymous (no github-token)', get: async () => undefined }
  const cred = maskCredential({ username: (explicit ? opts.username : undefined) || opts.actor || 'github-actions', password })
  return {
    description: explicit ? `GHCR with the password input as user ${cred.username}` : `GHCR with github-token as ${cred.username}`,
    get: async (h) => (sameHost(h, host) ? cred : undefined)
  }
}
