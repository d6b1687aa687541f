/**
 * src/auth/mask.ts: what reaches the runner's masker (`::add-mask::` lines on stdout, as @actions/core writes them).
 * The base64 of user:password is masked too: the runner cannot derive it, and it is what an Authorization: Basic
 * header or a Docker config `auth` field shows.
 */
import { maskCredential, maskSecret } from '../../src/auth/mask'

function masks(fn: () => void): string[] {
  const out: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk))
    return true
  })
  try {
    fn()
  } finally {
    spy.mockRestore()
  }
  return out
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length))
}

const b64 = (s: string): string => Buffer.from(s).toString('base64')

test('a password credential: the password and base64(user:password), not the username', () => {
  const cred = { username: 'robot', password: 'pa55-word' }
  expect(masks(() => expect(maskCredential(cred)).toBe(cred))).toEqual(['pa55-word', b64('robot:pa55-word')])
})

test('no username: base64(:password), as Basic auth encodes it', () => {
  expect(masks(() => maskCredential({ password: 'only-secret' }))).toEqual(['only-secret', b64(':only-secret')])
})

test('refresh and access tokens are masked; no password, no base64 form', () => {
  expect(masks(() => maskCredential({ username: 'u', refreshToken: 'refresh-tok', accessToken: 'access-tok' }))).toEqual(['refresh-tok', 'access-tok'])
})

test('multi-line secrets are masked line by line, blank lines skipped; empty values mask nothing', () => {
  expect(masks(() => maskSecret('line-one\r\n\n  \nline-two'))).toEqual(['line-one', 'line-two'])
  expect(masks(() => maskSecret(''))).toEqual([])
  expect(masks(() => maskSecret(undefined))).toEqual([])
  expect(masks(() => maskCredential({ username: 'u' }))).toEqual([])
})
