// `editions build` as a user runs it: the project's editions.yaml on a copy of the project,
// built whole, then again with nothing changed, then after one sidecar changes; progress
// and the summary table on stderr, the report with --json, the review pages, --watch.
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { root } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'editions-build-'));
for (const d of ['editions.yaml', 'sources', 'packs', 'templates', 'fonts']) cpSync(join(root, d), join(work, d), { recursive: true });
const args = (xs: string[]) => [join(root, 'bin/editions.js'), ...xs];
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
const cli = (xs: string[]) => {
  const r = spawnSync(process.execPath, args(xs), { cwd: work, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
type Run = { editions: { edition: string; kind: string; status: string; pages?: number; notes?: number; files: string[] }[]; sources: Record<string, { normalised: boolean }>; failed: number };
const EDITIONS = ['stalin-foundations-of-leninism', 'stalin-dictatorship-of-the-proletariat-paged', 'lorimer-introduction-to-state-and-revolution', 'npa-lenin-lessons-from-the-past', 'james-world-revolution-lenin', 'lenin-and-the-state'];
const status = (r: Run) => Object.fromEntries(r.editions.map((e) => [e.edition, e.status]));

let first: { code: number | null; out: string; err: string };
beforeAll(() => {
  first = cli(['build', '--json']);
}, 240_000);

describe('a full build from editions.yaml', () => {
  it('makes every edition of the file: EPUB and PDF for the five books and the pack', () => {
    expect(first.code, first.err).toBe(0);
    const r = JSON.parse(first.out) as Run;
    expect(r.editions.map((e) => [e.edition, e.status])).toEqual(EDITIONS.map((e) => [e, 'done']));
    for (const e of EDITIONS) for (const f of ['epub', 'pdf']) expect(statSync(join(work, 'out', f, `${e}.${f}`)).size).toBeGreaterThan(10_000);
    const pack = r.editions.find((e) => e.edition === 'lenin-and-the-state')!;
    expect(pack).toMatchObject({ kind: 'pack', notes: 38 });
    expect(pack.pages).toBeGreaterThan(50);
  });

  it('tells what it is doing: a line per edition and stage when not on a terminal, then a summary table', () => {
    for (const e of EDITIONS) expect(first.err).toMatch(new RegExp(`^${e}: done \\(\\d+ pages, [\\d.]+ [KM]B, [\\d.]+ m?s\\)$`, 'm'));
    expect(first.err).toMatch(/^lenin-and-the-state: pdf$/m);
    expect(first.err).toMatch(/^edition\s+kind\s+pages\s+notes\s+doubts\s+warnings\s+size\s+time\s+status$/m);
    expect(first.err).toMatch(/^lenin-and-the-state\s+pack\s+\d+\s+38\s+\d+\s+0\s+[\d.]+ [KM]B\s+[\d.]+ m?s\s+done$/m);
    expect(first.err).toMatch(/6 of 6 editions ready in out\//);
    expect(first.err).not.toMatch(/\x1b\[/); // no terminal codes in a log
  });

  it('writes a review page per source: every change beside its raw lines, doubts highlighted', () => {
    const html = readFileSync(join(work, 'out/report/stalin-foundations-of-leninism.html'), 'utf8');
    const report = JSON.parse(readFileSync(join(work, 'out/report/stalin-foundations-of-leninism.json'), 'utf8'));
    expect((html.match(/<article class="doubt">/g) ?? []).length).toBe(report.doubts.length);
    expect((html.match(/<article class="/g) ?? []).length).toBe(report.doubts.length + report.changes.length);
    // the folio of p. 40 (raw line 1403), removed, shown with its line
    expect(html).toMatch(/<article class="removed"><div><table class="raw"><tr><td class="no">1403<\/td><td><code>40<\/code><\/td><\/tr><\/table><\/div><div><div class="kind">remove-folio · line 1403<\/div><del>40<\/del>/);
    // a join across a line end, with the raw line's trailing space made visible
    expect(html).toMatch(/<article class="joined">.*expo-<\/code>.*dehyphenate/s);
    for (const s of ['james-world-revolution-lenin', 'lorimer-introduction-to-state-and-revolution', 'npa-lenin-lessons-from-the-past', 'stalin-dictatorship-of-the-proletariat-paged']) expect(existsSync(join(work, 'out/report', `${s}.html`))).toBe(true);
  });
});

describe('incremental builds', () => {
  it('with nothing changed, nothing is rebuilt and no file is written', () => {
    const before = EDITIONS.map((e) => statSync(join(work, 'out/pdf', `${e}.pdf`)).mtimeMs);
    const r = cli(['build', '--json']);
    expect(r.code, r.err).toBe(0);
    const run = JSON.parse(r.out) as Run;
    expect(Object.values(status(run))).toEqual(EDITIONS.map(() => 'unchanged'));
    expect(Object.values(run.sources).every((s) => !s.normalised)).toBe(true);
    expect(EDITIONS.map((e) => statSync(join(work, 'out/pdf', `${e}.pdf`)).mtimeMs)).toEqual(before);
  }, 60_000);

  it('a changed sidecar rebuilds its book and the pack it is in, and nothing else', () => {
    appendFileSync(join(work, 'sources/npa-lenin-lessons-from-the-past.yaml'), 'translator: Left Voice\n');
    const r = cli(['build', '--json']);
    expect(r.code, r.err).toBe(0);
    const run = JSON.parse(r.out) as Run;
    expect(status(run)).toEqual({
      'stalin-foundations-of-leninism': 'unchanged',
      'stalin-dictatorship-of-the-proletariat-paged': 'unchanged',
      'lorimer-introduction-to-state-and-revolution': 'unchanged',
      'npa-lenin-lessons-from-the-past': 'done',
      'james-world-revolution-lenin': 'unchanged',
      'lenin-and-the-state': 'done',
    });
    expect(Object.entries(run.sources).filter(([, s]) => s.normalised).map(([n]) => n)).toEqual(['npa-lenin-lessons-from-the-past']);
  }, 120_000);

  it('one worker or two: the same bytes', () => {
    const only = ['--only', 'james-world-revolution-lenin,lenin-and-the-state', '--force'];
    expect(cli(['build', ...only, '--jobs', '1', '--out', 'one']).code).toBe(0);
    expect(cli(['build', ...only, '--jobs', '2', '--out', 'two']).code).toBe(0);
    for (const f of ['epub/james-world-revolution-lenin.epub', 'pdf/lenin-and-the-state.pdf', 'epub/lenin-and-the-state.epub']) {
      expect(readFileSync(join(work, 'one', f)).equals(readFileSync(join(work, 'two', f))), f).toBe(true);
    }
  }, 180_000);
});

describe('the command line', () => {
  it.each([
    [['build', '--only', 'nonesuch'], 2, /--only nonesuch: no such edition in editions\.yaml/],
    [['build', '--format', 'mobi'], 2, /--format mobi: known formats are md, epub, pdf/],
    [['build', '--jobs', '0'], 2, /--jobs 0: a whole number of workers/],
    [['build', '--config', 'nowhere.yaml'], 1, /^editions: nowhere\.yaml: no such file$/m],
    [['build', '--only', 'james-world-revolution-lenin', '--out', 'editions.yaml/out'], 1, /editions\.yaml\/out\/markdown\/james-world-revolution-lenin\.md: cannot be written \(ENOTDIR\)/],
  ])('%j exits %i with a plain message', (xs, code, msg) => {
    const r = cli(xs);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(msg);
  });

  it('a broken editions.yaml builds nothing and says where', () => {
    const bad = readFileSync(join(work, 'editions.yaml'), 'utf8').replace('  - name: james-world-revolution-lenin\n', '  - name: james-world-revolution-lenin\n    paper: A3\n');
    writeFileSync(join(work, 'bad.yaml'), bad);
    const r = cli(['build', '--config', 'bad.yaml', '--out', 'never']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^editions: bad\.yaml:\d+: paper “A3” is not in template “default”/m);
    expect(existsSync(join(work, 'never'))).toBe(false);
  });

  it('builds a folder of texts from any working folder, with the tool’s own fonts and templates', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'editions-elsewhere-'));
    cpSync(join(root, 'sources', 'james-world-revolution-lenin.txt'), join(elsewhere, 'texts', 'james.txt'), { recursive: true });
    const r = spawnSync(process.execPath, args(['build', '--sources', 'texts', '--format', 'epub,pdf']), { cwd: elsewhere, encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(elsewhere, 'out/epub/james.epub'))).toBe(true);
    expect(existsSync(join(elsewhere, 'out/pdf/james.pdf'))).toBe(true);
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('--format epub builds only the EPUB; --only picks editions', () => {
    const r = cli(['build', '--only', 'james-world-revolution-lenin', '--format', 'epub', '--out', 'epubonly', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(work, 'epubonly/epub/james-world-revolution-lenin.epub'))).toBe(true);
    expect(existsSync(join(work, 'epubonly/pdf'))).toBe(false);
    expect((JSON.parse(r.out) as Run).editions.map((e) => e.edition)).toEqual(['james-world-revolution-lenin']);
  });

  it('a missing font fails the editions that need it, names the file, and keeps their last good files', () => {
    const before = readFileSync(join(work, 'out/epub/james-world-revolution-lenin.epub'));
    const fonts = join(work, 'fonts');
    cpSync(fonts, join(work, 'fonts-saved'), { recursive: true });
    rmSync(join(fonts, 'LinLibertine_RI.otf'));
    try {
      const r = cli(['build', '--only', 'james-world-revolution-lenin', '--force']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^error: james-world-revolution-lenin: fonts\/LinLibertine_RI\.otf: font file not found$/m);
      expect(readFileSync(join(work, 'out/epub/james-world-revolution-lenin.epub')).equals(before)).toBe(true);
    } finally {
      cpSync(join(work, 'fonts-saved'), fonts, { recursive: true });
    }
  });

  it('--watch rebuilds what a change touches', async () => {
    const p = spawn(process.execPath, args(['build', '--watch', '--only', 'james-world-revolution-lenin', '--out', 'watched', '--jobs', '1']), { cwd: work, env });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    const waitFor = (re: RegExp, ms: number) =>
      new Promise<void>((resolve, reject) => {
        const t0 = Date.now();
        const tick = setInterval(() => {
          if (re.test(err)) {
            clearInterval(tick);
            resolve();
          } else if (Date.now() - t0 > ms) {
            clearInterval(tick);
            reject(new Error(`timed out waiting for ${re}:\n${err}`));
          }
        }, 100);
      });
    try {
      await waitFor(/watching for changes/, 60_000);
      expect(err.match(/^james-world-revolution-lenin: done/gm)).toHaveLength(1);
      appendFileSync(join(work, 'sources/james-world-revolution-lenin.yaml'), 'translator: nobody\n');
      await waitFor(/watching for changes[\s\S]*watching for changes/, 60_000);
      expect(err.match(/^james-world-revolution-lenin: done/gm)).toHaveLength(2);
      // a source that turns invalid: a message, the last good outputs kept; fixed: rebuilt
      const epub = join(work, 'watched/epub/james-world-revolution-lenin.epub');
      const good = readFileSync(epub);
      const text = readFileSync(join(work, 'sources/james-world-revolution-lenin.txt'));
      writeFileSync(join(work, 'sources/james-world-revolution-lenin.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
      await waitFor(/(watching for changes[\s\S]*){3}/, 60_000);
      expect(err).toMatch(/james-world-revolution-lenin[^\n]*(binary|not a text)/i);
      expect(readFileSync(epub).equals(good)).toBe(true);
      writeFileSync(join(work, 'sources/james-world-revolution-lenin.txt'), text);
      await waitFor(/(watching for changes[\s\S]*){4}/, 60_000);
      // the text is the last good one again: its outputs stand, and the round reports no failure
      const last = err.slice(err.lastIndexOf('watching for changes', err.lastIndexOf('watching for changes') - 1));
      expect(last).not.toMatch(/failed/);
      expect(readFileSync(epub).equals(good)).toBe(true);
    } finally {
      p.kill();
    }
  }, 150_000);
});
