// Section: what cprlint's ESLint pack adds to linting a real TypeScript code base. ESLint lints
// the .d.ts files of @types/node (a devDependency, so always installed: some 50,000 lines, much
// of it doc comments, which cprlint reads and typescript-eslint's rules mostly skip) with
// typescript-eslint's recommended rules, once alone and once with cprlint's recommended config.
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.js';

const LINT_ONCE = fileURLToPath(new URL('./eslint-lint-once.js', import.meta.url));
const CODE_BASE = path.dirname(createRequire(import.meta.url).resolve('@types/node/package.json'));
const MIN_LINES = 20_000;
const MAX_OVERHEAD = 0.1;

/** Copies the code base's .d.ts files to `target`, outside node_modules, which ESLint ignores. */
function copyCodeBase(target) {
  cpSync(CODE_BASE, target, {
    recursive: true,
    filter: (source) => statSync(source).isDirectory() || source.endsWith('.d.ts'),
  });
  let files = 0;
  let lines = 0;
  let bytes = 0;
  for (const relative of readdirSync(target, { recursive: true })) {
    if (!relative.endsWith('.d.ts')) continue;
    const text = readFileSync(path.join(target, relative), 'utf8');
    files += 1;
    lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    bytes += Buffer.byteLength(text);
  }
  if (lines < MIN_LINES) {
    throw new Error(`${CODE_BASE} holds only ${lines} lines of .d.ts, fewer than the ${MIN_LINES} the benchmark needs`);
  }
  return { files, lines, bytes };
}

export const eslintOverhead = {
  title: "What cprlint's ESLint pack adds to ESLint with typescript-eslint's recommended rules, on @types/node",
  async run({ workDir }) {
    const root = path.join(workDir, 'types-node');
    const codeBase = copyCodeBase(root);
    const version = JSON.parse(readFileSync(path.join(CODE_BASE, 'package.json'), 'utf8')).version;

    const lint = async (label, configuration, flags = [], runs = undefined) => {
      const summaryFile = path.join(workDir, `eslint-${configuration}.json`);
      // Exit code 0 whatever ESLint reports: the child prints nothing and always succeeds.
      const measured = await measure(label, [LINT_ONCE, configuration, root, summaryFile, ...flags], { workDir, runs });
      const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
      // A run that lints fewer files, or fails to parse some, would make the comparison meaningless.
      if (summary.files !== codeBase.files || summary.fatal > 0) {
        throw new Error(
          `${label} linted ${summary.files} of the ${codeBase.files} .d.ts files in ${root}, ` +
            `${summary.fatal} of them with a parsing error`,
        );
      }
      return { measured, summary };
    };
    const baseline = await lint('ESLint, typescript-eslint recommended', 'baseline');
    const withPack = await lint('ESLint, typescript-eslint recommended + cprlint', 'with-cprlint');
    // One more run, not measured: ESLint's own timing of parsing and of each rule, which says how
    // much of the overhead is cprlint's rules and how much loading the pack.
    const timed = await lint('ESLint + cprlint, timing each rule (not measured)', 'with-cprlint', ['--stats'], 1);

    const messages = (summary) => Object.values(summary.byRule).reduce((sum, count) => sum + count, 0);
    const cprlintEntries = (byRule) => Object.entries(byRule).filter(([ruleId]) => ruleId.startsWith('cprlint/'));
    const findings = cprlintEntries(withPack.summary.byRule);
    const findingCount = findings.reduce((sum, [, count]) => sum + count, 0);
    const overhead = (field) => {
      const seconds = withPack.measured[field] - baseline.measured[field];
      return { seconds, fraction: seconds / baseline.measured[field] };
    };
    const signed = (value, digits) => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
    const describe = (field) => {
      const { seconds, fraction } = overhead(field);
      return `${baseline.measured[field].toFixed(2)} s to ${withPack.measured[field].toFixed(2)} s, ${signed(seconds, 2)} s (${signed(100 * fraction, 1)}%)`;
    };
    const cpu = overhead('cpuSeconds');

    const ruleSeconds = (filter) =>
      Object.entries(timed.summary.rulesMs)
        .filter(([ruleId]) => filter(ruleId))
        .reduce((sum, [, ms]) => sum + ms, 0) / 1000;
    const cprlintRules = Object.entries(timed.summary.rulesMs)
      .filter(([ruleId]) => ruleId.startsWith('cprlint/'))
      .map(([ruleId, ms]) => `${ruleId} ${(ms / 1000).toFixed(2)} s`);

    const notes = [
      `Code base: the ${codeBase.files} .d.ts files of @types/node ${version}, ${codeBase.lines} lines, ` +
        `${(codeBase.bytes / 1e6).toFixed(1)} MB, copied to the work directory; linted with ESLint's Node API, ` +
        'no config file, no cache, one thread.',
      `ESLint linted ${baseline.summary.files} files and reported ${messages(baseline.summary)} messages without the pack, ` +
        `${withPack.summary.files} files and ${messages(withPack.summary)} messages with it, ` +
        `${findingCount} of them cprlint findings` +
        (findingCount > 0 ? ` (${findings.map(([ruleId, count]) => `${ruleId} ${count}`).join(', ')}).` : '.'),
      `Overhead of the pack: CPU ${describe('cpuSeconds')}; wall ${describe('wallSeconds')}. ` +
        'The target holds CPU time: wall time can move by more than 10% from run to run when other processes share the CPUs.',
      `ESLint's own timing, in one further run with the pack: parsing ${(timed.summary.parseMs / 1000).toFixed(2)} s, ` +
        `all rules ${ruleSeconds(() => true).toFixed(2)} s, cprlint's ${ruleSeconds((ruleId) => ruleId.startsWith('cprlint/')).toFixed(2)} s ` +
        `(${cprlintRules.join(', ')}); loading the pack took another ${(timed.summary.loadMs / 1000).toFixed(2)} s.`,
    ];
    // Adding the pack must not change what typescript-eslint's rules report.
    const others = (byRule) => JSON.stringify(Object.entries(byRule).filter(([ruleId]) => !ruleId.startsWith('cprlint/')).sort());
    if (others(baseline.summary.byRule) !== others(withPack.summary.byRule)) {
      notes.push("ESLint's other rules reported different messages with the pack than without it: a bug in the pack.");
    }
    return {
      rows: [
        { label: 'ESLint, typescript-eslint recommended', bytes: codeBase.bytes, ...baseline.measured },
        { label: 'ESLint, the same + cprlint recommended', bytes: codeBase.bytes, ...withPack.measured },
      ],
      targets: [
        {
          text:
            `the pack adds less than ${100 * MAX_OVERHEAD}% to ESLint's time ` +
            `(CPU ${baseline.measured.cpuSeconds.toFixed(2)} s to ${withPack.measured.cpuSeconds.toFixed(2)} s, ${signed(100 * cpu.fraction, 1)}%)`,
          met: cpu.fraction < MAX_OVERHEAD,
        },
      ],
      notes,
    };
  },
};
