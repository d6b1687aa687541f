/**
 * Azure Container Registry through Entra ID workload identity federation:
 * GitHub OIDC token (aud api://AzureADTokenExchange) as client assertion →
 * Entra access token for the ACR audience → ACR /oauth2/exchange → ACR refresh
 * token, used with the null-GUID username (what `az acr login` does).
 */
import { AuthError } from '../errors'
import type { Credential, CredentialSource } from '../oci/credentials'
import { CredentialCache } from './cache'
import { AZURE_CLOUDS, isLoopback, type AzureCloud } from './detect'
import { getIdToken, jwtClaims } from './github-oidc'
import { maskCredential, maskSecret, scrubSecrets } from './mask'
import { callService, jwtExpiry, sameHost, parseJsonObject, fieldText } from './source'

export const AZURE_AUDIENCE = 'api://AzureADTokenExchange'
/** "The null GUID tells the container registry that this is an ACR refresh token." */
export const ACR_REFRESH_USERNAME = '00000000-0000-0000-0000-000000000000'

export interface AcrOptions {
  host: string
  clientId: string
  tenantId: string
  cloud?: AzureCloud
}

/** The authority: AZURE_AUTHORITY_HOST (the @azure/identity variable) or the registry's cloud. */
export function authorityHost(cloud: AzureCloud, env: NodeJS.ProcessEnv): string {
  return (env.AZURE_AUTHORITY_HOST || cloud.authorityHost).replace(/\/+$/, '')
}

export async function entraToken(opts: AcrOptions, assertion: string, env: NodeJS.ProcessEnv): Promise<{ token: string; expiresAt?: number }> {
  const cloud = opts.cloud ?? AZURE_CLOUDS.io
  const url = new URL(`${authorityHost(cloud, env)}/${encodeURIComponent(opts.tenantId)}/oauth2/v2.0/token`)
  const entra = {
    name: `Microsoft Entra ID at ${url.origin}`,
    setting: "AZURE_AUTHORITY_HOST (or the registry's cloud)",
    during: ` while requesting a token for client ${opts.clientId}`
  }
  const res = await callService(entra, {
    method: 'POST',
    url,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      client_id: opts.clientId,
      scope: cloud.acrScope,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      grant_type: 'client_credentials'
    }).toString()
  })
  const json = parseJsonObject(res.body.toString())
  if (res.status !== 200 || typeof json.access_token !== 'string') {
    // error_description: "AADSTS700213: No matching federated identity record … Trace ID: …" — keep the AADSTS sentence(s).
    const desc = fieldText(json.error_description ?? scrubSecrets(res.body.toString()).slice(0, 200)).split(/\r?\n| Trace ID:/)[0]
    const sub = jwtClaims(assertion).sub
    throw new AuthError(
      `Microsoft Entra ID token request for client ${opts.clientId} in tenant ${opts.tenantId} failed: ${fieldText(json.error ?? `HTTP ${res.status}`)}: ${desc}`,
      {
        hint: `Add a federated credential to the app or managed identity ${opts.clientId} with issuer https://token.actions.githubusercontent.com, audience ${AZURE_AUDIENCE} and subject exactly "${fieldText(sub ?? 'repo:OWNER/REPO:…')}" (case-sensitive)`
      }
    )
  }
  maskSecret(json.access_token)
  const expiresIn = Number(json.expires_in)
  return { token: json.access_token, expiresAt: Number.isFinite(expiresIn) ? Date.now() + expiresIn * 1000 : undefined }
}

/** POST {registry}/oauth2/exchange: Entra access token → ACR refresh token. */
export async function acrExchange(host: string, tenantId: string, accessToken: string): Promise<string> {
  const url = new URL(`${isLoopback(host) ? 'http' : 'https'}://${host}/oauth2/exchange`)
  const registry = {
    name: `Azure Container Registry ${host}`,
    host: `registry host ${url.hostname}`,
    setting: 'the registry input',
    during: ' while exchanging the Entra token for a registry token'
  }
  const res = await callService(registry, {
    method: 'POST',
    url,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'access_token', service: host, tenant: tenantId, access_token: accessToken }).toString()
  })
  const json = parseJsonObject(res.body.toString())
  if (res.status !== 200 || typeof json.refresh_token !== 'string') {
    const err = (Array.isArray(json.errors) ? json.errors[0] : undefined) as { code?: string; message?: string } | undefined
    const detail = err ? `${err.code ?? 'ERROR'}: ${err.message ?? ''}` : scrubSecrets(res.body.toString()).slice(0, 200)
    throw new AuthError(`ACR ${host} refused the Entra token at /oauth2/exchange (HTTP ${res.status}): ${detail}`, {
      hint: "Check that azure-tenant-id is the registry's tenant and that the identity has a role on the registry (AcrPush)"
    })
  }
  maskSecret(json.refresh_token)
  return json.refresh_token
}

export function acrCredentialSource(opts: AcrOptions, env: NodeJS.ProcessEnv): CredentialSource {
  const cache = new CredentialCache(async () => {
    const assertion = await getIdToken(AZURE_AUDIENCE, `Logging in to Azure Container Registry ${opts.host}`, env)
    const entra = await entraToken(opts, assertion, env)
    const refresh = await acrExchange(opts.host, opts.tenantId, entra.token)
    const credential: Credential = maskCredential({ username: ACR_REFRESH_USERNAME, password: refresh, refreshToken: refresh })
    return { credential, expiresAt: jwtExpiry(jwtClaims(refresh)) }
  })
  return {
    description: `Azure Container Registry with Entra ID workload identity (client ${opts.clientId}, GitHub OIDC)`,
    get: async (host, o) => (sameHost(host, opts.host) ? cache.get(o?.refresh) : undefined)
  }
}
