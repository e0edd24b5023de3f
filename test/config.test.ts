import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { ConfigError, forgetConfigs, loadConfig } from '../src/project/config.js';
import plugin from '../src/front-ends/eslint.js';
import remarkCprlint from '../src/front-ends/remark.js';
import { runCprlint, temporaryTree, type CliRun } from './temporary-tree.js';

const HEALTH = 'Jens Hansen har brystkræft.\n';
const CPR = 'CPR 150385-2000\n';

const tree = temporaryTree;
const cprlint = (args: string[], cwd: string): CliRun => runCprlint(args, { cwd });

/** "file rule" for every finding, from the JSON report. */
function found(cwd: string, args: string[] = []): string[] {
  const run = cprlint(['--format', 'json', ...args, '.'], cwd);
  return (JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[]).flatMap((file) =>
    file.messages.filter((message) => message.ruleId).map((message) => `${path.relative(cwd, file.filePath)} ${message.ruleId}`),
  );
}

const healthOff = { rules: { 'no-health-data': 'off' } };

describe('a configuration file, found from the scanned file upward', () => {
  it.each<[string, Record<string, string>]>([
    ['cprlint.config.json', { 'cprlint.config.json': JSON.stringify(healthOff) }],
    ['.cprlintrc.json', { '.cprlintrc.json': JSON.stringify(healthOff) }],
    ['cprlint.config.mjs', { 'cprlint.config.mjs': `export default ${JSON.stringify(healthOff)};` }],
    ['cprlint.config.js (CommonJS)', { 'cprlint.config.js': `module.exports = ${JSON.stringify(healthOff)};` }],
    ['package.json "cprlint"', { 'package.json': JSON.stringify({ name: 'site', cprlint: healthOff }) }],
  ])('%s', (_name, files) => {
    expect(found(tree({ ...files, 'a.md': HEALTH + CPR }))).toEqual(['a.md no-cpr-number']);
  });

  it('the nearest one governs a file', () => {
    const directory = tree({
      '.cprlintrc.json': JSON.stringify(healthOff),
      'a.md': HEALTH,
      'sub/.cprlintrc.json': JSON.stringify({ rules: { 'no-health-data': ['error', { mode: 'any' }] } }),
      'sub/b.md': HEALTH + '\nVi har et tilbud til borgere med demens.\n',
    });
    expect(found(directory)).toEqual(['sub/b.md no-health-data', 'sub/b.md no-health-data']);
  });

  it('a folder\'s own configuration governs its name, as it does the files in it', () => {
    const directory = tree({ 'sag-150385-2000/.cprlintrc.json': JSON.stringify({ rules: { 'no-cpr-number': 'off' } }), 'sag-150385-2000/a.md': 'Tekst.\n', 'sag-010190-1234/a.md': 'Tekst.\n' });
    // Paths are shown redacted.
    expect(found(directory)).toEqual(['sag-0101XX-XXXX no-cpr-number']);
  });

  it('--config names one for every file, and --rule goes over it', () => {
    const directory = tree({ 'a.md': HEALTH + CPR, 'sub/.cprlintrc.json': '{}', 'sub/b.md': HEALTH, 'other.json': JSON.stringify(healthOff) });
    expect(found(directory, ['--config', 'other.json'])).toEqual(['a.md no-cpr-number']);
    expect(found(directory, ['--config', 'other.json', '--rule', '{"no-cpr-number": "off", "no-health-data": "error"}'])).toEqual([
      'a.md no-health-data',
      'sub/b.md no-health-data',
    ]);
  });

  it('overrides set rules for some paths, and ignores leave files out', () => {
    const directory = tree({
      'cprlint.config.json': JSON.stringify({ ignores: ['drafts/**'], overrides: [{ files: ['docs/testdata/**'], rules: { 'no-cpr-number': 'off' } }] }),
      'docs/testdata/a.md': CPR,
      'docs/b.md': CPR,
      'drafts/c.md': CPR,
    });
    expect(found(directory)).toEqual(['docs/b.md no-cpr-number']);
  });

  it('sets the size limit', () => {
    const directory = tree({ '.cprlintrc.json': JSON.stringify({ maxFileSize: '1kB' }), 'a.md': `${'x'.repeat(2000)}\n${CPR}` });
    const [report] = JSON.parse(cprlint(['--format', 'json', '.'], directory).stdout);
    expect(report.messages[0].message).toMatch(/^Larger than the size limit/);
  });

  it('--print-config shows what applies to a file', () => {
    const directory = tree({ 'cprlint.config.json': JSON.stringify({ overrides: [{ files: ['docs/**'], rules: { 'no-health-data': 'warn' } }] }) });
    const run = cprlint(['--print-config', 'docs/a.md'], directory);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      configFile: path.join(directory, 'cprlint.config.json'),
      ignored: false,
      maxFileSize: 10 * 1024 * 1024,
      rules: { 'no-cpr-number': 'error', 'no-health-data': 'warn', 'no-named-complaint': 'error' },
    });
  });
});

