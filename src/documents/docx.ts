// Word .docx: the body through mammoth, and from the package's XML what mammoth leaves out
// (headers, footers, comments, footnotes, tracked deletions) and the document's properties. Knows
// Word, decides nothing about what is sensitive.
import { UnreadableDocumentError, type DocumentText } from './document.js';
import { documentProperties, openPackage, partsNamed, textOf, xmlPart, type TextVocabulary } from './office.js';

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

export async function docxText(bytes: Uint8Array): Promise<DocumentText> {
  const zip = await openPackage(bytes, '.docx', 'word/document.xml');
  const mammoth = (await import('mammoth')).default;
  let body: string;
  try {
    body = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new UnreadableDocumentError(`not a readable .docx (${(error as Error).message.split('\n')[0]})`);
  }
  const margins = (await partsNamed(zip, MARGINS)).map((part) => textOf(part.xml, WORD));
  const deleted = textOf(await xmlPart(zip, 'word/document.xml'), { ...WORD, text: new Set(['delText']) });
  return {
    parts: [
      { label: 'Document', text: body },
      { label: 'Header, footer or comment', text: margins.filter(Boolean).join('\n\n') },
      { label: 'Deleted text (tracked changes)', text: deleted },
      { label: 'Document properties', text: await documentProperties(zip), kind: 'metadata' },
    ],
  };
}
