// Section: is cprlint's full scan cheaper than merely parsing the site's Markdown and HTML?
// It can be, because a file without date-like digits is never parsed at all.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from 'cprlint';
import { measure } from './measure.js';

const CLI = new URL('../bin/cprlint.js', import.meta.url).pathname;
const PARSE_ONLY = new URL('./parse-only.js', import.meta.url).pathname;

/** What cprlint reported: errors, warnings, and files with any finding. */
function summarise(reportFile) {
  const reports = JSON.parse(readFileSync(reportFile, 'utf8'));
  const count = (field) => reports.reduce((sum, report) => sum + report[field], 0);
  return { files: reports.length, errors: count('errorCount'), warnings: count('warningCount') };
}

/** The files cprlint's prefilter lets through to parsing, by extension: they are its cost. */
function passingPrefilter(root) {
  const byExtension = {};
  for (const relative of readdirSync(root, { recursive: true })) {
    const extension = path.extname(relative);
    if (!['.md', '.html', '.tsx'].includes(extension)) continue;
    const text = readFileSync(path.join(root, relative), 'utf8');
    const entry = (byExtension[extension] ??= { files: 0, bytes: 0, passing: 0, passingBytes: 0 });
    const bytes = Buffer.byteLength(text);
    entry.files += 1;
    entry.bytes += bytes;
    if (RULES.some((rule) => rule.mightMatch(text))) {
      entry.passing += 1;
      entry.passingBytes += bytes;
    }
  }
  return byExtension;
}

export const scanVersusParsing = {
  title: 'cprlint full scan versus remark and rehype parsing alone',
  async run({ site, workDir }) {
    const reportFile = path.join(workDir, 'cprlint-report.json');
    // Exit code 1 is the expected outcome: the planted numbers are found.
    const scan = await measure('cprlint full scan', [CLI, '--format', 'json', '--output-file', reportFile, site.root], {
      cwd: workDir,
      exitCodes: [0, 1],
    });
    const remark = await measure('remark parse', [PARSE_ONLY, 'remark', site.root]);
    const rehype = await measure('rehype parse', [PARSE_ONLY, 'rehype', site.root]);
    // Two processes' times added up: that includes a second Node start-up (~0.05 s), which
    // favours cprlint slightly. The peak is the larger of the two, as neither holds the other's trees.
    const parsing = {
      wallSeconds: remark.wallSeconds + rehype.wallSeconds,
      peakRssKb: Math.max(remark.peakRssKb, rehype.peakRssKb),
    };

    const found = summarise(reportFile);
    const prefilter = passingPrefilter(site.root);
    const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
    const notes = [
      `cprlint found ${found.errors} errors and ${found.warnings} warnings in ${found.files} files; ${site.planted} files have a planted CPR number.`,
      `Files cprlint's prefilter sends on to parsing: ${Object.entries(prefilter)
        .map(([extension, e]) => `${extension} ${e.passing} of ${e.files} (${megabytes(e.passingBytes)} of ${megabytes(e.bytes)} MB)`)
        .join(', ')}.`,
    ];
    return {
      rows: [
        { label: 'cprlint full scan', bytes: site.totalBytes, ...scan },
        { label: 'remark parse (.md)', bytes: site.bytes['.md'], ...remark },
        { label: 'rehype parse (.html)', bytes: site.bytes['.html'], ...rehype },
        { label: 'remark + rehype (sum)', bytes: site.bytes['.md'] + site.bytes['.html'], ...parsing },
      ],
      targets: [
        {
          text: `cprlint full scan (${scan.wallSeconds.toFixed(2)} s) faster than remark + rehype parsing alone (${parsing.wallSeconds.toFixed(2)} s)`,
          met: scan.wallSeconds < parsing.wallSeconds,
        },
      ],
      notes,
    };
  },
};
