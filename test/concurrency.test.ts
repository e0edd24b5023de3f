/* eslint-disable cprlint/no-cpr-number -- the site holds made-up numbers for the workers to find */
import { describe, expect, it } from 'vitest';
import { runCprlint, temporaryTree, type CliRun } from './temporary-tree.js';

const cprlint = (cwd: string, ...args: string[]): CliRun => runCprlint(args, { cwd });

// Pages of every text format, a file in another encoding, one with nothing to find, and a page too
// long to parse in a few milliseconds: what a walk meets.
function site(paragraphs = 20_000): string {
  const files: Record<string, string | Buffer> = {
    'ren.md': 'Åbningstider i borgerservice.\n',
    'data/sag.json': '{"titel": "Sag", "cpr": "150385-2000"}\n',
    'public/index.html': '<p>Ansøger: 150385-2000</p>\n',
    'latin1.txt': Buffer.from('Ansøger 150385-2000 i Århus\n', 'latin1'),
    'lang.md': `${'Et **fed** ord, en [lenke](https://example.dk/) og et _kursivt_.\n\n'.repeat(paragraphs)}CPR 150385-2000\n`,
  };
  for (let page = 0; page < 20; page++) files[`side-${page}.md`] = `# Side ${page}\n\nAnsøger 150385-2000, side ${page}.\n`;
  return temporaryTree(files);
}

describe('--concurrency', () => {
  it('scans in worker threads to the same report, in the same order, as in one thread', () => {
    // A long page, but not one that takes seconds to parse three times over.
    const tree = site(2_000);
    const inOneThread = cprlint(tree, '--format', 'json', '.');
    expect(inOneThread.code).toBe(1);
    for (const concurrency of ['2', 'auto']) {
      const inWorkers = cprlint(tree, '--format', 'json', '--concurrency', concurrency, '.');
      expect(inWorkers.stderr).toBe('');
      expect(inWorkers.code).toBe(1);
      expect(inWorkers.stdout).toBe(inOneThread.stdout);
    }
    // Every page is there, each with its number.
    const results = JSON.parse(inOneThread.stdout) as { filePath: string; errorCount: number }[];
    expect(results).toHaveLength(24);
    expect(results.every((result) => result.errorCount === 1)).toBe(true);
  });

  it('stops a parse at the time limit in a worker too, and scans the file as plain text', () => {
    const run = cprlint(site(), '--format', 'json', '--concurrency', '2', '--time-limit', '1ms', 'lang.md', 'ren.md', 'side-1.md');
    const [long] = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null; message: string; line: number }[] }[];
    expect(long!.filePath).toMatch(/lang\.md$/);
    expect(long!.messages.map((message) => [message.ruleId, message.line])).toEqual([[null, 1], ['no-cpr-number', 40_001]]);
    expect(long!.messages[0]!.message).toBe('Parsing took longer than the time limit (1 ms): scanned as plain text');
  });

  it.each([
    [['--concurrency', '0'], 'cprlint: --concurrency takes a number of threads, "auto" or "off", not "0"\n'],
    [['--concurrency', 'many'], 'cprlint: --concurrency takes a number of threads, "auto" or "off", not "many"\n'],
    [['--time-limit', 'soon'], 'cprlint: --time-limit takes a duration such as 30s or 500ms, of at most a day\n'],
    [['--time-limit', '5000000s'], 'cprlint: --time-limit takes a duration such as 30s or 500ms, of at most a day\n'],
  ])('%j is a usage error, in one line', (args, message) => {
    const run = cprlint(temporaryTree({ 'a.md': 'x\n' }), ...args, '.');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(message);
  });
});
