import type { Element, Nodes, Root } from 'hast';
import { createRequire } from 'node:module';
import { unified } from 'unified';
import { columnHeader, identitySegment, placeWithin, SegmentBuilder, tableCell, textSegment, type Segment } from '../core/segment.js';
import { RUNS_ON } from './inline-elements.js';
import { rangeOf, type Positioned } from './unist-range.js';

// `sup` and `sub` stand apart from the word before them (a footnote mark after a number is no
// digit of it) but stay in the sentence.
const STANDS_APART = new Set(['sup', 'sub']);

// A whole file is a document, so <html> and <body> keep their attributes (a fragment parse drops
// those tags); elements the parser implies have no position and are passed over. HTML inside
// Markdown is a fragment.
// parse5 loads only when HTML is met: code files and plain Markdown do without it.
const requireModule = createRequire(import.meta.url);
interface HtmlParser {
  parse(source: string): Root;
}
const parsers: Partial<Record<'document' | 'fragment', HtmlParser>> = {};
function htmlParser(kind: 'document' | 'fragment'): HtmlParser {
  const rehypeParse = (requireModule('rehype-parse') as typeof import('rehype-parse')).default;
  return (parsers[kind] ??= unified().use(rehypeParse, { fragment: kind === 'fragment' }) as unknown as HtmlParser);
}

/** Stands between the cells of a table row in its segment: no number runs across it. */
export const CELL_SEPARATOR = ' | ';

/** Segments of an HTML document (or, with `fragment`, a piece of HTML), with offsets into `source`. */
export function htmlSegments(source: string, fragment = false): Segment[] {
  return hastSegments(htmlParser(fragment ? 'fragment' : 'document').parse(source), source);
}

/** The end of the start tag that opens at `from`, skipping `>` inside quoted attribute values. */
function startTagEnd(source: string, from: number, limit: number): number {
  let quote = '';
  for (let at = from + 1; at < limit; at++) {
    const ch = source[at]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return at + 1;
    }
  }
  return limit;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Segments of a hast tree whose positions point into `source`: one text segment per block of
 * running text (inline elements and entities flattened away), one per start tag (every attribute
 * value), comment, script and style. Trees made from Markdown (remark-rehype) work too.
 */
