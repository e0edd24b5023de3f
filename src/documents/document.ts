// Documents a site attaches (PDF, Word, OpenDocument, Excel): each reader gives the text a person
// could read out of one, in labelled parts. Knows document formats, decides nothing about what is
// sensitive.
import type { FileReport } from '../core/finding.js';
import { DEFAULT_TIME_LIMIT_MS, scanSource, type ScanOptions } from '../core/scan.js';
import { tableRowSegment, textSegment, type Segment, type TableCell } from '../core/segment.js';

export interface DocumentLimits {
  /** Pages of a PDF read at most; the rest is reported as not read. */
  maxPages: number;
  /** Milliseconds for one document. */
  timeoutMs: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = { maxPages: 2000, timeoutMs: DEFAULT_TIME_LIMIT_MS };

/** A stretch of a document's text: a page, a sheet, the headers and footers, the metadata. */
export interface DocumentPart {
  /** Heads each finding's message: "Page 3", "Sheet Ark1", "Document metadata". */
  label: string;
  text: string;
  page?: number;
  kind?: 'metadata' | 'form field';
  /** For a sheet: its rows, in order, each a stretch of `text` (one line) whose cells read their column's header. */
  rows?: SheetRow[];
}

/** One row of a sheet: text[from, to) of its part, and its cells, with offsets into that stretch. */
export interface SheetRow {
  from: number;
  to: number;
  cells: TableCell[];
}

/**
 * The segments of a document part: a sheet's rows one block segment each, with their cells; any
 * other part (and any text between rows) read as plain text. Offsets are into `part.text`.
 */
export function documentPartSegments(part: DocumentPart): Segment[] {
  const { text, rows } = part;
  if (!rows) {
    const segment = textSegment('text', text);
    return segment ? [segment] : [];
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const row of rows) {
    if (row.from < at || row.to < row.from || row.to > text.length) continue;
    const between = textSegment('text', text, at, row.from);
    if (between && between.text.trim() !== '') segments.push(between);
    const segment = tableRowSegment(text, row.from, row.to, row.cells.map((cell) => ({ from: row.from + cell.from, to: row.from + cell.to, header: cell.header })));
    if (segment) segments.push(segment);
    at = row.to;
  }
  const rest = textSegment('text', text, at);
  if (rest && rest.text.trim() !== '') segments.push(rest);
  return segments;
}

/**
 * Scans one part of a document (a page, a sheet, the metadata) as plain text, but a sheet row by
 * row, each row's cells under their column's header. Positions are in the part's text.
 */
export function scanDocumentPart(part: DocumentPart, options: Omit<ScanOptions, 'format'> = {}): FileReport {
  return scanSource(part.text, options, 'text', () => documentPartSegments(part));
}

export interface DocumentText {
  parts: DocumentPart[];
  /** For a PDF: its pages, and how many were read. */
  pageCount?: number;
  pagesRead?: number;
  /** Why not everything was read, when not. */
  stoppedEarly?: string;
}

/** A document that cannot be read: encrypted, broken, or not what its name says. The message says which. */
export class UnreadableDocumentError extends Error {
  override name = 'UnreadableDocumentError';
}

const READERS: Record<string, (bytes: Uint8Array, limits: DocumentLimits) => Promise<DocumentText>> = {
  '.pdf': async (bytes, limits) => (await import('./pdf.js')).pdfText(bytes, limits),
  '.docx': async (bytes) => (await import('./docx.js')).docxText(bytes),
  '.odt': async (bytes) => (await import('./opendocument.js')).openDocumentText(bytes, 'text'),
  '.ods': async (bytes) => (await import('./opendocument.js')).openDocumentText(bytes, 'spreadsheet'),
  '.odp': async (bytes) => (await import('./opendocument.js')).openDocumentText(bytes, 'presentation'),
  '.xlsx': async (bytes) => (await import('./spreadsheet.js')).xlsxText(bytes),
};

/** The extensions of the documents there is a reader for. */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(Object.keys(READERS));

/**
 * Reads a document by its extension, one of DOCUMENT_EXTENSIONS. Whatever goes wrong inside a
 * reader (a damaged stream, a library's own error) is an UnreadableDocumentError: the document is
 * reported as not scanned and the run goes on.
 */
export async function readDocument(extension: string, bytes: Uint8Array, limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS): Promise<DocumentText> {
  const reader = READERS[extension];
  if (!reader) throw new Error(`no reader for ${extension} documents`);
  try {
    return await reader(bytes, limits);
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw error;
    throw new UnreadableDocumentError(`the reader failed (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`);
  }
}
