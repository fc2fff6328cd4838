// A list of works cited ("References", "Bibliography") is no notes list, though its entries
// open with bracketed labels as notes do ("[7] Rolf Niepraschk: The overpic package,
// 2020/02/22") and the text cites them as [7]: it stays in the text as the source's own
// list, an entry an item, and its citations stay as they are printed.
import type { Stream } from './stream.ts';

/** The heading of a list of works (a notes list is called Notes, Footnotes, Endnotes). */
const WORKS_HEADING = /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:references|bibliography|works cited|literature(?: cited)?|sources|further reading)\s*:?$/i;
/** What a work's entry gives: its year (or "n.d."), where it is found, who published it. */
const WORK = /(?:^|[^\d])(?:1[5-9]\d\d|20\d\d)(?![\d])|\bn\.\s?d\.|https?:\/\/|\bwww\.|\b(?:press|publish(?:er|ers|ed|ing)|edition|journal|proceedings|vol\.|pp\.|isbn)\b/i;
const ENTRY_START = /^\s*\[(\d{1,3})\]\s+\S/;
/** An entry takes a few lines at most (author, title, publisher and year). */
const ENTRY_LINES = 8;

export interface WorksList {
  /** Stream line of its heading. */
  heading: number;
  /** Each entry's label and stream lines, in order. */
  entries: { label: string; lines: number[] }[];
}

/**
 * The lists of works: under a works heading, entries [1], [2], [3]… each opening a line and
 * running to the next (over page breaks too), most of them giving a year, an address or a publisher.
 */
export function worksLists(st: Stream): WorksList[] {
  const out: WorksList[] = [];
  const L = st.lines;
  for (let h = 0; h < L.length; h++) {
    if (!WORKS_HEADING.test(L[h].text.trim())) continue;
    const entries: WorksList['entries'] = [];
    let l = h + 1;
    for (;;) {
      const m = l < L.length ? ENTRY_START.exec(L[l].text) : null;
      if (!m || Number(m[1]) !== entries.length + 1) break;
      const lines = [l++];
      while (l < L.length && lines.length < ENTRY_LINES && !ENTRY_START.test(L[l].text) && !L[l].blankBefore && L[l].page === L[l - 1].page && !WORKS_HEADING.test(L[l].text.trim())) lines.push(l++);
      entries.push({ label: m[1], lines });
    }
    const dated = entries.filter((e) => WORK.test(e.lines.map((x) => L[x].text).join(' '))).length;
    if (entries.length >= 2 && dated >= 0.6 * entries.length) out.push({ heading: h, entries });
  }
  return out;
}
