/* eslint-disable cprlint/no-cpr-number -- the suite plants made-up numbers everywhere a site can hold them */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import rehypeParse from 'rehype-parse';
import remarkParse from 'remark-parse';
import tseslint from 'typescript-eslint';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import plugin from '../src/front-ends/eslint.js';
import rehypeCprlint from '../src/front-ends/rehype.js';
import remarkCprlint from '../src/front-ends/remark.js';
import { makeDocx, makePdf } from './made-documents.js';
import { runCprlint, temporaryTree } from './temporary-tree.js';

// Valid numbers (modulus 11), each planted once: whatever channel a digit of one of them reaches,
// in any written form, the suite finds it.
const NUMBERS = ['150385-2000', '230172-1008', '280646-0004', '010190-2005', '311273-2003', '121212-2005'];
/** Date and serial with anything but digits between them (a separator, markup, an entity). */
const LEAK = new RegExp(NUMBERS.map((number) => `${number.slice(0, 6).split('').join('\\D{0,2}')}\\D{0,12}${number.slice(7)}`).join('|'), 'u');
const [N0, N1, N2, N3, N4, N5] = NUMBERS as [string, string, string, string, string, string];

/** A site that holds a number in every place one can stand. */
async function plantedSite(): Promise<string> {
  return temporaryTree({
    [`sager/${N1.replace('-', '_')}/ansoegning_${N0.replace('-', '\u2011')}.md`]: [
      '---',
      `cpr: "${N2}"`,
      '---',
      '',
      `<!-- cprlint-disable-next-line no-cpr-number -- borgerens nummer ${N3.replace('-', '\\-')} er en testværdi -->`,
      `CPR ${N3}`,
      '',
      `Jens Hansen har brystkræft. CPR ${N4.replace('-', '&shy;')}`,
      '',
    ].join('\n'),
    'side.html': `<p title="CPR ${N5}">Tekst</p><img alt="CPR ${N0}"><a href="/sag/${N1}.pdf">x</a>\n`,
    'data.json': `{"${N2}": "nøgle", "cpr": "${N3}"}\n`,
    'eksport.csv': `Navn;CPR\nJens Hansen;${N4}\n`,
    'afgoerelse.docx': await makeDocx([`Afgørelse om ${N5}`], [`Sag ${N0}`], [`Husk ${N1}`]),
    'bilag.pdf': makePdf([[`Bilag: CPR ${N2}`]], { Title: `Ansøgning ${N3}` }),
    // A damaged document: its reader's error must not quote what it read.
    'skadet.docx': `PK\u0003\u0004 ${N4} not a zip`,
  });
}

function outputsOf(site: string, ...args: string[]): string[] {
  const run = runCprlint(args, { cwd: site, env: { CPRLINT_CACHE_KEY: 'leak-suite' } });
  return [run.stdout, run.stderr];
}

describe('no channel holds a planted number', () => {
  it('the command line: four formats, --output-file, the cache, a baseline, --print-config, a crash', async () => {
    const site = await plantedSite();
    const seen: string[] = [];
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      seen.push(...outputsOf(site, '--format', format, '.'));
      seen.push(...outputsOf(site, '--format', format, '--output-file', `rapport.${format}`, '.'));
      seen.push(fs.readFileSync(path.join(site, `rapport.${format}`), 'utf8'));
    }
    seen.push(...outputsOf(site, '--cache', '.'), fs.readFileSync(path.join(site, '.cprlintcache'), 'utf8'));
    seen.push(...outputsOf(site, '--write-baseline', 'baseline.json', '.'), fs.readFileSync(path.join(site, 'baseline.json'), 'utf8'));
    seen.push(...outputsOf(site, '--baseline', 'baseline.json', '.'));
    seen.push(...outputsOf(site, '--print-config', `sager/${N1}/x.md`));
    // "--show-values" as a path, not an option, turns nothing off.
    seen.push(...outputsOf(site, '--format', 'json', '.', '--', '--show-values'));
    // Paths given on the command line, a folder that is not there, a cache that cannot be written.
    seen.push(...outputsOf(site, `sager/${N1.replace('-', '_')}`, `mangler/${N2}`));
    seen.push(...outputsOf(site, '--cache', '--cache-location', `mangler/${N3}/cache`, '.'));
    seen.push(...outputsOf(site, '--write-baseline', `mangler/${N4}/baseline.json`, '.'));
    const leaks = seen.filter((output) => LEAK.test(output)).map((output) => LEAK.exec(output)![0]);
    expect(leaks).toEqual([]);
    // The suite can see a number: the same run with --show-values shows them.
    expect(outputsOf(site, '--show-values', '.').join('\n')).toMatch(LEAK);
    // Numbers in a configuration file: an option's value, an allowlist entry that is no hash.
    const mistakes: string[] = [];
    fs.writeFileSync(path.join(site, '.cprlintrc.json'), JSON.stringify({ rules: { 'no-health-data': ['error', { add: [{ term: N5, match: N0 }] }] } }));
    mistakes.push(...outputsOf(site, '.'));
    fs.writeFileSync(path.join(site, '.cprlintrc.json'), JSON.stringify({ allowlist: { values: [N1] } }));
    mistakes.push(...outputsOf(site, '.'));
    expect(mistakes.join('\n')).toContain('cprlint: ');
    expect(mistakes.filter((output) => LEAK.test(output)).map((output) => LEAK.exec(output)![0])).toEqual([]);
    // Some twenty runs of the command line, one after another: about 25 s on a quiet machine.
  }, 120_000);

  it('the unified plugins: their messages and the error that fails a build', async () => {
    const markdown = `Jens Hansen har brystkræft. CPR ${N0}\n`;
    const file = new VFile({ path: `sager/${N1}/side.md`, value: markdown });
    const error = await unified()
      .use(remarkParse)
      .use(remarkCprlint)
      .run(unified().use(remarkParse).parse(file), file)
      .then(() => undefined, (thrown: Error) => thrown);
    expect(error).toBeInstanceOf(Error);
    const html = new VFile({ path: `sager/${N2}/side.html`, value: `<p>CPR ${N3}</p>` });
    const htmlError = await unified()
      .use(rehypeParse)
      .use(rehypeCprlint)
      .run(unified().use(rehypeParse).parse(html), html)
      .then(() => undefined, (thrown: Error) => thrown);
    const seen = [error!.message, error!.stack ?? '', String(htmlError), ...file.messages.map(String), ...html.messages.map(String)];
    expect(seen.filter((output) => LEAK.test(output))).toEqual([]);
  });

  it('the ESLint pack: messages and suggestions', async () => {
    const eslint = new ESLint({ cwd: temporaryTree(), overrideConfigFile: true, overrideConfig: [{ ...plugin.configs.recommended, languageOptions: { parser: tseslint.parser } }] });
    const [result] = await eslint.lintText(`const cpr = "${N0}"; // ${N1}\nexport const p = <p title="${N2}">Jens Hansen har brystkræft.</p>;\n`, { filePath: `sager/${N3}/side.tsx` });
    const messages = result!.messages;
    expect(messages.length).toBeGreaterThan(2);
    // A suggestion replaces the number with a placeholder or adds a disable comment: its text is the fix.
    const written = messages.flatMap((message) => [message.message, ...(message.suggestions ?? []).map((suggestion) => `${suggestion.desc} ${suggestion.fix.text}`)]);
    expect(written.filter((output) => LEAK.test(output))).toEqual([]);
  });
});
