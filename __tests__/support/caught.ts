/** The error a promise rejects with (fails the test when it resolves), for asserting on its fields. */
export async function caught<E extends Error = Error>(p: Promise<unknown>): Promise<E> {
  try {
    await p
  } catch (e) {
    return e as E
  }
  throw new Error('expected a rejection')
}

/** The error `fn` throws (fails the test when it returns). */
export function thrown<E extends Error = Error>(fn: () => unknown): E {
  try {
    fn()
  } catch (e) {
    return e as E
  }
  throw new Error('expected a throw')
}
