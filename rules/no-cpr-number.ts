/* eslint-disable cprlint/no-cpr-number -- the comments show made-up numbers in the forms the rule reads */
import type { Confidence, Reason } from '../src/core/finding.js';
import { optionsObject, type Rule, type RuleContext, type RuleMatch } from '../src/core/rule.js';
import { countDigits, withoutInvisible, type Segment, type TableCell } from '../src/core/segment.js';
import { analyseCpr, centuryYear, redactCpr, type CprAnalysis } from './cpr-number.js';

// Every pass below reads each character a bounded number of times: expressions have fixed or
// bounded repeats with nothing nested that could backtrack, and look-ups around a candidate read a
// window of fixed size. A 1 MB line costs what 1 MB of short lines costs.

// ---------------------------------------------------------------------------------------------
// Written forms

const SPACE = String.raw`[\s\u00a0\u202f]`;
// Around a separator: up to three spaces or line breaks, or any run of spaces on the line (a page
// collapses "150385      -      2000" to one space each side; a justified PDF line spreads them).
const AROUND = String.raw`(?:${SPACE}{0,3}|[ \t\u00a0\u202f]*)`;
// Every dash and hyphen a page can render between the parts: hyphen-minus, the Unicode hyphens
// and dashes (‐ ‑ ‒ – — ―), minus, hyphen bullet, small and fullwidth forms.
const DASH = String.raw`[-\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]`;
// Between date and serial: a hyphen, dash, minus, slash, dot or underscore with spaces around it
// ("150385 - 2000", "150385-\n2000", "ansoegning_150385_2000.pdf"), maybe behind a backslash that
// escapes it (Markdown's "150385\-2000", a script's string); or up to three spaces, tabs, no-break
// spaces or line breaks ("150385 2000", a <br> in HTML); or a percent-encoded hyphen, space,
// underscore, Unicode dash (%E2%80%91) or minus in a URL. Characters a page renders as nothing (a
// soft hyphen, a zero-width space) are out of every segment's text before the rule reads it.
const SEPARATOR_BODY = String.raw`${AROUND}\\?(?:${DASH}|[/._])${AROUND}|${SPACE}{1,3}|%2[dD]|%20|%5[fF]|%[eE]2%80%9[0-5]|%[eE]2%88%92`;
// Four digits, or the health sector's eCPR: a digit, two capitals, a digit.
const SERIAL = String.raw`(\d{4}|[015-7][A-Z]{2}\d)`;
// DDMMYY, or DD.MM.YY, then the serial; nothing between them too.
const CANDIDATE = new RegExp(String.raw`(\d\d)(\.?)(\d\d)\2(\d\d)((?:${SEPARATOR_BODY})?)${SERIAL}(?!\d)`, 'g');
// "03 06 78 2214", "03 06 78-2214": the date's pairs one space apart, then a separator. Phone
// numbers are written so too ("87 13 20 00"), so this form counts only under a CPR label.
const SPACED = new RegExp(String.raw`(\d\d)[ \u00a0\u202f](\d\d)[ \u00a0\u202f](\d\d)(${SEPARATOR_BODY})(\d{4})(?!\d)`, 'g');

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isSpace = (unit: string | undefined): boolean => unit === ' ' || unit === '\u00a0' || unit === '\u202f';

/**
 * Not inside a longer number: no digit just before, and no decimal fraction ("1234.150385 2000");
 * but a percent-encoded character may stand right before ("ans%C3%B8gning%201503852000.pdf").
 * Checked here rather than by a lookbehind, which would make the expression slow to scan.
 */
function startsNumber(text: string, at: number): boolean {
  if (!isDigit(text.charCodeAt(at - 1))) {
    const separator = text[at - 1];
    return !((separator === '.' || separator === ',') && isDigit(text.charCodeAt(at - 2)));
  }
  return /%[\dA-Fa-f]{2}$/.test(text.slice(Math.max(0, at - 3), at));
}

/** Not one more pair of a number written in pairs ("+46 70 12 03 4567", "12 03 06 78 2214 55"). */
function standsApart(text: string, from: number, to: number): boolean {
  if (isDigit(text.charCodeAt(from - 1))) return false;
  if (isSpace(text[from - 1]) && isDigit(text.charCodeAt(from - 2))) return false;
  return !(isSpace(text[to]) && isDigit(text.charCodeAt(to + 1)));
}

/** Every match of `pattern` that `keep` accepts: a match rejected is tried again one later. */
function* matchesOf(pattern: RegExp, text: string, keep: (match: RegExpExecArray) => boolean): Generator<RegExpExecArray> {
  const scan = new RegExp(pattern.source, pattern.flags);
  for (let match = scan.exec(text); match; match = scan.exec(text)) {
    if (keep(match)) yield match;
    else scan.lastIndex = match.index + 1;
  }
}

