// XML (sitemaps, RSS and Atom feeds, SVG) through xast-util-from-xml. Knows XML, decides nothing
// about what is sensitive.
import { createRequire } from 'node:module';
import type { Cdata, Element, Nodes, Root, Text } from 'xast';
import { htmlWithin } from './html.js';
import { appendSourceText, SegmentBuilder, textSegment, type Segment } from '../core/segment.js';

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
 * Segments of an XML document:
 * - a leaf element's text (`<loc>…</loc>`, `<cpr>…</cpr>`) as written from its start tag on, so the
 *   name that says what a value is stays next to it;
 * - an element whose own text runs around child elements (SVG's `<text>…<tspan>…</tspan></text>`)
 *   as one block of all the text in it, as HTML's inline elements are read;
 * - text that holds markup (HTML in a feed's CDATA, or escaped as `&lt;p&gt;`) as an HTML fragment;
 * - start tags with attributes whole, comments and processing instructions.
 * Entities are decoded.
 */
export function xmlSegments(source: string): Segment[] {
  const segments: Segment[] = [];
  const push = (segment: Segment | undefined): void => {
    if (segment) segments.push(segment);
  };
  const contentRange = (child: Text | Cdata): [number, number] | undefined => {
    const range = rangeOf(child);
    return range && child.type === 'cdata' ? [range[0] + CDATA_OPEN, range[1] - CDATA_CLOSE] : range;
  };
  const startTag = (node: Element): void => {
    const range = rangeOf(node);
    const firstChild = node.children[0];
    if (range && Object.keys(node.attributes).length > 0) {
      push(textSegment('attribute', source, range[0], (firstChild && rangeOf(firstChild)?.[0]) ?? range[1]));
    }
  };
  const other = (node: Nodes): void => {
    const range = rangeOf(node);
    if (node.type === 'element') element(node);
    else if (range && node.type === 'comment') push(textSegment('comment', source, range[0] + COMMENT_OPEN, range[1] - COMMENT_CLOSE));
    else if (range && node.type === 'instruction') push(textSegment('code', source, range[0], range[1]));
  };
  /** All the text in `node`, its descendants' included, appended to `text`; their tags and comments apart. */
  const runningText = (node: Element, text: SegmentBuilder): void => {
    for (const child of node.children) {
      if (child.type === 'text' || child.type === 'cdata') {
        const range = contentRange(child);
        if (range) appendSourceText(text, source, range[0], range[1]);
      } else if (child.type === 'element') {
        startTag(child);
        runningText(child, text);
      } else {
        other(child);
      }
    }
  };

  const element = (node: Element): void => {
    const range = rangeOf(node);
    const texts = node.children.filter((child): child is Text | Cdata => child.type === 'text' || child.type === 'cdata');
    const ownText = texts.some((child) => child.type === 'cdata' || child.value.trim() !== '');
    const leaf = texts.length === node.children.length;
    const written = range && ownText ? source.slice(range[0], rangeOf(node.children.at(-1)!)?.[1]) : '';
    const holdsMarkup = written.includes('&lt;') || texts.some((child) => child.type === 'cdata' && child.value.includes('<'));
    if (range && leaf && ownText && !holdsMarkup) {
      // Read as it stands, no positions to map: a sitemap has tens of thousands of these.
      const segment = textSegment('text', source, range[0], range[0] + written.length);
      if (segment) push({ ...segment, block: true });
      return;
    }
    startTag(node);
    if (!ownText) {
      for (const child of node.children) if (child.type !== 'text') other(child);
      return;
    }
    const text = new SegmentBuilder('text', true);
    const first = contentRange(texts[0]!);
    text.appendSynthetic(`${node.name}: `, first?.[0] ?? range?.[0] ?? 0);
    runningText(node, text);
    const built = text.build();
    if (built && holdsMarkup) segments.push(...htmlWithin(built));
    else push(built);
  };

  for (const child of parseXml(source).children) other(child);
  return segments;
}
