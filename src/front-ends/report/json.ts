import path from 'node:path';
import type { FileReport } from '../../core/finding.js';
import { countMessages, findingMessage, lintMessages } from './lint-message.js';

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
            ? { confidence: finding.confidence, reasons: finding.reasons, kind: finding.kind, value: finding.value ?? finding.redacted, ...(finding.page ? { page: finding.page } : {}) }
            : {}),
        })),
        ...(report.suppressed?.length
          ? {
              suppressedMessages: report.suppressed.map((finding) => {
                const { ruleId, severity, message, line, column, endLine, endColumn } = findingMessage(finding);
                return { ruleId, severity, message, line, column, endLine, endColumn, suppressions: [{ kind: 'directive', justification: finding.justification ?? '' }] };
              }),
            }
          : {}),
        ...(report.pagesRead !== undefined ? { pagesRead: report.pagesRead } : {}),
        ...countMessages(messages),
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      };
    }),
  );
}