/** Every candidate that starts a number. */
function candidates(text: string): Generator<RegExpExecArray> {
  return matchesOf(CANDIDATE, text, (match) => startsNumber(text, match.index));
}

/** Every date written in spaced pairs, then a serial, that is no part of a longer row of pairs. */
function spacedCandidates(text: string): Generator<RegExpExecArray> {
  return matchesOf(SPACED, text, (match) => standsApart(text, match.index, match.index + match[0].length));
}

// ---------------------------------------------------------------------------------------------
// Labels: the words that say what kind of number stands next to them

// Words that say the number is a CPR number ("cpr" anywhere in a word, as OSdatascanner does),
// and the numbers of a person that are their CPR number: "Pers.nr.", "Fødselsnr.", "Patientnr.".
const CPR_WORDS =
  /cpr|person-?\s?n(?:umme)?r|pers\.?\s?nr|personnumre|personal identification|civil registration|social security|\bssn\b|sygesikrings|sundhedskort|fødsels-?\s?n(?:umme)?r|(?:patient|klient|borger)s?-?\s?n(?:umme)?r/i;

// Words that on their own name another kind of number ("Ordre 1503852000", a JSON key).
const OTHER_NUMBER_WORDS: ReadonlySet<string> = new Set([
  'ordre', 'order', 'faktura', 'invoice', 'konto', 'kto', 'account', 'reg', 'pnr', 'cvr', 'ean', 'gln', 'isbn',
  'issn', 'customer', 'licens', 'license', 'serial', 'updated', 'created', 'modified', 'timestamp', 'tidsstempel',
  'ver', 'version', 'build', 'hash', 'rev',
]);
// Stems that name another kind of number in a compound ending in -nummer, -nr or -no, with or
// without a linking s or a hyphen ("bilagsnummer", "kunde-nr.", "driftskontonummer", "orderNo"),
// also at the end of a longer first part ("klagesagsnummer").
const OTHER_NUMBER_STEMS: readonly string[] = [
  'ordre', 'order', 'faktura', 'invoice', 'bilag', 'konto', 'account', 'kunde', 'customer', 'vare', 'sag',
  'journal', 'medlem', 'licens', 'license', 'serie', 'serial', 'registrering', 'kvittering', 'reference',
  'bestilling', 'forsendelse', 'pakke', 'kontrakt', 'police', 'aftale', 'abonnement', 'artikel', 'produkt', 'model',
  'transaktion', 'betaling', 'ekspedition', 'matrikel', 'ejendom', 'medarbejder', 'elev', 'studie', 'kort',
];
// Short stems, only as the whole first part: "P-nummer", "j.nr.", "SE-nr.", "NØK-nummer".
const SHORT_OTHER_NUMBER_STEMS: ReadonlySet<string> = new Set(['p', 'j', 'se', 'reg', 'fak', 'nøk', 'kto', 'ref', 'cvr', 'ean', 'gln']);
// A telephone's words, alone or in compounds: "tlf.", "Telefon", "mobilnr.", "kundeservicetelefonnummer".
const PHONE_WORDS: ReadonlySet<string> = new Set(['tlf', 'tel', 'telefon', 'phone', 'mobil', 'mobile', 'fax', 'telefax']);
const PHONE_STEMS: readonly string[] = ['telefon', 'tlf', 'phone', 'mobil', 'fax'];
const NUMBER_SUFFIXES: readonly string[] = ['nummer', 'numre', 'number', 'nr', 'no'];

/**
 * What a label says a number is. A telephone's is weaker than another number's: a Danish phone
 * number has eight digits, so a ten-digit number written 6-4 ("Telefon: 150385-2000") is no phone
 * number whatever its label says.
 */
type Label = 'cpr' | 'other' | 'phone';
const STRENGTH: Record<Label, number> = { cpr: 3, other: 2, phone: 1 };

function strongest(a: Label | undefined, b: Label | undefined): Label | undefined {
  if (!a) return b;
  return b && STRENGTH[b] > STRENGTH[a] ? b : a;
}

function stemLabel(stem: string): Label | undefined {
  if (stem === 'tlf' || stem === 'tel' || PHONE_STEMS.some((known) => stem.endsWith(known))) return 'phone';
  if (SHORT_OTHER_NUMBER_STEMS.has(stem) || OTHER_NUMBER_STEMS.some((known) => stem.endsWith(known))) return 'other';
  return undefined;
}

/**
 * What one word says about the number after it ("Kontonr.", "lønkonto", "telefonnummer"). A
 * `joined` word is two written apart ("ordrebekræftelse nr."); of them, a genitive's ("ansøgerens
 * nummer") names nothing.
 */
