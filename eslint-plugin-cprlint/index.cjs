// eslintrc configs (ESLint 8.57, and ESLint 9 with ESLINT_USE_FLAT_CONFIG=false) load a plugin by
// require()-ing `eslint-plugin-<name>` and read its `rules` and `configs`: this package is that
// name for cprlint's ESLint rules. Flat configs import `cprlint/eslint` directly.
'use strict';

function load() {
  try {
    return require('cprlint/eslint');
  } catch (error) {
    // Inside cprlint's own repository, where `cprlint` is not installed under node_modules.
    if (error && error.code === 'MODULE_NOT_FOUND') return require('../dist/src/front-ends/eslint.js');
    throw error;
  }
}

const plugin = load();
module.exports = { meta: plugin.meta, rules: plugin.rules, configs: plugin.configs };
