// The project lints itself with ESLint 10: typescript-eslint's recommended rules, and cprlint's own
// pack on its code and its Markdown. (.eslintrc.cjs is the same pack for eslintrc users.)
import markdown from '@eslint/markdown';
import cprlint from 'cprlint/eslint';
import tseslint from 'typescript-eslint';

export default [
  // Tests, fixtures, the benchmark's site and the rule pages hold made-up numbers on purpose.
  { ignores: ['dist/', '.test-builds/', 'node_modules/', 'test/', 'fixtures/', 'bench/', 'docs/', 'README.md'] },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
  { ...cprlint.configs.recommended, languageOptions: { parser: tseslint.parser } },
  { files: ['**/*.md'], plugins: { markdown } },
  cprlint.configs.markdown,
];
