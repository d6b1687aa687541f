/** The `registry` input and the push reference (spec 2.1, 7.1; vectors V-O3, V-O8). */
import { ChartError, InputError } from '../../src/errors'
import { chartReference, isLoopbackHost, parseRegistryInput } from '../../src/oci/reference'

function refusal(raw: string): InputError {
  try {
    parseRegistryInput(raw)
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return e as InputError
  }
  throw new Error(`parseRegistryInput(${JSON.stringify(raw)}) did not throw`)
}

describe('parseRegistryInput', () => {
  test.each([
    ['oci://ghcr.io/acme/charts', 'ghcr.io', 'acme/charts', 'oci://ghcr.io/acme/charts'],
    ['oci://localhost:5000', 'localhost:5000', '', 'oci://localhost:5000'],
    ['oci://127.0.0.1:5000/a//b/', '127.0.0.1:5000', 'a/b', 'oci://127.0.0.1:5000/a/b'],
    ['  oci://ghcr.io/acme  ', 'ghcr.io', 'acme', 'oci://ghcr.io/acme'],
    [
      'oci://registry.example.com/the/deep_path/my-charts',
      'registry.example.com',
      'the/deep_path/my-charts',
      'oci://registry.example.com/the/deep_path/my-charts'
    ]
  ])('accepts %s', (raw, host, namespace, display) => {
    expect(parseRegistryInput(raw)).toEqual({ host, namespace, display })
  })

  test('refuses a missing scheme and shows the oci:// form', () => {
    const e = refusal('ghcr.io/acme')
    expect(e.message).toContain('oci://')
    expect(e.hint).toContain('oci://ghcr.io/acme')
  })

  test('refuses https:// and shows the oci:// form', () => {
    const e = refusal('https://ghcr.io/acme/charts')
    expect(e.message).toContain('https')
    expect(e.hint).toContain('oci://ghcr.io/acme/charts')
  })

  test('refuses a tag: the tag is always the chart version', () => {
    const e = refusal('oci://ghcr.io/acme/charts:1.0')
    expect(e.message).toMatch(/tag/)
    expect(e.hint).toContain('oci://ghcr.io/acme/charts')
    expect(e.hint).not.toContain(':1.0')
  })

  test('refuses a digest', () => {
    const e = refusal('oci://ghcr.io/acme/charts@sha256:' + 'a'.repeat(64))
    expect(e.message).toMatch(/digest/)
    expect(e.hint).toContain('oci://ghcr.io/acme/charts')
    expect(e.hint).not.toContain('sha256')
  })

  test('refuses upper case (V-O8) and shows the lower-case form', () => {
    const e = refusal('oci://ghcr.io/Acme')
    expect(e.message).toMatch(/upper-case/)
    expect(e.hint).toContain('oci://ghcr.io/acme')
  })

  test('a port on the host is not a tag', () => {
    expect(parseRegistryInput('oci://localhost:5000/charts').host).toBe('localhost:5000')
  })

  test('refuses an empty host and invalid repository paths', () => {
    expect(refusal('oci://').hint).toContain('oci://')
    expect(refusal('oci://ghcr.io/acme/-bad').message).toMatch(/invalid repository path/)
    expect(refusal('oci://bad_host!/x').message).toMatch(/invalid host/)
  })

  test('errors describe themselves with the hint', () => {
    expect(refusal('ghcr.io/acme').describe()).toMatch(/Write oci:\/\/ghcr\.io\/acme$/)
  })
})

describe('chartReference', () => {
  const ghcr = parseRegistryInput('oci://ghcr.io/acme/charts')

  test('V-O3: chart name appended, + becomes _', () => {
    const ref = chartReference(ghcr, 'demo', '1.2.3+build.5')
    expect(ref.host).toBe('ghcr.io')
    expect(ref.repository).toBe('acme/charts/demo')
    expect(ref.tag).toBe('1.2.3_build.5')
    expect(ref.toString()).toBe('ghcr.io/acme/charts/demo:1.2.3_build.5')
    expect(`${ref}`).toBe('ghcr.io/acme/charts/demo:1.2.3_build.5')
  })

  test('no namespace: the chart name is the whole repository', () => {
    const ref = chartReference(parseRegistryInput('oci://localhost:5000'), 'mychart', '0.1.0')
    expect(ref.toString()).toBe('localhost:5000/mychart:0.1.0')
  })

  test('V-O8: upper-case chart name is an invalid repository', () => {
    let err: unknown
    try {
      chartReference(ghcr, 'MyChart', '1.0.0')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ChartError)
    expect((err as ChartError).message).toContain('invalid repository')
    expect((err as ChartError).message).toContain('acme/charts/MyChart')
    expect((err as ChartError).chart).toBe('MyChart')
    expect((err as ChartError).hint).toBeTruthy()
  })

  test('V-O8: a 129-character version is an invalid tag; 128 is fine', () => {
    const v129 = '1.0.0-' + 'a'.repeat(123)
    expect(v129).toHaveLength(129)
    let err: unknown
    try {
      chartReference(ghcr, 'demo', v129)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ChartError)
    expect((err as ChartError).message).toContain('invalid tag')
    const v128 = v129.slice(0, 128)
    expect(chartReference(ghcr, 'demo', v128).tag).toBe(v128)
  })
})

describe('isLoopbackHost', () => {
  test.each([
    ['localhost', true],
    ['localhost:5000', true],
    ['LOCALHOST:5000', true],
    ['registry.localhost:5000', true],
    ['127.0.0.1', true],
    ['127.0.0.1:5000', true],
    ['127.1.2.3:80', true],
    ['[::1]:5000', true],
    ['[::1]', true],
    ['ghcr.io', false],
    ['localhost.example.com', false],
    ['10.0.0.1:5000', false],
    ['128.0.0.1', false],
    ['mylocalhost', false]
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})
