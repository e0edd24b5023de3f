import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { absolutePath, relativePath } from '../src/project/paths.js';

// Paths as a walk, a user and an editor give them: normal, with "." and ".." folders, doubled or
// trailing separators, relative, the root, folders whose names start with dots.
const PATHS = [
  '/',
  '/a',
  '/a/b/c.md',
  '/a/b/',
  '/a//b',
  '/a/./b',
  '/a/../b',
  '/a/b/.',
  '/a/b/..',
  '/a/.b/..c/...',
  '/a/b.',
  '/..',
  '//a',
  'a/b',
  './a',
  '../a',
  '.',
  '',
  `/${'d/'.repeat(1500)}side.md`,
];

describe('absolutePath and relativePath give what Node gives', () => {
  it('absolutePath is path.resolve', () => {
    for (const given of PATHS) expect(absolutePath(given), given).toBe(path.resolve(given));
  });

  it('relativePath is path.relative', () => {
    const folders = ['/', '/a', '/a/b', '/a/b/', '/a/./b', '/x', '/a/bc', 'a', '.'];
    for (const folder of folders) {
      for (const given of PATHS) expect(relativePath(folder, given), `${folder} → ${given}`).toBe(path.relative(folder, given));
    }
    // A folder whose name another begins with is no folder of it.
    expect(relativePath('/a/b', '/a/bc/d')).toBe('../bc/d');
  });
});
