// Measure → break lines: a paragraph's inline content becomes boxes, glue and penalties
// measured from the embedded fonts, then lines by total fit, then positioned fragments.
import type { Inline } from '../../model/book.ts';
import { hyphenator } from '../../hyphenate.ts';
import { breakLines, INFINITY, type Item } from './knuthplass.ts';
import type { Face, Measurer } from './measure.ts';

/** A run of text at one place on a line, in one face. */
export interface Fragment {
  x: number;
  text: string;
  face: Face;
  size: number;
  /** Raise above the baseline (superscripts). */
  rise: number;
  /** A note reference: the note number it links to. */
  note?: number;
  /** A hyphen added at a line break, which the text layer reads as a soft hyphen. */
  soft?: boolean;
}

export interface Line {
  fragments: Fragment[];
  /** Notes referred to on this line, in order. */
  notes: number[];
  /** Pages of the original edition that begin on this line. */
  pages: string[];
  width: number;
  ratio: number;
}

export interface ParStyle {
  face: Face;
  size: number;
  measure: number;
  /** Indent of the first line. */
  indent: number;
  language: string;
  justify: boolean;
  /** Hanging label drawn left of the first line (lists). */
}

interface Tok {
  text: string;
  face: Face;
  size: number;
  rise: number;
  note?: number;
  /** An original page break (a box of no width). */
  page?: string;
  /** A line break the text keeps (verse): the line ends here. */
  brk?: boolean;
}

const faceWith = (f: Face, em: boolean, strong: boolean): Face => {
  const italic = em !== (f === 'italic' || f === 'boldItalic') ? true : f === 'italic' || f === 'boldItalic';
  const bold = strong || f === 'bold' || f === 'boldItalic';
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
};

/** Box-drawing characters the book's faces lack, as ASCII draws them ("───┼───" → "---+---"). */
const BOX: Record<string, string> = { '─': '-', '━': '-', '═': '=', '│': '|', '┃': '|', '║': '|' };
/** A box-drawing character: print draws it in ASCII, so no face need carry it. */
export const BOX_DRAWING = /[\u2500-\u257f]/;
const asciiBoxes = (t: string) => t.replace(new RegExp(BOX_DRAWING.source, 'g'), (c) => BOX[c] ?? '+');
/** A line of code as print sets it: its indent kept (figure spaces, which no word space stretches or drops). */
const listingLine = (t: string) => asciiBoxes(t.replace(/^ +/, (sp) => '\u2007'.repeat(sp.length)));

/** Inline tree → styled text runs (emphasis inside italic turns roman, as in print). */
function runs(xs: Inline[], face: Face, size: number, out: Tok[] = []): Tok[] {
  for (const x of xs) {
    switch (x.kind) {
      case 'text':
        out.push({ text: asciiBoxes(x.text), face, size, rise: 0 });
        break;
      case 'code':
        out.push({ text: listingLine(x.text), face, size, rise: 0 });
        break;
      case 'break':
        out.push({ text: '', face, size, rise: 0, brk: true });
        break;
      case 'em': {
        const isItalic = face === 'italic' || face === 'boldItalic';
        runs(x.children, isItalic ? (face === 'boldItalic' ? 'bold' : 'regular') : faceWith(face, true, false), size, out);
        break;
      }
      case 'strong':
        runs(x.children, faceWith(face, false, true), size, out);
        break;
      case 'link':
        runs(x.children, face, size, out);
        break;
      case 'noteref':
        // two marks in a row are set apart by a raised comma, or "63" and "64" read as "6364"
        if (out[out.length - 1]?.note !== undefined) out.push({ text: ',', face: 'regular', size: size * 0.62, rise: size * 0.36 });
        out.push({ text: String(x.n), face: 'regular', size: size * 0.62, rise: size * 0.36, note: x.note });
        break;
      case 'pagebreak':
        out.push({ text: '', face, size, rise: 0, page: x.label });
        break;
    }
  }
  return out;
}

const hyphenCache = new Map<string, Map<string, string[]>>();
/** A word's syllables by the language's patterns (words with digits or under five letters stay whole). */
function syllables(word: string, language: string): string[] {
  if (word.length < 5 || /[\d@/]/.test(word)) return [word];
  let known = hyphenCache.get(language);
  if (!known) hyphenCache.set(language, (known = new Map()));
  let parts = known.get(word);
  if (!parts) {
    const h = hyphenator(language);
    parts = h ? h(word).split('\u00ad') : [word];
    known.set(word, parts);
  }
  return parts;
}

