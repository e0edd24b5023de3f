// Where a health term and a person belong together: one sentence, list item, table row or short
// paragraph. Segments already are paragraphs, list items and table rows; this cuts them further.

/** A paragraph up to this long is read as one scope, whatever its sentences. */
export const SHORT_PARAGRAPH = 300;

// Words after which a full stop does not end a sentence (Danish and English).
const ABBREVIATIONS = new Set([
  'hr', 'fru', 'frk', 'dr', 'mr', 'mrs', 'ms', 'st', 'nr', 'cpr-nr', 'tlf', 'ca', 'kl', 'jf', 'jvf', 'vedr',
  'evt', 'inkl', 'ekskl', 'pga', 'mht', 'bl.a', 'f.eks', 'dvs', 'osv', 'mv', 'mm', 'etc', 'e.g', 'i.e', 'vs',
  'ang', 'att', 'afd', 'adm', 'prof', 'sen', 'jr', 'ref', 'reg.nr', 'j.nr', 'sagsnr', 'pkt', 'stk',
]);

export interface Scope {
  from: number;
  to: number;
}

/** A scope is never longer than this: text extracted from a PDF may have no full stop on a page. */
const LONGEST_SCOPE = 500;
/** How far back from a full stop its word may start. */
const LONGEST_ABBREVIATION = 12;

function endsWithAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && dot - start < LONGEST_ABBREVIATION && !/[\s(]/u.test(text[start - 1]!)) start--;
  const word = text.slice(start, dot).toLowerCase();
  // An initial ("J. Hansen"); a number before a capital ends a sentence (Danish months are lower case).
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

function hasText(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (!/\s/u.test(text[at]!)) return true;
  return false;
}

/**
 * Sentences in text[from, to): a sentence ends at `.`, `!` or `?` before a space and a capital or
 * digit, but not after an abbreviation or an initial.
 */
export function sentences(text: string, from = 0, to = text.length): Scope[] {
  const result: Scope[] = [];
  let start = from;
  for (let at = from; at < to; at++) {
    const ch = text[at]!;
    if ((ch === '.' || ch === '!' || ch === '?') && /^\s+[\p{Lu}\d"“«(]/u.test(text.slice(at + 1, at + 4))) {
      if (ch === '.' && endsWithAbbreviation(text, at)) continue;
      if (hasText(text, start, at + 1)) result.push({ from: start, to: at + 1 });
      start = at + 1;
    }
  }
  if (hasText(text, start, to)) result.push({ from: start, to });
  return result;
}

/** A stretch longer than LONGEST_SCOPE, cut at line breaks, then at spaces. */
function capped(text: string, scope: Scope, into: Scope[]): void {
  let start = scope.from;
  while (scope.to - start > LONGEST_SCOPE) {
    const window = text.slice(start, start + LONGEST_SCOPE);
    let cut = window.lastIndexOf('\n');
    if (cut < LONGEST_SCOPE / 4) cut = window.lastIndexOf(' ');
    if (cut < LONGEST_SCOPE / 4) cut = LONGEST_SCOPE;
    if (hasText(text, start, start + cut)) into.push({ from: start, to: start + cut });
    start += cut;
  }
  if (hasText(text, start, scope.to)) into.push({ from: start, to: scope.to });
}

/** A unit of text: short ones whole, longer ones sentence by sentence, none longer than LONGEST_SCOPE. */
function unit(text: string, from: number, to: number, into: Scope[]): void {
  if (!hasText(text, from, to)) return;
  if (to - from <= SHORT_PARAGRAPH) {
    into.push({ from, to });
    return;
  }
  for (const sentence of sentences(text, from, to)) {
    if (sentence.to - sentence.from <= LONGEST_SCOPE) into.push(sentence);
    else capped(text, sentence, into);
  }
}

/**
 * The scopes of a segment. A block of running text that a parser cut out (a paragraph, list item,
 * heading, table row) is one unit: its line breaks are soft. Raw text (a plain-text file, code,
 * a comment) breaks at every line, unless the next line goes on in lower case (wrapped prose),
 * and at blank lines.
 */
export function scopes(text: string, block: boolean): Scope[] {
  const result: Scope[] = [];
  if (block) {
    unit(text, 0, text.length, result);
    return result;
  }
  let start = 0;
  // Whether text[start, at) holds more than white space, kept as lines are read (no rescans).
  let started = false;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    started ||= hasText(text, lineStart, at);
    lineStart = at + 1;
    const next = text.slice(at + 1, at + 40);
    if (/^[ \t]*\p{Ll}/u.test(next) && started) continue;
    unit(text, start, at, result);
    start = at + 1;
    started = false;
  }
  unit(text, start, text.length, result);
  return result;
}

/**
 * For each scope, the items (sorted by `from`) that stand wholly inside it: one sweep over both,
 * however many scopes and items there are.
 */
export function withinScopes<T extends { from: number; to: number }>(all: readonly Scope[], items: readonly T[]): T[][] {
  let next = 0;
  return all.map((scope) => {
    while (next < items.length && items[next]!.from < scope.from) next++;
    const inside: T[] = [];
    for (let k = next; k < items.length && items[k]!.from < scope.to; k++) if (items[k]!.to <= scope.to) inside.push(items[k]!);
    return inside;
  });
}
