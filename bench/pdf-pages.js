// PDF scanning speed: the CLI over the three real municipal PDFs in ../shared/data/real-documents
// (261 pages), in pages per second.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.js';

const CLI = fileURLToPath(new URL('../bin/cprlint.js', import.meta.url));
const DOCUMENTS = fileURLToPath(new URL('../../shared/data/real-documents', import.meta.url));
// pdfinfo's page counts of the three documents.
const PAGES = 204 + 28 + 29;

export const pdfPages = {
  title: 'PDF scanning: the CLI over the real municipal PDFs',
  async run({ workDir }) {
    if (!existsSync(DOCUMENTS)) return { rows: [], targets: [], notes: [`Skipped: ${DOCUMENTS} is not there.`] };
    const files = readdirSync(DOCUMENTS).filter((name) => name.endsWith('.pdf'));
    const bytes = files.reduce((sum, name) => sum + statSync(path.join(DOCUMENTS, name)).size, 0);
    const result = await measure('cprlint over the real PDFs', [CLI, '--format', 'json', DOCUMENTS], { workDir, exitCodes: [0, 1] });
    return {
      rows: [{ label: `cprlint, ${files.length} PDFs, ${PAGES} pages`, bytes, ...result }],
      targets: [],
      notes: [`${(PAGES / result.wallSeconds).toFixed(0)} pages per second (wall time, start-up included); ${(PAGES / result.cpuSeconds).toFixed(0)} per CPU second.`],
    };
  },
};
