import path from 'node:path';
import type { FileReport } from '../finding.js';
import { countMessages, lintMessages } from './lint-message.js';

/**
 * ESLint's JSON shape. ESLint's `source` field (the whole file) is left out: it would copy every
 * number the report is about. `value` is the redacted value unless values were asked for.
 */
export function formatJson(reports: readonly FileReport[], cwd: string): string {
  return JSON.stringify(
    reports.map((report) => {
      const messages = lintMessages(report);
      return {
        filePath: path.resolve(cwd, report.filePath),
        messages: messages.map(({ ruleId, severity, fatal, message, line, column, endLine, endColumn, finding }) => ({
          ruleId,
          severity,
          ...(fatal ? { fatal } : {}),
          message,
          line,
          column,
          endLine,
          endColumn,
          ...(finding
            ? { confidence: finding.confidence, reasons: finding.reasons, kind: finding.kind, value: finding.value ?? finding.redacted }
            : {}),
        })),
        ...(report.suppressed?.length
          ? {
              suppressedMessages: report.suppressed.map((finding) => ({
                ruleId: finding.ruleId,
                severity: finding.severity === 'error' ? 2 : 1,
                message: finding.message,
                line: finding.place.start.line,
                column: finding.place.start.column,
                endLine: finding.place.end.line,
                endColumn: finding.place.end.column,
                suppressions: [{ kind: 'directive', justification: finding.justification ?? '' }],
              })),
            }
          : {}),
        ...countMessages(messages),
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      };
    }),
  );
}
