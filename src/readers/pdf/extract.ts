// A PDF's text as pdf.js gives it: every run with its position, size and font, grouped into the
// lines of each page (a raised, smaller run joins the line it stands on: a note's mark).
// The only part of the PDF reader that touches pdf.js; what follows works on these lines.
import { UserError } from '../../errors.ts';
import { inColumns } from './columns.ts';

export interface Run {
  text: string;
  x: number;
  /** Baseline, in PDF units from the page's foot. */
  y: number;
  w: number;
  size: number;
  font: string;
  bold: boolean;
  italic: boolean;
  mono: boolean;
}

export interface PdfLine {
  page: number;
  /** Baseline of the line's main text. */
  y: number;
  x0: number;
  x1: number;
  /** The size most of the line's characters are set in. */
  size: number;
  runs: Run[];
  /** On a page of two columns: 0 the left, 1 the right (moved under the left); none across both. */
  column?: number;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

export interface PdfText {
  pages: PdfPage[];
  info: { title?: string; author?: string; language?: string };
}

interface PdfjsItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

const STYLE = (name: string) => ({
  bold: /bold|black|heavy|semibold|demi|[-+]?(?:cmbx|cmb|ptmb|phvb)|\bbd\b|,b\b/i.test(name),
  italic: /italic|oblique|slanted|(?:cmti|cmsl|cmmi|ptmri|ptmbi|phvro)\d*|[-,]it\b|\bit\b/i.test(name),
  mono: /mono|courier|cmtt|typewriter|consol|menlo|inconsolata|lmtt|pcrr|nimbusmon/i.test(name),
});

/** Reads the PDF; a damaged or encrypted file is one plain message. */
export async function extractText(bytes: Uint8Array, path: string): Promise<PdfText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof getDocument>['promise']>;
  try {
    // no fonts drawn, no scripts run, nothing fetched: only the text and its geometry
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 }).promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new UserError(`${path}: an encrypted PDF (it needs a password); decrypt it first (qpdf --decrypt)`);
    throw new UserError(`${path}: a damaged PDF (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 80)})`);
  }
  const pages: PdfPage[] = [];
  const fonts = new Map<string, ReturnType<typeof STYLE>>();
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , width, height] = page.view;
    const content = await page.getTextContent();
    // the fonts' real names (and so italic, bold, monospace) are known once a page's operators are
    // read; fonts are the document's, so only a page with a font not seen before needs it
    if ((content.items as PdfjsItem[]).some((it) => 'fontName' in it && !fonts.has(it.fontName))) await page.getOperatorList();
    const styleOf = (id: string) => {
      let s = fonts.get(id);
      if (!s) {
        let name = id;
        try {
          const f = page.commonObjs.get(id) as { name?: string; bold?: boolean; italic?: boolean } | undefined;
          name = f?.name ?? id;
          s = STYLE(name);
          if (f?.bold) s.bold = true;
          if (f?.italic) s.italic = true;
        } catch {
          s = STYLE(name);
        }
        fonts.set(id, s);
      }
      return s;
    };
    const runs: Run[] = [];
    for (const it of content.items as PdfjsItem[]) {
      if (!('str' in it) || !it.str) continue;
      const [a, b, , , e, f] = it.transform;
      const size = Math.hypot(a, b);
      if (size <= 0) continue;
      runs.push({ text: it.str, x: e, y: f, w: it.width, size, font: it.fontName, ...styleOf(it.fontName) });
    }
    pages.push({ width, height, lines: inColumns(linesOf(runs, p - 1), width, height, lineOf).lines });
    page.cleanup();
  }
  const meta = await doc.getMetadata().catch(() => undefined);
  const info = (meta?.info ?? {}) as { Title?: string; Author?: string; Language?: string };
  await doc.destroy();
  return { pages, info: { title: info.Title?.trim() || undefined, author: info.Author?.trim() || undefined, language: info.Language?.trim() || undefined } };
}

/** Runs → lines: a run that starts left of the line's end or far below it opens a new line. */
export function linesOf(runs: Run[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let cur: Run[] = [];
  const flush = () => {
    const r = cur.filter((x) => x.text.trim());
    if (r.length) lines.push(lineOf(r, page));
    cur = [];
  };
  for (const r of runs) {
    const last = cur[cur.length - 1];
    if (last) {
      const base = cur.reduce((m, x) => (x.size > m.size ? x : m), cur[0]);
      const dy = r.y - base.y;
      const em = Math.max(base.size, r.size);
      // same line: near its baseline (a raised mark, before or after the text, up to 0.65 em off it), and further right
      const onLine = Math.abs(dy) < 0.65 * em && (dy > -0.35 * em || r.size > base.size) && r.x > last.x - 0.5 * em;
      if (!onLine) flush();
    }
    cur.push(r);
  }
  flush();
  // a line the content stream gave in pieces (a kerned word, a font change, math) is one line
  const out: PdfLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && Math.abs(prev.y - l.y) < 0.3 * Math.max(prev.size, l.size) && l.x0 >= prev.x1 - 0.5 && l.x0 - prev.x1 < 3 * prev.size) out[out.length - 1] = lineOf([...prev.runs, ...l.runs], page);
    else out.push(l);
  }
  return out;
}

export function lineOf(runs: Run[], page: number): PdfLine {
  const weight = new Map<number, number>();
  for (const r of runs) weight.set(Math.round(r.size * 10) / 10, (weight.get(Math.round(r.size * 10) / 10) ?? 0) + r.text.length);
  const size = [...weight].sort((a, b) => b[1] - a[1])[0][0];
  const main = runs.filter((r) => Math.abs(r.size - size) < 0.15);
  const y = main.length ? main[0].y : runs[0].y;
  return { page, y, x0: Math.min(...runs.map((r) => r.x)), x1: Math.max(...runs.map((r) => r.x + r.w)), size, runs };
}
