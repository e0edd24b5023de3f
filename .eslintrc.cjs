// For ESLint 8.57, and ESLint 9 with ESLINT_USE_FLAT_CONFIG=false: cprlint's rules the eslintrc way.
// ESLint 9 and 10 read eslint.config.js instead.
module.exports = {
  root: true,
  plugins: ['cprlint'],
  extends: ['plugin:cprlint/legacy-recommended'],
  parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
  ignorePatterns: ['dist/', '.test-builds/', 'node_modules/', 'test/', 'fixtures/', 'bench/', 'docs/'],
};
