// What must hold for every raw text, whatever it is: the checks the property tests make.
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { normalize } from '../../src/normalize/chain.ts';
import { parseBook } from '../../src/model/parse.ts';

const mdit = new MarkdownIt({ html: false }).use(footnote);
// words, with bracketed numbers taken out (a mark inside a word, "T[1]hursday", leaves the
// word whole once it is linked or dropped, and splits it while it stays)
// (inside a word when a lower-case letter follows it; "b[12]Lenin" is two words)
const letters = (t: string) =>
  t
    .replace(/\\?\[\^?\d{1,6}\\?\](?=\p{Ll})/gu, '')
    .replace(/\\?\[\^?\d{1,6}\\?\]/g, ' ')
    .toLowerCase()
    .match(/\p{L}+/gu) ?? [];

/** Every failed invariant, in words (empty: all hold). */
export function violations(raw: string): string[] {
  const out: string[] = [];
  let r: ReturnType<typeof normalize>;
  try {
    r = normalize(raw);
  } catch (e) {
    return [`normalize threw: ${(e as Error).stack}`];
  }
  const md = r.markdown;
  // the model parses, with markdown-it and into our Book
  try {
    mdit.parse(md, {});
    parseBook(md);
  } catch (e) {
    out.push(`the Markdown does not parse: ${(e as Error).message}`);
  }
  // every reference has exactly one definition, and every definition is referred to (as
  // markdown-it-footnote reads them: an escaped \[^3\] is text)
  const defs = [...md.matchAll(/^\[\^([^\]\s]+)\]:/gm)].map((m) => m[1]);
  const refs = new Set<string>();
  const walk = (ts: ReturnType<typeof mdit.parse>) => {
    for (const t of ts) {
      if (t.type === 'footnote_ref') refs.add(String(t.meta?.label));
      if (t.children) walk(t.children);
    }
  };
  walk(mdit.parse(md, {}));
  const dup = defs.filter((d, i) => defs.indexOf(d) !== i);
  if (dup.length) out.push(`notes defined twice: ${dup.join(', ')}`);
  for (const d of defs) if (!refs.has(d)) out.push(`note ${d} is never referred to`);
  for (const x of refs) if (!defs.includes(x)) out.push(`reference ${x} has no definition`);
  // no word lost: each is in the Markdown or in a change the report records
  const have = new Map<string, number>();
  const add = (t: string) => {
    for (const w of letters(t)) have.set(w, (have.get(w) ?? 0) + 1);
  };
  add(md);
  for (const c of r.state.changes) if (c.from) add(c.from);
  const need = new Map<string, number>();
  for (const w of letters(raw)) need.set(w, (need.get(w) ?? 0) + 1);
  const lost = [...need].filter(([w, n]) => (have.get(w) ?? 0) < n).map(([w]) => w);
  if (lost.length) out.push(`words lost: ${lost.slice(0, 10).join(', ')}`);
  // the report's line numbers name lines of the raw text
  const n = raw.split(/\r\n|\n|\r/).length;
  for (const x of [...r.state.changes, ...r.state.doubts]) for (const l of x.lines) if (!(Number.isInteger(l) && l >= 1 && l <= n)) out.push(`${x.kind} names line ${l} of ${n}`);
  // the same input, the same bytes
  if (normalize(raw).markdown !== md) out.push('a second run gave other bytes');
  return out;
}
