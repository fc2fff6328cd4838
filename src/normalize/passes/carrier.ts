import type { Item, NormState, WrapMode } from '../types.ts';

type TextItem = Extract<Item, { kind: 'text' }>;

export const percentile = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor(p * v.length))];
};

/** The length most lines end near: the top of the window [0.85 m, m] that holds the most lengths. */
export function densestEnd(lens: number[]): number {
  const v = [...lens].sort((a, b) => a - b);
  let best = 0;
  let bestCount = 0;
  let lo = 0;
  for (let hi = 0; hi < v.length; hi++) {
    while (v[lo] < 0.85 * v[hi]) lo++;
    if (hi - lo + 1 > bestCount) [best, bestCount] = [v[hi], hi - lo + 1];
  }
  return best;
}

export interface Carrier {
  mode: WrapMode;
  /** The body text's measure in characters (wrapped texts), 0 when not wrapped. */
  measure: number;
  /** pdftotext -layout and the like: indentation and column padding carry the layout. */
  layout: boolean;
}

/**
 * Reads the carrier from the lines themselves. A wrapped text has most of its lines near
 * one measure (the paragraphs' last lines are the short ones); a browser copy has one
 * paragraph per line, of any length. Leading spaces on many lines mean the extraction kept
 * the page's layout (indentation marks paragraphs, lists and code there). A line wrapped at
 * the measure goes on in the next line: when most lines near the measure end their block
 * instead, they are one-line paragraphs of similar length, not a wrapping.
 */
