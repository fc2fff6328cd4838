// `npm test`: the type check (tsc), the linter (Biome), then vitest; prints the plain line CI
// reads: "N passed, N failed" (the type check and the linter count as one check each).
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const bin = (pkg, rel) => join(require.resolve(`${pkg}/package.json`), '..', rel);
let passed = 0;
let failed = 0;
const check = (name, args) => {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.error(`${name} failed`);
  }
};
check('type check (tsc --noEmit)', [bin('typescript', 'bin/tsc'), '--noEmit']);
check('lint (biome lint)', [bin('@biomejs/biome', 'bin/biome'), 'lint']);

const vitest = bin('vitest', 'vitest.mjs');
const reportDir = mkdtempSync(join(tmpdir(), 'editions-test-'));
const report = join(reportDir, 'vitest.json');
const r = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' });
try {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests + (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0);
} catch {
  failed++;
}
rmSync(reportDir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(r.status === 0 && failed === 0 ? 0 : 1);
