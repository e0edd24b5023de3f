import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The project's own labelled corpus, written in the shapes of real municipal documents
// (fixtures/realistic-corpus/README.md). The scorer is shared with the dev corpus, in ../shared.
const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.join(ROOT, 'fixtures', 'realistic-corpus');
const SITE = path.join(CORPUS, 'site');
const TRUTH = path.join(CORPUS, 'truth.json');
const SCORER = path.resolve(ROOT, '..', 'shared', 'eval', 'score.mjs');
const present = fs.existsSync(SCORER);

const CATEGORIES = ['cpr', 'health', 'complaint'] as const;
const FLOOR = 0.97;

interface Place {
  file: string;
  line: number;
}

interface Truth {
  files: string[];
  expected: (Place & { rule: (typeof CATEGORIES)[number] })[];
  either: Place[];
  negatives: Place[];
  notes?: Record<string, string>;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  fpSamples: string[];
  fnSamples: string[];
}

const truth = JSON.parse(fs.readFileSync(TRUTH, 'utf8')) as Truth;
const key = ({ file, line }: Place): string => `${file}:${line}`;

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(SITE, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('the realistic corpus (fixtures/realistic-corpus): its labels', () => {
  it('lists exactly the files under site/', () => {
    expect([...truth.files].sort()).toEqual(filesUnder(SITE));
  });

  it('labels only lines that exist and hold text, each in one list', () => {
    const lines = new Map(truth.files.map((file) => [file, fs.readFileSync(path.join(SITE, file), 'utf8').split('\n')]));
    const blank = [...truth.expected, ...truth.either, ...truth.negatives].filter((place) => !lines.get(place.file)?.[place.line - 1]?.trim()).map(key);
    expect(blank).toEqual([]);
    const positive = new Set(truth.expected.map(key));
    const either = new Set(truth.either.map(key));
    const clash = truth.negatives.map(key).filter((place) => positive.has(place) || either.has(place));
    expect(clash).toEqual([]);
    expect(truth.either.map(key).filter((place) => positive.has(place))).toEqual([]);
    expect(truth.either.map(key).filter((place) => !truth.notes?.[place])).toEqual([]);
  });

  it('has at least 500 labelled lines, at least 45% of them hard negatives, and positives for every rule', () => {
    const positiveLines = new Set(truth.expected.map(key)).size;
    const negativeLines = new Set(truth.negatives.map(key)).size;
    const labelled = positiveLines + negativeLines;
    expect({ labelled: labelled >= 500, negativeShare: negativeLines / labelled >= 0.45 }).toEqual({ labelled: true, negativeShare: true });
    for (const category of CATEGORIES) expect(truth.expected.filter((e) => e.rule === category).length).toBeGreaterThanOrEqual(50);
  });
});

// In CI the scorer must be there; on a machine without ../shared the test says it was skipped.
describe.skipIf(!present && !process.env.CI)('the realistic corpus (fixtures/realistic-corpus), errors only', () => {
  it(`finds CPR numbers, health data and named complaints at ${FLOOR * 100}% precision and recall each`, () => {
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-realistic-')), 'report.json');
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cprlint.js'), '--format', 'json', '--output-file', report, SITE], {
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(1);
    const scored = spawnSync(process.execPath, [SCORER, TRUTH, report, SITE, '--json'], { encoding: 'utf8' });
    expect(scored.status).toBe(0);
    const { summary, fatal, unknownFiles } = JSON.parse(scored.stdout) as {
      summary: Record<string, Score>;
      fatal: number;
      unknownFiles: number;
    };
    expect({ fatal, unknownFiles }).toEqual({ fatal: 0, unknownFiles: 0 });
    // One comparison for all three, so a failure shows every category's misses and false alarms at once.
    const shown = CATEGORIES.map((category) => {
      const score = summary[category]!;
      return {
        category,
        recall: score.recall >= FLOOR,
        precision: score.precision >= FLOOR,
        missed: score.recall >= FLOOR ? [] : score.fnSamples,
        wrong: score.precision >= FLOOR ? [] : score.fpSamples,
        counts: `tp ${score.tp}, fp ${score.fp}, fn ${score.fn}, recall ${score.recall.toFixed(3)}, precision ${score.precision.toFixed(3)}`,
      };
    });
    expect(shown).toEqual(
      shown.map((entry) => ({ ...entry, recall: true, precision: true, missed: [], wrong: [] })),
    );
  });
});
