import path from 'node:path';
import vm from 'node:vm';
import { delimitedSegments } from '../adapters/delimited.js';
import { htmlSegments } from '../adapters/html.js';
import { javascriptSegments } from '../adapters/javascript.js';
import { jsonSegments } from '../adapters/json.js';
import { markdownSegments } from '../adapters/markdown.js';
import { xmlSegments } from '../adapters/xml.js';
import type { Allowlist } from './allowlist.js';
import type { FileReport, Finding, Notice, Point } from './finding.js';
import { findingsIn, redactValues, rulesThatMightMatch, type FindingOptions } from './findings.js';
import type { RulesSettings } from './rule.js';
import { activeRules } from './rule-settings.js';
import { identitySegment, textSegment, type Segment } from './segment.js';
import { applySuppressions } from './suppressions.js';


export type SourceFormat = 'markdown' | 'mdx' | 'html' | 'json' | 'xml' | 'javascript' | 'csv' | 'text';

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'mdx',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonc': 'json',
  '.map': 'json',
  '.webmanifest': 'json',
  '.xml': 'xml',
  '.rss': 'xml',
  '.atom': 'xml',
  '.svg': 'xml',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.csv': 'csv',
  '.tsv': 'csv',
};
// Read as they stand. TypeScript, JSX and components are the ESLint pack's to parse; CSS holds its
// text in strings, comments and urls, all read as they stand.
for (const extension of [
  '.txt', '.yml', '.yaml', '.toml', '.ts', '.mts', '.cts', '.jsx', '.tsx', '.vue',
  '.svelte', '.astro', '.njk', '.liquid', '.hbs', '.css', '.ics', '.vcf',
]) {
  FORMAT_BY_EXTENSION[extension] = 'text';
}

/** The format a file is read in, by its extension; undefined for files a site does not ship as text. */
export function formatOf(filePath: string): SourceFormat | undefined {
  return FORMAT_BY_EXTENSION[path.extname(filePath).toLowerCase()];
}

export interface ScanOptions {
  /** Decides the format when `format` is not given; reported as the file's path. */
  filePath?: string;
  format?: SourceFormat;
  /** Birth dates after this day are not dates of anybody. Default: now. */
  today?: Date;
  /** Put the full values in findings and messages. Off by default: output never holds them. */
  showValues?: boolean;
  /** Which rules run, at which level, with which options. Default: every rule at "error". */
  rules?: RulesSettings;
  /** A `cprlint-disable…` comment without a reason (`-- why`) is an error. */
  requireReason?: boolean;
  /** A `cprlint-disable…` comment that silences nothing is a warning. */
  reportUnusedDisables?: boolean;
  /** Values that are not personal data here (see `cprlint hash`). */
  allowlist?: Allowlist;
  /** Fingerprint findings with this salt, for a baseline. */
  fingerprintSalt?: string;
  /**
   * How long parsing one source may take (and reading one document). A parse that overruns it is
   * stopped and the source scanned as plain text, with a warning. Default 60 s.
   */
  timeLimitMs?: number;
}

/** How long parsing one source (or reading one document) may take, unless told otherwise. */
export const DEFAULT_TIME_LIMIT_MS = 60_000;

