// The health lexicon compiled for look-ups: which words of a text are health terms, and which
// words only hold one ("bekræftelse" is no "kræft"). Knows words, not people.
import { ORGANISATION_NAMES, SERVICE_HEADS, type HealthTerm, type TermMatch } from './health-terms.js';

const ENDINGS = ['', 'e', 'en', 'er', 'erne', 'et', 'ede', 's', 'ens', 'ets', 'ers'];
const SUBSTANCES = /^\s+af\s+(?:alkohol|stoffer|narkotika|hash|kokain|heroin|medicin|piller|euforiserende|rusmidler|alcohol|drugs)/i;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface TermHit {
  from: number;
  to: number;
  word: string;
  term: HealthTerm;
}

/** The lexicon compiled for quick look-ups, word by word. */
export class Lexicon {
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


