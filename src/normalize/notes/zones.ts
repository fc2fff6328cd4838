// Where note bodies stand: the zones a carrier puts them in. Each finder proposes candidate
// bodies; none of them decides alone whether they are notes — that is weighed against the
// references in notes/accept.ts.
//   blocks  [Footnote 3: …] and "Footnote 3:" + indented body (transcriptions, e-texts)
//   feet    the foot of a page of a paged text (PDF extractions, OCR, page-marked copies)
//   lists   a run of labelled paragraphs or lines in series: after a paragraph, at a
//           chapter's end, in a notes list (e-texts, web copies)
import { follows, nthLabel, opensSeries, parseLabel, type Label } from './labels.ts';
import { openerOf, letterOpenerOf, stripBacklink, endsWithBacklink, ambiguous, type Opener, type OpenerForm } from './openers.ts';
import { pageRange, type Stream } from './stream.ts';
import { isCodeLine } from '../code.ts';
import { headingShape, inlineFlow } from '../text.ts';
import { pushAll } from '../../collections.ts';

export type ZoneKind = 'block' | 'foot' | 'list';

/** A piece of a body's text: a line (or part of one), or the start of a new paragraph. */
export interface Piece {
  no: number;
  text: string;
  para?: boolean;
  /** The stream line it was cut from and where in that line it starts: marks found there
   * become tokens in the piece too. */
  line?: number;
  from?: number;
}

/** The piece of line i from offset `from` (to `to`). */
export const pieceOf = (st: Stream, i: number, from = 0, to?: number): Piece => ({ no: st.lines[i].no, text: st.lines[i].text.slice(from, to), line: i, from });
/** Where an opener's rest starts in its line. */
export const restFrom = (line: string, o: Opener): number => line.replace(/(?<![ \u00a0\t\r])[ \u00a0\t\r]+$/, '').length - o.rest.length;

export interface Candidate {
  opener: Opener;
  label?: Label;
  /** Stream lines the body takes (the first is its opener's line). */
  lines: number[];
  pieces: Piece[];
  page: number;
  zone: ZoneKind;
  /** Bodies found together (one page foot, one list): they are judged and linked together. */
  group: number;
  /** What is left of the last line after the body's end, when the body ends inside it. */
  tail?: { line: number; text: string };
  /** In a foot read by its place, the symbol OCR made of its label ("®"), which it may make of the mark too. */
  glyph?: string;
}

export interface Group {
  id: number;
  zone: ZoneKind;
  bodies: Candidate[];
  /** A "Notes" heading right before the group. */
  heading?: number;
  /** Ambiguous openers (1., 1 …, (1), a number alone) that need the references' support. */
  ambiguous: boolean;
  /** Forms that say "note" by themselves. */
  strong: boolean;
  /** Nothing but a heading (or the end of the text) follows it: it closes its section. */
  endsSection: boolean;
  /** Found by the page's shape alone (OCR lost its labels): its marks are matched by order. */
  read?: boolean;
  /** A read foot that cites a page (p., ibid.) or opens with a star: a note even where OCR lost every mark on its page. */
  cited?: boolean;
  /**
   * Paragraphs under a notes heading that print no labels and no back-links (a list whose
   * numbers were not copied): as many of them are notes as the text's marks 1, 2, 3… count.
   */
  counted?: boolean;
}

