// JSON (search indexes, data files, source maps, web manifests) read value by value through
// jsonc-parser. Knows JSON, decides nothing about what is sensitive.
import { createRequire } from 'node:module';
import type { ParseError } from 'jsonc-parser';
import { textSegment, type Segment } from '../core/segment.js';

// jsonc-parser loads only when JSON is met, as the other parsers do.
const requireModule = createRequire(import.meta.url);

interface Token {
  offset: number;
  length: number;
}

/**
 * Segments of a JSON document: each string or number value, escapes decoded, as one block of text
 * headed by its property name (`cpr": "DDMMYY-SSSS`), so a name that says what a value is stays
 * next to it, and a search index's records stay apart. A name whose value is an object or array is a
 * segment of its own; comments (JSONC) are read too. The values of one record share a `record`
 * number (an object in an array, or the top object, with the objects inside it), so a name in one
 * and a diagnosis in another are known to belong together. Throws on a syntax error,
 * naming the first.
 */
export function jsonSegments(source: string): Segment[] {
  const { printParseErrorCode, visit } = requireModule('jsonc-parser') as typeof import('jsonc-parser');
  const segments: Segment[] = [];
  const errors: { error: ParseError['error']; offset: number }[] = [];
  let pendingName: Token | undefined;
  // The containers open around the value being read, innermost last, each with the record its
  // values belong to: an object in an array (a case, an index entry) or at the top starts a record;
  // an object inside an object ("borger": {"navn": …}) belongs to its parent's.
  const open: { array: boolean; record: number | undefined }[] = [];
  let nextRecord = 0;

  // A value with its name is one stretch of source, `name": "value` (the outer quotes dropped), read
  // as it stands where it has no escapes: a search index has hundreds of thousands of them.
  const add = (value: Token | undefined): void => {
    const first = pendingName ?? value!;
    const last = value ?? pendingName!;
    const from = first.offset + (source[first.offset] === '"' ? 1 : 0);
    const to = last.offset + last.length - (source[last.offset] === '"' ? 1 : 0);
    const segment = textSegment('text', source, from, to, { stringLiteral: true });
    pendingName = undefined;
    const record = open.at(-1)?.record;
    if (segment) segments.push({ ...segment, block: true, ...(record === undefined ? {} : { record }) });
  };
  const nameStandsAlone = (): void => {
    if (pendingName) add(undefined);
  };

  visit(
    source,
    {
      onObjectProperty: (_name, offset, length) => {
        pendingName = { offset, length };
      },
      onLiteralValue: (value, offset, length) => {
        // true, false and null say nothing, but the name before them may.
        if (typeof value === 'string' || typeof value === 'number') add({ offset, length });
        else nameStandsAlone();
      },
      onObjectBegin: () => {
        nameStandsAlone();
        const parent = open.at(-1);
        open.push({ array: false, record: parent === undefined || parent.array ? nextRecord++ : parent.record });
      },
      onObjectEnd: () => {
        open.pop();
      },
      onArrayBegin: () => {
        nameStandsAlone();
        open.push({ array: true, record: open.at(-1)?.record });
      },
      onArrayEnd: () => {
        open.pop();
      },
      onComment: (offset, length) => {
        const comment = textSegment('comment', source, offset, offset + length);
        if (comment) segments.push(comment);
      },
      onError: (error, offset) => {
        errors.push({ error, offset });
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  const first = errors[0];
  if (first) throw new SyntaxError(`${printParseErrorCode(first.error)} at offset ${first.offset}`);
  return segments;
}
