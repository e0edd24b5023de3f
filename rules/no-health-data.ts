import { optionsObject, RuleOptionsError, type Rule, type RuleContext, type RuleMatch } from '../src/rule.js';
import type { Segment } from '../src/segment.js';
import { HEALTH_TERMS, ORGANISATION_NAMES, SERVICE_HEADS, type HealthCategory, type HealthTerm, type TermMatch } from './health-terms.js';
import { personNear, personReferences } from './person-reference.js';
import { scopes } from './scopes.js';

const ENDINGS = ['', 'e', 'en', 'er', 'erne', 'et', 'ede', 's', 'ens', 'ets', 'ers'];
const SUBSTANCES = /^\s+af\s+(?:alkohol|stoffer|narkotika|hash|kokain|heroin|medicin|piller|euforiserende|rusmidler|alcohol|drugs)/i;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface TermHit {
  from: number;
  to: number;
  word: string;
  term: HealthTerm;
}

/** The lexicon compiled for quick look-ups, word by word. */
class Lexicon {
  private readonly words = new Map<string, HealthTerm>();
  private readonly caseSensitive = new Map<string, HealthTerm>();
  private readonly byMatch: Record<Exclude<TermMatch, 'word'>, HealthTerm[]> = { start: [], end: [], any: [] };
  private readonly anyPattern: RegExp | undefined;
  private readonly phrases: RegExp | undefined;
  private readonly phraseTerms = new Map<string, HealthTerm>();
  private readonly candidates: RegExp[];

  constructor(terms: readonly HealthTerm[]) {
    const phrases: string[] = [];
    for (const term of terms) {
      const lower = term.term.toLowerCase();
      if (term.term.includes(' ')) {
        phrases.push(term.term.split(' ').map(escape).join('\\s+'));
        this.phraseTerms.set(lower.replace(/\s+/g, ' '), term);
      } else if (term.match === 'word') {
        for (const ending of ENDINGS) {
          if (term.caseSensitive) this.caseSensitive.set(term.term + ending, term);
          else this.words.set(lower + ending, term);
        }
      } else {
        this.byMatch[term.match].push(term);
      }
    }
    const any = this.byMatch.any.map((term) => escape(term.term.toLowerCase()));
    this.anyPattern = any.length > 0 ? new RegExp(any.join('|')) : undefined;
    this.phrases = phrases.length > 0 ? new RegExp(`(?<!\\p{L})(?:${phrases.join('|')})\\p{L}*`, 'giu') : undefined;
    // Where a term may start, for a quick pass over a whole file: each term's first word.
    const stems = (caseSensitive: boolean): string =>
      terms.filter((term) => Boolean(term.caseSensitive) === caseSensitive).map((term) => escape(term.term.split(' ')[0]!)).join('|');
    this.candidates = [new RegExp(stems(false) || '(?!)', 'gi'), new RegExp(stems(true) || '(?!)', 'g')];
  }

  /**
   * Positions of words in `text` that are terms, traps not weighed: the cheap test on a file's
   * readable view. A quick pass finds where a term's letters stand, and only those words are read.
   */
  termPositions(text: string): number[] {
    const positions: number[] = [];
    for (const pattern of this.candidates) {
      let lastWordEnd = -1;
      for (const match of text.matchAll(pattern)) {
        if (match.index < lastWordEnd) continue;
        let start = match.index;
        let end = match.index + match[0].length;
        while (start > 0 && /[\p{L}-]/u.test(text[start - 1]!)) start--;
        while (end < text.length && /[\p{L}-]/u.test(text[end]!)) end++;
        lastWordEnd = end;
        const word = text.slice(start, end);
        if (this.phrases) this.phrases.lastIndex = 0;
        if (this.matchWord(word) || this.phrases?.test(text.slice(start, start + 60))) positions.push(start);
      }
    }
    return positions.sort((a, b) => a - b);
  }

  /** The term a word is, if any, and where in the word the term starts. */
  matchWord(word: string): { term: HealthTerm; at: number } | undefined {
    const exact = this.caseSensitive.get(word);
    if (exact) return { term: exact, at: 0 };
    const lower = word.toLowerCase();
    const listed = this.words.get(lower);
    if (listed) return { term: listed, at: 0 };
    for (const term of this.byMatch.start) if (lower.startsWith(term.term.toLowerCase())) return { term, at: 0 };
    for (const term of this.byMatch.end) {
      const stem = term.term.toLowerCase();
      for (const ending of ENDINGS) if (lower.endsWith(stem + ending)) return { term, at: lower.length - stem.length - ending.length };
    }
    if (this.anyPattern) {
      const found = this.anyPattern.exec(lower);
      if (found) {
        const term = this.byMatch.any.find((candidate) => candidate.term.toLowerCase() === found[0]);
        if (term) return { term, at: found.index };
      }
    }
    return undefined;
  }

  hits(text: string): TermHit[] {
    const hits: TermHit[] = [];
    for (const match of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
      const word = match[0];
      const found = this.matchWord(word);
      if (!found) continue;
      const hit = { from: match.index, to: match.index + word.length, word, term: found.term };
      if (!isTrap(text, hit, found.at)) hits.push(hit);
    }
    if (this.phrases) {
      for (const match of text.matchAll(this.phrases)) {
        const key = [...this.phraseTerms.keys()].find((phrase) => match[0].toLowerCase().replace(/\s+/g, ' ').startsWith(phrase));
        const term = key === undefined ? undefined : this.phraseTerms.get(key);
        if (term) hits.push({ from: match.index, to: match.index + match[0].length, word: match[0], term });
      }
    }
    return hits.sort((a, b) => a.from - b.from);
  }
}

/** Words that hold a term without being health data about anybody. */
function isTrap(text: string, hit: TermHit, at: number): boolean {
  const lower = hit.word.toLowerCase();
  if (hit.term.except?.some((except) => lower.includes(except))) return true;
  // A compound about a service or organisation: "demenskoordinator", "Diabetesforeningen".
  const rest = lower.slice(at + hit.term.term.length);
  if (SERVICE_HEADS.some((head) => rest.includes(head))) return true;
  const next = /^[ \u00a0]+(\p{L}+)/u.exec(text.slice(hit.to, hit.to + 40))?.[1];
  // An organisation's name: "Kræftens Bekæmpelse", "Cancer Society".
  if (next && ORGANISATION_NAMES.includes(next)) return true;
  // An institution's name: a capitalised term before a capitalised name ("Plejehjemmet Egely").
  if (next && /^\p{Lu}/u.test(hit.word) && /^\p{Lu}\p{Ll}/u.test(next) && hit.from > 0 && !/[.!?]\s*$/.test(text.slice(Math.max(0, hit.from - 3), hit.from))) return true;
  // An adjective before a service: "psykiatrisk afdeling", "psykiatrisk sygeplejerske".
  if (next && /isk(?:e)?$/.test(lower) && SERVICE_HEADS.some((head) => next.toLowerCase().includes(head))) return true;
  // "misbrug af offentlige midler" is no addiction.
  if (/^misbrug(?:et|en)?$/.test(lower) && /^\s+af\s/.test(text.slice(hit.to, hit.to + 5)) && !SUBSTANCES.test(text.slice(hit.to, hit.to + 40))) return true;
  return false;
}

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
