/** The Helm OCI artifact, byte for byte (spec 2.2–2.4; vectors V-O1, V-O2, V-O3, V-O5). */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { Metadata } from '../../src/chart/metadata'
import { sanitizeString } from '../../src/chart/sanitize'
import {
  buildHelmManifest,
  CHART_LAYER_MEDIA_TYPE,
  CONFIG_MEDIA_TYPE,
  fileDigest,
  helmAnnotations,
  OCI_MANIFEST_MEDIA_TYPE,
  PROV_LAYER_MEDIA_TYPE,
  rfc3339,
  sha256Digest
} from '../../src/oci/helm-artifact'

const signtest: Metadata = { name: 'signtest', version: '0.1.0', description: 'A Helm chart for Kubernetes', apiVersion: 'v1' }
const chart = { digest: 'sha256:e5ef611620fb97704d8751c16bab17fedb68883bfb0edc76f78a70e9173f9b55', size: 973 }
const prov = { digest: 'sha256:b0a02b7412f78ae93324d48df8fcc316d8482e5ad7827b5b238657a29a22f256', size: 695 }
const created1977 = new Date('1977-09-02T22:04:05Z')

const VO1_MANIFEST =
  '{"schemaVersion":2,"config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","digest":"sha256:8d17cb6bf6ccd8c29aace9a658495cbd5e2e87fc267876e86117c7db681c9580","size":99},"layers":[{"mediaType":"application/vnd.cncf.helm.chart.provenance.v1.prov","digest":"sha256:b0a02b7412f78ae93324d48df8fcc316d8482e5ad7827b5b238657a29a22f256","size":695},{"mediaType":"application/vnd.cncf.helm.chart.content.v1.tar+gzip","digest":"sha256:e5ef611620fb97704d8751c16bab17fedb68883bfb0edc76f78a70e9173f9b55","size":973}],"annotations":{"org.opencontainers.image.created":"1977-09-02T22:04:05Z","org.opencontainers.image.description":"A Helm chart for Kubernetes","org.opencontainers.image.title":"signtest","org.opencontainers.image.version":"0.1.0"}}'

/** The manifest's `annotations` object exactly as serialized. */
const annotationsJson = (manifest: Buffer): string => {
  const s = manifest.toString('utf8')
  const i = s.indexOf('"annotations":')
  expect(i).toBeGreaterThan(0)
  return s.slice(i + '"annotations":'.length, -1)
}

describe('V-O1: signtest with provenance', () => {
  const m = buildHelmManifest({ metadata: signtest, chart, prov, created: created1977 })

  test('config blob', () => {
    expect(m.config.bytes.toString('utf8')).toBe('{"name":"signtest","version":"0.1.0","description":"A Helm chart for Kubernetes","apiVersion":"v1"}')
    expect(m.config.size).toBe(99)
    expect(m.config.digest).toBe('sha256:8d17cb6bf6ccd8c29aace9a658495cbd5e2e87fc267876e86117c7db681c9580')
    expect(m.config.mediaType).toBe(CONFIG_MEDIA_TYPE)
  })

  test('manifest bytes, size and digest', () => {
    expect(m.manifest.toString('utf8')).toBe(VO1_MANIFEST)
    expect(m.size).toBe(742)
    expect(m.manifest.length).toBe(742)
    expect(m.digest).toBe('sha256:fbbade96da6050f68f94f122881e3b80051a18f13ab5f4081868dd494538f5c2')
    expect(sha256Digest(m.manifest)).toBe(m.digest)
    expect(m.mediaType).toBe(OCI_MANIFEST_MEDIA_TYPE)
    // image-spec media-types.md
    expect(OCI_MANIFEST_MEDIA_TYPE).toBe('application/vnd.oci.image.manifest.v1+json')
  })

  test('the prov layer sorts first (by digest)', () => {
    expect(m.layers.map((l) => l.mediaType)).toEqual([PROV_LAYER_MEDIA_TYPE, CHART_LAYER_MEDIA_TYPE])
    const parsed = JSON.parse(m.manifest.toString('utf8'))
    expect(parsed.mediaType).toBeUndefined()
    expect(parsed.layers[0].annotations).toBeUndefined()
  })
})

test('layers sort by digest whichever is smaller: a chart digest below the prov digest stays first', () => {
  const low = { digest: 'sha256:' + '0'.repeat(64), size: 10 }
  const high = { digest: 'sha256:' + 'f'.repeat(64), size: 20 }
  const m = buildHelmManifest({ metadata: signtest, chart: low, prov: high, created: created1977 })
  expect(m.layers).toEqual([
    { mediaType: CHART_LAYER_MEDIA_TYPE, ...low },
    { mediaType: PROV_LAYER_MEDIA_TYPE, ...high }
  ])
  expect(JSON.parse(m.manifest.toString()).layers.map((l: { digest: string }) => l.digest)).toEqual([low.digest, high.digest])
  const swapped = buildHelmManifest({ metadata: signtest, chart: high, prov: low, created: created1977 })
  expect(swapped.layers.map((l) => l.mediaType)).toEqual([PROV_LAYER_MEDIA_TYPE, CHART_LAYER_MEDIA_TYPE])
})

