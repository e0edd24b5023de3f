import path from 'node:path';

// Node's path.resolve and path.relative rebuild a path folder by folder, however normal it is
// already: a file 1,500 folders deep cost each call thousands of small strings, and a walk makes
// a few calls a file. A walk's paths are absolute and normal from the start; these pass such a
// path as it is, and leave any other to Node.

// A POSIX path with an empty, "." or ".." folder in it, or a separator at its end.
const NOT_NORMAL = /\/(?:\.{1,2})?(?:\/|$)/;

/** Whether `filePath` is absolute and already in the form path.resolve would give it. */
function isNormalAbsolute(filePath: string): boolean {
  return path.sep === '/' && filePath.startsWith('/') && (filePath === '/' || !NOT_NORMAL.test(filePath));
}

/** `filePath` made absolute (from the working directory) and normal, as path.resolve makes it. */
export function absolutePath(filePath: string): string {
  return isNormalAbsolute(filePath) ? filePath : path.resolve(filePath);
}

/** `filePath` relative to `folder`, as path.relative gives it. */
export function relativePath(folder: string, filePath: string): string {
  if (isNormalAbsolute(folder) && isNormalAbsolute(filePath)) {
    if (filePath === folder) return '';
    const base = folder === '/' ? folder : `${folder}/`;
    if (filePath.startsWith(base)) return filePath.slice(base.length);
  }
  return path.relative(folder, filePath);
}
