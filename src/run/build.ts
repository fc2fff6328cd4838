import { readdirSync, existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { basename, extname, join } from 'node:path';
import { normalize } from '../normalize/chain.ts';
import { loadSidecar } from '../config/sidecar.ts';
import { readSource } from '../io/source.ts';
import { makeReport, type BuildReport } from '../report/report.ts';
import { UserError } from '../errors.ts';
import type { FileSettings } from '../render/edition.ts';

// The renderers load only when an edition is rendered: normalising never loads them.
const renderers = async () => ({ ...(await import('../model/parse.ts')), ...(await import('../render/edition.ts')) });

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

export interface BuildSettings extends FileSettings {
  outDir: string;
  /** Paper for the print edition; the template's default when absent. */
  paper?: string;
}

/** One Markdown model → EPUB 3 in out/epub/. Warnings about the Markdown go back to the caller. */
export async function buildEpub(name: string, markdown: string, s: BuildSettings): Promise<{ bytes: number; warnings: string[] }> {
  const { parseBook, writeEpub } = await renderers();
  const book = parseBook(markdown);
  const { bytes } = await writeEpub(book, s.outDir, name, { ...s, identity: markdown });
  return { bytes, warnings: book.warnings };
}

/** One Markdown model → print PDF in out/pdf/, with its page facts. */
export async function buildPdf(name: string, markdown: string, s: BuildSettings) {
  const { parseBook, writePdf } = await renderers();
  const t0 = performance.now();
  const pdf = await writePdf(parseBook(markdown), s.outDir, name, s);
  return { bytes: pdf.bytes, pages: pdf.pages, layoutMs: performance.now() - t0, facts: pdf.facts, missing: pdf.missingGlyphs };
}
