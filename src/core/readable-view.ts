import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { RUNS_ON } from '../adapters/inline-elements.js';
import { HAS_INVISIBLE, INVISIBLE, withAsciiDigits } from './segment.js';

// A tag's name ends where white space, `/` or `>` follows: nothing else may be read as both name and
// attributes, so a `<` with no `>` after it costs one pass, not one per character (`<abbbb…`).
const TAG = /<\/?([A-Za-z][\w:-]*)(?=[\s/>])[^<>]*>/g;
// Character references, and the escapes of JSON and JavaScript strings (`\u2011`, `\x2d`, `\u{2d}`, `\n`).
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z][a-zA-Z\d]{1,31}));|\\(?:u([\da-fA-F]{4})|x([\da-fA-F]{2})|u\{([\da-fA-F]{1,6})\}|([ntrbfv]))/g;
const SHORT_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v' };
// Markdown emphasis, code and escape marks, and blockquote marks at a line's start.
const MARKDOWN_MARKS = /[*_~`\\]|^[ \t]*(?:>[ \t]?)+/gm;

function decode(whole: string, decimal?: string, hex?: string, name?: string, ...escapes: (string | undefined)[]): string {
  if (name !== undefined) return decodeNamedCharacterReference(name) || whole;
  const [unicode, byte, codePoint, short] = escapes;
  if (short !== undefined) return SHORT_ESCAPES[short]!;
  const code = Number.parseInt(decimal ?? hex ?? unicode ?? byte ?? codePoint!, decimal !== undefined ? 10 : 16);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

// The rules of one ESLint run each ask for the same file's view: keep the last one.
let lastSource: string | undefined;
let lastView = '';

/**
 * A raw source read roughly as a person would, without parsing it: inline tags gone (as the
 * adapters flatten them), other tags a line break, Markdown marks gone,
 * character references and JSON escapes decoded, the insides of tags (attributes, JSX expressions) added at the end. Rules test it
 * to decide whether a file needs parsing at all. It is built so that whatever a rule can find in a
 * parsed file's segments, it can also find here: the view may hold more, never less.
 */
export function readableView(source: string): string {
  if (source === lastSource) return lastView;
  lastSource = source;
  lastView = viewOf(source);
  return lastView;
}

function viewOf(source: string): string {
  if (!/[<&\\*_~`>]/.test(source)) return asPageShows(source);
  const decoded = withoutTags(withoutComments(source)).replace(REFERENCE, (whole: string, ...groups: (string | undefined)[]) => decode(whole, ...groups.slice(0, 7)));
  // Markup spelled with references (a feed's `&lt;b&gt;`) is read as markup by the XML adapter.
  const view = /&(?:lt|#0*60|#x0*3c);|\\u003c/i.test(source) ? withoutTags(decoded) : decoded;
  return asPageShows(view.replace(MARKDOWN_MARKS, ''));
}

/** What a page renders as nothing (a soft hyphen, a zero-width space) left out, digits 0-9, as segments read. */
function asPageShows(text: string): string {
  return withAsciiDigits(HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text);
}

/**
 * HTML comments gone without a trace (a page renders `150385<!-- -->-2000` as one number), their
 * insides added at the end, where they are read too. One pass: a `<!--` with no `-->` after it ends
 * the search.
 */
function withoutComments(source: string): string {
  let start = source.indexOf('<!--');
  if (start < 0) return source;
  const kept: string[] = [];
  const insides: string[] = [];
  let copiedUpTo = 0;
  while (start >= 0) {
    const end = source.indexOf('-->', start + 4);
    if (end < 0) break;
    kept.push(source.slice(copiedUpTo, start));
    insides.push(source.slice(start + 4, end));
    copiedUpTo = end + 3;
    start = source.indexOf('<!--', copiedUpTo);
  }
  kept.push(source.slice(copiedUpTo));
  return `${kept.join('')}\n${insides.join('\n')}`;
}

/** Tags gone: inline ones without a trace, others a line break; their insides added at the end. */
function withoutTags(source: string): string {
  const tags: string[] = [];
  const text = source.replace(TAG, (tag, name: string) => {
    // A tag's attributes (values, JSX expressions) are read at the end, whole.
    if (tag.length > name.length + 3) tags.push(tag.slice(name.length + 1, -1));
    // A block ends a line, as its own segment would: no name or staff word reaches across it.
    return RUNS_ON.has(name.toLowerCase()) ? '' : '\n';
  });
  return tags.length > 0 ? `${text}\n${tags.join('\n')}` : text;
}
