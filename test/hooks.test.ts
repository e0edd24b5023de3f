import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, git, gitRepository, ROOT, runsHere } from './temporary-tree.js';

/** A git repository with files staged, and `cprlint` installed as a project would have it. */
function repository(files: Record<string, string>): string {
  const directory = gitRepository(files);
  fs.mkdirSync(path.join(directory, 'node_modules/.bin'), { recursive: true });
  fs.symlinkSync(ROOT, path.join(directory, 'node_modules/cprlint'));
  fs.symlinkSync(BIN, path.join(directory, 'node_modules/.bin/cprlint'));
  // pre-commit's own cache (a clone of this repository, fixtures and all) is kept out of the commits.
  fs.writeFileSync(path.join(directory, '.gitignore'), 'node_modules/\n.pre-commit-home/\n');
  git(directory, 'add', '-A');
  return directory;
}

const FILES = { 'app/[id]/page.md': 'Barnets cpr-nummer: 150385-2000\n', 'app/(group)/om.md': 'Ring på 33 98 00 98.\n' };
const CLEAN = { 'app/[id]/page.md': 'Intet nummer.\n', 'app/(group)/om.md': 'Ring på 33 98 00 98.\n' };

function commit(directory: string) {
  const run = spawnSync('git', ['commit', '-m', 'test'], { cwd: directory, encoding: 'utf8', env: { ...process.env, PRE_COMMIT_HOME: path.join(directory, '.pre-commit-home') } });
  return { code: run.status, output: run.stdout + run.stderr };
}

const hasPreCommit = spawnSync('pre-commit', ['--version']).error === undefined;

describe.skipIf(!runsHere(hasPreCommit, 'the pre-commit framework is not installed (Debian: apt-get install pre-commit)'))('the pre-commit framework (Debian’s pre-commit) with this repository’s hooks', () => {
  // The hooks as committed in this repository (.pre-commit-hooks.yaml at HEAD).
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const config = (hook: string) => ['repos:', `- repo: ${ROOT}`, `  rev: ${head}`, '  hooks:', `  - id: ${hook}`, ''].join('\n');

  it.each([
    ['cprlint: the staged files by name', 'cprlint'],
    ['cprlint-staged: the staged content', 'cprlint-staged'],
  ])('stops a commit that would publish a number: %s', (_name, hook) => {
    const directory = repository({ ...FILES, '.pre-commit-config.yaml': config(hook) });
    execFileSync('pre-commit', ['install'], { cwd: directory, stdio: 'pipe', env: { ...process.env, PRE_COMMIT_HOME: path.join(directory, '.pre-commit-home') } });
    const blocked = commit(directory);
    expect(blocked.code).not.toBe(0);
    expect(blocked.output).toContain('no-cpr-number');
    expect(blocked.output).toContain('1503XX-XXXX');
    expect(blocked.output).not.toContain('150385-2000');
    for (const [name, content] of Object.entries(CLEAN)) fs.writeFileSync(path.join(directory, name), content);
    git(directory, 'add', '-A');
    expect(commit(directory).code).toBe(0);
  });
});

describe('husky and lint-staged, as the README shows', () => {
  it('stops a commit with a number in app/[id]/page.md, and lets a clean one through', () => {
    const directory = repository({
      ...FILES,
      'package.json': JSON.stringify({ name: 'site', private: true, 'lint-staged': { '*': 'cprlint --no-glob' } }),
    });
    // What `npx husky init` does, with the hook the README gives.
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/husky/bin.js')], { cwd: directory, stdio: 'pipe' });
    fs.writeFileSync(path.join(directory, '.husky/pre-commit'), `node ${path.join(ROOT, 'node_modules/lint-staged/bin/lint-staged.js')}\n`);
    const blocked = commit(directory);
    expect(blocked.code).not.toBe(0);
    expect(blocked.output).toContain('no-cpr-number');
    expect(blocked.output).not.toContain('150385-2000');
    for (const [name, content] of Object.entries(CLEAN)) fs.writeFileSync(path.join(directory, name), content);
    git(directory, 'add', '-A');
    expect(commit(directory).code).toBe(0);
  });
});
