import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './temporary-tree.js';

const DATA = path.join(ROOT, 'rules', 'data');

describe('the word and name lists cprlint ships', () => {
  it('are typed as string, so that no declaration file copies a list as a literal type', () => {
    for (const file of fs.readdirSync(DATA).filter((name) => name.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(DATA, file), 'utf8');
      const lists = [...source.matchAll(/^export const (\w+)(: string)? = "/gm)];
      expect(lists.length, file).toBeGreaterThan(0);
      expect(lists.filter((list) => !list[2]).map((list) => `${file}: ${list[1]}`)).toEqual([]);
    }
  });

  it('leave the built declarations small', () => {
    const declarations = path.join(ROOT, 'dist', 'rules', 'data', 'dst-names.d.ts');
    // npm test builds before it runs: a missing build is a failure here, not a skip.
    expect(fs.existsSync(declarations), 'dist/ is built by `npm test` (tsc) before the tests').toBe(true);
    expect(fs.statSync(declarations).size).toBeLessThan(1024);
  });
});
