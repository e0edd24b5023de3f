/* eslint-disable cprlint/no-cpr-number -- the tests plant a made-up number in shapes parsers are slow on */
import { describe, expect, it } from 'vitest';
import { tooCostlyToParse } from '../src/adapters/markdown.js';
import { readableView } from '../src/core/readable-view.js';
import { scanText } from '../src/index.js';
import { TODAY } from './rule-findings.js';

// Shapes no written page has, on which a parser's or an expression's time grows with the square
// of the input: they are read as plain text, with a warning, and the number in them is still found.
describe('shapes too costly to parse are read as plain text', () => {
  it.each([
    ['thousands of emphasis marks in one paragraph', `CPR 150385-2000\n\n${'*a_'.repeat(3000)}\n`, 'more than 2000 emphasis marks in one paragraph'],
    ['blockquotes nested hundreds deep', `CPR 150385-2000\n\n${'> '.repeat(200)}x\n`, 'blockquotes nested more than 100 deep'],
  ])('%s', (_name, markdown, reason) => {
    expect(tooCostlyToParse(markdown)).toBe(reason);
    const report = scanText(markdown, { filePath: 'side.md', today: TODAY });
    expect(report.notices.map((notice) => notice.message)).toEqual([`Could not parse as Markdown (too costly to parse: ${reason}); scanned as plain text`]);
    expect(report.findings.map((finding) => finding.redacted)).toEqual(['1503XX-XXXX']);
  });

  it.each([
    ['a long bulleted list', `${'* punkt med _kursiv_ tekst\n'.repeat(500)}`],
    ['ordinary emphasis in many paragraphs', `${'Et **fed** ord og et _kursivt_.\n\n'.repeat(2000)}`],
    ['a few quote levels', '> > > citat\n'.repeat(100)],
  ])('not: %s', (_name, markdown) => {
    expect(tooCostlyToParse(markdown)).toBeUndefined();
  });

  it('a "<" with no ">" after it is not read as a tag, whatever follows it', () => {
    const text = `<a${'b'.repeat(100_000)} CPR 150385-2000`;
    expect(readableView(text)).toBe(text);
  });
});

// Whatever shape a parser is slow on, known or not, its time is bounded: a parse that overruns the
// time limit is stopped from outside and the source read as plain text, with a warning.
describe('a parse that overruns the time limit', () => {
  // Thousands of ordinary paragraphs: no shape the guards know, and far more than a millisecond of parsing.
  const markdown = `${'Et **fed** ord, en [lenke](https://example.dk/) og et _kursivt_.\n\n'.repeat(20_000)}CPR 150385-2000\n`;

  it('is stopped, and the source scanned as plain text, its number found', () => {
    const report = scanText(markdown, { filePath: 'side.md', today: TODAY, timeLimitMs: 1 });
    expect(report.notices).toEqual([{ severity: 'warning', message: 'Parsing took longer than the time limit (1 ms): scanned as plain text' }]);
    expect(report.findings.map((finding) => [finding.redacted, finding.place.start.line])).toEqual([['1503XX-XXXX', 40_001]]);
  });

  it('within the limit is parsed as ever', () => {
    const report = scanText(markdown, { filePath: 'side.md', today: TODAY });
    expect(report.notices).toEqual([]);
    expect(report.findings.map((finding) => finding.redacted)).toEqual(['1503XX-XXXX']);
  });
});
