import { mkdtempSync, promises as fs, statSync, readdirSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { cleanupDockerConfig, dockerConfigPath, writeDockerConfig } from '../../src/auth/docker-config'
import { ACR_REFRESH_USERNAME } from '../../src/auth/acr'
import { maskedDuring } from '../support/output'

const b64 = (s: string): string => Buffer.from(s).toString('base64')

function tmpEnv(): NodeJS.ProcessEnv {
  return { DOCKER_CONFIG: path.join(mkdtempSync(path.join(os.tmpdir(), 'hop-dc-')), 'docker') }
}

describe('docker-config', () => {
  test('the auth field (base64 of user:password) is masked when the entry is written, whoever made the credential', async () => {
    const env = tmpEnv()
    const { masked, value: state } = await maskedDuring(() =>
      writeDockerConfig('registry.example.com', { username: 'robot', password: 'unmasked-pw-7788' }, env)
    )
    expect(masked).toContain(b64('robot:unmasked-pw-7788'))
    await cleanupDockerConfig(state!)
  })

  test('creates a 0600 file, state holds no secret, cleanup removes the file it created', async () => {
    const env = tmpEnv()
    const state = await writeDockerConfig('registry.example.com:5000', { username: 'u', password: 's3cret-pw' }, env)
    const file = dockerConfigPath(env)
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ auths: { 'registry.example.com:5000': { auth: b64('u:s3cret-pw') } } })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(state).not.toContain('s3cret-pw')
    expect(state).not.toContain(b64('u:s3cret-pw'))
    await cleanupDockerConfig(state)
    await expect(fs.access(file)).rejects.toThrow()
    expect(readdirSync(path.dirname(file))).toEqual([])
  })

  test('merges into an existing file, keeps unknown keys, restores a previous entry', async () => {
    const env = tmpEnv()
    const file = dockerConfigPath(env)
    await fs.mkdir(path.dirname(file), { recursive: true })
    const before = {
      auths: { 'ghcr.io': { auth: b64('old:token') }, 'other.io': { auth: b64('a:b') } },
      credHelpers: { 'x.io': 'ecr-login' },
      psFormat: 'table'
    }
    await fs.writeFile(file, JSON.stringify(before))
    const state = await writeDockerConfig('ghcr.io', { username: 'octocat', password: 'ghs_new' }, env)
    const during = JSON.parse(await fs.readFile(file, 'utf8'))
    expect(during.auths['ghcr.io']).toEqual({ auth: b64('octocat:ghs_new') })
    expect(during.auths['other.io']).toEqual(before.auths['other.io'])
    expect(during.psFormat).toBe('table')
    await cleanupDockerConfig(state)
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual(before)
  })

  test('ACR refresh tokens are written as identitytoken, Docker Hub under its index URL', async () => {
    const env = tmpEnv()
    const s1 = await writeDockerConfig('myreg.azurecr.io', { username: ACR_REFRESH_USERNAME, password: 'rt', refreshToken: 'rt' }, env)
    const s2 = await writeDockerConfig('docker.io', { username: 'me', password: 'dckr_pat' }, env)
    const cfg = JSON.parse(await fs.readFile(dockerConfigPath(env), 'utf8'))
    expect(cfg.auths['myreg.azurecr.io']).toEqual({ auth: b64(`${ACR_REFRESH_USERNAME}:`), identitytoken: 'rt' })
    expect(cfg.auths['https://index.docker.io/v1/']).toEqual({ auth: b64('me:dckr_pat') })
    // Several states can be handed back as one JSON array.
    await cleanupDockerConfig(JSON.stringify([s1, s2]))
    await expect(fs.access(dockerConfigPath(env))).rejects.toThrow()
  })

  test('an entry changed after us (a later docker login) is left alone; a missing file is fine', async () => {
    const env = tmpEnv()
    const state = await writeDockerConfig('r.io', { username: 'u', password: 'p' }, env)
    const file = dockerConfigPath(env)
    await fs.writeFile(file, JSON.stringify({ auths: { 'r.io': { auth: b64('someone:else') } } }))
    await cleanupDockerConfig(state)
    expect(JSON.parse(await fs.readFile(file, 'utf8')).auths['r.io']).toEqual({ auth: b64('someone:else') })
    await fs.rm(file)
    await expect(cleanupDockerConfig(state)).resolves.toBeUndefined()
    await expect(cleanupDockerConfig('not json')).resolves.toBeUndefined()
  })
})
