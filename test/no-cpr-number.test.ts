import { describe, expect, it } from 'vitest';
import { scanText } from '../src/index.js';

// Every case is read as plain text on 22 November 2026. Columns are 1-based, ends exclusive.
const TODAY = new Date(2026, 10, 22);

interface Expected {
  column: number;
  endColumn: number;
  severity: 'error' | 'warning';
}

function found(text: string): Expected[] {
  return scanText(text, { format: 'text', today: TODAY }).findings.map((finding) => ({
    column: finding.place.start.column,
    endColumn: finding.place.end.column,
    severity: finding.severity,
  }));
}

const error = (column: number, endColumn: number): Expected => ({ column, endColumn, severity: 'error' });
const warning = (column: number, endColumn: number): Expected => ({ column, endColumn, severity: 'warning' });

describe('written forms (15 March 1985, modulus 11)', () => {
  it.each([
    ['no separator', 'Nr 1503852000 her', [error(4, 14)]],
    ['hyphen', 'Nr 150385-2000 her', [error(4, 15)]],
    ['en dash', 'Nr 150385\u20132000 her', [error(4, 15)]],
    ['non-breaking hyphen', 'Nr 150385\u20112000 her', [error(4, 15)]],
    ['minus sign', 'Nr 150385\u22122000 her', [error(4, 15)]],
    ['space', 'Nr 150385 2000 her', [error(4, 15)]],
    ['no-break space', 'Nr 150385\u00a02000 her', [error(4, 15)]],
    ['narrow no-break space', 'Nr 150385\u202f2000 her', [error(4, 15)]],
    ['tab', 'Nr 150385\t2000 her', [error(4, 15)]],
    ['slash', 'Nr 150385/2000 her', [error(4, 15)]],
    ['dot: weaker evidence, as decimals are written so', 'Nr 150385.2000 her', [warning(4, 15)]],
    ['dot and a CPR keyword', 'CPR 150385.2000 her', [error(5, 16)]],
    ['line break', 'Nr 150385\n2000 her', [{ column: 4, endColumn: 5, severity: 'error' }]],
    ['hyphen and line break', 'Nr 150385-\n2000 her', [{ column: 4, endColumn: 5, severity: 'error' }]],
    ['spaced hyphen without the second space', 'Nr 150385 -2000 her', [error(4, 16)]],
    ['three spaces', 'Nr 150385   2000 her', [error(4, 17)]],
    ['percent-encoded hyphen in a URL', '/a/150385%2D2000.pdf', [error(4, 17)]],
    ['spaced hyphen', 'Nr 150385 - 2000 her', [error(4, 17)]],
    ['spaced en dash', 'Nr 150385 \u2013 2000 her', [error(4, 17)]],
    // A year after the dash (15.03.85-2000) reads as a date range: see cpr-forms.test.ts.
    ['dotted date and hyphen', 'Nr 15.03.85-0040 her', [error(4, 17)]],
    ['dotted date and en dash', 'Nr 15.03.85\u20130040 her', [error(4, 17)]],
    ['HTML entity for the non-breaking hyphen', 'Nr 150385&#8209;2000 her', [error(4, 21)]],
    ['HTML hex entity for the en dash', 'Nr 150385&#x2013;2000 her', [error(4, 22)]],
    ['named entity &nbsp;', 'Nr 150385&nbsp;2000 her', [error(4, 20)]],
    ['named entity &ndash;', 'Nr 150385&ndash;2000 her', [error(4, 21)]],
    ['at the start of the text', '1503852000', [error(1, 11)]],
    ['two numbers on a line', '1503852000 og 1503852019', [error(1, 11), error(15, 25)]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('boundaries are digits, not word characters', () => {
  it.each([
    ['underscore before', 'ansoegning_1503852000.pdf', [error(12, 22)]],
    ['equals sign before', 'cpr=1503852000', [error(5, 15)]],
    ['letters around', 'abc1503852000def', [error(4, 14)]],
    ['inside a longer number', '12150385200034', []],
    ['a digit before', '91503852000', []],
    ['a digit after', '15038520001', []],
    ['eleven digits with a separator', '150385-20001', []],
    ['a dotted date without a separator', '15.03.852000', []],
    ['a decimal fraction before', 'x 1234.150385 2000', []],
    ['a decimal comma before', 'x 1234,150385 2000', []],
    ['a percent-encoded space before', 'cpr%201503852000', [error(7, 17)]],
    ['inside a long hexadecimal hash', 'main.b3fbecd1cf6409494267.js', []],
    ['four spaces are too many', 'Nr 150385    2000', []],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('dates and centuries (the 7th digit with YY)', () => {
  it.each([
    ['7th digit 0-3: 1900s', '2806460004', [error(1, 11)]],
    ['7th digit 4, YY <= 36: 2000s (12 Nov 2025)', '1211254005', [error(1, 11)]],
    ['7th digit 4, YY > 36: 1900s (1 Jan 1937)', '0101374009', [error(1, 11)]],
    ['7th digit 9, YY <= 36: 2000s (1 Feb 2003)', '0102039009', [error(1, 11)]],
    ['7th digit 9, YY > 36: 1900s (1 Feb 1938)', '0102389018', [error(1, 11)]],
    ['7th digit 5-8, YY <= 57: 2000s (1 Jan 2020)', '0101205002', [error(1, 11)]],
    ['7th digit 5-8, YY >= 58: 1800s (31 Dec 1899)', '3112995004', [error(1, 11)]],
    ['7th digit 5-8, YY 58: 1858', '0101585018', [error(1, 11)]],
    ['born today', '2211264007', [error(1, 11)]],
    ['born tomorrow: a future date', '2311264004', []],
    ['2036 by the 7th digit 4: future', '0101364003', []],
    ['2057 by the 7th digit 5: future', '0101575004', []],
    ['day 32', '3201900009', []],
    ['31 November', '3111900018', []],
    ['month 13', '0113900000', []],
    ['day 00', '0001900000', []],
    ['29 February 1996 (leap year)', '2902961006', [error(1, 11)]],
    ['29 February 1997 (no leap year)', '2902971001', []],
    ['29 February 2000 (7th digit 4: a leap year)', '2902004001', [error(1, 11)]],
    ['29 February 1900 (7th digit 0: no leap year)', '2902000006', []],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('modulus 11 is evidence, never a gate', () => {
  it.each([
    ['modulus 11 holds: error', '1503852000', [error(1, 11)]],
    ['modulus 11 fails, valid date: warning', '1503852001', [warning(1, 11)]],
    ['exempt date 1 January 1965 without modulus 11: error', '0101651000', [error(1, 11)]],
    ['exempt date 1 January 1990 without modulus 11: error', '0101900000', [error(1, 11)]],
    ['1 January 1963 is not exempt: warning', '0101631000', [warning(1, 11)]],
    ['MedCom test number without modulus 11: warning', '2512489996', [warning(1, 11)]],
    ['CPR keyword raises a failing number to an error', 'CPR-nr.: 1503852001', [error(10, 20)]],
    ['keyword "personnummer"', 'Personnummer 150385-2001', [error(14, 25)]],
    ['keyword "personnr."', 'personnr. 150385-2001', [error(11, 22)]],
    ['keyword inside a word ("ansoeger_cpr")', 'ansoeger_cpr: "150385-2001"', [error(16, 27)]],
    ['keyword after the number', '150385-2001 (CPR)', [error(1, 12)]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('substitute numbers and eCPRs', () => {
  it.each([
    ['substitute number (day + 60) with modulus 11: error', 'Nr 6101900000', [error(4, 14)]],
    ['substitute number without modulus 11: warning', 'Nr 6101900001', [warning(4, 14)]],
    ['substitute number on an impossible day (day 92)', 'Nr 9201900000', []],
    ['X-eCPR: a digit, two capitals, a digit', 'Nr 1503851AB2', [error(4, 14)]],
    ['D-eCPR with hyphen', 'Nr 150385-5XY7', [error(4, 15)]],
    ['eCPR with an impossible date', 'Nr 3202851AB2', []],
    ['eCPR-like text with a 7th digit outside the eCPR series', 'Nr 1503852AB2', []],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('other number kinds named nearby lower confidence for that number only', () => {
  it.each([
    ['account number with modulus 11: warning', 'Kontonr. 1503852000', [warning(10, 20)]],
    ['account number without modulus 11: nothing', 'Kontonr. 1503852001', []],
    ['order number', 'Ordrenr. 1503852000', [warning(10, 20)]],
    ['invoice number', 'Fakturanr. 1503852000', [warning(12, 22)]],
    ['reg.nr.', 'Reg.nr. 1503852000', [warning(9, 19)]],
    ['p-nr.', 'P-nr. 1503852000', [warning(7, 17)]],
    ['CVR', 'CVR 1503852000', [warning(5, 15)]],
    ['EAN', 'EAN 1503852000', [warning(5, 15)]],
    ['phone', 'tlf. 1503852000', [warning(6, 16)]],
    ['a phone number between: the CPR word is this number\'s label, tlf. the phone number\'s', 'tlf. 33 98 00 98, CPR 1503852001', [error(23, 33)]],
    ['a label with another number between is that number\'s', 'CPR 1503852000, tlf. 1503852001', [error(5, 15)]],
    ['a label lowers its own number, not the whole text', 'Kontonr. 1503852000\nSagen: 1503852019', [warning(10, 20), error(8, 18)]],
    ['a bare "Konto:"', 'Konto: 1503852000', [warning(8, 18)]],
    ['a bare "Ordre"', 'Ordre 1503852000', [warning(7, 17)]],
    ['a bare "Faktura"', 'Faktura 1503852000', [warning(9, 19)]],
    ['a JSON timestamp key', '{"updated":1503852000}', [warning(12, 22)]],
    ['a cache-busting version', 'style.css?ver=1503852000', [warning(15, 25)]],
    ['a label must start a word: "automobil" is no "mobil"', 'automobil 1503852000', [error(11, 21)]],
    ['a label after the number belongs to the next number', 'Hans Jensen 150385-2000 mobil 12345678', [error(13, 24)]],
    ['a CPR label in the same table row', '| CPR-nr. | 150385-2001 |', [error(13, 24)]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('hard negatives from Danish sites', () => {
  it.each([
    ['phone number in pairs', 'Ring på 33 98 00 98'],
    ['international phone number', 'Ring på +45 4489 2929'],
    ['phone number in brackets', 'Ring på (+45) 40 49 45 64 mellem kl. 10 og 14'],
    ['eight-digit phone number', 'tlf. 98984453'],
    ['CVR', 'CVR 14433098'],
    ['EAN location number', 'EAN 5798000201569'],
    ['bank registration and account', 'Reg.nr. 2391 kontonr. 0036185609'],
    ['case number', 'Sagsnr. 48.16.99-A38-6-20'],
    ['journal number', 'J.nr. 2024-123456'],
    ['ISBN-13', 'ISBN 978-87-02-12345-6'],
    ['ISBN-10', 'ISBN 87-7245-901-3'],
    ['date and time', 'Mødet blev holdt den 09.07.2014 kl. 16.00'],
    ['ISO timestamp', '2026-03-15T14:30:00Z'],
    ['compact timestamp', '20260315143000'],
    ['unix time in seconds', 'updated 1763800000'],
    ['order number with an impossible date', 'Ordrenummer 5293460336 er afsendt'],
    ['year and a count', 'I 2025 modtog vi 1234 ansøgninger'],
    ['price', 'Pris: 1.503.852 kr.'],
    ['IBAN', 'DK50 0040 0440 1162 43'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('every finding says why, and never holds the value unless asked', () => {
  it('carries rule id, confidence, reasons, place and the redacted value', () => {
    const [finding] = scanText('CPR: 150385-2000', { format: 'text', today: TODAY }).findings;
    expect(finding).toMatchObject({
      ruleId: 'no-cpr-number',
      severity: 'error',
      confidence: 'high',
      reasons: ['valid date', 'modulus 11', 'CPR keyword nearby'],
      kind: 'text',
      redacted: '1503XX-XXXX',
      place: { start: { line: 1, column: 6, offset: 5 }, end: { line: 1, column: 17, offset: 16 } },
    });
    expect(finding).not.toHaveProperty('value');
    expect(JSON.stringify(finding)).not.toMatch(/2000|150385/);
  });

  it('gives the value only with showValues', () => {
    const [finding] = scanText('CPR: 150385-2000', { format: 'text', today: TODAY, showValues: true }).findings;
    expect(finding?.value).toBe('150385-2000');
    expect(finding?.message).toContain('150385-2000');
  });
});
