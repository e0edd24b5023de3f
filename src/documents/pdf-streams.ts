// How much a PDF's compressed streams unpack to, counted before pdfjs reads them: pdfjs inflates
// into buffers outside the JavaScript heap a worker's memory limit covers, so a small PDF whose
// streams inflate to gigabytes (a PDF bomb) would take the machine's memory. Knows PDF syntax only
// as far as finding streams; decides nothing about what is sensitive.
import { createInflate, inflateSync } from 'node:zlib';

/**
 * What the Flate streams pdfjs reads for text (page contents, object streams, fonts) may unpack to,
 * together. Pictures are not counted: pdfjs does not unpack them to read text.
 */
export const MAX_INFLATED_PDF = 256 * 1024 * 1024;

const latin1 = (bytes: Uint8Array, from: number, to: number): string => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/**
 * The streams of a PDF that are not pictures, each as its bytes: every one that inflates is counted,
 * whatever its dictionary names as its filter (a name may be written `/F#6cateDecode`, or the
 * filter be an indirect object).
 * One pass: each stream's dictionary is read back to the object that opens it, never past the
 * stream before it, and its data up to its `endstream`.
 */
function* flateStreams(bytes: Uint8Array): Generator<Uint8Array> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let searchFrom = 0;
  let previousEnd = 0;
  for (;;) {
    const keyword = data.indexOf('stream', searchFrom, 'latin1');
    if (keyword === -1) return;
    searchFrom = keyword + 6;
    // "endstream" holds "stream" too; a stream keyword is followed by an end of line.
    if (keyword >= 3 && latin1(bytes, keyword - 3, keyword) === 'end') continue;
    let start = keyword + 6;
    if (data[start] === 0x0d) start += 1;
    if (data[start] !== 0x0a && data[start - 1] !== 0x0d) continue;
    if (data[start] === 0x0a) start += 1;
    // Back to the object's start, never past the stream before: each byte is looked at once.
    const objectStart = data.subarray(previousEnd, keyword).lastIndexOf(' obj', undefined, 'latin1');
    // Names may write any character as #xx.
    const dictionary = latin1(bytes, previousEnd + Math.max(0, objectStart), keyword).replace(/#([\da-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    const end = data.indexOf('endstream', start, 'latin1');
    const stop = end === -1 ? data.length : end;
    previousEnd = stop;
    searchFrom = Math.max(searchFrom, stop);
    if (!/\/Subtype\s*\/Image\b/.test(dictionary)) yield bytes.subarray(start, stop);
  }
}

// A stream this small inflates to at most about a thousand times as much: counted in one call.
const SMALL_STREAM = 64 * 1024;

/** Counts what `compressed` inflates to, up to `limit` bytes and one more; none of it is kept. */
function inflatedLength(compressed: Uint8Array, limit: number): Promise<number> {
  if (compressed.length <= SMALL_STREAM) {
    try {
      return Promise.resolve(inflateSync(compressed, { maxOutputLength: limit + 1 }).length);
    } catch (error) {
      // Past the limit; or no zlib stream (not compressed so, damaged, encrypted): pdfjs gets no further with it.
      return Promise.resolve((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? limit + 1 : 0);
    }
  }
  return new Promise((resolve) => {
    const inflate = createInflate();
    let length = 0;
    const done = (): void => {
      inflate.removeAllListeners();
      inflate.destroy();
      resolve(length);
    };
    inflate.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) done();
    });
    // A damaged or encrypted stream counts as far as it inflates: pdfjs gets no further with it.
    inflate.on('error', done);
    inflate.on('end', done);
    inflate.end(compressed);
  });
}

/** Whether the PDF's streams would unpack to more than `limit` bytes together. */
export async function unpacksToMoreThan(bytes: Uint8Array, limit = MAX_INFLATED_PDF): Promise<boolean> {
  let total = 0;
  for (const stream of flateStreams(bytes)) {
    total += await inflatedLength(stream, limit - total);
    if (total > limit) return true;
  }
  return false;
}
