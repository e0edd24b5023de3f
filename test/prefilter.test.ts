import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsIn } from '../src/core/findings.js';
import { formatOf, parseSegments, scanText } from '../src/core/scan.js';

// The engine parses a file only when a rule finds a candidate in its readable view. The view must
// hold at least what parsing gives: scanning with the prefilter finds exactly what parsing always
// would.
const TODAY = new Date(2026, 10, 22);
const ROOT = path.resolve(import.meta.dirname, '..');

function filesUnder(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && formatOf(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const TRICKY: [string, string][] = [
  ['a.md', 'Nr **150385**-2000 og 15**03**85-2019 og [x](/a%20150385-2000)'],
  ['a.md', '> Nr. 150385-\n> 2000\n\n| Jens Hansen | Demens |\n|---|---|\n| a | b |'],
  ['a.md', '---\ncpr: "150385\\u20112000"\n---\n\nJens\u00a0Hansen har *kræft*.'],
  ['a.html', '<p>Jens <b>Hansen</b> har <i>brystkræft</i></p><p title="150385&#8209;2000">x</p>'],
  ['a.html', '<table><tr><td>Jens Hansen</td><td>Demens</td></tr></table><p>150385<br>2000</p><p><sup>1</sup>150385-2000</p>'],
  ['a.html', '<ul><li>Klage fra <b>Jens Hansen</b> over hjemmeplejen</li></ul><!-- 150385 2019 -->'],
  ['a.mdx', '<Ansoeger cpr={"150385-2000"} />\n\nKlager: <Em>Jens</Em> Hansen\n\n{/* 150385-2019 */}'],
  ['a.json', '{"navn": "Jens Hansen", "diagnose": "demens", "cpr": "150385\\u00a02000"}'],
  ['a.txt', 'Borgeren Jens Hansen er i\nbehandling for kræft. Klage fra\nJens Hansen.'],
  // Staff is judged by what stands on the same line: the view must never find staff where parsing does not.
  ['a.md', '## Kontakt\n\nJens Hansen har kræft.\n\nKontakt: sagsbehandler Lise Holm om demens.'],
  ['a.html', '<h2>Kontakt</h2><p>Jens Hansen har kræft.</p><p>Lise Holm</p><p>tlf. 33 98 00 98, demens</p>'],
  ['a.html', '<table><tr><td>leder</td><td>Lise Holm har demens</td></tr><tr><td>Jens Hansen</td><td>Kræft</td></tr></table>'],
  ['a.md', '| Rolle | Navn |\n| --- | --- |\n| leder | Lise Holm, demens |\n| borger | Jens Hansen (C) klager |'],
];

const inputs: [string, string][] = [
  ...[...filesUnder(path.join(ROOT, 'fixtures')), ...filesUnder(path.resolve(ROOT, '..', 'shared', 'corpus', 'dev', 'site'))].map(
    (file): [string, string] => [file, fs.readFileSync(file, 'utf8')],
  ),
  ...TRICKY,
];

describe('the prefilter changes no finding', () => {
  it.each(inputs.map(([file, source]) => [path.relative(ROOT, path.resolve(ROOT, file)), source]))('%s', (file, source) => {
    const format = formatOf(file) ?? 'text';
    const placed = (findings: ReturnType<typeof findingsIn>) =>
      findings.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.place.start.offset}-${finding.place.end.offset}`);
    const prefiltered = scanText(source, { filePath: file, today: TODAY }).findings;
    const parsed = findingsIn(parseSegments(source, format), source, { today: TODAY });
    expect(placed(prefiltered)).toEqual(placed(parsed));
  });

  it('found something in the tricky inputs, so the comparison means something', () => {
    const found = TRICKY.flatMap(([file, source]) => scanText(source, { filePath: file, today: TODAY }).findings);
    expect(new Set(found.map((finding) => finding.ruleId))).toEqual(new Set(['no-cpr-number', 'no-health-data', 'no-named-complaint']));
  });
});
