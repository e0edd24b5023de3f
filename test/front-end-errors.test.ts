/* eslint-disable cprlint/no-cpr-number -- the tests name folders with made-up numbers */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import rehypeParse from 'rehype-parse';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import plugin from '../src/front-ends/eslint.js';
import rehypeCprlint from '../src/front-ends/rehype.js';
import remarkCprlint from '../src/front-ends/remark.js';
import { temporaryTree } from './temporary-tree.js';

// A configuration file that cannot be read, in a folder named with a CPR number: every front end
// reports the mistake, and none prints the number it holds in its path.
const NUMBER = /150385\D{0,3}2000/u;
function brokenConfiguration(): string {
  const site = temporaryTree({ '150385-2000/.cprlintrc.json': '{"rules": ', '150385-2000/side.md': 'Tekst.\n', '150385-2000/side.html': '<p>Tekst.</p>\n' });
  return path.join(site, '150385-2000');
}

async function thrown(work: () => unknown): Promise<Error> {
  try {
    await work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
}

describe('the front ends throw configuration errors redacted', () => {
  it('remark', async () => {
    const folder = brokenConfiguration();
    const file = new VFile({ path: path.join(folder, 'side.md'), value: fs.readFileSync(path.join(folder, 'side.md'), 'utf8') });
    const error = await thrown(() => unified().use(remarkParse).use(remarkCprlint).run(unified().use(remarkParse).parse(file), file));
    expect(error.message).toContain('Cannot read configuration');
    expect(error.message).toContain('1503XX-XXXX');
    expect(`${error.message}\n${error.stack}`).not.toMatch(NUMBER);
  });

  it('rehype', async () => {
    const folder = brokenConfiguration();
    const file = new VFile({ path: path.join(folder, 'side.html'), value: fs.readFileSync(path.join(folder, 'side.html'), 'utf8') });
    const error = await thrown(() => unified().use(rehypeParse).use(rehypeCprlint).run(unified().use(rehypeParse).parse(file), file));
    expect(error.message).toContain('Cannot read configuration');
    expect(`${error.message}\n${error.stack}`).not.toMatch(NUMBER);
  });

  it('the ESLint pack, through ESLint itself: a message on the file, as a lint error', async () => {
    const folder = brokenConfiguration();
    const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const [result] = await eslint.lintText('const s = "tekst";', { filePath: path.join(folder, 'side.js') });
    const messages = result!.messages.map((message) => `${message.ruleId} ${message.severity} ${message.message}`);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/^cprlint\/no-cpr-number 2 cprlint: Cannot read configuration .*1503XX-XXXX\/\.cprlintrc\.json: /u);
    expect(messages.join('\n')).not.toMatch(NUMBER);
  });

  it('the options of a plugin are named, never echoed', async () => {
    const error = await thrown(() => unified().use(remarkParse).use(remarkCprlint, { failOn: '150385-2000' as 'error' }).freeze());
    expect(error.message).toBe('cprlint: option failOn must be one of error, warning, never');
    const rules = await thrown(() => unified().use(remarkParse).use(remarkCprlint, { rules: { 'no-health-data': ['error', { add: [{ term: '' }], mode: '150385-2000' as 'any' }] } }).freeze());
    expect(rules.message).not.toMatch(NUMBER);
  });
});
