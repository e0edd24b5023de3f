// JavaScript files (a site's bundles and scripts) through acorn: string literals, template literal
// parts and comments, not the code around them. Knows JavaScript, decides nothing about what is
// sensitive.
import { createRequire } from 'node:module';
import type { Comment, Options } from 'acorn';
import type { Segment } from '../core/segment.js';
import { estreeSegments, type EstreeComment, type EstreeNode } from './estree.js';

// acorn loads only when JavaScript is met, as the other parsers do.
const requireModule = createRequire(import.meta.url);

const OPTIONS: Options = {
  ecmaVersion: 'latest',
  ranges: true,
  allowHashBang: true,
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  allowImportExportEverywhere: true,
};

/**
 * Segments of a JavaScript program: what its strings, templates and comments say. Numbers in code
 * (timestamps, a minifier's constants) are not text, so they are not read. A module is tried
 * first, then a classic script; throws when neither parses.
 */
export function javascriptSegments(source: string): Segment[] {
  const { parse } = requireModule('acorn') as typeof import('acorn');
  let comments: Comment[] = [];
  const parseAs = (sourceType: 'module' | 'script'): EstreeNode => {
    comments = [];
    return parse(source, { ...OPTIONS, sourceType, onComment: comments }) as unknown as EstreeNode;
  };
  let program: EstreeNode;
  try {
    program = parseAs('module');
  } catch {
    program = parseAs('script');
  }
  return estreeSegments(program, comments as EstreeComment[], source, 'without delimiters');
}
