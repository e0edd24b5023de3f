import type { Finding, Notice, RuleId } from './finding.js';

/** A `cprlint-disable…` comment in a source, as its syntax writes comments. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Rules it names; empty for every rule. */
  rules: string[];
  reason: string | undefined;
  /** Line of the comment's start, and of its end (a block comment may span lines). */
  line: number;
  endLine: number;
  column: number;
}

export interface SuppressedFinding extends Finding {
  /** The reason given after `--` in the directive, if any. */
  justification: string | undefined;
}

export interface SuppressionOptions {
  /** A directive without a reason (`-- …`) is an error. */
  requireReason?: boolean;
  /** A directive that silences nothing is a warning. */
  reportUnused?: boolean;
}

// In every comment form a site's files use: <!-- --> (Markdown, HTML), {/* */} and /* */ (MDX, code,
// CSS), // (code), # (YAML, TOML, shell-like text). The directive must start the comment.
const DIRECTIVE =
  /(?:<!--|\/\*|\/\/|#)[ \t]*cprlint-(disable-next-line|disable-line|disable|enable)(?![\w-])([^\n]*?)(?:-->|\*\/|$)/gm;

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** The cprlint directives in a source. */
export function directivesIn(source: string): Directive[] {
  if (!source.includes('cprlint-')) return [];
  const starts = lineStarts(source);
  const directives: Directive[] = [];
  for (const match of source.matchAll(DIRECTIVE)) {
    const [text, reasonPart] = match[2]!.split(/\s--\s?/, 2) as [string, string | undefined];
    const rules = text
      .split(/[\s,]+/)
      .map((rule) => rule.replace(/^cprlint\//, ''))
      .filter(Boolean);
    const line = lineOf(starts, match.index);
    directives.push({
      kind: match[1] as Directive['kind'],
      rules,
      reason: reasonPart?.trim() || undefined,
      line,
      endLine: lineOf(starts, match.index + match[0].length - 1),
      column: match.index - starts[line - 1]! + 1,
    });
  }
  return directives;
}

const names = (directive: Directive, ruleId: RuleId): boolean => directive.rules.length === 0 || directive.rules.includes(ruleId);

/**
 * Splits findings into those that stand and those a directive silences, and gives notices for
 * directives without a reason (when required) and directives that silence nothing (when asked).
 */
export function applySuppressions(
  findings: readonly Finding[],
  source: string,
  options: SuppressionOptions = {},
): { findings: Finding[]; suppressed: SuppressedFinding[]; notices: Notice[] } {
  const directives = directivesIn(source);
  if (directives.length === 0) return { findings: [...findings], suppressed: [], notices: [] };
  const used = new Set<Directive>();
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const line = finding.place.start.line;
    let byLine: Directive | undefined;
    let byBlock: Directive | undefined;
    for (const directive of directives) {
      if (!names(directive, finding.ruleId)) continue;
      if (directive.kind === 'disable-line' && line >= directive.line && line <= directive.endLine) byLine = directive;
      if (directive.kind === 'disable-next-line' && line === directive.endLine + 1) byLine = directive;
      // Blocks: the last disable or enable naming this rule before the finding decides.
      if (directive.line <= line && directive.kind === 'disable') byBlock = directive;
      if (directive.line <= line && directive.kind === 'enable') byBlock = undefined;
    }
    const by = byLine ?? byBlock;
    if (by) {
      used.add(by);
      suppressed.push({ ...finding, justification: by.reason });
    } else {
      kept.push(finding);
    }
  }
  const notices: Notice[] = [];
  for (const directive of directives) {
    if (directive.kind === 'enable') continue;
    const where = { line: directive.line, column: directive.column };
    if (options.requireReason && !directive.reason) {
      notices.push({ severity: 'error', message: `cprlint-${directive.kind} needs a reason: add "-- why" after the rules`, place: where });
    }
    if (options.reportUnused && !used.has(directive)) {
      notices.push({ severity: 'warning', message: `Unused cprlint-${directive.kind}: nothing${directive.rules.length ? ` of ${directive.rules.join(', ')}` : ''} was found here`, place: where });
    }
  }
  return { findings: kept, suppressed, notices };
}
