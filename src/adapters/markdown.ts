import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { createRequire } from 'node:module';
import { unified, type Processor } from 'unified';
import { movedBy, type Segment } from '../core/segment.js';
import { independentPieces } from './markdown-pieces.js';
import { mdastSegments } from './mdast.js';

/**
 * The parts of GFM that change what text belongs together: tables (a row is one block),
 * footnotes and strikethrough. Not autolink literals: a bare URL is text either way, and finding
 * them costs a fifth of the parse.
 */
function gfmStructure(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown());
}

const markdownParser = unified().use(remarkParse).use(gfmStructure).use(remarkFrontmatter, ['yaml', 'toml']);
// Front matter opens a document: a later piece that starts with "---" holds a thematic break.
const laterPieceParser = unified().use(remarkParse).use(gfmStructure);
// MDX's parser (acorn and all) costs a tenth of a second to load: only for .mdx files.
const requireModule = createRequire(import.meta.url);
let mdxParser: typeof markdownParser | undefined;
const mdxParserOf = (): typeof markdownParser =>
  (mdxParser ??= unified()
    .use(remarkParse)
    .use(gfmStructure)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use((requireModule('remark-mdx') as typeof import('remark-mdx')).default) as unknown as typeof markdownParser);

// micromark's time grows with the square of some shapes no written page has: thousands of
// emphasis marks in one paragraph (`*a_*a_…`), blockquotes nested hundreds deep (`> > > …`). Such
// a file is not given to it: the engine reads it as plain text, with a warning.
const MOST_MARKS_IN_A_PARAGRAPH = 2000;
const DEEPEST_QUOTE = 100;

/** Why micromark would take too long on `source`, or undefined. One pass, no parsing. */
export function tooCostlyToParse(source: string): string | undefined {
  let marks = 0;
  let lineStart = true;
  let quotes = 0;
  let blank = true;
  for (let at = 0; at < source.length; at++) {
    const code = source.charCodeAt(at);
    if (code === 10) {
      // A blank line ends a paragraph.
      if (blank) marks = 0;
      lineStart = true;
      blank = true;
      quotes = 0;
      continue;
    }
    if (lineStart && code === 62 && ++quotes > DEEPEST_QUOTE) return `blockquotes nested more than ${DEEPEST_QUOTE} deep`;
    // A list item's bullet (`* `, `- `) at a line's start is no emphasis mark.
    if ((code === 42 || code === 95) && !lineStart && ++marks > MOST_MARKS_IN_A_PARAGRAPH) return `more than ${MOST_MARKS_IN_A_PARAGRAPH} emphasis marks in one paragraph`;
    if (code !== 32 && code !== 9 && code !== 62) lineStart = false;
    if (code !== 32 && code !== 9 && code !== 13) blank = false;
  }
  return undefined;
}

/** Segments of a Markdown (GFM, front matter) or MDX document. Throws on MDX syntax errors and on shapes too costly to parse. */
export function markdownSegments(source: string, mdx: boolean): Segment[] {
  const costly = tooCostlyToParse(source);
  if (costly) throw new Error(`too costly to parse: ${costly}`);
  if (mdx) return mdastSegments(mdxParserOf().parse(source), source);
  const cuts = independentPieces(source);
  const segments: Segment[] = [];
  let from = 0;
  cuts.forEach((start, index) => {
    const end = cuts[index + 1] ?? source.length;
    if (end < source.length && !endsGroup(source, from, start, end)) return;
    // One by one: a group may hold more segments than a call takes arguments.
    for (const segment of movedBy(groupSegments(source.slice(from, end), from === 0), from)) segments.push(segment);
    from = end;
  });
  return segments;
}

// Pieces are parsed in groups (a parse has a cost of its own, whatever its length), and a group
// ends after a piece whose text picks it, about one in GROUP_PIECES, so that an edit in one piece
// leaves the other groups as they were. A group grows no longer than LONGEST_GROUP.
const GROUP_PIECES = 16;
const LONGEST_GROUP = 16_384;

/** Whether the group that starts at `from` ends with the piece source[start, end). */
function endsGroup(source: string, from: number, start: number, end: number): boolean {
  if (end - from >= LONGEST_GROUP) return true;
  // FNV-1a over the piece's length and its first and last characters.
  let hash = 0x811c9dc5 ^ (end - start);
  const mix = (at: number): void => {
    hash = Math.imul(hash ^ source.charCodeAt(at), 0x01000193);
  };
  for (let at = start; at < Math.min(end, start + 16); at++) mix(at);
  for (let at = Math.max(start + 16, end - 16); at < end; at++) mix(at);
  return (hash >>> 0) % GROUP_PIECES === 0;
}

/** The segments of a Markdown document parsed in one piece: what its pieces must add up to (the tests compare them). */
export function wholeMarkdownSegments(source: string): Segment[] {
  return mdastSegments(markdownParser.parse(source), source);
}

// The segments of groups of pieces parsed lately, by their text, at most this many characters of
// them: an editor's buffer is read again at every keystroke, and a site repeats its headers and footers.
const REMEMBERED_CHARACTERS = 1 << 20;
interface RememberedGroup {
  /** The group's text, a copy of its own (a slice would keep the whole source it came from alive). */
  key: string;
  segments: readonly Segment[];
}
const remembered = new Map<string, RememberedGroup>();
let rememberedCharacters = 0;

/** The segments of a group of pieces (positions in the group), from memory or parsed; the first group may open with front matter. */
function groupSegments(group: string, first: boolean): readonly Segment[] {
  // The first group and a later one with the same text may parse apart (front matter): told apart.
  const mark = first ? 'F' : 'L';
  const known = remembered.get(mark + group);
  if (known) {
    // The most lately used last: the first in the map is the next to go.
    remembered.delete(known.key);
    remembered.set(known.key, known);
    return known.segments;
  }
  const parser = first ? markdownParser : laterPieceParser;
  if (group.length > REMEMBERED_CHARACTERS / 8) return mdastSegments(parser.parse(group), group);
  const own = ` ${group}`.slice(1);
  const segments = mdastSegments(parser.parse(own), own);
  const key = mark + own;
  // Counted before it is kept: a parse stopped by the time limit in between can only over-count.
  rememberedCharacters += key.length;
  remembered.set(key, { key, segments });
  for (const [oldest] of remembered) {
    if (rememberedCharacters <= REMEMBERED_CHARACTERS) break;
    remembered.delete(oldest);
    rememberedCharacters -= oldest.length;
  }
  if (remembered.size === 0) rememberedCharacters = 0;
  return segments;
}
