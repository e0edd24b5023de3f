import path from 'node:path';
import type { VFile } from 'vfile';
import { settingsFor } from '../project/config.js';
import { VFileMessage } from 'vfile-message';
import type { Finding, Place } from '../core/finding.js';
import { docsUrl, type RulesSettings } from '../core/rule.js';
import { activeRules, type ActiveRule } from '../core/rule-settings.js';
import { findingsIn, redactValues, rulesThatMightMatch, withRedactedErrors } from '../core/findings.js';
import { applySuppressions } from '../core/suppressions.js';
import type { Segment } from '../core/segment.js';

/** Options of `cprlint/remark` and `cprlint/rehype`. JSON only, so Next.js can pass them by name. */
export interface CprlintPluginOptions {
  /**
   * When to throw and so fail the build: on an error finding (default), on any finding, or never.
   * Astro, Docusaurus and Next drop messages that are not thrown; remark-cli and editors show
   * every message, so there use `"never"`.
   */
  failOn?: 'error' | 'warning' | 'never';
  /** Put the full values in messages. Off by default: logs then never hold a CPR number. */
  showValues?: boolean;
  /**
   * Rules to run, as `{ "no-health-data": ["error", { "mode": "any" }] }`. Without it, the
   * configuration file that governs each file (cprlint.config.*, .cprlintrc.json, package.json's
   * "cprlint") decides, as for the CLI; without one, every rule runs at "error".
   */
  rules?: RulesSettings;
}

export interface PluginSettings {
  failOn: 'error' | 'warning' | 'never';
  showValues: boolean;
  /** The rules given in the options, or undefined when each file's configuration file decides. */
  active: readonly ActiveRule[] | undefined;
}

const FAIL_ON = ['error', 'warning', 'never'];

/**
 * Reads the plugin's options once, when the plugin is attached; throws on a mistake in them, its
 * message redacted (an option's value can hold a number) unless `showValues` is on.
 */
export function checkOptions(options: CprlintPluginOptions | null | undefined): PluginSettings {
  return withRedactedErrors(() => readOptions(options), options?.showValues === true);
}

function readOptions(options: CprlintPluginOptions | null | undefined): PluginSettings {
  const failOn = options?.failOn ?? 'error';
  if (!FAIL_ON.includes(failOn)) {
    throw new Error(`cprlint: option failOn must be one of ${FAIL_ON.join(', ')}`);
  }
  let active: readonly ActiveRule[] | undefined;
  try {
    active = options?.rules === undefined ? undefined : activeRules(options.rules);
  } catch (error) {
    throw new Error(`cprlint: option rules: ${(error as Error).message}`);
  }
  return { failOn, showValues: options?.showValues === true, active };
}

/**
 * The transform both plugins share: cut segments from the tree, run the rules, record one message
 * per finding, and throw a redacted summary when the build must fail.
 */
export function lintTree(
  file: VFile,
  options: PluginSettings,
  segmentsOf: (source: string) => Segment[],
  positions: 'after a byte order mark' | 'counting a byte order mark',
  /** The source as written, where the pipeline handed the plugin less (front matter blanked out). */
  written?: string,
): void {
  const value = written ?? String(file.value ?? '');
  // micromark counts from after a leading byte order mark, parse5 counts it.
  const source = positions === 'after a byte order mark' && value.charCodeAt(0) === 0xfeff ? value.slice(1) : value;
  const settings = file.path ? settingsFor(path.resolve(file.cwd, file.path)) : undefined;
  if (settings?.ignored) return;
  const active = rulesThatMightMatch(source, options.active ?? activeRules(settings?.rules));
  if (active.length === 0) return;
  // `cprlint-disable…` comments and the allowlist hold in builds as on the command line.
  const found = findingsIn(segmentsOf(source), source, { showValues: options.showValues, active, ...(settings?.allowlist ? { allowlist: settings.allowlist } : {}) });
  const { findings } = applySuppressions(found, source);
  // vfile copies `file.path` into every message; a CPR number in a path is as secret as in the text.
  const shownPath = file.path && (options.showValues ? file.path : redactValues(file.path));
  for (const finding of findings) {
    const message = file.message(finding.message, {
      place: options.showValues ? finding.place : linesAndColumns(finding.place),
      ruleId: finding.ruleId,
      source: 'cprlint',
    });
    message.fatal = finding.severity === 'error';
    message.url = docsUrl(finding.ruleId);
    if (shownPath) {
      message.file = shownPath;
      message.name = message.name.replace(file.path, shownPath);
    }
  }
  const failing = findings.filter((finding) => options.failOn === 'warning' || (options.failOn === 'error' && finding.severity === 'error'));
  if (failing.length > 0) failBuild(file, failing, options.showValues);
}

/**
 * A place without offsets. Editors and reporters place a message by line and column; offsets are
 * what @mdx-js/esbuild slices the source line from, which esbuild then prints under the message.
 */
function linesAndColumns(place: Place): { start: { line: number; column: number }; end: { line: number; column: number } } {
  return {
    start: { line: place.start.line, column: place.start.column },
    end: { line: place.end.line, column: place.end.column },
  };
}

function failBuild(file: VFile, failing: readonly Finding[], showValues: boolean): never {
  // Thrown messages are printed (Astro) or JSON-stringified (Docusaurus), so the path they carry
  // is redacted like everything else: vfile's own `file.fail` would copy `file.path` as it is.
  const shownPath = file.path && (showValues ? file.path : redactValues(file.path));
  const list = failing
    .map((finding) => `${finding.place.start.line}:${finding.place.start.column} ${finding.ruleId} ${finding.message}`)
    .join('; ');
  const first = failing[0]!;
  const count = `${failing.length} finding${failing.length === 1 ? '' : 's'}`;
  const text = `cprlint found ${count}${shownPath ? ` in ${shownPath}` : ''} that must not be published: ${list}`;
  // The file keeps a message as unified's reporters read it.
  const message = new VFileMessage(text, { ruleId: first.ruleId, source: 'cprlint' });
  message.fatal = true;
  const where = `${first.place.start.line}:${first.place.start.column}`;
  message.name = shownPath ? `${shownPath}:${where}` : where;
  if (shownPath) message.file = shownPath;
  file.messages.push(message);
  // What is thrown is a plain error, its text on one line: a build tool prints an error's own
  // fields (Astro printed a VFileMessage's fifteen, most of them undefined). Its line and column
  // (which @astrojs/mdx puts in the location it prints) come with a frame of our own: given a place
  // and no frame, Vite prints a code frame of the source around it, number and all. None of the
  // three is enumerable, so a printed error shows its message alone.
  throw new BuildFailure(text, first.place.start);
}

/** What Vite shows where it would show the source: not the source, which holds the number. */
const NO_SOURCE_FRAME = '  (cprlint shows no source here: it holds the number)';

/** The error that fails a build: its message, and a place and frame only a build tool reads. */
export class BuildFailure extends Error {
  override name = 'CprlintError';
  declare readonly line: number;
  declare readonly column: number;
  declare readonly frame: string;

  constructor(message: string, at: { line: number; column: number }) {
    super(message);
    for (const [key, value] of Object.entries({ line: at.line, column: at.column, frame: NO_SOURCE_FRAME })) {
      Object.defineProperty(this, key, { value, enumerable: false });
    }
  }
}
