// OpenDocument (.odt, .ods, .odp, as LibreOffice writes them): the body from content.xml, headers
// and footers from styles.xml, and the properties from meta.xml. Knows OpenDocument, decides
// nothing about what is sensitive.
import type { Element } from 'xast';
import type { DocumentPart, DocumentText } from './document.js';
import { childElements, documentProperties, firstChildElement, localName, openPackage, sheetPart, textOf, xmlPart, type SheetCell, type TextVocabulary } from './office.js';

// Element names without their prefix (`text:`, `table:`), as every vocabulary here is written.
const OPEN_DOCUMENT: TextVocabulary = {
  paragraphs: new Set(['p', 'h', 'page', 'creator', 'date']),
  asides: new Set(['annotation']),
  cells: new Set(['table-cell', 'covered-table-cell']),
  rows: new Set(['table-row']),
  spaces: new Set(['s', 'tab']),
  breaks: new Set(['line-break']),
};

// What holds a sheet's rows, and what holds no text of its own.
const ROW_GROUPS = new Set(['table-header-rows', 'table-row-group', 'table-rows']);
const COLUMNS = new Set(['table-column', 'table-columns', 'table-column-group', 'table-header-columns']);
// More columns than a sheet has (LibreOffice's last is 16384): a repeat count is capped at it.
const MAX_COLUMNS = 16384;

/**
 * A sheet a row a line, its cells apart by " | " in their columns (a repeated cell counts as many
 * columns as it repeats; empty cells between others kept, after the last dropped), rows without
 * text left out. Its header rows, if it names any, head it. Text outside the rows comes after them.
 */
function spreadsheetPart(label: string, sheet: Element): DocumentPart {
  const lines: SheetCell[][] = [];
  const more: string[] = [];
  let headerLine: number | undefined;
  const walk = (parent: Element, header: boolean): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const name = localName(child);
      if (name === 'table-row') {
        const cells = rowCells(child);
        if (cells.length === 0) continue;
        if (header && headerLine === undefined) headerLine = lines.length;
        lines.push(cells);
      } else if (ROW_GROUPS.has(name)) {
        walk(child, header || name === 'table-header-rows');
      } else if (!COLUMNS.has(name)) {
        const text = textOf(child, OPEN_DOCUMENT);
        if (text !== '') more.push(text);
      }
    }
  };
  walk(sheet, false);
  return sheetPart(label, lines, { headerLine, more: more.join('\n\n') });
}

function rowCells(row: Element): SheetCell[] {
  const cells: SheetCell[] = [];
  let column = 0;
  let last = -1;
  for (const cell of row.children) {
    if (cell.type !== 'element' || (localName(cell) !== 'table-cell' && localName(cell) !== 'covered-table-cell')) continue;
    // A cell's paragraphs run on within the cell.
    const text = textOf(cell, OPEN_DOCUMENT).replace(/\s*\n+\s*/g, ' ').trim();
    cells.push({ column, text });
    if (text !== '') last = cells.length - 1;
    column = Math.min(MAX_COLUMNS, column + Math.max(1, Number(cell.attributes['table:number-columns-repeated'] ?? 1) || 1));
  }
  return cells.slice(0, last + 1);
}

/** Comments (office:annotation) and tracked deletions are read with the text they sit in. */
export async function openDocumentText(bytes: Uint8Array, kind: 'text' | 'spreadsheet' | 'presentation'): Promise<DocumentText> {
  const kindName = { text: '.odt', spreadsheet: '.ods', presentation: '.odp' }[kind];
  const zip = await openPackage(bytes, kindName, 'content.xml');
  const content = await xmlPart(zip, 'content.xml');
  const body = firstChildElement(firstChildElement(content, 'body'), kind) ?? content;
  const parts: DocumentPart[] = [];
  if (kind === 'spreadsheet') {
    // A sheet a part of its own, a row a line: its name heads the findings in it.
    const names: string[] = [];
    for (const sheet of childElements(body, 'table')) {
      const name = String(sheet.attributes['table:name'] ?? '');
      names.push(name);
      parts.push(spreadsheetPart(`Sheet ${name}`, sheet));
    }
    parts.push({ label: 'Sheet names', text: names.join('\n') });
  } else {
    parts.push({ label: 'Document', text: textOf(body, OPEN_DOCUMENT) });
  }
  if (zip.file('styles.xml')) {
    const masterStyles = firstChildElement(await xmlPart(zip, 'styles.xml'), 'master-styles');
    if (masterStyles) parts.push({ label: 'Header or footer', text: textOf(masterStyles, OPEN_DOCUMENT) });
  }
  parts.push({ label: 'Document properties', text: await documentProperties(zip), kind: 'metadata' });
  return { parts };
}
