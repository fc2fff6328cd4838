import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import { decodeText, type Decoded } from './decode.ts';

/** Reads a raw source, with one plain message for each way it can be unusable. */
export function readSource(path: string): Decoded {
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    throw new UserError(`${path}: no such file`);
  }
  if (st.isDirectory()) throw new UserError(`${path}: is a directory, not a text file`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UserError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return decodeText(bytes, path);
}

/** The file of a source named in editions.yaml: `<name>.txt`, or `<name>.md` (already in the model). */
export const sourceFile = (dir: string, name: string): string => ['.txt', '.md'].map((x) => join(dir, `${name}${x}`)).find(existsSync) ?? join(dir, `${name}.txt`);
