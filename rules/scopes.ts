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

function endsWithAbbreviation(text: string, dot: number): boolean {
  const start = Math.max(text.lastIndexOf(' ', dot - 1), text.lastIndexOf('\n', dot - 1), text.lastIndexOf('(', dot - 1)) + 1;
  const word = text.slice(start, dot).toLowerCase();
  // An initial ("J. Hansen"); a number before a capital ends a sentence (Danish months are lower case).
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
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
      if (text.slice(start, at + 1).trim()) result.push({ from: start, to: at + 1 });
      start = at + 1;
    }
  }
  if (text.slice(start, to).trim()) result.push({ from: start, to });
  return result;
}

/** A unit of text: short ones whole, longer ones sentence by sentence. */
function unit(text: string, from: number, to: number, into: Scope[]): void {
  if (!text.slice(from, to).trim()) return;
  if (to - from <= SHORT_PARAGRAPH) into.push({ from, to });
  else into.push(...sentences(text, from, to));
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
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    const next = text.slice(at + 1, at + 40);
    if (/^[ \t]*\p{Ll}/u.test(next) && text.slice(start, at).trim()) continue;
    unit(text, start, at, result);
    start = at + 1;
  }
  unit(text, start, text.length, result);
  return result;
}
