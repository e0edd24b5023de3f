import path from 'node:path';
import type { FileReport } from '../../core/finding.js';
import { lintMessages } from './lint-message.js';

// GitHub's workflow-command escapes: data loses %, CR and LF; properties also : and ,.
const escapeData = (value: string): string => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (value: string): string => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow annotations, one line a message. */
export function formatGithub(reports: readonly FileReport[], cwd: string): string {
  const lines: string[] = [];
  for (const report of reports) {
    const file = path.relative(cwd, path.resolve(cwd, report.filePath)).split(path.sep).join('/');
    for (const message of lintMessages(report)) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${message.line}`,
        `col=${message.column}`,
        `endLine=${message.endLine}`,
        `endColumn=${message.endColumn}`,
        `title=${escapeProperty(message.ruleId ? `cprlint/${message.ruleId}` : 'cprlint')}`,
      ];
      lines.push(`::${message.severity === 2 ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(message.message)}`);
    }
  }
  return lines.join('\n');
}
