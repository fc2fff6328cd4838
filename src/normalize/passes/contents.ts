import type { Item, NormState } from '../types.ts';
import { isCodeLine } from '../code.ts';
import { CHAPTER_LABEL } from '../text.ts';
import { isBrowserCopy } from './carrier.ts';

type TextItem = Extract<Item, { kind: 'text' }>;

// A source's own table of contents (or list of figures, tables), told by dot leaders, by the
// page numbers after its entries, and by naming headings the text has later. It is kept as
// what it is — a list of its entries, their leaders and page numbers taken off (the pages are
// the source's, not the edition's) — never joined into prose or read as notes; and reported.
const LEADER = /(?:\.\s?){4,}\s*[\divxlc]*\s*$|…\s*\d+\s*$/i;
// (each number whole: a run of digits is never split into several numbers, which backtracked
// exponentially on a listing's line of decimals, "498 28.34645 7.51828 … curveto": 28 s)
const NUMBERS = /^\s*(?:(?:\d{1,4}(?!\d)(?:\.\d{1,3}(?!\d))*|[ivxlc]{1,7}(?![ivxlc]))\s*)+$/i;
/** A leader set on a line of its own (pdftotext puts an entry's dots apart from its title). */
const LEADERS_ONLY = /^\s*(?:[.·…]\s?){4,}\s*$/;
/** The head of the page-number column ("PAGE"). */
const PAGE_COLUMN = /^\s*(?:pages?|pp?\.)\s*$/i;
const TITLE_PAGE = /^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}|[A-Z])\.?\s+)?(\S.{1,80}?)\s+(\d{1,4})\s*$/;
const NOTE_FORM = /^\s*(?:\[Footnote\b|Footnote[ \u00a0]+\S{1,6}:)/i;
const HEADING = /^\s*(?:table of )?contents|^\s*list of (?:tables|figures|illustrations|plates|maps)\s*\.?\s*$/i;

/** A contents box's own number before an entry: 3, 3.1, 3.1.2. */
const SECTION_NUMBER = /^\s*\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+\p{L}/u;

const indent = (t: string) => /^\s*/.exec(t)![0].length;

/** A heading's key: its words, without a section number in front or a page number behind. */
export const headingKey = (t: string): string =>
  t
    .toLowerCase()
    .replace(LEADER, '')
    .replace(/^\s*(?:chapter|part|section|appendix)?\s*(?:\d{1,2}(?:\.\d{1,2})*|[ivxlc]{1,6}|[a-z])?[.:)]?\s+/, '')
    .replace(/\s+\d{1,4}\s*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** One to three words, no stop, each word of four letters or more found nowhere else in the text. */
function boxLabel(t: string, lexicon: Map<string, number>): boolean {
  const ws = t.trim().split(/\s+/);
  if (ws.length > 3 || !/^\p{Lu}[\p{L}\s]*$/u.test(t.trim())) return false;
  const long = ws.filter((w) => w.length >= 4);
  return long.length > 0 && long.every((w) => (lexicon.get(w.toLowerCase()) ?? 0) <= 1);
}

export function contents(s: NormState): void {
  // (an index, found before, keeps its page numbers: its entries are no contents)
  const lines = s.items.map((it, i) => ({ it, i })).filter((x): x is { it: TextItem; i: number } => x.it.kind === 'text' && x.it.region !== 'index');
  if (lines.length < 10) return;
  const texts = lines.map((l) => l.it.text.trim());
  // where each short line's key last stands: a contents entry names a heading that comes later
  const last = new Map<string, number>();
  const seen = new Map<string, number>();
  const titleLike = (t: string) => /^[_*]*[\p{Lu}\p{N}“"‘]/u.test(t) && /\p{L}{2}/u.test(t) && !isCodeLine(t);
  const keys: (string | undefined)[] = [];
  texts.forEach((t, k) => {
    if (t.length <= 90 && t.split(/\s+/, 13).length <= 12 && titleLike(t)) {
      const key = (keys[k] = headingKey(t));
      if (key.length >= 3) {
        last.set(key, k);
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
  });
  // each line is asked about several times as runs are tried: its answer kept
  const entries = new Map<number, ReturnType<typeof entryOf>>();
  const entry = (k: number) => {
    if (!entries.has(k)) entries.set(k, entryOf(k));
    return entries.get(k);
  };
  const entryOf = (k: number): 'entry' | 'filler' | 'filler-title' | undefined => {
    const t = texts[k];
    if (!t) return undefined;
    if (LEADER.test(t) && /\p{L}/u.test(t)) return 'entry';
    if (NUMBERS.test(t) || HEADING.test(t) || PAGE_COLUMN.test(t) || LEADERS_ONLY.test(t)) return 'filler';
    // (a chapter's label alone, its number in figures, is no entry: that number is no page —
    // "Chapter 1" is not "Chapter", page 1; "BOOK II" names its heading, as keyed)
    if (CHAPTER_LABEL.test(t) && /\d\s*$/.test(t)) return undefined;
    // (a paragraph is no entry: its key, costly on a long line, is never made)
    const key = keys[k] ?? (t.split(/\s+/, 13).length > 12 || !titleLike(t) ? undefined : headingKey(t));
    if (key === undefined) return undefined;
    // a heading's name stands in the contents and at the heading (a running head or two
    // more at most); a line the text repeats more often is no heading's name
    if (key.length >= 3 && (seen.get(key) ?? 0) <= 4 && (last.get(key) ?? -1) > k + 3) return TITLE_PAGE.test(t) || /^\s*\d/.test(t) ? 'entry' : 'filler-title';
    return undefined;
  };
  // A web page's contents box numbers the page's own headings (1, 2, 2.1 …) where the headings
  // carry no number: the page made it from them, for navigation. A book's contents, which names
  // its chapters as they are headed (and a printed page's, with its page numbers), is the text's.
  const browserCopy = isBrowserCopy(s);
  const generated = (from: number, to: number): boolean => {
    let numbered = 0;
    let entriesSeen = 0;
    for (let x = from; x <= to; x++) {
      const t = texts[x];
      if (!t || HEADING.test(t)) continue;
      entriesSeen++;
      const m = SECTION_NUMBER.exec(t);
      const at = keys[x] === undefined ? undefined : last.get(keys[x]!);
      if (m && at !== undefined && at > to && !/^\s*\d/.test(texts[at]) && !/\d\s*$/.test(t)) numbered++;
    }
    return entriesSeen >= 3 && numbered >= 0.8 * entriesSeen;
  };
  /** Whether the later lines a run's titles name stand together, one after another. */
  const packed = (from: number, to: number): boolean => {
    const at: number[] = [];
    for (let x = from; x <= to; x++) if (entry(x) === 'filler-title') at.push(last.get(keys[x]!)!);
    at.sort((a, b) => a - b);
    return at.length >= 3 && at.every((a, n) => n === 0 || a - at[n - 1] <= 1);
  };
  const drop = new Set<number>();
  for (let k = 0; k < texts.length; k++) {
    if (!entry(k)) continue;
    let end = k;
    let entries = 0;
    let titles = 0;
    let misses = 0;
    let j = k;
    // under the list's own heading, a title with a page number is an entry though it names no heading (a plate)
    const headed = HEADING.test(texts[k]);
    for (; j < texts.length; j++) {
      // (a note's body in its own form, "[Footnote A: …]", closes any list: no contents holds one)
      if (NOTE_FORM.test(texts[j] ?? '')) break;
      const e = entry(j) ?? (headed && TITLE_PAGE.test(texts[j]) && !CHAPTER_LABEL.test(texts[j]) && /\p{L}{2}/u.test(texts[j]) ? 'entry' : undefined);
      if (e === 'entry') entries++;
      else if (e === 'filler-title') titles++;
      else if (!e) {
        if (++misses > 1) break;
        continue;
      }
      misses = 0;
      end = j;
    }
    // entries with leaders or page numbers, or titles of later headings set among page numbers
    // (titles whose later lines follow one another are a passage said again — a song's refrain,
    // "I am turning--⏎am turning⏎Into a wolf." — not headings, which have their text between them)
    if (entries + titles >= 3 && (entries >= 2 || (titles >= 3 && !packed(k, end)))) {
      if (browserCopy && generated(k, end)) {
        // (the box ends with its last numbered entry: the first heading may follow it at once)
        while (end > k && !SECTION_NUMBER.test(texts[end])) end--;
        // and with the entries that go on numbering it, whose headings the page no longer has
        // (cut with the site's footer: "13 External links")
        const top = (t: string) => Number(/^\s*(\d+)/.exec(t)?.[1] ?? Number.NaN);
        while (end + 1 < texts.length && SECTION_NUMBER.test(texts[end + 1]) && (top(texts[end + 1]) === top(texts[end]) || top(texts[end + 1]) === top(texts[end]) + 1)) end++;
        // (its label, in the page's language — "Inhaltsverzeichnis", "Sommaire" — is the one
        // short line right above it whose words the text uses nowhere else)
        const label = texts[k - 1];
        const from = label && !HEADING.test(texts[k]) && boxLabel(label, s.lexicon) ? k - 1 : k;
        for (let x = from; x <= end; x++) drop.add(lines[x].i);
        // the box is the page's map of its headings: the structure pass sets them by it
        s.headingNames ??= new Map();
        for (let x = k; x <= end; x++) {
          const m = /^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s/.exec(texts[x]);
          if (m && keys[x]) s.headingNames.set(keys[x]!, m[1].split('.').length);
        }
        s.changes.push({ kind: 'contents', lines: lines.slice(from, end + 1).map((l) => l.it.no), from: texts.slice(from, Math.min(end + 1, from + 6)).join(' | '), why: 'the page’s contents box (its own headings, numbered by the page): navigation, dropped — the edition makes its own contents' });
        k = end;
        continue;
      }
      for (let x = k; x <= end; x++) {
        const it = lines[x].it;
        const t = texts[x];
        // a page or section number alone is only the entry's place in the source
        if (NUMBERS.test(t) || PAGE_COLUMN.test(t) || LEADERS_ONLY.test(t)) drop.add(lines[x].i);
        // an entry that runs over two lines: the second indented deeper, with the page number
        else if (x < end && !/\d\s*$/.test(t) && TITLE_PAGE.test(texts[x + 1]) && indent(lines[x + 1].it.text) > indent(it.text) && !CHAPTER_LABEL.test(t) && !HEADING.test(t)) {
          drop.add(lines[x].i);
          texts[x + 1] = `${t} ${texts[x + 1]}`;
          lines[x + 1].it.text = texts[x + 1];
        }
        // a chapter's label set on a line above its title is one entry with it
        else if (CHAPTER_LABEL.test(t) && x < end && texts[x + 1] && !CHAPTER_LABEL.test(texts[x + 1]) && !NUMBERS.test(texts[x + 1])) {
          drop.add(lines[x].i);
          texts[x + 1] = `${t.replace(/\.$/, '')}. ${texts[x + 1]}`;
          lines[x + 1].it.text = texts[x + 1];
        }
        else if (t) {
          it.region = HEADING.test(t) ? undefined : 'contents';
          it.text = HEADING.test(t) ? t : t.replace(LEADER, '').replace(/\s+\d{1,4}\s*$/, '').replace(/[.,\s]+$/, '').trim();
        }
      }
      s.changes.push({ kind: 'contents', lines: lines.slice(k, end + 1).map((l) => l.it.no), from: texts.slice(k, Math.min(end + 1, k + 6)).join(' | '), why: `the source’s contents (${entries + titles} entries naming the text’s headings or pages): kept as a list, without the source’s page numbers` });
      k = end;
    }
    // a run that is not a contents is no contents from any later start in it either (the same
    // lines, fewer of them), unless that start is the list's own heading: not tried again
    else if (!texts.slice(k + 1, end + 1).some((t) => HEADING.test(t))) k = end;
  }
  s.items = s.items.filter((_, i) => !drop.has(i));
}
