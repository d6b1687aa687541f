/**
 * When a request counts as stalled: no byte moved, in either direction, for
 * the inactivity timeout. "Moved" means read from the socket, or accepted by
 * the socket below (a write completed), never merely handed to it. After the
 * last byte of an upload is accepted, the kernel and any proxy on the way may
 * still hold megabytes that drain at the link's pace, invisibly to the
 * process: the wait for the answer is then extended by the time those bytes
 * need at the rate the upload was moving. Pure logic; the transport (src/http.ts)
 * feeds it counters and the clock.
 */

/** The drain estimate is doubled: under-estimating cuts a slow upload, over-estimating only delays a rare stall. */
const DRAIN_SAFETY = 2

export class InactivityWatch {
  private lastMoveAt: number
  private sent = 0
  private read = 0
  private firstSentAt?: number
  /** (time, bytes sent) of recent progress, for the upload rate. */
  private samples: Array<[number, number]> = []
  /** Extra wait after the body was accepted, for buffered bytes still draining. */
  graceMs = 0

  constructor(
    readonly timeoutMs: number,
    now: number
  ) {
    this.lastMoveAt = now
  }

  /** Monotonic counters: bytes the socket accepted from the body, and bytes read from the socket. */
  observe(sent: number, read: number, now: number): void {
    if (sent > this.sent) {
      this.firstSentAt ??= now
      this.samples.push([now, sent])
      // Keep about one timeout of history: the rate of the upload's last stretch is what drains the buffers.
      while (this.samples.length > 2 && now - this.samples[1][0] >= this.timeoutMs) this.samples.shift()
    }
    if (sent > this.sent || read > this.read) this.lastMoveAt = now
    this.sent = Math.max(this.sent, sent)
    this.read = Math.max(this.read, read)
  }

  /**
   * The whole body was accepted. Bytes sent beyond what the recent rate
   * could have delivered since the first one are still in buffers on the way.
   */
  bodyAccepted(now: number): void {
    if (this.firstSentAt === undefined || this.samples.length < 2) return
    const [t0, s0] = this.samples[0]
    const [t1, s1] = this.samples[this.samples.length - 1]
    if (t1 <= t0) return
    const rate = (s1 - s0) / (t1 - t0) // bytes per ms
    const buffered = this.sent - rate * (now - this.firstSentAt)
    if (rate > 0 && buffered > 0) this.graceMs = Math.round((DRAIN_SAFETY * buffered) / rate)
  }

  /** The answer began: whatever was buffered has arrived. */
  answered(): void {
    this.graceMs = 0
  }

  stalled(now: number): boolean {
    return now - this.lastMoveAt > this.timeoutMs + this.graceMs
  }
}
