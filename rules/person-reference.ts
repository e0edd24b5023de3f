// Who is a person in a text: the references that make health data or a complaint identifiable.
import type { RuleContext } from '../src/rule.js';
import type { Segment } from '../src/segment.js';
import { FIRST_NAMES, SURNAMES } from './data/dst-names.js';
import { cprMatches } from './no-cpr-number.js';

export type PersonKind =
  /** First name(s) and a surname: "Jens Hansen", "Anne-Marie Holm Nielsen", "Jens Hansens". */
  | 'name'
  /** A title and a name: "hr. Jensen", "fru Holm", "Mr Smith". */
  | 'title'
  /** A role that points at a citizen, and a name: "borgeren Jensen", "barnet Emil". */
  | 'role'
  /** A first name's possessive and a relative: "Mettes søn". */
  | 'possessive'
  /** A CPR number or substitute number. */
  | 'cpr';

export interface PersonReference {
  from: number;
  to: number;
  kind: PersonKind;
  /** Named as staff, a contact or an official ("sagsbehandler Lise Holm"), not as a citizen. */
  staff: boolean;
}

let firstNames: Set<string> | undefined;
let surnames: Set<string> | undefined;

function inList(word: string, list: 'first' | 'surname'): boolean {
  firstNames ??= new Set(FIRST_NAMES.split('\n'));
  surnames ??= new Set(SURNAMES.split('\n'));
  const set = list === 'first' ? firstNames : surnames;
  return word.split('-').every((part) => set.has(part.toUpperCase()));
}

const CAPITALISED = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*$/u;
// Capitalised words that stand first in a sentence far more often than as first names.
const NOT_FIRST_NAMES = new Set(['Den', 'Det', 'De', 'Der', 'Vi', 'Jeg', 'Du', 'Han', 'Hun', 'Alle', 'Hver', 'Ingen', 'Sankt', 'Vor']);

interface Token {
  text: string;
  from: number;
  to: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/\p{L}+(?:['’-]\p{L}+)*/gu)].map((match) => ({ text: match[0], from: match.index, to: match.index + match[0].length }));
}

/** Two tokens belong to one name when only a space stands between them. */
function adjacent(text: string, left: Token, right: Token): boolean {
  const gap = text.slice(left.to, right.from);
  return gap === ' ' || gap === '\u00a0';
}

function isSurname(word: string): boolean {
  if (inList(word, 'surname')) return true;
  // The possessive: "Hansens", "Jensens".
  return word.endsWith('s') && word.length > 4 && inList(word.slice(0, -1), 'surname');
}

/** Full names: a first name, up to two middle names, a surname; every word capitalised. */
function names(text: string, words: Token[]): PersonReference[] {
  const found: PersonReference[] = [];
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    if (!CAPITALISED.test(first.text) || NOT_FIRST_NAMES.has(first.text) || !inList(first.text, 'first')) continue;
    let last = -1;
    for (let j = i + 1; j <= i + 3 && j < words.length; j++) {
      const word = words[j]!;
      if (!adjacent(text, words[j - 1]!, word) || !CAPITALISED.test(word.text)) break;
      if (isSurname(word.text)) last = j;
      else if (!inList(word.text, 'first')) break;
    }
    if (last === -1) continue;
    found.push({ from: first.from, to: words[last]!.to, kind: 'name', staff: false });
    i = last;
  }
  return found;
}

const TITLE = /(?<!\p{L})(?:[Hh]r|[Ff]ru|[Ff]rk|Mr|Mrs|Ms|Miss|Dr)\.?[ \u00a0]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)/gu;
const ROLE =
  /(?<!\p{L})(?:borgeren|borger|ansøgeren|ansøger|klageren|barnet|eleven|patienten|beboeren|brugeren|pensionisten|the citizen|the applicant|the patient|the complainant)[ \u00a0]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)/giu;
const RELATIVES = new Set(['søn', 'datter', 'barn', 'børn', 'mor', 'far', 'mand', 'kone', 'hustru', 'kæreste', 'forældre', 'bror', 'søster', 'familie', 'son', 'daughter', 'child', 'mother', 'father', 'husband', 'wife']);

function titlesAndRoles(text: string): PersonReference[] {
  const found: PersonReference[] = [];
  for (const match of text.matchAll(TITLE)) {
    found.push({ from: match.index, to: match.index + match[0].length, kind: 'title', staff: false });
  }
  for (const match of text.matchAll(ROLE)) {
    const name = match[1]!;
    // The role is read in any case ("Borgeren", "borgeren"); the name must be capitalised.
    if (CAPITALISED.test(name) && (inList(name, 'first') || isSurname(name))) {
      found.push({ from: match.index, to: match.index + match[0].length, kind: 'role', staff: false });
    }
  }
  return found;
}

function possessives(text: string, words: Token[]): PersonReference[] {
  const found: PersonReference[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1]!;
    if (CAPITALISED.test(word.text) && word.text.endsWith('s') && inList(word.text.slice(0, -1), 'first')
      && RELATIVES.has(next.text.toLowerCase()) && adjacent(text, word, next)) {
      found.push({ from: word.from, to: next.to, kind: 'possessive', staff: false });
    }
  }
  return found;
}

