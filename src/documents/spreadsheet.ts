// Excel .xlsx: every sheet's cells (shared strings, inline strings, numbers, formula results),
// cell comments, sheet names and the document's properties. Knows SpreadsheetML, decides nothing
// about what is sensitive.
import type { Element } from 'xast';
import { UnreadableDocumentError, type DocumentPart, type DocumentText } from './document.js';
import { childElements, documentProperties, firstChildElement, openPackage, partsNamed, sheetPart, textOf, xmlPart, type SheetCell, type TextVocabulary } from './office.js';

const STRINGS: TextVocabulary = {
  text: new Set(['t', 'text']),
  paragraphs: new Set(['si', 'comment', 'threadedComment']),
  // Phonetic guides repeat a cell's text in another script.
  skip: new Set(['rPh']),
};

// Excel's last row.
const MAX_ROWS = 1_048_576;

/** The row and the column (0 for A) of a cell reference: 3 and 2 for "C3". */
function positionOf(reference: string): { row?: number; column?: number } {
  const match = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(reference);
  if (!match) return {};
  let column: number | undefined;
  if (match[1]) {
    column = 0;
    for (const letter of match[1].toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
    column -= 1;
  }
  return { row: match[2] ? Number(match[2]) : undefined, column };
}

/**
 * One line per row, at the row's number: line 3 of a sheet's text is its row 3. Cells that hold
 * text apart by " | ", each in the column its reference names (an empty cell shifts no column).
 */
function worksheetPart(label: string, sheet: Element, sharedStrings: readonly string[]): DocumentPart {
  const lines: SheetCell[][] = [];
  const data = firstChildElement(sheet, 'sheetData');
  for (const row of childElements(data, 'row')) {
    const named = positionOf(String(row.attributes.r ?? '')).row;
    // A row number past Excel's last row is no row's: the row goes on the next line.
    const number = named && named <= MAX_ROWS ? named : lines.length + 1;
    let column = -1;
    const cells: SheetCell[] = [];
    for (const cell of childElements(row, 'c')) {
      column = positionOf(String(cell.attributes.r ?? '')).column ?? column + 1;
      const type = cell.attributes.t;
      let text: string;
      if (type === 'inlineStr') {
        const inline = firstChildElement(cell, 'is');
        text = inline ? textOf(inline, STRINGS) : '';
      } else {
        const value = firstChildElement(cell, 'v');
        const raw = value ? textOf(value, { paragraphs: new Set() }) : '';
        text = type === 's' ? (sharedStrings[Number(raw)] ?? '') : raw;
      }
      if (text !== '') cells.push({ column, text });
    }
    while (lines.length < number) lines.push([]);
    // A row written twice under one number is read twice, not overwritten.
    lines[number - 1]!.push(...cells);
  }
  return sheetPart(label, lines);
}

export async function xlsxText(bytes: Uint8Array): Promise<DocumentText> {
  const zip = await openPackage(bytes, '.xlsx', 'xl/workbook.xml');
  const sharedStrings = zip.file('xl/sharedStrings.xml')
    ? childElements(await xmlPart(zip, 'xl/sharedStrings.xml'), 'si').map((item) => textOf(item, STRINGS))
    : [];
  // Sheet names from the workbook, in its order; each sheet's part from the workbook's relations.
  const workbook = await xmlPart(zip, 'xl/workbook.xml');
  const sheets = firstChildElement(workbook, 'sheets');
  const targets = new Map<string, string>();
  if (zip.file('xl/_rels/workbook.xml.rels')) {
    for (const relation of childElements(await xmlPart(zip, 'xl/_rels/workbook.xml.rels'), 'Relationship')) {
      const target = String(relation.attributes.Target ?? '').replace(/^\/?(?:xl\/)?/, 'xl/');
      targets.set(String(relation.attributes.Id ?? ''), target);
    }
  }
  const parts: DocumentPart[] = [];
  const names: string[] = [];
  const missing: string[] = [];
  for (const sheet of childElements(sheets, 'sheet')) {
    const name = String(sheet.attributes.name ?? '');
    names.push(name);
    const relation = Object.entries(sheet.attributes).find(([attribute]) => attribute.endsWith(':id'))?.[1];
    const target = targets.get(String(relation ?? ''));
    if (target && zip.file(target)) parts.push(worksheetPart(`Sheet ${name}`, await xmlPart(zip, target), sharedStrings));
    else missing.push(name);
  }
  parts.push({ label: 'Sheet names', text: names.join('\n') });
  const comments = await partsNamed(zip, /^xl\/(?:comments\d*|threadedComments\/[^/]+)\.xml$/);
  parts.push({ label: 'Cell comment', text: comments.map((part) => textOf(part.xml, STRINGS)).join('\n\n') });
  parts.push({ label: 'Document properties', text: await documentProperties(zip), kind: 'metadata' });
  // A workbook whose sheets cannot be found was not read, whatever else it holds.
  if (names.length === 0) throw new UnreadableDocumentError('not a readable .xlsx (the workbook lists no sheets)');
  return missing.length > 0 ? { parts, stoppedEarly: `the part of sheet ${missing.join(', ')} is missing` } : { parts };
}
