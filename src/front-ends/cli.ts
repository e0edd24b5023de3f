import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FileReport } from '../core/finding.js';
import { allowlistHash } from '../core/allowlist.js';
import { writeFileAtomically } from '../project/atomic-write.js';
import { ScanCache, scanThroughCache } from '../project/cache.js';
import { applyBaseline, BaselineError, baselineSalt, readBaseline, writeBaseline } from '../project/baseline.js';
import { ConfigError, ensureAllowlistSalt, loadConfig, parseDuration, parseSize, settingsFor } from '../project/config.js';
import { setPoolSize } from '../project/scan-pool.js';
import { scanBytes, scanContent, scanFile, scanOptionsFor, type FileScanOptions } from '../project/files.js';
import { filesChangedSince, stagedFiles } from '../project/git.js';
import { countMessages, lintMessages } from './report/lint-message.js';
import { RuleOptionsError, type RulesSettings } from '../core/rule.js';
import { activeRules, prepareRules, RULES } from '../core/rule-settings.js';
import { hasContent, redactStrings, redactValues } from '../core/findings.js';
import { scanName } from '../core/scan.js';
import { relativePath } from '../project/paths.js';
import { LARGE_PROJECT_FILE_LIMIT, readProjectFile } from '../project/regular-files.js';
import { inShard, parseShard, type Shard } from '../project/shard.js';
import { ProgressLine, RunTally, summaryLine } from './report/run-summary.js';
import { optionsHelp } from './cli-options.js';
import { DOCUMENT_EXTENSIONS } from '../documents/document.js';
import { VERSION } from '../version.js';
import { UsageError } from '../project/usage-error.js';
import type { WalkEntry } from '../project/walk.js';


const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: cprlint [options] [paths or globs ...]
       cprlint hash <value> ...   print allowlist hashes (for the configuration's allowlist.values)
       cprlint merge <report> ... combine the JSON or SARIF reports of --shard runs into one
       cprlint lsp                the language server, on standard input and output (for editors)
       cprlint locate <path> ...  the real files behind a path a report shows redacted (prints them)

Finds CPR numbers in a site's sources and build output, and fails when one would be published.
Paths default to ".". Directories are walked with their .gitignore and .cprlintignore files;
node_modules and .git are skipped.

Options:
${optionsHelp()}

Exit codes: 0 nothing found, 1 errors found (or too many warnings), 2 usage or configuration
error, missing path, or a file that could not be scanned.
`;

/**
 * Whether the stylish report is coloured when neither --color nor --no-color says: FORCE_COLOR
 * (`0` or `false` off, anything else on) over NO_COLOR, over whether standard output is a terminal,
 * as chalk and ESLint read them.
 */
export function colorByDefault(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTerminal && !('NO_COLOR' in env);
}

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
  colorByDefault: boolean;
  /** Standard error is a terminal: a progress line is drawn there, and the summary goes there for machine formats. */
  stderrIsTerminal?: boolean;
}

/** What a scan counts for the run's summary, and the progress line it draws, if any. */
interface RunState {
  tally: RunTally;
  progress?: (files: number, documents: number) => ProgressLine;
}


function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        config: { type: 'string', short: 'c' },
        'print-config': { type: 'string' },
        'output-file': { type: 'string', short: 'o' },
        stdin: { type: 'boolean', default: false },
        staged: { type: 'boolean', default: false },
        since: { type: 'string' },
        'no-glob': { type: 'boolean', default: false },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string' },
        'stdin-filename': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        'require-reason': { type: 'boolean', default: false },
        'write-baseline': { type: 'string' },
        baseline: { type: 'string' },
        'prune-baseline': { type: 'boolean', default: false },
        'report-unused-disables': { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        'show-values': { type: 'boolean', default: false },
        rule: { type: 'string', multiple: true },
        'max-file-size': { type: 'string' },
        'time-limit': { type: 'string' },
        concurrency: { type: 'string', default: 'off' },
        shard: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    // Node's own words run on about positional arguments: the option, and where help is, as ESLint says it.
    const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message);
    if (unknown) throw new UsageError(`unknown option ${unknown[1]} (cprlint --help lists them)`);
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
}

/** The `--rule` flags, each a JSON object of rule settings, later ones overriding earlier ones. */
function readRuleFlags(flags: readonly string[]): RulesSettings | undefined {
  if (flags.length === 0) return undefined;
  const settings: RulesSettings = {};
  for (const flag of flags) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(flag);
    } catch {
      throw new UsageError(`--rule takes JSON such as '{"no-health-data": "warn"}', not ${flag}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new UsageError(`--rule takes a JSON object of rule settings, not ${flag}`);
    }
    Object.assign(settings, parsed);
  }
  return settings;
}

