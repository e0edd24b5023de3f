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
        messages: messages.map(({ finding, ...message }) =>
          finding
            ? {
                ...message,
                confidence: finding.confidence,
                reasons: finding.reasons,
                kind: finding.kind,
                value: finding.value ?? finding.redacted,
              }
            : message,
        ),
        ...countMessages(messages),
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      };
    }),
  );
}
