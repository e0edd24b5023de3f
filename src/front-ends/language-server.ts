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
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileReport, Finding, Notice } from '../core/finding.js';
import { MASKED_CPR, redactValues } from '../core/findings.js';
import { docsUrl, RuleOptionsError, type RulesSettings } from '../core/rule.js';
import { activeRules } from '../core/rule-settings.js';
import { formatOf, scanName, scanText } from '../core/scan.js';
import { DOCUMENT_EXTENSIONS } from '../documents/document.js';
import { allowValue, CONFIG_FILES, ConfigError, findConfigFile, forgetConfigs } from '../project/config.js';
import { scanThroughCache, ScanCache } from '../project/cache.js';
import { scanFile, scanOptionsFor, type FileScanOptions } from '../project/files.js';
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

/** A file URI's path; undefined for any other URI (untitled:, a remote host) or one that does not convert. */
function toPath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

// An unsaved buffer has no file name: its language decides the format it is read in.
const EXTENSION_OF_LANGUAGE: Record<string, string> = {
  markdown: '.md', mdx: '.mdx', html: '.html', json: '.json', jsonc: '.jsonc', xml: '.xml', yaml: '.yaml',
  javascript: '.js', javascriptreact: '.jsx', typescript: '.ts', typescriptreact: '.tsx', css: '.css', csv: '.csv',
};

/** The file a document is, or stands for (an unsaved buffer, by its language). */
const filePathOf = (document: TextDocument): string => toPath(document.uri) ?? `untitled${EXTENSION_OF_LANGUAGE[document.languageId] ?? '.txt'}`;

/** An error's first line, with any number in it redacted: what a client may be told. */
const safeMessage = (error: unknown): string => redactValues((error instanceof Error ? error.message : String(error)).split('\n')[0]!);

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
    data: { kind: finding.kind },
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

/**
 * How a file's own syntax writes a comment on the line above a finding of `kind`, where such a line
 * stays a comment: not inside a code block or front matter (it would be published as text), not in
 * files that mix languages (.vue, .astro, JSX) or have no comments (JSON, CSV, YAML's block scalars,
 * plain text). Undefined where no such comment is safe.
 */
function commentLine(filePath: string, kind: string | undefined, text: string): string | undefined {
  const extension = path.extname(filePath).toLowerCase();
  if (kind === 'code' || kind === 'frontmatter' || kind === 'script' || kind === 'expression') return undefined;
  if (extension === '.mdx') return `{/* ${text} */}`;
  if (['.md', '.markdown', '.html', '.htm'].includes(extension)) return `<!-- ${text} -->`;
  if (['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'].includes(extension)) return `// ${text}`;
  if (extension === '.css') return `/* ${text} */`;
  return undefined;
}

/** The command that adds a finding's value to the project's allowlist, by its hash. */
const ALLOW_COMMAND = 'cprlint.allowValue';

