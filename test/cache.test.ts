import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const temporary: string[] = [];
afterAll(() => {
  for (const directory of temporary) fs.rmSync(directory, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-cache-'));
  temporary.push(directory);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(directory, name), content);
  return directory;
}

function lint(cwd: string, ...args: string[]): string[] {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/cprlint.js'), '--format', 'json', '--cache', ...args, '.'], { cwd, encoding: 'utf8' });
  return (JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).flatMap((file) =>
    file.messages.map((message) => `${path.basename(file.filePath)} ${message.ruleId}`),
  );
}

const cachedFiles = (directory: string, location = '.cprlintcache'): string[] =>
  Object.keys(JSON.parse(fs.readFileSync(path.join(directory, location), 'utf8')).files);

describe('--cache', () => {
  const files = { 'clean.md': 'Tekst om skolen.\n', 'leak.md': 'Jens Hansen har kræft. CPR 150385-2000\n', 'service.md': 'Vi har et tilbud til borgere med demens.\n' };

  it('records only clean files, and no personal data', () => {
    const directory = site(files);
    expect(lint(directory)).toEqual(['leak.md no-health-data', 'leak.md no-cpr-number']);
    expect(cachedFiles(directory)).toEqual(['clean.md', 'service.md']);
    expect(fs.readFileSync(path.join(directory, '.cprlintcache'), 'utf8')).not.toMatch(/150385|Jens|Hansen|kræft|demens/);
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
    expect(cachedFiles(directory, 'broken-cache')).toEqual(['clean.md', 'service.md']);
  });
});
