// What the corpus tests share: a CLI run over a labelled site, scored by the dev corpus's scorer in
// ../shared (errors only; see ../shared/corpus/README.md).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { BIN, ROOT } from './temporary-tree.js';

export const SCORER = path.resolve(ROOT, '..', 'shared', 'eval', 'score.mjs');

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  fpSamples: string[];
  fnSamples: string[];
}

export interface Scored {
  summary: Record<'cpr' | 'health' | 'complaint', Score>;
  fatal: number;
  unknownFiles: number;
}

/**
 * Scans `site` with the CLI (JSON report, exit 1 for its findings, nothing on stderr) and scores
 * the report against `truth`. `--show-values` lets the scorer match a file named with a number to
 * its labels; the report is a temporary file, removed at once.
 */
export function scoreCorpus(site: string, truth: string, options: { showValues?: boolean } = {}): Scored {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-corpus-'));
  const report = path.join(folder, 'report.json');
  try {
    const cli = spawnSync(process.execPath, [BIN, ...(options.showValues ? ['--show-values'] : []), '--format', 'json', '--output-file', report, site], { encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(1);
    const scored = spawnSync(process.execPath, [SCORER, truth, report, site, '--json'], { encoding: 'utf8' });
    expect(scored.status).toBe(0);
    return JSON.parse(scored.stdout) as Scored;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
