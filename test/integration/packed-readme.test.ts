/* eslint-disable cprlint/no-cpr-number -- the new project holds a made-up number for every recipe to find */
// The README's recipes, run as written in a new project made from `npm pack`: the install lines,
// the command line, remark-cli's .remarkrc.json, the unified pipeline, the ESLint flat config and
// Eleventy's config (docs/integrations/eleventy.md). A recipe the README changes is what runs here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../made-documents.js';
import { ROOT, temporaryTree } from '../temporary-tree.js';
import { blockAfter, INSTALL_TIMEOUT, pack, readmeBlock } from './packed.js';

const PAGE = '# Ansøgning\n\nBarnets CPR-nummer: 150385-2000\n';
// The versions this repository tests with, so that the install is served from npm's cache.
const devVersion = (name: string): string => `${name}@${(JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version}`;

const run = (cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 300_000 });

describe('the README\'s recipes, from a packed tarball in a new project', () => {
  let project: string;
  beforeAll(() => {
    const tarball = pack(ROOT, temporaryTree());
    project = temporaryTree({
      'package.json': JSON.stringify({ name: 'kommune-site', private: true, type: 'module' }),
      'content/side.md': PAGE,
      'public/bilag/afgoerelse.pdf': makePdf([['Afgørelse'], ['Barnets CPR-nummer: 150385-2000']]),
    });
    // The Install section's line, with the tarball for the package this registry does not have.
    const installLine = blockAfter('## Install', 'sh').split('\n')[0]!;
    expect(installLine).toBe('npm install --save-dev cprlint');
    const others = ['eslint', '@eslint/markdown', 'typescript-eslint', 'remark-cli', 'unified', 'remark-parse', 'remark-rehype', 'rehype-stringify', '@11ty/eleventy'].map(devVersion);
    const install = run(project, 'npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', tarball, ...others]);
    expect(install.status, install.stderr).toBe(0);
  }, INSTALL_TIMEOUT);

  it('the command line: npx cprlint finds the number, in a PDF too, and exits 1', () => {
    // pdfjs ships inside cprlint; its optional native canvas is never installed.
    expect(fs.existsSync(path.join(project, 'node_modules', '@napi-rs', 'canvas'))).toBe(false);
    expect(fs.existsSync(path.join(project, 'node_modules', 'pdfjs-dist'))).toBe(false);
    // The command runs from its bundle, which ships the licences of the code bundled into it.
    const licences = fs.readFileSync(path.join(project, 'node_modules', 'cprlint', 'dist', 'bundle', 'THIRD_PARTY_LICENSES'), 'utf8');
    for (const bundled of ['micromark', 'unified', 'vscode-languageserver', 'jszip', 'picomatch']) expect(licences).toMatch(new RegExp(`^${bundled} \\d+\\.\\d+\\.\\d+ \\(`, 'm'));
    const scan = run(project, 'npx', ['cprlint']);
    expect(scan.status, scan.stderr).toBe(1);
    expect(scan.stderr).toBe('');
    expect(scan.stdout).toContain('public/bilag/afgoerelse.pdf');
    expect(scan.stdout).toContain('Page 2: CPR number 1503XX-XXXX');
    expect(scan.stdout).toContain('content/side.md');
    expect(scan.stdout).toContain('CPR number 1503XX-XXXX');
    expect(scan.stdout).not.toContain('150385-2000');
  });

  it('remark-cli with the README\'s .remarkrc.json exits 1', () => {
    const folder = fs.mkdtempSync(path.join(project, 'remark-'));
    fs.writeFileSync(path.join(folder, '.remarkrc.json'), blockAfter('**remark-cli**', 'json'));
    fs.writeFileSync(path.join(folder, 'side.md'), PAGE);
    const remark = run(folder, path.join(project, 'node_modules', '.bin', 'remark'), ['.', '--no-stdout']);
    expect(remark.status).toBe(1);
    expect(remark.stderr).toContain('no-cpr-number');
    expect(remark.stderr).not.toContain('150385-2000');
  });

  it('the unified pipeline throws the redacted error its comment shows', () => {
    const pipeline = blockAfter('**A unified pipeline**', 'js');
    fs.writeFileSync(path.join(project, 'pipeline.mjs'), `const markdown = ${JSON.stringify(PAGE)};\n${pipeline}`);
    const node = run(project, process.execPath, ['pipeline.mjs']);
    expect(node.status).toBe(1);
    expect(node.stderr).toContain('cprlint found 1 finding in page.md that must not be published: 3:21 no-cpr-number');
    expect(node.stderr).not.toContain('150385-2000');
  });

  it('ESLint with the README\'s eslint.config.mjs finds the number in Markdown and in TypeScript', () => {
    const folder = fs.mkdtempSync(path.join(project, 'eslint-'));
    fs.writeFileSync(path.join(folder, 'eslint.config.mjs'), readmeBlock('eslint.config.mjs'));
    fs.writeFileSync(path.join(folder, 'side.md'), PAGE);
    fs.writeFileSync(path.join(folder, 'kontakt.ts'), "export const cpr: string = 'CPR 150385-2000';\n");
    const eslint = run(folder, path.join(project, 'node_modules', '.bin', 'eslint'), ['--format', 'json', '.']);
    expect(eslint.status, eslint.stderr).toBe(1);
    const results = JSON.parse(eslint.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(Object.fromEntries(results.map((result) => [path.basename(result.filePath), result.messages.map((message) => message.ruleId)]))).toEqual({
      'eslint.config.mjs': [],
      'kontakt.ts': ['cprlint/no-cpr-number'],
      'side.md': ['cprlint/no-cpr-number'],
    });
  });

  it('Eleventy with docs/integrations/eleventy.md\'s config fails the build', () => {
    const folder = fs.mkdtempSync(path.join(project, 'eleventy-'));
    fs.writeFileSync(path.join(folder, 'eleventy.config.js'), readmeBlock('eleventy.config.js', 'docs/integrations/eleventy.md'));
    fs.writeFileSync(path.join(folder, 'side.md'), PAGE);
    const eleventy = run(folder, path.join(project, 'node_modules', '.bin', 'eleventy'), []);
    expect(eleventy.status).toBe(1);
    expect(eleventy.stdout + eleventy.stderr).toContain('cprlint found');
    expect(eleventy.stdout + eleventy.stderr).not.toContain('150385-2000');
  });
});
