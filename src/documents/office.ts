// The parts office documents share: a zip package of XML parts (jszip, xast-util-from-xml), text
// read out of those parts by a small vocabulary of element names, and the document's properties.
import JSZip from 'jszip';
import type { Element, Nodes } from 'xast';
import { CELL_SEPARATOR } from '../adapters/html.js';
import { UnreadableDocumentError, type DocumentPart, type SheetRow } from './document.js';
import { columnHeader } from '../core/segment.js';
import { parseXml } from '../adapters/xml.js';

/**
 * The most a package's XML parts may unpack to, together: the readers hold each part as a string
 * and a tree, several times its size, so this bounds a document's memory (a zip bomb's too). A real
 * document's text is a small part of it; pictures, which are not unpacked, do not count.
 */
export const MAX_UNPACKED_XML = 32 * 1024 * 1024;
const XML_PART = /\.(?:xml|rels)$/i;

/**
 * Opens a document's zip package; throws UnreadableDocumentError when it is none, or when its XML
 * parts would unpack to more than MAX_UNPACKED_XML: by the sizes the package declares, then by
 * counting the bytes as they are unpacked (a package can declare less than it holds), none kept.
 */
export async function openPackage(bytes: Uint8Array, kindName: string, requiredPart: string): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new UnreadableDocumentError(`not a readable ${kindName} (${(error as Error).message.split('\n')[0]})`);
  }
  if (!zip.file(requiredPart)) throw new UnreadableDocumentError(`not a readable ${kindName} (no ${requiredPart})`);
  await checkUnpackedSize(zip);
  return zip;
}

/** jszip's StreamHelper (documented as `JSZipObject#internalStream`, not in its typings). */
interface UnpackStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): UnpackStream;
  on(event: 'error', listener: (error: Error) => void): UnpackStream;
  on(event: 'end', listener: () => void): UnpackStream;
  pause(): UnpackStream;
  resume(): UnpackStream;
}

