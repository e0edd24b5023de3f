// OpenDocument (.odt, .ods, .odp, as LibreOffice writes them): the body from content.xml, headers
// and footers from styles.xml, and the properties from meta.xml. Knows OpenDocument, decides
// nothing about what is sensitive.
import type { DocumentPart, DocumentText } from './document.js';
import { childElements, documentProperties, firstChildElement, openPackage, textOf, xmlPart, type TextVocabulary } from './office.js';

// Element names without their prefix (`text:`, `table:`), as every vocabulary here is written.
const OPEN_DOCUMENT: TextVocabulary = {
  paragraphs: new Set(['p', 'h', 'page', 'creator', 'date']),
  asides: new Set(['annotation']),
  cells: new Set(['table-cell', 'covered-table-cell']),
  rows: new Set(['table-row']),
  spaces: new Set(['s', 'tab']),
  breaks: new Set(['line-break']),
};

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
      parts.push({ label: `Sheet ${name}`, text: textOf(sheet, OPEN_DOCUMENT) });
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
