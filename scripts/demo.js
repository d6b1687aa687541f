// The README's first line: runs the bundled action (dist/index.js) on an embedded default — the example
// chart in examples/demo-chart, published to a real Distribution registry started on 127.0.0.1 —
// then shows the outputs, the job summary and what an independent client (skopeo) reads back.
require('./ts-require')
const { execFileSync } = require('node:child_process')
const { mkdtempSync, rmSync } = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { startRegistry } = require('../__tests__/support/registry.ts')
const { runAction, ROOT } = require('../__tests__/support/action.ts')

async function main() {
  // Everything the run writes (the runner's files, the registry's storage) goes under one temp dir, removed at the end.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hop-demo-'))
  process.env.TMPDIR = tmp
  const registry = await startRegistry({ auth: 'none' })
  try {
    console.log(`Registry: http://${registry.host} (docker-registry on loopback)\n`)
    const run = await runAction(
      { charts: 'examples/demo-chart', registry: `oci://${registry.host}/demo`, sign: 'false', ...inputsFromEnv() },
      { workspace: ROOT, env: { SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH } }
    )
    process.stdout.write(run.stdout)
    process.stderr.write(run.stderr)
    console.log('\n--- outputs ---')
    for (const [k, v] of Object.entries(run.outputs)) console.log(`${k}=${v}`)
    console.log('\n--- job summary ---\n' + run.summary)
    if (run.code === 0 && run.outputs.tag) {
      const ref = `${registry.host}/demo/${run.outputs.name}:${run.outputs.tag}`
      console.log(`--- skopeo inspect --raw docker://${ref} ---`)
      console.log(execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`]).toString())
    }
    process.exitCode = run.code
  } finally {
    await registry.stop()
    rmSync(tmp, { recursive: true, force: true })
  }
}

// DEMO_<INPUT>=value overrides an input, e.g. DEMO_VERSION=v1.2.3 npm run demo
function inputsFromEnv() {
  const out = {}
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith('DEMO_')) out[k.slice(5).toLowerCase().replace(/_/g, '-')] = v
  return out
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})
