// The gauge from the tests: many normalised texts scored in one Python process (score.py).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GaugeJob {
  raw: string;
  out: string;
  expect: string | null;
  gold: string | null;
}

/** The figures the floors are set on, for one normalised text. */
export interface Score {
  linked: number;
  expected: number;
  failures: unknown[];
  residue: number;
  residueByClass: Record<string, number>;
  kept: number;
  gold: number | null;
  dangling: number;
  unreferenced: number;
}

/** Scores the jobs (their list is written to `dir`); one Score per job, in order. */
export function scoreJobs(jobs: GaugeJob[], dir: string): Score[] {
  writeFileSync(join(dir, 'jobs.json'), JSON.stringify(jobs));
  const r = spawnSync('python3', [join(import.meta.dirname, 'score.py'), join(dir, 'jobs.json')], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`the gauge failed: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout) as Score[];
}
