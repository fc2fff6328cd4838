// `npm run eval`: the whole development corpus (../shared/corpus/) through the shared gauge, when
// it is there; extra arguments go to eval_corpus.py (--only NAME, --detail, --keep DIR).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const tool = join(import.meta.dirname, '..', '..', 'shared', 'tools', 'eval_corpus.py');
if (!existsSync(tool)) {
  console.error(`editions: no development corpus here (${tool} is missing); npm test scores the subset in test/corpus/`);
  process.exit(2);
}
const r = spawnSync('python3', [tool, ...process.argv.slice(2)], { stdio: 'inherit', cwd: join(import.meta.dirname, '..') });
process.exit(r.status ?? 1);
