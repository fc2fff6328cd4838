// A build run: editions.yaml → the sources each edition needs, normalised (Markdown model,
// report, review page) → the editions rendered, in parallel, each only if its inputs
// changed since the last run. Progress goes to a Reporter; the result says what happened.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Edition, EditionsFile, Format } from '../config/editions.ts';
import { normaliseFile } from './build.ts';
import { readSource, sourceFile } from '../io/source.ts';
import { sidecarPath } from '../config/sidecar.ts';
import { writeAtomic } from '../io/atomic.ts';
import { doubtLines, summaryLine, type BuildReport } from '../report/report.ts';
import { reviewPage } from '../report/review.ts';
import { hashOf, hashPath, readState, toolHash, writeState, type BuildState } from './cache.ts';
import { renderAll, startPool, type Pool } from './pool.ts';
import type { RenderJob } from '../render/edition.ts';
import { UserError } from '../errors.ts';
import type { Reporter, Row } from './progress.ts';
import { pushTo } from '../collections.ts';

export interface RunOptions {
  outDir: string;
  /** Edition names to build; all when empty. */
  only: string[];
  /** Formats to build; each edition's own when absent. */
  formats?: Format[];
  workers: number;
  modified: Date;
  fontsDir: string;
  /** Rebuild even what is up to date. */
  force: boolean;
}

export interface EditionOutcome extends Row {
  files: string[];
  warningList: string[];
  missingGlyphs?: string[];
  originalPages?: number;
}

export interface RunResult {
  editions: EditionOutcome[];
  sources: Record<string, { normalised: boolean; report?: BuildReport['counts']; error?: string }>;
  failed: number;
  ms: number;
}

/** The editions a run covers, in the file's order; an unknown --only name is a usage error. */
export function selectEditions(cfg: EditionsFile, only: string[]) {
  for (const n of only) if (!cfg.editions.some((e) => e.name === n)) throw new UserError(`--only ${n}: no such edition in ${cfg.path} (editions: ${cfg.editions.map((e) => e.name).join(', ')})`, 2);
  return only.length ? cfg.editions.filter((e) => only.includes(e.name)) : cfg.editions;
}

export function initialRows(cfg: EditionsFile, only: string[]): Row[] {
  return selectEditions(cfg, only).map((e) => ({ edition: e.name, kind: e.kind, status: 'waiting' }));
}

export async function runBuild(cfg: EditionsFile, o: RunOptions, rep: Reporter): Promise<RunResult> {
  const t0 = performance.now();
  const editions = selectEditions(cfg, o.only);
  const state: BuildState = o.force ? { version: 1, sources: {}, editions: {} } : readState(o.outDir);
  const { plans, sourceHash } = planEditions(cfg, o, editions, state, toolHash());

  // Workers take most of a second to load: they start now, and only when there is work for two.
  const jobCount = plans.reduce((n, p) => n + (p.fresh ? 0 : p.files.length), 0);
  const processes = Math.min(o.workers || availableParallelism(), jobCount);
  const pool = processes > 1 ? startPool(processes - 1) : undefined; // this process is one of them
  try {
    const result: RunResult = { editions: [], sources: {}, failed: 0, ms: 0 };
    const outcome = new Map<string, EditionOutcome>(editions.map((e) => [e.name, { edition: e.name, kind: e.kind, status: 'waiting', files: [], warningList: [] }]));
    const models = await normaliseSources(cfg, o, rep, { editions, state, sourceHash, result, outcome });
    await renderEditions(o, rep, { plans, state, models, outcome, pool });
    writeState(o.outDir, state);
    result.editions = editions.map((e) => outcome.get(e.name)!);
    result.failed = result.editions.filter((e) => e.status === 'failed').length;
    result.ms = performance.now() - t0;
    return result;
  } finally {
    await pool?.close();
  }
}

/**
 * What is out of date, known before anything is normalised: a source's Markdown is a
 * function of its text, its sidecar and the tool, so their hashes stand for it.
 */
