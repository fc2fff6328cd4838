// Incremental builds: each output is keyed by a content hash of everything it is made
// from (the raw texts and sidecars, the template, the fonts, the settings, and the tool's
// own code). Nothing changed: nothing is rebuilt.
import { codeDir, projectRoot } from '../paths.ts';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../io/atomic.ts';

const fileHashes = new Map<string, string>();

export function hashOf(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}

/** Hash of a file's bytes, or of a folder's files (names and bytes, sorted); "" when absent. */
export function hashPath(path: string): string {
  let h = fileHashes.get(path);
  if (h !== undefined) return h;
  if (!existsSync(path)) h = '';
  else if (statSync(path).isDirectory()) {
    const entries = readdirSync(path, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(path, f)).isFile()).sort();
    h = hashOf(...entries.flatMap((f) => [f, hashPath(join(path, f))]));
  } else h = hashOf(readFileSync(path));
  fileHashes.set(path, h);
  return h;
}

/** Forget file hashes (a watch loop's next round reads the files again). */
export const forgetHashes = (): void => fileHashes.clear();

/** The tool's own code and dependencies: a new version rebuilds everything. */
// (the compiled word list is not code: it comes from the lock file's package, hashed already)
const codeFiles = (): string[] =>
  readdirSync(codeDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f !== 'words.txt' && statSync(join(codeDir, f)).isFile())
    .sort();
export const toolHash = (): string => hashOf(...codeFiles().flatMap((f) => [f, hashPath(join(codeDir, f))]), hashPath(join(projectRoot, 'package-lock.json')), hashPath(join(projectRoot, 'editions.schema.json')));

export interface BuildState {
  version: 1;
  /** Source name → hash of what its Markdown model was made from. */
  sources: Record<string, string>;
  /** Edition name → hash of its inputs, its files, and the summary of its last build. */
  editions: Record<string, { hash: string; files: string[]; summary: unknown }>;
}

const statePath = (outDir: string) => join(outDir, '.state.json');

export function readState(outDir: string): BuildState {
  try {
    const s = JSON.parse(readFileSync(statePath(outDir), 'utf8')) as BuildState;
    if (s.version === 1) return s;
  } catch {
    // no state, or an unreadable one: build everything
  }
  return { version: 1, sources: {}, editions: {} };
}

export function writeState(outDir: string, s: BuildState): void {
  writeAtomic(statePath(outDir), `${JSON.stringify(s, null, 1)}\n`);
}
