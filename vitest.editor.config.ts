import { defineConfig } from 'vitest/config';

// `npm run test:editor`: the extension in a real VS Code (code-server), driven by a browser. Slow:
// installing its tools takes minutes the first time (they are kept in ~/.cache/cprlint-editor).
export default defineConfig({
  test: {
    include: ['test/editor/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results-editor.json' }]],
    testTimeout: 600_000,
    hookTimeout: 1_200_000,
  },
});
