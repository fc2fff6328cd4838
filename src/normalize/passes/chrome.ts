import type { Item, NormState } from '../types.ts';
import { openerOf } from '../notes/openers.ts';
import { isCodeLine } from '../code.ts';
import { EAST_ASIAN } from '../letters.ts';
import { isBrowserCopy } from './carrier.ts';

type TextItem = Extract<Item, { kind: 'text' }>;

// Words that make up a quarter or more of any English prose and almost nothing of a menu
// (the measure jusText and boilerpipe use to tell a page's text from its chrome).
const STOP = new Set(
  'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your'.split(' '),
);

// (Chinese and Japanese set no spaces between words: each of their characters counts as one)
const WORD = new RegExp(`[${EAST_ASIAN}]|(?:(?![${EAST_ASIAN}])[\\p{L}’'])+`, 'gu');
const wordsOf = (t: string) => t.toLowerCase().match(WORD) ?? [];
const EAST_ASIAN_CHAR = new RegExp(`^[${EAST_ASIAN}]$`, 'u');
const TITLE_START = new RegExp(`^[\\p{Lu}\\p{N}“"‘「『${EAST_ASIAN}]`, 'u');

/**
 * The small words the text's own sentences are made of, in whatever language: the most
 * frequent short words of its longer lines (in English, much the list above).
 */
function ownStopWords(texts: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const w = wordsOf(t);
    if (w.length < 10) continue;
    for (const x of w) if (x.length <= 4) counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  return new Set([...counts].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([x]) => x));
}

/** A paragraph of prose: enough words, and the small words prose is made of. */
export function prose(t: string, own?: Set<string>): boolean {
  const w = wordsOf(t);
  if (w.length < 10) return false;
  // a navigation box or a row of links: items set apart by dots, bars or tabs
  if ((t.match(/ [·•|] |\t/g) ?? []).length >= 4) return false;
  const stop = w.filter((x) => STOP.has(x) || own?.has(x)).length;
  return stop / w.length >= 0.2 || (w.length >= 25 && /[.!?。！？]/.test(t));
}

/** How many words a line has, a Chinese or Japanese word taken as two characters. */
const wordCount = (t: string) => wordsOf(t).reduce((n, w) => n + (EAST_ASIAN_CHAR.test(w) ? 0.5 : 1), 0);

/** A menu entry: a few words, no sentence (a sentence's end may carry a note mark). */
const menuLike = (t: string) => {
  const s = t.trim();
  // (a link with its count, "Talk (10)", "Comments (3)", is no call in a listing)
  return s.length <= 50 && wordCount(s) <= 5 && !/[.!?。！？]["”’)」』]?(?:\[\d{1,4}\]|\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?$/.test(s) && !openerOf(s)?.strong && (!isCodeLine(s) || /^\p{L}[\p{L} ]* \(\d{1,6}\)$/u.test(s));
};

/** Lines that open or continue a notes list: they belong to the text, however short. */
const noteLine = (t: string) => {
  const o = openerOf(t);
  // (not a bare "1." of a site's numbered links set on lines of their own, nor "N. Ireland")
  return !!o && !o.continuesOnly && (o.strong || o.form === 'bracket' || (o.form === 'dot' && o.label?.kind === 'num'));
};

const RUN = 6;

const SECTION_POINTER = /^(?:main articles?|see also|further information|for more details, see)\s*:\s+\S/i;

/** A labelled field ("Written: April 12-17, 1871;", "Transcribed: Zodiac;"). */
const INFO_FIELD = /^\p{Lu}\p{Ll}+(?: \p{L}+){0,2}:\s+\S/u;
/**
 * In the header, a menu entry that is not one of a block of such fields: a text's own colophon,
 * which stands with its title ("Written: …", "Transcribed: …", "HTML Markup: …"); a menu has
 * no two of them in a row.
 */
const headMenuLike = (texts: string[], i: number) => menuLike(texts[i]) && !(INFO_FIELD.test(texts[i]) && (INFO_FIELD.test(texts[i - 1] ?? '') || INFO_FIELD.test(texts[i + 1] ?? '')));

/** The longest run of menu entries (blank lines aside) in texts[from, to). */
function menuRuns(texts: string[], from: number, to: number, isMenu = (t: string[], i: number) => menuLike(t[i])): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = from; i <= to; i++) {
    if (i < to && isMenu(texts, i)) {
      if (start < 0) start = i;
    } else {
      if (start >= 0 && i - start >= RUN) runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

/**
 * A section number set in a span of its own reaches the copy glued to its title
 * ("1.1.1Expressions"): on a short line, a dotted number run into a capitalised word.
 */
const GLUED_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){1,4})(?=\p{Lu}\p{Ll})/u;
function unglueSectionNumber(s: NormState, it: TextItem): void {
  const t = it.text.trim();
  const m = GLUED_NUMBER.exec(t);
  if (!m || t.split(/\s+/).length > 12 || /[.!?]$/.test(t)) return;
  it.text = `${m[1]} ${t.slice(m[1].length)}`;
  s.changes.push({ kind: 'typography', lines: [it.no], from: t, to: it.text, why: 'a section number glued to its title' });
}

