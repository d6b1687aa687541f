/**
 * Signing policy and the signing of one pushed chart. `sign: auto` signs when
 * the job can get a GitHub OIDC token and otherwise publishes unsigned with a
 * warning; `sign: true` fails before anything is pushed without one. What is
 * stored, all attached to the chart's manifest digest in its repository:
 * cosign's bundle-format signature (an OCI referrer), optionally the legacy
 * `.sig` image, and SLSA build provenance (a referrer, and GitHub's
 * attestations API). The heavy Sigstore code loads only when signing.
 */
import type { RunContext } from '../context'
import { ID_TOKEN_HINT, getIdToken, idTokenAvailable, jwtClaims } from '../auth/github-oidc'
import { InputError, SignError } from '../errors'
import { loadLazy } from '../lazy'
import { trace, transportFetch } from '../http'
import { alignProxyEnvironment } from '../proxy'
import type { RegistryClient } from '../oci/client'
import type { Descriptor } from '../oci/helm-artifact'
import type { ChartResult } from '../report/result'
import { resolveInstance, type InstanceName, type SigstoreEndpoints } from './instance'
import type { Sigstore } from './sigstore'
import { pushBundleReferrer } from './bundle-referrer'
import { legacyAnnotations, pushLegacySignature } from './legacy'
import { COSIGN_SIGN_PREDICATE, SLSA_PREDICATE, cosignSignStatement, simpleSigningPayload, slsaProvenanceStatement, type WorkflowClaims } from './statements'

export interface SignOptions {
  sign: 'auto' | 'true' | 'false'
  signFormat: 'bundle' | 'legacy' | 'both'
  attest: 'auto' | 'true' | 'false'
  sigstoreInstance: InstanceName
  fulcioUrl?: string
  rekorUrl?: string
  tsaUrl?: string
  githubToken?: string
}

export interface SigningPlan {
  enabled: boolean
  /** Shown once as a warning when the plan differs from what was asked. */
  warning?: string
  endpoints?: SigstoreEndpoints
  bundle?: boolean
  legacy?: boolean
  attest?: boolean
}

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com'

/** Decides before anything is pushed what will be signed, and refuses what cannot be honoured. */
export function planSigning(o: SignOptions, env: NodeJS.ProcessEnv, github: RunContext): SigningPlan {
  if (o.sign === 'false') {
    if (o.attest === 'true') throw new InputError('attest: true needs signing, but sign is false', { hint: 'Set sign: auto or true, or attest: false' })
    return { enabled: false }
  }
  if (!idTokenAvailable(env)) {
    const why = 'keyless signing needs a GitHub OIDC token, and this job cannot request one'
    if (o.sign === 'true' || o.attest === 'true') throw new SignError(`sign: true was requested, but ${why}`, { hint: ID_TOKEN_HINT })
    return { enabled: false, warning: `Publishing unsigned: ${why}. ${ID_TOKEN_HINT}, or set sign: false to silence this warning` }
  }
  const endpoints = resolveInstance({ instance: o.sigstoreInstance, fulcioUrl: o.fulcioUrl, rekorUrl: o.rekorUrl, tsaUrl: o.tsaUrl }, github)
  let legacy = o.signFormat !== 'bundle'
  let warning: string | undefined
  if (legacy && !endpoints.rekor) {
    if (o.signFormat === 'legacy')
      throw new InputError(`sign-format: legacy needs a Rekor transparency log, and the ${endpoints.name} instance has none`, {
        hint: 'Use sign-format: bundle, or a Sigstore instance with Rekor (public-good or custom rekor-url)'
      })
    warning = `sign-format: both: the ${endpoints.name} instance has no Rekor log, so only the bundle format is written`
    legacy = false
  }
  return { enabled: true, endpoints, bundle: o.signFormat !== 'legacy', legacy, attest: o.attest !== 'false', warning }
}

export interface ChartToSign {
  client: RegistryClient
  host: string
  repository: string
  manifest: Descriptor
  /** The packaged archive, a second provenance subject (`gh attestation verify chart.tgz`). */
  archive?: { name: string; digest: string }
}

