// A measured child: lints every .ts file under a directory once through ESLint's Node API, with
// typescript-eslint's parser and its recommended rules (not type-checked), alone or with
// cprlint's recommended config added, and writes what ESLint reported to a JSON file.
//
//   node bench/eslint-lint-once.js baseline|with-cprlint <directory> <summary.json> [--stats]
//
// With --stats, ESLint times each file's parsing and each rule itself; that costs time of its
// own, so the measured runs go without it.
import { writeFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const TYPESCRIPT_FILES = ['**/*.ts'];

// typescript-eslint's recommended configs, each narrowed to the TypeScript files: its base config
// has no `files` of its own and would otherwise apply to every file ESLint lints.
const baseline = tseslint.configs.recommended.map((config) => ({ ...config, files: TYPESCRIPT_FILES }));

// The pack is loaded only when it is used, so that the baseline does not pay for loading it.
const CONFIGS = {
  baseline: async () => ({ config: baseline }),
  'with-cprlint': async () => {
    const started = performance.now();
    const { default: cprlint } = await import('cprlint/eslint');
    const loadMs = performance.now() - started;
    const pack = { ...cprlint.configs.recommended, files: TYPESCRIPT_FILES, languageOptions: { parser: tseslint.parser } };
    return { config: [...baseline, pack], loadMs };
  },
};

const [configuration, root, summaryFile, ...flags] = process.argv.slice(2);
if (!Object.hasOwn(CONFIGS, configuration) || !root || !summaryFile) {
  process.stderr.write('Usage: node bench/eslint-lint-once.js baseline|with-cprlint <directory> <summary.json> [--stats]\n');
  process.exitCode = 2;
} else {
  const { config, loadMs } = await CONFIGS[configuration]();
  const stats = flags.includes('--stats');
  const eslint = new ESLint({
    cwd: root,
    // Only the config above: no eslint.config.js is looked up, in the folder or above it.
    overrideConfigFile: true,
    overrideConfig: config,
    cache: false,
    // One thread, as ESLint lints by default; the comparison is of work done, not of parallelism.
    concurrency: 'off',
    stats,
  });
  const results = await eslint.lintFiles(['.']);

  const byRule = {};
  const rulesMs = {};
  let parseMs = 0;
  for (const result of results) {
    for (const message of result.messages) {
      // A message without a rule is a parsing error or an unused disable directive.
      const ruleId = message.ruleId ?? (message.fatal ? '(parsing error)' : '(no rule)');
      byRule[ruleId] = (byRule[ruleId] ?? 0) + 1;
    }
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse.total;
      for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) rulesMs[ruleId] = (rulesMs[ruleId] ?? 0) + total;
    }
  }
  const count = (field) => results.reduce((sum, result) => sum + result[field], 0);
  const summary = {
    files: results.length,
    errors: count('errorCount'),
    warnings: count('warningCount'),
    fatal: count('fatalErrorCount'),
    byRule,
    loadMs,
    ...(stats && { parseMs, rulesMs }),
  };
  writeFileSync(summaryFile, JSON.stringify(summary));
}
