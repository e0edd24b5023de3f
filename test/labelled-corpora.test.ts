import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCORER, scoreCorpus } from './corpus-score.js';
import { runsHere } from './temporary-tree.js';

// The project's own labelled corpora, written in the shapes of real municipal documents: the
// realistic corpus the rules were built against, and a held-out one written later by another
// author (each README says how it was made and measured). The scorer is the dev corpus's, in ../shared.
const ROOT = path.resolve(import.meta.dirname, '..');
const present = fs.existsSync(SCORER);

const CATEGORIES = ['cpr', 'health', 'complaint'] as const;
/** Precision and recall each rule must reach on each corpus (errors only). */
const FLOOR = 0.97;

interface Corpus {
  name: string;
  /** Labelled lines, positive and hard negative, at the least. */
  labelled: number;
  /** Positives of each rule at the least. */
  perRule: number;
}

const CORPORA: Corpus[] = [
  { name: 'realistic-corpus', labelled: 500, perRule: 50 },
  { name: 'held-out-corpus', labelled: 300, perRule: 30 },
];

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

const key = ({ file, line }: Place): string => `${file}:${line}`;

function filesUnder(site: string): string[] {
  return fs
    .readdirSync(site, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe.each(CORPORA)('fixtures/$name', ({ name, labelled, perRule }) => {
  const site = path.join(ROOT, 'fixtures', name, 'site');
  const truthFile = path.join(ROOT, 'fixtures', name, 'truth.json');
  const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as Truth;

  it('lists exactly the files under site/', () => {
    expect([...truth.files].sort()).toEqual(filesUnder(site));
  });

  it('labels only lines that exist and hold text, each in one list', () => {
    const lines = new Map(truth.files.map((file) => [file, fs.readFileSync(path.join(site, file), 'utf8').split('\n')]));
    const blank = [...truth.expected, ...truth.either, ...truth.negatives].filter((place) => !lines.get(place.file)?.[place.line - 1]?.trim()).map(key);
    expect(blank).toEqual([]);
    const positive = new Set(truth.expected.map(key));
    const either = new Set(truth.either.map(key));
    const clash = truth.negatives.map(key).filter((place) => positive.has(place) || either.has(place));
    expect(clash).toEqual([]);
    expect(truth.either.map(key).filter((place) => positive.has(place))).toEqual([]);
    expect(truth.either.map(key).filter((place) => !truth.notes?.[place])).toEqual([]);
  });

  it(`has at least ${labelled} labelled lines, at least 45% of them hard negatives, and ${perRule} positives for every rule`, () => {
    const positiveLines = new Set(truth.expected.map(key)).size;
    const negativeLines = new Set(truth.negatives.map(key)).size;
    const total = positiveLines + negativeLines;
    expect({ labelled: total >= labelled, negativeShare: negativeLines / total >= 0.45 }).toEqual({ labelled: true, negativeShare: true });
    for (const category of CATEGORIES) expect(truth.expected.filter((e) => e.rule === category).length).toBeGreaterThanOrEqual(perRule);
  });

  // In CI the scorer must be there; on a machine without ../shared the test says it was skipped.
  it.skipIf(!runsHere(present, `the scorer ${SCORER} is not on this machine`))(`finds CPR numbers, health data and named complaints at ${FLOOR * 100}% precision and recall each (errors only)`, () => {
    const { summary, fatal, unknownFiles } = scoreCorpus(site, truthFile, { showValues: true });
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
    expect(shown).toEqual(shown.map((entry) => ({ ...entry, recall: true, precision: true, missed: [], wrong: [] })));
  });
});
