// Section: scaling. For each shape of input an attacker or a careless export can give cprlint, the
// CLI's time at size n and at 4n: linear code takes four times as long, and the target is under
// five. Each file holds a CPR number, so that it is parsed and every rule reads it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.js';

const CLI = fileURLToPath(new URL('../bin/cprlint.js', import.meta.url));
const SIZE = 256 * 1024;
const LIMIT = 5;

const repeat = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const NUMBER = 'CPR 150385-2000';

/** Each shape: a file name and its content at a size. */
const SHAPES = {
  'names and diagnoses (a visitation list)': ['liste.csv', (size) => `Navn;Diagnose;Klage\n${repeat('Hansen, Jens;KOL og demens;Klage over hjemmeplejen\nLund, Mette;Kræft;Utilfreds med maden\n', size)}${NUMBER}\n`],
  'one long hexadecimal string (JSON)': ['data.json', (size) => `{"cpr": "${NUMBER}", "hash": "${repeat('0123456789abcdef', size)}"}`],
  'a "<" with no ">" after it': ['side.txt', (size) => `${NUMBER}\n<a${repeat('b', size)}`],
  'a minified JSON list without spaces': ['tags.json', (size) => `["${NUMBER}",${repeat('"Hansen,Jens","KOL",', size)}"x"]`],
  'one long line of prose': ['linje.txt', (size) => `${NUMBER} ${repeat('Jens Hansen har KOL. Han bor i Aarhus. Borgeren klager over maden. ', size)}`],
  'many short lines': ['linjer.txt', (size) => `${NUMBER}\n${repeat('Jens Hansen\nKOL\nhr. Madsen\n', size)}`],
  'deeply nested HTML': ['side.html', (size) => `<p>${NUMBER}</p>${repeat('<div>', size / 2)}Jens Hansen har KOL${repeat('</div>', size / 2)}`],
  'emphasis marks in one paragraph (Markdown)': ['side.md', (size) => `${NUMBER}\n\n${repeat('*a_', size)}\n`],
  'blockquotes nested deep (Markdown)': ['citat.md', (size) => `${NUMBER}\n\n${repeat('> ', size)}x\n`],
  'digits before long runs of spaces (columns)': ['kolonner.txt', (size) => `${NUMBER}\n${repeat(`150385${' '.repeat(60)}\t  x\n`, size)}`],
  'comment openings with no close': ['kommentar.html', (size) => `<p>${NUMBER}</p>${repeat('<!--a ', size)}`],
  "other scripts' digits": ['tal.txt', (size) => `${NUMBER}\n${repeat('１５０３８５－２０００ ٠١٢٣ ', size)}`],
  'pronouns, titles and attendance heads': ['referat.txt', (size) => `${NUMBER}\n${repeat('Til stede:\nJens Hansen (A)\noverlæge Mette Lund siger, at hun har demens.\n', size)}`],
};

export const complexity = {
  title: `Scaling: the CLI on each adversarial shape at ${SIZE / 1024} kB and four times that`,
  async run({ workDir }) {
    const rows = [];
    const notes = [];
    const targets = [];
    // What a run costs before it reads a byte of the file: subtracted from both sizes.
    const emptyFile = path.join(workDir, 'empty.txt');
    writeFileSync(emptyFile, `${NUMBER}\n`);
    const startUp = await measure('start-up and one number', [CLI, '--format', 'json', emptyFile], { workDir, runs: 3, exitCodes: [1] });
    for (const [shape, [name, make]] of Object.entries(SHAPES)) {
      const times = [];
      for (const size of [SIZE, 4 * SIZE]) {
        const file = path.join(workDir, `${size}-${name}`);
        const text = make(size);
        writeFileSync(file, text);
        // Three runs, the median: one run's noise is as large as a small shape's whole cost.
        const measured = await measure(`${shape}, ${Math.round(text.length / 1024)} kB`, [CLI, '--format', 'json', file], { workDir, runs: 3, exitCodes: [0, 1] });
        rows.push({ label: `${shape}, ${size === SIZE ? 'n' : '4n'}`, bytes: text.length, ...measured });
        times.push(Math.max(0.001, measured.wallSeconds - startUp.wallSeconds));
      }
      const ratio = times[1] / times[0];
      notes.push(`${shape}: ${times[0].toFixed(2)} s at n, ${times[1].toFixed(2)} s at 4n (start-up taken off): ${ratio.toFixed(1)}×`);
      // Below a tenth of a second at 4n the ratio is noise: the shape costs nothing worth scaling.
      targets.push({ text: `${shape} scales linearly (4n/n under ${LIMIT}×, or 4n under 0.1 s): ${ratio.toFixed(1)}×, ${times[1].toFixed(2)} s`, met: ratio < LIMIT || times[1] < 0.1 });
    }
    // Depth: a tree 1,500 folders deep, a file in each, against the same files in one folder.
    const DEPTH = 1500;
    const deep = path.join(workDir, 'deep-tree');
    const flat = path.join(workDir, 'flat-tree');
    mkdirSync(flat, { recursive: true });
    let folder = deep;
    for (let level = 0; level < DEPTH; level++) {
      folder = path.join(folder, 'd');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'side.md'), `Tekst ${level}\n`);
      writeFileSync(path.join(flat, `side-${level}.md`), `Tekst ${level}\n`);
    }
    const trees = [];
    for (const [label, cwd] of [[`${DEPTH} files, one a level, ${DEPTH} levels deep`, deep], [`the same ${DEPTH} files in one folder`, flat]]) {
      const measured = await measure(label, [CLI, '--format', 'json', '.'], { workDir, cwd, runs: 3 });
      rows.push({ label, ...measured });
      trees.push(measured.wallSeconds);
    }
    const depthRatio = trees[0] / trees[1];
    targets.push({ text: `a tree ${DEPTH} levels deep within 2× of its flat twin: ${depthRatio.toFixed(2)}× (${trees[0].toFixed(2)} s against ${trees[1].toFixed(2)} s)`, met: depthRatio <= 2 });

    // One long line: 5 MB of prose as one line, against the same text with a line break after each sentence.
    const LINE_BYTES = 5 * 1024 * 1024;
    const sentence = 'Jens Hansen har KOL. Han bor i Aarhus. Borgeren klager over maden. ';
    const lines = [];
    for (const [label, separator] of [['one line', ' '], ['line-broken', '\n']]) {
      const file = path.join(workDir, `prose-${separator === ' ' ? 'one-line' : 'lines'}.txt`);
      writeFileSync(file, `${NUMBER}${separator}${repeat(sentence.replaceAll('. ', `.${separator}`), LINE_BYTES)}`);
      const measured = await measure(`5 MB of prose, ${label}`, [CLI, '--format', 'json', file], { workDir, runs: 1, exitCodes: [0, 1] });
      rows.push({ label: `5 MB of prose, ${label}`, bytes: LINE_BYTES, ...measured });
      lines.push(measured.wallSeconds);
    }
    const lineRatio = lines[0] / lines[1];
    targets.push({ text: `a 5 MB one-line file within 2× of its line-broken twin: ${lineRatio.toFixed(2)}× (${lines[0].toFixed(2)} s against ${lines[1].toFixed(2)} s)`, met: lineRatio <= 2 });
    return { rows, targets, notes };
  },
};
