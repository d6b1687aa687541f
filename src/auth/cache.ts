/**
 * A credential minted by a cloud exchange, kept until shortly before it
 * expires. Concurrent callers share one exchange; `refresh` forces a new one
 * (the registry rejected the cached credential in a long run).
 */
import type { Credential } from '../oci/credentials'

export interface Minted {
  credential: Credential
  /** ms since epoch; undefined = does not expire on its own. */
  expiresAt?: number
}

/** Renew this long before expiry: 5 min, or a quarter of a short lifetime. */
export function renewalMargin(lifetimeMs: number): number {
  return Math.min(5 * 60_000, Math.max(0, lifetimeMs / 4))
}

export class CredentialCache {
  private current?: { minted: Minted; at: number }
  private inflight?: Promise<Minted>

  constructor(
    private readonly mint: () => Promise<Minted>,
    private readonly now: () => number = Date.now
  ) {}

  fresh(): boolean {
    if (!this.current) return false
    const { minted, at } = this.current
    if (minted.expiresAt === undefined) return true
    return this.now() < minted.expiresAt - renewalMargin(minted.expiresAt - at)
  }

  async get(refresh = false): Promise<Credential> {
    if (!refresh && this.fresh()) return this.current!.minted.credential
    if (!this.inflight) {
      const started = this.now()
      this.inflight = this.mint()
        .then((minted) => {
          this.current = { minted, at: started }
          return minted
        })
        .finally(() => {
          this.inflight = undefined
        })
    }
    return (await this.inflight).credential
  }
}
