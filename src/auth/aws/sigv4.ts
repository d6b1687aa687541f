/**
 * AWS Signature Version 4 for the two JSON/query calls the action makes (ECR and
 * ECR Public GetAuthorizationToken). Hand-written instead of the SDK signer to
 * keep the bundle small; checked against AWS's published SigV4 test suite.
 */
import { createHash, createHmac } from 'node:crypto'

export interface AwsCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  /** When temporary credentials stop working (ms since epoch). */
  expiresAt?: number
}

export interface SignInput {
  method: string
  url: URL
  /** Header values; repeated headers as arrays, in the order they are sent. */
  headers: Record<string, string | string[]>
  body: string | Buffer
  region: string
  service: string
  credentials: AwsCredentials
  date?: Date
  /** Add `x-amz-content-sha256` (the JS SDK v3 does for JSON services). */
  contentSha256?: boolean
}

// Never signed: proxies and hop-by-hop machinery may change them (SDK's ALWAYS_UNSIGNABLE_HEADERS).
const UNSIGNABLE = new Set([
  'authorization',
  'user-agent',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'cache-control',
  'x-amzn-trace-id',
  'content-length'
])

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest()

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters. */
export function uriEncode(s: string, keepSlash = false): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(keepSlash ? /%2F/g : /$^/, '/')
}

export function amzDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** Path with dot segments and empty segments removed, each segment encoded once. */
function canonicalUri(pathname: string): string {
  const out: string[] = []
  for (const seg of pathname.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') out.pop()
    else out.push(uriEncode(decodeURIComponent(seg)))
  }
  const trailing = pathname.length > 1 && pathname.endsWith('/') && out.length > 0
  return `/${out.join('/')}${trailing ? '/' : ''}`
}

function canonicalQuery(url: URL): string {
  const pairs: Array<[string, string]> = []
  for (const [k, v] of url.searchParams) pairs.push([uriEncode(k), uriEncode(v)])
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  return pairs.map(([k, v]) => `${k}=${v}`).join('&')
}

export interface Signed {
  /** The headers to send: the input ones plus x-amz-date, session token, hash and Authorization. */
  headers: Record<string, string>
  canonicalRequest: string
  stringToSign: string
  signature: string
}

export function signRequest(input: SignInput): Signed {
  const date = amzDate(input.date ?? new Date())
  const day = date.slice(0, 8)
  const payloadHash = sha256Hex(input.body)
  const headers: Record<string, string | string[]> = { ...input.headers }
  const has = (name: string): boolean => Object.keys(headers).some((k) => k.toLowerCase() === name)
  if (!has('host')) headers.host = input.url.host
  headers['x-amz-date'] = date
  if (input.credentials.sessionToken) headers['x-amz-security-token'] = input.credentials.sessionToken
  if (input.contentSha256) headers['x-amz-content-sha256'] = payloadHash

  const canon = new Map<string, string[]>()
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    if (UNSIGNABLE.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) continue
    const values = (Array.isArray(value) ? value : [value]).map((v) => v.trim().replace(/\s+/g, ' '))
    canon.set(lower, [...(canon.get(lower) ?? []), ...values])
  }
  const names = [...canon.keys()].sort()
  const signedHeaders = names.join(';')
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalUri(input.url.pathname),
    canonicalQuery(input.url),
    names.map((n) => `${n}:${canon.get(n)!.join(',')}\n`).join(''),
    signedHeaders,
    payloadHash
  ].join('\n')
  const scope = `${day}/${input.region}/${input.service}/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256Hex(canonicalRequest)].join('\n')
  const kSigning = hmac(hmac(hmac(hmac(`AWS4${input.credentials.secretAccessKey}`, day), input.region), input.service), 'aws4_request')
  const signature = createHmac('sha256', kSigning).update(stringToSign).digest('hex')

  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) out[k] = Array.isArray(v) ? v.join(',') : v
  out.authorization = `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`
  return { headers: out, canonicalRequest, stringToSign, signature }
}
