import type { Block, Item, NormState } from '../types.ts';
import { HARD_BREAK, listsEntries } from '../types.ts';
import { endsOpen, JoinedText, joinTwo } from '../join.ts';
import { countLetters } from '../letters.ts';
import { isCodeLine, looksLikeCode, preformattedRun } from '../code.ts';
import { isBrowserCopy, percentile } from './carrier.ts';
import { CHAPTER_LABEL, headingShape, inlineFlow, SCENE_BREAK } from '../text.ts';
import { layoutTables } from '../layouttables.ts';
import { headerByFigures } from '../tablegrid.ts';

type TextItem = Extract<Item, { kind: 'text' }>;

const TERMINAL = /[.!?:;”"’)\]…*]$/;
/** The text's end without the note marks after its last word: "texts,[^2]" ends in a comma. */
const endOf = (t: string) => t.replace(/(?:\uE000\d+\uE001|\uE004)+\s*$/, '').trimEnd();
const ends = (t: string) => TERMINAL.test(endOf(t));
/** A block that stops mid-sentence and a block that starts in lower case were one paragraph. */
const continues = (a: string, b: string) => (endsOpen(a) || !ends(a)) && /^[\p{Ll}]/u.test(b.trimStart());
const startsUpper = (t: string) => /^\s*[\p{Lu}\p{N}“"‘([]/u.test(t);
/** A line that starts a block of its own: a bullet, a numbered or lettered item, a section number. */
const OPENS_BLOCK = /^\s*(?:[•·▪◦‣●○■□–—-]\s|\(?[a-z]\)\s|\(?\d{1,3}[.)]\s|\d{1,2}(?:\.\d{1,2})+\.?\s+\p{Lu}|[IVXLC]{1,6}\.\s)/u;
/** A block that is one bracketed line: an illustration's or a blank page's placeholder. */
const PLACEHOLDER = /^\[[^[\]]+\]$/;
/** A line ending on a word that links to the next: no title ends so. */
const ENDS_ON_LINK = /\b(?:a|an|the|of|and|or|to|in|on|for|with|by|at|from|as|is|are|was|that)$/i;
/** A value alone on its line: a number. */
const VALUE = /^[-+]?\d[\d.,]*$/;
/** A section's or an item's number, "3.1", "4.2.3", "219." (not a decimal, "0.4"). */
const ITEM_NUMBER = /^[1-9]\d{0,2}(?:(?:\.[1-9]\d{0,2})+\.?|\.)$/;
const indentOf = (t: string) => /^[ \u00a0]*/.exec(t)![0].length;

/**
 * Turns the line stream into blocks: one per paragraph, heading, item or code listing,
 * unwrapped. How lines belong together is read from the evidence the carrier left:
 * one line per block in browser copies; the trailing-space grammar of some PDF extractions
 * (a space or hyphen at the end means the line goes on, whatever blank lines follow);
 * elsewhere blank lines, and where an extraction puts none between paragraphs, a short
 * line that ends a sentence, a line that opens a list item or a section, and (in a layout
 * extraction) a first line indented from the page's margin. Code listings keep their lines.
 */
export function unwrap(s: NormState): void {
  const { mode, measure } = s;
  const layout = s.layout ?? false;
  const blocks: Block[] = [];
  let cur: Block | undefined;
  let last: TextItem | undefined;
  let page = 0;
  let breakSince = false; // a page break since the last text line
  let blankSince = false;
  let blankRun = 0; // blank lines in a row before the current line
  let pendingMark: string | undefined = s.startLabel;
  if (mode !== 'lines') numberedLines(s);
  const items = s.items;
  const codeLines = mode === 'trailing-space' ? new Set<number>() : codeChunks(s.items, measure, isBrowserCopy(s));
  const margin = layout ? pageMargins(items, measure) : new Map<number, number>();
  // a page layout's tables: rows whose cells stand apart in the same columns, kept as rows
  const { rows, within } = layout ? rowsOfTables(s, items, measure, codeLines) : { rows: new Map<number, TableRow>(), within: new Set<number>() };
  const authored = mode === 'blank-line' && measure > 0 && (s.formFeeds ?? 0) < 2 ? authoredRuns(items, measure, codeLines) : new Set<number>();
  // A typeset page's prose is wrapped even where the text as a whole is not (a few pages of it
  // beside a long table of one value a line): there a line that fills the page's width and
  // stops mid-sentence goes on in the next line when that opens in lower case.
  const pageWidth = mode === 'lines' && (s.formFeeds ?? 0) >= 2 ? percentile(items.flatMap((x) => (x.kind === 'text' && x.text.trim().length >= 20 ? [x.text.trim().length] : [])), 0.9) : 0;
  const wrapsOn = (before: string, line: string) => pageWidth > 0 && pageWidth <= 220 && before.trim().length >= 0.9 * pageWidth && !ends(before) && /^\s*\p{Ll}/u.test(line);
  const close = () => {
    cur = undefined;
  };
  const open = (it: TextItem, kind: Block['kind'] = 'para') => {
    const text = kind === 'code' ? it.text.replace(/(?<!\s)\s+$/, '') : it.text.replace(/^[ \u00a0]+/, '').replace(/(?<![ \u00a0\u2002\u2003])[ \u00a0\u2002\u2003]+$/, '');
    cur = { kind, text, lines: [it.no], widths: [it.text.trim().length], page, region: it.region };
    if (blankRun > 1) cur.gap = blankRun;
    if (kind === 'code') cur.indent = indentOf(it.text);
    if (pendingMark !== undefined) cur.pageMarks = [{ label: pendingMark, at: 0, letters: 0 }];
    pendingMark = undefined;
    blocks.push(cur);
  };
  // a block's text as it is joined, line by line; set on the block when read, and at the end
  const joined = new Map<Block, JoinedText>();
  const textOf = (b: Block): string => {
    const j = joined.get(b);
    if (j) b.text = j.text();
    return b.text;
  };
  // (a paragraph's end, all a join across a page asks about: reading the whole of a paragraph
  // that runs over hundreds of pages at each of them was quadratic)
  const endOfText = (b: Block): string => joined.get(b)?.last(1000) ?? b.text.slice(-1000);
  // a block's letters so far, counted line by line as it grows (a join adds or takes no letter):
  // counting the whole text again at each page break was quadratic in a paragraph of many pages
  const letters = new Map<Block, number>();
  const lettersOf = (b: Block) => letters.get(b) ?? letters.set(b, countLetters(textOf(b))).get(b)!;
  const append = (it: TextItem) => {
    const b = cur!;
    let j = joined.get(b);
    const at = j ? j.length : b.text.length;
    const before = pendingMark === undefined ? 0 : lettersOf(b);
    if (letters.has(b)) letters.set(b, letters.get(b)! + countLetters(it.text));
    if (b.kind === 'code') b.text += `\n${it.text.replace(/(?<!\s)\s+$/, '')}`;
    else {
      if (!j) joined.set(b, (j = new JoinedText(b.text)));
      j.add(s, it.text, [last!.no, it.no], / $/.test(last?.text ?? '') ? ' ' : '');
    }
    if (pendingMark !== undefined) (b.pageMarks ??= []).push({ label: pendingMark, at: Math.min(at + 1, j ? j.length : b.text.length), letters: before });
    pendingMark = undefined;
    b.lines.push(it.no);
    b.widths.push(it.text.trim().length);
    if (b.kind === 'code') b.indent = Math.min(b.indent ?? 0, indentOf(it.text));
  };
  // A soft wrap lands near the measure: a short line ending in a space ends its block.
  const goesOn = (t: string) => {
    if (endsOpen(t)) return true;
    return / $/.test(t) && t.trim().length >= 0.6 * measure;
  };
  // Across a page break or a blank line, a paragraph cut mid-sentence goes on in lower case.
  // (an illustration's placeholder, "[Illustration: …]", set between the halves stays after
  // the paragraph, where a transcription's own rules put it)
  const rejoin = (it: TextItem): boolean => {
    let back = blocks.length - 1;
    while (back > 0 && blocks[back].lines.length === 1 && PLACEHOLDER.test(textOf(blocks[back]))) back--;
    const prev = blocks[back];
    if (cur || !(breakSince || blankSince) || !prev || (prev.kind !== 'para' && prev.kind !== 'quote') || prev.region !== it.region || !continues(endOfText(prev), it.text)) return false;
    if (!breakSince && mode === 'lines') return false;
    cur = prev;
    s.changes.push({ kind: breakSince ? 'join-across-page' : 'join-across-blank', lines: [prev.lines[prev.lines.length - 1], it.no], why: 'the paragraph stops mid-sentence and goes on in lower case' });
    append(it);
    return true;
  };
  /** Within a run of lines, does `it` start a new block? */
  const startsNew = (prev: TextItem, it: TextItem): boolean => {
    if (prev.region !== it.region) return true;
    if (it.region === 'nowrap') return true;
    const p = prev.text.trim();
    const n = it.text.trim();
    if (endsOpen(p)) return false;
    if (OPENS_BLOCK.test(n)) return true;
    const short = p.length < 0.8 * measure;
    if (layout) {
      const base = margin.get(page) ?? 0;
      const rel = indentOf(it.text) - base;
      const prevRel = indentOf(prev.text) - base;
      if (rel >= 2 && rel <= 12 && rel > prevRel && (ends(p) || short) && startsUpper(n)) return true;
    }
    if (short && ends(p) && startsUpper(n)) return true;
    // a short line with no sentence end, between text: a heading or a title line
    if (p.length < 0.6 * measure && !/[,;:\-–—]$/.test(endOf(p)) && !ends(p) && startsUpper(n) && /^\p{Lu}/u.test(n) && headingish(p)) return true;
    // a block's first line fills the measure: one well short of it, with no sentence end,
    // over a full line in capitals is a title in sentence case ("What currently exists⏎The
    // current code consists of…", where plain pdftotext sets no blank line after a heading);
    // not over a line indented further, which hangs from it (a list of illustrations' entry)
    if (cur?.lines.length === 1 && p.length < 0.6 * measure && n.length >= 0.8 * measure && indentOf(it.text) <= indentOf(prev.text) && !/[,;:\-–—]$/.test(endOf(p)) && !ends(p) && !ENDS_ON_LINK.test(p) && /^\p{Lu}/u.test(p) && /^\p{Lu}/u.test(n) && p.split(/\s+/).length <= 8) {
      cur.leads = true;
      return true;
    }
    // a chapter's title under its label, set on short lines in the text's own case ("Chapter 7⏎⏎Basics
    // of the Debian package⏎management system⏎This chapter…")
    // (the open block is the last one made; the label's block stands before it)
    const before = blocks[blocks.length - 2];
    if (p.length < 0.6 * measure && !ends(p) && /^\p{Lu}/u.test(n) && cur && cur.lines.length <= 3 && cur.widths.every((w) => w < 0.6 * measure) && before && CHAPTER_LABEL.test(before.text.trim())) return true;
    return false;
  };

  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.kind === 'page') {
      page++;
      breakSince = true;
      pendingMark = it.label ?? '';
      if (mode !== 'trailing-space' || !last || !goesOn(last.text) || cur?.kind === 'code') close();
      continue;
    }
    if (it.kind === 'blank') {
      blankRun++;
      if (mode !== 'trailing-space' || !last || !goesOn(last.text) || cur?.kind === 'code') {
        close();
        blankSince = true;
      }
      continue;
    }
    if (!it.region && SCENE_BREAK.test(it.text)) {
      // a break between scenes or sections: a block of its own, neither a list nor code
      close();
      open(it, 'break');
      close();
      s.changes.push({ kind: 'scene-break', lines: [it.no], from: it.text.trim() });
    } else if (it.itemLabel !== undefined) {
      if (cur?.kind === 'code') close();
      open(it, 'item');
      cur!.label = it.itemLabel;
    } else if (listsEntries(it.region)) {
      // the source's contents or index: one entry a line, a list
      if (cur?.kind === 'code') close();
      open(it, 'item');
      cur!.label = '';
      if (it.depth) cur!.depth = it.depth;
      close();
    } else if (within.has(k)) {
      // a line of a table's row, taken with it
    } else if (rows.has(k)) {
      close();
      const row = rows.get(k)!;
      // (a table that goes on over a page break, as many columns, is the one before it: its
      // header, set again on the new page, is left out)
      const before = blocks[blocks.length - 1];
      const goesOnFrom = row.first && breakSince && before?.kind === 'row' && before.text.split('\t').length === row.cells.length ? blocks.findLast((b) => b.row?.first) : undefined;
      if (goesOnFrom && row.cells.join('\t') === goesOnFrom.text) {
        s.changes.push({ kind: 'table', lines: row.nos, why: 'the table on the page before goes on: its header, set again, left out' });
        within.add(k);
      } else {
        open(it, 'row');
        cur!.text = row.cells.join('\t');
        cur!.row = goesOnFrom ? { first: false, header: false } : { first: row.first, header: row.header };
        cur!.lines = row.nos;
        close();
      }
    } else if (codeLines.has(k)) {
      if (cur?.kind === 'code' && !breakSince && !blankSince) append(it);
      else if (cur?.kind === 'code' && breakSince && !blankSince) append(it);
      else open(it, 'code');
    } else if (mode === 'lines') {
      if (cur?.kind === 'code') close();
      const prev = blocks[blocks.length - 1];
      if (!breakSince && !blankSince && last && prev?.kind === 'para' && prev.lines[prev.lines.length - 1] === last.no && (inlineFlow(last.text, it.text) || wrapsOn(last.text, it.text))) {
        cur = prev;
        append(it);
      } else if (!rejoin(it)) open(it);
      close();
    } else if (mode === 'trailing-space') {
      if (cur && last && goesOn(last.text)) {
        if (breakSince || cur.lines[cur.lines.length - 1] !== it.no - 1) s.changes.push({ kind: breakSince ? 'join-across-page' : 'join-across-blank', lines: [last.no, it.no], why: 'the line before ends in a soft wrap' });
        append(it);
      } else open(it);
    } else {
      if (cur?.kind === 'code') close();
      if (!rejoin(it)) {
        if (cur && last && (authored.has(k) || !startsNew(last, it))) append(it);
        else open(it, it.region === 'quote' ? 'quote' : 'para');
      }
    }
    last = it;
    breakSince = false;
    blankSince = false;
    blankRun = 0;
  }
  for (const b of joined.keys()) textOf(b);
  if (mode !== 'lines' && measure > 0) keepVerseLines(s, blocks, measure, authored);
  s.blocks = blocks;
}

