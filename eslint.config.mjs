// ESLint (flat config): typescript-eslint's recommended type-checked rules for the sources and the tests,
// jest's rules for the tests, Prettier owning the layout, and the one-output-path rule: only src/report/log.ts
// (output) and src/auth/github-oidc.ts (getIDToken) may import @actions/core.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import jest from 'eslint-plugin-jest'
import prettier from 'eslint-config-prettier'

const coreOnlyThrough = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: '@actions/core', message: 'Output goes through src/report/log.ts (and getIDToken through src/auth/github-oidc.ts).' }]
    }
  ]
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.ci/node24/**', 'examples/**', 'demo-out/**', 'tmp/**'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...coreOnlyThrough,
      // A chart reference renders itself (`host/repository:tag`) in messages.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allow: [
            { from: 'file', name: 'ChartReference', path: 'src/oci/reference.ts' },
            { from: 'lib', name: ['Error', 'URL', 'URLSearchParams'] }
          ]
        }
      ],
      // `async` on a method that implements a Promise-returning interface turns a synchronous throw into a rejection,
      // which the callers' error handling relies on; requiring an `await` in it would only invite `Promise.resolve` noise.
      '@typescript-eslint/require-await': 'off',
      // `let x!: T` assigned once later is read by closures created before the assignment.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_name` marks a parameter kept for a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
    }
  },
  {
    files: ['src/report/log.ts', 'src/auth/github-oidc.ts'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['__tests__/**/*.ts'],
    extends: [jest.configs['flat/recommended']],
    rules: {
      // Tests read what the registry, the runner files and the emulators return (JSON.parse: any) and assert on its
      // shape with expect(), which is the type check there; typing every parsed document would only add casts.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Push helpers assert too: the registry refuses a push without the right credential, and they throw.
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'assert*', 'push', 'pushSmall', 'loginAndPush'] }],
      // A test that needs Helm's golden files from a local checkout (HELM_SRC) is skipped without them;
      // one that needs tls.setDefaultCACertificates is skipped on a Node without it.
      'jest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['testWithVectors', 'testWithDefaultCa'] }]
    }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', Buffer: 'readonly', URL: 'readonly' }
    },
    rules: { ...coreOnlyThrough }
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  prettier
)
