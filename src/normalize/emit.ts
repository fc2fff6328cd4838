import { stringify } from 'yaml';
import type { Block, Metadata, Note, NormState } from './types.ts';
import { HARD_BREAK, NOTE_TOKEN_RE, PAGE_TOKEN_RE, TAG_TOKEN_RE } from './types.ts';
import { placeMarks } from './passes/pagemarks.ts';
import { cellsOf } from './passes/tables.ts';
import { pushAll } from '../collections.ts';

/** Escapes what Markdown would read as markup, so the text comes out as text. */
export function escapeInline(t: string): string {
  return t
    .replace(TAG_TOKEN_RE, '<$1>')
    .replace(/\\/g, '\\\\')
    .replace(/([*_`[\]<>])/g, '\\$1')
    // (a literal "[^a]", a transcriber's circumflex: the caret escaped too, so no reader, even one
    // blind to the bracket's escape, takes it for a note's reference)
    .replace(/\\\[\^/g, '\\[\\^')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/\uE002/g, '*')
    .replace(/\uE003/g, '*')
    .replace(/\uE004/g, '')
    .replace(NOTE_TOKEN_RE, (_m, id: string) => `[^${id}]`)
    // an original page break, as an HTML comment: other Markdown tools show nothing
    // a page whose number nothing states or implies is no page of the page list
    .replace(PAGE_TOKEN_RE, (_m, label: string) => {
      const l = label.replace(/[^\p{L}\p{N} .]/gu, '').trim();
      return l ? `<!--page ${l}-->` : '';
    });
}


/** Escapes what would start a block construct at the beginning of a line (of each line a hard break opens). */
function escapeStart(t: string): string {
  const one = (x: string) => x.replace(/^(#{1,6}(?=\s)|[+\-=](?=\s)|>)/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return t.includes(HARD_BREAK) ? t.split(HARD_BREAK).map(one).join('\\\n') : one(t);
}

/** A code listing as a fenced block: its lines as they were, less their common indentation. */
function codeMd(b: Block): string {
  const cut = b.indent ?? 0;
  const lines = b.text.split('\n').map((l) => l.slice(Math.min(cut, /^ */.exec(l)![0].length)).replace(TAG_TOKEN_RE, '<$1>').replace(/[\uE000-\uE007]/g, ''));
  const fence = lines.some((l) => l.startsWith('```')) ? '~~~' : '```';
  return `${fence}\n${lines.join('\n')}\n${fence}`;
}

const BULLET = /^[•·▪◦‣●○■□*+–—-]$/;

function blockMd(b: Block): string {
  if (b.kind === 'code') return codeMd(b);
  // (a page that opens at the break keeps its mark, on a line of its own: beside it the rule would be text)
  if (b.kind === 'break') return b.pageMarks?.length ? `${escapeInline(placeMarks('', b.pageMarks))}\n\n* * *` : '* * *';
  const text = escapeInline(b.pageMarks?.length ? placeMarks(b.text, b.pageMarks) : b.text);
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level ?? 2)} ${text}`;
    case 'quote':
      return `> ${escapeStart(text)}`;
    case 'item':
      // a numbered list is Markdown's own ordered list; a bullet is the list's own mark ("- • text" would show two)
      if (b.label && /^\d{1,9}\.$/.test(b.label)) return `${b.label} ${escapeStart(text)}`;
      return b.label && !BULLET.test(b.label) ? `- ${escapeInline(b.label).replace(/^(\d+)([.)])/, '$1\\$2')} ${text}`.replace(/ +$/, '') : `- ${escapeStart(text)}`;
    case 'byline':
      return `*${text}*`;
    default:
      return escapeStart(text);
  }
}

/** A table from its first row on: GFM's pipe table (a header row left empty where the table has none). */
function tableMd(blocks: Block[], from: number): string {
  const rows: string[][] = [];
  for (let k = from; k < blocks.length && blocks[k].kind === 'row' && (k === from || !blocks[k].row?.first); k++) rows.push(cellsOf(blocks[k].text).map((c) => escapeInline(c).replace(/\|/g, '\\|')));
  const n = Math.max(...rows.map((r) => r.length));
  const line = (r: string[]) => `| ${Array.from({ length: n }, (_, c) => r[c] ?? '').join(' | ')} |`;
  const header = blocks[from].row?.header ? rows.shift()! : [];
  return [line(header), line(Array.from({ length: n }, () => '---')), ...rows.map(line)].join('\n');
}

const FRONT_ORDER = ['title', 'subtitle', 'author', 'date', 'original_publication', 'language', 'source', 'rights', 'publisher', 'description'];

export function frontMatter(m: Metadata): string {
  const ordered: Record<string, unknown> = {};
  for (const k of FRONT_ORDER) if (m[k] !== undefined) ordered[k] = m[k];
  for (const [k, v] of Object.entries(m)) if (!(k in ordered) && v !== undefined) ordered[k] = v;
  return `---\n${stringify(ordered, { lineWidth: 0 }).trimEnd()}\n---\n`;
}

/** The Markdown model: front matter, the blocks, then the notes as markdown-it-footnote definitions. */
export function emit(s: NormState): string {
  const out: string[] = [frontMatter(s.meta)];
  if (s.meta.title) out.push(`# ${escapeInline(String(s.meta.title))}`);
  let prevItem = false;
  const parts: string[] = [];
  for (const [k, b] of s.blocks.entries()) {
    if (b.kind === 'row') {
      if (b.row?.first || s.blocks[k - 1]?.kind !== 'row') parts.push(tableMd(s.blocks, k));
      prevItem = false;
      continue;
    }
    const md = blockMd(b);
    // Consecutive items form one list; a quotation run stays one quotation per paragraph.
    // (a sub-entry is set in under the item before it: Markdown's nested list)
    if (b.kind === 'item' && prevItem) parts[parts.length - 1] += `\n${b.depth ? '  ' : ''}${md}`;
    else parts.push(md);
    prevItem = b.kind === 'item';
  }
  pushAll(out, parts);
  if (s.notes.length) out.push(s.notes.map((n: Note) => `[^${n.id}]: ${n.text.split('\n\n').map((p) => escapeStart(escapeInline(p))).join('\n\n    ')}`).join('\n'));
  return `${out[0]}\n${out.slice(1).join('\n\n')}\n`;
}
