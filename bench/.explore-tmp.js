// temporary exploration, removed later
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scanFile } from 'cprlint';
import { generateSite } from './generate-site.js';
const root = '/tmp/explore/site';
const t0 = performance.now();
const site = generateSite(root);
console.log(site.files, site.totalBytes, site.planted, ((performance.now()-t0)/1000).toFixed(1));
const counts = {};
const samples = {};
const t1 = performance.now();
for (const rel of readdirSync(root, { recursive: true })) {
  if (!/\.(md|html|tsx)$/.test(rel)) continue;
  const file = path.join(root, rel);
  const { findings } = await scanFile(file, { showValues: true });
  for (const f of findings) {
    const k = `${f.ruleId} ${f.severity}`;
    counts[k] = (counts[k] ?? 0) + 1;
    if (f.ruleId !== 'no-cpr-number') {
      const line = readFileSync(file, 'utf8').split('\n')[f.place.start.line - 1];
      (samples[k] ??= []).push(line.slice(0, 300));
    }
  }
}
console.log(((performance.now()-t1)/1000).toFixed(1), counts);
for (const [k, v] of Object.entries(samples)) { console.log(k); for (const s of [...new Set(v)].slice(0, 30)) console.log('   ', s); }
