import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { afterAll, describe, expect, it } from 'vitest';

// The SARIF 2.1.0 schema as OASIS published it (rtm.5), shipped by Microsoft's @microsoft/jest-sarif.
const ROOT = path.resolve(import.meta.dirname, '..');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// One of its patterns is not valid as a Unicode regular expression, so ajv reads them the old way.
// Its "uri" and "uri-reference" formats are checked as RFC 3986 writes them, not passed over.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
const PCT_ENCODED_OK = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$/;
ajv.addFormat('uri-reference', (value: string) => PCT_ENCODED_OK.test(value));
ajv.addFormat('uri', (value: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) && PCT_ENCODED_OK.test(value));
const validate = ajv.compile(SCHEMA);

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cprlint-sarif-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

function sarif(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/cprlint.js'), '--format', 'sarif', ...args], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(run.stdout);
}

describe('--format sarif', () => {
  it('passes the SARIF 2.1.0 schema, notices and all', () => {
    // An Office file cprlint cannot read yet gives a tool notification beside the results.
    fs.writeFileSync(path.join(temporary, 'bilag.docx'), 'PK');
    const log = sarif('fixtures/example-site', temporary);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(5);
    expect(log.runs[0].invocations[0].toolExecutionNotifications.length).toBeGreaterThan(0);
  });

  it('has redacted snippets, and with a baseline, partial fingerprints from its keys', () => {
    const baseline = path.join(temporary, 'baseline.json');
    fs.writeFileSync(baseline, JSON.stringify({ version: 1, salt: '00112233445566778899aabbccddeeff', findings: [] }));
    const log = sarif('--baseline', baseline, 'fixtures/example-site/src');
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [result] = log.runs[0].results;
    expect(result.locations[0].physicalLocation.region.snippet).toEqual({ text: '0101XX-XXXX' });
    expect(result.partialFingerprints).toEqual({ 'cprlint/v1': expect.stringMatching(/^[\da-f]{32}$/) });
    // The same salt gives the same fingerprint on the next run.
    expect(sarif('--baseline', baseline, 'fixtures/example-site/src').runs[0].results[0].partialFingerprints).toEqual(result.partialFingerprints);
  });

  it('percent-encodes file names in artifact URIs, which the schema checks', () => {
    const folder = fs.mkdtempSync(path.join(temporary, 'uri-'));
    fs.writeFileSync(path.join(folder, 'side #1 [a].md'), 'CPR 150385-2000\n');
    const log = sarif(folder);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/side%20%231%20%5Ba%5D\.md$/);
    log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'side #1 [a].md';
    expect(validate(log)).toBe(false);
  });

  it('a log the schema must reject is rejected, so the check can fail', () => {
    const log = sarif('fixtures/example-site/src');
    log.runs[0].results[0].level = 'severe';
    expect(validate(log)).toBe(false);
  });
});
