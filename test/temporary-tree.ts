// What the end-to-end tests share: temporary folders of files, removed after each test file, and
// runs of the built command line.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BIN = path.join(ROOT, 'bin', 'cprlint.js');

const made: string[] = [];
afterAll(() => {
  for (const directory of made) fs.rmSync(directory, { recursive: true, force: true });
});

/** A new temporary folder holding the given files (text or bytes), removed when the file's tests end. */
export function temporaryTree(files: Record<string, string | Buffer> = {}): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-test-'));
  made.push(directory);
  writeFiles(directory, files);
  return directory;
}

export function writeFiles(directory: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    fs.writeFileSync(path.join(directory, name), content);
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `cprlint <args>` in `cwd`, without colours. */
export function runCprlint(args: readonly string[], options: { cwd: string; input?: string | Buffer; env?: NodeJS.ProcessEnv; timeoutMs?: number }): CliRun {
  // A FORCE_COLOR the test runner's environment sets would win over NO_COLOR: left out unless asked for.
  const { FORCE_COLOR: _forced, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...inherited, NO_COLOR: '1', ...options.env },
    // A run that would hang is stopped (its code is then null), not left to hang the suite.
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `git` in a folder, its output returned, failing the test on an error. */
export function git(directory: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: directory, stdio: 'pipe', encoding: 'utf8' });
}

/** A new git repository (nothing staged or committed) holding the given files. */
export function gitRepository(files: Record<string, string | Buffer> = {}): string {
  const directory = temporaryTree();
  git(directory, 'init', '-q');
  git(directory, 'config', 'user.email', 'test@example.invalid');
  git(directory, 'config', 'user.name', 'Test');
  writeFiles(directory, files);
  return directory;
}

/**
 * Whether a suite that needs something this machine may lack runs here. In CI it always runs, and
 * a missing need fails it there; elsewhere it runs only with the need met, and a skip says why on
 * screen, never silently.
 */
export function runsHere(available: boolean, why: string): boolean {
  if (available || process.env.CI) return true;
  process.stderr.write(`skipped: ${why}\n`);
  return false;
}
