import type { Item, NormState } from '../types.ts';
import { detectCarrier } from './carrier.ts';
import { prose } from './chrome.ts';

type TextItem = Extract<Item, { kind: 'text' }>;

// A web page's comment thread: each comment under its author and the date it was posted, and
// each with the same short link ("Reply", "Antworten", "Répondre") — a line the thread repeats
// after every comment, in whatever language, and a text never sets between dated paragraphs.
// The thread is the readers', not the text: dropped, from its heading to its last comment.

/** A year or a clock time: a comment's date line. */
const DATED = /(?:^|\D)(?:1[89]|20)\d\d(?!\d)|(?:^|\D)\d{1,2}[:.]\d\d(?!\d)/;
const wordCount = (t: string) => (t.match(/\S+/g) ?? []).length;
/** A line of the thread's furniture: a name, a date, a count, a heading ("54 Kommentare"). */
const short = (t: string) => t.length > 0 && t.length <= 60 && wordCount(t) <= 8 && !/[.!?]["”’)]?$/.test(t.replace(/\d\.$/, ''));
const dateLine = (t: string) => short(t) && DATED.test(t);
/** A reader's sentence, not a headline: words, most of them in lower case. */
const sentence = (t: string) => {
  const w = t.match(/\p{L}+/gu) ?? [];
  return w.length >= 4 && w.filter((x) => /^\p{Lu}/u.test(x)).length < 0.6 * w.length;
};
/** The link under each comment: a word or two, no digits, no sentence. */
const actionLike = (t: string) => t.length <= 24 && wordCount(t) <= 3 && /^[\p{L}][\p{L} ↓↩→’'-]*$/u.test(t);

/** A person's name as a signature: two to four words in capitals ("Frederick Engels", "V. I. Lenin"). */
const PERSON = /^\p{Lu}[\p{L}.'’-]*(?:\s+&?\s*\p{Lu}[\p{L}.'’-]*){1,3}$/u;
/** A commenter's name: a few words, no digits. */
const nameLike = (t: string | undefined) => t !== undefined && t.length <= 40 && wordCount(t) <= 4 && !/\d/.test(t);
/**
 * A comment's date stands by its author's name ("Jane says: ⏎ 5 May 2019") or opens the entry
 * after the thread's link; a listing's date stands under its headline, just above its link
 * (headline, date, "Read more").
 */
const signed = (lines: string[], i: number) => i === 0 || nameLike(lines[i - 1]) || (i + 1 < lines.length && nameLike(lines[i + 1]));

/** Where the comment thread stands in the lines, or undefined. */
export function findThread(texts: string[]): { from: number; to: number; action: string; count: number } | undefined {
  const at = new Map<string, number[]>();
  texts.forEach((t, k) => {
    if (!actionLike(t)) return;
    const key = t.toLowerCase();
    at.set(key, [...(at.get(key) ?? []), k]);
  });
  let best: { from: number; to: number; action: string; count: number } | undefined;
  for (const ks of at.values()) {
    if (ks.length < 3) continue;
    // (a person's name a date stands beside, again and again, signs dated sections — one name
    // under a book's prefaces or letters, "Frederick Engels⏎London, June 28, 1883" —, where a
    // thread's link is a verb, "Reply", its comments' authors' names all different)
    if (PERSON.test(texts[ks[0]]) && ks.filter((k) => dateLine(texts[k + 1] ?? '') || dateLine(texts[k - 1] ?? '')).length >= 0.8 * ks.length) continue;
    // between two of its links stands one comment: a date line and a line of prose
    let comments = 0;
    for (let n = 1; n < ks.length; n++) {
      const between = texts.slice(ks[n - 1] + 1, ks[n]);
      if (between.length <= 40 && between.some((t, i) => dateLine(t) && signed(between, i)) && between.some(sentence)) comments++;
    }
    if (comments < 2 || comments < 0.8 * (ks.length - 1)) continue;
    const first = ks[0];
    const last = ks[ks.length - 1];
    // The link closes each comment (its author, date and words above it) or opens it (they
    // follow it): closing, when a date line stands over words of a comment just above the first link.
    let from = first;
    for (let k = first - 1; k >= Math.max(0, first - 15); k--) {
      if (dateLine(texts[k])) {
        if (texts.slice(k + 1, first).some(sentence)) from = k;
        break;
      }
    }
    const opens = from === first;
    if (opens && !texts.slice(first + 1, first + 4).some(dateLine)) continue;
    // the thread's head above the first comment: its author, a count of comments, a heading
    for (let n = 0, k = from - 1; n < 3 && k >= 0; k--) {
      if (!texts[k]) continue;
      if (!short(texts[k])) break;
      from = k;
      n++;
    }
    let to = last;
    if (opens) {
      // the last comment after its link: its author and date, then its paragraphs
      let k = last + 1;
      let words = false;
      for (; k < texts.length; k++) {
        if (!short(texts[k])) words = true;
        else if (words) break;
      }
      to = k - 1;
    }
    // (the text comes before its comments: paragraphs of its prose stand above the thread)
    if (texts.slice(0, from).filter((t) => prose(t)).length < 2) continue;
    // Comments are alike: none longer than six of the middle one, and the first two — where the
    // rule could take the text itself for one (a post its page sets as the thread’s first
    // entry) — than four of it;
    // and written out, where a listing of posts cuts each teaser short ("…", "...").
    const units = (opens ? [...ks.slice(1), to + 1] : ks).map((k, n, a) => texts.slice(n === 0 ? from : a[n - 1] + (opens ? 0 : 1), opens ? k : k + 1));
    const words = units.map((u) => u.reduce((w, t) => w + wordCount(t), 0));
    const median = [...words].sort((a, b) => a - b)[words.length >> 1];
    if (words.some((w, n) => w > (n < 2 ? Math.max(100, 4 * median) : Math.max(200, 6 * median)))) continue;
    const cut = units.filter((u) => u.some((t) => /(?:…|\.\.\.)\s*$/.test(t) && !short(t))).length;
    if (cut >= 0.5 * units.length) continue;
    if (!best || ks.length > best.count) best = { from, to, action: texts[first], count: ks.length };
  }
  return best;
}

export function comments(s: NormState): void {
  // (before the comment form is taken off the page's end, whose bare "Reply" would cut into the thread)
  if (detectCarrier(s.items, s.formFeeds ?? 0).mode !== 'lines' || (s.formFeeds ?? 0) >= 2) return;
  const lines = s.items.map((it, i) => ({ it, i })).filter((x): x is { it: TextItem; i: number } => x.it.kind === 'text');
  const thread = findThread(lines.map((l) => l.it.text.trim()));
  if (!thread) return;
  const gone = lines.slice(thread.from, thread.to + 1);
  const drop = new Set(gone.map((l) => l.i));
  s.changes.push({ kind: 'remove-cruft', lines: gone.map((l) => l.it.no), from: gone.slice(0, 6).map((l) => l.it.text.trim()).join('\n'), why: `the page’s comment thread or list of other posts after the text (${thread.count} entries, each dated and with its “${thread.action}” link): the readers’ or the site’s, not the text` });
  s.threadAt = gone[0].it.no;
  s.items = s.items.filter((_, i) => !drop.has(i));
}
