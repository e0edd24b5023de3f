import { optionsObject, RuleOptionsError, type Rule, type RuleContext, type RuleMatch } from '../src/core/rule.js';
import type { Segment } from '../src/core/segment.js';
import { Lexicon, type TermHit } from './health-lexicon.js';
import { HEALTH_TERMS, type HealthCategory, type HealthTerm, type TermMatch } from './health-terms.js';
import { citizenMightBeNamed, inRecord, loadNameLists, recordNamesCitizen, personReferences } from './person-reference.js';
import { scopes, withinScopes } from './scopes.js';

export type HealthMode = 'identified' | 'any';

export interface HealthOptions {
  /** `identified` (default): only health terms tied to a person; `any`: every health term. */
  mode?: HealthMode;
  /** Terms to add: a word, or `{ term, category?, match? }` as in rules/health-terms.ts. */
  add?: Array<string | { term: string; category?: HealthCategory; match?: TermMatch }>;
  /** Terms of the lexicon to leave out, as written there ("stress", "patient"). */
  remove?: string[];
}

function readOptions(options: unknown): { mode: HealthMode; terms: HealthTerm[]; customised: boolean } {
  const given = optionsObject('no-health-data', options, ['mode', 'add', 'remove']) as HealthOptions;
  const mode = given.mode ?? 'identified';
  if (mode !== 'identified' && mode !== 'any') {
    throw new RuleOptionsError('no-health-data: option "mode" must be "identified" or "any"');
  }
  const remove = given.remove ?? [];
  if (!Array.isArray(remove) || remove.some((term) => typeof term !== 'string')) {
    throw new RuleOptionsError('no-health-data: option "remove" must be a list of terms');
  }
  // Named by place, not echoed: an option's value may hold what a message must not print.
  const unknown = remove.flatMap((term, index) => (HEALTH_TERMS.some((listed) => listed.term === term) ? [] : [index + 1]));
  if (unknown.length > 0) throw new RuleOptionsError(`no-health-data: option "remove" names terms the lexicon does not have (entry ${unknown.join(', ')})`);
  const add = given.add ?? [];
  if (!Array.isArray(add)) throw new RuleOptionsError('no-health-data: option "add" must be a list of terms');
  const added = add.map((entry): HealthTerm => {
    const term = typeof entry === 'string' ? { term: entry } : entry;
    if (!term || typeof term.term !== 'string' || term.term.trim() === '') {
      throw new RuleOptionsError(`no-health-data: option "add" takes words or { "term": "…" } (entry ${add.indexOf(entry) + 1} is neither)`);
    }
    const match = term.match ?? 'word';
    if (!['word', 'start', 'end', 'any'].includes(match)) {
      throw new RuleOptionsError('no-health-data: "match" of an added term is word, start, end or any');
    }
    return { term: term.term.trim(), category: term.category ?? 'custom', match };
  });
  return {
    mode,
    terms: [...HEALTH_TERMS.filter((term) => !remove.includes(term.term)), ...added],
    customised: remove.length > 0 || added.length > 0,
  };
}

let defaultLexicon: Lexicon | undefined;

export const noHealthData: Rule = {
  id: 'no-health-data',
  description: 'Health data (diagnoses, conditions, treatments, disabilities, abuse) about an identifiable person',
  create(options) {
    const { mode, terms, customised } = readOptions(options);
    const custom = customised ? new Lexicon(terms) : undefined;
    // The default lexicon is compiled once, when first needed.
    const lexicon = (): Lexicon => custom ?? (defaultLexicon ??= new Lexicon(HEALTH_TERMS));
    return {
      mightMatch: (view, context) => {
        const positions = lexicon().termPositions(view);
        if (positions.length === 0) return false;
        return mode === 'any' || citizenMightBeNamed(view, positions, context);
      },
      check: (segment, context) => healthMatches(segment, context, lexicon(), mode),
      prepare: () => {
        lexicon();
        loadNameLists();
      },
    };
  },
};

// A health term about a group, not a person: "borgere med demens", "mange ældre med KOL",
// "patienter med kræft", "people living with diabetes".
const GROUP_BEFORE =
  /(?:^|[^\p{L}])(?:borgere|borgerne|ældre|patienter|patienterne|mennesker|personer|folk|børn|unge|voksne|kvinder|mænd|familier|danskere|beboere|elever|brugere|pårørende|medarbejdere|dem|de|alle|mange|flere|færre|people|patients|citizens|residents|children|adults|those|others)(?:[ \u00a0]+\p{Ll}+){0,2}[ \u00a0]+(?:med|uden|with|without|som har|der har|som lever med|der lever med|who have|living with|ramt af|ramte af|i risiko for|at risk of)(?:[ \u00a0]+[\p{L}-]+,?){0,3}[ \u00a0]+$/u;
