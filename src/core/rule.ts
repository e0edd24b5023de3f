import type { Confidence, Reason, RuleId } from './finding.js';
import type { Segment } from './segment.js';

export interface RuleContext {
  /** Birth dates after this day are not dates of anybody. */
  today: Date;
  /**
   * Every segment of the document being checked, in document order, when the engine has them: what
   * a rule learns about a person in one place (a title, a quote) holds wherever the document names them.
   */
  document?: readonly Segment[];
}

/** A rule's finding in a segment's text, before the engine places it in the source. */
export interface RuleMatch {
  from: number;
  to: number;
  confidence: Confidence;
  reasons: Reason[];
  value: string;
  redacted: string;
  /** Says what was found using `redacted`, never `value`. */
  message: string;
  /**
   * What a baseline's fingerprint reads besides `value`: for a health term or a complaint word,
   * the text of the sentence it stands in, so that a fingerprint cannot be reversed by hashing the
   * public lexicon's few hundred words.
   */
  fingerprintContext?: string;
}

/** A rule with its options read: what the engine runs. */
export interface RuleChecker {
  /**
   * A cheap test on a whole file's readable view (src/readable-view.ts): false only when no segment
   * cut from the file can hold a finding. The engine parses a file only when some rule says true.
   */
  mightMatch(view: string, context: RuleContext): boolean;
  check(segment: Segment, context: RuleContext): RuleMatch[];
  /**
   * Builds now what the checker would build at its first file (a lexicon's automaton, the name
   * lists): for a front end that would otherwise only wait (on git, say) before the first file.
   */
  prepare?(): void;
}

/** Knows language, numbers and names; never sees a syntax tree. */
export interface Rule {
  id: RuleId;
  /** One sentence: what the rule reports. */
  description: string;
  /** Reads the user's options (undefined for none); throws a RuleOptionsError naming what is wrong. */
  create(options: unknown): RuleChecker;
}

/** Options a rule cannot take. The message names the rule and the option. */
export class RuleOptionsError extends Error {
  override name = 'RuleOptionsError';
}

/** `off` runs no rule; `warn` reports every finding as a warning; `error` keeps the rule's own judgement. */
export type RuleLevel = 'off' | 'warn' | 'error';

/** How a user turns a rule on: a level, or a level and the rule's options (ESLint's shape). */
export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, unknown];

export type RulesSettings = Partial<Record<RuleId, RuleSetting>>;

export const DOCS_BASE = 'https://github.com/cprlint/cprlint/blob/main/docs/rules/';

export function docsUrl(ruleId: RuleId): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/** Checks that an options value is a plain object with only known keys, for a rule's `create`. */
export function optionsObject(ruleId: RuleId, options: unknown, known: readonly string[]): Record<string, unknown> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new RuleOptionsError(`${ruleId}: options must be an object`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new RuleOptionsError(`${ruleId}: unknown option "${key}" (known: ${known.join(', ') || 'none'})`);
    }
  }
  return options as Record<string, unknown>;
}
