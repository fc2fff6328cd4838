// Book → print PDF on pdfkit. pdfkit embeds and subsets the fonts, measures glyphs and
// writes outlines and links; the typesetting (line breaking, page breaking with footnotes,
// page furniture) is ours: measure → break lines → break pages → draw.
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Book } from '../../model/book.ts';
import { UserError } from '../../errors.ts';
import { writeLine } from './textops.ts';
import { Measurer, type Face } from './measure.ts';
import { itemsOf, setLines, type Line } from './paragraph.ts';
import { paginate, type Geometry, type Page } from './layout.ts';
import type { PrintSettings } from './settings.ts';
import { bookText, missingGlyphs } from './glyphs.ts';
import { drawOutlined, outlinedWidth } from './outlined.ts';

export interface PdfOptions {
  settings: PrintSettings;
  fontsDir: string;
  modified: Date;
  publisher: string;
}

/** What a body page holds, for checks: its lines' places in their paragraphs and its notes. */
export interface PageFacts {
  number: number;
  opening: boolean;
  lines: { par: number; idx: number; count: number; heading: boolean }[];
  /** Notes referred to on the page, and notes whose body starts on it. */
  refs: number[];
  notes: number[];
  /** Pages of the original edition that begin on this page (their numbers are in its margin). */
  original: string[];
}

export interface PdfResult {
  bytes: Buffer;
  pages: number;
  body: PageFacts[];
  /** Characters of the text the fonts cannot set (each would print as a blank). */
  missing: string[];
}

const FACES: Face[] = ['regular', 'italic', 'bold', 'boldItalic'];

/** Draws one line's fragments on its baseline; a note reference links to its note. */
function drawLine(doc: PDFKit.PDFDocument, m: Measurer, line: Line, x0: number, baseline: number): void {
  // A hyphen added at a break is a plain hyphen: poppler places /ActualText soft hyphens on the wrong line.
  writeLine(doc, (face, size, text) => m.shape(face, size, text), line, x0, baseline);
  for (const f of line.fragments) {
    if (f.note === undefined) continue;
    const w = m.width(f.face, f.size, f.text);
    doc.goTo(x0 + f.x - 1, baseline - f.rise - f.size, w + 2, f.size * 1.3, `fn-${f.note}`);
  }
}

/**
 * Book → PDF. Pages: a title page, its verso (a colophon), the contents, then the
 * chapters, each opening a new page. Folios and running heads everywhere but on openings.
 */
