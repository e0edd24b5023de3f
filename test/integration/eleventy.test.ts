// Real Eleventy 3 builds of fixtures/eleventy-site with cprlint/eleventy, by its command line. Each
// build copies the site into .test-builds/ under the repository, so the site's configuration finds
// `cprlint/eleventy` by the package's reference to itself, and Eleventy in node_modules.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactValues } from '../../src/core/findings.js';
import { ROOT, writeFiles } from '../temporary-tree.js';
import { runBuild, siteCopy } from './site-builds.js';

const ELEVENTY = path.join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');

// Made up: 15 March 1985 with serials that pass modulus 11.
const NUMBER = '150385-2000';
const OTHER_NUMBER = '150385-2019';
const EVERY_FULL_FORM = /150385[-\s]?20(00|19)/;

const FINDING_LINE = /^(\S+):(\d+):(\d+) (error|warning) .+ (no-cpr-number|no-health-data|no-named-complaint)$/;

interface Build {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The copied site's folder; the build's output is `_site` beside it. */
  directory: string;
}

/** Builds a copy of the fixture site with some files replaced or added, in `<copy>/site` → `<copy>/_site`. */
async function build(changes: Record<string, string> = {}, flags: string[] = []): Promise<Build> {
  const directory = siteCopy('eleventy-site', 'site');
  writeFiles(path.join(directory, 'site'), changes);
  const run = await runBuild([ELEVENTY, '--config=site/eleventy.config.js', '--input=site', '--output=_site', ...flags], directory);
  return { code: run.code, stdout: run.stdout, stderr: run.stderr, directory };
}

/** The findings the plugin logged, as `path:line:column severity rule`. */
function findingsLogged(run: Build): string[] {
  return run.stderr
    .split('\n')
    .map((line) => FINDING_LINE.exec(line))
    .filter((match) => match !== null)
    .map(([, file, line, column, severity, ruleId]) => `${file}:${line}:${column} ${severity} ${ruleId}`);
}

/** Where `value` occurs in a file of the build, as the plugin would log a CPR finding there. */
function cprFindingsAt(run: Build, file: string, value: string): string[] {
  const lines = fs.readFileSync(path.join(run.directory, file), 'utf8').split('\n');
  return lines.flatMap((text, index) => {
    const found: string[] = [];
    for (let column = text.indexOf(value); column !== -1; column = text.indexOf(value, column + 1)) {
      found.push(`${file}:${index + 1}:${column + 1} error no-cpr-number`);
    }
    return found;
  });
}

const plantedPage = (title: string, where: string): string =>
  [
    '---',
    'layout: base.njk',
    `title: ${title}`,
    `description: Ansøgning fra borger med CPR-nr. ${NUMBER}`,
    '---',
    `Denne side handler om ${where}.`,
    '',
    `Eksempel fra en borgers ansøgning: ${NUMBER}.`,
    '',
  ].join('\n');

describe('cprlint/eleventy in an Eleventy 3 build', () => {
  it('builds the clean site: exit 0, every page written, nothing logged', async () => {
    const run = await build();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const page of ['index.html', 'borger/affald/index.html', 'borger/flytning/index.html', 'kontakt/index.html', 'sitemap.xml']) {
      expect(fs.existsSync(path.join(run.directory, '_site', page)), page).toBe(true);
    }
  });

  it('fails on numbers in Markdown sources, front matter included, listing every one in the source and in the page', async () => {
    const run = await build({
      'borger/flytning.md': plantedPage('Flytning', 'flytning'),
      'borger/affald.md': plantedPage('Affald og genbrug', 'affald'),
    });
    expect(run.code).not.toBe(0);
    const expected = [
      'site/borger/affald.md',
      'site/borger/flytning.md',
      '_site/borger/affald/index.html',
      '_site/borger/flytning/index.html',
    ].flatMap((file) => cprFindingsAt(run, file, NUMBER));
    // Front matter (line 4) and body (line 8) of both sources, then the pages built from them.
    expect(expected.filter((finding) => finding.startsWith('site/'))).toEqual([
      'site/borger/affald.md:4:47 error no-cpr-number',
      'site/borger/affald.md:8:36 error no-cpr-number',
      'site/borger/flytning.md:4:47 error no-cpr-number',
      'site/borger/flytning.md:8:36 error no-cpr-number',
    ]);
    expect(expected).toHaveLength(8);
    expect(findingsLogged(run)).toEqual(expected);
    expect(run.stderr).toContain('cprlint found 8 findings that must not be published');
    expect(run.stdout + run.stderr).not.toMatch(EVERY_FULL_FORM);
  });

  it('fails on a number that only the rendered page holds, from a data file, through the transform', async () => {
    const run = await build({
      '_data/kontakt.json': JSON.stringify({
        afdelinger: [
          { navn: 'Borgerservice', telefon: '70 10 20 31', aabent: 'Hverdage 10–15' },
          { navn: 'Teknik og Miljø', telefon: OTHER_NUMBER, aabent: 'Hverdage 9–14' },
        ],
      }),
    });
    expect(run.code).not.toBe(0);
    const expected = cprFindingsAt(run, '_site/kontakt/index.html', OTHER_NUMBER);
    expect(expected).toHaveLength(1);
    expect(findingsLogged(run)).toEqual(expected);
    expect(run.stderr).toContain('cprlint found 1 finding that must not be published, in _site/kontakt/index.html');
    expect(run.stdout + run.stderr).not.toMatch(EVERY_FULL_FORM);
  });

  it('redacts a number in a file name in what it logs (Eleventy itself names files in full unless --quiet)', async () => {
    const name = `borger/ansoegning-${NUMBER}.md`;
    const run = await build({ [name]: plantedPage('Ansøgning', 'en ansøgning') }, ['--quiet']);
    expect(run.code).not.toBe(0);
    const logged = findingsLogged(run);
    expect(logged).toContain(`${redactValues(`site/${name}`)}:8:36 error no-cpr-number`);
    // The page's address holds the number too: the sitemap that links it is a finding.
    expect(logged.some((finding) => finding.startsWith('_site/sitemap.xml:'))).toBe(true);
    expect(run.stdout + run.stderr).not.toMatch(EVERY_FULL_FORM);
  });

  it('with failOn "never", lists the findings and builds', async () => {
    const run = await build({
      'eleventy.config.js': "import cprlint from 'cprlint/eleventy';\nexport default (config) => { config.addPlugin(cprlint, { failOn: 'never' }); };\n",
      'borger/flytning.md': plantedPage('Flytning', 'flytning'),
    });
    expect(run.code).toBe(0);
    expect(findingsLogged(run)).toHaveLength(4);
    expect(run.stdout + run.stderr).not.toMatch(EVERY_FULL_FORM);
  });

  it('follows the site\'s configuration file for sources and the pages built from them', async () => {
    const run = await build({
      'cprlint.config.json': JSON.stringify({ rules: { 'no-cpr-number': 'off' } }),
      'borger/flytning.md': plantedPage('Flytning', 'flytning'),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('refuses an unknown failOn when the plugin is added', async () => {
    const run = await build({
      'eleventy.config.js': "import cprlint from 'cprlint/eleventy';\nexport default (config) => { config.addPlugin(cprlint, { failOn: 'sometimes' }); };\n",
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('cprlint: option failOn must be one of error, warning, never');
    expect(run.stderr).not.toContain('sometimes');
  });
});
