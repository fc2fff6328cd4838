import type { NormState } from '../types.ts';

type Rule = [name: string, re: RegExp, to: string | ((...m: string[]) => string), when?: (t: string) => boolean];

const has = (...cs: string[]) => (t: string) => cs.some((c) => t.includes(c));

// Order matters: spaces first, then ellipses (which use dots and spaces), dashes, quotes.
const RULES: Rule[] = [
  // a soft hyphen marks where a word may break: the edition breaks its own lines
  ['soft hyphens', /\u00ad/g, '', has('\u00ad')],
  ['spaces', /[\u00a0\u2002-\u200a\u202f\u205f\t]/g, ' ', (t) => /[\u00a0\u2002-\u200a\u202f\u205f\t]/.test(t)],
  ['ellipsis', /\s*(?:\. ?){2}\.(?! ?\.)/g, (m: string) => (/^\s/.test(m) ? ' …' : '…'), has('..', '. .')],
  ['ellipsis', /\.\.\.(?!\.)/g, '…', has('...')],
  ['space before punctuation', /(?<=[\p{L}\p{N}\uE001”’)]) +(?=[,;:!?](?:\s|$))/gu, '', has(' ,', ' ;', ' :', ' !', ' ?')],
  ['space before punctuation', /(?<=[\p{L}\p{N}\uE001”’)]) +(?=\.(?:\s|$))(?<!… )/gu, '', has(' .')],
  ['dash', /\s*--+\s*/g, '—', has('--')],
  ['dash', /\s*―\s*/g, '—', has('―')],
  ['dash', /\s+—\s*|\s*—\s+/g, '—', has(' —', '— ')],
  // A spaced en dash is a dash, except between numbers, where it is a range.
  ['dash', /(?<!\d)\s+–\s+|\s+–\s+(?!\d)/g, '—', has(' – ')],
  ['double quotes', /(^|[\s([{—–\u2018\uE002])"/g, '$1“', has('"')],
  ['double quotes', /"/g, '”', has('"')],
  ['single quotes', /(?<=[\p{L}\p{N}])'(?=[\p{L}])/gu, '’', has("'")],
  ['single quotes', /(^|[\s([{—–“\uE002])'(?=[\p{L}\p{N}\u2026])/gu, '$1‘', has("'")],
  ['single quotes', /'/g, '’', has("'")],
  ['no-break space', /\b(p|pp|vol|Vol|No|no|ch|chap|Ch|Art|art|t|§)\. (?=[\dIVXLC]+\b)/g, '$1.\u00a0', has('. ')],
  ['spaces', / {2,}/g, ' ', has('  ')],
  ['spaces', / (?=\uE004(?:\s|$))|(?<=\uE004) (?= )/g, '', has('\uE004')],
];

/** House typography: curly quotes, one dash, one ellipsis, single spaces, NBSP where it belongs. */
export function typographyOf(text: string, applied?: Set<string>): string {
  let t = text;
  for (const [name, re, to, when] of RULES) {
    if (when && !when(t)) continue;
    const next = t.replace(re, to as string);
    if (next !== t) applied?.add(name);
    t = next;
  }
  return t.trim();
}

export function typography(s: NormState): void {
  for (const b of s.blocks) {
    if (b.kind === 'code') continue;
    const applied = new Set<string>();
    // (a table's cells one by one: the tabs between them stay)
    b.text = b.kind === 'row' ? b.text.split('\t').map((c) => typographyOf(c, applied)).join('\t') : typographyOf(b.text, applied);
    if (applied.size) s.changes.push({ kind: 'typography', lines: b.lines, why: [...applied].join(', ') });
  }
  for (const n of s.notes) n.text = n.text.split('\n\n').map((p) => typographyOf(p)).join('\n\n');
  for (const k of ['title', 'subtitle', 'author', 'original_publication', 'date_line'] as const) {
    const v = s.meta[k];
    if (typeof v === 'string') s.meta[k] = typographyOf(v);
  }
}
