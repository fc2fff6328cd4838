// The candidate marks of the whole stream, looked up by label and place.
import { parseLabel, type Label } from './labels.ts';
import { marksOf, OCR_UNKNOWN, type Mark } from './marks.ts';
import type { Stream } from './stream.ts';
import { pushAll } from '../../collections.ts';
import { wordsStandingAlone } from '../letters.ts';

export interface PlacedMark extends Mark {
  /** Index of its line in the stream. */
  line: number;
  page: number;
  /** It opens its line: a body's label, unless the line is running text that begins with a mark. */
  atStart: boolean;
}

// a token of the running text: letters, digits and the dots, dashes and underscores inside names
const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}._-]*[\p{L}\p{N}])?/gu;
// a year of the last five centuries
const YEAR = /^1[5-9]\d\d$|^20\d\d$/;

export class MarkIndex {
  readonly byLine: PlacedMark[][];
  private readonly byLabel = new Map<string, PlacedMark[]>();

  constructor(st: Stream) {
    this.byLine = st.lines.map((l, i) => {
      const lead = /^[ \u00a0\t]*/.exec(l.text)![0].length;
      // a number set off by spaces ("figures 1, 3, 2", "Part 1,"), pushed into the next word or put
      // on a line of its own is a raised mark only as an extraction of typeset pages writes it: in
      // a text without pages it is one of the text's own numbers — unless it ends a paragraph line
      // after the sentence's stop ("…taught in all schools. 1": a browser copy's spaced <sup>)
      const end = l.text.trimEnd().length;
      const found: PlacedMark[] = marksOf(l.text)
        .filter((m) => st.paged || (m.form !== 'spaced' && m.form !== 'displaced') || (st.lineMode && m.form === 'spaced' && m.end === end && /[.!?”’"]/.test(l.text[m.start - 1] ?? '')))
        .map((m) => ({ ...m, line: i, page: l.page, atStart: m.start <= lead }));
      // a number alone on its line, right after a line of text on the same page: a raised mark
      // the extraction set apart ("toys :-)⏎1")
      const alone = /^\s*(\d{1,3})\s*$/.exec(l.text);
      if (alone && st.paged && i > 0 && !l.blankBefore && st.lines[i - 1].page === l.page && /\p{L}/u.test(st.lines[i - 1].text)) {
        const label = parseLabel(alone[1]);
        if (label) found.push({ form: 'alone', label, start: 0, end: l.text.length, distinctive: false, weak: true, line: i, page: l.page, atStart: false });
      }
      // a closing single quote after a stop, with no quotation open in its paragraph: what OCR
      // made of a raised number ("the Council’s actual assembling.’")
      if (st.paged && l.text.includes('’')) for (const m of l.text.matchAll(/(?<=[.,;:!?])’(?=\s|$)/g)) if (!quoteOpen(st, i, m.index!)) found.push({ form: 'ocr', label: OCR_UNKNOWN, start: m.index!, end: m.index! + 1, distinctive: false, weak: false, line: i, page: l.page, atStart: false });
      return found;
    });
    // "POSIX.1", "arm64": a word and number the text writes again and again is a name, not a mark
    const seen = new Map<string, number>();
    // the word a mark is glued to, read from a window before it (a whole-line slice per mark
    // made a 100,000-character line quadratic)
    const before = (l: string, at: number) => l.slice(Math.max(0, at - 64), at);
    const tokenOf = (l: string, m: Mark) => /[\p{L}\p{N}.’'-]*$/u.exec(before(l, m.start))![0].toLowerCase() + l.slice(m.start, m.end);
    st.lines.forEach((l, i) => {
      for (const m of this.byLine[i]) if (m.form === 'glued') seen.set(tokenOf(l.text, m), (seen.get(tokenOf(l.text, m)) ?? 0) + 1);
    });
    // "bz2", "x86": letters the text never writes without the number are part of one token
    // (asked only when some mark is glued to letters)
    const alone = this.byLine.some((ms) => ms.some((m) => m.form === 'glued')) ? wordsStandingAlone(st.lines.map((l) => l.text)) : new Set<string>();
    st.lines.forEach((l, i) => {
      // "X1", "Y2", "X3": names of one or two letters numbered in a row on one line are data
      const named = this.byLine[i].filter((m) => m.form === 'glued' && /(?:^|[^\p{L}])\p{L}{1,2}$/u.test(before(l.text, m.start)));
      const listed = named.length >= 3;
      for (const m of this.byLine[i]) {
        if (m.form !== 'glued') continue;
        const word = /\p{L}+$/u.exec(before(l.text, m.start))?.[0].toLowerCase();
        if ((seen.get(tokenOf(l.text, m)) ?? 0) >= 3 || (word && !alone.has(word)) || (listed && named.includes(m))) m.doubtful = true;
      }
    });
    for (const ms of this.byLine) for (const m of ms) {
      const list = this.byLabel.get(m.label.text);
      if (list) list.push(m);
      else this.byLabel.set(m.label.text, [m]);
    }
  }

  private tokens?: Map<string, number>;
  private readonly splitCache = new Map<string, PlacedMark[]>();

  /**
   * Marks the extraction glued to a token that is a word or number of the text's own ("mode
   * 07552." where the text writes "0755"; "doc.dtxa" where it writes "doc.dtx"): the token
   * stands nowhere else, its stem does. Looked for only for a page foot's body that has no
   * other mark on its page.
   */
  findSplit(st: Stream, label: Label, from: number, to: number): PlacedMark[] {
    if (!((label.kind === 'num' && !label.family && label.value < 100) || label.kind === 'alpha')) return [];
    if (!this.tokens) {
      this.tokens = new Map();
      for (const l of st.lines) for (const t of l.text.match(TOKEN) ?? []) this.tokens.set(t, (this.tokens.get(t) ?? 0) + 1);
    }
    const out: PlacedMark[] = [];
    for (let i = from; i < to; i++) {
      const key = `${i} ${label.text}`;
      let found = this.splitCache.get(key);
      if (!found) {
        found = [];
        const text = st.lines[i].text;
        for (const m of text.matchAll(TOKEN)) {
          const t = m[0];
          const stem = t.slice(0, -label.text.length);
          // (or a year, which a text need not write twice: "presented at TUG 19991"; a year itself,
          // "[2016/05/16 v1.5]", is no number with a mark glued to it)
          if (!t.endsWith(label.text) || stem.length < 3 || (this.tokens.get(t) ?? 0) !== 1 || YEAR.test(t) || !((this.tokens.get(stem) ?? 0) || YEAR.test(stem))) continue;
          // a letter after letters, a digit after digits (a digit after letters is an ordinary mark)
          if (label.kind === 'alpha' ? !/\p{L}$/u.test(stem) : !/\d$/.test(stem)) continue;
          const end = m.index! + t.length;
          found.push({ form: 'glued', label, start: end - label.text.length, end, distinctive: false, weak: true, line: i, page: st.lines[i].page, atStart: false });
        }
        this.splitCache.set(key, found);
      }
      pushAll(out, found);
    }
    return out;
  }

  /** Marks with this label on lines [from, to), in order, leaving out lines `skip` says are not running text. */
  find(label: Label, from: number, to: number, skip?: (line: number) => boolean): PlacedMark[] {
    const list = this.byLabel.get(label.text);
    if (!list || to <= from) return [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].line < from) lo = mid + 1;
      else hi = mid;
    }
    const out: PlacedMark[] = [];
    for (let k = lo; k < list.length && list[k].line < to; k++) if (!skip?.(list[k].line)) out.push(list[k]);
    return out;
  }
}

/** A split mark whose token is a year and the mark ("19991"): no more than a year and a digit. */
export const afterYear = (st: Stream, m: PlacedMark): boolean => {
  const t = st.lines[m.line].text;
  return m.start >= 4 && YEAR.test(t.slice(m.start - 4, m.start)) && !/[\p{L}\p{N}]/u.test(t[m.start - 5] ?? '');
};

/** Whether a quotation is open before column `at` of line `i`, in its paragraph (back to a blank line). */
function quoteOpen(st: Stream, i: number, at: number): boolean {
  let single = 0;
  let double = 0;
  for (let k = i; k >= 0 && i - k < 40; k--) {
    const t = k === i ? st.lines[k].text.slice(0, at) : st.lines[k].text;
    // (an apostrophe inside a word, "Council’s", closes nothing)
    single += (t.match(/‘/g) ?? []).length - (t.match(/’(?!\p{L})/gu) ?? []).length;
    double += (t.match(/“/g) ?? []).length - (t.match(/”/g) ?? []).length;
    if (st.lines[k].blankBefore) break;
  }
  return single > 0 || double > 0;
}

/** Stream order of a mark: its line, then its offset. */
export const markKey = (m: PlacedMark): number => m.line * 1_000_000 + m.start;
