/* eslint-disable cprlint/no-cpr-number -- the sites hold a made-up number for the search index to carry */
// Build output a site publishes compressed: Pagefind's search fragments (each page's text, gzip),
// and pages and data a server sends as .gz or .br. They are read unpacked, bounded by the size limit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT, runCprlint, temporaryTree } from './temporary-tree.js';

const PAGEFIND = path.join(ROOT, 'node_modules', '.bin', 'pagefind');
const PAGE = '<!doctype html><html lang="da"><head><title>Afgørelse</title></head><body><main><h1>Afgørelse</h1><p>Ansøgerens CPR-nummer: 150385-2000</p></main></body></html>\n';

interface Result {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

const byFile = (stdout: string, root: string) =>
  Object.fromEntries((JSON.parse(stdout) as Result[]).map((result) => [path.relative(root, result.filePath), result.messages.map((message) => message.ruleId ?? message.message)]));

describe('Pagefind\'s search index, built by Pagefind itself', () => {
  it('carries the page\'s text in a gzip fragment, where the number is found; the binary index files are passed over', () => {
    const site = temporaryTree({ 'dist/index.html': PAGE, 'dist/om/index.html': '<!doctype html><html lang="da"><body><main><p>Om kommunen.</p></main></body></html>\n' });
    const build = spawnSync(PAGEFIND, ['--site', 'dist'], { cwd: site, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const fragments = fs.readdirSync(path.join(site, 'dist', 'pagefind', 'fragment'));
    expect(fragments.length).toBe(2);
    // The pages out of the way: only the index is left to find the number in.
    fs.rmSync(path.join(site, 'dist', 'index.html'));
    const run = runCprlint(['--format', 'json', 'dist'], { cwd: site });
    expect(run.code).toBe(1);
    const found = byFile(run.stdout, site);
    expect(Object.values(found)).toEqual([['no-cpr-number']]);
    expect(Object.keys(found)[0]).toMatch(/^dist\/pagefind\/fragment\/da_[\da-f]+\.pf_fragment$/);
  });
});

describe('pages and data sent compressed', () => {
  it('.gz and .br are read unpacked, as what they hold', () => {
    const site = temporaryTree({
      'index.html.gz': gzipSync(PAGE),
      'data.json.br': brotliCompressSync(Buffer.from('{"cpr": "150385-2000"}\n')),
      'ren.html.gz': gzipSync('<p>Åbningstider.</p>\n'),
    });
    const run = runCprlint(['--format', 'json', '.'], { cwd: site });
    expect(byFile(run.stdout, site)).toEqual({ 'index.html.gz': ['no-cpr-number'], 'data.json.br': ['no-cpr-number'] });
  });

  it('a page compressed in a way Node cannot unpack is named as not scanned, not passed over', () => {
    const site = temporaryTree({ 'index.html.zst': Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]), 'data.json.xz': Buffer.from([0xfd, 0x37, 0x7a]), 'arkiv.tar.xz': Buffer.from([1]) });
    const run = runCprlint(['--format', 'json', '.'], { cwd: site });
    expect(byFile(run.stdout, site)).toEqual({
      'index.html.zst': ['Not scanned: .zst compression is not read (only .gz and .br are)'],
      'data.json.xz': ['Not scanned: .xz compression is not read (only .gz and .br are)'],
    });
  });

  it('a file that unpacks past the size limit, or not at all, is named as not scanned', () => {
    const site = temporaryTree({
      'bombe.html.gz': gzipSync(Buffer.alloc(20 * 1024 * 1024, ' ')),
      'brudt.html.gz': Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]),
    });
    const run = runCprlint(['--format', 'json', '--max-file-size', '10MB', '.'], { cwd: site });
    expect(byFile(run.stdout, site)).toEqual({
      'bombe.html.gz': ['Not scanned: it unpacks to more than the size limit (10.0 MB)'],
      'brudt.html.gz': ['Not scanned: it does not unpack'],
    });
    expect(runCprlint(['--strict', '.'], { cwd: site }).code).toBe(1);
  });
});
