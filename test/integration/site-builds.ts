// What the generator builds share: copies of a fixture site under the repository, removed when the
// test file ends, and runs of a build command with its output collected.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';
import { ROOT } from '../temporary-tree.js';

/** How long one build may take, and each build test. */
export const BUILD_TIMEOUT = 30_000;

// 15 March 1985, and modulus 11 holds: an error-level finding.
export const CPR_NUMBER = '150385-2000';
/** The number in full, also when split by markup or written without its dash. */
export const FULL_NUMBER = /150385\D{0,8}2000/;

// Copies live under the repository, not the system's temporary folder, so that a site resolves its
// generator and cprlint's own exports (cprlint/remark, cprlint/eleventy) from its node_modules.
const BUILDS = path.join(ROOT, '.test-builds');
const made: string[] = [];
afterAll(() => {
  for (const directory of made) fs.rmSync(directory, { recursive: true, force: true });
});

/**
 * A fresh copy of `fixtures/<fixture>` in a folder of its own, or in its `subfolder` (when the
 * build writes beside the site); returns that folder.
 */
export function siteCopy(fixture: string, subfolder = ''): string {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'index.js'))) throw new Error('Build cprlint first: npx tsc -p .');
  fs.mkdirSync(BUILDS, { recursive: true });
  const directory = fs.mkdtempSync(path.join(BUILDS, `${fixture}-`));
  made.push(directory);
  fs.cpSync(path.join(ROOT, 'fixtures', fixture), path.join(directory, subfolder), { recursive: true });
  return directory;
}

export interface BuildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Standard output and standard error, as they came. */
  output: string;
}

/** Runs `node <args>` in `cwd` without colours, as a build step would. */
export function runBuild(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, timeout: BUILD_TIMEOUT });
    const run: BuildRun = { code: null, stdout: '', stderr: '', output: '' };
    child.stdout.on('data', (chunk: Buffer) => {
      run.stdout += chunk.toString();
      run.output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      run.stderr += chunk.toString();
      run.output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...run, code }));
  });
}
