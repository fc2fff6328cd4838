// An element's inline content as the normaliser's inline text: white space collapsed as a
// browser collapses it, emphasis as the model's emphasis marks, note references already
// replaced by note tokens (notes.ts), what is not text (scripts, forms, images) left out.
import { LINE_ATTR } from './lines.ts';
import { EM_CLOSE, EM_OPEN } from '../../normalize/types.ts';

export const SKIP = new Set(['script', 'style', 'noscript', 'template', 'button', 'input', 'select', 'textarea', 'svg', 'canvas', 'iframe', 'object', 'embed', 'img', 'video', 'audio', 'map', 'head', 'title', 'meta', 'link', 'annotation', 'annotation-xml']);
const ITALIC = new Set(['em', 'i', 'cite', 'dfn', 'var']);
const BOLD = new Set(['strong', 'b']);


/** The text of a node and its descendants; `stop` ends the walk at a block child (handled by the caller). */
export function inlineText(node: Node, stop?: (el: Element) => boolean): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      out.push((n.nodeValue ?? '').replace(/[\t\n\r\f ]+/g, ' '));
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.localName.toLowerCase();
    if (tag === 'img') {
      const letter = dropCap(el);
      if (letter) out.push(letter);
      return;
    }
    if (SKIP.has(tag) || el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true' || isPageNumber(el)) return;
    if (stop?.(el)) return;
    if (tag === 'br') {
      out.push(' ');
      return;
    }
    const mark = ITALIC.has(tag) ? 1 : BOLD.has(tag) ? 2 : 0;
    const start = out.length;
    for (const c of Array.from(el.childNodes)) walk(c);
    if (mark) {
      const inner = out.splice(start).join('');
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
      // emphasis inside emphasis would close the outer one early in Markdown: kept once
      out.push(m[2] && !m[2].includes(EM_OPEN) ? `${m[1]}${EM_OPEN.repeat(mark)}${m[2]}${EM_CLOSE.repeat(mark)}${m[3]}` : inner);
    }
  };
  walk(node);
  return out.join('').replace(/ {2,}/g, ' ');
}

/**
 * The letter an ornamental initial stands for: an image whose description names one capital
 * ("W", "Ornamental letter 'W'", "Decorative initial T") with the word's lower-case rest glued
 * after it ("<img alt='W'>hen the scout landed").
 */
function dropCap(img: Element): string | undefined {
  const letters = (img.getAttribute('alt') ?? img.getAttribute('title') ?? '').match(/(?<![\p{L}\p{N}])\p{Lu}(?![\p{L}\p{N}])/gu);
  if (letters?.length !== 1) return undefined;
  let next = img.nextSibling;
  while (next && next.nodeType === 1 && !(next.textContent ?? '').length) next = next.nextSibling;
  const after = next?.nodeType === 3 ? (next.nodeValue ?? '') : next?.nodeType === 1 ? ((next as Element).textContent ?? '') : '';
  return /^\p{Ll}/u.test(after) ? letters[0] : undefined;
}

const PAGE_LABEL = /^[[{(]?\s*(?:pg\.?|page|p\.)?\s*[\dxivlc]{1,5}\s*[\]})]?$/i;

/**
 * An original edition's page number set into the page ("[Pg 12]", a margin "12"): marked as
 * one by its own name (id Page_12, class pagenum) or by its words ("[Pg 12]"). Not text.
 */
export function isPageNumber(el: Element): boolean {
  const t = (el.textContent ?? '').trim();
  if (!t || t.length > 14 || !PAGE_LABEL.test(t)) return false;
  const named = /\b(?:(?:page|pg)[_-]?(?:num(?:ber)?|no)?|folio)[_-]?\d*\b/i.test(`${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''} ${el.getAttribute('title') ?? ''}`);
  return named || /^\[(?:pg\.?|page|p\.)\s*\d+\]$/i.test(t);
}

/** The source line an element (or its nearest tagged ancestor) starts on; 0 when unknown. */
export function lineOf(node: Node | null): number {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1) {
      const v = (n as Element).getAttribute(LINE_ATTR);
      if (v) return Number(v);
    }
  }
  return 0;
}
