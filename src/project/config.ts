import { existsSync, readdirSync, statSync } from 'node:fs';
import { writeFileAtomically } from './atomic-write.js';
import { absolutePath, relativePath } from './paths.js';
import { readProjectFile } from './regular-files.js';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import picomatch from 'picomatch';
import { allowlistHash, COSTS, DEFAULT_COST, isAllowlistHash, newSalt, SHARED_SALT, SHARED_SALT_COST, type Allowlist, type AllowlistHashing } from '../core/allowlist.js';
import { RuleOptionsError, type RulesSettings } from '../core/rule.js';
import { activeRules } from '../core/rule-settings.js';

/** One configuration file governs the CLI, the unified plugins and the ESLint pack. */
export interface CprlintConfig {
  /** Rule levels and options, as `{ "no-health-data": ["error", { "mode": "any" }] }`. */
  rules?: RulesSettings;
  /** Globs (relative to the configuration file's folder) of files never scanned. */
  ignores?: string[];
  /** Rules for some files only, later entries winning: `{ files: ["docs/testdata/**"], rules: { … } }`. */
  overrides?: { files: string[]; rules?: RulesSettings }[];
  /** Files larger than this are read as plain text in chunks: bytes, or a size such as "10MB". */
  maxFileSize?: number | string;
  /**
   * What is not personal data here: values by `cprlint hash`, patterns, and paths; the project's
   * `salt` and `cost` for its hashes (written by `cprlint hash --init`).
   */
  allowlist?: { values?: string[]; patterns?: string[]; paths?: string[]; salt?: string; cost?: number };
}

/** A configuration file that cannot be read or holds a mistake: exit 2, naming the file and the key. */
export class ConfigError extends Error {
  override name = 'ConfigError';

  /** `file`: the configuration file at fault, when it is one (an editor shows the error there). */
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

/** The names looked for in each folder, first match wins; then `package.json`'s `cprlint` key. */
export const CONFIG_FILES = ['cprlint.config.js', 'cprlint.config.mjs', 'cprlint.config.json', '.cprlintrc.json'];

export interface LoadedConfig {
  file: string;
  /** The file's modification time when it was read: a newer file is read again. */
  modified: number | undefined;
  config: CprlintConfig;
  ignored: (filePath: string) => boolean;
  allowedPath: (filePath: string) => boolean;
  allowlist: Allowlist | undefined;
  overrides: { matches: (filePath: string) => boolean; rules: RulesSettings }[];
}

/** The settings that apply to one file. */
export interface FileSettings {
  configFile: string | undefined;
  rules: RulesSettings | undefined;
  /** Never scanned: in `ignores`, or in the allowlist's `paths`. */
  ignored: boolean;
  maxFileSize: number | undefined;
  allowlist: Allowlist | undefined;
}

const KNOWN_KEYS = ['rules', 'ignores', 'overrides', 'maxFileSize', 'allowlist'];

export function parseSize(value: string | number, what: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.floor(value);
  const match = typeof value === 'string' ? /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim()) : null;
  if (!match) throw new ConfigError(`${what} takes a size such as 10MB or 500kB`);
  const units: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
  return Math.floor(Number(match[1]) * units[(match[2] ?? 'b').toLowerCase()]!);
}

