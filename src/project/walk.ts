import { spawnSync } from 'node:child_process';
import { readdirSync, type Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { forgetListings, rememberListing } from './config.js';
import { NotRegularFileError, readProjectFile } from './regular-files.js';
import { UsageError } from './usage-error.js';


export interface WalkEntry {
  path: string;
  kind: 'file' | 'directory';
  /** Named on the command line, rather than found under a named directory. */
  explicit: boolean;
  /** The folder's listing showed a regular file (not a link, FIFO, socket or device). */
  regularFile?: boolean;
}

const NEVER_WALKED = new Set(['node_modules', '.git']);
const IGNORE_FILES = ['.gitignore', '.cprlintignore'];
// Folders generators write a site into: left out by an ignore file, they are named in the summary.
const BUILD_FOLDERS = new Set(['dist', 'build', '_site', 'public', 'out', '.next', '.output', '.vercel', '.netlify', '.svelte-kit', '.astro']);

/** What a walk left out, for the run's summary. */
export interface WalkSummary {
  /** Build output folders an ignore file left out, relative to the working directory. */
  ignoredBuildFolders: string[];
}

/**
 * Git's own answer to which files of a work tree it ignores, so that cprlint and git never
 * disagree (negations in deeper .gitignore files, .git/info/exclude, the user's excludes file,
 * tracked files that a pattern matches). Undefined when `root` is not the top of a work tree (or
 * git is missing, or fails): then the ignore files are read as before.
 */
function gitIgnored(root: string): ((fullPath: string, isDirectory: boolean) => boolean) | undefined {
  // A folder can carry a .git of its own, whose configuration could run a command (core.fsmonitor)
  // or stall: those are off, and git has a time limit, past which the ignore files are read instead.
  const git = (args: string[]) =>
    spawnSync('git', ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 30_000 });
  const top = git(['rev-parse', '--show-toplevel']);
  if (top.status !== 0 || top.error) return undefined;
  // Only for a walk of the whole work tree: a folder named on purpose (`cprlint dist`) is walked
  // with the ignore files in and below it, never with patterns from above it.
  if (path.resolve(top.stdout.trim()) !== path.resolve(root)) return undefined;
  // Untracked files git ignores, a wholly ignored folder named once (with its "/"), paths from `root`.
  const listed = git(['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory', '--', '.']);
  if (listed.status !== 0 || listed.error) return undefined;
  const ignored = new Set(listed.stdout.split('\0').filter(Boolean).map((relative) => path.join(root, relative)));
  // `root` itself ignored: git names it "./".
  if (ignored.has(`${root}${path.sep}`)) return undefined;
  return (fullPath, isDirectory) => ignored.has(isDirectory ? `${fullPath}${path.sep}` : fullPath);
}

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

