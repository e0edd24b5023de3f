import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomically } from './atomic-write.js';
import type { FileReport } from '../core/finding.js';
import { hasContent, redactStrings } from '../core/findings.js';
import { VERSION } from '../version.js';
import { DEFAULT_MAX_FILE_SIZE, scanContent, type FileScanOptions } from './files.js';
import { LARGE_PROJECT_FILE_LIMIT, readProjectFile, readRegularFile } from './regular-files.js';

/** What a file's scan gave, without its path: the same whenever content and settings are. */
export type CachedReport = Omit<FileReport, 'filePath'>;

interface CacheEntry {
  /** The keyed hash of the file's content: the content decides, never its size or time alone. */
  content: string;
  settings: string;
  /** The report, as printed: redacted values only. Absent for a clean file. */
  report?: CachedReport;
}

/**
 * What files gave when last scanned, for files whose content, settings and cprlint's version are
 * the same since. A file is known by a keyed hash of its path, its content by a keyed hash of the
 * bytes, and reports are kept as the CLI prints them with every string redacted: the cache file
 * alone gives back no path, number or name. The key (`cacheKey`) is not in the cache file. A run
 * with --show-values or a baseline (whose findings carry more) reads nothing from it and writes
 * only clean files.
 */
interface CacheFile {
  version: string;
  files: Record<string, CacheEntry>;
}

/**
 * The secret that keys the cache's hashes: `CPRLINT_CACHE_KEY` (for CI, where the cache travels
 * between jobs), else a random key made once in the user's cache folder (`$XDG_CACHE_HOME/cprlint`
 * or `~/.cache/cprlint`), readable by the user alone. Without it a cache file's hashes cannot be
 * matched against guessed paths or contents.
 */
export function cacheKey(environment: NodeJS.ProcessEnv = process.env): string {
  if (environment.CPRLINT_CACHE_KEY) return environment.CPRLINT_CACHE_KEY;
  const folder = path.join(environment.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cprlint');
  const file = path.join(folder, 'cache-key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    try {
      writeFileAtomically(file, `${randomBytes(32).toString('hex')}\n`, 0o600);
      chmodSync(file, 0o600);
    } catch {
      // Another run made it first, or the folder cannot be written: read what is there.
    }
    return readFileSync(file, 'utf8').trim();
  }
}

export class ScanCache {
  private data: CacheFile;
  private changed = false;
  /** Why the cache file found could not be used, for a warning; undefined when it was read or absent. */
  readonly problem: string | undefined;

  constructor(
    readonly location: string,
    private readonly key: string = cacheKey(),
  ) {
    this.data = { version: VERSION, files: {} };
    let text: string | undefined;
    try {
      text = readProjectFile(location, LARGE_PROJECT_FILE_LIMIT);
    } catch (error) {
      // No cache yet: it is made. One that cannot be read is made again, and the user told why.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.problem = `it cannot be read (${(error as Error).message}); it is made again`;
    }
    if (text === undefined) return;
    try {
      const read = JSON.parse(text) as CacheFile;
      // Another version of cprlint may judge the same file otherwise: start again.
      if (read.version === VERSION && read.files && typeof read.files === 'object') this.data = read;
    } catch {
      this.problem = 'it is damaged; it is made again';
    }
  }

  private hash(kind: 'path' | 'content', value: string | Uint8Array): string {
    return createHmac('sha256', this.key).update(`${kind}\u0000`).update(value).digest('hex');
  }

  private entryKey(filePath: string): string {
    return this.hash('path', path.relative(path.dirname(this.location), filePath).split(path.sep).join('/'));
  }

  /** The cached report of a file whose content and settings are unchanged since, or undefined. */
  async lookup(filePath: string, settings: string, content: () => Promise<Uint8Array | undefined>): Promise<CachedReport | undefined> {
    const entry = this.data.files[this.entryKey(filePath)];
    if (!entry || entry.settings !== settings) return undefined;
    const bytes = await content();
    if (!bytes || entry.content !== this.hash('content', bytes)) return undefined;
    return entry.report ?? { findings: [], notices: [] };
  }

