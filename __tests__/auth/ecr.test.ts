/**
 * ECR GetAuthorizationToken (AWS ECR API reference: `authorizationData[].authorizationToken` is base64 of
 * `user:password`): the token is a secret the moment it arrives, even when it turns out malformed and the
 * login fails, so it is masked before it is decoded.
 */
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { AuthError } from '../../src/errors'
import { getAuthorizationToken } from '../../src/auth/ecr'
import { maskedDuring } from '../support/output'

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

const call = () =>
  getAuthorizationToken('ecr', new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`), 'eu-west-3', {
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
  })

test('a well-formed token: user and password decoded, the expiry in ms, every form masked', async () => {
  token = Buffer.from('AWS:ecr-password-0123456789').toString('base64')
  const { masked, value: got, error } = await maskedDuring(call)
  expect(error).toBeUndefined()
  expect(got).toMatchObject({ username: 'AWS', password: 'ecr-password-0123456789', expiresAt: 1700000000000 })
  for (const s of [token, 'ecr-password-0123456789', 'AWS:ecr-password-0123456789']) expect(masked).toContain(s)
})

test('a token that is not user:password fails the login, and was masked before that', async () => {
  token = Buffer.from('no-colon-secret-value-42').toString('base64')
  const { masked, error } = await maskedDuring(call)
  expect(error).toBeInstanceOf(AuthError)
  expect(error!.message).toBe('AWS ECR returned an authorization token that is not user:password')
  expect(error!.message).not.toContain(token)
  expect(masked).toContain(token)
})
