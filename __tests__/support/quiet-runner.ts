/**
 * Jest setup (product project): in-process code under test talks to "the runner" through @actions/core, which
 * writes workflow commands (`::add-mask::`, `::debug::`...) to stdout. A terminal is no runner: drop those lines so
 * no test prints them. Tests that check them replace process.stdout.write themselves and still see every line.
 */
const QUIET = Symbol.for('helm-oci-publish.quiet-runner')
const out = process.stdout as NodeJS.WriteStream & { [QUIET]?: boolean }
if (!out[QUIET]) {
  const write = out.write.bind(out) as (chunk: unknown, ...rest: unknown[]) => boolean
  out.write = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) return write(chunk, ...rest)
    const kept = String(chunk)
      .split(/(?<=\n)/)
      .filter((line) => !line.startsWith('::'))
      .join('')
    return kept ? write(kept, ...rest) : true
  }
  out[QUIET] = true
}
