import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { UserError } from '../errors.ts';

/**
 * Writes a file so that readers see the old content or the new, never half of either:
 * the bytes go to a temporary file beside it, which is then renamed over the target.
 */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${threadId}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written there
    }
    const code = (e as NodeJS.ErrnoException).code;
    // A folder that cannot be made or written, a full disk: the user's to fix, in one line.
    if (code) throw new UserError(`${path}: cannot be written (${code})`);
    throw e;
  }
}
