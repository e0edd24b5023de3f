import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { delimitedSegments } from '../src/adapters/delimited.js';
import { documentPartSegments } from '../src/documents/document.js';
import { htmlSegments } from '../src/adapters/html.js';
import { markdownSegments } from '../src/adapters/markdown.js';
import { openDocumentText } from '../src/documents/opendocument.js';
import { xlsxText } from '../src/documents/spreadsheet.js';
import { readableView } from '../src/core/readable-view.js';
import { formatOf, parseSegments, scanText } from '../src/core/scan.js';
import { scanDocumentPart } from '../src/documents/document.js';
import { sourceRange, type Segment } from '../src/core/segment.js';

// 150385-2000 is a CPR number of 15 March 1985 that passes modulus 11.
const TODAY = new Date(2026, 10, 22);

/** A row: each cell as [its text, its header]. */
type Row = [string, string][];

/** The rows among segments, each cell read out of its segment's text. */
function rowsOf(segments: readonly Segment[]): Row[] {
  return segments.filter((segment) => segment.cells).map((segment) => segment.cells!.map((cell) => [segment.text.slice(cell.from, cell.to), cell.header]));
}

/** Each cell's place in the source it came from. */
function sourceOf(segments: readonly Segment[], source: string): string[][] {
  return segments
    .filter((segment) => segment.cells)
    .map((segment) => segment.cells!.map((cell) => {
      const range = sourceRange(segment, cell.from, cell.to);
      return cell.to > cell.from ? source.slice(range.start, range.end) : '';
    }));
}

describe('Markdown (GFM) tables', () => {
  it.each<[string, string, Row[]]>([
    [
      'each body row reads the header row; the header row has none',
      '| Navn | CPR |\n| --- | --- |\n| Jens Hansen | 150385-2000 |\n',
      [
        [['Navn', ''], ['CPR', '']],
        [['Jens Hansen', 'Navn'], ['150385-2000', 'CPR']],
      ],
    ],
    [
      'emphasis and escapes flattened in header and cell',
      '| **Klager** | Kontonr\\. |\n|:-|-:|\n| *Jens* Hansen | 1234 |\n',
      [
        [['Klager', ''], ['Kontonr.', '']],
        [['Jens Hansen', 'Klager'], ['1234', 'Kontonr.']],
      ],
    ],
    [
      'a ragged row: a missing cell is left out, a cell past the header has none',
      '| Navn | CPR |\n| --- | --- |\n| Jens |\n| Anna | 1 | 2 |\n',
      [
        [['Navn', ''], ['CPR', '']],
        [['Jens', 'Navn']],
        [['Anna', 'Navn'], ['1', 'CPR'], ['2', '']],
      ],
    ],
    ['a header-only table', '| Ansøger | Diagnose |\n| --- | --- |\n', [[['Ansøger', ''], ['Diagnose', '']]]],
    [
      'an empty header cell and an empty body cell',
      '|  | CPR |\n| --- | --- |\n|  | 150385-2000 |\n',
      [
        [['', ''], ['CPR', '']],
        [['', ''], ['150385-2000', 'CPR']],
      ],
    ],
  ])('%s', (_name, source, rows) => {
    const segments = markdownSegments(source, false);
    expect(rowsOf(segments)).toEqual(rows);
    // Each cell points at its own text in the source (markup inside it aside).
    expect(sourceOf(segments, source).flat().map((text) => text.replace(/[*\\]/g, ''))).toEqual(rows.flat().map(([text]) => text));
  });

  it('places a cell exactly: from and to in the row text, and back in the source', () => {
    const source = '| Navn | CPR |\n| --- | --- |\n| Jens | 150385-2000 |\n';
    const row = markdownSegments(source, false).find((segment) => segment.text.startsWith('Jens'))!;
    expect(row).toMatchObject({ kind: 'text', text: 'Jens | 150385-2000', block: true });
    expect(row.cells).toEqual([
      { from: 0, to: 4, header: 'Navn' },
      { from: 7, to: 18, header: 'CPR' },
    ]);
    expect(sourceRange(row, 7, 18)).toEqual({ start: source.indexOf('150385'), end: source.indexOf('150385') + 11 });
  });
});

