import type { Root } from 'mdast';
import { columnHeader, identitySegment, SegmentBuilder, tableCell, textSegment, type Segment } from '../core/segment.js';
import { CELL_SEPARATOR, htmlWithin } from './html.js';
import { rangeOf, type Positioned } from './unist-range.js';

// A node we handle by its type alone: MDX adds types that mdast's own union does not name.
type AnyNode = Positioned & { type: string; value?: string; children?: AnyNode[]; attributes?: Positioned[] };

const BLOCKS_OF_RUNNING_TEXT = new Set(['paragraph', 'heading']);

/**
 * Segments of an mdast tree whose positions point into `source`: one text segment per paragraph,
 * heading or table row (emphasis, links and escapes flattened away; a row's cells under their
 * column headers), and one per link or image destination, code block, front matter block, raw
 * HTML piece, JSX attribute and MDX expression.
 */
export function mdastSegments(tree: Root, source: string): Segment[] {
  const segments: Segment[] = [];
  const raw = (kind: Segment['kind'], node: Positioned, from?: number): void => {
    const range = rangeOf(node);
    if (!range) return;
    const segment = textSegment(kind, source, from ?? range[0], range[1]);
    if (segment) segments.push(segment);
  };
  // Fenced code and front matter: the text starts on the line after the opening fence.
  const afterFirstLine = (node: Positioned): number | undefined => {
    const range = rangeOf(node);
    if (!range) return undefined;
    const newline = source.indexOf('\n', range[0]);
    return newline === -1 || newline >= range[1] ? range[1] : newline + 1;
  };
  const html = (node: Positioned): void => {
    const range = rangeOf(node);
    if (range) segments.push(...htmlWithin(identitySegment('text', source.slice(range[0], range[1]), range[0])));
  };

  const phrasing = (node: AnyNode, text: SegmentBuilder): void => {
    const range = rangeOf(node);
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        if (range && node.value !== undefined) text.appendDecoded(node.value, source, range[0], range[1]);
        return;
      case 'break':
        if (range) text.appendSynthetic('\n', range[0]);
        return;
      case 'html':
        html(node);
        return;
      case 'image':
      case 'imageReference':
        raw('alt', node);
        return;
      case 'link': {
        for (const child of node.children ?? []) phrasing(child, text);
        const lastChild = node.children?.at(-1);
        raw('url', node, lastChild ? rangeOf(lastChild)?.[1] : undefined);
        return;
      }
      case 'mdxJsxTextElement':
        for (const attribute of node.attributes ?? []) raw('attribute', attribute);
        for (const child of node.children ?? []) phrasing(child, text);
        return;
      case 'mdxTextExpression':
        raw('expression', node);
        return;
      default:
        for (const child of node.children ?? []) phrasing(child, text);
    }
  };

  // One block of text, its cells apart: a name in one cell, a diagnosis in the next. The header
  // row's own cells have no header ('').
  const tableRow = (row: AnyNode, headers: readonly string[]): Segment | undefined => {
    const text = new SegmentBuilder('text', true);
    const cells: [number, number][] = [];
    (row.children ?? []).forEach((cell, index) => {
      const start = rangeOf(cell)?.[0];
      if (index > 0 && start !== undefined) text.appendSynthetic(CELL_SEPARATOR, start);
      const from = text.length;
      for (const child of cell.children ?? []) phrasing(child, text);
      cells.push([from, text.length]);
    });
    const built = text.build();
    if (!built) return undefined;
    const segment = { ...built, cells: cells.map(([from, to], index) => tableCell(built.text, from, to, headers[index] ?? '')) };
    segments.push(segment);
    return segment;
  };

  const visit = (node: AnyNode): void => {
    if (BLOCKS_OF_RUNNING_TEXT.has(node.type)) {
      const text = new SegmentBuilder('text', true);
      for (const child of node.children ?? []) phrasing(child, text);
      const built = text.build();
      if (built) segments.push(node.type === 'heading' ? { ...built, heading: true } : built);
      return;
    }
    if (node.type === 'table') {
      // The first row is the header (GFM has one in every table): each later row's cells read it.
      let headers: readonly string[] = [];
      (node.children ?? []).forEach((row, index) => {
        const built = tableRow(row, index === 0 ? [] : headers);
        if (index === 0) headers = built?.cells?.map((cell) => columnHeader(built.text.slice(cell.from, cell.to))) ?? [];
      });
      return;
    }
    switch (node.type) {
      case 'code':
        raw('code', node, /[`~]/.test(source[rangeOf(node)?.[0] ?? -1] ?? '') ? afterFirstLine(node) : undefined);
        return;
      case 'yaml':
      case 'toml':
        raw('frontmatter', node, afterFirstLine(node));
        return;
      case 'html':
        html(node);
        return;
      case 'definition':
        raw('url', node);
        return;
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
        raw('expression', node);
        return;
      case 'mdxJsxFlowElement':
        for (const attribute of node.attributes ?? []) raw('attribute', attribute);
        break;
      default:
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };

  visit(tree as unknown as AnyNode);
  return segments;
}