/** "the time limit (60 s)", as every notice about it says it. */
export function timeLimitOf(timeoutMs: number): string {
  return `the time limit (${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`})`;
}

const FORMAT_NAMES: Record<SourceFormat, string> = {
  markdown: 'Markdown',
  mdx: 'MDX',
  html: 'HTML',
  json: 'JSON',
  xml: 'XML',
  javascript: 'JavaScript',
  csv: 'CSV',
  text: 'plain text',
};

/** Parses a source in a format and cuts it into segments; throws when the source does not parse. */
export function parseSegments(source: string, format: SourceFormat): Segment[] {
  switch (format) {
    case 'markdown':
    case 'mdx':
      return markdownSegments(source, format === 'mdx');
    case 'html':
      return htmlSegments(source);
    case 'json':
      return jsonSegments(source);
    case 'xml':
      return xmlSegments(source);
    case 'javascript':
      return javascriptSegments(source);
    case 'csv':
      return delimitedSegments(source);
    case 'text': {
      const segment = textSegment('text', source);
      return segment ? [segment] : [];
    }
  }
}

/**
 * Scans one source text. Text that no rule could match is never parsed. A leading byte order mark
 * is dropped, as file readers and ESLint do: positions count from the first character after it.
 */
export function scanText(text: string, options: ScanOptions = {}): FileReport {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format = options.format ?? formatOf(options.filePath ?? '') ?? 'text';
  return scanSource(source, options, format, () => parseSegments(source, format));
}

/**
 * Scans a source that `parse` cuts into segments, if any rule could match its readable view; what
 * `parse` cannot cut, or not in time, is read as plain text.
 */
export function scanSource(source: string, options: ScanOptions, format: SourceFormat, parse: () => Segment[]): FileReport {
  const filePath = options.filePath ?? '<text>';
  const rules = activeRules(options.rules);
  const report: FileReport = { filePath, findings: [], notices: [] };
  const relevant = rulesThatMightMatch(source, rules, options.today);
  // A directive can be unused or lack a reason in a file with nothing else to find.
  if (relevant.length === 0) {
    if (options.requireReason || options.reportUnusedDisables) {
      report.notices = applySuppressions([], source, { requireReason: options.requireReason, reportUnused: options.reportUnusedDisables }).notices;
    }
    return report;
  }
  let segments: Segment[];
  try {
    segments = withinTimeLimit(source, format, parse, options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  } catch (error) {
    // Fail closed: what cannot be parsed, or not in time, is still read, as plain text.
    segments = parseSegments(source, 'text');
    report.notices.push(
      isTimeout(error)
        ? { severity: 'warning', message: `Parsing took longer than ${timeLimitOf(options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS)}: scanned as plain text` }
        : parseFallbackNotice(FORMAT_NAMES[format], error),
    );
  }
  // Rules that cannot match the file's view cannot match its segments: only the others run.
  const { findings, suppressed, notices } = applySuppressions(findingsIn(segments, source, { ...options, active: relevant }), source, {
    requireReason: options.requireReason,
    reportUnused: options.reportUnusedDisables,
  });
  report.findings = findings;
  if (suppressed.length > 0) report.suppressed = suppressed;
  report.notices.push(...notices);
  return report;
}

// A parser is synchronous: nothing in this thread could stop it, but V8 can, from a watchdog thread
// of its own, when it runs as a script with a timeout. The script only calls the parse (whatever
// realm the parse belongs to, it is interrupted all the same).
const timedContext = vm.createContext({ parse: undefined as (() => Segment[]) | undefined });
const callParse = new vm.Script('parse()');
const isTimeout = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';

// The watchdog costs about half a millisecond a parse. A source shorter than this parses in about
// half a second at worst, whatever its shape (the slowest known to Markdown, "a\n=\n" over and
// over, takes 2.1 s at 8,192 characters and grows with the square of the length), so it goes
// without one.
const TIMED_FROM_CHARACTERS = 4096;
// Formats whose parser has run once: a parser's modules load on first use, and a watchdog that
// stopped them half loaded would leave them broken for the rest of the run.
const parsedOnce = new Set<string>();

/**
 * Runs `parse` of `source`, stopping it with an ERR_SCRIPT_EXECUTION_TIMEOUT error after
 * `timeLimitMs` (a short source runs as it is).
 */
function withinTimeLimit(source: string, format: SourceFormat, parse: () => Segment[], timeLimitMs: number): Segment[] {
  // Plain text (a text file, a document's page or sheet) is cut in one pass, by no parser: no watchdog.
  if (source.length < TIMED_FROM_CHARACTERS || format === 'text') return parse();
  if (!parsedOnce.has(format)) {
    parsedOnce.add(format);
    try {
      parseSegments('x', format);
    } catch {
      // "x" is no JSON: the parser is loaded all the same, which is all this is for.
    }
  }
  timedContext.parse = parse;
  try {
    return callParse.runInContext(timedContext, { timeout: timeLimitMs }) as Segment[];
  } finally {
    timedContext.parse = undefined;
  }
}

export function parseFallbackNotice(formatName: string, error: unknown): Notice {
  // A parser's message may quote the source, numbers and all.
  const reason = redactValues(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  return { severity: 'warning', message: `Could not parse as ${formatName} (${reason}); scanned as plain text` };
}

/**
 * Checks the name of a file or directory (`ansoegning_<CPR number>.pdf`). A name has no lines, so
 * its findings sit at 1:1 of the file they name.
 */
export function scanName(filePath: string, options: FindingOptions = {}): Finding[] {
  const name = path.basename(filePath);
  const active = rulesThatMightMatch(name, options.active ?? activeRules(options.rules), options.today);
  if (active.length === 0) return [];
  const origin: Point = { line: 1, column: 1, offset: 0 };
  return findingsIn([identitySegment('filename', name, 0)], name, { ...options, active }).map((finding) => ({
    ...finding,
    place: { start: origin, end: origin },
    message: `In the file name: ${finding.message}`,
  }));
}

