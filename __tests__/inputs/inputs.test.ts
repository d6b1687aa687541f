import { stepInputs } from '../support/inputs'
import { normalizeVersion, readInputs, splitList, maskSecret } from '../../src/inputs'
import { InputError } from '../../src/errors'

const reader = stepInputs

describe('inputs', () => {
  test('lists split on newlines and commas, blanks and comments dropped', () => {
    expect(splitList(['charts/a, charts/b', '# no', 'charts/c,'])).toEqual(['charts/a', 'charts/b', 'charts/c'])
  })

  test('release tags become SemVer 2 versions', () => {
    expect(normalizeVersion('v1.2.3')).toBe('1.2.3')
    expect(normalizeVersion('refs/tags/v1.2.3-rc.1+build.5')).toBe('1.2.3-rc.1+build.5')
    expect(normalizeVersion('1.0.0')).toBe('1.0.0')
    for (const bad of ['1.0', 'v1', 'release-1.2.3', '1.2.3.4', '01.2.3']) {
      expect(() => normalizeVersion(bad)).toThrow(InputError)
    }
    expect(() => normalizeVersion('1.0')).toThrow(/SemVer 2/)
  })

  test('defaults, paths resolved against the workspace', () => {
    const inputs = readInputs(reader({ registry: 'oci://ghcr.io/acme/charts', 'output-dir': 'out', 'ca-file': 'ca.pem' }), {
      GITHUB_WORKSPACE: '/ws',
      RUNNER_TEMP: '/rt'
    })
    expect(inputs.charts).toEqual(['.'])
    expect(inputs.registry.host).toBe('ghcr.io')
    expect(inputs.plainHttp).toBe('auto')
    expect(inputs.ifExists).toBe('skip-identical')
    expect(inputs.dryRun).toBe(false)
    expect(inputs.outputDir).toBe('/ws/out')
    expect(inputs.caFile).toBe('/ws/ca.pem')
    expect(inputs.sign.sign).toBe('auto')
    expect(readInputs(reader({ registry: 'oci://ghcr.io/acme', charts: ' charts/a\n\n  charts/b, charts/c \n# old\n' }), {}).charts).toEqual([
      'charts/a',
      'charts/b',
      'charts/c'
    ])
    expect(readInputs(reader({ registry: 'oci://ghcr.io/acme' }), { RUNNER_TEMP: '/rt' }).outputDir).toBe('/rt/helm-oci-publish')
  })

  test('bad values name the input and the allowed values', () => {
    expect(() => readInputs(reader({}), {})).toThrow(/registry is required/)
    expect(() => readInputs(reader({ registry: 'oci://r.io/a', 'if-exists': 'replace' }), {})).toThrow(
      /if-exists is "replace".*skip-identical, fail, overwrite/
    )
    expect(() => readInputs(reader({ registry: 'oci://r.io/a', 'dry-run': 'yes' }), {})).toThrow(/dry-run is "yes".*true or false/)
    // YAML 1.2 core booleans only, as @actions/core's getBooleanInput: `yes`, `on`, `1` are YAML 1.1.
    for (const [raw, want] of [
      ['True', true],
      ['FALSE', false],
      ['true', true]
    ] as const)
      expect(readInputs(reader({ registry: 'oci://r.io/a', 'dry-run': raw }), {}).dryRun).toBe(want)
    for (const raw of ['on', '1', 'tRUE']) expect(() => readInputs(reader({ registry: 'oci://r.io/a', 'dry-run': raw }), {})).toThrow(InputError)
    expect(() => readInputs(reader({ registry: 'oci://r.io/a', sign: 'maybe' }), {})).toThrow(/input sign/)
  })

  test('secrets are masked before anything else, multi-line secrets line by line', () => {
    const masked: string[] = []
    // A service-account JSON key used as password (`_json_key` logins) spans lines.
    const key = '{\n  "type": "service_account",\n  "private_key": "lQdGBGXYZ123"\n}'
    expect(() => readInputs(reader({ password: key, 'github-token': 'ghs_token123' }), {}, (s) => masked.push(s))).toThrow(/registry is required/)
    expect(masked).toContain(key)
    expect(masked).toContain('"private_key": "lQdGBGXYZ123"')
    expect(masked).toContain('ghs_token123')
    // Lines too short to be secret ('{', '}') would blank those characters across the whole log.
    expect(masked).not.toContain('{')
    expect(masked).not.toContain('}')
    expect(masked.filter((m) => m === 'ghs_token123')).toHaveLength(1)
    // Nothing to mask: no empty mask, which would blank every log line.
    const none: string[] = []
    maskSecret((s) => none.push(s), undefined)
    maskSecret((s) => none.push(s), '')
    expect(none).toEqual([])
  })
})

describe('monorepo and repository inputs', () => {
  const base = { registry: 'oci://ghcr.io/acme/charts' }
  const read = (v: Record<string, string>) => readInputs(reader({ ...base, ...v }), { GITHUB_WORKSPACE: '/ws' })

  test('concurrency: 4 by default, whole numbers 1–32 only', () => {
    expect(read({}).concurrency).toBe(4)
    expect(read({ concurrency: '1' }).concurrency).toBe(1)
    expect(read({ concurrency: '32' }).concurrency).toBe(32)
    for (const bad of ['0', '33', '2.5', '-1', 'four', '1e1']) expect(() => read({ concurrency: bad })).toThrow(`input concurrency is "${bad}"`)
  })

  test('fail-fast and plan default to false; plan with dry-run is refused', () => {
    expect(read({})).toMatchObject({ failFast: false, plan: false, createRepository: undefined })
    expect(read({ 'fail-fast': 'true', plan: 'true' })).toMatchObject({ failFast: true, plan: true })
    expect(() => read({ plan: 'true', 'dry-run': 'true' })).toThrow('inputs plan and dry-run are both true')
  })

  test('create-repository with its settings; the settings alone are refused', () => {
    expect(read({ 'create-repository': 'true' }).createRepository).toEqual({ tagImmutability: 'mutable', scanOnPush: false })
    expect(read({ 'create-repository': 'true', 'repository-tag-immutability': 'IMMUTABLE', 'repository-scan-on-push': 'true' }).createRepository).toEqual({
      tagImmutability: 'immutable',
      scanOnPush: true
    })
    expect(() => read({ 'create-repository': 'true', 'repository-tag-immutability': 'sometimes' })).toThrow(/expected one of mutable, immutable/)
    expect(() => read({ 'repository-scan-on-push': 'true' })).toThrow(/apply to repositories the action creates/)
  })
})
