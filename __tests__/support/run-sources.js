// Preload for running the action from its TypeScript sources (`node -r <this> src/main.ts`): the action tests use it
// when dist/ is older than src/, so a plain `npm test` after an edit tests the edit. The hook is the scripts' own.
require('../../scripts/ts-require')
