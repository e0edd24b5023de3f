// A Markdown document is mostly a row of blocks that do not see each other: what a paragraph, a
// list or a table parses to does not depend on the blocks around it, once a blank line and a line
// at the left margin stand between them. Parsed one by one, such pieces give the segments the whole
// document gives, and a piece the parser has seen before need not be parsed again: an editor
// re-reads only the paragraph being typed in.
//
// A cut is made only where that is certain:
// - not inside front matter, fenced code, or an HTML block that runs over blank lines (a comment,
//   <pre>, <script>, <style>, <textarea>, <?…?>, a declaration, CDATA), each opened at the margin;
// - not before an indented line (it may belong to a list item, or be code), nor after one
//   indented as code;
// - nowhere after a fence or such an HTML block opened off the margin or after a list's or quote's
//   marks (it may stand in a list item and end with it) or inside another HTML block (its lines
//   are not Markdown);
// - nowhere in a document with a lone CR or a byte order mark, which micromark reads otherwise;
// - nowhere in a document that defines link references or footnotes (`[label]: …`), whose uses
//   may stand in any other piece.
// Whatever the scanner is unsure of, it leaves whole; test/markdown-pieces.test.ts compares the
// segments of pieces with those of whole documents.

const FENCE_RUN = /^(?:`{3,}|~{3,})/;
const FENCE_CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t\r]*$/;

// Openings of raw HTML blocks that may run over blank lines, each with what ends it (a declaration,
// `<!X`, ends at `>`). Only an opening that starts a line opens a block: inline HTML ends with its paragraph.
const HTML_OPENING = /<!--|<\?|<!\[CDATA\[|<![A-Za-z]|<(?:script|pre|style|textarea)(?=[ \t>\r\n]|$)/gi;
// A raw element (<pre>, <script>…) ends at the end tag of any of the four, written as it stands here.
const closingOf = (opening: string): RegExp => {
  if (/^<[a-z]/i.test(opening)) return /<\/(?:script|pre|style|textarea)>/gi;
  if (opening === '<!--') return /-->/g;
  if (opening === '<?') return /\?>/g;
  if (opening.startsWith('<![')) return /\]\]>/g;
  return />/g;
};

const isBlank = (source: string, from: number, to: number): boolean => {
  for (let at = from; at < to; at++) {
    const code = source.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 13) return false;
  }
  return true;
};

const endOfLine = (source: string, from: number): number => {
  const newline = source.indexOf('\n', from);
  return newline === -1 ? source.length : newline;
};

/**
 * Where `source` (Markdown with GFM and front matter; not MDX) can be cut into pieces that parse
 * alone as they parse in the whole: the start offset of each piece, 0 first. One pass.
 */
export function independentPieces(source: string): number[] {
  const cuts = [0];
  // micromark ends a line at a lone CR too, and drops a byte order mark at the start of what it is
  // given (a piece's start as well): this scanner, reading lines by LF, leaves such documents whole.
  if (source.includes(']:') || source.includes('\ufeff') || /\r(?!\n)/.test(source)) return cuts;
  let at = 0;
  // Front matter opens the document and may hold blank lines: the first piece holds all of it.
  const marker = /^(---|\+\+\+)/.exec(source)?.[1];
  if (marker) {
    if (!isBlank(source, 3, endOfLine(source, 0))) return cuts;
    let line = endOfLine(source, 0) + 1;
    while (line < source.length && !(source.startsWith(marker, line) && isBlank(source, line + 3, endOfLine(source, line)))) {
      line = endOfLine(source, line) + 1;
    }
    // Not closed: no front matter, and the scanner does not guess what it is instead.
    if (line >= source.length) return cuts;
    at = endOfLine(source, line) + 1;
  }
  let afterBlank = false;
  // The last line with text was indented as code: micromark holds indented code open over blank
  // lines, and what may not interrupt a paragraph (a list from "2.", some HTML) may not follow it.
  let afterIndentedCode = false;
  // A line since the last blank line began with "<": an HTML block may be open.
  let htmlBlock = false;
  // The next HTML opening at or after `at`, searched for once however many lines pass before it.
  let nextOpening: RegExpExecArray | null | undefined;
  const openingFrom = (from: number): RegExpExecArray | null => {
    if (nextOpening === undefined || (nextOpening !== null && nextOpening.index < from)) {
      HTML_OPENING.lastIndex = from;
      nextOpening = HTML_OPENING.exec(source);
    }
    return nextOpening;
  };
  while (at < source.length) {
    let lineEnd = endOfLine(source, at);
    const blank = isBlank(source, at, lineEnd);
    const indent = indentOf(source, at, lineEnd);
    if (afterBlank && !blank && indent === 0 && !afterIndentedCode) cuts.push(at);
    afterBlank = blank;
    if (blank) {
      htmlBlock = false;
      at = lineEnd + 1;
      continue;
    }
    afterIndentedCode = indent >= 4;
    // A fence or raw HTML opened after an indent or a container's marks (`- `, `1. `, `> `) may
    // stand in a list item or a quote and end with it, where this scanner cannot follow.
    const marks = containerMarks(source, at, lineEnd);
    if (marks > 0 && OPENS_BLOCK.test(source.slice(at + marks, Math.min(lineEnd, at + marks + 16)))) return cuts;
    const fence = indent <= 3 ? fenceOpening(source.slice(at + indent, lineEnd)) : undefined;
    if (fence) {
      if (indent > 0 || htmlBlock) return cuts;
      at = lineEnd + 1;
      while (at < source.length) {
        const closingEnd = endOfLine(source, at);
        const closing = FENCE_CLOSING.exec(source.slice(at, closingEnd));
        at = closingEnd + 1;
        if (closing && closing[1]![0] === fence.mark && closing[1]!.length >= fence.length) break;
      }
      continue;
    }
    // An HTML block opened on this line and not closed on it: on to the line that closes it.
    const opening = openingFrom(at);
    if (opening && opening.index === at + indent && indent <= 3) {
      // micromark knows CDATA written so only: another spelling opens nothing it would skip.
      if (opening[0].startsWith('<![') && opening[0] !== '<![CDATA[') return cuts;
      const closing = closingOf(opening[0]);
      // A block ends on the line that holds its end, which may overlap its start: `<!-->`, `<?>`.
      closing.lastIndex = opening.index + 1;
      const closed = closing.exec(source);
      if (!closed) return cuts;
      const closedAt = closed.index + closed[0].length;
      if (closedAt > lineEnd) {
        if (indent > 0 || htmlBlock) return cuts;
        lineEnd = endOfLine(source, closedAt);
      }
    }
    if (indent <= 3 && source.charCodeAt(at + indent) === 60) htmlBlock = true;
    at = lineEnd + 1;
  }
  return cuts;
}

/**
 * The columns of the spaces and tabs a line starts with, a tab on to the next multiple of four. Up
 * to three columns there is no tab: the columns are characters too.
 */
function indentOf(source: string, from: number, to: number): number {
  let columns = 0;
  for (let at = from; at < to; at++) {
    const code = source.charCodeAt(at);
    if (code === 32) columns += 1;
    else if (code === 9) columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

// What opens a fence or a raw HTML block that may run over blank lines, at the start of a text.
const OPENS_BLOCK = /^(?:`{3}|~{3}|<!--|<\?|<!\[|<![A-Za-z]|<(?:script|pre|style|textarea)(?=[ \t>\r]|$))/i;

/** How many characters of a line are indent and container marks: spaces, tabs, `>`, list bullets and numbers. */
function containerMarks(source: string, from: number, to: number): number {
  const isDigit = (code: number): boolean => code >= 48 && code <= 57;
  let at = from;
  while (at < to) {
    const code = source.charCodeAt(at);
    if (code === 32 || code === 9 || code === 62) {
      at += 1;
      continue;
    }
    // A bullet, or a number of up to nine digits with "." or ")", then a space, a tab or the line's end.
    let marker = at;
    if (code === 45 || code === 43 || code === 42) {
      marker += 1;
    } else {
      while (marker < to && marker - at < 9 && isDigit(source.charCodeAt(marker))) marker += 1;
      if (marker === at || (source[marker] !== '.' && source[marker] !== ')')) return at - from;
      marker += 1;
    }
    const after = source.charCodeAt(marker);
    if (marker < to && after !== 32 && after !== 9) return at - from;
    at = marker;
  }
  return at - from;
}

/** The fence a line (its indent dropped) opens, if it opens one: a backtick fence's info string holds no backtick. */
function fenceOpening(line: string): { mark: string; length: number } | undefined {
  const match = FENCE_RUN.exec(line);
  if (!match) return undefined;
  const mark = match[0][0]!;
  if (mark === '`' && line.includes('`', match[0].length)) return undefined;
  return { mark, length: match[0].length };
}
