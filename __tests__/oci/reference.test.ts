/** The `registry` input and the push reference (spec 2.1, 7.1; vectors V-O3, V-O8). */
import { ChartError, InputError } from '../../src/errors'
import { chartReference, isLoopbackHost, parseRegistryInput } from '../../src/oci/reference'
import { thrown } from '../support/caught'

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

// The grammar, from the distribution spec's repository name rule
// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*` and Go's url.ParseRequestURI host rules.
describe('the repository and host grammar', () => {
  test.each(['a', '0', 'a1', 'a.b', 'a_b', 'a__b', 'a-b', 'a--b', 'a---b', 'a/b', 'a/b/c', 'a.b-c_d__e/f0'])('repository path %s is accepted', (ns) => {
    expect(parseRegistryInput(`oci://r.io/${ns}`).namespace).toBe(ns)
  })

  test.each(['-a', 'a-', '.a', 'a.', '_a', 'a_', 'a___b', 'a..b', 'a._b', 'a_-b', 'a-.b', 'a/-b', 'a/b.', 'a$b', 'a b'])(
    'repository path %s is refused',
    (ns) => {
      expect(refusal(`oci://r.io/${ns}`).message).toBe(
        `registry "oci://r.io/${ns}" has an invalid repository path "${ns}" (lower-case letters, digits and single . _ - separators only)`
      )
    }
  )

  test.each(['r', 'r.io', 'my-reg.example.com', 'r.io:5000', 'r:1', '10.0.0.1:5000', '[::1]:5000', '[2001:db8::1]', 'a1-b2.c3'])(
    'host %s is accepted',
    (host) => {
      expect(parseRegistryInput(`oci://${host}/x`)).toEqual({ host, namespace: 'x', display: `oci://${host}/x` })
    }
  )

  test.each(['-r.io', 'r-.io', 'r..io', '.r.io', 'r.io.', 'r_io', 'r.io:123456', 'r.io:x', '[::1', '[::g]', 'r!io'])('host %s is refused', (host) => {
    const e = refusal(`oci://${host}/x`)
    expect(e.message).toBe(`registry "oci://${host}/x" has an invalid host "${host}"`)
    expect(e.hint).toBe('Write oci://HOST[:PORT]/NAMESPACE, for example oci://ghcr.io/OWNER/charts')
  })

  test('every refusal says exactly what to write instead', () => {
    expect(refusal('ghcr.io/acme').hint).toBe('Write oci://ghcr.io/acme')
    expect(refusal('//ghcr.io/acme').hint).toBe('Write oci://ghcr.io/acme')
    expect(refusal('https://ghcr.io/acme').message).toBe('registry "https://ghcr.io/acme" uses the https:// scheme; Helm pushes to OCI registries only')
    expect(refusal('https://ghcr.io/acme').hint).toBe('Write oci://ghcr.io/acme')
    expect(refusal('oci://ghcr.io/acme@sha256:ab').message).toBe(
      'registry "oci://ghcr.io/acme@sha256:ab" contains a digest; the digest is what the push produces'
    )
    expect(refusal('oci://ghcr.io/acme@sha256:ab').hint).toBe('Write oci://ghcr.io/acme')
    expect(refusal('oci://ghcr.io/a/b:1.0').message).toBe('registry "oci://ghcr.io/a/b:1.0" contains a tag (":1.0"); the tag is always the chart version')
    expect(refusal('oci://ghcr.io/a/b:1.0').hint).toBe('Write oci://ghcr.io/a/b')
    expect(refusal('oci://').message).toBe('registry "oci://" has no host')
    expect(refusal('oci://').hint).toBe('Write oci://ghcr.io/OWNER/charts')
    expect(refusal('oci://GHCR.io/Acme').message).toBe('registry "oci://GHCR.io/Acme" contains upper-case letters, which OCI repository names cannot have')
    expect(refusal('oci://GHCR.io/Acme').hint).toBe('Write oci://ghcr.io/acme')
    expect(refusal('oci://GHCR.io').hint).toBe('Write oci://ghcr.io')
    expect(refusal('oci://ghcr.io/-x').hint).toBe('Write a path such as oci://ghcr.io/OWNER/charts')
  })

  test('chart reference errors name the chart and the fix', () => {
    const reg = parseRegistryInput('oci://r.io/ns')
    expect(() => chartReference(reg, 'Bad', '1.0.0')).toThrow(
      'invalid reference: invalid repository "ns/Bad": chart name "Bad" cannot be an OCI repository name'
    )
    expect(thrown<ChartError>(() => chartReference(reg, 'Bad', '1.0.0')).hint).toBe(
      'Chart names pushed to OCI registries must be lower case letters, digits and single "-", "." or "_" separators (rename the chart in Chart.yaml)'
    )
    const long = '1.0.0-' + 'a'.repeat(123)
    const e = thrown<ChartError>(() => chartReference(reg, 'ok', long))
    expect(e.message).toBe(`invalid reference: invalid tag "${long}" for version "${long}"`)
    expect(e.chart).toBe('ok')
    expect(e.hint).toBe('OCI tags allow letters, digits, "_", "." and "-" and at most 128 characters: shorten the version')
  })

  test('mutation-found edges: separators in later path components, a scheme not at the start, a bare digest, deep tags', () => {
    expect(parseRegistryInput('oci://r.io/x/a--b/c---d').namespace).toBe('x/a--b/c---d')
    expect(refusal('x oci://ghcr.io/a').message).toBe('registry "x oci://ghcr.io/a" has no oci:// scheme')
    expect(refusal('oci://@sha256:ab').message).toBe('registry "oci://@sha256:ab" contains a digest; the digest is what the push produces')
    expect(refusal('oci://ghcr.io/a/b/c:1.0').hint).toBe('Write oci://ghcr.io/a/b/c')
    expect(isLoopbackHost('127.10.20.30:5000')).toBe(true)
  })

  test('loopback: only whole names and 127/8 addresses, with any port', () => {
    expect(isLoopbackHost('localhost:5000:6000')).toBe(false)
    expect(isLoopbackHost('x127.0.0.1')).toBe(false)
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false)
    expect(isLoopbackHost('[::1]x')).toBe(false)
    expect(isLoopbackHost('a.localhost')).toBe(true)
    expect(isLoopbackHost('127.0.0.1:')).toBe(false)
  })
})
