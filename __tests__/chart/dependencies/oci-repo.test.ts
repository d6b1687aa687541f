/**
 * oci:// dependency repositories against a real Distribution registry (docker-registry on loopback): the tag list
 * read as Helm's registry.Client.Tags reads it, and the chart layer pulled by tag (`+` written `_`), with the
 * failures naming the reference and saying what to do. Charts are pushed with plain fetch, archives made by GNU tar.
 */
import { createHash } from 'node:crypto'
import { ChartError, RegistryError } from '../../../src/errors'
import { listVersions, ociLocation, pullChart } from '../../../src/chart/dependencies/oci-repo'
import { RegistryClient } from '../../../src/oci/client'
import { caught } from '../../support/caught'
import { tarChart } from '../../support/emulators/chart-repo'
import { pushOci } from '../../support/oci-push'
import { startRegistry, type TestRegistry } from '../../support/registry'

let reg: TestRegistry
const lib100 = tarChart({ name: 'lib', version: '1.0.0' })
const lib110 = tarChart({ name: 'lib', version: '1.1.0+build.7' })
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

beforeAll(async () => {
  reg = await startRegistry({ auth: 'none' })
  await pushOci(reg.url, 'org/charts/lib', '1.0.0', lib100)
  await pushOci(reg.url, 'org/charts/lib', '1.1.0_build.7', lib110)
  await pushOci(reg.url, 'org/charts/lib', 'latest', lib110)
  await pushOci(reg.url, 'org/charts/lib', 'v2.0.0', lib110)
  await pushOci(reg.url, 'org/charts/image', '1.0.0', lib100, 'application/vnd.oci.image.layer.v1.tar+gzip')
  // An image index (no layers at all).
  const index = await fetch(`${reg.url}/v2/org/charts/multi/manifests/1.0.0`, {
    method: 'PUT',
    body: JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] }),
    headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' }
  })
  if (index.status !== 201) throw new Error(`index: ${index.status}`)
}, 60_000)

afterAll(async () => {
  await reg?.stop()
})

const client = (): RegistryClient => new RegistryClient({ host: reg.host, plainHttp: true })

describe('listVersions', () => {
  it("the registry's tags as versions: _ read as +, strict SemVer only, newest first", async () => {
    expect(await listVersions(client(), ociLocation(`oci://${reg.host}/org/charts`, 'lib'))).toEqual(['1.1.0+build.7', '1.0.0'])
  })
  it('a repository the registry does not have: no list', async () => {
    expect(await listVersions(client(), ociLocation(`oci://${reg.host}/org/charts`, 'nothing'))).toBeUndefined()
  })
})

describe('pullChart', () => {
  it('the chart layer as pushed, by the tag with + written _', async () => {
    const got = await pullChart(client(), ociLocation(`oci://${reg.host}/org/charts`, 'lib'), '1.1.0+build.7', 'charts/app', 'lib')
    expect(sha(got)).toBe(sha(lib110))
    expect(sha(await pullChart(client(), ociLocation(`oci://${reg.host}/org/charts/`, 'lib'), '1.0.0', 'charts/app', 'lib'))).toBe(sha(lib100))
  })
  it('a version the repository does not hold: the reference, the registry and what to do', async () => {
    const err = await caught(pullChart(client(), ociLocation(`oci://${reg.host}/org/charts`, 'lib'), '9.9.9+x', 'charts/app', 'lib'))
    expect(err).toBeInstanceOf(ChartError)
    expect(err.message).toBe(`dependency lib 9.9.9+x: ${reg.host}/org/charts/lib:9.9.9_x not found`)
    expect(err).toMatchObject({ chart: 'charts/app', registry: reg.host })
    expect((err as ChartError).hint).toBe(
      `Check that oci://${reg.host}/org/charts holds lib 9.9.9+x (helm push it first) and the version in Chart.yaml or Chart.lock`
    )
  })
  it('the repository written with the name already in it: the parent path', async () => {
    const err = await caught(pullChart(client(), ociLocation(`oci://${reg.host}/org/charts/lib`, 'lib'), '1.0.0', 'charts/app', 'lib'))
    expect(err).toBeInstanceOf(ChartError)
    expect((err as ChartError).hint).toMatch(new RegExp(`write repository: oci://${reg.host.replace(/\./g, '\\.')}/org/charts$`))
  })
  it('an image index (no layers) is not a Helm chart either', async () => {
    const err = await caught(pullChart(client(), ociLocation(`oci://${reg.host}/org/charts`, 'multi'), '1.0.0', 'charts/app', 'multi'))
    expect(err).toBeInstanceOf(RegistryError)
    expect(err.message).toMatch(/multi:1\.0\.0 is not a Helm chart/)
  })
  it('an artifact that is not a Helm chart is refused, not unpacked', async () => {
    const err = await caught(pullChart(client(), ociLocation(`oci://${reg.host}/org/charts`, 'image'), '1.0.0', 'charts/app', 'image'))
    expect(err).toBeInstanceOf(RegistryError)
    expect(err.message).toBe(`${reg.host}/org/charts/image:1.0.0 is not a Helm chart (no application/vnd.cncf.helm.chart.content.v1.tar+gzip layer)`)
    expect(err).toMatchObject({ chart: 'charts/app', registry: reg.host })
    expect((err as RegistryError).hint).toMatch(/dependency image .*helm push/)
  })
})
