import { scryptSync } from 'node:crypto';

/** Values and patterns a project has decided are not personal data (test numbers, examples). */
export interface Allowlist {
  /** `cprlint hash` values of allowed CPR numbers: the numbers themselves never enter the repository. */
  hashes: ReadonlySet<string>;
  /** Regular expressions tested against a finding's value. */
  patterns: readonly RegExp[];
}

// CPR numbers are few enough (some 400 million) that a fast hash could be reversed by trying them
// all; scrypt makes each try cost milliseconds. The salt is fixed so that a hash is the same in
// every project and on every machine.
const SALT = 'cprlint allowlist v1';
const HASH_PREFIX = 'scrypt:';

/** The allowlist hash of a value, the same whatever separator it is written with. */
export function allowlistHash(value: string): string {
  const normalised = value.replace(/[^\dA-Za-z]/g, '').toUpperCase();
  return HASH_PREFIX + scryptSync(normalised, SALT, 16, { N: 1 << 14, r: 8, p: 1 }).toString('hex');
}

export function isAllowlistHash(text: string): boolean {
  return /^scrypt:[\da-f]{32}$/.test(text);
}

const hashes = new Map<string, string>();

/** Whether the allowlist allows a value. Hashes are computed once per value. */
export function isAllowed(value: string, allowlist: Allowlist): boolean {
  if (allowlist.patterns.some((pattern) => pattern.test(value))) return true;
  if (allowlist.hashes.size === 0) return false;
  let hash = hashes.get(value);
  if (hash === undefined) {
    hash = allowlistHash(value);
    hashes.set(value, hash);
  }
  return allowlist.hashes.has(hash);
}
