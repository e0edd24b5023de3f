// The parts office documents share: a zip package of XML parts (jszip, xast-util-from-xml), text
// read out of those parts by a small vocabulary of element names, and the document's properties.
import JSZip from 'jszip';
import type { Element, Nodes } from 'xast';
import { CELL_SEPARATOR } from './html.js';
import { UnreadableDocumentError } from './document.js';
import { parseXml } from './xml.js';

/** Opens a document's zip package; throws UnreadableDocumentError when it is none. */
export async function openPackage(bytes: Uint8Array, kindName: string, requiredPart: string): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new UnreadableDocumentError(`not a readable ${kindName} (${(error as Error).message.split('\n')[0]})`);
  }
  if (!zip.file(requiredPart)) throw new UnreadableDocumentError(`not a readable ${kindName} (no ${requiredPart})`);
  return zip;
}

/** The XML parts of a package whose names match, in name order. */
export async function partsNamed(zip: JSZip, pattern: RegExp): Promise<{ name: string; xml: Element }[]> {
  const names = Object.keys(zip.files).filter((name) => pattern.test(name)).sort();
  return Promise.all(names.map(async (name) => ({ name, xml: await xmlPart(zip, name) })));
}

/** One XML part's root element; throws UnreadableDocumentError when it is not well-formed XML. */
export async function xmlPart(zip: JSZip, name: string): Promise<Element> {
  const source = await zip.file(name)!.async('string');
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

/** The text of an element as a reader sees it: paragraphs apart by a blank line, table rows one line each. */
export function textOf(root: Element, vocabulary: TextVocabulary): string {
  let out = '';
  const endLine = (ending: string): void => {
    let end = out.length;
    while (end > 0 && (out[end - 1] === ' ' || out[end - 1] === '\t')) end -= 1;
    if (end < out.length) out = out.slice(0, end);
    if (out !== '' && !out.endsWith(ending)) out += out.endsWith('\n') ? ending.slice(1) : ending;
  };
  const walk = (node: Nodes, parent: Element): void => {
    if (node.type === 'text') {
      if (!vocabulary.text || vocabulary.text.has(parent.name)) out += node.value;
      return;
    }
    if (node.type === 'cdata') {
      out += node.value;
      return;
    }
    if (node.type !== 'element' || vocabulary.skip?.has(node.name)) return;
    if (vocabulary.spaces?.has(node.name)) out += ' '.repeat(Math.min(Number(node.attributes['text:c'] ?? 1) || 1, 100));
    else if (vocabulary.breaks?.has(node.name)) out += '\n';
    const isAside = vocabulary.asides?.has(node.name) === true;
    if (isAside) endLine('\n\n');
    const isCell = vocabulary.cells?.has(node.name) === true;
    const start = out.length;
    for (const child of node.children) walk(child, node);
    if (isCell) {
      // A cell's paragraphs run on within the cell; the cell ends with the separator.
      out = out.slice(0, start) + out.slice(start).replace(/\s*\n+\s*/g, ' ').trim() + CELL_SEPARATOR;
    } else if (vocabulary.rows?.has(node.name)) {
      if (out.endsWith(CELL_SEPARATOR)) out = out.slice(0, -CELL_SEPARATOR.length);
      endLine('\n');
    } else if (isAside || vocabulary.paragraphs.has(node.name)) {
      endLine('\n\n');
    }
  };
  for (const child of root.children) walk(child, root);
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

/** Every text of an element's descendants, one line per element that holds text. */
export function propertyLines(root: Element, names?: ReadonlySet<string>): string {
  const lines: string[] = [];
  for (const child of root.children) {
    if (child.type !== 'element' || (names && !names.has(child.name))) continue;
    const value = textOf(child, { paragraphs: new Set() });
    if (value) lines.push(value);
  }
  return lines.join('\n');
}

// Title, subject, author, keywords, description, last modified by: the Dublin Core elements and
// their Office and OpenDocument kin.
const PROPERTY_NAMES = new Set([
  'dc:title', 'dc:subject', 'dc:creator', 'dc:description', 'cp:keywords', 'cp:lastModifiedBy', 'cp:category',
  'meta:keyword', 'meta:initial-creator',
]);

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
