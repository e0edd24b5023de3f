import type { Confidence, Reason } from '../src/finding.js';
import { optionsObject, type Rule, type RuleContext, type RuleMatch } from '../src/rule.js';
import { isContiguousInSource, type Segment } from '../src/segment.js';
import { analyseCpr, redactCpr } from './cpr-number.js';

// Between date and serial: nothing, a hyphen of any kind, a space of any kind, tab, slash, dot,
// or a spaced dash (" - ", " – ").
const SEPARATOR = String.raw`(?: [-\u2010\u2011\u2013\u2212] |[-\u2010\u2011\u2012\u2013\u2212 \u00a0\u202f\t/.])?`;
// Four digits, or the health sector's eCPR: a digit, two capitals, a digit.
const SERIAL = String.raw`(\d{4}|[015-7][A-Z]{2}\d)`;
const CANDIDATE = new RegExp(
  String.raw`(?<!\d)(\d\d)(\.?)(\d\d)\2(\d\d)(${SEPARATOR})${SERIAL}(?!\d)`,
  'g',
);

// The raw-source prefilter: a day (1-31, or 61-91 for substitute numbers) and a month, then a year,
// unbroken in the source. A candidate needs that, so a source without it needs no parsing.
const DATE_IN_SOURCE =
  /(?<!\d)(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])(?:(?:0[1-9]|1[0-2])\d\d|\.(?:0[1-9]|1[0-2])\.\d\d(?!\d))/;

// Words that say the number is a CPR number ("cpr" anywhere in a word, as OSdatascanner does).
const CPR_WORDS =
  /cpr|person-?\s?n(?:umme)?r|personal identification|civil registration|social security|\bssn\b|sygesikrings|fødselsnummer/gi;
// Words that name other number kinds. A hit lowers the confidence of the nearest number only.
const OTHER_NUMBER_WORDS =
  /ordre-?\s?n(?:umme)?r|order\s?(?:no|number)|faktura-?\s?n(?:umme)?r|fak-?nr|invoice|konto-?\s?n(?:umme)?r|account|reg\.?\s?nr|registreringsn|\bp-?\.?\s?n(?:umme)?r|\bpnr|\bcvr|\bse-?nr|\bean\b|\bgln\b|\btlf|telefon|phone|mobil|\bfax|isbn|issn|sags?-?\s?n(?:umme)?r|journal-?\s?n(?:umme)?r|\bj\.\s?nr|vare-?\s?n(?:umme)?r|bilags?-?\s?n|kunde-?\s?n(?:umme)?r|customer|medlems-?\s?n|licens|serienummer|serial/gi;

const LOOK_BEHIND = 40;
const LOOK_AHEAD = 20;

type Label = 'cpr' | 'other';

/** The label nearest to text[from, to) on the same line, within a few words. */
function nearestLabel(text: string, from: number, to: number): Label | undefined {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const beforeStart = Math.max(lineStart, from - LOOK_BEHIND);
  const before = text.slice(beforeStart, from);
  const lineEnd = text.indexOf('\n', to);
  const after = text.slice(to, Math.min(lineEnd === -1 ? text.length : lineEnd, to + LOOK_AHEAD));
  let best: { label: Label; distance: number } | undefined;
  const consider = (label: Label, distance: number): void => {
    if (!best || distance < best.distance) best = { label, distance };
  };
  for (const [label, words] of [['cpr', CPR_WORDS], ['other', OTHER_NUMBER_WORDS]] as const) {
    for (const match of before.matchAll(words)) consider(label, before.length - (match.index + match[0].length));
    for (const match of after.matchAll(words)) consider(label, match.index);
  }
  return best?.label;
}

const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

function judge(date: string, serial: string, label: Label | undefined, today: Date) {
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
  if (label === 'cpr') {
    reasons.push('CPR keyword nearby');
    confidence = 'high';
  } else if (label === 'other') {
    reasons.push('other number kind named nearby');
    confidence = LOWER[confidence];
  }
  return { confidence, reasons };
}

export const noCprNumber: Rule = {
  id: 'no-cpr-number',
  description: 'Danish CPR numbers (personnumre), substitute numbers and eCPRs, in every written form',
  create(options) {
    optionsObject('no-cpr-number', options, []);
    return {
      mightMatch: mightHoldCpr,
      check: (segment, context) => cprMatches(segment, context),
    };
  },
};

/** False when `source` cannot hold a CPR number: no day, month and year stand unbroken in it. */
export function mightHoldCpr(source: string): boolean {
  return DATE_IN_SOURCE.test(source);
}

/** Every CPR number in a segment at medium confidence or more: the rule's findings, and person references. */
export function cprMatches(segment: Segment, context: RuleContext): RuleMatch[] {
  const { text } = segment;
  const matches: RuleMatch[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const [whole, dd, dot, mm, yy, separator, serial] = match as unknown as string[];
    if (dot && !separator) continue;
    const from = match.index;
    const to = from + whole!.length;
    const dateLength = dot ? 8 : 6;
    // The date must stand unbroken in the source, exactly what the raw prefilter looks for.
    if (!isContiguousInSource(segment, from, from + dateLength)) continue;
    const date = `${dd}${mm}${yy}`;
    const verdict = judge(date, serial!, nearestLabel(text, from, to), context.today);
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
