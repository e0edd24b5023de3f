import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCprlint, temporaryTree } from './temporary-tree.js';

// A FIFO blocks whoever opens it until a writer comes; /dev/zero never ends. A walk meets both
// (a named pipe in a build folder, a link to a device), and must neither hang nor pass them over.
const NOT_REGULAR = 'Not scanned: not a regular file (a FIFO, socket or device), never read';

function messagesOf(stdout: string): string[] {
  return (JSON.parse(stdout) as { filePath: string; messages: { message: string }[] }[]).flatMap((file) => file.messages.map((message) => `${path.basename(file.filePath)}: ${message.message}`));
}

describe('files that are not regular files', () => {
  it('a FIFO, a socket and a link to a device, in a walk and named: named as not scanned, never read, --strict fails', async () => {
    const directory = temporaryTree({ 'side.md': 'Tekst.\n' });
    execFileSync('mkfifo', [path.join(directory, 'pipe.md')]);
    fs.symlinkSync('/dev/zero', path.join(directory, 'zero.txt'));
    // A socket cannot be opened as a file at all (ENXIO): named the same way.
    const server = net.createServer();
    await new Promise<void>((listening) => server.listen(path.join(directory, 'socket.md'), listening));
    try {
      const walked = runCprlint(['--format', 'json', '.'], { cwd: directory });
      expect(walked.code).toBe(0);
      expect(messagesOf(walked.stdout)).toEqual([`pipe.md: ${NOT_REGULAR}`, `socket.md: ${NOT_REGULAR}`, `zero.txt: ${NOT_REGULAR}`]);
      const named = runCprlint(['--strict', '--format', 'json', 'pipe.md', 'socket.md', 'zero.txt'], { cwd: directory });
      expect(named.code).toBe(1);
      expect(named.stderr).toBe('cprlint: some files were not scanned, and --strict is on\n');
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });

  it('a file that says it is smaller than it is (as /proc\'s do) is read in chunks past the limit', () => {
    // /proc/self/status reports size 0 but holds text: read as it is, whatever its stat says.
    const run = runCprlint(['--format', 'json', '--max-file-size', '100', '/proc/self/status'], { cwd: temporaryTree() });
    expect(run.code).toBe(0);
    expect(messagesOf(run.stdout)).toEqual([expect.stringMatching(/^status: .*plain text in chunks/u)]);
  });

  // The files a project keeps beside its pages come from the repository too: a FIFO named
  // .cprlintignore, a package.json that links to /dev/zero.
  it.each<[string, (directory: string) => string[], RegExp]>([
    ['a .cprlintrc.json that links to a device', (directory) => (fs.symlinkSync('/dev/zero', path.join(directory, '.cprlintrc.json')), ['.']), /^cprlint: Cannot read configuration .*\/\.cprlintrc\.json: not a regular file\n$/],
    ['a cprlint.config.js that is a FIFO', (directory) => (fifo(directory, 'cprlint.config.js'), ['.']), /^cprlint: Cannot read configuration .*\/cprlint\.config\.js: not a regular file\n$/],
    ['a package.json that is a FIFO', (directory) => (fifo(directory, 'package.json'), ['.']), /^cprlint: Cannot read configuration .*\/package\.json: not a regular file\n$/],
    ['a baseline that is a FIFO', (directory) => (fifo(directory, 'baseline.json'), ['--baseline', 'baseline.json', 'side.md']), /^cprlint: Cannot read baseline .*\/baseline\.json: not a regular file\n$/],
    ['a report to merge that links to a device', (directory) => (fs.symlinkSync('/dev/zero', path.join(directory, 'part.json')), ['merge', 'part.json']), /^cprlint: Cannot read report part\.json: not a regular file\n$/],
  ])('%s: one line naming it, exit 2, never a hang', (_, make, message) => {
    const directory = temporaryTree({ 'side.md': 'Tekst.\n' });
    const run = runCprlint(make(directory), { cwd: directory, timeoutMs: 20_000 });
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  it.each<[string, string, (directory: string) => void]>([
    ['a .cprlintignore that is a FIFO', '.cprlintignore', (directory) => fifo(directory, '.cprlintignore')],
    ['a .gitignore that links to a device', '.gitignore', (directory) => fs.symlinkSync('/dev/zero', path.join(directory, '.gitignore'))],
    ['a .gitignore that links to /dev/null', '.gitignore', (directory) => fs.symlinkSync('/dev/null', path.join(directory, '.gitignore'))],
  ])('%s holds no patterns: nothing is left out for it, and the run does not hang', (_, name, make) => {
    const directory = temporaryTree({ 'side.md': 'CPR 150385-2000\n' });
    make(directory);
    const run = runCprlint(['--format', 'json', '.'], { cwd: directory, timeoutMs: 20_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    // The walk names it as any file that is not a regular file.
    expect(messagesOf(run.stdout)).toEqual([`${name}: ${NOT_REGULAR}`, expect.stringMatching(/^side\.md: CPR number 1503XX-XXXX /)]);
  });

  it('a report to merge may come through a pipe, as the user names it (/dev/stdin, <(…))', () => {
    const directory = temporaryTree({ 'side.md': 'CPR 150385-2000\n' });
    const report = runCprlint(['--format', 'json', 'side.md'], { cwd: directory });
    fs.writeFileSync(path.join(directory, 'part.json'), report.stdout);
    // A shell's pipe (Node gives a child a socket for its standard input, no pipe).
    const merged = spawnSync('sh', ['-c', 'cat part.json | "$0" "$1" merge /dev/stdin', process.execPath, BIN], { cwd: directory, encoding: 'utf8', timeout: 20_000 });
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(1);
    expect(messagesOf(merged.stdout)).toEqual(messagesOf(report.stdout));
  });

  it('a cache file that is a FIFO is no cache: the run says so, reads every file and writes a cache in its place', () => {
    const directory = temporaryTree({ 'side.md': 'CPR 150385-2000\n' });
    fifo(directory, '.cprlintcache');
    const run = runCprlint(['--cache', '--format', 'json', '.'], { cwd: directory, timeoutMs: 20_000 });
    expect(run.stderr).toBe('cprlint: warning: the cache .cprlintcache: it cannot be read (not a regular file); it is made again\n');
    expect(run.code).toBe(1);
    expect(messagesOf(run.stdout)).toEqual([expect.stringMatching(/^side\.md: CPR number 1503XX-XXXX /)]);
    expect(fs.statSync(path.join(directory, '.cprlintcache')).isFile()).toBe(true);
  });
});

function fifo(directory: string, name: string): void {
  execFileSync('mkfifo', [path.join(directory, name)]);
}
