import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { parse as parseYaml } from 'yaml';
import type { StateInline, Token } from 'markdown-it';
import type { Align, Block, Book, BookMeta, Chapter, Inline, Note } from './book.ts';
import { plain } from './book.ts';
import { minOf } from '../collections.ts';

/**
 * `<!--page 39-->`: where page 39 of the original edition begins. Read by this one rule
 * (raw HTML stays off), so the model's page numbers reach the renderers as tokens.
 */
function pageMarks(m: InstanceType<typeof MarkdownIt>): void {
  m.inline.ruler.before('text', 'pagemark', (state: StateInline, silent: boolean) => {
    if (state.src.charCodeAt(state.pos) !== 0x3c /* < */ || !state.src.startsWith('<!--page ', state.pos)) return false;
    const end = state.src.indexOf('-->', state.pos);
    if (end < 0) return false;
    if (!silent) state.push('pagemark', '', 0).meta = { label: state.src.slice(state.pos + 9, end).trim() };
    state.pos = end + 3;
    return true;
  });
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote).use(pageMarks);

/** Splits `---` YAML front matter from the Markdown body. */
export function splitFrontMatter(text: string): { meta: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta = parseYaml(m[1]);
  return { meta: meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {}, body: text.slice(m[0].length) };
}

/**
 * Checks the note labels of a Markdown text before markdown-it sees them, because it
 * would leave a reference to a missing note as literal `[^x]`, let a duplicate label's
 * last definition win, and drop an unreferenced definition without a word.
 */
function checkNotes(body: string, warnings: string[]): string {
  const lines = body.split('\n');
  const defs = new Map<string, number>();
  lines.forEach((l, i) => {
    const m = /^\[\^([^\]\s]+)\]:/.exec(l);
    if (!m) return;
    if (defs.has(m[1])) warnings.push(`line ${i + 1}: note [^${m[1]}] is defined twice; the first definition is kept`);
    else defs.set(m[1], i);
  });
  // Drop the later duplicates so the first definition stands.
  const seen = new Set<string>();
  let out = lines
    .filter((l) => {
      const m = /^\[\^([^\]\s]+)\]:/.exec(l);
      if (!m) return true;
      if (seen.has(m[1])) return false;
      seen.add(m[1]);
      return true;
    })
    .join('\n');
  const referenced = new Set<string>();
  out = out.replace(/\[\^([^\]\s]+)\]/g, (whole, label: string, at: number, all: string) => {
    const definition = (at === 0 || all[at - 1] === '\n') && all[at + whole.length] === ':';
    if (definition) return whole;
    if (defs.has(label)) {
      referenced.add(label);
      return whole;
    }
    warnings.push(`reference [^${label}] has no note definition: the marker is left out of the book`);
    return '';
  });
  const unreferenced = [...defs.keys()].filter((l) => !referenced.has(l));
  if (unreferenced.length) {
    for (const l of unreferenced) warnings.push(`note [^${l}] is never referred to: it is kept, listed at the end of the text`);
    out += `\n\nNotes not referred to in the text: ${unreferenced.map((l) => `[^${l}]`).join(' ')}\n`;
  }
  return out;
}

interface Cursor {
  tokens: Token[];
  i: number;
}

interface Ctx {
  /** markdown-it's note id → the note's key in the book, and the number the reader sees. */
  note: (id: number) => number;
  shown: (id: number) => number;
  repeat: (id: number) => number;
  headings: number;
  prefix: string;
  pages: { label: string; id: string }[];
}

