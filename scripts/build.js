// Builds dist/: the action's entry bundle, the sub-actions' entries, and one bundle per heavy feature that src/lazy.ts loads on demand
// (signing pulls in sigstore-js and openpgp.js; a run that does not sign never parses them).
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

ncc('src/main.ts', 'dist')
// The sub-actions (promote/action.yml, migrate/action.yml) run dist/<name>/index.js and share the lazy bundles.
for (const sub of ['promote', 'migrate']) ncc(`src/${sub}.ts`, `dist/${sub}`)
for (const lazy of ['sign/sigstore', 'sign/helm-prov', 'sign/verify']) ncc(`src/${lazy}.ts`, `dist/${lazy}`)