function wordLabel(word: string, joined = false): Label | undefined {
  const key = word.toLowerCase().replace(/[-.]/g, '');
  if (CPR_WORDS.test(key)) return 'cpr';
  // Any telephone: "mobiltelefon", "privattlf", "telefax"; but "automobil" is no "mobil".
  if (PHONE_WORDS.has(key) || /(?:telefon|tlf|phone|fax)$/.test(key)) return 'phone';
  // Any account: "lønkonto", "driftskonto", "NemKonto".
  if (OTHER_NUMBER_WORDS.has(key) || key.endsWith('konto')) return 'other';
  // JSON keys of times: "updatedAt", "lastModified", "created_at" (read as "created").
  if (/^(?:updated|created|modified)|modified$|timestamp/.test(key)) return 'other';
  for (const suffix of NUMBER_SUFFIXES) {
    if (key.length <= suffix.length || !key.endsWith(suffix)) continue;
    const stem = key.slice(0, -suffix.length);
    const label = stemLabel(stem) ?? (stem.length > 1 && stem.endsWith('s') ? stemLabel(stem.slice(0, -1)) : undefined);
    if (label) return label;
    // Any other noun's number ("ordrebekræftelse nr.", "bevillingsnummer") is no person's: the
    // CPR number's own labels were read above, and a serial's ("løbenr.") stands apart.
    if (stem.length >= 4 && !/løbe$/u.test(stem) && !(joined && stem.endsWith('s'))) return 'other';
  }
  return undefined;
}

const LOOK_BEHIND = 60;
const LOOK_AHEAD = 20;
// So many digits between a label and a number mean another number stands between: the label is its.
const DIGITS_BETWEEN = 6;
const WORD = /\p{L}+(?:[-.]\p{L}+)*/gu;

/**
 * Where a window of `text` ends, read from `from` forwards (`step` 1) or backwards (`step` -1) for
 * at most `length` characters: at a line break, or before the DIGITS_BETWEEN-th digit.
 */
function windowEnd(text: string, from: number, step: 1 | -1, length: number): number {
  let seen = 0;
  let at = from;
  for (let k = 0; k < length; k++) {
    const next = step === 1 ? at : at - 1;
    if (next < 0 || next >= text.length || text[next] === '\n') break;
    if (isDigit(text.charCodeAt(next)) && ++seen === DIGITS_BETWEEN) break;
    at += step;
  }
  return at;
}

/** The strongest label among the words of text[from, to): one word ("Kontonr.") or two ("sags nr."). */
function wordsLabel(text: string, from: number, to: number): Label | undefined {
  let label: Label | undefined;
  let previous: { key: string; end: number } | undefined;
  for (const word of text.slice(from, to).matchAll(WORD)) {
    // The window's first word is cut when a letter stands before it: "…automobil" is no "mobil".
    if (word.index === 0 && from > 0 && /\p{L}/u.test(text[from - 1]!)) continue;
    const key = word[0].toLowerCase().replace(/[-.]/g, '');
    label = strongest(label, wordLabel(key));
    // "Sags nr.", "P nr.": a number word after a space completes the word before it.
    if (previous && NUMBER_SUFFIXES.includes(key) && /^\s{1,2}$/.test(text.slice(from + previous.end, from + word.index))) {
      label = strongest(label, wordLabel(previous.key + key, true));
    }
    previous = { key, end: word.index + word[0].length };
  }
  return label;
}

/**
 * The strongest label of text[from, to) on its line, not the nearest: a CPR word before it (within
 * LOOK_BEHIND) or after it (within LOOK_AHEAD), else another number's word before it, else a
 * telephone's. A label with another number between it and this one is that number's
 * ("CPR 1503852000, tlf. 1503852001"), and words after a number name the next one.
 */
function textLabel(text: string, from: number, to: number): Label | undefined {
  // Bounded look-ups: a line may be a whole minified file.
  const start = windowEnd(text, from, -1, LOOK_BEHIND);
  const end = windowEnd(text, to, 1, LOOK_AHEAD);
  if (CPR_WORDS.test(text.slice(start, from)) || CPR_WORDS.test(text.slice(to, end))) return 'cpr';
  return wordsLabel(text, start, from);
}

// ---------------------------------------------------------------------------------------------
// Column labels: a table cell's header names the values below it

type ColumnLabel = Label | 'birth date' | 'serial';

