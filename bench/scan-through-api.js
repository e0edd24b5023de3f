// A measured child: scans every Markdown, HTML and TSX file under a directory through cprlint's
// API, one file after another in this one process, with the rules a configuration names, and
// writes what each rule found, by file, to a JSON file. Values are never written, only counts.
//
//   node bench/scan-through-api.js cpr-only|all-rules <directory> <findings.json>
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RULES, scanFile } from 'cprlint';

const CONFIGURATIONS = {
  'cpr-only': { 'no-cpr-number': 'error', 'no-health-data': 'off', 'no-named-complaint': 'off' },
  'all-rules': { 'no-cpr-number': 'error', 'no-health-data': 'error', 'no-named-complaint': 'error' },
};

const EXTENSIONS = new Set(['.md', '.html', '.tsx']);

/**
 * What each rule found: `{ [ruleId]: { errors, warnings, files: { [relative path]: { errors, warnings } } } }`,
 * every rule present, also those switched off.
 */
async function scanSite(root, rules) {
  const found = Object.fromEntries(RULES.map((rule) => [rule.id, { errors: 0, warnings: 0, files: {} }]));
  for (const relative of readdirSync(root, { recursive: true })) {
    if (!EXTENSIONS.has(path.extname(relative))) continue;
    const { findings } = await scanFile(path.join(root, relative), { rules });
    for (const finding of findings) {
      const byRule = found[finding.ruleId];
      const inFile = (byRule.files[relative] ??= { errors: 0, warnings: 0 });
      const field = finding.severity === 'error' ? 'errors' : 'warnings';
      byRule[field] += 1;
      inFile[field] += 1;
    }
  }
  return found;
}

const [configuration, root, output] = process.argv.slice(2);
const rules = CONFIGURATIONS[configuration];
if (!rules || !root || !output) {
  process.stderr.write(`Usage: node bench/scan-through-api.js ${Object.keys(CONFIGURATIONS).join('|')} <directory> <findings.json>\n`);
  process.exitCode = 2;
} else {
  writeFileSync(output, JSON.stringify(await scanSite(root, rules)));
}
