// XML (sitemaps, RSS and Atom feeds, SVG) through xast-util-from-xml. Knows XML, decides nothing
// about what is sensitive.
import type { Element, Nodes, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { appendSourceText, SegmentBuilder, textSegment, type Segment } from '../segment.js';

/** Parses XML into a tree with positions; throws on a document that is not well-formed. */
export function parseXml(source: string): Root {
  return fromXml(source);
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
 * element's name (`title: …`, `cpr: …`), so a name that says what a value is stays next to it;
 * each start tag with attributes whole; comments and processing instructions. Entities are
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
