// Build tools print source text next to a message when it lets them: @mdx-js/esbuild slices the
// source line out by the message's offset and esbuild prints it under the message; Vite's dev server
// prints a code frame around an error's line and column. cprlint's messages and errors must give
// them nothing that leads back to the number, while people and editors still learn where it is.
import mdx from '@mdx-js/esbuild';
import { build, formatMessages, type BuildFailure, type Message } from 'esbuild';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import remarkCprlint from '../../src/front-ends/remark.js';
import { temporaryTree } from '../temporary-tree.js';

// 15 March 1985, modulus 11 holds: an error. Next to "Sagsnr." (a case number): a warning.
const ERROR_PAGE = '# Borgerservice\n\nBorgerens CPR-nr. er 150385-2000.\n';
const WARNING_PAGE = '# Borgerservice\n\nSagsnr. 150385-2000 er journaliseret.\n';
const FULL_NUMBER = /150385\D{0,8}2000/;

type Options = Parameters<typeof remarkCprlint>[0];

async function lint(value: string, options: Options): Promise<{ messages: VFileMessage[]; thrown?: VFileMessage }> {
  const file = new VFile({ path: 'side.md', value });
  const processor = unified().use(remarkParse).use(remarkCprlint, options);
  try {
    await processor.run(processor.parse(file), file);
    return { messages: file.messages };
  } catch (error) {
    return { messages: file.messages, thrown: error as VFileMessage };
  }
}

describe('where cprlint/remark says a finding is', () => {
  it('records each finding by line and column, without offsets', async () => {
    const { messages } = await lint(WARNING_PAGE, { failOn: 'never' });
    expect(messages.map((message) => message.place)).toEqual([{ start: { line: 3, column: 9 }, end: { line: 3, column: 20 } }]);
  });

  it('keeps offsets when values may be shown anyway', async () => {
    const { messages } = await lint(WARNING_PAGE, { failOn: 'never', showValues: true });
    expect(messages.map((message) => message.place)).toEqual([
      { start: { line: 3, column: 9, offset: 25 }, end: { line: 3, column: 20, offset: 36 } },
    ]);
  });

  it('throws a plain error: line and column for a build tool\'s location, a frame of its own so none is made from the source, none of them printed as fields', async () => {
    const { thrown, messages } = await lint(ERROR_PAGE, undefined);
    expect(thrown).toBeDefined();
    const frame = (thrown as unknown as { frame: string }).frame;
    expect({ place: thrown!.place, line: thrown!.line, column: thrown!.column, name: thrown!.name, fields: Object.keys(thrown!) }).toEqual({
      place: undefined,
      line: 3,
      column: 22,
      name: 'CprlintError',
      fields: ['name'],
    });
    // Vite makes a code frame of the source around an error's place unless the error has a frame.
    expect(frame).toBe('  (cprlint shows no source here: it holds the number)');
    expect(messages.at(-1)!.name).toBe('side.md:3:22');
    expect(thrown!.message).toMatch(/^cprlint found 1 finding in side\.md that must not be published: 3:22 no-cpr-number /);
  });
});

describe('what esbuild prints for cprlint/remark in @mdx-js/esbuild', () => {
  async function esbuildMessages(page: string): Promise<{ errors: Message[]; warnings: Message[] }> {
    const folder = temporaryTree({ 'side.mdx': page });
    const options = { entryPoints: [path.join(folder, 'side.mdx')], write: false, logLevel: 'silent' as const, plugins: [mdx({ remarkPlugins: [remarkCprlint] })] };
    try {
      const result = await build(options);
      return { errors: result.errors, warnings: result.warnings };
    } catch (error) {
      return { errors: (error as BuildFailure).errors, warnings: (error as BuildFailure).warnings };
    }
  }

  it('prints the thrown error without the source line', async () => {
    const { errors } = await esbuildMessages(ERROR_PAGE);
    expect(errors.map((error) => error.location?.lineText)).toEqual(['']);
    const printed = (await formatMessages(errors, { kind: 'error', color: false })).join('\n');
    expect(printed).toContain('3:22 no-cpr-number CPR number 1503XX-XXXX');
    expect(printed).not.toMatch(FULL_NUMBER);
  });

  it('prints a warning at its line and column, without the source line', async () => {
    const { warnings } = await esbuildMessages(WARNING_PAGE);
    expect(warnings.map((warning) => [warning.location?.line, warning.location?.column, warning.location?.lineText])).toEqual([[3, 8, '']]);
    const printed = (await formatMessages(warnings, { kind: 'warning', color: false })).join('\n');
    expect(printed).toContain('side.mdx:3:8');
    expect(printed).not.toMatch(FULL_NUMBER);
  });
});
