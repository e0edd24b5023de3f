// Section: what the two prose rules (no-health-data, no-named-complaint) add to a scan. The same
// in-process scan through the API, once with no-cpr-number alone and once with all three rules:
// the difference is their cost, prefilters, parsing of the files only they send on, and matching.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.js';

const SCAN_THROUGH_API = fileURLToPath(new URL('./scan-through-api.js', import.meta.url));

/**
 * One line per rule: what it found in the scan with all rules, held against the files the site
 * generator planted a finding of that rule in. A finding in a file with nothing planted for its
 * rule is a false finding (or a pre-existing warning on a number that only looks like a CPR number).
 */
function findingsAgainstPlanted(found, planted) {
  const width = Math.max(...Object.keys(found).map((id) => id.length));
  return Object.entries(found).map(([id, { errors, warnings, files }]) => {
    const plantedFiles = new Set(planted[id]);
    const withFinding = Object.keys(files);
    const missed = planted[id].filter((file) => !files[file]?.errors).length;
    const elsewhere = withFinding.filter((file) => !plantedFiles.has(file));
    const count = (field) => elsewhere.reduce((sum, file) => sum + files[file][field], 0);
    return (
      `  ${id.padEnd(width)}  ${errors} errors, ${warnings} warnings in ${withFinding.length} files; ` +
      `planted in ${plantedFiles.size} files, ${missed} of them without an error; ` +
      `in files with nothing planted: ${count('errors')} errors, ${count('warnings')} warnings in ${elsewhere.length} files`
    );
  });
}

/**
 * What the two prose rules added to a scan with no-cpr-number alone at version 0.2.0 (commit
 * bb99120), in CPU time, measured by this section on the 21 MB bench site on this project's
 * machines (2 cores): +51%. Issue 10 made the rules read roles, pointers, records and tables; they
 * must cost no more than that.
 */
const PROSE_COST_AT_0_2_0 = 51;

export const ruleCosts = {
  title: 'What no-health-data and no-named-complaint cost: in-process API scan of every .md, .html and .tsx file',
  async run({ site, workDir }) {
    const scan = async (label, configuration) => {
      const findingsFile = path.join(workDir, `findings-${configuration}.json`);
      const measured = await measure(label, [SCAN_THROUGH_API, configuration, site.root, findingsFile], { workDir });
      return { measured, found: JSON.parse(readFileSync(findingsFile, 'utf8')) };
    };
    const cprOnly = await scan('API scan, no-cpr-number only', 'cpr-only');
    const allRules = await scan('API scan, all three rules', 'all-rules');

    const percentOf = (field) => (100 * (allRules.measured[field] - cprOnly.measured[field])) / cprOnly.measured[field];
    const cost = (field) => {
      const seconds = allRules.measured[field] - cprOnly.measured[field];
      const percent = percentOf(field);
      return `${seconds >= 0 ? '+' : ''}${seconds.toFixed(2)} s (${percent >= 0 ? '+' : ''}${percent.toFixed(0)}%)`;
    };
    const notes = [
      `Cost of no-health-data and no-named-complaint (all three rules minus no-cpr-number only): ` +
        `wall ${cost('wallSeconds')}, CPU ${cost('cpuSeconds')}.`,
      `Findings with all three rules, against the files the generator planted them in ` +
        `(${site.withTraps} files hold traps: health and complaint words with no citizen named):`,
      ...findingsAgainstPlanted(allRules.found, site.planted),
    ];
    // Switching rules on must not change what no-cpr-number finds.
    const cprFindings = (found) => JSON.stringify(found['no-cpr-number']);
    if (cprFindings(cprOnly.found) !== cprFindings(allRules.found)) {
      notes.push('no-cpr-number found different things with the prose rules on than alone: a bug in the engine.');
    }
    return {
      rows: [
        { label: 'API scan, no-cpr-number only', bytes: site.totalBytes, ...cprOnly.measured },
        { label: 'API scan, all three rules', bytes: site.totalBytes, ...allRules.measured },
      ],
      targets: [
        {
          text: `the prose rules cost at most ${PROSE_COST_AT_0_2_0}% of the no-cpr-number scan's CPU time, as at version 0.2.0 (now ${percentOf('cpuSeconds').toFixed(0)}%)`,
          met: percentOf('cpuSeconds') <= PROSE_COST_AT_0_2_0,
        },
      ],
      notes,
    };
  },
};
