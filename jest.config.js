// Two projects: "product" tests the action; "harness" tests the test harness itself (__tests__/support/*.test.ts:
// registries, emulators, the Sigstore stand-in), reported apart so they are not counted as product tests.
const project = {
  // Per test file: its own temp root (removed after), no runner variables, stdout captured (see the file).
  testEnvironment: '<rootDir>/__tests__/support/environment.js',
  transform: { '^.+\\.ts$': 'ts-jest' }
}

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...project,
      displayName: 'product',
      roots: ['<rootDir>/__tests__'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/__tests__/support/'],
      setupFiles: ['<rootDir>/__tests__/support/quiet-runner.ts']
    },
    { ...project, displayName: 'harness', roots: ['<rootDir>/__tests__/support'], testMatch: ['**/*.test.ts'] }
  ],
  // Integration tests start real registries and child processes.
  testTimeout: 120000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/scripts/jest-plain-summary.js']
}
