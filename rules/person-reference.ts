/* eslint-disable cprlint/no-health-data, cprlint/no-named-complaint -- the comments show made-up people, health data and complaints in the forms the rules read */
// Who is a person in a text, and in which role: the references that make health data or a
// complaint identifiable, and the ones (staff, officials, speakers, council members) that do not.
import type { RuleContext } from '../src/core/rule.js';
import type { Segment } from '../src/core/segment.js';
import { FIRST_NAMES, SURNAMES } from './data/dst-names.js';
import { NAME_WORDS } from './data/name-words.js';
import { cprMatches } from './no-cpr-number.js';

export type PersonKind =
  /** First name(s) and a surname: "Jens Hansen", "Anne-Marie Holm Nielsen", "Jens Hansens". */
  | 'name'
  /** Surname first, as lists and exports write it: "Hansen, Jens", "Damgaard-Lund, Else". */
  | 'surname first'
  /** A title and a name: "hr. Jensen", "fru Holm", "Mr Smith". */
  | 'title'
  /** A role that points at a citizen, and a name: "borgeren Jensen", "barnet Emil". */
  | 'role'
  /** A first name's possessive and a relative: "Mettes søn". */
  | 'possessive'
  /** A CPR number or substitute number. */
  | 'cpr'
  /** A pronoun or role noun that points back at a citizen named before ("Borgeren", "hun", "din"). */
  | 'pointer';

/**
 * Whose data a reference can carry. Only a citizen's health data or complaint is a finding: staff,
 * officials, quoted speakers, authors and council members are named on every municipal page.
 */
export type PersonRole =
  /** Anyone not shown to be one of the others; "borgeren", "ansøger", "klager" point at one. */
  | 'citizen'
  /** A job title or office before or after the name, or contact details beside it. */
  | 'staff'
  /** Quoted ("siger X", "ifølge X", "X udtaler") or the author of a text. */
  | 'speaker'
  /** Listed as present or absent at a meeting, with a party letter, or speaking in the minutes. */
  | 'council';

export interface PersonReference {
  from: number;
  to: number;
  kind: PersonKind;
  role: PersonRole;
}

let firstNames: Set<string> | undefined;
let surnames: Set<string> | undefined;
let nameWords: Set<string> | undefined;

/** Reads the name lists into sets, once: each call after the first costs nothing. */
export function loadNameLists(): void {
  firstNames ??= new Set(FIRST_NAMES.split('\n'));
  surnames ??= new Set(SURNAMES.split('\n'));
  nameWords ??= new Set(NAME_WORDS.split('\n'));
}

function inList(word: string, list: 'first' | 'surname'): boolean {
  loadNameLists();
  const set = list === 'first' ? firstNames! : surnames!;
  const upper = word.toUpperCase();
  if (!upper.includes('-')) return set.has(upper);
  return upper.split('-').every((part) => set.has(part));
}

/**
 * A capitalised word inside a sentence that is both a name and an ordinary Danish word ("Anker",
 * "Skov", "Holm"): a name there, since a word would be written in lower case. Decided by a
 * Danish word list beside Danmarks Statistik's names (rules/data/name-words.ts), not by hand.
 */
export function isNameInsideSentence(text: string, from: number, to: number): boolean {
  loadNameLists();
  const word = text.slice(from, to);
  if (!/^\p{Lu}\p{Ll}/u.test(word) || !nameWords!.has(word.toUpperCase())) return false;
  // Inside a sentence: a word and a space (not a full stop, a colon or a line start) before it.
  return /[\p{L},][ \u00a0]$/u.test(text.slice(Math.max(0, from - 2), from));
}

const CAPITALISED = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*$/u;
// Capitalised words that stand first in a sentence far more often than as first names.
const NOT_FIRST_NAMES = new Set(['Den', 'Det', 'De', 'Der', 'Vi', 'Jeg', 'Du', 'Han', 'Hun', 'Alle', 'Hver', 'Ingen', 'Sankt', 'Vor', 'Kong', 'Dronning', 'Prins', 'Prinsesse']);

interface Token {
  text: string;
  from: number;
  to: number;
}

const CAPITALISED_WORD = /\p{Lu}\p{L}*(?:['’-]\p{L}+)*/gu;

/**
 * The capitalised words of a text: every name starts with one, so no other word need be made a
 * token (most words of a text are lower case). Two tokens are adjacent only when a single space
 * stands between them, which a lower-case word between them rules out.
 */
function tokens(text: string): Token[] {
  const found: Token[] = [];
  CAPITALISED_WORD.lastIndex = 0;
  for (let match = CAPITALISED_WORD.exec(text); match; match = CAPITALISED_WORD.exec(text)) {
    const from = match.index;
    // A capital inside a word ("McDonald", "iPhone") starts no name.
    if (from > 0 && /\p{L}/u.test(text[from - 1]!)) continue;
    found.push({ text: match[0], from, to: from + match[0].length });
  }
  return found;
}

/** Two tokens belong to one name when only a space stands between them. */
function adjacent(text: string, left: Token, right: Token): boolean {
  const gap = right.from - left.to;
  return gap === 1 && (text[left.to] === ' ' || text[left.to] === '\u00a0');
}

function isSurname(word: string): boolean {
  if (inList(word, 'surname')) return true;
  // The possessive: "Hansens", "Jensens".
  return word.endsWith('s') && word.length >= 4 && inList(word.slice(0, -1), 'surname');
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
    found.push({ from: first.from, to: words[last]!.to, kind: 'name', role: 'citizen' });
    i = last;
  }
  return found;
}

// Where a surname-first entry may start: a line, a table cell, a list item, a numbered row.
const ENTRY_START = /(?:^|[\n|\t;]|[-*•]\s|\d[.)]\s)\s*$/u;
// A row number and a column gap before a name in a list laid out in columns, and the gap after it.
const COLUMN_ENTRY_START = /(?:^|\n)[ \t]*\d{1,3}[.)]?(?: {2,}|\t)$/u;
const COLUMN_REST = /^(?: {2,}|\t|[ \t]*$|[ \t]*\n)/u;
// What may follow the first names of a surname-first entry: the entry's end, a dash, a birth year.
const ENTRY_REST = /^(?:\s*$|\s*[\n|\t;,:]|\s+[–—-]\s|\s*\()/u;

/** "Hansen, Jens", "Damgaard-Lund, Else (f. 1944)": only where a list entry starts, so prose keeps its commas. */
function surnamesFirst(text: string, words: Token[]): PersonReference[] {
  const found: PersonReference[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const surname = words[i]!;
    const first = words[i + 1]!;
    // "Hansen, Jens" where an entry starts; or, in a list laid out in columns (a PDF's text),
    // "Bertelsen Ingrid" between a row number and a column gap. The places first, the lists after.
    const gap = first.from - surname.to;
    if (gap !== 1 && gap !== 2) continue;
    const comma = gap === 2 && text[surname.to] === ',' && text[surname.to + 1] === ' ' && ENTRY_START.test(text.slice(Math.max(0, surname.from - 4), surname.from));
    const columns = !comma && gap === 1 && text[surname.to] === ' ' && COLUMN_ENTRY_START.test(text.slice(Math.max(0, surname.from - 8), surname.from));
    if (!comma && !columns) continue;
    if (!CAPITALISED.test(surname.text) || !CAPITALISED.test(first.text) || !inList(surname.text, 'surname') || !inList(first.text, 'first')) continue;
    // Middle names after the first name: "Hansen, Jens Peter".
    let last = i + 1;
    while (last + 1 < words.length && last < i + 3 && adjacent(text, words[last]!, words[last + 1]!) && CAPITALISED.test(words[last + 1]!.text) && inList(words[last + 1]!.text, 'first')) last++;
    if (!(columns ? COLUMN_REST : ENTRY_REST).test(text.slice(words[last]!.to, words[last]!.to + 4))) continue;
    found.push({ from: surname.from, to: words[last]!.to, kind: 'surname first', role: 'citizen' });
    i = last;
  }
  return found;
}

const TITLE = /(?<!\p{L})(?:[Hh]r|[Ff]ru|[Ff]rk|Mr|Mrs|Ms|Miss)\.?[ \u00a0]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)/gu;
const ROLE =
  /(?<!\p{L})(?:borgeren|borger|ansøgeren|ansøger|klageren|klager|barnet|eleven|patienten|beboeren|brugeren|pensionisten|pårørende|the citizen|the applicant|the patient|the complainant)[ \u00a0]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)/giu;
