import { listsEntries, type Block, type NormState } from '../types.ts';
import { countLetters } from '../letters.ts';
import { carryNotes } from '../carrynotes.ts';
import { bare, CHAPTER_LABEL, endsWithNote, GENERIC_HEADINGS, LIST_LABEL, loose, OPEN_QUOTE, titleCaseShare, words } from '../text.ts';
import { maxOf, pushAll } from '../../collections.ts';
import { headingKey } from './contents.ts';
import { englishWords } from '../lexicon.ts';

const RUN_IN = /^(\d{1,2})\)\s+/;

/** A one-line block that reads as a heading: short, no sentence end, capitalised. */
function headingLike(b: Block, wrapped: boolean, byNext = false): boolean {
  const t = bare(b.text);
  if (!t || b.lines.length > 2 || t.length > 90 || words(t) > 12) return false;
  // (a table's row, its cells apart by tabs, is no heading, nor a caption; a wrapped text's
  // leading tab is only an indent)
  if (wrapped ? /\S\t+\S/.test(b.text) : b.text.includes('\t')) return false;
  // (nor a row of a table drawn with bars, "IX.   96   |   Aug. 10, 1846   |   25,000")
  if (/\S\s+\|\s+.*\S\s+\|\s+\S/.test(t)) return false;
  // a sentence's end, also before a note mark left unlinked ("… the end.[1]")
  // (and a colon with a dash that opens what follows: "Constitution of Georgia:—")
  if (/(?:[.,;:]|:[—–-]+)(?:\\?\[\d{1,4}\\?\])*$/.test(t) && !CHAPTER_LABEL.test(t)) return false;
  if (/[?!]$/.test(t) && wrapped) return false;
  // (a sentence, a question or a cry ended inside quotation marks, in sentence case, is speech —
  // “That’s pretty sad.” — where a title in quotes is in title case, “War Song.”, or follows its
  // section's label, A. “The free basis of the state.”)
  if (/[.,;:?!][”"’»]+(?:\\?\[\d{1,4}\\?\])*$/.test(t) && titleCaseShare(t) < 0.75 && !/^(?:[A-Z]|[IVXLC]+|\d{1,3})\.\s+[“"‘]/.test(t)) return false;
  if (/\?$/.test(t) && titleCaseShare(t) < 0.75 && !byNext) return false;
  if (!/^[\p{Lu}\p{N}“"‘'«]/u.test(t)) return false;
  if (LIST_LABEL.test(t) || RUN_IN.test(t)) return false;
  if (/^(dedicated to|to the memory of|in memory of)\b/i.test(t)) return false; // a dedication, not a heading
  if (wrapped && !GENERIC_HEADINGS.test(t) && !CHAPTER_LABEL.test(t) && titleCaseShare(t) < 0.75) return false;
  return true;
}

/**
 * A heading takes the title set under it: after a stop ("Chapter I. INTRODUCTORY."), or, where
 * the title runs on from it over two lines, after a space. The label's own text is kept, note
 * references and all (bare() is only for testing it).
 */
function joinTitle(s: NormState, b: Block, next: Block, drop: Set<Block>, runsOn: boolean): void {
  b.text = runsOn ? `${b.text.trim()} ${next.text}` : `${b.text.trim().replace(/\.((?:\uE000\d+\uE001)*)$/, '$1')}. ${next.text}`;
  pushAll(b.lines, next.lines);
  drop.add(next);
  s.changes.push({ kind: 'join-chapter-title', lines: b.lines, to: b.text });
}

/** A division of a book above its chapters. */
const DIVISION = /^(?:book|part|volume|vol\.)\s+[\divxlc]+\b/i;
const LINKING_END = /\b(?:of|in|and|the|for|to|on|as|a|an|by|with|from)$/i;
const LINKING_START = /^(?:of|in|and|for|to|on|as|by|with|from)\b/i;

/**
 * An e-text's chapter headings by the blank lines around them: Project Gutenberg's texts and
 * Distributed Proofreaders' transcriptions set four blank lines before a chapter's heading
 * ("_Chapter I_", "Chapter I. Of The Requisites Of Production.", "THE POSSIBLE IMPROVEMENT OF⏎THE
 * HUMAN BREED,"). Where a wrapped text does so twice or more, a short block after four blank
 * lines, that the chapter's prose follows before the next such block, is a heading; a short
 * title one blank line under it ("INTRODUCTORY.") joins it. Title pages and colophons, short
 * lines after four blank lines with no prose after them, stay as they are.
 */
function chapterGaps(s: NormState, B: Block[], drop: Set<Block>): void {
  // (a wrapped e-text's, not a typeset page's: pdftotext leaves blank lines where a page's space was)
  if (s.mode === 'lines' || (s.formFeeds ?? 0) >= 2) return;
  const openers = B.filter((b) => (b.gap ?? 0) >= 4 && !drop.has(b));
  if (openers.length < 2) return;
  const short = (b: Block | undefined, most: number) => {
    if (b?.kind !== 'para' || drop.has(b) || b.region || b.lines.length > 3) return false;
    const t = bare(b.text);
    // (a title's words, not a sentence's: no stop inside followed by more words, no lower-case opening)
    // (and words, not figures: "1814 to £2,200,000,000.")
    const digits = t.replace(/\D/g, '').length;
    // (nor a sentence set alone: a stop at its end, many words, few of them capitalised, no label)
    if (/\.$/.test(t) && words(t) >= 8 && titleCaseShare(t) < 0.5 && !/^[_*]*(?:chap|chapter|book|part|section|[ivxlc]+\.|\d)/i.test(t)) return false;
    return words(t) <= most && /^[\p{Lu}\p{N}_*“"‘'(]/u.test(t) && !/[,;:]$/.test(t) && !/[.!?]\s+\p{Ll}/u.test(t) && !/^\[/.test(t) && digits <= t.replace(/[^\p{L}]/gu, '').length;
  };
  // the chapter's prose follows it before the next such block; or it heads a division whose
  // first chapter follows at once ("BOOK I. PRODUCTION.", "INTRODUCTORY.", a book's title over its
  // introduction), if it names it in words — a title page's date ("MDCCCLX") does not
  const heads = new Set<Block>();
  for (let i = B.length - 1; i >= 0; i--) {
    const b = B[i];
    if ((b.gap ?? 0) < 4 || !short(b, 15)) continue;
    let prose = false;
    // (or a table, the chapter's matter as much as prose is)
    for (let k = i + 1; k < Math.min(B.length, i + 20) && (B[k].gap ?? 0) < 4; k++) if ((B[k].kind === 'para' && words(B[k].text) >= 25) || B[k].kind === 'row') prose = true;
    const named = DIVISION.test(bare(b.text)) || bare(b.text).split(/[^\p{L}]+/u).some((w) => w.length >= 4 && englishWords().has(w.toLowerCase()));
    const over = heads.has(B[i + 1]) || (B[i + 1]?.kind === 'heading' && (B[i + 1].gap ?? 0) >= 4);
    if (prose || (over && named)) heads.add(b);
  }
  for (let i = 0; i < B.length; i++) {
    const b = B[i];
    if (!heads.has(b)) continue;
    b.kind = 'heading';
    b.level = 2;
    s.changes.push({ kind: 'heading-by-gap', lines: b.lines, to: bare(b.text), why: 'four blank lines before it, as the e-text sets a chapter’s heading' });
    const next = B[i + 1];
    // (not a byline's opening, "Collected And Edited By", that goes on in the block under it)
    if (next && (next.gap ?? 1) < 2 && short(next, 10) && !LINKING_END.test(bare(next.text)) && words(B[i + 2]?.text ?? '') > 0) {
      // (a title the source set over two lines, "EUGENICS AS A FACTOR IN⏎RELIGION.", "MORAL EFFECTS⏎OF THE
      // ARTS AND SCIENCES", goes on with a space)
      const label = CHAPTER_LABEL.test(bare(b.text).replace(/^[_*]+|[_*.]+$/g, ''));
      const runsOn = !label && (!/[.!?:;)\]”’"'_*\p{Lu}\p{N}]$/u.test(bare(b.text)) || LINKING_END.test(bare(b.text)) || LINKING_START.test(bare(next.text)));
      joinTitle(s, b, next, drop, runsOn);
      i++;
    }
  }
}

/**
 * A title in sentence case that the unwrapping set apart from the text under it
 * ("What currently exists"): it lists nothing (no comma or stop inside) and opens with a word
 * of the language, a name in capitals or a word with a number (not a syntax line: "Rlhs rhs comments").
 */
function sentenceTitle(b: Block): boolean {
  if (!b.leads || /[,.;:/]/.test(bare(b.text)) || !headingLike(b, false)) return false;
  // (a word's own form, without its clitic: "What’s" is "what")
  const first = bare(b.text).split(/\s+/)[0].replace(/[’'].*$/, '');
  return englishWords().has(first.toLowerCase()) || /^\p{Lu}{2,}$|\d/u.test(first);
}

/** A title set in capitals under a chapter label, its stop and all ("GENESIS OF THE TENEMENT."). */
function capitalsTitle(b: Block): boolean {
  const t = bare(b.text);
  return b.lines.length <= 2 && words(t) <= 12 && /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*[.]$/u.test(t);
}

/** "1. text": a paragraph numbered as a list's item. */
const NUMBERED = /^(\d{1,2})\.[ \u00a0]+(?=\S)/;
/** "5.12.2 Title", "2.4. Title": a dotted section number before a capitalised word. */
const SECTION_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){1,4})\.?[ \u00a0]+(?=[\p{Lu}\\“"‘])/u;
/** A section heading's shape: one line, short, no sentence end. */
const sectionLike = (b: Block) => {
  const t = bare(b.text);
  // (a question is a title too, and may run longer: a FAQ's sections ask them)
  const question = /\?$/.test(t);
  return b.lines.length <= 2 && t.length <= (question ? 120 : 90) && words(t) <= (question ? 18 : 12) && !/[.,;:!](?:\\?\[\d{1,4}\\?\])*$/.test(t);
};

/** A dotted section number closing a block, on a line of its own ("4.1"). */
const NUMBER_LINE = /(?:^|\s)(\d{1,2}(?:\.\d{1,2}){1,4})\.?$/;

/**
 * A section number set on a line of its own above its title ("5.2⏎⏎Who wrote all that
 * software?", DocBook's PDFs; or closing the chapter's title block: "Compatibility issues⏎4.1")
 * heads that title: the number goes to the block after it, which the section pass then takes
 * for a heading. Only where the text does so twice or more — one such number may be a value.
 */
function numbersOverTitles(s: NormState, B: Block[], drop: Set<Block>): Set<Block> {
  const found: { b: Block; next: Block; num: string; alone: boolean }[] = [];
  for (let i = 0; i + 1 < B.length; i++) {
    const b = B[i];
    const next = B[i + 1];
    if (b.kind !== 'para' || next.kind !== 'para') continue;
    const t = bare(b.text);
    const m = NUMBER_LINE.exec(t);
    if (!m) continue;
    const alone = t === m[0].trim();
    // (a number under a label is the label's value: "Release:⏎7.4")
    if (alone && /:$/.test(bare(B[i - 1]?.text ?? ''))) continue;
    // (closing a block: only as a line of its own, the block's last and shortest)
    if (!alone && (b.lines.length < 2 || b.widths[b.widths.length - 1] > m[0].trim().length + 2)) continue;
    const title = bare(next.text);
    if (next.lines.length > 3 || words(title) > 40 || !/^[\p{Lu}“"‘(]/u.test(title) || /[,;:]$/.test(title) || (/\.$/.test(title) && words(title) > 12)) continue;
    found.push({ b, next, num: m[1], alone });
  }
  // (section numbers carry no leading zero, and go up through a text more often than down:
  // "09.28.15", "10.15.15" over news items' titles are their dates)
  const tuple = (n: string) => n.split('.').map(Number);
  const after = (a: number[], b: number[]) => {
    for (let k = 0; k < Math.max(a.length, b.length); k++) if ((a[k] ?? -1) !== (b[k] ?? -1)) return (a[k] ?? -1) > (b[k] ?? -1);
    return false;
  };
  const numbered = found.filter((f) => !/(?:^|\.)0\d/.test(f.num));
  const ups = numbered.filter((f, k) => k > 0 && after(tuple(f.num), tuple(numbered[k - 1].num))).length;
  const titles = new Set<Block>();
  if (numbered.length < 2 || ups < (numbered.length - 1) / 2) return titles;
  for (const { b, next, num, alone } of numbered) {
    next.text = `${num} ${next.text.trimStart()}`;
    next.lines = [...b.lines.slice(-1), ...next.lines];
    next.widths = [...b.widths.slice(-1), ...next.widths];
    titles.add(next);
    if (alone) drop.add(b);
    else {
      b.text = b.text.trimEnd().replace(/\s*\d{1,2}(?:\.\d{1,2}){1,4}\.?$/, '');
      b.lines = b.lines.slice(0, -1);
      b.widths = b.widths.slice(0, -1);
    }
    s.changes.push({ kind: 'section-number', lines: next.lines.slice(0, 2), to: bare(next.text).slice(0, 80), why: 'a section number on a line of its own above a title heads it' });
  }
  return titles;
}

const closesQuote = (t: string) => /[”"»][\s.,;:!?]*(\([^()]*\))?[\s.]*$/.test(bare(t).replace(/[)\].]+$/, (m) => m));
/**
 * A paragraph of dialogue: it opens with speech that narration then interrupts ("“…,” he said.
 * “…”") or ends ("“…,” All Might said through a mouthful of biscuit.").
 */
const speechWithNarration = (t: string) => OPEN_QUOTE.test(t) && (/”[^“”]{2,}“/.test(bare(t)) || /[”"»][^”"»]*\p{L}[^”"»]*$/u.test(bare(t)));

/**
 * Finds the text's structure: chapters and sections, run-in numbered sections, lists
 * with their labels, block quotations, and leftover captions of images that are gone.
 * Where evidence is thin the decision is listed in the report as a doubt.
 */
export function structure(s: NormState): void {
  const wrapped = s.mode !== 'lines';
  const B = s.blocks;
  const drop = new Set<Block>();

  const numberedTitles = numbersOverTitles(s, B, drop);

  // Chapter labels take the title line that follows them.
  for (let i = 0; i < B.length; i++) {
    if (B[i].kind !== 'para') continue;
    const t = bare(B[i].text);
    if (CHAPTER_LABEL.test(t)) {
      // (between the entries of the source's contents, an entry of them: "CHAPTER VII⏎TOUSSAINT …")
      const inContents = (b: Block | undefined) => b?.kind === 'item' && listsEntries(b.region);
      const entry = inContents(B[i - 1]) && (inContents(B[i + 1]) || inContents(B[i + 2]));
      B[i].kind = entry ? 'item' : 'heading';
      if (entry) {
        B[i].region = B[i - 1].region;
        B[i].label = '';
      } else B[i].level = 2;
      const next = B[i + 1];
      if (next && (headingLike(next, false, true) || capitalsTitle(next)) && !CHAPTER_LABEL.test(bare(next.text))) {
        joinTitle(s, B[i], next, drop, false);
        i++;
      }
    } else if (GENERIC_HEADINGS.test(t.replace(/^([_*])(.+)\1$/, '$2')) && B[i].lines.length === 1) {
      B[i].kind = 'heading';
      // a heading set in italics as a whole is a heading, not an emphasis
      B[i].text = B[i].text.trim().replace(/^([_*])(.+)\1$/, '$2');
      B[i].level = 2;
    }
  }
  // The same heading twice in a row is one heading.
  for (let i = 1; i < B.length; i++) {
    if (B[i].kind === 'heading' && B[i - 1].kind === 'heading' && loose(B[i].text) === loose(B[i - 1].text) && !drop.has(B[i - 1])) {
      drop.add(B[i]);
      s.changes.push({ kind: 'remove-duplicate-heading', lines: B[i].lines, from: bare(B[i].text) });
    }
  }

  // Lists: labelled blocks; numbered `N)` blocks that are long and far apart are sections.
  const runIns = B.filter((b) => RUN_IN.test(b.text) && words(b.text) > 50);
  const runInLevel = B.some((b) => b.kind === 'heading' && b.level === 2) ? 3 : 2;
  for (let i = 0; i < B.length; i++) {
    const b = B[i];
    if (drop.has(b) || b.kind !== 'para') continue;
    const t = b.text;
    const lab = LIST_LABEL.exec(t);
    if (runIns.includes(b)) {
      const neighbourItem = [B[i - 1], B[i + 1]].some((n) => n && RUN_IN.test(n.text) && words(n.text) <= 50);
      if (!neighbourItem && splitRunIn(s, B, i, runInLevel)) continue;
    }
    if (lab) {
      b.kind = 'item';
      b.label = lab[1].replace(/\s+/g, '');
      b.text = t.slice(lab[0].length).replace(/^[\s\u202f\u00a0]+/, '');
      if (b.label !== lab[1]) s.changes.push({ kind: 'list-label', lines: b.lines, from: lab[1], to: b.label });
    }
  }

  // Numbered lists "1. …", "2. …": blocks in a run whose numbers go up by one from 1, none of
  // them a long numbered paragraph (a book's numbered sections stay paragraphs)
  for (let i = 0; i < B.length; i++) {
    const first = NUMBERED.exec(B[i].text);
    if (B[i].kind !== 'para' || drop.has(B[i]) || !first || first[1] !== '1') continue;
    let j = i + 1;
    while (j < B.length && B[j].kind === 'para' && !drop.has(B[j]) && NUMBERED.exec(B[j].text)?.[1] === String(j - i + 1)) j++;
    const run = B.slice(i, j);
    if (run.length < 2 || run.some((b) => words(b.text) > 150)) continue;
    for (const b of run) {
      const m = NUMBERED.exec(b.text)!;
      b.kind = 'item';
      b.label = `${m[1]}.`;
      b.text = b.text.slice(m[0].length);
    }
    s.changes.push({ kind: 'numbered-list', lines: run.flatMap((b) => b.lines.slice(0, 1)), why: `${run.length} paragraphs numbered 1. to ${run.length}. in a row: a numbered list` });
    i = j - 1;
  }

  // Headings, and the captions of images that are no longer there: in a web copy a short
  // line between a heading (or the title) and the text is what is left of a figure.
  const hasChapters = B.some((b) => b.kind === 'heading' && b.level === 2);
  const live = () => B.filter((b) => !drop.has(b));
  const isByline = (b: Block | undefined) => !!b && /^[Bb]y\s+\p{Lu}/u.test(bare(b.text));
  const candidate = (b: Block, next: Block | undefined) => b.kind === 'para' && (headingLike(b, wrapped, isByline(next)) || sentenceTitle(b));
  const removeCaption = (b: Block, why: string) => {
    drop.add(b);
    s.changes.push({ kind: 'remove-caption', lines: b.lines, from: bare(b.text), why });
    s.doubts.push({ kind: 'caption', lines: b.lines, message: `“${bare(b.text)}” removed as the caption of an image that is not there` });
  };
  const named = nameHeadings(s, live());
  const unnamed: Block[] = [];
  let L = live();
  // (a line that refers to a note is text, not what is left of a figure)
  if (!wrapped && s.meta.title && L[0]?.kind === 'para' && L[1] && !/\uE001/.test(L[0].text) && words(L[0].text) <= 12 && /\.$/.test(bare(L[0].text)) && L[0].lines.length === 1 && words(L[1].text) > 20)
    removeCaption(L[0], 'a one-sentence line between the title and the text');
  L = live();
  // (above the last heading the contents box names, it alone makes headings)
  const mapEnd = named ? L.indexOf(named) : -1;
  for (let i = 0; i < L.length; i++) {
    const b = L[i];
    const next = L[i + 1];
    if (!next || !candidate(b, next)) continue;
    // (or a table: its title over it, "LIST OF WORKS REFERRED TO")
    if ((next.kind === 'para' && words(next.text) > 12) || (next.kind === 'row' && next.row?.first)) {
      const prev = L[i - 1];
      if (!wrapped && prev?.kind === 'heading' && words(b.text) <= 8) removeCaption(b, 'a short line under a heading, before the text');
      else if (i < mapEnd) unnamed.push(b);
      else b.kind = 'heading';
    } else if (!wrapped && i >= mapEnd && candidate(next, L[i + 2]) && L[i + 2] && words(L[i + 2].text) > 12 && words(next.text) <= 8) {
      b.kind = 'heading';
      removeCaption(next, 'a short line under a heading, before the text');
      i++;
    } else if (isByline(next)) b.kind = 'heading';
    // (a label over its title in sentence case, which the text follows: "One⏎Starting off⏎As usual, …")
    else if (next.leads && L[i + 2]?.kind === 'para' && words(L[i + 2].text) > 12) b.kind = 'heading';
    if (b.kind === 'heading') b.level ??= hasChapters ? 3 : 2;
  }
  if (unnamed.length)
    s.doubts.push({ kind: 'heading', lines: unnamed.flatMap((b) => b.lines.slice(0, 1)), message: `${unnamed.length} short lines shaped as headings (${unnamed.slice(0, 3).map((b) => `“${bare(b.text)}”`).join(', ')}…) kept as text: the page’s contents box does not name them` });
  // A number alone is a heading only where such numbers go up through the text: chapters 1, 2,
  // 3… (each part may start again at 1), the years of a chronicle; elsewhere (a value a listing
  // printed, "486", a table's cell) it stays text.
  const numberHeads = live().filter((b) => b.kind === 'heading' && /^\d+(?:[.,]\d+)*$/.test(bare(b.text)));
  if (numberHeads.length && !numberHeads.every((b, k) => /^\d+$/.test(bare(b.text)) && (k === 0 || bare(b.text) === '1' || Number(bare(b.text)) > Number(bare(numberHeads[k - 1].text))))) {
    for (const b of numberHeads) {
      b.kind = 'para';
      b.level = undefined;
    }
    s.doubts.push({ kind: 'heading', lines: numberHeads.flatMap((b) => b.lines.slice(0, 1)), message: `${numberHeads.length} lines that are a number alone (${numberHeads.slice(0, 3).map((b) => bare(b.text)).join(', ')}…) kept as text: they do not go up through the text as chapter numbers or years do` });
  }
  // Numbered sections of a manual ("5.12.2 What a new maintainer should do"): a short line that
  // opens with a dotted section number, in a text that has two or more of them, is a heading at
  // its number's depth, however it is capitalised.
  // (the text's last block is no heading: nothing follows it)
  const sections = live().filter((b, k, all) => k + 1 < all.length && b.kind === 'para' && SECTION_NUMBER.test(bare(b.text)) && (sectionLike(b) || numberedTitles.has(b)));
  if (sections.length >= 2) {
    const top = hasChapters ? 3 : 2;
    for (const b of sections) {
      const depth = (SECTION_NUMBER.exec(bare(b.text))![1].match(/\./g) ?? []).length;
      b.kind = 'heading';
      b.level = Math.min(6, top + depth - 1);
      s.changes.push({ kind: 'section-heading', lines: b.lines.slice(0, 1), to: bare(b.text), why: 'opens with a dotted section number, as other short lines of the text do' });
    }
  }
  // Per-article bylines under a heading stay in the text, set as bylines; their heading is an article title.
  for (let i = 1; i < B.length; i++) {
    if (B[i].kind === 'para' && /^[Bb]y\s+\p{Lu}/u.test(bare(B[i].text)) && words(B[i].text) <= 40 && B[i - 1].kind === 'heading') {
      B[i].kind = 'byline';
      B[i - 1].level = 2;
      for (let j = i + 1; j < B.length && !(B[j].kind === 'heading' && B[j + 1]?.kind === 'byline'); j++) if (B[j].kind === 'heading') B[j].level = 3;
    }
  }
  // (what no rule above made a heading, by the blank lines an e-text sets around its chapters' headings)
  chapterGaps(s, B, drop);
  // The source's index is a part of the book of its own, as its chapters are (set last, so that
  // no other heading's level depends on it).
  for (const b of B) {
    if ((b.kind !== 'para' && b.kind !== 'heading') || !s.indexHeadings?.has(b.lines[0])) continue;
    b.kind = 'heading';
    b.level = 2;
    b.text = b.text.trim();
  }
  carryNotes(s, B, drop);
  s.blocks = B.filter((b) => !drop.has(b));
  quotes(s);
}

/**
 * A web page's headings, as its contents box named them (the contents pass took the box
 * out): each name, in the box's order, heads the first short line after the last one matched
 * that bears it, at the box's depth. When three or more were found the box is the page's map:
 * above the last heading it names, a short line it does not name (an image's caption) is no
 * heading. Returns that last heading (none when the box is no map).
 */
function nameHeadings(s: NormState, L: Block[]): Block | undefined {
  const names = [...(s.headingNames ?? [])];
  if (names.length < 3) return undefined;
  let next = 0;
  let found = 0;
  let last: Block | undefined;
  for (const b of L) {
    if ((b.kind !== 'para' && b.kind !== 'heading') || b.lines.length > 1 || words(b.text) > 12) continue;
    const key = headingKey(bare(b.text));
    let at = next;
    while (at < names.length && names[at][0] !== key) at++;
    if (at === names.length) continue;
    if (b.kind !== 'heading') s.changes.push({ kind: 'named-heading', lines: b.lines, to: bare(b.text), why: 'the page’s contents box names it' });
    b.kind = 'heading';
    b.level = 1 + names[at][1];
    next = at + 1;
    found++;
    last = b;
  }
  return found >= 3 ? last : undefined;
}

/** `1) The title sentence. The text…` becomes a heading and a paragraph. */
function splitRunIn(s: NormState, B: Block[], i: number, level: number): boolean {
  const b = B[i];
  const m = /^(\d{1,2}\)\s+.{8,200}?[.?!](?:\uE000\d+\uE001)?)\s+(?=[\p{Lu}“"])/u.exec(b.text);
  if (!m || words(m[1]) > 25) return false;
  const rest = b.text.slice(m[0].length);
  const head: Block = { ...b, kind: 'heading', level, text: m[1].replace(/\.$/, ''), pageMarks: undefined };
  b.text = rest;
  b.pageMarks = b.pageMarks?.map((p) => ({ ...p, at: Math.max(0, p.at - m[0].length), letters: Math.max(0, p.letters - countLetters(m[0])) }));
  B.splice(i, 0, head);
  s.changes.push({ kind: 'split-run-in-heading', lines: b.lines.slice(0, 1), to: head.text, why: 'a numbered section opening: the labels run in sequence and open long paragraphs' });
  return true;
}

/**
 * Block quotations. In a wrapped text the evidence is the measure: quotations are set
 * narrower. In a web copy: a paragraph that is one whole quotation, or a paragraph-long
 * quotation introduced by a colon (the doubtful ones are reported).
 */
function quotes(s: NormState): void {
  const B = s.blocks;
  const paras = B.filter((b) => b.kind === 'para');
  // A transcription that marks its quotations (/# … #/) has marked them all.
  if (B.some((b) => b.region === 'quote')) return;
  if (s.mode !== 'lines' && s.measure > 0) {
    const limit = narrowLimit(s.measure);
    for (const b of paras) {
      const inner = b.widths.slice(0, -1);
      if (inner.length >= 2 && maxOf(inner) <= limit) b.kind = 'quote';
      else if (inner.length === 1 && inner[0] <= limit && OPEN_QUOTE.test(b.text)) {
        b.kind = 'quote';
        s.doubts.push({ kind: 'quotation', lines: b.lines, message: `two-line paragraph set as a quotation (narrow first line, opens with a quote mark): “${bare(b.text).slice(0, 60)}…”` });
      }
    }
    return;
  }
  // Whole-paragraph quotations, including a run whose paragraphs open but only the last closes —
  // unless the text is a story told in dialogue: then a paragraph all in quotes is a speech (fifteen
  // or more paragraphs, a tenth of them, open with a quotation that narration interrupts or ends)
  const dialogue = paras.filter((b) => speechWithNarration(b.text));
  const story = dialogue.length >= 15 && dialogue.length >= 0.1 * paras.length;
  if (story) s.doubts.push({ kind: 'quotation', lines: dialogue[0].lines.slice(0, 1), message: `${dialogue.length} paragraphs open with speech that narration interrupts or ends, the first here: a story in dialogue, its quoted paragraphs left as speech, not block quotations` });
  for (let i = 0; i < B.length && !story; i++) {
    const b = B[i];
    if (b.kind !== 'para' || !OPEN_QUOTE.test(b.text) || words(b.text) < 20) continue;
    if (closesQuote(b.text) && !/[”"]\s*[,]?\s+[\p{Ll}]/u.test(bare(b.text).slice(-80))) {
      b.kind = 'quote';
      continue;
    }
    let j = i;
    while (j + 1 < B.length && B[j + 1].kind === 'para' && OPEN_QUOTE.test(B[j + 1].text) && !closesQuote(B[j].text)) j++;
    if (j > i && closesQuote(B[j].text)) for (let k = i; k <= j; k++) B[k].kind = 'quote';
  }
  // A paragraph introduced by a colon (or "that"), which is not itself a quotation in marks.
  const introduced = (p: Block | undefined) => !!p && p.kind === 'para' && /(:|\bthat,?)$/.test(bare(p.text));
  const colonQuotes: Block[][] = [];
  const marked = B.filter((b) => b.kind === 'quote').length;
  for (let i = 1; i < B.length; i++) {
    const b = B[i];
    if (b.kind !== 'para' || !introduced(B[i - 1]) || OPEN_QUOTE.test(b.text) || words(b.text) < 15) continue;
    const run = [b];
    colonQuotes.push(run);
    for (let j = i + 1; j < B.length && run.length < 5 && !endsWithNote(run[run.length - 1].text); j++) {
      // A paragraph that itself introduces a quotation in marks is narration, not more of the quotation.
      if (B[j].kind !== 'para' || introduced(B[j]) || /:\s*[“"]/.test(B[j].text)) break;
      run.push(B[j]);
    }
  }
  // Evidence that quotations here end with a citation note: then an unended run is not one quotation.
  const cited = colonQuotes.filter((r) => endsWithNote(r[r.length - 1].text)).length;
  const citesQuotes = cited >= Math.max(2, colonQuotes.length * 0.6);
  // Where quotations carry their own marks, an unmarked paragraph after a colon is prose.
  if (!citesQuotes && marked >= 2) return;
  for (const run of colonQuotes) {
    const last = run[run.length - 1];
    const body = citesQuotes && endsWithNote(last.text) ? run : run.slice(0, 1);
    for (const b of body) b.kind = 'quote';
    const lead = bare(B[B.indexOf(run[0]) - 1].text).slice(-40);
    const sure = citesQuotes ? endsWithNote(last.text) : false;
    s.doubts.push({ kind: 'quotation', lines: body.flatMap((b) => b.lines), message: `${body.length} paragraph(s) set as a quotation after “…${lead}”${sure ? ' (it ends with a citation note)' : ' — no quote marks or citation: check'}` });
  }
}

/** The widest inner line a quotation may have: well below the body measure. */
function narrowLimit(measure: number): number {
  return Math.floor(measure * 0.88);
}
