/**
 * Username/password registries (Docker Hub, Harbor, Artifactory, Cloudsmith,
 * Zot, Quay, Distribution…): a token works as the password. Anonymous when
 * neither is given.
 */
import { InputError } from '../errors'
import type { CredentialSource } from '../oci/credentials'
import { maskCredential } from './mask'
import { sameHost } from './source'

export function basicCredentialSource(host: string, opts: { username?: string; password?: string }): CredentialSource {
  const { username, password } = opts
  if (!username && !password) return { description: 'anonymous (no username/password)', get: async () => undefined }
  if (!password) {
    throw new InputError(`username "${username}" was given for ${host} without a password`, {
      registry: host,
      hint: 'Pass `password` from a secret (a registry token works); secrets are empty in pull requests from forks'
    })
  }
  if (!username) {
    throw new InputError(`a password was given for ${host} without a username`, {
      registry: host,
      hint: 'Set `username` as well (for a robot or service account, its name)'
    })
  }
  if (username.includes(':'))
    throw new InputError(`the username for ${host} contains ":"`, { registry: host, hint: 'Registry usernames cannot contain a colon' })
  const cred = maskCredential({ username, password })
  return { description: `username ${username} and password`, get: async (h) => (sameHost(h, host) ? cred : undefined) }
}
