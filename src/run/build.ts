import { readdirSync, existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { basename, extname, join } from 'node:path';
import { normalize } from '../normalize/chain.ts';
import { loadSidecar } from '../config/sidecar.ts';
import { readSourceBytes } from '../io/source.ts';
import { decodeText } from '../io/decode.ts';
import { sniffKind, SOURCE_EXTENSIONS } from '../io/sniff.ts';
import { normalizeRead } from '../normalize/structured.ts';
import { makeReport, type BuildReport } from '../report/report.ts';
import { UserError } from '../errors.ts';
import { collectGarbage, huge } from './memory.ts';
import type { FileSettings } from '../render/edition.ts';

// The renderers load only when an edition is rendered: normalising never loads them.
const renderers = async () => ({ ...(await import('../model/parse.ts')), ...(await import('../render/edition.ts')) });

export interface SourceFile {
  name: string;
  path: string;
}

/** The sources in a folder: every .txt, .html, .epub, .pdf (normalised) and .md (already in the model). */
export function listSources(dir: string): SourceFile[] {
  if (!existsSync(dir)) throw new UserError(`${dir}: no such folder of sources`);
  return readdirSync(dir)
    .filter((f) => SOURCE_EXTENSIONS.includes(extname(f).toLowerCase()))
    .sort()
    .map((f) => ({ name: basename(f, extname(f)), path: join(dir, f) }));
}

export interface Normalised {
  markdown: string;
  report: BuildReport;
  /** The source as lines, as the report's line numbers count them (the review page shows them). */
  rawText: string;
}

/** A source file → Markdown model and report, by the kind its bytes show. A `.md` source is already in the model. */
export async function normaliseFile(path: string): Promise<Normalised> {
  const bytes = readSourceBytes(path);
  const kind = sniffKind(bytes, path);
  if (kind === 'text' || kind === 'markdown') return normaliseText(bytes, path, kind);
  if (kind === 'zip') throw new UserError(`${path}: a zip archive that is not an EPUB (no mimetype application/epub+zip)`);
  const readers = await import('../readers/index.ts');
  const read = kind === 'html' ? readers.readHtmlFile : kind === 'epub' ? readers.readEpubFile : readers.readPdfFile;
  const r = await read(bytes, path);
  if (r.doc.plainText !== undefined) {
    const { markdown, state } = normalize(r.doc.plainText, loadSidecar(path));
    return { markdown, report: makeReport(path, r.encoding, r.decoding, state), rawText: r.doc.plainText };
  }
  const { markdown, state } = normalizeRead(r.doc, loadSidecar(path));
  return { markdown, report: makeReport(path, r.encoding, r.decoding, state, r.doc.carrier), rawText: r.rawText };
}

/** A plain-text (or Markdown) source, which needs no reader: synchronous. */
export function normaliseTextFile(path: string): Normalised {
  const bytes = readSourceBytes(path);
  const kind = sniffKind(bytes, path);
  if (kind !== 'text' && kind !== 'markdown') throw new UserError(`${path}: not a text file (${kind})`);
  return normaliseText(bytes, path, kind);
}

function normaliseText(bytes: Uint8Array, path: string, kind: 'text' | 'markdown'): Normalised {
  const decoded = decodeText(bytes, path);
  if (kind === 'markdown') return { markdown: decoded.text, report: makeReport(path, decoded.encoding, decoded.notes), rawText: decoded.text };
  const { markdown, state } = normalize(decoded.text, loadSidecar(path), huge(decoded.text) ? collectGarbage : undefined);
  return { markdown, report: makeReport(path, decoded.encoding, decoded.notes, state), rawText: decoded.text };
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
