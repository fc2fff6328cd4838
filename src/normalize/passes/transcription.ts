import type { Item, NormState, Region } from '../types.ts';

type TextItem = Extract<Item, { kind: 'text' }>;

// The marks transcription projects (Distributed Proofreaders and the e-texts made from
// their work) leave in a text, each of them unambiguous: `/#` … `#/` a block quotation,
// `/*` … `*/` lines not to be rewrapped (tables, verse, title pages), `[**…]` a proofer's
// query, `[Blank Page]`, and a word broken across pages written `op-*` … `*ponents`.
const OPENERS: Record<string, Region> = { '/#': 'quote', '/*': 'nowrap' };
const CLOSERS: Record<string, Region> = { '#/': 'quote', '*/': 'nowrap' };
const QUERY = /\[\*\*(?:[^[\]]|\[[^[\]]*\])*\]/g;

export function transcription(s: NormState): void {
  const items = s.items;
  const drop = new Set<number>();
  const open: Region[] = [];
  let lastText: TextItem | undefined;
  let breakSince = false;
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