function ignoreScope(directory: string, names: readonly string[]): IgnoreScope | undefined {
  let rules: Ignore | undefined;
  for (const name of names) {
    let content: string;
    try {
      content = readProjectFile(path.join(directory, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      // One that is not a file (a link to /dev/null, a FIFO) holds no patterns: nothing is left
      // out for it, so a scan reads more, never less.
      if (error instanceof NotRegularFileError) continue;
      throw new UsageError(`Cannot read ignore file ${path.join(directory, name)}: ${(error as Error).message}`);
    }
    rules ??= ignore();
    rules.add(content);
  }
  return rules && { base: directory, rules };
}

function isIgnored(fullPath: string, isDirectory: boolean, scopes: readonly IgnoreScope[]): boolean {
  for (const scope of scopes) {
    const relative = path.relative(scope.base, fullPath).split(path.sep).join('/');
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    if (scope.rules.ignores(isDirectory ? `${relative}/` : relative)) return true;
  }
  return false;
}

/**
 * The files and directories to scan for the paths and globs given. A directory is walked with the
 * `.gitignore` and `.cprlintignore` files found in and below it (and the `.cprlintignore` of the
 * working directory); ignore files above a named directory do not apply, so `cprlint dist` scans a
 * build output that `.gitignore` lists. `node_modules` and `.git` are never walked. With `globs`
 * off, a path that does not exist is missing even if it looks like a glob (`app/[id]/page.md`).
 */
export async function* walk(paths: readonly string[], cwd: string, globs = true, summary?: WalkSummary): AsyncGenerator<WalkEntry> {
  forgetListings();
  const projectScope = ignoreScope(cwd, ['.cprlintignore']);
  const rootScopes = projectScope ? [projectScope] : [];
  for (const given of paths) {
    const fullPath = path.resolve(cwd, given);
    const stat = await fs.stat(fullPath).catch(() => undefined);
    if (stat?.isDirectory()) {
      yield { path: fullPath, kind: 'directory', explicit: true };
      const tally: Tally = { files: 0, ignored: 0, buildFolders: summary?.ignoredBuildFolders ?? [], cwd };
      yield* walkDirectory(fullPath, rootScopes, tally);
      // A build folder whose own ignore file says "*" must not pass as clean.
      if (tally.files === 0 && tally.ignored > 0) {
        throw new UsageError(`All files under ${given} are ignored by a .gitignore or .cprlintignore: name the files, or change the ignore file`);
      }
    } else if (stat) {
      yield { path: fullPath, kind: 'file', explicit: true };
    } else if (globs && isDynamicPattern(given)) {
      const matches = await glob(given, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      const kept = matches.sort().filter((match) => !isIgnored(match, false, rootScopes));
      if (kept.length === 0) throw new UsageError(`No files match the pattern "${given}"`);
      for (const match of kept) yield { path: match, kind: 'file', explicit: false };
    } else {
      throw new UsageError(`No such file or directory: ${given}`);
    }
  }
}

interface Tally {
  files: number;
  ignored: number;
  /** Build output folders left out (relative to `cwd`). */
  buildFolders: string[];
  cwd: string;
}

/** A directory being walked: its entries in name order, the next one to take, its ignore scopes. */
interface Frame {
  directory: string;
  entries: Dirent[];
  next: number;
  scopes: readonly IgnoreScope[];
  /** Git's answer for this tree, when it is in a git work tree; then .gitignore files are git's to read. */
  ignoredByGit: ((fullPath: string, isDirectory: boolean) => boolean) | undefined;
}

// A folder is listed synchronously: the listing costs what the kernel takes (its whole path walked
// again), where a promise per folder also cost a trip through the thread pool and the event loop,
// and a tree 1,500 levels deep spent most of its time waiting for those. After this many folders
// the walk lets the event loop turn, so that a server walking a workspace still answers.
const FOLDERS_PER_TURN = 64;

/**
 * A directory's files and folders, depth first, each folder before what it holds. One generator
 * with a stack of frames, not one per level: nested generators pass every entry up through each
 * level above it, which made a tree 1,500 levels deep cost the square of its depth.
 */
async function* walkDirectory(root: string, outerScopes: readonly IgnoreScope[], tally: Tally): AsyncGenerator<WalkEntry> {
  const ignoredByGit = gitIgnored(root);
  const stack: Frame[] = [frameOf(root, outerScopes, ignoredByGit)];
  let listed = 1;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const entry = frame.entries[frame.next++];
    if (!entry) {
      stack.pop();
      continue;
    }
    if (NEVER_WALKED.has(entry.name)) continue;
    // A listed name is one folder's: joined as it is, not normalised again with the whole path.
    const fullPath = frame.directory.endsWith(path.sep) ? frame.directory + entry.name : frame.directory + path.sep + entry.name;
    // Symbolic links to directories are not followed: a walk must end.
    const isDirectory = entry.isDirectory();
    // FIFOs, sockets and devices are yielded too: the scan names them as not scanned, unopened.
    if (frame.ignoredByGit?.(fullPath, isDirectory) || isIgnored(fullPath, isDirectory, frame.scopes)) {
      tally.ignored += 1;
      if (isDirectory && BUILD_FOLDERS.has(entry.name)) tally.buildFolders.push(path.relative(tally.cwd, fullPath) || entry.name);
      continue;
    }
    if (isDirectory) {
      yield { path: fullPath, kind: 'directory', explicit: false };
      if (++listed % FOLDERS_PER_TURN === 0) await new Promise(setImmediate);
      stack.push(frameOf(fullPath, frame.scopes, frame.ignoredByGit));
    } else {
      if (entry.isSymbolicLink() && (await fs.stat(fullPath).catch(() => undefined))?.isDirectory()) continue;
      tally.files += 1;
      yield { path: fullPath, kind: 'file', explicit: false, regularFile: entry.isFile() };
    }
  }
}

/**
 * A directory's frame: its listing, and its ignore files read (only those the listing holds; in a
 * git work tree only .cprlintignore, git answering for .gitignore).
 */
function frameOf(directory: string, outerScopes: readonly IgnoreScope[], ignoredByGit: Frame['ignoredByGit']): Frame {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`Cannot read directory ${directory}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  rememberListing(directory, entries.map((entry) => entry.name));
  const present = IGNORE_FILES.filter((name) => (!ignoredByGit || name !== '.gitignore') && entries.some((entry) => entry.name === name));
  const scope = present.length > 0 ? ignoreScope(directory, present) : undefined;
  return { directory, entries, next: 0, scopes: scope ? [...outerScopes, scope] : outerScopes, ignoredByGit };
}
