import path from 'node:path';
import type { ESLint, Linter, Rule } from 'eslint';
import { ConfigError, settingsFor } from '../project/config.js';
import type { Root } from 'mdast';
import { estreeSegments, type EstreeComment, type EstreeNode } from '../adapters/estree.js';
import { jsonSegments } from '../adapters/json.js';
import { mdastSegments } from '../adapters/mdast.js';
import type { RuleId } from '../core/finding.js';
import { docsUrl, RuleOptionsError, type RulesSettings } from '../core/rule.js';
import { activeRules, RULES, type ActiveRule } from '../core/rule-settings.js';
import { findingsIn, MASKED_CPR, rulesThatMightMatch, withRedactedErrors } from '../core/findings.js';
import type { Segment } from '../core/segment.js';
import { VERSION } from '../version.js';

/** What the redaction suggestion puts in place of a CPR number. */
export // What a number written in one piece consists of in a source: digits (and an eCPR's capitals),
// separators and spaces, and character references, percent escapes or string escapes for them.
const WRITTEN_IN_ONE_PIECE = /^(?:[\p{Nd}A-Z\s./\\_\-\u00ad\u200b-\u200f\u2010-\u2015\u2043\u2060-\u2064\u2212\ufe58\ufe63\ufeff\uff0d]|&#?\w+;|%[\dA-Fa-f]{2}|\\(?:u[\dA-Fa-f]{4}|u\{[\dA-Fa-f]+\}|x[\dA-Fa-f]{2}))+$/u;

type Confidence = 'high' | 'medium';

const CONFIDENCE_OPTION = {
  minConfidence: {
    enum: ['high', 'medium'],
    description: 'Report only findings at least this sure: "high" (the CLI\'s errors) or "medium" (errors and warnings)',
  },
};
const TERM_MATCH = { enum: ['word', 'start', 'end', 'any'] };

const OPTION_SCHEMAS: Record<RuleId, Record<string, unknown>> = {
  'no-cpr-number': CONFIDENCE_OPTION,
  'no-health-data': {
    ...CONFIDENCE_OPTION,
    mode: { enum: ['identified', 'any'] },
    add: {
      type: 'array',
      items: {
        anyOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            properties: { term: { type: 'string', minLength: 1 }, category: { type: 'string' }, match: TERM_MATCH },
            required: ['term'],
            additionalProperties: false,
          },
        ],
      },
    },
    remove: { type: 'array', items: { type: 'string' } },
  },
  'no-named-complaint': CONFIDENCE_OPTION,
};

// A rule's options are read once per distinct options value, not once per file.
const checkersByOptions = new Map<string, ActiveRule[]>();

function checkersFor(ruleId: RuleId, options: Record<string, unknown>): ActiveRule[] {
  const key = `${ruleId}:${JSON.stringify(options)}`;
  let active = checkersByOptions.get(key);
  if (!active) {
    const settings: RulesSettings = {};
    for (const rule of RULES) settings[rule.id] = rule.id === ruleId ? ['error', Object.keys(options).length > 0 ? options : undefined] : 'off';
    active = activeRules(settings);
    checkersByOptions.set(key, active);
  }
  return active;
}

/** Whether `offset` lies inside JSX, where a `//` comment on a line of its own is not valid. */
function insideJsx(node: EstreeNode, offset: number): boolean {
  const range = node.range;
  if (range && (offset < range[0] || offset > range[1])) return false;
  if (node.type === 'JSXElement' || node.type === 'JSXFragment') return true;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || !value || typeof value !== 'object') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as EstreeNode).type === 'string' && insideJsx(child as EstreeNode, offset)) return true;
    }
  }
  return false;
}

