/* eslint-disable cprlint/no-cpr-number -- the workspace holds made-up numbers for the server to find */
// The language server driven over its standard input and output by vscode-jsonrpc, the library
// VS Code's own client speaks through: the whole protocol surface cprlint offers, as an editor
// meets it (initialize, open, change, push and pull diagnostics, code actions, a workspace scan,
// configuration changes, shutdown).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { afterEach, describe, expect, it } from 'vitest';
import { makePdf } from './made-documents.js';
import { ROOT, temporaryTree } from './temporary-tree.js';

const SERVER = path.join(ROOT, 'bin', 'cprlint-language-server.js');
const NUMBER = '150385-2000';

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code?: string;
  codeDescription?: { href: string };
  source: string;
  message: string;
}

interface TextEdit {
  range: Diagnostic['range'];
  newText: string;
}

interface Server {
  connection: MessageConnection;
  child: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` that pass `accept`. */
  published(uri: string, accept?: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** Every notification of $/progress, in order. */
  progress: unknown[];
  /** What the server answered to initialize. */
  initialized: { capabilities: Record<string, unknown>; serverInfo: { name: string; version: string } };
  stderr: () => string;
}

const running: Server[] = [];

afterEach(() => {
  for (const server of running.splice(0)) {
    server.connection.dispose();
    server.child.kill();
  }
});

/** Starts the server in `workspace`, as a client that pulls diagnostics (VS Code) or takes them pushed (older clients). */
async function startServer(workspace: string, mode: 'push' | 'pull', initializationOptions: Record<string, unknown> = {}): Promise<Server> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, Diagnostic[]>();
  const waiting: { uri: string; accept: (diagnostics: Diagnostic[]) => boolean; resolve: (diagnostics: Diagnostic[]) => void }[] = [];
  const progress: unknown[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
    latest.set(params.uri, params.diagnostics);
    for (const waiter of [...waiting]) {
      if (waiter.uri === params.uri && waiter.accept(params.diagnostics)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  connection.onNotification('$/progress', (params: unknown) => progress.push(params));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const server: Server = {
    connection,
    child,
    progress,
    initialized: { capabilities: {}, serverInfo: { name: '', version: '' } },
    stderr: () => stderr,
    published: (uri, accept = () => true) =>
      new Promise((resolve) => {
        waiting.push({ uri, accept, resolve });
      }),
  };
  running.push(server);
  const capabilities = {
    workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
    window: { workDoneProgress: true },
    textDocument: mode === 'pull' ? { diagnostic: { dynamicRegistration: false } } : { publishDiagnostics: { versionSupport: true } },
  };
  const result = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'site' }],
    capabilities,
    initializationOptions,
  })) as Server['initialized'];
  server.initialized = result;
  await connection.sendNotification('initialized', {});
  return server;
}

const uriOf = (workspace: string, relative: string): string => pathToFileURL(path.join(workspace, relative)).href;

async function open(server: Server, workspace: string, relative: string, languageId: string): Promise<string> {
  const uri = uriOf(workspace, relative);
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId, version: 1, text: fs.readFileSync(path.join(workspace, relative), 'utf8') },
  });
  return uri;
}

/** `text` with `edits` applied, as an editor applies a workspace edit. */
function applied(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (position: TextEdit['range']['start']) => lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

const SITE = {
  'side.md': `# Ansøgning\n\nAnsøgerens CPR-nummer: ${NUMBER}\n`,
  'public/index.html': `<p>Ansøger: ${NUMBER}</p>\n`,
  'data/sag.json': `{"titel": "Sag", "cpr": "${NUMBER}"}\n`,
  'config.yaml': `ansøger_cpr: ${NUMBER}\n`,
  'noter.txt': `Ansøger ${NUMBER}\n`,
};

