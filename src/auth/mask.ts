/**
 * Masking: every secret is registered with the runner the moment it exists,
 * together with the encodings a log, an annotation or the job summary could
 * show it in. The runner masks line by line and knows base64, JSON and URL
 * encodings of each value alone, but not our base64 of `user:password`, the
 * Markdown form of the summary or a value cut short by truncation, so
 * `scrubSecrets` removes every held secret in every encoding from text we
 * quote (registry error bodies) before it is shortened.
 */
import * as log from '../report/log'
import { safeMarkdown, safeText } from '../report/sanitize'
import type { Credential } from '../oci/credentials'

/** Shorter fragments would mask ordinary words; the runner itself skips very short values. */
const MIN_FRAGMENT = 6

const held = new Set<string>()
/** Every encoded form of every held secret, longest first (so a longer form is replaced whole). */
let forms: string[] = []

/**
 * The base64 text of `value` that appears in the base64 of ANY string
 * containing it: for each of the 3 byte alignments, the characters of whole
 * 3-byte groups only (the edge characters depend on the neighbours).
 */
export function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8')
  const out: string[] = []
  for (let shift = 0; shift < 3; shift++) {
    const groups = Math.floor((bytes.length - shift) / 3)
    if (groups > 0) out.push(bytes.subarray(shift, shift + groups * 3).toString('base64'))
  }
  return out
}

/** The ways a secret can be written in what the action prints, quotes or outputs. */
export function secretEncodings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1)
  const all = [
    value,
    json,
    JSON.stringify(json).slice(1, -1),
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    safeText(value),
    safeMarkdown(value),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
    ...base64Cores(value),
    ...base64Cores(value).map((b) => b.replace(/\+/g, '-').replace(/\//g, '_'))
  ]
  return [...new Set(all)].filter((f) => f.length >= Math.min(MIN_FRAGMENT, value.length))
}

function hold(value: string): void {
  if (held.has(value)) return
  held.add(value)
  for (const f of secretEncodings(value)) {
    // Multi-line forms are registered line by line, as the runner masks lines.
    for (const line of f.split(/\r?\n/)) if (line.trim().length >= Math.min(MIN_FRAGMENT, f.length)) log.setSecret(line)
  }
  forms = [...new Set([...forms, ...[...held].flatMap(secretEncodings)])].sort((a, b) => b.length - a.length)
}

/** Registers a secret (and each of its lines, and their encodings) with the runner's masker. */
export function maskSecret(value: string | undefined): void {
  if (!value) return
  hold(value)
  for (const line of value.split(/\r?\n/)) if (line.trim() && line !== value) hold(line)
}

/** Masks the secret parts of a credential; the username stays readable unless it is itself a token. */
export function maskCredential(cred: Credential): Credential {
  maskSecret(cred.password)
  maskSecret(cred.refreshToken)
  maskSecret(cred.accessToken)
  if (cred.password) maskSecret(`${cred.username ?? ''}:${cred.password}`)
  return cred
}

/** `text` with every held secret, in every encoding, replaced by `***` (call before truncating). */
export function scrubSecrets(text: string): string {
  let s = text
  for (const f of forms) if (s.includes(f)) s = s.split(f).join('***')
  return s
}
