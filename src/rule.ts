import type { Confidence, Reason, RuleId } from './finding.js';
import type { Segment } from './segment.js';

export interface RuleContext {
  /** Birth dates after this day are not dates of anybody. */
  today: Date;
}

/** A rule's finding in a segment's text, before the engine places it in the source. */
export interface RuleMatch {
  from: number;
  to: number;
  confidence: Confidence;
  reasons: Reason[];
  value: string;
  redacted: string;
  /** Says what was found using `redacted`, never `value`. */
  message: string;
}

/** Knows language, numbers and names; never sees a syntax tree. */
export interface Rule {
  id: RuleId;
  /** One sentence: what the rule reports. */
  description: string;
  /**
   * A cheap test on a whole raw source: false only when no segment cut from it can hold a finding.
   * The engine parses a file only when some rule says true.
   */
  mightMatch(source: string): boolean;
  check(segment: Segment, context: RuleContext): RuleMatch[];
}

export const DOCS_BASE = 'https://github.com/cprlint/cprlint/blob/main/docs/rules/';

export function docsUrl(ruleId: RuleId): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