// Words that name someone's job or office. A name right after one ("klagekoordinator Lise Holm",
// "leder Hanne Jensen"), or after "kontakt", is staff, a contact or an official.
const STAFF_WORDS =
  /(?:leder|lederen|chef|chefen|direktør|forstander|koordinator|konsulent|medarbejder|sygeplejerske|plejerske|læge|lægen|psykolog|psykiater|rådgiver|kontaktperson|borgmester|rådmand|formand|formanden|sekretær|jurist|advokat|pædagog|terapeut|assistent|hjælper|sagsbehandler|visitator|tilsynsførende|inspektør|revisor|medlem|politiker|minister|ombudsmand|kontakt|att|attn|manager|nurse|doctor|officer|coordinator|caseworker|councillor|mayor|director|chair|spokesperson|talsperson)$/i;
const STAFF_AFTER = /^(?:,|[ \t]\(|[ \t]–|[ \t]-)[ \t]*(?:\p{L}+[ -])?(?:leder|chef|direktør|koordinator|konsulent|medarbejder|sygeplejerske|læge|psykolog|rådgiver|sagsbehandler|formand|borgmester|medlem|manager|nurse|officer|coordinator|caseworker)/iu;
const CONTACT_AFTER = /^[^.\n]{0,30}?(?:tlf|telefon|e-?mail|mail:|@|phone)/i;
// A council member with a party letter, as minutes name them: "Jens Nielsen (C)".
const PARTY_LETTER_AFTER = /^[ \t]?\((?:[A-ZÆØÅ]{1,2}|Ø|UFG)\)/u;
// Someone speaking for an authority or an office: "Mette Jensen fra Ankestyrelsen".
const REPRESENTATIVE_AFTER = /^[ \t]+fra[ \t]+(?:Ankestyrelsen|Borgerservice|\p{Lu}\p{L}*(?:styrelsen|kommune|forvaltningen|rådet|udvalget|afdelingen|centret|tilsynet|ministeriet))(?!\p{L})/u;
const STAFF_PREDICATE = /^[ \t]+(?:er|var|bliver|is|was)[ \t]+(?:\p{Ll}+[ \t]+)?(?:leder|chef|direktør|ansat|medarbejder|konsulent|formand|koordinator|sagsbehandler|manager|director|head)/iu;

/**
 * Whether a name is staff, by what stands beside it on the same line: a job title before or after,
 * contact details, a party letter. Nothing across a line break counts, nor across a table cell's
 * edge (written " | "), so the same name reads the same in a parsed block and in a file's readable view.
 */
function isStaff(text: string, reference: PersonReference): boolean {
  const line = text.slice(Math.max(0, reference.from - 60), reference.from);
  const before = line.slice(line.lastIndexOf('\n') + 1).replace(/[ \t\u00a0:,.|]+$/, '');
  const previousWord = /[\p{L}-]+$/u.exec(before)?.[0] ?? '';
  if (previousWord && STAFF_WORDS.test(previousWord)) return true;
  const rest = text.slice(reference.to, reference.to + 80);
  const after = rest.slice(0, rest.indexOf('\n') === -1 ? rest.length : rest.indexOf('\n'));
  return STAFF_AFTER.test(after) || CONTACT_AFTER.test(after) || STAFF_PREDICATE.test(after) || PARTY_LETTER_AFTER.test(after) || REPRESENTATIVE_AFTER.test(after);
}

/** How far from a term a prefilter looks for a person: more than any sentence a scope holds. */
export const PERSON_REACH = 2000;

/**
 * True when a reference to a citizen (not staff) stands within PERSON_REACH characters of one of
 * `positions` in `text`: the cheap test on a file's readable view for the rules that need a person
 * beside a term. Staff is judged by the same line in both, so the view is never stricter.
 */
export function personNear(text: string, positions: readonly number[], context: RuleContext): boolean {
  let checkedUpTo = -1;
  for (const position of positions) {
    const from = Math.max(0, position - PERSON_REACH, checkedUpTo);
    const to = Math.min(text.length, position + PERSON_REACH);
    if (to <= from) continue;
    // Start and end the window on a line break or space, so no name is cut in two.
    const start = from === 0 ? 0 : text.lastIndexOf(' ', from) + 1;
    const window: Segment = { kind: 'text', text: text.slice(start, to), offset: 0 };
    if (personReferences(window, context).some((person) => !person.staff)) return true;
    checkedUpTo = Math.max(start, to - 40);
  }
  return false;
}

const cache = new WeakMap<Segment, PersonReference[]>();

/** Every reference to a person in a segment, sorted, staff marked. Computed once per segment. */
export function personReferences(segment: Segment, context: RuleContext): PersonReference[] {
  const cached = cache.get(segment);
  if (cached) return cached;
  const { text } = segment;
  const words = tokens(text);
  const references = [...names(text, words), ...titlesAndRoles(text), ...possessives(text, words)].map((reference) =>
    reference.kind === 'cpr' ? reference : { ...reference, staff: isStaff(text, reference) },
  );
  for (const match of cprMatches(segment, context)) references.push({ from: match.from, to: match.to, kind: 'cpr', staff: false });
  references.sort((a, b) => a.from - b.from || b.to - a.to);
  cache.set(segment, references);
  return references;
}
