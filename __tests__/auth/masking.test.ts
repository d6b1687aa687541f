/**
 * Secrets read from files and headers of other steps' credential files are masked the moment they are read,
 * also when the login then fails (so a later error or debug line cannot show them): Google's
 * external_account (`credential_source.url` headers, `credential_source.file`) and service_account key files
 * (google-github-actions/auth's formats) and AWS_WEB_IDENTITY_TOKEN_FILE. The services are one loopback server
 * that refuses or answers as the documented endpoints do.
 */
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { createCredentialSource } from '../../src/auth'
import { acrExchange } from '../../src/auth/acr'
import { impersonate } from '../../src/auth/gcp'
import { getIdToken } from '../../src/auth/github-oidc'
import { scrubSecrets } from '../../src/auth/mask'
import { startGitHubOidc } from '../support/emulators/github-oidc'
import { AuthError } from '../../src/errors'
import { maskedDuring } from '../support/output'

let server: http.Server
let url = ''
let dir: string
const ACCESS_TOKEN = 'ya29.sa-key-access-token-0123456789'
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hop-masking-'))
  server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const json = (status: number, body: object): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      if (req.url === '/oauth2/exchange') return json(200, { refresh_token: 'acr-refresh-token-0123456789' })
      if (req.url === '/iam') return json(200, { accessToken: 'ya29.impersonated-0123456789', expireTime: '2030-01-02T03:04:05Z' })
      if (req.url === '/oauth2/token') return json(200, { access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3599 })
      if (req.url === '/oauth2/deny') return json(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' })
      if (req.url === '/sts') return json(400, { error: 'invalid_grant', error_description: 'The subject token is invalid.' })
      if (req.url?.startsWith('/aws-sts'))
        return void res
          .writeHead(400, { 'content-type': 'text/xml' })
          .end('<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>invalid token</Message></Error></ErrorResponse>')
      json(404, { message: 'not found' })
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()))
  rmSync(dir, { recursive: true, force: true })
})

const GAR = 'us-docker.pkg.dev'
const file = (name: string, content: string): string => {
  const f = path.join(dir, name)
  writeFileSync(f, content)
  return f
}
const login = (env: NodeJS.ProcessEnv, host = GAR) => maskedDuring(() => createCredentialSource(host, { login: 'auto' }, env).get(host))

test('external_account with a url source: the header secrets are masked before the request, even when it fails', async () => {
  const creds = file(
    'url.json',
    JSON.stringify({
      type: 'external_account',
      audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/gh',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: `${url}/sts`,
      credential_source: {
        url: `${url}/subject`,
        headers: { Authorization: 'Bearer ghs_request_token_abcdef123', 'X-Other': 'Basic b3RoZXItc2VjcmV0LXZhbHVl', 'X-Plain': 'plain-header-secret-42' },
        format: { type: 'json', subject_token_field_name: 'value' }
      }
    })
  )
  const { masked, error } = await login({ GOOGLE_APPLICATION_CREDENTIALS: creds })
  expect(error).toBeInstanceOf(AuthError)
  expect(error!.message).toBe('the subject token URL of the Google credential file answered HTTP 404')
  // The scheme word is not part of the secret.
  expect(masked).toEqual(expect.arrayContaining(['ghs_request_token_abcdef123', 'b3RoZXItc2VjcmV0LXZhbHVl', 'plain-header-secret-42']))
  expect(masked).not.toContain('Bearer ghs_request_token_abcdef123')
})

test('external_account with a file source: the subject token is masked when read, though STS then refuses it', async () => {
  const token = file('oidc-token', 'subject-token-from-file-0123456789\n')
  const creds = file(
    'file.json',
    JSON.stringify({ type: 'external_account', audience: '//iam.googleapis.com/x', token_url: `${url}/sts`, credential_source: { file: token } })
  )
  const { masked, error } = await login({ GOOGLE_APPLICATION_CREDENTIALS: creds })
  expect(error).toBeInstanceOf(AuthError)
  expect(error!.message).toMatch(/^Google STS token exchange for \/\/iam\.googleapis\.com\/x failed: invalid_grant: The subject token is invalid\.$/)
  expect(masked).toContain('subject-token-from-file-0123456789')
})