function eslintRule(ruleId: RuleId, description: string): Rule.RuleModule {
  return {
    meta: {
      type: 'problem',
      docs: { description, url: docsUrl(ruleId), recommended: true },
      messages: {
        finding: '{{message}}',
        redact: `Replace the number with ${MASKED_CPR}`,
        disable: `Disable cprlint/${ruleId} for the next line, with a reason`,
      },
      schema: [{ type: 'object', properties: OPTION_SCHEMAS[ruleId], additionalProperties: false }],
      defaultOptions: [{ minConfidence: 'medium' }],
      hasSuggestions: true,
    },
    // A configuration that cannot be read is reported on the file, redacted like every message
    // (thrown, ESLint would add the file's path to it); any other error is redacted and thrown.
    create: (context) => {
      try {
        return withRedactedErrors(() => createRule(context));
      } catch (error) {
        if (!(error instanceof ConfigError) && !(error instanceof RuleOptionsError)) throw error;
        const report = (): void => context.report({ loc: { line: 1, column: 0 }, messageId: 'finding', data: { message: `cprlint: ${error.message}` } });
        return { Program: report, root: report, Document: report } as Rule.RuleListener;
      }
    },
  };

  function createRule(context: Rule.RuleContext): Rule.RuleListener {
    // Options given in the ESLint config win; without them, cprlint's own configuration file for
    // this file decides, as it does for the CLI and the build.
    // `minConfidence` is ESLint's alone (ESLint 10 fills it in from meta.defaultOptions), so only
    // the rule's own options count as given.
    const { minConfidence = 'medium', ...given } = (context.options[0] ?? {}) as { minConfidence?: Confidence } & Record<string, unknown>;
    let ruleOptions = given;
    const settings = context.filename && path.isAbsolute(context.filename) ? settingsFor(context.filename) : undefined;
    if (settings?.ignored) return {};
    if (Object.keys(given).length === 0 && settings) {
      const setting = settings.rules?.[ruleId];
      const level = Array.isArray(setting) ? setting[0] : setting;
      if (level === 'off') return {};
      ruleOptions = ((Array.isArray(setting) ? setting[1] : undefined) ?? {}) as Record<string, unknown>;
    }
    const active = checkersFor(ruleId, ruleOptions);
    const sourceCode = context.sourceCode;
    const lint = (segmentsOf: () => Segment[], program?: EstreeNode): void => {
      const source = sourceCode.text;
      const relevant = rulesThatMightMatch(source, active);
      if (relevant.length === 0) return;
      for (const finding of findingsIn(segmentsOf(), source, { active: relevant, ...(settings?.allowlist ? { allowlist: settings.allowlist } : {}) })) {
        if (minConfidence === 'high' && finding.severity !== 'error') continue;
        const start = finding.place.start.offset;
        const end = finding.place.end.offset;
        const suggest: Rule.SuggestionReportDescriptor[] = [];
        // Redact only a number written in one piece, whose source holds nothing but the number:
        // across markup (`<b>150385</b>-2000`) or words (a birth date and its serial written
        // apart, "Født … løbenr. …") a replacement would take the text between with it.
        if (ruleId === 'no-cpr-number' && WRITTEN_IN_ONE_PIECE.test(source.slice(start, end))) {
          suggest.push({ messageId: 'redact', fix: (fixer) => fixer.replaceTextRange([start, end], MASKED_CPR) });
        }
        if (program && !insideJsx(program, start)) {
          const lineStart = source.lastIndexOf('\n', start - 1) + 1;
          const indent = /^[ \t]*/.exec(source.slice(lineStart))![0];
          suggest.push({
            messageId: 'disable',
            fix: (fixer) =>
              fixer.insertTextBeforeRange([lineStart, lineStart], `${indent}// eslint-disable-next-line cprlint/${ruleId} -- why this is not personal data\n`),
          });
        }
        context.report({
          loc: { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) },
          messageId: 'finding',
          data: { message: finding.message },
          suggest,
        });
      }
    };
    return {
      Program(node) {
        const program = node as unknown as EstreeNode;
        withRedactedErrors(() => lint(() => estreeSegments(program, sourceCode.getAllComments() as unknown as EstreeComment[], sourceCode.text), program));
      },
      // @eslint/markdown's language: the tree is mdast.
      root(node: unknown) {
        withRedactedErrors(() => lint(() => mdastSegments(node as Root, sourceCode.text)));
      },
      // @eslint/json's language (its tree is Momoa's): the text is read as the CLI reads JSON.
      Document() {
        withRedactedErrors(() => lint(() => jsonSegments(sourceCode.text)));
      },
    } as Rule.RuleListener;
  }
}

const rules = Object.fromEntries(RULES.map((rule) => [rule.id, eslintRule(rule.id, rule.description)])) as Record<RuleId, Rule.RuleModule>;
const allRulesAt = (level: 'error' | 'warn'): Linter.RulesRecord =>
  Object.fromEntries(RULES.map((rule) => [`cprlint/${rule.id}`, level]));

export const meta = { name: 'cprlint', version: VERSION, namespace: 'cprlint' };

/** The pack's configurations, each typed as what it is: flat configs for `defineConfig`, one legacy. */
export type CprlintConfigs = {
  recommended: Linter.Config;
  'flat/recommended': Linter.Config;
  markdown: Linter.Config;
  json: Linter.Config;
  'legacy-recommended': Linter.LegacyConfig;
};

// Filled in below: each flat config names the plugin, which holds them.
export const configs = {} as CprlintConfigs;

const plugin = { meta, rules, configs } satisfies ESLint.Plugin;

/** The code files ESLint reads: JavaScript and TypeScript, with and without JSX. */
export const CODE_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

Object.assign(configs, {
  recommended: { name: 'cprlint/recommended', files: CODE_FILES, plugins: { cprlint: plugin }, rules: allRulesAt('error') },
  // Markdown needs @eslint/markdown registered as `markdown` (see the README).
  markdown: { name: 'cprlint/markdown', files: ['**/*.md'], language: 'markdown/gfm', plugins: { cprlint: plugin }, rules: allRulesAt('error') },
  // JSON needs @eslint/json registered as `json`.
  json: { name: 'cprlint/json', files: ['**/*.json'], language: 'json/json', plugins: { cprlint: plugin }, rules: allRulesAt('error') },
  'legacy-recommended': {
    plugins: ['cprlint'],
    overrides: [{ files: CODE_FILES.map((glob) => glob.replace('**/', '*')), rules: allRulesAt('error') }],
  },
});
configs['flat/recommended'] = configs.recommended;

export { rules };
export default plugin;
