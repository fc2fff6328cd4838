// One edition, from its Markdown models to its files: a book or a reading pack → EPUB and
// PDF. Runs in a worker process or in the main one; it gets everything it needs in the job
// (no reading of sources) and writes its outputs atomically.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Book, BookMeta } from '../model/book.ts';
import { parseBook } from '../model/parse.ts';
import { bindPack } from '../model/pack.ts';
import { writeAtomic } from '../io/atomic.ts';
// Each renderer loads when its format is first asked for: an EPUB build never loads pdfkit.
const epubRenderer = () => import('./epub/index.ts');
const pdfRenderer = async () => ({ ...(await import('./pdf/index.ts')), ...(await import('./pdf/settings.ts')) });
import type { Edition } from '../config/editions.ts';

export interface RenderJob {
  edition: Edition;
  /** The Markdown model of each piece, in order. */
  markdowns: string[];
  introduction?: string;
  outDir: string;
  templateDir: string;
  fontsDir: string;
  /** ISO date recorded in the outputs. */
  modified: string;
}

export interface EditionResult {
  name: string;
  notes: number;
  warnings: string[];
  epub?: { path: string; bytes: number };
  pdf?: { path: string; bytes: number; pages: number; missingGlyphs: string[] };
  /** Original edition pages marked in the text. */
  originalPages: number;
  ms: number;
}

export type Stage = 'model' | 'epub' | 'pdf';

/** The Book of an edition: one text, or the pieces of a pack bound together. */
export function bookOf(job: Pick<RenderJob, 'edition' | 'markdowns' | 'introduction'>): Book {
  const e = job.edition;
  if (e.kind === 'book') {
    const book = parseBook(job.markdowns[0]);
    Object.assign(book.meta, e.meta);
    return book;
  }
  return bindPack({
    meta: { language: 'en', ...e.meta, title: e.meta.title ?? e.name } as BookMeta,
    introduction: job.introduction,
    pieces: job.markdowns.map((markdown, i) => ({ markdown, overrides: e.pieces[i].overrides })),
  });
}

export interface FileSettings {
  templateDir: string;
  fontsDir: string;
  modified: Date;
  publisher: string;
}

/** Book → out/epub/<name>.epub. `identity`: the text the EPUB's identifier is derived from. */
export async function writeEpub(book: Book, outDir: string, name: string, s: FileSettings & { identity: string }): Promise<{ path: string; bytes: number }> {
  const { renderEpub } = await epubRenderer();
  const bytes = await renderEpub(book, { templateDir: s.templateDir, fontsDir: s.fontsDir, modified: s.modified, publisher: s.publisher, identitySource: s.identity, cacheDir: join(outDir, '.cache') });
  const path = join(outDir, 'epub', `${name}.epub`);
  writeAtomic(path, bytes);
  return { path, bytes: bytes.length };
}

/** Book → out/pdf/<name>.pdf, with the facts of its pages for checks. */
export async function writePdf(book: Book, outDir: string, name: string, s: FileSettings & { paper?: string }) {
  const { renderPdf, loadPrintSettings } = await pdfRenderer();
  const pdf = await renderPdf(book, { settings: loadPrintSettings(s.templateDir, s.paper), fontsDir: s.fontsDir, modified: s.modified, publisher: s.publisher });
  const path = join(outDir, 'pdf', `${name}.pdf`);
  writeAtomic(path, pdf.bytes);
  return { path, bytes: pdf.bytes.length, pages: pdf.pages, missingGlyphs: pdf.missing, facts: pdf.body };
}

export async function renderEdition(job: RenderJob, progress: (stage: Stage) => void = () => {}): Promise<EditionResult> {
  const t0 = performance.now();
  const e = job.edition;
  progress('model');
  const book = bookOf(job);
  const settings: FileSettings = { templateDir: job.templateDir, fontsDir: job.fontsDir, modified: new Date(job.modified), publisher: e.publisher };
  const result: EditionResult = { name: e.name, notes: book.notes.size, warnings: book.warnings, originalPages: book.pages.length, ms: 0 };
  if (e.formats.includes('epub')) {
    progress('epub');
    result.epub = await writeEpub(book, job.outDir, e.name, { ...settings, identity: [JSON.stringify(e.meta), job.introduction ?? '', ...job.markdowns].join('\n\u0000\n') });
  }
  if (e.formats.includes('pdf')) {
    progress('pdf');
    const { facts: _facts, ...pdf } = await writePdf(book, job.outDir, e.name, { ...settings, paper: e.paper });
    result.pdf = pdf;
  }
  result.ms = performance.now() - t0;
  return result;
}
