import type { Item, NormState } from '../types.ts';

// Lines a web page or an e-text carries around the work, never part of it.
const FORM_OPENER = /^(any message or comments\??|leave a (reply|comment)|post a comment|add a comment|comments?( \(\d+\))?|\d+ comments?|reply|write a comment|join the discussion)$/i;
const CRUFT_LINE =
  /^(hit us up on social media|follow us( on .*)?|share( this( article| post)?)?( on .*)?:?|(facebook|twitter|x|telegram|whatsapp|instagram|linkedin|reddit|email|print)( share)?|tweet|subscribe( to .*)?|sign up for .*newsletter.*|related( articles| posts)?:?|tags?:.*|jump to (navigation|search)|from wikipedia, the free encyclopedia|retrieved from .*|this forum is moderated .*|who are you\??|your (post|name|email|message|comment)|to create paragraphs, just leave blank lines\.?|submit|send|email address|website|name)$/i;

/** A link to share the page or follow its site: a network's name, alone or with “share”. */
// (not "X" or "Print": a manual's tables have lines of one letter or one word)
const SHARE_LINE = /^(?:share (?:on|via) )?(?:facebook|twitter|telegram|whatsapp|instagram|linkedin|reddit|email|e-mail|pinterest|mastodon|bluesky|copy link)(?: share)?$/i;

