import { describe, expect, it } from 'vitest';
import { mightHoldCpr, noCprNumber, redactCprNumbers } from '../rules/no-cpr-number.js';
import { scanText } from '../src/index.js';
import type { Segment, TableCell } from '../src/core/segment.js';

// Issue 10: CPR numbers in the forms documents use. Every case is read on 22 November 2026.
// Lines and columns are 1-based, ends exclusive.
const TODAY = new Date(2026, 10, 22);

interface Expected {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
}

function found(text: string): Expected[] {
  return scanText(text, { format: 'text', today: TODAY })
    .findings.filter((finding) => finding.ruleId === 'no-cpr-number')
    .map((finding) => ({
      line: finding.place.start.line,
      column: finding.place.start.column,
      endLine: finding.place.end.line,
      endColumn: finding.place.end.column,
      severity: finding.severity,
    }));
}

const on1 = (severity: Expected['severity']) => (column: number, endColumn: number): Expected => ({ line: 1, column, endLine: 1, endColumn, severity });
const error = on1('error');
const warning = on1('warning');
/** An error from [line, column] to [line, column]. */
const errorAcross = ([line, column]: [number, number], [endLine, endColumn]: [number, number]): Expected => ({ line, column, endLine, endColumn, severity: 'error' });

describe('birth date and serial given apart, each under its label', () => {
  it.each([
    // The finding runs from the date's first digit to the serial's last.
    ['"Født:" and "løbenummer:"', 'Født: 03.06.1978, løbenummer: 2214', [error(7, 35)]],
    ['"fødselsdato" with 9/4-62 and "løbenr."', 'fødselsdato 9/4-62 og løbenr. 1187', [error(13, 35)]],
    ['on the next line', 'Fødselsdato: 03-06-1978\nLøbenr.: 2214', [errorAcross([1, 14], [2, 14])]],
    ['two line breaks between', 'Født 03.06.1978\n\nLøbenr. 2214', [errorAcross([1, 6], [3, 13])]],
    ['"født den", a month name, "de sidste fire cifre"', 'født den 3. juni 1978, de sidste fire cifre: 2214', [error(10, 50)]],
    ['"f." and "løbe-nr."', 'f. 03.06.78, løbe-nr. 2214', [error(4, 27)]],
    ['"DOB" and a slashed date', 'DOB 03/06/1978, løbenr 2214', [error(5, 28)]],
    ['an ISO date', 'Født 1978-06-03, løbenr. 2214', [error(6, 30)]],
    ['a date without separators', 'Født 030678 løbenr. 2214', [error(6, 25)]],
    ['words between', 'Født 03.06.1978 i Aarhus. Løbenr. 2214 på listen.', [error(6, 39)]],
    ['the serial first', 'Løbenummer 2214, født 03.06.1978', [error(12, 33)]],
    ['"kontrolcifre"', 'Født 03.06.1978, kontrolcifre 2214', [error(6, 35)]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a birth date alone', 'Født: 03.06.1978'],
    ['a serial alone', 'løbenummer: 2214'],
    ['four digits without the serial\'s label', 'Født: 03.06.1978, nummer 2214'],
    ['a date without the birth date\'s label', 'Mødedato: 03.06.1978, løbenummer 2214'],
    ['"f.eks." is no "f."', 'f.eks. 03.06.1978, løbenr. 2214'],
    ['"Beløbet" is no "løbe-"', 'Født 03.06.1978. Beløbet 2214 kr.'],
    ['the serial\'s century disagrees with the year (5214 gives 1878)', 'Født: 03.06.1978, løbenummer: 5214'],
    ['a birth date in the future', 'Født: 03.06.2030, løbenummer: 4214'],
    ['no such date', 'Født: 31.06.1978, løbenr. 2214'],
    ['three line breaks between', 'Født 03.06.1978\n\n\nLøbenr. 2214'],
    ['more than 120 characters between', `Født 03.06.1978. ${'Her står der noget helt andet. '.repeat(4)}Løbenr. 2214`],
  ])('not a finding: %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  it('reports the number as DDMMYY-SSSS, redacted unless values are asked for', () => {
    const [finding] = scanText('Født: 03.06.1978, løbenummer: 2214', { format: 'text', today: TODAY }).findings;
    expect(finding).toMatchObject({ confidence: 'high', reasons: ['valid date', 'no modulus 11'], redacted: '0306XX-XXXX' });
    expect(finding?.message).toBe('CPR number 0306XX-XXXX (birth date and serial given apart, valid date, no modulus 11): remove it or replace it with a placeholder');
    const [shown] = scanText('Født: 03.06.1978, løbenummer: 2214', { format: 'text', today: TODAY, showValues: true }).findings;
    expect(shown?.value).toBe('030678-2214');
  });
});

