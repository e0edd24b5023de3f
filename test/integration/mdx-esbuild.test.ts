// Real esbuild builds of fixtures/mdx-esbuild, whose build.mjs compiles MDX with @mdx-js/esbuild and
// cprlint/remark: the clean page builds; a CPR number fails the build, named by file and line; a
// warning-level finding is printed as an esbuild warning; and no output holds the number.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../temporary-tree.js';

const FIXTURE = path.join(ROOT, 'fixtures', 'mdx-esbuild');
const PAGE = path.join('content', 'borgerservice.mdx');
const BUILD_TIMEOUT = 30_000;

// 15 March 1985, and modulus 11 holds.
const CPR_NUMBER = '150385-2000';
// The number in full, also when split by markup or written without its dash.
const FULL_NUMBER = /150385\D{0,8}2000/;

// Copies live under the repository, not the system's temporary folder, so that build.mjs resolves
// esbuild, @mdx-js/esbuild and cprlint/remark (the package's own exports) from its node_modules.
let builds = '';
beforeAll(() => {
  fs.mkdirSync(path.join(ROOT, '.test-builds'), { recursive: true });
  builds = fs.mkdtempSync(path.join(ROOT, '.test-builds', 'mdx-esbuild-'));
});
afterAll(() => {
  if (builds) fs.rmSync(builds, { recursive: true, force: true });
});

function siteCopy(name: string): string {
  const site = path.join(builds, name);
  fs.cpSync(FIXTURE, site, { recursive: true });
  return site;
}

/** Adds `paragraph` at the end of the page; returns where `CPR_NUMBER` in it is. */
function plant(site: string, paragraph: string): { file: string; line: number; column: number } {
  const file = path.join(site, PAGE);
  const before = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, `${before}\n${paragraph}\n`);
  return { file, line: before.split('\n').length + 1, column: paragraph.indexOf(CPR_NUMBER) + 1 };
}

interface BuildRun {
  code: number | null;
  /** Standard output and standard error, as they came. */
  output: string;
}

function esbuildBuild(site: string): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(site, 'build.mjs'), path.join(site, 'dist')], {
      cwd: site,
      env: { ...process.env, NO_COLOR: '1' },
      timeout: BUILD_TIMEOUT,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const builtPage = (site: string) => path.join(site, 'dist', 'borgerservice.js');

describe('MDX compiled by esbuild with @mdx-js/esbuild and cprlint/remark', () => {
  it('builds a page that holds no CPR number, and prints nothing', { timeout: BUILD_TIMEOUT }, async () => {
    const site = siteCopy('clean');
    const run = await esbuildBuild(site);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toBe('');
    expect(fs.readFileSync(builtPage(site), 'utf8')).toContain('Borgerservice på Rådhuset har åbent');
  });

  it('fails, naming file and line, on an error-level finding', { timeout: BUILD_TIMEOUT }, async () => {
    const site = siteCopy('error');
    const { file, line, column } = plant(site, `Borgerens CPR-nr. er ${CPR_NUMBER}.`);
    const run = await esbuildBuild(site);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toContain('[ERROR] Cannot process MDX file with esbuild');
    expect(run.output).toContain(`cprlint found 1 finding in ${file} that must not be published: ${line}:${column} no-cpr-number CPR number 1503XX-XXXX`);
    expect(run.output).not.toMatch(FULL_NUMBER);
    expect(fs.existsSync(builtPage(site))).toBe(false);
  });

  it('builds, printing a warning with file and line, on a warning-level finding', { timeout: BUILD_TIMEOUT }, async () => {
    const site = siteCopy('warning');
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