describe('HTML tables', () => {
  it.each<[string, string, Row[]]>([
    [
      'the header from <thead>',
      '<table><thead><tr><th>Navn</th><th>CPR</th></tr></thead><tbody><tr><td>Jens Hansen</td><td>150385-2000</td></tr></tbody></table>',
      [
        [['Navn', ''], ['CPR', '']],
        [['Jens Hansen', 'Navn'], ['150385-2000', 'CPR']],
      ],
    ],
    [
      'the header from a first row of <th> without <thead>',
      '<table><tr><th>Ansøger</th><th>Kontonr.</th></tr><tr><td>Jens</td><td>1234</td></tr></table>',
      [
        [['Ansøger', ''], ['Kontonr.', '']],
        [['Jens', 'Ansøger'], ['1234', 'Kontonr.']],
      ],
    ],
    [
      'a first row of bold cells, as editors without <th> write a header',
      '<table><tbody><tr><td><p><strong>Klager</strong></p></td><td><b>Sag</b></td></tr><tr><td>Jens</td><td>Afslag</td></tr></tbody></table>',
      [
        [['Klager', ''], ['Sag', '']],
        [['Jens', 'Klager'], ['Afslag', 'Sag']],
      ],
    ],
    [
      'no header in a table of plain cells: label and value stand in the row',
      '<table><tr><td>Klager</td><td>Jens Hansen</td></tr><tr><td><b>CPR</b></td><td>150385-2000</td></tr></table>',
      [
        [['Klager', ''], ['Jens Hansen', '']],
        [['CPR', ''], ['150385-2000', '']],
      ],
    ],
    [
      'colspan and rowspan shift the columns of header and body',
      '<table><thead><tr><th colspan="2">Ansøger</th><th rowspan="2">CPR</th></tr><tr><th>Navn</th><th>By</th></tr></thead>' +
        '<tbody><tr><td rowspan="2">Jens</td><td>Aarhus</td><td>150385-2000</td></tr><tr><td>Odense</td><td>x</td></tr>' +
        '<tr><td colspan="2">I alt</td><td>2</td></tr></tbody></table>',
      [
        [['Ansøger', ''], ['CPR', '']],
        [['Navn', ''], ['By', '']],
        [['Jens', 'Ansøger Navn'], ['Aarhus', 'Ansøger By'], ['150385-2000', 'CPR']],
        [['Odense', 'Ansøger By'], ['x', 'CPR']],
        [['I alt', 'Ansøger Navn'], ['2', 'CPR']],
      ],
    ],
    [
      'paragraphs in a cell are lines of its row',
      '<table><tr><th>Navn</th><th>Note</th></tr><tr><td>\n  <p>Jens</p>\n  <p>Hansen</p>\n</td><td><div>a</div>b</td></tr></table>',
      [
        [['Navn', ''], ['Note', '']],
        [['Jens\nHansen', 'Navn'], ['a\nb', 'Note']],
      ],
    ],
    [
      'a nested table has its own header, and the cell around it goes on after it',
      '<table><tr><th>Navn</th><th>Bilag</th></tr><tr><td>Jens</td><td>før<table><tr><th>Nr</th></tr><tr><td>7</td></tr></table>efter</td></tr></table>',
      [
        [['Navn', ''], ['Bilag', '']],
        [['Jens', 'Navn'], ['før', 'Bilag']],
        [['Nr', '']],
        [['7', 'Nr']],
        [['efter', 'Bilag']],
      ],
    ],
    [
      'a header-only table',
      '<table><tr><th>Navn</th><th>CPR</th></tr></table>',
      [[['Navn', ''], ['CPR', '']]],
    ],
  ])('%s', (_name, source, rows) => {
    const segments = htmlSegments(source);
    expect(rowsOf(segments)).toEqual(rows);
    // Each cell starts and ends in the source where its text does.
    const texts = rows.flat().map(([text]) => text);
    sourceOf(segments, source).flat().forEach((inSource, index) => {
      expect(inSource.at(0)).toBe(texts[index]!.at(0));
      expect(inSource.at(-1)).toBe(texts[index]!.at(-1));
    });
  });

  it('maps a cell with a character reference back to the source', () => {
    const source = '<table><tr><th>CPR</th></tr><tr><td>150385&#8209;2000</td></tr></table>';
    const row = htmlSegments(source).find((segment) => segment.text.startsWith('150385'))!;
    expect(row).toMatchObject({ text: '150385\u20112000', block: true, cells: [{ from: 0, to: 11, header: 'CPR' }] });
    expect(sourceRange(row, 0, 11)).toEqual({ start: source.indexOf('150385'), end: source.indexOf('2000<') + 4 });
  });
});

