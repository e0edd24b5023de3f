import { decodeNamedCharacterReference } from 'decode-named-character-reference';

/** Where in a document a piece of text sits. Rules may weigh places differently; reporters name them. */
export type SegmentKind =
  | 'text'
  | 'attribute'
  | 'comment'
  | 'code'
  | 'url'
  | 'alt'
  | 'title'
  | 'frontmatter'
  | 'script'
  | 'expression'
  | 'filename'
  | 'metadata'
  | 'form field';

/**
 * Text as a reader sees it (entities decoded, inline markup gone) with, for every UTF-16 unit,
 * the range of source it came from. An identity segment (`starts` undefined) is a plain slice of
 * the source beginning at `offset`.
 */
export interface Segment {
  kind: SegmentKind;
  text: string;
  /** One block of running text that a parser cut out (paragraph, heading, list item, table row): its line breaks are soft. */
  block?: boolean;
  offset: number;
  starts?: Int32Array;
  ends?: Int32Array;
  /**
   * For a table row (Markdown, HTML, CSV, a sheet): each cell's place in `text` and the text of its
   * column's header cell, so a rule can read "Klager" or "Kontonr." above a value it finds.
   */
  cells?: readonly TableCell[];
  /**
   * The segments of one record share this number: the values of one JSON object (a case, a search
   * index entry), so a rule can read a name in one value and a diagnosis in another together.
   */
  record?: number;
  /** A heading (Markdown's #, HTML's h1–h6): what a document said before it may be about another matter. */
  heading?: boolean;
}

/** One cell of a table row: text[from, to) under the column headed `header` ('' when the table has no header). */
export interface TableCell {
  from: number;
  to: number;
  header: string;
}

/** A column's header as a rule reads it: the header cell's text, its runs of white space one space, trimmed. */
export function columnHeader(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The cell text[from, to) under `header`, its white space at either end left out (an empty cell: from = to). */
export function tableCell(text: string, from: number, to: number, header: string): TableCell {
  while (from < to && /\s/.test(text[from]!)) from += 1;
  while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
  return { from, to, header };
}

/**
 * A table row's segment: source[from, to) read as `textSegment` reads it, one block, with its
 * cells given as ranges of the source (in order) and placed in the segment's text.
 */
export function tableRowSegment(source: string, from: number, to: number, cells: readonly TableCell[]): Segment | undefined {
  const segment = textSegment('text', source, from, to);
  if (!segment) return undefined;
  // Source offsets to offsets in the text, walking forward once: the cells come in order.
  const starts = segment.starts;
  let k = 0;
  const indexOf = (offset: number): number => {
    // A plain run of the source starts at its own offset, after any invisible character it left out.
    if (!starts) return Math.min(segment.text.length, Math.max(0, offset - segment.offset));
    while (k < starts.length && starts[k]! < offset) k += 1;
    return k;
  };
  return { ...segment, block: true, cells: cells.map((cell) => tableCell(segment.text, indexOf(cell.from), indexOf(cell.to), cell.header)) };
}

export interface SourceRange {
  start: number;
  end: number;
}

/** The source range that text[from, to) came from. */
export function sourceRange(segment: Segment, from: number, to: number): SourceRange {
  if (!segment.starts || !segment.ends) return { start: segment.offset + from, end: segment.offset + to };
  const last = Math.max(from, to - 1);
  return { start: segment.starts[from]!, end: segment.ends[last]! };
}

// Characters a page renders as nothing: a soft hyphen (`&shy;`), every format character of the
// Basic Multilingual Plane (zero-width spaces and joiners, word joiners, direction marks, embeddings
// and isolates, a byte order mark), the combining grapheme joiner, variation selectors and the
// Hangul fillers. Between the parts of a number they hide nothing from a reader, so they hide
// nothing from the rules either: segments leave them out (their neighbours keep their places in the
// source), and so does a file's readable view.
const INVISIBLE_CHARACTERS =
  '\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb';
export const HAS_INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]`);
export const INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]`, 'g');

// Digits of other scripts, which a page shows as digits: full-width ０-９, Arabic-Indic, Devanagari
// and the rest of the Basic Multilingual Plane's. Each is one code unit, as its 0-9 is, so reading
// it as 0-9 moves nothing; digits beyond that plane (mathematical bold 𝟏) are two and are not read.
// Unicode gives each script's ten digits in a row, zero first: here are the zeros (Unicode 15;
// test/segment-digits.test.ts checks them against \p{Nd}). A plain class is several times faster
// to search for than \p{Nd}, and every segment is searched.
export const OTHER_DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090,
  0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
];
const unit = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;
const OTHER_DIGIT_CLASS = `[${OTHER_DIGIT_ZEROS.map((zero) => `${unit(zero)}-${unit(zero + 9)}`).join('')}]`;
const OTHER_DIGIT = new RegExp(OTHER_DIGIT_CLASS);
const OTHER_DIGITS = new RegExp(OTHER_DIGIT_CLASS, 'g');

