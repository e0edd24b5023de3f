#!/usr/bin/env node
import { colorByDefault, main, redactValues } from '../dist/bundle/cli.js';

// A reader that stops reading (`cprlint … | head`) is no error of the run: it ends quietly, with
// the exit code it had.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const readStdin = async () => {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
};

main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  colorByDefault: colorByDefault(process.env, Boolean(process.stdout.isTTY)),
  stderrIsTerminal: Boolean(process.stderr.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A bug of cprlint's own, not the user's: one line, and the stack only when asked for.
    // main() catches its own errors; this is the last resort, redacted all the same.
    process.stderr.write(`cprlint: internal error: ${redactValues(String(error?.message ?? error))}\n`);
    if (process.env.CPRLINT_DEBUG) process.stderr.write(`${redactValues(String(error?.stack ?? ''))}\n`);
    process.exitCode = 2;
  },
);
