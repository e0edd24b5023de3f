import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FileReport } from './finding.js';
import { VERSION } from './version.js';

/** What a file's scan gave, without its path: the same whenever content and settings are. */
export type CachedReport = Omit<FileReport, 'filePath'>;

interface CacheEntry {
  size: number;
  mtimeMs: number;
  sha256: string;
  settings: string;
  /** The report, as printed: redacted values only. Absent for a clean file. */
  report?: CachedReport;
}

/**
 * What files gave when last scanned, for files whose content, settings and cprlint's version are
 * the same since. Reports are kept as the CLI prints them, values redacted, so the cache holds no
 * CPR number: a run with --show-values or a baseline (whose findings carry more) reads nothing
 * from it and writes only clean files.
 */
interface CacheFile {
  version: string;
  files: Record<string, CacheEntry>;
}

export class ScanCache {
  private data: CacheFile;
  private changed = false;

  constructor(readonly location: string) {
    this.data = { version: VERSION, files: {} };
    try {
      const read = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      // Another version of cprlint may judge the same file otherwise: start again.
      if (read.version === VERSION && read.files && typeof read.files === 'object') this.data = read;
    } catch {
      // No cache yet, or one that cannot be read: it is rebuilt.
    }
  }

  private key(filePath: string): string {
    return path.relative(path.dirname(this.location), filePath).split(path.sep).join('/');
  }

  /**
   * The cached report of a file unchanged since, or undefined. The same size and modification time
   * are taken for the same content, as ESLint's cache does; when only the time differs, the
   * content's hash decides (and the new time is kept).
   */
  async lookup(
    filePath: string,
    stat: { size: number; mtimeMs: number },
    settings: string,
    content: () => Promise<Uint8Array | undefined>,
  ): Promise<CachedReport | undefined> {
    const entry = this.data.files[this.key(filePath)];
    if (!entry || entry.size !== stat.size || entry.settings !== settings) return undefined;
    if (entry.mtimeMs !== stat.mtimeMs) {
      const bytes = await content();
      if (!bytes || entry.sha256 !== sha256(bytes)) return undefined;
      entry.mtimeMs = stat.mtimeMs;
      this.changed = true;
    }
    return entry.report ?? { findings: [], notices: [] };
  }

  record(filePath: string, stat: { size: number; mtimeMs: number }, content: Uint8Array, settings: string, report: CachedReport | undefined): void {
    this.data.files[this.key(filePath)] = { size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(content), settings, ...(report ? { report } : {}) };
    this.changed = true;
  }

  forget(filePath: string): void {
    if (this.data.files[this.key(filePath)]) {
      delete this.data.files[this.key(filePath)];
      this.changed = true;
    }
  }

  save(): void {
    if (!this.changed) return;
    const files = Object.fromEntries(Object.entries(this.data.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    writeFileSync(this.location, `${JSON.stringify({ version: VERSION, files })}\n`);
  }
}

function sha256(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A key for the settings that decide a file's findings. */
export function settingsKey(settings: unknown): string {
  return createHash('sha256').update(JSON.stringify(settings, (_key, value: unknown) => (value instanceof Set ? [...value].sort() : value instanceof RegExp ? String(value) : value))).digest('hex').slice(0, 16);
}