describe('CSV and TSV', () => {
  it('are read as CSV by their extension', () => {
    expect(formatOf('eksport.csv')).toBe('csv');
    expect(formatOf('EKSPORT.TSV')).toBe('csv');
  });

  it.each<[string, string, Row[]]>([
    [
      'semicolons, as a Danish Excel exports, with commas in the values',
      'Navn;Adresse;CPR\nHansen, Jens;Vej 1, 8000 Aarhus;150385-2000\n',
      [
        [['Navn', ''], ['Adresse', ''], ['CPR', '']],
        [['Hansen, Jens', 'Navn'], ['Vej 1, 8000 Aarhus', 'Adresse'], ['150385-2000', 'CPR']],
      ],
    ],
    [
      'commas, with quoted fields holding commas and "" for a quote',
      'Navn,Note,Beløb\n"Hansen, Jens","sagde ""nej""","1.234,50"\n',
      [
        [['Navn', ''], ['Note', ''], ['Beløb', '']],
        [['Hansen, Jens', 'Navn'], ['sagde ""nej""', 'Note'], ['1.234,50', 'Beløb']],
      ],
    ],
    [
      'a blank line and a title start a second table with its own header',
      'Bilagsnr;Beløb\n1204830912;12,00\n\nUdbetalinger til borgere\nCPR;Navn\n060549-9090;Gunnar Kristiansen\n',
      [
        [['Bilagsnr', ''], ['Beløb', '']],
        [['1204830912', 'Bilagsnr'], ['12,00', 'Beløb']],
        [['Udbetalinger til borgere', '']],
        [['CPR', ''], ['Navn', '']],
        [['060549-9090', 'CPR'], ['Gunnar Kristiansen', 'Navn']],
      ],
    ],
    [
      'tabs',
      'Ansøger\tKontonr.\nJens Hansen\t1234 5678\n',
      [
        [['Ansøger', ''], ['Kontonr.', '']],
        [['Jens Hansen', 'Ansøger'], ['1234 5678', 'Kontonr.']],
      ],
    ],
    [
      'a line break inside quotes, and CRLF line ends',
      'Navn;Bemærkning\r\nJens;"første linje\r\nanden linje"\r\nAnna;kort\r\n',
      [
        [['Navn', ''], ['Bemærkning', '']],
        [['Jens', 'Navn'], ['første linje\r\nanden linje', 'Bemærkning']],
        [['Anna', 'Navn'], ['kort', 'Bemærkning']],
      ],
    ],
    [
      'a quoted header, its "" read as a quote',
      '"Navn";"Kaldet ""X"""\nJens;Jo\n',
      [
        [['Navn', ''], ['Kaldet ""X""', '']],
        [['Jens', 'Navn'], ['Jo', 'Kaldet "X"']],
      ],
    ],
    [
      'ragged rows: short rows end early, long rows have cells without header',
      'a;b;c\n1;2;3\n4\n5;6;7;8\n;;9\n',
      [
        [['a', ''], ['b', ''], ['c', '']],
        [['1', 'a'], ['2', 'b'], ['3', 'c']],
        [['4', 'a']],
        [['5', 'a'], ['6', 'b'], ['7', 'c'], ['8', '']],
        [['', 'a'], ['', 'b'], ['9', 'c']],
      ],
    ],
    ['a header-only file', 'Navn;CPR', [[['Navn', ''], ['CPR', '']]]],
    [
      'no delimiter anywhere: one column',
      'Navn\nJens Hansen\nAnna Holm\n',
      [[['Navn', '']], [['Jens Hansen', 'Navn']], [['Anna Holm', 'Navn']]],
    ],
    [
      'blank lines are passed over, and a first line sep=; names the delimiter',
      'sep=;\nNavn;Note\n\nJens;a,b\n\n',
      [
        [['Navn', ''], ['Note', '']],
        [['Jens', 'Navn'], ['a,b', 'Note']],
      ],
    ],
    [
      'text after a closing quote stays in its field',
      'a;b\n"x"y;z\n',
      [
        [['a', ''], ['b', '']],
        [['x"y', 'a'], ['z', 'b']],
      ],
    ],
  ])('%s', (_name, source, rows) => {
    const segments = delimitedSegments(source);
    expect(rowsOf(segments)).toEqual(rows);
    // A record's text is its source as it stands: what the readable view holds.
    for (const segment of segments) {
      expect(segment.text).toBe(source.slice(segment.offset, segment.offset + segment.text.length));
      expect(readableView(source)).toContain(segment.text);
    }
    expect(sourceOf(segments, source)).toEqual(rows.map((row) => row.map(([text]) => text)));
  });

  it('places a record and its cells exactly', () => {
    const source = 'Navn;CPR\n"Jens";150385-2000\n';
    const [, row] = delimitedSegments(source);
    expect(row).toEqual({ kind: 'text', text: '"Jens";150385-2000', offset: 9, block: true, cells: [{ from: 1, to: 5, header: 'Navn' }, { from: 7, to: 18, header: 'CPR' }] });
  });

  it('keeps the cells on their text when a row or header starts with a character a page does not show', () => {
    // The row is then a plain run of the source that starts after the invisible character.
    for (const source of ['Navn,CPR\n\u200bJens Hansen,150385-2000\n', '\u200bNavn,CPR\nJens Hansen,150385-2000\n', 'Navn,CPR\n&shy;Jens Hansen,150385-2000\n']) {
      const rows = delimitedSegments(source);
      expect(rowsOf(rows).at(-1), JSON.stringify(source)).toEqual([['Jens Hansen', 'Navn'], ['150385-2000', 'CPR']]);
      const row = rows.at(-1)!;
      expect(sourceRange(row, row.cells![1]!.from, row.cells![1]!.to)).toEqual({ start: source.indexOf('150385'), end: source.indexOf('150385') + 11 });
    }
  });

  it('decodes character references as plain text does, and keeps the cells on their text', () => {
    const source = 'Navn,CPR\nJens&nbsp;Hansen,150385-2000\n';
    const [, row] = delimitedSegments(source);
    expect(rowsOf([row!])).toEqual([[['Jens\u00a0Hansen', 'Navn'], ['150385-2000', 'CPR']]]);
    expect(sourceRange(row!, row!.cells![1]!.from, row!.cells![1]!.to)).toEqual({ start: source.indexOf('150385'), end: source.indexOf('150385') + 11 });
  });

  it('finds a number at its line and column, inside quotes and after a quoted line break', () => {
    const source = 'Navn;Note\r\nJens;"se\r\ncpr 150385-2000"\r\n';
    const report = scanText(source, { filePath: 'eksport.csv', today: TODAY });
    expect(report.notices).toEqual([]);
    expect(report.findings.map((finding) => [finding.ruleId, finding.place.start.line, finding.place.start.column])).toEqual([['no-cpr-number', 3, 5]]);
  });

  it('is read as plain text, with a notice, when a quote is never closed', () => {
    expect(() => delimitedSegments('a;b\n"open;1\n')).toThrow(/quoted field on line 2 is never closed/);
    const report = scanText('a;b\n"cpr 150385-2000;1\n', { filePath: 'eksport.csv', today: TODAY });
    expect(report.notices.map((notice) => notice.message)).toEqual(['Could not parse as CSV (a quoted field on line 2 is never closed); scanned as plain text']);
    expect(report.findings.map((finding) => finding.place.start.column)).toEqual([6]);
  });

  it('reads a large export in linear time', () => {
    const record = (index: number) => `${index};"Hansen, Jens ${index}";"Vej ${index}\n8000 Aarhus";${String(index).padStart(8, '0')};"sagde ""ja"""\n`;
    const source = `Id;Navn;Adresse;Kontonr.;Note\n${Array.from({ length: 25_000 }, (_, index) => record(index)).join('')}`;
    expect(source.length).toBeGreaterThan(1_800_000);
    const started = performance.now();
    const segments = parseSegments(source, 'csv');
    const elapsed = performance.now() - started;
    expect(segments).toHaveLength(25_001);
    expect(rowsOf([segments.at(-1)!])[0]![3]).toEqual(['00024999', 'Kontonr.']);
    expect(elapsed).toBeLessThan(1500);
    // One quoted field that never closes, and a line of delimiters: no rescans.
    const hostile = `a;b\n"${'x'.repeat(1_000_000)}`;
    const hostileStarted = performance.now();
    expect(() => delimitedSegments(hostile)).toThrow();
    expect(delimitedSegments(`a;b\n${';'.repeat(500_000)}\n`)[1]!.cells).toHaveLength(500_001);
    expect(performance.now() - hostileStarted).toBeLessThan(1500);
  });
});

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

