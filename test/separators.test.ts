/* eslint-disable cprlint/no-cpr-number -- the tests plant made-up numbers between every separator */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactValues } from '../src/core/findings.js';
import { scanText } from '../src/index.js';
import { TODAY } from './rule-findings.js';
import { runCprlint, temporaryTree } from './temporary-tree.js';

// Every separator a page can render between a CPR number's date and serial, written as the
// character itself and, where HTML has one, as a character reference. Invisible ones (a soft
// hyphen, zero-width characters, word joiners) show the reader "2301721008".
const SEPARATORS: [name: string, written: string][] = [
  ['hyphen-minus', '-'],
  ['underscore', '_'],
  ['hyphen U+2010', '\u2010'],
  ['non-breaking hyphen U+2011', '\u2011'],
  ['figure dash U+2012', '\u2012'],
  ['en dash U+2013', '\u2013'],
  ['em dash U+2014', '\u2014'],
  ['horizontal bar U+2015', '\u2015'],
  ['minus sign U+2212', '\u2212'],
  ['small hyphen-minus U+FE63', '\ufe63'],
  ['fullwidth hyphen-minus U+FF0D', '\uff0d'],
  ['soft hyphen U+00AD', '\u00ad'],
  ['zero-width space U+200B', '\u200b'],
  ['zero-width non-joiner U+200C', '\u200c'],
  ['zero-width joiner U+200D', '\u200d'],
  ['word joiner U+2060', '\u2060'],
  ['byte order mark U+FEFF', '\ufeff'],
  ['left-to-right mark U+200E', '\u200e'],
  ['right-to-left mark U+200F', '\u200f'],
  ['left-to-right embedding U+202A', '\u202a'],
  ['right-to-left override U+202E', '\u202e'],
  ['left-to-right isolate and pop U+2066 U+2069', '\u2066\u2069'],
  ['Arabic letter mark U+061C', '\u061c'],
  ['combining grapheme joiner U+034F', '\u034f'],
  ['variation selector-16 U+FE0F', '\ufe0f'],
  ['Hangul filler U+3164', '\u3164'],
  ['halfwidth Hangul filler U+FFA0', '\uffa0'],
  ['no-break space', '\u00a0'],
  ['&shy;', '&shy;'],
  ['&#8203; (zero-width space)', '&#8203;'],
  ['&#x2060; (word joiner)', '&#x2060;'],
  ['&ndash;', '&ndash;'],
  ['&mdash;', '&mdash;'],
  ['&#8209; (non-breaking hyphen)', '&#8209;'],
];
// Characters with no entity form are planted as themselves in every place; entities only in HTML.
const asCharacter = SEPARATORS.filter(([, written]) => !written.startsWith('&'));

const DATE = '230172';
const SERIAL = '1008';

describe('the candidate search reads every separator a page can render', () => {
  it.each(SEPARATORS)('%s, in HTML', (_name, separator) => {
    const findings = scanText(`<p>Ansøger ${DATE}${separator}${SERIAL} er oplyst.</p>`, { filePath: 'a.html', today: TODAY }).findings;
    expect(findings.filter((finding) => finding.ruleId === 'no-cpr-number').map((finding) => finding.redacted)).toEqual(['2301XX-XXXX']);
  });

  it.each(asCharacter)('%s, in Markdown', (_name, separator) => {
    const findings = scanText(`Ansøger ${DATE}${separator}${SERIAL} er oplyst.`, { filePath: 'a.md', today: TODAY }).findings;
    expect(findings.filter((finding) => finding.ruleId === 'no-cpr-number').map((finding) => finding.place.start.column)).toEqual([9]);
  });

  it.each([
    ['a backslash-escaped hyphen', '\\-'],
    ['a backslash-escaped underscore', '\\_'],
    ['a percent-encoded non-breaking hyphen', '%E2%80%91'],
    ['a percent-encoded en dash', '%e2%80%93'],
    ['a percent-encoded minus sign', '%E2%88%92'],
  ])('%s, found in a page and hidden by redaction', (_name, separator) => {
    const findings = scanText(`Se <a href="/sag/${DATE}${separator}${SERIAL}.pdf">ansøgningen</a>.`, { filePath: 'a.html', today: TODAY }).findings;
    expect(findings.filter((finding) => finding.ruleId === 'no-cpr-number').map((finding) => finding.redacted)).toEqual(['2301XX-XXXX']);
    expect(redactValues(`/sager/${DATE}${separator}${SERIAL}.md`, TODAY)).toBe('/sager/2301XX-XXXX.md');
  });

  it.each([
    ['an HTML comment in a page', 'a.html', `<p>Ansøger ${DATE}<!-- rettet -->-${SERIAL}</p>`],
    ['an HTML comment in Markdown', 'a.md', `Ansøger ${DATE}<!-- rettet -->-${SERIAL}`],
    ['spaces a page collapses', 'a.md', `Ansøger ${DATE}        -        ${SERIAL}`],
    ['tabs and no-break spaces', 'a.txt', `Ansøger ${DATE}\t\t\u00a0\u00a0–\t\t\t\t${SERIAL}`],
  ])('a number a page shows whole across %s', (_name, filePath, text) => {
    const findings = scanText(text, { filePath, today: TODAY }).findings;
    expect(findings.filter((finding) => finding.ruleId === 'no-cpr-number').map((finding) => finding.redacted)).toEqual(['2301XX-XXXX']);
  });

  it('a paragraph break is no separator, however the number is split', () => {
    const findings = scanText(`Sagsnummer ${DATE}\n\n\n\n- ${SERIAL} kr. i tilskud`, { filePath: 'a.md', today: TODAY }).findings;
    expect(findings.filter((finding) => finding.ruleId === 'no-cpr-number')).toEqual([]);
  });

  it.each(asCharacter)('%s, hidden by redaction in a path', (_name, separator) => {
    const redacted = redactValues(`/sager/ansoegning_${DATE}${separator}${SERIAL}.md`, TODAY);
    expect(redacted).toBe('/sager/ansoegning_2301XX-XXXX.md');
  });
});

