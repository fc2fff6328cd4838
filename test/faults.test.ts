// Faults: a build killed at any moment (SIGKILL while it normalises, writes the EPUB, the PDF
// or its state) leaves every previous output intact and the next build correct; two builds
// started at once in the same out/ both end with correct outputs; an out/ that cannot be
// written is a plain message and a non-zero exit.
import { beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { root } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'editions-faults-'));
const src = join(dir, 'src');
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
const args = (out: string, extra: string[] = []) => [join(root, 'bin/editions.js'), 'build', '--sources', src, '--out', out, '--jobs', '1', ...extra];
const build = (out: string, extra: string[] = []) => spawnSync(process.execPath, args(out, extra), { cwd: root, encoding: 'utf8', env });

/** Every output file (not the state, the cache or temporary files) → its hash. */
function outputs(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const sub of ['markdown', 'report', 'epub', 'pdf']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(out, sub));
    } catch {
      continue;
    }
    for (const f of names.filter((n) => !n.startsWith('.'))) {
      const p = join(out, sub, f);
      if (statSync(p).isFile()) files[relative(out, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  }
  return files;
}

let reference: Record<string, string>;
beforeAll(() => {
  mkdirSync(src);
  for (const f of ['npa-lenin-lessons-from-the-past', 'stalin-dictatorship-of-the-proletariat-paged']) for (const ext of ['txt', 'yaml']) cpSync(join(root, 'sources', `${f}.${ext}`), join(src, `${f}.${ext}`));
  const r = build(join(dir, 'ref'));
  expect(r.status, r.stderr).toBe(0);
  reference = outputs(join(dir, 'ref'));
}, 240_000);

describe('a build killed at any moment', () => {
  it('leaves the previous outputs intact, and the next build correct', async () => {
    const out = join(dir, 'killed');
    expect(build(out).status).toBe(0);
    expect(outputs(out)).toEqual(reference);
    // kill a forced rebuild at moments spread over its run: normalising, EPUB, PDF, state
    for (const ms of [150, 400, 700, 1000, 1400, 1900, 2500]) {
      const child = spawn(process.execPath, args(out, ['--force']), { cwd: root, env, stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, ms));
      child.kill('SIGKILL');
      await exited;
      // every output is the last good one, whole (a rewrite is atomic and gives the same bytes)
      expect(outputs(out), `killed after ${ms} ms`).toEqual(reference);
    }
    const after = build(out);
    expect(after.status, after.stderr).toBe(0);
    expect(outputs(out)).toEqual(reference);
  }, 240_000);
});

describe('two builds at once in the same out/', () => {
  it('both end, and the outputs are correct', async () => {
    const out = join(dir, 'twice');
    const run = () => new Promise<number | null>((resolve) => spawn(process.execPath, args(out, ['--force']), { cwd: root, env, stdio: 'ignore' }).once('exit', resolve));
    const codes = await Promise.all([run(), run()]);
    expect(codes).toEqual([0, 0]);
    expect(outputs(out)).toEqual(reference);
  }, 240_000);
});

describe('an out/ that cannot be written', () => {
  it('is a plain message naming the file and a non-zero exit', () => {
    if (process.getuid?.() === 0 && spawnSync('id', ['nobody']).status !== 0) return;
    const out = join(dir, 'readonly');
    mkdirSync(out);
    chmodSync(out, 0o555);
    chmodSync(dir, 0o755);
    // as root nothing is read-only: run as nobody then
    const asRoot = process.getuid?.() === 0;
    const r = asRoot
      ? spawnSync('su', ['nobody', '-s', '/bin/sh', '-c', `cd ${root} && ${process.execPath} ${args(out).map((a) => `'${a}'`).join(' ')}`], { encoding: 'utf8', env })
      : build(out);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/cannot be written \(EACCES\)/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  }, 120_000);
});
