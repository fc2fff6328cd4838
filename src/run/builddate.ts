import { execFileSync } from 'node:child_process';
import { UserError } from '../errors.ts';

/**
 * The date an edition records as its modification time. SOURCE_DATE_EPOCH wins (the
 * reproducible-builds convention); otherwise the time of the checkout's last commit, so the
 * same checkout always builds the same bytes; outside git, a fixed date.
 */
export function buildDate(cwd = process.cwd()): Date {
  const env = process.env.SOURCE_DATE_EPOCH;
  if (env !== undefined && env !== '') {
    if (!/^\d+$/.test(env)) throw new UserError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not “${env}”`, 2);
    return new Date(Number(env) * 1000);
  }
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (/^\d+$/.test(out)) return new Date(Number(out) * 1000);
  } catch {
    // not a git checkout
  }
  return new Date(Date.UTC(2000, 0, 1));
}
