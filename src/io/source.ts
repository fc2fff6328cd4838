import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import { decodeText, type Decoded } from './decode.ts';
import { SOURCE_EXTENSIONS } from './sniff.ts';

/** A source's bytes, with one plain message for each way the file can be unusable. */
export function readSourceBytes(path: string): Buffer {
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
  if (bytes.length === 0) throw new UserError(`${path}: the file is empty`);
  return bytes;
}

/** Reads a raw text source. */
export const readSource = (path: string): Decoded => decodeText(readSourceBytes(path), path);

/** The file of a source named in editions.yaml: `<name>.txt`, `.md` (already in the model), `.html`, `.epub` or `.pdf`. */
export const sourceFile = (dir: string, name: string): string => SOURCE_EXTENSIONS.map((x) => join(dir, `${name}${x}`)).find(existsSync) ?? join(dir, `${name}.txt`);
