// A user's view of the package: `npm pack`ed tarballs installed in new projects, configured with the
// README's own code blocks, so that the documentation cannot drift from what works.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../temporary-tree.js';

export const INSTALL_TIMEOUT = 600_000;

/** The code block in `file` (default the README) that starts with the line `// <name>`, as written there. */
export function readmeBlock(name: string, file = 'README.md'): string {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const block = new RegExp(`\`\`\`js\\n(// ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n[\\s\\S]*?)\`\`\``).exec(text);
  if (!block) throw new Error(`${file} has no \`\`\`js block starting "// ${name}"`);
  return block[1]!;
}

/** The first code block in `language` after `marker` in `file` (default the README). */
export function blockAfter(marker: string, language: string, file = 'README.md'): string {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`${file} has no "${marker}"`);
  const block = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(text.slice(at));
  if (!block) throw new Error(`${file} has no \`\`\`${language} block after "${marker}"`);
  return block[1]!;
}

/** `npm pack` of a folder of this repository into `into` (built already: no scripts run); the tarball's path. */
export function pack(folder: string, into: string): string {
  const name = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', into], { cwd: folder, encoding: 'utf8' }).trim().split('\n').pop()!;
  return path.join(into, name);
}
