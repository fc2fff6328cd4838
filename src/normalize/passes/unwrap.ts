import type { Block, Item, NormState, WrapMode } from '../types.ts';
import { endsOpen, joinLine } from '../join.ts';
import { countLetters } from '../letters.ts';

type TextItem = Extract<Item, { kind: 'text' }>;

const percentile = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor(p * v.length))];
};

/** Reads the wrapping from the line widths and line ends themselves. */
export function detectMode(items: Item[]): { mode: WrapMode; measure: number } {
  const texts = items.filter((x): x is TextItem => x.kind === 'text').map((x) => x.text);
  const lens = texts.map((t) => t.trim().length);
  const long = lens.filter((n) => n > 100).length / Math.max(1, lens.length);
  if (long >= 0.2) return { mode: 'lines', measure: 0 };
  const measure = percentile(lens, 0.9);
  const trailing = texts.filter((t) => / $/.test(t) && t.trim().length > 0.5 * measure).length / Math.max(1, texts.length);
  return { mode: trailing >= 0.3 ? 'trailing-space' : 'blank-line', measure };
}

const TERMINAL = /[.!?:;”"’)\]…*]$/;
/** The text's end without the note marks after its last word: "texts,[^2]" ends in a comma. */
const endOf = (t: string) => t.replace(/(?:\uE000\d+\uE001|\uE004)+\s*$/, '').trimEnd();
const ends = (t: string) => TERMINAL.test(endOf(t));
/** A block that stops mid-sentence and a block that starts in lower case were one paragraph. */
const continues = (a: string, b: string) => (endsOpen(a) || !ends(a)) && /^[\p{Ll}]/u.test(b.trimStart());

/**
 * Turns the line stream into blocks: one per paragraph, heading or item, unwrapped.
 * How lines belong together is read from the evidence: one line per block in web copies;
 * the trailing-space grammar of some PDF extractions (a space or hyphen at the end means
 * the line goes on, whatever blank lines follow); blank lines elsewhere.
 */
export function unwrap(s: NormState): void {
  const { mode, measure } = detectMode(s.items);
  s.mode = mode;
  s.measure = measure;
  const blocks: Block[] = [];
  let cur: Block | undefined;
  let last: TextItem | undefined;
  let page = 0;
  let breakSince = false; // a page break since the last text line
  let pendingMark: string | undefined = s.startLabel;
  const close = () => {
    cur = undefined;
  };
  const open = (it: TextItem) => {
    cur = { kind: 'para', text: it.text.replace(/^[ \u00a0]+/, '').replace(/[ \u00a0\u2002\u2003]+$/, ''), lines: [it.no], widths: [it.text.trim().length], page };
    if (pendingMark !== undefined) cur.pageMarks = [{ label: pendingMark, at: 0, letters: 0 }];
    pendingMark = undefined;
    blocks.push(cur);
  };
  const append = (it: TextItem) => {
    const b = cur!;
    const at = b.text.length;
    const before = pendingMark === undefined ? 0 : countLetters(b.text);
    b.text = joinLine(s, b.text + (/ $/.test(last?.text ?? '') ? ' ' : ''), it.text, [last!.no, it.no]);
    if (pendingMark !== undefined) (b.pageMarks ??= []).push({ label: pendingMark, at: Math.min(at + 1, b.text.length), letters: before });
    pendingMark = undefined;
    b.lines.push(it.no);
    b.widths.push(it.text.trim().length);
  };
  // A soft wrap lands near the measure: a short line ending in a space ends its block.
  const goesOn = (t: string) => {
    if (endsOpen(t)) return true;
    return / $/.test(t) && t.trim().length >= 0.6 * measure;
  };

  // Across a page break, a paragraph cut mid-sentence continues on the next page.
  const rejoinAcrossPage = (it: TextItem): boolean => {
    const prev = blocks[blocks.length - 1];
    if (cur || !breakSince || !prev || !continues(prev.text, it.text)) return false;
    cur = prev;
    s.changes.push({ kind: 'join-across-page', lines: [prev.lines[prev.lines.length - 1], it.no], why: 'the paragraph stops mid-sentence at a page break and goes on in lower case' });
    append(it);
    return true;
  };

  for (const it of s.items) {
    if (it.kind === 'page') {
      page++;
      breakSince = true;
      pendingMark = it.label ?? '';
      if (mode !== 'trailing-space' || !last || !goesOn(last.text)) close();
      continue;
    }
    if (it.kind === 'blank') {
      if (mode !== 'trailing-space' || !last || !goesOn(last.text)) close();
      continue;
    }
    if (mode === 'lines') {
      if (!rejoinAcrossPage(it)) open(it);
      close();
    } else if (mode === 'trailing-space') {
      if (cur && last && goesOn(last.text)) {
        if (breakSince || cur.lines[cur.lines.length - 1] !== it.no - 1) s.changes.push({ kind: breakSince ? 'join-across-page' : 'join-across-blank', lines: [last.no, it.no], why: 'the line before ends in a soft wrap' });
        append(it);
      } else open(it);
    } else if (!rejoinAcrossPage(it)) {
      // A short line that ends a sentence ends its paragraph, even with no blank line after it.
      const endsShort = !!last && last.text.trim().length < 0.7 * measure && ends(last.text) && /^\s*[\p{Lu}“"‘]/u.test(it.text);
      if (cur && !endsShort) append(it);
      else open(it);
    }
    last = it;
    breakSince = false;
  }
  s.blocks = blocks;
}
