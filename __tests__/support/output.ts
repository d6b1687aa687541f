/** What in-process code wrote to stdout in this test file (captured by __tests__/support/environment.js, never printed). */
export function capturedOutput(): string {
  return ((globalThis as { __capturedOutput?: string[] }).__capturedOutput ?? []).join('')
}

/** The `::add-mask::` values written to stdout while `fn` runs (nothing is printed), and what `fn` threw. */
export async function maskedDuring<T>(fn: () => Promise<T>): Promise<{ masked: string[]; value?: T; error?: Error }> {
  let out = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = (chunk: unknown): boolean => {
    out += String(chunk)
    return true
  }
  let value: T | undefined
  let error: Error | undefined
  try {
    value = await fn()
  } catch (e) {
    error = e as Error
  } finally {
    process.stdout.write = write
  }
  const masked = out
    .split(/\r?\n/)
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length))
  return { masked, value, error }
}
