// The core API: scan a string or a file and get findings.
export { scanText, scanName, formatOf, type ScanOptions, type SourceFormat } from './scan.js';
export { RULES } from './rule-settings.js';
export { scanFile, scanBytes, DEFAULT_MAX_FILE_SIZE, type FileScanOptions } from './files.js';
export { docsUrl, RuleOptionsError, type Rule, type RuleChecker, type RuleMatch, type RuleContext, type RuleLevel, type RuleSetting, type RulesSettings } from './rule.js';
export type { Confidence, FileReport, Finding, Notice, Place, Point, Reason, RuleId, Severity } from './finding.js';
export type { Segment, SegmentKind } from './segment.js';
export { readableView } from './readable-view.js';