/** A duration such as 30s, 500ms or 2m, in milliseconds; a bare number is seconds. */
export function parseDuration(value: string, what: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/i.exec(value.trim());
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };
  const milliseconds = match ? Math.round(Number(match[1]) * units[(match[2] ?? 's').toLowerCase()]!) : 0;
  // Past a day no limit means anything, and a timer cannot count that far.
  if (milliseconds <= 0 || milliseconds > 86_400_000) throw new ConfigError(`${what} takes a duration such as 30s or 500ms, of at most a day`);
  return milliseconds;
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Checks a configuration's shape; every message names the file and the key. */
function checkConfig(value: unknown, file: string): CprlintConfig {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${file}: the configuration must be an object`);
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!KNOWN_KEYS.includes(key)) throw new ConfigError(`${file}: unknown key "${key}" (known: ${KNOWN_KEYS.join(', ')})`);
  }
  const checkRules = (rules: unknown, where: string): void => {
    if (rules === undefined) return;
    if (!rules || typeof rules !== 'object' || Array.isArray(rules)) throw new ConfigError(`${file}: "${where}" must be an object of rule settings`);
    try {
      activeRules(rules as RulesSettings);
    } catch (error) {
      if (error instanceof RuleOptionsError) throw new ConfigError(`${file}: "${where}": ${error.message}`);
      throw error;
    }
  };
  checkRules(config.rules, 'rules');
  if (config.ignores !== undefined && !isStringList(config.ignores)) throw new ConfigError(`${file}: "ignores" must be a list of globs`);
  if (config.overrides !== undefined) {
    if (!Array.isArray(config.overrides)) throw new ConfigError(`${file}: "overrides" must be a list of { files, rules }`);
    config.overrides.forEach((override: unknown, index) => {
      const entry = override as Record<string, unknown> | null;
      if (!entry || typeof entry !== 'object' || !isStringList(entry.files) || entry.files.length === 0) {
        throw new ConfigError(`${file}: "overrides[${index}].files" must be a list of globs`);
      }
      const unknown = Object.keys(entry).filter((key) => key !== 'files' && key !== 'rules');
      if (unknown.length > 0) throw new ConfigError(`${file}: unknown key "overrides[${index}].${unknown[0]}" (known: files, rules)`);
      checkRules(entry.rules, `overrides[${index}].rules`);
    });
  }
  if (config.maxFileSize !== undefined) parseSize(config.maxFileSize as string | number, `${file}: "maxFileSize"`);
  if (config.allowlist !== undefined) checkAllowlist(config.allowlist, file);
  return config as CprlintConfig;
}

function checkAllowlist(value: unknown, file: string): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${file}: "allowlist" must be an object of values, patterns and paths`);
  const allowlist = value as Record<string, unknown>;
  for (const key of Object.keys(allowlist)) {
    if (!['values', 'patterns', 'paths', 'salt', 'cost'].includes(key)) throw new ConfigError(`${file}: unknown key "allowlist.${key}" (known: values, patterns, paths, salt, cost)`);
    if (['values', 'patterns', 'paths'].includes(key) && !isStringList(allowlist[key])) throw new ConfigError(`${file}: "allowlist.${key}" must be a list of strings`);
  }
  if (allowlist.salt !== undefined && (typeof allowlist.salt !== 'string' || !/^[\da-f]{32,}$/.test(allowlist.salt))) {
    throw new ConfigError(`${file}: "allowlist.salt" must be the hex salt \`cprlint hash --init\` writes`);
  }
  if (allowlist.cost !== undefined && (!Number.isInteger(allowlist.cost) || (allowlist.cost as number) < COSTS.min || (allowlist.cost as number) > COSTS.max)) {
    throw new ConfigError(`${file}: "allowlist.cost" must be a whole number from ${COSTS.min} to ${COSTS.max} (scrypt's N as a power of two)`);
  }
  for (const hash of (allowlist.values as string[] | undefined) ?? []) {
    // A number written here would publish what the allowlist exists to keep out.
    if (!isAllowlistHash(hash)) throw new ConfigError(`${file}: "allowlist.values" takes hashes from \`cprlint hash <value>\`, not values`);
  }
  ((allowlist.patterns as string[] | undefined) ?? []).forEach((pattern, index) => {
    try {
      new RegExp(pattern);
    } catch (error) {
      // The engine's message quotes the pattern: only its reason, after the last colon, is told.
      const reason = (error as Error).message.split(': ').at(-1);
      throw new ConfigError(`${file}: "allowlist.patterns" entry ${index + 1} is not a valid regular expression (${reason})`);
    }
  });
}

const requireFromHere = createRequire(import.meta.url);
// JavaScript configurations this process has loaded once: Node keeps them as they were then.
const required = new Set<string>();

