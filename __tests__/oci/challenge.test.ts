/** WWW-Authenticate parsing and token scopes as oras-go does them (spec 4.3; vector V-L2). */
import { cleanScopes, parseChallenge, repositoryScope, tokenQuery } from '../../src/oci/challenge'

describe('parseChallenge', () => {
  test('V-L2 Bearer challenge with quoted params', () => {
    expect(parseChallenge('Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:ns/mychart:pull"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example.com/token', service: 'registry.example.com', scope: 'repository:ns/mychart:pull' }
    })
  })

  test('unquoted values, spaces around separators, case-insensitive scheme and keys', () => {
    expect(parseChallenge('bearer  Realm=https://auth.example.com/token , SERVICE = registry.example.com')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example.com/token', service: 'registry.example.com' }
    })
  })

  test('escaped quotes and backslashes inside a quoted value', () => {
    const c = parseChallenge('Bearer realm="https://a/token",error="say \\"hi\\" \\\\ bye",scope="repository:x:pull push"')
    expect(c.params.error).toBe('say "hi" \\ bye')
    expect(c.params.scope).toBe('repository:x:pull push')
    expect(c.params.realm).toBe('https://a/token')
  })

  test('a comma inside a quoted value does not split it', () => {
    expect(parseChallenge('Bearer realm="https://a/token",scope="repository:a:pull,push"').params.scope).toBe('repository:a:pull,push')
  })

  test('Basic realm', () => {
    expect(parseChallenge('Basic realm="x"')).toEqual({ scheme: 'basic', params: { realm: 'x' } })
    expect(parseChallenge('BASIC realm="Registry Realm"')).toEqual({ scheme: 'basic', params: { realm: 'Registry Realm' } })
  })

  test('only the first challenge counts', () => {
    const c = parseChallenge('Bearer realm="https://a/token",service="s", Basic realm="b"')
    expect(c.scheme).toBe('bearer')
    expect(c.params).toEqual({ realm: 'https://a/token', service: 's' })
  })

  // The next cases follow oras-go's parser (registry/remote/auth/challenge.go): a token, then `key=value` pairs of
  // RFC 7235 §2.1 with RFC 7230 quoted-strings; where the header stops being that, parsing stops.
  test('a scheme alone has no parameters; a header that does not start with a scheme is unknown', () => {
    expect(parseChallenge('Bearer')).toEqual({ scheme: 'bearer', params: {} })
    expect(parseChallenge('=Bearer realm="x"')).toEqual({ scheme: 'unknown', params: {} })
    expect(parseChallenge('"Bearer" realm="x"')).toEqual({ scheme: 'unknown', params: {} })
  })

  test('a character that is neither a token nor a separator ends the parameters', () => {
    // oras-go: parseToken stops at "/", then no key follows.
    expect(parseChallenge('Bearer/ realm="https://a/token"')).toEqual({ scheme: 'bearer', params: {} })
    expect(parseChallenge('Bearer realm="https://a/token", /service="s"')).toEqual({ scheme: 'bearer', params: { realm: 'https://a/token' } })
  })

  test('an unquoted token value followed by a quoted one', () => {
    expect(parseChallenge('Bearer error=insufficient_scope,realm="https://a/token"')).toEqual({
      scheme: 'bearer',
      params: { error: 'insufficient_scope', realm: 'https://a/token' }
    })
  })

  test('a quoted-string without its closing quote is no value, and parsing stops there (it never hangs)', () => {
    expect(parseChallenge('Bearer realm="https://a/token",service="regis')).toEqual({ scheme: 'bearer', params: { realm: 'https://a/token' } })
    // The backslash escapes the last quote, so the string is still open.
    expect(parseChallenge('Bearer realm="https://a/token",service="s\\"')).toEqual({ scheme: 'bearer', params: { realm: 'https://a/token' } })
    expect(parseChallenge('Bearer realm="https://a/token",service="s\\')).toEqual({ scheme: 'bearer', params: { realm: 'https://a/token' } })
  })

  test('unknown scheme, empty and missing header', () => {
    expect(parseChallenge('Negotiate abc').scheme).toBe('unknown')
    expect(parseChallenge('Digest realm="x", nonce="y"')).toEqual({ scheme: 'unknown', params: { realm: 'x', nonce: 'y' } })
    expect(parseChallenge('')).toEqual({ scheme: 'unknown', params: {} })
    expect(parseChallenge(undefined)).toEqual({ scheme: 'unknown', params: {} })
    expect(parseChallenge('   ')).toEqual({ scheme: 'unknown', params: {} })
  })
})

