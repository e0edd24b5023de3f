import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowlistHash } from '../src/core/allowlist.js';
import { redactValues } from '../src/core/findings.js';
import { runCprlint, temporaryTree } from './temporary-tree.js';

function cprlint(args: string[], files: Record<string, string> = {}) {
  const directory = temporaryTree(files);
  return { ...runCprlint(args, { cwd: directory }), directory };
}

const lines = (stdout: string): number[] =>
  (JSON.parse(stdout) as { messages: { line: number }[] }[]).flatMap((file) => file.messages.map((message) => message.line));

// A project's own salt, as `cprlint hash --init` writes it, and the lowest cost, to keep tests quick.
const SALT = '0123456789abcdef0123456789abcdef';
const hashing = { salt: SALT, cost: 14 };
const projectConfig = (allowlist: Record<string, unknown>): string => JSON.stringify({ allowlist: { salt: SALT, cost: 14, ...allowlist } });

describe('cprlint hash', () => {
  it('prints one hash per value with the project\'s salt, the same whatever the separator', () => {
    const run = cprlint(['hash', '150385-2000', '1503852000', '150385 2000'], { '.cprlintrc.json': projectConfig({}) });
    expect(run.code).toBe(0);
    const hashes = run.stdout.trim().split('\n');
    expect(hashes).toHaveLength(3);
    expect(new Set(hashes)).toEqual(new Set([allowlistHash('1503852000', hashing)]));
    expect(hashes[0]).toMatch(/^scrypt:[\da-f]{32}$/);
    expect(run.stdout).not.toContain('150385');
  });

  it('gives a project without a salt its own, once, written into its configuration', () => {
    const first = cprlint(['hash', '--init'], { 'package.json': JSON.stringify({ name: 'site', cprlint: { rules: {} } }, null, 2) });
    expect(first).toMatchObject({ code: 0, stdout: '', stderr: 'cprlint: wrote the project\'s allowlist salt to package.json\n' });
    const written = JSON.parse(fs.readFileSync(path.join(first.directory, 'package.json'), 'utf8'));
    expect(written).toMatchObject({ name: 'site', cprlint: { rules: {}, allowlist: { cost: 15 } } });
    expect(written.cprlint.allowlist.salt).toMatch(/^[\da-f]{32}$/);
    const again = runCprlint(['hash', '--init'], { cwd: first.directory });
    expect(again).toMatchObject({ code: 0, stderr: 'cprlint: the project has its allowlist salt already\n' });
    expect(JSON.parse(fs.readFileSync(path.join(first.directory, 'package.json'), 'utf8'))).toEqual(written);
  });

  it('the first hash in a project without a configuration makes one with the salt', () => {
    const run = cprlint(['hash', '150385-2000']);
    expect(run.stderr).toBe('cprlint: wrote the project\'s allowlist salt to .cprlintrc.json\n');
    const { allowlist } = JSON.parse(fs.readFileSync(path.join(run.directory, '.cprlintrc.json'), 'utf8'));
    expect(run.stdout.trim()).toBe(allowlistHash('150385-2000', { salt: allowlist.salt, cost: allowlist.cost }));
  });

  it('says what to add to a JavaScript configuration, which it does not edit', () => {
    const run = cprlint(['hash', '150385-2000'], { 'cprlint.config.mjs': 'export default {};\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cprlint: .*cprlint\.config\.mjs is JavaScript, which cprlint does not edit: add {2}allowlist: \{ salt: '[\da-f]{32}' \} {2}to it, then hash again\n$/u);
  });

  it('makes another hash with another salt or cost: one table of the CPR space serves one project', () => {
    const here = allowlistHash('150385-2000', hashing);
    expect(allowlistHash('150385-2000', { salt: 'fedcba9876543210fedcba9876543210', cost: 14 })).not.toBe(here);
    expect(allowlistHash('150385-2000', { salt: SALT, cost: 15 })).not.toBe(here);
  });

  it('is a usage error without values', () => {
    expect(cprlint(['hash'])).toMatchObject({ code: 2, stderr: 'cprlint: cprlint hash takes the values to hash: cprlint hash <value> ... (or --init to give the project its salt)\n' });
  });

  it('its output is never taken for a number to redact', () => {
    const hash = 'scrypt:00aa1503852000bbccddeeff00112233';
    expect(redactValues(hash)).toBe(hash);
  });
});

describe('the allowlist in the configuration', () => {
  const page = 'CPR 150385-2000\n\nCPR 150385-2019\n\nCPR 010190-0000\n';

  it('allows values by hash, leaving the others', () => {
    const config = projectConfig({ values: [allowlistHash('150385-2000', hashing)] });
    expect(lines(cprlint(['--format', 'json', '.'], { '.cprlintrc.json': config, 'a.md': page }).stdout)).toEqual([3, 5]);
  });

  it('reads a project from before salts were its own with the shared salt', () => {
    const config = { allowlist: { values: [allowlistHash('150385-2000', { salt: 'cprlint allowlist v1', cost: 14 })] } };
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
    ['a number instead of a hash', { values: ['150385-2000'] }, '"allowlist.values" takes hashes from `cprlint hash <value>`, not values'],
    ['an invalid pattern', { patterns: ['\\d+', '(150385-2000'] }, '"allowlist.patterns" entry 2 is not a valid regular expression (Unterminated group)'],
    ['an unknown key', { numbers: [] }, 'unknown key "allowlist.numbers" (known: values, patterns, paths, salt, cost)'],
    ['a cost out of range', { cost: 40 }, '"allowlist.cost" must be a whole number from 14 to 20'],
  ])('rejects %s, without echoing it', (_name, allowlist, message) => {
    const run = cprlint(['.'], { '.cprlintrc.json': JSON.stringify({ allowlist }), 'a.md': page });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    // Not even redacted: the value is not there at all.
    expect(run.stderr).not.toMatch(/1503/);
  });
});
