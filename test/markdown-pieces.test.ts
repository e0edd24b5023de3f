// Markdown is parsed piece by piece (src/adapters/markdown-pieces.ts) so that an editor re-reads
// only what changed. The pieces must add up to the whole: the same segments, for real documents and
// for documents made of the lines that open and close what runs over blank lines.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownSegments, wholeMarkdownSegments } from '../src/adapters/markdown.js';
import { independentPieces } from '../src/adapters/markdown-pieces.js';
import { ROOT } from './temporary-tree.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((relative) => /\.(md|markdown)$/.test(relative) && !relative.includes('node_modules'))
    .map((relative) => path.join(folder, relative));
}

/** Both readings of `source`, comparable: typed arrays as plain arrays. */
function bothReadings(source: string): { pieces: unknown; whole: unknown } {
  const plain = (segments: ReturnType<typeof wholeMarkdownSegments>): unknown =>
    segments.map((segment) => ({ ...segment, starts: segment.starts && [...segment.starts], ends: segment.ends && [...segment.ends] }));
  return { pieces: plain(markdownSegments(source, false)), whole: plain(wholeMarkdownSegments(source)) };
}

/** mulberry32: seeded, so a failure names a document that can be made again. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Lines that open, close or continue what may run over a blank line, and plain text with numbers.
const LINES = [
  '', '', '', '', '   ', '\t',
  'Ansøger Anne Holm, CPR-nr. 150385-2000, har diabetes.',
  'Tekst med **fed** og _kursiv_ og `kode 1503852000`.',
  '# Overskrift 0101901234', 'Overskrift', '===', '---', '***', '+++',
  '- punkt 150385-2000', '1. punkt', '2) punkt', '  fortsat i punktet', '    indrykket kode 150385-2000', '   tre mellemrum',
  '> citat 150385-2000', '>', '> ```', '> <!--',
  '```', '```js', '````', '~~~', '~~~~', '  ```', '``` med `backtick`', '   ~~~',
  '<!--', '-->', '<!-- lukket -->', '<!-->', '<!--->', 'tekst <!-- inline', 'tekst --> efter',
  '<pre>', '</pre>', '<script>', '</script>', '<style type="x">', '</style>', '<textarea>', '</textarea>', '<pre/>', '</PRE>',
  '<?php', '?>', '<?>', '<??>', '<![CDATA[]]>', '<!DOCTYPE html', '>', '<![CDATA[', ']]>', '<div>', '</div>', '<span>x</span>', '  <!--', '  <div>',
  '| Navn | CPR |', '| --- | --- |', '| Anne | 150385-2000 |',
  '~~slettet~~', '[link](https://example.org/150385-2000)', '![billede](a.png "0101901234")', '[ikke defineret][x]', '[^1]',
  'linje med to mellemrum  ', '\tkode med tabulator', '  \tkode', ' \t- punkt',
  // Case, and blocks opened after a list's or quote's marks.
  '<![cdata[', '- ```', '-    ~~~', '1. <!--', '- <pre>k', '1. >', '    <script>', '> - ```', 'linje med skråstreg\\', '&#49;50385-2000',
];
// Lines that make the scanner leave a whole document uncut (a lone CR, a byte order mark): rare, so
// that most made documents are cut.
const RARE_LINES = ['Tekst\r', 'x\r```', 'k\r<!--', '\ufeff---', '\ufeffTekst'];

function madeDocument(random: () => number): string {
  const lines: string[] = [];
  const count = 5 + Math.floor(random() * 40);
  for (let k = 0; k < count; k++) {
    lines.push(random() < 0.01 ? RARE_LINES[Math.floor(random() * RARE_LINES.length)]! : LINES[Math.floor(random() * LINES.length)]!);
  }
  return lines.join('\n');
}

describe('Markdown read piece by piece', () => {
  it('cuts real documents into pieces, and the pieces give the segments of the whole', () => {
    const files = [...markdownFiles(FIXTURES)];
    expect(files.length).toBeGreaterThan(20);
    let cut = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      if (independentPieces(source).length > 1) cut += 1;
      const { pieces, whole } = bothReadings(source);
      expect(pieces, file).toEqual(whole);
    }
    // Most documents have paragraphs to cut between; a scanner that never cut would pass the rest.
    expect(cut).toBeGreaterThan(files.length / 2);
  });

  it('gives the segments of the whole for 3,000 documents made of lines that open and close blocks', () => {
    const random = randomSource(20261207);
    let cut = 0;
    for (let k = 0; k < 3000; k++) {
      const source = madeDocument(random);
      if (independentPieces(source).length > 1) cut += 1;
      const { pieces, whole } = bothReadings(source);
      if (JSON.stringify(pieces) !== JSON.stringify(whole)) {
        // The document first, short: the segments' offsets make a long diff.
        expect(JSON.stringify(source)).toBe('a document whose pieces give other segments than the whole');
      }
    }
    // About 415 of the 3,000 are cut (many lines stop the cutting for the rest of a document); a scanner
    // that never cut would pass the comparison above without testing it.
    expect(cut).toBeGreaterThan(300);
  });

  it('does not cut inside front matter, fenced code or an HTML comment, nor before an indented line', () => {
    const source = ['---', 'titel: x', '', 'a: b', '---', '', 'Afsnit', '', '```', 'kode', '', 'kode', '```', '', '<!--', '', 'skjult', '-->', '', '- punkt', '', '  fortsat', '', 'Slut'].join('\n');
    const cuts = independentPieces(source);
    const startsOf = cuts.map((at) => source.slice(at).split('\n')[0]);
    expect(startsOf).toEqual(['---', 'Afsnit', '```', '<!--', '- punkt', 'Slut']);
  });

  it('reads a document that defines link references whole', () => {
    expect(independentPieces('Se [siden][1].\n\nAfsnit\n\n[1]: https://example.org\n')).toEqual([0]);
  });

  it('gathers a group of more segments than a call takes arguments (a list of 20,000 items, no blank line)', () => {
    // The built module, in a process with a small stack, where a spread of 20,000 arguments overflows it.
    const script = `import(${JSON.stringify(path.join(ROOT, 'dist/src/adapters/markdown.js'))}).then((m) => console.log(m.markdownSegments('- a\\n'.repeat(20000), false).length))`;
    const run = spawnSync(process.execPath, ['--stack-size=150', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('20000\n');
  });

  it('reads a piece seen before from memory, placed where it now stands', () => {
    // Emphasis, so that the segment keeps place maps to move.
    const paragraph = 'Ansøger **Anne Holm**, CPR-nr. 150385-2000.';
    const first = markdownSegments(`${paragraph}\n`, false);
    const moved = markdownSegments(`# Overskrift\n\n${paragraph}\n`, false);
    const shift = '# Overskrift\n\n'.length;
    expect(moved.at(-1)!.text).toBe(first[0]!.text);
    expect(moved.at(-1)!.offset).toBe(first[0]!.offset + shift);
    expect([...moved.at(-1)!.starts!]).toEqual([...first[0]!.starts!].map((at) => at + shift));
  });
});
