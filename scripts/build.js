// Builds dist/: the action's entry bundle, the sub-actions' entries (dist/promote, dist/migrate), the CLI's
// (dist/cli, the package's `bin`), and one bundle per heavy feature that src/lazy.ts loads on demand (signing pulls
// in sigstore-js and openpgp.js; a run that does not sign never parses them), and the deflate worker thread's script. Prints each bundle and its size.
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..')
const dist = path.join(root, 'dist')
fs.rmSync(dist, { recursive: true, force: true })
const ncc = (entry, out) =>
  execFileSync(
    process.execPath,
    [require.resolve('@vercel/ncc/dist/ncc/cli.js'), 'build', entry, '-o', out, '--license', 'licenses.txt', '--target', 'es2022', '--quiet'],
    { cwd: root, stdio: 'inherit' }
  )

const bundles = [
  ['src/main.ts', 'dist', 'the action (action.yml runs it)'],
  ['src/promote.ts', 'dist/promote', 'the promote sub-action (promote/action.yml)'],
  ['src/migrate.ts', 'dist/migrate', 'the migrate sub-action (migrate/action.yml)'],
  ['src/cli.ts', 'dist/cli', 'the CLI (npx helm-oci-publish)'],
  ['src/sign/sigstore.ts', 'dist/sign/sigstore', 'Sigstore signing, loaded when a run signs'],
  ['src/sign/helm-prov.ts', 'dist/sign/helm-prov', 'Helm .prov signing, loaded with gpg-private-key'],
  ['src/sign/verify.ts', 'dist/sign/verify', 'Sigstore verification, loaded by promote with require-signature-identity'],
  ['src/sign/github-attestations.ts', 'dist/sign/github-attestations', 'Octokit for the attestations API, loaded when attesting'],
  ['src/chart/deflate-worker.ts', 'dist/chart/deflate-worker', 'the deflate worker thread, started for charts over 1 MiB']
]
for (const [entry, out] of bundles) ncc(entry, out)
const cli = path.join(dist, 'cli', 'index.js')
if (!fs.readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node')) throw new Error(`${cli} lost its #! line`)
fs.chmodSync(cli, 0o755)

// Size of a bundle's own .js files (its index.js and the chunks ncc split off), not of the nested bundles.
const kib = (n) => `${(n / 1024).toFixed(0).padStart(6)} KiB`
const own = (dir) =>
  fs
    .readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + fs.statSync(path.join(root, dir, f)).size, 0)
let total = 0
for (const [entry, out, what] of bundles) {
  const size = own(out)
  total += size
  console.log(`${kib(size)}  ${path.join(out, 'index.js').padEnd(40)} ${entry.padEnd(32)} ${what}`)
}
console.log(`${kib(total)}  dist/ in all`)