export async function renderPdf(book: Book, o: PdfOptions): Promise<PdfResult> {
  const s = o.settings;
  const p = s.paper;
  for (const face of FACES) if (!existsSync(join(o.fontsDir, s.fonts[face]))) throw new UserError(`${join(o.fontsDir, s.fonts[face])}: font file not found`);
  const m0 = o.modified;
  const doc = new PDFDocument({
    size: [p.width, p.height],
    margin: 0,
    autoFirstPage: false,
    font: join(o.fontsDir, s.fonts.regular),
    lang: book.meta.language,
    displayTitle: true,
    // pdfkit cannot take an undefined field: only the ones the book has
    info: Object.fromEntries(
      Object.entries({
        Title: book.meta.title,
        Author: book.meta.author ? String(book.meta.author) : book.meta.editor ? `${book.meta.editor} (ed.)` : undefined,
        Subject: String(book.meta.description ?? book.meta.original_publication ?? book.meta.title),
        Keywords: [book.meta.author, book.meta.date].filter(Boolean).join(', ') || undefined,
        Creator: 'editions',
        Producer: o.publisher,
        CreationDate: m0,
        ModDate: m0,
      }).filter(([, v]) => v !== undefined),
    ) as PDFKit.DocumentInfo,
  });
  // The regular face is the document's initial font, selected by its path (see Measurer).
  const keys = { regular: join(o.fontsDir, s.fonts.regular), italic: 'italic', bold: 'bold', boldItalic: 'boldItalic' } as const;
  for (const face of ['italic', 'bold', 'boldItalic'] as const) doc.registerFont(face, join(o.fontsDir, s.fonts[face]));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res) => doc.on('end', () => res()));

  const m = new Measurer(doc, keys);
  m.learn('regular', bookText(book));
  const measure = p.width - p.inner - p.outer;
  const g: Geometry = { measure, textTop: p.top, textBottom: p.height - p.bottom, size: p.size, leading: p.leading };
  const body = paginate(book, s, m, g);

  // Front matter: title page, colophon on its verso, contents (as many pages as it takes).
  const tocEntries = collectToc(book, body);
  const tocLines = tocEntries.map((e) => ({ e, lines: setLines(itemsOf([{ kind: 'text', text: e.title }], { face: e.level ? 'regular' : 'regular', size: p.size, measure: measure - p.size * 3 - e.level * p.size * 1.5, indent: 0, language: book.meta.language, justify: false }, m), { face: 'regular', size: p.size, measure: measure - p.size * 3 - e.level * p.size * 1.5, indent: 0, language: book.meta.language, justify: false }, m) }));
  const tocHeight = (g.textBottom - g.textTop) - p.leading * 4;
  const tocPages: (typeof tocLines)[] = [[]];
  let h = 0;
  for (const t of tocLines) {
    const need = t.lines.length * p.leading + (t.e.level === 0 ? p.leading * 0.4 : 0);
    if (h + need > tocHeight) {
      tocPages.push([]);
      h = 0;
    }
    tocPages[tocPages.length - 1].push(t);
    h += need;
  }
  const front = 2 + tocPages.length;
  const pageNo = (bodyIndex: number) => front + bodyIndex + 1;
  const isVerso = (n: number) => n % 2 === 0;
  const left = (n: number) => (isVerso(n) ? p.outer : p.inner);

  // Title page
  doc.addPage({ size: [p.width, p.height], margin: 0 });
  const centre = (text: string, face: Face, size: number, y: number) => {
    const lines = setLines(itemsOf([{ kind: 'text', text }], { face, size, measure: measure * 0.9, indent: 0, language: book.meta.language, justify: false }, m), { face, size, measure: measure * 0.9, indent: 0, language: book.meta.language, justify: false }, m);
    for (const l of lines) {
      drawLine(doc, m, l, (p.width - l.width) / 2, y);
      y += size * 1.3;
    }
    return y;
  };
  let y = p.top + p.height * 0.18;
  y = centre(book.meta.title, 'regular', p.size * 2.2, y);
  if (book.meta.subtitle) y = centre(String(book.meta.subtitle), 'italic', p.size * 1.2, y + p.size * 0.6);
  if (book.meta.author) y = centre(String(book.meta.author), 'regular', p.size * 1.4, y + p.size * 2.5);
  if (book.meta.editor) y = centre(`Edited by ${book.meta.editor}`, 'italic', p.size * 1.1, y + p.size * 2);
  const bottomBits = [book.meta.original_publication, book.meta.date && !String(book.meta.original_publication ?? '').includes(String(book.meta.date)) ? book.meta.date : undefined].filter(Boolean).map(String);
  let yb = g.textBottom - bottomBits.length * p.size * 1.8;
  for (const b of bottomBits) yb = centre(b, 'italic', p.size * 0.95, yb) + p.size * 0.3;

  // Colophon on the verso
  doc.addPage({ size: [p.width, p.height], margin: 0 });
  const colo = [
    book.meta.title + (book.meta.author ? `, by ${book.meta.author}` : ''),
    book.meta.original_publication ? `First published: ${book.meta.original_publication}` : '',
    book.meta.editor ? `Edited by ${book.meta.editor}${book.parts.length && book.meta.date ? `, ${book.meta.date}` : ''}.` : '',
    book.meta.source ? `Source of this edition: ${book.meta.source}` : '',
    ...book.parts.map((pt) => `${pt.title}${pt.author ? `, by ${pt.author}` : ''}. ${[pt.original_publication ?? pt.date, pt.source ? `Source: ${pt.source}` : '', pt.rights ? `Rights: ${pt.rights}` : ''].filter(Boolean).join('. ')}`),
    'This edition was made by editions: page numbers, running heads and web page matter of the source were removed, paragraphs and words rejoined, footnotes relinked and numbered in reading order, and the typography made consistent. The build report lists every change.',
    `Rights: ${book.meta.rights ?? 'not stated by the source.'}`,
    `Set in Linux Libertine (SIL Open Font License 1.1). ${o.publisher}, ${m0.toISOString().slice(0, 10)}.`,
  ].filter(Boolean);
  const cs = p.size * 0.82;
  const colLines = colo.map((t) => setLines(itemsOf([{ kind: 'text', text: t }], { face: 'regular', size: cs, measure, indent: 0, language: book.meta.language, justify: false }, m), { face: 'regular', size: cs, measure, indent: 0, language: book.meta.language, justify: false }, m));
  const colH = colLines.reduce((n, ls) => n + ls.length * cs * 1.3 + cs * 0.6, 0);
  let yc = g.textBottom - colH;
  for (const ls of colLines) {
    for (const l of ls) {
      yc += cs * 1.3;
      drawLine(doc, m, l, p.outer, yc);
    }
    yc += cs * 0.6;
  }

  // Contents
  const bodyDest = (i: number) => `page-${i}`;
  tocPages.forEach((entries, ti) => {
    doc.addPage({ size: [p.width, p.height], margin: 0 });
    const n = 3 + ti;
    let yy = g.textTop;
    if (ti === 0) {
      yy += p.leading * 2;
      drawLine(doc, m, setLines(itemsOf([{ kind: 'text', text: 'Contents' }], { face: 'regular', size: p.size * 1.6, measure, indent: 0, language: 'en', justify: false }, m), { face: 'regular', size: p.size * 1.6, measure, indent: 0, language: 'en', justify: false }, m)[0], left(n), yy);
      yy += p.leading * 2;
    }
    for (const { e, lines } of entries) {
      if (e.level === 0) yy += p.leading * 0.4;
      const x = left(n) + e.level * p.size * 1.5;
      lines.forEach((l, li) => {
        yy += p.leading;
        drawLine(doc, m, l, x, yy);
        if (li === lines.length - 1) {
          const num = String(pageNo(e.page));
          m.select('regular', p.size);
          const w = doc.widthOfString(num);
          doc.text(num, left(n) + measure - w, yy, { lineBreak: false, baseline: 'alphabetic' } as PDFKit.Mixins.TextOptions);
          doc.goTo(x, yy - p.size, measure - (x - left(n)), p.leading, e.dest);
        }
      });
    }
  });

  // The text
  const facts: PageFacts[] = [];
  const outlineStack: { level: number; item: PDFKit.PDFOutline }[] = [];
  body.forEach((page: Page, bi) => {
    doc.addPage({ size: [p.width, p.height], margin: 0 });
    const n = pageNo(bi);
    const x0 = left(n);
    facts.push({
      number: n,
      opening: page.opening,
      lines: page.body.map((l) => ({ par: l.par ?? 0, idx: l.idx ?? 0, count: l.count ?? 1, heading: !!l.heading })),
      refs: page.body.flatMap((l) => l.line.notes),
      notes: page.foot.filter((f) => f.noteStart !== undefined).map((f) => f.noteStart!),
      original: page.body.flatMap((l) => l.line.pages),
    });
    doc.addNamedDestination(bodyDest(bi), 'XYZ', 0, 0, null);
    for (const pl of page.body) {
      if (pl.label) drawLine(doc, m, pl.label, x0 + pl.x - p.size * 1.8, pl.y);
      // The original edition's page numbers, small in the outer margin beside their line
      // (outlines, not text: see outlined.ts).
      if (pl.line.pages.length) {
        const ms = p.size * 0.62;
        const ref = pl.line.pages.map((l) => `[${l}]`).join(' ');
        const font = m.fontkitFont('regular');
        const w = outlinedWidth(font, ref, ms);
        const gap = p.size * 0.8;
        drawOutlined(doc, font, ref, isVerso(n) ? x0 - gap - w : x0 + measure + gap, pl.y, ms, '#555555');
      }
      drawLine(doc, m, pl.line, x0 + pl.x, pl.y);
      if (pl.rule) doc.moveTo(x0 + pl.x, pl.y + p.size * 0.3).lineTo(x0 + pl.x + pl.rule, pl.y + p.size * 0.3).lineWidth(0.4).stroke();
      if (pl.dest) doc.addNamedDestination(pl.dest, 'XYZ', x0, pl.y - p.leading * 2, null);
      if (pl.outline) {
        while (outlineStack.length && outlineStack[outlineStack.length - 1].level >= pl.outline.level) outlineStack.pop();
        const parent = outlineStack.length ? outlineStack[outlineStack.length - 1].item : doc.outline;
        const item = parent.addItem(pl.outline.title, { expanded: false });
        outlineStack.push({ level: pl.outline.level, item });
      }
    }
    if (page.ruleY !== undefined) {
      doc.moveTo(x0, page.ruleY).lineTo(x0 + measure * 0.3, page.ruleY).lineWidth(0.4).stroke();
    }
    for (const fl of page.foot) {
      if (fl.noteStart !== undefined) {
        doc.addNamedDestination(`fn-${fl.noteStart}`, 'XYZ', x0, fl.y - p.leading, null);
      }
      drawLine(doc, m, fl.line, x0 + fl.x, fl.y);
    }
    // Furniture: running head and folio, but not on a chapter's opening page.
    if (!page.opening) {
      const chapter = book.chapters[page.chapter];
      const which = isVerso(n) ? s.heads.verso : s.heads.recto;
      // In a pack the "book" head is the piece's title: a reader leafing through finds the piece.
      const bookHead = chapter?.part !== undefined ? book.parts[chapter.part].title : book.meta.title;
      const head = which === 'book' ? bookHead : (chapter?.title ?? '');
      const hs = p.size * 0.85;
      const headY = p.top - p.leading * 1.6;
      const fit = fitText(m, 'italic', hs, head, measure * 0.75);
      m.select('italic', hs);
      doc.text(fit, x0 + (measure - m.width('italic', hs, fit)) / 2, headY, { lineBreak: false, baseline: 'alphabetic' } as PDFKit.Mixins.TextOptions);
      const folio = String(n);
      m.select('regular', hs);
      const fw = m.width('regular', hs, folio);
      doc.text(folio, isVerso(n) ? x0 : x0 + measure - fw, headY, { lineBreak: false, baseline: 'alphabetic' } as PDFKit.Mixins.TextOptions);
    }
  });
  const missing = missingGlyphs(book, FACES.map((f) => [s.fonts[f], m.fontkitFont(f)]));
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), pages: front + body.length, body: facts, missing };
}

