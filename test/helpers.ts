import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { normaliseTextFile, type Normalised } from '../src/run/build.ts';

export const root = join(import.meta.dirname, '..');
export const SOURCES = {
  lorimer: 'lorimer-introduction-to-state-and-revolution',
  paged: 'stalin-dictatorship-of-the-proletariat-paged',
  foundations: 'stalin-foundations-of-leninism',
  npa: 'npa-lenin-lessons-from-the-past',
  james: 'james-world-revolution-lenin',
} as const;

/** The original edition's page numbers, `<!--page 39-->`, as the model carries them. */
export const PAGE_MARK = /<!--page ([^>]*?)-->/g;

const cache = new Map<string, Normalised & { paged: string }>();
/**
 * Normalises a file once per test run. `markdown` is the text without its original page
 * numbers (the text tests read words); `paged` is the model as written, with them.
 */
export function norm(path: string): Normalised & { paged: string } {
  let r = cache.get(path);
  if (!r) {
    const n = normaliseTextFile(path);
    cache.set(path, (r = { ...n, paged: n.markdown, markdown: n.markdown.replace(PAGE_MARK, '') }));
  }
  return r;
}
export const source = (name: string) => norm(join(root, 'sources', `${name}.txt`));
export const fixture = (name: string) => norm(join(root, 'test', 'fixtures', name));
export const fixtureText = (name: string) => readFileSync(join(root, 'test', 'fixtures', name), 'utf8');
export const rawOf = (name: string) => readFileSync(join(root, 'sources', `${name}.txt`), 'utf8');

/** The Markdown without its front matter. */
export const body = (md: string) => md.replace(/^---\n[\s\S]*?\n---\n/, '');

/** The paragraph (or heading) of the Markdown that holds a phrase. */
export const blockWith = (md: string, phrase: string) => body(md).split('\n\n').find((b) => b.includes(phrase)) ?? '';

/** The text of note n's definition. */
export const noteText = (md: string, n: number) => new RegExp(`^\\[\\^${n}\\]: (.*)$`, 'm').exec(md)?.[1] ?? '';

/** The body linked to the mark that follows `before` in the Markdown. */
export const bodyAfter = (md: string, before: string): string | undefined => {
  const at = md.indexOf(before);
  const m = at < 0 ? null : /^\[\^([^\]]+)\]/.exec(md.slice(at + before.length));
  if (!m) return undefined;
  return new RegExp(`^\\[\\^${m[1]}\\]: (.*)$`, 'm').exec(md)?.[1];
};

/** What markdown-it with markdown-it-footnote makes of the model: references and definitions. */
export function parsedNotes(md: string): { refs: string[]; defs: string[]; literal: boolean } {
  const mdit = new MarkdownIt({ html: false }).use(footnote);
  const env: { footnotes?: { refs?: Record<string, number> } } = {};
  const tokens = mdit.parse(body(md), env);
  const refs: string[] = [];
  const defs: string[] = [];
  const walk = (ts: typeof tokens) => {
    for (const t of ts) {
      if (t.type === 'footnote_ref') refs.push(String(t.meta?.label));
      if (t.type === 'footnote_reference_open') defs.push(String(t.meta?.label));
      if (t.children) walk(t.children);
    }
  };
  walk(tokens);
  for (const label of Object.keys(env.footnotes?.refs ?? {})) if (!defs.includes(label.slice(1))) defs.push(label.slice(1));
  return { refs, defs, literal: /\[\^\d+\]/.test(mdit.render(body(md), {}).replace(/<[^>]+>/g, '')) };
}

/** A PDF drawn with pdfkit on A4 pages without margins: `draw` sets the pages; its bytes once it ends. */
export async function drawPdf(draw: (doc: PDFKit.PDFDocument) => void, autoFirstPage = true): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Sets text with its baseline at y (pdfkit places a text by its top), justified to `width` when one is given; returns where it ends. */
export function putText(doc: PDFKit.PDFDocument, text: string, font: string, size: number, x: number, y: number, width?: number): number {
  doc.font(font).fontSize(size);
  const ascent = ((doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * size;
  const natural = doc.widthOfString(text);
  const wordSpacing = width ? (width - natural) / (text.split(' ').length - 1) : 0;
  doc.text(text, x, y - ascent, { lineBreak: false, wordSpacing });
  return x + (width ?? natural);
}