describe('a mistake in a configuration file is exit 2 and one line naming the file and the key', () => {
  it.each<[string, Record<string, string>, string]>([
    ['an unknown key', { '.cprlintrc.json': '{"rulez": {}}' }, '.cprlintrc.json: unknown key "rulez" (known: rules, ignores, overrides, maxFileSize, allowlist)'],
    ['an unknown rule', { '.cprlintrc.json': '{"rules": {"no-such": "off"}}' }, '.cprlintrc.json: "rules": Unknown rule "no-such"'],
    ['a bad level', { '.cprlintrc.json': '{"rules": {"no-cpr-number": "loud"}}' }, '.cprlintrc.json: "rules": no-cpr-number: a rule is set to "off", "warn" or "error"'],
    ['a bad option', { '.cprlintrc.json': '{"rules": {"no-health-data": ["error", {"mode": "all"}]}}' }, 'option "mode" must be "identified" or "any"'],
    ['overrides without files', { '.cprlintrc.json': '{"overrides": [{"rules": {}}]}' }, '.cprlintrc.json: "overrides[0].files" must be a list of globs'],
    ['a bad size', { '.cprlintrc.json': '{"maxFileSize": "huge"}' }, '.cprlintrc.json: "maxFileSize" takes a size such as 10MB or 500kB'],
    ['broken JSON', { '.cprlintrc.json': '{"rules": ' }, 'Cannot read configuration'],
    ['a JavaScript file that throws', { 'cprlint.config.mjs': 'throw new Error("boom");' }, 'Cannot read configuration'],
    ['a package.json that is no JSON', { 'package.json': '{' }, 'package.json: not valid JSON'],
  ])('%s', (_name, files, message) => {
    const run = cprlint(['.'], tree({ ...files, 'a.md': CPR }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    // A value given is named, never echoed.
    expect(run.stderr).not.toMatch(/"all"|huge|loud/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing --config file', () => {
    const run = cprlint(['--config', 'nope.json', '.'], tree({ 'a.md': CPR }));
    expect(run).toMatchObject({ code: 2, stderr: expect.stringMatching(/^cprlint: Cannot read configuration .*nope\.json: no such file\n$/) });
  });
});

describe('the plugins and the ESLint pack read the same file', () => {
  const directory = tree({ '.cprlintrc.json': JSON.stringify({ rules: { 'no-health-data': 'off' }, ignores: ['drafts/**'] }) });

  it('the remark plugin, unless given rules explicitly', async () => {
    forgetConfigs();
    const run = async (file: string, options?: Parameters<typeof remarkCprlint>[0]) => {
      const processor = unified().use(remarkParse).use(remarkCprlint, { failOn: 'never', ...options });
      const vfile = new VFile({ path: path.join(directory, file), value: HEALTH + CPR });
      await processor.run(processor.parse(vfile), vfile);
      return vfile.messages.map((message) => message.ruleId);
    };
    expect(await run('a.md')).toEqual(['no-cpr-number']);
    expect(await run('drafts/b.md')).toEqual([]);
    expect(await run('a.md', { rules: {} })).toEqual(['no-health-data', 'no-cpr-number']);
  });

  it('the ESLint pack, unless the ESLint config gives the rule options', async () => {
    forgetConfigs();
    const lint = async (rules: Record<string, unknown>, file = 'a.js') => {
      const eslint = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.js'], plugins: { cprlint: plugin }, rules }] });
      const [result] = await eslint.lintText(`const s = ${JSON.stringify(HEALTH + CPR)};`, { filePath: path.join(directory, file) });
      return result!.messages.map((message) => message.ruleId);
    };
    const all = { 'cprlint/no-cpr-number': 'error', 'cprlint/no-health-data': 'error' };
    expect(await lint(all)).toEqual(['cprlint/no-cpr-number']);
    expect(await lint(all, 'drafts/b.js')).toEqual([]);
    expect(await lint({ ...all, 'cprlint/no-health-data': ['error', { mode: 'identified' }] })).toEqual(['cprlint/no-health-data', 'cprlint/no-cpr-number']);
  });
});

describe('a JavaScript configuration edited while a process runs (an editor\'s ESLint or language server)', () => {
  // Node keeps a module it has loaded: require's cache is not all of it (ESM is kept elsewhere).
  const later = (file: string, text: string): void => {
    fs.writeFileSync(file, text);
    const future = new Date(Date.now() + 60_000);
    fs.utimesSync(file, future, future);
  };

  it.each([
    ['cprlint.config.mjs', (level: string) => `import { level } from './level.mjs';\nexport default { rules: { 'no-health-data': level } };\n`, (level: string) => `export const level = '${level}';\n`, 'level.mjs'],
    ['cprlint.config.js', (level: string) => `module.exports = { rules: { 'no-health-data': require('./level.cjs') } };\n`, (level: string) => `module.exports = '${level}';\n`, 'level.cjs'],
  ])('%s, and the module it imports, are read afresh', (name, config, imported, importedName) => {
    const directory = tree({ [name]: config('off'), [importedName]: imported('off') });
    const file = path.join(directory, name);
    expect(loadConfig(file).config.rules).toEqual({ 'no-health-data': 'off' });
    later(path.join(directory, importedName), imported('warn'));
    later(file, config('warn'));
    expect(loadConfig(file).config.rules).toEqual({ 'no-health-data': 'warn' });
    // Told to forget (the language server is, when a configuration changes), it reads the file again too.
    later(path.join(directory, importedName), imported('error'));
    forgetConfigs();
    expect(loadConfig(file).config.rules).toEqual({ 'no-health-data': 'error' });
  });

  it('an edit that breaks it, or makes it export what is not data, is a configuration error that names the file', () => {
    const directory = tree({ 'cprlint.config.mjs': 'export default { rules: {} };\n' });
    const file = path.join(directory, 'cprlint.config.mjs');
    loadConfig(file);
    later(file, 'throw new Error("boom");\n');
    expect(() => loadConfig(file)).toThrow(new ConfigError(`Cannot read configuration ${file}: boom`, file));
    later(file, 'export default { rules: {}, ignores: () => [] };\n');
    expect(() => loadConfig(file)).toThrow(/^Cannot read configuration .*cprlint\.config\.mjs: it holds values that are not data/);
    // One that ends the process reading it is an error at once, and this process goes on.
    later(file, 'process.exit(3);\n');
    expect(() => loadConfig(file)).toThrow(/^Cannot read configuration .*: it ended the process that read it$/);
  });

  it('a transpiled CommonJS configuration (exports.default) reads the same after an edit as at first', () => {
    const transpiled = (level: string) => `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.default = { rules: { 'no-health-data': '${level}' } };\n`;
    const directory = tree({ 'cprlint.config.js': transpiled('off') });
    const file = path.join(directory, 'cprlint.config.js');
    expect(loadConfig(file).config.rules).toEqual({ 'no-health-data': 'off' });
    later(file, transpiled('warn'));
    expect(loadConfig(file).config.rules).toEqual({ 'no-health-data': 'warn' });
  });
});
