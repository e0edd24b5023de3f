import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCORER, scoreCorpus } from './corpus-score.js';
import { runsHere } from './temporary-tree.js';

// The labelled dev corpus and its scorer live beside the repository, in ../shared.
const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const SITE = path.join(SHARED, 'corpus', 'dev', 'site');
const TRUTH = path.join(SHARED, 'corpus', 'dev', 'truth.json');
const present = fs.existsSync(SITE) && fs.existsSync(SCORER);

// In CI the corpus must be there; on a machine without ../shared the test says it was skipped.
describe.skipIf(!runsHere(present, `the dev corpus ${SITE} or its scorer is not on this machine`))('the dev corpus (../shared/corpus/dev), errors only', () => {
  it('finds every CPR number and nothing else, and 95% of health data and named complaints at 95% precision', () => {
    const { summary, fatal } = scoreCorpus(SITE, TRUTH);
    const cpr = summary.cpr!;
    expect({ fatal, recall: cpr.recall, precision: cpr.precision, missed: cpr.fnSamples, wrong: cpr.fpSamples }).toEqual({
      fatal: 0,
      recall: 1,
      precision: 1,
      missed: [],
      wrong: [],
    });
    expect(cpr.tp).toBeGreaterThan(0);
    for (const category of ['health', 'complaint']) {
      const score = summary[category]!;
      expect({ category, recall: score.recall >= 0.95, precision: score.precision >= 0.95, missed: score.fnSamples, wrong: score.fpSamples }).toEqual({
        category,
        recall: true,
        precision: true,
        missed: score.recall >= 0.95 ? score.fnSamples : [],
        wrong: score.precision >= 0.95 ? score.fpSamples : [],
      });
    }
  });
});
