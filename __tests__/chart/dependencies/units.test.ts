/** Pure parts of dependency resolution: chart URLs, index.yaml, the repositories input, OCI tags, run ordering. */
import * as path from 'node:path'
import { InputError } from '../../../src/errors'
import { displayUrl, parseIndex, resolveChartUrl, RepositoryError } from '../../../src/chart/dependencies/repo-index'
import { parseRepositories, sameRepositoryUrl } from '../../../src/chart/dependencies/repositories'
import { endsWithNameHint, ociLocation, tagsToVersions } from '../../../src/chart/dependencies/oci-repo'
import { dependencyEdges, dependencyOrder, DependencyCycleError } from '../../../src/chart/dependencies/order'

function caught(f: () => unknown): Error {
  try {
    f()
  } catch (e) {
    return e as Error
  }
  throw new Error('expected a throw')
}

describe('resolveChartUrl (Helm TestResolveReferenceURL)', () => {
  it.each([
    ['http://localhost:8123/', '/nginx-0.2.0.tgz', 'http://localhost:8123/nginx-0.2.0.tgz'],
    ['http://localhost:8123/charts/', 'nginx-0.2.0.tgz', 'http://localhost:8123/charts/nginx-0.2.0.tgz'],
    ['http://localhost:8123/charts/', '/nginx-0.2.0.tgz', 'http://localhost:8123/nginx-0.2.0.tgz'],
    ['http://localhost:8123/charts-with-no-trailing-slash', 'nginx-0.2.0.tgz', 'http://localhost:8123/charts-with-no-trailing-slash/nginx-0.2.0.tgz'],
    ['http://localhost:8123', 'https://charts.helm.sh/stable/nginx-0.2.0.tgz', 'https://charts.helm.sh/stable/nginx-0.2.0.tgz'],
    ['http://localhost:8123/charts%2fwith%2fescaped%2fslash', 'nginx-0.2.0.tgz', 'http://localhost:8123/charts%2fwith%2fescaped%2fslash/nginx-0.2.0.tgz'],
    ['http://localhost:8123/charts%2fwith%2fescaped%2fslash', '/nginx-0.2.0.tgz', 'http://localhost:8123/nginx-0.2.0.tgz'],
    ['http://localhost:8123/charts?with=queryparameter', 'nginx-0.2.0.tgz', 'http://localhost:8123/charts/nginx-0.2.0.tgz?with=queryparameter'],
    ['http://localhost:8123/charts?with=queryparameter', '/nginx-0.2.0.tgz', 'http://localhost:8123/nginx-0.2.0.tgz?with=queryparameter'],
    // Not in Helm's table, from its code: strings.TrimSuffix takes off one slash only, and a relative ref keeps the rest.
    ['http://localhost:8123/charts//', 'nginx-0.2.0.tgz', 'http://localhost:8123/charts//nginx-0.2.0.tgz'],
    ['http://localhost:8123/charts', 'HTTP://other/x.tgz', 'http://other/x.tgz'],
    ['http://localhost:8123/charts', 'x:y.tgz', 'x:y.tgz'],
    // An absolute ref is returned as it is, without the base's query; a colon after a "/" does not make a scheme.
    ['http://localhost:8123/charts?with=queryparameter', 'https://charts.helm.sh/stable/nginx-0.2.0.tgz', 'https://charts.helm.sh/stable/nginx-0.2.0.tgz'],
    ['http://localhost:8123/charts', 'sub/a:b.tgz', 'http://localhost:8123/charts/sub/a:b.tgz']
  ])('%s + %s', (base, ref, want) => {
    expect(resolveChartUrl(base, ref).toString()).toBe(want)
  })
})

describe('displayUrl', () => {
  it('drops user:password@; what is not a URL is shown as written', () => {
    expect(displayUrl('https://u:p@charts.example/x/')).toBe('https://charts.example/x/')
    expect(displayUrl('not a url')).toBe('not a url')
  })
})

