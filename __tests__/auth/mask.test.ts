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
  const m = masks(() => expect(maskCredential(cred)).toBe(cred))
  expect(m).toEqual(expect.arrayContaining(['pa55-word', b64('robot:pa55-word')]))
  expect(m).not.toContain('robot')
})

test('no username: base64(:password), as Basic auth encodes it', () => {
  expect(masks(() => maskCredential({ password: 'only-secret' }))).toEqual(expect.arrayContaining(['only-secret', b64(':only-secret')]))
})

test('refresh and access tokens are masked (with their encodings); the username is not', () => {
  const m = masks(() => maskCredential({ username: 'u', refreshToken: 'refresh-tok', accessToken: 'access-tok' }))
  expect(m).toEqual(expect.arrayContaining(['refresh-tok', 'access-tok', b64('refresh-tok')]))
  expect(m).not.toContain('u')
})

test('escaped forms a log or the summary could show are masked too', () => {
  const m = masks(() => maskSecret('pa"ss|w&rd'))
  expect(m).toEqual(
    expect.arrayContaining([
      'pa"ss|w&rd',
      'pa\\"ss|w&rd',
      encodeURIComponent('pa"ss|w&rd').replace(/%/g, '%25') /* core escapes % in the command */,
      'pa"ss&#124;w&#38;rd'
    ])
  )
})

test('multi-line secrets are masked line by line, blank lines skipped; empty values mask nothing', () => {
  const m = masks(() => maskSecret('line-one\r\n\n  \nline-two'))
  expect(m).toEqual(expect.arrayContaining(['line-one', 'line-two']))
  expect(m.filter((x) => !x.trim())).toEqual([])
  expect(masks(() => maskSecret(''))).toEqual([])
  expect(masks(() => maskSecret(undefined))).toEqual([])
  expect(masks(() => maskCredential({ username: 'u' }))).toEqual([])
})
