import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// dist/src/version.js when built (or the bundle of the commands, dist/bundle/*.js), src/version.ts
// when tests import the source.
const packageJson = ['../../package.json', '../package.json']
  .map((relative) => new URL(relative, import.meta.url))
  .find((url) => existsSync(url) && (JSON.parse(readFileSync(url, 'utf8')) as { name?: string }).name === 'cprlint');

/**
 * The package's folder (where its package.json is), for the files it ships beside its code
 * (dist/vendor): wherever the code runs from, compiled, bundled or as sources.
 */
export const PACKAGE_ROOT: string | undefined = packageJson && fileURLToPath(new URL('.', packageJson));

/** The package's version, from its package.json. */
export const VERSION: string = packageJson ? (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version : '0.0.0';
