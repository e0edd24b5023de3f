/* eslint-disable cprlint/no-named-complaint -- the comments show made-up complaints in the forms the rule reads */
import { optionsObject, type Rule, type RuleContext, type RuleMatch } from '../src/core/rule.js';
import type { Segment, TableCell } from '../src/core/segment.js';
import { citizenMightBeNamed, isNameInsideSentence, loadNameLists, personReferences, segmentIndexes, type PersonReference } from './person-reference.js';
import { scopes, withinScopes } from './scopes.js';

// Complaints, appeals and grievances, in the words people use: nouns, verbs and paraphrases
// ("er utilfreds med", "har beklaget sig over", "henvendelse fra borger X"). Compounds such as
// "klagekoordinator", "klagevejledning" and the authority "Ankestyrelsen" are other words.
const COMPLAINT =
  /(?<!\p{L})(?:klage(?:n|r|rne|rs|s|ren|rens)?|klagesag(?:en|er|erne)?|klageskrivelse(?:n)?|klaget|klagede|påklage(?:r|t|de)?|anke(?:n|r|t|de|s)?|ankesag(?:en)?|anket|utilfreds(?:e|hed|heden)?|beklage(?:r|t|de)?[ \u00a0]+sig|henvendelse(?:n)?|complaint(?:s)?|complain(?:s|ed|ing)?|complainant|appeal(?:s|ed)?|grievance(?:s)?|dissatisfied)(?!\p{L})/giu;
const HAS_COMPLAINT = new RegExp(COMPLAINT.source, 'iu');
// Words that say someone complained: the complainant stands before them, in the same clause.
const VERB =
  /^(?:klager|klaget|klagede|påklager|påklaget|påklagede|anker|anket|ankede|utilfreds|utilfredse|beklage[rtd]?e?\s+sig|complains|complained|complaining|appeals|appealed|dissatisfied)$/iu;
const ROLE = /^(?:klager|klageren|complainant)$/i;
// Nouns that name a complaint only with its sender: "henvendelse fra borger X".
const NEEDS_SENDER = /^henvendelse(?:n)?$/i;
const SENDER_AFTER = /^\s+fra\s+$/iu;

// What may stand between a complaint word and the complainant named after it.
const NAMED_AFTER = [
  // "Klage fra Jens Hansen", "klagen fra borgeren Jensen", "complaint from Mr Smith",
  // "Klage over hjemmeplejens vurdering fra Jens Hansen", "henvendelse fra borger Jensen"
  /^\s+(?:\p{L}+\s+){0,4}(?:fra|from|by)\s+$/iu,
  // "Afgørelse i klagesag vedrørende Jens Hansen"
  /^\s+(?:vedrørende|vedr\.|angående|ang\.|om|regarding|concerning)\s+$/i,
  // "Klager: Jens Hansen", "Klage – Jens Hansen", a key and its value (`klager": "Jens Hansen`)
  /^["']?\s*[:=–—-]\s*["']?\s*$/,
  // "Anke af afgørelse – Jens Hansen", "Klage over afslag på hjælp – Jens Hansen"
  /^\s+(?:\p{L}+\s+){1,5}[–—-]\s+$/u,
];
// What may stand between the complainant named first and a complaint noun.
const FILED_BEFORE =
  /^\s+(?:(?:har|have|has|had|også|igen|nu|selv|formelt|skriftligt|i dag|indgivet|indgav|sendt|sendte|udtrykt|udtrykker|udtrykte|fremsat|fremsætter|rejst|rejser|filed|lodged|submitted|made|expressed|stor|stærk|dyb|en|et|a|an)\s+)*$/i;
const FILED = /indgivet|indgav|sendt|sendte|udtrykt|udtrykker|udtrykte|fremsat|fremsætter|rejst|rejser|filed|lodged|submitted|made|expressed/i;
// A clause break: the complainant named before a verb must stand in the verb's clause.
const CLAUSE_BREAK = /[!?;|]|[.:](?=\s+\p{Lu})|,\s*(?:hvor|men|mens|som|der|da|fordi|selvom|hvis|når|where|but|while|who|which|because)(?!\p{L})/u;
const VERB_REACH = 90;
const AMBIGUOUS_VERB = /^(?:klager|anker)$/iu;
const COLUMNS_BETWEEN = /^(?: {2,}|\t)[^\n]{0,60}(?: {2,}|\t)$/u;
const ADVERBS_ONLY = /^[)\s]*(?:(?:også|igen|nu|selv|fortsat|stadig|formelt|skriftligt|telefonisk|hermed|derfor|atter|løbende|gentagne gange)\s+)*$/iu;
const RELATIVE_CLAUSE = /^[*_]*,[ \u00a0]+(?:der|som|who)[ \u00a0][^,;.!?]{1,160},/u;
// "Jeg vil gerne klage over …", "I am writing to complain about …": the infinitive after a modal is a verb.
const INFINITIVE = /^(?:klage|påklage|anke|complain|appeal)$/iu;
const MODAL_BEFORE = /(?:^|\s)(?:vil|ville|skal|må|ønsker at|vil gerne|ville gerne|hermed|want to|wish to|would like to|writing to|am writing to)\s+$/iu;
const HYPOTHETICAL = /(?<!\p{L})(?:hvis|kan|skal|såfremt|if|can|may|should|must|send|sende)(?!\p{L})/iu;
const SECOND_PERSON = /^(?:du|dig|din|dit|dine|you|your)$/iu;
// "hendes klage", "din klage", "their complaint": whose it is, said by a pronoun that points back at a citizen.
const POSSESSIVE_PRONOUN = /^(?:hans|hendes|deres|din|dit|dine|min|mit|mine|his|her|their|your|my)$/iu;

