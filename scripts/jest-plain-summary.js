// Prints the plain closing line "N passed, N failed[, N skipped]" that CI log readers understand.
class PlainSummary {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    process.stdout.write(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`)
  }
}
module.exports = PlainSummary
