// OpenDocument (.odt, .ods, .odp, as LibreOffice writes them): the body from content.xml, headers
// and footers from styles.xml, and the properties from meta.xml. Knows OpenDocument, decides
// nothing about what is sensitive.
import type { Element } from 'xast';
import type { DocumentPart, DocumentText } from './document.js';
import { documentProperties, openPackage, textOf, xmlPart, type TextVocabulary } from './office.js';

const OPEN_DOCUMENT: TextVocabulary = {
  paragraphs: new Set(['text:p', 'text:h', 'draw:page', 'dc:creator', 'dc:date']),
  asides: new Set(['office:annotation']),
  cells: new Set(['table:table-cell', 'table:covered-table-cell']),
  rows: new Set(['table:table-row']),
  spaces: new Set(['text:s', 'text:tab']),
  breaks: new Set(['text:line-break']),
};

function childNamed(parent: Element | undefined, name: string): Element | undefined {
  return parent?.children.find((child): child is Element => child.type === 'element' && child.name === name);
}

/** Comments (office:annotation) and tracked deletions are read with the text they sit in. */
export async function openDocumentText(bytes: Uint8Array, kind: 'text' | 'spreadsheet' | 'presentation'): Promise<DocumentText> {
  const kindName = { text: '.odt', spreadsheet: '.ods', presentation: '.odp' }[kind];
  const zip = await openPackage(bytes, kindName, 'content.xml');
  const content = await xmlPart(zip, 'content.xml');
  const body = childNamed(childNamed(content, 'office:body'), `office:${kind}`) ?? content;
  const parts: DocumentPart[] = [];
  if (kind === 'spreadsheet') {
    // A sheet a part of its own, a row a line: its name heads the findings in it.
    const names: string[] = [];
    for (const sheet of body.children) {
      if (sheet.type === 'element' && sheet.name === 'table:table') {
        const name = String(sheet.attributes['table:name'] ?? '');
        names.push(name);
        parts.push({ label: `Sheet ${name}`, text: textOf(sheet, OPEN_DOCUMENT) });
      }
    }
    parts.push({ label: 'Sheet names', text: names.join('\n') });
  } else {
    parts.push({ label: 'Document', text: textOf(body, OPEN_DOCUMENT) });
  }
  if (zip.file('styles.xml')) {
    const masterStyles = childNamed(await xmlPart(zip, 'styles.xml'), 'office:master-styles');
    if (masterStyles) parts.push({ label: 'Header or footer', text: textOf(masterStyles, OPEN_DOCUMENT) });
  }
  parts.push({ label: 'Document properties', text: await documentProperties(zip), kind: 'metadata' });
  return { parts };
}