/** A web or mail address set in the text: https://…, www.…, name@host.tld. */
const isAddress = (w: string) => w.length > 12 && /^[(“"‘]?(?:https?:\/\/|www\.)|^[\w.+-]+@[\w-]+\.[\w.]/u.test(w);
/** Where an address may break: after a slash (not inside "//"), a dot, @, ?, &, =, # or _. */
const URL_BREAK = /(?<=[/.@?&=#_](?!\/))(?=[^/.,;:)\]”"’\s])/u;

/** The paragraph as Knuth–Plass items; boxes carry their text and style. */
export function itemsOf(content: Inline[], style: ParStyle, m: Measurer): Item<Tok>[] {
  const items: Item<Tok>[] = [];
  if (style.indent) items.push({ type: 'box', width: style.indent, data: { text: '', face: style.face, size: style.size, rise: 0 } });
  const toks = runs(content, style.face, style.size);
  let pendingSpace: Tok | undefined;
  const pushSpace = (t: Tok) => {
    const w = m.width(t.face, t.size, ' ');
    if (style.justify) items.push({ type: 'glue', width: w, stretch: w / 2, shrink: w / 3 });
    else items.push({ type: 'glue', width: w, stretch: style.measure, shrink: 0 });
  };
  for (const t of toks) {
    if (t.brk) {
      // a kept line break: the line is filled out and broken here, as at a paragraph's end
      items.push({ type: 'glue', width: 0, stretch: INFINITY, shrink: 0 });
      items.push({ type: 'penalty', width: 0, penalty: -INFINITY, flagged: false });
      pendingSpace = undefined;
      continue;
    }
    if (t.page !== undefined) {
      items.push({ type: 'box', width: 0, data: t });
      continue;
    }
    if (t.note !== undefined) {
      items.push({ type: 'box', width: m.width(t.face, t.size, t.text), data: t });
      continue;
    }
    // words and the spaces between them; a word may hold several styles (glued runs)
    for (const piece of t.text.split(/( +)/)) {
      if (!piece) continue;
      if (piece.startsWith(' ')) {
        pendingSpace = t;
        continue;
      }
      if (pendingSpace && items.length && !(items.length === 1 && style.indent)) pushSpace(pendingSpace);
      pendingSpace = undefined;
      // break after explicit hyphens and dashes; hyphenate the letter runs between them. An
      // address breaks, as LaTeX's \url does, after its slashes, dots and other separators, and
      // is never hyphenated (a hyphen would read as part of it).
      const url = isAddress(piece);
      const chunks = url ? piece.split(URL_BREAK) : piece.split(/(?<=[-—–])/);
      chunks.forEach((chunk, ci) => {
        const core = url ? null : /^([\p{L}\p{M}’']+)([^\p{L}\p{M}]*)$/u.exec(chunk.replace(/^[^\p{L}\p{M}]+/u, (lead) => {
          items.push({ type: 'box', width: m.width(t.face, t.size, lead), data: { ...t, text: lead } });
          return '';
        }));
        const syl = core ? syllables(core[1], style.language) : [];
        const parts = core ? [...syl.slice(0, -1), syl[syl.length - 1] + core[2]] : [url ? chunk : chunk.replace(/^[^\p{L}\p{M}]+/u, '')];
        const hyphenW = m.width(t.face, t.size, '-');
        // Widths as differences of prefixes: the syllables of a word add up to the word as drawn, kerning included.
        let prefix = '';
        let prefixW = 0;
        parts.forEach((p, pi) => {
          if (!p) return;
          if (pi > 0 && style.justify) items.push({ type: 'penalty', width: hyphenW, penalty: 50, flagged: true });
          prefix += p;
          const w = m.width(t.face, t.size, prefix);
          items.push({ type: 'box', width: w - prefixW, data: { ...t, text: p } });
          prefixW = w;
        });
        if (ci < chunks.length - 1) items.push(url ? { type: 'penalty', width: 0, penalty: 100, flagged: false } : { type: 'penalty', width: 0, penalty: 50, flagged: true });
      });
    }
  }
  items.push({ type: 'glue', width: 0, stretch: INFINITY, shrink: 0 });
  items.push({ type: 'penalty', width: 0, penalty: -INFINITY, flagged: true });
  return items;
}

/** Breaks the items into lines: tighter tolerances first, as TeX's passes do. */
export function setLines(items: Item<Tok>[], style: ParStyle, m: Measurer, widths?: number[]): Line[] {
  const lineWidths = widths ?? [style.measure];
  let breaks = null;
  for (const tolerance of [200, 1000, 10000, 1e7]) {
    breaks = breakLines(items, { lineWidths, tolerance });
    if (breaks) break;
  }
  if (!breaks) breaks = greedy(items, lineWidths[0]);
  const lines: Line[] = [];
  let start = 0;
  for (const b of breaks) {
    // Ragged lines keep their natural spacing; only justified lines stretch or shrink.
    lines.push(positionLine(items, start, b.at, style.justify ? b.ratio : 0, m));
    // the next line starts after the glue and penalties that follow the break
    start = b.at + 1;
    while (start < items.length && items[start].type !== 'box') start++;
  }
  return lines;
}

/**
 * First fit, as a browser sets a table's cells: each line takes the words that fit and
 * breaks at the last space before the one that does not (a word wider than the measure
 * stands on a line of its own). Ragged: no line is stretched.
 */
export function setFirstFit(items: Item<Tok>[], measure: number, m: Measurer): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let w = 0;
  let lastGlue = -1;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.type === 'glue') {
      if (i === items.length - 2) break; // the paragraph's closing fill
      lastGlue = i;
      w += it.width;
    } else if (it.type === 'box') {
      if (w + it.width > measure && lastGlue > start) {
        lines.push(positionLine(items, start, lastGlue, 0, m));
        start = lastGlue + 1;
        while (start < items.length && items[start].type !== 'box') start++;
        w = 0;
        for (let k = start; k < i; k++) if (items[k].type !== 'penalty') w += items[k].width;
        lastGlue = -1;
      }
      w += it.width;
    }
  }
  lines.push(positionLine(items, start, items.length - 2, 0, m));
  return lines;
}

