// Files cprlint writes (the cache, a baseline, a report given --output-file) are replaced whole or
// not at all: a run killed while writing leaves the previous file as it was, never a part of one.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `text` to `file` through a temporary file beside it (same folder, so the rename cannot
 * cross file systems), flushed to disk, then renamed over the old one in one step. `mode` is as
 * for a new file (the umask applies).
 */
export function writeFileAtomically(file: string, text: string, mode = 0o666): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', mode);
    writeSync(descriptor, text);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, file);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
}
