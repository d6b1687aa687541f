/**
 * Loading heavy features only when a run needs them. The signing code
 * (sigstore-js and its HTTP stack, openpgp.js, Octokit) is built into its own bundles
 * under dist/ (see `npm run build`), so a run that does not sign never parses
 * it; from the TypeScript sources (tests) the same call loads the module.
 */
import { existsSync } from 'node:fs'
import * as path from 'node:path'

declare const __non_webpack_require__: NodeJS.Require | undefined

/** Modules that have a bundle of their own: path under src/ (and dist/) without extension. */
export type LazyModule = 'sign/sigstore' | 'sign/helm-prov' | 'sign/verify' | 'sign/github-attestations'

export function loadLazy<T>(name: LazyModule): T {
  // Inside the ncc bundle webpack's own require cannot reach files it did not bundle.
  const load = typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require
  // Sub-action and CLI entries (dist/promote/, dist/migrate/, dist/cli/) share the bundles one level up.
  const here = path.join(__dirname, name)
  const up = path.join(__dirname, '..', name)
  return load(existsSync(here) || existsSync(`${here}.ts`) || !existsSync(up) ? here : up) as T
}