/** Last resort for an unbreakable overfull line: break at every feasible glue that overflows. */
function greedy(items: Item<Tok>[], width: number) {
  const out: { at: number; ratio: number }[] = [];
  let w = 0;
  items.forEach((it, i) => {
    if (it.type === 'glue' && w > width && i > 0) {
      out.push({ at: i, ratio: 0 });
      w = 0;
    } else if (it.type !== 'penalty') w += it.width;
  });
  out.push({ at: items.length - 1, ratio: 0 });
  return out;
}

function positionLine(items: Item<Tok>[], from: number, to: number, ratio: number, _m: Measurer): Line {
  const frags: Fragment[] = [];
  const notes: number[] = [];
  const pages: string[] = [];
  let x = 0;
  let spaces = 0;
  for (let i = from; i < to; i++) {
    const it = items[i];
    if (it.type === 'box') {
      const t = it.data!;
      if (t.page !== undefined) pages.push(t.page);
      if (t.text) {
        const last = frags[frags.length - 1];
        // Join onto the run before when the style is the same: fewer, longer runs to draw.
        if (last && !spaces && !last.note && t.note === undefined && last.face === t.face && last.size === t.size && last.rise === t.rise) {
          last.text += t.text;
        } else frags.push({ x, text: t.text, face: t.face, size: t.size, rise: t.rise, note: t.note });
        if (t.note !== undefined && !notes.includes(t.note)) notes.push(t.note);
      }
      x += it.width;
      spaces = 0;
    } else if (it.type === 'glue') {
      // Each word is placed at its own x: pdfkit's wordSpacing is not reliable with CID fonts.
      x += it.width + (ratio >= 0 ? ratio * it.stretch : ratio * it.shrink);
      spaces = 1;
    }
  }
  const end = items[to];
  if (end?.type === 'penalty' && end.width > 0) {
    const prevBox = [...items.slice(from, to)].reverse().find((it) => it.type === 'box') as Extract<Item<Tok>, { type: 'box' }> | undefined;
    const t = prevBox?.data ?? { face: 'regular' as Face, size: 10, rise: 0, text: '' };
    frags.push({ x, text: '-', face: t.face, size: t.size, rise: 0, soft: true });
    x += end.width;
  }
  return { fragments: frags, notes, pages, width: x, ratio };
}
