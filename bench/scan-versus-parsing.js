// Section: is cprlint's full scan cheaper than merely parsing the site's Markdown and HTML? On a
// mostly clean site it can be, because a file that no rule's prefilter accepts is never parsed at
// all; on a dense one, where most pages hold candidates, it measures the parse path itself. The
// target (issue 12): at most 0.6 times the parsing alone on each, side by side (alternating runs).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readableView, RULES } from 'cprlint';
import { measureAlternating } from './measure.js';

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

const MAX_SCAN_TO_PARSE = 0.6;

/** The full scan (in one thread, and in worker threads), remark and rehype, alternating, on one site. */
async function onSite(site, workDir) {
  const reportFile = path.join(workDir, 'cprlint-report.json');
  // Exit code 1 is the expected outcome: the planted numbers are found.
  const scanArgs = ['--format', 'json', '--output-file', reportFile, site.root];
  const [scan, inWorkers, remark, rehype] = await measureAlternating(
    [
      { label: `cprlint full scan (${site.kind})`, args: [CLI, ...scanArgs], exitCodes: [0, 1] },
      { label: `cprlint --concurrency auto (${site.kind})`, args: [CLI, '--concurrency', 'auto', ...scanArgs], exitCodes: [0, 1] },
      { label: `remark parse (${site.kind})`, args: [PARSE_ONLY, 'remark', site.root] },
      { label: `rehype parse (${site.kind})`, args: [PARSE_ONLY, 'rehype', site.root] },
    ],
    { workDir },
  );
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
  const ratio = scan.wallSeconds / parsing.wallSeconds;
  const seconds = (measured) => `${measured.wallSeconds.toFixed(2)} s`;
  return {
    rows: [
      { label: `${site.kind}: cprlint full scan`, bytes: site.totalBytes, ...scan },
      { label: `${site.kind}: cprlint --concurrency auto`, bytes: site.totalBytes, ...inWorkers },
      { label: `${site.kind}: remark parse (.md)`, bytes: site.bytes['.md'], ...remark },
      { label: `${site.kind}: rehype parse (.html)`, bytes: site.bytes['.html'], ...rehype },
      { label: `${site.kind}: remark + rehype (sum)`, bytes: site.bytes['.md'] + site.bytes['.html'], ...parsing },
    ],
    targets: [
      {
        text: `${site.kind} site: cprlint full scan (${seconds(scan)}) at most ${MAX_SCAN_TO_PARSE}x remark + rehype parsing alone (${seconds(parsing)}; ${ratio.toFixed(2)}x)`,
        met: ratio <= MAX_SCAN_TO_PARSE,
      },
    ],
    notes: [
      `${site.kind} site: cprlint found ${found.errors} errors and ${found.warnings} warnings (all rules) in ${found.files} files; ` +
        `${site.planted['no-cpr-number'].length} files have a planted CPR number, ` +
        `${site.planted['no-health-data'].length} health data and ${site.planted['no-named-complaint'].length} a named complaint.`,
      `${site.kind} site: files that rules' prefilters send on to parsing (cprlint parses those of any rule):`,
      ...passing,
    ],
  };
}

export const scanVersusParsing = {
  title: 'cprlint full scan versus remark and rehype parsing alone, on a mostly clean and a dense site',
  async run({ siteOf, workDir }) {
    const results = [];
    for (const kind of ['clean', 'dense']) results.push(await onSite(siteOf(kind), workDir));
    return {
      rows: results.flatMap((result) => result.rows),
      targets: results.flatMap((result) => result.targets),
      notes: results.flatMap((result) => result.notes),
    };
  },
};