/** Shortens a running head that would not fit, at a word, with an ellipsis. */
function fitText(m: Measurer, face: Face, size: number, text: string, width: number): string {
  if (m.width(face, size, text) <= width) return text;
  const words = text.split(' ');
  while (words.length > 1 && m.width(face, size, `${words.join(' ')} …`) > width) words.pop();
  return `${words.join(' ')} …`;
}

interface TocEntry {
  title: string;
  level: number;
  page: number;
  dest: string;
}

/** Chapters and their sections, with the body page each starts on. */
function collectToc(book: Book, pages: Page[]): TocEntry[] {
  const out: TocEntry[] = [];
  pages.forEach((pg, i) => {
    for (const pl of pg.body) if (pl.outline && pl.outline.level <= 1 && pl.dest) out.push({ title: pl.outline.title, level: pl.outline.level, page: i, dest: pl.dest });
  });
  // chapters without a heading of their own (text before the first heading) start at their first page
  book.chapters.forEach((ch, ci) => {
    const first = pages.findIndex((pg) => pg.chapter === ci);
    const level = ch.part !== undefined ? 1 : 0;
    const sameAsPart = ch.part !== undefined && book.parts[ch.part].title === ch.title;
    if (first >= 0 && !sameAsPart && !out.some((e) => e.level === level && pages[e.page].chapter === ci) && ch.blocks[0]?.kind !== 'heading') out.push({ title: ch.title, level, page: first, dest: `page-${first}` });
  });
  return out.sort((a, b) => a.page - b.page || a.level - b.level);
}

