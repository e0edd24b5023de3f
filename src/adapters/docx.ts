// Word .docx: the body through mammoth, and the parts mammoth leaves out (headers, footers,
// comments, footnotes) from the package's XML. Knows Word, decides nothing about what is sensitive.
import JSZip from 'jszip';

export interface DocxText {
  /** The body's text, paragraphs apart by a blank line (mammoth's raw text). */
  body: string;
  /** Headers, footers, comments and footnotes, likewise. */
  margins: string;
}

/** A .docx that cannot be read. */
export class UnreadableDocxError extends Error {
  override name = 'UnreadableDocxError';
}

const PARTS = /^word\/(?:header\d*|footer\d*|comments|footnotes|endnotes)\.xml$/;

/** The text of WordprocessingML: paragraphs apart by a blank line, as mammoth gives the body. */
function paragraphs(xml: string): string {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((paragraph) =>
      [...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
        .map((run) => (run[1] === undefined ? ' ' : run[1]))
        .join('')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .filter((line) => line.trim() !== '')
    .join('\n\n');
}

export async function docxText(bytes: Uint8Array): Promise<DocxText> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new UnreadableDocxError(`not a readable .docx (${(error as Error).message.split('\n')[0]})`);
  }
  if (!zip.file('word/document.xml')) throw new UnreadableDocxError('not a readable .docx (no word/document.xml)');
  const mammoth = (await import('mammoth')).default;
  const body = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  const margins: string[] = [];
  for (const name of Object.keys(zip.files).filter((file) => PARTS.test(file)).sort()) {
    margins.push(paragraphs(await zip.file(name)!.async('string')));
  }
  return { body, margins: margins.filter(Boolean).join('\n\n') };
}