const BIRTH_DATE_WORDS = String.raw`fødselsdato|fødselsdag|født|f\.|birth\s?date|date\s+of\s+birth|d\.?o\.?b\.?|born`;
const SERIAL_WORDS = String.raw`løbe[-\s]?(?:nummer|nr\.?)|(?:de\s+)?sidste\s+(?:fire|4)\s+cifre|kontrolcifre(?:ne)?`;
const BIRTH_DATE_HEADER = new RegExp(String.raw`^(?:${BIRTH_DATE_WORDS})(?!\p{L})`, 'iu');
const SERIAL_HEADER = new RegExp(String.raw`^(?:${SERIAL_WORDS})(?!\p{L})`, 'iu');
// A cheap test of a whole file: a serial's own label anywhere ("Beløbet" is none).
const SERIAL_WORD = /løbe[-\s]?n|sidste\s+(?:fire|4)\s+cifre|kontrolcifre/i;

const columnLabels = new Map<string, ColumnLabel | undefined>();

/** What a column header says about the values below it. */
function columnLabel(header: string): ColumnLabel | undefined {
  if (header === '') return undefined;
  if (columnLabels.has(header)) return columnLabels.get(header);
  const words = header.trim().slice(0, 100);
  let label: ColumnLabel | undefined;
  if (CPR_WORDS.test(words)) label = 'cpr';
  else if (SERIAL_HEADER.test(words)) label = 'serial';
  else if (BIRTH_DATE_HEADER.test(words)) label = 'birth date';
  else label = wordsLabel(words, 0, words.length);
  // Headers repeat on every row of a table; a long run meets few distinct ones.
  if (columnLabels.size > 1000) columnLabels.clear();
  columnLabels.set(header, label);
  return label;
}

/** The cells of a row looked up at rising positions: each look-up moves on, never back. */
class CellCursor {
  private index = 0;

  constructor(private readonly cells: readonly TableCell[] | undefined) {}

  at(position: number): TableCell | undefined {
    const cells = this.cells;
    if (!cells || cells.length === 0) return undefined;
    if (position < (cells[this.index]?.from ?? 0)) this.index = 0;
    while (this.index < cells.length && cells[this.index]!.to <= position) this.index++;
    const cell = cells[this.index];
    return cell && cell.from <= position ? cell : undefined;
  }
}

interface LabelOf {
  label: Label | undefined;
  /** The label is the column's header, not words on the line. */
  column: boolean;
}

/** The label of text[from, to): its own words on the line, or its column's header, the stronger. */
function labelOf(text: string, from: number, to: number, cells: CellCursor): LabelOf {
  const own = textLabel(text, from, to);
  if (own === 'cpr') return { label: own, column: false };
  const header = cells.at(from)?.header;
  const column = header === undefined ? undefined : columnLabel(header);
  if (column !== 'cpr' && column !== 'other' && column !== 'phone') return { label: own, column: false };
  return strongest(own, column) === own ? { label: own, column: false } : { label: column, column: true };
}

// ---------------------------------------------------------------------------------------------
// Numbers of no person: hashes, UUIDs, date ranges

const isHex = (code: number): boolean => isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
const isHexLetter = (code: number): boolean => (code >= 65 && code <= 70) || (code >= 97 && code <= 102);

/**
 * The runs of hexadecimal digits of one text, found at rising positions. The run around a position
 * is measured once and kept, and a new run starts where the last one ended, so a scan reads each
 * character at most twice however many candidates a long hash holds.
 */
class HexRuns {
  private start = 0;
  private end = 0;
  private letters = false;

  constructor(private readonly text: string) {}

  /** text[from, to) written without a separator inside a run of 20 or more hexadecimal digits with a letter among them. */
  holds(from: number, to: number): boolean {
    const { text } = this;
    if (!isHex(text.charCodeAt(from))) return false;
    if (from < this.start || from >= this.end) {
      let start = from;
      let end = from;
      let letters = false;
      while (start > 0 && isHex(text.charCodeAt(start - 1))) {
        start -= 1;
        letters ||= isHexLetter(text.charCodeAt(start));
      }
      while (end < text.length && isHex(text.charCodeAt(end))) {
        letters ||= isHexLetter(text.charCodeAt(end));
        end += 1;
      }
      this.start = start;
      this.end = end;
      this.letters = letters;
    }
    return this.end >= to && this.end - this.start >= 20 && this.letters;
  }
}

// 8-4-4-4-12 hexadecimal digits: "66a91512-8d4e-4f6b-9c1a-1503852000f7".
const UUID = /[\da-fA-F]{8}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{12}/y;
const UUID_LENGTH = 36;

/** text[from, to) inside a UUID: tries the few places one could start, each a fixed-length match. */
function insideUuid(text: string, from: number, to: number): boolean {
  for (let start = Math.max(0, to - UUID_LENGTH); start <= from; start++) {
    // A UUID starts a run of hexadecimal digits.
    if (start > 0 && isHex(text.charCodeAt(start - 1))) continue;
    UUID.lastIndex = start;
    if (UUID.test(text)) return true;
  }
  return false;
}

