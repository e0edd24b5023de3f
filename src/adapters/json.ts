// JSON (search indexes, data files, source maps, web manifests) read value by value through
// jsonc-parser. Knows JSON, decides nothing about what is sensitive.
import { printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { appendSourceText, SegmentBuilder, textSegment, type Segment } from '../segment.js';

interface Token {
  offset: number;
  length: number;
}

/**
 * Segments of a JSON document: each string or number value, escapes decoded, as one block of text
 * headed by its property name (`cpr: DDMMYY-SSSS`), so a name that says what a value is stays next
 * to it, and a search index's records stay apart. A name whose value is an object or array is a
 * segment of its own; comments (JSONC) are read too. Throws on a syntax error, naming the first.
 */
export function jsonSegments(source: string): Segment[] {
  const segments: Segment[] = [];
  const errors: { error: ParseError['error']; offset: number }[] = [];
  let pendingName: Token | undefined;

  const string = (builder: SegmentBuilder, token: Token): void =>
    appendSourceText(builder, source, token.offset + 1, token.offset + token.length - 1, { stringLiteral: true });
  const add = (value: Token | undefined): void => {
    const builder = new SegmentBuilder('text', true);
    if (pendingName) {
      string(builder, pendingName);
      if (value) builder.appendSynthetic(': ', pendingName.offset + pendingName.length);
    }
    if (value) {
      if (source[value.offset] === '"') string(builder, value);
      else appendSourceText(builder, source, value.offset, value.offset + value.length);
    }
    pendingName = undefined;
    const segment = builder.build();
    if (segment) segments.push(segment);
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
        if (typeof value === 'string' || typeof value === 'number') add({ offset, length });
        else pendingName = undefined;
      },
      onObjectBegin: nameStandsAlone,
      onArrayBegin: nameStandsAlone,
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