/** The SITE workspace, a pushing server, and side.md open with its one finding pushed. */
async function sideOpened(): Promise<{ workspace: string; server: Server; uri: string; diagnostics: Diagnostic[] }> {
  const workspace = temporaryTree(SITE);
  const server = await startServer(workspace, 'push');
  const uri = uriOf(workspace, 'side.md');
  const published = server.published(uri);
  await open(server, workspace, 'side.md', 'markdown');
  const diagnostics = await published;
  expect(diagnostics).toHaveLength(1);
  return { workspace, server, uri, diagnostics };
}

describe('the language server, through a JSON-RPC client over stdio', () => {
  it('states what it offers', async () => {
    const workspace = temporaryTree(SITE);
    const server = await startServer(workspace, 'pull');
    expect(server.initialized).toEqual({
      capabilities: {
        textDocumentSync: 2,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: ['cprlint.allowValue'] },
        diagnosticProvider: { identifier: 'cprlint', interFileDependencies: false, workspaceDiagnostics: true },
      },
      serverInfo: { name: 'cprlint', version: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version },
    });
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: await open(server, workspace, 'side.md', 'markdown') } })) as { kind: string; items: Diagnostic[] };
    expect(report.kind).toBe('full');
    expect(report.items.map((diagnostic) => diagnostic.code)).toEqual(['no-cpr-number']);
  });

  it('pushes diagnostics for every kind of text file as it is opened: place, rule, level, docs link, redacted message', async () => {
    const workspace = temporaryTree(SITE);
    const server = await startServer(workspace, 'push');
    const kinds: [string, string, number][] = [
      ['side.md', 'markdown', 2],
      ['public/index.html', 'html', 0],
      ['data/sag.json', 'json', 0],
      ['config.yaml', 'yaml', 0],
      ['noter.txt', 'plaintext', 0],
    ];
    for (const [relative, languageId, line] of kinds) {
      const uri = uriOf(workspace, relative);
      const published = server.published(uri);
      await open(server, workspace, relative, languageId);
      const diagnostics = await published;
      expect(diagnostics, relative).toHaveLength(1);
      const [diagnostic] = diagnostics;
      const text = fs.readFileSync(path.join(workspace, relative), 'utf8').split('\n')[line]!;
      expect(diagnostic!.range, relative).toEqual({ start: { line, character: text.indexOf(NUMBER) }, end: { line, character: text.indexOf(NUMBER) + NUMBER.length } });
      expect(diagnostic).toMatchObject({
        severity: 1,
        code: 'no-cpr-number',
        source: 'cprlint',
        codeDescription: { href: expect.stringMatching(/docs\/rules\/no-cpr-number\.md$/) },
      });
      expect(diagnostic!.message).toContain('1503XX-XXXX');
      expect(JSON.stringify(diagnostics)).not.toContain(NUMBER);
    }
  });

  it('diagnoses the unsaved buffer as it changes', async () => {
    const { workspace, server, uri } = await sideOpened();
    const cleared = server.published(uri, (diagnostics) => diagnostics.length === 0);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 23 }, end: { line: 2, character: 34 } }, text: 'oplyses ved henvendelse' }],
    });
    expect(await cleared).toEqual([]);
    const again = server.published(uri, (diagnostics) => diagnostics.length === 1);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: `Barnets cpr: ${NUMBER}\n` }] });
    expect((await again)[0]!.range.start).toEqual({ line: 0, character: 13 });
  });

  it('offers a placeholder and a disable comment in the file\'s own comment syntax, and each works', async () => {
    const workspace = temporaryTree(SITE);
    const server = await startServer(workspace, 'push');
    for (const [relative, languageId, comment] of [
      ['side.md', 'markdown', '<!-- cprlint-disable-next-line no-cpr-number -- why this is no personal data -->'],
      ['public/index.html', 'html', '<!-- cprlint-disable-next-line no-cpr-number -- why this is no personal data -->'],
      // YAML has no comment line that is safe everywhere (a block scalar would publish it): none is offered.
      ['config.yaml', 'yaml', undefined],
    ] as const) {
      const uri = uriOf(workspace, relative);
      const published = server.published(uri);
      await open(server, workspace, relative, languageId);
      const [diagnostic] = await published;
      const actions = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic!.range,
        context: { diagnostics: [diagnostic] },
      })) as { title: string; kind: string; edit?: { changes: Record<string, TextEdit[]> } }[];
      expect(actions.map((action) => action.title)).toEqual([
        'Replace the number with XXXXXX-XXXX',
        'Allow this number in the project (adds its hash to the configuration\'s allowlist)',
        ...(comment ? ['Disable no-cpr-number for this line (with a reason to fill in)'] : []),
      ]);
      const text = fs.readFileSync(path.join(workspace, relative), 'utf8');
      const edited = actions.filter((action) => action.edit).map((action) => applied(text, action.edit!.changes[uri]!));
      expect(edited[0]).toBe(text.replace(NUMBER, 'XXXXXX-XXXX'));
      if (comment) expect(edited[1]!.split('\n')).toContain(comment);
      // Each edit, made in the buffer, leaves nothing to report.
      for (const [version, editedText] of edited.entries()) {
        const cleared = server.published(uri, (diagnostics) => diagnostics.length === 0);
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: version + 2 }, contentChanges: [{ text: editedText }] });
        expect(await cleared).toEqual([]);
      }
    }
  });

  it('allows a number in the project by its hash, in the configuration the command line reads, when asked', async () => {
    const { workspace, server, uri, diagnostics: [diagnostic] } = await sideOpened();
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } })) as {
      title: string;
      command?: { command: string; arguments: unknown[] };
    }[];
    const allow = actions.find((action) => action.command)!.command!;
    // Offering it writes nothing: only choosing it does.
    expect(fs.existsSync(path.join(workspace, '.cprlintrc.json'))).toBe(false);
    const cleared = server.published(uri, (diagnostics) => diagnostics.length === 0);
    await server.connection.sendRequest('workspace/executeCommand', { command: allow.command, arguments: allow.arguments });
    expect(await cleared).toEqual([]);
    const config = fs.readFileSync(path.join(workspace, '.cprlintrc.json'), 'utf8');
    expect(config).not.toContain(NUMBER);
    expect(config).not.toContain('1503852000');
    expect(JSON.parse(config).allowlist).toEqual({ salt: expect.any(String), cost: 15, values: [expect.any(String)] });
    // The command line reads the same configuration: the number is allowed there too.
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cprlint.js'), '--format', 'json', 'side.md'], { cwd: workspace, encoding: 'utf8' });
    expect(cli.status).toBe(0);
  });

  it('scans the workspace for the Problems panel: documents at their page, ignore files honoured, progress reported', async () => {
    const workspace = temporaryTree({
      ...SITE,
      'public/afgoerelse.pdf': makePdf([['Side et'], [`Ansøger ${NUMBER}`]]),
      'kladder/udkast.md': `CPR ${NUMBER}\n`,
      '.cprlintignore': 'kladder/\n',
    });
    const server = await startServer(workspace, 'pull');
    const result = (await server.connection.sendRequest('workspace/diagnostic', { previousResultIds: [], workDoneToken: 'scan-1' })) as {
      items: { uri: string; items: Diagnostic[] }[];
    };
    const byFile = Object.fromEntries(result.items.map((item) => [path.relative(workspace, new URL(item.uri).pathname), item.items.map((diagnostic) => diagnostic.message.split(':')[0])]));
    expect(Object.keys(byFile).sort()).toEqual(['config.yaml', 'data/sag.json', 'noter.txt', 'public/afgoerelse.pdf', 'public/index.html', 'side.md']);
    expect(byFile['public/afgoerelse.pdf']).toEqual(['Page 2']);
    expect(JSON.stringify(result)).not.toContain(NUMBER);
    const kinds = server.progress.map((entry) => (entry as { token: string; value: { kind: string } }).value.kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds.at(-1)).toBe('end');
  });

  it('finds numbers in the names of files and of the folders above them, in open documents and the workspace scan, with no fix to the text', async () => {
    const workspace = temporaryTree({ [`sager/${NUMBER}/notat.md`]: 'Tekst uden numre.\n', [`ansoegning_${NUMBER}.md`]: 'Tekst uden numre.\n', 'ren.md': 'Tekst.\n' });
    const server = await startServer(workspace, 'push');
    const uri = uriOf(workspace, `sager/${NUMBER}/notat.md`);
    const published = server.published(uri);
    await open(server, workspace, `sager/${NUMBER}/notat.md`, 'markdown');
    const [diagnostic, ...more] = await published;
    expect(more).toEqual([]);
    expect(diagnostic).toMatchObject({ code: 'no-cpr-number', range: { start: { line: 0, character: 0 } }, message: expect.stringMatching(/^In the file name: /) });
    expect(diagnostic!.message).not.toContain(NUMBER);
    const actions = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic] },
    });
    expect(actions).toEqual([]);
    const pulled = await startServer(workspace, 'pull');
    const result = (await pulled.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items: Diagnostic[] }[] };
    const byFile = Object.fromEntries(result.items.map((item) => [decodeURIComponent(path.relative(workspace, new URL(item.uri).pathname)), item.items.map((each) => each.message.split(':')[0])]));
    expect(byFile).toEqual({ [`ansoegning_${NUMBER}.md`]: ['In the file name'], [`sager/${NUMBER}/notat.md`]: ['In the file name'] });
  });

  it('serves the workspace scan from the project\'s cache when it keeps one, and keeps it up to date', async () => {
    const workspace = temporaryTree(SITE);
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cprlint.js'), '--cache', '--format', 'json', '.'], { cwd: workspace, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    const cached = () => (JSON.parse(fs.readFileSync(path.join(workspace, '.cprlintcache'), 'utf8')) as { files: Record<string, unknown> }).files;
    const entries = () => Object.keys(cached()).length;
    const before = entries();
    const entriesBefore = cached();
    fs.writeFileSync(path.join(workspace, 'ny.md'), 'Åbningstider.\n');
    const server = await startServer(workspace, 'pull');
    const result = (await server.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items: Diagnostic[] }[] };
    expect(result.items.filter((item) => item.items.length > 0)).toHaveLength(5);
    // The new file was scanned and recorded; the others came from the cache as the CLI left it.
    expect(entries()).toBe(before + 1);
    // Under the same keys and settings as the command line's: served, not scanned again under others.
    expect(cached()).toMatchObject(entriesBefore);
    // Proof that reports come from the cache: one changed in it is what the next scan says.
    const file = path.join(workspace, '.cprlintcache');
    const cache = JSON.parse(fs.readFileSync(file, 'utf8')) as { files: Record<string, { report?: { findings: { message: string }[] } }> };
    const withReport = Object.values(cache.files).find((entry) => entry.report?.findings.length)!;
    withReport.report!.findings[0]!.message = 'served from the cache';
    fs.writeFileSync(file, JSON.stringify(cache));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(workspace, 'ny.md')).href, type: 2 }] });
    const again = (await server.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { items: Diagnostic[] }[] };
    expect(again.items.flatMap((item) => item.items.map((diagnostic) => diagnostic.message))).toContain('served from the cache');
    expect(fs.readFileSync(path.join(workspace, '.cprlintcache'), 'utf8')).not.toContain(NUMBER);
  });

  it('reads the configuration again when it changes, and shows a broken one on its file without dying', async () => {
    const { workspace, server, uri } = await sideOpened();

    const configFile = path.join(workspace, '.cprlintrc.json');
    fs.writeFileSync(configFile, '{"rules": {"no-cpr-number": "warn"}}\n');
    const warned = server.published(uri, (diagnostics) => diagnostics[0]?.severity === 2);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 1 }] });
    expect(await warned).toHaveLength(1);

    fs.writeFileSync(configFile, '{"rules": {"no-cpr-number": "sometimes"}}\n');
    const broken = server.published(pathToFileURL(configFile).href);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 2 }] });
    const [problem] = await broken;
    expect(problem).toMatchObject({ severity: 1, source: 'cprlint' });
    expect(problem!.message).toMatch(/no-cpr-number/);

    fs.writeFileSync(configFile, '{"rules": {"no-cpr-number": "error"}}\n');
    const mended = server.published(pathToFileURL(configFile).href, (diagnostics) => diagnostics.length === 0);
    const errorAgain = server.published(uri, (diagnostics) => diagnostics[0]?.severity === 1);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 2 }] });
    expect(await mended).toEqual([]);
    expect(await errorAgain).toHaveLength(1);
    expect(server.stderr()).toBe('');
  });

  it('never pushes to a client that pulls', async () => {
    const workspace = temporaryTree(SITE);
    const server = await startServer(workspace, 'pull');
    let pushed = 0;
    server.connection.onNotification('textDocument/publishDiagnostics', () => (pushed += 1));
    const uri = await open(server, workspace, 'side.md', 'markdown');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `CPR ${NUMBER}\n` }] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pushed).toBe(0);
  });

  it('clears in the workspace scan what it reported before and is ignored, clean or gone since; waits for a change before scanning again', async () => {
    const workspace = temporaryTree(SITE);
    const server = await startServer(workspace, 'pull');
    const scan = async () =>
      Object.fromEntries(
        ((await server.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items: Diagnostic[] }[] }).items.map((item) => [
          path.relative(workspace, new URL(item.uri).pathname),
          item.items.length,
        ]),
      );
    expect(await scan()).toMatchObject({ 'side.md': 1, 'noter.txt': 1, 'config.yaml': 1 });
    // Nothing changed: the next scan waits, and is answered only once something does.
    let answered = false;
    const next = scan().then((result) => ((answered = true), result));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBe(false);
    fs.writeFileSync(path.join(workspace, '.cprlintignore'), 'side.md\n');
    fs.writeFileSync(path.join(workspace, 'noter.txt'), 'Intet her.\n');
    fs.rmSync(path.join(workspace, 'config.yaml'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(workspace, '.cprlintignore')).href, type: 1 }] });
    expect(await next).toMatchObject({ 'side.md': 0, 'noter.txt': 0, 'config.yaml': 0 });
  });

  it('goes on when a package.json is no JSON, showing the error on that file; errors it tells hold no number', async () => {
    const workspace = temporaryTree(SITE);
    const server = await startServer(workspace, 'push');
    const packageJson = path.join(workspace, 'package.json');
    fs.writeFileSync(packageJson, '{"name": "site",}\n');
    const broken = server.published(pathToFileURL(packageJson).href);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(packageJson).href, type: 1 }] });
    await open(server, workspace, 'side.md', 'markdown');
    expect((await broken)[0]!.message).toMatch(/package\.json: not valid JSON/);
    // A document the server cannot read from disk, at a path that holds a number: answered, redacted.
    const odd = `file:///etc/hostname/${NUMBER}.pdf`;
    const report = await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: odd } });
    expect(JSON.stringify(report)).not.toContain(NUMBER);
    // Still alive: it answers.
    expect(await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(workspace, 'side.md') }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).toEqual([]);
    expect(server.stderr()).not.toContain(NUMBER);
  });

  it('shuts down and exits when its client says so', async () => {
    const server = await startServer(temporaryTree(SITE), 'pull');
    const exited = new Promise<number | null>((resolve) => server.child.on('exit', resolve));
    await server.connection.sendRequest('shutdown');
    await server.connection.sendNotification('exit');
    expect(await exited).toBe(0);
  });
});
