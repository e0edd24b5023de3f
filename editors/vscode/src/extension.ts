// The VS Code extension: starts the language server of the cprlint package the workspace has
// installed (as the ESLint extension runs the project's own ESLint), and says plainly when it
// cannot. It only wires: every finding comes from the server.
import path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The language server script of the cprlint package installed under the first folder that has one. */
function serverScript(): string | undefined {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    try {
      const packageJson = require.resolve('cprlint/package.json', { paths: [folder.uri.fsPath] });
      return path.join(path.dirname(packageJson), 'bin', 'cprlint-language-server.js');
    } catch {
      // Not installed in this folder: try the next.
    }
  }
  return undefined;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const settings = vscode.workspace.getConfiguration('cprlint');
  if (!settings.get<boolean>('enable', true)) return;
  const script = serverScript();
  if (!script) {
    void vscode.window.showWarningMessage('cprlint: the workspace has no cprlint package. Install it (npm install --save-dev cprlint) for cprlint\'s warnings.');
    return;
  }
  const serverOptions: ServerOptions = {
    run: { module: script, transport: TransportKind.stdio },
    debug: { module: script, transport: TransportKind.stdio },
  };
  const languages = settings.get<string[]>('languages', []);
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: { showValues: settings.get<boolean>('showValues', false), rules: settings.get<object>('rules', {}) },
    diagnosticCollectionName: 'cprlint',
  };
  client = new LanguageClient('cprlint', 'cprlint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    void vscode.window.showErrorMessage(`cprlint: the language server did not start (${error instanceof Error ? error.message : String(error)}). See the "cprlint" output.`);
  }
  context.subscriptions.push(client);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('cprlint')) return;
      await client?.stop();
      client = undefined;
      await start(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