const ONE_DASH = new RegExp(`^${DASH}$`);
// A period named in the last few words before: "i perioden fra 01.08.97-2017", "lejeperiode
// 010897-2017", "period 010897-2017". "Fra" alone is no such word: as often it names a sender
// ("brev fra" and a number).
const PERIOD_WORD = /periode|^period|^tidsrum/;
const PERIOD_WORDS_BEFORE = 3;

/**
 * How many steps a candidate reads as a date range rather than a number: a four-digit "serial"
 * that is a year at or after the date's own year, after a dash. A dotted date ("01.08.97-2017")
 * is one step, a period word just before ("perioden 010897-2017") another. Without either it is
 * a CPR number like any other: "010897-2017" is a valid one.
 */
function rangeSteps(text: string, from: number, dot: string, separator: string, yy: string, serial: string): number {
  if (!ONE_DASH.test(separator.trim()) || !/^(?:19|20)\d\d$/.test(serial)) return 0;
  if (Number(serial) < centuryYear(Number(yy), serial.charCodeAt(0) - 48)) return 0;
  let steps = dot ? 1 : 0;
  const before = text.slice(Math.max(0, from - 30), from);
  const words = [...before.slice(before.lastIndexOf('\n') + 1).matchAll(/\p{L}+/gu)].slice(-PERIOD_WORDS_BEFORE);
  if (words.some((word) => PERIOD_WORD.test(word[0].toLowerCase()))) steps += 1;
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Birth date and serial written apart: "Født: 03.06.1978, løbenummer: 2214"

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['januar', 1], ['january', 1], ['jan', 1], ['februar', 2], ['february', 2], ['feb', 2], ['marts', 3], ['march', 3],
  ['mar', 3], ['april', 4], ['apr', 4], ['maj', 5], ['may', 5], ['juni', 6], ['june', 6], ['jun', 6], ['juli', 7],
  ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9], ['sept', 9], ['sep', 9], ['oktober', 10],
  ['october', 10], ['okt', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);
const MONTH_NAMES = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
// 03.06.1978, 3/6-78, 9/4-62, 03-06-1978, 3. juni 1978, 030678, 03061978, 1978-06-03.
const DATE = String.raw`\d{1,2} ?[./-] ?\d{1,2} ?[./-] ?(?:\d{4}|\d{2})|\d{1,2}\.? ?(?:${MONTH_NAMES})\.? ?(?:\d{4}|\d{2})|\d{6}(?:\d\d)?|\d{4}-\d\d-\d\d`;
const NUMERIC_DATE = /^(\d{1,2}) ?[./-] ?(\d{1,2}) ?[./-] ?(\d{4}|\d{2})$/;
const NAMED_DATE = /^(\d{1,2})\.? ?(\p{L}+)\.? ?(\d{4}|\d{2})$/u;
const COMPACT_DATE = /^(\d\d)(\d\d)(\d{4}|\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const WHOLE_DATE = new RegExp(`^(?:${DATE})$`, 'iu');

// The label, a colon or the like, "den", then the date: "født den 3. juni 1978", "DOB: 03/06/78".
const BIRTH_DATE_FORM = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${BIRTH_DATE_WORDS})(?!\p{L})[ \t\u00a0:=,(]{0,4}(?:(?:den|d\.)[ \u00a0]+)?(${DATE})(?![\d\p{L}])`,
  'giu',
);
// The label, a colon or "er", then four digits: "løbenr. 1187", "de sidste fire cifre er 2214".
const SERIAL_FORM = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${SERIAL_WORDS})(?!\p{L})[ \t\u00a0:=,(]{0,4}(?:(?:er|var|is)[ \u00a0]+)?(\d{4})(?!\d)`,
  'giu',
);
// How far apart the two may stand, and across how many line breaks.
const APART_MAX = 120;
const APART_LINE_BREAKS = 2;

interface WrittenDate {
  day: number;
  month: number;
  year: number;
  /** The year was written with four digits: its century must agree with the serial's. */
  fullYear: boolean;
}

function readDate(written: string): WrittenDate | undefined {
  const numeric = NUMERIC_DATE.exec(written) ?? COMPACT_DATE.exec(written);
  if (numeric) return { day: Number(numeric[1]), month: Number(numeric[2]), year: Number(numeric[3]), fullYear: numeric[3]!.length === 4 };
  const named = NAMED_DATE.exec(written);
  const month = named && MONTHS.get(named[2]!.toLowerCase());
  if (named && month) return { day: Number(named[1]), month, year: Number(named[3]), fullYear: named[3]!.length === 4 };
  const iso = ISO_DATE.exec(written);
  if (iso) return { day: Number(iso[3]), month: Number(iso[2]), year: Number(iso[1]), fullYear: true };
  return undefined;
}

