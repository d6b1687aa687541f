/** The error a promise rejects with (fails the test when it resolves), for asserting on its fields. */
export async function caught(p: Promise<unknown>): Promise<Error> {
  try {
    await p
  } catch (e) {
    return e as Error
  }
  throw new Error('expected a rejection')
}
