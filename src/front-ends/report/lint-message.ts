import type { FileReport, Finding } from '../../core/finding.js';

/** One line of a report in ESLint's terms: a finding, or a notice about the file. */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  fatal?: true;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  finding?: Finding;
  /** For a notice: whether it is about a place in the file rather than the file as a whole. */
  placed?: true;
}

export function lintMessages(report: FileReport): LintMessage[] {
  const notices: LintMessage[] = report.notices.map((notice) => ({
    ruleId: null,
    severity: notice.severity === 'error' ? 2 : 1,
    ...(notice.fatal ? { fatal: true as const } : {}),
    ...(notice.place ? { placed: true as const } : {}),
    message: notice.message,
    line: notice.place?.line ?? 1,
    column: notice.place?.column ?? 1,
    endLine: notice.place?.line ?? 1,
    endColumn: notice.place?.column ?? 1,
  }));
  return [...notices, ...report.findings.map(findingMessage)];
}

/** A finding as a message: its rule, severity, redacted message and place. */
export function findingMessage(finding: Finding): LintMessage {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity === 'error' ? 2 : 1,
    message: finding.message,
    line: finding.place.start.line,
    column: finding.place.start.column,
    endLine: finding.place.end.line,
    endColumn: finding.place.end.column,
    finding,
  };
}

export interface Counts {
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
}

export function countMessages(messages: readonly LintMessage[]): Counts {
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  for (const message of messages) {
    if (message.severity === 2) errorCount += 1;
    else warningCount += 1;
    if (message.fatal) fatalErrorCount += 1;
  }
  return { errorCount, warningCount, fatalErrorCount };
}
