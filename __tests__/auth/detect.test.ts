import { awsEndpoint } from '../../src/auth/aws/endpoints'
import { detectRegistry, hostname, isLoopback } from '../../src/auth/detect'
import { resolveLogin } from '../../src/auth'
import { CredentialCache, renewalMargin } from '../../src/auth/cache'
import { sameHost } from '../../src/auth/source'

describe('registry host → login method', () => {
  test.each([
    ['ghcr.io', 'ghcr', {}],
    ['GHCR.IO', 'ghcr', {}],
    [
      '012345678901.dkr.ecr.eu-west-3.amazonaws.com',
      'ecr',
      { account: '012345678901', region: 'eu-west-3', fips: false, partition: { name: 'aws', dnsSuffix: 'amazonaws.com' } }
    ],
    [
      '012345678901.dkr.ecr-fips.us-gov-west-1.amazonaws.com',
      'ecr',
      { region: 'us-gov-west-1', fips: true, partition: { name: 'aws-us-gov', dnsSuffix: 'amazonaws.com' } }
    ],
    ['012345678901.dkr.ecr.cn-north-1.amazonaws.com.cn', 'ecr', { region: 'cn-north-1', partition: { name: 'aws-cn', dnsSuffix: 'amazonaws.com.cn' } }],
    ['012345678901.dkr.ecr.eusc-de-east-1.amazonaws.eu', 'ecr', { region: 'eusc-de-east-1', partition: { name: 'aws-eusc', dnsSuffix: 'amazonaws.eu' } }],
    ['012345678901.dkr-ecr.eu-north-1.on.aws', 'ecr', { region: 'eu-north-1' }],
    ['public.ecr.aws', 'ecr-public', { region: 'us-east-1' }],
    ['ecr-public.aws.com', 'ecr-public', {}],
    ['myreg.azurecr.io', 'acr', { azure: expect.objectContaining({ name: 'AzurePublicCloud', acrScope: 'https://containerregistry.azure.net/.default' }) }],
    ['myreg.azurecr.us', 'acr', { azure: expect.objectContaining({ authorityHost: 'https://login.microsoftonline.us' }) }],
    [
      'myreg.azurecr.cn',
      'acr',
      { azure: expect.objectContaining({ authorityHost: 'https://login.chinacloudapi.cn', acrScope: 'https://containerregistry.azure.cn/.default' }) }
    ],
    ['us-central1-docker.pkg.dev', 'gar', {}],
    ['europe-docker.pkg.dev', 'gar', {}],
    ['gcr.io', 'gar', {}],
    ['eu.gcr.io', 'gar', {}],
    ['docker.io', 'basic', {}],
    ['harbor.example.com:8443', 'basic', {}],
    ['acme.jfrog.io', 'basic', {}],
    ['docker.cloudsmith.io', 'basic', {}],
    ['quay.io', 'basic', {}],
    ['127.0.0.1:5000', 'basic', {}],
    ['notecr.dkr.ecr.eu-west-1.amazonaws.com', 'basic', {}]
  ])('%s → %s', (host, provider, extra) => {
    expect(detectRegistry(host)).toEqual(expect.objectContaining({ provider, ...extra }))
  })

  test('GHES / GHE.com container hosts only with the matching server URL', () => {
    expect(detectRegistry('containers.ghe.example.com', 'https://ghe.example.com').provider).toBe('ghcr')
    expect(detectRegistry('containers.octo.ghe.com', 'https://octo.ghe.com').provider).toBe('ghcr')
    expect(detectRegistry('containers.ghe.example.com').provider).toBe('basic')
    expect(detectRegistry('containers.github.com', 'https://github.com').provider).toBe('basic')
  })

  test('an explicit login overrides detection but keeps what the host says', () => {
    expect(resolveLogin('012345678901.dkr.ecr.eu-west-3.amazonaws.com', { login: 'auto' }).region).toBe('eu-west-3')
    expect(resolveLogin('127.0.0.1:5000', { login: 'acr' }).provider).toBe('acr')
    expect(resolveLogin('ghcr.io', { login: 'Anonymous' }).provider).toBe('anonymous')
  })

  test('host helpers', () => {
    expect(hostname('Registry.Example.com:5000')).toBe('registry.example.com')
    expect(hostname('[::1]:5000')).toBe('[::1]')
    expect(isLoopback('localhost:5000')).toBe(true)
    expect(isLoopback('127.0.0.1')).toBe(true)
    expect(isLoopback('10.0.0.1:5000')).toBe(false)
    expect(sameHost('ghcr.io', 'GHCR.io')).toBe(true)
    expect(sameHost('ghcr.io', 'ghcr.io:443')).toBe(true)
    expect(sameHost('127.0.0.1:5000', '127.0.0.1:5001')).toBe(false)
  })
})

describe('AWS endpoints', () => {
  test('regional, FIPS and partition defaults', () => {
    expect(awsEndpoint('sts', 'eu-west-3', {}).href).toBe('https://sts.eu-west-3.amazonaws.com/')
    expect(awsEndpoint('ecr', 'cn-north-1', {}).href).toBe('https://api.ecr.cn-north-1.amazonaws.com.cn/')
    expect(awsEndpoint('ecr', 'us-gov-west-1', {}, true).href).toBe('https://api.ecr-fips.us-gov-west-1.amazonaws.com/')
    expect(awsEndpoint('sts', 'us-gov-west-1', {}, true).href).toBe('https://sts-fips.us-gov-west-1.amazonaws.com/')
    expect(awsEndpoint('ecr-public', 'us-east-1', {}).href).toBe('https://api.ecr-public.us-east-1.amazonaws.com/')
  })

  test('AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, unless ignored', () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_ENDPOINT_URL_ECR_PUBLIC: 'http://127.0.0.1:1' }
    expect(awsEndpoint('sts', 'eu-west-3', env).href).toBe('http://127.0.0.1:4566/')
    expect(awsEndpoint('ecr-public', 'us-east-1', env).href).toBe('http://127.0.0.1:1/')
    expect(awsEndpoint('sts', 'eu-west-3', { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }).href).toBe('https://sts.eu-west-3.amazonaws.com/')
  })
})

describe('credential cache', () => {
  test('reuses until the renewal margin, shares one exchange, refreshes on demand', async () => {
    let t = 1_000_000
    let n = 0
    const cache = new CredentialCache(
      async () => ({ credential: { username: 'u', password: `p${++n}` }, expiresAt: t + 60_000 }),
      () => t
    )
    const [a, b] = await Promise.all([cache.get(), cache.get()])
    expect(a).toBe(b)
    expect(n).toBe(1)
    t += 30_000
    expect((await cache.get()).password).toBe('p1')
    t += 16_000 // inside the last quarter of a 60 s lifetime
    expect((await cache.get()).password).toBe('p2')
    expect((await cache.get(true)).password).toBe('p3')
    expect(renewalMargin(12 * 3600_000)).toBe(300_000)
  })

  test('a failed exchange is not cached', async () => {
    let n = 0
    const cache = new CredentialCache(async () => {
      if (++n === 1) throw new Error('boom')
      return { credential: { password: 'ok' } }
    })
    await expect(cache.get()).rejects.toThrow('boom')
    expect((await cache.get()).password).toBe('ok')
  })
})
