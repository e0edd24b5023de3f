import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { mdastSegments } from '../adapters/mdast.js';
import { textSegment } from '../core/segment.js';
import { withRedactedErrors } from '../core/findings.js';
import { checkOptions, lintTree, type CprlintPluginOptions } from './unified-plugin.js';

export type { CprlintPluginOptions } from './unified-plugin.js';

const FRONT_MATTER = /^(?:---|\+\+\+)\r?\n[\s\S]*?\r?\n(?:---|\+\+\+)(?=\r?\n|$)/;

/**
 * The source as written, when the pipeline blanked its front matter out before parsing (Astro
 * replaces it with spaces, keeping every position): the file on disk with its front matter, which
 * the tree then lacks. Undefined when the tree has front matter or the text is the file's own.
 */
function withHiddenFrontMatter(tree: Root, file: VFile): { source: string; frontMatterLength: number } | undefined {
  const value = String(file.value ?? '');
  if (!file.path || !/^\s/.test(value) || tree.children.some((node) => (node.type as string) === 'yaml' || (node.type as string) === 'toml')) return undefined;
  let written: string;
  try {
    written = readFileSync(path.resolve(file.cwd, file.path), 'utf8');
  } catch {
    return undefined;
  }
  const frontMatter = FRONT_MATTER.exec(written)?.[0];
  if (!frontMatter || written.length !== value.length || written.slice(frontMatter.length) !== value.slice(frontMatter.length)) return undefined;
  if (value.slice(0, frontMatter.length).trim() !== '') return undefined;
  return { source: written, frontMatterLength: frontMatter.length };
}

/**
 * remark plugin: reports CPR numbers in the Markdown or MDX being processed, one message each,
 * and by default fails the build (throws) on an error-level finding.
 */
export default function remarkCprlint(options?: CprlintPluginOptions | null) {
  const settings = checkOptions(options);
  return (tree: Root, file: VFile): void =>
    withRedactedErrors(() => {
      const hidden = withHiddenFrontMatter(tree, file);
      const segmentsOf = (source: string) => {
        const segments = mdastSegments(tree, source);
        const frontMatter = hidden && textSegment('frontmatter', source, 0, hidden.frontMatterLength);
        return frontMatter ? [frontMatter, ...segments] : segments;
      };
      lintTree(file, settings, segmentsOf, 'after a byte order mark', hidden?.source);
    }, settings.showValues);
}
