// PDF through pdfjs (see pdf-runtime.ts): the text a reader sees on each page, the document's metadata and its form
// field values. Knows PDF, decides nothing about what is sensitive.

import { timeLimitOf } from '../core/scan.js';
import { UnreadableDocumentError, type DocumentLimits, type DocumentText } from './document.js';
import { MAX_INFLATED_PDF, unpacksToMoreThan } from './pdf-streams.js';
import { loadPdfjs } from './pdf-runtime.js';

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

const METADATA_KEYS = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'];

/**
 * A PDF's pages (lines ending where the PDF's text ends a line), its metadata (title, author,
 * subject, keywords) and its form field values, each a part of its own.
 */
export async function pdfText(bytes: Uint8Array, limits: DocumentLimits): Promise<DocumentText> {
  if (await unpacksToMoreThan(bytes)) {
    throw new UnreadableDocumentError(`its streams would unpack to more than ${MAX_INFLATED_PDF / 1024 / 1024} MB (a PDF bomb, or a document too large to read)`);
  }
  // The legacy build runs on Node without a DOM; it loads only when a PDF is read.
  const { getDocument } = await loadPdfjs();
  const started = Date.now();
  // pdfjs takes ownership of the buffer it is given: give it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new UnreadableDocumentError('the PDF is encrypted with a password');
    throw new UnreadableDocumentError(`not a readable PDF (${(error as Error).message.split('\n')[0]})`);
  }
  try {
    const info = ((await document.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    const metadata = METADATA_KEYS.map((key) => info[key])
      .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
      .join('\n');
    const fieldObjects = (await document.getFieldObjects().catch(() => null)) as Record<string, { value?: unknown }[]> | null;
    const fields = Object.values(fieldObjects ?? {})
      .flat()
      .map((field) => field.value)
      .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
      .join('\n');
    const result: DocumentText = {
      parts: [
        { label: 'PDF metadata', text: metadata, kind: 'metadata' },
        { label: 'PDF form field', text: fields, kind: 'form field' },
      ],
      pageCount: document.numPages,
      pagesRead: 0,
    };
    for (let number = 1; number <= document.numPages; number++) {
      if (number > limits.maxPages) {
        result.stoppedEarly = `the page limit (${limits.maxPages}) was reached`;
        break;
      }
      if (Date.now() - started > limits.timeoutMs) {
        result.stoppedEarly = `${timeLimitOf(limits.timeoutMs)} was reached`;
        break;
      }
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = (content.items as TextItem[]).map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join('');
      result.parts.push({ label: `Page ${number}`, text, page: number });
      result.pagesRead = number;
      page.cleanup();
    }
    return result;
  } finally {
    await document.destroy();
  }
}