// A JavaScript configuration edited while a process runs (an editor's ESLint or language server)
// is read again in a worker of its own: new module loaders, the file and what it imports read
// afresh. Waited for synchronously, as ESLint's rules read configurations: the worker says it is
// done through shared memory, and its message is taken from the port without the event loop.
const FRESH_IMPORT = `
const { workerData } = require('node:worker_threads');
const { file, done, port } = workerData;
let said = false;
const say = (message) => {
  if (said) return;
  said = true;
  try {
    port.postMessage(message);
  } catch {
    // Its text would quote the configuration's code.
    port.postMessage({ error: 'it holds values that are not data (a function, a class or the like)' });
  }
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
};
const failed = (error) => say({ error: String((error && error.message) || error).split('\\n')[0] });
process.on('uncaughtException', failed);
process.on('unhandledRejection', failed);
process.on('exit', () => say({ error: 'it ended the process that read it' }));
try {
  // As the first load reads it: require, which takes ES modules too, unwrapped the same way.
  const module = require(file);
  const value = module && typeof module === 'object' && 'default' in module ? module.default : module;
  say({ value: Object.prototype.toString.call(value) === '[object Module]' ? { ...value } : value });
} catch (error) {
  failed(error);
}
`;
const FRESH_IMPORT_MS = 10_000;

/** The value a JavaScript configuration exports, read afresh; throws with the reason it could not be. */
function importAfresh(absolute: string): unknown {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(FRESH_IMPORT, { eval: true, workerData: { file: absolute, done, port: port2 }, transferList: [port2], stdout: true, stderr: true });
  // What went wrong is told through the port; the worker's own error event must not end this process.
  worker.on('error', () => undefined);
  try {
    const waited = Atomics.wait(done, 0, 0, FRESH_IMPORT_MS);
    const message = receiveMessageOnPort(port1)?.message as { value?: unknown; error?: string } | undefined;
    if (waited === 'timed-out' || !message) throw new Error(`it took longer than ${FRESH_IMPORT_MS / 1000} s to load`);
    if (message.error !== undefined) throw new Error(message.error);
    return message.value;
  } finally {
    port1.close();
    void worker.terminate();
  }
}
const loaded = new Map<string, LoadedConfig>();

/**
 * Reads a configuration file: JSON, `package.json`'s `cprlint` key, or a JavaScript module (CJS or
 * ESM, loaded synchronously so that ESLint's rules can read it too).
 */