function inlines(tokens: Token[] | null, ctx: Ctx): Inline[] {
  const out: Inline[] = [];
  const stack: Inline[][] = [out];
  const open: Inline[] = [];
  for (const t of tokens ?? []) {
    const top = stack[stack.length - 1];
    switch (t.type) {
      case 'text':
        if (t.content) top.push({ kind: 'text', text: t.content });
        break;
      case 'code_inline':
        top.push({ kind: 'code', text: t.content });
        break;
      case 'softbreak':
        top.push({ kind: 'text', text: ' ' });
        break;
      case 'hardbreak':
        top.push({ kind: 'break' });
        break;
      case 'em_open':
      case 'strong_open':
      case 'link_open': {
        const node: Inline =
          t.type === 'em_open' ? { kind: 'em', children: [] } : t.type === 'strong_open' ? { kind: 'strong', children: [] } : { kind: 'link', href: String(t.attrGet('href') ?? ''), children: [] };
        top.push(node);
        open.push(node);
        stack.push((node as { children: Inline[] }).children);
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        stack.pop();
        open.pop();
        break;
      case 'footnote_ref': {
        const id = t.meta?.id as number;
        top.push({ kind: 'noteref', note: ctx.note(id), n: ctx.shown(id), repeat: ctx.repeat(id) });
        break;
      }
      case 'pagemark': {
        const label = String(t.meta?.label ?? '');
        let id = `${ctx.prefix}page-${label.replace(/[^\p{L}\p{N}]+/gu, '-')}`;
        while (ctx.pages.some((p) => p.id === id)) id += '-';
        ctx.pages.push({ label, id });
        top.push({ kind: 'pagebreak', label, id });
        break;
      }
      default:
        if (t.content) top.push({ kind: 'text', text: t.content });
    }
  }
  // Merge neighbouring text runs.
  const merge = (xs: Inline[]): Inline[] =>
    xs.reduce<Inline[]>((acc, x) => {
      const last = acc[acc.length - 1];
      if (x.kind === 'text' && last?.kind === 'text') last.text += x.text;
      else acc.push('children' in x ? { ...x, children: merge(x.children) } : x);
      return acc;
    }, []);
  return merge(out);
}

function blocks(c: Cursor, until: string | undefined, ctx: Ctx): Block[] {
  const out: Block[] = [];
  while (c.i < c.tokens.length) {
    const t = c.tokens[c.i];
    if (until && t.type === until) {
      c.i++;
      return out;
    }
    c.i++;
    switch (t.type) {
      case 'heading_open': {
        const inl = c.tokens[c.i++];
        c.i++; // heading_close
        out.push({ kind: 'heading', level: Number(t.tag.slice(1)), id: `${ctx.prefix}h${++ctx.headings}`, content: inlines(inl.children, ctx) });
        break;
      }
      case 'paragraph_open': {
        const inl = c.tokens[c.i++];
        c.i++; // paragraph_close
        out.push({ kind: 'para', content: inlines(inl.children, ctx) });
        break;
      }
      case 'blockquote_open':
        out.push({ kind: 'quote', blocks: blocks(c, 'blockquote_close', ctx) });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = t.type.replace('_open', '_close');
        const items: Block[][] = [];
        while (c.i < c.tokens.length && c.tokens[c.i].type !== close) {
          if (c.tokens[c.i].type === 'list_item_open') {
            c.i++;
            items.push(blocks(c, 'list_item_close', ctx));
          } else c.i++;
        }
        c.i++;
        out.push({ kind: 'list', ordered: t.type === 'ordered_list_open', start: Number(t.attrGet('start') ?? 1), items });
        break;
      }
      case 'hr':
        out.push({ kind: 'rule' });
        break;
      case 'table_open':
        out.push(table(c, ctx));
        break;
      case 'fence':
      case 'code_block': {
        // a listing keeps its lines: each a run of code, a line break between them
        const lines = t.content.replace(/\n$/, '').split('\n');
        out.push({ kind: 'para', content: lines.flatMap((l, k): Inline[] => (k ? [{ kind: 'break' }, { kind: 'code', text: l }] : [{ kind: 'code', text: l }])) });
        break;
      }
      default:
        break; // *_close of containers handled by their openers; hidden paragraph flags ignored
    }
  }
  return out;
}

/** markdown-it's table tokens (the cursor just past `table_open`) → a table block. */
function table(c: Cursor, ctx: Ctx): Extract<Block, { kind: 'table' }> {
  let head: Inline[][] = [];
  const rows: Inline[][][] = [];
  const align: Align[] = [];
  let row: Inline[][] | undefined;
  let inHead = false;
  while (c.i < c.tokens.length) {
    const t = c.tokens[c.i++];
    if (t.type === 'table_close') break;
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close' && row) {
      if (inHead) head = row;
      else rows.push(row);
      row = undefined;
    } else if ((t.type === 'th_open' || t.type === 'td_open') && row) {
      if (inHead) align.push((/text-align:(left|right|center)/.exec(String(t.attrGet('style') ?? ''))?.[1] as Align) ?? '');
      const inl = c.tokens[c.i];
      row.push(inl?.type === 'inline' ? inlines(inl.children, ctx) : []);
    }
  }
  // (a header row left empty, as a table with no header of its own is written, is no header)
  if (head.every((cell) => !plain(cell).trim())) head = [];
  return { kind: 'table', align, head, rows };
}

/**
 * Markdown model → Book. Chapters are cut at the highest heading level under the title
 * (one file per chapter in the EPUB); notes are numbered by markdown-it-footnote in order
 * of first reference and their bodies are assigned to the chapter that first refers to them.
 */
export interface ParseOptions {
  /** Put before every anchor (chapters, headings, notes, pages), so pieces bound together never clash. */
  prefix?: string;
  /** Added to the note keys, so they stay unique in a pack. */
  noteBase?: number;
}

