import path from 'node:path';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { FileReport } from '../../core/finding.js';
import { docsUrl } from '../../core/rule.js';
import { lintMessages } from './lint-message.js';

/** vfile-reporter's output, as remark-cli and other unified tools print it. */
export function formatStylish(reports: readonly FileReport[], cwd: string, color: boolean): string {
  const files = reports.map((report) => {
    // The file gets no `value`: a reporter never needs the text, so it can never print it.
    const file = new VFile({ path: path.relative(cwd, path.resolve(cwd, report.filePath)) || report.filePath });
    for (const message of lintMessages(report)) {
      const place = message.finding?.place;
      const vfileMessage = file.message(message.message, {
        ...(place ? { place: { start: place.start, end: place.end } } : {}),
        ...(message.placed ? { place: { line: message.line, column: message.column } } : {}),
        ...(message.ruleId ? { ruleId: message.ruleId } : {}),
        source: 'cprlint',
      });
      vfileMessage.fatal = message.severity === 2 ? true : false;
      if (message.ruleId && message.finding) vfileMessage.url = docsUrl(message.finding.ruleId);
    }
    return file;
  });
  return reporter(files, { color, quiet: true });
}
