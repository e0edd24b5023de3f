import { createHash } from 'node:crypto';
import { UsageError } from './usage-error.js';

/** One of `count` parts of a run's files (`index` from 1), as `--shard index/count` names it. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `--shard i/n`: whole numbers, 1 <= i <= n. */
export function parseShard(text: string): Shard {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError('--shard takes i/n, whole numbers with 1 <= i <= n (as 2/4)');
  return { index, count };
}

/**
 * Whether a file belongs to the shard: by a hash of its path relative to the working directory,
 * with `/` between folders, so every job of a CI matrix that runs in the same checkout splits the
 * same files the same way, and together they scan each file exactly once.
 */
export function inShard(relativePath: string, shard: Shard): boolean {
  const hash = createHash('sha256').update(relativePath.split('\\').join('/')).digest();
  return hash.readUInt32BE(0) % shard.count === shard.index - 1;
}