async function checkUnpackedSize(zip: JSZip): Promise<void> {
  const parts = Object.values(zip.files).filter((file) => !file.dir && XML_PART.test(file.name));
  const tooLarge = (): UnreadableDocumentError =>
    new UnreadableDocumentError(`its text would unpack to more than ${MAX_UNPACKED_XML / 1024 / 1024} MB (a zip bomb, or a document too large to read)`);
  // jszip keeps the central directory's sizes on each entry, not in its typings.
  const declared = parts.reduce((sum, file) => sum + ((file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (declared > MAX_UNPACKED_XML) throw tooLarge();
  let unpacked = 0;
  for (const file of parts) {
    await new Promise<void>((resolve, reject) => {
      const stream = (file as unknown as { internalStream(type: 'uint8array'): UnpackStream }).internalStream('uint8array');
      stream
        .on('data', (chunk: Uint8Array) => {
          unpacked += chunk.length;
          if (unpacked <= MAX_UNPACKED_XML) return;
          stream.pause();
          reject(tooLarge());
        })
        .on('error', (error: Error) => reject(new UnreadableDocumentError(`its part ${file.name} cannot be unpacked (${error.message.split('\n')[0]})`)))
        .on('end', () => resolve())
        .resume();
    });
  }
}

/** The XML parts of a package whose names match, in name order. */
export async function partsNamed(zip: JSZip, pattern: RegExp): Promise<{ name: string; xml: Element }[]> {
  const names = Object.keys(zip.files).filter((name) => pattern.test(name)).sort();
  return Promise.all(names.map(async (name) => ({ name, xml: await xmlPart(zip, name) })));
}

/** One XML part's root element; throws UnreadableDocumentError when it is not well-formed XML. */
export async function xmlPart(zip: JSZip, name: string): Promise<Element> {
  let source: string;
  try {
    source = await zip.file(name)!.async('string');
  } catch (error) {
    throw new UnreadableDocumentError(`its part ${name} cannot be unpacked (${(error as Error).message.split('\n')[0]})`);
  }
  try {
    const root = parseXml(source).children.find((child): child is Element => child.type === 'element');
    if (!root) throw new Error('no root element');
    return root;
  } catch (error) {
    throw new UnreadableDocumentError(`its part ${name} is not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
}

/** Which elements of a document's XML carry text, and which shape it. */
export interface TextVocabulary {
  /** Elements whose text nodes are content; without it, every text node is. */
  text?: ReadonlySet<string>;
  /** Elements that end a paragraph (a blank line after). */
  paragraphs: ReadonlySet<string>;
  /** Table cells: apart by " | " within their row. */
  cells?: ReadonlySet<string>;
  /** Table rows: one line each. */
  rows?: ReadonlySet<string>;
  /** Elements that stand for a space, a tab or a line break. */
  spaces?: ReadonlySet<string>;
  breaks?: ReadonlySet<string>;
  /** Elements read apart from the text they sit in (a comment anchored mid-sentence). */
  asides?: ReadonlySet<string>;
  /** Elements whose text is not content (phonetic guides, field instructions). */
  skip?: ReadonlySet<string>;
}

/**
 * Text built from many small pieces, kept as a list: a string grown by `+=` and then read at its end
 * is copied whole each time, which makes a long document quadratic.
 */
class TextPieces {
  private readonly pieces: string[] = [];

  get mark(): number {
    return this.pieces.length;
  }

  add(text: string): void {
    if (text !== '') this.pieces.push(text);
  }

  /** The last `count` characters, or fewer at the start. */
  tail(count: number): string {
    let text = '';
    for (let i = this.pieces.length - 1; i >= 0 && text.length < count; i--) text = this.pieces[i]! + text;
    return text.slice(-count);
  }

  trimEnd(): void {
    while (this.pieces.length > 0) {
      const last = this.pieces[this.pieces.length - 1]!.replace(/[ \t]+$/, '');
      if (last !== '') {
        this.pieces[this.pieces.length - 1] = last;
        return;
      }
      this.pieces.pop();
    }
  }

  /** Removes and returns the text added since `mark`. */
  takeSince(mark: number): string {
    return this.pieces.splice(mark).join('');
  }

  dropEnding(ending: string): void {
    if (this.tail(ending.length) !== ending) return;
    let left = ending.length;
    while (left > 0) {
      const last = this.pieces.pop()!;
      if (last.length > left) this.pieces.push(last.slice(0, last.length - left));
      left -= Math.min(left, last.length);
    }
  }

  toString(): string {
    return this.pieces.join('');
  }
}

/** The text of an element as a reader sees it: paragraphs apart by a blank line, table rows one line each. */
export function textOf(root: Element, vocabulary: TextVocabulary): string {
  const out = new TextPieces();
  const endLine = (ending: '\n' | '\n\n'): void => {
    out.trimEnd();
    const tail = out.tail(2);
    if (tail === '' || tail.endsWith(ending)) return;
    out.add(tail.endsWith('\n') ? ending.slice(1) : ending);
  };
  const walk = (node: Nodes, parent: Element): void => {
    if (node.type === 'text') {
      if (!vocabulary.text || vocabulary.text.has(localName(parent))) out.add(node.value);
      return;
    }
    if (node.type === 'cdata') {
      out.add(node.value);
      return;
    }
    const name = node.type === 'element' ? localName(node) : '';
    if (node.type !== 'element' || vocabulary.skip?.has(name)) return;
    if (vocabulary.spaces?.has(name)) out.add(' '.repeat(Math.min(Number(node.attributes['text:c'] ?? 1) || 1, 100)));
    else if (vocabulary.breaks?.has(name)) out.add('\n');
    const isAside = vocabulary.asides?.has(name) === true;
    if (isAside) endLine('\n\n');
    const start = out.mark;
    for (const child of node.children) walk(child, node);
    if (vocabulary.cells?.has(name)) {
      // A cell's paragraphs run on within the cell; the cell ends with the separator.
      out.add(out.takeSince(start).replace(/\s*\n+\s*/g, ' ').trim() + CELL_SEPARATOR);
    } else if (vocabulary.rows?.has(name)) {
      out.dropEnding(CELL_SEPARATOR);
      endLine('\n');
    } else if (isAside || vocabulary.paragraphs.has(name)) {
      endLine('\n\n');
    }
  };
  for (const child of root.children) walk(child, root);
  return out.toString().replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * The values of every attribute named `name` (without its prefix: `descr` for `wp:docPr@descr`)
 * on the elements under `root`, in document order; empty ones left out.
 */
export function attributeValues(root: Element, name: string): string[] {
  const values: string[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    for (const [attribute, value] of Object.entries(element.attributes ?? {})) {
      if ((attribute.includes(':') ? attribute.slice(attribute.indexOf(':') + 1) : attribute) === name && typeof value === 'string' && value.trim() !== '') values.push(value);
    }
    for (let index = element.children.length - 1; index >= 0; index--) {
      const child = element.children[index]!;
      if (child.type === 'element') stack.push(child);
    }
  }
  return values;
}

/** An element's name without its namespace prefix: `row` for `x:row`, `p` for `w:p`. */
export function localName(element: Element): string {
  const colon = element.name.indexOf(':');
  return colon === -1 ? element.name : element.name.slice(colon + 1);
}

/** The first child element of `parent` whose local name is `name`. */
export function firstChildElement(parent: Element | undefined, name: string): Element | undefined {
  return childElements(parent, name)[0];
}

/** The child elements of `parent` whose local name is `name`. */
export function childElements(parent: Element | undefined, name: string): Element[] {
  return (parent?.children ?? []).filter((child): child is Element => child.type === 'element' && localName(child) === name);
}

/** The text of each child element (of those named), one line each. */
export function propertyLines(root: Element, names?: ReadonlySet<string>): string {
  const lines: string[] = [];
  for (const child of root.children) {
    if (child.type !== 'element' || (names && !names.has(localName(child)))) continue;
    const value = textOf(child, { paragraphs: new Set() });
    if (value) lines.push(value);
  }
  return lines.join('\n');
}

// Title, subject, author, keywords, description, last modified by: the Dublin Core elements and
// their Office and OpenDocument kin.
const PROPERTY_NAMES = new Set(['title', 'subject', 'creator', 'description', 'keywords', 'lastModifiedBy', 'category', 'keyword', 'initial-creator']);

/** The document properties of an Office (docProps/core.xml) or OpenDocument (meta.xml) package. */
export async function documentProperties(zip: JSZip): Promise<string> {
  const lines: string[] = [];
  if (zip.file('docProps/core.xml')) lines.push(propertyLines(await xmlPart(zip, 'docProps/core.xml'), PROPERTY_NAMES));
  if (zip.file('meta.xml')) {
    for (const meta of (await xmlPart(zip, 'meta.xml')).children) {
      if (meta.type === 'element') lines.push(propertyLines(meta, PROPERTY_NAMES));
    }
  }
  return lines.filter(Boolean).join('\n');
}

/** A cell of a sheet as a reader shows it: its text, and its column (0 for A), empty cells counted. */
export interface SheetCell {
  column: number;
  text: string;
}

/**
 * A sheet as a part: each of `lines` one line of its text, its cells apart by " | ", and a row of
 * the part whose cells read their column's header. Unless the sheet says which line heads it, the
 * header is the first line with two cells or more that hold text (a title above it in A1 is no
 * header), or without one, the first that holds any; it and the lines above it have no header ('').
 */
export function sheetPart(label: string, lines: readonly (readonly SheetCell[])[], options: SheetOptions = {}): DocumentPart {
  const filled = (line: readonly SheetCell[]): number => line.filter((cell) => cell.text.trim() !== '').length;
  let headerLine = options.headerLine ?? lines.findIndex((line) => filled(line) >= 2);
  if (headerLine === -1) headerLine = lines.findIndex((line) => filled(line) >= 1);
  const headers: string[] = [];
  for (const cell of lines[headerLine] ?? []) headers[cell.column] ??= columnHeader(cell.text);
  const texts: string[] = [];
  const rows: SheetRow[] = [];
  let offset = 0;
  lines.forEach((line, index) => {
    let length = 0;
    const cells = line.map((cell, position) => {
      if (position > 0) length += CELL_SEPARATOR.length;
      const from = length;
      length += cell.text.length;
      return { from, to: length, header: index > headerLine ? (headers[cell.column] ?? '') : '' };
    });
    const text = line.map((cell) => cell.text).join(CELL_SEPARATOR);
    texts.push(text);
    if (line.length > 0) rows.push({ from: offset, to: offset + text.length, cells });
    offset += text.length + 1;
  });
  const text = texts.join('\n');
  return { label, text: options.more ? `${text}\n\n${options.more}` : text, rows };
}

export interface SheetOptions {
  /** The line of the header, when the sheet says which (OpenDocument's header rows). */
  headerLine?: number;
  /** Text of the sheet outside its rows (a text box on it): after them, no row of the table. */
  more?: string;
}
