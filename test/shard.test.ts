/* eslint-disable cprlint/no-cpr-number -- the site holds made-up numbers for the shards to find */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from '../src/project/shard.js';
import { runCprlint, temporaryTree, type CliRun } from './temporary-tree.js';

const cprlint = (cwd: string, ...args: string[]): CliRun => runCprlint(args, { cwd });

// Thirty pages in folders, each with a finding, so that each is in a report; and two clean ones.
function siteOfPages(): string {
  const files: Record<string, string> = { 'ren.md': 'Åbningstider i borgerservice.\n', 'sub/ren.html': '<p>Ingen fund her.</p>\n' };
  for (let page = 0; page < 30; page++) files[`${page % 3 === 0 ? 'nyheder/' : ''}side-${page}.md`] = `Ansøger 150385-2000 (side ${page}).\n`;
  return temporaryTree(files);
}

interface JsonResult {
  filePath: string;
  messages: unknown[];
}

const filesOf = (run: CliRun): string[] => (JSON.parse(run.stdout) as JsonResult[]).map((result) => result.filePath);

describe('--shard i/n', () => {
  it('splits the files so that the parts together scan each exactly once', () => {
    const site = siteOfPages();
    const whole = filesOf(cprlint(site, '--format', 'json', '.')).sort();
    expect(whole).toHaveLength(30);
    const parts = [1, 2, 3, 4].map((index) => {
      const run = cprlint(site, '--format', 'json', '--shard', `${index}/4`, '.');
      expect([0, 1]).toContain(run.code);
      return run.code === 1 ? filesOf(run) : [];
    });
    expect(parts.flat().sort()).toEqual(whole);
    // No part is empty or holds all: the split spreads thirty files.
    expect(parts.every((part) => part.length > 0 && part.length < 30)).toBe(true);
    // The same part twice is the same files.
    expect(filesOf(cprlint(site, '--format', 'json', '--shard', '2/4', '.'))).toEqual(parts[1]);
  });

  it('one part of one is the whole run', () => {
    const site = siteOfPages();
    expect(cprlint(site, '--format', 'json', '--shard', '1/1', '.').stdout).toBe(cprlint(site, '--format', 'json', '.').stdout);
  });

  it('decides by the path relative to the working directory, with / between folders', () => {
    const shard = { index: 1, count: 7 };
    expect(inShard('nyheder\\side-3.md', shard)).toBe(inShard('nyheder/side-3.md', shard));
    const chosen = Array.from({ length: 700 }, (_, k) => `side-${k}.md`).filter((file) => inShard(file, shard)).length;
    expect(chosen).toBeGreaterThan(60);
    expect(chosen).toBeLessThan(140);
  });

  it.each([['0/4'], ['5/4'], ['2'], ['a/b'], ['1/0'], ['-1/4']])('rejects %s in one line, exit 2', (value) => {
    const run = cprlint(siteOfPages(), `--shard=${value}`, '.');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('cprlint: --shard takes i/n, whole numbers with 1 <= i <= n (as 2/4)\n');
    expect(() => parseShard(value)).toThrow();
  });

  it('is no option for --stdin or --staged', () => {
    for (const mode of ['--stdin', '--staged']) {
      const run = cprlint(siteOfPages(), '--shard', '1/2', mode);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('cprlint: --shard splits the files of a walk: not with --stdin or --staged\n');
    }
  });
});

describe('cprlint merge', () => {
  function shardReports(site: string, format: string, count: number): string[] {
    return Array.from({ length: count }, (_, k) => {
      const file = `del-${k + 1}.${format}`;
      cprlint(site, '--format', format, '--shard', `${k + 1}/${count}`, '--output-file', path.join(site, '..', path.basename(site) + file), '.');
      return path.join('..', path.basename(site) + file);
    });
  }

  it('combines JSON reports into the whole run\'s report, with its exit code', () => {
    const site = siteOfPages();
    const whole = cprlint(site, '--format', 'json', '.');
    const merged = cprlint(site, 'merge', ...shardReports(site, 'json', 3));
    expect(merged.code).toBe(whole.code);
    const byPath = (results: JsonResult[]): JsonResult[] => [...results].sort((a, b) => a.filePath.localeCompare(b.filePath));
    expect(JSON.parse(merged.stdout)).toEqual(byPath(JSON.parse(whole.stdout)));
    // Stable: the order of the reports given changes nothing.
    expect(cprlint(site, 'merge', ...shardReports(site, 'json', 3).reverse()).stdout).toBe(merged.stdout);
  });

  it('combines SARIF reports: every result, one run, the same exit code', () => {
    const site = siteOfPages();
    const whole = JSON.parse(cprlint(site, '--format', 'sarif', '.').stdout);
    const merged = cprlint(site, 'merge', ...shardReports(site, 'sarif', 4));
    expect(merged.code).toBe(1);
    const log = JSON.parse(merged.stdout);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool).toEqual(whole.runs[0].tool);
    const key = (result: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }): string =>
      `${result.locations[0]!.physicalLocation.artifactLocation.uri}:${result.locations[0]!.physicalLocation.region.startLine}:${result.ruleId}`;
    expect(log.runs[0].results.map(key)).toEqual(whole.runs[0].results.map(key).sort());
  });

  it('exits 0 for clean parts and 2 when a part had a file it could not read', () => {
    const site = temporaryTree({
      'ren.json': JSON.stringify([{ filePath: '/a.md', messages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0 }]),
      'fatal.json': JSON.stringify([{ filePath: '/b.md', messages: [{ fatal: true }], errorCount: 1, fatalErrorCount: 1, warningCount: 0 }]),
    });
    expect(cprlint(site, 'merge', 'ren.json').code).toBe(0);
    expect(cprlint(site, 'merge', 'ren.json', 'fatal.json').code).toBe(2);
  });

  it.each([
    ['no reports', [], 'cprlint merge takes the reports to merge'],
    ['a missing report', ['mangler.json'], 'Cannot read report mangler.json: ENOENT'],
    ['a report that is no JSON', ['tekst.txt'], 'tekst.txt is not a JSON or SARIF report: not valid JSON'],
    ['JSON and SARIF together', ['a.json', 'b.sarif'], 'cprlint merge takes reports of one format'],
    ['JSON that is no cprlint report', ['anden.json'], 'anden.json is not a cprlint JSON report'],
  ])('%s: exit 2, one line', (_name, files, message) => {
    const site = temporaryTree({
      'tekst.txt': 'ikke json',
      'a.json': '[]',
      'b.sarif': JSON.stringify({ version: '2.1.0', runs: [{ results: [] }] }),
      'anden.json': '[{"navn": "x"}]',
    });
    const run = cprlint(site, 'merge', ...files);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(fs.existsSync(path.join(site, 'mangler.json'))).toBe(false);
  });
});