describe('the date in spaced pairs, under a CPR label only', () => {
  it.each([
    ['"CPR" and a space', 'CPR 03 06 78 2214', [error(5, 18)]],
    ['"cpr-nr.:" and a hyphen', 'cpr-nr.: 03 06 78-2214', [error(10, 23)]],
    ['"Personnummer", no modulus 11: still an error', 'Personnummer: 15 03 85 2001', [error(15, 28)]],
    ['a CPR word after a phone number', 'Telefon: 87 13 20 00, CPR 03 06 78 2214', [error(27, 40)]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['no label', 'Nr 03 06 78 2214'],
    ['a phone number in pairs', 'Ring på 87 13 20 00'],
    ['a phone number in pairs on a line with a CPR word', 'CPR-nummer oplyses, tlf. 87 13 20 00'],
    ['more pairs before: part of a longer number', 'CPR 12 03 06 78 2214'],
    ['a foreign phone number', 'CPR +46 70 12 03 4567'],
    ['more digits after', 'CPR 03 06 78 2214 55'],
    ['a birth date in the future', 'CPR: 23 11 26 4004'],
  ])('not a finding: %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('the strongest label wins, not the nearest', () => {
  it.each([
    ['"personnummer" outweighs "telefon"', 'Personnummer, telefon 150385-2001', [error(23, 34)]],
    ['a 6-4 number is no phone number: "Telefon" does not lower it', 'Telefon 150385-2000', [error(9, 20)]],
    ['… nor "Telefonnummer"', 'Telefonnummer 150385-2000', [error(15, 26)]],
    ['… and without modulus 11 it stays a warning', 'Mobilnr. 150385-2001', [warning(10, 21)]],
    ['ten digits in one piece under a phone label: lowered', 'tlf. 1503852000', [warning(6, 16)]],
    ['another number\'s label outweighs a phone\'s', 'Kontonr./telefon 150385-2000', [warning(18, 29)]],
    ['a few digits between do not part a label from its number', 'Personnummer (10 cifre): 1503852001', [error(26, 36)]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('long and compound labels of other numbers lower confidence like short ones', () => {
  it.each([
    ['bilagsnummer', 'Bilagsnummer 1503852000', [warning(14, 24)]],
    ['telefonnummer', 'Telefonnummer 1503852000', [warning(15, 25)]],
    ['lønkonto', 'Lønkonto 1503852000', [warning(10, 20)]],
    ['driftskonto', 'Driftskonto 1503852000', [warning(13, 23)]],
    ['NemKonto', 'NemKonto 1503852000', [warning(10, 20)]],
    ['NØK-nummer', 'NØK-nummer 1503852000', [warning(12, 22)]],
    ['P-nummer', 'P-nummer 1503852000', [warning(10, 20)]],
    ['kontonummer', 'Kontonummer 1503852000', [warning(13, 23)]],
    ['ordrenummer', 'Ordrenummer 1503852000', [warning(13, 23)]],
    ['fakturanummer', 'Fakturanummer 1503852000', [warning(15, 25)]],
    ['klagesagsnummer (a longer first part)', 'Klagesagsnummer 1503852000', [warning(17, 27)]],
    ['kundeservicetelefonnummer', 'Kundeservicetelefonnummer 1503852000', [warning(27, 37)]],
    ['two words: "Sags nr."', 'Sags nr. 1503852000', [warning(10, 20)]],
    ['a JSON key: orderNo', '{"orderNo":1503852000}', [warning(12, 22)]],
    ['a first part of three letters names nothing: "husnummer"', 'Husnummer 1503852000', [error(11, 21)]],
    ['a person\'s number is a CPR number: "Pers.nr."', 'Pers.nr. 150385-2000', [error(10, 21)]],
    ['"Fødselsnr."', 'Fødselsnr. 150385-2000', [error(12, 23)]],
    ['"Patientnr."', 'Patientnr. 150385-2000', [error(12, 23)]],
    ['any longer noun\'s number: "bevillingsnummer"', 'Bevillingsnummer 1503852000', [warning(18, 28)]],
    ['two words, a compound first: "ordrebekræftelse nr."', 'Ordrebekræftelse nr. 2304411379', [warning(22, 32)]],
    ['"løbenummer" names the CPR number\'s own serial', 'Løbenummer 1503852000', [error(12, 22)]],
    ['an id in a URL is no label', '/sag?id=1503852000', [error(9, 19)]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

interface Cell {
  header: string;
  text: string;
}

/** A table row as the adapters cut it: its cells apart, each with its column's header. */
function row(...cells: Cell[]): Segment {
  let text = '';
  const placed: TableCell[] = [];
  for (const cell of cells) {
    if (text !== '') text += ' | ';
    placed.push({ from: text.length, to: text.length + cell.text.length, header: cell.header });
    text += cell.text;
  }
  return { kind: 'text', text, block: true, offset: 0, cells: placed };
}
const cell = (header: string, text: string): Cell => ({ header, text });

function checked(segment: Segment): { from: number; to: number; confidence: string }[] {
  return noCprNumber
    .create(undefined)
    .check(segment, { today: TODAY })
    .map(({ from, to, confidence }) => ({ from, to, confidence }));
}

describe('a column header is a label for the numbers below it', () => {
  it.each([
    ['"Kontonr." lowers', row(cell('Navn', 'Hans'), cell('Kontonr.', '1503852000')), [{ from: 7, to: 17, confidence: 'medium' }]],
    ['"Ordrenr." lowers', row(cell('Ordrenr.', '1503852000')), [{ from: 0, to: 10, confidence: 'medium' }]],
    ['"Fakturanr." lowers', row(cell('Fakturanr.', '1503852000')), [{ from: 0, to: 10, confidence: 'medium' }]],
    ['"Telefon" lowers ten digits in one piece', row(cell('Telefon', '1503852000')), [{ from: 0, to: 10, confidence: 'medium' }]],
    ['"Telefon" does not lower a 6-4 number', row(cell('Afdeling', 'Teknik'), cell('Telefon', '150385-2000')), [{ from: 9, to: 20, confidence: 'high' }]],
    ['"Kontonr." without modulus 11: not reported', row(cell('Kontonr.', '1503852001')), []],
    ['"CPR" raises', row(cell('CPR', '1503852001')), [{ from: 0, to: 10, confidence: 'high' }]],
    ['"CPR-nr." raises', row(cell('Navn', 'Hans'), cell('CPR-nr.', '150385-2001')), [{ from: 7, to: 18, confidence: 'high' }]],
    ['"Personnummer" raises', row(cell('Personnummer', '1503852001')), [{ from: 0, to: 10, confidence: 'high' }]],
    ['"CPR" admits the date in spaced pairs', row(cell('CPR', '03 06 78 2214')), [{ from: 0, to: 13, confidence: 'high' }]],
    ['no header: the number\'s own evidence', row(cell('', '1503852001')), [{ from: 0, to: 10, confidence: 'medium' }]],
    ['another column\'s header says nothing', row(cell('Kontonr.', '12345678'), cell('Bemærkning', '1503852001')), [{ from: 11, to: 21, confidence: 'medium' }]],
    ['a CPR word in the cell outweighs the header', row(cell('Kontonr.', 'CPR 1503852001')), [{ from: 4, to: 14, confidence: 'high' }]],
    ['"Fødselsdato" and "Løbenr." columns make one number', row(cell('Navn', 'Hans'), cell('Fødselsdato', '03.06.1978'), cell('Løbenr.', '2214')), [{ from: 7, to: 24, confidence: 'high' }]],
    ['… also with columns between', row(cell('Fødselsdato', '03.06.1978'), cell('Adresse', 'Vestergade 1, 8000 Aarhus C'), cell('Sidste 4 cifre', '2214')), [{ from: 0, to: 47, confidence: 'high' }]],
    ['a "Fødselsdato" column alone', row(cell('Navn', 'Hans'), cell('Fødselsdato', '03.06.1978')), []],
  ])('%s', (_name, segment, expected) => {
    expect(checked(segment)).toEqual(expected);
  });
});

describe('column headers through the adapters', () => {
  it.each([
    ['Markdown: a "Kontonr." column', 'markdown', '| Navn | Kontonr. |\n| --- | --- |\n| Hans | 1503852000 |\n', [{ line: 3, column: 10, endLine: 3, endColumn: 20, severity: 'warning' }]],
    ['Markdown: "Fødselsdato" and "Løbenr." columns', 'markdown', '| Navn | Fødselsdato | Løbenr. |\n| --- | --- | --- |\n| Hans | 03.06.1978 | 2214 |\n', [{ line: 3, column: 10, endLine: 3, endColumn: 27, severity: 'error' }]],
    ['HTML: a "CPR" column admits spaced pairs', 'html', '<table><tr><th>Navn</th><th>CPR</th></tr><tr><td>Hans</td><td>03 06 78 2214</td></tr></table>', [{ line: 1, column: 63, endLine: 1, endColumn: 76, severity: 'error' }]],
  ] as const)('%s', (_name, format, text, expected) => {
    const findings = scanText(text, { format, today: TODAY }).findings.filter((finding) => finding.ruleId === 'no-cpr-number');
    expect(findings.map(({ place, severity }) => ({ line: place.start.line, column: place.start.column, endLine: place.end.line, endColumn: place.end.column, severity }))).toEqual(expected);
  });
});

describe('numbers of no person', () => {
  it.each([
    ['inside a UUID', 'id: 66a91512-8d4e-4f6b-9c1a-1503852000f7', []],
    ['inside an upper-case UUID', '66A91512-8D4E-4F6B-9C1A-1503852000F7', []],
    ['across two groups of a UUID', 'ab150385-2000-4f6b-9c1a-66a915128d4e', []],
    ['inside a long hexadecimal hash', 'commit 1503852000abcdef0123456789abcdef01234567', []],
    ['a short hexadecimal group is no UUID', 'ref 9c1a-1503852000f7', [error(10, 20)]],
    // A year at or after the date's after a dash: a range. Dots are one step down, a period word another.
    ['a dotted date and a later year: a warning at most', 'Ansat 01.08.97-2017', [warning(7, 20)]],
    ['… also with spaces around the dash', 'Nr 01.08.97 - 2017', [warning(4, 19)]],
    ['… the old example: 15.03.85-2000', 'Nr 15.03.85-2000 her', [warning(4, 17)]],
    ['a dotted date after a period word: not reported', 'Ansat i perioden fra 01.08.97-2017', []],
    ['"periode" and an en dash', 'periode 01.08.97\u20132017', []],
    ['undotted after a period word: a warning', 'Lejeperiode 010897-2017', [warning(13, 24)]],
    ['"fra" alone names a sender as often as a period', 'Klage fra 010897-2017', [error(11, 22)]],
    ['undotted without a period word: a CPR number like any other', '010897-2017', [error(1, 12)]],
    ['a CPR word outweighs the range', 'CPR 01.08.97-2017', [error(5, 18)]],
    ['a year before the date\'s own is no range', 'Nr 15.03.85-1918', [error(4, 17)]],
    ['a slash is no range', 'Nr 01.08.97/2017', [error(4, 17)]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('every pass is linear in its input', () => {
  // Each took minutes, or would, when the scan read a hexadecimal run once per candidate in it.
  it.each([
    ['a 1 MB hexadecimal string full of candidates', `{"h":"${'a1503852000'.repeat(95_000)}"}`, 0],
    ['a 1 MB hexadecimal string with one candidate', `${'f'.repeat(500_000)}1503852000${'e'.repeat(500_000)}`, 0],
    ['a million digits', '1'.repeat(1_000_000), 0],
    ['a million letters before a number', `${'a'.repeat(1_000_000)} 1503852000`, 1],
    ['a 1 MB line of labelled numbers', 'Kontonr. 1503852000 '.repeat(50_000), 50_000],
    ['a 1 MB line of pairs after a CPR word', `CPR ${'12 '.repeat(330_000)}`, 0],
    ['a 1 MB line of labels without values', 'født løbenr. '.repeat(80_000), 0],
    ['a 1 MB line of birth dates and serials', 'Født 03.06.1978 løbenr. 2214 '.repeat(35_000), 35_000],
    ['a 1 MB line of UUIDs', '66a91512-8d4e-4f6b-9c1a-1503852000f7 '.repeat(27_000), 0],
  ])('%s', (_name, text, count) => {
    const started = performance.now();
    expect(scanText(text, { format: 'text', today: TODAY }).findings).toHaveLength(count);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('the prefilter holds a superset of what the rule finds', () => {
  it.each([
    'Født: 03.06.1978, løbenummer: 2214',
    'fødselsdato 9/4-62 og løbenr. 1187',
    'Fødselsdato: 03-06-1978\nLøbenr.: 2214',
    'født den 3. juni 1978, de sidste fire cifre: 2214',
    'Født 03.06.1978, kontrolcifre 2214',
    'CPR 03 06 78 2214',
    'cpr-nr.: 03 06 78-2214',
    'Personnummer: 15 03 85 2001',
    // A table's header row, then a row under it, as a file's readable view holds them.
    '| Fødselsdato | Løbenr. |\n| 03.06.1978 | 2214 |',
    '| CPR |\n| 03 06 78 2214 |',
  ])('%s', (text) => {
    expect(mightHoldCpr(text, TODAY)).toBe(true);
  });

  it.each([
    ['a phone number in pairs', 'Ring på 87 13 20 00'],
    ['a birth date alone', 'Født: 03.06.1978'],
    ['a date in pairs without a CPR word', 'Nr 03 06 78 2214'],
  ])('not for %s', (_name, text) => {
    expect(mightHoldCpr(text, TODAY)).toBe(false);
  });
});

describe('redactCprNumbers hides the new forms too', () => {
  it.each([
    ['spaced pairs under a CPR word', 'CPR 03 06 78 2214.pdf', 'CPR 0306XX-XXXX.pdf'],
    ['birth date and serial apart', 'Født 03.06.1978 løbenr. 2214.pdf', 'Født 0306XX-XXXX.pdf'],
    ['a doubtful date range', 'ansat 01.08.97-2017.pdf', 'ansat 0108XX-XXXX.pdf'],
    ['a phone number stays', 'tlf 87 13 20 00', 'tlf 87 13 20 00'],
    ['spaced pairs without a CPR word stay', 'nr 03 06 78 2214', 'nr 03 06 78 2214'],
    ['a UUID stays', 'x/66a91512-8d4e-4f6b-9c1a-1503852000f7.json', 'x/66a91512-8d4e-4f6b-9c1a-1503852000f7.json'],
  ])('%s', (_name, text, redacted) => {
    expect(redactCprNumbers(text, TODAY)).toBe(redacted);
  });
});