export interface Signing {
  signChart(c: ChartToSign): Promise<Partial<ChartResult>>
}

/** One signing session per run: one key, one certificate, reused for every chart. */
export async function startSigning(plan: SigningPlan, o: SignOptions, env: NodeJS.ProcessEnv, github: RunContext, warn: (m: string) => void): Promise<Signing> {
  const endpoints = plan.endpoints!
  // sigstore-js reads the proxy variables when it loads: give it the same route as every other request first.
  const aligned = alignProxyEnvironment([endpoints.fulcio, endpoints.rekor ?? '', endpoints.tsa ?? ''], env)
  if (aligned.length) trace(() => `proxy variables aligned for Sigstore: ${aligned.join(', ')}`)
  // sigstore-js reports each failed Fulcio/Rekor/TSA attempt as a proc-log 'http' event (actions/attest does the same).
  ;(process as NodeJS.EventEmitter).on('log', (level: string, ...args: unknown[]) => {
    if (level === 'http' || level === 'warn') trace(() => `sigstore: ${args.map(String).join(' ')}`)
  })
  const { createSigstore } = loadLazy<typeof import('./sigstore')>('sign/sigstore')
  let claims: WorkflowClaims & Record<string, unknown> = {}
  const sigstore: Sigstore = createSigstore(endpoints, async () => {
    const token = await getIdToken('sigstore', 'Sigstore signing', env)
    claims = jwtClaims(token)
    return token
  })
  const server = github.serverUrl
  return {
    async signChart(c) {
      const out: Partial<ChartResult> = {}
      const imageRef = `${c.host}/${c.repository}`
      let first: Awaited<ReturnType<Sigstore['signStatement']>> | undefined
      if (plan.bundle) {
        first = await sigstore.signStatement(cosignSignStatement(c.manifest.digest))
        out.signature = `${imageRef}@${await pushBundleReferrer(c.client, c.repository, c.manifest, first, COSIGN_SIGN_PREDICATE)}`
      }
      if (plan.legacy) {
        const payload = simpleSigningPayload(imageRef, c.manifest.digest)
        const bundle = await sigstore.signMessage(payload)
        first ??= bundle
        out.legacySignature = await pushLegacySignature(c.client, c.repository, c.manifest.digest, payload, legacyAnnotations(bundle))
        out.signature ??= out.legacySignature
      }
      if (plan.attest) {
        const statement = slsaProvenanceStatement({ claims, serverUrl: server, subjectName: imageRef, manifestDigest: c.manifest.digest, archive: c.archive })
        const bundle = await sigstore.signStatement(statement)
        out.attestation = `${imageRef}@${await pushBundleReferrer(c.client, c.repository, c.manifest, bundle, SLSA_PREDICATE)}`
        const { storeAttestation } = loadLazy<typeof import('./github-attestations')>('sign/github-attestations')
        // The main bundle's transport: the one configured with ca-file and network-timeout.
        const stored = await storeAttestation(bundle, o.githubToken, github, transportFetch)
        if (stored.id) out.attestationId = stored.id
        if (stored.warning) warn(stored.warning)
      }
      const index = first?.verificationMaterial.tlogEntries?.[0]?.logIndex
      if (index) out.rekorLogIndex = String(index)
      const san = `${server}/${claims.job_workflow_ref ?? '<owner>/<repo>/.github/workflows/<workflow>@<ref>'}`
      out.verifyCommands = [
        `cosign verify ${imageRef}@${c.manifest.digest} --certificate-identity '${san}' --certificate-oidc-issuer ${GITHUB_OIDC_ISSUER}`,
        ...(plan.attest && claims.repository
          ? [`gh attestation verify oci://${imageRef}@${c.manifest.digest} -R ${claims.repository}${out.attestationId ? '' : ' --bundle-from-oci'}`]
          : [])
      ]
      return out
    }
  }
}
