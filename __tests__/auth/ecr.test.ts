/**
 * ECR GetAuthorizationToken (AWS ECR API reference: `authorizationData[].authorizationToken` is base64 of
 * `user:password`): the token is a secret the moment it arrives, even when it turns out malformed and the
 * login fails, so it is masked before it is decoded.
 */
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { AuthError } from '../../src/errors'
import { getAuthorizationToken } from '../../src/auth/ecr'
import { caught } from '../support/caught'

let server: http.Server
let token = ''
beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () =>
      res
        .writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
        .end(JSON.stringify({ authorizationData: [{ authorizationToken: token, expiresAt: 1700000000 }] }))
    )
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
})
afterAll(async () => new Promise<void>((r) => server.close(() => r())))

/** The `::add-mask::` values written while `fn` runs. */
async function masks(fn: () => Promise<unknown>): Promise<{ masked: string[]; error?: Error }> {
  let out = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: unknown) => {
    out += String(chunk)
    return true
  }) as typeof process.stdout.write
  let error: Error | undefined
  try {
    await fn()
  } catch (e) {
    error = e as Error
  } finally {
    process.stdout.write = write
  }
  const masked = out
    .split(/\r?\n/)
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length))
  return { masked, error }
}

const call = () =>
  getAuthorizationToken('ecr', new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`), 'eu-west-3', {
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
  })

test('a well-formed token: user and password decoded, the expiry in ms, every form masked', async () => {
  token = Buffer.from('AWS:ecr-password-0123456789').toString('base64')
  let got: Awaited<ReturnType<typeof call>> | undefined
  const { masked, error } = await masks(async () => (got = await call()))
  expect(error).toBeUndefined()
  expect(got).toMatchObject({ username: 'AWS', password: 'ecr-password-0123456789', expiresAt: 1700000000000 })
  for (const s of [token, 'ecr-password-0123456789', 'AWS:ecr-password-0123456789']) expect(masked).toContain(s)
})

test('a token that is not user:password fails the login, and was masked before that', async () => {
  token = Buffer.from('no-colon-secret-value-42').toString('base64')
  const { masked, error } = await masks(call)
  expect(error).toBeInstanceOf(AuthError)
  expect(error!.message).toBe('AWS ECR returned an authorization token that is not user:password')
  expect(error!.message).not.toContain(token)
  expect(masked).toContain(token)
})
