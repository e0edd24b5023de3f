// The language server: cprlint's findings as an editor's diagnostics, for every kind of file the
// command line reads, from the unsaved buffer as the user types. It only wires: the scan, the
// configuration and the walk are the command line's own.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileReport, Finding, Notice } from '../core/finding.js';
import { MASKED_CPR, redactValues } from '../core/findings.js';
import { docsUrl, RuleOptionsError, type RulesSettings } from '../core/rule.js';
import { activeRules } from '../core/rule-settings.js';
import { formatOf, scanText } from '../core/scan.js';
import { DOCUMENT_EXTENSIONS } from '../documents/document.js';
import { allowValue, CONFIG_FILES, ConfigError, findConfigFile, forgetConfigs, settingsFor } from '../project/config.js';
import { scanThroughCache, ScanCache } from '../project/cache.js';
import { scanFile, type FileScanOptions } from '../project/files.js';
import { VERSION } from '../version.js';

/** The wait after a keystroke before a pushed scan: typing on does not scan every key. */
const DEBOUNCE_MS = 25;

/** What a client may set in `initializationOptions` (and the VS Code extension's settings). */
export interface ServerSettings {
  /** Put the full values in messages. Off: messages hold only redacted values. */
  showValues?: boolean;
  /** Rule settings over the configuration file's, as the command line's `--rule`. */
  rules?: RulesSettings;
}

/** Files whose change can change what is found: configurations and ignore files. */
const SETTINGS_FILES = [...CONFIG_FILES, 'package.json', '.cprlintignore', '.gitignore'];

const toPath = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

/** The diagnostic for a finding: its place, rule, level and the rule's page; only redacted values unless asked. */
function findingDiagnostic(finding: Finding, showValues: boolean): Diagnostic {
  const { start, end } = finding.place;
  return {
    range: { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } },
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: 'cprlint',
    message: showValues ? finding.message : redactValues(finding.message),
  };
}

/** The diagnostic for a notice (not scanned, parsed as plain text, an unused directive): at its place, or the file's start. */
function noticeDiagnostic(notice: Notice, showValues: boolean): Diagnostic {
  const line = (notice.place?.line ?? 1) - 1;
  const character = (notice.place?.column ?? 1) - 1;
  return {
    range: { start: { line, character }, end: { line, character } },
    severity: notice.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'cprlint',
    message: showValues ? notice.message : redactValues(notice.message),
  };
}

function diagnosticsOf(report: FileReport, showValues: boolean): Diagnostic[] {
  return [...report.notices.map((notice) => noticeDiagnostic(notice, showValues)), ...report.findings.map((finding) => findingDiagnostic(finding, showValues))];
}

/** How a file's own syntax writes a one-line comment around `text`; undefined where it has none (JSON, CSV). */
function commentLine(filePath: string, text: string): string | undefined {
  const extension = path.extname(filePath).toLowerCase();
  if (extension === '.mdx') return `{/* ${text} */}`;
  if (['.md', '.markdown', '.html', '.htm', '.xml', '.svg', '.vue', '.svelte', '.astro', '.rss', '.atom'].includes(extension)) return `<!-- ${text} -->`;
  if (['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'].includes(extension)) return `// ${text}`;
  if (extension === '.css') return `/* ${text} */`;
  if (['.yml', '.yaml', '.toml', '.txt', '.ics', '.vcf', ''].includes(extension)) return `# ${text}`;
  return undefined;
}

/** The command that adds a finding's value to the project's allowlist, by its hash. */
const ALLOW_COMMAND = 'cprlint.allowValue';

