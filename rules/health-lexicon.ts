// The health lexicon compiled for look-ups: which words of a text are health terms, and which
// words only hold one's letters ("bekræftelse" is no "kræft"). Knows words, not people.
//
// A term counts only where it stands as a part of the word: at the start of the word or after a
// plausible first part of a compound ("bryst|kræft", "lunge|kræften"), and before the end of the
// word, an inflection ("kræft|en", "blodprop|pen") or a plausible further part ("kræft|patient",
// "kræft|s|ygdom"). What is left over must look like a Danish word, not a prefix ("be|kræftet",
// "af|kræfte") or a derivational suffix ("kræft|else" of "bekræftelse"). One pass of an
// Aho–Corasick automaton finds every term in a text, so the cost is linear in its length.
import { ORGANISATION_NAMES, SERVICE_HEADS, type HealthTerm } from './health-terms.js';

/** Danish and English inflections after a term ("-en", "-erne", "-s", an adjective's "-t"); after a final -e, "-n", "-rne". */
const INFLECTIONS = new Set(['', 'e', 'en', 'er', 'erne', 'et', 'ede', 'ene', 'es', 's', 'ens', 'ets', 'ers', 'ernes', 'enes', 'edes', 'ne', 'nes', 'ed', 't']);
const VOWELS = 'aeiouyæøåéáàäöü';
/**
 * A remainder that makes the word a derivation of another stem, not a compound holding the term:
 * "be|kræft|else", "svulst|igere". A suffix, then a few letters (its inflections) and the end, or
 * a linking -s- ("bekræftelsesbrev"). Anchored and bounded: linear.
 */
const DERIVATION = /^(?:else|ende|ning|ing|lig|hed|isk|ig|agtig|eri|ere|ster|sel|skab|inde|ist|isme|iker)(?:\p{L}{0,6}$|s)/u;
/**
 * Unstressed prefixes that make a verb of a stem: "be|kræfte", "af|kræfte", "u|be|kræftet",
 * "ordre|be|kræftelse". "be" after other letters is the end of a word: "strube|kræft".
 */
const BOUND_PREFIX = /(?:^(?:u|ge|for|und|mis|er)|(?:^u?|[se]|gen|selv)be|af)$/;
const SUBSTANCES = /^\s+af\s+(?:alkohol|stoffer|narkotika|hash|kokain|heroin|medicin|piller|euforiserende|rusmidler|alcohol|drugs)/i;
/** No Danish word is longer; a longer run of letters (an identifier, a hash) is not read. */
const MAX_WORD = 100;
const LETTER = /\p{L}/u;

/** Whether text[index] is a letter: ASCII and Latin-1 by their codes, the rest by Unicode's property. */
function isLetter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0xc0) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 0xaa || code === 0xb5 || code === 0xba;
  if (code < 0x250) return code !== 0xd7 && code !== 0xf7;
  return LETTER.test(text[index]!);
}
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isVowel = (letter: string | undefined): boolean => letter !== undefined && VOWELS.includes(letter);
const hasVowel = (text: string): boolean => [...text].some((letter) => VOWELS.includes(letter));

export interface TermHit {
  from: number;
  to: number;
  word: string;
  term: HealthTerm;
}

/** A term and where in a word it starts. */
interface TermInWord {
  term: HealthTerm;
  at: number;
}

// A trie's edges in one map, keyed state × CODE_UNITS + the letter's UTF-16 code: no map per state.
const CODE_UNITS = 0x10000;

/** Lower case letter by letter, so that offsets in the lower-case text are offsets in the text. */
function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let same = '';
  for (const letter of text) {
    const low = letter.toLowerCase();
    same += low.length === letter.length ? low : letter;
  }
  return same;
}

