/**
 * Google Artifact Registry (and gcr.io) through Workload Identity Federation:
 * GitHub OIDC token → Google STS token exchange → optionally an impersonated
 * service-account access token (IAM Credentials) → username `oauth2accesstoken`.
 * Without `gcp-workload-identity-provider`, the credential file left by
 * google-github-actions/auth (GOOGLE_APPLICATION_CREDENTIALS) is used.
 */
import { createSign } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { AuthError } from '../errors'
import type { Credential, CredentialSource } from '../oci/credentials'
import { CredentialCache, type Minted } from './cache'
import { getIdToken } from './github-oidc'
import { maskCredential, maskSecret, scrubSecrets } from './mask'
import { callService, sameHost, parseJsonObject, fieldText } from './source'

export const GAR_USERNAME = 'oauth2accesstoken'
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform'
export const DEFAULT_STS_ENDPOINT = 'https://sts.googleapis.com'
export const DEFAULT_IAM_CREDENTIALS_ENDPOINT = 'https://iamcredentials.googleapis.com'

export interface GcpOptions {
  host: string
  /** projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER */
  workloadIdentityProvider?: string
  serviceAccount?: string
  /** Base URLs (documented inputs `gcp-sts-endpoint`, `gcp-iam-credentials-endpoint`). */
  stsEndpoint?: string
  iamCredentialsEndpoint?: string
}

interface Token {
  token: string
  expiresAt?: number
}

/** `projects/…/providers/P` or `//iam.googleapis.com/projects/…` → the resource path without prefix. */
export function providerPath(provider: string): string {
  return provider
    .trim()
    .replace(/^(https:)?\/\/iam\.googleapis\.com\//, '')
    .replace(/^\/+/, '')
}

/** Google STS (RFC 8693 token exchange, JSON body as google-github-actions/auth sends it). */
export async function stsExchange(tokenUrl: string, audience: string, subjectToken: string): Promise<Token> {
  const url = new URL(tokenUrl)
  const sts = {
    name: `Google STS at ${url.origin}`,
    setting: 'gcp-sts-endpoint (or token_url in the credential file)',
    during: ` while exchanging the token for ${audience}`
  }
  const res = await callService(sts, {
    method: 'POST',
    url,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      audience,
      grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
      requestedTokenType: 'urn:ietf:params:oauth:token-type:access_token',
      scope: CLOUD_PLATFORM,
      subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt',
      subjectToken
    })
  })
  const json = parseJsonObject(res.body.toString())
  if (res.status !== 200 || typeof json.access_token !== 'string') {
    throw new AuthError(
      `Google STS token exchange for ${audience} failed: ${fieldText(json.error ?? `HTTP ${res.status}`)}: ${fieldText(json.error_description ?? scrubSecrets(res.body.toString()).slice(0, 200))}`,
      {
        hint: "Check gcp-workload-identity-provider (project NUMBER, pool and provider ids) and the provider's attribute condition against this repository"
      }
    )
  }
  maskSecret(json.access_token)
  const expiresIn = Number(json.expires_in)
  return { token: json.access_token, expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? Date.now() + expiresIn * 1000 : undefined }
}

