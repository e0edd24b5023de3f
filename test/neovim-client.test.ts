/* eslint-disable cprlint/no-cpr-number -- the workspace holds a made-up number for the server to find */
// A second, independent LSP client: Neovim's own (Debian's 0.7, whose API is vim.lsp.start_client),
// headless. It catches what only vscode-jsonrpc would tolerate: position encoding, capability
// negotiation, a client that takes pushed diagnostics and never pulls.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runsHere, temporaryTree } from './temporary-tree.js';

const SERVER = path.join(ROOT, 'bin', 'cprlint-language-server.js');
const hasNeovim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

// Opens each file, attaches the cprlint client, waits for its diagnostics, writes them as JSON.
const SCRIPT = (files: string[], output: string): string => `
local client = vim.lsp.start_client({ name = 'cprlint', cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(SERVER)}, '--stdio' }, root_dir = vim.fn.getcwd() })
local results = {}
for _, file in ipairs(vim.fn.json_decode(${JSON.stringify(JSON.stringify(files))})) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buffer = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buffer, client)
  vim.wait(15000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(found, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, source = d.source, code = d.code, message = d.message })
  end
  results[file] = found
end
vim.fn.writefile({ vim.fn.json_encode(results) }, ${JSON.stringify(output)})
vim.lsp.stop_client(client)
vim.cmd('qa!')
`;

describe.runIf(runsHere(hasNeovim, 'Neovim is not installed (Debian: apt-get install neovim)'))('the language server in Neovim', () => {
  it('shows the planted number in Markdown, HTML and JSON at its place, redacted', () => {
    const number = '150385-2000';
    const files = {
      'side.md': `# Ansøgning\n\nAnsøgerens CPR-nummer: ${number}\n`,
      'index.html': `<p>Ansøger: ${number}</p>\n`,
      'sag.json': `{"titel": "Sag", "cpr": "${number}"}\n`,
    };
    const workspace = temporaryTree(files);
    const output = path.join(workspace, 'diagnostics.json');
    fs.writeFileSync(path.join(workspace, 'test.lua'), SCRIPT(Object.keys(files), output));
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', 'luafile test.lua'], { cwd: workspace, encoding: 'utf8', timeout: 60_000 });
    expect(run.error).toBeUndefined();
    const results = JSON.parse(fs.readFileSync(output, 'utf8')) as Record<string, { lnum: number; col: number; end_col: number; severity: number; source: string; code: string; message: string }[]>;
    for (const [file, text] of Object.entries(files)) {
      const lines = text.split('\n');
      const lnum = lines.findIndex((line) => line.includes(number));
      // Neovim counts columns in bytes: the server's UTF-16 positions, converted ("ø" is one unit, two bytes).
      const col = Buffer.byteLength(lines[lnum]!.slice(0, lines[lnum]!.indexOf(number)));
      expect(results[file], file).toEqual([
        { lnum, col, end_col: col + number.length, severity: 1, source: 'cprlint', code: 'no-cpr-number', message: expect.stringContaining('1503XX-XXXX') },
      ]);
    }
    expect(fs.readFileSync(output, 'utf8')).not.toContain(number);
  });
});
