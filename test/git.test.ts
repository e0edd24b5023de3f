import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitRepository, runCprlint, temporaryTree, writeFiles as write, type CliRun } from './temporary-tree.js';

/** A real git repository with one commit of the given files. */
function repository(committed: Record<string, string>): string {
  const directory = gitRepository(committed);
  git(directory, 'add', '-A');
  git(directory, 'commit', '-q', '-m', 'start', '--allow-empty');
  return directory;
}

const stage = (directory: string, ...names: string[]) => git(directory, 'add', '--', ...names);
const cprlint = (cwd: string, ...args: string[]): CliRun => runCprlint(args, { cwd });

/** "path line:column rule" of each finding in a JSON report. */
function found(run: { stdout: string }, cwd: string): string[] {
  return (JSON.parse(run.stdout) as { filePath: string; messages: { line: number; column: number; ruleId: string }[] }[]).flatMap((file) =>
    file.messages.map((message) => `${path.relative(cwd, file.filePath)} ${message.line}:${message.column} ${message.ruleId}`),
  );
}

describe('--staged scans what a commit would contain', () => {
  it('reads the index, not the working tree, with positions from the staged text', () => {
    const directory = repository({ 'clean.md': 'Intet her.\n' });
    write(directory, { 'a.md': '# Sag\n\nCPR 150385-2000\n' });
    stage(directory, 'a.md');
    // Removed from the working copy only: the commit would still publish it.
    write(directory, { 'a.md': '# Sag\n\nEt nyt afsnit.\n\nIntet nummer.\n', 'unstaged.md': 'CPR 150385-2019\n' });
    const run = cprlint(directory, '--staged', '--format', 'json');
    expect(run.code).toBe(1);
    expect(found(run, directory)).toEqual(['a.md 3:5 no-cpr-number']);
  });

  it('takes paths with [id] and (group) as they are, and limits itself to the paths given', () => {
    const directory = repository({});
    write(directory, { 'app/[id]/page.md': 'CPR 150385-2000\n', 'app/(group)/x.md': 'CPR 150385-2019\n', 'other/y.md': 'CPR 150385-2000\n' });
    stage(directory, 'app', 'other');
    expect(found(cprlint(directory, '--staged', '--format', 'json', 'app'), directory).sort()).toEqual([
      'app/(group)/x.md 1:5 no-cpr-number',
      'app/[id]/page.md 1:5 no-cpr-number',
    ]);
  });

  it('from a folder of the repository, reads every staged file, whatever diff.relative says', () => {
    const directory = repository({});
    write(directory, { 'docs/a.md': 'CPR 150385-2000\n', 'other/b.md': 'CPR 150385-2019\n' });
    stage(directory, 'docs', 'other');
    // With it, git names files from the folder it runs in, and only those under it.
    git(directory, 'config', 'diff.relative', 'true');
    const docs = path.join(directory, 'docs');
    for (const command of [['--staged'], ['--since', 'HEAD']]) {
      expect(found(cprlint(docs, ...command, '--format', 'json'), directory).sort()).toEqual(['docs/a.md 1:5 no-cpr-number', 'other/b.md 1:5 no-cpr-number']);
    }
  });

  it('is clean with nothing staged', () => {
    const directory = repository({ 'a.md': 'CPR 150385-2000\n' });
    // Nothing found, and the summary says what was looked at.
    expect(cprlint(directory, '--staged')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^cprlint: 0 files scanned in \d+\.\d s\n$/) });
  });

  it('is exit 2, one line, outside a repository', () => {
    const directory = temporaryTree();
    const run = cprlint(directory, '--staged');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cprlint: Not in a git repository: .*\n$/);
  });
});

describe('--since scans the files changed since a revision', () => {
  it('the changed ones only, as they are now', () => {
    const directory = repository({ 'old.md': 'CPR 150385-2000\n', 'changed.md': 'Intet.\n' });
    write(directory, { 'changed.md': 'Intet.\n\nCPR 150385-2019\n', 'new.md': 'CPR 150385-2000\n' });
    stage(directory, 'new.md');
    expect(found(cprlint(directory, '--since', 'HEAD', '--format', 'json'), directory).sort()).toEqual([
      'changed.md 3:5 no-cpr-number',
      'new.md 1:5 no-cpr-number',
    ]);
  });

  it('names a bad revision in one line', () => {
    const run = cprlint(repository({}), '--since', 'no-such-revision');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cprlint: git diff failed: .*\n$/);
  });
});

describe('--no-glob takes paths literally', () => {
  it('a path that exists is read as it is; one that does not is missing, not a pattern', () => {
    const directory = repository({});
    write(directory, { 'app/[id]/page.md': 'CPR 150385-2000\n', 'app/i/page.md': 'CPR 150385-2019\n' });
    expect(found(cprlint(directory, '--no-glob', '--format', 'json', 'app/[id]/page.md'), directory)).toEqual(['app/[id]/page.md 1:5 no-cpr-number']);
    expect(cprlint(directory, '--no-glob', 'app/[i]/*.md')).toMatchObject({ code: 2, stderr: 'cprlint: No such file or directory: app/[i]/*.md\n' });
    expect(found(cprlint(directory, '--format', 'json', 'app/[i]/*.md'), directory)).toEqual(['app/i/page.md 1:5 no-cpr-number']);
  });
});