/** `--concurrency`: a number of worker threads, "auto" (one per core) or "off" (0: none). */
function parseConcurrency(value: string): number {
  if (value === 'off') return 0;
  const workers = value === 'auto' ? os.availableParallelism() : Number(value);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--concurrency takes a number of threads, "auto" or "off", not "${value}"`);
  setPoolSize(workers);
  return workers;
}

/** Runs at most `limit` scans at once, keeping the results in the order of the items. */
async function inOrder<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A path as the report prints it: a CPR number in a file name is as secret as one in the file. */
function shownPath(filePath: string, options: Pick<FileScanOptions, 'showValues'>): string {
  return options.showValues ? filePath : redactValues(filePath);
}


/** What the command line says beside the configuration file: it wins over the file. */
interface CommandLineSettings {
  configFile: string | undefined;
  globs: boolean;
  cache: ScanCache | undefined;
  fingerprintSalt: string | undefined;
  requireReason: boolean;
  reportUnusedDisables: boolean;
  rules: RulesSettings | undefined;
  maxFileSize: number | undefined;
  timeLimitMs: number | undefined;
  /** Workers that scan text files; 0: none, they are scanned in this thread. */
  concurrency: number;
  showValues: boolean;
  shard: Shard | undefined;
}

/** Whether `filePath` lies at or under one of `paths` (all paths: when none are given). */
function under(filePath: string, paths: readonly string[], cwd: string): boolean {
  return paths.length === 0 || paths.some((given) => {
    const relative = path.relative(path.resolve(cwd, given), filePath);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
}

/** The staged content of the files a commit would contain, under the given paths. */
async function scanStaged(paths: readonly string[], cwd: string, given: CommandLineSettings, run: RunState): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  // While git answers, this thread would only wait: the rules build their tables in the meantime.
  const [staged] = await Promise.all([stagedFiles(cwd), Promise.resolve().then(() => prepareRules(given.rules))]);
  for (const file of staged.filter((candidate) => under(candidate.path, paths, cwd))) {
    const options = scanOptionsFor(file.path, given);
    if (options.ignored) continue;
    run.tally.filesScanned += 1;
    const displayPath = shownPath(relativePath(cwd, file.path), options);
    const report = await scanContent(file.content, file.path, options);
    reports.push({ ...report, filePath: displayPath, findings: [...scanName(file.path, options), ...report.findings] });
  }
  return reports.filter(hasContent);
}

async function scanPaths(paths: readonly string[], cwd: string, given: CommandLineSettings, run: RunState, entriesOf?: () => WalkEntry[]): Promise<FileReport[]> {
  let entries: WalkEntry[] = entriesOf ? entriesOf() : [];
  if (!entriesOf) {
    // The walker and its glob and ignore libraries load only for a walk (not for --staged or --stdin).
    const { walk } = await import('../project/walk.js');
    for await (const entry of walk(paths, cwd, given.globs, { ignoredBuildFolders: run.tally.ignoredBuildFolders })) entries.push(entry);
  }
  const { shard } = given;
  if (shard) entries = entries.filter((entry) => inShard(relativePath(cwd, entry.path) || '.', shard));
  const isDocument = (entry: WalkEntry): boolean => DOCUMENT_EXTENSIONS.has(path.extname(entry.path).toLowerCase());
  const files = entries.filter((entry) => entry.kind === 'file');
  const progress = run.progress?.(files.length, files.filter(isDocument).length);
  // With --concurrency, a walk's text files are scanned in the worker pool (a file or two here,
  // where starting workers would cost more than it saves).
  const inWorkers = given.concurrency > 0 && entries.length > 2;
  const reports = await inOrder(entries, 8, async (entry): Promise<FileReport | undefined> => {
    if (given.cache?.location === entry.path) return undefined;
    const options = { ...scanOptionsFor(entry.path, given, entry.kind === 'directory'), inWorkers };
    // A file the configuration ignores is passed over, unless it was named on purpose.
    if (options.ignored && !entry.explicit) return undefined;
    // Shown (and redacted) only for a report with something in it: most files have nothing.
    const withPath = (report: Omit<FileReport, 'filePath'>): FileReport | undefined =>
      hasContent(report) ? { ...report, filePath: shownPath(relativePath(cwd, entry.path) || '.', options) } : undefined;
    const nameFindings = scanName(entry.path, options);
    if (entry.kind === 'directory') return withPath({ findings: nameFindings, notices: [] });
    // A path that holds a finding is not written to the cache, whose keys are paths.
    const cached = given.cache && nameFindings.length === 0 ? await scanThroughCache(entry.path, given.cache, { ...options, explicit: entry.explicit }) : undefined;
    const report = cached ?? (await scanFile(entry.path, { ...options, explicit: entry.explicit, listedAsRegularFile: entry.regularFile }));
    run.tally.filesScanned += 1;
    progress?.fileDone(isDocument(entry));
    return withPath({ ...report, findings: [...nameFindings, ...report.findings] });
  });
  progress?.stop();
  return reports.filter((report): report is FileReport => report !== undefined);
}

function withoutWarnings(report: FileReport): FileReport {
  return {
    ...report,
    findings: report.findings.filter((finding) => finding.severity === 'error'),
    notices: report.notices.filter((notice) => notice.severity === 'error'),
  };
}

// For bin/cprlint.js, whose last resort redacts an error main() did not catch: from the same bundle.
export { redactValues };

/**
 * The command line. Returns the exit code; never throws for the user's mistakes. Everything it
 * prints passes through redaction unless `--show-values` was given: paths, notices and error
 * messages can hold a number as well as findings can.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const showValues = asksForValues(argv);
  const redacted = (write: (text: string) => void) => (text: string) => write(showValues ? text : redactValues(text));
  const safeIo: CliIo = { ...io, stdout: redacted(io.stdout), stderr: redacted(io.stderr) };
  try {
    return await run(argv, safeIo, showValues);
  } catch (error) {
    if (error instanceof UsageError || error instanceof RuleOptionsError || error instanceof ConfigError || error instanceof BaselineError) {
      safeIo.stderr(`cprlint: ${error.message}\n`);
      return 2;
    }
    // A bug of cprlint's own, not the user's: one line, redacted like everything else it prints
    // (an error's message may quote a path or the text it failed on), the stack only when asked for.
    safeIo.stderr(`cprlint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.CPRLINT_DEBUG && error instanceof Error) safeIo.stderr(`${error.stack ?? ''}\n`);
    return 2;
  }
}

