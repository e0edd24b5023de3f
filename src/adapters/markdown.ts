import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { createRequire } from 'node:module';
import { unified, type Processor } from 'unified';
import type { Segment } from '../segment.js';
import { mdastSegments } from './mdast.js';

/**
 * The parts of GFM that change what text belongs together: tables (a row is one block),
 * footnotes and strikethrough. Not autolink literals: a bare URL is text either way, and finding
 * them costs a fifth of the parse.
 */
function gfmStructure(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown());
}

const markdownParser = unified().use(remarkParse).use(gfmStructure).use(remarkFrontmatter, ['yaml', 'toml']);
// MDX's parser (acorn and all) costs a tenth of a second to load: only for .mdx files.
const requireModule = createRequire(import.meta.url);
let mdxParser: typeof markdownParser | undefined;
const mdxParserOf = (): typeof markdownParser =>
  (mdxParser ??= unified()
    .use(remarkParse)
    .use(gfmStructure)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use((requireModule('remark-mdx') as typeof import('remark-mdx')).default) as unknown as typeof markdownParser);

/** Segments of a Markdown (GFM, front matter) or MDX document. Throws on MDX syntax errors. */
export function markdownSegments(source: string, mdx: boolean): Segment[] {
  const parser = mdx ? mdxParserOf() : markdownParser;
  return mdastSegments(parser.parse(source), source);
}