async function zipOf(parts: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array' });
}

const SPREADSHEET_ML = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const inline = (reference: string, text: string) => `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A workbook of one sheet: a title in A1, the header in row 3, data below with an empty cell between. */
function workbook(rows: string): Promise<Uint8Array> {
  return zipOf({
    'xl/workbook.xml': `${XML}<workbook ${SPREADSHEET_ML}><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `${XML}<worksheet ${SPREADSHEET_ML}><sheetData>${rows}</sheetData></worksheet>`,
  });
}

describe('Excel sheets', () => {
  it('keeps the text a row a line, and reads each cell under the header of its column', async () => {
    const document = await xlsxText(
      await workbook(
        `<row r="1">${inline('A1', 'Klager 2026')}</row>` +
          `<row r="3">${inline('A3', 'Navn')}${inline('B3', 'Note')}${inline('C3', 'CPR')}</row>` +
          // B4 is empty: C4 still reads "CPR", not "Note".
          `<row r="4">${inline('A4', 'Jens Hansen')}<c r="B4"/><c r="C4"><v>1503852000</v></c></row>` +
          `<row r="5">${inline('B5', 'kun note')}</row>`,
      ),
    );
    const sheet = document.parts[0]!;
    expect(sheet.text).toBe('Klager 2026\n\nNavn | Note | CPR\nJens Hansen | 1503852000\nkun note');
    const segments = documentPartSegments(sheet);
    expect(segments.map((segment) => segment.text)).toEqual(['Klager 2026', 'Navn | Note | CPR', 'Jens Hansen | 1503852000', 'kun note']);
    expect(rowsOf(segments)).toEqual([
      [['Klager 2026', '']],
      [['Navn', ''], ['Note', ''], ['CPR', '']],
      [['Jens Hansen', 'Navn'], ['1503852000', 'CPR']],
      [['kun note', 'Note']],
    ]);
    expect(segments[2]).toMatchObject({ offset: 31, block: true, cells: [{ from: 0, to: 11, header: 'Navn' }, { from: 14, to: 24, header: 'CPR' }] });
  });

  it('places a finding in a sheet where plain text would', async () => {
    const document = await xlsxText(await workbook(`<row r="1">${inline('A1', 'Navn')}${inline('B1', 'CPR')}</row><row r="2">${inline('A2', 'Jens')}${inline('B2', 'cpr 150385-2000')}</row>`));
    const sheet = document.parts[0]!;
    const place = (report: ReturnType<typeof scanText>) => report.findings.map((finding) => [finding.ruleId, finding.place.start.line, finding.place.start.column]);
    expect(place(scanDocumentPart(sheet, { today: TODAY }))).toEqual([['no-cpr-number', 2, 12]]);
    expect(place(scanDocumentPart(sheet, { today: TODAY }))).toEqual(place(scanText(sheet.text, { format: 'text', today: TODAY })));
  });
});

