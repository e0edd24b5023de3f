import { location } from 'vfile-location';
import { isAllowed, type Allowlist } from './allowlist.js';
import { fingerprintOf } from '../project/baseline.js';
import { redactCprNumbers } from '../../rules/no-cpr-number.js';
import { severityOf, type FileReport, type Finding, type Point } from './finding.js';
import { readableView } from './readable-view.js';
import type { RuleContext, RulesSettings } from './rule.js';
import { activeRules, type ActiveRule } from './rule-settings.js';
import { sourceRange, type Segment } from './segment.js';

// The engine's core, which every front end shares: run the rules over segments and place what they
// find. It loads no parser, so the ESLint pack pays nothing for Markdown or HTML it does not read.

/**
 * The rules that could find something in `source`, by its readable view. Only they need run over
 * its segments; when there are none, it need not be parsed at all.
 */
export function rulesThatMightMatch(source: string, rules: readonly ActiveRule[] = activeRules(), today = new Date()): ActiveRule[] {
  const view = readableView(source);
  return rules.filter((rule) => rule.checker.mightMatch(view, { today }));
}


export interface FindingOptions {
  /** Birth dates after this day are not dates of anybody. Default: now. */
  today?: Date;
  /** Put the full values in findings and messages. */
  showValues?: boolean;
  /** Which rules run, at which level, with which options. */
  rules?: RulesSettings;
  /** Values that are not personal data here: their findings are dropped. */
  allowlist?: Allowlist;
  /** Fingerprint findings with this salt (a baseline's). */
  fingerprintSalt?: string;
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
  const context: RuleContext = { today: options.today ?? new Date(), document: segments };
  const byRange = new Map<string, Finding>();
  let index: ReturnType<typeof location> | undefined;
  for (const segment of segments) {
    for (const rule of rules) {
      for (const match of rule.checker.check(segment, context)) {
        const judged = severityOf(match.confidence);
        if (!judged) continue;
        if (options.allowlist && isAllowed(match.value, options.allowlist)) continue;
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
        if (options.fingerprintSalt) {
          finding.fingerprint = fingerprintOf(match.fingerprintContext === undefined ? match.value : `${match.value}\u0000${match.fingerprintContext}`, options.fingerprintSalt);
        }
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
 * `text` with every CPR number in it redacted, at any confidence: for what the tool prints beside
 * its findings (file paths, the working directory, error messages).
 */
export function redactValues(text: string, today = new Date()): string {
  return redactCprNumbers(text, today);
}

/**
 * `text` with every CPR number in it masked whole, the day and month too: for what is kept where
 * the rest of a finding is not (a committed baseline's file names), so that what is kept does not
 * narrow a number down to its year and serial.
 */
export function maskValues(text: string, today = new Date()): string {
  return redactCprNumbers(text, today, () => MASKED_CPR);
}

export const MASKED_CPR = 'XXXXXX-XXXX';

/**
 * `value` with every string in it (keys and values, at any depth) redacted as `redactValues` does:
 * for structures that are serialised (reports, the cache, a printed configuration), redacted
 * before serialising, where escaping can no longer split a number from its redaction.
 */
export function redactStrings<T>(value: T, today = new Date()): T {
  if (typeof value === 'string') return redactValues(value, today) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactStrings(item, today)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactValues(key, today), redactStrings(item, today)])) as T;
  }
  return value;
}

/**
 * Runs `work` and throws what it throws with every number in its message and stack redacted: the
 * one boundary every front end's errors pass (a configuration's path, a parser's message and an
 * option's value can hold a number as well as a finding can). `showValues` keeps them.
 */
export function withRedactedErrors<T>(work: () => T, showValues = false): T {
  try {
    return work();
  } catch (error) {
    if (showValues || !(error instanceof Error)) throw error;
    error.message = redactValues(error.message);
    if (error.stack) error.stack = redactValues(error.stack);
    throw error;
  }
}

/** Whether a file's report has anything to say: findings, notices, or findings a comment silenced. */
export function hasContent(report: Omit<FileReport, 'filePath'>): boolean {
  return report.findings.length > 0 || report.notices.length > 0 || (report.suppressed?.length ?? 0) > 0;
}
