import type { SegmentKind } from './segment.js';

export type RuleId = 'no-cpr-number' | 'no-health-data' | 'no-named-complaint';

/** How sure a rule is. `high` blocks a publish, `medium` asks a person to look, `low` is not reported. */
export type Confidence = 'high' | 'medium' | 'low';

export type Severity = 'error' | 'warning';

/** Why a rule believes what it reports, in words a reporter can print. */
export type Reason =
  | 'valid date'
  | 'substitute number (day + 60)'
  | 'modulus 11'
  | 'no modulus 11'
  | 'date exempt from modulus 11'
  | 'health-sector eCPR form'
  | 'CPR keyword nearby'
  | 'other number kind named nearby'
  | `health term (${string})`
  | 'a person named nearby'
  | `complaint term (${string})`
  | 'the complainant is named'
  | 'a complaints table names the complainant';

export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Place {
  start: Point;
  end: Point;
}

/** One thing a rule found, located in the source it was found in. */
export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  confidence: Confidence;
  reasons: Reason[];
  kind: SegmentKind;
  place: Place;
  /** The value with its identifying part hidden, safe to print anywhere. */
  redacted: string;
  /** The value itself, only when the caller asked for values (`showValues`). */
  value?: string;
  /** A salted hash of the value, when the caller gave a salt: how a baseline knows a finding. */
  fingerprint?: string;
  /** In a PDF: the page, with `place` a line and column in that page's text. */
  page?: number;
  message: string;
}

/** Something about a file that is not a rule's finding: it was skipped, or read in a fallback way. */
export interface Notice {
  severity: Severity;
  message: string;
  /** The file was not scanned, so the run cannot say it is clean. */
  fatal?: boolean;
  /** Where in the file, when the notice is about a place (a directive); else the file as a whole. */
  place?: { line: number; column: number };
  /** All or part of the file could not be read; `--strict` fails the run for it. */
  notScanned?: boolean;
}

export interface FileReport {
  filePath: string;
  findings: Finding[];
  notices: Notice[];
  /** Findings a `cprlint-disable…` comment silenced, with its reason. */
  suppressed?: (Finding & { justification: string | undefined })[];
  /** For a PDF: how many pages were read. */
  pagesRead?: number;
}

export function severityOf(confidence: Confidence): Severity | undefined {
  if (confidence === 'high') return 'error';
  if (confidence === 'medium') return 'warning';
  return undefined;
}