/** Whether `rest` (after a term) is an inflection of it: "-en", "-erne", "-pen" after "blodprop". */
function isInflection(term: string, rest: string): boolean {
  if (INFLECTIONS.has(rest)) return true;
  const last = term[term.length - 1];
  // A noun in -i makes an adjective in -isk: "allergi|sk", "anæmi|ske".
  if (last === 'i' && /^sk(?:e|es)?$/.test(rest)) return true;
  // A final -e takes "-n", "-r", "-rne": "diagnose|n", "migræne|ns".
  if (last === 'e' && INFLECTIONS.has(`e${rest}`)) return true;
  // A final consonant may double: "blodprop|pen", "hjertestop|pet".
  return last !== undefined && !isVowel(last) && rest[0] === last && isVowel(rest[1]) && INFLECTIONS.has(rest.slice(1));
}

/** Whether `rest` (after a term) can be a further part of a compound: "patient", "sygdom", "s|ramt". */
function isHead(rest: string): boolean {
  if (rest.startsWith('-')) return true;
  if (DERIVATION.test(rest)) return false;
  // Three letters are a head ("kræft|tal", "handicap|bil") unless they look like a verb's ending
  // ("misbrug|tes", "-ede").
  if (rest.length === 3) return !isVowel(rest[0]) && !/^[dt]e/.test(rest) && hasVowel(rest.slice(1));
  return rest.length > 3 && hasVowel(rest.slice(1));
}

/** Whether `before` (in front of a term) can be a first part of a compound: "bryst", "lunge", "tilbage". */
function isModifier(before: string): boolean {
  if (before === '' || before.endsWith('-')) return true;
  return before.length >= 2 && hasVowel(before) && !BOUND_PREFIX.test(before);
}

/**
 * The word around `start`–`end` in `text`: letters, and hyphens between letters ("KOL-patient").
 * Reads at most MAX_WORD letters either way, so a run of letters costs no more than its length.
 */
function wordAround(text: string, start: number, end: number): [number, number] {
  const inWord = (index: number): boolean =>
    isLetter(text, index) || (text[index] === '-' && isLetter(text, index - 1) && isLetter(text, index + 1));
  let from = start;
  let to = end;
  while (from > 0 && start - from <= MAX_WORD && inWord(from - 1)) from--;
  while (to < text.length && to - end <= MAX_WORD && inWord(to)) to++;
  return [from, to];
}

/** The lexicon compiled for quick look-ups, word by word. */
export class Lexicon {
  private readonly phrases: RegExp | undefined;
  private readonly phraseTerms = new Map<string, HealthTerm>();
  /**
   * The automaton compiled to a table: `transitions[state * width + symbol]`, each letter a term
   * holds a symbol (0 for any other character), and the terms that end in each state. Reading a
   * character is one look-up, with no fail links to follow and no strings made.
   */
  private readonly symbols = new Uint8Array(256);
  private readonly wideSymbols = new Map<number, number>();
  private width = 1;
  private readonly transitions: Int32Array;
  private readonly outputs: HealthTerm[][];
  /** First words of the phrases, read by the automaton too: no phrase is looked for without one. */
  private readonly phraseStarts = new Set<HealthTerm>();
  /**
   * Every term's letters (and every phrase's first word), lower case, as one expression without
   * flags: the engine's own scan of a lower-case text finds the words worth reading faster than a
   * loop in JavaScript can. Each word it lands in is then read whole by the automaton.
   */
  private readonly letters: RegExp;

  constructor(terms: readonly HealthTerm[]) {
    const phrases: string[] = [];
    const automatonTerms: HealthTerm[] = [];
    for (const term of terms) {
      if (term.term.includes(' ')) {
        phrases.push(term.term.split(' ').map(escape).join('\\s+'));
        this.phraseTerms.set(term.term.toLowerCase().replace(/\s+/g, ' '), term);
        const start: HealthTerm = { term: term.term.split(' ')[0]!, category: term.category, match: 'start' };
        this.phraseStarts.add(start);
        automatonTerms.push(start);
      } else {
        automatonTerms.push(term);
      }
    }
    [this.transitions, this.outputs] = this.compile(automatonTerms);
    const literals = [...new Set(terms.map((term) => lowerCase(term.term.split(' ')[0]!)))].sort((a, b) => b.length - a.length);
    this.letters = new RegExp(literals.map(escape).join('|') || '(?!)', 'g');
    // Longest first, so that "psykisk sygdom" wins over "psykisk syg".
    phrases.sort((a, b) => b.length - a.length);
    // Tried only at the word starts where the automaton saw a phrase's first word (sticky).
    this.phrases = phrases.length > 0 ? new RegExp(`(?:${phrases.join('|')})\\p{L}*`, 'iuy') : undefined;
  }