/**
 * Whether the command line turns redaction off: `--show-values` as an option, never as a value or
 * a path (`--stdin-filename --show-values`, `-- --show-values`). A command line that cannot be
 * read keeps redaction on.
 */
function asksForValues(argv: readonly string[]): boolean {
  // `locate` exists to print the real path of a file a report redacted: asking for it is asking.
  if (argv[0] === 'locate') return true;
  if (argv[0] === 'hash' || argv[0] === 'merge') return false;
  try {
    return parseCommandLine(argv).values['show-values'] === true;
  } catch {
    return false;
  }
}

/**
 * `cprlint hash VALUE…`: the allowlist hash of each value, for the configuration's
 * `allowlist.values`, so that the value itself never enters the repository; made with the
 * project's own salt, which `cprlint hash --init` (or the first `cprlint hash`) writes.
 */
function printHashes(values: readonly string[], io: CliIo): number {
  const init = values[0] === '--init';
  const given = init ? values.slice(1) : values;
  if (!init && given.length === 0) throw new UsageError('cprlint hash takes the values to hash: cprlint hash <value> ... (or --init to give the project its salt)');
  const { hashing, wrote } = ensureAllowlistSalt(io.cwd);
  if (wrote) io.stderr(`cprlint: wrote the project's allowlist salt to ${path.relative(io.cwd, wrote) || wrote}\n`);
  else if (init) io.stderr('cprlint: the project has its allowlist salt already\n');
  for (const value of given) io.stdout(`${allowlistHash(value, hashing)}\n`);
  return 0;
}

/**
 * `cprlint merge REPORT…`: the reports of a run's shards as one, on standard output, and the exit
 * code the whole run would have had.
 */
async function printMerged(files: readonly string[], io: CliIo): Promise<number> {
  const { mergeReports } = await import('./report/merge.js');
  const merged = mergeReports(files, (file) => readProjectFile(path.resolve(io.cwd, file), LARGE_PROJECT_FILE_LIMIT, true));
  io.stdout(`${merged.text}\n`);
  return merged.code;
}

/**
 * `cprlint locate <redacted path> [paths…]`: the files under the paths (default ".") whose path, as
 * a report shows it, is the one given: a report names a file whose name holds a number only
 * redacted, and this finds it again on the machine that holds it. Exit 1 when none is found.
 */
