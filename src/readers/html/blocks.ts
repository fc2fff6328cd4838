// A content element to the model's blocks, by its tags: headings, paragraphs, list items,
// block quotations, preformatted text, tables of data (a layout table's row is one paragraph).
import type { Block, BlockKind } from '../../normalize/types.ts';
import { inlineText, isPageNumber, lineOf, SKIP } from './inline.ts';

export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot',
  'tr', 'td', 'th', 'caption', 'ul', 'menu', 'body', 'html', 'math',
]);

const tagOf = (el: Element) => el.localName.toLowerCase();
const isBlock = (n: Node) => n.nodeType === 1 && BLOCK_TAGS.has(tagOf(n as Element)) && tagOf(n as Element) !== 'math';

/**
 * A heading its page left open, holding the blocks after it: more words than a heading has, in
 * blocks of their own (a heading's lines parted by `<br><br>` may come back from Readability as
 * paragraphs, and stay one heading).
 */
export const holdsBlocks = (el: Element): boolean =>
  Array.from(el.childNodes).some(isBlock) && (el.textContent ?? '').split(/\s+/).filter(Boolean).length > 40;

interface Ctx {
  quote: boolean;
  blocks: Block[];
}

function push(ctx: Ctx, kind: BlockKind, text: string, at: Node, extra: Partial<Block> = {}) {
  const t = text.replace(/\s+(?=\uE000)/g, '').trim();
  if (!t && kind !== 'code') return;
  const line = lineOf(at);
  ctx.blocks.push({ kind: ctx.quote && kind === 'para' ? 'quote' : kind, text: t, lines: line ? [line] : [], widths: [], page: 0, ...extra });
}

/** Inline runs between block children become paragraphs of their own (a div with text and lists). */
function mixed(el: Element, ctx: Ctx, kind: BlockKind = 'para', extra: Partial<Block> = {}, nodes = Array.from(el.childNodes)) {
  let run: Node[] = [];
  const flush = () => {
    if (!run.length) return;
    const text = run.map((n) => inlineText(n)).join('');
    push(ctx, kind, text, run[0].nodeType === 1 ? run[0] : el, extra);
    run = [];
  };
  for (const c of nodes) {
    if (isBlock(c)) {
      flush();
      walk(c as Element, ctx);
    } else run.push(c);
  }
  flush();
}

function walk(el: Element, ctx: Ctx): void {
  const tag = tagOf(el);
  if (SKIP.has(tag) || el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true' || isPageNumber(el)) return;
  const h = /^h([1-6])$/.exec(tag);
  if (h && !holdsBlocks(el)) {
    push(ctx, 'heading', inlineText(el), el, { level: Number(h[1]) });
    return;
  }
  if (h) {
    // a heading left open (`<h3>328.<br>TO SCHINDLER.</p>`) holds the blocks that follow it:
    // its own words up to the first of them are the heading, the rest are blocks
    const nodes = Array.from(el.childNodes);
    const first = nodes.findIndex(isBlock);
    push(ctx, 'heading', nodes.slice(0, first).map((n) => inlineText(n)).join(''), el, { level: Number(h[1]) });
    mixed(el, ctx, 'para', {}, nodes.slice(first));
    return;
  }
  if (tag === 'pre') {
    const text = (el.textContent ?? '').replace(/\n$/, '');
    if (text.trim()) ctx.blocks.push({ kind: 'code', text, lines: lineOf(el) ? [lineOf(el)] : [], widths: [], page: 0, indent: 0 });
    return;
  }
  if (tag === 'ol' || tag === 'ul' || tag === 'menu') {
    let n = Number(el.getAttribute('start') ?? 1) || 1;
    for (const li of Array.from(el.children)) {
      if (tagOf(li) !== 'li') {
        walk(li, ctx);
        continue;
      }
      const label = tag === 'ol' ? `${n}.` : undefined;
      n++;
      mixed(li, ctx, 'item', label ? { label } : {});
    }
    return;
  }
  if (tag === 'blockquote') {
    const was = ctx.quote;
    ctx.quote = true;
    mixed(el, ctx);
    ctx.quote = was;
    return;
  }
  if (tag === 'table' && dataTable(el) && table(el, ctx)) return;
  if (tag === 'tr') {
    push(ctx, 'para', Array.from(el.children).map((c) => inlineText(c)).join(' '), el);
    return;
  }
  if (tag === 'hr') return;
  mixed(el, ctx);
}

const PAGE_CELL = /^(?:p(?:age|\.)?\s*)?(?:\d{1,4}|[ivxlc]{1,7})\.?$|^ibid\.?$/i;

/**
 * A table of data as the model's rows (false when it is none): its caption a paragraph above
 * it, its header the first row when <thead> holds it or its cells are all <th>; the columns no
 * row fills are left out. A source's contents set as a table (its last column page numbers)
 * is a list of its entries, without the source's pages, as in a text.
 */
function table(el: Element, ctx: Ctx): boolean {
  const trs = Array.from(el.querySelectorAll('tr')).filter((tr) => tr.closest('table') === el);
  const cellsOf = (tr: Element) => Array.from(tr.children).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th');
  const rows = trs.map((tr) => ({ tr, cells: cellsOf(tr).map((c) => inlineText(c).replace(/\s+/g, ' ').trim()) })).filter((r) => r.cells.some(Boolean));
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const used = Array.from({ length: width }, (_, c) => rows.some((r) => r.cells[c]));
  const kept = rows.map((r) => ({ ...r, cells: r.cells.filter((_, c) => used[c]) }));
  const cols = used.filter(Boolean).length;
  if (cols < 2) return false;
  for (const c of Array.from(el.children)) if (tagOf(c) === 'caption') push(ctx, 'para', inlineText(c), c);
  const last = kept.map((r) => r.cells[cols - 1] ?? '').filter(Boolean);
  if (last.length >= 3 && last.filter((t) => PAGE_CELL.test(t)).length >= 0.8 * last.length) {
    for (const r of kept) push(ctx, 'item', r.cells.slice(0, cols - 1).filter(Boolean).join(' '), r.tr);
    return true;
  }
  kept.forEach((r, k) => {
    const header = k === 0 && (r.tr.parentElement?.localName.toLowerCase() === 'thead' || cellsOf(r.tr).every((c) => tagOf(c) === 'th'));
    ctx.blocks.push({ kind: 'row', text: r.cells.join('\t'), lines: lineOf(r.tr) ? [lineOf(r.tr)] : [], widths: [], page: 0, row: { first: k === 0, header } });
  });
  return true;
}

/**
 * A table of data, not of layout: rows of two cells or more, none holding blocks of its own
 * (paragraphs, lists, another table) or a passage of text.
 */
function dataTable(table: Element): boolean {
  const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  const cells = rows.flatMap((tr) => Array.from(tr.children).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th'));
  if (rows.length < 2 || Math.max(...rows.map((tr) => tr.children.length)) < 2) return false;
  return cells.every((c) => !c.querySelector('p, div, ul, ol, table, blockquote, pre, h1, h2, h3, h4, h5, h6') && (c.textContent ?? '').length <= 400);
}

/** The blocks of a content element, headings levelled so that the highest is `top`. */
export function blocksOf(root: Element): Block[] {
  const ctx: Ctx = { quote: false, blocks: [] };
  walk(root, ctx);
  return ctx.blocks;
}
