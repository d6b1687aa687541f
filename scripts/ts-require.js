// Loads TypeScript sources in plain Node, without a build step: the demo and benchmark scripts, and the action run
// from its sources (__tests__/support/run-sources.js). Transpiled output is cached by content hash, so only changed
// files pay for loading the TypeScript compiler.
const crypto = require('node:crypto')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')

const cacheDir = path.join(os.tmpdir(), 'hop-ts-cache')
let ts
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8')
  const key = crypto.createHash('sha256').update(filename).update('\0').update(source).digest('hex')
  const cached = path.join(cacheDir, `${key}.js`)
  let out
  try {
    out = fs.readFileSync(cached, 'utf8')
  } catch {
    ts ??= require('typescript')
    out = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: filename
    }).outputText
    fs.mkdirSync(cacheDir, { recursive: true })
    // Write then rename: parallel test workers never read a half-written file.
    const tmp = `${cached}.${process.pid}.tmp`
    fs.writeFileSync(tmp, out)
    fs.renameSync(tmp, cached)
  }
  module._compile(out, filename)
}
