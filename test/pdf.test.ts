import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanFile } from '../src/index.js';
import { makePdf } from './made-documents.js';
import { runsHere } from './temporary-tree.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOCUMENTS = path.resolve(ROOT, '..', 'shared', 'data', 'real-documents');
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-pdf-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

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

describe.skipIf(!runsHere(fs.existsSync(DOCUMENTS), `${DOCUMENTS} is not on this machine`))('the real municipal PDFs', () => {
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
