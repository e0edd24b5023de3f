import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { scanFile, type FileReport } from '../src/index.js';
import { ROOT, runCprlint, temporaryTree } from './temporary-tree.js';

// 150385-2000 is a CPR number of 15 March 1985 that passes modulus 11.
const NUMBER = /150385.?2000|1503852000/;
const ENCRYPTED = path.join(ROOT, 'fixtures', 'documents');
const temporary = temporaryTree();
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

async function zipOf(parts: Record<string, string>, options: { mimetype?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  // OpenDocument's mimetype comes first and uncompressed, as LibreOffice writes it.
  if (options.mimetype) zip.file('mimetype', options.mimetype, { compression: 'STORE' });
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const ODF = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"';

/** An OpenDocument package: content.xml's body, a header in styles.xml, and a title in meta.xml. */
function openDocument(kind: 'text' | 'spreadsheet', body: string, header: string, title: string): Promise<Buffer> {
  return zipOf(
    {
      'content.xml': `${XML}<office:document-content ${ODF}><office:body><office:${kind}>${body}</office:${kind}></office:body></office:document-content>`,
      'styles.xml': `${XML}<office:document-styles ${ODF}><office:master-styles><style:master-page style:name="Standard"><style:header><text:p>${header}</text:p></style:header></style:master-page></office:master-styles></office:document-styles>`,
      'meta.xml': `${XML}<office:document-meta ${ODF}><office:meta><dc:title>${title}</dc:title><meta:initial-creator>Sagsbehandler</meta:initial-creator></office:meta></office:document-meta>`,
      'META-INF/manifest.xml': `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`,
    },
    { mimetype: `application/vnd.oasis.opendocument.${kind}` },
  );
}

const SPREADSHEET_ML = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/**
 * An .xlsx as Excel lays one out: a workbook with two sheets, shared strings, a comment and
 * properties; `fillerRows` rows of numbers make it slow to read.
 */
function workbook(fillerRows = 0): Promise<Buffer> {
  const filler = Array.from({ length: fillerRows }, (_, index) => `<row r="${index + 6}"><c r="A${index + 6}"><v>${index}</v></c></row>`).join('');
  return zipOf({
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    'xl/workbook.xml': `${XML}<workbook ${SPREADSHEET_ML}><sheets><sheet name="Ansøgere" sheetId="1" r:id="rId1"/><sheet name="Ark 150385-2000" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `${XML}<sst ${SPREADSHEET_ML} count="5" uniqueCount="5"><si><t>Navn</t></si><si><t>CPR</t></si><si><t>Jens Hansen</t></si><si><r><t>brystkræft</t></r><r><t xml:space="preserve"> og depression</t></r><rPh><t>x</t></rPh></si><si><t>Diagnose</t></si></sst>`,
    'xl/worksheets/sheet1.xml': `${XML}<worksheet ${SPREADSHEET_ML}><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>4</v></c></row>
      <row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4"><v>1503852000</v></c><c r="C4" t="s"><v>3</v></c></row>
      <row r="5"><c r="A5" t="inlineStr"><is><t>Cpr 150385-2000</t></is></c></row>${filler}
    </sheetData></worksheet>`,
    'xl/worksheets/sheet2.xml': `${XML}<worksheet ${SPREADSHEET_ML}><sheetData/></worksheet>`,
    'xl/comments1.xml': `${XML}<comments ${SPREADSHEET_ML}><commentList><comment ref="A4"><text><r><t>Tjek cpr 150385-2000</t></r></text></comment></commentList></comments>`,
    'docProps/core.xml': `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Ansøgere 2026</dc:title><dc:creator>150385-2000</dc:creator></cp:coreProperties>`,
  });
}

async function scanned(name: string, bytes: Buffer | string): Promise<FileReport> {
  const file = path.join(temporary, name);
  fs.writeFileSync(file, bytes);
  return scanFile(file);
}

const summary = (report: FileReport) =>
  report.findings.map((finding) => `${finding.ruleId} ${finding.place.start.line}:${finding.place.start.column} ${finding.message.split(':')[0]}`);

describe('OpenDocument', () => {
  it('reads an .odt: paragraphs, a table row, comments, tracked deletions, the header and the title', async () => {
    const body = [
      '<text:h>Afgørelse</text:h>',
      '<text:p>Klage fra Jens Hansen over hjemmeplejen.</text:p>',
      '<table:table><table:table-row><table:table-cell><text:p>Borger</text:p></table:table-cell><table:table-cell><text:p>Cpr<text:s/>150385-2000</text:p></table:table-cell></table:table-row></table:table>',
      '<text:p>Se bilag<office:annotation><dc:creator>SB</dc:creator><text:p>cpr 150385-2000</text:p></office:annotation></text:p>',
      '<text:tracked-changes><text:changed-region><text:deletion><text:p>Slettet: 150385-2000</text:p></text:deletion></text:changed-region></text:tracked-changes>',
    ].join('');
    const report = await scanned('afgoerelse.odt', await openDocument('text', body, 'Sag 150385-2000', 'Afgørelse 150385-2000'));
    expect(report.notices).toEqual([]);
    expect(summary(report)).toEqual([
      'no-named-complaint 3:1 Document',
      'no-cpr-number 5:14 Document',
      'no-cpr-number 10:5 Document',
      'no-cpr-number 12:10 Document',
      'no-cpr-number 1:5 Header or footer',
      'no-cpr-number 1:11 Document properties',
    ]);
    expect(JSON.stringify(report)).not.toMatch(NUMBER);
  });

  it('reads an .ods sheet by sheet, a row a line, cells apart', async () => {
    const rows = ['Navn|Diagnose', 'Jens Hansen|brystkræft', 'Anna Holm|cpr 150385-2000'].map(
      (row) => `<table:table-row>${row.split('|').map((cell) => `<table:table-cell><text:p>${cell}</text:p></table:table-cell>`).join('')}</table:table-row>`,
    );
    const report = await scanned('liste.ods', await openDocument('spreadsheet', `<table:table table:name="Ark1">${rows.join('')}</table:table>`, '', ''));
    expect(summary(report)).toEqual(['no-health-data 2:15 Sheet Ark1', 'no-cpr-number 3:17 Sheet Ark1']);
  });
});

describe('Excel .xlsx', () => {
  it('reads every sheet with line = row, shared and inline strings, numbers, comments, sheet names and properties', async () => {
    const report = await scanned('ansoegere.xlsx', await workbook());
    expect(report.notices).toEqual([]);
    expect(summary(report)).toEqual([
      'no-cpr-number 4:15 Sheet Ansøgere',
      'no-health-data 4:28 Sheet Ansøgere',
      'no-cpr-number 5:5 Sheet Ansøgere',
      'no-cpr-number 2:5 Sheet names',
      'no-cpr-number 1:10 Cell comment',
      'no-cpr-number 2:1 Document properties',
    ]);
    expect(JSON.stringify(report)).not.toMatch(NUMBER);
  });
});

describe('Excel .xlsx as other generators write it', () => {
  const X = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const relations = (targets: string[]) =>
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets.map((target, index) => `<Relationship Id="rId${index + 1}" Target="${target}"/>`).join('')}</Relationships>`;

  it('reads elements written with a prefix (the OpenXML SDK\'s x:row), and a row written twice', async () => {
    const report = await scanned(
      'sdk.xlsx',
      await zipOf({
        'xl/workbook.xml': `${XML}<x:workbook ${X}><x:sheets><x:sheet name="Ark1" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
        'xl/_rels/workbook.xml.rels': relations(['worksheets/sheet1.xml']),
        'xl/worksheets/sheet1.xml': `${XML}<x:worksheet ${X}><x:sheetData><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Cpr 150385-2000</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>cpr 150385-2000</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      }),
    );
    expect(report.notices).toEqual([]);
    expect(summary(report)).toEqual(['no-cpr-number 2:5 Sheet Ark1', 'no-cpr-number 2:23 Sheet Ark1']);
  });

  it('says so when a sheet\'s part is missing, and reads the others', async () => {
    const report = await scanned(
      'mangler.xlsx',
      await zipOf({
        'xl/workbook.xml': `${XML}<workbook ${SPREADSHEET_ML}><sheets><sheet name="Ark1" r:id="rId1"/><sheet name="Væk" r:id="rId2"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': relations(['worksheets/sheet1.xml', 'worksheets/sheet2.xml']),
        'xl/worksheets/sheet1.xml': `${XML}<worksheet ${SPREADSHEET_ML}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Cpr 150385-2000</t></is></c></row></sheetData></worksheet>`,
      }),
    );
    expect(summary(report)).toEqual(['no-cpr-number 1:5 Sheet Ark1']);
    expect(report.notices).toEqual([{ severity: 'warning', notScanned: true, message: 'Not all of it was read: the part of sheet Væk is missing' }]);
  });
});

describe('Word .docx beyond the body', () => {
  it('reads tracked deletions and the document properties', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const docx = await zipOf({
      '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      '_rels/.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
      'word/document.xml': `${XML}<w:document ${W}><w:body><w:p><w:r><w:t>Afgørelse</w:t></w:r><w:del w:id="1" w:author="SB"><w:r><w:delText>cpr 150385-2000</w:delText></w:r></w:del></w:p></w:body></w:document>`,
      'docProps/core.xml': `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Ansøgning 150385-2000</dc:title></cp:coreProperties>`,
    });
    const report = await scanned('slettet.docx', docx);
    expect(summary(report)).toEqual(['no-cpr-number 1:5 Deleted text (tracked changes)', 'no-cpr-number 1:11 Document properties']);
  });
});

describe('documents that cannot be read', () => {
  it.each([
    ['an .odt that is no zip', 'broken.odt', 'not a zip at all', /^Not scanned: not a readable \.odt \(.+\)$/],
    ['an .xlsx without a workbook', 'empty.xlsx', undefined, /^Not scanned: not a readable \.xlsx \(no xl\/workbook\.xml\)$/],
  ])('%s is not scanned, and says why', async (_name, fileName, content, message) => {
    const report = await scanned(fileName, content ?? (await zipOf({ 'x.xml': '<x/>' })));
    expect(report.findings).toEqual([]);
    expect(report.notices).toEqual([{ severity: 'warning', notScanned: true, message: expect.stringMatching(message) }]);
  });

  it('says so for a damaged part, and the run goes on to the other files', async () => {
    const zip = await JSZip.loadAsync(await workbook());
    const damaged = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    // Flip bytes inside the first deflated part's data: the zip's directory still reads.
    const at = damaged.indexOf('xl/workbook.xml') + 'xl/workbook.xml'.length + 10;
    for (let i = at; i < at + 30; i++) damaged[i] = damaged[i]! ^ 0xff;
    const directory = temporaryTree({ 'skadet.xlsx': damaged, 'note.txt': 'Cpr 150385-2000' });
    const run = runCprlint(['--format', 'json', '.'], { cwd: directory });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const reports = JSON.parse(run.stdout) as { filePath: string; messages: { message: string }[] }[];
    const byName = Object.fromEntries(reports.map((report) => [path.basename(report.filePath), report.messages.map((message) => message.message)]));
    expect(byName['note.txt']).toHaveLength(1);
    expect(byName['skadet.xlsx']).toEqual([expect.stringMatching(/^Not scanned: its part xl\/workbook\.xml cannot be unpacked \(.+\)$/)]);
  });

  it('says so for a PDF encrypted with a password, and fails the run under --strict', async () => {
    const report = await scanFile(path.join(ENCRYPTED, 'encrypted-with-password.pdf'));
    expect(report.notices).toEqual([{ severity: 'warning', notScanned: true, message: 'Not scanned: the PDF is encrypted with a password' }]);
    expect(runCprlint([path.join(ENCRYPTED, 'encrypted-with-password.pdf')], { cwd: temporary }).code).toBe(0);
    const strict = runCprlint(['--strict', path.join(ENCRYPTED, 'encrypted-with-password.pdf')], { cwd: temporary });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('Not scanned: the PDF is encrypted with a password');
  });

  it('reads a PDF encrypted without a user password (copy protection only) like any other', async () => {
    const report = await scanFile(path.join(ENCRYPTED, 'encrypted-without-user-password.pdf'));
    expect(report.notices).toEqual([]);
    expect(report.pagesRead).toBe(1);
    expect(summary(report)).toEqual(['no-cpr-number 2:9 Page 1']);
  });
});

describe('the document pool', () => {
  it('stops a reader that overruns its time limit, reports it, and reads the next document', async () => {
    // The reader's own clock is not reached: the pool stops the worker at the limit and its grace
    // (1 + 1 ms), before it can start. The rows make sure no reader could finish in time.
    const file = path.join(temporary, 'tid.xlsx');
    fs.writeFileSync(file, await workbook(50_000));
    const stopped = await scanFile(file, { documentLimits: { timeoutMs: 1 } });
    expect(stopped.findings).toEqual([]);
    expect(stopped.notices).toEqual([{ severity: 'warning', notScanned: true, message: 'Not scanned: reading took longer than the time limit (1 ms)' }]);
    expect((await scanFile(file)).findings.length).toBeGreaterThan(0);
  });

  it('reads many documents at once, each with its own findings', async () => {
    const files = await Promise.all(
      Array.from({ length: 6 }, async (_, index) => {
        const file = path.join(temporary, `bunke-${index}.xlsx`);
        fs.writeFileSync(file, await workbook());
        return file;
      }),
    );
    const reports = await Promise.all(files.map((file) => scanFile(file)));
    expect(reports.map((report) => report.findings.length)).toEqual(Array(6).fill(6));
  });

  it('names the page of a finding in a PDF and never prints the number, through the CLI', () => {
    const run = runCprlint(['--format', 'json', path.join(ENCRYPTED, 'encrypted-without-user-password.pdf')], { cwd: temporary });
    expect(run.code).toBe(1);
    const [report] = JSON.parse(run.stdout);
    expect(report.pagesRead).toBe(1);
    expect(report.messages.map((message: { page?: number }) => message.page)).toEqual([1]);
    expect(run.stdout + run.stderr).not.toMatch(NUMBER);
  });
});
