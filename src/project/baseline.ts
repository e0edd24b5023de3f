import { randomBytes, scryptSync } from 'node:crypto';
import { statSync } from 'node:fs';
import { LARGE_PROJECT_FILE_LIMIT, readProjectFile } from './regular-files.js';
import path from 'node:path';
import { writeFileAtomically } from './atomic-write.js';
import type { FileReport, Finding } from '../core/finding.js';
import { MASKED_CPR, maskValues } from '../core/findings.js';

/**
 * Known findings a team has accepted for now. An entry is a file, a rule and a salted hash of the
 * finding's value, never a line: edits above a finding keep it matched. A count covers the same
 * value found more than once. The file holds no personal data, is sorted and has no timestamps, so
 * it diffs and merges cleanly.
 */
export interface Baseline {
  version: 1;
  /** Hex; kept when the baseline is rewritten, so that its hashes stay the same. */
  salt: string;
  findings: BaselineEntry[];
}

export interface BaselineEntry {
  /** Relative to the baseline file's folder, with forward slashes. */
  file: string;
  rule: string;
  hash: string;
  count: number;
}

/** A baseline file that cannot be read or is not one: exit 2. */
export class BaselineError extends Error {
  override name = 'BaselineError';
}

export function readBaseline(file: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(readProjectFile(file, LARGE_PROJECT_FILE_LIMIT));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message;
    throw new BaselineError(`Cannot read baseline ${file}: ${reason}`);
  }
  const baseline = value as Partial<Baseline>;
  if (baseline?.version !== 1 || typeof baseline.salt !== 'string' || !Array.isArray(baseline.findings)) {
    throw new BaselineError(`Cannot read baseline ${file}: not a cprlint baseline (version 1, salt, findings)`);
  }
  return baseline as Baseline;
}

// Hashes cost milliseconds on purpose (a CPR number is one of a few hundred million): each value
// is hashed once per run.
const hashes = new Map<string, string>();

/**
 * The salted hash of a finding's value (its number, or for the prose rules the term it was found
 * at), whatever white space it is written with. The engine computes it when a salt is given.
 */
export function fingerprintOf(value: string, salt: string): string {
  const normalised = value.replace(/\s+/g, ' ').trim();
  const key = `${salt}\u0000${normalised}`;
  let hash = hashes.get(key);
  if (hash === undefined) {
    hash = scryptSync(normalised, salt, 16, { N: 1 << 14, r: 8, p: 1 }).toString('hex');
    hashes.set(key, hash);
  }
  return hash;
}

/**
 * The salt of an existing baseline, or a new one where there is none yet: findings must be
 * fingerprinted with it. A baseline that is there but damaged is an error (exit 2), never a reason
 * to start again with a new salt, which would bring every known finding back.
 */
export function baselineSalt(file: string): string {
  // Only asked whether it is there: readBaseline reads it, and says what is wrong with it.
  try {
    statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return randomBytes(16).toString('hex');
  }
  return readBaseline(file).salt;
}

function keyOf(file: string, finding: Finding): string {
  if (!finding.fingerprint) throw new Error('cprlint: a finding without a fingerprint cannot be matched to a baseline');
  return `${file}\u0000${finding.ruleId}\u0000${finding.fingerprint}`;
}

/**
 * Where a report's file stands relative to the baseline file, with any number in it masked whole: a
 * baseline is committed, and a folder may be named with a CPR number. A report shows a number's day
 * and month; a baseline does not, for beside its fingerprints they would leave only the year and
 * serial to guess.
 */
function fileKey(baselineFile: string, cwd: string, report: FileReport): string {
  return maskedWhole(path.relative(path.dirname(path.resolve(baselineFile)), path.resolve(cwd, report.filePath)).split(path.sep).join('/'));
}

/**
 * A path with every number in it masked whole: the numbers in it as written, and the ones already
 * redacted (a report's path is; so was a file name in a baseline 0.2 wrote).
 */
function maskedWhole(file: string): string {
  return maskValues(file).replace(/\d{4}XX-XXXX/g, MASKED_CPR);
}

/**
 * Writes the baseline for these findings, fingerprinted with `salt` (see baselineSalt: an existing
 * baseline's salt is kept, so writing the same findings again gives the same file).
 */
export function writeBaseline(file: string, salt: string, reports: readonly FileReport[], cwd: string): number {
  const counts = new Map<string, BaselineEntry>();
  for (const report of reports) {
    const relative = fileKey(file, cwd, report);
    for (const finding of report.findings) {
      const key = keyOf(relative, finding);
      const entry = counts.get(key);
      if (entry) entry.count += 1;
      else counts.set(key, { file: relative, rule: finding.ruleId, hash: key.split('\u0000')[2]!, count: 1 });
    }
  }
  const findings = [...counts.values()].sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.hash.localeCompare(b.hash));
  const baseline: Baseline = { version: 1, salt, findings };
  writeFileAtomically(file, `${JSON.stringify(baseline, null, 2)}\n`);
  return findings.reduce((sum, entry) => sum + entry.count, 0);
}

/**
 * Drops from the reports the findings the baseline knows, as many of each as it counts. With
 * `prune`, the baseline file is rewritten to the entries that still occur.
 */
export function applyBaseline(file: string, reports: readonly FileReport[], cwd: string, prune: boolean): FileReport[] {
  const baseline = readBaseline(file);
  const remaining = new Map<string, number>();
  // Baselines written by 0.2 kept a number's day and month in a file name: read (and pruned) masked.
  const entries = baseline.findings.map((entry) => ({ ...entry, file: maskedWhole(entry.file) }));
  for (const entry of entries) {
    const key = `${entry.file}\u0000${entry.rule}\u0000${entry.hash}`;
    remaining.set(key, (remaining.get(key) ?? 0) + entry.count);
  }
  const seen = new Map<string, number>();
  const result = reports.map((report) => {
    const relative = fileKey(file, cwd, report);
    const findings = report.findings.filter((finding) => {
      const key = keyOf(relative, finding);
      const left = remaining.get(key) ?? 0;
      if (left === 0) return true;
      remaining.set(key, left - 1);
      seen.set(key, (seen.get(key) ?? 0) + 1);
      return false;
    });
    return { ...report, findings };
  });
  if (prune) {
    const findings = entries
      .map((entry) => ({ ...entry, count: seen.get(`${entry.file}\u0000${entry.rule}\u0000${entry.hash}`) ?? 0 }))
      .filter((entry) => entry.count > 0);
    writeFileAtomically(file, `${JSON.stringify({ ...baseline, findings }, null, 2)}\n`);
  }
  return result;
}