const ODF =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"';

describe('OpenDocument sheets', () => {
  const cell = (text: string, repeated?: number) =>
    `<table:table-cell${repeated ? ` table:number-columns-repeated="${repeated}"` : ''}>${text ? `<text:p>${text}</text:p>` : ''}</table:table-cell>`;
  const row = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;

  it('reads the header rows the sheet names, repeated cells as the columns they cover', async () => {
    const content =
      `<table:table table:name="Ark1"><table:table-column table:number-columns-repeated="4"/>` +
      row(cell('Oversigt'), cell('Ansøgere')) +
      `<table:table-header-rows>${row(cell('Navn'), cell('', 2), cell('Kontonr.'))}</table:table-header-rows>` +
      row(cell('Jens'), cell('', 2), cell('1234'), cell('', 1000)) +
      row(cell('', 3)) +
      `</table:table>`;
    const document = await openDocumentText(
      await zipOf({ 'content.xml': `${XML}<office:document-content ${ODF}><office:body><office:spreadsheet>${content}</office:spreadsheet></office:body></office:document-content>` }),
      'spreadsheet',
    );
    const sheet = document.parts[0]!;
    expect(sheet.text).toBe('Oversigt | Ansøgere\nNavn |  | Kontonr.\nJens |  | 1234');
    expect(rowsOf(documentPartSegments(sheet))).toEqual([
      [['Oversigt', ''], ['Ansøgere', '']],
      [['Navn', ''], ['', ''], ['Kontonr.', '']],
      [['Jens', 'Navn'], ['', ''], ['1234', 'Kontonr.']],
    ]);
  });
});

describe('parts that are no sheet', () => {
  it('are one plain text segment, as before', () => {
    expect(documentPartSegments({ label: 'Page 1', text: 'Jens | 150385-2000' })).toEqual([{ kind: 'text', text: 'Jens | 150385-2000', offset: 0 }]);
  });
});
