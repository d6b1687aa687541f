/**
 * What the distribution client asks of a login method. Providers in
 * src/auth produce these; the client answers registry challenges with them.
 */
export interface Credential {
  username?: string
  password?: string
  /** OAuth2 refresh token ("identity token"): exchanged at the Bearer realm with a POST. */
  refreshToken?: string
  /** Registry access token used directly as `Authorization: Bearer`. */
  accessToken?: string
}

export interface CredentialSource {
  /** Shown in the log: the login method, never a secret (e.g. "GHCR with GITHUB_TOKEN"). */
  readonly description: string
  /**
   * The credential for `host`. `refresh` is set after the registry rejected the
   * previous one (expired cloud token in a long run): mint a fresh one if possible.
   */
  get(host: string, opts?: { refresh?: boolean }): Promise<Credential | undefined>
  /**
   * Present for registries that refuse pushes to a repository that does not
   * exist (Amazon ECR): creates it, or reports that it exists.
   */
  createRepository?(repository: string, settings: RepositorySettings): Promise<'created' | 'exists'>
}

/** Settings of a repository the action creates. */
export interface RepositorySettings {
  tagImmutability: 'mutable' | 'immutable'
  scanOnPush: boolean
}

/** A fixed username/password (or token as password); anonymous when both are empty. */
export function staticCredentials(username: string | undefined, password: string | undefined, description = 'username and password'): CredentialSource {
  const cred: Credential | undefined = username || password ? { username, password } : undefined
  return { description: cred ? description : 'anonymous', get: async () => cred }
}
