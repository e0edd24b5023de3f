/* eslint-disable cprlint/no-cpr-number -- a made-up number shows that a bomb's neighbour is still read */
import fs from 'node:fs';
import path from 'node:path';
import { createDeflate } from 'node:zlib';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_UNPACKED_XML } from '../src/documents/office.js';
import { MAX_INFLATED_PDF } from '../src/documents/pdf-streams.js';
import { scanFile } from '../src/index.js';
import { RUN_MEMORY_LIMIT_MB, setRunMemoryLimit } from '../src/project/scan-pool.js';
import { makeDocx, makePdf } from './made-documents.js';
import { ROOT, runCprlint, temporaryTree } from './temporary-tree.js';

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

/** DEFLATE (zlib) of `size` spaces after `text`, made a megabyte at a time: the test never holds the whole. */
async function deflatedSpaces(text: string, size: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  deflate.write(text);
  const megabyte = Buffer.alloc(1024 * 1024, ' ');
  for (let written = 0; written < size; written += megabyte.length) {
    if (!deflate.write(megabyte)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}

/** ASCII85, as a PDF filter chain may put it before Flate: groups of five, `z` for four zero bytes, `~>` at the end. */
function ascii85(bytes: Buffer): Buffer {
  let out = '';
  for (let at = 0; at < bytes.length; at += 4) {
    const chunk = bytes.subarray(at, at + 4);
    let value = Buffer.concat([chunk, Buffer.alloc(4 - chunk.length)]).readUInt32BE(0);
    if (value === 0 && chunk.length === 4) {
      out += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode((value % 85) + 33));
      value = Math.floor(value / 85);
    }
    out += digits.join('').slice(0, chunk.length + 1);
  }
  return Buffer.from(`${out}~>`, 'latin1');
}

// Flate alone, or behind an ASCII encoding (ASCIIHexDecode, ASCII85Decode), as a filter chain may have it.
const ENCODINGS = {
  none: { filter: '/FlateDecode', encode: (packed: Buffer) => packed },
  hex: { filter: '[/ASCIIHexDecode /FlateDecode]', encode: (packed: Buffer) => Buffer.from(`${packed.toString('hex').replace(/(.{64})/g, '$1\n')}>`, 'latin1') },
  ascii85: { filter: '[/A85 /Fl]', encode: ascii85 },
};

/** A real one-page PDF whose page content is a Flate stream unpacking to `size` bytes. */
async function pdfUnpackingTo(size: number, encoding: keyof typeof ENCODINGS = 'none'): Promise<Buffer> {
  const plain = makePdf([['Afgørelse']]).toString('latin1');
  const content = /(\d+) 0 obj\n<< \/Length \d+ >>\nstream\n([^\n]*)\nendstream/.exec(plain)!;
  const { filter, encode } = ENCODINGS[encoding];
  const packed = encode(await deflatedSpaces(`${content[2]}\n`, size));
  const head = plain.slice(0, content.index);
  const tail = plain.slice(content.index + content[0].length);
  // The cross-reference table's offsets after the stream no longer hold: pdfjs rebuilds it, as readers do.
  return Buffer.concat([
    Buffer.from(`${head}${content[1]} 0 obj\n<< /Filter ${filter} /Length ${packed.length} >>\nstream\n`, 'latin1'),
    packed,
    Buffer.from(`\nendstream${tail}`, 'latin1'),
  ]);
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

describe('a PDF whose streams unpack to more than its reader may hold', () => {
  it('is named as not scanned before pdfjs unpacks anything; a PDF just under the bound is read', async () => {
    const bomb = await pdfUnpackingTo(MAX_INFLATED_PDF + 1024 * 1024);
    expect(bomb.length).toBeLessThan(MAX_INFLATED_PDF / 500);
    const site = temporaryTree({
      'bombe.pdf': bomb,
      // The same bomb behind ASCII encodings, which pdfjs undoes before it inflates.
      'hex.pdf': await pdfUnpackingTo(MAX_INFLATED_PDF + 1024 * 1024, 'hex'),
      'a85.pdf': await pdfUnpackingTo(MAX_INFLATED_PDF + 1024 * 1024, 'ascii85'),
      'stor.pdf': await pdfUnpackingTo(8 * 1024 * 1024),
      'stor-hex.pdf': await pdfUnpackingTo(8 * 1024 * 1024, 'hex'),
      'stor-a85.pdf': await pdfUnpackingTo(8 * 1024 * 1024, 'ascii85'),
      'afgoerelse.pdf': makePdf([['Ansøger 150385-2000']]),
    });
    const run = runCprlint(['--format', 'json', '.'], { cwd: site });
    expect(run.code).toBe(1);
    const byFile = Object.fromEntries(
      (JSON.parse(run.stdout) as { filePath: string; messages: Message[] }[]).map((result) => [result.filePath.split('/').pop(), result.messages.map((message) => message.ruleId ?? message.message)]),
    );
    const refused = ['Not scanned: its streams would unpack to more than 256 MB (a PDF bomb, or a document too large to read)'];
    expect(byFile).toEqual({ 'bombe.pdf': refused, 'hex.pdf': refused, 'a85.pdf': refused, 'afgoerelse.pdf': ['no-cpr-number'] });
  });
});

describe('bombs read at once', () => {
  it('keep the run under its documented memory limit, and leave their neighbours read', async () => {
    const pdfBomb = await pdfUnpackingTo(MAX_INFLATED_PDF + 1024 * 1024);
    const docxBomb = await docxUnpackingTo(MAX_UNPACKED_XML + 1024 * 1024);
    const site = temporaryTree({
      'a.pdf': pdfBomb,
      'b.pdf': pdfBomb,
      'c.docx': docxBomb,
      'd.docx': docxBomb,
      'e.pdf': makePdf([['Ansøger 150385-2000']]),
    });
    const usageFile = path.join(site, 'usage.json');
    const run = runCprlint(['--format', 'json', '.'], {
      cwd: site,
      env: { NODE_OPTIONS: `--import ${path.join(ROOT, 'bench', 'record-resource-usage.js')}`, BENCH_USAGE_FILE: usageFile },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const notScanned = (JSON.parse(run.stdout) as { filePath: string; messages: Message[] }[]).filter((result) => result.messages[0]!.message.startsWith('Not scanned'));
    expect(notScanned.map((result) => result.filePath.split('/').pop()).sort()).toEqual(['a.pdf', 'b.pdf', 'c.docx', 'd.docx']);
    const { peakRssKb } = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { peakRssKb: number };
    expect(peakRssKb / 1024).toBeLessThan(RUN_MEMORY_LIMIT_MB);
  });
});

describe('a reader that takes the run past its memory limit', () => {
  afterEach(() => setRunMemoryLimit(RUN_MEMORY_LIMIT_MB));

  it('is stopped, and its document named as not scanned', async () => {
    // A limit this process is already over: any document read is stopped by the watch.
    setRunMemoryLimit(1);
    const file = path.join(temporaryTree({ 'afgoerelse.pdf': makePdf([['Ansøger 150385-2000']]) }), 'afgoerelse.pdf');
    const report = await scanFile(file);
    expect(report.findings).toEqual([]);
    expect(report.notices).toEqual([{ severity: 'warning', notScanned: true, message: 'Not scanned: reading took the run past 1 MB of memory' }]);
  });
});
