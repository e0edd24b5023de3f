// Copies pdfjs's two Node modules and its licence from the pdfjs-dist package (a development
// dependency) into dist/vendor/pdfjs: the package ships them, not pdfjs-dist, whose optional native
// canvas (33 MB) only draws pages. Run by `npm run build` after tsc.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const target = fileURLToPath(new URL('../dist/vendor/pdfjs/', import.meta.url));
mkdirSync(target, { recursive: true });
for (const [from, to] of [
  ['legacy/build/pdf.mjs', 'pdf.mjs'],
  ['legacy/build/pdf.worker.mjs', 'pdf.worker.mjs'],
  ['LICENSE', 'LICENSE'],
]) {
  copyFileSync(path.join(root, from), path.join(target, to));
}
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
writeFileSync(path.join(target, 'README.md'), `pdfjs-dist ${version} (https://github.com/mozilla/pdf.js), Apache License 2.0 (LICENSE): its legacy build's pdf.mjs and pdf.worker.mjs, as published.\n`);
