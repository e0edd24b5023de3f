import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { forgetConfigs, settingsFor } from '../project/config.js';
import { redactValues, withRedactedErrors } from '../core/findings.js';
import { lintMessages, type LintMessage } from './report/lint-message.js';
import { formatOf, scanText } from '../core/scan.js';
import { checkOptions, type CprlintPluginOptions } from './unified-plugin.js';

/** Options of `cprlint/eleventy`: those of `cprlint/remark` and `cprlint/rehype`. */
export type CprlintEleventyOptions = CprlintPluginOptions;

/** What the plugin reads of an Eleventy page (`page` in a template's data). */
export interface EleventyPage {
  inputPath: string;
  /** `false` for a page with `permalink: false`, which is not written. */
  outputPath?: string | false;
}

/** The part of Eleventy 3's configuration API the plugin uses. */
export interface EleventyConfig {
  addPreprocessor(name: string, fileExtensions: string, callback: (data: { page: EleventyPage }, content: unknown) => Promise<undefined>): void;
  addTransform(name: string, callback: (this: { page: EleventyPage }, content: unknown) => Promise<unknown>): void;
  on(eventName: string, callback: () => void): void;
}

interface Reported {
  /** Sources are listed before the pages built from them. */
  stage: 'source' | 'page';
  shownPath: string;
  message: LintMessage;
}

/**
 * Eleventy 3 plugin: scans each template's source (front matter included) before it is rendered and
 * each page as it is written, logs every finding, and fails the build once, after every page has
 * been read, when a finding must not be published.
 */
export default function cprlintEleventy(eleventyConfig: EleventyConfig, options?: CprlintEleventyOptions | null): void {
  const { failOn, showValues } = checkOptions(options);
  let reported: Reported[] = [];

  const scan = (stage: Reported['stage'], text: string, filePath: string, configuredBy: string): void => withRedactedErrors(() => {
    const settings = settingsFor(path.resolve(configuredBy));
    if (settings.ignored || (filePath !== configuredBy && settingsFor(path.resolve(filePath), settings.configFile).ignored)) return;
    const report = scanText(text, {
      filePath,
      format: formatOf(filePath) ?? 'text',
      showValues,
      rules: options?.rules ?? settings.rules,
      ...(settings.allowlist ? { allowlist: settings.allowlist } : {}),
    });
    const relative = path.relative(process.cwd(), path.resolve(filePath)) || filePath;
    // Build logs are kept and shared: a number in a file name is as secret there as in the text.
    const shownPath = showValues ? relative : redactValues(relative);
    for (const message of lintMessages(report)) reported.push({ stage, shownPath, message });
  }, showValues);

  eleventyConfig.on('eleventy.before', () => {
    reported = [];
    // A watched build reads the configuration file again, as it may have changed.
    forgetConfigs();
  });

  // Eleventy hands a preprocessor the template without its front matter, so the file is read whole.
  eleventyConfig.addPreprocessor('cprlint', '*', async ({ page }, content) => {
    const source = await readFile(page.inputPath, 'utf8').catch(() => content);
    // A JavaScript template's content is its module; what it renders is scanned as output.
    if (typeof source === 'string') scan('source', source, page.inputPath, page.inputPath);
    return undefined;
  });

  eleventyConfig.addTransform('cprlint', async function (content) {
    const { inputPath, outputPath } = this.page;
    // The source's configuration file decides the rules, as it does for the source itself.
    if (outputPath && typeof content === 'string') scan('page', content, outputPath, inputPath);
    return content;
  });

  eleventyConfig.on('eleventy.after', () => {
    if (reported.length === 0) return;
    const order = (entry: Reported): number => (entry.stage === 'source' ? 0 : 1);
    reported.sort((a, b) =>
      order(a) - order(b) || a.shownPath.localeCompare(b.shownPath) || a.message.line - b.message.line || a.message.column - b.message.column);
    const lines = reported.map(({ shownPath, message }) =>
      `${shownPath}:${message.line}:${message.column} ${message.severity === 2 ? 'error' : 'warning'} ${message.message}${message.ruleId ? ` ${message.ruleId}` : ''}`);
    console.error(lines.join('\n'));
    const failing = reported.filter(({ message }) => message.finding && (failOn === 'warning' || (failOn === 'error' && message.severity === 2)));
    if (failing.length === 0) return;
    const files = [...new Set(failing.map(({ shownPath }) => shownPath))];
    const named = files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more files` : files.join(', ');
    const error = new Error(
      `cprlint found ${failing.length} finding${failing.length === 1 ? '' : 's'} that must not be published, in ${named} (listed above). ` +
        'Remove them from the sources and data, or silence a false one with a cprlint-disable comment or the allowlist.',
    );
    // The stack would only repeat the message; the findings above are what a person needs.
    Object.assign(error, { skipOriginalStack: true });
    throw error;
  });
}
