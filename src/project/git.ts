import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from './usage-error.js';

/** A file as git's index holds it: what a commit made now would contain. */
export interface StagedFile {
  /** Absolute path in the working tree. */
  path: string;
  content: Buffer;
}

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  const run = spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024 });
  if (run.error) throw new UsageError(`git is needed for ${args[0] === 'diff' ? 'this' : 'it'}, and could not be run: ${run.error.message}`);
  if (run.status !== 0) {
    const message = run.stderr.toString().trim().split('\n')[0] ?? '';
    throw new UsageError(/not a git repository/i.test(message) ? `Not in a git repository: ${cwd}` : `git ${args[0]} failed: ${message}`);
  }
  return run.stdout;
}

function repositoryRoot(cwd: string): string {
  return git(cwd, ['rev-parse', '--show-toplevel']).toString().trim();
}

/** Paths git names, NUL-separated, made absolute from the repository's root. */
function namesFrom(output: Buffer, root: string): string[] {
  return output
    .toString()
    .split('\0')
    .filter(Boolean)
    .map((name) => path.join(root, name));
}

/**
 * The staged content of every file added, copied, modified or renamed in git's index. The blobs
 * are read from the index, not the working tree: a number removed only from the working copy is
 * still found, at its place in the staged text.
 */
export function stagedFiles(cwd: string): StagedFile[] {
  const root = repositoryRoot(cwd);
  const names = git(root, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR']).toString().split('\0').filter(Boolean);
  if (names.length === 0) return [];
  // One git process reads every blob: `git cat-file --batch` answers "<id> <type> <size>\n<content>\n".
  const output = git(root, ['cat-file', '--batch'], names.map((name) => `:${name}\n`).join(''));
  const files: StagedFile[] = [];
  let at = 0;
  for (const name of names) {
    const headerEnd = output.indexOf(0x0a, at);
    const header = output.subarray(at, headerEnd).toString();
    const size = Number(header.split(' ')[2]);
    if (!Number.isFinite(size)) throw new UsageError(`git cat-file could not read the staged ${name}: ${header}`);
    files.push({ path: path.join(root, name), content: output.subarray(headerEnd + 1, headerEnd + 1 + size) });
    at = headerEnd + 1 + size + 1;
  }
  return files;
}

/** The files changed since a revision (committed or not), as they are in the working tree. */
export function filesChangedSince(revision: string, cwd: string): string[] {
  const root = repositoryRoot(cwd);
  return namesFrom(git(root, ['diff', '--name-only', '-z', '--diff-filter=ACMR', revision, '--']), root);
}
