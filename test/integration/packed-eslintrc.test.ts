/* eslint-disable cprlint/no-cpr-number -- the new project holds a made-up number for ESLint to find */
// The eslintrc route as a user takes it: cprlint and eslint-plugin-cprlint packed with `npm pack`,
// installed with ESLint 8.57 (and with ESLint 9 in eslintrc mode) in a new project by the README's
// install line, configured with the README's own .eslintrc.cjs block, run on a planted number.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, temporaryTree } from '../temporary-tree.js';
import { INSTALL_TIMEOUT, pack, readmeBlock } from './packed.js';

describe('the README\'s eslintrc setup, from packed tarballs in a new project', () => {
  let tarballs: string[];
  beforeAll(() => {
    const into = temporaryTree();
    tarballs = [pack(ROOT, into), pack(path.join(ROOT, 'eslint-plugin-cprlint'), into)];
  }, INSTALL_TIMEOUT);

  it.each([
    ['ESLint 8.57', 'eslint@8.57.1', {}],
    ['ESLint 9 in eslintrc mode', 'eslint@9.39.5', { ESLINT_USE_FLAT_CONFIG: 'false' }],
  ])('%s finds the planted number', { timeout: INSTALL_TIMEOUT }, (_name, eslint, env) => {
    const project = temporaryTree({
      'package.json': JSON.stringify({ name: 'kommune-site', private: true }),
      '.eslintrc.cjs': readmeBlock('.eslintrc.cjs'),
      'src/side.jsx': 'export const Sag = () => <p title="CPR 150385-2000">Ansøgning</p>;\n',
    });
    // The README's install line, with the packed tarballs for the two packages not on this registry.
    const install = spawnSync('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', eslint, ...tarballs], { cwd: project, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/ERESOLVE/);
    const run = spawnSync(process.execPath, [path.join(project, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', 'src'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    // ESLint 9's own notice that eslintrc is deprecated is all it may say on standard error.
    expect(run.stderr.split('\n').filter((line) => line && !/ESLintRCWarning|--trace-warnings/.test(line))).toEqual([]);
    expect(run.status).toBe(1);
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[];
    expect(result!.messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`)).toEqual(['cprlint/no-cpr-number 1:40']);
  });
});
