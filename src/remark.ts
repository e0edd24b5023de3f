import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { mdastSegments } from './adapters/mdast.js';
import { checkOptions, lintTree, type CprlintPluginOptions } from './unified-plugin.js';

export type { CprlintPluginOptions } from './unified-plugin.js';

/**
 * remark plugin: reports CPR numbers in the Markdown or MDX being processed, one message each,
 * and by default fails the build (throws) on an error-level finding.
 */
export default function remarkCprlint(options?: CprlintPluginOptions | null) {
  const settings = checkOptions(options);
  return (tree: Root, file: VFile): void => {
    lintTree(file, settings, (source) => mdastSegments(tree, source), 'after a byte order mark');
  };
}