/** A line that opens with a bullet the text itself wrote. */
const BULLETED = /^\s*[-*+•·▪◦‣●]\s+\S/;

/**
 * Lines most of which are a symbol or a letter or two: formulas the browser flattened a symbol
 * a line (MathML), which no site's menu is made of — what stands above them is the text's.
 */
const formulas = (ts: string[]) => ts.length >= 10 && ts.filter((t) => SYMBOL_LINE.test(t)).length >= 0.4 * ts.length;
/** A line of a flattened formula: a sign, a digit, a Latin or Greek letter or two (a Chinese menu's two-character entry is none). */
const SYMBOL_LINE = /^[\p{S}\p{P}\p{N}\p{Script=Latin}\p{Script=Greek}]{1,2}$/u;

/**
 * A browser copy carries the site around the text: menus, account and language links
 * before it, navigation boxes, categories and the site's footer after it. They are told
 * from the text by their shape (runs of entries of a few words, no sentence in them) and
 * by where the prose begins and ends; the page's title is kept from the header (the line
 * the first paragraphs name, or the one the header repeats). Only in browser copies.
 */
export function chrome(s: NormState): void {
  if (!isBrowserCopy(s)) return;
  const lines = s.items.map((it, i) => ({ it, i })).filter((x): x is { it: TextItem; i: number } => x.it.kind === 'text');
  for (const { it } of lines) unglueSectionNumber(s, it);
  const texts = lines.map((l) => l.it.text.trim());
  const own = ownStopWords(texts);
  const good = texts.map((t) => prose(t, own));
  let firstGood = good.indexOf(true);
  if (firstGood < 0) return;
  // a site's contents before the text may hold entries long enough to pass for prose
  const toc = siteContents(texts, 0, texts.length).filter(([a]) => a <= firstGood);
  if (toc.length) firstGood = good.indexOf(true, toc[toc.length - 1][1]);
  if (firstGood < 0) return;
  // A menu entry long enough to pass for prose can stand far up in a long header: the text
  // begins where the page's prose words, counted for, and its other words, counted against,
  // add up most. The stretch passed over must be the site's beyond doubt: menus in it, and
  // under a quarter of its words prose (an introduction above a box of links stays, and an
  // agenda's few short lines).
  const weight = texts.map((t, k) => (good[k] ? 1 : -1) * wordsOf(t).length);
  let skipped = -1;
  const start = bestRun(weight)[0];
  // (a page's copy carries no bullets of its menus: lines the author marked as a list are the text's)
  const marked = (from: number, to: number) => texts.slice(from, to).filter((t) => /^(?:[-+*•–·]|\d{1,3}[.)])\s/.test(t)).length;
  // (nor does it carry the text's note marks: a wiki's infobox is read from, "Anthem[n 1]")
  const noted = (from: number, to: number) => texts.slice(from, to).some((t) => /\S\[(?:\p{L}{1,5} )?\d{1,4}\]/u.test(t));
  if (start > firstGood && texts.slice(firstGood, start).filter(menuLike).length >= 2 * RUN && marked(firstGood, start) < 0.3 * (start - firstGood) && !noted(firstGood, start)) {
    let proseWords = 0;
    let allWords = 0;
    for (let k = firstGood; k < start; k++) {
      allWords += Math.abs(weight[k]);
      if (good[k]) proseWords += weight[k];
    }
    if (proseWords <= 0.25 * allWords) [skipped, firstGood] = [firstGood, start];
  }
  const drop = new Set<number>();
  const remove = (from: number, to: number, why: string, keep?: number) => {
    const gone = [];
    for (let k = from; k < to; k++) {
      if (k === keep) continue;
      drop.add(lines[k].i);
      gone.push(lines[k].it);
    }
    if (gone.length) s.changes.push({ kind: 'remove-cruft', lines: gone.map((g) => g.no), from: gone.map((g) => g.text.trim()).join('\n'), why });
  };

  // A wiki's pointer under a section heading to the pages that treat it at length ("Main
  // article: History of New Zealand", "See also: …"): the site's links, not the text.
  for (let k = 1; k < texts.length; k++) {
    if (SECTION_POINTER.test(texts[k]) && texts[k].length <= 200 && !/[.!?]$/.test(texts[k]) && menuLike(texts[k - 1].replace(/\d+$/, ''))) {
      drop.add(lines[k].i);
      s.changes.push({ kind: 'remove-cruft', lines: [lines[k].it.no], from: texts[k], why: 'a wiki’s pointer to its other pages under a section heading' });
    }
  }

  for (const [a, b] of templateBoxes(texts)) remove(a, b, 'a navigation box of the site, told by its template’s one-letter links (view, talk, edit)');

  // Before the text: the site's header — what precedes the page's title, and the runs of menu
  // entries after it (language links, page tools); the rest (subtitle, byline, a quotation) stays.
  const head = menuRuns(texts, 0, firstGood, headMenuLike);
  if ((head.length || toc.length) && !formulas(texts.slice(0, firstGood))) {
    const title = titleIn(texts, firstGood, good);
    const from = title ?? (head.length ? head[head.length - 1][1] : 0);
    if (title !== undefined) s.changes.push({ kind: 'keep-title', lines: [lines[title].it.no], from: texts[title], why: 'the page’s title, kept from its header' });
    fields(s, texts, lines.map((l) => l.it.no), 0, firstGood);
    remove(0, from, `the site’s header before the page’s title`);
    // (a run that carries one of the text's note marks is the text's: an infobox's lines)
    for (const [a, b] of menuRuns(texts, from + 1, firstGood, headMenuLike)) if (!noted(a, b)) remove(a, b, 'a run of menu entries in the page’s header');
    for (const [a, b] of toc) remove(title === undefined ? a : Math.max(a, from + 1), b, 'the site’s contents (its chapters numbered in sequence) in the page’s header');
    // the header's lines that read as prose, above the text's title
    // (up to the title, or to the last run of menus: what follows them may open the text, as elsewhere)
    const menusEnd = menuRuns(texts, Math.max(skipped, 0), firstGood, headMenuLike).pop()?.[1] ?? skipped;
    if (skipped >= 0) remove(Math.max(skipped, from), title !== undefined && title > skipped ? title : menusEnd, 'the rest of the site’s header: a menu entry or teaser that reads as prose, among menus, above the text', title);
  }

  // After the text: past the last line of the notes lists (and of prose before them), the
  // longest tail that is mostly menus — a footer may hold a sentence or two, a text does not.
  let last = -1;
  for (let k = texts.length - 1; k >= 0; k--) {
    if (noteLine(texts[k])) {
      last = k;
      break;
    }
  }
  // a notes list's lines broken at its links go on in lower case or punctuation
  while (last >= 0 && last + 1 < texts.length && /^[\p{Ll}\p{P}]/u.test(texts[last + 1]) && !/^[“"‘(]/.test(texts[last + 1])) last++;
  // (a footer's sentence or two stand before its first menu entry: where no notes list closes the
  // text, three sentences of prose or more before it are the text's, however many words the
  // sidebar after them has)
  let sentences = 0;
  let proseWords = 0;
  let allWords = 0;
  let cut = -1;
  // (above a comment thread stands the text: the readers comment on what ends there)
  const thread = s.threadAt === undefined ? -1 : lines.findIndex((l) => l.it.no > s.threadAt!) - 1;
  for (let k = texts.length - 1; k > Math.max(last, firstGood, thread); k--) {
    const n = wordsOf(texts[k]).length;
    allWords += n;
    if (good[k]) proseWords += n;
    if (menuLike(texts[k])) sentences = 0;
    else if (good[k]) sentences += (texts[k].match(/[.!?。！？]["”’)]?(?=\s|$)/gu) ?? []).length;
    // (where a notes list closes the text, what follows it is the site's: further reading, links)
    if (proseWords <= 0.35 * allWords && (last >= 0 || sentences <= 2) && (good[k - 1] || noteLine(texts[k - 1]) || k - 1 === last)) cut = k;
  }
  // The text ends where it has the most of its prose above and the least of it below (prose
  // words counted for, every other word against, as body-text extraction weighs a page): the
  // cut never takes a paragraph that stands nearer the text than the chrome.
  if (cut > 0) cut = Math.max(cut, firstGood + bestRun(weight.slice(firstGood), true)[1]);
  // (a list the text writes with its own bullets goes on to its last item: no menu continues
  // a list of the text's, item for item, "* Anvil repairing has been rebalanced")
  if (cut > 0) while (cut < texts.length && BULLETED.test(texts[cut]) && BULLETED.test(texts[cut - 1])) cut++;
  if (cut > 0 && cut < texts.length && menuRuns(texts, cut, texts.length).length) remove(cut, texts.length, 'the site’s navigation and footer after the text');
  s.items = s.items.filter((_, i) => !drop.has(i));
}

/** A box's template links, one letter each ("v t e", "V · T · E"), on a line or a line apiece. */
const LETTER_LINKS = /^(?:\[\s*)?\p{L}(?:\s*[·•|]?\s+\p{L}){1,2}(?:\s*\])?$/u;
const oneLetter = (t: string) => /^\p{L}$/u.test(t);
/** A box's toggle before its links. */
const TOGGLE = /^\[?(?:hide|show)\]?$/i;

/**
 * A wiki's navigation boxes: its template's one-letter links (view, talk, edit — two or three
 * distinct letters, never a run of an index's letters), the toggle before them, and the box they
 * head: its title and rows, a table copied with tabs between its cells, down to the last row
 * before the text goes on (a paragraph, or three lines in a row that are no row). Where no
 * rows follow (the links close a sidebar), only the links go.
 */
function templateBoxes(texts: string[]): [number, number][] {
  const out: [number, number][] = [];
  const distinct = (ls: string[]) => new Set(ls.map((l) => l.toLowerCase())).size === ls.length && ls.every((l) => l === l.toLowerCase()) !== ls.every((l) => l === l.toUpperCase());
  // (a formula flattened a symbol a line has letters alone on lines too, between its signs: "b", "x", "+")
  const symbol = (t: string | undefined) => t !== undefined && t.length <= 2 && !/^\p{L}{2}$/u.test(t);
  for (let k = 0; k < texts.length; k++) {
    let end = k;
    if (LETTER_LINKS.test(texts[k]) && distinct(texts[k].match(/\p{L}/gu)!)) end = k + 1;
    else {
      let n = k;
      while (n < texts.length && oneLetter(texts[n])) n++;
      if ((n - k === 2 || n - k === 3) && !(k > 0 && oneLetter(texts[k - 1])) && distinct(texts.slice(k, n))) end = n;
    }
    if (end === k || symbol(texts[k - 1]) || symbol(texts[end])) continue;
    const from = k > 0 && TOGGLE.test(texts[k - 1]) ? k - 1 : k;
    // the box's title, then its rows
    let lastRow = -1;
    let others = 0;
    for (let j = end + 1; j < texts.length && others < 3; j++) {
      const t = texts[j];
      if (!t) continue;
      if (t.includes('\t')) {
        lastRow = j;
        others = 0;
      } else if (t.split(/\s+/).length > 12) break;
      else others++;
    }
    out.push([from, lastRow > end ? lastRow + 1 : end]);
    k = Math.max(k, Math.max(lastRow, end) - 1);
  }
  return out;
}

/**
 * The run of lines whose weights add up most: [start, end). With `fromStart`, the run begins at
 * the first line and only its end is sought.
 */
function bestRun(weight: number[], fromStart = false): [number, number] {
  let best = 0;
  let run: [number, number] = [0, 0];
  let sum = 0;
  let start = 0;
  for (let k = 0; k < weight.length; k++) {
    if (!fromStart && sum <= 0) [sum, start] = [0, k];
    sum += weight[k];
    if (sum > best) [best, run] = [sum, [start, k + 1]];
  }
  return run;
}

const FIELD = /^(authors?|by|written by|published|posted|date|updated|last updated|modified)\s*:?$/i;

/** "Author ⏎ Jane Doe", "Published ⏎ January 29, 2025": a page template's fields, into the front matter. */
function fields(s: NormState, texts: string[], nos: number[], from: number, to: number): void {
  for (let k = from; k + 1 < to; k++) {
    const m = FIELD.exec(texts[k]);
    if (!m) continue;
    const value = texts.slice(k + 1, Math.min(to, k + 4)).find((t) => t && !FIELD.test(t) && !/^(affiliations?)$/i.test(t));
    if (!value || value.length > 80) continue;
    const key = /^(authors?|by|written by)$/i.test(m[1]) ? 'author' : 'date';
    if (key === 'date' && !/\b\d{4}\b/.test(value)) continue;
    if (s.meta[key] !== undefined) continue;
    s.meta[key] = key === 'date' ? value : value;
    s.changes.push({ kind: 'move-to-front-matter', lines: [nos[k]], from: `${texts[k]} ${value}`, to: `${key}: ${value}` });
  }
}

const ENTRY_LABEL = /^(?:(\d{1,3})\.?\s|(?:part|chapter|appendix|section|book|volume)\b)/i;

/**
 * A site's table of contents in the header (an online book's chapter list): a stretch of short
 * lines without a sentence's end, five or more of them numbered 1., 2., 3. in sequence.
 */
function siteContents(texts: string[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  const entry = (t: string) => t.length <= 90 && wordsOf(t).length <= 14 && !/[.!?]$/.test(t);
  let k = from;
  while (k < to) {
    if (!entry(texts[k])) {
      k++;
      continue;
    }
    let end = k;
    let rising = 0;
    let last = -1;
    let lastEntry = k;
    while (end < to && entry(texts[end])) {
      const m = ENTRY_LABEL.exec(texts[end]);
      if (m) lastEntry = end;
      if (m?.[1] !== undefined) {
        if (Number(m[1]) === last + 1) rising++;
        last = Number(m[1]);
      }
      end++;
    }
    // (the stretch ends with its last labelled entry: a title and byline may follow it)
    if (rising >= 5) out.push([k, lastEntry + 1]);
    k = end;
  }
  return out;
}

// (no i flag: under it \p{Lu} takes lower-case letters too, and "by the way" would be a byline)
const BYLINE = /^(?:(?:[Ww]ritten|[Pp]osted|[Pp]ublished)\b.{0,40}?\s)?[Bb]y\s+\p{Lu}/u;

/** The title in a page's header: a heading-like line the first paragraphs name, or that the header repeats. */
/** A menu's link of a word or two. */
const navWord = (x: string | undefined) => x !== undefined && wordCount(x) <= 2 && x.length <= 20 && /^\p{L}[\p{L}\s&-]*$/u.test(x);

function titleIn(texts: string[], firstGood: number, good: boolean[]): number | undefined {
  const opening = texts
    .slice(firstGood, firstGood + 40)
    .filter((_, k) => good[firstGood + k])
    .slice(0, 3)
    .join(' ')
    .toLowerCase();
  let best: { k: number; score: number } | undefined;
  for (let k = 0; k < firstGood; k++) {
    const t = texts[k];
    const w = wordsOf(t);
    // A blog post's title comes first after the site's menu of one- or two-word links, its
    // fields ("Author", "Published") a few lines below, a description and tags between; it
    // may ask a question ("What was US2020?"). A menu's entry between two others is none
    // ("Research" — the opening may say "research"), nor a field's value ("Author⏎…⏎Drew Dimmery").
    const posted = wordCount(t) <= 12 && navWord(texts[k - 1]) && !navWord(t) && texts.slice(k + 1, k + 9).some((x) => FIELD.test(x));
    // (a letter alone is no title, however often the header repeats it: a formula's variable)
    if (!w.length || t.length < 2 || wordCount(t) > 12 || (/[.!?:。！？：]$/.test(t) && !(posted && /\?$/.test(t))) || !TITLE_START.test(t)) continue;
    if (wordCount(t) <= 2 && navWord(texts[k - 1]) && navWord(texts[k + 1])) continue;
    if (texts.slice(Math.max(0, k - 3), k).some((x) => FIELD.test(x))) continue;
    let score = posted ? 3 : 0;
    if (w.length >= 2 || t.length >= 6) if (opening.includes(t.toLowerCase().replace(/\[\d+\]/g, ''))) score += 2;
    // a byline follows it ("By Jane Doe", "Posted on 14 April 2019 by Jane Doe")
    if (texts.slice(k + 1, k + 3).some((x) => (BYLINE.test(x) || /^(?:作者|著者|文)\s*[:：]/u.test(x)) && wordCount(x) <= 8)) score += 2;
    // the header repeats it: alone, or after a label ("Chapter 6 - Title", "6. Title")
    score += texts.slice(0, firstGood).filter((x) => x === t || (x.length > t.length && x.endsWith(t) && /[\s.:–—-]$/.test(x.slice(0, -t.length)) && ENTRY_LABEL.test(x))).length - 1;
    if (score >= 2 && (!best || score >= best.score)) best = { k, score };
  }
  return best?.k;
}
