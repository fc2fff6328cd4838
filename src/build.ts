import { readdirSync, existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { basename, extname, join } from 'node:path';
import { normalize } from './normalize/chain.ts';
import { loadSidecar } from './sidecar.ts';
import { readSource } from './io/source.ts';
import { writeAtomic } from './io/atomic.ts';
import { makeReport, type BuildReport } from './report.ts';
import { UserError } from './errors.ts';
import { parseBook } from './model/parse.ts';
import { renderEpub } from './render/epub/index.ts';
import { renderPdf } from './render/pdf/index.ts';
import { loadPrintSettings } from './render/pdf/settings.ts';


export interface SourceFile {
  name: string;
  path: string;
}

/** The raw texts in a folder: every .txt (normalised) and .md (already in the model). */
export function listSources(dir: string): SourceFile[] {
  if (!existsSync(dir)) throw new UserError(`${dir}: no such folder of sources`);
  return readdirSync(dir)
    .filter((f) => ['.txt', '.md'].includes(extname(f)))
    .sort()
    .map((f) => ({ name: basename(f, extname(f)), path: join(dir, f) }));
}

export interface Normalised {
  markdown: string;
  report: BuildReport;
}

/** Raw file → Markdown model and report. A `.md` source is already in the model. */
export function normaliseFile(path: string): Normalised {
  const decoded = readSource(path);
  if (extname(path) === '.md') return { markdown: decoded.text, report: makeReport(path, decoded.encoding, decoded.notes) };
  const { markdown, state } = normalize(decoded.text, loadSidecar(path));
  return { markdown, report: makeReport(path, decoded.encoding, decoded.notes, state) };
}

/** Writes the Markdown model of one source into out/markdown/. */
export function buildMarkdown(src: SourceFile, outDir: string): Normalised {
  const result = normaliseFile(src.path);
  writeAtomic(join(outDir, 'markdown', `${src.name}.md`), result.markdown);
  return result;
}

/** Writes a source's build report into out/report/, once every format is built. */
export function writeReport(name: string, report: BuildReport, outDir: string): void {
  writeAtomic(join(outDir, 'report', `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
}

export interface BuildSettings {
  outDir: string;
  templateDir: string;
  fontsDir: string;
  modified: Date;
  publisher: string;
  /** Paper for the print edition; the template's default when absent. */
  paper?: string;
}

/** Markdown model → EPUB 3 in out/epub/. Warnings about the Markdown go back to the caller. */
export async function buildEpub(name: string, markdown: string, s: BuildSettings): Promise<{ bytes: number; warnings: string[] }> {
  const book = parseBook(markdown);
  const epub = await renderEpub(book, { templateDir: s.templateDir, fontsDir: s.fontsDir, modified: s.modified, publisher: s.publisher, identitySource: markdown });
  writeAtomic(join(s.outDir, 'epub', `${name}.epub`), epub);
  return { bytes: epub.length, warnings: book.warnings };
}

/** Markdown model → print PDF in out/pdf/. */
export async function buildPdf(name: string, markdown: string, s: BuildSettings): Promise<{ bytes: number; pages: number; layoutMs: number; facts: import('./render/pdf/index.ts').PageFacts[]; missing: string[] }> {
  const book = parseBook(markdown);
  const t0 = performance.now();
  const pdf = await renderPdf(book, { settings: loadPrintSettings(s.templateDir, s.paper), fontsDir: s.fontsDir, modified: s.modified, publisher: s.publisher });
  writeAtomic(join(s.outDir, 'pdf', `${name}.pdf`), pdf.bytes);
  return { bytes: pdf.bytes.length, pages: pdf.pages, layoutMs: performance.now() - t0, facts: pdf.body, missing: pdf.missing };
}
