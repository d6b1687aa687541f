/**
 * What of a registry's error body may be quoted (distribution-spec "Error Codes": a body is
 * `{"errors":[{"code","message","detail"}]}`, codes are upper-case identifiers such as NAME_UNKNOWN).
 * The expected texts are written out from the spec's documents, not computed by the module.
 */
import { MAX_ERROR_BODY, MAX_ERROR_TEXT, registryErrorDetail } from '../../src/oci/error-body'

const none = (s: string): string => s
const doc = (errors: unknown): string => JSON.stringify({ errors })
const NOT_A_DOC = ': (the body is not a registry error document)'

test('the limits are the documented 64 KiB read and 200 quoted characters', () => {
  expect(MAX_ERROR_BODY).toBe(65536)
  expect(MAX_ERROR_TEXT).toBe(200)
})

test("the spec's own example: code and message are quoted, detail never", () => {
  // distribution-spec, "Error Codes": the body of a 404 for an unknown repository.
  const body = doc([{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry', detail: { name: 'secret-detail' } }])
  expect(registryErrorDetail(Buffer.from(body), none)).toEqual({ code: 'NAME_UNKNOWN', text: ': name unknown: repository name not known to registry' })
  expect(registryErrorDetail(body, none)).toEqual({ code: 'NAME_UNKNOWN', text: ': name unknown: repository name not known to registry' })
})

test('every underscore of a code becomes a space', () => {
  expect(registryErrorDetail(doc([{ code: 'MANIFEST_BLOB_UNKNOWN', message: 'blob unknown to registry' }]), none).text).toBe(
    ': manifest blob unknown: blob unknown to registry'
  )
})

test('no body, an empty body, and bodies that are not error documents', () => {
  expect(registryErrorDetail(undefined, none)).toEqual({ text: '' })
  expect(registryErrorDetail('', none)).toEqual({ text: '' })
  expect(registryErrorDetail(Buffer.alloc(0), none)).toEqual({ text: '' })
  for (const body of ['<html>502 Bad Gateway</html>', 'null', '{}', '{"errors":[]}', '{"errors":{"code":"DENIED"}}', '{"errors":"DENIED"}', '[]']) {
    expect(registryErrorDetail(body, none)).toEqual({ text: NOT_A_DOC })
  }
})

test('several errors are joined with "; "; the first plain code is the one reported', () => {
  const body = doc([
    { message: 'no code here' },
    { code: 'DENIED', message: 'requested access to the resource is denied' },
    { code: 'UNAUTHORIZED', message: 'authentication required' }
  ])
  expect(registryErrorDetail(body, none)).toEqual({
    code: 'DENIED',
    text: ': no code here; denied: requested access to the resource is denied; unauthorized: authentication required'
  })
})

test('at most 8 errors are read', () => {
  const errors = Array.from({ length: 9 }, (_, i) => ({ code: 'DENIED', message: `m${i + 1}` }))
  expect(registryErrorDetail(doc(errors), none).text).toBe(': ' + [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `denied: m${i}`).join('; '))
})

test('codes that are not plain spec codes are dropped, their messages kept', () => {
  for (const code of ['denied', 'Denied', '1DENIED', 'DENIED-X', 'A'.repeat(65), 'X DENIED', 'DENIED\n', 42]) {
    expect(registryErrorDetail(doc([{ code, message: 'm' }]), none)).toEqual({ code: undefined, text: ': m' })
  }
  // 64 characters is the longest accepted code.
  const long = 'A'.repeat(64)
  expect(registryErrorDetail(doc([{ code: long, message: 'm' }]), none)).toEqual({ code: long, text: `: ${'a'.repeat(64)}: m` })
  expect(registryErrorDetail(doc([{ code: 'A', message: 'm' }]), none)).toEqual({ code: 'A', text: ': a: m' })
})

test('items that are not objects, and messages that are not strings, contribute nothing', () => {
  expect(registryErrorDetail(doc([null, 'DENIED', 7, { code: 'DENIED', message: { text: 'x' } }]), none)).toEqual({ code: 'DENIED', text: ': denied' })
  expect(registryErrorDetail(doc([null, {}, { message: '' }]), none)).toEqual({ code: undefined, text: '' })
  expect(registryErrorDetail(doc([{ message: ' \n\t ' }]), none)).toEqual({ code: undefined, text: '' })
})

test('whitespace runs collapse to one space and the ends are trimmed', () => {
  expect(registryErrorDetail(doc([{ message: '  line one\r\n\tline   two  ' }]), none).text).toBe(': line one line two')
})

test('a code the scrubber changes is not reported as the code', () => {
  const scrub = (s: string): string => s.replace(/HUNTER2/g, '***')
  const r = registryErrorDetail(doc([{ code: 'HUNTER2', message: 'x' }]), scrub)
  expect(r.code).toBeUndefined()
  expect(r.text).toBe(': ***: x')
})

test('exactly 200 characters are quoted whole; longer texts are cut to 200 and marked', () => {
  const m200 = 'a'.repeat(200)
  expect(registryErrorDetail(doc([{ message: m200 }]), none).text).toBe(`: ${m200}`)
  expect(registryErrorDetail(doc([{ message: m200 + 'b' }]), none).text).toBe(`: ${m200}…`)
})

test('secrets are scrubbed before the text is cut, so no prefix of a secret survives', () => {
  const secret = 'S3cr3tT0kenValue'
  const scrub = (s: string): string => s.split(secret).join('***')
  // The secret straddles the 200th character: cutting first would leave "S3cr3tT0ke" that no scrubber recognises.
  const message = 'x'.repeat(190) + secret + 'y'.repeat(20)
  const { text } = registryErrorDetail(doc([{ message }]), scrub)
  expect(text).toBe(`: ${'x'.repeat(190)}***${'y'.repeat(7)}…`)
})

test('only the first 64 KiB of a body is read', () => {
  const head = '{"errors":[{"code":"DENIED","message":"m"}],"pad":"'
  const over = head + 'p'.repeat(MAX_ERROR_BODY) + '"}'
  expect(registryErrorDetail(Buffer.from(over), none)).toEqual({ text: NOT_A_DOC })
  expect(registryErrorDetail(over, none)).toEqual({ text: NOT_A_DOC })
  const fits = head + 'p'.repeat(MAX_ERROR_BODY - head.length - 2) + '"}'
  expect(fits.length).toBe(MAX_ERROR_BODY)
  expect(registryErrorDetail(Buffer.from(fits), none)).toEqual({ code: 'DENIED', text: ': denied: m' })
  expect(registryErrorDetail(fits, none)).toEqual({ code: 'DENIED', text: ': denied: m' })
})

test('a held secret shaped like a code (an AWS access key ID) is scrubbed, not quoted in lower case', async () => {
  const { maskSecret, scrubSecrets } = await import('../../src/auth/mask')
  // AWS's documented example access key ID: upper-case letters and digits, so it passes as a spec code.
  const keyId = 'AKIAIOSFODNN7EXAMPLE'
  maskSecret(keyId)
  const r = registryErrorDetail(doc([{ code: keyId, message: 'denied' }]), scrubSecrets)
  expect(r.code).toBeUndefined()
  expect(r.text.toLowerCase()).not.toContain(keyId.toLowerCase())
  expect(r.text).toBe(': ***: denied')
})