interface Term {
  from: number;
  to: number;
  word: string;
}

function namesComplainant(text: string, term: Term, person: PersonReference): boolean {
  // "Klager Jens Hansen", "klageren Jensen": the role word and the name are one reference.
  if (person.kind === 'role' && person.from === term.from) return ROLE.test(term.word);
  if (person.from >= term.to) {
    const gap = text.slice(term.to, person.from);
    // "Henvendelse fra borger Jensen": an enquiry is a complaint only by its sender.
    if (NEEDS_SENDER.test(term.word)) return SENDER_AFTER.test(gap);
    // "Klager Jens Hansen", "Klageren, Jens Hansen,", "Klager (Anne Thomsen, …)"
    if (ROLE.test(term.word) && /^\s*[,(]?\s*$/.test(gap)) return true;
    return NAMED_AFTER.some((pattern) => pattern.test(gap));
  }
  if (person.to > term.from || NEEDS_SENDER.test(term.word)) return false;
  const gap = text.slice(person.to, term.from);
  // "Jens Hansen har i brev af 12. maj påklaget …", "Borgeren (hr. Madsen) er utilfreds med …"
  // "klager" and "anker" are nouns too: "Jens Hansen behandler klager", "modtog 312 klager". As
  // verbs they follow their subject at once, or after an adverb.
  // A relative clause about the complainant may stand between: "Frede Kristiansen, der selv boede
  // på Bøgely efter en hjerneblødning, klager over …".
  const main = gap.replace(RELATIVE_CLAUSE, ' ');
  // In a row laid out in columns ("6  Frederiksen Poul  81 år  klager over …") the row's person acts.
  if (AMBIGUOUS_VERB.test(term.word) && !ADVERBS_ONLY.test(main) && !COLUMNS_BETWEEN.test(gap)) return false;
  if (VERB.test(term.word.replace(/\s+/gu, ' ')) || (INFINITIVE.test(term.word) && MODAL_BEFORE.test(gap))) {
    return main.length <= VERB_REACH && !CLAUSE_BREAK.test(main.replace(/^\)/u, ''));
  }
  if (!FILED_BEFORE.test(gap)) return false;
  // "Jens Hansens klage", "hendes klage": the possessive names whose complaint it is.
  const written = text.slice(person.from, person.to);
  const possessive = /^\s+$/.test(gap) && (person.kind === 'pointer' ? POSSESSIVE_PRONOUN.test(written) : /s$/.test(written));
  return FILED.test(gap) || possessive;
}

