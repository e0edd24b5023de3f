/* eslint-disable cprlint/no-named-complaint -- the comments show made-up complaints in the forms the rule reads */
import { optionsObject, type Rule, type RuleContext, type RuleMatch } from '../src/rule.js';
import type { Segment, TableCell } from '../src/segment.js';
import { FIRST_PERSON, headNamesSender, namesItsSender, personNear, personReferences, type PersonReference } from './person-reference.js';
import { scopes } from './scopes.js';

// Complaints, appeals and grievances, in the words people use: nouns, verbs and paraphrases
// ("er utilfreds med", "har beklaget sig over", "henvendelse fra borger X"). Compounds such as
// "klagekoordinator", "klagevejledning" and the authority "Ankestyrelsen" are other words.
const COMPLAINT =
  /(?<!\p{L})(?:klage(?:n|r|rne|rs|s|ren|rens)?|klagesag(?:en|er|erne)?|klageskrivelse(?:n)?|klaget|klagede|påklage(?:r|t|de)?|anke(?:n|r|t|de|s)?|ankesag(?:en)?|anket|utilfreds(?:e|hed|heden)?|beklage(?:r|t|de)?[ \u00a0]+sig|henvendelse(?:n)?|complaint(?:s)?|complain(?:s|ed|ing)?|complainant|appeal(?:s|ed)?|grievance(?:s)?|dissatisfied)(?!\p{L})/giu;
// Words that say someone complained: the complainant stands before them, in the same clause.
const VERB =
  /^(?:klager|klaget|klagede|påklager|påklaget|påklagede|anker|anket|ankede|utilfreds|utilfredse|beklage[rtd]?e?\s+sig|complains|complained|complaining|appeals|appealed|dissatisfied)$/iu;
const ROLE = /^(?:klager|klageren|complainant)$/i;
// Nouns that name a complaint only with its sender: "henvendelse fra borger X".
const NEEDS_SENDER = /^henvendelse(?:n)?$/i;

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
  /^\s+(?:(?:har|have|has|had|også|igen|nu|selv|formelt|skriftligt|i dag|indgivet|indgav|sendt|sendte|filed|lodged|submitted|made|en|et|a|an)\s+)*$/i;
const FILED = /indgivet|indgav|sendt|sendte|filed|lodged|submitted|made/i;
// A clause break: the complainant named before a verb must stand in the verb's clause.
const CLAUSE_BREAK = /[!?;|]|[.:](?=\s+\p{Lu})|,\s*(?:hvor|men|mens|som|der|da|fordi|selvom|hvis|når|where|but|while|who|which|because)(?!\p{L})/u;
const VERB_REACH = 90;
// "hendes klage", "hans anke", "their complaint": whose it is, said by a pronoun.
const POSSESSIVE_PRONOUN_BEFORE = /(?:^|[^\p{L}])(?:hans|hendes|deres|his|her|their)\s+$/iu;

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
    // "Klager Jens Hansen", "Klageren, Jens Hansen,", "Klager (Anne Thomsen, …)"
    if (ROLE.test(term.word) && /^\s*[,(]?\s*$/.test(gap)) return true;
    return NAMED_AFTER.some((pattern) => pattern.test(gap));
  }
  if (person.to > term.from || NEEDS_SENDER.test(term.word)) return false;
  const gap = text.slice(person.to, term.from);
  // "Jens Hansen har i brev af 12. maj påklaget …", "Borgeren (hr. Madsen) er utilfreds med …"
  if (VERB.test(term.word.replace(/\s+/gu, ' '))) return gap.length <= VERB_REACH && !CLAUSE_BREAK.test(gap.replace(/^\)/u, ''));
  if (!FILED_BEFORE.test(gap)) return false;
  // "Jens Hansens klage": the possessive names whose complaint it is.
  const possessive = /s$/.test(text.slice(person.from, person.to)) && /^\s+$/.test(gap);
  return FILED.test(gap) || possessive;
}

/** Column headers that name whose row it is, and headers that make a table one about complaints. */
const COMPLAINANT_HEADER = /^(?:klager(?:en|s navn)?|ansøger(?:en|s navn)?|borger(?:en|ens navn)?|navn|name|complainant|appellant|applicant)$/iu;
const COMPLAINT_HEADER = /klage|anke|påklag|complain|appeal|grievance|utilfreds/iu;
// A cell that is a name the name lists may not know: "Okafor, Grace", "Grace Okafor".
const NAME_CELL = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:,?\s\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,3}$/u;

