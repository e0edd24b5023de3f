// temporary exploration, removed later
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scanFile } from 'cprlint';
import { describeSite, generateSite } from './generate-site.js';
const root = '/tmp/explore/site';
const t0 = performance.now();
const site = generateSite(root);
console.log(describeSite(site), ((performance.now()-t0)/1000).toFixed(1));
const planted = Object.fromEntries(Object.entries(site.planted).map(([k, v]) => [k, new Set(v)]));
const counts = {};
const unexpected = {};
const missed = {};
const t1 = performance.now();
const { readdirSync } = await import('node:fs');
for (const rel of readdirSync(root, { recursive: true })) {
  if (!/\.(md|html|tsx)$/.test(rel)) continue;
  const file = path.join(root, rel);
  const { findings } = await scanFile(file, { showValues: true });
  const lines = readFileSync(file, 'utf8').split('\n');
  for (const rule of Object.keys(planted)) {
    const mine = findings.filter((f) => f.ruleId === rule);
    if (planted[rule].has(rel) && !mine.some((f) => f.severity === 'error')) (missed[rule] ??= []).push(`${rel}: ${mine.map(f=>f.severity+' '+lines[f.place.start.line-1].trim().slice(0,200)).join(' | ') || 'nothing'}`);
  }
  for (const f of findings) {
    const k = `${f.ruleId} ${f.severity}`;
    counts[k] = (counts[k] ?? 0) + 1;
    if (!planted[f.ruleId].has(rel)) { const src = readFileSync(file,'utf8'); const o = f.place.start.offset; const a = Math.max(src.lastIndexOf('. ', o) , src.lastIndexOf('\n', o), src.lastIndexOf('>', o)); let b = src.indexOf('.', o); (unexpected[k] ??= []).push(src.slice(a+1, b+1).trim()); }
  }
}
console.log(((performance.now()-t1)/1000).toFixed(1), counts);
for (const [k, v] of Object.entries(unexpected)) { console.log('UNEXPECTED', k, v.length); const c = {}; for (const s of v) { const key = s.replace(/[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ][a-zæøå]+/g,'NAME').replace(/\([A-ZÆØ]\)/,'(P)'); c[key]=(c[key]??0)+1;} for (const [s,n] of Object.entries(c)) console.log('   ', n, s.slice(0,300)); }
for (const [k, v] of Object.entries(missed)) { console.log('MISSED', k, v.length); for (const s of v.slice(0, 40)) console.log('   ', s); }
