// The test environment (jest-environment-node) with three duties per test file, so that a green run is quiet and
// leaves nothing behind, without any test having to remember it:
// - a temp root of its own (TMPDIR, which os.tmpdir() and child processes read), removed after the file;
// - no runner variables from the machine running jest (GITHUB_*, RUNNER_*, ACTIONS_*, INPUT_*) but GITHUB_ACTIONS=true,
//   so a test behaves the same on a laptop and inside a GitHub Actions job;
// - what in-process code writes to stdout (log lines, workflow commands) is captured, not printed: tests read it
//   with capturedOutput() from __tests__/support/output.ts, and it is printed after all when a test of the file failed.
const { TestEnvironment } = require('jest-environment-node')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')

const RUNNER_VARS = /^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)/

class QuietEnvironment extends TestEnvironment {
  async setup() {
    await super.setup()
    this.savedEnv = { ...process.env }
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hop-test-'))
    for (const env of [process.env, this.global.process.env]) {
      for (const k of Object.keys(env)) if (RUNNER_VARS.test(k)) delete env[k]
      // In-process code runs as it does in the action, on a runner (masks and annotations as workflow commands);
      // the CLI tests spawn with an environment of their own.
      env.GITHUB_ACTIONS = 'true'
      env.TMPDIR = this.tmp
    }
    this.output = []
    this.failed = false
    this.write = process.stdout.write
    process.stdout.write = (chunk, encoding, cb) => {
      this.output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString())
      if (typeof encoding === 'function') encoding()
      else if (typeof cb === 'function') cb()
      return true
    }
    this.global.__capturedOutput = this.output
  }

  handleTestEvent(event) {
    if (event.name === 'test_done' && event.test.errors.length) this.failed = true
  }

  async teardown() {
    process.stdout.write = this.write
    if (this.failed && this.output.length) process.stderr.write(`\n--- stdout of the failed test file ---\n${this.output.join('')}--- end ---\n`)
    for (const k of Object.keys(process.env)) if (!(k in this.savedEnv)) delete process.env[k]
    Object.assign(process.env, this.savedEnv)
    fs.rmSync(this.tmp, { recursive: true, force: true })
    await super.teardown()
  }
}

module.exports = QuietEnvironment
