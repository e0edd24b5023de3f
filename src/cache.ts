import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VERSION } from './version.js';

/**
 * Files found clean before, and unchanged since: their content, the settings that applied and
 * cprlint's version are the same. Only clean files are recorded, so the cache holds no finding and
 * no personal data: a file with findings is scanned on every run.
 */
interface CacheFile {
  version: string;
  files: Record<string, { size: number; mtimeMs: number; sha256: string; settings: string }>;
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

  /** Whether the file was clean with the same content and settings. */
  isClean(filePath: string, stat: { size: number; mtimeMs: number }, content: Uint8Array, settings: string): boolean {
    const entry = this.data.files[this.key(filePath)];
    if (!entry || entry.size !== stat.size || entry.settings !== settings) return false;
    // Metadata can lie (a checkout that keeps times): the content decides.
    return entry.sha256 === sha256(content);
  }

  recordClean(filePath: string, stat: { size: number; mtimeMs: number }, content: Uint8Array, settings: string): void {
    this.data.files[this.key(filePath)] = { size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(content), settings };
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