const RELATIVES = new Set(['søn', 'datter', 'barn', 'børn', 'mor', 'far', 'mand', 'kone', 'hustru', 'kæreste', 'forældre', 'bror', 'søster', 'familie', 'son', 'daughter', 'child', 'mother', 'father', 'husband', 'wife']);

function titlesAndRoles(text: string): PersonReference[] {
  const found: PersonReference[] = [];
  for (const match of text.matchAll(TITLE)) {
    found.push({ from: match.index, to: match.index + match[0].length, kind: 'title', role: 'citizen' });
  }
  for (const match of text.matchAll(ROLE)) {
    const name = match[1]!;
    // The role is read in any case ("Borgeren", "borgeren"); the name must be capitalised.
    if (CAPITALISED.test(name) && (inList(name, 'first') || isSurname(name))) {
      found.push({ from: match.index, to: match.index + match[0].length, kind: 'role', role: 'citizen' });
    }
  }
  return found;
}

function possessives(text: string, words: Token[]): PersonReference[] {
  const found: PersonReference[] = [];
  for (const word of words) {
    if (!word.text.endsWith('s') || !CAPITALISED.test(word.text) || !inList(word.text.slice(0, -1), 'first')) continue;
    const relative = /^[ \u00a0](\p{L}+)/u.exec(text.slice(word.to, word.to + 20));
    if (relative && RELATIVES.has(relative[1]!.toLowerCase())) found.push({ from: word.from, to: word.to + relative[0].length, kind: 'possessive', role: 'citizen' });
  }
  return found;
}

/** "Jens Hansens datter", "Fru Holms søn": the relative a possessive name points at is the person. */
function withRelative(text: string, reference: PersonReference): PersonReference {
  if ((reference.kind !== 'name' && reference.kind !== 'title') || text[reference.to - 1] !== 's') return reference;
  const relative = /^[ \u00a0](\p{Ll}+)/u.exec(text.slice(reference.to, reference.to + 20));
  return relative && RELATIVES.has(relative[1]!) ? { ...reference, to: reference.to + relative[0].length } : reference;
}

// ---------------------------------------------------------------------------------------------
// Names inside other names: "Carl Nielsens Allé", "Kong Frederiks Skole", "Sankt Josephs Hospital".

const PLACE_WORDS =
  /^[ \u00a0]+(?:Allé|Alle|Vej|Gade|Plads|Torv|Stræde|Boulevard|Vænge|Park|Have|Bakke|Plejecenter|Plejehjem|Skole|Gymnasium|Hospital|Sygehus|Center|Centret|Kirke|Hus|Huset|Gård|Fond|Fonden|Børnehave|Vuggestue|Institut|Kollegium|Bibliotek|Apotek|Klinik|Bo|Bosted|Minde|Stiftelse|Legat|Pris|Prisen|Selskab|Selskabet)(?!\p{L})/u;
const ROYAL_OR_SAINT_BEFORE = /(?:Kong|Dronning|Prins|Prinsesse|Sankt|Skt\.|St\.)[ \u00a0]+$/u;

/** A name that is part of a place's or an institution's name. */
function insideAnotherName(text: string, reference: PersonReference): boolean {
  if (reference.kind !== 'name' && reference.kind !== 'title') return false;
  const after = text.slice(reference.to, reference.to + 16);
  if (PLACE_WORDS.test(after)) return true;
  // A possessive name before a capitalised word names a thing: "Jens Hansens Plejecenter".
  if (text[reference.to - 1] === 's' && /^[ \u00a0]\p{Lu}\p{Ll}/u.test(after) && !/^[ \u00a0](?:Og|I|På)\b/u.test(after)) return true;
  return ROYAL_OR_SAINT_BEFORE.test(text.slice(Math.max(0, reference.from - 12), reference.from));
}

// ---------------------------------------------------------------------------------------------
// Roles, from what stands beside a name on its line.

// The shape of a job title or office: a noun ending in one of these, alone or in a compound
// ("afdelingschef", "demenskonsulent", "PPR-psykolog", "SSP-konsulent"), in any inflection.
const TITLE_ENDINGS = new Set([
  'chef', 'leder', 'læge', 'konsulent', 'rådgiver', 'koordinator', 'direktør', 'sygeplejerske', 'plejerske',
  'terapeut', 'psykolog', 'psykiater', 'medarbejder', 'formand', 'forkvinde', 'forperson', 'borgmester',
  'rådmand', 'sekretær', 'jurist', 'advokat', 'pædagog', 'assistent', 'hjælper', 'sagsbehandler', 'visitator',
  'tilsynsførende', 'inspektør', 'revisor', 'medlem', 'politiker', 'minister', 'ombudsmand', 'forsker', 'professor',
  'lektor', 'adjunkt', 'forstander', 'forstanderinde', 'jordemoder', 'specialist', 'ekspert', 'analytiker', 'økonom',
  'kontaktperson', 'ordfører', 'talsperson', 'talskvinde', 'talsmand', 'præst', 'rektor', 'underviser', 'vejleder',
  'fuldmægtig', 'planlægger', 'ingeniør', 'arkitekt', 'redaktør', 'journalist', 'ansvarlig', 'repræsentant',
  'mentor', 'supervisor', 'farmaceut', 'ambassadør', 'bestyrer', 'administrator', 'formidler', 'kommunikatør',
  'dekan', 'stiftamtmand', 'kommissær',
  // English offices, as whole words or compounds.
  'dr', 'prof', 'manager', 'nurse', 'doctor', 'physician', 'officer', 'coordinator', 'caseworker', 'councillor',
  'mayor', 'director', 'chair', 'chairman', 'chairwoman', 'spokesperson', 'researcher', 'consultant', 'ceo', 'leader',
  'adviser', 'advisor', 'secretary', 'lecturer', 'psychologist', 'psychiatrist', 'therapist', 'head',
]);
const TITLE_INFLECTIONS = ['', 'en', 'n', 'e', 'er', 'erne', 'ne', 'ens', 's', 'es', 'ernes'];
// Compounds that end like a title and name no office.
const NOT_TITLES = /(?:familie|bestyrelses?)?medlem(?:s|met)?$|^(?:famille|besøgs|venne)/u;
const LONGEST_ENDING = Math.max(...[...TITLE_ENDINGS].map((ending) => ending.length));

