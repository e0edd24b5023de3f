/* eslint-disable cprlint/no-cpr-number -- the comments show made-up numbers in the forms the rule reads */
import type { Confidence, Reason } from '../src/finding.js';
import { optionsObject, type Rule, type RuleContext, type RuleMatch } from '../src/rule.js';
import type { Segment } from '../src/segment.js';
import { analyseCpr, redactCpr } from './cpr-number.js';

// Between date and serial: nothing; a hyphen, dash, minus, slash or dot with up to three spaces
// or line breaks around it ("150385 - 2000", "150385-\n2000"); or up to three spaces, tabs,
// no-break spaces or line breaks ("150385 2000", "150385\n2000", a <br> in HTML); or a
// percent-encoded hyphen or space in a URL.
const SEPARATOR = String.raw`(?:[\s\u00a0\u202f]{0,3}[-\u2010\u2011\u2012\u2013\u2212/.][\s\u00a0\u202f]{0,3}|[\s\u00a0\u202f]{1,3}|%2[dD]|%20)?`;
// Four digits, or the health sector's eCPR: a digit, two capitals, a digit.
const SERIAL = String.raw`(\d{4}|[015-7][A-Z]{2}\d)`;
const CANDIDATE = new RegExp(String.raw`(\d\d)(\.?)(\d\d)\2(\d\d)(${SEPARATOR})${SERIAL}(?!\d)`, 'g');

/**
 * Not inside a longer number: no digit just before, and no decimal fraction ("1234.150385 2000");
 * but a percent-encoded character may stand right before ("ans%C3%B8gning%201503852000.pdf").
 * Checked here rather than by a lookbehind, which would make the expression slow to scan.
 */
function startsNumber(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  if (!(before >= 48 && before <= 57)) {
    const separator = text[at - 1];
    return !((separator === '.' || separator === ',') && /\d/.test(text[at - 2] ?? ''));
  }
  return /%[\dA-Fa-f]{2}$/.test(text.slice(Math.max(0, at - 3), at));
}

/** Every candidate that starts a number: a match rejected for its start is tried again one later. */
function* candidates(text: string): Generator<RegExpExecArray> {
  const pattern = new RegExp(CANDIDATE.source, 'g');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (startsNumber(text, match.index)) {
      yield match;
    } else {
      pattern.lastIndex = match.index + 1;
    }
  }
}

// Words that say the number is a CPR number ("cpr" anywhere in a word, as OSdatascanner does).
const CPR_WORDS =
  /cpr|person-?\s?n(?:umme)?r|personal identification|civil registration|social security|\bssn\b|sygesikrings|fødselsnummer/gi;
// Words before a number that name another kind of number. Each starts a word; a hit lowers the
// confidence of the number right after it only.
const OTHER_NUMBER_WORDS = new RegExp(
  String.raw`(?<!\p{L})(?:` +
    [
      String.raw`ordre(?:-?\s?n(?:umme)?r)?`, String.raw`order\s?(?:no|number)?`, String.raw`faktura(?:-?\s?n(?:umme)?r)?`,
      String.raw`fak-?nr`, 'invoice', String.raw`(?:bank)?konto(?:-?\s?n(?:umme)?r)?`, String.raw`kto`, String.raw`account(?:\s?(?:no|number))?`,
      String.raw`reg\.?\s?(?:nr)?`, 'registreringsn', String.raw`p-?\.?\s?n(?:umme)?r`, 'pnr', 'cvr', String.raw`se-?nr`, 'ean', 'gln',
      'tlf', 'telefon', 'phone', String.raw`mobil(?:nr|nummer|tlf)?`, 'fax', 'isbn', 'issn', String.raw`sags?-?\s?n(?:umme)?r`,
      String.raw`journal-?\s?n(?:umme)?r`, String.raw`j\.\s?nr`, String.raw`vare-?\s?n(?:umme)?r`, String.raw`bilags?-?\s?n`,
      String.raw`kunde-?\s?n(?:umme)?r`, 'customer', String.raw`medlems-?\s?n`, 'licens', 'serienummer', 'serial',
      'updated', 'created', 'modified', 'timestamp', 'tidsstempel', 'ver', 'version', 'build', 'hash', 'rev',
    ].join('|') +
    String.raw`)(?!\p{L})`,
  'giu',
);

const LOOK_BEHIND = 40;
const LOOK_AHEAD = 20;

type Label = 'cpr' | 'other';

