// Section: is cprlint's full scan cheaper than merely parsing the site's Markdown and HTML?
// It can be, because a file that no rule's prefilter accepts is never parsed at all.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readableView, RULES } from 'cprlint';
import { measure } from './measure.js';

const CLI = fileURLToPath(new URL('../bin/cprlint.js', import.meta.url));
const PARSE_ONLY = fileURLToPath(new URL('./parse-only.js', import.meta.url));

/** What cprlint reported: errors, warnings, and files with any finding. */
function summarise(reportFile) {
  const reports = JSON.parse(readFileSync(reportFile, 'utf8'));
  const count = (field) => reports.reduce((sum, report) => sum + report[field], 0);
  return { files: reports.length, errors: count('errorCount'), warnings: count('warningCount') };
}

/**
 * The files each rule's prefilter lets through to parsing, and those any rule lets through (what
 * cprlint parses), by extension: parsing is the cost of a scan.
 */
function passingPrefilter(site) {
  // Each rule with its default options, as a run without configuration has them.
  const checkers = RULES.map((rule) => ({ id: rule.id, checker: rule.create(undefined) }));
  const tally = () =>
    Object.fromEntries(Object.keys(site.bytes).map((extension) => [extension, { files: 0, bytes: 0 }]));
  const all = tally();
  const byRule = Object.fromEntries([['any rule', tally()], ...checkers.map(({ id }) => [id, tally()])]);
  for (const relative of readdirSync(site.root, { recursive: true })) {
    const extension = path.extname(relative);
    if (!all[extension]) continue;
    const text = readFileSync(path.join(site.root, relative), 'utf8');
    const bytes = Buffer.byteLength(text);
    const count = (entry) => {
      entry[extension].files += 1;
      entry[extension].bytes += bytes;
    };
    count(all);
    // Rules test the file's readable view, as the engine does before it parses anything.
    const view = readableView(text);
    const passing = checkers.filter(({ checker }) => checker.mightMatch(view, { today: new Date() }));
    if (passing.length > 0) count(byRule['any rule']);
    for (const { id } of passing) count(byRule[id]);
  }
  return { all, byRule };
}

export const scanVersusParsing = {
  title: 'cprlint full scan versus remark and rehype parsing alone',
  async run({ site, workDir }) {
    const reportFile = path.join(workDir, 'cprlint-report.json');
    // Exit code 1 is the expected outcome: the planted numbers are found.
    const scan = await measure('cprlint full scan', [CLI, '--format', 'json', '--output-file', reportFile, site.root], {
      workDir,
      exitCodes: [0, 1],
    });
    const remark = await measure('remark parse', [PARSE_ONLY, 'remark', site.root], { workDir });
    const rehype = await measure('rehype parse', [PARSE_ONLY, 'rehype', site.root], { workDir });
    // Two processes' times added up: that includes a second Node start-up (~0.1 s), which
    // favours cprlint slightly. The peak is the larger of the two, as neither holds the other's trees.
    const parsing = {
      wallSeconds: remark.wallSeconds + rehype.wallSeconds,
      cpuSeconds: remark.cpuSeconds + rehype.cpuSeconds,
      peakRssKb: Math.max(remark.peakRssKb, rehype.peakRssKb),
    };

    const found = summarise(reportFile);
    const prefilter = passingPrefilter(site);
    const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
    const width = Math.max(...Object.keys(prefilter.byRule).map((id) => id.length));
    const passing = Object.entries(prefilter.byRule).map(([id, byExtension]) => {
      const parts = Object.entries(byExtension).map(([extension, { files, bytes }]) => {
        const of = prefilter.all[extension];
        return `${extension} ${files} of ${of.files} (${megabytes(bytes)} of ${megabytes(of.bytes)} MB)`;
      });
      return `  ${id.padEnd(width)}  ${parts.join(', ')}`;
    });
    const notes = [
      `cprlint found ${found.errors} errors and ${found.warnings} warnings (all rules) in ${found.files} files; ` +
        `${site.planted['no-cpr-number'].length} files have a planted CPR number, ` +
        `${site.planted['no-health-data'].length} health data and ${site.planted['no-named-complaint'].length} a named complaint.`,
      "Files that rules' prefilters send on to parsing (cprlint parses those of any rule):",
      ...passing,
    ];
    const seconds = (measured) => `${measured.wallSeconds.toFixed(2)} s`;
    return {
      rows: [
        { label: 'cprlint full scan', bytes: site.totalBytes, ...scan },
        { label: 'remark parse (.md)', bytes: site.bytes['.md'], ...remark },
        { label: 'rehype parse (.html)', bytes: site.bytes['.html'], ...rehype },
        { label: 'remark + rehype (sum)', bytes: site.bytes['.md'] + site.bytes['.html'], ...parsing },
      ],
      targets: [
        {
          text: `cprlint full scan (${seconds(scan)}) faster than remark + rehype parsing alone (${seconds(parsing)})`,
          met: scan.wallSeconds < parsing.wallSeconds,
        },
      ],
      notes,
    };
  },
};
