/**
 * Signing policy. `sign: auto` signs when the job can get a GitHub OIDC
 * token (keyless Sigstore), `sign: false` never signs. Keyless signing itself
 * is not in this version yet: `auto` publishes unsigned and says so, and
 * `sign: true` fails before anything is pushed rather than publish an
 * unsigned chart someone asked to have signed.
 */
import { InputError } from '../errors'

export interface SignOptions {
  sign: 'auto' | 'true' | 'false'
}

export interface SigningPlan {
  enabled: boolean
  /** Shown once as a warning when the plan differs from what was asked. */
  warning?: string
}

export function planSigning(o: SignOptions, _env: NodeJS.ProcessEnv): SigningPlan {
  if (o.sign === 'false') return { enabled: false }
  if (o.sign === 'true') {
    throw new InputError('sign: true was requested, but this version of helm-oci-publish cannot sign yet', {
      hint: 'Use sign: false (or auto) for now, or sign in a later step with cosign'
    })
  }
  return { enabled: false }
}
