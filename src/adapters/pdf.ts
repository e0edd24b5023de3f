// PDF through pdfjs-dist: the text a reader sees on each page, the document's metadata and its form
// field values. Knows PDF, decides nothing about what is sensitive.

export interface PdfLimits {
  /** Pages read at most; the rest is reported as not read. */
  maxPages: number;
  /** Milliseconds for the whole document. */
  timeoutMs: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 2000, timeoutMs: 60_000 };

export interface PdfText {
  pageCount: number;
  /** The text of each page read, lines ending where the PDF's text ends a line. */
  pages: string[];
  /** Title, author, subject, keywords and the like, one per line. */
  metadata: string;
  /** Form field values, one per line. */
  fields: string;
  /** Why not every page was read, when not. */
  stoppedEarly?: string;
}

/** A PDF that cannot be read: encrypted, or broken. The message says which. */
export class UnreadablePdfError extends Error {
  override name = 'UnreadablePdfError';
}

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

const METADATA_KEYS = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'];

export async function pdfText(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfText> {
  // The legacy build runs on Node without a DOM; it loads only when a PDF is read.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const started = Date.now();
  // pdfjs takes ownership of the buffer it is given: give it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new UnreadablePdfError('the PDF is encrypted with a password');
    throw new UnreadablePdfError(`not a readable PDF (${(error as Error).message.split('\n')[0]})`);
  }
  try {
    const result: PdfText = { pageCount: document.numPages, pages: [], metadata: '', fields: '' };
    const info = ((await document.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    result.metadata = METADATA_KEYS.map((key) => info[key])
      .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
      .join('\n');
    const fields = (await document.getFieldObjects().catch(() => null)) as Record<string, { value?: unknown }[]> | null;
    result.fields = Object.values(fields ?? {})
      .flat()
      .map((field) => field.value)
      .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
      .join('\n');
    for (let number = 1; number <= document.numPages; number++) {
      if (number > limits.maxPages) {
        result.stoppedEarly = `the page limit (${limits.maxPages}) was reached`;
        break;
      }
      if (Date.now() - started > limits.timeoutMs) {
        result.stoppedEarly = `the time limit (${Math.round(limits.timeoutMs / 1000)} s) was reached`;
        break;
      }
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      result.pages.push((content.items as TextItem[]).map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join(''));
      page.cleanup();
    }
    return result;
  } finally {
    await document.destroy();
  }
}