export function parseBook(text: string, defaults: Partial<BookMeta> = {}, o: ParseOptions = {}): Book {
  const warnings: string[] = [];
  const { meta: fm, body } = splitFrontMatter(text.replace(/\r\n?/g, '\n'));
  const checked = checkNotes(body, warnings);
  const env: Record<string, unknown> = {};
  const tokens = md.parse(checked, env);
  const prefix = o.prefix ?? '';
  const base = o.noteBase ?? 0;

  // Note ids (markdown-it's, from 0 in order of first reference) → the reader's numbers.
  const seen = new Map<number, number>();
  const ctx: Ctx = {
    note: (id: number) => base + id + 1,
    shown: (id: number) => id + 1,
    repeat: (id: number) => {
      const r = seen.get(id) ?? 0;
      seen.set(id, r + 1);
      return r;
    },
    headings: 0,
    prefix,
    pages: [],
  };
  const bodyEnd = tokens.findIndex((t) => t.type === 'footnote_block_open');
  const main = blocks({ tokens: bodyEnd >= 0 ? tokens.slice(0, bodyEnd) : tokens, i: 0 }, undefined, ctx);

  const notes = new Map<number, Note>();
  if (bodyEnd >= 0) {
    const tail = tokens.slice(bodyEnd);
    for (let i = 0; i < tail.length; i++) {
      if (tail[i].type !== 'footnote_open') continue;
      const id = tail[i].meta?.id as number;
      const c = { tokens: tail, i: i + 1 };
      const nb = blocks(c, 'footnote_close', { ...ctx, repeat: () => 0 });
      notes.set(base + id + 1, { n: id + 1, id: `${prefix}${id + 1}`, blocks: nb, chapter: 0 });
      i = c.i - 1;
    }
  }

  // The title: front matter first, else a leading level-1 heading.
  let title = typeof fm.title === 'string' ? fm.title : undefined;
  if (main[0]?.kind === 'heading' && main[0].level === 1 && (!title || plain(main[0].content) === title)) {
    title ??= plain(main[0].content);
    main.shift();
  }
  const meta: BookMeta = { ...defaults, ...fm, title: title ?? defaults.title ?? 'Untitled', language: String(fm.language ?? defaults.language ?? 'en') };
  for (const k of Object.keys(meta)) if (meta[k] !== undefined && typeof meta[k] !== 'string') meta[k] = String(meta[k]);

  const chapters = splitChapters(main, meta.title, prefix);
  // Each note's body goes at the end of the chapter that first refers to it.
  chapters.forEach((ch, ci) => {
    for (const n of noteRefsIn(ch.blocks)) {
      const note = notes.get(n);
      if (note && !chapters.some((o) => o.notes.includes(n))) {
        note.chapter = ci;
        ch.notes.push(n);
      }
    }
  });
  const pages = chapters.flatMap((ch, ci) => pageBreaksIn(ch.blocks).map((p) => ({ label: p.label, id: p.id, chapter: ci })));
  return { meta, chapters, notes, warnings, parts: [], pages };
}

function splitChapters(main: Block[], bookTitle: string, prefix: string): Chapter[] {
  const levels = main.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading').map((h) => h.level);
  const top = minOf(levels, 0);
  const chapters: Chapter[] = [];
  let cur: Chapter | undefined;
  const start = (title: string) => {
    cur = { id: `${prefix}ch${String(chapters.length + 1).padStart(2, '0')}`, title, blocks: [], notes: [] };
    chapters.push(cur);
  };
  for (const b of main) {
    if (b.kind === 'heading' && b.level === top) start(plain(b.content));
    else if (!cur) start(bookTitle);
    cur!.blocks.push(b);
  }
  if (!chapters.length) start(bookTitle);
  return chapters;
}

/** Every inline of some blocks, in reading order. */
function eachInline(bs: Block[], f: (x: Inline) => void): void {
  const walkInl = (xs: Inline[]) => {
    for (const x of xs) {
      f(x);
      if ('children' in x) walkInl(x.children);
    }
  };
  const walk = (b: Block) => {
    if (b.kind === 'heading' || b.kind === 'para') walkInl(b.content);
    else if (b.kind === 'quote') b.blocks.forEach(walk);
    else if (b.kind === 'list') b.items.flat().forEach(walk);
    else if (b.kind === 'table') [b.head, ...b.rows].flat().forEach(walkInl);
  };
  bs.forEach(walk);
}

/** Note keys referred to in blocks, in reading order, each once. */
export function noteRefsIn(bs: Block[]): number[] {
  const out: number[] = [];
  eachInline(bs, (x) => {
    if (x.kind === 'noteref' && !out.includes(x.note)) out.push(x.note);
  });
  return out;
}

/** The original edition's page breaks in blocks, in reading order. */
export function pageBreaksIn(bs: Block[]): Extract<Inline, { kind: 'pagebreak' }>[] {
  const out: Extract<Inline, { kind: 'pagebreak' }>[] = [];
  eachInline(bs, (x) => {
    if (x.kind === 'pagebreak') out.push(x);
  });
  return out;
}
