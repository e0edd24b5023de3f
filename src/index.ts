// The core API: scan a string or a file and get findings.
export { scanText, scanName, formatOf, RULES, type ScanOptions, type SourceFormat } from './scan.js';
export { scanFile, scanBytes, DEFAULT_MAX_FILE_SIZE, type FileScanOptions } from './files.js';
export { docsUrl, type Rule, type RuleMatch, type RuleContext } from './rule.js';
export type { Confidence, FileReport, Finding, Notice, Place, Point, Reason, RuleId, Severity } from './finding.js';
export type { Segment, SegmentKind } from './segment.js';
