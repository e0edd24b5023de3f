import { closeSync, createReadStream, fstatSync, readFileSync, statSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import path from 'node:path';
import { DEFAULT_DOCUMENT_LIMITS, DOCUMENT_EXTENSIONS, readDocument, scanDocumentPart, UnreadableDocumentError, type DocumentLimits } from '../documents/document.js';
import { poolAvailable, scanInPool, StoppedJobError } from './scan-pool.js';
import type { FileReport, Finding, Notice } from '../core/finding.js';
import { findingsIn } from '../core/findings.js';
import { formatOf, scanText, type ScanOptions } from '../core/scan.js';
import { textSegment } from '../core/segment.js';
import type { RulesSettings } from '../core/rule.js';
import { settingsFor } from './config.js';
import { openForReading, readUpTo } from './regular-files.js';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export interface FileScanOptions extends Omit<ScanOptions, 'filePath' | 'format'> {
  /** Files larger than this are not parsed: they are read as plain text in chunks. */
  maxFileSize?: number;
  /** Page limit for PDFs, and a time limit for documents alone, over `timeLimitMs`. */
  documentLimits?: Partial<DocumentLimits>;
  /**
   * Scan text files in the worker pool (`--concurrency`), not in this thread. Documents are read
   * in the pool either way.
   */
  inWorkers?: boolean;
  /**
   * A file named on purpose: read it whatever its extension, and say so when it holds no text.
   * A file found in a walk whose extension names no format is read as plain text if it holds text,
   * and passed over quietly if it does not (an image, a font).
   */
  explicit?: boolean;
  /**
   * A walk's listing showed the file as a regular one: it is opened without being looked up first
   * (every look at a path walks all of it). Anything else is looked at first, and a FIFO, socket or
   * device never opened: opening some devices acts (a watchdog, a tape).
   */
  listedAsRegularFile?: boolean;
}

/** What a front end sets beside the configuration file, over it (the command line's flags, an editor's settings). */
export interface GivenSettings extends Pick<FileScanOptions, 'showValues' | 'requireReason' | 'reportUnusedDisables' | 'fingerprintSalt' | 'maxFileSize' | 'timeLimitMs'> {
  /** This configuration file for every file, instead of the nearest one. */
  configFile?: string | undefined;
  rules?: RulesSettings | undefined;
}

/**
 * The scan options for one file (or a folder a walk meets): the settings of the configuration that
 * governs it, then what the front end gives over them; and whether the configuration ignores it.
 */
export function scanOptionsFor(filePath: string, given: GivenSettings, isFolder = false): FileScanOptions & { ignored: boolean } {
  const settings = settingsFor(filePath, given.configFile, isFolder);
  const rules = settings.rules || given.rules ? { ...settings.rules, ...given.rules } : undefined;
  return {
    showValues: given.showValues === true,
    requireReason: given.requireReason === true,
    reportUnusedDisables: given.reportUnusedDisables === true,
    ...(given.fingerprintSalt ? { fingerprintSalt: given.fingerprintSalt } : {}),
    ...(rules ? { rules } : {}),
    maxFileSize: given.maxFileSize ?? settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    ...(given.timeLimitMs !== undefined ? { timeLimitMs: given.timeLimitMs } : {}),
    ignored: settings.ignored,
    ...(settings.allowlist ? { allowlist: settings.allowlist } : {}),
  };
}

// Formats that hold text but need a reader of their own, which this version does not have.
const UNREAD_DOCUMENTS = new Set(['.doc', '.xls', '.ppt', '.pptx', '.rtf']);
// Formats that hold no text: images, fonts, media, archives, binaries. Only their names are read.
const NOT_TEXT = new Set(
  ('.png .jpg .jpeg .gif .webp .avif .ico .bmp .tif .tiff .heic .psd .woff .woff2 .ttf .otf .eot .mp4 .webm ' +
    '.mov .avi .mkv .mp3 .wav .ogg .flac .m4a .zip .tgz .bz2 .xz .7z .rar .zst .wasm .exe .dll .so .pf_index .pf_meta .pagefind ' +
    '.dylib .bin .class .jar .pyc .o .a .db .sqlite').split(' '),
);
const SNIFF_BYTES = 8000;

/**
 * Compressed build output, read unpacked: pages and data a server sends compressed (`.gz`, `.br`),
 * and Pagefind's search fragments, which hold each page's text (gzip, then "pagefind_dcd" and
 * JSON). Each says how to unpack it and what the unpacked file is read as.
 */
const COMPRESSED: Record<string, { unpack: (bytes: Uint8Array, limit: number) => Buffer; readAs: (filePath: string) => string; prefix?: string }> = {
  '.gz': { unpack: (bytes, limit) => gunzipSync(bytes, { maxOutputLength: limit + 1 }), readAs: (filePath) => filePath.slice(0, -3) },
  '.br': { unpack: (bytes, limit) => brotliDecompressSync(bytes, { maxOutputLength: limit + 1 }), readAs: (filePath) => filePath.slice(0, -3) },
  '.pf_fragment': { unpack: (bytes, limit) => gunzipSync(bytes, { maxOutputLength: limit + 1 }), readAs: (filePath) => `${filePath}.json`, prefix: 'pagefind_dcd' },
};

// Compressions Node has no reader for (zstd, bzip2, xz): a page or data file sent so is named as
// not scanned, never passed over with the archives.
const UNREAD_COMPRESSIONS = new Set(['.zst', '.bz2', '.xz']);

/** A page or data file compressed in a way cprlint cannot unpack (`index.html.zst`), named so. */
function unreadCompressed(filePath: string, extension: string): FileReport | undefined {
  if (!UNREAD_COMPRESSIONS.has(extension) || !formatOf(filePath.slice(0, -extension.length))) return undefined;
  return { filePath, findings: [], notices: [notScannedWarning(`Not scanned: ${extension} compression is not read (only .gz and .br are)`)] };
}

/**
 * A compressed file's content, unpacked up to the size limit and read as what it holds. Past the
 * limit (a bomb, or a page too large), or broken, it is named as not scanned.
 */
function scanCompressed(bytes: Uint8Array, filePath: string, extension: string, options: FileScanOptions): FileReport {
  const { unpack, readAs, prefix } = COMPRESSED[extension]!;
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let unpacked: Buffer;
  try {
    unpacked = unpack(bytes, limit);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? `it unpacks to more than the size limit (${(limit / 1024 / 1024).toFixed(1)} MB)` : 'it does not unpack';
    return { filePath, findings: [], notices: [notScannedWarning(`Not scanned: ${reason}`)] };
  }
  if (unpacked.length > limit) return { filePath, findings: [], notices: [notScannedWarning(`Not scanned: it unpacks to more than the size limit (${(limit / 1024 / 1024).toFixed(1)} MB)`)] };
  const content = prefix && unpacked.subarray(0, prefix.length).toString('latin1') === prefix ? unpacked.subarray(prefix.length) : unpacked;
  return { ...scanBytes(content, readAs(filePath), options), filePath };
}

function systemMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const messages: Record<string, string> = {
      ENOENT: 'no such file',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EISDIR: 'is a directory',
      ELOOP: 'too many symbolic links',
    };
    return messages[error.code] ?? error.code;
  }
  return error instanceof Error ? error.message : String(error);
}