/** A word shaped like a job title: it ends in an office noun, in any inflection ("Overlægen", "PPR-psykolog"). */
function isTitleWord(written: string): boolean {
  const word = written.toLowerCase().replace(/[.,:;]+$/u, '');
  if (word.length < 2 || (word.endsWith('medlem') && word !== 'medlem' && NOT_TITLES.test(word))) return false;
  for (const inflection of TITLE_INFLECTIONS) {
    if (!word.endsWith(inflection)) continue;
    const stem = word.slice(0, word.length - inflection.length);
    for (let length = 2; length <= Math.min(LONGEST_ENDING, stem.length); length++) {
      if (TITLE_ENDINGS.has(stem.slice(-length))) return true;
    }
  }
  return false;
}

const PREPOSITIONS = new Set(['i', 'for', 'hos', 'på', 'ved', 'af', 'fra', 'til', 'under', 'in', 'at', 'of']);
// Verbs that quote someone, before or after the name: "siger Jette Skive", "Jens Holm udtaler".
// One list for both places, so they cannot drift apart.
const SPEECH_VERBS = [
  'siger', 'sagde', 'fortæller', 'fortalte', 'udtaler', 'udtalte', 'forklarer', 'forklarede', 'understreger', 'understregede',
  'påpeger', 'påpegede', 'tilføjer', 'tilføjede', 'svarer', 'svarede', 'uddyber', 'uddybede', 'konstaterer', 'konstaterede',
  'vurderer', 'vurderede', 'mener', 'mente', 'oplyser', 'fastslår', 'fastslog', 'erkender', 'erkendte', 'fortsætter', 'fortsatte',
  'pointerer', 'pointerede', 'advarer', 'advarede', 'says', 'said', 'explains', 'explained', 'adds', 'added', 'notes', 'noted',
  'believes', 'warns', 'warned',
];
// Before a name only: "skriver X" is an author; "X skriver, at hun er utilfreds" is often a citizen's letter.
const SPEECH_WORDS = new Set([...SPEECH_VERBS, 'skriver', 'skrev', 'writes', 'wrote', 'ifølge', 'citat', 'lyder det fra', 'according to', 'interview med', 'interviewed']);
const CONTACT_WORDS = new Set(['kontakt', 'kontakte', 'kontaktes', 'kontaktperson', 'att', 'attn', 'v', 'c/o', 'contact', 'redaktør', 'editor']);
const MODIFIERS = new Set([
  'ny', 'nye', 'nyansat', 'nyudnævnt', 'nyudnævnte', 'en', 'et', 'den', 'konstitueret', 'konstituerede', 'fungerende', 'adm.',
  'administrerende', 'ledende', 'daglig', 'faglig', 'tidligere', 'kommunens', 'regionens', 'centrets', 'afdelingens',
  'the', 'a', 'an', 'senior', 'chief', 'associate', 'assistant', 'deputy', 'vice',
]);

/** The last words of a stretch, without the punctuation that joins them to a name. */
function lastWords(stretch: string, count: number): string[] {
  return stretch.trimEnd().split(/[\s\u00a0]+/u).filter(Boolean).slice(-count);
}

/**
 * A title right before a name, alone ("overlæge Jens Holm", "Afdelingsleder: X") or with its
 * organisation ("afdelingschef i Sundhedsdatastyrelsen Mette Keis Jepsen", "adm. direktør i
 * Kræftens Bekæmpelse, Jesper Fisker", "leder af Sundhedshuset, X"). With an organisation, the
 * word before the name must be a capitalised name or end in a comma, so "sygeplejersken fra
 * hjemmeplejen besøgte Jens Hansen" gives the visitor no title.
 */
function titleBefore(stretch: string): boolean {
  const words = lastWords(stretch, 8);
  const last = words.at(-1);
  if (!last) return false;
  if (isTitleWord(last.replace(/[,:]$/u, ''))) return true;
  if (!last.endsWith(',') && !/^\p{Lu}/u.test(last)) return false;
  for (let k = words.length - 3; k >= 0; k--) {
    if (isTitleWord(words[k]!) && PREPOSITIONS.has(words[k + 1]!.toLowerCase())) return true;
  }
  return false;
}

// What joins a title after a name: a comma, a bracket or a dash, and "der er", "som er", "er".
const TITLE_AFTER_JOIN =
  /^(?:[ \u00a0]*(?:[,(–—:]|-(?= ))[ \u00a0]*(?:(?:der|som|who)[ \u00a0]+(?:er|var|bliver|blev|arbejder[ \u00a0]+som|is|was|works[ \u00a0]+as)[ \u00a0]+)?|[ \u00a0]+(?:(?:der|som|who)[ \u00a0]+)?(?:er|var|bliver|blev|arbejder[ \u00a0]+som|is|was|works[ \u00a0]+as)[ \u00a0]+)/u;

/** A title after a name: "X, overlæge", "X, der er demenskonsulent", "X er ny afdelingsleder", "X (PPR-psykolog)". */
function titleAfter(stretch: string): boolean {
  const join = TITLE_AFTER_JOIN.exec(stretch);
  if (!join) return false;
  const words = stretch.slice(join[0].length, join[0].length + 80).split(/[\s\u00a0]+/u, 4);
  for (const word of words) {
    const bare = word.replace(/[,.;:)]+$/u, '');
    if (isTitleWord(bare)) return true;
    // "Sundhedsstyrelsens direktør", "kommunens nye leder".
    if (!MODIFIERS.has(bare.toLowerCase()) && !/^\p{Lu}\p{L}+s$/u.test(bare)) return false;
  }
  return false;
}

function endsWithPhrase(stretch: string, phrases: ReadonlySet<string>): boolean {
  // A JSON key reads `kontakt": "`: its quotes go with the colon.
  const words = lastWords(stretch.toLowerCase().replace(/["']?[,:.]+[\s\u00a0]*["']?$/u, ''), 3).map((word) => word.replace(/^["']/u, ''));
  for (let count = 1; count <= words.length; count++) {
    if (phrases.has(words.slice(-count).join(' '))) return true;
  }
  return false;
}

// Contact details after a name: "Mette Hansen, tlf. 12 34 56 78", "(mh@kommune.dk)", "e-mail: …".
// A record's next key holds the person's job: `{ navn: 'Lene Søndergaard', titel: 'Demenskoordinator' }`.
const SIBLING_TITLE_KEY = /^["'`]?[ \t]*[,;][ \t]*["']?(?:titel|title|stilling|stillingsbetegnelse|rolle|role|funktion|position|job)["']?[ \t]*[:=][ \t]*["'`]?([\p{L}.-]+)/iu;

function titleInSiblingKey(stretch: string): boolean {
  const value = SIBLING_TITLE_KEY.exec(stretch)?.[1];
  return value !== undefined && isTitleWord(value);
}

// In minutes, the association a member sits for: "Inge Lauridsen (Høreforeningen)".
const ORGANISATION_AFTER = /^[ \t]?\((?:\p{Lu}[\p{L}-]*(?:foreningen|forbundet|forbund|rådet|landsforening|sammenslutning|organisation|udvalget|kommune)|DH|Ældre Sagen|Danske Handicaporganisationer)[^)]{0,40}\)/u;