test('V-O2: same chart without provenance', () => {
  const m = buildHelmManifest({ metadata: signtest, chart, created: created1977 })
  expect(m.size).toBe(581)
  expect(m.digest).toBe('sha256:ff259992f2279cdda47421e718d8f7eedbad6e045e5800c65db13ebe4febeab3')
  expect(m.layers).toEqual([{ mediaType: CHART_LAYER_MEDIA_TYPE, ...chart }])
})

describe('V-O3: demo chart', () => {
  // Metadata as the loader leaves it after YAML parsing and sanitizing (newline → space).
  const demo: Metadata = {
    apiVersion: 'v2',
    name: 'demo',
    description: sanitizeString('A <demo> chart & more\nsecond line'),
    type: 'application',
    version: '1.2.3+build.5',
    appVersion: '1.16.0',
    home: 'https://example.com/?a=1&b=2',
    sources: ['https://github.com/example/demo', 'https://github.com/example/demo2'],
    keywords: ['demo', 'test'],
    maintainers: [{ name: 'Alice', email: 'alice@example.com', url: 'https://alice.example.com' }, { name: 'Bob' }, { email: 'ops@example.com' }],
    icon: 'https://example.com/icon.png',
    kubeVersion: '>=1.22.0-0',
    annotations: {
      'org.opencontainers.image.title': 'ignored-title',
      'org.opencontainers.image.source': 'https://override.example.com',
      'example.com/zeta': 'z',
      'example.com/alpha': 'a'
    },
    dependencies: [
      {
        name: 'redis',
        version: '17.x.x',
        repository: 'oci://registry-1.docker.io/bitnamicharts',
        condition: 'redis.enabled',
        tags: ['cache'],
        'import-values': [{ child: 'default.data', parent: 'myimports' }, 'data'],
        alias: 'cache'
      },
      { name: 'common', version: '2.x.x', repository: '' }
    ]
  }
  const m = buildHelmManifest({ metadata: demo, chart, created: new Date('2024-05-06T07:08:09Z') })

  test('the description is sanitized as the loader does', () => {
    expect(demo.description).toBe('A <demo> chart & more second line')
  })

  test('config bytes', () => {
    expect(m.config.bytes.toString('utf8')).toBe(
      '{"name":"demo","home":"https://example.com/?a=1\\u0026b=2","sources":["https://github.com/example/demo","https://github.com/example/demo2"],"version":"1.2.3+build.5","description":"A \\u003cdemo\\u003e chart \\u0026 more second line","keywords":["demo","test"],"maintainers":[{"name":"Alice","email":"alice@example.com","url":"https://alice.example.com"},{"name":"Bob"},{"email":"ops@example.com"}],"icon":"https://example.com/icon.png","apiVersion":"v2","appVersion":"1.16.0","annotations":{"example.com/alpha":"a","example.com/zeta":"z","org.opencontainers.image.source":"https://override.example.com","org.opencontainers.image.title":"ignored-title"},"kubeVersion":"\\u003e=1.22.0-0","dependencies":[{"name":"redis","version":"17.x.x","repository":"oci://registry-1.docker.io/bitnamicharts","condition":"redis.enabled","tags":["cache"],"import-values":[{"child":"default.data","parent":"myimports"},"data"],"alias":"cache"},{"name":"common","version":"2.x.x","repository":""}],"type":"application"}'
    )
    expect(m.config.size).toBe(996)
    expect(m.config.digest).toBe('sha256:c6308a39e4cc32eee1088bdc2661b4e7a262678e738f8141785428dd857a1b4a')
  })

  test('annotations string exactly as Helm writes it', () => {
    expect(annotationsJson(m.manifest)).toBe(
      '{"example.com/alpha":"a","example.com/zeta":"z","org.opencontainers.image.authors":"Alice (alice@example.com), Bob,  (ops@example.com)","org.opencontainers.image.created":"2024-05-06T07:08:09Z","org.opencontainers.image.description":"A \\u003cdemo\\u003e chart \\u0026 more second line","org.opencontainers.image.source":"https://override.example.com","org.opencontainers.image.title":"demo","org.opencontainers.image.url":"https://example.com/?a=1\\u0026b=2","org.opencontainers.image.version":"1.2.3+build.5"}'
    )
  })

  test('manifest is well-formed and self-consistent', () => {
    const parsed = JSON.parse(m.manifest.toString('utf8'))
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'config', 'layers', 'annotations'])
    expect(parsed.config).toEqual({ mediaType: CONFIG_MEDIA_TYPE, digest: m.config.digest, size: 996 })
    expect(parsed.annotations).toEqual(m.annotations)
  })
})

