import { scanText, type RuleId, type RulesSettings } from '../src/index.js';

/** The day every rule test is read on. */
export const TODAY = new Date(2026, 10, 22);

/** A finding on line 1 as the rule tables write it: start column, end column (exclusive), severity. */
export type Found = [column: number, endColumn: number, severity: 'error' | 'warning'];

/** What one rule finds in a text, read as the file `filePath`. */
export function foundBy(ruleId: RuleId, text: string, filePath = 'page.md', rules?: RulesSettings): Found[] {
  return scanText(text, { filePath, today: TODAY, ...(rules ? { rules } : {}) })
    .findings.filter((finding) => finding.ruleId === ruleId)
    .map((finding) => [finding.place.start.column, finding.place.end.column, finding.severity]);
}