/** In a table about complaints, the cell under "Klager", "Ansøger", "Borger" or "Navn" that names someone. */
function complainantCell(segment: Segment, people: readonly PersonReference[]): TableCell | undefined {
  const cells = segment.cells;
  if (!cells || !cells.some((cell) => COMPLAINT_HEADER.test(cell.header))) return undefined;
  return cells.find((cell) => {
    if (!COMPLAINANT_HEADER.test(cell.header.trim().replace(/[.:]$/u, ''))) return false;
    if (people.some((person) => person.from >= cell.from && person.to <= cell.to)) return true;
    return NAME_CELL.test(segment.text.slice(cell.from, cell.to).trim());
  });
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
        const positions = complaintTerms(view).map((term) => term.from);
        if (positions.length === 0 && !COMPLAINT_HEADER.test(view)) return false;
        return personNear(view, positions, context) || (COMPLAINT_HEADER.test(view) && /[|,;\t]/.test(view)) || (FIRST_PERSON.test(view) && headNamesSender(view, context));
      },
      check: (segment, context) => complaintMatches(segment, context),
    };
  },
};

function finding(term: Term, named: boolean): RuleMatch {
  return {
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

/** One finding per scope in which a complaint names a citizen: error when the name is the complainant's. */
function complaintMatches(segment: Segment, context: RuleContext): RuleMatch[] {
  const { text } = segment;
  const people = personReferences(segment, context).filter((person) => person.role === 'citizen');
  const cell = complainantCell(segment, people);
  // A row of a complaints table: the name under "Klager" is the finding, whatever the row's words.
  if (cell) return [finding({ from: cell.from, to: cell.to, word: cell.header.trim() }, true)];
  // A word inside a name is part of the name: the middle name "Anker" is no appeal.
  const names = personReferences(segment, context).filter((person) => person.kind === 'name' || person.kind === 'surname first');
  let nextName = 0;
  const terms = complaintTerms(text).filter((term) => {
    while (nextName < names.length && names[nextName]!.to <= term.from) nextName++;
    const name = names[nextName];
    if (name && term.from >= name.from && term.to <= name.to) return false;
    return !(/^Anke/u.test(term.word) && /\p{L}[ \u00a0]$/u.test(text.slice(term.from - 2, term.from)));
  });
  if (terms.length === 0) return [];
  const writer = namesItsSender(context);
  if (people.length === 0 && !writer) return [];
  const matches: RuleMatch[] = [];
  let nextTerm = 0;
  let nextPerson = 0;
  for (const scope of scopes(text, segment.block === true)) {
    while (nextTerm < terms.length && terms[nextTerm]!.from < scope.from) nextTerm++;
    while (nextPerson < people.length && people[nextPerson]!.from < scope.from) nextPerson++;
    const here: PersonReference[] = [];
    for (let k = nextPerson; k < people.length && people[k]!.from < scope.to; k++) if (people[k]!.to <= scope.to) here.push(people[k]!);
    const words: Term[] = [];
    for (let k = nextTerm; k < terms.length && terms[k]!.from < scope.to; k++) if (terms[k]!.to <= scope.to) words.push(terms[k]!);
    if (words.length === 0) continue;
    const complainant = words.find((term) => {
      // The nearest citizen before the word, and any after it.
      const before = here.filter((person) => person.to <= term.from || person.from === term.from).at(-1);
      if (before && namesComplainant(text, term, before)) return true;
      if (here.some((person) => person.from >= term.to && namesComplainant(text, term, person))) return true;
      return before !== undefined && POSSESSIVE_PRONOUN_BEFORE.test(text.slice(Math.max(0, term.from - 12), term.from));
    });
    if (complainant) {
      matches.push(finding(complainant, true));
      continue;
    }
    // The writer's own complaint in a letter whose head names them: "Jeg klager over …".
    const own = writer && FIRST_PERSON.test(text.slice(scope.from, scope.to)) ? words.find((term) => !NEEDS_SENDER.test(term.word)) : undefined;
    if (own) {
      matches.push(finding(own, true));
      continue;
    }
    const loose = words.find((term) => !NEEDS_SENDER.test(term.word) && !/^utilfreds|^beklage|^dissatisfied/iu.test(term.word));
    if (here.length > 0 && loose) matches.push(finding(loose, false));
  }
  return matches;
}