describe('parseIndex', () => {
  it('sorts versions newest first and drops entries without a version', () => {
    const idx = parseIndex(
      'apiVersion: v1\nentries:\n  a:\n  - {name: a, version: 1.2.0, urls: [a-1.2.0.tgz]}\n  - {name: a, version: 1.10.0, urls: [a-1.10.0.tgz]}\n  - {name: a, urls: [x.tgz]}\n',
      'https://r'
    )
    expect(idx.entries.get('a')!.map((e) => e.version)).toEqual(['1.10.0', '1.2.0'])
  })
  it.each([
    ['<html><body>Not a repo</body></html>', /not a YAML mapping/],
    ['entries: {}\n', /no API version specified/],
    ['apiVersion: v1\nentries: [1]\n', /entries is not a mapping/],
    ['apiVersion: v1\nentries: {a: [\n', /invalid index.yaml/]
  ])('refuses %j', (text, msg) => {
    const err = caught(() => parseIndex(text, 'https://user:pw@charts.example/', 'umbrella'))
    expect(err).toBeInstanceOf(RepositoryError)
    expect(err.message).toMatch(msg)
    expect(err.message).not.toContain('pw')
    expect((err as RepositoryError).hint).toMatch(/helm repo index/)
  })
})

describe('repositories input', () => {
  it('name=url lines, with credentials in the URL masked and removed', () => {
    const masked: string[] = []
    const r = parseRepositories('# comment\nbitnami=https://charts.bitnami.com/bitnami\nprivate=https://me:s3cr%40t@charts.example.com/x/\n', (s) =>
      masked.push(s)
    )
    expect(r).toEqual([
      { name: 'bitnami', url: 'https://charts.bitnami.com/bitnami', username: undefined, password: undefined },
      { name: 'private', url: 'https://charts.example.com/x/', username: 'me', password: 's3cr@t' }
    ])
    expect(masked).toEqual(expect.arrayContaining(['s3cr%40t', 's3cr@t']))
  })
  it('a YAML list with username and password', () => {
    const masked: string[] = []
    const r = parseRepositories('- {name: corp, url: "https://charts.corp.example/", username: bot, password: hunter22}\n', (s) => masked.push(s))
    expect(r).toEqual([{ name: 'corp', url: 'https://charts.corp.example/', username: 'bot', password: 'hunter22' }])
    expect(masked).toContain('hunter22')
  })
  it.each([
    ['nourl', /not name=url/],
    ['a=not a url', /is not a URL/],
    ['a=http://u:p@x/', /in the clear/],
    ['a=oci://ghcr.io/x', /not classic chart repositories/],
    ['a=https://x/\na=https://y/', /twice/]
  ])('refuses %j', (raw, msg) => {
    expect(() => parseRepositories(raw)).toThrow(msg)
  })
  it('lines: indented comments and spaces around = and the URL; a user without a password; nothing masked when there is no password', () => {
    const masked: string[] = []
    const r = parseRepositories('  \r\n  # a comment\r\n  a = https://bot@charts.example.com/a \r\n', (s) => masked.push(s))
    expect(r).toEqual([{ name: 'a', url: 'https://charts.example.com/a', username: 'bot', password: undefined }])
    expect(masked).toEqual([])
    expect(parseRepositories(' \n ')).toEqual([])
    expect(parseRepositories('a=http://charts.example.com/')).toEqual([
      { name: 'a', url: 'http://charts.example.com/', username: undefined, password: undefined }
    ])
  })
  it('a YAML list (indented, or JSON): credentials from the URL unless given as fields, a number as a password is its text', () => {
    const masked: string[] = []
    const r = parseRepositories(
      '  - {name: a, url: "https://bot:pw%2Fone@charts.example.com/"}\n  - {name: b, url: "https://u:urlpass@charts.example.com/b", username: other, password: 123456}\n',
      (s) => masked.push(s)
    )
    expect(r).toEqual([
      { name: 'a', url: 'https://charts.example.com/', username: 'bot', password: 'pw/one' },
      { name: 'b', url: 'https://charts.example.com/b', username: 'other', password: '123456' }
    ])
    expect(masked).toEqual(expect.arrayContaining(['pw%2Fone', 'pw/one', 'urlpass', '123456']))
    expect(parseRepositories('[{"name": "j", "url": "https://charts.example.com/j"}]')).toEqual([
      { name: 'j', url: 'https://charts.example.com/j', username: undefined, password: undefined }
    ])
  })
  it.each([
    ['x!=https://charts.example.com/', 'x!'],
    ['.x=https://charts.example.com/', '.x'],
    ['- {name: "a b", url: "https://charts.example.com/"}', 'a b']
  ])('refuses the name in %j', (raw, name) => {
    const err = caught(() => parseRepositories(raw))
    expect(err).toBeInstanceOf(InputError)
    expect(err.message).toBe(`repositories entry "${name}": the name must be letters, digits, ".", "_" or "-"`)
    expect((err as InputError).hint).toMatch(/name=https:/)
  })
  it.each([
    // Not a URL, with a password: masked before the failure and left out of the message.
    ['a=https://user:sekrit1@[::1', 'sekrit1', /^repositories entry "a": "https:\/\/\*\*\*@\[::1" is not a URL$/, /index\.yaml/],
    ['a= nope', undefined, /^repositories entry "a": "nope" is not a URL$/, /index\.yaml/],
    ['https://user:sekrit2@charts.example.com/', 'sekrit2', /^input repositories: "https:\/\/\*\*\*@charts.example.com\/" is not name=url$/, /name=https/],
    ['=https://charts.example.com/', undefined, /is not name=url/, /name=https/],
    ['a=http://u:sekrit3@charts.example.com/', 'sekrit3', /in the clear over http:\/\//, /https/],
    ['a=oci://ghcr.io/x', undefined, /oci:\/\/ repositories are not classic chart repositories/, /oci:\/\/ and file:\/\//],
    ['- {name: a, url: "https://u:sekrit4@x/"', 'sekrit4', /^input repositories is not a valid YAML list: /, /- \{name: NAME/],
    ['---\nname: a', undefined, /^input repositories must be a list$/, /"- "/],
    ['- {url: "https://charts.example.com/", password: sekrit5}', 'sekrit5', /^each repositories entry needs a name and a url$/, /name: NAME, url/],
    ['- {name: a}', undefined, /needs a name and a url/, /name: NAME, url/],
    ['- {name: a, url: 7}', undefined, /needs a name and a url/, /name: NAME, url/],
    ['-\n', undefined, /needs a name and a url/, /name: NAME, url/],
    ['a=https://x/\na=https://y/', undefined, /^input repositories names "a" twice$/, /own name/]
  ])('refuses %j with what to do, masking any password first', (raw, secret, msg, hint) => {
    const masked: string[] = []
    const err = caught(() => parseRepositories(raw, (s) => masked.push(s)))
    expect(err).toBeInstanceOf(InputError)
    expect(err.message).toMatch(msg)
    expect((err as InputError).hint).toMatch(hint)
    if (secret) {
      expect(masked).toContain(secret)
      expect(err.message).not.toContain(secret)
    }
  })
})

describe('sameRepositoryUrl (Helm urlutil.Equal, internal/urlutil/urlutil_test.go TestEqual)', () => {
  // Helm's own vectors.
  it.each([
    ['http://example.com', 'http://example.com', true],
    ['http://example.com', 'http://another.example.com', false],
    ['https://example.com', 'https://example.com', true],
    ['http://example.com/', 'http://example.com', true],
    ['https://example.com', 'http://example.com', false],
    ['http://example.com/foo', 'http://example.com/foo/', true],
    ['http://example.com/foo//', 'http://example.com/foo/', true],
    ['http://example.com/./foo/', 'http://example.com/foo/', true],
    ['http://example.com/bar/../foo/', 'http://example.com/foo/', true],
    ['/foo', '/foo', true],
    ['/foo', '/foo/', true],
    ['/foo/.', '/foo/', true],
    ['%/1234', '%/1234', true],
    ['%/1234', '%/123', false],
    ['/1234', '%/1234', false]
  ])('%j and %j: %j', (a, b, match) => {
    expect(sameRepositoryUrl(a, b)).toBe(match)
    expect(sameRepositoryUrl(b, a)).toBe(match)
  })
  it('the path is cleaned as Go path.Clean does (inner slashes too); credentials are not part of the repository', () => {
    expect(sameRepositoryUrl('https://charts.example.com/a//b/', 'https://charts.example.com/a/b')).toBe(true)
    expect(sameRepositoryUrl('https://u:p@charts.example.com/x', 'https://charts.example.com/x/')).toBe(true)
    expect(sameRepositoryUrl('https://charts.example.com/x?a=1', 'https://charts.example.com/x/?a=1')).toBe(true)
    expect(sameRepositoryUrl('https://charts.example.com/x?a=1', 'https://charts.example.com/x?a=2')).toBe(false)
    expect(sameRepositoryUrl('https://charts.example.com/x', 'https://charts.example.com/y')).toBe(false)
  })
})

describe('OCI tags', () => {
  it('reads _ as +, keeps strict SemVer only, newest first', () => {
    expect(tagsToVersions(['latest', '1.0.0', 'v1.2.0', '1.2', '1.1.0_build.1', '2.0.0-rc.1', 'sha256-abc.sig'])).toEqual([
      '2.0.0-rc.1',
      '1.1.0+build.1',
      '1.0.0'
    ])
  })
  it('a registry without a path: the repository is the name alone; trailing slashes do not count', () => {
    expect(ociLocation('oci://localhost:5000', 'lib')).toEqual({ host: 'localhost:5000', repository: 'lib', display: 'oci://localhost:5000' })
    expect(ociLocation('oci://ghcr.io/org//', 'lib')).toEqual({ host: 'ghcr.io', repository: 'org/lib', display: 'oci://ghcr.io/org' })
    expect(endsWithNameHint('oci://ghcr.io/org/lib//', 'lib')).toMatch(
      /so oci:\/\/ghcr.io\/org\/lib means oci:\/\/ghcr.io\/org\/lib\/lib: write repository: oci:\/\/ghcr.io\/org$/
    )
    expect(endsWithNameHint('oci://ghcr.io/org/mylib', 'lib')).toBeUndefined()
  })
  it('appends the dependency name and suggests the parent path for the common mistake', () => {
    expect(ociLocation('oci://ghcr.io/org/charts/', 'common-lib')).toEqual({
      host: 'ghcr.io',
      repository: 'org/charts/common-lib',
      display: 'oci://ghcr.io/org/charts'
    })
    expect(endsWithNameHint('oci://ghcr.io/org/charts/common-lib', 'common-lib')).toMatch(/write repository: oci:\/\/ghcr.io\/org\/charts$/)
    expect(endsWithNameHint('oci://ghcr.io/org/charts', 'common-lib')).toBeUndefined()
  })
})

describe('dependency order of the charts of one run', () => {
  const target = { host: 'ghcr.io', namespace: 'acme/charts' }
  it('puts file:// and target-registry dependencies first, keeping the input order otherwise', () => {
    const nodes = [
      { display: 'charts/app', name: 'app', dir: '/w/charts/app', dependencies: [{ name: 'lib', repository: 'oci://ghcr.io/acme/charts' }] },
      { display: 'charts/other', name: 'other', dir: '/w/charts/other', dependencies: [] },
      { display: 'charts/umbrella', name: 'umbrella', dir: '/w/charts/umbrella', dependencies: [{ name: 'app', repository: 'file://../app' }] },
      { display: 'charts/lib', name: 'lib', dir: '/w/charts/lib', dependencies: [{ name: 'x', repository: 'oci://ghcr.io/elsewhere' }] }
    ]
    expect(dependencyOrder(nodes, target).map((i) => nodes[i].name)).toEqual(['lib', 'app', 'other', 'umbrella'])
  })
  it('names a cycle', () => {
    const nodes = [
      { display: 'charts/a', name: 'a', dir: '/w/charts/a', dependencies: [{ name: 'b', repository: 'file://../b' }] },
      { display: 'charts/b', name: 'b', dir: '/w/charts/b', dependencies: [{ name: 'a', repository: 'oci://ghcr.io/acme/charts/' }] }
    ]
    const err = caught(() => dependencyOrder(nodes, target))
    expect(err).toBeInstanceOf(DependencyCycleError)
    expect(err.message).toBe('dependency cycle between the charts of this run: a → b → a')
    expect((err as DependencyCycleError).members).toEqual([0, 1])
    expect(err).toMatchObject({
      chart: 'charts/a',
      file: path.join('charts/a', 'Chart.yaml'),
      hint: 'Charts cannot depend on each other in a circle; remove one of these dependencies'
    })
  })
  it('names only the charts in the circle, not the path that led into it; a chart without a name by its path', () => {
    const nodes = [
      { display: 'charts/a', name: 'a', dir: '/w/charts/a', dependencies: [{ name: 'b', repository: 'file://../b' }] },
      { display: 'charts/b', dir: '/w/charts/b', dependencies: [{ name: 'c', repository: 'file://../c' }] },
      { display: 'charts/c', name: 'c', dir: '/w/charts/c', dependencies: [{ name: 'b', repository: 'file:///w/charts/b/' }] }
    ]
    const err = caught(() => dependencyOrder(nodes, target))
    expect(err.message).toBe('dependency cycle between the charts of this run: charts/b → c → charts/b')
    expect((err as DependencyCycleError).members).toEqual([1, 2])
  })
  it('a chart that depends on itself is a circle of one', () => {
    const nodes = [
      { display: 'charts/other', name: 'other', dir: '/w/charts/other', dependencies: [] },
      { display: 'charts/a', name: 'a', dir: '/w/charts/a', dependencies: [{ name: 'a', repository: 'oci://ghcr.io/acme/charts' }] }
    ]
    const err = caught(() => dependencyOrder(nodes, target))
    expect(err.message).toBe('dependency cycle between the charts of this run: a → a')
    expect((err as DependencyCycleError).members).toEqual([1])
  })
  it('a chart two others depend on comes once', () => {
    const nodes = [
      { display: 'charts/x', name: 'x', dir: '/w/charts/x', dependencies: [{ name: 'lib', repository: 'file://../lib' }] },
      { display: 'charts/y', name: 'y', dir: '/w/charts/y', dependencies: [{ name: 'lib', repository: 'oci://ghcr.io/acme/charts' }] },
      { display: 'charts/lib', name: 'lib', dir: '/w/charts/lib', dependencies: [] }
    ]
    expect(dependencyOrder(nodes, target)).toEqual([2, 0, 1])
  })
  it('only oci:// repositories naming the target registry (any case, any trailing slashes) and file:// paths to a chart directory are edges', () => {
    const nodes = [
      // A packaged archive: no directory, so file:// paths neither start nor end at it.
      { display: 'lib-1.0.0.tgz', name: 'lib', dependencies: [{ name: 'base', repository: 'file://../base' }] },
      {
        display: 'charts/app',
        name: 'app',
        dir: '/w/charts/app',
        dependencies: [
          { name: 'lib', repository: 'https://charts.example.com/' },
          { name: 'lib', repository: 'ghcr.io/acme/charts' },
          { name: 'lib', repository: 'oci://docker.io/acme/charts' },
          { name: 'lib', repository: 'oci://ghcr.io/acme' },
          { name: 'missing', repository: 'file://../missing' }
        ]
      },
      { display: 'charts/web', name: 'web', dir: '/w/charts/web', dependencies: [{ name: 'lib', repository: 'oci://GHCR.io/Acme/Charts//' }] }
    ]
    expect(dependencyEdges(nodes, target)).toEqual([[], [], [0]])
    expect(dependencyOrder(nodes, target)).toEqual([0, 1, 2])
    // Without a target registry, no oci:// repository is the run's.
    expect(dependencyEdges(nodes)).toEqual([[], [], []])
    // A registry without a namespace: the repository is the host alone.
    const flat = [
      { display: 'charts/app', name: 'app', dir: '/w/charts/app', dependencies: [{ name: 'lib', repository: 'oci://localhost:5000' }] },
      { display: 'charts/lib', name: 'lib', dir: '/w/charts/lib', dependencies: [] }
    ]
    expect(dependencyEdges(flat, { host: 'localhost:5000', namespace: '' })).toEqual([[1], []])
  })
})
