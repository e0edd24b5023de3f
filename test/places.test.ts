import { describe, expect, it } from 'vitest';
import { scanText, type SourceFormat } from '../src/index.js';

// 150385-2000 is a CPR number of 15 March 1985 that passes modulus 11.
const TODAY = new Date(2026, 10, 22);

type Where = [line: number, column: number, endLine: number, endColumn: number, kind: string];

function places(source: string, format: SourceFormat): Where[] {
  const report = scanText(source, { format, today: TODAY });
  expect(report.notices).toEqual([]);
  return report.findings.map((finding) => [
    finding.place.start.line,
    finding.place.start.column,
    finding.place.end.line,
    finding.place.end.column,
    finding.kind,
  ]);
}

describe('Markdown (GFM, front matter)', () => {
  it.each<[string, string, Where[]]>([
    ['paragraph text', 'Hej\n\nBorger 150385-2000 bor her.\n', [[3, 8, 3, 19, 'text']]],
    ['split by strong emphasis', 'Nr. **150385**-2000\n', [[1, 7, 1, 20, 'text']]],
    ['split by emphasis around the serial', 'Nr. 150385-_2000_\n', [[1, 5, 1, 17, 'text']]],
    ['split by inline HTML', 'Nr. <b>150385</b>-2000\n', [[1, 8, 1, 23, 'text']]],
    ['HTML entity between date and serial', 'Nr. 150385&#8209;2000\n', [[1, 5, 1, 22, 'text']]],
    ['backslash escape between date and serial', 'Nr. 150385\\-2000\n', [[1, 5, 1, 17, 'text']]],
    ['heading', '# Sag 150385-2000\n', [[1, 7, 1, 18, 'text']]],
    ['list item', '- a\n- Sag 150385-2000\n', [[2, 7, 2, 18, 'text']]],
    ['table cell', '| Navn | Nr |\n| --- | --- |\n| A | 150385-2000 |\n', [[3, 7, 3, 18, 'text']]],
    ['blockquote over two lines', '> Nr.\n> 150385-2000\n', [[2, 3, 2, 14, 'text']]],
    ['link destination', '[ansøgning](/filer/ansoegning_1503852000.pdf)\n', [[1, 31, 1, 41, 'url']]],
    ['link title', '[a](/x "cpr 150385-2000")\n', [[1, 13, 1, 24, 'url']]],
    ['autolink', '<https://x.dk/?id=1503852000>\n', [[1, 19, 1, 29, 'text']]],
    ['reference definition', '[a]: https://x.dk/1503852000\n', [[1, 19, 1, 29, 'url']]],
    ['image alt', '![Foto 150385-2000](a.png)\n', [[1, 8, 1, 19, 'alt']]],
    ['image title', '![Foto](a.png "150385-2000")\n', [[1, 16, 1, 27, 'alt']]],
    ['inline code', 'Brug `150385-2000` her\n', [[1, 7, 1, 18, 'text']]],
    ['fenced code block', '```js title="x"\nconst cpr = "150385-2000";\n```\n', [[2, 14, 2, 25, 'code']]],
    ['indented code block', 'a\n\n    id = 150385-2000\n', [[3, 10, 3, 21, 'code']]],
    ['HTML comment', '<!-- 150385-2000 -->\n', [[1, 6, 1, 17, 'comment']]],
    ['attribute in an HTML block', '<div data-person="150385-2000"></div>\n', [[1, 19, 1, 30, 'attribute']]],
    ['YAML front matter', '---\ntitle: Sag\ncpr: "150385-2000"\n---\n\nTekst\n', [[3, 7, 3, 18, 'frontmatter']]],
    ['TOML front matter', '+++\ncpr = "150385-2000"\n+++\n\nTekst\n', [[2, 8, 2, 19, 'frontmatter']]],
    ['footnote', 'Tekst[^1]\n\n[^1]: Sag 150385-2000\n', [[3, 11, 3, 22, 'text']]],
    ['CRLF line endings', 'Hej\r\n\r\nNr 150385-2000\r\n', [[3, 4, 3, 15, 'text']]],
    ['an emoji before counts two UTF-16 units', '😀 150385-2000\n', [[1, 4, 1, 15, 'text']]],
    ['a byte order mark is not counted', '\uFEFFNr **150385**-2000\n', [[1, 6, 1, 19, 'text']]],
  ])('%s', (_name, source, expected) => {
    expect(places(source, 'markdown')).toEqual(expected);
  });

  it.each<[string, string, Where[]]>([
    ['a hard line break between date and serial', 'Nr. 150385\\\n2000\n', [[1, 5, 2, 5, 'text']]],
    ['a soft line break after a hyphen', 'Nr. 150385-\n2000\n', [[1, 5, 2, 5, 'text']]],
    ['a line break in a blockquote', '> Nr. 150385-\n> 2000\n', [[1, 7, 2, 7, 'text']]],
  ])('%s', (_name, source, expected) => {
    expect(places(source, 'markdown')).toEqual(expected);
  });
});

describe('MDX', () => {
  it.each<[string, string, Where[]]>([
    ['JSX attribute', '<Ansoeger cpr="150385-2000" />\n', [[1, 16, 1, 27, 'attribute']]],
    ['JSX expression attribute', '<Ansoeger cpr={"150385-2000"} />\n', [[1, 17, 1, 28, 'attribute']]],
    ['JSX text child', '<Note>Ring 150385-2000</Note>\n', [[1, 12, 1, 23, 'text']]],
    ['inline JSX in a paragraph', 'Nr <Em>150385</Em>-2000\n', [[1, 8, 1, 24, 'text']]],
    ['text expression', 'Nr {"150385-2000"}\n', [[1, 6, 1, 17, 'expression']]],
    ['comment expression', '{/* 150385-2000 */}\n', [[1, 5, 1, 16, 'expression']]],
    ['ESM', "export const cpr = '150385-2000'\n", [[1, 21, 1, 32, 'expression']]],
  ])('%s', (_name, source, expected) => {
    expect(places(source, 'mdx')).toEqual(expected);
  });
});