describe('V-O5: annotation table', () => {
  const created = new Date('2024-01-02T03:04:05.678Z')
  const base: Metadata = { name: 'oci', version: '0.0.1', apiVersion: 'v2' }
  const C = 'org.opencontainers.image.'

  test('minimal chart: only title, version, created', () => {
    expect(helmAnnotations(base, created)).toEqual({ [`${C}title`]: 'oci', [`${C}version`]: '0.0.1', [`${C}created`]: '2024-01-02T03:04:05Z' })
  })

  test('authors', () => {
    const a = helmAnnotations({ ...base, maintainers: [{ name: 'John Snow', email: 'john@winterfell.com' }, { name: 'Jane Snow' }] }, created)
    expect(a[`${C}authors`]).toBe('John Snow (john@winterfell.com), Jane Snow')
    expect(helmAnnotations({ ...base, maintainers: [{ email: 'ops@x' }] }, created)[`${C}authors`]).toBe(' (ops@x)')
    expect(helmAnnotations({ ...base, maintainers: [] }, created)[`${C}authors`]).toBeUndefined()
  })

  test('only the first source', () => {
    const a = helmAnnotations({ ...base, sources: ['https://a.example', 'https://b.example'] }, created)
    expect(a[`${C}source`]).toBe('https://a.example')
  })

  test('description and url; blank values are left out', () => {
    const a = helmAnnotations({ ...base, description: 'desc', home: 'https://home.example' }, created)
    expect(a[`${C}description`]).toBe('desc')
    expect(a[`${C}url`]).toBe('https://home.example')
    const blank = helmAnnotations({ ...base, description: '   ', home: '' }, created)
    // pkg/registry/chart.go addToMap: a value is added only when strings.TrimSpace leaves something.
    // (Keys as arrays: a dotted string would be read as a property path.)
    expect(blank).not.toHaveProperty([`${C}description`])
    expect(blank).not.toHaveProperty([`${C}url`])
    expect(Object.keys(helmAnnotations({ ...base, description: ' \t\n ', home: '\n' }, created)).sort()).toEqual([`${C}created`, `${C}title`, `${C}version`])
    // Untrimmed values are kept as written.
    expect(helmAnnotations({ ...base, description: ' padded ' }, created)[`${C}description`]).toBe(' padded ')
  })

  test('icon, appVersion, keywords, kubeVersion, type are not mapped', () => {
    const a = helmAnnotations({ ...base, icon: 'i', appVersion: '1', keywords: ['k'], kubeVersion: '>=1', type: 'application', deprecated: true }, created)
    expect(Object.keys(a).sort()).toEqual([`${C}created`, `${C}title`, `${C}version`])
  })

  test('chart annotations override everything except title and version, and are copied even when empty', () => {
    const a = helmAnnotations(
      {
        ...base,
        description: 'mine',
        sources: ['https://src'],
        annotations: {
          [`${C}title`]: 'other',
          [`${C}version`]: '9.9.9',
          [`${C}created`]: '2000-01-01T00:00:00Z',
          [`${C}description`]: 'override',
          [`${C}source`]: 'https://override',
          [`${C}authors`]: 'Someone',
          'example.com/empty': ''
        }
      },
      created
    )
    expect(a[`${C}title`]).toBe('oci')
    expect(a[`${C}version`]).toBe('0.0.1')
    expect(a[`${C}created`]).toBe('2000-01-01T00:00:00Z')
    expect(a[`${C}description`]).toBe('override')
    expect(a[`${C}source`]).toBe('https://override')
    expect(a[`${C}authors`]).toBe('Someone')
    expect(a['example.com/empty']).toBe('')
  })
})

test('rfc3339 drops milliseconds and prints UTC', () => {
  expect(rfc3339(new Date('2024-05-06T07:08:09.999Z'))).toBe('2024-05-06T07:08:09Z')
  expect(rfc3339(new Date(Date.UTC(1977, 8, 2, 22, 4, 5)))).toBe('1977-09-02T22:04:05Z')
})

describe('fileDigest', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hop-digest-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const sha256sum = (f: string): string => `sha256:${execFileSync('sha256sum', [f]).toString().split(' ')[0]}`

  test('an empty file: the sha256 of nothing, size 0', async () => {
    const f = path.join(dir, 'empty')
    writeFileSync(f, '')
    expect(await fileDigest(f)).toEqual({ digest: 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', size: 0 })
  })

  test('a file read in many chunks: every chunk is hashed and counted (checked with sha256sum)', async () => {
    const f = path.join(dir, 'big')
    // 200,003 bytes: several 64 KiB stream chunks and a short tail.
    writeFileSync(f, Buffer.from(Array.from({ length: 200003 }, (_, i) => (i * 31) % 251)))
    expect(await fileDigest(f)).toEqual({ digest: sha256sum(f), size: 200003 })
  })
})
