// Section: the language server as an editor meets it. How long after the last keystroke a 100 kB
// Markdown or HTML buffer's diagnostics arrive (pushed, the 25 ms wait after a keystroke included),
// and how long a workspace scan of the example site takes. Target (issue 13): 100 ms.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const SERVER = fileURLToPath(new URL('../bin/cprlint-language-server.js', import.meta.url));
const EXAMPLE_SITE = fileURLToPath(new URL('../fixtures/example-site', import.meta.url));
const BUFFER_BYTES = 100 * 1024;
const KEYSTROKES = 15;
const MAX_LATENCY_MS = 100;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function startServer(root, mode) {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const listeners = new Set();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    for (const listener of listeners) listener(params);
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'site' }],
    capabilities: mode === 'pull' ? { textDocument: { diagnostic: {} } } : {},
  });
  await connection.sendNotification('initialized', {});
  const published = (uri, version) =>
    new Promise((resolve) => {
      const listener = (params) => {
        if (params.uri !== uri || params.version !== version) return;
        listeners.delete(listener);
        resolve(params.diagnostics);
      };
      listeners.add(listener);
    });
  const stop = async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
  };
  return { connection, published, stop };
}

/** A buffer of about 100 kB from the bench site's pages of one extension, with a number planted at its end. */
function bufferOf(site, extension) {
  let text = '';
  for (const relative of readdirSync(site.root, { recursive: true })) {
    if (path.extname(relative) !== extension) continue;
    text += readFileSync(path.join(site.root, relative), 'utf8');
    if (text.length >= BUFFER_BYTES) break;
  }
  return `${text.slice(0, BUFFER_BYTES)}\n\nAnsøgerens CPR-nummer: 150385-2000\n`;
}

async function latency(site, extension, languageId) {
  const server = await startServer(site.root, 'push');
  const uri = pathToFileURL(path.join(site.root, `bench-buffer${extension}`)).href;
  let text = bufferOf(site, extension);
  let version = 1;
  const first = server.published(uri, version);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  await first;
  const times = [];
  for (let key = 0; key < KEYSTROKES; key++) {
    version += 1;
    // One character typed at the end of the buffer, as a writer types.
    const lines = text.split('\n');
    const position = { line: lines.length - 1, character: lines.at(-1).length };
    text += 'x';
    const arrived = server.published(uri, version);
    const started = performance.now();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: 'x' }],
    });
    const diagnostics = await arrived;
    times.push(performance.now() - started);
    if (diagnostics.length === 0) throw new Error(`no diagnostics for the ${extension} buffer`);
  }
  await server.stop();
  return { bytes: Buffer.byteLength(text), ms: median(times) };
}

async function workspaceScan() {
  const server = await startServer(EXAMPLE_SITE, 'pull');
  const started = performance.now();
  const result = await server.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
  const ms = performance.now() - started;
  await server.stop();
  return { ms, files: result.items.length, findings: result.items.reduce((sum, item) => sum + item.items.length, 0) };
}

export const editorLatency = {
  title: 'the language server: diagnostics after a keystroke in a 100 kB buffer, and a workspace scan',
  async run({ site }) {
    const markdown = await latency(site, '.md', 'markdown');
    const html = await latency(site, '.html', 'html');
    const scan = await workspaceScan();
    const ms = (value) => `${value.toFixed(0)} ms`;
    return {
      rows: [],
      notes: [
        `Markdown buffer, ${(markdown.bytes / 1024).toFixed(0)} kB: diagnostics ${ms(markdown.ms)} after a keystroke (median of ${KEYSTROKES}; the server waits 25 ms after a keystroke before it scans)`,
        `HTML buffer, ${(html.bytes / 1024).toFixed(0)} kB: diagnostics ${ms(html.ms)} after a keystroke (median of ${KEYSTROKES})`,
        `Workspace scan of fixtures/example-site: ${ms(scan.ms)}, ${scan.findings} findings in ${scan.files} files`,
      ],
      targets: [
        { text: `a 100 kB Markdown buffer's diagnostics within ${MAX_LATENCY_MS} ms of the last keystroke (${ms(markdown.ms)})`, met: markdown.ms <= MAX_LATENCY_MS },
        { text: `a 100 kB HTML buffer's diagnostics within ${MAX_LATENCY_MS} ms of the last keystroke (${ms(html.ms)})`, met: html.ms <= MAX_LATENCY_MS },
      ],
    };
  },
};
