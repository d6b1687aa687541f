/**
 * Loading heavy features only when a run needs them. The signing code
 * (sigstore-js and its HTTP stack, openpgp.js, Octokit) is built into its own bundles
 * under dist/ (see `npm run build`), so a run that does not sign never parses
 * it; from the TypeScript sources (tests) the same call loads the module.
 * Worker threads (the deflate worker) start from their bundle the same way.
 */
import { existsSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { Worker } from 'node:worker_threads'

declare const __non_webpack_require__: NodeJS.Require | undefined

/** Modules that have a bundle of their own: path under src/ (and dist/) without extension. */
export type LazyModule = 'sign/sigstore' | 'sign/helm-prov' | 'sign/verify' | 'sign/github-attestations' | 'chart/deflate-worker'

// Inside the ncc bundle webpack's own require cannot reach files it did not bundle.
const load = typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require

/** Where a lazy module is: its bundle directory under dist/, or its TypeScript source without `.ts`. */
function lazyPath(name: LazyModule): string {
  // Sub-action and CLI entries (dist/promote/, dist/migrate/, dist/cli/) share the bundles one level up.
  const here = path.join(__dirname, name)
  const up = path.join(__dirname, '..', name)
  return existsSync(here) || existsSync(`${here}.ts`) || !existsSync(up) ? here : up
}

export function loadLazy<T>(name: LazyModule): T {
  return load(lazyPath(name)) as T
}

/** A worker's TypeScript source and the local modules it imports, transpiled once in this thread. */
const transpiled = new Map<string, Record<string, string>>()
function transpile(entry: string, out: Record<string, string> = {}): Record<string, string> {
  const ts = load('typescript') as typeof import('typescript')
  const source = readFileSync(entry, 'utf8')
  out[entry] = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: entry
  }).outputText
  for (const m of source.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
    const dep = `${path.resolve(path.dirname(entry), m[1])}.ts`
    // Only the project's own TypeScript; a relative import of a package's file (deflate-worker.ts) is required as it is.
    if (!(dep in out) && existsSync(dep)) transpile(dep, out)
  }
  return out
}

/** Starts a worker thread running a lazy module: its bundle, or (from the sources) the TypeScript transpiled in this thread. */
export function startLazyWorker(name: LazyModule): Worker {
  const where = lazyPath(name)
  if (!existsSync(`${where}.ts`)) return new Worker(path.join(where, 'index.js'))
  // Loading the TypeScript compiler in every worker would cost about a second each.
  if (!transpiled.has(where)) transpiled.set(where, transpile(`${where}.ts`))
  const code = `const s = require('node:worker_threads').workerData; require.extensions['.ts'] = (m, f) => m._compile(s[f], f); require(${JSON.stringify(`${where}.ts`)})`
  return new Worker(code, { eval: true, workerData: transpiled.get(where) })
}
