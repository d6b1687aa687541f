/** What in-process code wrote to stdout in this test file (captured by __tests__/support/environment.js, never printed). */
export function capturedOutput(): string {
  return ((globalThis as { __capturedOutput?: string[] }).__capturedOutput ?? []).join('')
}
