// Prints the plain closing line "N passed, N failed[, N skipped]" that CI log readers understand, preceded by the
// same counts per jest project ("product" tests the action, "harness" tests the test harness) when there are several.
const counts = (list) => {
  const c = { passed: 0, failed: 0, skipped: 0 }
  for (const r of list) {
    c.passed += r.numPassingTests
    c.failed += r.numFailingTests
    c.skipped += r.numPendingTests + r.numTodoTests
  }
  return c
}
const line = (c) => `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`

class PlainSummary {
  onRunComplete(_contexts, results) {
    const byProject = new Map()
    for (const r of results.testResults) {
      const name = r.displayName?.name ?? ''
      byProject.set(name, [...(byProject.get(name) ?? []), r])
    }
    if (byProject.size > 1) {
      const parts = [...byProject].sort(([a], [b]) => b.localeCompare(a)).map(([name, list]) => `${name || 'tests'}: ${line(counts(list))}`)
      process.stdout.write(`\n${parts.join('; ')}`)
    }
    const skipped = results.numPendingTests + results.numTodoTests
    process.stdout.write(`\n${line({ passed: results.numPassedTests, failed: results.numFailedTests, skipped })}\n`)
  }
}
module.exports = PlainSummary