  /** The symbol of a character: 0 for one that no term holds. */
  private symbolOf(code: number): number {
    return code < 256 ? this.symbols[code]! : (this.wideSymbols.get(code) ?? 0);
  }

  /**
   * The automaton of `terms` as a table (see `transitions`) and the terms that end in each state.
   * The terms' trie is built first, its states numbered as they are made; then, breadth first,
   * each state's fail state is done before it, so its row starts as a copy of the fail state's,
   * and its terms are its own followed by the fail state's.
   */
  private compile(terms: readonly HealthTerm[]): [Int32Array, HealthTerm[][]] {
    const edges = new Map<number, number>();
    const children: number[][] = [[]];
    const own: HealthTerm[][] = [[]];
    // The code of the letter that leads into each state (none into the root).
    const letters: number[] = [0];
    for (const term of terms) {
      const lower = lowerCase(term.term);
      let here = 0;
      for (let index = 0; index < lower.length; index++) {
        const code = lower.charCodeAt(index);
        if (this.symbolOf(code) === 0) {
          if (code < 256) this.symbols[code] = this.width;
          else this.wideSymbols.set(code, this.width);
          this.width += 1;
        }
        let next = edges.get(here * CODE_UNITS + code);
        if (next === undefined) {
          next = own.length;
          edges.set(here * CODE_UNITS + code, next);
          children[here]!.push(next);
          children.push([]);
          own.push([]);
          letters.push(code);
        }
        here = next;
      }
      own[here]!.push(term);
    }
    const width = this.width;
    const transitions = new Int32Array(own.length * width);
    const fail = new Int32Array(own.length);
    const outputs: HealthTerm[][] = new Array<HealthTerm[]>(own.length);
    const queue = [0];
    for (let at = 0; at < queue.length; at++) {
      const state = queue[at]!;
      const failRow = fail[state]! * width;
      if (state === 0) outputs[0] = own[0]!;
      else {
        transitions.copyWithin(state * width, failRow, failRow + width);
        // Shared when one side is empty (most states end no term): nothing changes them later.
        const inherited = outputs[fail[state]!]!;
        const ownTerms = own[state]!;
        outputs[state] = ownTerms.length === 0 ? inherited : inherited.length === 0 ? ownTerms : [...ownTerms, ...inherited];
      }
      for (const child of children[state]!) {
        const symbol = this.symbolOf(letters[child]!);
        // Where the fail state goes on the same letter; the root's children fail to the root.
        fail[child] = state === 0 ? 0 : transitions[failRow + symbol]!;
        transitions[state * width + symbol] = child;
        queue.push(child);
      }
    }
    return [transitions, outputs];
  }

  /** The state after reading the character `code` in `state`. */
  private next(state: number, code: number): number {
    return this.transitions[state * this.width + this.symbolOf(code)]!;
  }

  /**
   * Positions of words in `text` that are terms, traps not weighed: the cheap test on a file's
   * readable view.
   */
  termPositions(text: string): number[] {
    const positions: number[] = [];
    for (const hit of this.scan(text, false)) if (positions[positions.length - 1] !== hit.from) positions.push(hit.from);
    return positions.sort((a, b) => a - b);
  }

  /**
   * The words of `text` that hold a term's letters, each once, in order: where the expression of
   * all terms' letters lands, widened to the word around it.
   */
  private candidateWords(text: string, lower: string): [number, number][] {
    const words: [number, number][] = [];
    const letters = this.letters;
    letters.lastIndex = 0;
    for (let match = letters.exec(lower); match; match = letters.exec(lower)) {
      const [from, to] = wordAround(text, match.index, match.index + match[0].length);
      words.push([from, to]);
      // On after the word: its other terms are the automaton's to find.
      letters.lastIndex = Math.max(letters.lastIndex, to);
    }
    return words;
  }

