// Where the project's own files are (the schema, the lock file), from wherever this code runs:
// the TypeScript in src/ or the compiled bundle in lib/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, 'editions.schema.json'))) return d;
    if (dirname(d) === d) return join(from, '..');
  }
}

export const projectRoot = findRoot(import.meta.dirname);
/** The folder of the code that is running (src/ or lib/), hashed into the cache key. */
export const codeDir = join(import.meta.dirname);

/** A project folder (fonts/, templates/) in the working folder, else the tool's own: editions runs from anywhere. */
export const ownOr = (name: string): string => (existsSync(name) ? name : join(projectRoot, name));