const NOT_REGULAR = 'Not scanned: not a regular file (a FIFO, socket or device), never read';

/** A notice that the file was not scanned at all: the run cannot vouch for it. */
function notScanned(reason: string): Notice {
  return { severity: 'error', fatal: true, message: `Not scanned: ${reason}` };
}

/** A notice that a file, or part of one, was not read: a warning, which `--strict` makes fail the run. */
function notScannedWarning(message: string): Notice {
  return { severity: 'warning', notScanned: true, message };
}

function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < length; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Scans the content of one file on disk. Never throws for a problem with the file itself. */
export async function scanFile(filePath: string, options: FileScanOptions = {}): Promise<FileReport> {
  const extension = path.extname(filePath).toLowerCase();
  if (inPool(extension, options)) return scanInWorkers(filePath, undefined, options);
  const format = formatOf(filePath);
  if (!format && UNREAD_DOCUMENTS.has(extension)) return scanFileNameOnly(filePath, extension);
  const unread = unreadCompressed(filePath, extension);
  if (unread) return unread;
  if (!format && NOT_TEXT.has(extension) && !options.explicit) return { filePath, findings: [], notices: [] };
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let bytes: Uint8Array;
  let handle: number | undefined;
  try {
    // A FIFO would block the run for ever and a device never end: they are named, never opened.
    if (!options.listedAsRegularFile) {
      const looked = statSync(filePath);
      if (looked.isDirectory()) return { filePath, findings: [], notices: [notScanned('is a directory')] };
      if (!looked.isFile()) return { filePath, findings: [], notices: [notScannedWarning(NOT_REGULAR)] };
    }
    // Without blocking, and asked again what it is once open: it may have changed since.
    handle = openForReading(filePath);
    const stat = fstatSync(handle);
    if (stat.isDirectory()) return { filePath, findings: [], notices: [notScanned('is a directory')] };
    if (!stat.isFile()) return { filePath, findings: [], notices: [notScannedWarning(NOT_REGULAR)] };
    // Documents have page and time limits of their own; their bytes are no text to read in chunks.
    // Compressed bytes are no text to read in chunks either.
    if (stat.size > maxFileSize && COMPRESSED[extension]) return { filePath, findings: [], notices: [notScannedWarning('Not scanned: a compressed file larger than the size limit')] };
    if (stat.size > maxFileSize && !DOCUMENT_EXTENSIONS.has(extension)) return await scanLargeFile(filePath, stat.size, maxFileSize, options);
    // The size is checked as the file is read, too: a file that grows (or says it has no size, as
    // /proc's do) is read in chunks once it passes the limit.
    if (DOCUMENT_EXTENSIONS.has(extension)) {
      bytes = readFileSync(handle);
    } else {
      const read = readUpTo(handle, maxFileSize, stat.size);
      if (!read.whole) return await scanLargeFile(filePath, Math.max(stat.size, maxFileSize + 1), maxFileSize, options);
      bytes = read.bytes;
    }
  } catch (error) {
    // A file that became a socket since its folder was listed cannot be opened at all.
    const code = (error as NodeJS.ErrnoException).code;
    if (handle === undefined && (code === 'ENXIO' || code === 'EOPNOTSUPP')) return { filePath, findings: [], notices: [notScannedWarning(NOT_REGULAR)] };
    return { filePath, findings: [], notices: [notScanned(systemMessage(error))] };
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
  return scanContent(bytes, filePath, options);
}

/**
 * Scans the content of a file read elsewhere (a staged blob), as scanFile would the file: an
 * unknown kind of file found in a walk is read if it holds text and passed over quietly if not.
 */
export async function scanContent(bytes: Uint8Array, filePath: string, options: FileScanOptions = {}): Promise<FileReport> {
  const extension = path.extname(filePath).toLowerCase();
  if (inPool(extension, options)) return scanInWorkers(filePath, bytes, options);
  const format = formatOf(filePath);
  if (DOCUMENT_EXTENSIONS.has(extension)) return scanDocument(bytes, filePath, extension, options);
  if (!format && UNREAD_DOCUMENTS.has(extension)) return scanFileNameOnly(filePath, extension);
  // A kind of file that holds no text (an image, a font, an archive) is passed over in a walk.
  const unread = unreadCompressed(filePath, extension);
  if (unread) return unread;
  if (!format && !options.explicit && NOT_TEXT.has(extension)) return { filePath, findings: [], notices: [] };
  if (COMPRESSED[extension]) return scanCompressed(bytes, filePath, extension, options);
  return scanBytes(bytes, filePath, options);
}

/** Whether a file goes to the worker pool: a document always, a text file when asked (and there is one). */
function inPool(extension: string, options: FileScanOptions): boolean {
  return (DOCUMENT_EXTENSIONS.has(extension) || options.inWorkers === true) && poolAvailable();
}

/** The limits a document is read under: its own, over the time limit of every file, over the defaults. */
function documentLimitsOf(options: FileScanOptions): DocumentLimits {
  return {
    ...DEFAULT_DOCUMENT_LIMITS,
    ...(options.timeLimitMs !== undefined ? { timeoutMs: options.timeLimitMs } : {}),
    ...options.documentLimits,
  };
}

/**
 * A file scanned in the worker pool, by its path or as `bytes` read elsewhere. A document's reader
 * stops itself at the time limit and reports what it read: a worker still busy a short grace period
 * later is stuck in one page. A text file's parse stops at the time limit too (the file is then
 * scanned as plain text), but the rules after it cannot: its worker has as long again, at least 5 s.
 * A worker stopped leaves its file reported as not scanned.
 */
async function scanInWorkers(filePath: string, bytes: Uint8Array | undefined, options: FileScanOptions): Promise<FileReport> {
  const jobOptions = { ...options, inWorkers: false };
  const document = DOCUMENT_EXTENSIONS.has(path.extname(filePath).toLowerCase());
  const { timeoutMs } = documentLimitsOf(options);
  const graceMs = document ? Math.min(5000, timeoutMs) : Math.max(5000, timeoutMs);
  try {
    return await scanInPool(filePath, bytes, jobOptions, { hardLimitMs: timeoutMs + graceMs, shownLimitMs: timeoutMs, watchMemory: document });
  } catch (error) {
    if (!(error instanceof StoppedJobError)) throw error;
    return { filePath, findings: [], notices: [notScannedWarning(`Not scanned: ${document ? 'reading' : 'scanning'} ${error.message}`)] };
  }
}

function scanFileNameOnly(filePath: string, extension: string): FileReport {
  return {
    filePath,
    findings: [],
    notices: [notScannedWarning(`Not scanned: ${extension} documents are not read yet (only the file name was checked)`)],
  };
}

/**
 * A document's text, read in the worker pool, each part (page, sheet, headers and footers,
 * metadata) scanned as plain text. A finding's message says its part, and its line and column are
 * in that part's text.
 */
async function scanDocument(bytes: Uint8Array, filePath: string, extension: string, options: FileScanOptions): Promise<FileReport> {
  let document;
  try {
    document = await readDocument(extension, bytes, documentLimitsOf(options));
  } catch (error) {
    if (error instanceof UnreadableDocumentError) {
      return { filePath, findings: [], notices: [notScannedWarning(`Not scanned: ${error.message}`)] };
    }
    throw error;
  }
  const report: FileReport = { filePath, findings: [], notices: [], ...(document.pagesRead !== undefined ? { pagesRead: document.pagesRead } : {}) };
  for (const part of document.parts) {
    for (const finding of scanDocumentPart(part, { ...options, filePath }).findings) {
      report.findings.push({
        ...finding,
        ...(part.page !== undefined ? { page: part.page } : {}),
        ...(part.kind ? { kind: part.kind } : {}),
        message: `${part.label}: ${finding.message}`,
      });
    }
  }
  if (document.stoppedEarly) {
    const read = document.pageCount !== undefined ? `Only ${document.pagesRead ?? 0} of ${document.pageCount} pages were read` : 'Not all of it was read';
    report.notices.push(notScannedWarning(`${read}: ${document.stoppedEarly}`));
  }
  return report;
}

/** The encoding a byte order mark names, if the bytes start with one. */
function unicodeBom(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 written without a byte order mark (Windows tools export text so): most characters of
 * Danish text are ASCII, so one byte of each pair is 0 and the other is not.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Whether bytes are text cprlint can read: no NUL byte, or UTF-16 with or without its mark. */
function readableAsText(bytes: Uint8Array): boolean {
  return !looksBinary(bytes) || unicodeBom(bytes) !== undefined || utf16WithoutBom(bytes) !== undefined;
}

// Windows-1252 differs from Latin-1 in 0x80-0x9F (Node's decoder reads them as Latin-1's control
// characters): the en dash 0x96 that separates many a CPR number in old files lives there.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009f]/g, (ch) => WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80]!);
}

type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * The encoding to read bytes in (`more`: they are a file's first chunk, more is to come): UTF-8, or
 * UTF-16 where a byte order mark or the pattern of zero bytes says so. Bytes that are not valid
 * UTF-8 are read as Windows-1252, the usual encoding of older Danish files. A guess comes with a
 * notice that says so.
 */
function encodingOf(bytes: Uint8Array, more: boolean): { encoding: TextEncoding; notice?: Notice } {
  const bom = unicodeBom(bytes);
  if (bom) return { encoding: bom };
  const unmarked = utf16WithoutBom(bytes);
  if (unmarked) return { encoding: unmarked, notice: { severity: 'warning', message: `No byte order mark: read as ${unmarked.toUpperCase()}` } };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: more });
    return { encoding: 'utf-8' };
  } catch {
    return { encoding: 'windows-1252', notice: { severity: 'warning', message: 'Not valid UTF-8: read as Windows-1252 (Latin-1)' } };
  }
}