export function hastSegments(tree: Root, source: string): Segment[] {
  const segments: Segment[] = [];
  let text = new SegmentBuilder('text', true);
  // The text being built is a heading's (h1–h6).
  let heading = false;
  // The cells of the row being built, and the one open now: a nested table ends the row's
  // segment mid-cell, and the cell goes on at the start of the next.
  let rowCells: { from: number; to: number; header: string }[] = [];
  let openCell: { from: number; header: string } | undefined;
  // Where a block inside a cell ended or began: a line break, once text follows in the cell.
  let breakAt: number | undefined;
  const flush = (): void => {
    if (openCell) rowCells.push({ from: openCell.from, to: text.length, header: openCell.header });
    const built = text.build();
    if (built) {
      if (rowCells.length > 0) segments.push({ ...built, cells: rowCells.map((cell) => tableCell(built.text, cell.from, cell.to, cell.header)) });
      else segments.push(heading ? { ...built, heading: true } : built);
    }
    heading = false;
    text = new SegmentBuilder('text', true);
    rowCells = [];
    if (openCell) openCell = { from: 0, header: openCell.header };
  };
  // A block inside a table cell (<td><p>…</p><p>…</p></td>, as editors write them) is a line of
  // the row's segment; anywhere else it is a segment of its own.
  const blockEdge = (at: number | undefined): void => {
    if (openCell) breakAt = at;
    else flush();
  };
  const breakIfDue = (): void => {
    if (openCell && breakAt !== undefined && text.length > openCell.from) text.appendSynthetic('\n', breakAt);
    breakAt = undefined;
  };
  const tables: TableLayout[] = [];
  const raw = (kind: Segment['kind'], node: Positioned): void => {
    const range = rangeOf(node);
    const segment = range && textSegment(kind, source, range[0], range[1]);
    if (segment) segments.push(segment);
  };

  const attributes = (node: Element, range: [number, number]): void => {
    if (source[range[0]] === '<') {
      const segment = textSegment('attribute', source, range[0], startTagEnd(source, range[0], range[1]));
      if (segment) segments.push(segment);
    } else if (Object.values(node.properties).some((value) => typeof value === 'string' && value !== '')) {
      // Made from Markdown: the attribute values (href, src, alt) stand in the node's own source.
      raw('attribute', node);
    }
  };

  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'root':
        for (const child of node.children) visit(child);
        return;
      case 'text': {
        const range = rangeOf(node);
        // White space between blocks in a cell is layout, not text.
        if (breakAt !== undefined && node.value.trim() === '') return;
        breakIfDue();
        if (range) text.appendDecoded(node.value, source, range[0], range[1]);
        return;
      }
      case 'comment':
        raw('comment', node);
        return;
      case 'element': {
        const range = rangeOf(node);
        if (range && Object.keys(node.properties).length > 0) attributes(node, range);
        if (node.tagName === 'br') {
          if (range) text.appendSynthetic('\n', range[0]);
          return;
        }
        if (node.tagName === 'script' || node.tagName === 'style') {
          for (const child of node.children) raw(node.tagName === 'script' ? 'script' : 'code', child);
          return;
        }
        if (node.tagName === 'tr') {
          tableRow(node);
          return;
        }
        if (node.tagName === 'table') {
          table(node);
          return;
        }
        if (STANDS_APART.has(node.tagName)) {
          if (range) text.appendSynthetic(' ', range[0]);
          for (const child of node.children) visit(child);
          if (range) text.appendSynthetic(' ', range[1]);
          return;
        }
        const inline = RUNS_ON.has(node.tagName);
        if (!inline) blockEdge(range?.[0]);
        for (const child of node.children) visit(child);
        if (node.tagName === 'template' && node.content) visit(node.content);
        if (HEADINGS.has(node.tagName) && !openCell) heading = true;
        if (!inline) blockEdge(range?.[1]);
        return;
      }
      case 'doctype':
        return;
      default:
        visitOther(node as unknown as OtherNode);
    }
  };

  // A table's rows read its header: a nested table (in a cell) has its own, and ends the row
  // around it.
  const table = (node: Element): void => {
    const outerCell = openCell;
    flush();
    openCell = undefined;
    breakAt = undefined;
    tables.push(tableLayout(node));
    for (const child of node.children) visit(child);
    flush();
    tables.pop();
    openCell = outerCell && { from: 0, header: outerCell.header };
  };

  // A table row is one block of text, its cells apart: a name in one cell, a diagnosis in the next.
  const tableRow = (row: Element): void => {
    flush();
    const layout = tables.at(-1);
    const columnOf = layout ? layout.columns(row) : (): number => -1;
    const headers = layout && !layout.headerRows.has(row) ? layout.headers : [];
    let first = true;
    for (const cell of row.children) {
      if (cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')) {
        const range = rangeOf(cell);
        if (!first && range) text.appendSynthetic(CELL_SEPARATOR, range[0]);
        first = false;
        if (range && Object.keys(cell.properties).length > 0) attributes(cell, range);
        openCell = { from: text.length, header: headers[columnOf(cell)] ?? '' };
        breakAt = undefined;
        for (const child of cell.children) visit(child);
        rowCells.push({ from: openCell.from, to: text.length, header: openCell.header });
        openCell = undefined;
        breakAt = undefined;
      } else {
        visit(cell);
      }
    }
    flush();
  };

  // Nodes from MDX (JSX, expressions, ESM) and `raw` HTML that Markdown pipelines put in hast.
  type OtherNode = Positioned & { type: string; children?: Nodes[]; attributes?: Positioned[] };
  const visitOther = (node: OtherNode): void => {
    if (node.type === 'raw') {
      const range = rangeOf(node);
      if (range) segments.push(...htmlWithin(identitySegment('text', source.slice(range[0], range[1]), range[0])));
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes ?? []) raw('attribute', attribute);
      const inline = node.type === 'mdxJsxTextElement';
      if (!inline) flush();
      for (const child of node.children ?? []) visit(child);
      if (!inline) flush();
      return;
    }
    if (node.type.startsWith('mdx')) raw('expression', node);
  };

  visit(tree);
  flush();
  return segments;
}

// More columns than any real table has; a header wider than this reads as its first columns.
const MAX_COLUMNS = 1000;
// HTML's own limits on colspan and rowspan.
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/** A table's header rows, the header of each of its columns, and the column each cell of a row starts in. */
interface TableLayout {
  headerRows: ReadonlySet<Element>;
  headers: readonly string[];
  /** For one row, in order: the cell's column (rows of a group read the rowspans of the rows above). */
  columns(row: Element): (cell: Element) => number;
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th'));
}

function spanOf(cell: Element, property: 'colSpan' | 'rowSpan'): number {
  const value = Number(cell.properties[property]);
  if (!Number.isInteger(value) || value < 0) return 1;
  // rowspan="0" runs to the end of the row group.
  if (value === 0) return property === 'rowSpan' ? MAX_ROWSPAN : 1;
  return Math.min(value, property === 'rowSpan' ? MAX_ROWSPAN : MAX_COLSPAN);
}

// A table inside a header cell has headers of its own; scripts and styles are no text.
const NO_HEADER_TEXT = new Set(['script', 'style', 'table', 'template']);

/**
 * The text of a cell as a header reads it: every text inside it, scripts, styles and tables aside,
 * blocks and line breaks a space. With `boldOnly`, only the text inside <strong> or <b>.
 */
