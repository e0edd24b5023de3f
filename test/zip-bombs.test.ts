/* eslint-disable cprlint/no-cpr-number -- a made-up number shows that a bomb's neighbour is still read */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { MAX_UNPACKED_XML } from '../src/adapters/office.js';
import { makeDocx } from './made-documents.js';
import { runCprlint, temporaryTree } from './temporary-tree.js';

/** A real .docx whose body unpacks to `size` bytes, packed with DEFLATE (about a thousandth of that). */
async function docxUnpackingTo(size: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await makeDocx(['Afgørelse'], [], []));
  const document = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', document.replace('<w:body>', `<w:body>${' '.repeat(size)}`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The same package, with its large entries (local header and central directory) declaring 100 bytes. */
function declaringLittle(zip: Buffer): Buffer {
  const patched = Buffer.from(zip);
  const lie = (signature: string, sizeAt: number): void => {
    for (let at = patched.indexOf(signature); at >= 0; at = patched.indexOf(signature, at + 4)) {
      if (patched.readUInt32LE(at + sizeAt) > 1024 * 1024) patched.writeUInt32LE(100, at + sizeAt);
    }
  };
  lie('PK\u0001\u0002', 24);
  lie('PK\u0003\u0004', 22);
  return patched;
}

interface Message {
  ruleId: string | null;
  message: string;
}

describe('a document that unpacks to more than its readers may hold', () => {
  it('is named as not scanned, by its declared size or by the bytes counted as it unpacks; the rest is read', async () => {
    const bomb = await docxUnpackingTo(MAX_UNPACKED_XML + 1024 * 1024);
    expect(bomb.length).toBeLessThan(MAX_UNPACKED_XML / 100);
    const site = temporaryTree({
      'bombe.docx': bomb,
      'loegner.docx': declaringLittle(bomb),
      'afgoerelse.docx': await makeDocx(['Ansøger 150385-2000'], [], []),
    });
    const run = runCprlint(['--format', 'json', '.'], { cwd: site });
    expect(run.code).toBe(1);
    const byFile = Object.fromEntries(
      (JSON.parse(run.stdout) as { filePath: string; messages: Message[] }[]).map((result) => [result.filePath.split('/').pop(), result.messages.map((message) => message.ruleId ?? message.message)]),
    );
    const refused = expect.stringMatching(/^Not scanned: .*would unpack to more than 32 MB \(a zip bomb, or a document too large to read\)/);
    expect(byFile).toEqual({ 'bombe.docx': [refused], 'loegner.docx': [refused], 'afgoerelse.docx': ['no-cpr-number'] });
    expect(runCprlint(['--strict', 'bombe.docx'], { cwd: site }).code).toBe(1);
  });

  it('a document just under the bound is read', async () => {
    const site = temporaryTree({ 'stor.docx': await docxUnpackingTo(MAX_UNPACKED_XML / 2) });
    const run = runCprlint(['--format', 'json', '.'], { cwd: site });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Not scanned');
  });
});
