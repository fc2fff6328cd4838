// npm run bench: the work a user does with editions, each as a whole process (median of
// several runs), beside the peers on the same text in the same run when they are installed
// (Pandoc, Calibre's ebook-convert, Typst, XeLaTeX); then in-process normalising throughput,
// its growth at 1×, 10× and 50× the Foundations of Leninism, and the memory the 50× text takes.
// BENCH_RUNS sets the runs per row (default 5).
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { normalize } from '../src/normalize/chain.ts';
import { decodeText } from '../src/io/decode.ts';
import { loadSidecar } from '../src/config/sidecar.ts';

const root = join(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const scratch = mkdtempSync(join(tmpdir(), 'editions-bench-'));
const bin = join(root, 'bin', 'editions.js');
const foundations = join(root, 'sources', 'stalin-foundations-of-leninism.txt');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall time of a command, run `n` times (after one untimed run), in ms. */
function wall(cmd: string, args: string[], n = runs, opts: { cwd?: string; before?: () => void } = {}): number {
  const once = () => {
    opts.before?.();
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd: opts.cwd ?? root, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
    return performance.now() - t;
  };
  once();
  return median(Array.from({ length: n }, once));
}
const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Row {
  work: string;
  ours: number;
  peer?: string;
  theirs?: number;
}
const rows: Row[] = [];
const row = (r: Row) => {
  rows.push(r);
  const peer = r.peer ? (r.theirs === undefined ? `${r.peer}: not installed` : `${r.peer} ${s(r.theirs)} (editions ${(r.theirs / r.ours).toFixed(2)}× as fast)`) : '';
  console.log(`  ${r.work.padEnd(44)} ${s(r.ours).padStart(8)}   ${peer}`);
};

console.log(`whole process, median of ${runs} runs (${availableParallelism()} cores here)`);
const md = join(scratch, 'foundations.md');
row({ work: 'editions --help', ours: wall(process.execPath, [bin, '--help']), peer: 'pandoc --version', theirs: have('pandoc') ? wall('pandoc', ['--version']) : undefined });
row({
  work: 'raw → Markdown (normalize Foundations)',
  ours: wall(process.execPath, [bin, 'normalize', foundations, '-o', md]),
  peer: 'Calibre raw → EPUB, heuristics',
  theirs: have('ebook-convert') ? wall('ebook-convert', [foundations, join(scratch, 'calibre.epub'), '--enable-heuristics'], Math.min(runs, 3)) : undefined,
});
const one = (format: string) => [bin, 'build', '--only', 'stalin-foundations-of-leninism', '--format', format, '--force', '--out', join(scratch, 'one')];
row({ work: 'raw → EPUB (Foundations)', ours: wall(process.execPath, one('epub')), peer: 'Pandoc Markdown → EPUB', theirs: have('pandoc') ? wall('pandoc', [md, '-o', join(scratch, 'pandoc.epub')]) : undefined });
const pdfPeer = have('typst') ? 'Typst' : 'Pandoc + XeLaTeX';
let pdfTheirs: number | undefined;
if (have('typst') && have('pandoc')) {
  spawnSync('pandoc', [md, '-s', '-t', 'typst', '-o', join(scratch, 'f.typ')]);
  pdfTheirs = wall('typst', ['compile', join(scratch, 'f.typ'), join(scratch, 'typst.pdf')], Math.min(runs, 3));
} else if (have('pandoc') && have('xelatex')) pdfTheirs = wall('pandoc', [md, '--pdf-engine=xelatex', '-o', join(scratch, 'xelatex.pdf')], Math.min(runs, 3));
row({ work: 'raw → PDF (Foundations)', ours: wall(process.execPath, one('pdf')), peer: `${pdfPeer} Markdown → PDF`, theirs: pdfTheirs });

// Originals as sources: our own PDF of Foundations read back, and a saved web page.
const ourPdf = join(scratch, 'one', 'pdf', 'stalin-foundations-of-leninism.pdf');
const pdfPages = (readFileSync(ourPdf, 'latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
row({
  work: `PDF → Markdown (Foundations PDF, ${pdfPages} pages)`,
  ours: wall(process.execPath, [bin, 'normalize', ourPdf, '-o', join(scratch, 'from-pdf.md')]),
  peer: 'Calibre PDF → EPUB',
  theirs: have('ebook-convert') ? wall('ebook-convert', [ourPdf, join(scratch, 'calibre-pdf.epub')], Math.min(runs, 3)) : undefined,
});
const page = join(root, 'test', 'corpus', 'originals', 'w09-quarto-blog-dimmery-us2020.html');
row({
  work: `HTML → Markdown (a blog page, ${(statSync(page).size / 1024).toFixed(0)} KB)`,
  ours: wall(process.execPath, [bin, 'normalize', page, '-o', join(scratch, 'from-html.md')]),
  peer: 'Pandoc HTML → Markdown',
  theirs: have('pandoc') ? wall('pandoc', [page, '-f', 'html', '-t', 'markdown', '-o', join(scratch, 'pandoc-html.md')]) : undefined,
});

// The project's editions.yaml (five books and a pack) into a scratch out/.
const all = join(scratch, 'all');
const build = (extra: string[]) => [bin, 'build', '--out', all, ...extra];
const fresh = () => rmSync(all, { recursive: true, force: true });
row({ work: 'all six editions from nothing', ours: wall(process.execPath, build([]), Math.min(runs, 3), { before: fresh }) });
row({ work: 'no-change rebuild', ours: wall(process.execPath, build([])) });
const w1 = wall(process.execPath, build(['--force', '--jobs', '1']), Math.min(runs, 3));
const w2 = wall(process.execPath, build(['--force', '--jobs', '2']), Math.min(runs, 3));
row({ work: 'all six, forced, 1 worker', ours: w1 });
row({ work: 'all six, forced, 2 workers', ours: w2 });
console.log(`  two workers against one: ${(w1 / w2).toFixed(2)}× as fast`);
const james = statSync(join(all, 'epub', 'james-world-revolution-lenin.epub')).size;
console.log(`  EPUB of the 51 KB James text: ${(james / 1024).toFixed(0)} KB (fonts subset to its characters)`);

// In-process normalising, warm: every source, then Foundations at 1×, 10× and 50×.
console.log('\nnormalising in-process (warm, median; decoding included)');
const mbs = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
const timeNormalise = (text: string, sidecar: ReturnType<typeof loadSidecar>, n: number) => {
  normalize(text, sidecar);
  return median(
    Array.from({ length: n }, () => {
      const t = performance.now();
      normalize(text, sidecar);
      return performance.now() - t;
    }),
  );
};
for (const f of readdirSync(join(root, 'sources')).filter((x) => x.endsWith('.txt')).sort()) {
  const path = join(root, 'sources', f);
  const bytes = readFileSync(path);
  const ms = timeNormalise(decodeText(bytes, f).text, loadSidecar(path), 9);
  console.log(`  ${f.padEnd(52)} ${(bytes.length / 1024).toFixed(0).padStart(5)} KB ${ms.toFixed(1).padStart(7)} ms ${mbs(bytes.length, ms).toFixed(1).padStart(6)} MB/s`);
}
const base = decodeText(readFileSync(foundations), 'x').text;
let first = 0;
for (const k of [1, 10, 50]) {
  const text = Array.from({ length: k }, () => base).join('\n\n');
  const ms = timeNormalise(text, { meta: {} }, k === 1 ? 9 : 1);
  if (k === 1) first = ms;
  console.log(`  Foundations ×${String(k).padEnd(3)} ${(text.length / 1e6).toFixed(1).padStart(5)} MB ${ms.toFixed(0).padStart(7)} ms ${mbs(text.length, ms).toFixed(1).padStart(6)} MB/s  (${(ms / first / k).toFixed(2)}× linear)`);
}
// Memory and scale: the 50× text (11 MB) and the 230× text (51 MB) through the command, with the
// report, each one's time and peak resident size.
for (const k of [50, 230]) {
  const big = join(scratch, `big${k}.txt`);
  writeFileSync(big, Array.from({ length: k }, () => base).join('\n\n'));
  if (!have('/usr/bin/time')) break;
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, 'normalize', big, '-o', join(scratch, 'big.md'), '--report', join(scratch, 'big.json')], { encoding: 'utf8' });
  const [secs, kb] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  console.log(`  editions normalize of the ${k}× text (${(statSync(big).size / 1e6).toFixed(0)} MB): ${secs.toFixed(1)} s, peak memory ${(kb / 1024).toFixed(0)} MB`);
  rmSync(big);
}
rmSync(scratch, { recursive: true, force: true });
