// The command line's options, once: `--help` prints them, and the README's table is made from them
// (`node scripts/options-table.js`; a test holds the README to it), so the two cannot drift apart.
// Each is written as the README shows it: Markdown, code in backticks.

export interface OptionRow {
  /** The flags, as `-f, --format <name>`. */
  flags: string;
  meaning: string;
}

export const OPTION_TABLE: readonly OptionRow[] = [
  { flags: '`-f, --format <name>`', meaning: '`stylish` (default, vfile-reporter), `json` (ESLint\'s shape, without `source`), `sarif` (2.1.0), `github` (workflow annotations)' },
  { flags: '`-o, --output-file <file>`', meaning: 'write the report to a file' },
  { flags: '`--stdin`, `--stdin-filename <name>`', meaning: 'scan standard input; the name decides the format' },
  { flags: '`--staged`', meaning: 'scan what git\'s index holds for the files a commit would contain (a number removed only from the working copy is still found, at its place in the staged text); paths limit it' },
  { flags: '`--since <rev>`', meaning: 'scan the files changed since a git revision, as they are now' },
  { flags: '`--no-glob`', meaning: 'take every path literally, never as a glob (for paths like `app/[id]/page.md` from lint-staged)' },
  { flags: '`--shard <i/n>`', meaning: 'scan only part i of n of the files, split by a hash of each path relative to the working directory: n jobs of a CI matrix scan each file exactly once; `cprlint merge` combines their reports (see [In a site\'s build](#in-a-sites-build))' },
  { flags: '`--cache`, `--cache-location <file>`', meaning: 'reuse the report of files whose content, settings and cprlint version are unchanged (default `.cprlintcache`); the content decides, never a file\'s size and time alone. Paths and contents are kept as hashes keyed with a secret that is not in the cache file (see [What cprlint writes](#what-cprlint-writes)), reports as printed with every string redacted; with `--show-values` or a baseline only clean files are kept' },
  { flags: '`--quiet`', meaning: 'report errors only' },
  { flags: '`--strict`', meaning: 'exit 1 when a file, or part of one, could not be read (an encrypted PDF, binary content, an Office document)' },
  { flags: '`--max-warnings <n>`', meaning: 'exit 1 when there are more than n warnings' },
  { flags: '`-c, --config <file>`', meaning: 'the configuration file for every file (default: the nearest one, see Configuration)' },
  { flags: '`--print-config <file>`', meaning: 'print the settings that apply to a file' },
  { flags: '`--rule <json>`', meaning: 'rule levels and options, as `{"no-health-data": ["error", {"mode": "any"}]}`; repeatable, later ones win, over the configuration file' },
  { flags: '`--write-baseline <file>`, `--baseline <file>`, `--prune-baseline`', meaning: 'record known findings; report only new ones; drop entries that no longer occur (see Baseline)' },
  { flags: '`--require-reason`', meaning: 'a `cprlint-disable…` comment without `-- reason` is an error' },
  { flags: '`--report-unused-disables`', meaning: 'a `cprlint-disable…` comment that silences nothing is a warning' },
  { flags: '`--show-values`', meaning: 'print the numbers in full (never the default)' },
  { flags: '`--max-file-size <size>`', meaning: 'files larger than this (default `10MB`) are read as plain text in chunks, with a warning' },
  { flags: '`--time-limit <time>`', meaning: 'how long reading one document, or parsing one file, may take (default `60s`; `500ms`, `2m`); a parse stopped at the limit is scanned again as plain text, with a warning' },
  { flags: '`--concurrency <n>`', meaning: 'scan text files in `n` worker threads, or `auto` (one per core), or `off` (the default: one thread). On the two-core machines `npm run bench` was run on, `off` was the faster on a mostly clean site (6.4 s against 7.8 s) and `auto` on a site where most pages hold candidates (14.3 s against 18.6 s)' },
  { flags: '`--color`, `--no-color`', meaning: 'force colours on or off; without them the stylish report is coloured on a terminal, `FORCE_COLOR` (`0` off, else on) and `NO_COLOR` decide as for chalk and ESLint' },
  { flags: '`-h, --help`', meaning: 'show this help' },
  { flags: '`-v, --version`', meaning: 'show the version' },
];

/** The README's table of options, in Markdown. */
export function optionsMarkdown(): string {
  return ['| Option | Meaning |', '| --- | --- |', ...OPTION_TABLE.map((row) => `| ${row.flags} | ${row.meaning} |`)].join('\n');
}

/** Markdown as a terminal shows it: code without its backticks, a link as its text. */
const plain = (markdown: string): string => markdown.replace(/`([^`]*)`/g, '$1').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');

/** Words wrapped to lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The options as `--help` prints them: flags in one column, their meaning beside, wrapped at 100. */
export function optionsHelp(): string {
  const flags = OPTION_TABLE.map((row) => plain(row.flags));
  // Flags longer than this take a line of their own, the meaning below them.
  const column = Math.min(Math.max(...flags.map((flag) => flag.length)), 32) + 4;
  return OPTION_TABLE.map((row, index) => {
    const lines = wrap(plain(row.meaning), 100 - column).map((line) => `${' '.repeat(column)}${line}`);
    const flag = `  ${flags[index]!}`;
    if (flag.length > column - 2) return [flag, ...lines].join('\n');
    return [`${flag.padEnd(column)}${lines[0]!.trimStart()}`, ...lines.slice(1)].join('\n');
  }).join('\n');
}
