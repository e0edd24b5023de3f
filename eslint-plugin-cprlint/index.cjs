// eslintrc configs (ESLint 8.57, and ESLint 9 with ESLINT_USE_FLAT_CONFIG=false) load a plugin by
// require()-ing `eslint-plugin-<name>` and read its `rules` and `configs`: this package is that
// name for cprlint's ESLint rules, which it takes from the cprlint package beside it (a peer).
// Flat configs import `cprlint/eslint` directly.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

function load() {
  try {
    return require('cprlint/eslint');
  } catch (error) {
    if (!error || error.code !== 'MODULE_NOT_FOUND') throw error;
    // Inside cprlint's own repository, where `cprlint` is not installed under node_modules.
    const inRepository = path.join(__dirname, '..', 'dist', 'src', 'front-ends', 'eslint.js');
    if (fs.existsSync(inRepository)) return require(inRepository);
    throw new Error('eslint-plugin-cprlint takes its rules from the cprlint package, which is not installed: npm install --save-dev cprlint');
  }
}

const plugin = load();
module.exports = { meta: plugin.meta, rules: plugin.rules, configs: plugin.configs };