/** Decodes text in `encoding` piece by piece (`stream` while more is to come). */
function textDecoderFor(encoding: TextEncoding): (bytes: Uint8Array, stream: boolean) => string {
  if (encoding === 'windows-1252') return (bytes) => decodeWindows1252(bytes);
  const decoder = new TextDecoder(encoding);
  return (bytes, stream) => decoder.decode(bytes, { stream });
}

/** Decodes a file's bytes, in the encoding `encodingOf` reads them in: UTF-8 decoded once. */
function decodeText(bytes: Uint8Array): { text: string; notice?: Notice } {
  const bom = unicodeBom(bytes);
  if (!bom && !utf16WithoutBom(bytes)) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // Not UTF-8: encodingOf says what it is read as.
    }
  }
  const { encoding, notice } = encodingOf(bytes, false);
  return { text: textDecoderFor(encoding)(bytes, false), ...(notice ? { notice } : {}) };
}

/** Scans bytes that claim to be the file `filePath` (a file on disk, or standard input), in this thread. */
export function scanBytes(bytes: Uint8Array, filePath: string, options: FileScanOptions = {}): FileReport {
  // Any other file that cannot be read as text is named as not scanned, never passed over in silence.
  if (!readableAsText(bytes)) {
    return { filePath, findings: [], notices: [notScannedWarning('Not scanned: binary content (a NUL byte), not text cprlint can read')] };
  }
  const { text, notice } = decodeText(bytes);
  const report = scanText(text, { ...options, filePath, format: formatOf(filePath) ?? 'text' });
  if (notice) report.notices.unshift(notice);
  return report;
}

