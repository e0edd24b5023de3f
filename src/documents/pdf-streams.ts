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

const isPdfSpace = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
const hexValue = (byte: number): number => (byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : byte >= 0x61 && byte <= 0x66 ? byte - 0x57 : byte >= 0x41 && byte <= 0x46 ? byte - 0x37 : -1);

/** ASCIIHexDecode: hex digit pairs up to `>`, white space anywhere; undefined when `stream` is not that. */
function fromAsciiHex(stream: Uint8Array): Uint8Array | undefined {
  // Checked whole before anything is made: most streams fail at their first byte.
  const end = stream.indexOf(0x3e);
  if (end === -1) return undefined;
  for (let at = 0; at < end; at++) if (!isPdfSpace(stream[at]!) && hexValue(stream[at]!) === -1) return undefined;
  const out = Buffer.allocUnsafe(Math.ceil(end / 2));
  let length = 0;
  let high = -1;
  for (let at = 0; at < end; at++) {
    const value = hexValue(stream[at]!);
    if (value === -1) continue;
    if (high === -1) {
      high = value;
    } else {
      out[length++] = (high << 4) | value;
      high = -1;
    }
  }
  // An odd last digit stands for a byte whose low half is 0.
  if (high !== -1) out[length++] = high << 4;
  return out.subarray(0, length);
}

/** ASCII85Decode: base-85 groups (`z` four zero bytes) up to `~>`, white space anywhere; undefined when `stream` is not that. */
function fromAscii85(stream: Uint8Array): Uint8Array | undefined {
  const start = stream[0] === 0x3c && stream[1] === 0x7e ? 2 : 0;
  // Checked whole before anything is made, and the output's size counted: `z` is four bytes.
  let end = -1;
  let size = 4;
  for (let at = start; at < stream.length; at++) {
    const byte = stream[at]!;
    if (byte === 0x7e) {
      if (stream[at + 1] !== 0x3e) return undefined;
      end = at;
      break;
    }
    if (byte === 0x7a) size += 4;
    else if (byte >= 0x21 && byte <= 0x75) size += 1;
    else if (!isPdfSpace(byte)) return undefined;
  }
  if (end === -1) return undefined;
  const out = Buffer.allocUnsafe(size);
  let length = 0;
  const group: number[] = [];
  const flush = (count: number): void => {
    let value = 0;
    // A short last group is padded with "u", the highest digit, and gives one byte less than its digits.
    for (let k = 0; k < 5; k++) value = value * 85 + (k < group.length ? group[k]! : 84);
    for (let k = 0; k < count; k++) out[length++] = (value >>> (24 - 8 * k)) & 0xff;
    group.length = 0;
  };
  for (let at = start; at < end; at++) {
    const byte = stream[at]!;
    if (byte === 0x7a && group.length === 0) {
      out.fill(0, length, length + 4);
      length += 4;
    } else if (byte >= 0x21 && byte <= 0x75) {
      group.push(byte - 0x21);
      if (group.length === 5) flush(4);
    }
  }
  if (group.length > 1) flush(group.length - 1);
  return out.subarray(0, length);
}

/**
 * A stream's bytes under the ASCII encoding a filter chain may put before Flate (ASCIIHexDecode,
 * ASCII85Decode), which pdfjs undoes before it inflates; the stream itself when it holds neither.
 * Told by the bytes, as Flate is: a filter's name may be written any way.
 */
function withoutAsciiEncoding(stream: Uint8Array): Uint8Array {
  return fromAsciiHex(stream) ?? fromAscii85(stream) ?? stream;
}

/** Whether the PDF's streams would unpack to more than `limit` bytes together. */
export async function unpacksToMoreThan(bytes: Uint8Array, limit = MAX_INFLATED_PDF): Promise<boolean> {
  let total = 0;
  for (const stream of flateStreams(bytes)) {
    total += await inflatedLength(withoutAsciiEncoding(stream), limit - total);
    if (total > limit) return true;
  }
  return false;
}