/** The quick fixes for one diagnostic of cprlint's in `document`. Never applied without the user. */
function codeActionsFor(document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const actions: CodeAction[] = [];
  const rule = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
  if (!rule) return actions;
  if (rule === 'no-cpr-number') {
    actions.push({
      title: `Replace the number with ${MASKED_CPR}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [document.uri]: [{ range: diagnostic.range, newText: MASKED_CPR }] } },
    });
    // Run only when chosen: it makes the project's salt if there is none, and hashes (scrypt).
    actions.push({
      title: 'Allow this number in the project (adds its hash to the configuration\'s allowlist)',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Allow this number', command: ALLOW_COMMAND, arguments: [document.uri, diagnostic.range] },
    });
  }
  const filePath = toPath(document.uri) ?? document.uri;
  const line = diagnostic.range.start.line;
  const indent = /^[ \t]*/.exec(document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))![0];
  const comment = commentLine(filePath, `cprlint-disable-next-line ${rule} -- why this is no personal data`);
  if (comment) {
    actions.push({
      title: `Disable ${rule} for this line (with a reason to fill in)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${comment}\n` }] } },
    });
  }
  return actions;
}

/**
 * The connection to the client: standard input and output, unless the command line asks for
 * another transport as vscode-languageserver reads it (`--node-ipc`, `--socket=<port>`).
 */
function defaultConnection(): Connection {
  const otherTransport = process.argv.some((argument) => argument === '--node-ipc' || argument.startsWith('--socket') || argument.startsWith('--pipe'));
  return otherTransport ? createConnection() : createConnection(process.stdin, process.stdout);
}

/** Starts the language server, on standard input and output unless told otherwise. */
export function startLanguageServer(connection: Connection = defaultConnection()): void {
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = {};
  let pullsDiagnostics = false;
  let workspaceFolders: string[] = [];
  const pending = new Map<string, NodeJS.Timeout>();
  // Configuration files that held an error, so that their diagnostic is cleared once they are mended.
  const brokenConfigs = new Set<string>();
  // Files the last workspace scan reported on: a file found clean since gets an empty report.
  let reportedInWorkspace = new Set<string>();

  /** The scan options for a file, from the configuration that governs it; a broken one shows on its file. */
  const optionsFor = (filePath: string): (FileScanOptions & { ignored: boolean }) | undefined => {
    try {
      const found = settingsFor(filePath);
      const rules = found.rules || settings.rules ? { ...found.rules, ...settings.rules } : undefined;
      return {
        showValues: settings.showValues === true,
        ...(rules ? { rules } : {}),
        ...(found.allowlist ? { allowlist: found.allowlist } : {}),
        ...(found.maxFileSize ? { maxFileSize: found.maxFileSize } : {}),
        ignored: found.ignored,
      };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const configFile = findConfigFile(filePath);
      if (configFile) {
        brokenConfigs.add(configFile);
        void connection.sendDiagnostics({
          uri: pathToFileURL(configFile).href,
          diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'cprlint', message: redactValues(error.message) }],
        });
      }
      return undefined;
    }
  };

  /** The diagnostics of an open document, from its text as it stands in the editor. */
  const diagnoseDocument = (document: TextDocument): Diagnostic[] => {
    const filePath = toPath(document.uri) ?? document.uri;
    const options = optionsFor(filePath);
    if (!options || options.ignored) return [];
    const report = scanText(document.getText(), { ...options, filePath, format: formatOf(filePath) ?? 'text' });
    return diagnosticsOf(report, options.showValues === true);
  };

  const push = (document: TextDocument): void => {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnoseDocument(document) });
  };

  const schedulePush = (document: TextDocument): void => {
    if (pullsDiagnostics) return;
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) push(current);
      }, DEBOUNCE_MS),
    );
  };

  /** Reads the configuration afresh and lints again what the editor shows. */
  const settingsChanged = (): void => {
    forgetConfigs();
    for (const configFile of brokenConfigs) void connection.sendDiagnostics({ uri: pathToFileURL(configFile).href, diagnostics: [] });
    brokenConfigs.clear();
    if (pullsDiagnostics) connection.languages.diagnostics.refresh();
    else for (const document of documents.all()) push(document);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings = (params.initializationOptions as ServerSettings | undefined) ?? {};
    try {
      activeRules(settings.rules);
    } catch (error) {
      // The editor's rule settings are wrong: say so, and go on with the configuration file's.
      if (!(error instanceof RuleOptionsError)) throw error;
      void connection.window.showErrorMessage(`cprlint: the editor's rule settings are ignored: ${error.message}`);
      settings = { ...settings, rules: undefined };
    }
    pullsDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.map(toPath).filter((folder): folder is string => folder !== undefined);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [ALLOW_COMMAND] },
        diagnosticProvider: { identifier: 'cprlint', interFileDependencies: false, workspaceDiagnostics: true },
      },
      serverInfo: { name: 'cprlint', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    // Configuration and ignore files, and documents, changed on disk: the client tells, if it can watch.
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: `**/{${SETTINGS_FILES.join(',')}}` },
          { globPattern: `**/*{${[...DOCUMENT_EXTENSIONS].join(',')}}` },
        ],
      })
      .catch(() => undefined);
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    if (changes.some((change) => SETTINGS_FILES.includes(path.basename(toPath(change.uri) ?? '')))) {
      settingsChanged();
      return;
    }
    if (pullsDiagnostics) {
      connection.languages.diagnostics.refresh();
      return;
    }
    // A document (PDF, Word) changed on disk: its findings, at their page.
    for (const change of changes) {
      const filePath = toPath(change.uri);
      const options = filePath ? optionsFor(filePath) : undefined;
      if (!filePath || !options || options.ignored) continue;
      const report = await scanFile(filePath, options);
      void connection.sendDiagnostics({ uri: change.uri, diagnostics: diagnosticsOf(report, options.showValues === true) });
    }
  });

  documents.onDidOpen(({ document }) => schedulePush(document));
  documents.onDidChangeContent(({ document }) => schedulePush(document));
  documents.onDidClose(({ document }) => {
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    if (!pullsDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (document) return { kind: DocumentDiagnosticReportKind.Full, items: diagnoseDocument(document) };
    // A file the editor shows but does not hold as text (a PDF): read from disk.
    const filePath = toPath(params.textDocument.uri);
    const options = filePath ? optionsFor(filePath) : undefined;
    if (!filePath || !options || options.ignored) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(await scanFile(filePath, options), options.showValues === true) };
  });

  // Every file of the workspace, as `cprlint` would walk it (ignore files, configuration), so that
  // the Problems panel lists findings in files never opened. Open documents are reported from their buffers.
  connection.languages.diagnostics.onWorkspace(async (_params, token, progress) => {
    const { walk } = await import('../project/walk.js');
    const files: string[] = [];
    for (const folder of workspaceFolders) {
      for await (const entry of walk(['.'], folder, false)) if (entry.kind === 'file') files.push(entry.path);
    }
    // A project that keeps a cache (`cprlint --cache`) has its unchanged files served from it.
    const caches = new Map(workspaceFolders.filter((folder) => existsSync(path.join(folder, '.cprlintcache'))).map((folder) => [folder, new ScanCache(path.join(folder, '.cprlintcache'))]));
    const cacheFor = (filePath: string): ScanCache | undefined =>
      // A path that holds a number is never a cache key.
      redactValues(filePath) === filePath ? [...caches].find(([folder]) => !path.relative(folder, filePath).startsWith('..'))?.[1] : undefined;
    progress.begin('cprlint', 0, `Scanning ${files.length} files`, true);
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const reported = new Set<string>();
    for (const [index, filePath] of files.entries()) {
      if (token.isCancellationRequested) break;
      if (index % 50 === 0) progress.report(Math.round((index / Math.max(1, files.length)) * 100), `${index} of ${files.length} files`);
      const uri = pathToFileURL(filePath).href;
      if (documents.get(uri) || [...caches.values()].some((cache) => cache.location === filePath)) continue;
      const options = optionsFor(filePath);
      if (!options || options.ignored) continue;
      const cache = cacheFor(filePath);
      const report = (cache ? await scanThroughCache(filePath, cache, options) : undefined) ?? (await scanFile(filePath, options));
      const diagnostics = diagnosticsOf(report, options.showValues === true);
      if (diagnostics.length === 0 && !reportedInWorkspace.has(uri)) continue;
      if (diagnostics.length > 0) reported.add(uri);
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: diagnostics });
    }
    progress.done();
    for (const cache of caches.values()) cache.save();
    reportedInWorkspace = reported;
    return { items };
  });

  // The value under the range, hashed into the allowlist of the configuration the file's folder
  // reads (a JSON one; a JavaScript configuration is named, not edited). The number itself is never
  // written anywhere.
  connection.onExecuteCommand(({ command, arguments: args }) => {
    if (command !== ALLOW_COMMAND || !args) return;
    const [uri, range] = args as [string, Diagnostic['range']];
    const document = documents.get(uri);
    const filePath = toPath(uri);
    if (!document || !filePath) return;
    const folder = workspaceFolders.find((candidate) => !path.relative(candidate, filePath).startsWith('..')) ?? path.dirname(filePath);
    try {
      allowValue(folder, document.getText(range));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      void connection.window.showErrorMessage(`cprlint: ${redactValues(error.message)}`);
      return;
    }
    settingsChanged();
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    return context.diagnostics.filter((diagnostic) => diagnostic.source === 'cprlint').flatMap((diagnostic) => codeActionsFor(document, diagnostic));
  });

  documents.listen(connection);
  connection.listen();
}
