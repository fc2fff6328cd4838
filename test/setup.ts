// Before the tests: compiles src/ into lib/ once (the tests run the real command,
// bin/editions.js), and gives the run a scratch folder of its own as the temporary
// directory — every folder the tests and the commands they run make goes in it, and it is
// removed when the run ends, so test runs leave nothing behind in /tmp.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../scripts/compile.mjs';

export default async function setup(): Promise<() => void> {
  await compile();
  const scratch = mkdtempSync(join(tmpdir(), 'editions-tests-'));
  // (open to other users, as /tmp is: a test runs the command as nobody to meet a read-only out/)
  chmodSync(scratch, 0o755);
  // (the test workers start after this and inherit it; os.tmpdir() reads TMPDIR)
  process.env.TMPDIR = scratch;
  return () => rmSync(scratch, { recursive: true, force: true });
}