  /** The term a word is, if any, and where in the word the term starts. */
  matchWord(word: string): { term: HealthTerm; at: number } | undefined {
    const lower = lowerCase(word);
    let best: TermInWord | undefined;
    let state = 0;
    for (let index = 0; index < lower.length; index++) {
      state = this.next(state, lower.charCodeAt(index));
      for (const term of this.outputs[state]!) {
        if (!this.phraseStarts.has(term)) best = this.better(best, word, lower, term, index + 1 - term.term.length);
      }
    }
    return best;
  }

  /** The leftmost, then longest, of `best` and `term` at `at`, if the term stands there. */
  private better(best: TermInWord | undefined, word: string, lower: string, term: HealthTerm, at: number): TermInWord | undefined {
    if (best && (best.at < at || (best.at === at && best.term.term.length >= term.term.length))) return best;
    return this.standsIn(word, lower, term, at) ? { term, at } : best;
  }

  /** Whether `term`, found at `at` in `word`, stands there as a word or a part of a compound. */
  private standsIn(word: string, lower: string, term: HealthTerm, at: number): boolean {
    const end = at + term.term.length;
    if (term.caseSensitive && word.slice(at, end) !== term.term) return false;
    const partStart = lower.lastIndexOf('-', at - 1) + 1;
    const hyphen = lower.indexOf('-', end);
    const partEnd = hyphen === -1 ? lower.length : hyphen;
    const before = lower.slice(partStart, at);
    const rest = lower.slice(end, partEnd);
    const stem = lower.slice(at, end);
    switch (term.match) {
      case 'word':
        return before === '' && isInflection(stem, rest);
      case 'start':
        return at === 0;
      case 'end':
        return isModifier(before) && isInflection(stem, rest);
      case 'any':
        return isModifier(before) && (isInflection(stem, rest) || isHead(rest));
    }
  }

  /**
   * Terms in `text`, word by word (and phrase by phrase), with or without the traps weighed. The
   * automaton reads the whole text once; only a word where a term's letters end is looked at.
   */
  private scan(text: string, weighTraps: boolean): TermHit[] {
    const found: TermHit[] = [];
    const lower = lowerCase(text);
    for (const [from, to] of this.candidateWords(text, lower)) {
      if (to - from > MAX_WORD) continue;
      const word = text.slice(from, to);
      const best = this.matchWord(word);
      if (best) {
        const hit = { from, to, word, term: best.term };
        if (!weighTraps || !isTrap(text, hit, best.at)) found.push(hit);
      }
      // A phrase ("psykisk lidelse") starts with a word that the automaton knows as its first.
      if (this.phrases && this.startsPhrase(lower.slice(from, to))) {
        this.phrases.lastIndex = from;
        const match = this.phrases.exec(text);
        if (match) {
          const phraseText = match[0].toLowerCase().replace(/\s+/g, ' ');
          for (const [phrase, term] of this.phraseTerms) {
            const last = phrase.slice(phrase.lastIndexOf(' ') + 1);
            if (!phraseText.startsWith(phrase) || !isInflection(last, phraseText.slice(phrase.length))) continue;
            found.push({ from: match.index, to: match.index + match[0].length, word: match[0], term });
            break;
          }
        }
      }
    }
    return found;
  }

  /** Whether a word (lower case) begins with a phrase's first word. */
  private startsPhrase(lower: string): boolean {
    let state = 0;
    for (let index = 0; index < lower.length; index++) {
      state = this.next(state, lower.charCodeAt(index));
      for (const term of this.outputs[state]!) if (this.phraseStarts.has(term) && index + 1 === term.term.length) return true;
    }
    return false;
  }

  hits(text: string): TermHit[] {
    return this.scan(text, true).sort((a, b) => a.from - b.from);
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