function plainText(cell: Element, boldOnly = false): string {
  const pieces: string[] = [];
  const walk = (parent: Element, bold: boolean): void => {
    for (const child of parent.children) {
      if (child.type === 'text') {
        if (!boldOnly || bold) pieces.push(child.value);
      } else if (child.type === 'element' && !NO_HEADER_TEXT.has(child.tagName)) {
        const apart = child.tagName === 'br' || !RUNS_ON.has(child.tagName);
        if (apart) pieces.push(' ');
        walk(child, bold || child.tagName === 'strong' || child.tagName === 'b');
        if (apart) pieces.push(' ');
      }
    }
  };
  walk(cell, false);
  return columnHeader(pieces.join(''));
}

/** The rows of a table in order, each with the row group it belongs to (thead, tbody, tfoot, or the table). */
function rowsOf(table: Element): { row: Element; group: Element }[] {
  const rows: { row: Element; group: Element }[] = [];
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') rows.push({ row: child, group: table });
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const row of child.children) if (row.type === 'element' && row.tagName === 'tr') rows.push({ row, group: child });
    }
  }
  return rows;
}

/**
 * The header rows of a table: those of its <thead>; without one, the rows at its top whose cells
 * are all <th>; without those, a first row whose every cell is bold, as editors that know no <th>
 * write a header. A first row of plain <td> cells is data: many a page's table is label and value
 * ("Sagsnr. | 2026-0142"), and the label then stands in the row itself.
 */
function headerRowsOf(rows: readonly { row: Element; group: Element }[]): Element[] {
  const head = rows.filter(({ group }) => group.tagName === 'thead').map(({ row }) => row);
  if (head.length > 0) return head;
  const leading: Element[] = [];
  for (const { row, group } of rows) {
    const cells = cellsOf(row);
    if (group !== rows[0]!.group || cells.length === 0 || cells.some((cell) => cell.tagName !== 'th')) break;
    leading.push(row);
  }
  if (leading.length > 0) return leading;
  const first = rows[0]?.row;
  if (!first) return [];
  const cells = cellsOf(first);
  const allBold = cells.length > 0 && cells.some((cell) => plainText(cell) !== '') && cells.every((cell) => plainText(cell, true) === plainText(cell));
  return allBold ? [first] : [];
}

/** A table's layout: its header rows laid out on a grid (colspan and rowspan), and a column for every cell. */
function tableLayout(table: Element): TableLayout {
  const rows = rowsOf(table);
  const headerRows = new Set(headerRowsOf(rows));
  // Rows are numbered in the table; a rowspan ends with its row group.
  let group: Element | undefined;
  let rowNumber = -1;
  let coveredUntil: number[] = [];
  const place = (row: Element, groupOfRow: Element, width: number): ((cell: Element) => number) => {
    if (groupOfRow !== group) {
      group = groupOfRow;
      coveredUntil = [];
    }
    rowNumber += 1;
    const columns = new Map<Element, number>();
    let column = 0;
    for (const cell of cellsOf(row)) {
      // Only the columns under a header are tracked: a cell beyond them has no header to read.
      while (column < width && (coveredUntil[column] ?? -1) >= rowNumber) column += 1;
      columns.set(cell, column);
      const rowSpan = spanOf(cell, 'rowSpan');
      const colSpan = spanOf(cell, 'colSpan');
      if (rowSpan > 1) for (let c = column; c < Math.min(column + colSpan, width); c++) coveredUntil[c] = rowNumber + rowSpan - 1;
      column += colSpan;
    }
    return (cell) => columns.get(cell) ?? -1;
  };
  // The header: each column's header cells top to bottom ("Ansøger" over "Navn" reads "Ansøger Navn").
  const parts: string[][] = [];
  for (const { row, group: groupOfRow } of rows) {
    if (!headerRows.has(row)) continue;
    const columnOf = place(row, groupOfRow, MAX_COLUMNS);
    for (const cell of cellsOf(row)) {
      const text = plainText(cell);
      const start = columnOf(cell);
      for (let c = start; c < Math.min(start + spanOf(cell, 'colSpan'), MAX_COLUMNS); c++) {
        (parts[c] ??= []);
        if (text !== '') parts[c]!.push(text);
      }
    }
  }
  const headers = Array.from(parts, (texts) => (texts ?? []).join(' '));
  group = undefined;
  rowNumber = -1;
  const groups = new Map(rows.map(({ row, group: groupOfRow }) => [row, groupOfRow]));
  return {
    headerRows,
    headers,
    columns: (row) => place(row, groups.get(row) ?? table, headers.length),
  };
}

/**
 * Segments of HTML that stands inside other text (raw HTML in Markdown, HTML in a feed's CDATA or
 * escaped in its text), placed in the source that text came from.
 */
export function htmlWithin(outer: Segment): Segment[] {
  return placeWithin(htmlSegments(outer.text, true), outer);
}