// The term names the group itself: "kræftpatienterne", "demente", "diabetikere".
const GROUP_WORD = /(?:patienter|patienterne|ramte|ramtes|syge|ikere|ikerne|demente)$/u;
// An adjective used as a plural noun is a group: "tolkning for døve og hørehæmmede", "blinde".
const PLURAL_ADJECTIVE = /^(?:døve|blinde|hørehæmmede|svagtseende|handicappede|udviklingshæmmede|demente|spastiske|lamme|døvblinde|funktionsnedsatte)$/u;
// … unless a singular determiner or a possessive stands before it: "den døve mand", "hans blinde søn".
const SINGULAR_BEFORE = /(?:^|[^\p{L}])(?:den|det|sin|sit|hans|hendes|deres|min|din)[ \u00a0]+$/iu;
const GROUP_REACH = 70;
// The term describes a group named after it: "psykiatriske patienter", "kræftramte borgere".
const GROUP_AFTER = /^[ \u00a0]+(?:\p{Ll}+[ \u00a0]+)?(?:patienter|patienterne|borgere|borgerne|børn|børnene|mennesker|personer|ældre|unge|voksne|familier|pårørende|beboere|patients|people|children|citizens)(?!\p{L})/u;

function aboutAGroup(text: string, hit: TermHit): boolean {
  const word = hit.word.toLowerCase();
  if (GROUP_WORD.test(word) || GROUP_AFTER.test(text.slice(hit.to, hit.to + 40))) return true;
  if (PLURAL_ADJECTIVE.test(word) && !SINGULAR_BEFORE.test(text.slice(Math.max(0, hit.from - 12), hit.from))) return true;
  const before = text.slice(Math.max(0, hit.from - GROUP_REACH), hit.from);
  return GROUP_BEFORE.test(before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n')) + 1));
}

/**
 * One finding per scope that holds health terms about a citizen (in mode `identified`; every
 * scope with a term in mode `any`), from its first term to its last. Staff, officials, speakers and council
 * members are not the people the rule protects, and a term about a group is about nobody.
 */
function healthMatches(segment: Segment, context: RuleContext, lexicon: Lexicon, mode: HealthMode): RuleMatch[] {
  const hits = lexicon.hits(segment.text);
  if (hits.length === 0) return [];
  const { text } = segment;
  const identified = mode === 'identified';
  const people = identified ? personReferences(segment, context).filter((person) => person.role === 'citizen') : [];
  // A form or case record about a citizen: every health fact after the field that names them is
  // theirs; and so is one in a JSON object another of whose values names a citizen.
  const inJsonRecord = identified && recordNamesCitizen(segment, context);
  const record = identified && (inJsonRecord || inRecord(segment, context, text.length));
  if (identified && people.length === 0 && !record) return [];
  const matches: RuleMatch[] = [];
  const all = scopes(text, segment.block === true);
  const peopleIn = withinScopes(all, people);
  const hitsIn = withinScopes(all, hits);
  for (const [index, scope] of all.entries()) {
    const here = peopleIn[index]!;
    const terms: TermHit[] = hitsIn[index]!.filter(
      (hit) => !here.some((person) => hit.from >= person.from && hit.to <= person.to) && !(identified && aboutAGroup(text, hit)),
    );
    const first = terms[0];
    if (!first) continue;
    const aboutRecord = identified && here.length === 0 && (inJsonRecord || inRecord(segment, context, first.from));
    if (identified && here.length === 0 && !aboutRecord) continue;
    const categories = [...new Set(terms.map((hit) => hit.term.category))].join(', ');
    const named = here.length > 0 || aboutRecord;
    // The finding covers the scope's health data, first term to last.
    matches.push({
      from: first.from,
      to: terms.at(-1)!.to,
      confidence: !identified || aboutRecord || here.some((person) => person.kind !== 'possessive') ? 'high' : 'medium',
      reasons: named ? [`health term (${categories})`, 'a person named nearby'] : [`health term (${categories})`],
      value: first.word,
      redacted: first.word,
      fingerprintContext: text.slice(scope.from, scope.to),
      message: named
        ? `Health data (${categories}) about an identifiable person: anonymise the person or remove the health information`
        : `Health data (${categories}) on a site that publishes none (mode "any"): remove it`,
    });
  }
  return matches;
}
