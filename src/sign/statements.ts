/**
 * The documents that get signed, exactly as the tools that verify them
 * expect: cosign's sign/v1 in-toto statement (bundle format), cosign's
 * simple-signing payload (legacy `.sig`), and the SLSA v1 build provenance
 * `actions/attest-build-provenance` writes. Pure functions of their inputs.
 */
import { goMarshal, goStruct } from '../gojson'

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1'
export const SLSA_PREDICATE = 'https://slsa.dev/provenance/v1'
export const GITHUB_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1'

const hex = (digest: string): string => digest.replace(/^sha256:/, '')

/** What `cosign sign` (v3) signs for an image: the manifest digest as the only subject, empty predicate. */
export function cosignSignStatement(manifestDigest: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ digest: { sha256: hex(manifestDigest) } }],
      predicateType: COSIGN_SIGN_PREDICATE,
      predicate: {}
    })
  )
}

/** cosign's simple-signing payload (sigstore/sigstore payload.go, Go json.Marshal). */
export function simpleSigningPayload(repositoryRef: string, manifestDigest: string): Buffer {
  return Buffer.from(
    goMarshal(
      goStruct({
        critical: goStruct({
          identity: goStruct({ 'docker-reference': repositoryRef }),
          image: goStruct({ 'docker-manifest-digest': manifestDigest }),
          type: 'cosign container image signature'
        }),
        optional: null
      })
    )
  )
}

/** The claims of the GitHub OIDC token that the provenance is built from. */
export interface WorkflowClaims {
  ref?: string
  sha?: string
  repository?: string
  repository_id?: string
  repository_owner_id?: string
  event_name?: string
  workflow_ref?: string
  job_workflow_ref?: string
  runner_environment?: string
  run_id?: string
  run_attempt?: string
}

/**
 * `buildSLSAProvenancePredicate` of @actions/attest, from the claims of the
 * token Fulcio certified (the certificate carries the same values, so a
 * verifier can cross-check them). Subjects: the chart manifest, and the .tgz
 * so that `gh attestation verify chart.tgz` works after `helm pull`.
 */
export function slsaProvenanceStatement(o: {
  claims: WorkflowClaims
  serverUrl: string
  subjectName: string
  manifestDigest: string
  archive?: { name: string; digest: string }
}): Buffer {
  const c = o.claims
  const server = o.serverUrl.replace(/\/$/, '')
  // workflow_ref = owner/repo/.github/workflows/x.yml@refs/…: the path is what lies between.
  const path = (c.workflow_ref ?? '').replace(`${c.repository}/`, '').replace(/@.*$/, '')
  const subject = [{ name: o.subjectName, digest: { sha256: hex(o.manifestDigest) } }]
  if (o.archive) subject.push({ name: o.archive.name, digest: { sha256: hex(o.archive.digest) } })
  return Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject,
      predicateType: SLSA_PREDICATE,
      predicate: {
        buildDefinition: {
          buildType: GITHUB_BUILD_TYPE,
          externalParameters: { workflow: { ref: c.ref, repository: `${server}/${c.repository}`, path } },
          internalParameters: {
            github: {
              event_name: c.event_name,
              repository_id: c.repository_id,
              repository_owner_id: c.repository_owner_id,
              runner_environment: c.runner_environment
            }
          },
          resolvedDependencies: [{ uri: `git+${server}/${c.repository}@${c.ref}`, digest: { gitCommit: c.sha } }]
        },
        runDetails: {
          builder: { id: `${server}/${c.job_workflow_ref}` },
          metadata: { invocationId: `${server}/${c.repository}/actions/runs/${c.run_id}/attempts/${c.run_attempt}` }
        }
      }
    })
  )
}
