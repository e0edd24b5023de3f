// Word .docx, from its package's XML: the body, headers, footers, comments, footnotes, tracked
// deletions and the document's properties. Knows Word, decides nothing about what is sensitive.
import type { DocumentText } from './document.js';
import { attributeValues, documentProperties, openPackage, partsNamed, textOf, xmlPart, type TextVocabulary } from './office.js';

const MARGINS = /^word\/(?:header\d*|footer\d*|comments|footnotes|endnotes)\.xml$/;

// Element names without their prefix (`w:`), as every vocabulary here is written.
const WORD: TextVocabulary = {
  // delText is text a tracked change deleted: gone from the page, still in the file.
  text: new Set(['t', 'delText']),
  paragraphs: new Set(['p']),
  cells: new Set(['tc']),
  rows: new Set(['tr']),
  spaces: new Set(['tab']),
  breaks: new Set(['br', 'cr']),
};

/**
 * A .docx's text, from its package read once: the body (its tables row by row, each cell under its
 * column), headers, footers, comments and notes, text a tracked change deleted, and the properties.
 */
export async function docxText(bytes: Uint8Array): Promise<DocumentText> {
  const zip = await openPackage(bytes, '.docx', 'word/document.xml');
  const document = await xmlPart(zip, 'word/document.xml');
  // A drawing's text may be written twice, for new readers (Choice) and old ones (Fallback), or
  // only in one of them: both are read (a number found twice is no harm; one missed is). Field
  // instructions (`HYPERLINK "…"`) are in the file, and read with the text.
  const body = textOf(document, { ...WORD, text: new Set(['t', 'instrText']) });
  // Where links point (relationship targets) and what pictures say of themselves (alt text).
  const links = (await partsNamed(zip, /^word\/_rels\/[^/]+\.rels$/)).flatMap((part) => attributeValues(part.xml, 'Target'));
  const described = [...attributeValues(document, 'descr'), ...attributeValues(document, 'title'), ...attributeValues(document, 'instr')];
  const margins = (await partsNamed(zip, MARGINS)).map((part) => textOf(part.xml, WORD));
  const deleted = textOf(document, { ...WORD, text: new Set(['delText']) });
  return {
    parts: [
      { label: 'Document', text: body },
      { label: 'Header, footer or comment', text: margins.filter(Boolean).join('\n\n') },
      { label: 'Deleted text (tracked changes)', text: deleted },
      { label: 'Links, alt text and field codes', text: [...links, ...described].join('\n') },
      { label: 'Document properties', text: await documentProperties(zip), kind: 'metadata' },
    ],
  };
}
