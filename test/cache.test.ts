/* eslint-disable cprlint/no-cpr-number, cprlint/no-health-data -- the tests plant made-up leaks to see the cache keep none */
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCprlint, temporaryTree } from './temporary-tree.js';

const site = temporaryTree;
// The secret that keys the cache's hashes, as CI gives it; without it a cache file gives nothing back.
const KEY = 'a test key that no cache file holds';
const env = { CPRLINT_CACHE_KEY: KEY };

function run(cwd: string, ...args: string[]): ReturnType<typeof runCprlint> {
  return runCprlint(['--format', 'json', '--cache', ...args, '.'], { cwd, env });
}

function lint(cwd: string, ...args: string[]): string[] {
  return (JSON.parse(run(cwd, ...args).stdout) as { filePath: string; messages: { ruleId: string }[] }[]).flatMap((file) =>
    file.messages.map((message) => `${path.basename(file.filePath)} ${message.ruleId}`),
  );
}

interface CacheFile {
  files: Record<string, { content: string; settings: string; report?: { findings: unknown[] } }>;
}

const readCache = (directory: string, location = '.cprlintcache'): CacheFile => JSON.parse(fs.readFileSync(path.join(directory, location), 'utf8')) as CacheFile;
/** The key a file has in the cache: a keyed hash of its path, which only the key's holder can make. */
const keyOf = (relative: string): string => createHmac('sha256', KEY).update('path\u0000').update(relative).digest('hex');
const cachedFiles = (directory: string, names: readonly string[], location?: string): string[] => {
  const keys = new Set(Object.keys(readCache(directory, location).files));
  return names.filter((name) => keys.has(keyOf(name)));
};

describe('--cache', () => {
  const files = { 'clean.md': 'Tekst om skolen.\n', 'leak.md': 'Jens Hansen har kræft. CPR 150385-2000\n', 'service.md': 'Vi har et tilbud til borgere med demens.\n' };
  const names = Object.keys(files);

  it('records every file under a keyed hash of its path, its report as printed: no CPR number, no name, no path', () => {
    const directory = site(files);
    expect(lint(directory)).toEqual(['leak.md no-health-data', 'leak.md no-cpr-number']);
    expect(cachedFiles(directory, names)).toEqual(names);
    const cache = fs.readFileSync(path.join(directory, '.cprlintcache'), 'utf8');
    expect(cache).toContain('1503XX-XXXX');
    expect(cache).not.toMatch(/150385\D{0,3}2000|Jens|Hansen|leak\.md|clean\.md/);
  });

  it('holds no plain hash of any file: a short file cannot be found again by hashing guesses', () => {
    const directory = site(files);
    lint(directory);
    const cache = fs.readFileSync(path.join(directory, '.cprlintcache'), 'utf8');
    for (const content of Object.values(files)) {
      for (const algorithm of ['sha256', 'sha1', 'md5']) expect(cache).not.toContain(createHash(algorithm).update(content).digest('hex'));
    }
    // Another key (another machine, or none at all) matches nothing in it.
    expect(runCprlint(['--format', 'json', '--cache', '.'], { cwd: directory, env: { CPRLINT_CACHE_KEY: 'another key' } }).code).toBe(1);
    expect(Object.keys(readCache(directory).files)).toHaveLength(6);
  });

  it('with --show-values, records only clean files', () => {
    const directory = site(files);
    lint(directory, '--show-values');
    expect(cachedFiles(directory, names)).toEqual(['clean.md', 'service.md']);
    expect(fs.readFileSync(path.join(directory, '.cprlintcache'), 'utf8')).not.toMatch(/150385/);
  });

  it('answers from the cache for an unchanged file, and reads it again after a change', () => {
    const directory = site(files);
    lint(directory);
    // A cached report is served as it is: prove it by changing the cache's copy.
    const location = path.join(directory, '.cprlintcache');
    const cache = readCache(directory);
    const entry = cache.files[keyOf('leak.md')]!;
    entry.report!.findings = entry.report!.findings.slice(0, 1);
    fs.writeFileSync(location, JSON.stringify(cache));
    expect(lint(directory)).toEqual(['leak.md no-health-data']);
    fs.appendFileSync(path.join(directory, 'leak.md'), '\n');
    expect(lint(directory)).toEqual(['leak.md no-health-data', 'leak.md no-cpr-number']);
  });

  it('reads a file again whose content changed though its size and time did not', () => {
    const directory = site(files);
    lint(directory);
    const file = path.join(directory, 'clean.md');
    const { atime, mtime, size } = fs.statSync(file);
    // The same number of bytes, and the old modification time put back.
    fs.writeFileSync(file, 'CPR 150385-2000 ok.\n'.padEnd(size, ' ').slice(0, size));
    fs.utimesSync(file, atime, mtime);
    expect(fs.statSync(file).size).toBe(size);
    expect(lint(directory)).toContain('clean.md no-cpr-number');
  });

  it('finds the same on the next run, and scans again what changed in content or settings', () => {
    const directory = site(files);
    lint(directory);
    expect(lint(directory)).toEqual(['leak.md no-health-data', 'leak.md no-cpr-number']);
    fs.writeFileSync(path.join(directory, 'clean.md'), 'Tekst om skolen. CPR 150385-2019\n');
    expect(lint(directory)).toContain('clean.md no-cpr-number');
    expect(lint(directory, '--rule', '{"no-health-data": ["error", {"mode": "any"}]}')).toContain('service.md no-health-data');
  });

  it('keeps the same file the same when nothing changed', () => {
    const directory = site(files);
    lint(directory);
    const first = fs.readFileSync(path.join(directory, '.cprlintcache'), 'utf8');
    lint(directory);
    expect(fs.readFileSync(path.join(directory, '.cprlintcache'), 'utf8')).toBe(first);
  });

  it('lives where --cache-location says, and starts again from a damaged one, saying so', () => {
    const directory = site({ ...files, 'broken-cache': '{not json' });
    const broken = run(directory, '--cache-location', 'broken-cache');
    expect(broken.stderr).toBe('cprlint: warning: the cache broken-cache: it is damaged; it is made again\n');
    expect(broken.code).toBe(1);
    expect(lint(directory, '--cache-location', 'broken-cache')).toEqual(lint(directory));
    expect(cachedFiles(directory, names, 'broken-cache')).toEqual(names);
  });

  it('redacts what a suppression reason says', () => {
    const directory = site({ 'kendt.md': '<!-- cprlint-disable-next-line no-cpr-number -- borgerens nummer er 150385-2000 -->\nCPR 150385-2000\n' });
    lint(directory);
    const cache = fs.readFileSync(path.join(directory, '.cprlintcache'), 'utf8');
    expect(cache).toContain('borgerens nummer er 1503XX-XXXX');
    expect(cache).not.toMatch(/150385\D{0,3}2000/);
  });

  it('a cache that cannot be written costs the next run time, not this run\'s report', () => {
    const directory = site({ [path.join('150385-2000', 'leak.md')]: files['leak.md'] });
    const missing = run(directory, '--cache-location', path.join('no-such-folder', '150385-2000', 'cache'));
    expect(missing.code).toBe(1);
    // The report is there: the folder's name and the file's content.
    expect((JSON.parse(missing.stdout) as { messages: unknown[] }[]).flatMap((file) => file.messages)).toHaveLength(3);
    expect(missing.stderr).toMatch(/^cprlint: warning: could not write the cache no-such-folder\/1503XX-XXXX\/cache \(ENOENT\); the next run scans every file again\n$/u);
    expect(missing.stdout + missing.stderr).not.toMatch(/150385\D{0,3}2000/);
  });
});
