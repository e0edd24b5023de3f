/* eslint-disable cprlint/no-cpr-number -- the workspace holds made-up numbers for the editor to show */
// The extension in a real VS Code: code-server's build of VS Code 1.139 (the workbench and a
// remote extension host), with the .vsix built from editors/vscode installed into it, driven by
// Debian's chromium through playwright-core. What a writer sees: squiggles under planted numbers in
// Markdown, HTML and JSON, the rows of the Problems panel, a quick fix that changes the text, and
// the diagnostics changing when the configuration does. Screenshots go to test-artifacts/editor/.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, temporaryTree } from '../temporary-tree.js';
import { CHROMIUM, editorTools, missingSystemTools, packageExtension, type EditorTools } from './editor-tools.js';

const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'editor');
const NUMBER = '150385-2000';

// Minimal shapes of what playwright-core gives, loaded from the tools' cache at run time.
interface Locator {
  first(): Locator;
  click(options?: Record<string, unknown>): Promise<void>;
  waitFor(options?: Record<string, unknown>): Promise<void>;
  allInnerTexts(): Promise<string[]>;
  count(): Promise<number>;
  innerText(): Promise<string>;
}
interface Page {
  goto(url: string, options?: Record<string, unknown>): Promise<unknown>;
  locator(selector: string, options?: Record<string, unknown>): Locator;
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  screenshot(options: { path: string }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
}
interface Browser {
  newPage(options?: Record<string, unknown>): Promise<Page>;
  close(): Promise<void>;
}

const missing = missingSystemTools();

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`code-server did not answer at ${url}`);
}

describe.skipIf(missing.length > 0 && !process.env.CI)('the VS Code extension in a real VS Code (code-server)', () => {
  let tools: EditorTools;
  let codeServer: ChildProcess;
  let browser: Browser;
  let page: Page;
  let workspace: string;
  let serverLog = '';

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`the editor test needs ${missing.join(' and ')}`);
    tools = editorTools();
    const home = temporaryTree({});
    const vsix = path.join(home, 'cprlint.vsix');
    packageExtension(tools, path.join(ROOT, 'editors', 'vscode'), vsix);
    const extensions = path.join(home, 'extensions');
    const userData = path.join(home, 'user-data');
    const codeServerArgs = ['--extensions-dir', extensions, '--user-data-dir', userData];
    const installed = spawn(tools.node, [tools.codeServer, ...codeServerArgs, '--install-extension', vsix], { stdio: 'pipe' });
    await new Promise((resolve) => installed.on('exit', resolve));
    expect(fs.readdirSync(extensions).some((name) => name.startsWith('cprlint.cprlint-vscode'))).toBe(true);

    workspace = temporaryTree({
      'side.md': `# Ansøgning\n\nAnsøgerens CPR-nummer: ${NUMBER}\n`,
      'index.html': `<!doctype html>\n<p>Ansøger: ${NUMBER}</p>\n`,
      'sag.json': `{\n  "titel": "Sag",\n  "cpr": "${NUMBER}"\n}\n`,
    });
    // The project's own cprlint, as `npm install --save-dev cprlint` leaves it.
    fs.mkdirSync(path.join(workspace, 'node_modules'));
    fs.symlinkSync(ROOT, path.join(workspace, 'node_modules', 'cprlint'));
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(
      path.join(userData, 'User', 'settings.json'),
      JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'telemetry.telemetryLevel': 'off', 'security.workspace.trust.enabled': false }),
    );

    const port = await freePort();
    codeServer = spawn(
      tools.node,
      [tools.codeServer, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ...codeServerArgs, workspace],
      { stdio: 'pipe' },
    );
    codeServer.stdout!.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
    codeServer.stderr!.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, Date.now() + 60_000);

    const { chromium } = createRequire(import.meta.url)(tools.playwright) as { chromium: { launch(options: Record<string, unknown>): Promise<Browser> } };
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 120_000 });
  });

  afterAll(async () => {
    await browser?.close();
    codeServer?.kill();
    if (serverLog) fs.writeFileSync(path.join(ARTIFACTS, 'code-server.log'), serverLog);
  });

  /** Opens a file from the Explorer and waits for a squiggle of `kind` in its editor. */
  async function openAndWait(name: string, kind: 'error' | 'warning'): Promise<void> {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await page.locator(`.editor-instance .monaco-editor .squiggly-${kind}`).first().waitFor({ timeout: 120_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${kind}.png`) });
  }

  it('underlines the planted number in Markdown, HTML and JSON, and lists each in the Problems panel', async () => {
    for (const name of ['side.md', 'index.html', 'sag.json']) await openAndWait(name, 'error');
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(ARTIFACTS, 'problems.png') });
    const text = (await rows.allInnerTexts()).join('\n');
    for (const name of ['side.md', 'index.html', 'sag.json']) expect(text).toContain(name);
    expect(text).toContain('1503XX-XXXX');
    expect(text).toContain('no-cpr-number');
    expect(text).not.toContain(NUMBER);
  });

  it('replaces the number with the placeholder through the quick fix', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'side.md' }).first().click();
    // The quick fix is offered for a diagnostic under the cursor: side.md's squiggle must be drawn
    // first (on a loaded machine the editor can show the file before its diagnostics are back).
    await page.locator('.tabs-container .tab.active', { hasText: 'side.md' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: 120_000 });
    // The cursor into the number: click its line, go to the end (where the number ends), two back.
    await page.locator('.editor-instance .view-line', { hasText: NUMBER }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace the number with XXXXXX-XXXX' });
    await fix.first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'quick-fix.png') });
    await fix.first().click();
    await page.locator('.editor-instance .view-lines', { hasText: 'XXXXXX-XXXX' }).first().waitFor({ timeout: 30_000 });
    // Monaco draws spaces as no-break spaces.
    const shown = (await page.locator('.editor-instance .view-lines').first().innerText()).replaceAll('\u00a0', ' ');
    expect(shown).toContain('Ansøgerens CPR-nummer: XXXXXX-XXXX');
    expect(shown).not.toContain(NUMBER);
    await page.screenshot({ path: path.join(ARTIFACTS, 'after-quick-fix.png') });
  });

  it('follows a change to the configuration file', async () => {
    fs.writeFileSync(path.join(workspace, '.cprlintrc.json'), '{"rules": {"no-cpr-number": "warn"}}\n');
    await openAndWait('index.html', 'warning');
    expect(await page.locator('.editor-instance .monaco-editor .squiggly-error').count()).toBe(0);
  });
});

if (missing.length > 0 && !process.env.CI) process.stderr.write(`skipped: the editor test needs ${missing.join(' and ')}\n`);
