/**
 * What of a registry's error response may be quoted: the distribution spec's
 * `errors[].code` and `message` only (never `detail`, headers or HTML), with
 * every held secret scrubbed in every encoding BEFORE the text is shortened,
 * so truncation cannot leave a piece of a secret the masker no longer knows.
 * A registry can be wrong or malicious; its words reach annotations, the job
 * summary and outputs.
 */

/** How much of a body is read at all; a spec error document is a few hundred bytes. */
export const MAX_ERROR_BODY = 64 * 1024
/** How much of the reduced text is quoted. */
export const MAX_ERROR_TEXT = 200

export interface RegistryErrorDetail {
  /** The first error's code (e.g. `NAME_UNKNOWN`), when it is a plain spec code. */
  code?: string
  /** `: code: message[; code: message]`, scrubbed and shortened, or '' when nothing may be quoted. */
  text: string
}

const CODE = /^[A-Z][A-Z0-9_]{0,63}$/

export function registryErrorDetail(body: Buffer | string | undefined, scrub: (s: string) => string): RegistryErrorDetail {
  if (!body || !body.length) return { text: '' }
  const raw = (typeof body === 'string' ? body : body.subarray(0, MAX_ERROR_BODY).toString('utf8')).slice(0, MAX_ERROR_BODY)
  let errors: unknown
  try {
    errors = (JSON.parse(raw) as { errors?: unknown } | null)?.errors
  } catch {
    return { text: ': (the body is not a registry error document)' }
  }
  if (!Array.isArray(errors) || !errors.length) return { text: ': (the body is not a registry error document)' }
  let code: string | undefined
  const parts: string[] = []
  for (const e of errors.slice(0, 8) as unknown[]) {
    const item: { code?: unknown; message?: unknown } = e && typeof e === 'object' ? e : {}
    const c = typeof item.code === 'string' && CODE.test(item.code) ? item.code : undefined
    const m = typeof item.message === 'string' ? item.message : ''
    // A held secret can look like a code (an AWS access key ID is upper-case letters and digits): it is scrubbed
    // before the code is lower-cased, as the scrubber no longer recognises the lower-case form.
    const clean = c && scrub(c) === c ? c : undefined
    code ??= clean
    parts.push([clean ? clean.toLowerCase().replace(/_/g, ' ') : c && scrub(c), m].filter(Boolean).join(': '))
  }
  let text = scrub(parts.filter(Boolean).join('; ')).replace(/\s+/g, ' ').trim()
  if (text.length > MAX_ERROR_TEXT) text = `${text.slice(0, MAX_ERROR_TEXT)}…`
  return { code, text: text ? `: ${text}` : '' }
}