/** The value 0-9 of a digit of another script, or -1 for any other character code. */
function otherDigitValue(code: number): number {
  if (code < OTHER_DIGIT_ZEROS[0]!) return -1;
  for (const zero of OTHER_DIGIT_ZEROS) if (code >= zero && code <= zero + 9) return code - zero;
  return -1;
}

const digitValue = (digit: string): string => String(otherDigitValue(digit.charCodeAt(0)));

/** How many digits, of any script, `text` holds, counted up to `enough`. */
export function countDigits(text: string, enough: number): number {
  let found = 0;
  for (let index = 0; index < text.length && found < enough; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 48 && code <= 57) || otherDigitValue(code) >= 0) found += 1;
  }
  return found;
}

/** `text` with the digits of other scripts written 0-9; the same length, so every place holds. */
export function withAsciiDigits(text: string): string {
  return OTHER_DIGIT.test(text) ? text.replace(OTHER_DIGITS, digitValue) : text;
}

/**
 * `text` read as a page shows it (without the characters it renders as nothing, digits as 0-9),
 * and where each character left came from.
 */
export function withoutInvisible(text: string): { text: string; at: (index: number) => number } {
  if (!HAS_INVISIBLE.test(text)) return { text: withAsciiDigits(text), at: (index) => index };
  // The runs between invisible characters are copied whole, and where each character came from kept.
  const kept: number[] = [];
  const runs: string[] = [];
  let from = 0;
  const keep = (to: number): void => {
    for (let index = from; index < to; index++) kept.push(index);
    runs.push(text.slice(from, to));
  };
  INVISIBLE.lastIndex = 0;
  for (let found = INVISIBLE.exec(text); found; found = INVISIBLE.exec(text)) {
    keep(found.index);
    from = found.index + 1;
  }
  keep(text.length);
  return { text: withAsciiDigits(runs.join('')), at: (index) => (index < kept.length ? kept[index]! : text.length) };
}

/** A plain slice of a source starting at `offset` (read as `withoutInvisible` reads it). */
export function identitySegment(kind: SegmentKind, text: string, offset: number): Segment {
  if (!HAS_INVISIBLE.test(text)) return { kind, text: withAsciiDigits(text), offset };
  const visible = withoutInvisible(text);
  const starts = new Int32Array(visible.text.length);
  const ends = new Int32Array(visible.text.length);
  for (let k = 0; k < visible.text.length; k++) {
    starts[k] = offset + visible.at(k);
    ends[k] = starts[k]! + 1;
  }
  return { kind, text: visible.text, offset: starts[0] ?? offset, starts, ends };
}

const ENTITY = /^&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z][a-zA-Z\d]{1,31}));/;

/** Decodes the character reference at source[at], if there is one. */
function entityAt(source: string, at: number): { value: string; length: number } | undefined {
  const match = ENTITY.exec(source.slice(at, at + 40));
  if (!match) return undefined;
  let value: string | false = false;
  if (match[1] !== undefined || match[2] !== undefined) {
    const code = match[1] !== undefined ? Number.parseInt(match[1], 10) : Number.parseInt(match[2]!, 16);
    if (code > 0 && code <= 0x10ffff) value = String.fromCodePoint(code);
  } else {
    value = decodeNamedCharacterReference(match[3]!);
  }
  return value === false ? undefined : { value, length: match[0].length };
}

/**
 * Builds a segment from pieces of decoded text, each aligned to the source it came from.
 * Alignment walks the source and skips what the parser dropped (markup, escapes, container
 * prefixes) and decodes character references, so positions stay exact across them.
 */
// A builder's place maps before it holds any text: most blocks a parser hands over hold none.
const NO_PLACES = new Int32Array(0);

export class SegmentBuilder {
  private pieces: string[] = [];
  private size = 0;
  private starts = NO_PLACES;
  private ends = NO_PLACES;
  // While the text is one run of the source, character for character (most paragraphs are), no
  // place maps are kept: the run's start and end say it all, and the segment is an identity one.
  private mapped = false;
  private runStart = 0;
  private runEnd = 0;

  constructor(
    private readonly kind: SegmentKind,
    private readonly block = false,
  ) {}

  get length(): number {
    return this.size;
  }

