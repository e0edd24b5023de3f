import { noCprNumber } from '../../rules/no-cpr-number.js';
import { noHealthData } from '../../rules/no-health-data.js';
import { noNamedComplaint } from '../../rules/no-named-complaint.js';
import type { RuleId } from './finding.js';
import { RuleOptionsError, type Rule, type RuleChecker, type RuleLevel, type RulesSettings } from './rule.js';

export const RULES: readonly Rule[] = [noCprNumber, noHealthData, noNamedComplaint];

/** A rule as a run uses it: switched on at a level, with its options read. */
export interface ActiveRule {
  id: RuleId;
  level: Exclude<RuleLevel, 'off'>;
  checker: RuleChecker;
}

const LEVELS: readonly RuleLevel[] = ['off', 'warn', 'error'];

function readSetting(id: RuleId, setting: unknown): { level: RuleLevel; options: unknown } {
  const [level, options, ...rest] = Array.isArray(setting) ? setting : [setting];
  if (!LEVELS.includes(level as RuleLevel) || rest.length > 0) {
    throw new RuleOptionsError(`${id}: a rule is set to "off", "warn" or "error", or ["error", options]`);
  }
  return { level: level as RuleLevel, options };
}

// Files share settings: the rules for each distinct settings value are read once.
const bySettings = new Map<string, ActiveRule[]>();

/** The rules to run for the given settings: every rule at "error" with its defaults where unset. */
export function activeRules(settings?: RulesSettings): ActiveRule[] {
  const key = settings ? JSON.stringify(settings) : '';
  const cached = bySettings.get(key);
  if (cached) return cached;
  const known = new Set<string>(RULES.map((rule) => rule.id));
  for (const id of Object.keys(settings ?? {})) {
    if (!known.has(id)) throw new RuleOptionsError(`Unknown rule "${id}" (known: ${[...known].join(', ')})`);
  }
  const active: ActiveRule[] = [];
  for (const rule of RULES) {
    const { level, options } = readSetting(rule.id, settings?.[rule.id] ?? 'error');
    if (level === 'off') continue;
    active.push({ id: rule.id, level, checker: rule.create(options) });
  }
  bySettings.set(key, active);
  return active;
}

/** Has the rules build what they would build at their first file (see RuleChecker.prepare). */
export function prepareRules(settings?: RulesSettings): void {
  for (const rule of activeRules(settings)) rule.checker.prepare?.();
}