export function detectCarrier(items: Item[], formFeeds = 0): Carrier {
  const texts = items.filter((x): x is TextItem => x.kind === 'text').map((x) => x.text);
  // Lines a transcription marks as quotations or tables are often set in another type and
  // measure (a smaller type holds more letters a line): the body's lines alone give the measure.
  const body = items.filter((x): x is TextItem => x.kind === 'text' && !x.region);
  const measured = (body.length >= 0.3 * texts.length ? body.map((x) => x.text) : texts).map((t) => t.trim().length);
  const lens = measured.filter((n) => n >= 20);
  if (!lens.length) return { mode: 'lines', measure: 0, layout: false };
  const paged = formFeeds >= 2;
  /** Lines wrapped at this measure: enough of them near it (`least`), and most of those going on in the next line. */
  const wrappedAt = (measure: number, least = paged ? 0.15 : 0.5) => {
    const isNear = (n: number) => n >= 0.7 * measure && n <= 1.15 * measure;
    const near = lens.filter(isNear).length / lens.length;
    let atMeasure = 0;
    let goOn = 0;
    items.forEach((x, i) => {
      if (x.kind !== 'text' || x.region || x.text.trim().length < 20 || !isNear(x.text.trim().length)) return;
      atMeasure++;
      const next = items.slice(i + 1, i + 3).find((y) => y.kind !== 'page');
      if (next?.kind === 'text') goOn++;
    });
    // Pages cut by form feeds come from a typeset page (pdftotext), whose prose is always wrapped:
    // there a sixth of the lines at the measure is enough (the rest may be verse, code or tables),
    // so long as most of those lines go on in the next one.
    return measure <= 220 && near >= least && goOn >= (paged ? 0.5 : 0.3) * atMeasure;
  };
  // the measure: the length most lines reach — or, where listings and tables of shorter lines
  // outnumber the prose, the length of the lines the next one goes on from ("…encoun-",
  // "…helps if⏎that bug gets…": a line followed by one that opens in lower case)
  let measure = percentile(lens, 0.9);
  let wrapped = wrappedAt(measure);
  const atPercentile = wrapped;
  if (!wrapped) {
    const goesOn: number[] = [];
    items.forEach((x, i) => {
      const next = items[i + 1];
      if (x.kind === 'text' && !x.region && x.text.trim().length >= 20 && next?.kind === 'text' && /^\s*\p{Ll}/u.test(next.text)) goesOn.push(x.text.trim().length);
    });
    // (a typeset page's prose is wrapped however few its lines beside a long listing: there
    // twenty lines going on into the next are evidence enough)
    if (goesOn.length >= 20 && (paged || goesOn.length >= 0.1 * lens.length)) {
      const alt = percentile(goesOn, 0.75);
      if (wrappedAt(alt, paged ? 0.03 : 0.5)) [measure, wrapped] = [alt, true];
    }
  }
  // pdftotext joins a word hyphenated at a line's end onto that line, so in a narrow measure
  // (a newsletter's columns) the hyphenated lines, up to twice the measure and more, outnumber
  // a tenth of the lines and the 90th percentile is theirs: on a page cut by a form feed (no
  // browser copy has one) where that percentile is no measure, the measure is where most lines
  // end, the densest window of lengths (rather than the lines going on into lower case, which
  // the joined lines are among)
  if (!atPercentile && formFeeds >= 1) {
    const peak = densestEnd(lens);
    const beyond = lens.filter((n) => n > 1.15 * peak).length;
    // (and prose: a fifth of its lines at least go on into a word in lower case — a listing's do not)
    let near = 0;
    let lower = 0;
    items.forEach((x, i) => {
      const n = x.kind === 'text' && !x.region ? x.text.trim().length : 0;
      if (n < 20 || n < 0.7 * peak || n > 1.15 * peak) return;
      near++;
      const next = items[i + 1];
      if (next?.kind === 'text' && /^\s*\p{Ll}/u.test(next.text)) lower++;
    });
    if (peak && peak < measure && beyond >= 0.1 * lens.length && lower >= 0.2 * near && wrappedAt(peak, 0.4)) [measure, wrapped] = [peak, true];
  }
  // a book of verse with prose around it (a poetry book's introduction and notes): fewer than
  // half its lines reach the measure, but the measure bounds every line, as no browser copy's
  // paragraphs are bounded, and the prose lines at it go on into a line in lower case
  if (!wrapped && !paged && lens.length >= 200 && measure <= 100 && lens.filter((n) => n > 1.15 * measure).length <= 0.005 * lens.length) {
    let atMeasure = 0;
    let lower = 0;
    items.forEach((x, i) => {
      if (x.kind !== 'text' || x.region || x.text.trim().length < 0.85 * measure) return;
      atMeasure++;
      const next = items[i + 1];
      if (next?.kind === 'text' && /^\s*\p{Ll}/u.test(next.text)) lower++;
    });
    wrapped = atMeasure >= 0.2 * lens.length && lower >= 0.5 * atMeasure;
  }
  const indented = texts.filter((t) => /^ {2,}\S/.test(t)).length / Math.max(1, texts.length);
  if (!wrapped) return { mode: 'lines', measure: 0, layout: false };
  const trailing = texts.filter((t) => / $/.test(t) && t.trim().length > 0.5 * measure).length / Math.max(1, texts.length);
  return { mode: trailing >= 0.3 ? 'trailing-space' : 'blank-line', measure, layout: indented >= 0.2 };
}

/** What carried the text, in the report's words. */
function describe(s: NormState, c: Carrier): string {
  const pages = s.items.filter((x) => x.kind === 'page').length;
  const parts = [c.mode === 'lines' ? 'one paragraph per line (a browser copy or an e-text without wrapping)' : c.mode === 'trailing-space' ? `wrapped at about ${c.measure} characters, a trailing space marking a soft wrap (a PDF extraction)` : `wrapped at about ${c.measure} characters`];
  if (c.layout) parts.push('indentation kept from the page layout (pdftotext -layout or similar)');
  if (pages) parts.push(`${pages + 1} pages`);
  return parts.join('; ');
}

export function carrier(s: NormState): void {
  const c = detectCarrier(s.items, s.formFeeds ?? 0);
  s.mode = c.mode;
  s.measure = c.measure;
  s.layout = c.layout;
  s.changes.push({ kind: 'carrier', lines: [], why: describe(s, c) });
}

/** A browser copy: one paragraph a line, and no form feeds (pages cut by them come from a PDF, which has no site around it). */
export const isBrowserCopy = (s: NormState): boolean => s.mode === 'lines' && (s.formFeeds ?? 0) < 2;
