import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { hastSegments } from '../adapters/html.js';
import { withRedactedErrors } from '../core/findings.js';
import { checkOptions, lintTree, type CprlintPluginOptions } from './unified-plugin.js';

export type { CprlintPluginOptions } from './unified-plugin.js';

/**
 * rehype plugin: reports CPR numbers in the HTML being processed (text, attributes, comments,
 * scripts), one message each, and by default fails the build (throws) on an error-level finding.
 */
export default function rehypeCprlint(options?: CprlintPluginOptions | null) {
  const settings = checkOptions(options);
  return (tree: Root, file: VFile): void =>
    withRedactedErrors(() => lintTree(file, settings, (source) => hastSegments(tree, source), 'counting a byte order mark'), settings.showValues);
}