describe('service_account key file', () => {
  // A key per test: a secret already held is not registered twice.
  const newKey = (): string => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const keyFile = (tokenUri: string, pem: string): string =>
    file(
      `sa-${path.basename(tokenUri)}.json`,
      JSON.stringify({ type: 'service_account', client_email: 'sa@p.iam.gserviceaccount.com', private_key_id: 'kid1', private_key: pem, token_uri: tokenUri })
    )
  const bodyLines = (pem: string): string[] => pem.split('\n').filter((l) => l && !l.startsWith('-----'))

  test('every line of the private key is masked, and the access token it buys', async () => {
    const pem = newKey()
    const { masked, value, error } = await login({ GOOGLE_APPLICATION_CREDENTIALS: keyFile(`${url}/oauth2/token`, pem) })
    expect(error).toBeUndefined()
    expect(value).toEqual({ username: 'oauth2accesstoken', password: ACCESS_TOKEN })
    expect(masked).toEqual(expect.arrayContaining(bodyLines(pem)))
    expect(masked).toContain(ACCESS_TOKEN)
  })

  test('the private key is masked even when Google refuses the grant', async () => {
    const pem = newKey()
    const { masked, error } = await login({ GOOGLE_APPLICATION_CREDENTIALS: keyFile(`${url}/oauth2/deny`, pem) })
    expect(error).toBeInstanceOf(AuthError)
    expect(error!.message).toBe('Google OAuth token request for sa@p.iam.gserviceaccount.com failed: invalid_grant: Invalid JWT Signature.')
    expect(masked).toEqual(expect.arrayContaining(bodyLines(pem)))
  })
})

test('AWS_WEB_IDENTITY_TOKEN_FILE: the token read from the file is masked, though STS refuses it', async () => {
  const token = file('aws-token', 'aws-web-identity-token-0123456789\n')
  const { masked, error } = await login(
    { AWS_WEB_IDENTITY_TOKEN_FILE: token, AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/r', AWS_ENDPOINT_URL_STS: `${url}/aws-sts`, AWS_REGION: 'eu-west-3' },
    '123456789012.dkr.ecr.eu-west-3.amazonaws.com'
  )
  expect(error).toBeInstanceOf(AuthError)
  expect(masked).toContain('aws-web-identity-token-0123456789')
})

describe('each exchange masks the token it receives before returning it', () => {
  test('ACR /oauth2/exchange: the refresh token', async () => {
    const { masked, value } = await maskedDuring(() => acrExchange(url.replace('http://', ''), 'tenant', 'entra-access-token'))
    expect(value).toBe('acr-refresh-token-0123456789')
    expect(masked).toContain('acr-refresh-token-0123456789')
  })

  test('Google IAM generateAccessToken: the service account token, with its expiry', async () => {
    const { masked, value } = await maskedDuring(() => impersonate(`${url}/iam`, 'sa@p.iam.gserviceaccount.com', 'federated-token'))
    expect(value).toEqual({ token: 'ya29.impersonated-0123456789', expiresAt: Date.UTC(2030, 0, 2, 3, 4, 5) })
    expect(masked).toContain('ya29.impersonated-0123456789')
  })
})

test('a GitHub ID token is held for scrubbing, not only masked by the runner: quoted error text loses it in any encoding', async () => {
  const oidc = await startGitHubOidc({ repository: 'acme/charts' })
  const saved = { ...process.env }
  try {
    // @actions/core's getIDToken reads the runner's variables from the process environment.
    Object.assign(process.env, oidc.env)
    const { value: jwt, masked } = await maskedDuring(() => getIdToken('sts.amazonaws.com', 'test', oidc.env))
    expect(masked).toContain(jwt)
    const quoted = `STS said: ${JSON.stringify({ token: jwt })} ${encodeURIComponent(jwt!)} ${Buffer.from(`x${jwt}`).toString('base64')}`
    const scrubbed = scrubSecrets(quoted)
    expect(scrubbed).not.toContain(jwt!.slice(0, 40))
    expect(scrubbed).not.toContain(encodeURIComponent(jwt!).slice(0, 40))
    expect(scrubbed.startsWith('STS said: {"token":"***"}')).toBe(true)
  } finally {
    process.env = saved
    await oidc.stop()
  }
})
