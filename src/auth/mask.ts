/**
 * Masking: every secret is registered with the runner the moment it exists,
 * together with the encodings we derive from it (the runner masks line by line,
 * and it cannot know our base64 of `user:password`).
 */
import * as log from '../report/log'
import type { Credential } from '../oci/credentials'

export function maskSecret(value: string | undefined): void {
  if (!value) return
  for (const line of value.split(/\r?\n/)) if (line.trim()) log.setSecret(line)
}

/** Masks the secret parts of a credential; the username stays readable unless it is itself a token. */
export function maskCredential(cred: Credential): Credential {
  maskSecret(cred.password)
  maskSecret(cred.refreshToken)
  maskSecret(cred.accessToken)
  if (cred.password) maskSecret(Buffer.from(`${cred.username ?? ''}:${cred.password}`).toString('base64'))
  return cred
}