  /** Appends `value`, which a parser decoded from source[from, to). */
  appendDecoded(value: string, source: string, from: number, to: number): void {
    // What a page renders as nothing is left out; the walk below skips its source.
    if (HAS_INVISIBLE.test(value)) value = value.replace(INVISIBLE, '');
    // Most text is its source as it stands: map it in one go.
    if (value.length === to - from && source.startsWith(value, from)) {
      if (value.length === 0) return;
      if (!this.mapped && (this.size === 0 || this.runEnd === from)) {
        if (this.size === 0) this.runStart = from;
        this.runEnd = to;
      } else {
        this.placeMaps();
        this.reserve(value.length);
        for (let k = 0; k < value.length; k++) {
          this.starts[this.size + k] = from + k;
          this.ends[this.size + k] = from + k + 1;
        }
      }
      this.size += value.length;
      this.pieces.push(value);
      return;
    }
    let at = from;
    let k = 0;
    while (k < value.length) {
      const ch = value[k]!;
      let matched = false;
      while (at < to) {
        const s = source[at]!;
        if (s === ch) {
          this.push(ch, at, at + 1);
          at += 1;
          k += 1;
          matched = true;
          break;
        }
        if (s === '&') {
          const entity = entityAt(source, at);
          // The value has lost what a page renders as nothing (above): so does the reference.
          const visible = entity?.value.replace(INVISIBLE, '');
          if (entity && visible === '') {
            at += entity.length;
            continue;
          }
          if (entity && value.startsWith(visible!, k)) {
            for (let u = 0; u < visible!.length; u++) this.push(visible![u]!, at, at + entity.length);
            k += visible!.length;
            at += entity.length;
            matched = true;
            break;
          }
        }
        at += 1;
      }
      if (!matched) {
        // The source ran out before the value did: the parser made text up. Point at the end.
        const end = Math.max(from, to);
        for (; k < value.length; k++) this.push(value[k]!, Math.max(from, end - 1), end);
      }
    }
  }

  /** Makes the last `count` characters end at `end` in the source (a decoded escape spans it all). */
  extendLast(count: number, end: number): void {
    this.placeMaps();
    for (let k = this.size - count; k < this.size; k++) this.ends[k] = end;
  }

  /** Appends text with no source of its own (a line break for `<br>`), placed at `at`. */
  appendSynthetic(value: string, at: number): void {
    for (let k = 0; k < value.length; k++) this.push(value[k]!, at, at);
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.starts.length) return;
    let capacity = Math.max(64, this.starts.length * 2);
    while (capacity < this.size + extra) capacity *= 2;
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    starts.set(this.starts.subarray(0, this.size));
    ends.set(this.ends.subarray(0, this.size));
    this.starts = starts;
    this.ends = ends;
  }

  /** Keeps place maps from now on, the run so far written into them. */
  private placeMaps(): void {
    if (this.mapped) return;
    this.mapped = true;
    this.reserve(this.size);
    for (let k = 0; k < this.size; k++) {
      this.starts[k] = this.runStart + k;
      this.ends[k] = this.runStart + k + 1;
    }
  }

  private push(unit: string, start: number, end: number): void {
    if (!this.mapped && end === start + 1 && (this.size === 0 || start === this.runEnd)) {
      if (this.size === 0) this.runStart = start;
      this.runEnd = end;
      this.size += 1;
      this.pieces.push(unit);
      return;
    }
    this.placeMaps();
    if (this.size === this.starts.length) this.reserve(1);
    this.starts[this.size] = start;
    this.ends[this.size] = end;
    this.size += 1;
    this.pieces.push(unit);
  }

  build(): Segment | undefined {
    if (this.size === 0) return undefined;
    if (!this.mapped) return { kind: this.kind, text: withAsciiDigits(this.pieces.join('')), ...(this.block ? { block: true } : {}), offset: this.runStart };
    return {
      kind: this.kind,
      text: withAsciiDigits(this.pieces.join('')),
      ...(this.block ? { block: true } : {}),
      offset: this.starts[0]!,
      starts: this.starts.slice(0, this.size),
      ends: this.ends.slice(0, this.size),
    };
  }
}

const ESCAPE = /[&\\]/g;
const UNICODE_ESCAPE = /^\\u([\da-fA-F]{4})/;
const JAVASCRIPT_ESCAPE = /^\\(?:x([\da-fA-F]{2})|u\{([\da-fA-F]{1,6})\})/;
// The one-character escapes of a JSON or JavaScript string literal.
const STRING_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '"': '"', "'": "'", '\\': '\\', '/': '/' };

/**
 * The character an escape at source[at] stands for, if there is one: `\uXXXX` anywhere (JSON in
 * HTML, inline scripts), and inside a string literal also `\n`, `\"` and the other short escapes.
 */
