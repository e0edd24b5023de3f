import path from 'node:path';
import type { FileReport } from '../../core/finding.js';
import { docsUrl, type Rule } from '../../core/rule.js';
import { lintMessages } from './lint-message.js';

/** SARIF 2.1.0, for code-scanning dashboards. Messages and snippets are the redacted ones. */
export function formatSarif(reports: readonly FileReport[], cwd: string, rules: readonly Rule[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id as string, index]));
  const results: object[] = [];
  const notifications: object[] = [];
  for (const report of reports) {
    // A relative reference, each folder and name percent-encoded ("side #1 [a].md" is "side%20%231%20%5Ba%5D.md").
    const uri = path.relative(cwd, path.resolve(cwd, report.filePath)).split(path.sep).map(encodeURIComponent).join('/');
    for (const message of lintMessages(report)) {
      const region = { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn };
      const location = {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          // The snippet is the redacted value: a report never copies the number.
          region: message.finding ? { ...region, snippet: { text: message.finding.value ?? message.finding.redacted } } : region,
        },
      };
      const level = message.severity === 2 ? 'error' : 'warning';
      if (message.ruleId) {
        results.push({
          ruleId: message.ruleId,
          ruleIndex: ruleIndex.get(message.ruleId),
          level,
          message: { text: message.message },
          locations: [location],
          // With a baseline, the same salted fingerprint that keys it: stable across runs and edits.
          ...(message.finding?.fingerprint ? { partialFingerprints: { 'cprlint/v1': message.finding.fingerprint } } : {}),
        });
      } else {
        notifications.push({ level, message: { text: message.message }, locations: [location] });
      }
    }
  }
  return JSON.stringify({
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'cprlint',
            version,
            informationUri: 'https://github.com/cprlint/cprlint',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: docsUrl(rule.id),
            })),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToUri(cwd)}/` } },
        results,
      },
    ],
  });
}

function pathToUri(directory: string): string {
  return new URL(`file://${directory.split(path.sep).join('/')}`).href.replace(/\/$/, '');
}
