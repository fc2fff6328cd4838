// The line stream as the note finders read it: each text line with its page and its
// neighbourhood (blank lines, page edges), and which lines a finder has already claimed.
import { type Item, listsEntries } from '../types.ts';

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
  items.forEach((it, i) => {
    // the source's contents and index neither hold notes nor refer to them
    if (it.kind === 'text' && listsEntries(it.region)) return;
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
