import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import json from '@eslint/json';
import markdown from '@eslint/markdown';
import { ESLint } from 'eslint';
import { ESLint as ESLint8 } from 'eslint-v8';
import { LegacyESLint } from 'eslint-v9/use-at-your-own-risk';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin, { CODE_FILES } from '../src/front-ends/eslint.js';
import { runsHere, temporaryTree } from './temporary-tree.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const at = (messages: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number }[]) =>
  messages.map((message) => `${message.ruleId} ${message.line}:${message.column}-${message.endLine}:${message.endColumn}`);

describe('the editor path: ESLint’s Node API on unsaved text, as VS Code’s ESLint extension uses it', () => {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      { ...plugin.configs.recommended, languageOptions: { parser: tseslint.parser } },
      { files: ['**/*.md'], plugins: { markdown } },
      plugin.configs.markdown,
    ],
  });

  it('a .tsx buffer', async () => {
    const text = [
      "import logo from './ansoegning_150385-2000.png';",
      'export function Sag() {',
      '  return <p title="CPR 150385-2000">Jens Hansen har brystkræft.</p>;',
      '}',
    ].join('\n');
    const [result] = await eslint.lintText(text, { filePath: 'src/pages/not-on-disk.tsx' });
    expect(at(result!.messages)).toEqual(['cprlint/no-cpr-number 3:24-3:35', 'cprlint/no-health-data 3:53-3:63']);
  });

  it('ESLint’s own disable comments silence the pack’s rules, in code and in Markdown', async () => {
    const code = '// eslint-disable-next-line cprlint/no-cpr-number -- made-up test data\nconst a = "CPR 150385-2000";\nconst b = "CPR 150385-2019";\n';
    const [js] = await eslint.lintText(code, { filePath: 'src/not-on-disk.ts' });
    expect(at(js!.messages)).toEqual(['cprlint/no-cpr-number 3:16-3:27']);
    const markdownText = '<!-- eslint-disable-next-line cprlint/no-cpr-number -- made-up test data -->\nCPR 150385-2000\n\nCPR 150385-2019\n';
    const [md] = await eslint.lintText(markdownText, { filePath: 'content/not-on-disk.md' });
    expect(at(md!.messages)).toEqual(['cprlint/no-cpr-number 4:5-4:16']);
  });

  it('a .md buffer', async () => {
    const text = '# Referat\n\nKlage fra Jens Hansen over hjemmeplejen.\n\nBarnets cpr-nummer: 150385 2000\n';
    const [result] = await eslint.lintText(text, { filePath: 'content/not-on-disk.md' });
    expect(at(result!.messages)).toEqual(['cprlint/no-named-complaint 3:1-3:6', 'cprlint/no-cpr-number 5:21-5:32']);
  });

  it('an .mdx buffer, JSX through the rules and prose through mdx/remark with .remarkrc.json', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-mdx-'));
    fs.mkdirSync(path.join(folder, 'node_modules'));
    fs.symlinkSync(ROOT, path.join(folder, 'node_modules', 'cprlint'));
    fs.writeFileSync(path.join(folder, '.remarkrc.json'), JSON.stringify({ plugins: [['cprlint/remark', { failOn: 'never' }]] }));
    const text = '# Sag\n\nKlage fra Jens Hansen over hjemmeplejen.\n\n<Ansoeger cpr="060384-2855" />\n';
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'fixtures/eslint/lint-mdx.mjs'), path.join(ROOT, 'node_modules/eslint/lib/api.js'), path.join(ROOT, 'node_modules/eslint-plugin-mdx/lib/index.js')],
      { cwd: folder, input: text, encoding: 'utf8' },
    );
    fs.rmSync(folder, { recursive: true, force: true });
    expect(run.stderr).toBe('');
    expect(at(JSON.parse(run.stdout))).toEqual([
      // Prose, through mdx/remark: the remark plugin's messages, named `<source>-<ruleId>`.
      'cprlint-no-named-complaint 3:1-3:6',
      // The JSX attribute, through both paths.
      'cprlint-no-cpr-number 5:16-5:27',
      'cprlint/no-cpr-number 5:16-5:27',
    ]);
  });
});

describe('eslintrc configs load the pack as plugins: ["cprlint"] with .eslintrc.cjs', () => {
  const code = 'const note = "Barnets cpr-nummer: 150385-2000";\n';
  const expected = ['cprlint/no-cpr-number 1:35-1:46'];

  it('on ESLint 8.57', async () => {
    const eslint = new ESLint8({ cwd: ROOT, useEslintrc: true });
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, 'src/not-on-disk.js') });
    expect(at(result!.messages)).toEqual(expected);
  });

  it('on ESLint 9’s command line with ESLINT_USE_FLAT_CONFIG=false', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/eslint-v9/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', 'src/not-on-disk.js'], {
      cwd: ROOT,
      input: code,
      encoding: 'utf8',
      env: { ...process.env, ESLINT_USE_FLAT_CONFIG: 'false' },
    });
    const [result] = JSON.parse(run.stdout);
    expect(at(result.messages)).toEqual(expected);
    // The messages hold only the redacted value. (ESLint's json formatter also copies the file as
    // `source`: that is ESLint's, and the README warns about it.)
    const messages = JSON.stringify(result.messages);
    expect(messages).not.toContain('150385-2000');
    expect(messages).toContain('1503XX-XXXX');
  });

  it('on ESLint 9 in eslintrc mode', async () => {
    const eslint = new LegacyESLint({ cwd: ROOT, useEslintrc: true });
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, 'src/not-on-disk.js') });
    expect(at(result!.messages)).toEqual(expected);
  });
});

