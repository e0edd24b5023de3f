// The core API: scan a string or a file and get findings.
export { scanText, scanName, formatOf, type ScanOptions, type SourceFormat } from './core/scan.js';
export { RULES } from './core/rule-settings.js';
export { scanFile, scanBytes, DEFAULT_MAX_FILE_SIZE, type FileScanOptions } from './project/files.js';
export { docsUrl, RuleOptionsError, type Rule, type RuleChecker, type RuleMatch, type RuleContext, type RuleLevel, type RuleSetting, type RulesSettings } from './core/rule.js';
export type { Confidence, FileReport, Finding, Notice, Place, Point, Reason, RuleId, Severity } from './core/finding.js';
export type { Segment, SegmentKind } from './core/segment.js';
export { readableView } from './core/readable-view.js';
