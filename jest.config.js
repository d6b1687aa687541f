/** @type {import('jest').Config} */
module.exports = {
  // Per test file: its own temp root (removed after), no runner variables, stdout captured (see the file).
  testEnvironment: '<rootDir>/__tests__/support/environment.js',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  // Integration tests start real registries and child processes.
  testTimeout: 120000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/scripts/jest-plain-summary.js']
}
