// Real esbuild builds of fixtures/mdx-esbuild, whose build.mjs compiles MDX with @mdx-js/esbuild and
// cprlint/remark: the clean page builds; a CPR number fails the build, named by file and line; a
// warning-level finding is printed as an esbuild warning; and no output holds the number.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, CPR_NUMBER, FULL_NUMBER, runBuild, siteCopy as fixtureCopy } from './site-builds.js';

const PAGE = path.join('content', 'borgerservice.mdx');
const siteCopy = () => fixtureCopy('mdx-esbuild');

/** Adds `paragraph` at the end of the page; returns where `CPR_NUMBER` in it is. */
function plant(site: string, paragraph: string): { file: string; line: number; column: number } {
  const file = path.join(site, PAGE);
  const before = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, `${before}\n${paragraph}\n`);
  return { file, line: before.split('\n').length + 1, column: paragraph.indexOf(CPR_NUMBER) + 1 };
}

const esbuildBuild = (site: string) => runBuild([path.join(site, 'build.mjs'), path.join(site, 'dist')], site);

const builtPage = (site: string) => path.join(site, 'dist', 'borgerservice.js');

describe('MDX compiled by esbuild with @mdx-js/esbuild and cprlint/remark', () => {
  it('builds a page that holds no CPR number, and prints nothing', { timeout: BUILD_TIMEOUT }, async () => {
    const site = siteCopy();
    const run = await esbuildBuild(site);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toBe('');
    expect(fs.readFileSync(builtPage(site), 'utf8')).toContain('Borgerservice på Rådhuset har åbent');
  });

  it('fails, naming file and line, on an error-level finding', { timeout: BUILD_TIMEOUT }, async () => {
    const site = siteCopy();
    const { file, line, column } = plant(site, `Borgerens CPR-nr. er ${CPR_NUMBER}.`);
    const run = await esbuildBuild(site);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toContain('[ERROR] Cannot process MDX file with esbuild');
    expect(run.output).toContain(`cprlint found 1 finding in ${file} that must not be published: ${line}:${column} no-cpr-number CPR number 1503XX-XXXX`);
    expect(run.output).not.toMatch(FULL_NUMBER);
    expect(fs.existsSync(builtPage(site))).toBe(false);
  });

  it('builds, printing a warning with file and line, on a warning-level finding', { timeout: BUILD_TIMEOUT }, async () => {
    const site = siteCopy();
    // A case number named next to it makes the number a warning: a person should look.
    const { line, column } = plant(site, `Sagsnr. ${CPR_NUMBER} er journaliseret.`);
    const run = await esbuildBuild(site);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('[WARNING] CPR number 1503XX-XXXX (valid date, modulus 11, other number kind named nearby)');
    // esbuild counts columns from 0.
    expect(run.output).toContain(`${PAGE}:${line}:${column - 1}:`);
    expect(run.output).not.toMatch(FULL_NUMBER);
  });
});
