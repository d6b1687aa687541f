/**
 * When a request counts as stalled: no byte moved, in either direction, for
 * the inactivity timeout. "Moved" means read from the socket, accepted by the
 * socket (a write completed), or, on Linux, gone from the kernel's send queue
 * (acknowledged by the peer; /proc/net/tcp), never merely handed to the socket:
 * the kernel accepts megabytes at once and then wakes the writer only every
 * few seconds on a slow link, so written bytes alone show a moving upload as
 * stalled. After the whole body is accepted, the bytes buffered on the way
 * (the peer's receive buffer, a proxy's) still drain unseen: the wait for the
 * answer is extended by the time they need at the rate the upload moved.
 * The policy is pure logic; the transport (src/http.ts) feeds it counters and
 * the clock. `sendQueueBytes` is the one piece of I/O.
 */
import { readFileSync } from 'node:fs'
import type { Socket } from 'node:net'

/** The drain estimate is doubled: under-estimating cuts a slow upload, over-estimating only delays a rare stall. */
const DRAIN_SAFETY = 2
/** How much history the upload rate is measured over, at least. */
const RATE_WINDOW_MS = 10_000

export interface Progress {
  /** Body bytes the socket accepted. */
  sent: number
  /** Bytes read from the socket. */
  read: number
  /** Bytes the kernel's send queue shrank by, summed (0 where the queue cannot be seen). */
  acked: number
}

export class InactivityWatch {
  private lastMoveAt: number
  private last: Progress = { sent: 0, read: 0, acked: 0 }
  private firstSentAt?: number
  /** (time, bytes sent) of recent progress, for the upload rate. */
  private samples: Array<[number, number]> = []
  private bodyDone = false
  /** The drain estimate at the end of the body: bytes still buffered on the way, and the rate (bytes per second). */
  buffered = 0
  rate = 0
  /** Extra wait for the answer after the body was accepted, for buffered bytes still draining. */
  graceMs = 0

  constructor(
    readonly timeoutMs: number,
    now: number
  ) {
    this.lastMoveAt = now
  }

  /** Monotonic counters, polled. */
  observe(p: Progress, now: number): void {
    if (p.sent > this.last.sent) {
      this.firstSentAt ??= now
      this.samples.push([now, p.sent])
      const window = Math.max(this.timeoutMs, RATE_WINDOW_MS)
      while (this.samples.length > 2 && now - this.samples[1][0] >= window) this.samples.shift()
    }
    if (p.sent > this.last.sent || p.read > this.last.read || p.acked > this.last.acked) this.lastMoveAt = now
    this.last = { sent: Math.max(this.last.sent, p.sent), read: Math.max(this.last.read, p.read), acked: Math.max(this.last.acked, p.acked) }
  }

  /**
   * The whole body was accepted. Bytes sent beyond what the upload's recent rate
   * could have delivered since its first byte are still in buffers on the way.
   */
  bodyAccepted(now: number): void {
    this.bodyDone = true
    if (this.firstSentAt === undefined || this.samples.length < 2) return
    const [t0, s0] = this.samples[0]
    const [t1, s1] = this.samples[this.samples.length - 1]
    if (t1 <= t0) return
    const rate = (s1 - s0) / (t1 - t0) // bytes per ms
    const buffered = this.last.sent - rate * (now - this.firstSentAt)
    if (rate <= 0 || buffered <= 0) return
    this.buffered = Math.round(buffered)
    this.rate = rate * 1000
    this.graceMs = Math.round((DRAIN_SAFETY * buffered) / rate)
  }

  /** The answer began: whatever was buffered has arrived. */
  answered(): void {
    this.graceMs = 0
  }

  /** True while bytes of the body may still be leaving: the kernel's send queue is worth watching. */
  get uploading(): boolean {
    return this.firstSentAt !== undefined && (!this.bodyDone || this.graceMs > 0)
  }

  stalled(now: number): boolean {
    return now - this.lastMoveAt > this.timeoutMs + (this.bodyDone ? this.graceMs : 0)
  }
}

const hexPort = (port: number | undefined): string => (port ?? 0).toString(16).toUpperCase().padStart(4, '0')

/**
 * Bytes in the kernel's send queue of a TCP socket (sent but not yet acknowledged), from
 * /proc/net/tcp or tcp6 (the `tx_queue` column); undefined where that cannot be read (not Linux).
 */
export function sendQueueBytes(socket: Socket): number | undefined {
  if (process.platform !== 'linux' || !socket.localPort || !socket.remotePort) return undefined
  const local = `:${hexPort(socket.localPort)}`
  const remote = `:${hexPort(socket.remotePort)}`
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string
    try {
      text = readFileSync(table, 'latin1')
    } catch {
      return undefined
    }
    for (const line of text.split('\n')) {
      const f = line.trim().split(/\s+/)
      // sl local_address rem_address st tx_queue:rx_queue …; 01 = ESTABLISHED
      if (f[3] === '01' && f[1]?.endsWith(local) && f[2]?.endsWith(remote)) return parseInt(f[4].split(':')[0], 16)
    }
  }
  return undefined
}
