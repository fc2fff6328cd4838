import type { Item, NormState } from '../types.ts';

type TextItem = Extract<Item, { kind: 'text' }>;

// A book's index: under its heading, lines that end in the page numbers they refer to
// ("Adams, J.Q., on Right of Search, 139;", "\@gobble . . . . . 386, 399"), a line each, sub-entries
// indented, letters heading their groups. It is kept as what it is — a list of its entries, a
// line each, with the source's page numbers (the edition keeps those pages' numbers) — never
// joined into paragraphs, its numbers never read as note marks; and reported.
const HEADING = /^\s*(?:general |subject |name )?(?:index|register)(?: of [\p{L} ]{1,30})?\.?\s*$/iu;
/** A page reference: 139, 80-85, 145 n., 12 f. */
const REF = String.raw`\d{1,4}(?:\s?[-–]\s?\d{1,4})?(?:\s?(?:n|nn|f|ff)\.?)?`;
/** A line that ends in page references, after a leader or a comma, or after the entry's words. */
const ENDS_IN_REFS = new RegExp(String.raw`(?:^|[\s,.;:])${REF}(?:\s*[,;]\s*${REF})*\s*[.;,]?\s*$`, 'u');
/** A leader: the dots between an entry and its numbers. */
const LEADER = /\s*(?:\.\s?){3,}\s*|\s+\.\s?\.\s*(?=\d)/g;
/** A line that only goes on with the entry above: its leader or its further numbers. */
const GOES_ON = new RegExp(String.raw`^\s*(?:(?:\.\s?){3,}\s*)?${REF}(?:\s*[,;]\s*${REF})*\s*[.;,]?\s*$`, 'u');
/** A group's head: its letter, or the symbols and numbers before the letters. */
const GROUP = /^\s*(?:\p{Lu}|symbols|numbers|numerals)\s*$/iu;

type Kind = 'entry' | 'goes-on' | 'group' | 'other';

const indentOf = (t: string) => /^\s*/.exec(t)![0].length;

const kindOf = (t: string): Kind => {
  if (!t.trim()) return 'other';
  if (GOES_ON.test(t)) return 'goes-on';
  if (GROUP.test(t)) return 'group';
  // (an entry is short: a paragraph that ends in a year or a page number is the text's)
  if (t.trim().length <= 120 && /\p{L}/u.test(t) && ENDS_IN_REFS.test(t)) return 'entry';
  return 'other';
};

export function indexes(s: NormState): void {
  const lines = s.items.map((it, i) => ({ it, i })).filter((x): x is { it: TextItem; i: number } => x.it.kind === 'text' && !x.it.region);
  const drop = new Set<number>();
  for (let h = 0; h < lines.length; h++) {
    if (!HEADING.test(lines[h].it.text)) continue;
    // (a note under the heading on how to read the numbers stays text; the entries begin within a few lines)
    let start = h + 1;
    while (start < lines.length && start <= h + 4 && kindOf(lines[start].it.text) !== 'entry') start++;
    let end = start;
    let entries = 0;
    let counted = 0;
    let others = 0;
    for (let k = start; k < lines.length; k++) {
      const t = lines[k].it.text;
      const kind = kindOf(t);
      // (the index ends where prose begins: a long line that is no entry, or a few in a row)
      if (kind === 'other' && (t.trim().length > 120 || ++others > 3)) break;
      if (kind !== 'other') {
        others = 0;
        counted++;
        end = k + 1;
      }
      if (kind === 'entry') entries++;
    }
    if (entries < 10 || counted < 0.6 * (end - start)) continue;
    // (its sub-entries are set in from its entries: "Corn Laws, 113⏎   League, 122")
    const base = Math.min(...lines.slice(start, end).filter((l) => kindOf(l.it.text) === 'entry').map((l) => indentOf(l.it.text)));
    const kept: TextItem[] = [];
    for (let k = start; k < end; k++) {
      const it = lines[k].it;
      const kind = kindOf(it.text);
      const prev = kept[kept.length - 1];
      if (kind === 'goes-on' && prev) {
        // the entry's numbers went on to the next line
        prev.text = `${prev.text.trimEnd()} ${it.text.trim().replace(LEADER, ' ').trim()}`;
        drop.add(lines[k].i);
        continue;
      }
      it.region = 'index';
      // (in a layout extraction the indentation is the page's columns', not the index's)
      if (kept.length && !s.layout && indentOf(it.text) >= base + 2) it.depth = 1;
      it.text = it.text.replace(LEADER, ' ').trimEnd();
      kept.push(it);
    }
    (s.indexHeadings ??= new Set()).add(lines[h].it.no);
    s.changes.push({ kind: 'index', lines: lines.slice(h, end).map((l) => l.it.no), from: lines.slice(h, Math.min(end, h + 4)).map((l) => l.it.text.trim()).join(' | '), why: `the source’s index (${entries} entries ending in the pages they refer to): kept as a list, an entry a line, with the source’s page numbers` });
    h = end - 1;
  }
  if (drop.size) s.items = s.items.filter((_, i) => !drop.has(i));
}
