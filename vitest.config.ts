import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real-VS-Code suite is slow: `npm run test:editor` runs it (vitest.editor.config.ts).
    exclude: ['test/editor/**', '**/node_modules/**'],
    // The JSON report is what .ci/run counts; the default reporter is what people read.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
