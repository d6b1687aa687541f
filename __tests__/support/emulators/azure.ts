/**
 * Microsoft Entra ID's v2 token endpoint (client credentials with a federated
 * client assertion; point AZURE_AUTHORITY_HOST at `entra.url`) and an ACR
 * login server front: POST /oauth2/exchange (Entra token → ACR refresh token)
 * and POST /oauth2/token (refresh token → access token checked by `acr`), with
 * every other path proxied to a real registry, as ACR serves both on one host.
 */
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { GitHubOidc } from './github-oidc'
import { JwtIssuer } from './jwt'
import { form, serve, type Emulator, type Req } from './server'

export const ACR_SCOPE = 'https://containerregistry.azure.net/.default'

export interface EntraApp {
  tenantId: string
  /** Federated credential subject, matched exactly (case-sensitive, like Entra since 2025). */
  subject: string
}

export interface EntraEmulator extends Emulator {
  issuer: JwtIssuer
  /** AZURE_AUTHORITY_HOST for this emulator. */
  env: { AZURE_AUTHORITY_HOST: string }
  tokenCalls: number
}

const aadError = (status: number, error: string, code: number, text: string): { status: number; body: object } => ({
  status,
  body: {
    error,
    error_description: `AADSTS${code}: ${text} Trace ID: 0000 Correlation ID: 1111 Timestamp: ${new Date().toISOString()}`,
    error_codes: [code],
    timestamp: new Date().toISOString(),
    trace_id: '0000',
    correlation_id: '1111',
    error_uri: `https://login.microsoftonline.com/error?code=${code}`
  }
})

export async function startEntra(opts: { oidc: GitHubOidc; apps: Record<string, EntraApp>; accessTokenSeconds?: number }): Promise<EntraEmulator> {
  let issuer!: JwtIssuer
  const state = { tokenCalls: 0 }
  const issued: string[] = []
  const em = await serve((req) => {
    const m = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(req.url.pathname)
    if (!m || req.method !== 'POST') return { status: 404, body: { error: 'not_found' } }
    state.tokenCalls++
    const tenant = decodeURIComponent(m[1])
    const f = form(req)
    if (f.grant_type !== 'client_credentials') return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.')
    if (f.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      return aadError(400, 'invalid_request', 90014, 'The request body must contain client_assertion_type.')
    const app = opts.apps[f.client_id ?? '']
    if (!app || app.tenantId !== tenant)
      return aadError(400, 'unauthorized_client', 700016, `Application with identifier '${f.client_id}' was not found in the directory '${tenant}'.`)
    if (f.scope !== ACR_SCOPE) return aadError(400, 'invalid_scope', 70011, `The provided value for scope ${f.scope} is not valid.`)
    let claims: Record<string, unknown>
    try {
      claims = opts.oidc.verify(f.client_assertion ?? '', 'api://AzureADTokenExchange')
    } catch (err) {
      return (err as Error).message === 'expired'
        ? aadError(400, 'invalid_client', 700024, 'Client assertion is not within its valid time range.')
        : aadError(
            400,
            'invalid_client',
            700211,
            `No matching federated identity record found for presented assertion issuer or audience: ${(err as Error).message}.`
          )
    }
    if (claims.sub !== app.subject) {
      return aadError(
        400,
        'invalid_client',
        700213,
        `No matching federated identity record found for presented assertion subject '${String(claims.sub)}'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.`
      )
    }
    const lifetime = opts.accessTokenSeconds ?? 3599
    const token = issuer.sign(
      { aud: 'https://containerregistry.azure.net', tid: tenant, appid: f.client_id, oid: `oid-${f.client_id}`, sub: `oid-${f.client_id}` },
      lifetime
    )
    issued.push(token)
    return { status: 200, body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token } }
  })
  issuer = new JwtIssuer(`${em.url}/tenant/v2.0`)
  return {
    ...em,
    issuer,
    env: { AZURE_AUTHORITY_HOST: em.url },
    issuedSecrets: () => [...issued],
    get tokenCalls() {
      return state.tokenCalls
    }
  }
}

