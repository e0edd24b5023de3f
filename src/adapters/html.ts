import type { Element, Nodes, Root } from 'hast';
import { createRequire } from 'node:module';
import { unified } from 'unified';
import { identitySegment, placeWithin, SegmentBuilder, textSegment, type Segment } from '../segment.js';
import { RUNS_ON } from './inline-elements.js';
import { rangeOf, type Positioned } from './unist-range.js';

// `sup` and `sub` stand apart from the word before them (a footnote mark after a number is no
// digit of it) but stay in the sentence.
const STANDS_APART = new Set(['sup', 'sub']);

// A whole file is a document, so <html> and <body> keep their attributes (a fragment parse drops
// those tags); elements the parser implies have no position and are passed over. HTML inside
// Markdown is a fragment.
// parse5 loads only when HTML is met: code files and plain Markdown do without it.
const requireModule = createRequire(import.meta.url);
interface HtmlParser {
  parse(source: string): Root;
}
const parsers: Partial<Record<'document' | 'fragment', HtmlParser>> = {};
function htmlParser(kind: 'document' | 'fragment'): HtmlParser {
  const rehypeParse = (requireModule('rehype-parse') as typeof import('rehype-parse')).default;
  return (parsers[kind] ??= unified().use(rehypeParse, { fragment: kind === 'fragment' }) as unknown as HtmlParser);
}

/** Stands between the cells of a table row in its segment: no number runs across it. */
export const CELL_SEPARATOR = ' | ';

/** Segments of an HTML document (or, with `fragment`, a piece of HTML), with offsets into `source`. */
export function htmlSegments(source: string, fragment = false): Segment[] {
  return hastSegments(htmlParser(fragment ? 'fragment' : 'document').parse(source), source);
}

/** The end of the start tag that opens at `from`, skipping `>` inside quoted attribute values. */
function startTagEnd(source: string, from: number, limit: number): number {
  let quote = '';
  for (let at = from + 1; at < limit; at++) {
    const ch = source[at]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return at + 1;
    }
  }
  return limit;
}

/**
 * Segments of a hast tree whose positions point into `source`: one text segment per block of
 * running text (inline elements and entities flattened away), one per start tag (every attribute
 * value), comment, script and style. Trees made from Markdown (remark-rehype) work too.
 */
export function hastSegments(tree: Root, source: string): Segment[] {
  const segments: Segment[] = [];
  let text = new SegmentBuilder('text', true);
  const flush = (): void => {
    const built = text.build();
    if (built) segments.push(built);
    text = new SegmentBuilder('text', true);
  };
  const raw = (kind: Segment['kind'], node: Positioned): void => {
    const range = rangeOf(node);
    const segment = range && textSegment(kind, source, range[0], range[1]);
    if (segment) segments.push(segment);
  };

  const attributes = (node: Element, range: [number, number]): void => {
    if (source[range[0]] === '<') {
      const segment = textSegment('attribute', source, range[0], startTagEnd(source, range[0], range[1]));
      if (segment) segments.push(segment);
    } else if (Object.values(node.properties).some((value) => typeof value === 'string' && value !== '')) {
      // Made from Markdown: the attribute values (href, src, alt) stand in the node's own source.
      raw('attribute', node);
    }
  };

  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'root':
        for (const child of node.children) visit(child);
        return;
      case 'text': {
        const range = rangeOf(node);
        if (range) text.appendDecoded(node.value, source, range[0], range[1]);
        return;
      }
      case 'comment':
        raw('comment', node);
        return;
      case 'element': {
        const range = rangeOf(node);
        if (range && Object.keys(node.properties).length > 0) attributes(node, range);
        if (node.tagName === 'br') {
          if (range) text.appendSynthetic('\n', range[0]);
          return;
        }
        if (node.tagName === 'script' || node.tagName === 'style') {
          for (const child of node.children) raw(node.tagName === 'script' ? 'script' : 'code', child);
          return;
        }
        if (node.tagName === 'tr') {
          tableRow(node);
          return;
        }
        if (STANDS_APART.has(node.tagName)) {
          if (range) text.appendSynthetic(' ', range[0]);
          for (const child of node.children) visit(child);
          if (range) text.appendSynthetic(' ', range[1]);
          return;
        }
        const inline = RUNS_ON.has(node.tagName);
        if (!inline) flush();
        for (const child of node.children) visit(child);
        if (node.tagName === 'template' && node.content) visit(node.content);
        if (!inline) flush();
        return;
      }
      case 'doctype':
        return;
      default:
        visitOther(node as unknown as OtherNode);
    }
  };

  // A table row is one block of text, its cells apart: a name in one cell, a diagnosis in the next.
  const tableRow = (row: Element): void => {
    flush();
    let first = true;
    for (const cell of row.children) {
      if (cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')) {
        const range = rangeOf(cell);
        if (!first && range) text.appendSynthetic(CELL_SEPARATOR, range[0]);
        first = false;
        if (range && Object.keys(cell.properties).length > 0) attributes(cell, range);
        for (const child of cell.children) visit(child);
      } else {
        visit(cell);
      }
    }
    flush();
  };

  // Nodes from MDX (JSX, expressions, ESM) and `raw` HTML that Markdown pipelines put in hast.
  type OtherNode = Positioned & { type: string; children?: Nodes[]; attributes?: Positioned[] };
  const visitOther = (node: OtherNode): void => {
    if (node.type === 'raw') {
      const range = rangeOf(node);
      if (range) segments.push(...htmlWithin(identitySegment('text', source.slice(range[0], range[1]), range[0])));
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes ?? []) raw('attribute', attribute);
      const inline = node.type === 'mdxJsxTextElement';
      if (!inline) flush();
      for (const child of node.children ?? []) visit(child);
      if (!inline) flush();
      return;
    }
    if (node.type.startsWith('mdx')) raw('expression', node);
  };

  visit(tree);
  flush();
  return segments;
}

/**
 * Segments of HTML that stands inside other text (raw HTML in Markdown, HTML in a feed's CDATA or
 * escaped in its text), placed in the source that text came from.
 */
export function htmlWithin(outer: Segment): Segment[] {
  return placeWithin(htmlSegments(outer.text, true), outer);
}
