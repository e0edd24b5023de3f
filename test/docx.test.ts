import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDocx } from './made-documents.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-docx-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

function cprlint(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/cprlint.js'), ...args], { cwd: temporary, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('Word .docx', () => {
  it('finds what was planted in the body, a header and a comment, redacted', async () => {
    fs.writeFileSync(
      path.join(temporary, 'afgoerelse.docx'),
      await makeDocx(
        ['Afgørelse', 'Klage fra Jens Hansen over hjemmeplejen.', 'Jens Hansen har brystkræft.'],
        ['Sag vedr. CPR 150385-2000'],
        ['Husk: 150385-2019 skal slettes'],
      ),
    );
    const run = cprlint('--format', 'json', 'afgoerelse.docx');
    expect(run.code).toBe(1);
    const [report] = JSON.parse(run.stdout);
    // Lines of the extracted text, whose paragraphs stand apart by a blank line.
    expect(report.messages.map((message: { ruleId: string; line: number; message: string }) => [message.ruleId, message.line, message.message.split(':')[0]])).toEqual([
      ['no-named-complaint', 3, 'Document'],
      ['no-health-data', 5, 'Document'],
      ['no-cpr-number', 1, 'Header, footer or comment'],
      ['no-cpr-number', 3, 'Header, footer or comment'],
    ]);
    expect(run.stdout + cprlint('afgoerelse.docx').stdout).not.toMatch(/150385\D{0,3}20(00|19)/);
  });

  it('says a .docx it cannot read was not scanned', () => {
    fs.writeFileSync(path.join(temporary, 'broken.docx'), 'PK no zip');
    const run = cprlint('--format', 'json', 'broken.docx');
    expect(JSON.parse(run.stdout)[0].messages[0].message).toMatch(/^Not scanned: not a readable \.docx/);
    expect(cprlint('--strict', 'broken.docx').code).toBe(1);
  });
});
