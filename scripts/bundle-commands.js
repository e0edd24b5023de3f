// Bundles the two commands (`cprlint` and `cprlint-language-server`) and the scan pool's worker
// into dist/bundle, from tsc's output in dist/src. Run by `npm run build` after tsc.
//
// Why: a command that starts for a pre-commit hook pays for every module Node loads. Unbundled,
// `cprlint --staged` loads 220 ES modules (resolved, read, compiled and linked one by one, most of
// them micromark's and mdast's small files, 50 of them a Markdown writer nothing here calls); a
// bundle is a few files, with the unused code left out. The library's entry points (remark,
// rehype, ESLint, Eleventy) stay unbundled in dist/src, as their hosts import them.
//
// What stays outside the bundle: modules loaded with require() at run time (parse5 and the other
// parsers for one format each, remark-mdx, a user's JavaScript configuration), and pdfjs, read
// from dist/vendor. Code that finds a file beside its own (package.json, the worker's script,
// dist/vendor) looks in both places: dist/src/<folder> and dist/bundle are two levels from the
// package's root and one from dist.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = (relative) => fileURLToPath(new URL(`../dist/${relative}`, import.meta.url));

rmSync(dist('bundle'), { recursive: true, force: true });
await build({
  entryPoints: {
    cli: dist('src/front-ends/cli.js'),
    'language-server': dist('src/front-ends/language-server.js'),
    // Beside the scan pool's code, where it looks for its worker's script.
    'scan-worker': dist('src/project/scan-worker.js'),
  },
  outdir: dist('bundle'),
  bundle: true,
  // Code only some runs need (the walker, report formats, document readers, the language server)
  // stays in chunks of its own, loaded when first needed as before.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Read from dist/vendor/pdfjs when shipped; from the package only when running the sources.
  external: ['pdfjs-dist'],
  // CommonJS packages bundled (vscode-languageserver, jszip, picomatch) call require() for Node's
  // own modules: in an ES module there is none, unless each file makes one.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
  // The licences of the code bundled stay with it.
  legalComments: 'eof',
  logLevel: 'warning',
});
