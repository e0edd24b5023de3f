// XML (sitemaps, RSS and Atom feeds, SVG) through xast-util-from-xml. Knows XML, decides nothing
// about what is sensitive.
import { createRequire } from 'node:module';
import type { Element, Nodes, Root } from 'xast';
import { appendSourceText, SegmentBuilder, textSegment, type Segment } from '../segment.js';

// The XML parser loads only when XML is met, as the other parsers do.
const requireModule = createRequire(import.meta.url);

/** Parses XML into a tree with positions; throws on a document that is not well-formed. */
export function parseXml(source: string): Root {
  return (requireModule('xast-util-from-xml') as typeof import('xast-util-from-xml')).fromXml(source);
}

const CDATA_OPEN = '<![CDATA['.length;
const CDATA_CLOSE = ']]>'.length;
const COMMENT_OPEN = '<!--'.length;
const COMMENT_CLOSE = '-->'.length;

function rangeOf(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

/**
 * Segments of an XML document: each element's own text and CDATA as one block headed by the
 * element's name (`<cpr>…` as written, or `cpr: …` where child elements cut the text), so a name
 * that says what a value is stays next to it; each other start tag with attributes whole; comments
 * and processing instructions. Entities are
 * decoded, and markup escaped inside a feed's text (`&lt;b&gt;`) is read as the text it spells.
 */
export function xmlSegments(source: string): Segment[] {
  const segments: Segment[] = [];
  const push = (segment: Segment | undefined): void => {
    if (segment) segments.push(segment);
  };

  const element = (node: Element): void => {
    const range = rangeOf(node);
    const firstChild = node.children[0];
    const lastChild = node.children.at(-1);
    // A leaf (`<loc>…</loc>`, `<cpr>…</cpr>`) is read as it stands from its start tag on, the name
    // and attributes heading its text: a sitemap has tens of thousands of them.
    if (range && lastChild && node.children.every((child) => child.type === 'text' || child.type === 'cdata')) {
      const textEnd = rangeOf(lastChild)?.[1];
      const leaf = textEnd === undefined ? undefined : textSegment('text', source, range[0], textEnd);
      if (leaf) push({ ...leaf, block: true });
      return;
    }
    if (range && Object.keys(node.attributes).length > 0) {
      const startTagEnd = (firstChild && rangeOf(firstChild)?.[0]) ?? range[1];
      push(textSegment('attribute', source, range[0], startTagEnd));
    }
    let text: SegmentBuilder | undefined;
    const flush = (): void => {
      if (text) push(text.build());
      text = undefined;
    };
    for (const child of node.children) {
      const childRange = rangeOf(child);
      if (!childRange) continue;
      if (child.type === 'text' || child.type === 'cdata') {
        const [from, to] = child.type === 'cdata' ? [childRange[0] + CDATA_OPEN, childRange[1] - CDATA_CLOSE] : childRange;
        if (!text) {
          // Indentation between elements is no text of theirs.
          if (source.slice(from, to).trim() === '') continue;
          text = new SegmentBuilder('text', true);
          text.appendSynthetic(`${node.name}: `, from);
        }
        appendSourceText(text, source, from, to);
        continue;
      }
      flush();
      if (child.type === 'element') element(child);
      else if (child.type === 'comment') push(textSegment('comment', source, childRange[0] + COMMENT_OPEN, childRange[1] - COMMENT_CLOSE));
      else if (child.type === 'instruction') push(textSegment('code', source, childRange[0], childRange[1]));
    }
    flush();
  };

  for (const child of parseXml(source).children) {
    const range = rangeOf(child);
    if (child.type === 'element') element(child);
    else if (range && child.type === 'comment') push(textSegment('comment', source, range[0] + COMMENT_OPEN, range[1] - COMMENT_CLOSE));
    else if (range && child.type === 'instruction') push(textSegment('code', source, range[0], range[1]));
  }
  return segments;
}
