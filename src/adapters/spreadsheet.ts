// Excel .xlsx: every sheet's cells (shared strings, inline strings, numbers, formula results),
// cell comments, sheet names and the document's properties. Knows SpreadsheetML, decides nothing
// about what is sensitive.
import type { Element } from 'xast';
import { UnreadableDocumentError, type DocumentPart, type DocumentText } from './document.js';
import { CELL_SEPARATOR } from './html.js';
import { childElements, documentProperties, firstChildElement, openPackage, partsNamed, textOf, xmlPart, type TextVocabulary } from './office.js';

const STRINGS: TextVocabulary = {
  text: new Set(['t', 'text']),
  paragraphs: new Set(['si', 'comment', 'threadedComment']),
  // Phonetic guides repeat a cell's text in another script.
  skip: new Set(['rPh']),
};

/** 3 for "A3", 10 for "C10": the row of a cell reference. */
function rowOf(reference: string | undefined): number | undefined {
  const match = /\d+$/.exec(reference ?? '');
  return match ? Number(match[0]) : undefined;
}

/** One line per row, at the row's number: line 3 of a sheet's text is its row 3. Cells apart by " | ". */
function sheetText(sheet: Element, sharedStrings: readonly string[]): string {
  const lines: string[] = [];
  const data = firstChildElement(sheet, 'sheetData');
  for (const row of childElements(data, 'row')) {
    const number = rowOf(String(row.attributes.r ?? '')) || lines.length + 1;
    const cells = childElements(row, 'c').map((cell) => {
      const type = cell.attributes.t;
      if (type === 'inlineStr') {
        const inline = firstChildElement(cell, 'is');
        return inline ? textOf(inline, STRINGS) : '';
      }
      const value = firstChildElement(cell, 'v');
      const raw = value ? textOf(value, { paragraphs: new Set() }) : '';
      return type === 's' ? (sharedStrings[Number(raw)] ?? '') : raw;
    });
    while (lines.length < number) lines.push('');
    // A row written twice under one number is read twice, not overwritten.
    const text = cells.filter((cell) => cell !== '').join(CELL_SEPARATOR);
    lines[number - 1] = [lines[number - 1], text].filter(Boolean).join(CELL_SEPARATOR);
  }
  return lines.join('\n');
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
    if (target && zip.file(target)) parts.push({ label: `Sheet ${name}`, text: sheetText(await xmlPart(zip, target), sharedStrings) });
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
