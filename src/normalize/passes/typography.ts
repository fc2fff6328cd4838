import type { NormState } from '../types.ts';

type Rule = [name: string, re: RegExp, to: string | ((...m: string[]) => string)];

// Order matters: spaces first, then ellipses (which use dots and spaces), dashes, quotes.
const RULES: Rule[] = [
  ['spaces', /[\u00a0\u2002\u2003\u2009\u202f\t]/g, ' '],
  ['ellipsis', /\s*(?:\. ?){2}\.(?! ?\.)/g, (m: string) => (/^\s/.test(m) ? ' …' : '…')],
  ['ellipsis', /\.\.\.(?!\.)/g, '…'],
  ['space before punctuation', /(?<=[\p{L}\p{N}\uE001”’)]) +(?=[,;:!?](?:\s|$))/gu, ''],
  ['space before punctuation', /(?<=[\p{L}\p{N}\uE001”’)]) +(?=\.(?:\s|$))(?<!… )/gu, ''],
  ['dash', /\s*--+\s*/g, '—'],
  ['dash', /\s*―\s*/g, '—'],
  ['dash', /\s+—\s*|\s*—\s+/g, '—'],
  // A spaced en dash is a dash, except between numbers, where it is a range.
  ['dash', /(?<!\d)\s+–\s+|\s+–\s+(?!\d)/g, '—'],
  ['double quotes', /(^|[\s(\[{—–\u2018\uE002])"/g, '$1“'],
  ['double quotes', /"/g, '”'],
  ['single quotes', /(?<=[\p{L}\p{N}])'(?=[\p{L}])/gu, '’'],
  ['single quotes', /(^|[\s(\[{—–“\uE002])'(?=[\p{L}\p{N}\u2026])/gu, '$1‘'],
  ['single quotes', /'/g, '’'],
  ['no-break space', /\b(p|pp|vol|Vol|No|no|ch|chap|Ch|Art|art|t|§)\. (?=[\dIVXLC]+\b)/g, '$1.\u00a0'],
  ['spaces', / {2,}/g, ' '],
  ['spaces', / (?=\uE004(?:\s|$))|(?<=\uE004) (?= )/g, ''],
];

/** House typography: curly quotes, one dash, one ellipsis, single spaces, NBSP where it belongs. */
export function typographyOf(text: string, applied?: Set<string>): string {
  let t = text;
  for (const [name, re, to] of RULES) {
    const next = t.replace(re, to as string);
    if (next !== t) applied?.add(name);
    t = next;
  }
  return t.trim();
}

export function typography(s: NormState): void {
  for (const b of s.blocks) {
    const applied = new Set<string>();
    b.text = typographyOf(b.text, applied);
    if (applied.size) s.changes.push({ kind: 'typography', lines: b.lines, why: [...applied].join(', ') });
  }
  for (const n of s.notes) n.text = typographyOf(n.text);
  for (const k of ['title', 'subtitle', 'author', 'original_publication', 'date_line'] as const) {
    const v = s.meta[k];
    if (typeof v === 'string') s.meta[k] = typographyOf(v);
  }
}