/** The quick fixes for one diagnostic of cprlint's in `document`. Never applied without the user. */
function codeActionsFor(document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const actions: CodeAction[] = [];
  const rule = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
  // A number in the file's name is not in its text: it is for the user to rename the file.
  if (!rule || (diagnostic.data as { kind?: string } | undefined)?.kind === 'filename') return actions;
  if (rule === 'no-cpr-number') {
    actions.push({
      title: `Replace the number with ${MASKED_CPR}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [document.uri]: [{ range: diagnostic.range, newText: MASKED_CPR }] } },
    });
    // Run only when chosen: it makes the project's salt if there is none, and hashes (scrypt). A
    // buffer with no file has no project to allow it in.
    if (toPath(document.uri)) actions.push({
      title: 'Allow this number in the project (adds its hash to the configuration\'s allowlist)',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Allow this number', command: ALLOW_COMMAND, arguments: [document.uri, document.version, diagnostic.range] },
    });
  }
  const filePath = filePathOf(document);
  const line = diagnostic.range.start.line;
  const indent = /^[ \t]*/.exec(document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))![0];
  const kind = (diagnostic.data as { kind?: string } | undefined)?.kind;
  const comment = commentLine(filePath, kind, `cprlint-disable-next-line ${rule} -- why this is no personal data`);
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
  // What escapes every handler's guard is still told in one redacted line: never a stack with a
  // path or a value in it.
  process.on('unhandledRejection', (error) => connection.console.error(`cprlint: ${safeMessage(error)}`));
  process.on('uncaughtException', (error) => {
    process.stderr.write(`cprlint-language-server: ${safeMessage(error)}\n`);
    process.exit(1);
  });
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = {};
  let pullsDiagnostics = false;
  let canRefresh = false;
  let workspaceFolders: string[] = [];
  const pending = new Map<string, NodeJS.Timeout>();
  // Configuration files that held an error, so that their diagnostic is cleared once they are mended.
  const brokenConfigs = new Set<string>();
  // Files the last complete workspace scan reported on: one found clean, ignored or gone since gets an empty report.
  let reportedInWorkspace = new Set<string>();
  // Bumped by every change that can change a workspace scan; a scan waits for one after the first.
  let changes = 0;
  let scannedAt = -1;
  let changed: () => void = () => undefined;
  let nextChange = new Promise<void>((resolve) => (changed = resolve));
  const somethingChanged = (): void => {
    changes += 1;
    changed();
    nextChange = new Promise<void>((resolve) => (changed = resolve));
  };

  /** Runs a handler; an error in it is told to the client in one redacted line, and the server goes on. */
  const guarded = async <T>(what: string, work: () => T | Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      connection.console.error(`cprlint: ${what} failed: ${safeMessage(error)}`);
      return fallback;
    }
  };

  const brokenConfigDiagnostic = (configFile: string, message: string): void => {
    brokenConfigs.add(configFile);
    void connection.sendDiagnostics({
      uri: pathToFileURL(configFile).href,
      diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'cprlint', message }],
    });
  };

  /** The workspace folder a file lies in, if any. */
  const folderHolding = (filePath: string): string | undefined =>
    workspaceFolders.find((folder) => {
      const relative = path.relative(folder, filePath);
      return !relative.startsWith('..') && !path.isAbsolute(relative);
    });

  /** The scan options for a file, from the configuration that governs it; a broken one shows on its file. */
  const optionsFor = (filePath: string): (FileScanOptions & { ignored: boolean }) | undefined => {
    try {
      return scanOptionsFor(filePath, settings);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const message = safeMessage(error);
      // The file to blame: the one the error names, or else the one that governs the file.
      let configFile = error.file;
      if (!configFile) {
        try {
          configFile = findConfigFile(filePath);
        } catch {
          configFile = undefined;
        }
      }
      if (configFile) brokenConfigDiagnostic(configFile, message);
      return undefined;
    }
  };

  /**
   * Findings in the name of a file and of the folders above it, up to the workspace folder that
   * holds it, that one too (as a walk of that folder finds them): a site publishes its paths.
   */
  const nameFindings = (filePath: string, options: FileScanOptions): Finding[] => {
    const top = folderHolding(filePath);
    if (!top) return scanName(filePath, options);
    const findings: Finding[] = [];
    for (let at = filePath; ; at = path.dirname(at)) {
      findings.push(...scanName(at, options));
      if (path.relative(top, at) === '' || at === path.dirname(at)) break;
    }
    return findings;
  };

  /** The diagnostics of a file's report, with the findings in its path. */
  const diagnosticsOfFile = (filePath: string, options: FileScanOptions, report: FileReport): Diagnostic[] =>
    diagnosticsOf({ ...report, findings: [...nameFindings(filePath, options), ...report.findings] }, options.showValues === true);

  /** The diagnostics of an open document, from its text as it stands in the editor. */
  const diagnoseDocument = (document: TextDocument): Diagnostic[] => {
    const filePath = filePathOf(document);
    const options = optionsFor(filePath);
    if (!options || options.ignored) return [];
    const report = scanText(document.getText(), { ...options, filePath, format: formatOf(filePath) ?? 'text' });
    return diagnosticsOfFile(filePath, options, report);
  };

  const push = (document: TextDocument): Promise<void> =>
    guarded('diagnosing a document', () => connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnoseDocument(document) }), undefined);

  const schedulePush = (document: TextDocument): void => {
    somethingChanged();
    if (pullsDiagnostics) return;
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) void push(current);
      }, DEBOUNCE_MS),
    );
  };

  /** Asks a client that pulls to pull again, if it can be asked. */
  const refresh = (): void => {
    if (canRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
  };

  /** Reads the configuration afresh and lints again what the editor shows. */
  const settingsChanged = (): void => {
    forgetConfigs();
    somethingChanged();
    for (const configFile of brokenConfigs) void connection.sendDiagnostics({ uri: pathToFileURL(configFile).href, diagnostics: [] });
    brokenConfigs.clear();
    if (pullsDiagnostics) refresh();
    else for (const document of documents.all()) void push(document);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings = (params.initializationOptions as ServerSettings | undefined) ?? {};
    try {
      activeRules(settings.rules);
    } catch (error) {
      // The editor's rule settings are wrong: say so, and go on with the configuration file's.
      if (!(error instanceof RuleOptionsError)) throw error;
      void connection.window.showErrorMessage(`cprlint: the editor's rule settings are ignored: ${safeMessage(error)}`);
      settings = { ...settings, rules: undefined };
    }
    pullsDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    canRefresh = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = [...new Set(folders.map(toPath).filter((folder): folder is string => folder !== undefined))];
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

  connection.onDidChangeWatchedFiles(({ changes: changed }) =>
    guarded('reading changed files', async () => {
      if (changed.some((change) => SETTINGS_FILES.includes(path.basename(toPath(change.uri) ?? '')))) {
        settingsChanged();
        return;
      }
      somethingChanged();
      if (pullsDiagnostics) {
        refresh();
        return;
      }
      // A document (PDF, Word) changed on disk: its findings, at their page; gone, none.
      for (const change of changed) {
        const filePath = toPath(change.uri);
        if (change.type === FileChangeType.Deleted) {
          void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
          continue;
        }
        const options = filePath ? optionsFor(filePath) : undefined;
        if (!filePath || !options || options.ignored) continue;
        const report = await scanFile(filePath, options);
        void connection.sendDiagnostics({ uri: change.uri, diagnostics: diagnosticsOfFile(filePath, options, report) });
      }
    }, undefined),
  );

  documents.onDidOpen(({ document }) => schedulePush(document));
  documents.onDidChangeContent(({ document }) => schedulePush(document));
  documents.onDidClose(({ document }) => {
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    somethingChanged();
    if (!pullsDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  const emptyReport = (): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, items: [] });
  connection.languages.diagnostics.on((params) =>
    guarded('diagnosing a document', async (): Promise<DocumentDiagnosticReport> => {
      const document = documents.get(params.textDocument.uri);
      if (document) return { kind: DocumentDiagnosticReportKind.Full, items: diagnoseDocument(document) };
      // A file the editor shows but does not hold as text (a PDF): read from disk.
      const filePath = toPath(params.textDocument.uri);
      const options = filePath ? optionsFor(filePath) : undefined;
      if (!filePath || !options || options.ignored) return emptyReport();
      return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOfFile(filePath, options, await scanFile(filePath, options)) };
    }, emptyReport()),
  );

  // Every file of the workspace, as `cprlint` would walk it (ignore files, configuration), so that
  // the Problems panel lists findings in files never opened. Open documents are reported from their
  // buffers. A client asks again as soon as it has an answer: after the first scan, the next waits
  // until something changed (a buffer, a file on disk, the configuration), or the client gives up.
  connection.languages.diagnostics.onWorkspace((_params, token, progress) =>
    guarded('scanning the workspace', async () => {
      if (scannedAt === changes) {
        await new Promise<void>((resolve) => {
          const cancelled = token.onCancellationRequested(() => resolve());
          void nextChange.then(() => {
            cancelled.dispose();
            resolve();
          });
        });
        if (token.isCancellationRequested) return { items: [] };
      }
      const scanning = changes;
      const { walk } = await import('../project/walk.js');
      const files = new Set<string>();
      for (const folder of workspaceFolders) {
        try {
          for await (const entry of walk(['.'], folder, false)) if (entry.kind === 'file') files.add(entry.path);
        } catch (error) {
          connection.console.error(`cprlint: ${safeMessage(error)}`);
        }
      }
      // A project that keeps a cache (`cprlint --cache`) has its unchanged files served from it.
      const caches = new Map(workspaceFolders.filter((folder) => existsSync(path.join(folder, '.cprlintcache'))).map((folder) => [folder, new ScanCache(path.join(folder, '.cprlintcache'))]));
      const cacheFor = (filePath: string): ScanCache | undefined =>
        // A path that holds a number is never a cache key.
        redactValues(filePath) === filePath ? caches.get(folderHolding(filePath) ?? '') : undefined;
      progress.begin('cprlint', 0, `Scanning ${files.size} files`, true);
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      const reported = new Set<string>();
      let index = 0;
      for (const filePath of files) {
        if (token.isCancellationRequested) break;
        if (index++ % 50 === 0) progress.report(Math.round((index / files.size) * 100), `${index} of ${files.size} files`);
        const uri = pathToFileURL(filePath).href;
        if (documents.get(uri) || [...caches.values()].some((cache) => cache.location === filePath)) continue;
        const options = optionsFor(filePath);
        if (!options || options.ignored) continue;
        const cache = cacheFor(filePath);
        const report = (cache ? await scanThroughCache(filePath, cache, options) : undefined) ?? (await scanFile(filePath, options));
        const diagnostics = diagnosticsOfFile(filePath, options, report);
        if (diagnostics.length === 0) continue;
        reported.add(uri);
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: diagnostics });
      }
      progress.done();
      for (const cache of caches.values()) cache.save();
      if (token.isCancellationRequested) return { items };
      // What was reported before and is not now (clean, ignored, deleted, open in the editor) is cleared.
      for (const uri of reportedInWorkspace) {
        if (!reported.has(uri)) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
      }
      reportedInWorkspace = reported;
      scannedAt = scanning;
      return { items };
    }, { items: [] }),
  );

  // The number under the range, found again by a scan of the document as it stands (never the raw
  // text, which may hold entities or markup), hashed into the allowlist of the configuration that
  // governs the file (a JSON one; a JavaScript configuration is named, not edited). The number itself
  // is never written anywhere.
  connection.onExecuteCommand(({ command, arguments: args }) =>
    guarded('allowing a number', () => {
      if (command !== ALLOW_COMMAND || !Array.isArray(args)) return;
      const [uri, version, range] = args as [unknown, unknown, Diagnostic['range'] | undefined];
      const document = typeof uri === 'string' ? documents.get(uri) : undefined;
      const filePath = toPath(uri);
      if (!document || !filePath || document.version !== version || !range?.start) return;
      const options = optionsFor(filePath);
      if (!options) return;
      const report = scanText(document.getText(), { ...options, showValues: true, filePath, format: formatOf(filePath) ?? 'text' });
      const finding = report.findings.find(
        (candidate) => candidate.ruleId === 'no-cpr-number' && candidate.place.start.line - 1 === range.start.line && candidate.place.start.column - 1 === range.start.character,
      );
      if (!finding?.value) {
        void connection.window.showErrorMessage('cprlint: no CPR number is there any more: nothing was allowed');
        return;
      }
      try {
        allowValue(filePath, finding.value, folderHolding(filePath) ?? path.dirname(filePath));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        void connection.window.showErrorMessage(`cprlint: ${safeMessage(error)}`);
        return;
      }
      settingsChanged();
    }, undefined),
  );

  connection.onCodeAction(({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    return context.diagnostics.filter((diagnostic) => diagnostic.source === 'cprlint').flatMap((diagnostic) => codeActionsFor(document, diagnostic));
  });

  documents.listen(connection);
  connection.listen();
}
