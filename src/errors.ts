/**
 * Typed errors. Every failure the action reports names what it is about
 * (a chart, a file, a registry) and what the user should do, so that the
 * annotation alone is enough to fix the workflow.
 */

export interface ErrorContext {
  /** Chart name or chart path the error is about. */
  chart?: string
  /** File (relative to the workspace where possible) for the annotation. */
  file?: string
  /** Registry host or reference involved. */
  registry?: string
  /** What to do about it, one sentence. */
  hint?: string
  cause?: unknown
}

/**
 * Lazily loaded bundles (src/lazy.ts) carry their own copy of these classes,
 * so `instanceof` goes by the class names recorded on the error, not by identity.
 */
const KINDS = Symbol.for('helm-oci-publish.error-kinds')

export class PublishError extends Error {
  static override [Symbol.hasInstance](x: unknown): boolean {
    const kinds = (x as { [KINDS]?: string[] } | null | undefined)?.[KINDS]
    return Array.isArray(kinds) && kinds.includes(this.name)
  }

  readonly chart?: string
  readonly file?: string
  readonly registry?: string
  readonly hint?: string

  constructor(message: string, ctx: ErrorContext = {}) {
    super(message, ctx.cause === undefined ? undefined : { cause: ctx.cause })
    this.name = new.target.name
    const kinds: string[] = []
    for (let c: abstract new (...args: never[]) => unknown = new.target; c && c !== Error; c = Object.getPrototypeOf(c) as typeof c) kinds.push(c.name)
    Object.defineProperty(this, KINDS, { value: kinds })
    this.chart = ctx.chart
    this.file = ctx.file
    this.registry = ctx.registry
    this.hint = ctx.hint
  }

  /** The message as shown in the log and the annotation, hint included. */
  describe(): string {
    // Network failures name the chart inside their sentence ("… while publishing chart `x`").
    const where = this.chart && !this.message.includes(`chart \`${this.chart}\``) ? `chart ${this.chart}: ` : ''
    return `${where}${this.message}${this.hint ? `. ${this.hint}` : ''}`
  }
}

/** The action's inputs are wrong or contradict each other. */
export class InputError extends PublishError {}
/** A chart cannot be loaded, validated or packaged the way Helm would. */
export class ChartError extends PublishError {}
/** The registry refused or failed a request. */
export class RegistryError extends PublishError {
  readonly status?: number
  readonly code?: string
  constructor(message: string, ctx: ErrorContext & { status?: number; code?: string } = {}) {
    super(message, ctx)
    this.status = ctx.status
    this.code = ctx.code
  }
}
/** Logging in failed (OIDC token, cloud token exchange, registry credential). */
export class AuthError extends PublishError {}
/** Signing or attesting failed. */
export class SignError extends PublishError {}

export function errorMessage(err: unknown): string {
  if (err instanceof PublishError) return err.describe()
  if (err instanceof Error) return err.message
  return String(err)
}