export const NOTES_HEADING = /^(?:[\p{L}’'.]+\s+){0,2}(?:notes|footnotes|endnotes|references|citations|sources|notes and references|references and notes)\s*[:.]?$/iu;

let groupSeq = 0;
const newGroup = (zone: ZoneKind, bodies: Candidate[], ambiguous: boolean, strong: boolean, heading?: number): Group => {
  const g: Group = { id: ++groupSeq, zone, bodies, ambiguous, strong, heading, endsSection: false };
  for (const b of bodies) b.group = g.id;
  return g;
};

const indentOf = (t: string) => /^[ \u00a0\t]*/.exec(t)![0].length;

// ---------------------------------------------------------------- blocks

/** `[Footnote 3: …]`, however many lines and paragraphs, brackets counted; `Footnote 3:` + body. */
export function findBlocks(st: Stream, claimed: Set<number>): Group[] {
  const groups: Group[] = [];
  const L = st.lines;
  let last: Candidate | undefined;
  for (let i = 0; i < L.length; i++) {
    if (claimed.has(i)) continue;
    const lead = L[i].text.replace(/^[ \u00a0\t]+/, '');
    // "*[Footnote: …]": a body continued from the page before
    const text = /^\*\[Footnote/i.test(lead) ? lead.slice(1) : lead;
    const o = openerOf(text);
    if (!o || (o.form !== 'fn-block' && o.form !== 'fn-line')) continue;
    if (o.form === 'fn-block') {
      const base = L[i].text;
      const pos = base.search(/\[Footnote/i);
      const restStart = pos + (base.length - pos - o.rest.length);
      const end = closeOfBracket(L.map((l) => l.text), i, pos);
      const lines: number[] = [];
      const pieces: Piece[] = [];
      const stop = end ? end.line : i;
      for (let k = i; k <= stop; k++) {
        if (k > i && L[k].blankBefore && pieces.length) pieces.push({ no: L[k].no, text: '', para: true });
        pieces.push(pieceOf(st, k, k === i ? restStart : 0, k === stop && end ? end.col : undefined));
        lines.push(k);
        claimed.add(k);
      }
      const after = end ? L[stop].text.slice(end.col + 1) : '';
      const cand: Candidate = { opener: o, label: o.label, lines, pieces, page: L[i].page, zone: 'block', group: 0, tail: after.trim() ? { line: stop, text: after } : undefined };
      if (!o.label && last) {
        // continued from the page before: one more paragraph of the last body
        last.pieces.push({ no: L[i].no, text: '', para: true }, ...pieces);
        pushAll(last.lines, lines);
        if (cand.tail) last.tail = cand.tail;
        continue;
      }
      if (!o.label) continue;
      groups.push(newGroup('block', [cand], false, true));
      last = cand;
      i = stop;
    } else {
      // "Footnote 3:" then the body, indented, after a blank line
      const lines = [i];
      const pieces: Piece[] = o.rest ? [pieceOf(st, i, restFrom(L[i].text, o))] : [];
      claimed.add(i);
      let k = i + 1;
      for (; k < L.length; k++) {
        if (claimed.has(k)) break;
        const indented = indentOf(L[k].text) >= 2;
        const sameChunk = !L[k].blankBefore;
        if (!(indented || (sameChunk && pieces.length) || (!pieces.length && k === i + 1))) break;
        if (openerOf(L[k].text.trim())?.form === 'fn-line') break;
        if (L[k].blankBefore && pieces.length) pieces.push({ no: L[k].no, text: '', para: true });
        pieces.push(pieceOf(st, k));
        lines.push(k);
        claimed.add(k);
      }
      const cand: Candidate = { opener: o, label: o.label, lines, pieces, page: L[i].page, zone: 'block', group: 0 };
      groups.push(newGroup('block', [cand], false, true));
      last = cand;
      i = k - 1;
    }
  }
  return groups;
}

/** Where the bracket opened at (line, col) closes, counting brackets; nothing if it runs on too far. */
function closeOfBracket(lines: string[], line: number, col: number): { line: number; col: number } | undefined {
  let depth = 0;
  for (let k = line; k < lines.length && k < line + 400; k++) {
    const t = lines[k];
    for (let c = k === line ? col : 0; c < t.length; c++) {
      if (t[c] === '[') depth++;
      else if (t[c] === ']' && --depth === 0) return { line: k, col: c };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- page feet

/** A section's title: a heading's shape, at most six words, opening in a capital letter (a note's one line may be longer: "Table of Contents, List of Figures, …"). */
const sectionTitle = (t: string) => headingShape(t) && /^\s*\p{Lu}/u.test(t) && t.trim().split(/\s+/).length <= 6 && !/[:…]$/.test(t.trim());

const FOOT_FORMS = new Set<OpenerForm>(['dot', 'space', 'alone', 'bracket', 'brace', 'sym', 'super', 'paren']);

/**
 * The foot of each page: from an opener whose label the page refers to, to the page's end,
 * every opener after it going on in series. Where pdftotext lists a page's labels first
 * ("2⏎3⏎⏎first body…⏎second body…"), the text after them is shared out among them.
 * `refersTo(label, page, beforeLine)` says whether the page's running text has that mark.
 */
export function findFeet(st: Stream, claimed: Set<number>, refersTo: (label: Label, from: number, to: number) => boolean, ocr = false): Group[] {
  const groups: Group[] = [];
  if (!st.paged) return groups;
  for (let p = 0; p < st.pageStarts.length; p++) {
    const [from, to] = pageRange(st, p);
    const idx: number[] = [];
    for (let i = from; i < to; i++) if (!claimed.has(i)) idx.push(i);
    let best: { bodies: Candidate[]; score: number } | undefined;
    const numbered = listingNumbers(st, idx);
    for (let j = 0; j < idx.length; j++) {
      const o = openerOf(st.lines[idx[j]].text);
      if (!o?.label || !FOOT_FORMS.has(o.form) || o.continuesOnly) continue;
      // a page whose listing has its line numbers alone on their lines (pdftotext of a dtx
      // file's code): a number alone there is one of them, not a foot's label
      if (o.form === 'alone' && numbered) continue;
      // a foot has the page's text above it: "2. should not…" opening a page goes on a list
      if (j === 0 && ['dot', 'paren'].includes(o.form)) continue;
      // under a "Notes" heading it is the chapter's notes list, however it meets the page's foot;
      // after the line its label follows ("1. …" then "2. …") it goes on a numbered list (only
      // "2." after "1.": a "23 …" foot can follow note 22, continued from the page before)
      let h = j - 1;
      while (h >= 0 && openerOf(st.lines[idx[h]].text)?.form === o.form) h--;
      if (h >= 0 && NOTES_HEADING.test(st.lines[idx[h]].text.trim())) continue;
      // (the item before may run several lines: any earlier line of the page at the same indent)
      if (o.form === 'dot' && o.label.kind === 'num' && o.label.value > 1) {
        const ind = indentOf(st.lines[idx[j]].text);
        let listed = false;
        for (let h2 = j - 1; h2 >= 0 && !listed; h2--) {
          const t = st.lines[idx[h2]].text;
          const po = openerOf(t);
          listed = po?.form === 'dot' && po.label?.kind === 'num' && po.label.value === o.label.value - 1 && indentOf(t) === ind;
        }
        if (listed) continue;
      }
      // a number opening a line in the middle of a sentence ("… Nos. 1, 2, and⏎3 move up and
      // down …"): the line before runs on into it and it goes on in lower-case words (a note
      // opens with a capital, an abbreviation or a URL)
      if ((o.form === 'space' || o.form === 'dot') && j > 0 && /[\p{L},]$/u.test(st.lines[idx[j - 1]].text.trimEnd()) && /^\p{Ll}{2,} \p{Ll}/u.test(o.rest)) continue;
      // a section's number set alone above its title, the section going on below ("2⏎Package
      // Commands⏎In this section, we describe…"): a heading, not a foot
      if (o.form === 'alone' && j + 2 < idx.length && sectionTitle(st.lines[idx[j + 1]].text) && st.lines[idx[j + 2]].blankBefore) continue;
      const bodies = footFrom(st, idx.slice(j), o, ocr);
      if (!bodies) continue;
      // a number alone between lines of code is a listing's output ("$ echo ${s:7:2}⏎78⏎$ echo …")
      if (o.form === 'alone' && j > 0 && isCodeLine(st.lines[idx[j - 1]].text) && codeShare(bodies[0]) >= 0.6) continue;
      const supported = bodies.filter((b) => b.label && refersTo(b.label, from, idx[j])).length;
      // a bracketed or starred label at the page's very foot is a note even when its mark is lost
      const distinct = !['dot', 'space', 'alone', 'paren'].includes(o.form) && j > 0 && lastIsFoot(st, idx, j);
      if (!distinct && (!supported || !refersTo(bodies[0].label!, from, idx[j]))) continue;
      const score = supported * 100 + j; // more marks explained, then the latest start
      if (!best || score >= best.score) best = { bodies, score };
    }
    if (!best) continue;
    const g = newGroup('foot', best.bodies, best.bodies.some((b) => ['dot', 'space', 'alone', 'paren'].includes(b.opener.form)), false);
    for (const b of best.bodies) for (const l of b.lines) claimed.add(l);
    groups.push(g);
  }
  return groups;
}

// A label as OCR reads a small raised number: the digit, or what it turns into (*, !, ?, ’, }, ®, ¢, $, §, ")" at a foot's start).
const OCR_LABEL = /^([1-9]|[*†!?’'‘}®¢$§)])\s*(?=[\p{Lu}“"‘([])/u;
// (the next body may open with "Ibid." as OCR reads it, its capital lost: "p. 23. 2 bid, (1869)")
const OCR_NEXT = /(?<=[.;:)\]”"’][ ]{1,2})([1-9]|[*†!?’'}®¢])[ ](?=[\p{Lu}“"‘([/]|[lJT]?bid\b)/u;
const OCR_LINE = /^(?:(?:[1-9]|[*†!?’'}®¢$§]|[a-z]{1,2}[,.])\s+(?=[\p{Lu}“"‘([])|[}®¢]\s+(?=\p{Ll}+\.))/u;
// a foot's first body that opens with a number, a year most often: "1 1866, Thureau Dangin, iii. p. 111"
// (or a day: "1 26th October 1865.")
const OCR_LABEL_NUMBER = /^1\s+(?=\d{1,4}(?:st|nd|rd|th)?\b)/u;
// a note that is a date alone, as a letter's is: "1 26th October 1865."
const DATED = /^1\s+\d{1,2}(?:st|nd|rd|th)?\s+\p{Lu}\p{Ll}{2,}\.?,?\s+\d{4}\b/u;
const CITATION = /\b(?:p|pp|vol|ch|chap|ibid|ib|op|cit|cf|ed|tom|t|art|n|no|sect|lib)\.|\b\d{1,4}\b|\bibid\b/i;
// a reference to a page of a book, not just any number (a slide's numbered steps)
const CITED = /\b(?:p|pp|vol|ibid|ib|op\. cit|cf|tom)\.\s*[\divxlc]|\bibid\b/i;

/**
 * A foot whose first label OCR garbled with the words after it ("8 reer ia p. 518.", "eee fe of
 * Pusey, i iv. p. 186."): it is still one where a later body opens with 2 and the stretch cites
 * pages. The match is the label to skip: a digit or symbol set apart, or nothing.
 */
function garbledFirst(st: Stream, zone: number[]): RegExpExecArray | null {
  const lines = zone.map((i) => st.lines[i].text.trim());
  if (!CITED.test(lines.join(' '))) return null;
  const second = lines.some((l, n) => (n > 0 && /^2\s+(?=[\p{Lu}“"‘(])/u.test(l)) || /[.;:)\]”"’][ ]{1,2}2 (?=\p{Lu})/u.test(l));
  return second ? /^(?:(?:[1-9]|[*†!?’'‘}®])\s+)?/u.exec(lines[0]) : null;
}

/**
 * A page foot that OCR has read without its marks: the page's last stretch of text after a
 * blank line, opening with a note's label (1, or its OCR misreading), short and citation-like.
 * Its labels are counted in order (1, 2, 3…) whatever OCR made of them; the marks in the text
 * are found by their order too (notes/assign.ts). Only where no foot was found by its marks.
 */
export function findReadFeet(st: Stream, claimed: Set<number>): Group[] {
  const groups: Group[] = [];
  if (!st.paged) return groups;
  for (let p = 0; p < st.pageStarts.length; p++) {
    const [from, to] = pageRange(st, p);
    const idx: number[] = [];
    for (let i = from; i < to; i++) if (!claimed.has(i)) idx.push(i);
    if (idx.length < 6 || idx.some((i) => claimed.has(i))) continue;
    let start = idx.length - 1;
    while (start > 0 && !st.lines[idx[start]].blankBefore) start--;
    // (OCR may set a foot with no blank line above it: then one of the last lines opens with
    // the label 1 and what follows cites pages — "“with,⏎1 Liddon’s Life of Pusey, iv. p. 181.",
    // the label glued to it, "1G. F. Cobb, Few Words on Reunion (1869), p. 6.")
    for (let k = Math.max(start + 1, idx.length - 3); k < idx.length; k++) {
      if (!/^1\s*(?=[\p{Lu}“"‘(])/u.test(st.lines[idx[k]].text.trim())) continue;
      if (CITED.test(idx.slice(k).map((i) => st.lines[i].text).join(' '))) start = k;
      break;
    }
    // (OCR may set a blank line inside the foot, the last stretch opening with a later label or
    // none, "$ Quirinus, …": then the foot opens at the stretch before, with the label 1)
    if (start > 0 && !/^1\s*(?=[\p{Lu}“"‘(])/u.test(st.lines[idx[start]].text.trim())) {
      let before = start - 1;
      while (before > 0 && !st.lines[idx[before]].blankBefore) before--;
      if (idx.length - before <= 6 && /^1\s+(?=[\p{Lu}“"‘(])/u.test(st.lines[idx[before]].text.trim()) && CITED.test(idx.slice(before).map((i) => st.lines[i].text).join(' '))) start = before;
    }
    if (start < 3 || idx.length - start > 10) continue;
    const zone = idx.slice(start);
    const first = st.lines[zone[0]].text.trim();
    const m = OCR_LABEL.exec(first) ?? garbledFirst(st, zone) ?? (CITED.test(first) || DATED.test(first) ? OCR_LABEL_NUMBER.exec(first) : null);
    if (!m || !zone.every((i) => st.lines[i].text.trim().length < 100)) continue;
    // (the label itself is no citation: "2 Keeping Free Software Free" opens a chapter)
    // (a discursive note cites nothing: then the page's text holds its first mark as OCR reads a
    // raised 1 after a sentence's stop, "Protestants.1 They")
    const text = zone.map((i) => st.lines[i].text).join(' ').trimStart().slice(m[0].length);
    const marked = () => idx.slice(0, start).some((i) => /[.,;:!?”’)]1(?=\s|$)/u.test(st.lines[i].text));
    if (!CITATION.test(text) && zone.length > 2 && !marked()) continue;
    const bodies: Candidate[] = [];
    const open = (line: number, fromCol: number, read?: string) => {
      const label = nthLabel(bodies.length + 1);
      const b: Candidate = { opener: { form: 'space', label, rest: '', indent: 0, strong: false }, label, lines: [line], pieces: [pieceOf(st, line, fromCol)], page: p, zone: 'foot', group: 0 };
      const glyph = read?.trim()[0];
      if (glyph && !/[\d\p{L}]/u.test(glyph)) b.glyph = glyph;
      bodies.push(b);
      return b;
    };
    const lead = st.lines[zone[0]].text.length - st.lines[zone[0]].text.trimStart().length;
    let cur = open(zone[0], lead + m[0].length, m[0]);
    zone.forEach((i, n) => {
      const t = st.lines[i].text;
      if (n > 0) {
        const lm = OCR_LINE.exec(t.trim());
        if (lm) cur = open(i, t.length - t.trimStart().length + lm[0].length, lm[0]);
        else {
          cur.lines.push(i);
          cur.pieces.push(pieceOf(st, i));
        }
      }
      // more bodies on the line, each after a sentence end
      for (let guard = 0; guard < 8; guard++) {
        const piece = cur.pieces[cur.pieces.length - 1];
        // (or the next number itself after a number or a "p", the citation's stop lost: "p. 40 2
        // Ibid. p. 41.", "bid. p 4 Thed. p. 326.")
        const x = OCR_NEXT.exec(piece.text) ?? new RegExp(`(?<=(?:\\d|\\bpp?)[ ]{1,2})${bodies.length + 1} (?=\\p{Lu})`, 'u').exec(piece.text);
        if (!x) break;
        const col = (piece.from ?? 0) + x.index + x[0].length;
        piece.text = piece.text.slice(0, x.index).trimEnd();
        cur = open(i, col, x[0]);
      }
    });
    const g = newGroup('foot', bodies, false, false);
    g.read = true;
    g.cited = CITED.test(text) || /^[*†‡]/.test(first);
    for (const i of zone) claimed.add(i);
    groups.push(g);
  }
  return groups;
}

/**
 * Whether a page holds a listing's line numbers, each alone on its line between lines of code:
 * three or more in series (12, 13, 14), with a line between each and the next.
 */
function listingNumbers(st: Stream, idx: number[]): boolean {
  let run = 0;
  let prev: { value: number; at: number } | undefined;
  for (let k = 0; k < idx.length; k++) {
    const m = /^\s*(\d{1,4})\s*$/.exec(st.lines[idx[k]].text);
    if (!m) continue;
    const value = Number(m[1]);
    run = prev && value === prev.value + 1 && k - prev.at === 2 && isCodeLine(st.lines[idx[k - 1]].text) ? run + 1 : 1;
    if (run >= 3) return true;
    prev = { value, at: k };
  }
  return false;
}

/** The share of a body's lines that read as code. */
function codeShare(b: Candidate): number {
  const ls = b.pieces.filter((p) => !p.para && p.text.trim());
  return ls.length ? ls.filter((p) => isCodeLine(p.text)).length / ls.length : 0;
}

/** From line j to the page's end there is only the one zone: it is after a blank line or a hard break. */
function lastIsFoot(st: Stream, idx: number[], j: number): boolean {
  return st.lines[idx[j]].blankBefore;
}

/** A foot's line that OCR opened with its misreading of the next small number ("® Cf. Church Times"). */
const OCR_SYMBOL_LINE = /^([*†!?’}®])\s+(?=[\p{Lu}“"‘(])/u;

/** The bodies of a page foot starting at the first of `idx`, or nothing when its openers break series. */
function footFrom(st: Stream, idx: number[], first: Opener, ocr = false): Candidate[] | undefined {
  const L = st.lines;
  const page = L[idx[0]].page;
  // Labels first: a run of bare labels in series, then the bodies' text in the same order.
  if (first.form === 'alone') {
    const labels: { label: Label; line: number }[] = [{ label: first.label!, line: idx[0] }];
    let k = 1;
    while (k < idx.length) {
      const o = openerOf(L[idx[k]].text);
      if (o?.form === 'alone' && o.label && follows(labels[labels.length - 1].label, o.label)) labels.push({ label: o.label, line: idx[k++] });
      else break;
    }
    if (labels.length >= 2) {
      const text = idx.slice(k);
      if (text.length < labels.length) return undefined;
      const parts = shareOut(text.map((i) => L[i].text), labels.length);
      return labels.map((l, n) => {
        const own = parts[n].map((x) => text[x]);
        return { opener: { form: 'alone', label: l.label, rest: '', indent: 0, strong: false }, label: l.label, lines: n === 0 ? [...labels.map((x) => x.line), ...own] : own, pieces: own.map((i) => pieceOf(st, i)), page, zone: 'foot', group: 0 };
      });
    }
    const scrambled = scrambledFoot(st, idx);
    if (scrambled) return scrambled;
  }
  const bodies: Candidate[] = [];
  let cur: Candidate | undefined;
  let lastLabel: Label | undefined;
  const open = (o: Opener, line: number, from: number): Candidate => {
    const c: Candidate = { opener: o, label: o.label, lines: [line], pieces: from < L[line].text.length ? [pieceOf(st, line, from)] : [], page, zone: 'foot', group: 0 };
    bodies.push(c);
    cur = c;
    lastLabel = o.label;
    return c;
  };
  for (const i of idx) {
    const t = L[i].text;
    const o = openerOf(t);
    if (!cur) {
      splitInline(open(first, i, restFrom(t, first)), (ob, from) => open(ob, i, from));
      continue;
    }
    if (o?.label && FOOT_FORMS.has(o.form) && follows(lastLabel!, o.label)) {
      splitInline(open(o, i, restFrom(t, o)), (ob, from) => open(ob, i, from));
      continue;
    }
    // in an OCR's text, a line that opens with a symbol where the next number belongs: that note
    const sym = ocr && lastLabel?.kind === 'num' ? OCR_SYMBOL_LINE.exec(t.trimStart()) : null;
    if (sym) {
      const label: Label = { ...lastLabel!, text: String(lastLabel!.value + 1), value: lastLabel!.value + 1 };
      const from = t.length - t.trimStart().length + sym[0].length;
      open({ form: first.form, label, rest: t.slice(from), indent: 0, strong: false }, i, from);
      continue;
    }
    if (o?.label && (o.form === first.form || o.form === 'alone') && o.label.kind === first.label!.kind && !follows(lastLabel!, o.label) && o.form !== 'space' && !o.continuesOnly) return undefined;
    cur.lines.push(i);
    cur.pieces.push(pieceOf(st, i));
    splitInline(cur, (ob, from) => open(ob, i, from));
  }
  return bodies;
}

/**
 * A page foot whose bare labels pdftotext wrote out of order ("12⏎body⏎body⏎14⏎body⏎15⏎body⏎13"):
 * when the labels are one unbroken series from the first, the bodies are the notes in reading
 * order, so they take the labels sorted. A stretch holding two bodies (its label was written
 * later) is cut at a sentence end. Nothing when the labels skip or repeat.
 */
function scrambledFoot(st: Stream, idx: number[]): Candidate[] | undefined {
  const L = st.lines;
  const labels: Label[] = [];
  const segments: number[][] = [[]];
  const labelLines: number[] = [];
  for (const i of idx) {
    const o = openerOf(L[i].text);
    if (o?.form === 'alone' && o.label?.kind === 'num' && !o.label.family) {
      labels.push(o.label);
      labelLines.push(i);
      segments.push([]);
    } else segments[segments.length - 1].push(i);
  }
  const k = labels.length;
  // (in series, they are scrambled only when the last came after its body: "3⏎body⏎body⏎4")
  if (k < 2 || (labels.every((l, n) => n === 0 || follows(labels[n - 1], l)) && segments[k].length > 0)) return undefined;
  const sorted = [...labels].sort((a, b) => a.value - b.value);
  if (sorted[0].value !== labels[0].value || !sorted.every((l, n) => n === 0 || follows(sorted[n - 1], l))) return undefined;
  const parts = segments.filter((s) => s.length);
  if (parts.length > k) return undefined;
  while (parts.length < k) {
    // cut the longest stretch that has a sentence end inside it (or a body's last line, short,
    // before a capital: "also known as IEEE 754⏎Note that C11 compilers…")
    let best = -1;
    for (let p = 0; p < parts.length; p++) {
      const inner = cutsOf(parts[p].map((i) => L[i].text)).length > 0;
      if (inner && (best < 0 || parts[p].length > parts[best].length)) best = p;
    }
    if (best < 0) return undefined;
    const [a, b] = shareOut(parts[best].map((i) => L[i].text), 2).map((xs) => xs.map((x) => parts[best][x]));
    if (!a.length || !b.length) return undefined;
    parts.splice(best, 1, a, b);
  }
  const page = L[idx[0]].page;
  return sorted.map((label, n) => ({
    opener: { form: 'alone', label, rest: '', indent: 0, strong: false },
    label,
    lines: n === 0 ? [...labelLines, ...parts[n]] : parts[n],
    pieces: parts[n].map((i) => pieceOf(st, i)),
    page,
    zone: 'foot',
    group: 0,
  }));
}

/**
 * Several bodies on one line ("1 Acton, p. 418. 2 Ibid. p. 420.", "[1] Ibid.  [2] …"): the
 * next label after a sentence end or a wide space opens the next body.
 */
function splitInline(first: Candidate, open: (o: Opener, from: number) => Candidate): void {
  let cur = first;
  for (let guard = 0; guard < 20; guard++) {
    const piece = cur.pieces[cur.pieces.length - 1];
    if (!piece || !cur.label) return;
    const next = nextLabelText(cur.label);
    if (!next) return;
    // (most lines hold neither the next label nor a bracket or star: nothing to look for)
    if (!piece.text.includes(next) && !/[[*†‡]/.test(piece.text)) return;
    const m = inlineLabel(cur.opener.form, next).exec(piece.text) ?? GAP_LABEL.exec(piece.text);
    if (!m || m.index < 3) return;
    const after = piece.text.slice(m.index + m[0].length);
    const from = (piece.from ?? 0) + m.index + m[0].length;
    const o = openerOf(`${m[0].trim()} x`);
    const label = o?.label ?? parseLabel(next)!;
    piece.text = piece.text.slice(0, m.index);
    cur = open({ form: o?.form ?? cur.opener.form, label, rest: after, indent: 0, strong: false }, from);
  }
}

// after a wide gap, any bracketed or starred label opens a body of its own ("* My italics.  [1] …")
const GAP_LABEL = /(?:[ \u00a0]{2,}|\u00a0[ ]*)(\[(?:\d{1,6}|[A-Za-z*])\]|\*{1,3}|[†‡])[ \u00a0]+(?=\S)/u;
const inlineLabels = new Map<string, RegExp>();

/** The next label written inside a body's line, after a wide gap or a sentence's end. */
function inlineLabel(form: string, next: string): RegExp {
  const key = `${form} ${next}`;
  let re = inlineLabels.get(key);
  if (!re) {
    const esc = next.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const f = form === 'bracket' ? `\\[${esc}\\]` : form === 'dot' ? `${esc}\\.` : esc;
    re = new RegExp(`(?:[ \\u00a0]{2,}|\\u00a0[ ]*|(?<=[.;:)\\]”"’][ ]))(${f})[ \\u00a0]+(?=[\\p{Lu}“"‘(\\[\\p{Ll}])`, 'u');
    inlineLabels.set(key, re);
  }
  return re;
}

function nextLabelText(l: Label): string | undefined {
  if (l.kind === 'num') return l.family ? `${l.family} ${l.value + 1}` : String(l.value + 1);
  if (l.kind === 'alpha') return l.value < 26 ? String.fromCharCode((l.family === 'A' ? 64 : 96) + l.value + 1) : undefined;
  if (l.kind === 'sym') return l.text.startsWith('*') ? '*'.repeat(l.value + 1) : '*†‡§‖¶'[l.value];
  return undefined;
}

/**
 * Where a run of note lines may be cut between bodies, best first: after a line that ends a
 * sentence, shortest first; then after a line that stops short of the run's measure (a body's
 * last line, "also known as IEEE 754") before one that opens with a capital.
 */
function cutsOf(lines: string[]): number[] {
  const measure = Math.max(0, ...lines.map((t) => t.trim().length));
  const at = lines.map((t, i) => ({ i: i + 1, len: t.trim().length, ends: /[.!?)”"’:]$/.test(t.trim()) })).slice(0, -1);
  // (of three words or more: a figure's labels, "1⏎addr⏎3⏎S", are no notes)
  const short = at.filter((c) => !c.ends && c.len < 0.6 * measure && lines[c.i - 1].trim().split(/\s+/).length >= 3 && /^\s*\p{Lu}/u.test(lines[c.i]));
  return [...at.filter((c) => c.ends).sort((a, b) => a.len - b.len), ...short.sort((a, b) => a.len - b.len)].map((c) => c.i);
}

/** Shares lines out among k bodies in order: cut where a body ends (cutsOf), best places first. */
export function shareOut(lines: string[], k: number): number[][] {
  const cuts = cutsOf(lines)
    .slice(0, k - 1)
    .sort((a, b) => a - b);
  while (cuts.length < k - 1) cuts.push(Math.min(lines.length - 1, (cuts[cuts.length - 1] ?? 0) + 1));
  const out: number[][] = [];
  let start = 0;
  for (const c of [...cuts, lines.length]) {
    out.push(Array.from({ length: Math.max(0, c - start) }, (_, x) => start + x));
    start = c;
  }
  return out;
}

// ---------------------------------------------------------------- lists

interface Unit {
  lines: number[];
}

/** Paragraph units: a line each in a browser copy, a blank-separated chunk in a wrapped text. */
function unitsOf(st: Stream, claimed: Set<number>): Unit[] {
  const units: Unit[] = [];
  let cur: Unit | undefined;
  st.lines.forEach((l, i) => {
    if (claimed.has(i)) {
      cur = undefined;
      return;
    }
    const o = openerOf(l.text);
    // (a browser copy's line goes on in the next where an inline element broke it: a note's
    // formula flattened a symbol a line, "44 If ⏎𝑑⏎ is a divisor of⏎𝑛⏎, then so is")
    const flows = st.lineMode && !!cur && !l.blankBefore && cur.lines[cur.lines.length - 1] === i - 1 && inlineFlow(st.lines[i - 1].text, l.text);
    const startsNew = (st.lineMode && !flows) || !cur || l.blankBefore || (o?.label && !st.lineMode && cur && st.lines[cur.lines[cur.lines.length - 1]].page !== l.page);
    // in a wrapped chunk, a labelled line at the indentation of the chunk's own opener starts another body
    const firstO = cur ? openerOf(st.lines[cur.lines[0]].text) : undefined;
    const sibling =
      (!!cur && !!o?.label && !!firstO?.label && o.form === firstO.form && follows(lastLabelOf(st, cur) ?? firstO.label, o.label) && indentOf(l.text) <= indentOf(st.lines[cur.lines[0]].text)) ||
      // an unlabelled list's items (^ …, ↑ …) each open a line of their own
      (!!cur && !!o && (o.form === 'caret' || o.form === 'arrow') && firstO?.form === o.form);
    if (startsNew || sibling) units.push((cur = { lines: [i] }));
    else cur!.lines.push(i);
  });
  return units;
}

function lastLabelOf(st: Stream, u: Unit): Label | undefined {
  for (let k = u.lines.length - 1; k >= 0; k--) {
    const o = openerOf(st.lines[u.lines[k]].text);
    if (o?.label) return o.label;
  }
  return undefined;
}

/** A line that reads as a sentence: more than a dozen words, or ending at a stop. */
const SENTENCE_LINE = /^(?:\S+\s+){12,}\S|[.!?:;,]["”’)]?$/;

const LIST_FORMS = new Set<OpenerForm>(['bracket', 'brace', 'paren', 'dot', 'space', 'sym', 'super', 'caret', 'arrow', 'tail']);

/**
 * The openers of a list's units, with the capitals set apart ("A While…") that run in series
 * A, B, C… among them — two at least, each within a few paragraphs of the one before, from the
 * A nearest the B —, where nothing else opens the unit.
 */
function lettered(op: (Opener | undefined)[], firsts: string[]): (Opener | undefined)[] {
  const letter = firsts.map((t, k) => (op[k] ? undefined : letterOpenerOf(t)));
  const out = [...op];
  for (let k = 0; k < letter.length; k++) {
    if (letter[k]?.label?.value !== 1) continue;
    const run = [k];
    for (let n = k + 1; n < letter.length && n - run[run.length - 1] <= 6; n++) {
      const v = letter[n]?.label?.value;
      // (another A before the B: the series starts there, "A New…" in the text before the list)
      if (v === 1 && run.length === 1) break;
      if (v === run.length + 1) run.push(n);
    }
    if (run.length < 2) continue;
    for (const n of run) out[n] = letter[n];
    k = run[run.length - 1];
  }
  return out;
}

/**
 * Runs of labelled paragraphs in series (1, 2, 3…; A, B…; *, †), with the paragraphs
 * between two of them as the earlier one's continuation; and lists that print no labels
 * (`^ …`, `… ↩︎`), numbered by their order.
 */
export function findLists(st: Stream, claimed: Set<number>): Group[] {
  const L = st.lines;
  const units = unitsOf(st, claimed);
  const groups: Group[] = [];
  const op = lettered(units.map((u) => openerOf(L[u.lines[0]].text)), units.map((u) => L[u.lines[0]].text));
  const isHeading = (k: number) => k >= 0 && units[k].lines.length === 1 && NOTES_HEADING.test(L[units[k].lines[0]].text.trim());
  // the heading, or the heading before a folio the page break left between it and its list
  const folioLike = (k: number) => k >= 0 && units[k].lines.length === 1 && /^\s*\d{1,4}\s*$/.test(L[units[k].lines[0]].text) && L[units[k].lines[0]].page !== L[units[k + 1]?.lines[0] ?? units[k].lines[0]].page;
  const headingAt = (k: number) => (isHeading(k) ? units[k].lines[0] : folioLike(k) && isHeading(k - 1) ? units[k - 1].lines[0] : undefined);
  const bodyOf = (o: Opener, u: Unit): Candidate => {
    const pieces: Piece[] = [];
    u.lines.forEach((i, n) => pieces.push(pieceOf(st, i, n === 0 ? restFrom(L[i].text, o) : 0)));
    return { opener: o, label: o.label, lines: [...u.lines], pieces, page: L[u.lines[0]].page, zone: 'list', group: 0 };
  };
  const addPara = (b: Candidate, u: Unit, sameParagraph = false) => {
    if (!sameParagraph) b.pieces.push({ no: L[u.lines[0]].no, text: '', para: true });
    for (const i of u.lines) {
      b.pieces.push(pieceOf(st, i));
      b.lines.push(i);
    }
  };
  const introduced = new Map<number, number>();
  let k = 0;
  while (k < units.length) {
    const o = op[k];
    if (!o || !LIST_FORMS.has(o.form) || o.continuesOnly) {
      // a notes list that prints no numbers and runs several paragraphs: it starts after its heading
      if (headingAt(k) !== undefined && units[k + 1] && !op[k + 1] && units.slice(k + 1, k + 40).some((_, x) => op[k + 1 + x]?.form === 'tail')) {
        const g = tailRun(k + 1);
        if (g) {
          g.heading = headingAt(k);
          groups.push(g);
          k = g.bodies.length ? units.findIndex((u) => u.lines.includes(g.bodies[g.bodies.length - 1].lines[g.bodies[g.bodies.length - 1].lines.length - 1])) + 1 : k + 1;
          continue;
        }
      }
      // paragraphs under a notes heading with no labels at all: their count is decided by the marks
      if (st.lineMode && headingAt(k) !== undefined && units[k + 1] && !op[k + 1] && !headingShape(L[units[k + 1].lines[0]].text)) {
        const bodies: Candidate[] = [];
        let n = k + 1;
        for (; n < units.length && !op[n] && !headingShape(L[units[n].lines[0]].text) && bodies.length < 500; n++) {
          // (no label to read: the whole first line is the body's text)
          const o: Opener = { form: 'dot', rest: L[units[n].lines[0]].text.trim(), indent: 0, strong: false };
          const b = bodyOf(o, units[n]);
          b.label = nthLabel(bodies.length + 1);
          bodies.push(b);
        }
        // (unlabelled paragraphs before a labelled series from 1 introduce the notes: the series
        // is the list, under the heading)
        const after = op[n];
        if (after?.label && LIST_FORMS.has(after.form) && !after.continuesOnly && opensSeries(after.label)) {
          introduced.set(n, headingAt(k)!);
          k = n;
          continue;
        }
        const g = newGroup('list', bodies, true, false, headingAt(k));
        g.counted = true;
        groups.push(g);
        k = n;
        continue;
      }
      k++;
      continue;
    }
    const heading = headingAt(k - 1) ?? introduced.get(k) ?? inheritedHeading(k, o);
    if (o.form === 'tail') {
      const g = tailRun(k);
      if (g) {
        g.heading = heading;
        groups.push(g);
        k = units.findIndex((u) => u.lines.includes(g.bodies[g.bodies.length - 1].lines[g.bodies[g.bodies.length - 1].lines.length - 1])) + 1;
        continue;
      }
      k++;
      continue;
    }
    if (!o.label || o.form === 'caret' || o.form === 'arrow') {
      // an unlabelled list (^ …, ↑ …): every line of the same form, numbered in order
      const bodies: Candidate[] = [];
      let n = k;
      while (n < units.length && op[n] && op[n]!.form === o.form) {
        const b = bodyOf(op[n]!, units[n]);
        b.label = op[n]!.label ?? nthLabel(bodies.length + 1);
        bodies.push(b);
        n++;
        // lines between two items of the list are the earlier one's continuation (a browser
        // copy breaks an item's line at its links): up to three of them, none a heading
        let m = n;
        while (m < units.length && m < n + 3 && !op[m] && !headingShape(L[units[m].lines[0]].text)) m++;
        if (m > n && m < units.length && op[m]?.form === o.form) {
          for (; n < m; n++) {
            const t = L[units[n].lines[0]].text.trim();
            addPara(bodies[bodies.length - 1], units[n], /^[\p{Ll}\p{P}]/u.test(t) && !/^[“"‘(]/.test(t));
          }
        }
      }
      // the last item's own continuation: a line that opens with a stop or a comma goes on
      // with what stood before it (". Madhyamam. 19 July 2023.": the link's text ended the line)
      for (let c = 0; c < 3 && n < units.length && !op[n] && /^[.,;:)\]]/.test(L[units[n].lines[0]].text.trim()); c++, n++) addPara(bodies[bodies.length - 1], units[n], true);
      groups.push(newGroup('list', bodies, false, true, heading));
      k = n;
      continue;
    }
    // a labelled run in series
    const bodies: Candidate[] = [bodyOf(o, units[k])];
    let last = o.label;
    let n = k + 1;
    while (n < units.length) {
      const on = op[n];
      if (on?.label && on.form === o.form && follows(last, on.label)) {
        bodies.push(bodyOf(on, units[n]));
        last = on.label;
        n++;
        continue;
      }
      // (an editor's note inserted after the one before, "26a." after "26.": the series goes on from 26)
      if (on?.label?.kind === 'numalpha' && on.form === o.form && last.kind === 'num' && Math.floor(on.label.value / 26) === last.value && on.label.value % 26 !== 0) {
        bodies.push(bodyOf(on, units[n]));
        n++;
        continue;
      }
      if (on?.label && on.form === o.form) break;
      // continuation paragraphs between two bodies of the run (not for a bare "1 …" run
      // with no notes heading in a wrapped text: that is more likely a numbered passage of the
      // text; a browser copy's run is judged whole by its marks, notes/assign.ts)
      if (ambiguous(o) && o.form !== 'alone' && heading === undefined && !st.lineMode) break;
      // (a label set alone on its line has its whole text after it: a letter, a table, a poem
      // quoted in the note, with lines of its own that look like headings, up to the next label)
      // (under a notes heading a body may quote a poem or a table, a line each in a browser copy,
      // whose lines may open with numbers, "1865.": it goes on to the next label in series)
      const bare = !bodies[bodies.length - 1].pieces.some((p) => p.text.trim());
      const long = bare || (heading !== undefined && st.lineMode);
      let m = n;
      while (m < units.length && m < n + (long ? 200 : 4) && (!op[m] || (long && !(op[m]!.label && op[m]!.form === o.form && follows(last, op[m]!.label!)))) && (long ? !NOTES_HEADING.test(L[units[m].lines[0]].text.trim()) : !headingShape(L[units[m].lines[0]].text))) m++;
      if (m > n && m < units.length && op[m]?.label && op[m]!.form === o.form && follows(last, op[m]!.label!) && !citesLabel(units.slice(n, m), o.form, op[m]!.label!)) {
        for (let x = n; x < m; x++) addPara(bodies[bodies.length - 1], units[x]);
        n = m;
        continue;
      }
      // a hanging-indented paragraph goes on with the body above (wrapped texts)
      const hang = !st.lineMode && !on && indentOf(L[units[n].lines[0]].text) > o.indent && indentOf(L[units[n].lines[0]].text) >= 2;
      if (hang) {
        addPara(bodies[bodies.length - 1], units[n]);
        n++;
        continue;
      }
      break;
    }
    const g = newGroup('list', bodies, ambiguous(o), false, heading);
    // (in a browser copy, the page's own links after it — "Table of Contents | Next Section" —
    // close nothing: lines that read as no sentence, to the end)
    const linksOnly = st.lineMode && units.length - n <= 6 && units.slice(n).every((u) => u.lines.every((i) => !SENTENCE_LINE.test(L[i].text.replace(/\s[|·•]\s/g, ' ').trim())));
    g.endsSection = n >= units.length || headingShape(L[units[n].lines[0]].text) || NOTES_HEADING.test(L[units[n].lines[0]].text.trim()) || linksOnly;
    groups.push(g);
    k = n;
  }
  return groups;

  /**
   * The heading a run has from a run before it: a run that goes on with the series of a headed
   * run (broken at a body it could not read, or at a run of another series between: "11. …",
   * "A. …", "12. …"), or, in a browser copy, a series from 1 right after a headed run ("* …"
   * then "1. …").
   */
  function inheritedHeading(k: number, o: Opener): number | undefined {
    const lastOf = (g: Group) => g.bodies[g.bodies.length - 1];
    const series = groups.slice(-3).reverse().find((g) => lastOf(g)?.label?.kind === o.label?.kind && lastOf(g)?.opener.form === o.form);
    const seriesLast = series && lastOf(series);
    if (series?.heading !== undefined && seriesLast?.label && o.label && o.label.family === seriesLast.label.family && o.label.value > seriesLast.label.value && o.label.value <= seriesLast.label.value + 2 && units[k].lines[0] - seriesLast.lines[seriesLast.lines.length - 1] < 60) return series.heading;
    const prior = groups[groups.length - 1];
    if (st.lineMode && prior?.heading !== undefined && o.label && opensSeries(o.label) && k > 0 && units[k - 1].lines.some((l) => lastOf(prior)?.lines.includes(l))) return prior.heading;
    return undefined;
  }

  /**
   * Whether paragraphs between two bodies cite the later one by its bracketed mark ("…parts of
   * France.[17]" before "[17] …"): the text that note belongs to, set after the body before it,
   * not that body's continuation.
   */
  function citesLabel(between: Unit[], form: OpenerForm, label: Label): boolean {
    const mark = form === 'bracket' ? `[${label.text}]` : form === 'brace' ? `{${label.text}}` : undefined;
    return !!mark && between.some((u) => u.lines.some((i) => L[i].text.trimStart().indexOf(mark) > 0));
  }

  function tailRun(start: number): Group | undefined {
    const bodies: Candidate[] = [];
    let cur: Candidate | undefined;
    let n = start;
    for (; n < units.length; n++) {
      const u = units[n];
      const first = L[u.lines[0]].text;
      if (!cur && headingShape(first) && !endsWithBacklink(first)) break;
      const open = (line: number) => {
        const c: Candidate = { opener: { form: 'tail', rest: '', indent: 0, strong: true }, lines: [], pieces: [], page: L[line].page, zone: 'list', group: 0 };
        bodies.push(c);
        return c;
      };
      if (cur) cur.pieces.push({ no: L[u.lines[0]].no, text: '', para: true });
      // a back-link ends its body wherever it stands, also inside a block of lines
      for (const i of u.lines) {
        cur ??= open(i);
        cur.lines.push(i);
        cur.pieces.push(pieceOf(st, i));
        if (endsWithBacklink(L[i].text)) {
          const p = cur.pieces[cur.pieces.length - 1];
          p.text = stripBacklink(p.text);
          cur.label = nthLabel(bodies.length);
          cur = undefined;
        }
      }
    }
    // a last body with no back-link is not part of the list
    if (cur) bodies.pop();
    if (!bodies.length) return undefined;
    return newGroup('list', bodies, false, true);
  }
}