const CONTACT_AFTER = /^[^.\n]{0,30}?(?:(?<!\p{L})(?:tlf|telefon|telefonnummer|phone|mobil|direkte)\.?:?[ \u00a0]*(?:nr\.?[ \u00a0]*)?[+\d]|(?<!\p{L})e-?mail:|[\w.-]@[\w-]+\.)/iu;
// Someone speaking for an authority or an office: "Mette Jensen fra Ankestyrelsen".
const REPRESENTATIVE_AFTER = /^[ \t]+fra[ \t]+(?:Ankestyrelsen|Borgerservice|\p{Lu}\p{L}*(?:styrelsen|kommune|forvaltningen|rådet|udvalget|afdelingen|centret|tilsynet|ministeriet|regionen|hospitalet|universitet|universitetet))(?!\p{L})/u;
// "X udtaler", "X siger, at …".
// "X udtaler", "X, Region Midtjylland, vurderer", "X fra Danske Patienter siger".
const SPEECH_AFTER = new RegExp(
  String.raw`^(?:[ \u00a0]*,[ \u00a0]*(?:\p{Lu}[\p{L}-]*[ \u00a0]*){1,4},)?(?:[ \u00a0]+fra(?:[ \u00a0]+\p{Lu}[\p{L}-]*){1,4})?(?:[ \u00a0]*,)?[ \u00a0]+(?:${SPEECH_VERBS.join('|')})(?!\p{L})`,
  'u',
);
// The author of a text: "Af Jens Hansen", "Skrevet af", "Forfatter: …", "by Jane Smith".
const AUTHOR_BEFORE = /^[ \t#*_>-]*["']?(?:af|skrevet af|forfatter(?:e)?|udarbejdet af|redaktør|redigeret af|vejleder|tekst|foto|by|author(?:s)?|written by)["']?[ \u00a0]*:?[ \u00a0]*["']?$/iu;

// A council member with a party letter, as minutes name them: "Jens Nielsen (C)".
const PARTY_LETTER_AFTER = /^[ \t]?\((?:[A-ZÆØÅ]{1,2}|Ø|UFG|løsgænger)\)/u;
// A member speaking in the minutes: "Jens Nielsen orienterede om", "… spurgte til".
const COUNCIL_VERB_AFTER =
  /^[ \u00a0]+(?:orienterede|spurgte|gjorde[ \u00a0]+opmærksom|foreslog|oplyste|bemærkede|tilkendegav|redegjorde|fremlagde|anbefalede|ønskede[ \u00a0]+at|motiverede|stillede|præsenterede|takkede|bød|indledte|afsluttede|konkluderede|tog[ \u00a0]+forbehold|stemte|erklærede|opfordrede|kommenterede|supplerede)(?!\p{L})/iu;
// The words that head a list of a meeting's attendees: "Til stede", "Afbud", "Fraværende". Not
// "Deltagere", which heads a citizens' panel or a course as often as a meeting's members.
const ATTENDANCE_HEADS = 'til stede|tilstede|mødedeltagere|fremmødte|afbud|fraværende|medlemmer|present|absent|apologies|attendees';
// A line that lists who attended: "Til stede: …", "Afbud: …", and on one line also "Deltagere: …".
const ATTENDANCE = new RegExp(String.raw`^[ \t#*_-]*(?:${ATTENDANCE_HEADS}|deltagere|fravær|deltog|deltog ikke|desuden deltog|referent|mødeleder|ordstyrer)[ \t*_]*:`, 'iu');

/** How far back or ahead on a line a role's words may stand. */
const REACH = 120;

function lineBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - REACH), at);
  return before.slice(before.lastIndexOf('\n') + 1);
}

function lineAfter(text: string, at: number): string {
  const after = text.slice(at, at + REACH);
  const newline = after.indexOf('\n');
  return newline === -1 ? after : after.slice(0, newline);
}

/**
 * The role of a reference by what stands beside it on the same line: a job title before or after,
 * a quote's verb, contact details, a party letter, an attendance list. Nothing across a line break
 * counts, nor across a table cell's edge (written " | "), so the same name reads the same in a
 * parsed block and in a file's readable view.
 */
function roleBeside(text: string, reference: PersonReference): PersonRole {
  if (reference.kind === 'cpr' || reference.kind === 'role' || reference.kind === 'possessive') return 'citizen';
  const before = lineBefore(text, reference.from);
  const cell = before.slice(before.lastIndexOf(' | ') + 1);
  const after = lineAfter(text, reference.to);
  const afterInCell = after.includes(' | ') ? after.slice(0, after.indexOf(' | ')) : after;
  if (reference.kind === 'title') {
    // "hr. Jensen" is a citizen unless an office follows: "fru Holm, overlæge".
    return titleAfter(afterInCell) ? 'staff' : 'citizen';
  }
  if (titleBefore(cell) || titleAfter(afterInCell) || titleInSiblingKey(afterInCell) || CONTACT_AFTER.test(afterInCell) || endsWithPhrase(cell, CONTACT_WORDS) || REPRESENTATIVE_AFTER.test(afterInCell)) return 'staff';
  if (ORGANISATION_AFTER.test(after)) return 'council';
  if (PARTY_LETTER_AFTER.test(after) || COUNCIL_VERB_AFTER.test(afterInCell) || ATTENDANCE.test(before)) return 'council';
  if (endsWithPhrase(cell, SPEECH_WORDS) || SPEECH_AFTER.test(afterInCell) || AUTHOR_BEFORE.test(before)) return 'speaker';
  return 'citizen';
}

// ---------------------------------------------------------------------------------------------
// The document's memory: a person shown once in a role keeps it wherever the document names them.

/** A name as the document's memory knows it: its words, lower case, the possessive dropped. */
function nameKey(text: string, reference: PersonReference): string | undefined {
  if (reference.kind !== 'name' && reference.kind !== 'surname first') return undefined;
  const written = text.slice(reference.from, reference.to);
  let words = written.split(/[\s,]+/u).filter(Boolean);
  if (reference.kind === 'surname first') words = [...words.slice(1), words[0]!];
  const last = words.length - 1;
  if (words[last]!.endsWith('s') && !inList(words[last]!, 'surname')) words[last] = words[last]!.slice(0, -1);
  return words.join(' ').toLowerCase();
}