// Digits a page shows as digits, written in another script's code points.
const OTHER_DIGITS: [name: string, digits: string][] = [
  ['full-width', '０１２３４５６７８９'],
  ['Arabic-Indic', '٠١٢٣٤٥٦٧٨٩'],
  ['extended Arabic-Indic', '۰۱۲۳۴۵۶۷۸۹'],
  ['Devanagari', '०१२३४५६७८९'],
];
const writtenIn = (digits: string, ascii: string): string => ascii.replace(/\d/g, (digit) => digits[Number(digit)]!);

describe('digits of other scripts are read as the digits they show', () => {
  it.each(OTHER_DIGITS)('%s digits, in HTML, Markdown and a path', (_name, digits) => {
    const number = writtenIn(digits, `${DATE}-${SERIAL}`);
    for (const [filePath, text, column] of [['a.html', `<p>Ansøger ${number} er oplyst.</p>`, 12], ['a.md', `Ansøger ${number} er oplyst.`, 9]] as const) {
      const findings = scanText(text, { filePath, today: TODAY }).findings;
      expect(findings.filter((finding) => finding.ruleId === 'no-cpr-number').map((finding) => [finding.redacted, finding.place.start.column])).toEqual([['2301XX-XXXX', column]]);
    }
    expect(redactValues(`/sager/${number}.md`, TODAY)).toBe('/sager/2301XX-XXXX.md');
  });

  it('mixed with ASCII digits, and a date that is no birth date stays what it is', () => {
    expect(redactValues(`sag ${writtenIn(OTHER_DIGITS[0]![1], '2301')}72-1008`, TODAY)).toBe('sag 2301XX-XXXX');
    expect(redactValues(`ordre ${writtenIn(OTHER_DIGITS[0]![1], '993172-1008')}`, TODAY)).toBe(`ordre ${writtenIn(OTHER_DIGITS[0]![1], '993172-1008')}`);
  });
});

describe('no output channel holds the digits, whatever the separator', () => {
  it('file names and content with every separator: four formats and --output-file', () => {
    const files: Record<string, string> = {};
    asCharacter.forEach(([, separator], index) => {
      files[`sag-${index}/ansoegning_${DATE}${separator}${SERIAL}.md`] = `Ansøger ${DATE}${separator}${SERIAL}\n`;
    });
    SEPARATORS.forEach(([, separator], index) => {
      files[`side-${index}.html`] = `<p>Ansøger ${DATE}${separator}${SERIAL}</p>\n`;
    });
    const site = temporaryTree(files);
    const seen: string[] = [];
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const run = runCprlint(['--format', format, '.'], { cwd: site });
      expect(run.code).toBe(1);
      seen.push(run.stdout, run.stderr);
      const written = path.join(site, `report-${format}.out`);
      runCprlint(['--format', format, '--output-file', written, '.'], { cwd: site });
      seen.push(fs.readFileSync(written, 'utf8'));
    }
    // The serial never follows the date's digits, whatever stands between them: a character, or a
    // reference or percent escape that has digits of its own (`&#8209;`, `%E2%80%91`).
    const leaks = seen.flatMap((output) => [...output.matchAll(/2301\s*72(?:&#x?[\da-f]+;|%[\da-f]{2}|\D){0,12}1008/giu)].map((match) => match[0]));
    expect(leaks).toEqual([]);
    expect(seen.join('\n')).toContain('2301XX-XXXX');
  });
});
