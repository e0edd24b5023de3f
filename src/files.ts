import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileReport, Finding, Notice } from './finding.js';
import { findingsIn, formatOf, scanText, type ScanOptions } from './scan.js';
import { identitySegment } from './segment.js';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export interface FileScanOptions extends Omit<ScanOptions, 'filePath' | 'format'> {
  /** Files larger than this are not parsed: they are read as plain text in chunks. */
  maxFileSize?: number;
  /** Read a file whose extension names no known format, as plain text (a path named on purpose). */
  readUnknown?: boolean;
}

// Formats that hold text but need a reader of their own, which this version does not have.
const DOCUMENTS = new Set(['.pdf', '.doc', '.docx', '.odt', '.ods', '.xls', '.xlsx', '.ppt', '.pptx', '.rtf']);

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

/** A notice that the file was not scanned at all: the run cannot vouch for it. */
function notScanned(reason: string): Notice {
  return { severity: 'error', fatal: true, message: `Not scanned: ${reason}` };
}

function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, 8000);
  for (let i = 0; i < length; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Scans the content of one file on disk. Never throws for a problem with the file itself. */
export async function scanFile(filePath: string, options: FileScanOptions = {}): Promise<FileReport> {
  const extension = path.extname(filePath).toLowerCase();
  const format = formatOf(filePath);
  if (!format && DOCUMENTS.has(extension)) {
    return {
      filePath,
      findings: [],
      notices: [{ severity: 'warning', message: `Not scanned: ${extension} documents are not read yet (only the file name was checked)` }],
    };
  }
  if (!format && !options.readUnknown) return { filePath, findings: [], notices: [] };
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(filePath);
    if (stat.isDirectory()) return { filePath, findings: [], notices: [notScanned('is a directory')] };
    if (stat.size > maxFileSize) return await scanLargeFile(filePath, stat.size, maxFileSize, options);
    bytes = await fs.readFile(filePath);
  } catch (error) {
    return { filePath, findings: [], notices: [notScanned(systemMessage(error))] };
  }
  return scanBytes(bytes, filePath, options);
}

/** Scans bytes that claim to be the file `filePath` (a file on disk, or standard input). */
export function scanBytes(bytes: Uint8Array, filePath: string, options: FileScanOptions = {}): FileReport {
  if (looksBinary(bytes)) {
    return { filePath, findings: [], notices: [{ severity: 'warning', message: 'Skipped: binary content (a NUL byte)' }] };
  }
  let text: string;
  const notices: Notice[] = [];
  let format = formatOf(filePath) ?? 'text';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    notices.push({ severity: 'warning', message: 'Not valid UTF-8: scanned as plain text' });
    format = 'text';
  }
  const report = scanText(text, { ...options, filePath, format });
  report.notices.unshift(...notices);
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
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let carryOffset = 0; // offset of carry[0] in the decoded file
  let carryLine = 1; // line of carry[0]
  let carryColumn = 1; // column of carry[0]
  let reportedUpTo = -1;
  // A number that ends near a window's end may go on in the next chunk: leave it to that window.
  const scanWindow = (window: string, last: boolean): void => {
    const segment = identitySegment('text', window, 0);
    for (const finding of findingsIn([segment], window, options)) {
      if (!last && finding.place.end.offset > window.length - OVERLAP / 4) continue;
      const absolute = carryOffset + finding.place.start.offset;
      if (absolute <= reportedUpTo) continue;
      reportedUpTo = absolute;
      report.findings.push(moveFinding(finding, carryOffset, carryLine, carryColumn));
    }
  };
  try {
    for await (const chunk of createReadStream(filePath, { highWaterMark: CHUNK })) {
      const window = carry + decoder.decode(chunk as Buffer, { stream: true });
      scanWindow(window, false);
      const keep = Math.max(0, window.length - OVERLAP);
      advance(window.slice(0, keep));
      carry = window.slice(keep);
    }
    const rest = carry + decoder.decode();
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
