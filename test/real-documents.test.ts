import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanText } from '../src/index.js';
import { runsHere } from './temporary-tree.js';

// Real documents published by Københavns Kommune (../shared/data/real-documents): text nobody here
// wrote, full of health and care vocabulary, staff and association names. Nothing in them may fail
// a build. Text is extracted with pdftotext (Debian's poppler-utils; .ci/run installs it).
const DOCUMENTS = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'real-documents');
const available = fs.existsSync(DOCUMENTS) && spawnSync('pdftotext', ['-v']).error === undefined;

/** The text of a PDF, in reading order or with the page layout kept (table columns side by side). */
function extractText(file: string, layout: boolean): { text: string; pages: number } {
  const result = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdftotext failed on ${file}: ${result.stderr}`);
  // pdftotext ends every page with a form feed.
  return { text: result.stdout, pages: result.stdout.split('\f').length - 1 };
}

const PAGES: Record<string, number> = {
  'midler-til-frivilligt-arbejde.pdf': 204,
  'tilsynsrapport-2013-clara-service-gruppen.pdf': 28,
  'tilsynsrapport-2013-kaerkommen.pdf': 29,
};

/** Health words each document holds (mode "any" finds them), named so a lost term shows by name. */
const HEALTH_WORDS: Record<string, string[]> = {
  'midler-til-frivilligt-arbejde.pdf': ['selvmord', 'incest', 'autisme', 'epilepsi', 'diabetes', 'osteoporose', 'demensramte', 'misbrugere', 'hiv'],
  'tilsynsrapport-2013-clara-service-gruppen.pdf': ['kørestol', 'hjælpemidler', 'rollator'],
  'tilsynsrapport-2013-kaerkommen.pdf': ['hørehæmmet', 'hjælpemidler', 'handicappet'],
};

describe.skipIf(!runsHere(available, `${DOCUMENTS} or pdftotext (Debian: apt-get install poppler-utils) is not on this machine`))('real municipal documents', () => {
  describe.each(Object.keys(PAGES))('%s', (name) => {
    it.each([
      ['in reading order', false],
      ['with the layout kept', true],
    ])('has no error %s, and the warnings listed', (_how, layout) => {
      const { text, pages } = extractText(path.join(DOCUMENTS, name), layout);
      expect(pages).toBe(PAGES[name]);
      const report = scanText(text, { filePath: `${name}.txt`, format: 'text' });
      expect(report.notices).toEqual([]);
      expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
      // Every warning here is explained in docs/rules/ (section "Real documents").
      expect(report.findings.map((finding) => `${finding.ruleId} ${finding.place.start.line}: ${finding.message}`)).toMatchSnapshot();
    });

    it('holds health vocabulary, so "no error" means something', () => {
      const { text } = extractText(path.join(DOCUMENTS, name), false);
      const anyTerm = scanText(text, { format: 'text', rules: { 'no-health-data': ['error', { mode: 'any' }], 'no-named-complaint': 'off', 'no-cpr-number': 'off' } });
      const words = new Set(anyTerm.findings.flatMap((finding) => text.slice(finding.place.start.offset, finding.place.end.offset).toLowerCase().split(/[^\p{L}-]+/u)));
      expect(HEALTH_WORDS[name]!.filter((word) => !words.has(word))).toEqual([]);
    });
  });
});
