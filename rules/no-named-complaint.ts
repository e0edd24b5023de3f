/* eslint-disable cprlint/no-named-complaint -- the comments show made-up complaints in the forms the rule reads */
import { optionsObject, type Rule, type RuleContext, type RuleMatch } from '../src/rule.js';
import type { Segment } from '../src/segment.js';
import { personNear, personReferences, type PersonReference } from './person-reference.js';
import { scopes } from './scopes.js';

// Complaints, appeals and grievances, as nouns and verbs. Compounds such as "klagekoordinator",
// "klagevejledning" and the authority "Ankestyrelsen" are other words and do not match.
const COMPLAINT =
  /(?<!\p{L})(?:klage(?:n|r|rne|rs|s|ren|rens)?|klagesag(?:en|er|erne)?|klageskrivelse(?:n)?|klaget|klagede|påklage(?:r|t|de)?|anke(?:n|r|t|de|s)?|ankesag(?:en)?|anket|complaint(?:s)?|complain(?:s|ed|ing)?|complainant|appeal(?:s|ed)?|grievance(?:s)?)(?!\p{L})/giu;
const VERB = /^(?:klager|klaget|klagede|påklager|påklaget|påklagede|anker|anket|ankede|complains|complained|appeals|appealed)$/i;
const ROLE = /^(?:klager|klageren|complainant)$/i;

// What may stand between a complaint word and the complainant named after it.
const NAMED_AFTER = [
  // "Klage fra Jens Hansen", "klagen fra borgeren Jensen", "complaint from Mr Smith",
  // "Klage over hjemmeplejens vurdering fra Jens Hansen"
  /^\s+(?:\p{L}+\s+){0,4}(?:fra|from|by)\s+$/iu,
  // "Afgørelse i klagesag vedrørende Jens Hansen"
  /^\s+(?:vedrørende|vedr\.|angående|ang\.|om|regarding|concerning)\s+$/i,
  // "Klager: Jens Hansen", "Klage – Jens Hansen"
  /^\s*[:–—-]\s*$/,
  // "Anke af afgørelse – Jens Hansen", "Klage over afslag på hjælp – Jens Hansen"
  /^\s+(?:\p{L}+\s+){1,5}[–—-]\s+$/u,
];
// What may stand between the complainant named first and the complaint word.
const NAMED_BEFORE =
  /^\s+(?:(?:har|have|has|had|også|igen|nu|selv|formelt|skriftligt|i dag|indgivet|indgav|sendt|sendte|filed|lodged|submitted|made|en|et|a|an)\s+)*$/i;

function namesComplainant(text: string, term: { from: number; to: number; word: string }, person: PersonReference): boolean {
  if (person.from >= term.to) {
    const gap = text.slice(term.to, person.from);
    // "Klager Jens Hansen", "Klageren, Jens Hansen,", "Klager (Anne Thomsen, …)"
    if (ROLE.test(term.word) && /^\s*[,(]?\s*$/.test(gap)) return true;
    return NAMED_AFTER.some((pattern) => pattern.test(gap));
  }
  if (person.to <= term.from) {
    const gap = text.slice(person.to, term.from);
    if (!NAMED_BEFORE.test(gap)) return false;
    const filed = /indgivet|indgav|sendt|sendte|filed|lodged|submitted|made/i.test(gap);
    // "Jens Hansens klage": the possessive names whose complaint it is.
    const possessive = /s$/.test(text.slice(person.from, person.to)) && /^\s+$/.test(gap);
    return VERB.test(term.word) || filed || possessive;
  }
  return false;
}

export const noNamedComplaint: Rule = {
  id: 'no-named-complaint',
  description: 'Complaints, appeals and grievances that name the complainant',
  create(options) {
    optionsObject('no-named-complaint', options, []);
    return {
      mightMatch: (view, context) => {
        const positions = [...view.matchAll(COMPLAINT)].map((match) => match.index);
        return positions.length > 0 && personNear(view, positions, context);
      },
      check: (segment, context) => complaintMatches(segment, context),
    };
  },
};

/** One finding per scope in which a complaint names a citizen: error when the name is the complainant's. */
function complaintMatches(segment: Segment, context: RuleContext): RuleMatch[] {
  const { text } = segment;
  const terms = [...text.matchAll(COMPLAINT)].map((match) => ({ from: match.index, to: match.index + match[0].length, word: match[0] }));
  if (terms.length === 0) return [];
  const people = personReferences(segment, context).filter((person) => !person.staff);
  if (people.length === 0) return [];
  const matches: RuleMatch[] = [];
  for (const scope of scopes(text, segment.block === true)) {
    const inScope = (range: { from: number; to: number }): boolean => range.from >= scope.from && range.to <= scope.to;
    const here = people.filter(inScope);
    const words = terms.filter(inScope);
    if (here.length === 0 || words.length === 0) continue;
    const named = words.find((term) => here.some((person) => namesComplainant(text, term, person)));
    const term = named ?? words[0]!;
    matches.push({
      from: term.from,
      to: term.to,
      confidence: named ? 'high' : 'medium',
      reasons: named ? [`complaint term (${term.word.toLowerCase()})`, 'the complainant is named'] : [`complaint term (${term.word.toLowerCase()})`, 'a person named nearby'],
      value: term.word,
      redacted: term.word,
      message: named
        ? 'Complaint that names the complainant: anonymise them (for example "klager A") or remove the name'
        : 'Complaint and a named person in the same sentence: check that the complainant is not identifiable',
    });
  }
  return matches;
}
