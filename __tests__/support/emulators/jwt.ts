/** RS256 JWTs for the emulated identity providers (each has its own key). */
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'

export class JwtIssuer {
  readonly privateKey: KeyObject
  readonly publicKey: KeyObject
  readonly kid: string

  constructor(readonly issuer: string) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    this.privateKey = privateKey
    this.publicKey = publicKey
    this.kid = Math.random().toString(36).slice(2)
  }

  sign(claims: Record<string, unknown>, lifetimeSeconds = 300): string {
    const now = Math.floor(Date.now() / 1000)
    const header = { typ: 'JWT', alg: 'RS256', kid: this.kid }
    const body = { iss: this.issuer, iat: now, nbf: now, exp: now + lifetimeSeconds, jti: Math.random().toString(36).slice(2), ...claims }
    const unsigned = `${b64(header)}.${b64(body)}`
    return `${unsigned}.${sign('sha256', Buffer.from(unsigned), this.privateKey).toString('base64url')}`
  }

  /** Claims of a token this issuer signed and that is still valid; throws otherwise. */
  verify(token: string, audience?: string): Record<string, unknown> {
    const [h, p, s] = token.split('.')
    if (!h || !p || !s) throw new Error('not a JWT')
    if (!verify('sha256', Buffer.from(`${h}.${p}`), this.publicKey, Buffer.from(s, 'base64url'))) throw new Error('bad signature')
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>
    if (claims.iss !== this.issuer) throw new Error(`issuer ${String(claims.iss)}`)
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) throw new Error('expired')
    if (audience !== undefined && claims.aud !== audience) throw new Error(`audience ${String(claims.aud)} is not ${audience}`)
    return claims
  }

  jwks(): object {
    return { keys: [{ ...createPublicKey(this.publicKey).export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' }] }
  }
}

const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url')