/**
 * Verse (or an address, a dedication) in a wrapped text: a run of lines no wrap could have
 * broken (authoredRuns), or three lines or more each well short of the measure; none broken by
 * a hyphen, most opening with a capital or ending in a stop. Its lines are the author's, not the
 * extraction's: they are kept, as hard breaks.
 */
function keepVerseLines(s: NormState, blocks: Block[], measure: number, authored: Set<number>): void {
  const textOf = new Map<number, string>();
  const itemAt = new Map<number, number>();
  s.items.forEach((it, k) => {
    if (it.kind !== 'text') return;
    textOf.set(it.no, it.text);
    itemAt.set(it.no, k);
  });
  for (const b of blocks) {
    if ((b.kind !== 'para' && b.kind !== 'quote') || b.lines.length < 2 || new Set(b.lines).size !== b.lines.length) continue;
    const ls = b.lines.map((no) => (textOf.get(no) ?? '').trim());
    // a run of lines no wrap could have broken (authoredRuns), or three and more well short of the measure
    const run = b.lines.slice(1).every((no) => authored.has(itemAt.get(no) ?? -1));
    if (!run && (b.lines.length < 3 || !b.widths.every((w) => w > 0 && w < 0.7 * measure))) continue;
    if (ls.some((l) => !l || /\p{L}[-\u00ad]$/u.test(l))) continue;
    // (prose set in a narrow column has neither: its lines begin and end mid-phrase)
    const capitals = ls.filter((l) => /^[\p{Lu}“"‘'«(]/u.test(l)).length;
    const stops = ls.filter((l) => /[,.;:!?”’"]$/.test(l)).length;
    if (capitals < 0.75 * ls.length && stops < 0.6 * ls.length) continue;
    // the joined text and the lines must hold the same letters (page marks count them)
    if (countLetters(ls.join('')) !== countLetters(b.text)) continue;
    b.text = ls.join(HARD_BREAK);
    s.changes.push({ kind: 'keep-line-breaks', lines: b.lines, why: `${ls.length} short lines, most opening with a capital or ending in a stop: verse or an address, its lines kept` });
  }
}

/**
 * Lines between blank lines that no wrap could have broken: each ends well before the measure
 * although the next line's first word would have fitted after it — verse, an address. Most of
 * them open with a capital or end in a stop (prose wrapped to a narrower measure, a quotation's,
 * does neither); two lines only as a couplet (the first ending in a comma or a semicolon).
 * Gives the item indexes that go on such a run.
 */
function authoredRuns(items: Item[], measure: number, code: Set<number>): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const flush = () => {
    const keys = run;
    run = [];
    const ls = keys.map((k) => (items[k] as TextItem).text.trim());
    if (ls.length < 2) return;
    for (let i = 0; i + 1 < ls.length; i++) {
      const next = /^\S+/.exec(ls[i + 1])?.[0].length ?? 0;
      if (ls[i].length + 1 + next > 0.9 * measure || /\p{L}[-\u00ad]$/u.test(ls[i])) return;
    }
    // (a title page's lines in capitals, a contents, an index or a table — entries opening with
    // a number, lines holding figures — are lines of their own, each a paragraph, as before)
    if (ls.some((l) => OPENS_BLOCK.test(l) || !/\p{Ll}/u.test(l)) || ls.filter((l) => /\d/.test(l)).length >= ls.length / 2) return;
    const capitals = ls.filter((l) => /^[\p{Lu}“"‘'«(]/u.test(l)).length;
    const stops = ls.filter((l) => /[,.;:!?”’"]$/.test(l)).length;
    if (ls.length === 2 ? !(/[,;]$/.test(ls[0]) && capitals === 2) : capitals < 0.75 * ls.length && stops < 0.6 * ls.length) return;
    for (const k of keys.slice(1)) out.add(k);
  };
  items.forEach((it, k) => {
    const line = it.kind === 'text' && !code.has(k) && (!it.region || it.region === 'quote') && it.itemLabel === undefined && it.text.trim() ? it : undefined;
    // (a run is of one region: verse quoted in prose is a run of its own)
    if (run.length && (!line || line.region !== (items[run[0]] as TextItem).region)) flush();
    if (line) run.push(k);
  });
  flush();
  return out;
}

const BARE = /^\s*(\d{1,3})\s*$/;

/**
 * Numbers pdftotext set on lines of their own: a run of them rising by one with nothing
 * between is a listing's line numbers (dropped, recorded); one before a line of text, in a
 * run 0/1, 2, 3…, is the label of a numbered list's item, the text its entry.
 */
function numberedLines(s: NormState): void {
  const items = s.items;
  const drop = new Set<number>();
  const next = (k: number) => {
    let j = k + 1;
    while (j < items.length && items[j].kind === 'blank') j++;
    return j;
  };
  let expect: number | undefined;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.kind !== 'text') continue;
    const m = BARE.exec(it.text);
    if (!m) {
      continue;
    }
    // a listing's line numbers: two or more in a row, rising by one
    let j = k;
    let n = Number(m[1]);
    const run = [k];
    for (let x = next(k); x < items.length && items[x].kind === 'text'; x = next(x)) {
      const mx = BARE.exec((items[x] as TextItem).text);
      if (!mx || Number(mx[1]) !== n + 1) break;
      n++;
      run.push(x);
      j = x;
    }
    if (run.length >= 2) {
      for (const x of run) drop.add(x);
      s.changes.push({ kind: 'remove-line-numbers', lines: run.map((x) => (items[x] as TextItem).no), from: `${m[1]}–${n}`, why: 'the line numbers of a listing, set apart by the extraction' });
      k = j;
      expect = undefined;
      continue;
    }
    const v = Number(m[1]);
    const t = next(k);
    const target = items[t];
    if (target?.kind === 'text' && isCodeLine(target.text)) {
      // one numbered line of a listing
      drop.add(k);
      s.changes.push({ kind: 'remove-line-numbers', lines: [it.no], from: m[1], why: 'the line number of a listing, set apart by the extraction' });
      continue;
    }
    const title = target?.kind === 'text' ? target.text.trim() : '';
    if (title && v <= 60 && /^\p{Lu}/u.test(title) && title.length <= 60 && title.split(/\s+/).length <= 8 && !/[.,;:!?]$/.test(title)) {
      // a section's number set apart from its title: "3⏎The \cite command"
      (target as TextItem).text = `${m[1]} ${title}`;
      drop.add(k);
      s.changes.push({ kind: 'join-section-number', lines: [it.no, target!.no], to: `${m[1]} ${title}` });
      continue;
    }
    if (target?.kind === 'text' && !BARE.test(target.text) && (v <= 1 || v === expect)) {
      target.itemLabel = m[1];
      drop.add(k);
      expect = v + 1;
    }
  }
  if (drop.size) s.items = items.filter((_, i) => !drop.has(i));
}

/** Short, no sentence inside, most words capitalised or a section number: a heading's shape. */
function headingish(t: string): boolean {
  const words = t.split(/\s+/).filter(Boolean);
  if (words.length > 10 || /[.!?]\s/.test(t)) return false;
  if (/^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}/u.test(t) || /^(chapter|part|section|appendix)\b/i.test(t)) return true;
  const big = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return big / words.length >= 0.6;
}

/** The page's left margin in a layout extraction: the indentation of its full lines. */
function pageMargins(items: Item[], measure: number): Map<number, number> {
  const out = new Map<number, number>();
  let page = 0;
  let counts = new Map<number, number>();
  const flush = () => {
    const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best) out.set(page, best[0]);
    counts = new Map();
  };
  for (const it of items) {
    if (it.kind === 'page') {
      flush();
      page++;
    } else if (it.kind === 'text' && it.text.trim().length >= 0.7 * measure) {
      const n = indentOf(it.text);
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
  }
  flush();
  return out;
}

/**
 * A listing set between lines of prose with no blank line around it (plain pdftotext): a
 * stretch of two or more lines that read as code, with what a listing prints between them
 * ("[1] 4", "486"), after a line that ends a sentence or introduces it, before a line that
 * starts one.
 */
function listingsInside(lines: string[], code: readonly boolean[], measure: number): [number, number][] {
  const out: [number, number][] = [];
  const printed = lines.map((l) => PRINTED.test(l.trim()));
  // a console's continuation prompt ("+ switch(type,") goes on with the code above it
  const goesOn: boolean[] = [];
  lines.forEach((l, k) => goesOn.push(k > 0 && /^\+(?:\s|$)/.test(l.trim()) && (code[k - 1] || goesOn[k - 1] || printed[k - 1])));
  // what a listing prints belongs to it when the listing (or more of its output) goes on after it
  const inListing = (k: number) => code[k] || goesOn[k] || (printed[k] && (k + 1 === lines.length || code[k + 1] || goesOn[k + 1] || printed[k + 1]));
  let k = 0;
  while (k < lines.length) {
    if (!code[k]) {
      k++;
      continue;
    }
    let end = k;
    let n = 0;
    while (end < lines.length && inListing(end)) {
      if (code[end]) n++;
      end++;
    }
    const before = k === 0 || /[.:;!?)]$/.test(lines[k - 1].trim());
    // (the prose after a longer listing may open with a command's name in lower case, when it
    // fills its line)
    const after = end === lines.length || /^[\p{Lu}“"‘(]/u.test(lines[end].trim()) || (n >= 3 && wrappedProse(lines[end], measure));
    if (n >= 2 && before && after) out.push([k, end]);
    k = end + 1;
  }
  return out;
}
/**
 * The lines of a run that reads as code which are code: all of them, unless lines of prose
 * wrapped to the measure stand in it (a console session and the prose around it with no blank
 * line between, as plain pdftotext sets them) — then only the listings inside it, where they
 * hold every line of code but one that ends the sentence of the prose line above it, naming a
 * command (a long line of a listing that reads as prose leaves the listing whole).
 */
function listingsOfCodeRun(lines: string[], code: readonly boolean[], measure: number): number[] {
  const all = lines.map((_, x) => x);
  if (!lines.some((l, x) => !code[x] && wrappedProse(l, measure))) return all;
  const held = listingsInside(lines, code, measure).flatMap(([a, b]) => all.slice(a, b));
  const inside = new Set(held);
  const namesCommand = (x: number) => x > 0 && wrappedProse(lines[x - 1], measure) && !code[x + 1] && /[.:;!?]$/.test(lines[x].trim());
  return held.length && code.every((c, x) => !c || inside.has(x) || namesCommand(x)) ? held : all;
}
/** A line of prose wrapped at the measure: it reaches it, in six words or more. */
const wrappedProse = (l: string, measure: number) => measure > 0 && l.trim().length >= 0.8 * measure && !isCodeLine(l) && (l.match(/\p{L}{2,}/gu) ?? []).length >= 6;
/** What a listing prints: a number, a short value, an R vector "[1] 3 4"; or a console's continuation closing a block ("+ }"). */
const PRINTED = /^(?:\[\d{1,4}\]\s.*|[-+]?\d[\d.,]*(?:\s+[-+]?\d[\d.,]*)*|\S{1,3}|[^\p{L}\s](?:\s+[^\p{L}\s]){1,2})$/u;

/**
 * The lines that belong to code listings: runs of lines (between blank lines) most of whose
 * lines read as code and none as a line of prose wrapped to the measure.
 */
function codeChunks(items: Item[], measure: number, browserCopy: boolean): Set<number> {
  const out = new Set<number>();
  // the runs in order, each with whether it holds code, or is a value alone (null)
  const runs: { run: number[]; code: boolean | null }[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length) {
      const size = out.size;
      const lines = run.map((k) => (items[k] as TextItem).text);
      // (each line judged once: the run and the listings inside it ask the same)
      const code = lines.map(isCodeLine);
      let value = false;
      if (browserCopy && preformattedRun(lines, code)) for (const k of run) out.add(k);
      else if (looksLikeCode(lines, measure, code)) for (const x of listingsOfCodeRun(lines, code, measure)) out.add(run[x]);
      else if (lines.every((l) => VALUE.test(l.trim()))) value = true;
      else for (const [a, b] of listingsInside(lines, code, measure)) for (let x = a; x < b; x++) out.add(run[x]);
      runs.push({ run, code: value ? null : out.size > size });
    }
    run = [];
  };
  items.forEach((it, k) => {
    if (it.kind === 'text' && !it.region && !/[\uE000\uE004]/.test(it.text)) run.push(k);
    else if (it.kind !== 'page') flush();
  });
  flush();
  // In a text with listings, a number set apart on its own is what a listing printed ("486"); one
  // with a stop in it or after it numbers what follows ("219." over a letter, "3.1" over its
  // section's title), unless it stands beside a listing with no title under it.
  if (out.size) {
    const textOf = (k: number) => (items[k] as TextItem).text;
    runs.forEach((r, x) => {
      if (r.code !== null) return;
      const numbers = r.run.length === 1 && ITEM_NUMBER.test(textOf(r.run[0]).trim());
      const next = runs[x + 1];
      const titled = next?.code === false && next.run.length === 1 && headingShape(textOf(next.run[0]));
      if (!numbers || ((runs[x - 1]?.code || next?.code) && !titled)) for (const k of r.run) out.add(k);
    });
  }
  return out;
}

/** The rows of a page layout's tables, by the item each opens: its cells, its lines, the first of each table, its header. */
function rowsOfTables(s: NormState, items: Item[], measure: number, code: Set<number>): { rows: Map<number, TableRow>; within: Set<number> } {
  const rows = new Map<number, TableRow>();
  const within = new Set<number>();
  const texts = items.map((it) => (it.kind === 'text' ? it.text : ''));
  const rowable = (k: number) => {
    const it = items[k];
    return it.kind === 'text' && !code.has(k) && !it.region && it.itemLabel === undefined;
  };
  for (const t of layoutTables(texts, measure, rowable, (a, b, [x, y]) => joinTwo(s, a, b, [items[x].no, items[y].no]))) {
    const header = headerByFigures(t.rows[0].cells.join(' '), t.rows.slice(1).map((r) => r.cells.join(' ')), t.columns);
    t.rows.forEach((r, n) => {
      rows.set(r.lines[0], { first: n === 0, header: n === 0 && header, cells: r.cells, nos: r.lines.map((x) => items[x].no) });
      for (const x of r.lines.slice(1)) within.add(x);
    });
    const nos = t.rows.map((r) => items[r.lines[0]].no);
    s.changes.push({ kind: 'table', lines: nos, why: `${t.rows.length} rows whose words stand in ${t.columns} columns apart: a table${header ? ', its first row the header' : ''}` });
  }
  return { rows, within };
}

interface TableRow {
  first: boolean;
  header: boolean;
  cells: string[];
  nos: number[];
}
