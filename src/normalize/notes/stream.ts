// The line stream as the note finders read it: each text line with its page and its
// neighbourhood (blank lines, page edges), and which lines a finder has already claimed.
import { type Item, listsEntries } from '../types.ts';
import { isCodeLine } from '../code.ts';

/** A console's prompt before a line of code: R's and the shells' `> `, Python's `>>> `. */
const PROMPT = /^\s*>{1,3} /;

export interface StreamLine {
  /** Index in the item stream. */
  item: number;
  /** Raw line number. */
  no: number;
  text: string;
  /** Page index (0 for an unpaged text). */
  page: number;
  /** A blank line (or a page edge) stands before / after it. */
  blankBefore: boolean;
  blankAfter: boolean;
}

export interface Stream {
  lines: StreamLine[];
  /** Index in `lines` of the first line of each page. */
  pageStarts: number[];
  paged: boolean;
  /** One paragraph per physical line (a browser copy), not wrapped to a measure. */
  lineMode: boolean;
}

export function streamOf(items: Item[], lineMode: boolean): Stream {
  const lines: StreamLine[] = [];
  const pageStarts = [0];
  let page = 0;
  let blank = true;
  let session = false; // the last text line was a console's prompt or what it printed
  items.forEach((it, i) => {
    // the source's contents and index neither hold notes nor refer to them
    if (it.kind === 'text' && listsEntries(it.region)) return;
    // nor does a console session: what it prints under its prompts (`[1] 0.61`, `2 + 2`, `$z`)
    // is no note's label or mark (a manual's `> x[2]⏎[1] 0.61` had become a note swallowing the
    // page's prose to its foot)
    if (it.kind === 'text') {
      const prompt = PROMPT.test(it.text) && isCodeLine(it.text.replace(PROMPT, ''));
      // (what a console prints, up to the prose that goes on: no line of six words; a number
      // alone is a raised mark set apart, as pdftotext does, unless more output follows it: a
      // matrix's cells, "[1,]⏎1⏎3⏎[2,]")
      const next = items[i + 1];
      const more = next?.kind === 'text' && /^\s*(?:\[|\d{1,3}\s*$|>{1,3}(?:\s|$))/.test(next.text);
      const printed = !prompt && session && (it.text.match(/\p{L}{2,}/gu) ?? []).length < 6 && (more || !/^\s*\d{1,3}\s*$/.test(it.text));
      session = printed || prompt;
      if (printed) return;
    } else session = false;
    if (it.kind === 'text') {
      lines.push({ item: i, no: it.no, text: it.text, page, blankBefore: blank, blankAfter: true });
      blank = false;
    } else {
      if (lines.length) lines[lines.length - 1].blankAfter = true;
      if (it.kind === 'page') {
        page++;
        pageStarts.push(lines.length);
      }
      blank = true;
      return;
    }
    if (lines.length > 1 && !lines[lines.length - 1].blankBefore) lines[lines.length - 2].blankAfter = false;
  });
  return { lines, pageStarts, paged: page > 0, lineMode };
}

/** The lines of page p, as indexes into stream.lines. */
export function pageRange(st: Stream, p: number): [number, number] {
  const from = st.pageStarts[p] ?? st.lines.length;
  const to = st.pageStarts[p + 1] ?? st.lines.length;
  return [from, to];
}
