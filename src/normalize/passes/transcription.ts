import { TAG_CLOSE, TAG_OPEN, type Item, type NormState, type Region } from '../types.ts';
import { decideHyphen } from '../hyphenation.ts';

type TextItem = Extract<Item, { kind: 'text' }>;

// The marks transcription projects (Distributed Proofreaders and the e-texts made from
// their work) leave in a text, each of them unambiguous: `/#` … `#/` a block quotation,
// `/*` … `*/` lines not to be rewrapped (tables, verse, title pages), `[**…]` a proofer's
// query, `[Blank Page]`, and a word broken across pages written `op-*` … `*ponents`.
const OPENERS: Record<string, Region> = { '/#': 'quote', '/*': 'nowrap' };
const CLOSERS: Record<string, Region> = { '#/': 'quote', '*/': 'nowrap' };
const QUERY = /\[\*\*(?:[^[\]]|\[[^[\]]*\])*\]/g;
/** A Distributed Proofreaders text: its page separators, its footnotes' form, its block marks. */
const DP_EVIDENCE = /^-----File: |\[Footnote\b[^:\]\n]{0,8}:|^\/[#*]\s*$/;
/** The inline tags its proofers write: italics, bold, small capitals, letter-spacing, another face, underlining. */
const DP_TAG = /<(\/?(?:i|b|sc|g|f|u))>/gi;
/** The bracket depth a line leaves open (a footnote's body runs until its brackets close). */
const depthOf = (t: string) => (t.match(/\[/g)?.length ?? 0) - (t.match(/\]/g)?.length ?? 0);

const BOX_EDGE = /^\s*\+-{5,}\+\s*$/;
const BOX_LINE = /^(\s*)\|(.*)\|\s*$/;

/**
 * A box drawn in characters round a note (an e-text's "Transcriber's Note", framed by
 * `+-----+` and `|` … `|`): its words, as a quotation, without the frame. Only a closed
 * frame: every line between its edges opens and closes with a bar at the edges' columns
 * (a family tree drawn with the same characters is no box).
 */
function unbox(s: NormState): void {
  const items = s.items;
  for (let i = 0; i < items.length; i++) {
    const top = items[i];
    if (top.kind !== 'text' || !BOX_EDGE.test(top.text)) continue;
    const left = top.text.indexOf('+');
    const right = top.text.lastIndexOf('+');
    let j = i + 1;
    while (j < items.length) {
      const it = items[j];
      const m = it.kind === 'text' ? BOX_LINE.exec(it.text) : null;
      if (!m || m[1].length !== left || it.kind !== 'text' || it.text.lastIndexOf('|') !== right) break;
      j++;
    }
    const bottom = items[j];
    if (j === i + 1 || bottom?.kind !== 'text' || bottom.text.trimEnd() !== top.text.trimEnd()) continue;
    for (let k = i + 1; k < j; k++) {
      const it = items[k] as TextItem;
      const inner = BOX_LINE.exec(it.text)![2].trim();
      items[k] = inner ? { ...it, text: inner, region: 'quote' } : { kind: 'blank', no: it.no };
    }
    items[i] = { kind: 'blank', no: top.no };
    items[j] = { kind: 'blank', no: bottom.no };
    s.changes.push({ kind: 'remove-box', lines: [top.no, bottom.no], why: 'a frame drawn in characters round a note: its words kept as a quotation' });
    i = j;
  }
}

export function transcription(s: NormState): void {
  unbox(s);
  const items = s.items;
  const drop = new Set<number>();
  const open: Region[] = [];
  // (the page's last line of text, its foot's notes aside: a word broken over the page
  // goes on from there, "ap-*⏎[Footnote A: …]⏎-----File…⏎*proached")
  let lastText: TextItem | undefined;
  let breakSince = false;
  let footDepth = 0;
  // an illustration whose caption and contents run over lines ("[Illustration: SCHEME⏎/*⏎…⏎*/⏎]")
  let figure: { first: TextItem; depth: number } | undefined;
  const dp = s.raw.some((l) => DP_EVIDENCE.test(l.text));
  items.forEach((it, i) => {
    if (it.kind === 'page') {
      breakSince = true;
      return;
    }
    if (it.kind !== 'text') return;
    const t = it.text.trim();
    if (t in OPENERS || /^\/[#*]\s*$/.test(t)) {
      open.push(OPENERS[t.slice(0, 2)]);
      drop.add(i);
      s.changes.push({ kind: 'remove-transcriber-mark', lines: [it.no], from: t, why: OPENERS[t.slice(0, 2)] === 'quote' ? 'a block quotation begins' : 'lines to keep as they are (a table or verse) begin' });
      return;
    }
    if (t in CLOSERS) {
      const r = CLOSERS[t];
      const at = open.lastIndexOf(r);
      if (at >= 0) open.splice(at, 1);
      drop.add(i);
      s.changes.push({ kind: 'remove-transcriber-mark', lines: [it.no], from: t, why: 'the marked stretch ends' });
      return;
    }
    if (figure && t === ']' && figure.depth === 1) {
      // its closing bracket alone on a line: the caption's, which the caption takes back
      if (!figure.first.text.includes(']')) figure.first.text = `${figure.first.text.trimEnd()}]`;
      figure = undefined;
      drop.add(i);
      s.changes.push({ kind: 'remove-transcriber-mark', lines: [it.no], from: t, why: 'the end of an illustration that runs over lines: its caption closed' });
      return;
    }
    // (an illustration's lines are no text a word broken over the page goes on from)
    const inFigure = figure !== undefined || /^\[Illustration\b/i.test(t);
    if (figure) figure.depth += depthOf(it.text);
    else if (/^\[Illustration\b/i.test(t) && depthOf(t) > 0) figure = { first: it, depth: depthOf(t) };
    if (figure && figure.depth <= 0) figure = undefined;
    if (/^\[Blank Page\]$/i.test(t)) {
      drop.add(i);
      s.changes.push({ kind: 'remove-blank-page', lines: [it.no], from: t });
      return;
    }
    if (it.text.includes('[**')) {
      const queries = it.text.match(QUERY) ?? [];
      if (queries.length) {
        it.text = it.text.replace(QUERY, '');
        for (const q of queries) {
          s.changes.push({ kind: 'remove-proofer-query', lines: [it.no], from: q, why: 'a proofer’s query, not the text' });
          s.doubts.push({ kind: 'proofer-query', lines: [it.no], message: `the transcription queries this place: ${q}` });
        }
        if (!it.text.trim()) drop.add(i);
      }
    }
    if (open.length) it.region = open[open.length - 1];
    // (in a transcription, its tags are formatting, held apart until the emphasis pass reads them:
    // a line that opens with "<sc>" is no markup)
    if (dp && it.text.includes('<')) it.text = it.text.replace(DP_TAG, (_m, tag: string) => `${TAG_OPEN}${tag.toLowerCase()}${TAG_CLOSE}`);
    // school-*masters: a hyphen the proofers joined across a line end, unsure whether it is the
    // compound's own: decided as a hyphen at a line's end is, by the text's usage and the word list
    if (dp && it.text.includes('-*')) it.text = it.text.replace(/(\p{L}+)-\*(\p{L}+)/gu, (m, a: string, b: string) => {
      const d = decideHyphen(a, b, s.lexicon, s.sidecar.meta.language ?? 'en');
      const to = d.keep ? `${a}-${b}` : `${a}${b}`;
      s.changes.push({ kind: 'join-marked-hyphen', lines: [it.no], from: m, to, why: `the transcription marks the hyphen as doubtful: ${d.why}` });
      if (!d.sure) s.doubts.push({ kind: 'hyphen', lines: [it.no], message: `${m} → ${to}: ${d.why}` });
      return to;
    });
    const inFoot = footDepth > 0 || /^\s*\*?\[Footnote\b/.test(it.text);
    if (inFoot) {
      footDepth = Math.max(0, footDepth + depthOf(it.text));
      return;
    }
    if (inFigure) return;
    // op-* … *ponents: a word broken across a page break
    if (breakSince && lastText && /-\*$/.test(lastText.text.trimEnd()) && /^\*/.test(it.text.trimStart())) {
      lastText.text = lastText.text.trimEnd().slice(0, -1);
      it.text = it.text.replace(/^(\s*)\*/, '$1');
      s.changes.push({ kind: 'join-page-break-hyphen', lines: [lastText.no, it.no], why: 'the transcription marks a word broken across the page break' });
    } else if (breakSince && lastText && /\*$/.test(lastText.text.trimEnd()) && /^\*/.test(it.text.trimStart())) {
      lastText.text = lastText.text.trimEnd().slice(0, -1);
      it.text = it.text.replace(/^(\s*)\*/, '$1');
    }
    lastText = it;
    breakSince = false;
  });
  s.items = items.filter((_, i) => !drop.has(i));
}
