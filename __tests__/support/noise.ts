/** Deterministic pseudo-random bytes (a linear congruential generator): incompressible, the same on every run. */
export function pseudoRandom(size: number, seed: number): Buffer {
  const b = Buffer.alloc(size)
  let x = seed
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    b[i] = x >>> 16
  }
  return b
}
