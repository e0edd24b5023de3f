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
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = (relative) => fileURLToPath(new URL(`../dist/${relative}`, import.meta.url));

rmSync(dist('bundle'), { recursive: true, force: true });
const { metafile } = await build({
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
  // The licences of the code bundled stay with it: the few packages that carry a licence comment
  // keep it, and every package bundled is named in THIRD_PARTY_LICENSES with its licence's text.
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});

/** Each package whose code is in the bundles, by the folder it was read from in node_modules. */
function bundledPackages() {
  const filesByFolder = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split(path.sep).join('/'));
    if (match) filesByFolder.set(match[1], [...(filesByFolder.get(match[1]) ?? []), input]);
  }
  return [...filesByFolder].map(([folder, files]) => {
    const { name, version, license, licenses } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(folder).find((file) => /^(?:licen[cs]e|copying)(?:[.-]|$)/i.test(file));
    // A package without a licence file says it in its readme (`isarray`) or its source (`format`).
    const readme = readdirSync(folder).find((file) => /^readme(?:\.|$)/i.test(file));
    const readmeSection = readme && /^#+ *Licen[cs]e *\n([\s\S]*?)(?=^#|(?![\s\S]))/im.exec(readFileSync(path.join(folder, readme), 'utf8'))?.[1]?.trim();
    const text = licenceFile
      ? readFileSync(path.join(folder, licenceFile), 'utf8').trim()
      : readmeSection || files.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((line) => /copyright|licen[cs]e/i.test(line)).map((line) => line.trim())).join('\n');
    if (!text) throw new Error(`${name} is bundled, and says nowhere under what licence`);
    return { name, version, license: license ?? licenses?.map((entry) => entry.type).join(' OR '), text };
  }).sort((a, b) => (a.name < b.name ? -1 : 1));
}

const notices = bundledPackages().map(({ name, version, license, text }) => `${name} ${version} (${license})\n\n${text}\n`);
writeFileSync(
  dist('bundle/THIRD_PARTY_LICENSES'),
  `The bundles in this folder hold code of the following packages, each under its licence.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
);