async function printLocated(argv: readonly string[], io: CliIo): Promise<number> {
  const [shown, ...paths] = argv;
  if (!shown) throw new UsageError('cprlint locate takes a path as a report shows it, as in: cprlint locate "bilag/ansoegning_1503XX-XXXX.pdf"');
  const { walk } = await import('../project/walk.js');
  const wanted = shown.split(path.sep).join('/');
  let found = 0;
  for await (const entry of walk(paths.length > 0 ? paths : ['.'], io.cwd, false)) {
    const relative = relativePath(io.cwd, entry.path).split(path.sep).join('/');
    // JSON reports name files by their absolute path, the others relative to the working directory.
    const matches = redactValues(relative) === wanted || redactValues(entry.path.split(path.sep).join('/')) === wanted;
    if (relative === '' || !matches) continue;
    io.stdout(`${relative}\n`);
    found += 1;
  }
  if (found === 0) io.stderr(`cprlint: no file under ${paths.length > 0 ? paths.join(', ') : '.'} is shown as ${shown}\n`);
  return found > 0 ? 0 : 1;
}

async function run(argv: readonly string[], io: CliIo, showValues: boolean): Promise<number> {
  if (argv[0] === 'hash') return printHashes(argv.slice(1), io);
  if (argv[0] === 'locate') return printLocated(argv.slice(1), io);
  if (argv[0] === 'merge') return printMerged(argv.slice(1), io);
  if (argv[0] === 'lsp') {
    // The language server speaks on standard input and output until its client says exit.
    const { startLanguageServer } = await import('./language-server.js');
    startLanguageServer();
    return new Promise<number>(() => undefined);
  }
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}": use ${FORMATS.join(', ')}`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) {
      throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
    }
  }
  const rules = readRuleFlags(values.rule ?? []);
  // Resolving them here makes a mistake in them a usage error before any file is read.
  activeRules(rules);
  const configFile = values.config === undefined ? undefined : path.resolve(io.cwd, values.config);
  if (configFile) loadConfig(configFile);
  if (values['write-baseline'] !== undefined && values.baseline !== undefined) throw new UsageError('--write-baseline and --baseline go one at a time');
  if (values['prune-baseline'] && values.baseline === undefined) throw new UsageError('--prune-baseline goes with --baseline');
  const baselineFile = values['write-baseline'] ?? values.baseline;
  const baselinePath = baselineFile === undefined ? undefined : path.resolve(io.cwd, baselineFile);
  if (values.baseline !== undefined) readBaseline(baselinePath!);
  const given: CommandLineSettings = {
    configFile,
    globs: !values['no-glob'],
    cache: values.cache ? new ScanCache(path.resolve(io.cwd, values['cache-location'] ?? '.cprlintcache')) : undefined,
    fingerprintSalt: baselinePath ? baselineSalt(baselinePath) : undefined,
    requireReason: values['require-reason'],
    reportUnusedDisables: values['report-unused-disables'],
    rules,
    maxFileSize: values['max-file-size'] === undefined ? undefined : parseSize(values['max-file-size'], '--max-file-size'),
    timeLimitMs: values['time-limit'] === undefined ? undefined : parseDuration(values['time-limit'], '--time-limit'),
    concurrency: parseConcurrency(values.concurrency),
    showValues: values['show-values'],
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
  };
  if (given.shard && (values.stdin || values.staged)) throw new UsageError('--shard splits the files of a walk: not with --stdin or --staged');
  if (values['print-config'] !== undefined) {
    const filePath = path.resolve(io.cwd, values['print-config']);
    const { configFile: found } = settingsFor(filePath, configFile);
    const { ignored, rules: fileRules, maxFileSize } = scanOptionsFor(filePath, given);
    // Every rule, as set or at its default "error".
    const resolved = Object.fromEntries(RULES.map((rule) => [rule.id, fileRules?.[rule.id] ?? 'error']));
    const printed = { configFile: found ?? null, ignored, maxFileSize, rules: resolved };
    io.stdout(`${JSON.stringify(showValues ? printed : redactStrings(printed), null, 2)}\n`);
    return 0;
  }

  const tally = new RunTally();
  // A progress line only where a person watches, and only beside the report people read.
  const run: RunState = { tally, ...(io.stderrIsTerminal && format === 'stylish' ? { progress: (files: number, documents: number) => new ProgressLine(io.stderr, files, documents) } : {}) };
  let reports: FileReport[];
  if (values.stdin) {
    if (positionals.length > 0) throw new UsageError('--stdin reads standard input: give no paths with it');
    const filePath = values['stdin-filename'] ?? '<stdin>';
    const options = scanOptionsFor(path.resolve(io.cwd, filePath), given);
    const report = scanBytes(await io.readStdin(), filePath, options);
    tally.filesScanned = 1;
    report.filePath = shownPath(filePath, options);
    reports = hasContent(report) ? [report] : [];
  } else if (values.staged) {
    if (values.since !== undefined) throw new UsageError('--staged and --since go one at a time');
    reports = await scanStaged(positionals, io.cwd, given, run);
  } else if (values.since !== undefined) {
    const changed = (await filesChangedSince(values.since, io.cwd)).filter((file) => under(file, positionals, io.cwd));
    reports = await scanPaths([], io.cwd, given, run, () => changed.map((file) => ({ path: file, kind: 'file', explicit: false })));
  } else {
    if (values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename goes with --stdin');
    reports = await scanPaths(positionals.length > 0 ? positionals : ['.'], io.cwd, given, run);
  }
  const cacheName = values['cache-location'] ?? '.cprlintcache';
  if (given.cache?.problem) io.stderr(`cprlint: warning: the cache ${cacheName}: ${given.cache.problem}\n`);
  // The report is written first: a cache that cannot be saved costs the next run time, not this run's report.
  const saveCache = (): void => {
    const problem = given.cache?.save();
    if (problem) io.stderr(`cprlint: warning: could not write the cache ${cacheName} (${problem}); the next run scans every file again\n`);
  };
  let baselineProblem: string | undefined;
  if (values['write-baseline'] !== undefined) {
    try {
      const count = writeBaseline(baselinePath!, given.fingerprintSalt!, reports, io.cwd);
      io.stderr(`cprlint: wrote ${count} finding${count === 1 ? '' : 's'} to ${values['write-baseline']}\n`);
      reports = reports.map((report) => ({ ...report, findings: [] })).filter(hasContent);
    } catch (error) {
      // The findings are reported instead, and the run fails: nothing was recorded.
      baselineProblem = `Cannot write baseline ${values['write-baseline']}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    }
  } else if (baselinePath) {
    reports = applyBaseline(baselinePath, reports, io.cwd, values['prune-baseline']).filter(hasContent);
  }
  // What decides the exit code is counted before --quiet hides warnings: `--quiet --max-warnings 0`
  // still fails for a warning (as ESLint's does), and `--quiet --strict` for a file not scanned.
  const counts = countMessages(reports.flatMap(lintMessages));
  const notScanned = reports.some((report) => report.notices.some((notice) => notice.notScanned));
  if (values.quiet) reports = reports.map(withoutWarnings);

  // Redacted as data, before any reporter escapes a string (JSON's `\\`, SARIF's, GitHub's `%0A`)
  // in a way the redaction of its output could no longer read: messages, a document part's label,
  // a suppression's reason, notices.
  if (!showValues) reports = redactStrings(reports);
  const color = values['no-color'] ? false : (values.color ?? io.colorByDefault);
  const cwd = shownPath(io.cwd, given);
  // The summary follows the stylish report, or stands alone on a terminal beside a machine format.
  const summary = values.quiet ? undefined : summaryLine(tally, reports);
  const summaryInReport = format === 'stylish' && !values['output-file'];
  if (summary && !summaryInReport && io.stderrIsTerminal) io.stderr(`${summary}\n`);
  // Each reporter loads only when asked for.
  let output = await {
    stylish: async () => (await import('./report/stylish.js')).formatStylish(reports, cwd, color && !values['output-file']),
    json: async () => (await import('./report/json.js')).formatJson(reports, cwd),
    sarif: async () => (await import('./report/sarif.js')).formatSarif(reports, cwd, RULES, VERSION),
    github: async () => (await import('./report/github.js')).formatGithub(reports, cwd),
  }[format]();
  if (values['output-file']) {
    const target = path.resolve(io.cwd, values['output-file']);
    try {
      writeFileAtomically(target, `${showValues ? output : redactValues(output)}\n`);
    } catch (error) {
      saveCache();
      throw new UsageError(`Cannot write ${values['output-file']}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else {
    if (summary && summaryInReport) output = output ? `${output}\n${summary}` : summary;
    if (output) io.stdout(`${output}\n`);
  }
  saveCache();
  if (baselineProblem) throw new UsageError(baselineProblem);

  if (counts.fatalErrorCount > 0) return 2;
  if (counts.errorCount > 0) return 1;
  if (values.strict && notScanned) {
    io.stderr('cprlint: some files were not scanned, and --strict is on\n');
    return 1;
  }
  if (maxWarnings >= 0 && counts.warningCount > maxWarnings) {
    io.stderr(`cprlint: ${counts.warningCount} warning${counts.warningCount === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