export function loadConfig(file: string): LoadedConfig {
  const absolute = path.resolve(file);
  // A long-running process (an editor's ESLint or language server) sees an edited file at once.
  const stat = statSync(absolute, { throwIfNoEntry: false });
  const modified = stat?.mtimeMs;
  const cached = loaded.get(absolute);
  if (cached && cached.modified === modified) return cached;
  let value: unknown;
  try {
    if (absolute.endsWith('.json')) {
      const json = JSON.parse(readProjectFile(absolute)) as Record<string, unknown>;
      value = path.basename(absolute) === 'package.json' ? json.cprlint : json;
    } else if (stat && !stat.isFile()) {
      // Required, a FIFO would block for ever and a device never end.
      throw new Error('not a regular file');
    } else if (required.has(absolute)) {
      // Node keeps a module it loaded, ESM above all, whatever require's cache is told.
      value = importAfresh(absolute);
    } else {
      required.add(absolute);
      const module = requireFromHere(absolute) as { default?: unknown };
      value = module && typeof module === 'object' && 'default' in module ? module.default : module;
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message.split('\n')[0];
    throw new ConfigError(`Cannot read configuration ${file}: ${reason}`, absolute);
  }
  let config: CprlintConfig;
  try {
    config = checkConfig(value, file);
  } catch (error) {
    throw error instanceof ConfigError ? new ConfigError(error.message, absolute) : error;
  }
  const base = path.dirname(absolute);
  const matcher = (globs: string[]) => {
    const matches = picomatch(globs, { dot: true });
    return (filePath: string): boolean => {
      const relative = relativePath(base, absolutePath(filePath)).split(path.sep).join('/');
      return !relative.startsWith('..') && matches(relative);
    };
  };
  const values = config.allowlist?.values ?? [];
  const patterns = config.allowlist?.patterns ?? [];
  const result: LoadedConfig = {
    file: absolute,
    modified,
    config,
    ignored: config.ignores ? matcher(config.ignores) : () => false,
    allowedPath: config.allowlist?.paths ? matcher(config.allowlist.paths) : () => false,
    allowlist:
      values.length + patterns.length > 0
        ? { hashes: new Set(values), patterns: patterns.map((pattern) => new RegExp(pattern)), hashing: hashingOf(config) }
        : undefined,
    overrides: (config.overrides ?? []).map((override) => ({ matches: matcher(override.files), rules: override.rules ?? {} })),
  };
  loaded.set(absolute, result);
  return result;
}

/** How a configuration's allowlist hashes: its own salt and cost, or those of projects from before salts were. */
export function hashingOf(config: CprlintConfig): AllowlistHashing {
  return config.allowlist?.salt ? { salt: config.allowlist.salt, cost: config.allowlist.cost ?? DEFAULT_COST } : { salt: SHARED_SALT, cost: config.allowlist?.cost ?? SHARED_SALT_COST };
}

const foundIn = new Map<string, string | undefined>();

// Folders a walk has listed already, by what the lookup wants of them: another listing of each
// would cost its depth again. Taken once: the folder's answer is kept in foundIn from then on.
const listedByWalk = new Map<string, ReadonlySet<string>>();

/** A walk's listing of a folder: the names in it that a configuration lookup asks for, if it will ask. */
export function rememberListing(directory: string, names: readonly string[]): void {
  if (foundIn.has(directory)) return;
  const wanted = names.filter((name) => CONFIG_FILES.includes(name) || name === 'package.json');
  listedByWalk.set(directory, wanted.length === 0 ? NO_NAMES : new Set(wanted));
}
const NO_NAMES: ReadonlySet<string> = new Set();

/** Drops the listings of walks before: a walk that starts lists afresh what it needs. */
export function forgetListings(): void {
  listedByWalk.clear();
}

/** The names in a folder; none when it cannot be listed (it is not there, or not readable). */
function folderNames(directory: string): ReadonlySet<string> {
  const listed = listedByWalk.get(directory);
  if (listed) {
    listedByWalk.delete(directory);
    return listed;
  }
  try {
    return new Set(readdirSync(directory));
  } catch {
    return new Set();
  }
}

/** The configuration file that governs `filePath` (a file or a folder): the first found from its folder upward. */
export function findConfigFile(filePath: string): string | undefined {
  const absolute = absolutePath(filePath);
  return configFileAbove(statSync(absolute, { throwIfNoEntry: false })?.isDirectory() ? absolute : path.dirname(absolute));
}

/**
 * The configuration file that governs the files in `folder`: the first found from it upward. Each
 * folder is listed once a run; a file's folder is known without asking the file system, whose every
 * look walks the whole path (a tree 1,500 levels deep made a stat per file cost its depth).
 */
function configFileAbove(folder: string): string | undefined {
  let directory = folder;
  const visited: string[] = [];
  let found: string | undefined;
  for (;;) {
    if (foundIn.has(directory)) {
      found = foundIn.get(directory);
      break;
    }
    visited.push(directory);
    // One listing of the folder, not a look for each name: every look walks the whole path.
    const names = folderNames(directory);
    const name = CONFIG_FILES.find((candidate) => names.has(candidate));
    if (name) {
      found = path.join(directory, name);
      break;
    }
    if (names.has('package.json') && hasCprlintKey(path.join(directory, 'package.json'))) {
      found = path.join(directory, 'package.json');
      break;
    }
    const parent = path.dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  for (const folder of visited) foundIn.set(folder, found);
  return found;
}

function hasCprlintKey(packageJson: string): boolean {
  let text: string;
  try {
    text = readProjectFile(packageJson);
  } catch (error) {
    throw new ConfigError(`Cannot read configuration ${packageJson}: ${(error as Error).message}`, packageJson);
  }
  try {
    return 'cprlint' in (JSON.parse(text) as object);
  } catch {
    throw new ConfigError(`Cannot read configuration ${packageJson}: not valid JSON`, packageJson);
  }
}

/**
 * The settings for one file (or a folder, as a walk meets it), from the given configuration file or
 * the one found for it: a folder's own configuration governs it.
 */
export function settingsFor(filePath: string, configFile?: string, isFolder = false): FileSettings {
  const absolute = absolutePath(filePath);
  const file = configFile ?? configFileAbove(isFolder ? absolute : path.dirname(absolute));
  if (!file) return { configFile: undefined, rules: undefined, ignored: false, maxFileSize: undefined, allowlist: undefined };
  const config = loadConfig(file);
  let rules: RulesSettings | undefined = config.config.rules;
  for (const override of config.overrides) {
    if (override.matches(filePath)) rules = { ...rules, ...override.rules };
  }
  return {
    configFile: config.file,
    rules,
    ignored: config.ignored(filePath) || config.allowedPath(filePath),
    maxFileSize: config.config.maxFileSize === undefined ? undefined : parseSize(config.config.maxFileSize, 'maxFileSize'),
    allowlist: config.allowlist,
  };
}

/** Forgets what was read, for a long-running process whose files changed (and for tests). */
export function forgetConfigs(): void {
  loaded.clear();
  foundIn.clear();
  listedByWalk.clear();
}

/**
 * The allowlist hashing of the project at `cwd`, with a salt of its own: when its configuration has
 * none yet, one is written into it (a JSON configuration, `package.json`'s `cprlint` key, or a new
 * `.cprlintrc.json` beside `cwd`), once. A JavaScript configuration cannot be edited: it is a
 * ConfigError that says what to add. Returns what was written, for the user to be told.
 */
export function ensureAllowlistSalt(cwd: string): { hashing: AllowlistHashing; wrote?: string } {
  const file = findConfigFile(path.join(cwd, '.'));
  if (file) {
    const { config } = loadConfig(file);
    if (config.allowlist?.salt) return { hashing: hashingOf(config) };
    if (!file.endsWith('.json')) {
      throw new ConfigError(`${file} is JavaScript, which cprlint does not edit: add  allowlist: { salt: '${newSalt()}' }  to it, then hash again`);
    }
  }
  const target = file ?? path.join(cwd, '.cprlintrc.json');
  const salt = newSalt();
  let cost = DEFAULT_COST;
  editJsonConfig(target, (config) => {
    cost = config.allowlist?.cost ?? DEFAULT_COST;
    config.allowlist = { ...config.allowlist, salt, cost };
  });
  return { hashing: { salt, cost }, wrote: target };
}

/**
 * Adds `value` to the allowlist of the configuration that governs `filePath` (a new
 * `.cprlintrc.json` in `newConfigFolder` when none does), by its hash, with the configuration's own
 * salt, made first if it has none. An allowlist whose hashes were made with the salt shared by
 * projects from before salts keeps it: a new salt would turn every hash in it into nothing. A
 * JavaScript configuration is named, not edited. Returns the file written.
 */
export function allowValue(filePath: string, value: string, newConfigFolder: string): string {
  const governing = findConfigFile(filePath);
  if (governing && !governing.endsWith('.json')) throw new ConfigError(`${governing} is JavaScript, which cprlint does not edit: add the hash from \`cprlint hash\` to its allowlist.values`);
  const existing = governing ? loadConfig(governing).config : undefined;
  const keepsSharedSalt = existing && !existing.allowlist?.salt && (existing.allowlist?.values?.length ?? 0) > 0;
  const hashing = keepsSharedSalt ? hashingOf(existing) : ensureAllowlistSalt(governing ? path.dirname(governing) : newConfigFolder).hashing;
  const target = governing ?? path.join(newConfigFolder, '.cprlintrc.json');
  const hash = allowlistHash(value, hashing);
  editJsonConfig(target, (config) => {
    const values = config.allowlist?.values ?? [];
    if (!values.includes(hash)) config.allowlist = { ...config.allowlist, values: [...values, hash] };
  });
  return target;
}

/** Edits a JSON configuration (or `package.json`'s `cprlint` key) in place, written whole or not at all. */
function editJsonConfig(target: string, edit: (config: CprlintConfig) => void): void {
  const whole = existsSync(target) ? (JSON.parse(readProjectFile(target)) as Record<string, unknown>) : {};
  const inPackage = path.basename(target) === 'package.json';
  const config = ((inPackage ? whole.cprlint : whole) ?? {}) as CprlintConfig;
  edit(config);
  if (inPackage) whole.cprlint = config;
  writeFileAtomically(target, `${JSON.stringify(inPackage ? whole : config, null, 2)}\n`);
  forgetConfigs();
}