export interface AcrEmulator extends Emulator {
  issuer: JwtIssuer
  /** True for a refresh token this login server issued and that has not expired. */
  isValidRefreshToken(token: string | undefined): boolean
  exchangeCalls: number
}

/**
 * The ACR login server. `upstream` (a real registry URL) receives every
 * non-/oauth2 request with the Host header kept, so its Location headers
 * point back here.
 */
export async function startAcr(opts: {
  entra: EntraEmulator
  tenantId: string
  upstream?: string
  refreshTokenSeconds?: number
  allow?: (claims: Record<string, unknown>) => boolean
  onIssue?: (username: string, password: string) => void
}): Promise<AcrEmulator> {
  let issuer!: JwtIssuer
  let selfHost = ''
  const state = { exchangeCalls: 0 }
  const issued: string[] = []
  const exchange = (req: Req): { status: number; body: object } => {
    state.exchangeCalls++
    const f = form(req)
    const err = (status: number, message: string): { status: number; body: object } => ({ status, body: { errors: [{ code: 'UNAUTHORIZED', message }] } })
    if (f.grant_type !== 'access_token') return err(400, `unsupported grant_type ${f.grant_type}`)
    if (f.service !== selfHost) return err(400, `service ${f.service} is not ${selfHost}`)
    let claims: Record<string, unknown>
    try {
      claims = opts.entra.issuer.verify(f.access_token ?? '', 'https://containerregistry.azure.net')
    } catch (e) {
      return err(401, `Invalid AAD access token: ${(e as Error).message}`)
    }
    if (claims.tid !== f.tenant || f.tenant !== opts.tenantId) return err(401, `tenant ${f.tenant} does not match the token`)
    if (opts.allow && !opts.allow(claims)) return err(401, 'The identity is not authorized on this registry. Visit https://aka.ms/acr/authorization')
    const refresh = issuer.sign(
      { aud: selfHost, grant_type: 'refresh_token', tenant: f.tenant, sub: claims.oid, permissions: { actions: ['read', 'write'] } },
      opts.refreshTokenSeconds ?? 10800
    )
    issued.push(refresh)
    opts.onIssue?.('00000000-0000-0000-0000-000000000000', refresh)
    return { status: 200, body: { refresh_token: refresh } }
  }
  // A proxying server cannot use serve()'s buffered bodies for blob uploads: write it by hand.
  const server = http.createServer((req, res) => {
    if ((req.url ?? '').startsWith('/oauth2/exchange')) {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        let r: { status: number; body: object }
        try {
          r = exchange({
            method: req.method ?? 'POST',
            url: new URL(req.url ?? '/', 'http://x'),
            headers: req.headers,
            rawHeaders: req.rawHeaders,
            body: Buffer.concat(chunks)
          })
        } catch (e) {
          r = { status: 500, body: { errors: [{ code: 'EMULATOR', message: (e as Error).message }] } }
        }
        res.writeHead(r.status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(r.body))
      })
      return
    }
    if (!opts.upstream) {
      res.writeHead(404)
      res.end()
      return
    }
    const up = new URL(opts.upstream)
    const preq = http.request({ host: up.hostname, port: up.port, method: req.method, path: req.url, headers: req.headers }, (pres) => {
      res.writeHead(pres.statusCode ?? 502, pres.headers)
      pres.pipe(res)
    })
    preq.on('error', () => {
      res.writeHead(502)
      res.end()
    })
    req.pipe(preq)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  selfHost = `127.0.0.1:${port}`
  issuer = new JwtIssuer('Azure Container Registry')
  return {
    url: `http://${selfHost}`,
    host: selfHost,
    requests: [],
    issuer,
    issuedSecrets: () => [...issued],
    isValidRefreshToken: (t) => {
      if (!t) return false
      try {
        issuer.verify(t, selfHost)
        return true
      } catch {
        return false
      }
    },
    get exchangeCalls() {
      return state.exchangeCalls
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
