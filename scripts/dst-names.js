// Reads Danmarks Statistik's first-name and surname counts (CC BY 4.0, ../shared/data/dst-names),
// for the scripts that derive the lists cprlint ships from them.
import fs from 'node:fs';
import path from 'node:path';

/** The project's folder. */
export const ROOT = path.resolve(import.meta.dirname, '..');

/** Where the counts are: the script's first argument, or ../shared/data/dst-names. */
const namesSource = () => process.argv[2] ?? path.resolve(ROOT, '..', 'shared', 'data', 'dst-names');

// A name borne by fewer people adds little recall and many chances to mistake a word for a name.
export const MIN_PEOPLE = 20;

/** The one-word names of `file` borne by at least MIN_PEOPLE people, `minLength` letters or more. */
export function dstNames(file, minLength) {
  const names = new Set();
  for (const line of fs.readFileSync(path.join(namesSource(), file), 'utf8').split('\n')) {
    const [name, count] = line.split('\t');
    if (!name || Number(count) < MIN_PEOPLE) continue;
    // One word per entry: "DE LA CRUZ" and the like are matched word by word as middle names.
    if (!/^[\p{Lu}][\p{Lu}'-]*$/u.test(name) || name.length < minLength) continue;
    names.add(name);
  }
  return names;
}