function planEditions(cfg: EditionsFile, o: RunOptions, editions: Edition[], state: BuildState, tool: string): { plans: Plan[]; sourceHash: (name: string) => string } {
  const sourceHash = new Map<string, string>();
  const hashOfSource = (name: string) => {
    let h = sourceHash.get(name);
    if (h === undefined) {
      const path = sourceFile(cfg.sourcesDir, name);
      sourceHash.set(name, (h = hashOf(tool, hashPath(path), hashPath(sidecarPath(path)))));
    }
    return h;
  };
  const plans = editions.map((e): Plan => {
    const formats = e.formats.filter((f) => !o.formats || o.formats.includes(f));
    const edition = { ...e, formats };
    const files = formats.filter((f) => f !== 'md').map((f) => join(o.outDir, f, `${e.name}.${f}`));
    const templateDir = join(cfg.templatesDir, e.template);
    const { line: _line, ...spec } = edition;
    const hash = hashOf(tool, JSON.stringify(spec), e.introduction ? hashPath(e.introduction) : '', ...e.pieces.map((p) => hashOfSource(p.source)), hashPath(templateDir), hashPath(o.fontsDir), o.modified.toISOString());
    const before = state.editions[e.name];
    const fresh = !files.length || (before?.hash === hash && files.every(existsSync));
    return { edition, files, templateDir, hash, fresh };
  });
  return { plans, sourceHash: hashOfSource };
}

/** The sources' Markdown models, and the doubts the normaliser had about each. */
interface Models {
  markdown: Map<string, string>;
  doubts: Map<string, number>;
}

interface Plan {
  edition: Edition;
  files: string[];
  templateDir: string;
  hash: string;
  /** Its files exist and nothing they are made from changed. */
  fresh: boolean;
}

/** Sources → Markdown model, build report and review page (skipped when unchanged). A source that fails fails the editions made from it. */
async function normaliseSources(
  cfg: EditionsFile,
  o: RunOptions,
  rep: Reporter,
  { editions, state, sourceHash, result, outcome }: { editions: Edition[]; state: BuildState; sourceHash: (name: string) => string; result: RunResult; outcome: Map<string, EditionOutcome> },
): Promise<Models> {
  const markdown = new Map<string, string>();
  const doubts = new Map<string, number>();
  const needed = [...new Set(editions.flatMap((e) => e.pieces.map((p) => p.source)))];
  for (const name of needed) {
    const users = editions.filter((e) => e.pieces.some((p) => p.source === name));
    for (const u of users) rep.update(u.name, { status: 'normalise' });
    const path = sourceFile(cfg.sourcesDir, name);
    const mdPath = join(o.outDir, 'markdown', `${name}.md`);
    const jsonPath = join(o.outDir, 'report', `${name}.json`);
    const htmlPath = join(o.outDir, 'report', `${name}.html`);
    try {
      const hash = sourceHash(name);
      if (state.sources[name] === hash && [mdPath, jsonPath, htmlPath].every(existsSync)) {
        markdown.set(name, readFileSync(mdPath, 'utf8'));
        const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as BuildReport;
        doubts.set(name, report.doubts.length);
        result.sources[name] = { normalised: false, report: report.counts };
        continue;
      }
      const r = await normaliseFile(path);
      writeAtomic(mdPath, r.markdown);
      writeAtomic(jsonPath, `${JSON.stringify(r.report, null, 2)}\n`);
      writeAtomic(htmlPath, reviewPage(name, r.rawText, r.report));
      markdown.set(name, r.markdown);
      doubts.set(name, r.report.doubts.length);
      state.sources[name] = hash;
      result.sources[name] = { normalised: true, report: r.report.counts };
      rep.note([summaryLine(name, r.report), ...doubtLines(r.report, 2)].join('\n'));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      delete state.sources[name];
      result.sources[name] = { normalised: false, error: e.message };
      for (const u of users) Object.assign(outcome.get(u.name)!, { status: 'failed', error: e.message });
      for (const u of users) rep.update(u.name, { status: 'failed', error: e.message });
    }
  }

  return { markdown, doubts };
}