describe('HTML', () => {
  it.each<[string, string, Where[]]>([
    ['text', '<p>Nr 150385-2000</p>', [[1, 7, 1, 18, 'text']]],
    ['split by inline markup', '<p>Nr <b>150385</b>-2000</p>', [[1, 10, 1, 25, 'text']]],
    ['split by a span with attributes', '<p>Nr <span class="x">150385</span> 2000</p>', [[1, 23, 1, 41, 'text']]],
    ['&nbsp; between date and serial', '<p>Nr 150385&nbsp;2000</p>', [[1, 7, 1, 23, 'text']]],
    ['numeric entity', '<p>Nr 150385&#8209;2000</p>', [[1, 7, 1, 24, 'text']]],
    ['value attribute', '<input value="150385-2000">', [[1, 15, 1, 26, 'attribute']]],
    ['meta content', '<meta name="description" content="Sag 150385-2000">', [[1, 39, 1, 50, 'attribute']]],
    ['href', '<a href="/sag?cpr=1503852000">x</a>', [[1, 19, 1, 29, 'attribute']]],
    ['data attribute', '<div data-id="1503852000"></div>', [[1, 15, 1, 25, 'attribute']]],
    ['alt text', '<img alt="150385-2000" src="a.png">', [[1, 11, 1, 22, 'attribute']]],
    ['title attribute', '<abbr title="150385-2000">x</abbr>', [[1, 14, 1, 25, 'attribute']]],
    ['entity inside an attribute', '<input value="150385&#8209;2000">', [[1, 15, 1, 32, 'attribute']]],
    ['comment', '<!-- Jens 150385-2000 -->', [[1, 11, 1, 22, 'comment']]],
    [
      'JSON-LD script',
      '<script type="application/ld+json">{"identifier":"150385-2000"}</script>',
      [[1, 51, 1, 62, 'script']],
    ],
    ['inline script', '<script>const id = "1503852000";</script>', [[1, 21, 1, 31, 'script']]],
    ['title element', '<html><head><title>150385-2000</title></head></html>', [[1, 20, 1, 31, 'text']]],
    ['textarea', '<textarea>150385-2000</textarea>', [[1, 11, 1, 22, 'text']]],
    ['second line', '<p>a</p>\n<p>150385-2000</p>', [[2, 4, 2, 15, 'text']]],
    [
      'attributes of <html> and <body> in a whole document',
      '<!doctype html>\n<html data-a="1503852000"><body data-b="1503852019"><p>x</p></body></html>',
      [[2, 15, 2, 25, 'attribute'], [2, 41, 2, 51, 'attribute']],
    ],
    ['a table cell without its table', '<td>150385-2000</td>', [[1, 5, 1, 16, 'text']]],
    ['a number in two blocks is not one number', '<p>150385</p><p>2000</p>', []],
    ['<br> between date and serial', '<p>150385<br>2000</p>', [[1, 4, 1, 18, 'text']]],
    ['a footnote mark after the number', '<p>CPR 150385-2000<sup>1</sup></p>', [[1, 8, 1, 19, 'text']]],
    ['a footnote mark before the number', '<p><sup>2</sup>150385-2000</p>', [[1, 16, 1, 27, 'text']]],
    ['a percent-encoded character before the number', '<a href="/media/ans%C3%B8gning%201503852000.pdf">x</a>', [[1, 34, 1, 44, 'attribute']]],
  ])('%s', (_name, source, expected) => {
    expect(places(source, 'html')).toEqual(expected);
  });
});

describe('plain text formats', () => {
  it.each<[string, string, Where[]]>([
    ['JSON string', '{\n  "cpr": "150385-2000"\n}\n', [[2, 11, 2, 22, 'text']]],
    ['TSX attribute', '<Ansoeger cpr="150385-2000" />', [[1, 16, 1, 27, 'text']]],
    ['entity in a template', '<p>{{ name }} 150385&nbsp;2000</p>', [[1, 15, 1, 31, 'text']]],
    ['CSV', 'navn;cpr\nJens;150385-2000\n', [[2, 6, 2, 17, 'text']]],
    ['JSON escape for the non-breaking hyphen', '{"x":"150385\\u20112000"}', [[1, 7, 1, 23, 'text']]],
    ['JSON escape for a no-break space', '{"x":"150385\\u00a02000"}', [[1, 7, 1, 23, 'text']]],
  ])('%s', (_name, source, expected) => {
    expect(places(source, 'text')).toEqual(expected);
  });
});

describe('what cannot be parsed is still scanned', () => {
  it('falls back to plain text for broken MDX and says so', () => {
    const report = scanText('<Ansoeger cpr="150385-2000"\n\n{ broken', { format: 'mdx', today: TODAY });
    expect(report.notices).toEqual([
      { severity: 'warning', message: expect.stringMatching(/^Could not parse as MDX \(.+\); scanned as plain text$/) },
    ]);
    expect(report.findings.map((finding) => finding.place.start)).toEqual([{ line: 1, column: 16, offset: 15 }]);
  });
});

describe('text without a candidate is never parsed', () => {
  it('does not parse MDX that would fail, when no date stands in it', () => {
    const report = scanText('<Broken\n\n{ 2026 and 33 98 00 98', { format: 'mdx', today: TODAY });
    expect(report).toEqual({ filePath: '<text>', findings: [], notices: [] });
  });
});