interface Part {
  from: number;
  to: number;
  /** From a column header, not the text: two such parts of one row pair whatever stands between. */
  column: boolean;
}
interface BirthDatePart extends Part {
  date: WrittenDate;
}
interface SerialPart extends Part {
  serial: string;
}

/** A date under its label, and a serial under its own: the two halves of one CPR number. */
interface ApartCpr {
  from: number;
  to: number;
  date: string;
  serial: string;
  analysis: CprAnalysis;
}

function cellPart(cell: TableCell): Part | undefined {
  // A date or a serial fills a cell (trimmed by the adapter, see tableCell): a long one holds something else.
  return cell.to > cell.from && cell.to - cell.from <= 24 ? { from: cell.from, to: cell.to, column: true } : undefined;
}

/** The birth dates and serials of a text, each under its label, in order. */
const SERIAL_HINT = /løbe|sidste|kontrolcif/i;

function partsOf(text: string, cells: readonly TableCell[] | undefined): { dates: BirthDatePart[]; serials: SerialPart[] } {
  const dates: BirthDatePart[] = [];
  const serials: SerialPart[] = [];
  // No serial, no pair: most texts have no serial's label and no serial column, and the birth
  // date's expression, read over every segment, is the dearer one.
  const serialColumn = cells?.some((cell) => columnLabel(cell.header) === 'serial') ?? false;
  if (!serialColumn && !SERIAL_HINT.test(text)) return { dates, serials };
  for (const match of text.matchAll(SERIAL_FORM)) {
    const to = match.index + match[0].length;
    serials.push({ from: to - 4, to, column: false, serial: match[1]! });
  }
  if (serials.length > 0 || cells) {
    for (const match of text.matchAll(BIRTH_DATE_FORM)) {
      const date = readDate(match[1]!);
      const to = match.index + match[0].length;
      if (date) dates.push({ from: to - match[1]!.length, to, column: false, date });
    }
  }
  for (const cell of cells ?? []) {
    const label = columnLabel(cell.header);
    if (label !== 'birth date' && label !== 'serial') continue;
    const part = cellPart(cell);
    if (!part) continue;
    const written = text.slice(part.from, part.to);
    if (label === 'serial' && /^\d{4}$/.test(written)) serials.push({ ...part, serial: written });
    const date = label === 'birth date' && WHOLE_DATE.test(written) ? readDate(written) : undefined;
    if (date) dates.push({ ...part, date });
  }
  const byPlace = (a: Part, b: Part): number => a.from - b.from;
  // Cells come after the text's own finds: keep one of each place.
  const distinct = <T extends Part>(parts: T[]): T[] => parts.sort(byPlace).filter((part, k) => k === 0 || parts[k - 1]!.from !== part.from);
  return { dates: distinct(dates), serials: distinct(serials) };
}