// A pager: the links to the page's neighbours, "Next: 1.2, Prev: Chapter 1, Up: Chapter 1 [Contents]",
// "« Previous | Contents | Next »", an Info node line. Each label stands as a link does: before a
// colon, inside brackets or between bars; a sentence that uses the words has none of those.
const PAGER_LABEL = /(?:^|[\s,|[(«‹<])(next|prev(?:ious)?|up|home|contents|index|top)(?=\s*(?:[:»›>\]|,]|$))/gi;
/** The arrows of a page's jump links (⇡ ⇣ ↑ ← …), alone on a line. */
const ARROWS_ONLY = /^[\s\u2190-\u21ff\u27f0-\u27ff\u2900-\u297f\u2b05-\u2b0d\u25b2-\u25c5^]+$/u;
export function isPager(t: string): boolean {
  // (a pager names the next, previous or upper page: a line that cannot is not read further)
  if (!/next|prev|up/i.test(t) || t.split(/\s+/, 21).length > 20 || /[.!?]$/.test(t)) return false;
  const labels = new Set([...t.matchAll(PAGER_LABEL)].map((m) => m[1].toLowerCase().replace(/^prev(ious)?$/, 'prev')));
  return labels.size >= 2 && (labels.has('next') || labels.has('prev') || labels.has('up'));
}

const HATNOTE = /^(?:this (?:article|page) is about .{1,120}?\.\s*)?(?:[“"].{1,60}[”"] (?:redirects|redirect) here\.\s*)?for other uses, see .{1,200}$/i;

const LANGS: Record<string, string> = { english: 'en', french: 'fr', german: 'de', spanish: 'es', italian: 'it', russian: 'ru', dutch: 'nl', portuguese: 'pt' };

/** A making tool's placeholder for a value it did not have ("UnknownTitle", "Unknown Author"): no value. */
export const isPlaceholder = (v: string): boolean => /^(?:unknown|untitled|no ?title)[ _-]?(?:title|author|creator)?$/i.test(v.trim());

/** A Project Gutenberg header's catalogue field ("Title: …", "Language: English"), as front matter. */
export function catalogueField(line: string): [string, string] | undefined {
  const f = /^(Title|Author|Translator|Language):\s*(.+)$/.exec(line.trim());
  if (!f || isPlaceholder(f[2])) return undefined;
  const key = f[1].toLowerCase();
  return [key, key === 'language' ? (LANGS[f[2].toLowerCase()] ?? f[2]) : f[2]];
}
export const GUTENBERG_START = /^\*{3}\s*START OF (THE|THIS) PROJECT GUTENBERG/i;
export const GUTENBERG_END = /^\*{3}\s*END OF (THE|THIS) PROJECT GUTENBERG|^End of (the )?Project Gutenberg/i;

/** Removes what the carrier wrapped around the work: e-text licences, comment forms, share links. */
export function cruft(s: NormState): void {
  const items = s.items;
  const drop = new Set<number>();
  const texts = items.map((it, i) => ({ it, i })).filter((x) => x.it.kind === 'text') as { it: Extract<Item, { kind: 'text' }>; i: number }[];
  const removeRange = (from: number, to: number, why: string) => {
    const gone = items.slice(from, to).filter((x) => x.kind === 'text') as Extract<Item, { kind: 'text' }>[];
    for (let k = from; k < to; k++) drop.add(k);
    if (gone.length) s.changes.push({ kind: 'remove-cruft', lines: gone.map((g) => g.no), from: gone.map((g) => g.text.trim()).join('\n'), why });
  };

  // Project Gutenberg: everything before START and after END is the licence wrapper.
  const start = texts.find((x) => GUTENBERG_START.test(x.it.text.trim()));
  const end = texts.find((x) => GUTENBERG_END.test(x.it.text.trim()));
  if (start) {
    // The header's catalogue fields are the text's own metadata.
    for (const x of texts.filter((t) => t.i < start.i)) {
      const f = catalogueField(x.it.text);
      if (f) s.meta[f[0]] ??= f[1];
    }
    removeRange(0, start.i + 1, 'Project Gutenberg header');
  }
  if (end) removeRange(end.i, items.length, 'Project Gutenberg licence and footer');

  // A comment form near the end of a web page: from its opener to the end.
  const tail = texts.filter((x) => !drop.has(x.i)).slice(-12);
  const opener = tail.find((x) => FORM_OPENER.test(x.it.text.trim()));
  if (opener) removeRange(opener.i, items.length, 'comment form of the web page');

  // Share and follow lines at the end, and stray navigation lines anywhere.
  for (let k = texts.length - 1; k >= 0; k--) {
    const x = texts[k];
    if (drop.has(x.i)) continue;
    if (!CRUFT_LINE.test(x.it.text.trim())) break;
    removeRange(x.i, x.i + 1, 'web page footer');
  }
  // Share and follow links in a run of their own anywhere (“Facebook ⏎ Twitter ⏎ Email” under a title)
  for (let k = 0; k < texts.length; k++) {
    let e = k;
    while (e < texts.length && !drop.has(texts[e].i) && SHARE_LINE.test(texts[e].it.text.trim())) e++;
    if (e - k >= 2) removeRange(texts[k].i, texts[e - 1].i + 1, 'the page’s share and follow links');
    k = e;
  }
  // (a line's place among the text's lines)
  const place = new Map(texts.map((x, k) => [x.i, k]));
  const k0 = (x: { i: number }) => place.get(x.i) ?? Infinity;
  for (const x of texts) {
    if (drop.has(x.i)) continue;
    const t = x.it.text.trim();
    if (/^(?:(?:(?:jump|skip) to (?:the )?(?:main )?(?:navigation|search|content)\s*)+|from wikipedia, the free encyclopedia)$/i.test(t)) removeRange(x.i, x.i + 1, 'web navigation');
    // a wiki's hatnote: where readers looking for another page should go
    else if (HATNOTE.test(t) && k0(x) < 12) removeRange(x.i, x.i + 1, 'a wiki’s note on other pages of the same name');
    else if (isPager(t)) removeRange(x.i, x.i + 1, 'the page’s links to its neighbours (next, previous, up)');
    else if (/\[\s*edit\s*\]\s*$/i.test(t)) {
      const clean = x.it.text.replace(/\s*\[\s*edit\s*\]\s*$/i, '');
      s.changes.push({ kind: 'remove-cruft', lines: [x.it.no], from: '[edit]', why: 'wiki edit link' });
      x.it.text = clean;
    }
  }
  inlineTags(s, texts.filter((x) => !drop.has(x.i)).map((x) => x.it));
  // jump-link arrows before the text's first line or after its last
  const live = texts.filter((x) => !drop.has(x.i));
  for (const x of [...live.slice(0, 2), ...live.slice(-2)]) if (ARROWS_ONLY.test(x.it.text.trim())) removeRange(x.i, x.i + 1, 'a jump link’s arrow at the page’s head or foot');
  s.items = items.filter((_, i) => !drop.has(i));
}

// A wiki's inline tags ("the globe[citation needed]", "in 2014[when?]"): raised like the page's
// note marks, they are copied glued to the word before them as the marks are — lower-case words
// in brackets, a phrase or a question. An author's or editor's bracket stands apart ("[sic]",
// "the [new] law") or is part of a word ("the[ir]").
const INLINE_TAG = /(?<=[\p{L}\p{N}.,;:!?)”"’\]])\[(\p{Ll}[\p{Ll}’'-]*(?:[ \u00a0–—-]+[\p{Ll}’'-]+){0,4}\??)\](?=[\s.,;:!?)”"’[]|$)/gu;
const GLUED_MARK = /[^\s[]\[\d{1,5}\]/g;

function inlineTags(s: NormState, lines: Extract<Item, { kind: 'text' }>[]): void {
  // evidence: the page copies its raised note marks glued, as [12]
  let glued = 0;
  for (const it of lines) if (it.text.includes('[')) glued += it.text.match(GLUED_MARK)?.length ?? 0;
  if (glued < 3) return;
  for (const it of lines) {
    if (!it.text.includes('[')) continue;
    it.text = it.text.replace(INLINE_TAG, (tag, words: string) => {
      if (!/[ \u00a0?–—]/.test(words)) return tag;
      s.changes.push({ kind: 'remove-cruft', lines: [it.no], from: tag, why: 'a wiki’s inline tag, raised and glued like the page’s note marks' });
      return '';
    });
  }
}
