// A measured child: parses every Markdown or HTML file under a directory with remark or rehype and
// does nothing else. It is the floor that cprlint's full scan is compared to.
//
//   node bench/parse-only.js remark|rehype <directory>
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import rehypeParse from 'rehype-parse';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const PARSERS = {
  remark: { extension: '.md', processor: unified().use(remarkParse) },
  rehype: { extension: '.html', processor: unified().use(rehypeParse) },
};

const [name, root] = process.argv.slice(2);
const parser = PARSERS[name];
if (!parser || !root) {
  process.stderr.write('Usage: node bench/parse-only.js remark|rehype <directory>\n');
  process.exitCode = 2;
} else {
  for (const relative of readdirSync(root, { recursive: true })) {
    if (path.extname(relative) !== parser.extension) continue;
    parser.processor.parse(readFileSync(path.join(root, relative), 'utf8'));
  }
}
