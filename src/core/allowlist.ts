import { randomBytes, scryptSync } from 'node:crypto';

/** Values and patterns a project has decided are not personal data (test numbers, examples). */
export interface Allowlist {
  /** `cprlint hash` values of allowed CPR numbers: the numbers themselves never enter the repository. */
  hashes: ReadonlySet<string>;
  /** Regular expressions tested against a finding's value. */
  patterns: readonly RegExp[];
  /** The project's salt and cost, which its hashes were made with. */
  hashing: AllowlistHashing;
}

/**
 * How a project hashes its allowed values. CPR numbers are few enough (some 400 million) that a
 * fast hash could be reversed by trying them all; scrypt makes each try cost time and memory, and a
 * salt of the project's own (`allowlist.salt`, written once by `cprlint hash --init` or the first
 * `cprlint hash`) keeps one precomputed table from serving every project. `cost` is scrypt's N as a
 * power of two, to be raised as machines get faster.
 */
export interface AllowlistHashing {
  salt: string;
  cost: number;
}

/** The salt of projects from before salts were their own: still read, never written for new ones. */
export const SHARED_SALT = 'cprlint allowlist v1';
/** The cost hashes with the shared salt were made at (N = 2^14). */
export const SHARED_SALT_COST = 14;
export const DEFAULT_COST = 15;
export const COSTS = { min: 14, max: 20 };
const HASH_PREFIX = 'scrypt:';

/** A new project's salt: 128 random bits, hex. */
export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** The allowlist hash of a value, the same whatever separator it is written with. */
export function allowlistHash(value: string, hashing: AllowlistHashing): string {
  const normalised = value.replace(/[^\dA-Za-z]/g, '').toUpperCase();
  // scrypt's memory is 128 · N · r bytes: 32 MiB at the default cost, 128 MiB at the highest.
  const N = 2 ** hashing.cost;
  return HASH_PREFIX + scryptSync(normalised, hashing.salt, 16, { N, r: 8, p: 1, maxmem: 256 * N * 8 }).toString('hex');
}

export function isAllowlistHash(text: string): boolean {
  return /^scrypt:[\da-f]{32}$/.test(text);
}

const hashes = new Map<string, string>();

/** Whether the allowlist allows a value. Hashes are computed once per value and hashing. */
export function isAllowed(value: string, allowlist: Allowlist): boolean {
  if (allowlist.patterns.some((pattern) => pattern.test(value))) return true;
  if (allowlist.hashes.size === 0) return false;
  const key = `${allowlist.hashing.salt}\u0000${allowlist.hashing.cost}\u0000${value}`;
  let hash = hashes.get(key);
  if (hash === undefined) {
    hash = allowlistHash(value, allowlist.hashing);
    hashes.set(key, hash);
  }
  return allowlist.hashes.has(hash);
}
