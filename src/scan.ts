import path from 'node:path';
import { location } from 'vfile-location';
import { redactCprNumbers } from '../rules/no-cpr-number.js';
import { htmlSegments } from './adapters/html.js';
import { markdownSegments } from './adapters/markdown.js';
import { readableView } from './readable-view.js';
import { severityOf, type FileReport, type Finding, type Notice, type Point } from './finding.js';
import type { RuleContext, RulesSettings } from './rule.js';
import { activeRules, type ActiveRule } from './rule-settings.js';
import { identitySegment, sourceRange, textSegment, type Segment } from './segment.js';

export type SourceFormat = 'markdown' | 'mdx' | 'html' | 'text';

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'mdx',
  '.html': 'html',
  '.htm': 'html',
};
for (const extension of [
  '.txt', '.json', '.yml', '.yaml', '.toml', '.xml', '.csv', '.js', '.mjs', '.cjs', '.ts', '.mts',
  '.cts', '.jsx', '.tsx', '.vue', '.svelte', '.astro', '.njk', '.liquid', '.hbs', '.svg', '.map',
  '.css', '.rss', '.atom', '.webmanifest', '.ics', '.vcf',
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
}

const FORMAT_NAMES: Record<SourceFormat, string> = {
  markdown: 'Markdown',
  mdx: 'MDX',
  html: 'HTML',
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
    case 'text': {
      const segment = textSegment('text', source);
      return segment ? [segment] : [];
    }
  }
}

/** False when no rule could find anything in `source`: then it need not be parsed at all. */
export function mightHoldFindings(source: string, rules: readonly ActiveRule[] = activeRules(), today = new Date()): boolean {
  const view = readableView(source);
  return rules.some((rule) => rule.checker.mightMatch(view, { today }));
}

/**
 * Scans one source text. Text that no rule could match is never parsed. A leading byte order mark
 * is dropped, as file readers and ESLint do: positions count from the first character after it.
 */
export function scanText(text: string, options: ScanOptions = {}): FileReport {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const filePath = options.filePath ?? '<text>';
  const rules = activeRules(options.rules);
  const report: FileReport = { filePath, findings: [], notices: [] };
  if (!mightHoldFindings(source, rules, options.today)) return report;
  const format = options.format ?? formatOf(filePath) ?? 'text';
  let segments: Segment[];
  try {
    segments = parseSegments(source, format);
  } catch (error) {
    // Fail closed: what cannot be parsed is still read, as plain text.
    segments = parseSegments(source, 'text');
    report.notices.push(parseFallbackNotice(FORMAT_NAMES[format], error));
  }
  report.findings = findingsIn(segments, source, { ...options, active: rules });
  return report;
}

export function parseFallbackNotice(formatName: string, error: unknown): Notice {
  // A parser's message may quote the source, numbers and all.
  const reason = redactValues(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  return { severity: 'warning', message: `Could not parse as ${formatName} (${reason}); scanned as plain text` };
}

export interface FindingOptions extends Pick<ScanOptions, 'today' | 'showValues' | 'rules'> {
  /** The rules already resolved from `rules`, when the caller has them. */
  active?: readonly ActiveRule[];
}

/** Runs the rules over segments cut from `source` and places what they find in it. */
export function findingsIn(
  segments: readonly Segment[],
  source: string,
  options: FindingOptions = {},
): Finding[] {
  const rules = options.active ?? activeRules(options.rules);
  const context: RuleContext = { today: options.today ?? new Date() };
  const byRange = new Map<string, Finding>();
  let index: ReturnType<typeof location> | undefined;
  for (const segment of segments) {
    for (const rule of rules) {
      for (const match of rule.checker.check(segment, context)) {
        const judged = severityOf(match.confidence);
        if (!judged) continue;
        const severity = rule.level === 'warn' ? 'warning' : judged;
        const range = sourceRange(segment, match.from, match.to);
        const key = `${rule.id}:${range.start}:${range.end}`;
        const seen = byRange.get(key);
        // The same text can be reached twice (an attribute and the text it repeats): keep the surer.
        if (seen && (seen.severity === 'error' || severity === 'warning')) continue;
        index ??= location(source);
        const finding: Finding = {
          ruleId: rule.id,
          severity,
          confidence: match.confidence,
          reasons: match.reasons,
          kind: segment.kind,
          place: { start: pointAt(index, range.start), end: pointAt(index, range.end) },
          redacted: match.redacted,
          message: options.showValues ? match.message.replace(match.redacted, match.value) : match.message,
        };
        if (options.showValues) finding.value = match.value;
        byRange.set(key, finding);
      }
    }
  }
  return [...byRange.values()].sort((a, b) => a.place.start.offset - b.place.start.offset);
}

function pointAt(index: ReturnType<typeof location>, offset: number): Point {
  const point = index.toPoint(offset);
  return { line: point?.line ?? 1, column: point?.column ?? 1, offset };
}

/**
 * Checks the name of a file or directory (`ansoegning_<CPR number>.pdf`). A name has no lines, so
 * its findings sit at 1:1 of the file they name.
 */
export function scanName(filePath: string, options: FindingOptions = {}): Finding[] {
  const name = path.basename(filePath);
  const active = options.active ?? activeRules(options.rules);
  if (!mightHoldFindings(name, active, options.today)) return [];
  const origin: Point = { line: 1, column: 1, offset: 0 };
  return findingsIn([identitySegment('filename', name, 0)], name, { ...options, active }).map((finding) => ({
    ...finding,
    place: { start: origin, end: origin },
    message: `In the file name: ${finding.message}`,
  }));
}

/**
 * `text` with every CPR number in it redacted, at any confidence: for what the tool prints beside
 * its findings (file paths, the working directory, error messages).
 */
export function redactValues(text: string, today = new Date()): string {
  return redactCprNumbers(text, today);
}
