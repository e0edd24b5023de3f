import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-docx-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const paragraphs = (lines: string[]) => lines.map((line) => `<w:p><w:r><w:t xml:space="preserve">${line}</w:t></w:r></w:p>`).join('');

/** A real .docx: body, a header and a comment, each a list of paragraphs. */
async function makeDocx(body: string[], header: string[], comment: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paragraphs(body)}</w:body></w:document>`);
  zip.file('word/header1.xml', `<?xml version="1.0" encoding="UTF-8"?><w:hdr ${W}>${paragraphs(header)}</w:hdr>`);
  zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8"?><w:comments ${W}><w:comment w:id="0">${paragraphs(comment)}</w:comment></w:comments>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

function cprlint(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/cprlint.js'), ...args], { cwd: temporary, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('Word .docx', () => {
  it('finds what was planted in the body, a header and a comment, redacted', async () => {
    fs.writeFileSync(
      path.join(temporary, 'afgoerelse.docx'),
      await makeDocx(
        ['Afgørelse', 'Klage fra Jens Hansen over hjemmeplejen.', 'Jens Hansen har brystkræft.'],
        ['Sag vedr. CPR 150385-2000'],
        ['Husk: 150385-2019 skal slettes'],
      ),
    );
    const run = cprlint('--format', 'json', 'afgoerelse.docx');
    expect(run.code).toBe(1);
    const [report] = JSON.parse(run.stdout);
    // Lines of the extracted text, whose paragraphs stand apart by a blank line.
    expect(report.messages.map((message: { ruleId: string; line: number; message: string }) => [message.ruleId, message.line, message.message.split(':')[0]])).toEqual([
      ['no-named-complaint', 3, 'Document'],
      ['no-health-data', 5, 'Document'],
      ['no-cpr-number', 1, 'Header, footer or comment'],
      ['no-cpr-number', 3, 'Header, footer or comment'],
    ]);
    expect(run.stdout + cprlint('afgoerelse.docx').stdout).not.toMatch(/150385\D{0,3}20(00|19)/);
  });

  it('says a .docx it cannot read was not scanned', () => {
    fs.writeFileSync(path.join(temporary, 'broken.docx'), 'PK no zip');
    const run = cprlint('--format', 'json', 'broken.docx');
    expect(JSON.parse(run.stdout)[0].messages[0].message).toMatch(/^Not scanned: not a readable \.docx/);
    expect(cprlint('--strict', 'broken.docx').code).toBe(1);
  });
});
