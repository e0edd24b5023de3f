import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowlistHash } from '../src/allowlist.js';
import { redactValues } from '../src/findings.js';
import { runCprlint, temporaryTree } from './temporary-tree.js';

function cprlint(args: string[], files: Record<string, string> = {}) {
  const directory = temporaryTree(files);
  return { ...runCprlint(args, { cwd: directory }), directory };
}

const lines = (stdout: string): number[] =>
  (JSON.parse(stdout) as { messages: { line: number }[] }[]).flatMap((file) => file.messages.map((message) => message.line));

describe('cprlint hash', () => {
  it('prints one hash per value, the same whatever the separator', () => {
    const run = cprlint(['hash', '150385-2000', '1503852000', '150385 2000']);
    expect(run.code).toBe(0);
    const hashes = run.stdout.trim().split('\n');
    expect(hashes).toHaveLength(3);
    expect(new Set(hashes)).toEqual(new Set([allowlistHash('1503852000')]));
    expect(hashes[0]).toMatch(/^scrypt:[\da-f]{32}$/);
    expect(run.stdout).not.toContain('150385');
  });

  it('is a usage error without values', () => {
    expect(cprlint(['hash'])).toMatchObject({ code: 2, stderr: 'cprlint: cprlint hash takes the values to hash: cprlint hash <value> ...\n' });
  });

  it('its output is never taken for a number to redact', () => {
    const hash = 'scrypt:00aa1503852000bbccddeeff00112233';
    expect(redactValues(hash)).toBe(hash);
  });
});

describe('the allowlist in the configuration', () => {
  const page = 'CPR 150385-2000\n\nCPR 150385-2019\n\nCPR 010190-0000\n';

  it('allows values by hash, leaving the others', () => {
    const config = { allowlist: { values: [allowlistHash('150385-2000')] } };
    expect(lines(cprlint(['--format', 'json', '.'], { '.cprlintrc.json': JSON.stringify(config), 'a.md': page }).stdout)).toEqual([3, 5]);
  });

  it('allows values by pattern', () => {
    const config = { allowlist: { patterns: ['^0101'] } };
    expect(lines(cprlint(['--format', 'json', '.'], { '.cprlintrc.json': JSON.stringify(config), 'a.md': page }).stdout)).toEqual([1, 3]);
  });

  it('allows paths', () => {
    const config = { allowlist: { paths: ['examples/**'] } };
    const run = cprlint(['--format', 'json', '.'], { '.cprlintrc.json': JSON.stringify(config), 'examples/a.md': page, 'b.md': 'CPR 150385-2019\n' });
    expect(JSON.parse(run.stdout).map((file: { filePath: string }) => path.basename(file.filePath))).toEqual(['b.md']);
  });

  it.each<[string, unknown, string]>([
    ['a number instead of a hash', { values: ['150385-2000'] }, '"allowlist.values" takes hashes from `cprlint hash <value>`, not a value'],
    ['an invalid pattern', { patterns: ['('] }, '"allowlist.patterns" holds an invalid regular expression'],
    ['an unknown key', { numbers: [] }, 'unknown key "allowlist.numbers" (known: values, patterns, paths)'],
  ])('rejects %s, without echoing it', (_name, allowlist, message) => {
    const run = cprlint(['.'], { '.cprlintrc.json': JSON.stringify({ allowlist }), 'a.md': page });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('150385-2000');
  });
});