/** Column headers that name whose row it is, and headers that make a table one about complaints. */
const COMPLAINANT_HEADER = /^(?:klager(?:en|s navn)?|ansøger(?:en|s navn)?|ansoeger(?:en)?|borger(?:en|ens navn)?|navn|name|complainant|appellant|applicant)$/iu;
// The same header as a cell of its own in a file's readable view: on a line of its own (an HTML
// cell), or between a table's or a CSV file's separators.
const COMPLAINANT_HEADER_CELL =
  /(?:^|[\n|;,\t])[ \t*_]*(?:klager(?:en|s navn)?|ansøger(?:en|s navn)?|ansoeger(?:en)?|borger(?:en|ens navn)?|navn|name|complainant|appellant|applicant)[ \t*_.:]*(?=$|[\n|;,\t])/gimu;
/**
 * How far from a name column's header its table's other headers, caption or heading may stand in a
 * view: a title (at most TITLE_LENGTH) and the header cells before the name's (up to as much again:
 * a name column more than 300 characters into a header row is past the prefilter's reach).
 */
const HEADER_REACH = 600;

/** A name column's header with a complaint word among the table's headers or its title nearby. */
function mightHoldComplaintsTable(view: string): boolean {
  if (!COMPLAINT_HEADER.test(view)) return false;
  // Both kinds of place in text order, swept once.
  const words = [...view.matchAll(COMPLAINT_HEADER_ALL)].map((match) => match.index);
  let next = 0;
  for (const cell of view.matchAll(COMPLAINANT_HEADER_CELL)) {
    while (next < words.length && words[next]! < cell.index - HEADER_REACH) next++;
    if (next < words.length && words[next]! <= cell.index + HEADER_REACH) return true;
  }
  return false;
}
// A key that labels its value with the same words, in front matter, YAML or JSON: `ansøger: Lone Gregersen`.
const COMPLAINANT_KEY = /(?:^|[\s{,"'])(?:klager(?:en)?|ansøger(?:en)?|ansoeger(?:en)?|borger(?:en)?|navn|name|complainant|appellant|applicant)["']?[ \t]*[:=][ \t]*["']?[ \t]*$/iu;
const COMPLAINT_HEADER = /(?<!\p{L})(?:klage|anke(?!styrelse)|påklag|complain|appeal|grievance|utilfreds)|klagede|klaget|klager/iu;
const COMPLAINT_HEADER_ALL = new RegExp(COMPLAINT_HEADER.source, 'giu');
// A cell that is a name the name lists may not know: "Okafor, Grace", "Grace Okafor".
const NAME_CELL = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:,?\s\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,3}$/u;

/** How far before a table its caption or heading may stand (the nearest text), in segments and characters. */
/** A table's title (caption, heading, the sentence before it) is short; a longer paragraph is no title. */
const TITLE_LENGTH = 300;
// Whether each table's title speaks of complaints, kept on its first row: rows ask it once each.
const tableTitles = new WeakMap<readonly Segment[], Map<number, boolean>>();

/**
 * Whether a table row's table is about complaints: a header cell says so, or the caption, heading
 * or sentence right before the table does ("Klager over afgørelser", "Borgere, der har klaget").
 */
function aboutComplaints(segment: Segment, context: RuleContext): boolean {
  if (segment.cells!.some((cell) => COMPLAINT_HEADER.test(cell.header))) return true;
  const document = context.document;
  if (!document) return false;
  let at = segmentIndexes(document).get(segment);
  if (at === undefined) return false;
  let titles = tableTitles.get(document);
  if (!titles) tableTitles.set(document, (titles = new Map()));
  // Back over the table's own rows (and white space between elements) to its first row, whose
  // answer the other rows share.
  const rows: number[] = [];
  while (at > 0 && (document[at - 1]!.cells || !/\S/u.test(document[at - 1]!.text)) && !titles.has(at)) rows.push(at--);
  let about = titles.get(at);
  if (about === undefined) {
    // The table's title is the nearest text before it, when it is short enough to be one.
    let k = at - 1;
    while (k >= 0 && !/\S/u.test(document[k]!.text)) k--;
    const title = k >= 0 && !document[k]!.cells ? document[k]!.text : '';
    about = title.length <= TITLE_LENGTH && COMPLAINT_HEADER.test(title);
  }
  titles.set(at, about);
  for (const row of rows) titles.set(row, about);
  return about;
}

/** In a table about complaints, the cell under "Klager", "Ansøger", "Borger" or "Navn" that names someone. */
function complainantCell(segment: Segment, context: RuleContext, everyone: readonly PersonReference[]): TableCell | undefined {
  const people = everyone.filter((person) => person.role === 'citizen');
  const cells = segment.cells;
  if (!cells || !cells.some((cell) => COMPLAINANT_HEADER.test(cell.header.trim().replace(/[.:]$/u, ''))) || !aboutComplaints(segment, context)) return undefined;
  return cells.find((cell) => {
    if (!COMPLAINANT_HEADER.test(cell.header.trim().replace(/[.:]$/u, ''))) return false;
    const inCell = (person: PersonReference): boolean => person.from >= cell.from && person.to <= cell.to;
    // A row of staff (a job column, a title in the next cell) names no complainant.
    if (everyone.some((person) => inCell(person) && person.role !== 'citizen')) return false;
    if (people.some(inCell)) return true;
    return NAME_CELL.test(segment.text.slice(cell.from, cell.to).trim());
  });
}

// The records (JSON objects) of a document whose values hold a complaint word.
const complaintRecords = new WeakMap<readonly Segment[], Set<number>>();

/** Whether the segment is a value of a JSON record another of whose values speaks of a complaint. */
function recordAboutAComplaint(segment: Segment, context: RuleContext): boolean {
  if (segment.record === undefined || !context.document) return false;
  let records = complaintRecords.get(context.document);
  if (!records) {
    records = new Set(context.document.filter((each) => each.record !== undefined && HAS_COMPLAINT.test(each.text)).map((each) => each.record!));
    complaintRecords.set(context.document, records);
  }
  return records.has(segment.record);
}

/** Every complaint word in a text, with its start and end. */
function complaintTerms(text: string): Term[] {
  return [...text.matchAll(COMPLAINT)].map((match) => ({ from: match.index, to: match.index + match[0].length, word: match[0] }));
}

export const noNamedComplaint: Rule = {
  id: 'no-named-complaint',
  description: 'Complaints, appeals and grievances that name the complainant',
  create(options) {
    optionsObject('no-named-complaint', options, []);
    return {
      // A table's "Klager" column and a letter's head may stand far from the rows and sentences
      // they label: a complaint word in a header, or a letter that names its sender, keeps the file.
      mightMatch: (view, context) => {
        // "Henvendelse" is a complaint only with its sender ("fra …"): most pages say where to send one.
        const positions = complaintTerms(view)
          .filter((term) => !NEEDS_SENDER.test(term.word) || /^[ \u00a0]+fra[ \u00a0]/u.test(view.slice(term.to, term.to + 6)))
          .map((term) => term.from);
        // A complaints table: a name column's header stands as a cell of its own, and the table
        // or its title speaks of complaints. Its rows may stand far from any complaint word.
        if (positions.length === 0) return mightHoldComplaintsTable(view);
        return citizenMightBeNamed(view, positions, context) || mightHoldComplaintsTable(view);
      },
      check: (segment, context) => complaintMatches(segment, context),
      prepare: loadNameLists,
    };
  },
};

function finding(term: Term, named: boolean, context: string): RuleMatch {
  return {
    fingerprintContext: context,
    from: term.from,
    to: term.to,
    confidence: named ? 'high' : 'medium',
    reasons: named ? [`complaint term (${term.word.toLowerCase()})`, 'the complainant is named'] : [`complaint term (${term.word.toLowerCase()})`, 'a person named nearby'],
    value: term.word,
    redacted: term.word,
    message: named
      ? 'Complaint that names the complainant: anonymise them (for example "klager A") or remove the name'
      : 'Complaint and a named person in the same sentence: check that the complainant is not identifiable',
  };
}

/** The person a key or label names as the complainant (`klager: Jens Hansen`), if one does. */
function labelledComplainant(people: readonly PersonReference[], text: string): PersonReference | undefined {
  return people.find((person) => person.kind !== 'pointer' && COMPLAINANT_KEY.test(text.slice(Math.max(0, person.from - 24), person.from)));
}

/** One finding per scope in which a complaint names a citizen: error when the name is the complainant's. */
function complaintMatches(segment: Segment, context: RuleContext): RuleMatch[] {
  const { text } = segment;
  const aboutAComplaint = recordAboutAComplaint(segment, context);
  // Most segments hold no complaint word, are no table row and no value of a complaint's record:
  // nobody need be looked for.
  const hasComplaint = HAS_COMPLAINT.test(text);
  if (!segment.cells && !aboutAComplaint && !hasComplaint) return [];
  const everyone = personReferences(segment, context);
  const people = everyone.filter((person) => person.role === 'citizen');
  const cell = complainantCell(segment, context, everyone);
  // A row of a complaints table: the name under "Klager" is the finding, whatever the row's words.
  if (cell) return [{ ...finding({ from: cell.from, to: cell.to, word: cell.header.trim() }, true, text), reasons: ['a complaints table names the complainant'] }];
  // A JSON record about a complaint whose key names the person: {"borger": {"navn": "Jens Hansen"}, "emne": "Klage …"}.
  if (aboutAComplaint && !hasComplaint) {
    const labelled = labelledComplainant(people, text);
    return labelled ? [{ ...finding({ from: labelled.from, to: labelled.to, word: 'klage' }, true, text), reasons: ['the complainant is named'] }] : [];
  }
  // A word inside a name is part of the name: the middle name "Anker" is no appeal.
  const names = everyone.filter((person) => person.kind === 'name' || person.kind === 'surname first');
  let nextName = 0;
  const terms = complaintTerms(text).filter((term) => {
    while (nextName < names.length && names[nextName]!.to <= term.from) nextName++;
    const name = names[nextName];
    if (name && term.from >= name.from && term.to <= name.to) return false;
    // "… Jørgen Anker …": a capitalised name-word inside a sentence is a name.
    return !isNameInsideSentence(text, term.from, term.to);
  });
  if (terms.length === 0) return [];
  if (people.length === 0) return [];
  const matches: RuleMatch[] = [];
  const all = scopes(text, segment.block === true);
  const peopleIn = withinScopes(all, people);
  const termsIn = withinScopes(all, terms);
  for (const [index, scope] of all.entries()) {
    const here = peopleIn[index]!;
    const words = termsIn[index]!;
    if (words.length === 0) continue;
    // Guidance to the reader ("Hvis du vil klage …", "you can appeal", "Send your appeal to us") is
    // no complaint of theirs: a complainant who is only "du" or "you" counts in a statement of fact.
    const hypothetical = HYPOTHETICAL.test(text.slice(scope.from, scope.to));
    const counts = (person: PersonReference): boolean => !(hypothetical && person.kind === 'pointer' && SECOND_PERSON.test(text.slice(person.from, person.to)));
    const complainant = words.find((term) => {
      // The nearest citizen before the word, and any after it.
      const before = here.filter((person) => person.to <= term.from || person.from === term.from).at(-1);
      if (before && counts(before) && namesComplainant(text, term, before)) return true;
      return here.some((person) => person.from >= term.to && counts(person) && namesComplainant(text, term, person));
    });
    if (complainant) {
      matches.push(finding(complainant, true, text.slice(scope.from, scope.to)));
      continue;
    }
    // A record (front matter, YAML, JSON) about a complaint whose key names the complainant:
    // `ansøger: Lone Gregersen` beside `emne: Klage over afslag`. The finding is the labelled name.
    const labelled = labelledComplainant(here, text);
    if (labelled) {
      matches.push(finding({ from: labelled.from, to: labelled.to, word: words[0]!.word }, true, text.slice(scope.from, scope.to)));
      continue;
    }
    const loose = words.find((term) => !NEEDS_SENDER.test(term.word) && !/^utilfreds|^beklage|^dissatisfied/iu.test(term.word));
    if (loose && here.some(counts)) matches.push(finding(loose, false, text.slice(scope.from, scope.to)));
  }
  return matches;
}