  record(filePath: string, content: Uint8Array, settings: string, report: CachedReport | undefined): void {
    const key = this.entryKey(filePath);
    const entry: CacheEntry = { content: this.hash('content', content), settings, // Every string redacted: messages, notices (a document reader's error may quote the text it
    // choked on) and suppression reasons, not only the findings' values.
    ...(report ? { report: redactStrings(report) } : {}) };
    if (JSON.stringify(this.data.files[key]) === JSON.stringify(entry)) return;
    this.data.files[key] = entry;
    this.changed = true;
  }

  forget(filePath: string): void {
    const key = this.entryKey(filePath);
    if (this.data.files[key]) {
      delete this.data.files[key];
      this.changed = true;
    }
  }

  /** Writes the cache, whole or not at all; returns why it could not be written, if it could not. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    const files = Object.fromEntries(Object.entries(this.data.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    try {
      writeFileAtomically(this.location, `${JSON.stringify({ version: VERSION, files })}\n`, 0o600);
      return undefined;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? 'it cannot be written';
    }
  }
}

/** A key for the settings that decide a file's findings. */
export function settingsKey(settings: unknown): string {
  return createHash('sha256').update(JSON.stringify(settings, (_key, value: unknown) => (value instanceof Set ? [...value].sort() : value instanceof RegExp ? String(value) : value))).digest('hex').slice(0, 16);
}

/**
 * A regular file's bytes; undefined when it cannot be read, is no longer a regular file since its
 * stat, or has grown past the size limit (scanFile then reads it as it reads a large file).
 */
function readIfPossible(filePath: string, limit: number): Uint8Array | undefined {
  try {
    return readRegularFile(filePath, limit);
  } catch {
    return undefined;
  }
}

/**
 * A file through the cache: its cached report when unchanged, else a fresh one (then recorded).
 * Undefined when the cache cannot serve (not a readable file, or over the size limit): then the
 * file is scanned the ordinary way. A path that holds a number must not be given: the cache's keys
 * are paths.
 */
export async function scanThroughCache(filePath: string, cache: ScanCache, options: FileScanOptions): Promise<FileReport | undefined> {
  // Synchronous, as scanFile reads: thousands of small files cost a fraction of what promise-based
  // calls do. A FIFO, socket or device is no file here: it goes on to scanFile, which names it.
  const stat = statSync(filePath, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size > (options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)) return undefined;
  // What decides a report, with the defaults written out, so that every front end (the command
  // line, the language server) keys the same file under the same settings; where a file is scanned
  // (a worker or not) changes nothing in its report.
  const settings = settingsKey({
    rules: options.rules,
    allowlist: options.allowlist,
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    timeLimitMs: options.timeLimitMs,
    documentLimits: options.documentLimits,
    requireReason: options.requireReason === true,
    reportUnusedDisables: options.reportUnusedDisables === true,
    explicit: options.explicit === true,
  });
  // Findings that carry values or fingerprints are never read from or written to the cache.
  const reportsCacheable = !options.showValues && !options.fingerprintSalt;
  let bytes: Uint8Array | undefined;
  const content = async (): Promise<Uint8Array | undefined> => (bytes ??= readIfPossible(filePath, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE));
  const cached = await cache.lookup(filePath, settings, content);
  if (cached && (reportsCacheable || !hasContent(cached))) return { filePath, ...cached };
  if (!(await content())) return undefined;
  const report = await scanContent(bytes!, filePath, options);
  if (!hasContent(report)) cache.record(filePath, bytes!, settings, undefined);
  else if (reportsCacheable) cache.record(filePath, bytes!, settings, { findings: report.findings, notices: report.notices, ...(report.suppressed ? { suppressed: report.suppressed } : {}) });
  else cache.forget(filePath);
  return report;
}
