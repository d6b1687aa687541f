/** staticCredentials: a fixed username/password (or a token as password), anonymous when both are empty. */
import { staticCredentials } from '../../src/oci/credentials'

test('a username and password are given for every host, under the default description', async () => {
  const s = staticCredentials('robot', 'pw')
  expect(s.description).toBe('username and password')
  expect(await s.get('ghcr.io')).toEqual({ username: 'robot', password: 'pw' })
  expect(await s.get('127.0.0.1:5000', { refresh: true })).toEqual({ username: 'robot', password: 'pw' })
  expect('createRepository' in s).toBe(false)
})

test('a token alone (no username) or a username alone is still a credential, under the given description', async () => {
  const token = staticCredentials(undefined, 'ghp_token', 'GHCR with GITHUB_TOKEN')
  expect(token.description).toBe('GHCR with GITHUB_TOKEN')
  expect(await token.get('ghcr.io')).toEqual({ username: undefined, password: 'ghp_token' })
  expect(await staticCredentials('user', '').get('x')).toEqual({ username: 'user', password: '' })
})

test('no username and no password: anonymous, whatever the description', async () => {
  for (const s of [staticCredentials(undefined, undefined), staticCredentials('', ''), staticCredentials('', undefined, 'GHCR with GITHUB_TOKEN')]) {
    expect(s.description).toBe('anonymous')
    expect(await s.get('ghcr.io')).toBeUndefined()
  }
})
