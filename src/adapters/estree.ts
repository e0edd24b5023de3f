import { SegmentBuilder, textSegment, type Segment, type SegmentKind, type TextDecoding } from '../core/segment.js';
import { RUNS_ON } from './inline-elements.js';

/** An ESTree node (espree, typescript-eslint, eslint-mdx) as far as this adapter reads it. */
export interface EstreeNode {
  type: string;
  range?: [number, number];
  value?: unknown;
  tail?: boolean;
  [key: string]: unknown;
}

export interface EstreeComment {
  type: string;
  value: string;
  range?: [number, number];
}

// Strings that name code, not content: module specifiers and type-level positions.
const NOT_CONTENT_PARENTS = new Set([
  'ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression',
  'TSLiteralType', 'TSExternalModuleReference', 'TSModuleDeclaration', 'TSImportType',
]);
// Strings and template parts have their escapes (`\x2d`, `\u2011`, `\n`) decoded.
const STRING_LITERAL: TextDecoding = { stringLiteral: true };
const NOT_CHILDREN = new Set(['parent', 'loc', 'range', 'tokens', 'comments', 'start', 'end']);
// ESLint's own directives, and cprlint's, are instructions rather than content.
const DIRECTIVE = /^\s*(?:eslint(?:-disable|-enable)?(?:-next-line|-line)?|global|globals|exported|cprlint-)\b/;

/**
 * Segments of a JavaScript or TypeScript program as ESLint parsed it: every string literal, every
 * template literal part, JSX text (inline elements such as `<b>` flattened, as in HTML), each JSX
 * attribute whole (name and value, so `cpr="…"` keeps its label), and comments. Offsets are the
 * parser's `range`s into `source`.
 */
export function estreeSegments(
  program: EstreeNode,
  comments: readonly EstreeComment[],
  source: string,
  /** espree and typescript-eslint give a template part's range with its delimiters; acorn without. */
  templatePartRanges: 'with delimiters' | 'without delimiters' = 'with delimiters',
): Segment[] {
  const segments: Segment[] = [];
  const add = (kind: SegmentKind, from: number, to: number, decoding?: TextDecoding): void => {
    const segment = textSegment(kind, source, from, to, decoding);
    if (segment) segments.push(segment);
  };

  const children = (node: EstreeNode | undefined, key: string): EstreeNode[] =>
    node && Array.isArray(node[key]) ? (node[key] as EstreeNode[]) : [];
  const isInline = (element: EstreeNode): boolean => {
    const name = (element.openingElement as EstreeNode | undefined)?.name as EstreeNode | undefined;
    return name?.type === 'JSXIdentifier' && RUNS_ON.has(String(name.name));
  };

  /** The children of a JSX element as running text: one block segment, broken by block elements. */
  const jsxContent = (element: EstreeNode): void => {
    let text = new SegmentBuilder('text', true);
    const flush = (): void => {
      const built = text.build();
      if (built) segments.push(built);
      text = new SegmentBuilder('text', true);
    };
    const walk = (parent: EstreeNode): void => {
      for (const attribute of children(parent.openingElement as EstreeNode | undefined, 'attributes')) visit(attribute, parent);
      for (const child of children(parent, 'children')) {
        const range = child.range;
        if (child.type === 'JSXText' && range && typeof child.value === 'string') {
          text.appendDecoded(child.value, source, range[0], range[1]);
        } else if (child.type === 'JSXElement' && isInline(child)) {
          walk(child);
        } else {
          flush();
          visit(child, parent);
        }
      }
    };
    walk(element);
    flush();
  };

  const visit = (node: EstreeNode, parent: EstreeNode | undefined): void => {
    const range = node.range;
    if (node.type === 'JSXElement' || node.type === 'JSXFragment') {
      jsxContent(node);
      return;
    }
    if (range) {
      if (node.type === 'JSXAttribute') {
        add('attribute', range[0], range[1]);
        return;
      }
      // `{ cpr: "…" }`: the property whole, so a name that says what the value is stays next to it.
      const value = node.value as EstreeNode | undefined;
      if (node.type === 'Property' && !node.computed && value?.type === 'Literal' && typeof value.value === 'string' && value.range) {
        add('code', range[0], value.range[1] - 1, STRING_LITERAL);
        return;
      }
      if (node.type === 'Literal' && typeof node.value === 'string') {
        if (!parent || !NOT_CONTENT_PARENTS.has(parent.type)) add('code', range[0] + 1, range[1] - 1, STRING_LITERAL);
        return;
      }
      if (node.type === 'TemplateElement') {
        // With delimiters, a quasi's range holds the opening ` or } and the closing ` or ${.
        if (templatePartRanges === 'without delimiters') add('code', range[0], range[1], STRING_LITERAL);
        else add('code', range[0] + 1, range[1] - (node.tail ? 1 : 2), STRING_LITERAL);
        return;
      }
      if (node.type.startsWith('TS') && node.type.endsWith('Type')) return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (NOT_CHILDREN.has(key) || !value || typeof value !== 'object') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as EstreeNode).type === 'string') visit(child as EstreeNode, node);
      }
    }
  };

  visit(program, undefined);
  for (const comment of comments) {
    if (comment.range && !DIRECTIVE.test(comment.value)) add('comment', comment.range[0], comment.range[1]);
  }
  return segments.sort((a, b) => a.offset - b.offset);
}
