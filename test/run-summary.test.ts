/* eslint-disable cprlint/no-cpr-number -- the trees hold made-up numbers */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressLine } from '../src/front-ends/report/run-summary.js';
import { git, gitRepository, runCprlint, temporaryTree } from './temporary-tree.js';

/** The files a JSON report names, relative to `root`. */
const files = (stdout: string, root: string): string[] => (JSON.parse(stdout) as { filePath: string }[]).map((result) => path.relative(root, result.filePath)).sort();

describe('in a git repository, git decides what is ignored', () => {
  it('a deeper .gitignore\'s negation wins, as it does for git; .git/info/exclude counts; a tracked file is scanned whatever matches it', () => {
    const repository = gitRepository({
      '.gitignore': 'draft-*.md\n',
      'sub/.gitignore': '!draft-public.md\n',
      'draft-a.md': 'CPR 150385-2000\n',
      'sub/draft-public.md': 'CPR 150385-2000\n',
      'sub/draft-b.md': 'CPR 150385-2000\n',
      'lokal.md': 'CPR 150385-2000\n',
      'tvunget.md': 'CPR 150385-2000\n',
    });
    fs.appendFileSync(path.join(repository, '.git', 'info', 'exclude'), 'lokal.md\ntvunget.md\n');
    // Committed in spite of the ignore rules: git publishes it, so cprlint reads it.
    git(repository, 'add', '-f', 'tvunget.md');
    const run = runCprlint(['--format', 'json', '.'], { cwd: repository });
    expect(run.code).toBe(1);
    expect(files(run.stdout, repository)).toEqual(['sub/draft-public.md', 'tvunget.md']);
    // What git itself would commit of the untracked files agrees.
    const gitSees = git(repository, 'ls-files', '--others', '--exclude-standard').split('\n').filter((line) => line.endsWith('.md'));
    expect(gitSees.sort()).toEqual(['sub/draft-public.md']);
  });

  it('an ignored build folder is left out, and the summary says so and how to scan it; named, it is scanned', () => {
    const repository = gitRepository({ '.gitignore': 'dist/\n', 'side.md': 'Åbningstider.\n', 'dist/index.html': '<p>CPR 150385-2000</p>\n' });
    const walked = runCprlint(['.'], { cwd: repository });
    expect(walked.code).toBe(0);
    expect(walked.stdout).toMatch(/^cprlint: 2 files scanned in \d+\.\d s; dist\/ left out by an ignore file: build output is what gets published, scan it with `cprlint dist`\n$/);
    const named = runCprlint(['--format', 'json', 'dist'], { cwd: repository });
    expect(named.code).toBe(1);
    expect(files(named.stdout, repository)).toEqual(['dist/index.html']);
  });
});

describe('git, asked about a folder', () => {
  it('a build folder named on purpose is read with its own ignore files only, even when git tracks part of it', () => {
    const repository = gitRepository({ '.gitignore': 'dist/\n', 'dist/CNAME': 'example.dk\n', 'dist/index.html': '<p>CPR 150385-2000</p>\n' });
    git(repository, 'add', '.gitignore');
    git(repository, 'add', '-f', 'dist/CNAME');
    const run = runCprlint(['--format', 'json', 'dist'], { cwd: repository });
    expect(run.code).toBe(1);
    expect(files(run.stdout, repository)).toEqual(['dist/index.html']);
  });

  it('never runs a command the scanned folder\'s git configuration names (core.fsmonitor)', () => {
    const repository = gitRepository({ 'side.md': 'CPR 150385-2000\n' });
    const marker = path.join(repository, 'ran');
    git(repository, 'config', 'core.fsmonitor', `touch ${JSON.stringify(marker)}; echo`);
    const run = runCprlint(['--format', 'json', '.'], { cwd: repository });
    expect(run.code).toBe(1);
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe('the summary line', () => {
  it('ends every stylish report, a clean one too, with files scanned, those not wholly read and why, and the time', () => {
    const tree = temporaryTree({ 'a.md': 'Åbningstider.\n', 'b.md': 'Mere.\n', 'billede.dat': Buffer.from([0, 1, 2, 0]) });
    const run = runCprlint(['.'], { cwd: tree });
    expect(run.stdout).toMatch(/\ncprlint: 3 files scanned, 1 of them not wholly \(binary content: 1\) in \d+\.\d s\n$/);
    const clean = runCprlint(['a.md'], { cwd: tree });
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toMatch(/^cprlint: 1 file scanned in \d+\.\d s\n$/);
  });

  it('is left out of machine formats, and of standard error when it is no terminal', () => {
    const run = runCprlint(['--format', 'json', '.'], { cwd: temporaryTree({ 'a.md': 'Åbningstider.\n' }) });
    expect(run).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
  });
});

describe('the progress line', () => {
  afterEach(() => vi.useRealTimers());

  it('appears after a second, redraws in place, counts documents left, and is cleared at the end', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const progress = new ProgressLine((text) => written.push(text), 10, 2);
    progress.fileDone(false);
    vi.advanceTimersByTime(900);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(written).toEqual(['\r\u001b[Kcprlint: 1 of 10 files read, 2 documents left']);
    progress.fileDone(true);
    vi.advanceTimersByTime(250);
    expect(written.at(-1)).toBe('\r\u001b[Kcprlint: 2 of 10 files read, 1 document left');
    progress.stop();
    expect(written.at(-1)).toBe('\r\u001b[K');
    vi.advanceTimersByTime(1000);
    expect(written.at(-1)).toBe('\r\u001b[K');
  });

  it('is never drawn for a run shorter than a second', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const progress = new ProgressLine((text) => written.push(text), 3, 0);
    vi.advanceTimersByTime(500);
    progress.stop();
    vi.advanceTimersByTime(2000);
    expect(written).toEqual([]);
  });
});
