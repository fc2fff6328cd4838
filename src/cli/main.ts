import { parseArgs } from 'node:util';
// Each command loads only what it uses: --help loads nothing, normalize never the renderers.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Format } from '../config/editions.ts';
import { UserError } from '../errors.ts';
import { ownOr } from '../paths.ts';

const HELP = `editions — raw texts in, clean Markdown, EPUB and PDF editions out

Usage:
  editions normalize <raw-file> [-o out.md] [--report report.json]
      Clean one raw text into the Markdown model. Without -o the Markdown goes to stdout;
      the summary and doubts go to stderr.
  editions build [--config editions.yaml] [--only NAME[,NAME]] [--format md,epub,pdf] [--out DIR]
                 [--paper A5|A4|Letter] [--publisher NAME] [--jobs N] [--force] [--watch] [--json]
      Build the editions listed in editions.yaml (books and reading packs) into out/:
      out/markdown/<source>.md, out/report/<source>.json and .html (review page),
      out/epub/<edition>.epub and out/pdf/<edition>.pdf. Only what changed is rebuilt;
      editions render in parallel (--jobs N processes; default: one on two cores, where
      a second was measured slower, else one per core but one).
      --watch rebuilds whenever a source, sidecar, template, font or editions.yaml changes.
      --json prints the run's report on stdout. SOURCE_DATE_EPOCH sets the recorded date.
  editions build --sources DIR [--out DIR] …
      Without an editions file: every .txt/.md in DIR as a book of its own.
  editions --help

Exit codes: 0 ok, 1 build failure (bad input), 2 usage error.`;

function usage(msg: string): never {
  throw new UserError(`${msg}\n\n${HELP}`, 2);
}

async function main(argv: string[]): Promise<number> {
  // biome-ignore lint/suspicious/noImplicitAnyLet: TypeScript types it from its one assignment, parseArgs's result
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        report: { type: 'string' },
        sources: { type: 'string' },
        out: { type: 'string' },
        only: { type: 'string' },
        format: { type: 'string' },
        publisher: { type: 'string' },
        paper: { type: 'string' },
        json: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        watch: { type: 'boolean', short: 'w' },
        jobs: { type: 'string', short: 'j' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    usage((e as Error).message);
  }
  const { values: v, positionals: pos } = parsed;
  if (v.help || pos.length === 0) {
    process.stdout.write(`${HELP}\n`);
    return v.help ? 0 : 2;
  }
  const [cmd, ...rest] = pos;
  if (cmd === 'normalize' || cmd === 'normalise') {
    if (rest.length !== 1) usage('normalize takes one raw file');
    const [{ normaliseFile }, { writeAtomic }, { doubtLines, summaryLine }, { collectGarbage, huge }] = await Promise.all([import('../run/build.ts'), import('../io/atomic.ts'), import('../report/report.ts'), import('../run/memory.ts')]);
    const r = await normaliseFile(rest[0]);
    const tidy = huge(r.rawText) ? collectGarbage : () => {};
    tidy();
    if (v.output) writeAtomic(v.output, r.markdown);
    else process.stdout.write(r.markdown);
    tidy();
    if (v.report) writeAtomic(v.report, `${JSON.stringify(r.report, null, 2)}\n`);
    process.stderr.write(`${summaryLine(rest[0], r.report)}\n${doubtLines(r.report).join('\n')}\n`);
    return 0;
  }
  if (cmd === 'build') {
    if (rest.length) usage(`build takes no file arguments (got ${rest.join(' ')})`);
    const [{ listSources }, { editionsOfFolder, loadEditions }, { initialRows, runBuild }, { reporter, table }, { watch, watchedPaths }, { buildDate }] = await Promise.all([
      import('../run/build.ts'),
      import('../config/editions.ts'),
      import('../run/run.ts'),
      import('../run/progress.ts'),
      import('../run/watch.ts'),
      import('../run/builddate.ts'),
    ]);
    const formats = v.format?.split(',').map((f) => f.trim()) as Format[] | undefined;
    for (const f of formats ?? []) if (!['md', 'epub', 'pdf'].includes(f)) usage(`--format ${f}: known formats are md, epub, pdf`);
    // Two processes on two cores were measured slower than one (0.83×: the second spends its
    // time starting and loading the renderers while both share the cores); beyond that, one
    // process per core but one, which leaves a core to V8's compiler and collector.
    const cores = availableParallelism();
    const workers = v.jobs === undefined ? (cores <= 2 ? 1 : cores - 1) : Number(v.jobs);
    if (!Number.isInteger(workers) || workers < 1) usage(`--jobs ${v.jobs}: a whole number of workers, 1 or more`);
    const opts = { outDir: v.out ?? 'out', only: v.only ? v.only.split(',') : [], formats, workers, modified: buildDate(), fontsDir: ownOr('fonts'), force: !!v.force };
    // What to build: the editions file, or with --sources every source of a folder as its own book.
    const folder = (dir: string) => editionsOfFolder(dir, listSources(dir).map((x) => x.name), { paper: v.paper, publisher: v.publisher });
    const config = () => {
      if (v.config) return loadEditions(v.config, { paper: v.paper, publisher: v.publisher });
      if (v.sources) return folder(v.sources);
      return existsSync('editions.yaml') ? loadEditions('editions.yaml', { paper: v.paper, publisher: v.publisher }) : folder('sources');
    };
    const once = async () => {
      const cfg = config();
      const rows = initialRows(cfg, opts.only);
      const rep = reporter(rows, { tty: !!process.stderr.isTTY && !v.json });
      const r = await runBuild(cfg, opts, rep);
      rep.finish();
      if (v.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      process.stderr.write(`\n${table(r.editions)}\n${r.editions.length - r.failed} of ${r.editions.length} editions ready in ${opts.outDir}/ (${(r.ms / 1000).toFixed(1)} s)${r.failed ? `, ${r.failed} failed` : ''}\n`);
      for (const e of r.editions.filter((x) => x.status === 'failed')) process.stderr.write(`error: ${e.edition}: ${e.error}\n`);
      return r.failed ? 1 : 0;
    };
    if (!v.watch) return once();
    await watch(once, () => watchedPaths(config()));
    return 0;
  }
  usage(`unknown command “${cmd}”`);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UserError) {
    process.stderr.write(`editions: ${e.message}\n`);
    process.exitCode = e.exitCode;
  } else {
    process.stderr.write(`editions: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  }
}
