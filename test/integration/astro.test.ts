// Real Astro 5 builds of fixtures/astro-site, whose astro.config.mjs lists cprlint/remark and
// cprlint/rehype: the clean site builds, and a CPR number planted in a Markdown or an MDX page fails
// the build with a message naming the file and line, while the number itself stays out of the log.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../temporary-tree.js';
import { BUILD_TIMEOUT, CPR_NUMBER, FULL_NUMBER, runBuild, siteCopy as fixtureCopy } from './site-builds.js';

const ASTRO = path.join(ROOT, 'node_modules', 'astro', 'astro.js');
const LEAK = `Borgerens CPR-nr. er ${CPR_NUMBER}.`;
const siteCopy = () => fixtureCopy('astro-site');

/** Adds a paragraph holding the number at the end of `page`; returns where the number is. */
function plantNumber(site: string, page: string): { file: string; line: number; column: number } {
  const file = path.join(site, page);
  const before = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, `${before}\n${LEAK}\n`);
  return { file, line: before.split('\n').length + 1, column: LEAK.indexOf(CPR_NUMBER) + 1 };
}

const astroBuild = (site: string) => runBuild([ASTRO, 'build'], site, { ASTRO_TELEMETRY_DISABLED: '1' });

describe('an Astro 5 site with cprlint/remark and cprlint/rehype', () => {
  it('builds when no page holds a CPR number', { timeout: BUILD_TIMEOUT }, async () => {
    const site = siteCopy();
    const run = await astroBuild(site);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('2 page(s) built');
    expect(fs.readFileSync(path.join(site, 'dist', 'index.html'), 'utf8')).toContain('<h1 id="borgerservice">Borgerservice</h1>');
    // The MDX page's export is evaluated: MDX really compiled it.
    expect(fs.readFileSync(path.join(site, 'dist', 'affald', 'index.html'), 'utf8')).toContain('hentes hver anden onsdag');
  });

  it.each([
    ['a Markdown page', 'src/pages/index.md', 'index.html'],
    ['an MDX page', 'src/pages/affald.mdx', path.join('affald', 'index.html')],
  ])('fails, naming file and line, when %s holds a CPR number', { timeout: BUILD_TIMEOUT }, async (_, page, builtPage) => {
    const site = siteCopy();
    const { file, line, column } = plantNumber(site, page);
    const run = await astroBuild(site);
    expect(run.code, run.output).not.toBe(0);
    expect(run.output).toContain(`cprlint found 1 finding in ${file} that must not be published: ${line}:${column} no-cpr-number CPR number 1503XX-XXXX`);
    expect(run.output).not.toMatch(FULL_NUMBER);
    // One clear message, not a dump of an error's fields; where MDX prints a location, a whole one.
    expect(run.output).not.toMatch(/ancestors:|fatal: true|undefined:undefined/);
    if (page.endsWith('.mdx')) expect(run.output).toContain(`${file}:${line}:${column}`);
    expect(fs.existsSync(path.join(site, 'dist', builtPage))).toBe(false);
  });
});

describe('front matter, which Astro blanks out before remark sees the page', () => {
  it('fails, naming file and line, when a title holds a CPR number', { timeout: BUILD_TIMEOUT }, async () => {
    const site = siteCopy();
    const file = path.join(site, 'src/pages/index.md');
    const written = fs.readFileSync(file, 'utf8').replace('title: Borgerservice', `title: Borgerservice, sag ${CPR_NUMBER}`);
    fs.writeFileSync(file, written);
    const line = written.split('\n').findIndex((text) => text.includes(CPR_NUMBER)) + 1;
    const column = written.split('\n')[line - 1]!.indexOf(CPR_NUMBER) + 1;
    const run = await astroBuild(site);
    expect(run.code, run.output).not.toBe(0);
    expect(run.output).toContain(`cprlint found 1 finding in ${file} that must not be published: ${line}:${column} no-cpr-number CPR number 1503XX-XXXX`);
    expect(run.output).not.toMatch(FULL_NUMBER);
  });
});
