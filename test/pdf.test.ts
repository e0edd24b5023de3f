import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanFile } from '../src/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOCUMENTS = path.resolve(ROOT, '..', 'shared', 'data', 'real-documents');
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-pdf-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

/** A PDF with one page per list of lines, in Helvetica (WinAnsi, so Danish letters survive), and metadata. */
function makePdf(pages: string[][], info: Record<string, string> = {}): Buffer {
  const text = (value: string) => `(${value.replace(/[\\()]/g, (ch) => `\\${ch}`)})`;
  const objects: string[] = [];
  const pageIds = pages.map((_, index) => 4 + index * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((lines, index) => {
    const stream = `BT /F1 12 Tf 14 TL 72 800 Td ${lines.map((line) => `${text(line)} Tj T*`).join(' ')} ET`;
    objects[4 + index * 2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + index * 2} 0 R >>`;
    objects[5 + index * 2] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  const infoId = objects.length;
  objects[infoId] = `<< ${Object.entries(info).map(([key, value]) => `/${key} ${text(value)}`).join(' ')} >>`;
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function cprlint(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/cprlint.js'), ...args], { cwd: temporary, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('PDF', () => {
  it('finds what was planted, with page, line in the page, and redacted output', () => {
    fs.writeFileSync(
      path.join(temporary, 'ansoegning.pdf'),
      makePdf(
        [
          ['Referat fra udvalgsmødet', 'Klage fra Jens Hansen over hjemmeplejen.'],
          ['Bilag', 'Barnets cpr-nummer: 150385-2000', 'Jens Hansen har brystkræft.'],
        ],
        { Title: 'Ansøgning fra 150385-2019', Author: 'Kommunen' },
      ),
    );
    const json = cprlint('--format', 'json', 'ansoegning.pdf');
    expect(json.code).toBe(1);
    const [report] = JSON.parse(json.stdout);
    expect(report.pagesRead).toBe(2);
    expect(report.messages.map((message: { ruleId: string; page?: number; line: number; kind: string }) => [message.ruleId, message.page ?? message.kind, message.line])).toEqual([
      ['no-cpr-number', 'metadata', 1],
      ['no-named-complaint', 1, 2],
      ['no-cpr-number', 2, 2],
      ['no-health-data', 2, 3],
    ]);
    expect(report.messages[2].message).toMatch(/^Page 2: CPR number 1503XX-XXXX/);
    const stylish = cprlint('ansoegning.pdf');
    expect(stylish.stdout + json.stdout).not.toMatch(/150385\D{0,3}20(00|19)/);
  });

  it('says a PDF it cannot read was not scanned, and --strict fails for it', () => {
    fs.writeFileSync(path.join(temporary, 'broken.pdf'), '%PDF-1.4\nthis is no PDF\n');
    const run = cprlint('--format', 'json', 'broken.pdf');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0].messages[0].message).toMatch(/^Not scanned: not a readable PDF/);
    expect(cprlint('--strict', 'broken.pdf')).toMatchObject({ code: 1, stderr: 'cprlint: some files were not scanned, and --strict is on\n' });
  });

  it('reads a PDF over the text size limit as a PDF, not as text in chunks', async () => {
    fs.writeFileSync(path.join(temporary, 'big.pdf'), makePdf([['Barnets cpr-nummer: 150385-2000']]));
    const report = await scanFile(path.join(temporary, 'big.pdf'), { maxFileSize: 100 });
    expect(report.notices).toEqual([]);
    expect(report.findings.map((finding) => finding.page)).toEqual([1]);
  });

  it('reports when the page limit stops it', async () => {
    fs.writeFileSync(path.join(temporary, 'long.pdf'), makePdf([['a'], ['b'], ['c']]));
    const report = await scanFile(path.join(temporary, 'long.pdf'), { documentLimits: { maxPages: 2 } });
    expect(report.pagesRead).toBe(2);
    expect(report.notices).toEqual([{ severity: 'warning', notScanned: true, message: 'Only 2 of 3 pages were read: the page limit (2) was reached' }]);
  });
});

describe.skipIf(!fs.existsSync(DOCUMENTS) && !process.env.CI)('the real municipal PDFs', () => {
  it.each([
    ['midler-til-frivilligt-arbejde.pdf', 204],
    ['tilsynsrapport-2013-clara-service-gruppen.pdf', 28],
    ['tilsynsrapport-2013-kaerkommen.pdf', 29],
  ])('%s: every page read, no error', async (name, pages) => {
    const report = await scanFile(path.join(DOCUMENTS, name));
    expect(report.pagesRead).toBe(pages);
    expect(report.notices).toEqual([]);
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
