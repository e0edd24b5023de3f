import { scanText } from 'cprlint';
const lines = process.argv.slice(2).length ? process.argv.slice(2) : (await import('node:fs')).readFileSync(0,'utf8').split('\n').filter(Boolean);
for (const line of lines) {
  const { findings } = scanText(line + '\n', { format: 'markdown', showValues: true });
  console.log(findings.length ? findings.map(f => `${f.ruleId}/${f.severity}(${f.value})`).join(' ') : 'ok', '  ', line);
}
