import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCprlint, temporaryTree, type CliRun } from './temporary-tree.js';

const site = temporaryTree;
const cprlint = (cwd: string, ...args: string[]): CliRun => runCprlint(args, { cwd });

/** "line rule" of what a run with the baseline still reports. */
function reported(cwd: string, ...args: string[]): string[] {
  const run = cprlint(cwd, '--format', 'json', '--baseline', 'baseline.json', ...args, 'content');
  return (JSON.parse(run.stdout) as { messages: { line: number; ruleId: string }[] }[]).flatMap((file) =>
    file.messages.map((message) => `${message.line} ${message.ruleId}`),
  );
}

const PAGE = '# Referat\n\nBarnets cpr-nummer: 150385-2000\n\nJens Hansen har brystkræft.\n';

describe('a baseline', () => {
  it('records the findings without personal data, sorted and stable', () => {
    const directory = site({ 'content/b.md': PAGE, 'content/a.md': PAGE });
    const run = cprlint(directory, '--write-baseline', 'baseline.json', 'content');
    expect(run).toMatchObject({ code: 0, stderr: 'cprlint: wrote 4 findings to baseline.json\n' });
    const written = fs.readFileSync(path.join(directory, 'baseline.json'), 'utf8');
    expect(written).not.toMatch(/150385|2000|Jens|Hansen|kræft/);
    const baseline = JSON.parse(written);
    expect(baseline.findings.map((entry: { file: string; rule: string; count: number }) => `${entry.file} ${entry.rule} ${entry.count}`)).toEqual([
      'content/a.md no-cpr-number 1',
      'content/a.md no-health-data 1',
      'content/b.md no-cpr-number 1',
      'content/b.md no-health-data 1',
    ]);
    cprlint(directory, '--write-baseline', 'baseline.json', 'content');
    expect(fs.readFileSync(path.join(directory, 'baseline.json'), 'utf8')).toBe(written);
  });

  it('knows its findings after a moved line and an edited paragraph above them, but not a new number', () => {
    const directory = site({ 'content/a.md': PAGE });
    cprlint(directory, '--write-baseline', 'baseline.json', 'content');
    expect(reported(directory)).toEqual([]);
    const edited = '# Referat fra mødet\n\nEt nyt afsnit øverst, skrevet om.\n\nJens Hansen har brystkræft.\n\nBarnets cpr-nummer: 150385-2000\n\nNyt: CPR 150385-2019\n';
    fs.writeFileSync(path.join(directory, 'content/a.md'), edited);
    expect(reported(directory)).toEqual(['9 no-cpr-number']);
    expect(cprlint(directory, '--baseline', 'baseline.json', 'content').code).toBe(1);
  });

  it('counts the same value found twice', () => {
    const directory = site({ 'content/a.md': 'CPR 150385-2000\n' });
    cprlint(directory, '--write-baseline', 'baseline.json', 'content');
    fs.writeFileSync(path.join(directory, 'content/a.md'), 'CPR 150385-2000\n\nIgen: CPR 150385-2000\n');
    expect(reported(directory)).toEqual(['3 no-cpr-number']);
  });

  it('--prune-baseline drops what no longer occurs', () => {
    const directory = site({ 'content/a.md': PAGE });
    cprlint(directory, '--write-baseline', 'baseline.json', 'content');
    fs.writeFileSync(path.join(directory, 'content/a.md'), '# Referat\n\nJens Hansen har brystkræft.\n');
    expect(reported(directory, '--prune-baseline')).toEqual([]);
    const pruned = JSON.parse(fs.readFileSync(path.join(directory, 'baseline.json'), 'utf8'));
    expect(pruned.findings.map((entry: { rule: string }) => entry.rule)).toEqual(['no-health-data']);
  });

  it.each<[string, string[], Record<string, string>, RegExp]>([
    ['a missing baseline', ['--baseline', 'nope.json', '.'], {}, /^cprlint: Cannot read baseline .*nope\.json: no such file\n$/],
    ['a file that is no baseline', ['--baseline', 'x.json', '.'], { 'x.json': '{"a": 1}' }, /^cprlint: Cannot read baseline .*x\.json: not a cprlint baseline/],
    ['--prune-baseline alone', ['--prune-baseline', '.'], {}, /^cprlint: --prune-baseline goes with --baseline\n$/],
    ['both at once', ['--write-baseline', 'a.json', '--baseline', 'b.json', '.'], {}, /^cprlint: --write-baseline and --baseline go one at a time\n$/],
  ])('%s is exit 2 and one line', (_name, args, files, stderr) => {
    const run = cprlint(site({ 'a.md': 'x\n', ...files }), ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(stderr);
  });
});

describe('a baseline gives nothing back', () => {
  it('names a folder named with a number with the number masked whole, day and month too', () => {
    const directory = site({ 'content/150385-2000/a.md': PAGE });
    expect(cprlint(directory, '--write-baseline', 'baseline.json', 'content').code).toBe(0);
    const written = fs.readFileSync(path.join(directory, 'baseline.json'), 'utf8');
    expect(written).not.toMatch(/1503/);
    expect(written).toContain('content/XXXXXX-XXXX/a.md');
    expect(reported(directory)).toEqual([]);
  });

  it('still matches, and prunes to the masked name, a baseline 0.2 wrote with the day and month kept', () => {
    const directory = site({ 'content/150385-2000/a.md': PAGE });
    cprlint(directory, '--write-baseline', 'baseline.json', 'content');
    const file = path.join(directory, 'baseline.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('XXXXXX-XXXX', '1503XX-XXXX'));
    expect(reported(directory)).toEqual([]);
    expect(cprlint(directory, '--baseline', 'baseline.json', '--prune-baseline', 'content').code).toBe(0);
    const pruned = fs.readFileSync(file, 'utf8');
    expect(pruned).not.toMatch(/1503/);
    expect(pruned).toContain('content/XXXXXX-XXXX/a.md');
  });

  it('keys a health term with its sentence: hashing the public lexicon with the salt finds no entry', async () => {
    const directory = site({ 'content/a.md': PAGE });
    cprlint(directory, '--write-baseline', 'baseline.json', 'content');
    const baseline = JSON.parse(fs.readFileSync(path.join(directory, 'baseline.json'), 'utf8')) as { salt: string; findings: { rule: string; hash: string }[] };
    const health = baseline.findings.find((entry) => entry.rule === 'no-health-data')!;
    const { fingerprintOf } = await import('../src/project/baseline.js');
    const { HEALTH_TERMS } = await import('../rules/health-terms.js');
    // The word as written, its term, and the lexicon's cancer terms, with the salt: an attacker's
    // first guesses (each costs an scrypt, so not the whole lexicon here: none is the key alone).
    const guesses = ['brystkræft', 'Brystkræft', 'kræft', ...HEALTH_TERMS.filter((term) => term.category === 'cancer').map((term) => term.term)];
    expect(guesses.filter((guess) => fingerprintOf(guess, baseline.salt) === health.hash)).toEqual([]);
    // The same sentence reflowed is the same finding; another sentence is another.
    fs.writeFileSync(path.join(directory, 'content/a.md'), PAGE.replace('Jens Hansen har brystkræft.', 'Jens Hansen\nhar   brystkræft.'));
    expect(reported(directory)).toEqual([]);
    fs.writeFileSync(path.join(directory, 'content/a.md'), PAGE.replace('Jens Hansen har brystkræft.', 'Jens Hansen har fået brystkræft.'));
    expect(reported(directory)).toEqual(['5 no-health-data']);
  });

  it('that is damaged is an error that says so, and never made again with a new salt', () => {
    const directory = site({ 'content/a.md': PAGE, 'baseline.json': '{"version": 1, "salt": ' });
    const baseline = fs.readFileSync(path.join(directory, 'baseline.json'), 'utf8');
    for (const flag of ['--write-baseline', '--baseline']) {
      const run = cprlint(directory, flag, 'baseline.json', 'content');
      expect(run).toMatchObject({ code: 2, stderr: 'cprlint: Cannot read baseline ' + path.join(directory, 'baseline.json') + ': not valid JSON\n' });
    }
    expect(fs.readFileSync(path.join(directory, 'baseline.json'), 'utf8')).toBe(baseline);
  });
});

describe('what a guess against a baseline or an allowlist costs', () => {
  it('is one scrypt at the parameters the README states', async () => {
    const { scryptSync } = await import('node:crypto');
    const { fingerprintOf } = await import('../src/project/baseline.js');
    const { allowlistHash, DEFAULT_COST } = await import('../src/core/allowlist.js');
    const salt = '0123456789abcdef0123456789abcdef';
    // A baseline: N = 2^14, r = 8, p = 1 over the value as written, white space folded.
    expect(fingerprintOf('150385-2000', salt)).toBe(scryptSync('150385-2000', salt, 16, { N: 2 ** 14, r: 8, p: 1 }).toString('hex'));
    // An allowlist: N = 2^15 by default, over the digits and letters alone.
    expect(DEFAULT_COST).toBe(15);
    expect(allowlistHash('150385-2000', { salt, cost: DEFAULT_COST })).toBe(`scrypt:${scryptSync('1503852000', salt, 16, { N: 2 ** 15, r: 8, p: 1, maxmem: 2 ** 26 }).toString('hex')}`);
  });
});