/** IAM Credentials generateAccessToken: impersonate a service account with the federated token. */
export async function impersonate(url: string, serviceAccount: string, federated: string): Promise<Token> {
  const target = new URL(url)
  const iam = {
    name: `Google IAM Credentials at ${target.origin}`,
    setting: 'gcp-iam-credentials-endpoint (or service_account_impersonation_url in the credential file)',
    during: ` while impersonating ${serviceAccount}`
  }
  const res = await callService(iam, {
    method: 'POST',
    url: target,
    headers: { Authorization: `Bearer ${federated}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ scope: [CLOUD_PLATFORM], lifetime: '3600s' })
  })
  const json = parseJsonObject(res.body.toString())
  if (res.status !== 200 || typeof json.accessToken !== 'string') {
    const err = (json.error ?? {}) as { status?: string; message?: string }
    throw new AuthError(
      `Google IAM Credentials generateAccessToken for ${serviceAccount} failed: ${err.status ?? `HTTP ${res.status}`}: ${err.message ?? scrubSecrets(res.body.toString()).slice(0, 200)}`,
      {
        hint: `Grant roles/iam.workloadIdentityUser on ${serviceAccount} to the workload identity principal (principalSet://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/attribute.repository/OWNER/REPO)`
      }
    )
  }
  maskSecret(json.accessToken)
  const at = typeof json.expireTime === 'string' ? Date.parse(json.expireTime) : NaN
  return { token: json.accessToken, expiresAt: Number.isNaN(at) ? undefined : at }
}

function iamUrl(base: string, serviceAccount: string): string {
  return `${base.replace(/\/+$/, '')}/v1/projects/-/serviceAccounts/${encodeURIComponent(serviceAccount)}:generateAccessToken`
}

/** The inputs path: GitHub OIDC → STS [→ impersonation]. */
async function viaWorkloadIdentity(opts: GcpOptions & { workloadIdentityProvider: string }, env: NodeJS.ProcessEnv): Promise<Token> {
  const path = providerPath(opts.workloadIdentityProvider)
  const jwt = await getIdToken(`https://iam.googleapis.com/${path}`, `Logging in to Google Artifact Registry ${opts.host}`, env)
  const sts = `${(opts.stsEndpoint || DEFAULT_STS_ENDPOINT).replace(/\/+$/, '')}/v1/token`
  const federated = await stsExchange(sts, `//iam.googleapis.com/${path}`, jwt)
  if (!opts.serviceAccount) return federated
  return impersonate(iamUrl(opts.iamCredentialsEndpoint || DEFAULT_IAM_CREDENTIALS_ENDPOINT, opts.serviceAccount), opts.serviceAccount, federated.token)
}

interface ExternalAccount {
  type: 'external_account'
  audience: string
  token_url?: string
  service_account_impersonation_url?: string
  credential_source: {
    url?: string
    file?: string
    headers?: Record<string, string>
    format?: { type?: 'json' | 'text'; subject_token_field_name?: string }
  }
}

interface ServiceAccountKey {
  type: 'service_account'
  client_email: string
  private_key: string
  private_key_id?: string
  token_uri?: string
}

/** The file google-github-actions/auth (or gcloud) left for later steps. */
export function credentialsFilePath(env: NodeJS.ProcessEnv): string | undefined {
  return env.GOOGLE_APPLICATION_CREDENTIALS || env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE || env.GOOGLE_GHA_CREDS_PATH || undefined
}

async function subjectToken(src: ExternalAccount['credential_source']): Promise<string> {
  let text: string
  if (src.url) {
    for (const v of Object.values(src.headers ?? {})) maskSecret(v.replace(/^(Bearer|Basic)\s+/i, ''))
    const url = new URL(src.url)
    const source = { name: `the subject token URL of the Google credential file (${url.origin})`, setting: 'credential_source.url in the credential file' }
    const res = await callService(source, { method: 'GET', url, headers: { ...src.headers, Accept: 'application/json' } })
    if (res.status !== 200)
      throw new AuthError(`the subject token URL of the Google credential file answered HTTP ${res.status}`, {
        hint: 'Add `permissions: id-token: write` to the job'
      })
    text = res.body.toString()
  } else if (src.file) {
    text = await fs.readFile(src.file, 'utf8')
  } else {
    throw new AuthError('the Google credential file has neither credential_source.url nor credential_source.file')
  }
  const token = src.format?.type === 'json' ? parseJsonObject(text)[src.format.subject_token_field_name ?? 'value'] : text.trim()
  if (typeof token !== 'string' || !token) throw new AuthError("the Google credential file's subject token source returned no token")
  maskSecret(token)
  return token
}

/** OAuth 2.0 JWT bearer grant with a service-account key (long-lived secret; supported, not recommended). */
async function viaServiceAccountKey(key: ServiceAccountKey): Promise<Token> {
  maskSecret(key.private_key)
  const tokenUri = key.token_uri || 'https://oauth2.googleapis.com/token'
  const now = Math.floor(Date.now() / 1000)
  const enc = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url')
  const unsigned = `${enc({ alg: 'RS256', typ: 'JWT', ...(key.private_key_id ? { kid: key.private_key_id } : {}) })}.${enc({ iss: key.client_email, scope: CLOUD_PLATFORM, aud: tokenUri, iat: now, exp: now + 3600 })}`
  const assertion = `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key.private_key).toString('base64url')}`
  const url = new URL(tokenUri)
  const oauth = { name: `Google OAuth at ${url.origin}`, setting: 'token_uri in the service account key', during: ` while signing in as ${key.client_email}` }
  const res = await callService(oauth, {
    method: 'POST',
    url,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString()
  })
  const json = parseJsonObject(res.body.toString())
  if (res.status !== 200 || typeof json.access_token !== 'string') {
    throw new AuthError(
      `Google OAuth token request for ${key.client_email} failed: ${fieldText(json.error ?? `HTTP ${res.status}`)}: ${fieldText(json.error_description ?? '')}`,
      { hint: 'The service account key may be disabled or deleted' }
    )
  }
  maskSecret(json.access_token)
  const expiresIn = Number(json.expires_in)
  return { token: json.access_token, expiresAt: Number.isFinite(expiresIn) ? Date.now() + expiresIn * 1000 : undefined }
}

async function viaCredentialsFile(file: string): Promise<Token> {
  const cfg = parseJsonObject(
    await fs.readFile(file, 'utf8').catch((e: Error) => {
      throw new AuthError(`cannot read the Google credential file ${file}: ${e.message}`, {
        hint: 'Run google-github-actions/auth in an earlier step of the same job'
      })
    })
  ) as unknown as ExternalAccount | ServiceAccountKey | { type?: string }
  if (cfg.type === 'service_account') return viaServiceAccountKey(cfg as ServiceAccountKey)
  if (cfg.type !== 'external_account') {
    throw new AuthError(
      `the Google credential file ${file} has type "${String(cfg.type)}"; only external_account (workload identity federation) and service_account are supported`
    )
  }
  const ext = cfg as ExternalAccount
  const federated = await stsExchange(ext.token_url || `${DEFAULT_STS_ENDPOINT}/v1/token`, ext.audience, await subjectToken(ext.credential_source))
  if (!ext.service_account_impersonation_url) return federated
  const sa = /serviceAccounts\/([^:/]+):generateAccessToken/.exec(ext.service_account_impersonation_url)?.[1] ?? 'the service account'
  return impersonate(ext.service_account_impersonation_url, decodeURIComponent(sa), federated.token)
}

export function garCredentialSource(opts: GcpOptions, env: NodeJS.ProcessEnv): CredentialSource {
  const file = credentialsFilePath(env)
  const mint = async (): Promise<Minted> => {
    let tok: Token
    if (opts.workloadIdentityProvider) tok = await viaWorkloadIdentity({ ...opts, workloadIdentityProvider: opts.workloadIdentityProvider }, env)
    else if (file) tok = await viaCredentialsFile(file)
    else {
      throw new AuthError(`Logging in to ${opts.host} needs Google credentials, and none were found`, {
        hint: 'Set `gcp-workload-identity-provider` (and optionally `gcp-service-account`) with `permissions: id-token: write`, or run google-github-actions/auth before this step'
      })
    }
    const credential: Credential = maskCredential({ username: GAR_USERNAME, password: tok.token })
    return { credential, expiresAt: tok.expiresAt }
  }
  const cache = new CredentialCache(mint)
  const how = opts.workloadIdentityProvider
    ? `workload identity federation (${providerPath(opts.workloadIdentityProvider)}${opts.serviceAccount ? `, as ${opts.serviceAccount}` : ', direct'})`
    : file
      ? `the Google credential file from GOOGLE_APPLICATION_CREDENTIALS`
      : 'no Google credentials'
  return {
    description: `Google Artifact Registry with ${how}`,
    get: async (host, o) => (sameHost(host, opts.host) ? cache.get(o?.refresh) : undefined)
  }
}
