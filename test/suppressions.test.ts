import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { scanText } from '../src/index.js';
import remarkCprlint from '../src/front-ends/remark.js';
import { TODAY } from './rule-findings.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Lines of the findings that stand, and of those a directive silenced (with its reason). */
function outcome(source: string, filePath: string) {
  const report = scanText(source, { filePath, today: TODAY });
  return {
    found: report.findings.map((finding) => `${finding.ruleId} ${finding.place.start.line}`),
    suppressed: (report.suppressed ?? []).map((finding) => `${finding.ruleId} ${finding.place.start.line} ${finding.justification ?? '-'}`),
  };
}

describe('cprlint-disable comments in each syntax', () => {
  it.each<[string, string, string, { found: string[]; suppressed: string[] }]>([
    ['Markdown, next line', 'a.md', '<!-- cprlint-disable-next-line no-cpr-number -- made-up test data -->\nCPR 150385-2000\n\nCPR 150385-2019\n', {
      found: ['no-cpr-number 4'], suppressed: ['no-cpr-number 2 made-up test data'],
    }],
    ['HTML, same line', 'a.html', '<p>CPR 150385-2000</p><!-- cprlint-disable-line -->\n<p>CPR 150385-2019</p>', {
      found: ['no-cpr-number 2'], suppressed: ['no-cpr-number 1 -'],
    }],
    ['MDX, next line', 'a.mdx', '{/* cprlint-disable-next-line no-cpr-number -- example */}\nCPR 150385-2000\n', {
      found: [], suppressed: ['no-cpr-number 2 example'],
    }],
    ['JavaScript, next line and same line', 'a.js', '// cprlint-disable-next-line no-cpr-number -- fixture\nconst a = "150385-2000";\nconst b = "150385-2019"; // cprlint-disable-line\nconst c = "150385-2000";\n', {
      found: ['no-cpr-number 4'], suppressed: ['no-cpr-number 2 fixture', 'no-cpr-number 3 -'],
    }],
    ['a block, for the rules it names', 'a.ts', '/* cprlint-disable no-cpr-number -- test data */\nconst a = "150385-2000";\nconst b = "Jens Hansen har kræft";\n/* cprlint-enable no-cpr-number */\nconst c = "150385-2019";\n', {
      found: ['no-health-data 3', 'no-cpr-number 5'], suppressed: ['no-cpr-number 2 test data'],
    }],
    ['YAML, with # and the rule written cprlint/…', 'a.yml', '# cprlint-disable-next-line cprlint/no-cpr-number -- made up\ncpr: "150385-2000"\n', {
      found: [], suppressed: ['no-cpr-number 2 made up'],
    }],
    ['a directive for another rule silences nothing here', 'a.md', '<!-- cprlint-disable-next-line no-health-data -->\nCPR 150385-2000\n', {
      found: ['no-cpr-number 2'], suppressed: [],
    }],
    ['the word in running text is no directive', 'a.md', 'Skriv cprlint-disable-line i en kommentar: CPR 150385-2000\n', {
      found: ['no-cpr-number 1'], suppressed: [],
    }],
  ])('%s', (_name, filePath, source, expected) => {
    expect(outcome(source, filePath)).toEqual(expected);
  });
});

describe('reasons and unused directives', () => {
  const source = '<!-- cprlint-disable-next-line -->\nCPR 150385-2000\n\n<!-- cprlint-disable-next-line no-cpr-number -- old -->\nIntet her.\n';

  it('--require-reason makes a directive without a reason an error at its place', () => {
    const report = scanText(source, { filePath: 'a.md', today: TODAY, requireReason: true });
    expect(report.notices).toEqual([{ severity: 'error', message: 'cprlint-disable-next-line needs a reason: add "-- why" after the rules', place: { line: 1, column: 1 } }]);
  });

  it('--report-unused-disables warns of a directive that silences nothing', () => {
    const report = scanText(source, { filePath: 'a.md', today: TODAY, reportUnusedDisables: true });
    expect(report.notices).toEqual([{ severity: 'warning', message: 'Unused cprlint-disable-next-line: nothing of no-cpr-number was found here', place: { line: 4, column: 1 } }]);
  });

  it('also in a file with nothing else to find', () => {
    const report = scanText('<!-- cprlint-disable -->\nIntet.\n', { filePath: 'a.md', today: TODAY, reportUnusedDisables: true, requireReason: true });
    expect(report.notices.map((notice) => notice.severity)).toEqual(['error', 'warning']);
  });
});

describe('through the CLI and the remark plugin', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-suppress-'));
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
  fs.writeFileSync(path.join(directory, 'a.md'), '<!-- cprlint-disable-next-line no-cpr-number -- made-up test data -->\nCPR 150385-2000\n');

  it('JSON lists what was silenced, with the reason, as ESLint does', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/cprlint.js'), '--format', 'json', 'a.md'], { cwd: directory, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const [report] = JSON.parse(run.stdout);
    expect(report.messages).toEqual([]);
    expect(report.suppressedMessages).toEqual([
      expect.objectContaining({ ruleId: 'no-cpr-number', line: 2, column: 5, suppressions: [{ kind: 'directive', justification: 'made-up test data' }] }),
    ]);
  });

  it('--require-reason and --report-unused-disables on the command line', () => {
    fs.writeFileSync(path.join(directory, 'b.md'), '<!-- cprlint-disable-line -->\nIntet.\n');
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/cprlint.js'), '--require-reason', '--report-unused-disables', 'b.md'], { cwd: directory, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/1:1\s+error\s+cprlint-disable-line needs a reason/);
    expect(run.stdout).toMatch(/1:1\s+warning\s+Unused cprlint-disable-line/);
  });

  it('the remark plugin honours them in a build', async () => {
    const messages = async (value: string) => {
      const processor = unified().use(remarkParse).use(remarkCprlint, { failOn: 'never', rules: {} });
      const vfile = new VFile({ value });
      await processor.run(processor.parse(vfile), vfile);
      return vfile.messages.length;
    };
    expect(await messages('CPR 150385-2000\n')).toBe(1);
    expect(await messages('<!-- cprlint-disable-next-line no-cpr-number -- example -->\nCPR 150385-2000\n')).toBe(0);
  });
});
