import { describe, expect, it } from 'vitest';
import { formatOf, scanText, type SourceFormat } from '../src/index.js';
import { TODAY } from './rule-findings.js';

// 150385-2000 is a CPR number of 15 March 1985 that passes modulus 11.

type Seen = [ruleId: string, line: number, column: number, endColumn: number, severity: string];

function seen(source: string, format: SourceFormat): Seen[] {
  const report = scanText(source, { format, today: TODAY });
  expect(report.notices).toEqual([]);
  return report.findings.map((finding) => [finding.ruleId, finding.place.start.line, finding.place.start.column, finding.place.end.column, finding.severity]);
}

describe('the formats of build output', () => {
  it.each<[string, SourceFormat]>([
    ['search/pagefind-index.json', 'json'],
    ['assets/app.js.map', 'json'],
    ['manifest.webmanifest', 'json'],
    ['sitemap.xml', 'xml'],
    ['feed.rss', 'xml'],
    ['atom.atom', 'xml'],
    ['logo.svg', 'xml'],
    ['assets/app.js', 'javascript'],
    ['chunk.mjs', 'javascript'],
    ['styles.css', 'text'],
    ['robots.txt', 'text'],
    ['data.csv', 'csv'],
    ['page.tsx', 'text'],
  ])('%s is read as %s', (filePath, format) => {
    expect(formatOf(filePath)).toBe(format);
  });
});

describe('JSON, value by value', () => {
  it('finds a number in a string value at its place, with the property name as its label', () => {
    // Without the name "cpr" this number would be a warning: its serial fails modulus 11.
    expect(seen('{\n  "id": 7,\n  "cpr": "150385-2001"\n}\n', 'json')).toEqual([['no-cpr-number', 3, 11, 22, 'error']]);
    expect(seen('{\n  "id": 7,\n  "nr": "150385-2001"\n}\n', 'json')).toEqual([['no-cpr-number', 3, 10, 21, 'warning']]);
  });

  it('decodes the escapes of a string: \\n, \\" and \\u', () => {
    expect(seen('{"x":"Cpr:\\n150385\\u20112000 \\"ok\\""}', 'json')).toEqual([['no-cpr-number', 1, 13, 29, 'error']]);
  });

  it('reads number values and names that stand alone', () => {
    expect(seen('{"cpr": 1503852000}', 'json')).toEqual([['no-cpr-number', 1, 9, 19, 'error']]);
    expect(seen('{"1503852000": {"sag": 1}}', 'json')).toEqual([['no-cpr-number', 1, 3, 13, 'error']]);
    expect(seen('{"1503852000": true, "150385-2000": null}', 'json').map(([, , column]) => column)).toEqual([3, 23]);
    expect(seen('{"cpr": [1503852000]}', 'json')).toEqual([['no-cpr-number', 1, 10, 20, 'error']]);
    expect(seen('[1503852000]', 'json')).toEqual([['no-cpr-number', 1, 2, 12, 'error']]);
  });

  it('keeps a search index record apart from the next: a name in one and a diagnosis in another are no finding', () => {
    const index = JSON.stringify([
      { title: 'Kontakt', content: 'Skriv til Jens Hansen.' },
      { title: 'Sundhed', content: 'Om brystkræft og behandling.' },
    ]);
    expect(seen(index, 'json')).toEqual([]);
    // The same words in one record are health data about a named person.
    expect(seen(JSON.stringify([{ content: 'Jens Hansen har brystkræft.' }]), 'json').map(([ruleId]) => ruleId)).toEqual(['no-health-data']);
  });

  it('reads comments in JSON with comments', () => {
    expect(seen('{\n  // 150385-2000\n  "a": 1\n}', 'json')).toEqual([['no-cpr-number', 2, 6, 17, 'error']]);
  });

  it('reads the sources a source map carries', () => {
    const map = JSON.stringify({ version: 3, sources: ['src/side.md'], sourcesContent: ['# Ansøgning\n\nCPR: 150385-2000\n'], mappings: 'AAAA;AACA' });
    expect(seen(map, 'json').map(([ruleId, line, , , severity]) => [ruleId, line, severity])).toEqual([['no-cpr-number', 1, 'error']]);
  });

  it('falls back to plain text for broken JSON and says so', () => {
    const report = scanText('{"cpr": "150385-2000", ', { format: 'json', today: TODAY });
    expect(report.notices).toEqual([{ severity: 'warning', message: expect.stringMatching(/^Could not parse as JSON \(.+\); scanned as plain text$/) }]);
    expect(report.findings.map((finding) => finding.place.start.column)).toEqual([10]);
  });
});

