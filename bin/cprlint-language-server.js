#!/usr/bin/env node
// The language server, for editors: `cprlint-language-server --stdio` (or `cprlint lsp`).
try {
  const { startLanguageServer } = await import('../dist/bundle/language-server.js');
  startLanguageServer();
} catch (error) {
  // An editor shows what the server wrote to standard error: say why it did not start, in one line.
  const reason = (error instanceof Error ? error.message.split('\n')[0] : String(error)).replace(/\d{6}[- ]?\d{4}/g, 'XXXXXX-XXXX');
  process.stderr.write(`cprlint-language-server could not start: ${reason}\n`);
  process.exitCode = 1;
}
