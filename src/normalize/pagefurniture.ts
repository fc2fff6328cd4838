import { CHAPTER_LABEL } from './text.ts';
import { isCodeLine } from './code.ts';
import { maxOf, pushTo } from '../collections.ts';
// The furniture at the edges of a paged text's pages: folios (alone, or inside a running
// head: "1.4 Input File Structure 7", "CHAP. XIII.] DÖLLINGER 189", "No 70") and running
// heads and feet that come back page after page, with their numbers and OCR noise. Decided
// from the pages themselves: a folio is a number at a page edge that rises with the pages
// (its neighbours agree), a running head a short edge line that several pages repeat.

export interface EdgeLine {
  /** Index of the line in the caller's line array. */
  i: number;
  text: string;
}

export interface Furniture {
  i: number;
  kind: 'folio' | 'head';
  /** The page number a folio states. */
  label?: string;
}

const EDGE = 6; // lines looked at, from each edge of a page

/** A lower-case roman numeral's value (front matter's folios: xxiii), or 0. */
function romanValue(t: string): number {
  if (!/^(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/.test(t)) return 0;
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let n = 0;
  for (let k = 0; k < t.length; k++) n += v[t[k]] < (v[t[k + 1]] ?? 0) ? -v[t[k]] : v[t[k]];
  return n;
}

/** Numbers that could be the folio in an edge line, with what is left of the line around them. */
function folioCandidates(t: string): { value: number; label: string; rest: string; roman?: boolean }[] {
  // (pdftotext sets a right-to-left page's number in bidi embeddings: "\u202b\u202a3\u202c\u202c")
  const s = t.replace(/[\u00a0\t]/g, ' ').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const out: { value: number; label: string; rest: string; roman?: boolean }[] = [];
  const strip = (x: string) => x.replace(/^[‘’'"“”.,:;|[\]()*]+|[‘’'"“”.,:;|[\]()*]+$/g, '');
  const words = s.split(/\s+/);
  const first = strip(words[0] ?? '');
  const last = strip(words[words.length - 1] ?? '');
  // "2. Delahogue was…" opens a list item or a note, not a page
  if (/^\d{1,4}$/.test(first) && (words.length === 1 || !/^\d+[.)]$/.test(words[0]))) out.push({ value: Number(first), label: first, rest: words.slice(1).join(' ') });
  if (words.length > 1 && /^\d{1,4}$/.test(last)) out.push({ value: Number(last), label: last, rest: words.slice(0, -1).join(' ') });
  // "SMM:08-10": a section-page folio, the page counted by its last number
  const m = /^(?:[A-Z]{2,5}:)?\d{1,3}-(\d{1,4})$/.exec(first) ?? (words.length > 1 ? /^(?:[A-Z]{2,5}:)?\d{1,3}-(\d{1,4})$/.exec(last) : null);
  if (m) out.push({ value: Number(m[1]), label: m[0], rest: (m[0] === first ? words.slice(1) : words.slice(0, -1)).join(' ') });
  // a roman folio stands alone on its line: "xxiii"
  if (words.length === 1 && romanValue(first)) out.push({ value: romanValue(first), label: first, rest: '', roman: true });
  return out;
}

/** A running head's title: a few words, no sentence end, not a line of code (in any case: "lwarp"). */
const titleShape = (t: string) => {
  const s = t.trim();
  return s.length <= 80 && s.split(/\s+/).length <= 8 && /\p{L}{3}/u.test(s) && !/[.!?;,]$/.test(s) && !isCodeLine(s);
};
const restIsHead = (rest: string) => rest.length <= 80 && rest.split(/\s+/).filter(Boolean).length <= 10 && !/[,;]$/.test(rest) && !NOTE_LIKE.test(rest);
/** A note at a page's foot that cites a page: its label, then a citation ("1 Pastoral (1867), p. 40.") — however alike from page to page, no running foot. */
const citingNote = (t: string) => /^\s*(?:\d{1,2}|[*†‡§®}])\s+\S/.test(t) && /\b(?:p|pp|vol|ibid|op\. cit|cf)\.\s*[\divxlc]|\bibid\b/i.test(t);
/** Lines that open a note or carry one: never running heads. */
const NOTE_OPENS = /^\s*(?:\[(?:Footnote|\d|[A-Za-z*]\])|[*†‡¹²³⁴⁵⁶⁷⁸⁹^↑])/;
const NOTE_LIKE = /^\s*(?:\[(?:Footnote|\d|[A-Za-z*]\])|[*†‡¹²³⁴⁵⁶⁷⁸⁹^↑])|["“”]/;

/**
 * "2.1 Introduction", "3.1 Introduction": lines alike but for a section number of their own
 * each are a title each chapter repeats — the text's headings, not a running head.
 */
export function ownSectionNumbers(lines: string[]): boolean {
  const nums = lines.map((t) => (t.match(/\d+(?:\.\d+)*/g) ?? []).join(' '));
  return nums.every((x) => /\d\.\d/.test(x)) && new Set(nums).size === nums.length;
}

/**
 * "3 Cecconi, iii. p. 479.", "1 Cecconi, iii. p. 524.": feet alike but for the label opening
 * them are notes citing one book again — a running foot keeps its number (a chapter's) from
 * page to page, or rises with the pages as a folio.
 */
export function labelsOwn(lines: { part: string; p: number }[]): boolean {
  const labels = lines.map((l) => /^\s*(\d{1,3}) +\S/.exec(l.part)?.[1]);
  if (labels.some((x) => x === undefined) || new Set(labels).size < 2) return false;
  // (numbers that keep one distance from the page count are folios OCR kept from agreeing)
  return new Set(lines.map((l, k) => Number(labels[k]) - l.p)).size > 1;
}

/**
 * "Part 1", "Part 2", "Part 3" on pages 2, 10, 18: alike but for a number rising by one at each
 * occurrence, while the pages between them jump — a division's label counting the divisions,
 * not a running head (which keeps its number from page to page, or rises with the pages).
 */
export function countsDivisions(lines: { part: string; p: number }[]): boolean {
  const nums = lines.map((l) => l.part.match(/\d+/g));
  if (nums.some((n) => n?.length !== 1)) return false;
  const v = nums.map((n) => Number(n![0]));
  return v.every((x, k) => k === 0 || (x === v[k - 1] + 1 && lines[k].p - lines[k - 1].p > 1));
}

/** Letters, and # for each number, lower-cased: running heads compared without their numbers and punctuation. */
// (asked of every line of a book: ASCII lines, most of them, take the regex without Unicode classes)
const keyOf = (t: string): string => {
  const low = t.toLowerCase().replace(/\d+/g, '#');
  return /^[\x00-\x7f]*$/.test(low) ? low.replace(/[^a-z#]+/g, '') : low.replace(/[^\p{L}#]+/gu, '');
};

// a key's letter pairs as sorted codes, made once per key: the heads of a long book are compared
// many times, and two sorted arrays intersect in one merge, with no hashing
const gramCache = new Map<string, Float64Array>();
function bigrams(s: string): Float64Array {
  const hit = gramCache.get(s);
  if (hit) return hit;
  if (gramCache.size > 50_000) gramCache.clear();
  const codes = new Float64Array(Math.max(0, s.length - 1));
  for (let i = 0; i < s.length - 1; i++) codes[i] = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
  codes.sort();
  gramCache.set(s, codes);
  return codes;
}

/**
 * Whether two keys' letter pairs (counted with their repeats) are alike by Dice's measure to
 * `least` or more: OCR variants of one head score high. The merge stops as soon as the pairs
 * left cannot reach it (most pairs of a book's edge lines are nothing alike).
 */
function alike(a: string, b: string, least: number): boolean {
  if (a === b) return true;
  if (a.length < 2 || b.length < 2) return false;
  const A = bigrams(a);
  const B = bigrams(b);
  const need = (least * (A.length + B.length)) / 2;
  let both = 0;
  for (let i = 0, j = 0; i < A.length && j < B.length; ) {
    if (A[i] === B[j]) {
      both++;
      i++;
      j++;
    } else {
      if (A[i] < B[j]) i++;
      else j++;
      if (both + Math.min(A.length - i, B.length - j) < need) return false;
    }
  }
  return both >= need;
}

/**
 * The furniture of the pages, each page given as its non-blank lines in order. Needs three
 * pages or more: furniture is what pages share.
 */
export { NOTE_LIKE };

export function pageFurniture(pages: EdgeLine[][]): Furniture[] {
  if (pages.length < 3) return [];
  const edges = pages.map((lines) => {
    // a short page (a chapter's last) is shared between its two edges
    const topN = Math.min(EDGE, Math.ceil(lines.length / 2));
    const top = lines.slice(0, topN).map((l, k) => ({ ...l, at: 'top' as const, k }));
    const bottom = lines.slice(Math.max(topN, lines.length - EDGE)).map((l, k, a) => ({ ...l, at: 'bottom' as const, k: a.length - 1 - k }));
    return [...top, ...bottom];
  });
  const out = new Map<number, Furniture>();

  // Folios: a number at an edge that a neighbouring page's number agrees with (both rise with the pages).
  // ("Chapter 4" on a line of its own is the chapter's heading, not a head with folio 4)
  const cands = edges.flatMap((es, p) => es.filter((e) => !CHAPTER_LABEL.test(e.text.trim())).flatMap((e) => folioCandidates(e.text).filter((c) => restIsHead(c.rest)).map((c) => ({ ...c, p, e }))));
  const byPage = new Map<number, typeof cands>();
  for (const c of cands) pushTo(byPage, c.p, c);
  // a number alone needs one neighbour to agree; a number inside a line of words, two
  const agreed = cands.filter((c) => {
    let n = 0;
    for (let q = c.p - 6; q <= c.p + 6; q++) {
      if (q === c.p) continue;
      if ((byPage.get(q) ?? []).some((o) => !o.roman === !c.roman && o.value - c.value === q - c.p)) n++;
    }
    return n >= (c.rest ? 2 : 1);
  });
  // The page numbers run at one offset from the page count (a few more after unnumbered plates):
  // a run of note labels at the pages' feet rises too, but at an offset of its own.
  const votes = new Map<number, Set<number>>();
  // (roman front-matter folios are a numbering of their own, voted apart: offsets far from the arabic ones)
  const offsetOf = (c: { value: number; p: number; roman?: boolean }) => c.value - c.p + (c.roman ? 100_000 : 0);
  for (const c of agreed) votes.set(offsetOf(c), (votes.get(offsetOf(c)) ?? new Set()).add(c.p));
  const top = Math.max(0, maxOf([...votes.entries()].filter(([d]) => d < 50_000).map(([, v]) => v.size)));
  const strongOffset = (c: (typeof cands)[number]) => [...votes].some(([d, v]) => Math.abs(d - offsetOf(c)) <= 2 && v.size >= (c.roman ? 2 : Math.max(3, 0.3 * top)));
  const kept = agreed.filter(strongOffset);
  // Where a page has two (a folio at its head, a note's label at its foot), the edge its parity uses wins.
  const where = new Map<string, number>();
  for (const c of kept) where.set(`${c.p % 2}:${c.e.at}`, (where.get(`${c.p % 2}:${c.e.at}`) ?? 0) + 1);
  // One folio per page and per numbering (a draft may carry its own page count beside the book's).
  const classOf = (c: (typeof cands)[number]) => Math.round(offsetOf(c) / 5);
  const chosen = new Map<string, (typeof cands)[number]>();
  for (const c of kept) {
    const key = `${c.p}:${classOf(c)}`;
    const cur = chosen.get(key);
    const weight = (x: typeof c) => (where.get(`${x.p % 2}:${x.e.at}`) ?? 0) * 10 - x.e.k;
    if (!cur || weight(c) > weight(cur)) chosen.set(key, c);
  }
  // the page's number is the one of the numbering most pages show
  const classVotes = new Map<number, number>();
  for (const c of chosen.values()) classVotes.set(classOf(c), (classVotes.get(classOf(c)) ?? 0) + 1);
  const main = [...classVotes].sort((a, b) => b[1] - a[1])[0]?.[0];
  const folios = new Map<number, Furniture>();
  for (const c of chosen.values()) folios.set(c.e.i, { i: c.e.i, kind: 'folio', label: classOf(c) === main || c.roman ? c.label : undefined });

  // Running heads: short edge lines that three pages or more repeat, near enough (OCR varies them).
  // (a line that refers to a note, or a sentence of small words, is the text's, not a head)
  const sentence = (t: string) => /[.!?]["”’]?(?:\[\d{1,4}\]|\d{1,3}|[ \u00a0]*↩\uFE0E?\uFE0F?)?$/u.test(t.trim()) && (t.match(/(?:^|\s)\p{Ll}/gu) ?? []).length >= 3;
  // A head set in two columns at the page's top ("CHAPTER 7. BASICS …      7.12. HOW DO I …", pdftotext -layout)
  // repeats by one of them: the chapter's half comes back while the section's changes.
  const columns = (t: string, at: 'top' | 'bottom'): { t: string; col: boolean }[] => {
    const parts = at === 'top' ? t.trim().split(/\s{3,}/) : [t];
    return [{ t, col: false }, ...(parts.length >= 2 ? [parts[0], parts[parts.length - 1]].map((x) => ({ t: x, col: true })) : [])];
  };
  // a line under a number set alone at a page's foot (not its folio) is that note's body, however
  // often the book repeats the note ("See https://…" cited in every language's section)
  // (a running foot's title under its chapter's number — "3⏎Options: Keywords and Values⏎7" —
  // is a title's shape, no sentence: a note says something)
  const underLabel = (es: (typeof edges)[number], e: (typeof edges)[number][number]) =>
    e.at === 'bottom' && !titleShape(e.text) && es.some((b) => b.at === 'bottom' && b.k === e.k + 1 && /^\s*\d{1,3}\s*$/.test(b.text) && !folios.has(b.i));
  const heads = edges.flatMap((es, p) =>
    es
      // (a listing's line at a page's edge, however alike from page to page, is no head)
      .filter((e) => !folios.has(e.i) && !/\[\d{1,4}\]/.test(e.text) && !sentence(e.text) && !isCodeLine(e.text) && !underLabel(es, e) && !(e.at === 'bottom' && citingNote(e.text)))
      // (a line with quotation marks is the text's, unless pages repeat it word for word: quoted: true)
      .flatMap((e) => columns(e.text, e.at).filter((c) => c.t.trim().length <= (c.col ? 80 : 120) && !NOTE_OPENS.test(c.t)).map((c) => ({ ...e, p, key: keyOf(c.t), part: c.t, col: c.col, quoted: NOTE_LIKE.test(c.t) }))),
  ).filter((e) => e.key.length >= 4);
  // columns of a two-column head that open alike ("CHAPTER 4. …", "CHAPTER 6. …") are one head's;
  // a line that opens with another page's column is that head with its gap closed up
  const samePrefix = (a: string, b: string) => a.length >= 8 && b.length >= 8 && a.slice(0, 8) === b.slice(0, 8);
  const repeated = new Set<number>();
  // what a head is like depends on its key, side and kind alone: the heads like it, the first of
  // each page in page order, are found once per kind of head (a running head repeats on every page)
  const likeOf = new Map<string, typeof heads>();
  const likeHeads = (h: (typeof heads)[number]) => {
    const sig = `${h.at}\u0000${h.quoted}\u0000${h.col}\u0000${h.key}`;
    let found = likeOf.get(sig);
    if (found) return found;
    found = [];
    const pagesSeen = new Set<number>();
    const least = h.key.length >= 10 ? 0.75 : 0.95;
    for (const o of heads) {
      if (pagesSeen.has(o.p) || o.at !== h.at) continue;
      // (keys of very different lengths cannot share enough letter pairs: not compared)
      const reach = (2 * Math.min(h.key.length, o.key.length) - 2) / (h.key.length + o.key.length - 2);
      const same = h.quoted || o.quoted ? h.key === o.key : (reach >= least && alike(h.key, o.key, least)) || (h.col && o.col && samePrefix(h.key, o.key)) || (o.col && o.key.length >= 12 && h.key.startsWith(o.key));
      if (!same) continue;
      pagesSeen.add(o.p);
      found.push(o);
      // six other pages are enough, whichever page asks
      if (found.length >= 7) break;
    }
    likeOf.set(sig, found);
    return found;
  };
  for (const h of heads) {
    const like = likeHeads(h).filter((o) => o.p !== h.p).slice(0, 6);
    if (like.length < 2) continue;
    // a head keeps its chapter's number from page to page; a section title does not
    if (ownSectionNumbers([h, ...like].map((x) => x.part)) && !folios.has(h.i)) continue;
    if (h.at === 'bottom' && !folios.has(h.i) && labelsOwn([h, ...like])) continue;
    if (!folios.has(h.i) && countsDivisions([h, ...like].sort((a, b) => a.p - b.p))) continue;
    repeated.add(h.i);
  }
  // how often each short line's words stand in the text (a section's title and its running heads)
  const titles = new Map<string, number>();
  for (const ls of pages)
    for (const l of ls)
      if (l.text.length <= 90) {
        const key = keyOf(l.text);
        titles.set(key, (titles.get(key) ?? 0) + 1);
      }
  // A section's running head beside the chapter's ("4.2. WHAT KERNELS DOES DEBIAN …"): set in
  // capitals, a mark cut short of a line the text has in full, or a numbered section's title
  // the text has in its own case.
  // (compared without section numbers, which the text may set on a line of their own)
  let starts: string[] | undefined;
  const abbreviates = (t: string): boolean => {
    if (/\p{Ll}/u.test(t)) return false;
    // (quoted words may stand in a title: "6.3. WHAT ABOUT ”SID”?")
    if (t.trim().length > 80 || t.trim().split(/\s+/).length > 10 || /[,;]$/.test(t.trim()) || sentence(t) || isCodeLine(t)) return false;
    const cut = /(?:…|\.\s?\.\s?\.)\s*$/.test(t);
    const key = keyOf(t.replace(/(?:…|\.\s?\.\s?\.)\s*$/, '')).replace(/#/g, '');
    if (key.length < 8) return false;
    starts ??= pages.flatMap((ls) => ls.filter((l) => /\p{L}/u.test(l.text)).map((l) => keyOf(l.text.slice(0, 160)).replace(/#/g, '')));
    let n = 0;
    for (const other of starts) if (cut ? other.length > key.length && other.startsWith(key) : other === key) n++;
    // (uncut, it is a section's mark only with its number: a chapter's title set in capitals
    // at a page's top is the heading itself)
    return cut ? n >= 1 : /^\s*\d{1,2}(?:\.\d{1,2})+\.?\s/.test(t) && n >= 2;
  };
  // Furniture stands at the edge: only furniture between it and the page's first or last line.
  edges.forEach((es) => {
    for (const at of ['top', 'bottom'] as const) {
      const side = es.filter((x) => x.at === at).sort((a, b) => a.k - b.k);
      // a running head of its own with the folio on the line after it (pdftotext split them)
      if (side.length > 2 && !out.has(side[0].i) && folios.has(side[1].i) && restIsHead(side[0].text.trim()) && !/[.!?]$/.test(side[0].text.trim()) && !sentence(side[0].text)) out.set(side[0].i, { i: side[0].i, kind: 'head' });
      // a running head's chapter number on a line of its own at the very edge ("3⏎Options: …⏎7")
      if (side.length > 2 && /^\s*\d{1,2}\s*$/.test(side[0].text) && !folios.has(side[0].i) && repeated.has(side[1].i) && titleShape(side[1].text)) out.set(side[0].i, { i: side[0].i, kind: 'head' });
      const headLike = (t: string) => restIsHead(t.trim()) && !/[.!?]$/.test(t.trim()) && !sentence(t) && !isCodeLine(t);
      // a head that pdftotext set in pieces above the page's folio ("2⏎Package Commands⏎3", the
      // section's number, its title, the folio): what stands above a folio at a page's top is the head
      if (at === 'top') {
        // (a folio of the book's own numbering; never under a part's or chapter's label: "Part II⏎
        // Page Layout in LATEX⏎4⏎Introduction" opens a part, its section's number split off)
        const f = side.findIndex((x) => folios.get(x.i)?.label !== undefined);
        if (f > 0 && f <= 2 && side.slice(0, f).every((x) => !out.has(x.i) && !CHAPTER_LABEL.test(x.text.trim()) && (/^\s*\d{1,2}\s*$/.test(x.text) || (headLike(x.text) && titleShape(x.text)))))
          for (const x of side.slice(0, f)) out.set(x.i, { i: x.i, kind: 'head' });
      }
      for (let k = 0; k < side.length; k++) {
        const e = side[k];
        if (out.has(e.i)) continue;
        const f = folios.get(e.i);
        if (f) out.set(e.i, f);
        else if (repeated.has(e.i)) {
          out.set(e.i, { i: e.i, kind: 'head' });
          // its chapter's number set on a line of its own beside it ("3⏎Options: …⏎7")
          const n = side[k + 1];
          if (n && /^\s*\d{1,2}\s*$/.test(n.text) && !folios.has(n.i) && titleShape(e.text)) out.set(n.i, { i: n.i, kind: 'head' });
        }
        // a head that changes with the page (its section, its first entry) between furniture and the folio
        else if (k > 0 && k + 1 < side.length && folios.has(side[k + 1].i) && headLike(e.text)) out.set(e.i, { i: e.i, kind: 'head' });
        // the page's section title over the folio at its foot ("5.4. Layout of the source package⏎31"): a heading the text has elsewhere
        else if (at === 'top' && k > 0 && out.has(side[k - 1].i) && abbreviates(e.text)) out.set(e.i, { i: e.i, kind: 'head' });
        else if (at === 'bottom' && k > 0 && folios.has(side[k - 1].i) && headLike(e.text) && keyOf(e.text).replace(/#/g, '').length >= 6 && (titles.get(keyOf(e.text)) ?? 0) >= 2) out.set(e.i, { i: e.i, kind: 'head' });
        else break;
      }
    }
  });
  return [...out.values()];
}
