import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorByDefault } from '../src/front-ends/cli.js';
import { ROOT, runCprlint, temporaryTree, type CliRun } from './temporary-tree.js';

const EXAMPLE = path.join(ROOT, 'fixtures', 'example-site');

// The numbers planted in fixtures/example-site, as date and serial.
const EXAMPLE_NUMBERS: [string, string][] = [
  ['150385', '2000'],
  ['280646', '0004'],
  ['150385', '2019'],
  ['280646', '0012'],
  ['010190', '0000'],
];

type Run = CliRun;

function cprlint(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): Run {
  return runCprlint(args, { cwd: options.cwd ?? ROOT, ...(options.input === undefined ? {} : { input: options.input }) });
}

const tree = temporaryTree;

function leaksAny(output: string): string[] {
  return EXAMPLE_NUMBERS.filter(([date, serial]) => new RegExp(`${date}\\D{0,8}${serial}`).test(output)).map(
    ([date, serial]) => `${date}-${serial}`,
  );
}

describe('what the run says', () => {
  it('"1 warning", and "2 warnings"', () => {
    expect(cprlint(['--max-warnings', '0', '.'], { cwd: tree({ 'a.md': 'Nr 150385-2001\n' }) }).stderr).toContain('cprlint: 1 warning, more than --max-warnings 0\n');
    expect(cprlint(['--max-warnings', '1', '.'], { cwd: tree({ 'a.md': 'Nr 150385-2001\n', 'b.md': 'Nr 150385-2001\n' }) }).stderr).toContain('cprlint: 2 warnings, more than --max-warnings 1\n');
  });

  it.each<[string, NodeJS.ProcessEnv, boolean, boolean]>([
    ['a terminal', {}, true, true],
    ['a pipe', {}, false, false],
    ['NO_COLOR on a terminal', { NO_COLOR: '' }, true, false],
    ['FORCE_COLOR=1 in a pipe', { FORCE_COLOR: '1' }, false, true],
    ['FORCE_COLOR=1 over NO_COLOR', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=false on a terminal', { FORCE_COLOR: 'false' }, true, false],
  ])('colours by default for %s: as chalk and ESLint read FORCE_COLOR and NO_COLOR', (_name, env, isTerminal, expected) => {
    expect(colorByDefault(env, isTerminal)).toBe(expected);
  });

  it('FORCE_COLOR colours the stylish report in a pipe', () => {
    const run = runCprlint(['.'], { cwd: tree({ 'a.md': 'CPR 150385-2000\n' }), env: { FORCE_COLOR: '1' } });
    expect(run.stdout).toContain('\u001b[');
  });
});

describe('exit codes', () => {
  it.each<[string, Record<string, string>, string[], number]>([
    ['0 when nothing is found', { 'a.md': 'Ring på 33 98 00 98.\n' }, [], 0],
    ['1 on an error finding', { 'a.md': 'CPR 150385-2000\n' }, [], 1],
    ['0 on warnings only', { 'a.md': 'Nr 150385-2001\n' }, [], 0],
    ['1 on more warnings than --max-warnings', { 'a.md': 'Nr 150385-2001\n' }, ['--max-warnings', '0'], 1],
    ['0 on as many warnings as --max-warnings', { 'a.md': 'Nr 150385-2001\n' }, ['--max-warnings', '1'], 0],
    ['1 on a warning --quiet hides, with --max-warnings 0 (as ESLint)', { 'a.md': 'Nr 150385-2001\n' }, ['--quiet', '--max-warnings', '0'], 1],
    ['1 with --quiet --strict for a file not scanned', { 'a.log': 'tekst\u0000binær\n' }, ['--quiet', '--strict'], 1],
  ])('%s', (_name, files, args, code) => {
    expect(cprlint([...args, '.'], { cwd: tree(files) }).code).toBe(code);
  });

  it.each<[string, string[], RegExp]>([
    ['a missing path', ['no-such-dir'], /^cprlint: No such file or directory: no-such-dir\n$/],
    ['a glob that matches nothing', ['**/*.nomatch'], /^cprlint: No files match the pattern "\*\*\/\*\.nomatch"\n$/],
    ['an unknown option', ['--frobnicate'], /^cprlint: unknown option --frobnicate \(cprlint --help lists them\)\n$/],
    ['an unknown format', ['--format', 'xml', '.'], /^cprlint: Unknown format "xml": use stylish, json, sarif, github\n$/],
    ['a bad --max-warnings', ['--max-warnings', 'many', '.'], /^cprlint: --max-warnings takes a whole number, not "many"\n$/],
    ['a bad --max-file-size', ['--max-file-size', 'big', '.'], /^cprlint: --max-file-size takes a size such as 10MB or 500kB\n$/],
    ['--stdin with paths', ['--stdin', 'a.md'], /^cprlint: --stdin reads standard input: give no paths with it\n$/],
    ['--stdin-filename without --stdin', ['--stdin-filename', 'a.md'], /^cprlint: --stdin-filename goes with --stdin\n$/],
  ])('2 and one line for %s', (_name, args, stderr) => {
    const run = cprlint(args, { cwd: tree({ 'a.md': 'x\n' }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(stderr);
    expect(run.stdout).toBe('');
  });

  it.each<[string, string[], RegExp]>([
    ['a --rule that is no JSON', ['--rule', 'no-health-data: off', '.'], /^cprlint: --rule takes JSON such as .*, not no-health-data: off\n$/],
    ['a --rule naming an unknown rule', ['--rule', '{"no-such-rule": "off"}', '.'], /^cprlint: Unknown rule "no-such-rule" \(known: no-cpr-number, no-health-data, no-named-complaint\)\n$/],
    ['a --rule with a bad option', ['--rule', '{"no-health-data": ["error", {"mode": "all"}]}', '.'], /^cprlint: no-health-data: option "mode" must be "identified" or "any"\n$/],
  ])('2 and one line for %s', (_name, args, stderr) => {
    const run = cprlint(args, { cwd: tree({ 'a.md': 'x\n' }) });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(stderr);
  });

  it('--rule sets levels and options', () => {
    const directory = tree({ 'a.md': 'Vi har et tilbud til borgere med demens.\n\nKlage fra Jens Hansen over hjemmeplejen.\n' });
    expect(cprlint(['.'], { cwd: directory }).code).toBe(1);
    const run = cprlint(['--format', 'json', '--rule', '{"no-health-data": ["error", {"mode": "any"}]}', '--rule', '{"no-named-complaint": "warn"}', '.'], { cwd: directory });
    const [report] = JSON.parse(run.stdout);
    expect(report.messages.map((message: { ruleId: string; severity: number; line: number }) => [message.ruleId, message.severity, message.line])).toEqual([
      ['no-health-data', 2, 1],
      ['no-named-complaint', 1, 3],
    ]);
  });

  it('2 for a file that cannot be read, naming it', () => {
    const directory = tree({ 'a.md': 'x\n' });
    fs.symlinkSync(path.join(directory, 'gone.md'), path.join(directory, 'dangling.md'));
    const run = cprlint(['--format', 'json', '.'], { cwd: directory });
    expect(run.code).toBe(2);
    const [report] = JSON.parse(run.stdout);
    expect(report.filePath).toBe(path.join(directory, 'dangling.md'));
    expect(report.messages).toEqual([
      expect.objectContaining({ ruleId: null, severity: 2, fatal: true, message: 'Not scanned: no such file' }),
    ]);
    expect(run.stderr).not.toMatch(/at .*\.js/);
  });

  it('prints help and version', () => {
    expect(cprlint(['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: cprlint/) });
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(cprlint(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe('formats', () => {
  it('json has ESLint’s shape, absolute paths and no copy of the source', () => {
    const run = cprlint(['--format', 'json', 'fixtures/example-site/content/sager']);
    expect(run.code).toBe(1);
    const reports = JSON.parse(run.stdout);
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report).toEqual({
      filePath: path.join(EXAMPLE, 'content/sager/ansoegning.mdx'),
      messages: expect.any(Array),
      errorCount: 4,
      warningCount: 0,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    });
    expect(report).not.toHaveProperty('source');
    expect(report.messages[0]).toEqual({
      ruleId: 'no-cpr-number',
      severity: 2,
      message: 'CPR number 1503XX-XXXX (valid date, modulus 11, CPR keyword nearby): remove it or replace it with a placeholder',
      line: 3,
      column: 16,
      endLine: 3,
      endColumn: 27,
      confidence: 'high',
      reasons: ['valid date', 'modulus 11', 'CPR keyword nearby'],
      kind: 'frontmatter',
      value: '1503XX-XXXX',
    });
  });

  it('stylish is vfile-reporter’s, with paths relative to the working directory', () => {
    const run = cprlint(['fixtures/example-site/src']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('fixtures/example-site/src/pages/kontakt.tsx\n');
    expect(run.stdout).toMatch(/9:37-9:47\s+error\s+CPR number 0101XX-XXXX .* no-cpr-number\s+cprlint/);
    expect(run.stdout).toMatch(/1 error/);
  });

  it('sarif is SARIF 2.1.0 with rules, help links and regions', () => {
    const run = cprlint(['--format', 'sarif', 'fixtures/example-site/src']);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    const [theRun] = sarif.runs;
    expect(theRun.tool.driver.rules).toEqual(
      ['no-cpr-number', 'no-health-data', 'no-named-complaint'].map((id) =>
        expect.objectContaining({ id, helpUri: expect.stringMatching(new RegExp(`docs/rules/${id}\\.md$`)) }),
      ),
    );
    expect(theRun.results).toEqual([
      expect.objectContaining({
        ruleId: 'no-cpr-number',
        ruleIndex: 0,
        level: 'error',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'fixtures/example-site/src/pages/kontakt.tsx', uriBaseId: '%SRCROOT%' },
              region: { startLine: 9, startColumn: 37, endLine: 9, endColumn: 47, snippet: { text: '0101XX-XXXX' } },
            },
          },
        ],
      }),
    ]);
  });

  it('github prints workflow annotations', () => {
    const run = cprlint(['--format', 'github', 'fixtures/example-site/src']);
    expect(run.stdout).toBe(
      '::error file=fixtures/example-site/src/pages/kontakt.tsx,line=9,col=37,endLine=9,endColumn=47,title=cprlint/no-cpr-number::CPR number 0101XX-XXXX (valid date, date exempt from modulus 11)%3A remove it or replace it with a placeholder\n'.replace(
        '%3A',
        ':',
      ),
    );
  });

  it('--output-file writes the report to a file', () => {
    const directory = tree({ 'a.md': 'CPR 150385-2000\n' });
    const run = cprlint(['--format', 'json', '--output-file', 'report.json', 'a.md'], { cwd: directory });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(fs.readFileSync(path.join(directory, 'report.json'), 'utf8'))[0].errorCount).toBe(1);
  });

  it('--quiet reports errors only', () => {
    const directory = tree({ 'a.md': 'Nr 150385-2001\n\nCPR 150385-2000\n' });
    const [report] = JSON.parse(cprlint(['--format', 'json', '--quiet', '.'], { cwd: directory }).stdout);
    expect(report.messages.map((message: { line: number }) => message.line)).toEqual([3]);
    expect(report.warningCount).toBe(0);
  });
});

describe('no output holds a full CPR number unless asked', () => {
  it.each(['stylish', 'json', 'sarif', 'github'])('%s', (format) => {
    const run = cprlint(['--format', format, 'fixtures/example-site']);
    expect(run.code).toBe(1);
    expect(leaksAny(run.stdout + run.stderr)).toEqual([]);
  });

  it.each(['stylish', 'json', 'sarif', 'github'])('%s with --show-values shows them', (format) => {
    const run = cprlint(['--format', format, '--show-values', 'fixtures/example-site']);
    expect(leaksAny(run.stdout).sort()).toEqual(EXAMPLE_NUMBERS.map(([date, serial]) => `${date}-${serial}`).sort());
  });
});

describe('redaction of what the CLI prints besides findings', () => {
  it.each<[string, string[], Record<string, string>]>([
    ['a missing path', ['missing_1503852000.md'], {}],
    ['a glob', ['x/*_1503852000.md'], {}],
    ['an output file that cannot be written', ['-o', '/nonexistent/1503852000.json', '.'], { 'a.md': 'x\n' }],
  ])('%s on stderr', (_name, args, files) => {
    const run = cprlint(args, { cwd: tree(files) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('1503XX-XXXX');
    expect(run.stderr).not.toContain('1503852000');
  });

  it('a path whose folder holds a label word', () => {
    const run = cprlint(['--format', 'json', '.'], { cwd: tree({ 'telefon/1503852001.txt': 'CPR 150385-2000\n' }) });
    expect(run.stdout).toContain('telefon/1503XX-XXXX.txt');
    expect(run.stdout).not.toContain('1503852001');
  });
});

describe('walking', () => {
  const files = (run: Run): string[] =>
    JSON.parse(run.stdout).map((report: { filePath: string }) => report.filePath.split(path.sep).slice(-2).join('/'));

  it('honours .gitignore and .cprlintignore, and skips node_modules and .git', () => {
    const directory = tree({
      '.gitignore': 'cache/\n',
      '.cprlintignore': 'drafts/*.md\n',
      'pages/a.md': 'CPR 150385-2000\n',
      'cache/a.md': 'CPR 150385-2000\n',
      'drafts/a.md': 'CPR 150385-2000\n',
      'node_modules/pkg/a.md': 'CPR 150385-2000\n',
      '.git/a.md': 'CPR 150385-2000\n',
      'sub/.gitignore': 'secret.md\n',
      'sub/secret.md': 'CPR 150385-2000\n',
      'sub/open.md': 'CPR 150385-2000\n',
    });
    expect(files(cprlint(['--format', 'json', '.'], { cwd: directory }))).toEqual(['pages/a.md', 'sub/open.md']);
  });

  it('refuses to call a folder clean when its own ignore file hides every file', () => {
    const run = cprlint(['dist'], { cwd: tree({ 'dist/.gitignore': '*\n', 'dist/index.html': '<p>CPR 150385-2000</p>' }) });
    expect(run).toMatchObject({
      code: 2,
      stderr: 'cprlint: All files under dist are ignored by a .gitignore or .cprlintignore: name the files, or change the ignore file\n',
    });
  });

  it('scans a build output that the .gitignore above it lists', () => {
    const directory = tree({ '.gitignore': 'dist/\n', 'dist/index.html': '<p>CPR 150385-2000</p>' });
    expect(files(cprlint(['--format', 'json', 'dist'], { cwd: directory }))).toEqual(['dist/index.html']);
  });

  it('reads files of unknown kinds as plain text when they hold text, passes over images, and names the rest as not scanned', () => {
    const directory = tree({
      'export.tsv': 'navn\tcpr\nJens\t150385-2000\n',
      '_redirects': '/sag/150385-2000 /sag 301\n',
      'image.dat': Buffer.concat([Buffer.from('1503852000'), Buffer.from([0, 0, 0])]),
      'photo.png': 'CPR 150385-2000, not read: images hold no text\n',
    });
    expect(files(cprlint(['--format', 'json', '.'], { cwd: directory }))).toEqual([
      `${path.basename(directory)}/_redirects`,
      `${path.basename(directory)}/export.tsv`,
      `${path.basename(directory)}/image.dat`,
    ]);
  });

  it('reads UTF-16 without a byte order mark, and says so', () => {
    const directory = tree({ 'export.txt': Buffer.from('Borger: Jens Hansen, CPR 150385-2000\r\n', 'utf16le') });
    const [report] = JSON.parse(cprlint(['--format', 'json', '.'], { cwd: directory }).stdout);
    expect(report.messages.map((message: { ruleId: string | null; message: string }) => message.ruleId ?? message.message)).toEqual([
      'No byte order mark: read as UTF-16LE',
      'no-cpr-number',
    ]);
  });

  it('reads a file named on the command line whatever its extension, and says so when it is binary', () => {
    const directory = tree({ 'notes.png': 'CPR 150385-2000\n', 'image.dat': Buffer.from([0x31, 0, 0]) });
    expect(files(cprlint(['--format', 'json', 'notes.png'], { cwd: directory }))).toEqual([`${path.basename(directory)}/notes.png`]);
    const [report] = JSON.parse(cprlint(['--format', 'json', 'image.dat'], { cwd: directory }).stdout);
    expect(report.messages).toEqual([expect.objectContaining({ severity: 1, message: 'Not scanned: binary content (a NUL byte), not text cprlint can read' })]);
  });

  it('expands globs', () => {
    const directory = tree({ 'a/x.md': 'CPR 150385-2000\n', 'b/x.html': '<p>CPR 150385-2000</p>' });
    expect(files(cprlint(['--format', 'json', '**/*.md'], { cwd: directory }))).toEqual(['a/x.md']);
  });

  it('checks file and directory names, of any kind of file, and redacts them in the report', () => {
    const directory = tree({ 'filer/ansoegning_1503852000.pdf': '%PDF-1.4\n', 'sag-1503852019/a.png': Buffer.from([0x89, 0x50, 0, 0]) });
    const reports = JSON.parse(cprlint(['--format', 'json', '.'], { cwd: directory }).stdout);
    const names = reports.flatMap((report: { filePath: string; messages: { message: string; line: number }[] }) =>
      report.messages
        .filter((message) => message.message.startsWith('In the file name'))
        .map((message) => [path.relative(directory, report.filePath), message.line]),
    );
    expect(names).toEqual([
      ['filer/ansoegning_1503XX-XXXX.pdf', 1],
      ['sag-1503XX-XXXX', 1],
    ]);
    const shown = JSON.parse(cprlint(['--format', 'json', '--show-values', '.'], { cwd: directory }).stdout);
    expect(shown.map((report: { filePath: string }) => path.relative(directory, report.filePath))).toEqual([
      'filer/ansoegning_1503852000.pdf',
      'sag-1503852019',
    ]);
  });
});

describe('standard input', () => {
  it('reads the format from --stdin-filename', () => {
    const run = cprlint(['--stdin', '--stdin-filename', 'page.html', '--format', 'json'], {
      input: '<p>Nr <b>150385</b>&nbsp;2000</p>',
    });
    expect(run.code).toBe(1);
    const [report] = JSON.parse(run.stdout);
    expect(report.filePath).toBe(path.join(ROOT, 'page.html'));
    expect(report.messages[0]).toMatchObject({ line: 1, column: 10, endColumn: 30, kind: 'text' });
  });

  it('is plain text without a file name', () => {
    const run = cprlint(['--stdin', '--format', 'json'], { input: 'x **150385**-2000' });
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe('bad input fails closed', () => {
  it('skips binary content with a note', () => {
    const directory = tree({ 'a.html': Buffer.concat([Buffer.from('<p>1503852000</p>'), Buffer.from([0, 1, 2])]) });
    const run = cprlint(['--format', 'json', '.'], { cwd: directory });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0].messages).toEqual([
      expect.objectContaining({ ruleId: null, severity: 1, message: 'Not scanned: binary content (a NUL byte), not text cprlint can read' }),
    ]);
  });

  it('reads invalid UTF-8 as Windows-1252, parsed in its own format, with a warning', () => {
    // 0x96 is Windows-1252's en dash.
    const latin1 = Buffer.concat([Buffer.from('Ansøger: Jens, nr. **150385**', 'latin1'), Buffer.from([0x96]), Buffer.from('2000\n')]);
    const cp1252 = Buffer.concat([Buffer.from('<p>Ans\xf8ger 150385', 'latin1'), Buffer.from([0x96]), Buffer.from('2000</p>')]);
    const run = cprlint(['--format', 'json', '.'], { cwd: tree({ 'a.md': latin1, 'b.html': cp1252 }) });
    expect(run.code).toBe(1);
    const [markdown, html] = JSON.parse(run.stdout);
    expect(markdown.messages).toEqual([
      expect.objectContaining({ ruleId: null, severity: 1, message: 'Not valid UTF-8: read as Windows-1252 (Latin-1)' }),
      expect.objectContaining({ ruleId: 'no-cpr-number', severity: 2, line: 1, column: 22, endColumn: 35 }),
    ]);
    expect(html.messages[1]).toEqual(expect.objectContaining({ ruleId: 'no-cpr-number', line: 1, column: 12, endColumn: 23 }));
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('CPR;Navn\r\n150385-2000;Hans\r\n', 'utf16le')]);
    const run = cprlint(['--format', 'json', '.'], { cwd: tree({ 'export.csv': utf16 }) });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0].messages).toEqual([expect.objectContaining({ ruleId: 'no-cpr-number', line: 2, column: 1, endColumn: 12 })]);
  });

  it('reads a file over the size limit in chunks, without missing a number at a chunk boundary', () => {
    // 1 MiB chunks: put one number across the first boundary and one near the end.
    const filler = (length: number): string => 'Tekst om skolen. '.repeat(Math.ceil(length / 17)).slice(0, length);
    const first = 1024 * 1024 - 5;
    const body = `${filler(first - 1)}\nCPR 150385-2000\n${filler(1500000)}\n0101900000 slut\n`;
    const run = cprlint(['--format', 'json', '--max-file-size', '1MB', '.'], { cwd: tree({ 'big.md': body }) });
    expect(run.code).toBe(1);
    const [report] = JSON.parse(run.stdout);
    expect(report.messages).toEqual([
      expect.objectContaining({ ruleId: null, severity: 1, message: expect.stringMatching(/^Larger than the size limit \(2\.4 MB > 1\.0 MB\): scanned as plain text in chunks/) }),
      expect.objectContaining({ ruleId: 'no-cpr-number', line: 2, column: 5, endLine: 2, endColumn: 16 }),
      expect.objectContaining({ ruleId: 'no-cpr-number', line: 4, column: 1, endLine: 4, endColumn: 11 }),
    ]);
  });

  it.each([
    ['UTF-16LE with its byte order mark', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), undefined],
    ['UTF-16LE without one', (text: string) => Buffer.from(text, 'utf16le'), 'No byte order mark: read as UTF-16LE'],
    ['Windows-1252', (text: string) => Buffer.from(text, 'latin1'), 'Not valid UTF-8: read as Windows-1252 (Latin-1)'],
  ])('reads a file over the size limit in chunks in the encoding its first chunk shows: %s', (_name, encode, notice) => {
    const filler = 'Tekst om børnehaven. '.repeat(60000);
    const body = `${filler}\nAnsøger 150385-2000\n${filler}\n`;
    const run = cprlint(['--format', 'json', '--max-file-size', '1MB', '.'], { cwd: tree({ 'big.txt': encode(body) }) });
    expect(run.code).toBe(1);
    const messages = JSON.parse(run.stdout)[0].messages as { ruleId: string | null; message: string; line: number; column: number }[];
    expect(messages.filter((message) => message.ruleId === null).map((message) => message.message)).toEqual([
      expect.stringMatching(/^Larger than the size limit/),
      ...(notice ? [notice] : []),
    ]);
    expect(messages.filter((message) => message.ruleId === 'no-cpr-number').map((message) => [message.line, message.column])).toEqual([[2, 9]]);
  });

  it('notes document formats it cannot read yet', () => {
    const run = cprlint(['--format', 'json', '.'], { cwd: tree({ 'a.doc': 'PK' }) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0].messages[0].message).toBe('Not scanned: .doc documents are not read yet (only the file name was checked)');
  });
});

describe('cprlint locate', () => {
  it('finds again, on the machine that holds them, the files a report names redacted', () => {
    const directory = tree({ 'bilag/ansoegning_150385-2000.txt': 'x\n', 'bilag/ansoegning_150385-2019.txt': 'x\n', 'bilag/andet.txt': 'x\n' });
    const report = JSON.parse(cprlint(['--format', 'json', '.'], { cwd: directory }).stdout) as { filePath: string }[];
    const shown = report.map((result) => result.filePath);
    // The report names both by one redacted path, and never by the number.
    expect(new Set(shown)).toEqual(new Set([path.join(directory, 'bilag/ansoegning_1503XX-XXXX.txt')]));
    for (const asShown of [shown[0]!, 'bilag/ansoegning_1503XX-XXXX.txt']) {
      const located = cprlint(['locate', asShown], { cwd: directory });
      expect(located).toMatchObject({ code: 0, stdout: 'bilag/ansoegning_150385-2000.txt\nbilag/ansoegning_150385-2019.txt\n' });
    }
    expect(cprlint(['locate', 'bilag/nope.txt'], { cwd: directory })).toMatchObject({ code: 1, stdout: '', stderr: 'cprlint: no file under . is shown as bilag/nope.txt\n' });
    expect(cprlint(['locate'], { cwd: directory }).code).toBe(2);
  });
});

describe('--help and the README', () => {
  it('list the same options, from one table; --help in aligned columns within 100 characters', async () => {
    const { OPTION_TABLE, optionsMarkdown } = await import('../src/front-ends/cli-options.js');
    // Out of date: run `npx tsc -p tsconfig.json && node scripts/options-table.js` and paste the table.
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`${optionsMarkdown()}\n`);
    const help = cprlint(['--help']).stdout;
    for (const row of OPTION_TABLE) for (const flag of row.flags.match(/--[\w-]+/g)!) expect(help).toContain(flag);
    expect(help.split('\n').filter((line) => line.length > 100)).toEqual([]);
    // Every meaning starts in one column.
    const starts = help.split('\n').filter((line) => /^ {2}-/.test(line) && /\S {2,}\S/.test(line.slice(2))).map((line) => line.search(/\S {2,}\S/) + line.slice(line.search(/\S {2,}\S/)).search(/ \S/) + 1);
    expect(new Set(starts).size).toBe(1);
  });
});