describe('configs', () => {
  it('recommended is a flat config for code files, also as flat/recommended', () => {
    expect(plugin.configs.recommended).toMatchObject({ name: 'cprlint/recommended', files: CODE_FILES, plugins: { cprlint: plugin } });
    expect(plugin.configs['flat/recommended']).toBe(plugin.configs.recommended);
  });

  it('markdown is a flat config for Markdown', () => {
    expect(plugin.configs.markdown).toMatchObject({ files: ['**/*.md'], language: 'markdown/gfm', plugins: { cprlint: plugin } });
  });

  it('legacy-recommended is an eslintrc config whose rules are limited to code files', () => {
    expect(plugin.configs['legacy-recommended']).toEqual({
      plugins: ['cprlint'],
      overrides: [{ files: CODE_FILES.map((glob) => glob.replace('**/', '*')), rules: expect.any(Object) }],
    });
  });

  it('every rule has meta ESLint and editors read', () => {
    for (const [id, rule] of Object.entries(plugin.rules)) {
      expect(rule.meta).toMatchObject({
        type: 'problem',
        docs: { description: expect.any(String), url: expect.stringMatching(new RegExp(`docs/rules/${id}\\.md$`)) },
        messages: expect.objectContaining({ finding: '{{message}}' }),
        schema: [expect.objectContaining({ type: 'object', additionalProperties: false })],
        defaultOptions: [{ minConfidence: 'medium' }],
        hasSuggestions: true,
      });
    }
  });
});

describe('ESLint in an editor, as it runs for hours', () => {
  it('@eslint/json files are read through configs.json, as the CLI reads JSON', async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.json'], plugins: { json } }, plugin.configs.json] });
    const [result] = await eslint.lintText('{\n  "titel": "Sag",\n  "cpr": "150385-2000"\n}\n', { filePath: 'data/not-on-disk.json' });
    expect(at(result!.messages)).toEqual(['cprlint/no-cpr-number 3:11-3:22']);
  });

  it('a change to cprlint\'s configuration takes effect in the same ESLint, without a restart', async () => {
    const folder = temporaryTree({ 'side.md': 'CPR 150385-2000\n', '.cprlintrc.json': '{"rules": {"no-cpr-number": "error"}}\n' });
    const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.md'], plugins: { markdown } }, plugin.configs.markdown] });
    const lint = async (): Promise<string[]> => at((await eslint.lintFiles(['side.md']))[0]!.messages);
    expect(await lint()).toEqual(['cprlint/no-cpr-number 1:5-1:16']);
    const configFile = path.join(folder, '.cprlintrc.json');
    fs.writeFileSync(configFile, '{"rules": {"no-cpr-number": "off"}}\n');
    // A later modification time, as an editor's save gives, whatever the file system's clock granularity.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(configFile, later, later);
    expect(await lint()).toEqual([]);
  });

  it('a typed eslint.config.ts with defineConfig compiles with the pack\'s configs', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'fixtures/typed-eslint-config')], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('the project lints itself with eslint.config.js, which uses the pack', () => {
  it('is clean', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '.'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

// ../shared/corpus/dev beside the repository: the pack must find every CPR number the CLI finds in its TSX.
const CORPUS_PAGES = path.resolve(ROOT, '..', 'shared', 'corpus', 'dev', 'site', 'src', 'pages');

describe.skipIf(!runsHere(fs.existsSync(CORPUS_PAGES), `${CORPUS_PAGES} is not on this machine`))('the dev corpus’s TSX files', () => {
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-corpus-tsx-'));
  afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

  it('the pack finds every CPR number the CLI finds there', async () => {
    const report = path.join(temporary, 'report.json');
    spawnSync(process.execPath, [path.join(ROOT, 'bin/cprlint.js'), '--format', 'json', '-o', report, CORPUS_PAGES]);
    const byCli = (JSON.parse(fs.readFileSync(report, 'utf8')) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[])
      .flatMap((file) => file.messages.filter((message) => message.ruleId === 'no-cpr-number').map((message) => `${path.basename(file.filePath)} ${message.line}:${message.column}`));
    const eslint = new ESLint({ cwd: CORPUS_PAGES, overrideConfigFile: true, overrideConfig: [{ ...plugin.configs.recommended, languageOptions: { parser: tseslint.parser } }] });
    const results = await eslint.lintFiles(['*.tsx']);
    const byPack = results.flatMap((file) =>
      file.messages.filter((message) => message.ruleId === 'cprlint/no-cpr-number').map((message) => `${path.basename(file.filePath)} ${message.line}:${message.column}`),
    );
    expect(byCli.length).toBeGreaterThan(0);
    expect(byCli.filter((finding) => !byPack.includes(finding))).toEqual([]);
  });
});
