import { optionsObject, RuleOptionsError, type Rule, type RuleContext, type RuleMatch } from '../src/rule.js';
import type { Segment } from '../src/segment.js';
import { Lexicon } from './health-lexicon.js';
import { HEALTH_TERMS, type HealthCategory, type HealthTerm, type TermMatch } from './health-terms.js';
import { personNear, personReferences } from './person-reference.js';
import { scopes } from './scopes.js';

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
    throw new RuleOptionsError(`no-health-data: option "mode" must be "identified" or "any", not ${JSON.stringify(mode)}`);
  }
  const remove = given.remove ?? [];
  if (!Array.isArray(remove) || remove.some((term) => typeof term !== 'string')) {
    throw new RuleOptionsError('no-health-data: option "remove" must be a list of terms');
  }
  const unknown = remove.filter((term) => !HEALTH_TERMS.some((listed) => listed.term === term));
  if (unknown.length > 0) throw new RuleOptionsError(`no-health-data: option "remove" names terms the lexicon does not have: ${unknown.join(', ')}`);
  const add = given.add ?? [];
  if (!Array.isArray(add)) throw new RuleOptionsError('no-health-data: option "add" must be a list of terms');
  const added = add.map((entry): HealthTerm => {
    const term = typeof entry === 'string' ? { term: entry } : entry;
    if (!term || typeof term.term !== 'string' || term.term.trim() === '') {
      throw new RuleOptionsError(`no-health-data: option "add" takes words or { "term": "…" }, not ${JSON.stringify(entry)}`);
    }
    const match = term.match ?? 'word';
    if (!['word', 'start', 'end', 'any'].includes(match)) {
      throw new RuleOptionsError(`no-health-data: "match" of an added term is word, start, end or any, not ${JSON.stringify(match)}`);
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
        return positions.length > 0 && (mode === 'any' || personNear(view, positions, context));
      },
      check: (segment, context) => healthMatches(segment, context, lexicon(), mode),
    };
  },
};

/** One finding per scope that holds health terms (and, in mode `identified`, a person): at its first term. */
function healthMatches(segment: Segment, context: RuleContext, lexicon: Lexicon, mode: HealthMode): RuleMatch[] {
  const hits = lexicon.hits(segment.text);
  if (hits.length === 0) return [];
  const people = mode === 'identified' ? personReferences(segment, context).filter((person) => !person.staff) : [];
  const matches: RuleMatch[] = [];
  for (const scope of scopes(segment.text, segment.block === true)) {
    const inScope = (range: { from: number; to: number }): boolean => range.from >= scope.from && range.to <= scope.to;
    const here = people.filter(inScope);
    if (mode === 'identified' && here.length === 0) continue;
    const terms = hits.filter((hit) => inScope(hit) && !here.some((person) => hit.from >= person.from && hit.to <= person.to));
    const first = terms[0];
    if (!first) continue;
    const categories = [...new Set(terms.map((hit) => hit.term.category))].join(', ');
    const named = here.length > 0;
    matches.push({
      from: first.from,
      to: first.to,
      confidence: mode === 'any' || here.some((person) => person.kind !== 'possessive') ? 'high' : 'medium',
      reasons: named ? [`health term (${categories})`, 'a person named nearby'] : [`health term (${categories})`],
      value: first.word,
      redacted: first.word,
      message: named
        ? `Health data (${categories}) about an identifiable person: anonymise the person or remove the health information`
        : `Health data (${categories}) on a site that publishes none (mode "any"): remove it`,
    });
  }
  return matches;
}
