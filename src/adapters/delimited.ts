// CSV and TSV, as spreadsheets and case systems export them: the delimiter found from the first
// records (';' in a Danish Excel's export, ',' or a tab elsewhere), fields in double quotes (with
// "" for a quote, and line breaks inside), the first record the header. Knows the format, decides
// nothing about what is sensitive.
import { columnHeader, tableRowSegment, textSegment, type Segment } from '../core/segment.js';

/** Delimiters a file may use, in the order a tie is settled: the Danish export's first. */
const DELIMITERS = [';', '\t', ',', '|'] as const;
// Enough of a file to tell its delimiter: the header and the records after it, up to these limits.
const SAMPLE_RECORDS = 50;
const SAMPLE_CHARACTERS = 64 * 1024;
// Excel writes this line first when asked to name the delimiter.
const SEPARATOR_LINE = /^sep=([^\r\n])(?:\r\n|\n|\r|$)/;

/** One field of a record, as offsets into the source: its content (inside the quotes, when quoted). */
interface Field {
  from: number;
  to: number;
  quoted: boolean;
}

/** The number of each delimiter in each of the file's first records, quotes heeded. */
function delimiterOf(source: string, start: number): string | undefined {
  const end = Math.min(source.length, start + SAMPLE_CHARACTERS);
  const counts: number[][] = [];
  let current = DELIMITERS.map(() => 0);
  let blank = true;
  let quoted = false;
  for (let at = start; at < end && counts.length < SAMPLE_RECORDS; at++) {
    const ch = source[at]!;
    if (ch === '"') quoted = !quoted;
    if (quoted || ch === '"') {
      blank = false;
    } else if (ch === '\n' || ch === '\r') {
      if (!blank) counts.push(current);
      current = DELIMITERS.map(() => 0);
      blank = true;
    } else {
      blank = false;
      const index = DELIMITERS.indexOf(ch as (typeof DELIMITERS)[number]);
      if (index !== -1) current[index]! += 1;
    }
  }
  if (!blank && counts.length < SAMPLE_RECORDS) counts.push(current);
  const header = counts[0];
  if (!header) return undefined;
  // The delimiter the header has, and the most later records have as often.
  let best: { index: number; agreeing: number } | undefined;
  DELIMITERS.forEach((_, index) => {
    if (header[index] === 0) return;
    const agreeing = counts.filter((record) => record[index] === header[index]).length;
    if (!best || agreeing > best.agreeing) best = { index, agreeing };
  });
  return best && DELIMITERS[best.index];
}

/**
 * Reads the record that starts at `at`: its fields, and where it ends (before its line break) and
 * the next begins. Throws when a quoted field is never closed.
 */
function recordAt(source: string, at: number, delimiter: string): { fields: Field[]; end: number; next: number } {
  const fields: Field[] = [];
  const length = source.length;
  for (;;) {
    let field: Field;
    if (source[at] === '"') {
      let close = source.indexOf('"', at + 1);
      while (close !== -1 && source[close + 1] === '"') close = source.indexOf('"', close + 2);
      if (close === -1) throw new Error(`a quoted field on line ${lineOf(source, at)} is never closed`);
      field = { from: at + 1, to: close, quoted: true };
      at = close + 1;
      // Text after the closing quote (`"a"b`) is read as part of the field, as spreadsheets do.
      const stray = at;
      while (at < length && source[at] !== delimiter && source[at] !== '\n' && source[at] !== '\r') at += 1;
      if (at > stray) field = { from: field.from, to: at, quoted: false };
    } else {
      const from = at;
      while (at < length && source[at] !== delimiter && source[at] !== '\n' && source[at] !== '\r') at += 1;
      field = { from, to: at, quoted: false };
    }
    fields.push(field);
    if (at < length && source[at] === delimiter) {
      at += 1;
      continue;
    }
    const end = at;
    if (source[at] === '\r') at += 1;
    if (source[at] === '\n') at += 1;
    return { fields, end, next: at };
  }
}

function lineOf(source: string, at: number): number {
  let line = 1;
  for (let index = source.indexOf('\n'); index !== -1 && index < at; index = source.indexOf('\n', index + 1)) line += 1;
  return line;
}

/**
 * Segments of a CSV or TSV file: one block segment per record (its text as it stands in the
 * source, delimiters and quotes too), whose cells are its fields (inside their quotes) under the
 * header record's field in their column. The header record's own cells have header ''. A blank
 * line starts a new table with a header of its own (a one-field title line before it is none). Throws when a quoted field is never closed: the file is then read as
 * plain text.
 */
export function delimitedSegments(source: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  const separatorLine = SEPARATOR_LINE.exec(source);
  let delimiter: string | undefined;
  if (separatorLine) {
    delimiter = separatorLine[1]!;
    const line = textSegment('text', source, 0, separatorLine[0].trimEnd().length);
    if (line) segments.push(line);
    at = separatorLine[0].length;
  }
  // A file without any delimiter is a table of one column ('' is no character of the source).
  delimiter ??= delimiterOf(source, at) ?? '';
  let headers: string[] | undefined;
  // Line breaks since the last record (more than its own: a blank line), and rows under the header.
  let lineBreaks = 0;
  let rows = 0;
  while (at < source.length) {
    const ch = source[at];
    if (ch === '\n' || ch === '\r') {
      if (ch === '\n') lineBreaks += 1;
      at += 1;
      continue;
    }
    const record = recordAt(source, at, delimiter);
    // After a blank line, a title ("Udbetalinger til borgere", one field) or a record without a
    // digit below rows of data starts a new table with a header of its own.
    if (lineBreaks > 0 && headers && rows > 0 && (record.fields.length === 1 || !/\d/u.test(source.slice(at, record.end)))) headers = undefined;
    lineBreaks = 0;
    const cells = record.fields.map((field, column) => ({ from: field.from, to: field.to, header: headers?.[column] ?? '' }));
    const segment = tableRowSegment(source, at, record.end, cells);
    if (segment) segments.push(segment);
    if (headers) rows += 1;
    else if (segment && (record.fields.length > 1 || delimiter === '')) {
      rows = 0;
      headers = record.fields.map((field, column) => {
        const cell = segment.cells![column]!;
        const text = segment.text.slice(cell.from, cell.to);
        return columnHeader(field.quoted ? text.replaceAll('""', '"') : text);
      });
    }
    at = record.next;
  }
  return segments;
}
