import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCprlint, temporaryTree } from './temporary-tree.js';

const site = temporaryTree;

function lint(cwd: string, ...args: string[]): string[] {
  const run = runCprlint(['--format', 'json', '--cache', ...args, '.'], { cwd });
  return (JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).flatMap((file) =>
    file.messages.map((message) => `${path.basename(file.filePath)} ${message.ruleId}`),
  );
}

const cachedFiles = (directory: string, location = '.cprlintcache'): string[] =>
  Object.keys(JSON.parse(fs.readFileSync(path.join(directory, location), 'utf8')).files);

describe('--cache', () => {
  const files = { 'clean.md': 'Tekst om skolen.\n', 'leak.md': 'Jens Hansen har kræft. CPR 150385-2000\n', 'service.md': 'Vi har et tilbud til borgere med demens.\n' };

  it('records every file, reports as printed: no CPR number, no name', () => {
    const directory = site(files);
    expect(lint(directory)).toEqual(['leak.md no-health-data', 'leak.md no-cpr-number']);
    expect(cachedFiles(directory)).toEqual(['clean.md', 'leak.md', 'service.md']);
    const cache = fs.readFileSync(path.join(directory, '.cprlintcache'), 'utf8');
    expect(cache).toContain('1503XX-XXXX');
    expect(cache).not.toMatch(/150385\D{0,3}2000|Jens|Hansen/);
  });

  it('with --show-values, records only clean files', () => {
    const directory = site(files);
    lint(directory, '--show-values');
    expect(cachedFiles(directory)).toEqual(['clean.md', 'service.md']);
    expect(fs.readFileSync(path.join(directory, '.cprlintcache'), 'utf8')).not.toMatch(/150385/);
  });

  it('answers from the cache for an unchanged file, and reads it again after a change', () => {
    const directory = site(files);
    lint(directory);
    // A cached report is served as it is: prove it by changing the cache's copy.
    const location = path.join(directory, '.cprlintcache');
    const cache = JSON.parse(fs.readFileSync(location, 'utf8'));
    cache.files['leak.md'].report.findings = cache.files['leak.md'].report.findings.slice(0, 1);
    fs.writeFileSync(location, JSON.stringify(cache));
    expect(lint(directory)).toEqual(['leak.md no-health-data']);
    fs.appendFileSync(path.join(directory, 'leak.md'), '\n');
    expect(lint(directory)).toEqual(['leak.md no-health-data', 'leak.md no-cpr-number']);
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

  it('lives where --cache-location says, and starts again from a broken one', () => {
    const directory = site({ ...files, 'broken-cache': '{not json' });
    expect(lint(directory, '--cache-location', 'broken-cache')).toEqual(['leak.md no-health-data', 'leak.md no-cpr-number']);
    expect(cachedFiles(directory, 'broken-cache')).toEqual(['clean.md', 'leak.md', 'service.md']);
  });
});