describe('XML: sitemaps, feeds, SVG', () => {
  it('reads element text with the element name as its label, attributes, CDATA and comments', () => {
    const feed = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<rss version="2.0"><channel>',
      '<item><cprnr>150385-2001</cprnr><nr>150385-2001</nr></item>',
      '<item><link>https://x.dk/ansoegning_1503852000.pdf</link><enclosure url="/filer/1503852000.pdf"/></item>',
      '<item><description><![CDATA[<p>Cpr 150385-2000</p>]]></description></item>',
      '<!-- 150385-2000 -->',
      '</channel></rss>',
    ].join('\n');
    expect(seen(feed, 'xml')).toEqual([
      ['no-cpr-number', 3, 14, 25, 'error'],
      ['no-cpr-number', 3, 37, 48, 'warning'],
      ['no-cpr-number', 4, 37, 47, 'error'],
      ['no-cpr-number', 4, 81, 91, 'error'],
      ['no-cpr-number', 5, 36, 47, 'error'],
      ['no-cpr-number', 6, 6, 17, 'error'],
    ]);
  });

  it('reads markup escaped inside a feed item as the text it spells', () => {
    const feed = '<rss><item><description>&lt;p&gt;Klage fra Jens Hansen over hjemmeplejen&lt;/p&gt;</description></item></rss>';
    expect(seen(feed, 'xml').map(([ruleId]) => ruleId)).toEqual(['no-named-complaint']);
  });

  it('reads text that inline elements or markup cut apart as one: SVG tspans, HTML in CDATA, escaped HTML', () => {
    expect(seen('<svg><text x="1">CPR 150385<tspan dy="2">-2000</tspan></text></svg>', 'xml')).toEqual([['no-cpr-number', 1, 22, 47, 'error']]);
    expect(seen('<item><description><![CDATA[<p>Cpr <b>150385</b>-2000</p>]]></description></item>', 'xml')).toEqual([['no-cpr-number', 1, 39, 54, 'error']]);
    expect(seen('<item><description>&lt;p&gt;Cpr &lt;b&gt;150385&lt;/b&gt;-2000&lt;/p&gt;</description></item>', 'xml')).toEqual([['no-cpr-number', 1, 42, 63, 'error']]);
  });

  it('falls back to plain text for XML that is not well-formed and says so', () => {
    const report = scanText('<rss><item>150385-2000</rss>', { format: 'xml', today: TODAY });
    expect(report.notices).toEqual([{ severity: 'warning', message: expect.stringMatching(/^Could not parse as XML \(.+\); scanned as plain text$/) }]);
    expect(report.findings).toHaveLength(1);
  });
});

describe('JavaScript bundles: strings, templates and comments', () => {
  it('reads string literals, template parts and comments at their places', () => {
    const bundle = '!function(){var e={n:"Hej"};console.log("150385-2000",`x ${e.n} 1503852000`)}();\n/* 150385-2000 */';
    expect(seen(bundle, 'javascript').map(([, line, column]) => [line, column])).toEqual([
      [1, 42],
      [1, 65],
      [2, 4],
    ]);
  });

  it('decodes the escapes of strings and templates: \\x2d, \\u{2011}, \\n', () => {
    expect(seen('x("150385\\x2d2000")', 'javascript')).toEqual([['no-cpr-number', 1, 4, 18, 'error']]);
    expect(seen('x(`150385\\u{2011}2000`)', 'javascript')).toEqual([['no-cpr-number', 1, 4, 22, 'error']]);
    expect(seen('x("Cpr 150385\\n2000")', 'javascript')).toEqual([['no-cpr-number', 1, 8, 20, 'error']]);
  });

  it('keeps a property name next to its string value', () => {
    expect(seen('export const a={cpr:"150385-2001"}', 'javascript')).toEqual([['no-cpr-number', 1, 22, 33, 'error']]);
  });

  it('does not read numbers in code: a minifier\'s constants and timestamps are no text', () => {
    expect(seen('var t=1503852000,u=Date.now()-1503852000;', 'javascript')).toEqual([]);
    // Read as plain text, the same bundle has two candidates.
    expect(scanText('var t=1503852000,u=Date.now()-1503852000;', { format: 'text', today: TODAY }).findings).toHaveLength(2);
  });

  it('reads a classic script that is no module', () => {
    expect(seen('with (a) { b("150385-2000") }', 'javascript')).toHaveLength(1);
  });

  it('falls back to plain text for a script that does not parse and says so', () => {
    const report = scanText('const x = "150385-2000" +;', { format: 'javascript', today: TODAY });
    expect(report.notices).toEqual([{ severity: 'warning', message: expect.stringMatching(/^Could not parse as JavaScript \(.+\); scanned as plain text$/) }]);
    expect(report.findings).toHaveLength(1);
  });
});