/** The label nearest to text[from, to) on its line, within a few words: CPR words on either side, others before. */
function nearestLabel(text: string, from: number, to: number): Label | undefined {
  // Bounded look-ups: a line may be a whole minified file.
  let before = text.slice(Math.max(0, from - LOOK_BEHIND), from);
  before = before.slice(before.lastIndexOf('\n') + 1);
  let after = text.slice(to, to + LOOK_AHEAD);
  const newline = after.indexOf('\n');
  if (newline !== -1) after = after.slice(0, newline);
  let best: { label: Label; distance: number } | undefined;
  const consider = (label: Label, distance: number): void => {
    if (!best || distance < best.distance) best = { label, distance };
  };
  for (const match of before.matchAll(CPR_WORDS)) consider('cpr', before.length - (match.index + match[0].length));
  for (const match of before.matchAll(OTHER_NUMBER_WORDS)) consider('other', before.length - (match.index + match[0].length));
  for (const match of after.matchAll(CPR_WORDS)) consider('cpr', match.index);
  return best?.label;
}

const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

function judge(date: string, serial: string, separator: string, label: () => Label | undefined, today: Date) {
  const analysis = analyseCpr(date, serial, today);
  if (!analysis.birthDate) return undefined;
  const reasons: Reason[] = [analysis.substitute ? 'substitute number (day + 60)' : 'valid date'];
  let confidence: Confidence = 'medium';
  if (!/^\d{4}$/.test(serial)) {
    reasons.push('health-sector eCPR form');
    confidence = 'high';
  } else if (analysis.exemptDate) {
    reasons.push('date exempt from modulus 11');
    confidence = 'high';
  } else if (analysis.mod11) {
    reasons.push('modulus 11');
    confidence = 'high';
  } else {
    reasons.push('no modulus 11');
  }
  // A dot between date and serial is how decimals are written ("890502.7299"): weaker evidence.
  if (separator.trim() === '.') confidence = LOWER[confidence];
  const nearest = label();
  if (nearest === 'cpr') {
    reasons.push('CPR keyword nearby');
    confidence = 'high';
  } else if (nearest === 'other') {
    reasons.push('other number kind named nearby');
    confidence = LOWER[confidence];
  }
  return { confidence, reasons };
}

/** Inside a long run of hexadecimal digits, as in a hash or a bundle's file name. */
function insideHexRun(text: string, from: number, to: number): boolean {
  let start = from;
  let end = to;
  while (start > 0 && /[\da-fA-F]/.test(text[start - 1]!)) start--;
  while (end < text.length && /[\da-fA-F]/.test(text[end]!)) end++;
  return end - start >= 20 && /[a-fA-F]/.test(text.slice(start, end)) && !/[\s\u00a0\u202f.\/-]/.test(text.slice(from + 6, to - 4));
}

export const noCprNumber: Rule = {
  id: 'no-cpr-number',
  description: 'Danish CPR numbers (personnumre), substitute numbers and eCPRs, in every written form',
  create(options) {
    optionsObject('no-cpr-number', options, []);
    return {
      mightMatch: (view, context) => mightHoldCpr(view, context.today),
      check: (segment, context) => cprMatches(segment, context),
    };
  },
};

/** False when `text` holds no candidate with a real, past birth date: then it needs no parsing. */
export function mightHoldCpr(text: string, today: Date): boolean {
  for (const match of candidates(text)) {
    if (analyseCpr(`${match[1]}${match[3]}${match[4]}`, match[6]!, today).birthDate) return true;
  }
  return false;
}

/** Every CPR number in a segment at medium confidence or more: the rule's findings, and person references. */
export function cprMatches(segment: Segment, context: RuleContext): RuleMatch[] {
  const { text } = segment;
  const matches: RuleMatch[] = [];
  for (const match of candidates(text)) {
    const [whole, dd, dot, mm, yy, separator, serial] = match as unknown as string[];
    if (dot && !separator) continue;
    const from = match.index;
    const to = from + whole!.length;
    if (insideHexRun(text, from, to)) continue;
    const date = `${dd}${mm}${yy}`;
    const verdict = judge(date, serial!, separator!, () => nearestLabel(text, from, to), context.today);
    if (!verdict || verdict.confidence === 'low') continue;
    const redacted = redactCpr(date);
    matches.push({
      from,
      to,
      ...verdict,
      value: whole!,
      redacted,
      message: `CPR number ${redacted} (${verdict.reasons.join(', ')}): remove it or replace it with a placeholder`,
    });
  }
  return matches;
}

/**
 * `text` with every candidate that has a real, past birth date replaced by its redacted form, at
 * any confidence: for paths and messages the tool prints, where even a doubtful number is hidden.
 */
export function redactCprNumbers(text: string, today: Date): string {
  let redacted = '';
  let copiedUpTo = 0;
  for (const match of candidates(text)) {
    const [whole, dd, , mm, yy, , serial] = match as unknown as string[];
    const date = `${dd}${mm}${yy}`;
    if (!analyseCpr(date, serial!, today).birthDate || insideHexRun(text, match.index, match.index + whole!.length)) continue;
    redacted += text.slice(copiedUpTo, match.index) + redactCpr(date);
    copiedUpTo = match.index + whole!.length;
  }
  return redacted + text.slice(copiedUpTo);
}
