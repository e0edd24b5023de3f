import { spawn } from 'node:child_process';
import path from 'node:path';
import { UsageError } from './usage-error.js';

/** A file as git's index holds it: what a commit made now would contain. */
export interface StagedFile {
  /** Absolute path in the working tree. */
  path: string;
  content: Buffer;
}

// What one git command may print: the staged blobs of a very large commit fit, a runaway does not.
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

/**
 * What git prints, or a UsageError saying why it could not. Asynchronous, so that two commands
 * that need not wait for each other run at once (a pre-commit hook pays for each one's start).
 */
function git(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // diff names files from the repository's root whatever the user's diff.relative says (as a
    // setting, which a git older than 2.28 passes over, where --no-relative would be an error).
    const run = spawn('git', ['-c', 'diff.relative=false', ...args], { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let bytes = 0;
    run.stdout!.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_OUTPUT_BYTES) run.kill();
      else stdout.push(chunk);
    });
    run.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    run.on('error', (error) => reject(new UsageError(`git is needed for ${args[0] === 'diff' ? 'this' : 'it'}, and could not be run: ${error.message}`)));
    run.on('close', (status) => {
      if (bytes > MAX_OUTPUT_BYTES) return reject(new UsageError(`git ${args[0]} printed more than ${MAX_OUTPUT_BYTES / 1024 ** 3} GB`));
      if (status === 0) return resolve(Buffer.concat(stdout));
      const message = Buffer.concat(stderr).toString().trim().split('\n')[0] ?? '';
      reject(new UsageError(/not a git repository/i.test(message) ? `Not in a git repository: ${cwd}` : `git ${args[0]} failed: ${message}`));
    });
    // git exits before reading all of its input only on an error, which `close` reports.
    run.stdin?.on('error', () => {});
    run.stdin?.end(input);
  });
}

async function repositoryRoot(cwd: string): Promise<string> {
  return (await git(cwd, ['rev-parse', '--show-toplevel'])).toString().trim();
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
export async function stagedFiles(cwd: string): Promise<StagedFile[]> {
  // The names git prints are the root's: both questions are asked at once.
  const [root, nameList] = await Promise.all([repositoryRoot(cwd), git(cwd, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'])]);
  const names = nameList.toString().split('\0').filter(Boolean);
  if (names.length === 0) return [];
  // One git process reads every blob: `git cat-file --batch` answers "<id> <type> <size>\n<content>\n".
  const output = await git(root, ['cat-file', '--batch'], names.map((name) => `:${name}\n`).join(''));
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
export async function filesChangedSince(revision: string, cwd: string): Promise<string[]> {
  const [root, names] = await Promise.all([repositoryRoot(cwd), git(cwd, ['diff', '--name-only', '-z', '--diff-filter=ACMR', revision, '--'])]);
  return namesFrom(names, root);
}