const CHUNK = 1024 * 1024;
// Enough characters to hold a number and the words before it that say what kind it is.
const OVERLAP = 256;

/**
 * A file over the size limit is read in chunks, as plain text, so its size bounds neither memory
 * nor time. Each window repeats the tail of the one before, so nothing is missed at a boundary.
 */
async function scanLargeFile(
  filePath: string,
  size: number,
  maxFileSize: number,
  options: FileScanOptions,
): Promise<FileReport> {
  const megabytes = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const report: FileReport = {
    filePath,
    findings: [],
    notices: [
      {
        severity: 'warning',
        message: `Larger than the size limit (${megabytes(size)} > ${megabytes(maxFileSize)}): scanned as plain text in chunks, without parsing`,
      },
    ],
  };
  // The first chunk decides the encoding, as a whole file's bytes decide it.
  let decode: ((bytes: Uint8Array, stream: boolean) => string) | undefined;
  let carry = '';
  let carryOffset = 0; // offset of carry[0] in the decoded file
  let carryLine = 1; // line of carry[0]
  let carryColumn = 1; // column of carry[0]
  let reportedUpTo = -1;
  // A number that ends near a window's end may go on in the next chunk: leave it to that window.
  const scanWindow = (window: string, last: boolean): void => {
    const segment = textSegment('text', window);
    for (const finding of findingsIn(segment ? [segment] : [], window, options)) {
      if (!last && finding.place.end.offset > window.length - OVERLAP / 4) continue;
      const absolute = carryOffset + finding.place.start.offset;
      if (absolute <= reportedUpTo) continue;
      reportedUpTo = absolute;
      report.findings.push(moveFinding(finding, carryOffset, carryLine, carryColumn));
    }
  };
  try {
    for await (const chunk of createReadStream(filePath, { highWaterMark: CHUNK })) {
      if (!decode) {
        const { encoding, notice } = encodingOf(chunk as Buffer, true);
        decode = textDecoderFor(encoding);
        if (notice) report.notices.push(notice);
      }
      const window = carry + decode(chunk as Buffer, true);
      scanWindow(window, false);
      const keep = Math.max(0, window.length - OVERLAP);
      advance(window.slice(0, keep));
      carry = window.slice(keep);
    }
    const rest = carry + (decode ? decode(new Uint8Array(0), false) : '');
    scanWindow(rest, true);
  } catch (error) {
    report.notices.push(notScanned(`reading stopped: ${systemMessage(error)}`));
  }
  return report;

  function advance(passed: string): void {
    carryOffset += passed.length;
    const lastNewline = passed.lastIndexOf('\n');
    if (lastNewline === -1) {
      carryColumn += passed.length;
      return;
    }
    for (let at = passed.indexOf('\n'); at !== -1; at = passed.indexOf('\n', at + 1)) carryLine += 1;
    carryColumn = passed.length - lastNewline;
  }
}

function moveFinding(finding: Finding, offset: number, line: number, column: number): Finding {
  const move = (point: Finding['place']['start']) => ({
    line: point.line + line - 1,
    column: point.line === 1 ? point.column + column - 1 : point.column,
    offset: point.offset + offset,
  });
  return { ...finding, place: { start: move(finding.place.start), end: move(finding.place.end) } };
}
