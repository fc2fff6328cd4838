import { parseArgs } from 'node:util';
import { writeAtomic } from './io/atomic.ts';
import { buildEpub, buildMarkdown, buildPdf, listSources, normaliseFile, writeReport } from './build.ts';
import { buildDate } from './builddate.ts';
import { doubtLines, summaryLine } from './report.ts';
import { UserError } from './errors.ts';

const HELP = `editions — raw texts in, clean Markdown, EPUB and PDF editions out

Usage:
  editions normalize <raw-file> [-o out.md] [--report report.json]
      Clean one raw text into the Markdown model. Without -o the Markdown goes to stdout;
      the summary and doubts go to stderr.
  editions build [--sources DIR] [--out DIR] [--only NAME] [--format md,epub,pdf] [--paper A5|A4|Letter]
                 [--publisher NAME] [--json]
      Build every source in sources/ (default) into out/ (default): out/markdown/<name>.md,
      out/report/<name>.json, out/epub/<name>.epub and out/pdf/<name>.pdf.
      SOURCE_DATE_EPOCH sets the date recorded in the editions.
  editions --help

Exit codes: 0 ok, 1 build failure (bad input), 2 usage error.`;

function usage(msg: string): never {
  throw new UserError(`${msg}\n\n${HELP}`, 2);
}

async function main(argv: string[]): Promise<number> {
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
    const r = normaliseFile(rest[0]);
    if (v.output) writeAtomic(v.output, r.markdown);
    else process.stdout.write(r.markdown);
    if (v.report) writeAtomic(v.report, `${JSON.stringify(r.report, null, 2)}\n`);
    process.stderr.write(`${summaryLine(rest[0], r.report)}\n${doubtLines(r.report).join('\n')}\n`);
    return 0;
  }
  if (cmd === 'build') {
    if (rest.length) usage(`build takes no file arguments (got ${rest.join(' ')})`);
    const out = v.out ?? 'out';
    let sources = listSources(v.sources ?? 'sources');
    if (v.only) {
      sources = sources.filter((s) => s.name === v.only);
      if (!sources.length) usage(`--only ${v.only}: no such source`);
    }
    const formats = (v.format ?? 'md,epub,pdf').split(',');
    for (const f of formats) if (!['md', 'epub', 'pdf'].includes(f)) usage(`--format ${f}: known formats are md, epub, pdf`);
    const settings = { outDir: out, templateDir: 'templates/default', fontsDir: 'fonts', modified: buildDate(), publisher: v.publisher ?? 'editions', paper: v.paper };
    let failed = 0;
    const reports: Record<string, unknown> = {};
    for (const src of sources) {
      try {
        const r = buildMarkdown(src, out);
        const lines = [summaryLine(src.name, r.report), ...doubtLines(r.report, 2)];
        if (formats.includes('epub')) {
          const e = await buildEpub(src.name, r.markdown, settings);
          r.report.epub = { bytes: e.bytes, warnings: e.warnings };
          lines.push(`  epub: ${(e.bytes / 1024).toFixed(0)} KB${e.warnings.length ? `, ${e.warnings.length} warnings` : ''}`, ...e.warnings.map((w) => `    ${w}`));
        }
        writeReport(src.name, r.report, out);
        if (formats.includes('pdf')) {
          const p = await buildPdf(src.name, r.markdown, settings);
          r.report.pdf = { bytes: p.bytes, pages: p.pages, missingGlyphs: p.missing };
          lines.push(`  pdf: ${p.pages} pages, ${(p.bytes / 1024).toFixed(0)} KB${p.missing.length ? `, ${p.missing.length} characters without a glyph: ${p.missing.join(', ')}` : ''}`);
        }
        reports[src.name] = { ...r.report.counts, epub: r.report.epub, pdf: r.report.pdf };
        if (!v.json) process.stderr.write(`${lines.join('\n')}\n`);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        failed++;
        process.stderr.write(`error: ${e.message}\n`);
      }
    }
    if (v.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    process.stderr.write(`${sources.length - failed} of ${sources.length} sources built into ${out}/${failed ? `, ${failed} failed` : ''}\n`);
    return failed ? 1 : 0;
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
