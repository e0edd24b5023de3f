import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { afterAll, describe, expect, it } from 'vitest';
import rehypeCprlint from '../src/front-ends/rehype.js';
import remarkCprlint from '../src/front-ends/remark.js';
import { docsUrl } from '../src/core/rule.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const MARKDOWN = 'Hej\n\nBorger **150385**-2000 og\n[ansøgning](/filer/ansoegning_1503852019.pdf)\n\nNr 150385-2001\n';
const FILE_PATH = 'sager/ansoegning_0101900000.md';

type Options = Parameters<typeof remarkCprlint>[0];

function markdownPipeline(options: Options) {
  return unified().use(remarkParse).use(remarkCprlint, options).use(remarkRehype).use(rehypeStringify);
}

function summary(message: VFileMessage) {
  return {
    place: `${message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}-${message.place.end.line}:${message.place.end.column}` : ''}`,
    fatal: message.fatal,
    ruleId: message.ruleId,
    source: message.source,
    url: message.url,
  };
}

const expectedMarkdownMessages = [
  { place: '3:10-3:23', fatal: true, ruleId: 'no-cpr-number', source: 'cprlint', url: docsUrl('no-cpr-number') },
  { place: '4:31-4:41', fatal: true, ruleId: 'no-cpr-number', source: 'cprlint', url: docsUrl('no-cpr-number') },
  { place: '6:4-6:15', fatal: false, ruleId: 'no-cpr-number', source: 'cprlint', url: docsUrl('no-cpr-number') },
];

describe('cprlint/remark in a unified pipeline', () => {
  it('fails the build with a redacted error by default', async () => {
    const error = await markdownPipeline(undefined)
      .process(new VFile({ path: FILE_PATH, value: MARKDOWN }))
      .then(
        () => undefined,
        (thrown: unknown) => thrown as VFileMessage,
      );
    expect(error).toBeDefined();
    expect(error!.message).toBe(
      'cprlint found 2 findings in sager/ansoegning_0101XX-XXXX.md that must not be published: ' +
        '3:10 no-cpr-number CPR number 1503XX-XXXX (valid date, modulus 11): remove it or replace it with a placeholder; ' +
        '4:31 no-cpr-number CPR number 1503XX-XXXX (valid date, modulus 11): remove it or replace it with a placeholder',
    );
    // Docusaurus prints JSON.stringify(error): nothing in it may hold a number.
    const serialized = JSON.stringify(error) + String(error.stack);
    expect(serialized).not.toMatch(/150385\D{0,8}20(00|19|01)|0101900000/);
  });

  it('records one message per finding, and does not throw with failOn "never"', async () => {
    const file = await markdownPipeline({ failOn: 'never' }).process(new VFile({ path: FILE_PATH, value: MARKDOWN }));
    expect(file.messages.map(summary)).toEqual(expectedMarkdownMessages);
    expect(String(file)).toContain('<strong>150385</strong>');
  });

  it('throws on warnings too with failOn "warning"', async () => {
    await expect(markdownPipeline({ failOn: 'warning' }).process('Nr 150385-2001\n')).rejects.toThrow(
      /^cprlint found 1 finding that must not be published: 1:4 no-cpr-number CPR number 1503XX-XXXX/,
    );
  });

  it('does not throw on warnings by default', async () => {
    const file = await markdownPipeline(undefined).process('Nr 150385-2001\n');
    expect(file.messages.map((message) => message.fatal)).toEqual([false]);
  });

  it('shows the values only with showValues', async () => {
    const file = await markdownPipeline({ failOn: 'never', showValues: true }).process('Nr 150385-2000\n');
    expect(file.messages[0]?.reason).toContain('150385-2000');
  });

  it('rejects options it does not know how to take', () => {
    expect(() => markdownPipeline({ failOn: 'sometimes' as 'never' }).freeze()).toThrow(
      'cprlint: option failOn must be one of error, warning, never',
    );
  });

  it('places findings right after a byte order mark', async () => {
    const file = await markdownPipeline({ failOn: 'never' }).process('\uFEFFNr **150385**-2000\n');
    expect(file.messages.map((message) => summary(message).place)).toEqual(['1:6-1:19']);
  });

  it('leaves files without a candidate alone', async () => {
    const file = await markdownPipeline(undefined).process('Ring på 33 98 00 98 i 2026.\n');
    expect(file.messages).toEqual([]);
  });
});

describe('cprlint/rehype in a unified pipeline', () => {
  it('finds numbers in text, attributes and comments of HTML', async () => {
    const html = '<p title="cpr 1503852000">Nr <b>150385</b>&nbsp;2019</p>\n<!-- 0101900000 -->';
    const file = await unified()
      .use(rehypeParse, { fragment: true })
      .use(rehypeCprlint, { failOn: 'never' })
      .use(rehypeStringify)
      .process(html);
    expect(file.messages.map((message) => summary(message).place)).toEqual(['1:15-1:25', '1:33-1:53', '2:6-2:16']);
  });

  it('fails the build by default', async () => {
    await expect(
      unified().use(rehypeParse).use(rehypeCprlint).use(rehypeStringify).process('<p>CPR 150385-2000</p>'),
    ).rejects.toThrow(/^cprlint found 1 finding that must not be published: 1:8 no-cpr-number CPR number 1503XX-XXXX/);
  });

  it('places findings in the Markdown source when the tree comes from remark-rehype', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(rehypeCprlint, { failOn: 'never' })
      .use(rehypeStringify)
      .process(new VFile({ path: 'a.md', value: MARKDOWN }));
    expect(file.messages.map(summary)).toEqual(expectedMarkdownMessages);
  });
});

describe('the package as users load it', () => {
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-unified-'));
  fs.mkdirSync(path.join(temporary, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(temporary, 'node_modules', 'cprlint'));
  for (const name of ['unified', 'remark-parse']) {
    fs.symlinkSync(path.join(ROOT, 'node_modules', name), path.join(temporary, 'node_modules', name));
  }
  afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

  it('resolves cprlint, cprlint/remark and cprlint/rehype through the exports map', () => {
    const script = [
      "const core = await import('cprlint');",
      "const remark = await import('cprlint/remark');",
      "const rehype = await import('cprlint/rehype');",
      "const report = core.scanText('CPR 150385-2000', { filePath: 'a.txt' });",
      'console.log(JSON.stringify([typeof remark.default, typeof rehype.default, report.findings.length]));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: temporary, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(['function', 'function', 1]);
  });

  it('runs in remark-cli from .remarkrc.json, every finding its own message', () => {
    const site = path.join(temporary, 'site');
    fs.mkdirSync(site);
    fs.writeFileSync(path.join(site, '.remarkrc.json'), JSON.stringify({ plugins: [['cprlint/remark', { failOn: 'never' }]] }));
    fs.writeFileSync(path.join(site, 'a.md'), MARKDOWN);
    fs.writeFileSync(path.join(site, 'clean.md'), 'Ring på 33 98 00 98.\n');
    const remarkCli = path.join(ROOT, 'node_modules', 'remark-cli', 'cli.js');
    const result = spawnSync(process.execPath, [remarkCli, '.', '--no-stdout', '--no-color'], { cwd: site, encoding: 'utf8' });
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.includes('no-cpr-number'));
    expect(lines.map((line) => line.trim().split(/\s+/).slice(0, 2))).toEqual([
      ['3:10-3:23', 'error'],
      ['4:31-4:41', 'error'],
      ['6:4-6:15', 'warning'],
    ]);
    expect(result.stderr).not.toMatch(/150385\D{0,8}20(00|19|01)/);
  });
});
