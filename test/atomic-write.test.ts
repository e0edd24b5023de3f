import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, temporaryTree } from './temporary-tree.js';

/** Every module of cprlint's source that writes a file, and how. */
function writersIn(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .flatMap((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [...fs.readFileSync(file, 'utf8').matchAll(/\b(writeFileSync|writeFile|createWriteStream|appendFileSync|appendFile|writeFileAtomically)\(/g)].map(
        (match) => `${path.relative(ROOT, file)} ${match[1]}`,
      );
    });
}

describe('files cprlint writes are replaced whole or not at all', () => {
  it('the cache, a baseline, a report file and the allowlist salt in a configuration are written only through writeFileAtomically', () => {
    const writers = writersIn(path.join(ROOT, 'src'));
    expect(writers.filter((writer) => !writer.endsWith(' writeFileAtomically') && !writer.startsWith('src/project/atomic-write.ts'))).toEqual([]);
    expect(new Set(writers.map((writer) => writer.split(' ')[0]))).toEqual(new Set(['src/project/atomic-write.ts', 'src/project/cache.ts', 'src/project/baseline.ts', 'src/front-ends/cli.ts', 'src/project/config.ts']));
  });

  it('a process killed while writing leaves the previous file as it was', async () => {
    const folder = temporaryTree({ 'report.json': 'the previous report\n' });
    const target = path.join(folder, 'report.json');
    // A write large enough to be caught in the middle: 256 MB, through the built module.
    const child = spawn(process.execPath, [
      '--input-type=module',
      '-e',
      `const { writeFileAtomically } = await import(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'project', 'atomic-write.js'))});
       writeFileAtomically(${JSON.stringify(target)}, 'x'.repeat(256 * 1024 * 1024));`,
    ]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Kill it as soon as its temporary file is there.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !fs.readdirSync(folder).some((name) => name.endsWith('.tmp'))) await new Promise((resolve) => setTimeout(resolve, 1));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous report\n');
  });
});