/** Editions → EPUB and PDF, in parallel (skipped when nothing they are made from changed). */
async function renderEditions(
  o: RunOptions,
  rep: Reporter,
  { plans, state, models: { markdown, doubts }, outcome, pool }: { plans: Plan[]; state: BuildState; models: Models; outcome: Map<string, EditionOutcome>; pool?: Pool },
): Promise<void> {
  const jobs: RenderJob[] = [];
  for (const { edition: e, files, templateDir, fresh } of plans) {
    const out = outcome.get(e.name)!;
    if (out.status === 'failed') continue;
    out.doubts = e.pieces.reduce((n, p) => n + (doubts.get(p.source) ?? 0), 0);
    out.files = [...e.pieces.map((p) => join(o.outDir, 'markdown', `${p.source}.md`)), ...files];
    if (fresh) {
      Object.assign(out, files.length ? (state.editions[e.name].summary as object) : {}, { status: 'unchanged', doubts: out.doubts, ms: undefined });
      rep.update(e.name, { ...out });
      continue;
    }
    let introduction: string | undefined;
    try {
      introduction = e.introduction ? readSource(e.introduction).text : undefined;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      Object.assign(out, { status: 'failed', error: err.message });
      rep.update(e.name, { status: 'failed', error: err.message });
      continue;
    }
    // One job per format: an edition's EPUB and PDF can go to different workers.
    for (const f of e.formats.filter((x) => x !== 'md')) {
      jobs.push({ edition: { ...e, formats: [f] }, markdowns: e.pieces.map((p) => markdown.get(p.source)!), introduction, outDir: o.outDir, templateDir, fontsDir: o.fontsDir, modified: o.modified.toISOString() });
    }
    rep.update(e.name, { status: 'waiting' });
  }
  const outcomes = await renderAll(jobs, (name, stage) => rep.update(name, { status: stage }), pool);
  const byEdition = new Map<string, typeof outcomes>();
  outcomes.forEach((oc, i) => pushTo(byEdition, jobs[i].edition.name, oc));
  byEdition.forEach((ocs, name) => {
    const out = outcome.get(name)!;
    const failure = ocs.find((oc) => !oc.ok);
    if (failure && !failure.ok) {
      Object.assign(out, { status: 'failed', error: failure.error });
      delete state.editions[name];
      rep.update(name, { status: 'failed', error: failure.error });
      return;
    }
    const rs = ocs.flatMap((oc) => (oc.ok ? [oc.result] : []));
    const epub = rs.find((x) => x.epub)?.epub;
    const pdf = rs.find((x) => x.pdf)?.pdf;
    // Both jobs read the same Book: its notes and warnings are counted once.
    const r = { ...rs[0], epub, pdf, ms: rs.reduce((n, x) => n + x.ms, 0) };
    const summary = { pages: r.pdf?.pages, notes: r.notes, warnings: r.warnings.length, bytes: (r.epub?.bytes ?? 0) + (r.pdf?.bytes ?? 0), warningList: r.warnings, missingGlyphs: r.pdf?.missingGlyphs ?? [], originalPages: r.originalPages };
    Object.assign(out, summary, { status: 'done', ms: r.ms });
    state.editions[name] = { hash: plans.find((p) => p.edition.name === name)!.hash, files: out.files, summary };
    for (const w of r.warnings.slice(0, 5)) rep.note(`${name}: warning: ${w}`);
    if (r.warnings.length > 5) rep.note(`${name}: … and ${r.warnings.length - 5} more warnings in the --json report`);
    if (r.pdf?.missingGlyphs.length) rep.note(`${name}: ${r.pdf.missingGlyphs.length} characters have no glyph in the fonts: ${r.pdf.missingGlyphs.join(' ')}`);
    rep.update(name, { ...summary, status: 'done', ms: r.ms });
  });
}
