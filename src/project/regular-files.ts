import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

// What one read asks for once a file has passed the size it said it had (or said none).
const READ_CHUNK = 1024 * 1024;

/**
 * Opens a file to read it, without blocking (a FIFO would wait for a writer for ever) and without
 * making it the process's terminal: what it is must still be asked (fstat) before it is read.
 */
export function openForReading(filePath: string): number {
  return openSync(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
}

/**
 * The first `limit` bytes of a file, and whether that was all of it. The first read is sized by
 * what the file says it holds (`size`, one byte more to see its end), so a small file costs a small
 * buffer; a file that says it is empty (as /proc's do) or grows is read on in chunks. Read
 * synchronously: thousands of small files cost a fraction of what promise-based reads do.
 */
export function readUpTo(handle: number, limit: number, size: number): { bytes: Uint8Array; whole: boolean } {
  const chunks: Buffer[] = [];
  let total = 0;
  let wanted = size > 0 ? size + 1 : READ_CHUNK;
  for (;;) {
    // Only the bytes read are kept: the buffer needs no clearing.
    const chunk = Buffer.allocUnsafe(Math.min(wanted, limit + 1 - total));
    const bytesRead = readSync(handle, chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) return { bytes: Buffer.concat(chunks), whole: false };
    // A file with a size ends where a read gives less than was asked for (a regular file reads
    // short only at its end): no read of a megabyte to be told so. One that says it has no size
    // (as /proc's do, a page at a time) is read until a read gives nothing.
    if (size > 0 && total >= size && bytesRead < chunk.length) break;
    wanted = READ_CHUNK;
  }
  return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), whole: true };
}

// No ignore file, configuration or package.json is larger than this; one that is would be read
// whole into memory.
const PROJECT_FILE_LIMIT = 64 * 1024 * 1024;
/** Room for the cache of a site of a million files, and a baseline or a shard's report of as many findings. */
export const LARGE_PROJECT_FILE_LIMIT = 256 * 1024 * 1024;

/** A file found where a regular file was expected: a FIFO, socket, device or folder. */
export class NotRegularFileError extends Error {
  constructor() {
    super('not a regular file');
  }
}

/**
 * The bytes of a file, read only if it is a regular file no larger than `limit`: a FIFO would block
 * the run for ever, a link to a device never end. A file the user names (`named`: a report to
 * merge) may also be a pipe (`<(…)`, /dev/stdin), read as it comes, up to the limit. Throws a
 * NotRegularFileError, or an Error whose message says why not (a system error keeps its code,
 * ENOENT for a file that is not there).
 */
export function readRegularFile(filePath: string, limit: number, named = false): Uint8Array {
  let handle = openForReading(filePath);
  try {
    let stat = fstatSync(handle);
    if (named && stat.isFIFO()) {
      // Opened again to wait for what the pipe's writer sends, as any reader of a pipe does.
      closeSync(handle);
      handle = openSync(filePath, 'r');
      stat = fstatSync(handle);
    } else if (!stat.isFile()) {
      throw new NotRegularFileError();
    }
    const read = readUpTo(handle, limit, stat.isFile() ? stat.size : 0);
    if (!read.whole) throw new Error(`larger than ${limit / 1024 / 1024} MB`);
    return read.bytes;
  } finally {
    closeSync(handle);
  }
}

/**
 * The text of a file the project keeps beside its pages (an ignore file, a configuration,
 * package.json, a cache, a baseline, a report to merge), read as readRegularFile reads it.
 */
export function readProjectFile(filePath: string, limit = PROJECT_FILE_LIMIT, named = false): string {
  const bytes = readRegularFile(filePath, limit, named);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}