// A block that heads a list of attendees: "Til stede", "Afbud:".
const ATTENDANCE_HEAD = new RegExp(String.raw`^[ \t#*_]*(?:${ATTENDANCE_HEADS})[ \t*_]*:?[ \t]*$`, 'iu');
const ANY_ATTENDANCE_HEAD = new RegExp(ATTENDANCE_HEADS, 'iu');
// The same head on a line of its own in raw text, its list on the lines after it.
const ATTENDANCE_HEAD_LINES = new RegExp(String.raw`(?:^|\n)[ \t#*_-]*(?:${ATTENDANCE_HEADS})[ \t*_]*:?[ \t]*(?=\n)`, 'giu');
/** Where a list in raw text ends: a blank line, or a line that heads a new item or section. */
const LIST_END = /\n(?:[ \t]*\n|[ \t]*#|[ \t]*(?:punkt|pkt\.?|sag)[ \t]+\d|[ \t]*\d{1,2}\.[ \t]+\p{Lu})/giu;
/** An attendance list's entries are short: a name, a party letter, a role. */
const LIST_ENTRY_LENGTH = 160;

/** A role the document gave a name, and the first segment it was given in. */
interface Remembered {
  role: PersonRole;
  segment: number;
}

const memories = new WeakMap<readonly Segment[], Map<string, Remembered>>();

/** The roles the document gives its named people, learned from every segment once. */
function documentRoles(document: readonly Segment[]): Map<string, Remembered> {
  const cached = memories.get(document);
  if (cached) return cached;
  const roles = new Map<string, Remembered>();
  let listedUnderHead = false;
  document.forEach((segment, index) => {
    const head = ATTENDANCE_HEAD.test(segment.text);
    for (const reference of localReferences(segment)) {
      const key = nameKey(segment.text, reference);
      if (!key) continue;
      const role = listedUnderHead && !segment.heading && segment.text.length <= LIST_ENTRY_LENGTH && reference.role === 'citizen' ? 'council' : reference.role;
      if (role !== 'citizen' && !roles.has(key)) roles.set(key, { role, segment: index });
    }
    // The short blocks after an attendance head are its list (Markdown list items, table rows).
    if (head) listedUnderHead = true;
    else if (segment.heading || segment.text.length > LIST_ENTRY_LENGTH) listedUnderHead = false;
  });
  memories.set(document, roles);
  return roles;
}

/**
 * The role a name keeps in segment `index`: an office (staff, council) wherever the document
 * names the person; a speaker's role only after the quote, so "Lis Mortensen fik konstateret
 * brystkræft" before "…, fortæller Lis Mortensen" is still a citizen's health data.
 */
function rememberedRole(remembered: Remembered | undefined, index: number): PersonRole | undefined {
  if (!remembered) return undefined;
  return remembered.role !== 'speaker' || index > remembered.segment ? remembered.role : undefined;
}

const cache = new WeakMap<Segment, PersonReference[]>();

/** The references of one segment with the roles its own text gives them. */
function localReferences(segment: Segment): PersonReference[] {
  const cached = cache.get(segment);
  if (cached) return cached;
  const { text } = segment;
  const words = tokens(text);
  const references = [...names(text, words), ...surnamesFirst(text, words), ...titlesAndRoles(text), ...possessives(text, words)]
    .filter((reference) => !insideAnotherName(text, reference))
    .map((reference) => withRelative(text, { ...reference, role: roleBeside(text, reference) }));
  references.sort((a, b) => a.from - b.from || b.to - a.to);
  // A reference inside another ("Jens Peter" inside "Hansen, Jens Peter") is the same person.
  let reach = -1;
  const outer = references.filter((reference) => {
    if (reference.to <= reach) return false;
    reach = reference.to;
    return true;
  });
  attendanceLines(text, outer);
  thesisAuthors(text, outer);
  staffByColumn(segment, outer);
  cache.set(segment, outer);
  return outer;
}

// A column that says what job a row's person holds (a staff list, a contact table), and the column of their names.
const NAME_HEADER = /^(?:navn|name|medarbejder|kontaktperson|kontakt|person)$/iu;
const JOB_HEADER = /^(?:stilling|stillingsbetegnelse|titel|jobtitel|funktion|rolle|job|title|position|role)$/iu;

/**
 * In a table row, a person is staff when the row has a job column ("Stilling", "Titel"), or when
 * the next cell starts with a title: "| Tobias Bech | Psykolog, angst og depression |".
 */
function staffByColumn(segment: Segment, references: PersonReference[]): void {
  const cells = segment.cells;
  if (!cells || references.length === 0) return;
  const jobColumn = cells.some((cell) => JOB_HEADER.test(cell.header.replace(/[.:]$/u, '')));
  // The person a job column speaks of is the one in the name column; a title in a cell speaks of
  // the person in the cell before it. Another person elsewhere in the row stays who they are.
  const staffCells = cells.filter((cell, index) => {
    if (jobColumn && NAME_HEADER.test(cell.header.replace(/[.:]$/u, ''))) return true;
    const next = cells[index + 1];
    return next !== undefined && isTitleWord(/^[\p{L}.-]+/u.exec(segment.text.slice(next.from, next.to))?.[0] ?? '');
  });
  // One sweep: cells and references are both in text order.
  let next = 0;
  for (const cell of staffCells) {
    while (next < references.length && references[next]!.from < cell.from) next++;
    for (let k = next; k < references.length && references[k]!.from < cell.to; k++) {
      const reference = references[k]!;
      if (reference.role === 'citizen' && reference.kind !== 'cpr' && reference.to <= cell.to) reference.role = 'staff';
    }
  }
}

// The title page of a thesis or report: its author's name stands on a line of its own.
const THESIS_LABELS = /(?<!\p{L})(?:vejleder|studieretning|studienummer|speciale|kandidatspeciale|afhandling|hovedopgave|bachelorprojekt|supervisor|thesis|dissertation)(?!\p{L})/iu;

/** On a thesis's or report's title page, a name on a line of its own is the author's. */
function thesisAuthors(text: string, references: PersonReference[]): void {
  if (references.length === 0 || !THESIS_LABELS.test(text.slice(0, 1000))) return;
  for (const reference of references) {
    if (reference.role !== 'citizen' || reference.kind !== 'name') continue;
    if (lineBefore(text, reference.from).trim() === '' && lineAfter(text, reference.to).trim() === '') reference.role = 'speaker';
  }
}

/**
 * In raw text (a plain-text file, a PDF page), the lines after an attendance head ("Til stede:")
 * list members until a blank line: their names are council members.
 */
function attendanceLines(text: string, references: PersonReference[]): void {
  if (references.length === 0 || !ANY_ATTENDANCE_HEAD.test(text)) return;
  const starts = [...text.matchAll(ATTENDANCE_HEAD_LINES)].map((head) => head.index + head[0].length);
  let index = 0;
  let blank = -1;
  starts.forEach((start, k) => {
    // A list runs to a blank line or the next head, so no reference is read twice; each blank
    // line is searched for once.
    if (blank < start) {
      // A blank line, or a line that heads something else ("# Punkt 4", "Punkt 4.", "4. Ansøgning").
      LIST_END.lastIndex = start;
      blank = LIST_END.exec(text)?.index ?? text.length;
    }
    const end = Math.min(blank, starts[k + 1] ?? text.length);
    while (index < references.length && references[index]!.from < start) index++;
    for (; index < references.length && references[index]!.from < end; index++) {
      const reference = references[index]!;
      if (reference.role === 'citizen' && lineAfter(text, reference.to).length + lineBefore(text, reference.from).length <= LIST_ENTRY_LENGTH) {
        reference.role = 'council';
      }
    }
  });
}

/** How far from a term a prefilter looks for a person: more than any sentence a scope holds. */
export const PERSON_REACH = 2000;

/**
 * The prefilter of the rules that need a citizen with their term: might the file's readable view
 * tie one of `positions` to a citizen, by a reference near it, by being a letter or record to or
 * about one, or by an alias bound to a name? Never stricter than the segments' tests.
 */
export function citizenMightBeNamed(view: string, positions: readonly number[], context: RuleContext): boolean {
  return personNear(view, positions, context) || mightBeLetterOrRecord(view, context) || mightBindAlias(view);
}

/**
 * True when a reference to a citizen stands within PERSON_REACH characters of one of `positions`
 * in `text`: the cheap test on a file's readable view for the rules that need a person beside a
 * term. Roles are judged by the same line in both, and the document's memory is not used here (it
 * only ever turns citizens into others), so the view is never stricter than the segments.
 */
export function personNear(text: string, positions: readonly number[], context: RuleContext): boolean {
  if (positions.length === 0) return false;
  if (text !== lastView) {
    lastView = text;
    lastBlocks = new Map();
  }
  for (const position of positions) {
    const first = Math.max(0, Math.floor((position - PERSON_REACH) / BLOCK));
    const last = Math.floor(Math.min(text.length - 1, position + PERSON_REACH) / BLOCK);
    for (let block = first; block <= last; block++) {
      const citizens = citizensInBlock(text, block, context);
      if (citizens.some((person) => person.from <= position + PERSON_REACH && person.to >= position - PERSON_REACH)) return true;
    }
  }
  return false;
}

// The two prose rules test the same view one after the other: its blocks' citizens are found once,
// and only the blocks near a term are read.
const BLOCK = 2048;
/** Context read around a block, so names and roles at its edges read as they do in the whole view. */
const BLOCK_MARGIN = 160;
let lastView: string | undefined;
let lastBlocks = new Map<number, PersonReference[]>();

/**
 * The citizens that start in block `block` of a file's readable view, by name, title, role or CPR
 * number, at offsets in the view. Pronouns and role nouns need a citizen named before them in the
 * same scope, and a numbered role ("Ansøger 3") one bound to a name, so the named ones are enough
 * for a prefilter (which tests aliases on its own).
 */
function citizensInBlock(view: string, block: number, context: RuleContext): PersonReference[] {
  const cached = lastBlocks.get(block);
  if (cached) return cached;
  const from = block * BLOCK;
  const to = Math.min(view.length, from + BLOCK);
  const start = Math.max(0, from - BLOCK_MARGIN);
  const window: Segment = { kind: 'text', text: view.slice(start, Math.min(view.length, to + BLOCK_MARGIN)), offset: 0 };
  const inBlock = (person: { from: number }): boolean => person.from + start >= from && person.from + start < to;
  const citizens = localReferences(window)
    .filter((person) => person.role === 'citizen' && inBlock(person))
    .map((person) => ({ ...person, from: person.from + start, to: person.to + start }));
  if (/\d{4}/u.test(window.text)) {
    for (const match of cprMatches(window, context)) {
      if (match.confidence === 'high' && inBlock(match)) citizens.push({ from: match.from + start, to: match.to + start, kind: 'cpr', role: 'citizen' });
    }
  }
  lastBlocks.set(block, citizens);
  return citizens;
}

/** A numbered role bound to a name somewhere in a file's view ("Ansøger 3: Anne Holm"), for a prefilter. */
export function mightBindAlias(view: string): boolean {
  return BOUND_ALIAS.test(view);
}

// Words that point back at a person named before: pronouns and role nouns ("Borgeren har desuden
// diabetes", "Hendes klage er videresendt"), and, in a letter to or from a citizen, "jeg" and "du".
const THIRD_PERSON = /(?<!\p{L})(?:han|hun|ham|hende|hans|hendes|deres|he|she|him|her|his)(?!\p{L})/giu;
const ROLE_NOUNS =
  /(?<!\p{L})(?:[Bb]orgeren|[Aa]nsøgeren|[Kk]lageren|[Pp]atienten|[Bb]eboeren|[Bb]rugeren|[Bb]arnet|[Ee]leven|[Pp]ensionisten|[Ææ]gtefællen|[Tt]he citizen|[Tt]he applicant|[Tt]he patient|[Tt]he complainant|(?<=^|\n|[.!?:]\s)(?:Ansøger|Klager|Borger|Patient|Beboer)(?=\s+(?:har|er|var|fik|får|bor|søger|ønsker|klager|modtager|lider)\s))(?!\p{L})/gu;
// A numbered role that the document names elsewhere: "Ansøger 3: Anne Holm" … "Ansøger 3 har sklerose".
// The role word in either case of its first letter; the alias after it a number or a capital letter
// ("Klager B"), never a lower-case word ("klager a…" is not an alias).
const ALIAS_WORDS = ['ansøger', 'klager', 'borger', 'sag', 'beboer', 'patient', 'barn', 'elev', 'applicant'];
const ALIAS_SOURCE = String.raw`(?<!\p{L})(${ALIAS_WORDS.map((word) => `[${word[0]}${word[0]!.toUpperCase()}]${word.slice(1)}`).join('|')})[ \u00a0]+(?:nr\.?[ \u00a0]*)?(\d{1,3}|[A-ZÆØÅ])(?![\p{L}\d])`;
const ALIAS = new RegExp(ALIAS_SOURCE, 'gu');
// What binds an alias to the name after it: a colon, a dash or a bracket.
const BINDING = String.raw`[ \t]*(?:[:–—-]|\()[ \t]*`;
const BINDING_AFTER = new RegExp(`^${BINDING}`, 'u');
// What a view holds where boundAliases can bind one: the alias, its binding, a capital letter.
const BOUND_ALIAS = new RegExp(`${ALIAS_SOURCE}${BINDING}\\p{Lu}`, 'u');

function aliasKey(match: RegExpMatchArray): string {
  return `${match[1]!.toLowerCase()} ${match[2]!}`;
}
const FIRST_AND_SECOND_PERSON =
  /(?<!\p{L})(?:[Jj]eg|[Mm]ig|[Mm]in|[Mm]it|[Mm]ine|[Dd]u|[Dd]ig|[Dd]in|[Dd]it|[Dd]ine|I|[Mm]y|[Mm]e|[Yy]ou|[Yy]our)(?!\p{L})/gu;
const NEW_REFERENT_AFTER = /^(?:[ \u00a0]+(?:i|fra|på|ved|med|uden|over|under)[ \u00a0]+\p{Lu}|,?[ \u00a0]+(?:der|som|who)[ \u00a0])/u;
/** How far back a pronoun reaches for the person it stands for, and a role noun for a citizen. */
const PRONOUN_REACH = 300;
const ROLE_NOUN_REACH = 800;

/** A word that points back at a person: what it is, and where. */
interface Pointer {
  from: number;
  to: number;
  kind: 'third person' | 'role noun' | 'first or second person' | 'alias';
}

function pointers(text: string, named: readonly PersonReference[], aliases: ReadonlySet<string>): Pointer[] {
  const found: Pointer[] = [];
  const add = (pattern: RegExp, kind: Pointer['kind']): void => {
    for (const match of text.matchAll(pattern)) found.push({ from: match.index, to: match.index + match[0].length, kind });
  };
  if (/[hH]|the|her|his/u.test(text)) add(THIRD_PERSON, 'third person');
  add(ROLE_NOUNS, 'role noun');
  add(FIRST_AND_SECOND_PERSON, 'first or second person');
  if (aliases.size > 0) {
    for (const match of text.matchAll(ALIAS)) {
      if (aliases.has(aliasKey(match))) found.push({ from: match.index, to: match.index + match[0].length, kind: 'alias' });
    }
  }
  found.sort((a, b) => a.from - b.from);
  // A word inside a reference is part of it: "borgeren Jensen", "Hans Jensen".
  let next = 0;
  return found.filter((pointer) => {
    while (next < named.length && named[next]!.to <= pointer.from) next++;
    const reference = named[next];
    return !(reference && pointer.from >= reference.from && pointer.to <= reference.to);
  });
}

/** The numbered roles a text binds to a citizen's name: "Ansøger 3: Anne Holm", "Klager 2 (Jens Hansen)". */
function boundAliases(text: string, references: readonly PersonReference[], into: Set<string>): void {
  if (references.length === 0 || !/\d|[A-ZÆØÅ]/u.test(text)) return;
  for (const match of text.matchAll(ALIAS)) {
    const rest = BINDING_AFTER.exec(text.slice(match.index + match[0].length, match.index + match[0].length + 8));
    if (!rest) continue;
    const at = match.index + match[0].length + rest[0].length;
    if (references.some((reference) => reference.from === at && reference.role === 'citizen')) into.add(aliasKey(match));
  }
}

/** The document's head names a citizen it is written to or by: a letter, a form, a case record. */
type DocumentShape = 'letter' | 'record' | undefined;

interface DocumentModel {
  /** The records (JSON objects) whose values name a citizen. */
  recordsNamingCitizens: Set<number>;
  shape: DocumentShape;
  /** The segment that names the letter's or record's citizen: what follows is to, from or about them. */
  namedFrom: Segment | undefined;
  /** Where in that segment the naming line starts. */
  namedAt: number;
  references: Map<Segment, PersonReference[]>;
}

const models = new WeakMap<readonly Segment[], DocumentModel>();

/** The references of a segment with the document's memory applied, and its high-confidence CPR numbers. */
function namedReferences(segment: Segment, context: RuleContext, memory?: { roles: Map<string, Remembered>; index: number }): PersonReference[] {
  const references = localReferences(segment).map((reference) => {
    if (reference.role !== 'citizen' || !memory) return reference;
    const key = nameKey(segment.text, reference);
    const remembered = key === undefined ? undefined : rememberedRole(memory.roles.get(key), memory.index);
    return remembered ? { ...reference, role: remembered } : reference;
  });
  // A number only a warning's worth of sure (an invoice number shaped like one) names nobody.
  const numbers = cprMatches(segment, context).filter((match) => match.confidence === 'high');
  for (const match of numbers) references.push({ from: match.from, to: match.to, kind: 'cpr', role: 'citizen' });
  if (numbers.length > 0) references.sort((a, b) => a.from - b.from || b.to - a.to);
  return references;
}

/**
 * Resolves the pointers of one segment, in text order, against the people named before them:
 * `state` carries the last person and the last citizen across the segments of a document.
 */
/** What pointers are resolved against: the people named before, across a document's segments. */
interface PointerState {
  /** Where the segment being read starts, counted across the document. */
  base: number;
  last?: { at: number; role: PersonRole };
  lastCitizen?: number;
}

/** The state after a reference is read. */
function remember(state: PointerState, reference: PersonReference): void {
  state.last = { at: state.base + reference.to, role: reference.role };
  if (reference.role === 'citizen') state.lastCitizen = state.base + reference.to;
}

/** Whether a title noun stands in text[from, to): an unnamed official a pronoun may stand for. */
function titleBetween(text: string, from: number, to: number): boolean {
  for (const word of text.slice(Math.max(0, from), to).matchAll(/\p{L}+(?:-\p{L}+)*/gu)) if (isTitleWord(word[0])) return true;
  return false;
}

/**
 * Resolves the pointers of one segment, in text order, against the people named before them:
 * `state` carries the last person and the last citizen across the segments of a document. A
 * heading starts afresh: what the document said before it may be about another matter.
 */
function resolvePointers(segment: Segment, named: PersonReference[], state: PointerState, shape: DocumentShape, aliases: ReadonlySet<string>): PersonReference[] {
  if (segment.heading) {
    state.last = undefined;
    state.lastCitizen = undefined;
  }
  const found = pointers(segment.text, named, aliases);
  const result: PersonReference[] = [];
  let k = 0;
  for (const pointer of found) {
    for (; k < named.length && named[k]!.from < pointer.from; k++) {
      result.push(named[k]!);
      remember(state, named[k]!);
    }
    const at = state.base + pointer.from;
    const last = state.last;
    // Where the last person stands in this segment (before it: its start).
    const lastHere = last === undefined ? 0 : Math.max(0, last.at - state.base);
    let points = false;
    if (pointer.kind === 'alias') points = true;
    else if (pointer.kind === 'first or second person') {
      // In a letter or a record, "jeg" and "du" are its citizen; elsewhere "Bent Rasmussen: Jeg
      // klager …" quotes the citizen named just before the colon.
      const between = last && last.at >= state.base ? segment.text.slice(last.at - state.base, pointer.from) : '';
      points = shape !== undefined || (last !== undefined && last.role === 'citizen' && between.includes(':') && between.length <= PRONOUN_REACH);
    } else if (pointer.kind === 'third person') {
      // "…, og hun …" stands for the citizen named last, unless an official without a name stands
      // between them ("Kommunens demenskoordinator fortæller, at hun …").
      points = last !== undefined && last.role === 'citizen' && at - last.at <= PRONOUN_REACH && !titleBetween(segment.text, lastHere, pointer.from);
    } else {
      // "borgeren i Strandparken", "borgeren, der bor i …": a qualifier introduces someone new.
      points = state.lastCitizen !== undefined && at - state.lastCitizen <= ROLE_NOUN_REACH && !NEW_REFERENT_AFTER.test(segment.text.slice(pointer.to, pointer.to + 12));
    }
    if (!points) continue;
    const reference: PersonReference = { from: pointer.from, to: pointer.to, kind: 'pointer', role: 'citizen' };
    result.push(reference);
    remember(state, reference);
  }
  for (; k < named.length; k++) {
    result.push(named[k]!);
    remember(state, named[k]!);
  }
  return result;
}

/** Every segment's references, with memory and pointers, in one pass over the document. */
function documentModel(document: readonly Segment[], context: RuleContext): DocumentModel {
  const cached = models.get(document);
  if (cached) return cached;
  const roles = documentRoles(document);
  const { shape, namedFrom, namedAt } = documentShape(document, context);
  const named = document.map((segment, index) => namedReferences(segment, context, { roles, index }));
  const aliases = new Set<string>();
  document.forEach((segment, index) => boundAliases(segment.text, named[index]!, aliases));
  const references = new Map<Segment, PersonReference[]>();
  const state: { base: number; last?: { at: number; role: PersonRole }; lastCitizen?: number } = { base: 0 };
  document.forEach((segment, index) => {
    // "jeg" and "du" are the letter's or record's citizen from the line that names them on.
    const personal = namedFrom !== undefined && index >= namedFrom ? shape : undefined;
    references.set(segment, resolvePointers(segment, named[index]!, state, personal, aliases));
    // A break between segments: a paragraph, a cell, an attribute.
    state.base += segment.text.length + 1;
  });
  const recordsNamingCitizens = new Set<number>();
  document.forEach((segment, index) => {
    if (segment.record !== undefined && named[index]!.some((reference) => reference.role === 'citizen')) recordsNamingCitizens.add(segment.record);
  });
  const model = { shape, namedFrom: namedFrom === undefined ? undefined : document[namedFrom], namedAt: namedAt ?? 0, recordsNamingCitizens, references };
  models.set(document, model);
  return model;
}

const standalone = new WeakMap<Segment, PersonReference[]>();

/**
 * Every reference to a person in a segment, sorted, each with its role: the role its own line
 * gives it, or the one the document gave the same name elsewhere (`context.document`); and the
 * pronouns and role nouns that point back at a citizen named before them.
 */
export function personReferences(segment: Segment, context: RuleContext): PersonReference[] {
  if (context.document) {
    const found = documentModel(context.document, context).references.get(segment);
    if (found) return found;
  }
  const cached = standalone.get(segment);
  if (cached) return cached;
  const named = namedReferences(segment, context);
  const aliases = new Set<string>();
  boundAliases(segment.text, named, aliases);
  const references = resolvePointers(segment, named, { base: 0 }, undefined, aliases);
  standalone.set(segment, references);
  return references;
}

// A head's line that names the person a letter is to or from: a line that is only a name ("Karina
// Nielsen" above an address), a salutation ("Kære Karina Nielsen"), a sender ("Fra: Jens Hansen").
const SENDER_LABEL = /^[ \t*_>-]*(?:fra|afsender|from|sender|underskrevet)[ \t*_]*:[ \t]*/iu;
const SALUTATION = /^[ \t*_]*(?:kære|dear)[ \t]+/iu;
// A record's or form's field that names the person it is about: "Navn: Erik Sørensen", "Borger: …".
const NAME_FIELD = /^[ \t*_>-]*(?:navn|name|borger|ansøger|klager|patient|beboer)(?:[ \t*_]*:[ \t]*| {2,}|\t[ \t]*)/iu;
// The other fields of a record about a person, each on a line of its own: "CPR-nr.:", "Adresse:".
const PERSONAL_FIELD = /^[ \t*_>-]*(cpr|personnummer|fødselsdato|født|adresse|address|telefon|tlf|mobil|e-?mail|date of birth|phone)(?:[^:\n]{0,20}:|[^\s:]{0,10}(?: {2,}|\t))/iu;
/** How far into a document its head reaches, and a record's fields. */
const HEAD_LENGTH = 600;
const RECORD_LENGTH = 2000;
/** A record has its name field and at least this many other personal fields. */
const RECORD_FIELDS = 2;

type NamingLine = 'field' | 'sender' | 'greeted' | 'alone';
const MIGHT_NAME = /\p{Lu}[\p{L}'’-]*,?[ \u00a0]+\p{Lu}|(?:[Hh]r|[Ff]ru|[Ff]rk|Mr|Mrs|Ms|Miss)\.?[ \u00a0]/u;

/** Whether a line names a citizen, and how: in a field, as a sender, greeted, or the line is only the name. */
function namesCitizen(line: string, context: RuleContext): NamingLine | undefined {
  const field = NAME_FIELD.exec(line);
  const sender = SENDER_LABEL.exec(line);
  const greeting = SALUTATION.exec(line);
  const label = field ?? sender ?? greeting;
  const entry = (label ? line.slice(label[0].length) : line).trim().replace(/[,.]$/u, '');
  // A name is two capitalised words, or a title and one: anything else names nobody.
  if (entry.length === 0 || entry.length > 60 || !MIGHT_NAME.test(entry)) return undefined;
  const people = namedReferences({ kind: 'text', text: entry, offset: 0 }, context);
  const citizen = people.find((person) => person.role === 'citizen' && person.kind !== 'cpr');
  if (!citizen) return undefined;
  if (field) return 'field';
  if (sender) return 'sender';
  if (greeting) return 'greeted';
  // The line names the person and nothing else (an address follows on the next line).
  return citizen.from === 0 && citizen.to >= entry.length - 1 ? 'alone' : undefined;
}

/** The lines of a document's first `length` characters, across its segments, with the segment each is in. */
function headLines(texts: readonly string[], length: number): { line: string; segment: number; offset: number }[] {
  const lines: { line: string; segment: number; offset: number }[] = [];
  let seen = 0;
  for (let segment = 0; segment < texts.length && seen < length; segment++) {
    const text = texts[segment]!;
    let offset = 0;
    for (const line of text.slice(0, length - seen).split('\n')) {
      if (line.trim()) lines.push({ line, segment, offset });
      offset += line.length + 1;
    }
    seen += text.length;
  }
  return lines;
}

/** A label alone on its line, its value on the next: "Navn:" then "Erik Sørensen" (a form's dt and dd). */
const BARE_NAME_LABEL = /^[ \t*_>-]*(?:navn|name|borger|ansøger|klager|patient|beboer|fra|afsender)[ \t*_]*:[ \t*_]*$/iu;

/** How the line at `at` names a citizen, with a bare label's value read from the next line. */
function naming(lines: readonly { line: string }[], at: number, context: RuleContext): NamingLine | undefined {
  const { line } = lines[at]!;
  if (BARE_NAME_LABEL.test(line)) {
    const next = lines[at + 1];
    if (next === undefined || namesCitizen(next.line, context) === undefined) return undefined;
    return /fra|afsender/iu.test(line) ? 'sender' : 'field';
  }
  const how = namesCitizen(line, context);
  // "Jens Hansen" above "Socialrådgiver": a staff member's signature, not a citizen's letter head.
  if (how === 'alone' && isTitleWord(/^[\s*_>-]*([\p{L}.-]+)/u.exec(lines[at + 1]?.line ?? '')?.[1] ?? '')) return undefined;
  return how;
}

/**
 * What a document is, by its head: a `record` about a citizen (a name field and at least two
 * other personal fields, each on a line of its own: a form, a receipt, a case record), a
 * `letter` to or from one (a line that is only a citizen's name, a salutation, a sender), or
 * neither. In a letter, "jeg" and "du" are that citizen; in a record, every health fact after the
 * name is theirs too. Minutes that list "Ansøger: Jens Hansen, CPR-nr. …" are neither.
 */
function documentShape(document: readonly Segment[], context: RuleContext): { shape: DocumentShape; namedFrom?: number; namedAt?: number } {
  const texts = document.map((segment) => segment.text);
  const bare = { today: context.today };
  const record = headLines(texts, RECORD_LENGTH);
  const fields = new Set(record.map(({ line }) => PERSONAL_FIELD.exec(line)?.[1]?.toLowerCase()).filter(Boolean));
  if (fields.size >= RECORD_FIELDS) {
    const at = record.findIndex((_, index) => naming(record, index, bare) === 'field');
    if (at !== -1) return { shape: 'record', namedFrom: record[at]!.segment, namedAt: record[at]!.offset };
  }
  const head = headLines(texts, HEAD_LENGTH);
  const at = head.findIndex((_, index) => {
    const how = naming(head, index, bare);
    return how !== undefined && how !== 'field';
  });
  return at === -1 ? { shape: undefined } : { shape: 'letter', namedFrom: head[at]!.segment };
}

/** Whether another value of the segment's record (a JSON object) names a citizen. */
export function recordNamesCitizen(segment: Segment, context: RuleContext): boolean {
  return segment.record !== undefined && context.document !== undefined && documentModel(context.document, context).recordsNamingCitizens.has(segment.record);
}

/** Whether text at `at` in a segment stands in a record about a citizen, at or after the field that names them. */
export function inRecord(segment: Segment, context: RuleContext, at = 0): boolean {
  if (!context.document) return false;
  const model = documentModel(context.document, context);
  if (model.shape !== 'record' || !model.namedFrom) return false;
  const index = segmentIndexes(context.document);
  const here = index.get(segment) ?? -1;
  const named = index.get(model.namedFrom) ?? Infinity;
  return here > named || (here === named && at >= model.namedAt);
}

const indexes = new WeakMap<readonly Segment[], Map<Segment, number>>();

/** Where each segment of a document stands in it, made once per document. */
export function segmentIndexes(document: readonly Segment[]): Map<Segment, number> {
  let index = indexes.get(document);
  if (!index) {
    index = new Map(document.map((segment, at) => [segment, at]));
    indexes.set(document, index);
  }
  return index;
}

/**
 * The same test on a file's readable view, for a prefilter: might the file be a letter or a record,
 * whose "jeg", "du" and unnamed health facts are a citizen's?
 */
export function mightBeLetterOrRecord(view: string, context: RuleContext): boolean {
  if (view === lastShapeView) return lastShape;
  const lines = headLines([view], RECORD_LENGTH);
  lastShapeView = view;
  lastShape = lines.some((_, index) => naming(lines, index, { today: context.today }) !== undefined);
  return lastShape;
}

// The two prose rules ask the same of one view one after the other.
let lastShapeView: string | undefined;
let lastShape = false;