describe('scopes', () => {
  test('repositoryScope', () => {
    expect(repositoryScope('ns/mychart', false)).toBe('repository:ns/mychart:pull')
    expect(repositoryScope('ns/mychart', true)).toBe('repository:ns/mychart:pull,push')
  })

  test('cleanScopes merges the actions of one resource', () => {
    expect(cleanScopes(['repository:a:pull', 'repository:a:push'])).toEqual(['repository:a:pull,push'])
    expect(cleanScopes(['repository:a:push,pull'])).toEqual(['repository:a:pull,push'])
  })

  test('cleanScopes dedupes and sorts', () => {
    expect(cleanScopes(['repository:b:pull', 'repository:a:pull', 'repository:b:pull', 'repository:a:pull'])).toEqual([
      'repository:a:pull',
      'repository:b:pull'
    ])
    expect(cleanScopes(['repository:z:push', 'registry:catalog:*', 'repository:a:pull'])).toEqual([
      'registry:catalog:*',
      'repository:a:pull',
      'repository:z:push'
    ])
  })

  test('cleanScopes splits space-joined scopes, drops empties, * absorbs others', () => {
    expect(cleanScopes(['repository:a:pull repository:b:push', '', ' '])).toEqual(['repository:a:pull', 'repository:b:push'])
    expect(cleanScopes(['repository:a:pull', 'repository:a:*', 'repository:a:push'])).toEqual(['repository:a:*'])
    expect(cleanScopes(['repository:a:'])).toEqual([])
    expect(cleanScopes([])).toEqual([])
  })

  test('a scope without a resource name is kept as it is (oras-go CleanScopes)', () => {
    expect(cleanScopes(['repository:a:pull', 'scopeless', ':push,pull', 'repository:a:push'])).toEqual([':push,pull', 'repository:a:pull,push', 'scopeless'])
  })

  test('a repository name with a port-like colon keeps everything before the last colon as the resource', () => {
    expect(cleanScopes(['repository:host:5000/a:pull', 'repository:host:5000/a:push'])).toEqual(['repository:host:5000/a:pull,push'])
  })
})

describe('tokenQuery', () => {
  test('V-L2: upload challenge with a pull scope becomes pull,push', () => {
    const challenge = parseChallenge('Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:ns/mychart:pull"')
    const scopes = cleanScopes([repositoryScope('ns/mychart', true), ...challenge.params.scope.split(' ')])
    const realm = new URL(challenge.params.realm)
    expect(tokenQuery(realm.searchParams, scopes, challenge.params.service)).toBe('scope=repository%3Ans%2Fmychart%3Apull%2Cpush&service=registry.example.com')
  })

  test('keeps the realm query, sorts keys, repeats scope', () => {
    const q = tokenQuery(new URLSearchParams('z=1&account=me'), ['repository:a:pull', 'repository:b:pull'], 'svc')
    expect(q).toBe('account=me&scope=repository%3Aa%3Apull&scope=repository%3Ab%3Apull&service=svc&z=1')
  })

  test("the challenge's service replaces one in the realm's query; scopes are added to the realm's (oras-go fetchDistributionToken: q.Set, q.Add)", () => {
    expect(tokenQuery(new URLSearchParams('service=old&scope=repository:x:pull'), ['repository:a:pull'], 'new')).toBe(
      'scope=repository%3Ax%3Apull&scope=repository%3Aa%3Apull&service=new'
    )
    expect(tokenQuery(new URLSearchParams('service=old&scope=repository:x:pull'), [], undefined)).toBe('scope=repository%3Ax%3Apull&service=old')
  })

  test('escapes like Go url.QueryEscape', () => {
    expect(tokenQuery(new URLSearchParams(), [], "a b!'()*~")).toBe('service=a+b%21%27%28%29%2A~')
  })

  test('no scopes and no service', () => {
    expect(tokenQuery(new URLSearchParams(), [], undefined)).toBe('')
  })
})
