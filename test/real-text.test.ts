import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runsHere } from './temporary-tree.js';

// About 450 KB of real published Danish text (council minutes, agendas, health pages, complaints
// guidance, health news quoting officials), kept beside the repository in ../shared and never
// copied into it. It holds no leak: no rule may give an error on it.
const ROOT = path.resolve(import.meta.dirname, '..');
const REAL_TEXT = path.resolve(ROOT, '..', 'shared', 'data', 'real-text');
const present = fs.existsSync(REAL_TEXT);

/**
 * The warnings the real text may give, each as "file:line rule", with the reason it is right to
 * ask a person to look. docs/rules/*.md ("Warnings on real text") carries the same list.
 */
const KNOWN_WARNINGS: readonly string[] = [];

interface Report {
  filePath: string;
  messages: { ruleId: string | null; severity: number; line: number; fatal?: boolean; message: string }[];
}

let scanned: Report[] | undefined;

/** The CLI's JSON report on the whole folder, made once for every test here. */
function scan(): Report[] {
  if (scanned) return scanned;
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-real-text-')), 'report.json');
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cprlint.js'), '--format', 'json', '--output-file', output, REAL_TEXT], { encoding: 'utf8' });
  expect(cli.stderr).toBe('');
  expect([0, 1]).toContain(cli.status);
  scanned = JSON.parse(fs.readFileSync(output, 'utf8')) as Report[];
  return scanned;
}

// In CI the data must be there; on a machine without ../shared the suite says it was skipped.
describe.skipIf(!runsHere(present, `${REAL_TEXT} is not on this machine`))('real published Danish text (../shared/data/real-text)', () => {
  const where = (report: Report, message: Report['messages'][number]): string => `${path.basename(report.filePath)}:${message.line} ${message.ruleId}`;

  it('is read whole: every file is scanned, none is a fatal or "not scanned" notice', () => {
    const files = fs.readdirSync(REAL_TEXT).filter((name) => !name.startsWith('.'));
    expect(files.length).toBeGreaterThan(100);
    const notices = scan().flatMap((report) => report.messages.filter((message) => message.fatal || message.ruleId === null).map((message) => `${path.basename(report.filePath)}: ${message.message}`));
    expect(notices).toEqual([]);
  });

  it('gives no error', () => {
    const errors = scan().flatMap((report) => report.messages.filter((message) => message.severity === 2).map((message) => `${where(report, message)}: ${message.message}`));
    expect(errors).toEqual([]);
  });

  it('gives only the warnings the rule docs explain', () => {
    const warnings = scan().flatMap((report) => report.messages.filter((message) => message.severity === 1).map((message) => where(report, message)));
    expect(warnings).toEqual(KNOWN_WARNINGS);
  });
});
