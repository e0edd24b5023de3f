// `npm run bench`: generates a test site in a temporary directory, runs each section's
// measurements on it, prints a table per section, and exits 1 when a target is not met.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeSite, generateSite } from './generate-site.js';
import { RUNS } from './measure.js';
import { eslintOverhead } from './eslint-overhead.js';
import { pdfPages } from './pdf-pages.js';
import { stagedAndCache } from './staged-and-cache.js';
import { ruleCosts } from './rule-costs.js';
import { scanVersusParsing } from './scan-versus-parsing.js';
import { complexity } from './complexity.js';
import { memoryBySize } from './memory-by-size.js';
import { editorLatency } from './editor-latency.js';

// Each section is { title, run({ site, workDir, siteOf }) } and resolves to { rows, targets, notes }:
// `site` is the mostly clean site at full size, `siteOf(kind, scale)` any other (generated once).
// rows are { label, bytes, wallSeconds, cpuSeconds, peakRssKb }, targets are { text, met }. A new cost to
// watch (another rule, ESLint, a staged scan) is a new module added here.
const SECTIONS = { scanVersusParsing, memoryBySize, ruleCosts, eslintOverhead, stagedAndCache, editorLatency, pdfPages, complexity };
// `npm run bench -- stagedAndCache pdfPages` runs only the sections named; no names, all of them.
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in SECTIONS));

const megabytes = (bytes) => bytes / 1e6;

function table(rows) {
  const header = ['', 'MB', 'wall s', 'MB/s', 'CPU s', 'peak RSS MB'];
  const lines = rows.map((row) => [
    row.label,
    megabytes(row.bytes).toFixed(1),
    row.wallSeconds.toFixed(2),
    (megabytes(row.bytes) / row.wallSeconds).toFixed(2),
    row.cpuSeconds.toFixed(2),
    megabytes(row.peakRssKb * 1024).toFixed(0),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((cells) => cells[i].length)));
  // Labels to the left, numbers to the right.
  const format = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   ');
  return [format(header), ...lines.map(format)].join('\n');
}

async function main() {
  if (unknown.length > 0) {
    console.error(`bench: no section ${unknown.join(', ')}; the sections are ${Object.keys(SECTIONS).join(', ')}`);
    return 2;
  }
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'cprlint-bench-'));
  // An interrupted run would otherwise leave thousands of files behind in the temporary directory.
  process.once('SIGINT', () => {
    rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
  try {
    const sites = new Map();
    const siteOf = (kind = 'clean', scale = 1) => {
      const key = `${kind}-${scale}`;
      if (!sites.has(key)) {
        const started = performance.now();
        const generated = generateSite(path.join(workDir, `site-${key}`), { kind, scale });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(`Site: ${describeSite(generated)}; x${scale}; generated in ${seconds} s`);
        sites.set(key, generated);
      }
      return sites.get(key);
    };
    const site = siteOf();

    let allMet = true;
    for (const [name, section] of Object.entries(SECTIONS)) {
      if (chosen.length > 0 && !chosen.includes(name)) continue;
      process.stderr.write(`${section.title}\n`);
      const result = await section.run({ site, workDir, siteOf });
      console.log(`\n${section.title} (median wall and CPU time of ${RUNS} runs, highest peak RSS)\n`);
      console.log(table(result.rows));
      for (const note of result.notes) console.log(note);
      for (const target of result.targets) {
        console.log(`Target: ${target.text}: ${target.met ? 'met' : 'NOT met'}`);
        allMet &&= target.met;
      }
    }
    return allMet ? 0 : 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`bench: ${error.message}`);
    process.exitCode = 2;
  },
);
