import markdown from '@eslint/markdown';
import { RuleTester as RuleTester10 } from 'eslint';
import { RuleTester as RuleTester9 } from 'eslint-v9';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import plugin from '../src/front-ends/eslint.js';
import { MASKED_CPR as PLACEHOLDER } from '../src/core/findings.js';

// The same suites run on ESLint 10 and on ESLint 9 (an npm alias), each wired to vitest.
const VERSIONS = [
  ['ESLint 10', RuleTester10],
  ['ESLint 9', RuleTester9],
] as const;

const cpr = plugin.rules['no-cpr-number'];
const health = plugin.rules['no-health-data'];
const complaint = plugin.rules['no-named-complaint'];
const finding = { messageId: 'finding' };
const disableLine = (rule: string, indent = '') => `${indent}// eslint-disable-next-line cprlint/${rule} -- why this is not personal data\n`;

for (const [version, RuleTester] of VERSIONS) {
  RuleTester.describe = describe;
  RuleTester.it = it;
  RuleTester.itOnly = it.only;

  describe(version, () => {
    const js = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } });
    const tsx = new RuleTester({ languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } });
    const md = new RuleTester({ plugins: { markdown }, language: 'markdown/gfm' });
    const commonmark = new RuleTester({ plugins: { markdown }, language: 'markdown/commonmark', languageOptions: { frontmatter: 'yaml' } });

    js.run('no-cpr-number in JavaScript', cpr, {
      valid: [
        'const phone = "33 98 00 98";',
        'import x from "./150385-2000.js";',
        'export * from "./150385-2000.js";',
        'const account = "Kontonr. 0036185609";',
        '// eslint-disable-next-line no-console -- 150385-2000 is no content here\nconsole.log(1);',
      ],
      invalid: [
        {
          code: 'const cpr = "150385-2000";',
          errors: [{ ...finding, line: 1, column: 14, endLine: 1, endColumn: 25, suggestions: [
            { messageId: 'redact', output: `const cpr = "${PLACEHOLDER}";` },
            { messageId: 'disable', output: `${disableLine('no-cpr-number')}const cpr = "150385-2000";` },
          ] }],
        },
        {
          code: 'function f() {\n  return `Nr ${n} 150385\\u20112000`;\n}',
          errors: [{ ...finding, line: 2, column: 19, endLine: 2, endColumn: 35, suggestions: [
            { messageId: 'redact', output: `function f() {\n  return \`Nr \${n} ${PLACEHOLDER}\`;\n}` },
            { messageId: 'disable', output: `function f() {\n${disableLine('no-cpr-number', '  ')}  return \`Nr \${n} 150385\\u20112000\`;\n}` },
          ] }],
        },
        {
          code: '/* Jens 150385-2000 */\nlet a;',
          errors: [{ ...finding, line: 1, column: 9, endColumn: 20, suggestions: [
            { messageId: 'redact', output: `/* Jens ${PLACEHOLDER} */\nlet a;` },
            { messageId: 'disable', output: `${disableLine('no-cpr-number')}/* Jens 150385-2000 */\nlet a;` },
          ] }],
        },
        {
          code: 'const el = <p data-cpr="150385-2000">Nr <b>150385</b>-2019</p>;',
          errors: [
            { ...finding, line: 1, column: 25, endColumn: 36, suggestions: [{ messageId: 'redact', output: `const el = <p data-cpr="${PLACEHOLDER}">Nr <b>150385</b>-2019</p>;` }] },
            // Across markup: no redaction, which would break the JSX.
            { ...finding, line: 1, column: 44, endColumn: 59, suggestions: [] },
          ],
        },
      ],
    });

    tsx.run('no-cpr-number in TSX', cpr, {
      valid: ["type Id = '150385-2000';", "declare module '150385-2000';", 'let x: "150385-2000" | "b";'],
      invalid: [
        {
          code: 'export const A = () => <Ansoeger cpr="060384-2855" note={"CPR 150385-2000"} />;',
          errors: [
            { ...finding, line: 1, column: 39, endColumn: 50, suggestions: [{ messageId: 'redact', output: `export const A = () => <Ansoeger cpr="${PLACEHOLDER}" note={"CPR 150385-2000"} />;` }] },
            { ...finding, line: 1, column: 63, endColumn: 74, suggestions: [{ messageId: 'redact', output: `export const A = () => <Ansoeger cpr="060384-2855" note={"CPR ${PLACEHOLDER}"} />;` }] },
          ],
        },
      ],
    });

    tsx.run('no-health-data and no-named-complaint in TSX', health, {
      valid: ['const p = <p>Vi har et tilbud til borgere med demens.</p>;', 'const s = "Kontakt demenskoordinator Lise Holm";'],
      invalid: [
        {
          code: 'const p = <p>Jens Hansen har brystkræft.</p>;',
          errors: [{ ...finding, line: 1, column: 30, endColumn: 40, suggestions: [] }],
        },
        {
          code: 'const s = "Borgeren Lars Thomsen er i behandling for depression";',
          options: [{ minConfidence: 'high' }],
          errors: [{ ...finding, line: 1, column: 54, endColumn: 64, suggestions: [
            { messageId: 'disable', output: `${disableLine('no-health-data')}const s = "Borgeren Lars Thomsen er i behandling for depression";` },
          ] }],
        },
        {
          code: 'const s = "Vi har et tilbud til borgere med demens";',
          options: [{ mode: 'any' }],
          errors: [{ ...finding, line: 1, column: 45, endColumn: 51, suggestions: [
            { messageId: 'disable', output: `${disableLine('no-health-data')}const s = "Vi har et tilbud til borgere med demens";` },
          ] }],
        },
      ],
    });

    js.run('no-named-complaint in JavaScript', complaint, {
      valid: ['const s = "Sådan klager du over en afgørelse";', 'const s = "Kommunen modtog 71 klager over hjemmeplejen";'],
      invalid: [
        {
          code: 'const s = "Klage fra Jens Hansen over hjemmeplejen";',
          errors: [{ ...finding, line: 1, column: 12, endColumn: 17, suggestions: [
            { messageId: 'disable', output: `${disableLine('no-named-complaint')}const s = "Klage fra Jens Hansen over hjemmeplejen";` },
          ] }],
        },
      ],
    });

    md.run('no-cpr-number in Markdown', cpr, {
      valid: ['# Kontakt\n\nRing på 33 98 00 98.', 'Kontonr. 0036185609'],
      invalid: [
        {
          code: '---\ncpr: "150385-2000"\n---\n\nNr **150385**-2019 og [x](/a/1503852000.pdf)\n',
          errors: [
            // Front matter, though @eslint/markdown reads it as a heading unless told otherwise.
            { ...finding, line: 2, column: 7, endLine: 2, endColumn: 18, suggestions: [{ messageId: 'redact', output: `---\ncpr: "${PLACEHOLDER}"\n---\n\nNr **150385**-2019 og [x](/a/1503852000.pdf)\n` }] },
            { ...finding, line: 5, column: 6, endLine: 5, endColumn: 19, suggestions: [] },
            { ...finding, line: 5, column: 30, endColumn: 40, suggestions: [{ messageId: 'redact', output: `---\ncpr: "150385-2000"\n---\n\nNr **150385**-2019 og [x](/a/${PLACEHOLDER}.pdf)\n` }] },
          ],
        },
      ],
    });

    js.run('no-health-data in JavaScript', health, {
      valid: ['const s = "Kræftens Bekæmpelse og Jens Hansen holder møde";'],
      invalid: [
        {
          code: 'const s = `Mette Poulsen har fået genoptræning efter en blodprop`;',
          errors: [{ ...finding, line: 1, column: 35, endColumn: 65, suggestions: [
            { messageId: 'disable', output: `${disableLine('no-health-data')}const s = \`Mette Poulsen har fået genoptræning efter en blodprop\`;` },
          ] }],
        },
      ],
    });

    tsx.run('no-named-complaint in TSX', complaint, {
      valid: ['const p = <p>Kontakt klagekoordinator Lise Holm, hvis du vil klage.</p>;'],
      invalid: [
        {
          code: 'const p = <li>Klager: <b>Henrik Olsen</b>, Nørregade 81</li>;',
          errors: [{ ...finding, line: 1, column: 15, endColumn: 21, suggestions: [] }],
        },
      ],
    });

    commonmark.run('no-cpr-number in CommonMark with YAML front matter', cpr, {
      valid: ['---\ntitle: Referat\n---\n\nRing på 33 98 00 98.'],
      invalid: [
        {
          code: '---\nansoeger_cpr: "150385-2000"\n---\n\nTekst',
          errors: [{ ...finding, line: 2, column: 16, endLine: 2, endColumn: 27, suggestions: [{ messageId: 'redact', output: `---\nansoeger_cpr: "${PLACEHOLDER}"\n---\n\nTekst` }] }],
        },
      ],
    });

    md.run('no-health-data in Markdown', health, {
      valid: ['Vi har et tilbud til borgere med blodprop.', 'Han har store kræfter, siger Jens Hansen.'],
      invalid: [
        {
          code: '| Navn | Diagnose |\n| --- | --- |\n| Jens Hansen | Demens |\n',
          errors: [{ ...finding, line: 3, column: 17, endColumn: 23, suggestions: [] }],
        },
      ],
    });

    md.run('no-named-complaint in Markdown', complaint, {
      valid: ['Klager skal sendes til Ankestyrelsen inden fire uger.'],
      invalid: [
        {
          code: '> Klage fra Jens Hansen\n> over hjemmeplejen',
          errors: [{ ...finding, line: 1, column: 3, endColumn: 8, suggestions: [] }],
        },
      ],
    });
  });
}