function backslashEscapeAt(source: string, at: number, inStringLiteral: boolean): { value: string; length: number } | undefined {
  const match = UNICODE_ESCAPE.exec(source.slice(at, at + 6));
  if (match) return { value: String.fromCharCode(Number.parseInt(match[1]!, 16)), length: 6 };
  if (!inStringLiteral) return undefined;
  // JavaScript's \x2d and \u{2011}.
  const code = JAVASCRIPT_ESCAPE.exec(source.slice(at, at + 12));
  if (code) {
    const point = Number.parseInt(code[1] ?? code[2]!, 16);
    if (point <= 0x10ffff) return { value: String.fromCodePoint(point), length: code[0].length };
  }
  const short = STRING_ESCAPES[source[at + 1] ?? ''];
  return short === undefined ? undefined : { value: short, length: 2 };
}

export interface TextDecoding {
  /** The stretch is the inside of a JSON or JavaScript string literal: decode `\n`, `\"` and the like too. */
  stringLiteral?: boolean;
}

/**
 * A stretch of source read as text, with character references (`&nbsp;`, `&#8209;`) and JSON
 * escapes (`\u2011`) decoded where there are any.
 */
export function textSegment(kind: SegmentKind, source: string, from = 0, to = source.length, decoding: TextDecoding = {}): Segment | undefined {
  if (to <= from) return undefined;
  const slice = source.slice(from, to);
  // Most text has nothing to decode: it is its source as it stands.
  if (!slice.includes('&') && !slice.includes(decoding.stringLiteral ? '\\' : '\\u') && !HAS_INVISIBLE.test(slice)) return identitySegment(kind, slice, from);
  const builder = new SegmentBuilder(kind);
  appendSourceText(builder, source, from, to, decoding);
  return builder.build();
}

/** Appends source[from, to) to a segment being built, decoded as `textSegment` decodes it. */
export function appendSourceText(builder: SegmentBuilder, source: string, from: number, to: number, decoding: TextDecoding = {}): void {
  // The search stays inside the stretch: a search of the whole source from `from` would read on to
  // the next escape, however far, once for every stretch of a document cut into many.
  const slice = source.slice(from, to);
  let at = from;
  ESCAPE.lastIndex = 0;
  for (let found = ESCAPE.exec(slice); found; found = ESCAPE.exec(slice)) {
    const stop = from + found.index;
    const decoded = source[stop] === '&' ? entityAt(source, stop) : backslashEscapeAt(source, stop, decoding.stringLiteral === true);
    if (!decoded || stop + decoded.length > to) continue;
    if (stop > at) builder.appendDecoded(source.slice(at, stop), source, at, stop);
    const visible = decoded.value.replace(INVISIBLE, '');
    for (let u = 0; u < visible.length; u++) builder.appendSynthetic(visible[u]!, stop);
    if (visible.length > 0) builder.extendLast(visible.length, stop + decoded.length);
    at = stop + decoded.length;
    ESCAPE.lastIndex = at - from;
  }
  if (at < to) builder.appendDecoded(source.slice(at, to), source, at, to);
}

/**
 * Segments cut from another segment's text (offsets into `outer.text`: HTML found inside a feed's
 * text), placed in the source `outer` came from.
 */
export function placeWithin(inner: readonly Segment[], outer: Segment): Segment[] {
  // A plain slice of the source: the segments move by its offset and keep their own shape.
  if (!outer.starts || !outer.ends) return movedBy(inner, outer.offset);
  const last = outer.text.length - 1;
  const { starts: outerStarts, ends: outerEnds } = outer;
  const startOf = (at: number): number => outerStarts[Math.min(at, last)]!;
  const endOf = (at: number): number => outerEnds[Math.min(at, last)]!;
  return inner.map((segment) => {
    const starts = new Int32Array(segment.text.length);
    const ends = new Int32Array(segment.text.length);
    for (let k = 0; k < segment.text.length; k++) {
      const from = segment.starts ? segment.starts[k]! : segment.offset + k;
      const to = segment.ends ? segment.ends[k]! : from + 1;
      starts[k] = startOf(from);
      // A character the parser made up (start = end) has no width in the source either.
      ends[k] = to > from ? endOf(to - 1) : starts[k]!;
    }
    return { ...segment, offset: starts[0] ?? outer.offset, starts, ends };
  });
}

/** Segments cut from a slice of the source that starts at `by`, placed in the whole source (new objects). */
export function movedBy(segments: readonly Segment[], by: number): Segment[] {
  return segments.map((segment) => ({ ...segment, offset: segment.offset + by, starts: segment.starts?.map((at) => at + by), ends: segment.ends?.map((at) => at + by) }));
}
