// Section: does a full scan's memory stay flat as the site grows? The same kind of site at a
// quarter, half and full size (about 5, 10 and 21 MB), mostly clean and dense: a scan holds one
// file at a time (and the report), so its peak must not grow with the site.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.js';

const CLI = fileURLToPath(new URL('../bin/cprlint.js', import.meta.url));
const SCALES = [0.25, 0.5, 1];
// Peak memory at full size over that at a quarter: flat, with room for the larger report.
const MAX_GROWTH = 1.5;
const CAPPED_HEAP_MB = 128;

export const memoryBySize = {
  title: 'peak memory of a full scan at three site sizes',
  async run({ siteOf, workDir }) {
    const rows = [];
    const targets = [];
    for (const kind of ['clean', 'dense']) {
      const peaks = [];
      for (const scale of SCALES) {
        const site = siteOf(kind, scale);
        const reportFile = path.join(workDir, 'memory-report.json');
        const measured = await measure(`cprlint full scan (${kind}, x${scale})`, [CLI, '--format', 'json', '--output-file', reportFile, site.root], {
          workDir,
          exitCodes: [0, 1],
        });
        rows.push({ label: `${kind} site x${scale}: cprlint full scan`, bytes: site.totalBytes, ...measured });
        peaks.push(measured.peakRssKb);
      }
      // Peak RSS is also V8 sizing its heap to the work: what the scan needs is shown by running the
      // full-size scan with the heap capped, which fails with an out-of-memory error if it needs more.
      const full = siteOf(kind, 1);
      const capped = await measure(`cprlint full scan (${kind}, x1, heap capped at ${CAPPED_HEAP_MB} MB)`, [`--max-old-space-size=${CAPPED_HEAP_MB}`, CLI, '--format', 'json', '--output-file', path.join(workDir, 'memory-report.json'), full.root], {
        workDir,
        runs: 1,
        // An out-of-memory end is a result here, not a failure of the bench.
        exitCodes: [0, 1, 134, null],
      });
      rows.push({ label: `${kind} site x1, heap capped at ${CAPPED_HEAP_MB} MB`, bytes: full.totalBytes, ...capped });
      targets.push({ text: `${kind} site: the full-size scan completes with its heap capped at ${CAPPED_HEAP_MB} MB (exit ${capped.code})`, met: capped.code === 0 || capped.code === 1 });
      const growth = peaks.at(-1) / peaks[0];
      targets.push({
        text: `${kind} site: peak memory at full size within ${MAX_GROWTH}x of a quarter's (${(peaks[0] / 1024).toFixed(0)} -> ${(peaks.at(-1) / 1024).toFixed(0)} MB, ${growth.toFixed(2)}x)`,
        met: growth <= MAX_GROWTH,
      });
    }
    return { rows, targets, notes: [] };
  },
};