function near(text: string, first: Part, second: Part): boolean {
  if (first.column && second.column) return true;
  if (second.from < first.to || second.from - first.to > APART_MAX) return false;
  let breaks = 0;
  for (let k = first.to; k < second.from; k++) if (text[k] === '\n' && ++breaks > APART_LINE_BREAKS) return false;
  return true;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * Each serial paired with the birth date closest before it, or else closest after it, within a
 * short stretch: both labels are there, so the pair is a CPR number when its date is real and the
 * serial's century agrees with a four-digit year.
 */
function apartCprs(text: string, cells: readonly TableCell[] | undefined, today: Date): ApartCpr[] {
  const { dates, serials } = partsOf(text, cells);
  const found: ApartCpr[] = [];
  const used = new Set<BirthDatePart>();
  let next = 0;
  for (const serial of serials) {
    while (next < dates.length && dates[next]!.to <= serial.from) next++;
    const before = dates[next - 1];
    const after = dates[next]?.from !== undefined && dates[next]!.from >= serial.to ? dates[next] : undefined;
    const options = [before && near(text, before, serial) ? before : undefined, after && near(text, serial, after) ? after : undefined];
    for (const birth of options) {
      if (!birth || used.has(birth)) continue;
      const { day, month, year, fullYear } = birth.date;
      const date = `${pad(day)}${pad(month)}${pad(year % 100)}`;
      if (day > 31 || (fullYear && centuryYear(year % 100, serial.serial.charCodeAt(0) - 48) !== year)) continue;
      const analysis = analyseCpr(date, serial.serial, today);
      if (!analysis.birthDate) continue;
      used.add(birth);
      found.push({ from: Math.min(birth.from, serial.from), to: Math.max(birth.to, serial.to), date, serial: serial.serial, analysis });
      break;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Judging and reporting

const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

function evidence(analysis: CprAnalysis, serial: string): { confidence: Confidence; reasons: Reason[] } {
  const reasons: Reason[] = [analysis.substitute ? 'substitute number (day + 60)' : 'valid date'];
  if (!/^\d{4}$/.test(serial)) return { confidence: 'high', reasons: [...reasons, 'health-sector eCPR form'] };
  if (analysis.exemptDate) return { confidence: 'high', reasons: [...reasons, 'date exempt from modulus 11'] };
  if (analysis.mod11) return { confidence: 'high', reasons: [...reasons, 'modulus 11'] };
  return { confidence: 'medium', reasons: [...reasons, 'no modulus 11'] };
}

interface Verdict {
  confidence: Confidence;
  reasons: Reason[];
  /** What the reasons cannot say: the form or the place that made the rule judge so. */
  notes: string[];
}

function judge(analysis: CprAnalysis, serial: string, separator: string, range: number, label: LabelOf): Verdict {
  const { confidence: base, reasons } = evidence(analysis, serial);
  let confidence = base;
  const notes: string[] = [];
  // A dot between date and serial is how decimals are written ("890502.7299"): weaker evidence.
  if (separator.trim() === '.') confidence = LOWER[confidence];
  for (let step = 0; step < range; step++) confidence = LOWER[confidence];
  if (range > 0 && label.label !== 'cpr') notes.push('reads as a date range');
  if (label.label === 'cpr') {
    reasons.push('CPR keyword nearby');
    confidence = 'high';
  } else if (label.label === 'phone' && ONE_DASH.test(separator.trim())) {
    // Written as a CPR number is written: a phone's label cannot explain it.
    notes.push('a phone number has 8 digits');
  } else if (label.label) {
    reasons.push('other number kind named nearby');
    confidence = LOWER[confidence];
  }
  if (label.column) notes.push(label.label === 'cpr' ? 'in a CPR column' : 'under another number kind\'s column header');
  return { confidence, reasons, notes };
}

function reported(from: number, to: number, value: string, date: string, verdict: Verdict, form?: string): RuleMatch {
  const redacted = redactCpr(date);
  const why = [...(form ? [form] : []), ...verdict.reasons, ...verdict.notes].join(', ');
  return {
    from,
    to,
    confidence: verdict.confidence,
    reasons: verdict.reasons,
    value,
    redacted,
    message: `CPR number ${redacted} (${why}): remove it or replace it with a placeholder`,
  };
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

/**
 * False when `text` holds nothing any segment cut from it could be reported for: no candidate with
 * a real, past birth date, no serial's own label (the date and serial apart), and no date in
 * spaced pairs with a CPR word somewhere. Then it needs no parsing.
 */
export function mightHoldCpr(text: string, today: Date): boolean {
  if (!mightHoldDigits(text)) return false;
  for (const match of candidates(text)) {
    if (analyseCpr(`${match[1]}${match[3]}${match[4]}`, match[6]!, today).birthDate) return true;
  }
  if (SERIAL_WORD.test(text)) return true;
  if (!CPR_WORDS.test(text)) return false;
  for (const match of spacedCandidates(text)) {
    if (analyseCpr(`${match[1]}${match[2]}${match[3]}`, match[5]!, today).birthDate) return true;
  }
  return false;
}

const matchesBySegment = new WeakMap<Segment, { today: number; matches: RuleMatch[] }>();

/**
 * Every CPR number in a segment at medium confidence or more: the rule's findings, and person
 * references for the prose rules. Read once per segment and day.
 */
export function cprMatches(segment: Segment, context: RuleContext): RuleMatch[] {
  const cached = matchesBySegment.get(segment);
  if (cached && cached.today === context.today.getTime()) return cached.matches;
  const matches = findCprMatches(segment, context);
  matchesBySegment.set(segment, { today: context.today.getTime(), matches });
  return matches;
}

/**
 * Whether `text` can hold a CPR number at all: ten digits in every written form but the health
 * sector's eCPR (eight: "150385-1AB2"), or seven when a serial's label stands beside a birth date
 * with its month in letters ("3. juni 78", "løbenr. 2214").
 */
function mightHoldDigits(text: string): boolean {
  const digits = countDigits(text, 8);
  return digits === 8 || (digits === 7 && SERIAL_HINT.test(text));
}

function findCprMatches(segment: Segment, context: RuleContext): RuleMatch[] {
  const { text } = segment;
  // Most segments (a paragraph, a heading) hold too few digits: nothing to read.
  if (!mightHoldDigits(text)) return [];
  const matches: RuleMatch[] = [];
  const hexRuns = new HexRuns(text);
  let cells = new CellCursor(segment.cells);
  for (const match of candidates(text)) {
    const [whole, dd, dot, mm, yy, separator, serial] = match as unknown as string[];
    if (dot && !separator) continue;
    const from = match.index;
    const to = from + whole!.length;
    const date = `${dd}${mm}${yy}`;
    const analysis = analyseCpr(date, serial!, context.today);
    if (!analysis.birthDate || hexRuns.holds(from, to) || insideUuid(text, from, to)) continue;
    const range = rangeSteps(text, from, dot!, separator!, yy!, serial!);
    const verdict = judge(analysis, serial!, separator!, range, labelOf(text, from, to, cells));
    if (verdict.confidence !== 'low') matches.push(reported(from, to, whole!, date, verdict));
  }
  cells = new CellCursor(segment.cells);
  for (const match of spacedCandidates(text)) {
    const [whole, dd, mm, yy, separator, serial] = match as unknown as string[];
    const from = match.index;
    const to = from + whole!.length;
    const date = `${dd}${mm}${yy}`;
    const analysis = analyseCpr(date, serial!, context.today);
    if (!analysis.birthDate) continue;
    const label = labelOf(text, from, to, cells);
    if (label.label !== 'cpr') continue;
    matches.push(reported(from, to, whole!, date, judge(analysis, serial!, separator!, 0, label), 'date written in pairs'));
  }
  const apart: RuleMatch[] = [];
  for (const cpr of apartCprs(text, segment.cells, context.today)) {
    const { reasons } = evidence(cpr.analysis, cpr.serial);
    // Both labels say what the two numbers are: the pair is a CPR number, modulus 11 or not.
    const verdict: Verdict = { confidence: 'high', reasons, notes: [] };
    apart.push(reported(cpr.from, cpr.to, `${cpr.date}-${cpr.serial}`, cpr.date, verdict, 'birth date and serial given apart'));
  }
  return withoutOverlaps(matches, apart);
}

/** `found` in order, and those of `more` that overlap none of them (a number found whole wins). */
function withoutOverlaps(found: RuleMatch[], more: RuleMatch[]): RuleMatch[] {
  found.sort((a, b) => a.from - b.from);
  if (more.length === 0) return found;
  const all = [...found];
  let k = 0;
  for (const match of more) {
    while (k < found.length && found[k]!.to <= match.from) k++;
    if (k < found.length && found[k]!.from < match.to) continue;
    all.push(match);
  }
  return all.sort((a, b) => a.from - b.from);
}

/**
 * `text` with every candidate that has a real, past birth date replaced by its redacted form, at
 * any confidence, and every number in the forms that need a label (spaced pairs, date and serial
 * apart) where the label is there: for paths and messages the tool prints, where even a doubtful
 * number is hidden. `hide` writes what stands in a number's place (by default its redacted form,
 * which keeps the day and month).
 */
export function redactCprNumbers(written: string, today: Date, hide: (date: string) => string = redactCpr): string {
  // Most strings (a rule id, a message, a path) hold too few digits for any form.
  if (!mightHoldDigits(written)) return written;
  // Read as a page shows it (no soft hyphens or zero-width characters), hidden where it is written.
  const visible = withoutInvisible(written);
  const text = visible.text;
  const hidden: { from: number; to: number; date: string }[] = [];
  const hexRuns = new HexRuns(text);
  for (const match of candidates(text)) {
    const [whole, dd, , mm, yy, , serial] = match as unknown as string[];
    const date = `${dd}${mm}${yy}`;
    const from = match.index;
    const to = from + whole!.length;
    if (!analyseCpr(date, serial!, today).birthDate || hexRuns.holds(from, to) || insideUuid(text, from, to)) continue;
    hidden.push({ from, to, date });
  }
  if (CPR_WORDS.test(text)) {
    const none = new CellCursor(undefined);
    for (const match of spacedCandidates(text)) {
      const [whole, dd, mm, yy, , serial] = match as unknown as string[];
      const date = `${dd}${mm}${yy}`;
      const from = match.index;
      const to = from + whole!.length;
      if (analyseCpr(date, serial!, today).birthDate && labelOf(text, from, to, none).label === 'cpr') hidden.push({ from, to, date });
    }
  }
  if (SERIAL_WORD.test(text)) for (const cpr of apartCprs(text, undefined, today)) hidden.push(cpr);
  hidden.sort((a, b) => a.from - b.from);
  let redacted = '';
  let copiedUpTo = 0;
  for (const { from, to, date } of hidden) {
    const start = visible.at(from);
    if (start < copiedUpTo) continue;
    redacted += written.slice(copiedUpTo, start) + hide(date);
    copiedUpTo = visible.at(to - 1) + 1;
  }
  return redacted + written.slice(copiedUpTo);
}
