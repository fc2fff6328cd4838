import { UserError } from '../../errors.ts';
import type { ReadOriginal } from '../index.ts';

export async function readPdf(_bytes: Uint8Array, path: string): Promise<ReadOriginal> {
  throw new UserError(`${path}: PDF sources are not read yet`);
}
